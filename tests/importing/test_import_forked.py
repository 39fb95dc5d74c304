"""A waste logbook's rows built by a forked child while the import reads on: the same entries,
in the same order, the same refusals, as when the import builds every row itself.

Batches are made 2 rows and a chunk 2 batches here (``BATCH_ROWS``, ``CHUNK_BATCHES``), so that
a few rows make several chunks; each import is done twice, into two copies of the same city,
with the child and without it (``can_fork``), and compared. The stores are real."""

from __future__ import annotations

import json
import os
import shutil

import pytest

import envtrack.importing.checking as checking
from envtrack.store import resolve
from importing.conftest import indicators, write_csv

HEADERS = ["tanggal", "lokasi", "jenis", "berat_kg", "tujuan"]
CATEGORIES = ["plastik", "kertas-karton", "sisa-makanan"]


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr("envtrack.importing.checking.BATCH_ROWS", 2)
    monkeypatch.setattr("envtrack.importing.checking.CHUNK_BATCHES", 2)


@pytest.fixture
def forks(monkeypatch) -> list[int]:
    """How many builders the imports forked."""
    made: list[int] = []

    class Counted(checking.Builder):
        def __init__(self, *args, **kwargs):
            made.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr("envtrack.importing.checking.Builder", Counted)
    return made


def rows(count: int) -> list[list[str]]:
    """``count`` waste rows, 1 to ``count`` kg: 4 April 2025 on, two sites, three categories."""
    sites = ["rw-03-kranggan", "RW 03 Kranggan"]  # a slug and a registered name: the same site
    return [HEADERS] + [
        [f"2025-04-{1 + n % 28:02d}", sites[n % 2], CATEGORIES[n % 3], f"{n + 1},5", "daur-ulang"] for n in range(count)
    ]


def entries(db: str) -> list[tuple[str, dict]]:
    """Each waste entry in log order: its id and its state but for the recording time."""
    found = []
    for page in resolve(db).read_log(after=0):
        for _, originator_id, _, topic, state in page:
            if topic == "domain.waste:WasteEntry.Recorded":
                payload = json.loads(state)
                del payload["timestamp"]
                found.append((str(originator_id), payload))
    return found


def both_ways(city: str, run, monkeypatch, *args: str):
    """The import run on a copy of the city without the child, then on the city with it."""
    alone = str(resolve(city).sqlite_path) + ".alone.db"
    shutil.copy(resolve(city).sqlite_path, alone)
    with monkeypatch.context() as patch:
        patch.setattr("envtrack.importing.checking.can_fork", lambda: False)
        from cli.support import invoke

        without = invoke(alone, *args)
    return without, run(*args), alone


@pytest.fixture
def sqlite_city(city: str) -> str:
    if resolve(city).backend != "sqlite":
        pytest.skip("the copy of the city is a SQLite file")
    return city


def test_rows_built_by_the_child_reach_the_log_in_file_order(city, run, tmp_path, small_chunks, forks):
    logbook = write_csv(tmp_path / "sampah.csv", rows(13), delimiter=";")  # 7 batches: 3 chunks and a batch

    forked = run("import", str(logbook))

    assert forked.exit_code == 0, forked.stderr
    assert forks == [1]
    written = entries(city)
    assert forked.stdout.split() == [entry_id for entry_id, _ in written]
    assert [(e["site"], e["category"], e["kg"]) for _, e in written] == [
        ("rw-03-kranggan", CATEGORIES[n % 3], n + 1.5) for n in range(13)
    ]
    assert indicators(run)["waste"]["daur_ulang_kg"] == 97.5  # 13 × 1.5 + (0 + … + 12)
    again = run("import", str(logbook))
    assert again.stdout == "" and "13 rows read, 0 written, 13 already present" in again.stderr


def test_rows_built_by_the_child_are_the_entries_built_here(sqlite_city, run, tmp_path, small_chunks, forks, monkeypatch):
    logbook = write_csv(tmp_path / "sampah.csv", rows(13), delimiter=";")

    without, forked, alone = both_ways(sqlite_city, run, monkeypatch, "import", str(logbook))

    assert forked.exit_code == without.exit_code == 0, forked.stderr
    assert forks == [1]
    assert forked.stdout == without.stdout  # the same ids, in file order
    assert entries(sqlite_city) == entries(alone)


def test_a_row_the_domain_refuses_in_a_childs_chunk_is_reported_as_here(
    sqlite_city, run, head, tmp_path, small_chunks, forks, monkeypatch
):
    logbook = rows(13)
    logbook[6][0] = "2099-01-01"  # row 7, in the second chunk: a date to come, refused by the domain
    logbook[12][0] = "2099-01-02"  # row 13, the last batch, built here
    path = write_csv(tmp_path / "sampah.csv", logbook)
    before = head()

    without, forked, _ = both_ways(sqlite_city, run, monkeypatch, "import", str(path))

    assert forked.exit_code == without.exit_code == 1
    assert forks == [1]
    assert forked.stderr == without.stderr.replace(".alone.db", "")
    assert [line.split(",")[0] for line in forked.stderr.splitlines()[:2]] == ["row 7", "row 13"]
    assert "2 bad rows of 13; nothing written" in forked.stderr
    assert forked.stdout == ""
    assert head() == before


def test_the_import_builds_the_rows_itself_when_the_child_is_gone(sqlite_city, run, tmp_path, small_chunks, forks, monkeypatch):
    monkeypatch.setattr("envtrack.importing.forked._serve", lambda *args: os._exit(3))
    logbook = write_csv(tmp_path / "sampah.csv", rows(13))

    without, forked, alone = both_ways(sqlite_city, run, monkeypatch, "import", str(logbook))

    assert forked.exit_code == 0, forked.stderr
    assert forks == [1]
    assert forked.stdout == without.stdout
    assert entries(sqlite_city) == entries(alone)


def test_a_logbook_of_waste_and_exchanges_keeps_its_order(city, run, tmp_path, small_chunks, forks):
    from importing.conftest import write_xlsx

    book = write_xlsx(
        tmp_path / "buku.xlsx",
        {
            "sampah": rows(9),
            "tukar": [["date", "site", "bottles", "items"], ["2025-04-02", "smpn-6", "20", "pensil=1"]],
            "sampah lagi": rows(5)[1:],  # no header: refused
        },
    )
    result = run("import", str(book))
    assert result.exit_code == 1
    assert forks == [1]  # the first sheet's chunks went to the child
    assert "nothing written" in result.stderr

    book = write_xlsx(tmp_path / "buku2.xlsx", {"sampah": rows(9), "tukar": [["date", "site", "bottles", "items"], ["2025-04-02", "smpn-6", "20", "pensil=1"]]})
    result = run("import", str(book))
    assert result.exit_code == 0, result.stderr
    ids = result.stdout.split()
    assert len(ids) == 10
    assert ids[:9] == [entry_id for entry_id, _ in entries(city)]  # the waste rows first, in order

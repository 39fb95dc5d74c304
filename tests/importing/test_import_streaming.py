"""Imports in batches: rows are checked batch by batch and kept on disk, not in memory, then
written from there; a bad row in any batch still means nothing written; stock, fish counts and
repeated rows carry across batches; input that cannot seek (a pipe) is read once.

The batch is made 2 rows here (``BATCH_ROWS``, a constant of the importer), so that a few rows
span several batches; the store is real."""

from __future__ import annotations

import os
import threading
from datetime import date
from pathlib import Path

import pytest

from importing.conftest import indicators, recorded, write_csv, write_xlsx

WASTE = "domain.waste:WasteEntry.Recorded"
HEADERS = ["date", "site", "category", "kg", "destination"]


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr("envtrack.importing.checking.BATCH_ROWS", 2)


def waste_rows(count: int) -> list[list[str]]:
    return [HEADERS] + [[f"2025-04-{1 + n:02d}", "rw-03-kranggan", "plastik", "1,5", "daur-ulang"] for n in range(count)]


def test_a_bad_row_in_the_last_batch_writes_nothing(city, run, head, tmp_path, small_batches):
    rows = waste_rows(7)
    rows[7][3] = "-1"  # row 8, in the fourth batch
    before = head()

    result = run("import", str(write_csv(tmp_path / "x.csv", rows)))

    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "row 8, column D (kg): kg -1.0: is not a finite number greater than 0",
        f"Error: {tmp_path / 'x.csv'}: 1 bad rows of 7; nothing written",
    ]
    assert head() == before


def test_rows_written_over_several_batches_are_each_written_once(city, run, head, tmp_path, small_batches):
    logbook = write_csv(tmp_path / "x.csv", waste_rows(7))
    before = head()

    result = run("import", str(logbook))

    assert result.exit_code == 0, result.stderr
    assert len(set(result.stdout.split())) == 7
    assert head() == before + 7
    assert indicators(run)["waste"]["daur_ulang_kg"] == 10.5  # 7 × 1.5
    again = run("import", str(logbook))
    assert again.stdout == ""
    assert "7 rows read, 0 written, 7 already present" in again.stderr
    assert head() == before + 7


def test_identical_rows_in_different_batches_are_two_entries_on_every_import(city, run, head, tmp_path, small_batches):
    same = ["2025-04-01", "smpn-6", "plastik", "2", "tps"]
    rows = [HEADERS, same, ["2025-04-02", "smpn-6", "kaca", "1", "tps"], ["2025-04-03", "smpn-6", "kaca", "1", "tps"],
            ["2025-04-04", "smpn-6", "kaca", "1", "tps"], same]  # rows 2 and 6: batches 1 and 3
    first = run("import", str(write_csv(tmp_path / "x.csv", rows)))
    assert first.exit_code == 0, first.stderr
    assert len(first.stdout.split()) == 5
    before = head()

    longer = run("import", str(write_csv(tmp_path / "y.csv", rows + [same])))

    assert longer.exit_code == 0, longer.stderr
    assert len(longer.stdout.split()) == 1  # the third occurrence only
    assert "6 rows read, 1 written, 5 already present" in longer.stderr
    assert head() == before + 1
    plastic = [e for e in recorded(city, WASTE).values() if e["category"] == "plastik"]
    assert len(plastic) == 3


def test_the_stock_carries_across_batches_when_checked_and_when_written(city, run, head, tmp_path, small_batches):
    # smpn-6: pensil 10 in stock (20 bottles each), buku-tulis 2 (40 bottles each)
    header = ["date", "site", "bottles", "items"]
    good = [
        header,
        ["2025-03-10", "smpn-6", "40", "buku-tulis"],  # buku-tulis 2 -> 1
        ["2025-03-10", "smpn-6", "40", "buku-tulis"],  # 1 -> 0
        ["2025-03-11", "smpn-6", "20", "pensil"],  # batch 2: pensil 10 -> 9
        ["2025-03-11", "smpn-6", "40", "pensil=2"],  # 9 -> 7
    ]
    bad = good[:4] + [["2025-03-11", "smpn-6", "40", "buku-tulis"]]  # row 5: none left
    before = head()

    refused = run("import", str(write_csv(tmp_path / "bad.csv", bad)))

    assert refused.exit_code == 1
    assert refused.stderr.splitlines()[0] == "row 5, column D (items): item 'buku-tulis=1': only 0 in stock"
    assert head() == before

    result = run("import", str(write_csv(tmp_path / "good.csv", good)))

    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.split()) == 4
    sambo = indicators(run)["sambo"]
    assert sambo["items_issued"] == {"buku-tulis": 2, "pensil": 3}
    assert sambo["stock"] == {"pensil": 7}


def _through_a_pipe(tmp_path: Path, data: bytes) -> tuple[Path, threading.Thread]:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)

    def feed() -> None:
        with open(pipe, "wb") as handle:
            handle.write(data)

    feeder = threading.Thread(target=feed)
    feeder.start()
    return pipe, feeder


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_logbook_from_a_pipe_is_read_once_and_imported(city, run, head, tmp_path, fmt):
    rows = waste_rows(3)
    source = write_csv(tmp_path / "x.csv", rows) if fmt == "csv" else write_xlsx(tmp_path / "x.xlsx", {"Sampah": rows})
    pipe, feeder = _through_a_pipe(tmp_path, source.read_bytes())
    before = head()

    result = run("import", str(pipe))
    feeder.join(timeout=10)

    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.split()) == 3
    assert head() == before + 3
    assert f"{pipe}: 3 rows read, 3 written, 0 already present" in result.stderr


def _import_while_another_operator_records(db: str, logbook: Path, other) -> tuple[object, list[list]]:
    """``import_file`` on the real store; after its first batch is saved, ``other(app)`` records
    through a second application, as another operator at the school would."""
    from envtrack.application import EnvTrack
    from envtrack.importing import import_file
    from envtrack.store import resolve

    from importing.conftest import SET_UP_ON

    app = EnvTrack(resolve(db), operator="dlh", today=lambda: SET_UP_ON.replace(year=2026))
    batches: list[list] = []

    def written(ids: list) -> None:
        batches.append(ids)
        if len(batches) == 1:
            second = EnvTrack(resolve(db), operator="guru")
            try:
                other(second)
            finally:
                second.close()

    try:
        return import_file(app, str(logbook), written=written), batches
    finally:
        app.close()


PENCILS = [["date", "site", "bottles", "items"]] + [["2025-03-10", "smpn-6", "20", "pensil"] for _ in range(4)]


def test_a_batch_that_loses_a_race_is_written_again_against_the_fresh_stock(city, tmp_path, small_batches, run):
    logbook = write_csv(tmp_path / "tukar.csv", PENCILS)

    result, batches = _import_while_another_operator_records(
        city, logbook, lambda other: other.receive_supplies("smpn-6", "pensil", qty=5, on=date(2025, 3, 1))
    )

    # the second batch's save found the ledger changed, and was made again: 2 + 2 rows
    assert [len(ids) for ids in batches] == [2, 2]
    assert (result.written, result.already_present) == (4, 0)
    assert indicators(run)["sambo"]["stock"]["pensil"] == 11  # 10 + 5 received - 4 issued


def test_rows_the_store_no_longer_allows_are_refused_after_the_batches_written(city, tmp_path, small_batches):
    from envtrack.importing import ImportRefused

    logbook = write_csv(tmp_path / "tukar.csv", PENCILS)

    # after the first batch (2 pensil issued, 8 left) another operator issues the other 8
    with pytest.raises(ImportRefused) as refused:
        _import_while_another_operator_records(
            city, logbook, lambda other: other.record_exchange("smpn-6", bottles=160, items={"pensil": 8}, on=date(2025, 3, 1))
        )

    assert refused.value.written == 2
    assert [str(p.reason) for p in refused.value.problems] == [
        "item 'pensil=1': only 0 in stock", "item 'pensil=1': only 0 in stock"
    ]


def test_checking_reports_progress_as_it_goes(city, run, tmp_path, monkeypatch):
    monkeypatch.setattr("envtrack.importing.checking.CHECKED_EVERY", 2_000)  # 100,000 in use
    rows = [HEADERS] + [[f"2025-04-{1 + n % 28:02d}", "rw-03-kranggan", "kaca", "1", "tps"] for n in range(7_000)]

    result = run("import", str(write_csv(tmp_path / "x.csv", rows)), "--dry-run")

    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "2000 rows checked",
        "4000 rows checked",
        "6000 rows checked",
        "7000 rows checked",
        f"{tmp_path / 'x.csv'}: 7000 rows read, 7000 would be written, 0 already present (dry run: nothing written)",
    ]


def test_a_byte_that_is_not_utf8_late_in_the_file_is_refused_at_its_place(city, run, head, tmp_path, small_batches):
    text = "".join(";".join(row) + "\n" for row in waste_rows(5))
    logbook = tmp_path / "x.csv"
    logbook.write_bytes(text.encode() + b"2025-04-09;rw-03-kranggan;kaca;1;tps \xe9\n")
    before = head()

    result = run("import", str(logbook))

    assert result.exit_code == 1
    # the bad byte: after the 6 lines of the first text, and the 37 bytes before it on its line
    assert result.stderr == f"Error: file '{logbook}': is not UTF-8 text (byte {len(text.encode()) + 37 + 1}): save it as 'CSV UTF-8'\n"
    assert head() == before

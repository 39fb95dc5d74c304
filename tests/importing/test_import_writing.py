"""What an import writes, and when the store changes between its check and its write: the rows'
events are encoded when checked and written as checked only while nothing else has written to
the store; after that the rows are built again against it, so that a site closed meanwhile
refuses its rows and rows another import wrote meanwhile are not written twice. Entry ids stay
what they were (re-imports of files imported by earlier releases find their rows)."""

from __future__ import annotations

import json
from datetime import date
from hashlib import sha1
from uuid import UUID

import pytest

from importing.conftest import SET_UP_ON, write_csv

ROWS = [
    ["date", "site", "category", "kg", "destination", "source", "operator"],
    ["2025-04-01", "rw-03-kranggan", "plastik", "1,5", "daur-ulang", "", ""],
    ["2025-04-02", "rw-03-kranggan", "kertas-karton", "2", "tps", "pasar", "Bu Rini"],
    ["2025-04-03", "smpn-6", "sisa-makanan", "0,75", "kompos", "", ""],
]


def _app(db: str, operator: str = "dlh"):
    from envtrack.application import EnvTrack
    from envtrack.store import resolve

    return EnvTrack(resolve(db), operator=operator, today=lambda: SET_UP_ON.replace(year=2026))


def _import(db: str, path, between=None):
    """``import_file`` on the real store; ``between(db)`` runs after every row is checked and
    before anything is written, as another operator's process would."""
    from envtrack import importing

    app = _app(db)
    progress = None
    if between is not None:

        def progress(stage: str, done: int, total: int) -> None:
            if stage == "checked":
                between(db)

    try:
        return importing.import_file(app, str(path), progress=progress)
    finally:
        app.close()


@pytest.fixture
def report_every_file(monkeypatch):
    monkeypatch.setattr("envtrack.importing.PROGRESS_FROM_ROWS", 1)  # "checked" is reported at once


def _stored(db: str, topic: str) -> dict[str, dict]:
    from envtrack.store import resolve

    found = {}
    for page in resolve(db).read_log(topics=[topic]):
        for _, originator_id, version, _, state in page:
            found[str(originator_id)] = (version, json.loads(state))
    return found


def test_an_imported_rows_entry_id_is_the_uuid5_of_its_canonical_text(city, tmp_path):
    # by hand: kind, then every field of the layout in order, "" for an empty one, the first
    # occurrence of the row; ENVTRACK_NAMESPACE is domain.values'
    from domain.values import ENVTRACK_NAMESPACE

    result = _import(city, write_csv(tmp_path / "sampah.csv", ROWS[:2]))

    text = "\x1f".join(
        ["waste", "date=2025-04-01", "site=rw-03-kranggan", "category=plastik", "kg=1.5",
         "destination=daur-ulang", "source=", "operator="]
    )
    digest = bytearray(sha1(ENVTRACK_NAMESPACE.bytes + f"import/{text}\x1e1".encode()).digest()[:16])
    digest[6] = digest[6] & 0x0F | 0x50  # version 5
    digest[8] = digest[8] & 0x3F | 0x80  # RFC 4122 variant
    assert result.written == 1
    assert list(_stored(city, "domain.waste:WasteEntry.Recorded")) == [str(UUID(bytes=bytes(digest)))]


def test_an_imported_waste_row_is_stored_as_the_command_records_it(city, tmp_path):
    _import(city, write_csv(tmp_path / "sampah.csv", ROWS))
    imported = _stored(city, "domain.waste:WasteEntry.Recorded")
    app = _app(city, operator="dlh")
    try:
        recorded = [
            app.record_waste("rw-03-kranggan", category="plastik", kg=1.5, destination="daur-ulang", on=date(2025, 4, 1)),
            app.record_waste("smpn-6", category="sisa-makanan", kg=0.75, destination="kompos", on=date(2025, 4, 3)),
        ]
    finally:
        app.close()
    by_command = _stored(city, "domain.waste:WasteEntry.Recorded")

    def without_time(stored):
        version, state = stored
        return version, {key: value for key, value in state.items() if key != "timestamp"}

    imported_states = sorted((without_time(s) for s in imported.values()), key=lambda s: s[1]["occurred_on"]["_data_"])
    assert [without_time(by_command[str(i)]) for i in recorded] == [imported_states[0], imported_states[2]]
    assert imported_states[1] == (1, {
        "originator_topic": "domain.waste:WasteEntry", "operator": "Bu Rini",
        "occurred_on": {"_type_": "date_iso", "_data_": "2025-04-02"}, "site": "rw-03-kranggan",
        "category": "kertas-karton", "kg": 2.0, "destination": "tps", "source": "pasar",
    })


def test_a_site_closed_between_the_check_and_the_write_refuses_its_rows(city, head, tmp_path, report_every_file):
    from envtrack.importing import ImportRefused

    def close_kranggan(db: str) -> None:
        other = _app(db, operator="camat")
        try:
            other.close_site("rw-03-kranggan", reason="digabung", on=date(2025, 1, 10))
        finally:
            other.close()

    before = head()
    with pytest.raises(ImportRefused) as refused:
        _import(city, write_csv(tmp_path / "sampah.csv", ROWS), between=close_kranggan)

    assert refused.value.written == 0
    assert [(p.row, p.reason.code) for p in refused.value.problems] == [(2, "site_closed_from"), (3, "site_closed_from")]
    assert head() == before + 1  # the closure only


def test_rows_another_import_wrote_between_the_check_and_the_write_are_not_written_again(
    city, head, tmp_path, report_every_file
):
    logbook = write_csv(tmp_path / "sampah.csv", ROWS)
    before = head()

    result = _import(city, logbook, between=lambda db: _import(db, logbook))

    assert (result.written, result.already_present) == (0, 3)
    assert head() == before + 3
    assert len(_stored(city, "domain.waste:WasteEntry.Recorded")) == 3

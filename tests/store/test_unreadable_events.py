"""Events that cannot be read (garbage bytes, a field missing), put into the log by SQL, never
take a command down: the read models hold them aside (``projections status`` lists them),
``log`` shows them as unreadable, ``evidence verify`` lists them as differences, and every other
figure is as if they were not there. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import pytest

from cli.support import invoke
from envtrack.application import EnvTrack
from envtrack.store import resolve
from poison import WASTE_RECORDED, insert_raw, stored_state, without

GARBAGE = b"\xff\xfe{not json at all\x00"


@pytest.fixture
def poisoned(db: str) -> str:
    """A waste bank with three real records (10 kg plastik to daur-ulang, 4 kg kertas-karton to
    tpa, 6 kg sisa-makanan to kompos) and, between them, two events that cannot be read:
    position 4 holds garbage bytes, position 5 a waste record without its ``kg``."""
    app = EnvTrack(resolve(db), operator="tester")
    try:
        app.add_site("bank", kind="waste-bank", name="Bank Sampah", on=date(2025, 1, 1))  # 1
        app.record_waste("bank", category="plastik", kg=10, destination="daur-ulang", on=date(2025, 2, 1))  # 2
        app.record_waste("bank", category="kertas-karton", kg=4, destination="tpa", on=date(2025, 3, 1))  # 3
        assert insert_raw(db, WASTE_RECORDED, GARBAGE) == 4
        assert insert_raw(db, WASTE_RECORDED, without(stored_state(db, 2), "kg")) == 5
        app.record_waste("bank", category="sisa-makanan", kg=6, destination="kompos", on=date(2025, 4, 1))  # 6
    finally:
        app.close()
    return db


def _unreadable(db: str) -> list[dict]:
    status = invoke(db, "projections", "status", "--format", "json")
    assert status.exit_code == 0, status.stderr
    return [event for row in json.loads(status.stdout) for event in row["unreadable"]]


def _figures(db: str) -> dict:
    run = invoke(db, "indicators", "--year", "2025", "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert "Traceback" not in run.stderr
    return json.loads(run.stdout)


def test_read_models_hold_unreadable_events_aside_and_count_every_other(poisoned):
    updated = invoke(poisoned, "projections", "update")
    assert updated.exit_code == 0, updated.stderr
    held = _unreadable(poisoned)
    assert [(e["position"], e["topic"], e["reason"]) for e in held] == [
        (4, WASTE_RECORDED, "undecodable"), (5, WASTE_RECORDED, "missing_field")]
    assert held[1]["detail"] == "kg"
    figures = _figures(poisoned)
    assert figures["as_of_position"] == 6
    waste = figures["waste"]
    # A = 10 + 4 + 6 = 20; B = daur-ulang 10 + kompos 6 = 16; C = tpa 4; D = 16; E = 0
    assert waste["timbulan_kg"] == 20.0
    assert waste["pengurangan_kg"] == 16.0
    assert waste["penanganan_kg"] == 4.0
    assert waste["daur_ulang_kg"] == 16.0
    assert waste["pct_pengurangan"] == 80.0  # 100 · 16 / 20
    assert waste["pct_penanganan"] == 20.0  # 100 · 4 / 20
    assert waste["komposisi_pct"]["plastik"] == 50.0  # 100 · 10 / 20
    assert waste["komposisi_pct"]["kertas-karton"] == 20.0  # 100 · 4 / 20
    assert waste["komposisi_pct"]["sisa-makanan"] == 30.0  # 100 · 6 / 20


def test_status_table_lists_each_unreadable_event_with_its_reason(poisoned):
    shown = invoke(poisoned, "projections", "status")  # catches nothing up: the status as it is
    assert shown.exit_code == 0 and "unreadable" not in shown.stderr.lower()
    assert invoke(poisoned, "projections", "update").exit_code == 0
    table = invoke(poisoned, "projections", "status")
    assert table.exit_code == 0, table.stderr
    assert "2 events cannot be read and are held aside by the read models" in table.stderr
    lines = table.stdout.splitlines()
    undecodable = next(line for line in lines if line.split()[:2] == ["4", "waste"])
    assert WASTE_RECORDED in undecodable and "its content is not readable JSON" in undecodable
    missing = next(line for line in lines if line.split()[:2] == ["5", "waste"])
    assert missing.rstrip().endswith("it lacks the field kg")
    indonesian = invoke(poisoned, "projections", "status", lang="id")
    assert any(line.split()[:2] == ["5", "sampah"] and line.rstrip().endswith("field kg tidak ada")
               for line in indonesian.stdout.splitlines())


def test_a_rebuild_holds_the_same_events_aside_and_gives_the_same_figures(poisoned):
    assert invoke(poisoned, "projections", "update").exit_code == 0
    before = _figures(poisoned)
    rebuilt = invoke(poisoned, "projections", "rebuild")
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert [(e["position"], e["reason"]) for e in _unreadable(poisoned)] == [(4, "undecodable"), (5, "missing_field")]
    assert _figures(poisoned) == before


def test_log_shows_unreadable_events_as_such_and_every_other_as_usual(poisoned):
    logged = invoke(poisoned, "log", "--format", "json")
    assert logged.exit_code == 0, logged.stderr
    rows = json.loads(logged.stdout)
    assert [row["position"] for row in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[3]["event"] == rows[4]["event"] == "WasteEntry.Recorded"
    assert rows[3]["summary"] == "cannot be read: its content is not readable JSON"
    # The library decodes an event without its kg; the summary, which shows kg, cannot be made.
    assert rows[4]["summary"] == "cannot be read: it lacks the field kg"
    assert rows[3]["data"] == rows[4]["data"] == {} and rows[3]["operator"] is None
    assert rows[5]["data"]["kg"] == 6.0 and rows[5]["operator"] == "tester"
    table = invoke(poisoned, "log")
    assert table.exit_code == 0, table.stderr
    assert sum("cannot be read" in line for line in table.stdout.splitlines()) == 2
    site = invoke(poisoned, "log", "--site", "bank", "--format", "json")
    # The one without kg still names its site; the garbage names none.
    assert [row["position"] for row in json.loads(site.stdout)] == [1, 2, 3, 5, 6]


@pytest.mark.slow
def test_evidence_verify_lists_each_unreadable_event_as_a_difference(poisoned, tmp_path):
    pack = tmp_path / "pack"
    exported = invoke(poisoned, "evidence", "export", "--year", "2025", "--out", str(pack))
    assert exported.exit_code == 0, exported.stderr
    manifest = json.loads((pack / "manifest.json").read_text())
    assert manifest["indicators"]["waste"]["timbulan_kg"] == 20.0  # 10 + 4 + 6
    verified = invoke(poisoned, "evidence", "verify", str(pack))
    assert verified.exit_code == 1
    assert "Traceback" not in verified.stderr
    assert verified.stdout.splitlines() == [
        f"the event at position 4 ({WASTE_RECORDED}) cannot be read: its content is not readable JSON; "
        "it is left out of every figure",
        f"the event at position 5 ({WASTE_RECORDED}) cannot be read: it lacks the field kg; it is left out of every figure",
    ]


@pytest.mark.parametrize(
    ("field", "value", "reason", "detail"),
    [
        ("kg", "abc", "malformed", "kg = 'abc'"),
        ("kg", None, "missing_field", "kg"),
        ("kg", True, "malformed", "kg = True"),
        ("kg", float("inf"), "malformed", "kg = inf"),
        ("kg", 10**30, "malformed", f"kg = {10**30}"),  # beyond what SQL stores: the page's insert would fail
        ("site", 7, "malformed", "site = 7"),
    ],
)
def test_a_field_of_the_wrong_shape_is_held_aside_too(db, field, value, reason, detail):
    """Values a pandas column or a sum cannot take (text for a number, a flag, infinity, a
    number for a site) are held aside with the column named, before they reach a table."""
    app = EnvTrack(resolve(db), operator="tester")
    try:
        app.add_site("bank", kind="waste-bank", name="Bank Sampah", on=date(2025, 1, 1))  # 1
        app.record_waste("bank", category="plastik", kg=10, destination="daur-ulang", on=date(2025, 2, 1))  # 2
        state = stored_state(db, 2)
        state[field] = value
        assert insert_raw(db, WASTE_RECORDED, json.dumps(state).encode()) == 3
    finally:
        app.close()
    waste = _figures(db)["waste"]
    assert waste["timbulan_kg"] == 10.0 and waste["pct_pengurangan"] == 100.0  # only the real 10 kg
    assert [(e["position"], e["reason"], e["detail"]) for e in _unreadable(db)] == [(3, reason, detail)]


def test_a_second_recorded_event_of_an_entry_is_held_aside_by_update_and_rebuild_alike(db):
    """A waste record's ``Recorded`` put into the log again as the entry's version 2 (99 kg) makes
    no second row: the catch-up and a rebuild both count the entry's 10 kg once."""
    app = EnvTrack(resolve(db), operator="tester")
    try:
        app.add_site("bank", kind="waste-bank", name="Bank Sampah", on=date(2025, 1, 1))  # 1
        entry = app.record_waste("bank", category="plastik", kg=10, destination="daur-ulang", on=date(2025, 2, 1))  # 2
    finally:
        app.close()
    assert invoke(db, "projections", "update").exit_code == 0
    forged = json.dumps({**stored_state(db, 2), "kg": 99}).encode()
    assert insert_raw(db, WASTE_RECORDED, forged, originator=entry, version=2) == 3
    held = [(3, "malformed", "originator_version = 2: a record's first event is its version 1")]
    assert _figures(db)["waste"]["timbulan_kg"] == 10.0  # caught up
    assert [(e["position"], e["reason"], e["detail"]) for e in _unreadable(db)] == held
    assert invoke(db, "projections", "rebuild").exit_code == 0
    assert _figures(db)["waste"]["timbulan_kg"] == 10.0
    assert [(e["position"], e["reason"], e["detail"]) for e in _unreadable(db)] == held


def test_a_command_on_a_record_whose_history_cannot_be_read_is_refused_naming_the_store(db):
    from domain.sites import Site

    app = EnvTrack(resolve(db), operator="tester")
    try:
        app.add_site("bank", kind="waste-bank", name="Bank Sampah", on=date(2025, 1, 1))
    finally:
        app.close()
    insert_raw(db, "domain.sites:Site.Updated", GARBAGE, originator=Site.id_for("bank"), version=2)
    for args in (("site", "update", "bank", "--name", "Bank Sampah Induk"),
                 ("waste", "record", "bank", "--category", "kaca", "--kg", "1", "--destination", "tps")):
        refused = invoke(db, *args)
        assert refused.exit_code == 1, refused.stderr
        assert refused.stdout == ""
        assert refused.stderr.startswith(f"Error: db {resolve(db).display!r}: holds an event that cannot be read ("), refused.stderr
        assert refused.stderr.rstrip().endswith("); nothing was written")
    assert resolve(db).head_position() == 2  # the site and the garbage, nothing more


def test_a_record_whose_history_lacks_a_field_is_refused_naming_the_store_not_a_traceback(db):
    """The event decodes (its JSON is sound) but lacks what its aggregate's ``apply`` reads: a
    site update without ``changes``, placed by SQL as the site's version 2."""
    from domain.sites import Site

    app = EnvTrack(resolve(db), operator="tester")
    try:
        app.add_site("bank", kind="waste-bank", name="Bank Sampah", on=date(2025, 1, 1))  # position 1
        app.update_site("bank", name="Bank Sampah Induk", on=date(2025, 1, 2))  # position 2, version 2
    finally:
        app.close()
    updated = stored_state(db, 2)
    insert_raw(db, "domain.sites:Site.Updated", without(updated, "changes"), originator=Site.id_for("bank"), version=3)

    refused = invoke(db, "waste", "record", "bank", "--category", "kaca", "--kg", "1", "--destination", "tps")

    assert refused.exit_code == 1, refused.stderr
    assert refused.stdout == ""
    assert refused.stderr.startswith(f"Error: db {resolve(db).display!r}: holds an event that cannot be read ("), refused.stderr
    assert "Traceback" not in refused.stderr
    assert resolve(db).head_position() == 3  # the site's two events and the damaged one, nothing more

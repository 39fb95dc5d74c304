"""A position the read models passed with no event there is looked at again at each update: an
event put there later (a late commit, a restored row) reaches the read models without a rebuild.
On SQLite and PostgreSQL, the event placed there by SQL as the store's owner."""

from __future__ import annotations

import json
from datetime import date

from cli.support import invoke
from envtrack.application import EnvTrack
from envtrack.store import resolve
from poison import WASTE_RECORDED, insert_raw, stored_state


def _timbulan(db: str) -> float:
    run = invoke(db, "indicators", "--year", "2025", "--format", "json")
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)["waste"]["timbulan_kg"]


def _waste(db: str, kg: float) -> bytes:
    return json.dumps({**stored_state(db, 2), "kg": kg}).encode()


def _bank_with_one_record(db: str) -> None:
    """Position 1: a waste bank; position 2: 10 kg plastik recorded there."""
    app = EnvTrack(resolve(db), operator="tester")
    try:
        app.add_site("bank", kind="waste-bank", name="Bank Sampah", on=date(2025, 1, 1))
        app.record_waste("bank", category="plastik", kg=10, destination="daur-ulang", on=date(2025, 2, 1))
    finally:
        app.close()


def test_an_event_put_in_a_gap_below_the_head_reaches_the_read_models_by_update(db):
    _bank_with_one_record(db)
    assert insert_raw(db, WASTE_RECORDED, _waste(db, 4.0), position=5) == 5  # 3 and 4 left empty
    assert resolve(db).missing_positions(0, 5) == [(3, 4)]
    assert invoke(db, "projections", "update").exit_code == 0
    assert _timbulan(db) == 14.0  # 10 + 4
    assert insert_raw(db, WASTE_RECORDED, _waste(db, 1.0), position=4) == 4  # filled late
    updated = invoke(db, "projections", "update")
    assert updated.exit_code == 0, updated.stderr
    assert _timbulan(db) == 15.0  # 10 + 4 + 1
    assert insert_raw(db, WASTE_RECORDED, _waste(db, 0.5), position=3) == 3  # the last of the gap
    assert _timbulan(db) == 15.5  # indicators catch up the same way: 10 + 4 + 1 + 0.5
    assert invoke(db, "projections", "update").stderr == "read models up to date at position 5 (0 events read)\n"
    assert invoke(db, "projections", "rebuild").exit_code == 0
    assert _timbulan(db) == 15.5  # a rebuild of the same log agrees
    status = json.loads(invoke(db, "projections", "status", "--format", "json").stdout)
    assert {row["lag"] for row in status} == {0}  # every projection at the head


def test_missing_positions_at_the_edges_of_a_range(db):
    _bank_with_one_record(db)
    store = resolve(db)
    try:
        assert store.missing_positions(0, 2) == []  # every position holds an event
        assert store.missing_positions(2, 2) == []  # an empty range
        assert store.missing_positions(0, 4) == [(3, 4)]  # past the head: as many events, more positions
        assert insert_raw(db, WASTE_RECORDED, _waste(db, 1.0), position=6) == 6
        assert store.missing_positions(0, 6) == [(3, 5)]
        assert store.missing_positions(1, 2) == []
        assert store.missing_positions(5, 6) == []
        assert store.missing_positions(4, 6) == [(5, 5)]
    finally:
        store.close()


def test_gaps_less_the_positions_found_and_split_at_a_page_end():
    from projections.gaps import upto, watched, without

    assert without([(3, 4), (7, 9)], [4, 8]) == [(3, 3), (7, 7), (9, 9)]
    assert without([(3, 4)], [1, 3, 4]) == []
    assert upto([(3, 4), (7, 9)], 8) == ([(3, 4), (7, 8)], [(9, 9)])
    assert watched([(3, 4), (200_000, 200_001)], head=250_000) == [(200_000, 200_001)]  # 3..4: too old


def test_an_event_placed_at_9e18_freezes_neither_the_read_models_nor_log(db):
    """What an operator could do before positions were the sequence's alone (and the store's
    owner still can): later events get positions below it on PostgreSQL, above it on SQLite;
    either way they reach the read models, and ``log`` pages over the gap at once."""
    far = 9 * 10**18
    app = EnvTrack(resolve(db), operator="tester")
    try:
        app.add_site("bank", kind="waste-bank", name="Bank Sampah", on=date(2025, 1, 1))  # 1
        app.record_waste("bank", category="plastik", kg=10, destination="daur-ulang", on=date(2025, 2, 1))  # 2
        assert insert_raw(db, WASTE_RECORDED, _waste(db, 4.0), position=far) == far
        assert invoke(db, "projections", "update").exit_code == 0
        app.record_waste("bank", category="kaca", kg=1, destination="tps", on=date(2025, 3, 1))
    finally:
        app.close()
    assert _timbulan(db) == 15.0  # 10 + 4 + 1
    logged = invoke(db, "log", "--limit", "3", "--format", "json")
    assert logged.exit_code == 0, logged.stderr
    positions = [row["position"] for row in json.loads(logged.stdout)]
    assert positions in ([2, 3, far], [2, far, far + 1])  # PostgreSQL's sequence, SQLite's max + 1
    assert [row["position"] for row in json.loads(invoke(db, "log", "--format", "json").stdout)][:2] == [1, 2]

"""``sync push`` and ``sync pull`` between a school's store and the city's, on every pairing of
backends: what is copied, exactly once, without echoes; conflicts held aside; and the receiver
reading copied events as its own (read models, indicators, evidence, log). The story and its
figures, worked by hand, are in ``tests/sync_story.py``."""

from __future__ import annotations

import json
import re

from cli.support import invoke
from envtrack.store import resolve
from sync_story import (
    REGISTRY_EVENTS,
    SAMBO_2025,
    SCHOOL_EVENTS,
    WASTE_2025,
    indicators,
    run,
    school_offline,
    single_store,
    stored_events,
)


def store_id(db: str) -> str:
    return resolve(db).store_id()


def test_push_copies_each_event_keeping_its_aggregate_version_topic_and_state(stores):
    school, city = stores
    school_offline(school, city)
    before = stored_events(city)
    pushed = invoke(school, "sync", "push", "--to", city)
    assert pushed.exit_code == 0, pushed.stderr
    assert pushed.stdout == ""
    # The registry came from the city: it is already there, so it is skipped, not doubled.
    assert f"{SCHOOL_EVENTS} taken, {REGISTRY_EVENTS} already there, 0 held aside" in pushed.stderr
    school_events, city_events = stored_events(school), stored_events(city)
    assert len(city_events) == len(before) + SCHOOL_EVENTS
    assert all(city_events[key] == value for key, value in school_events.items())  # bytes for bytes
    # They have new positions at the city, after its own, and name where they were recorded.
    copies = resolve(city).copies(0, resolve(city).head_position())
    assert sorted(copies) == list(range(len(before) + 1, len(city_events) + 1))
    assert {copy.origin_store for copy in copies.values()} == {store_id(school)}


def test_push_twice_writes_nothing_the_second_time(stores):
    school, city = stores
    school_offline(school, city)
    assert invoke(school, "sync", "push", "--to", city).exit_code == 0
    head, tracked, counts = resolve(city).head_position(), resolve(city).tracked(), resolve(city).copied_counts()
    again = invoke(school, "sync", "push", "--to", city)
    assert again.exit_code == 0, again.stderr
    assert "0 taken, 0 already there, 0 held aside" in again.stderr
    assert (resolve(city).head_position(), resolve(city).tracked(), resolve(city).copied_counts()) == (head, tracked, counts)


def test_pull_back_takes_the_citys_new_events_and_echoes_none_of_the_schools(stores):
    school, city = stores
    school_offline(school, city)
    assert invoke(school, "sync", "push", "--to", city).exit_code == 0
    head = resolve(school).head_position()
    pulled = invoke(school, "sync", "pull", "--from", city)
    assert pulled.exit_code == 0, pulled.stderr
    # The city's waste record is new to the school; the school's own nine came back and are skipped.
    assert f"1 taken, {SCHOOL_EVENTS} already there, 0 held aside" in pulled.stderr
    assert resolve(school).head_position() == head + 1
    # Pushing again sends nothing back: the city's record came from the city.
    again = invoke(school, "sync", "push", "--to", city)
    assert "0 taken, 1 already there, 0 held aside" in again.stderr
    assert stored_events(school) == stored_events(city)


def test_after_a_push_the_city_reads_the_schools_events_as_its_own(stores, tmp_path):
    school, city = stores
    school_offline(school, city)
    assert invoke(school, "sync", "push", "--to", city).exit_code == 0
    found = indicators(city)
    assert {key: found["waste"][key] for key in WASTE_2025} == WASTE_2025
    assert {key: found["sambo"][key] for key in SAMBO_2025} == SAMBO_2025
    single = str(tmp_path / "single.db")
    single_store(single)
    assert found == indicators(single)
    # The read models caught up with the copied events, and an evidence pack verifies.
    updated = invoke(city, "projections", "update")
    assert updated.exit_code == 0, updated.stderr
    status = json.loads(invoke(city, "projections", "status", "--format", "json").stdout)
    assert {row["lag"] for row in status} == {0}
    pack = tmp_path / "pack"
    assert invoke(city, "evidence", "export", "--year", "2025", "--out", str(pack)).exit_code == 0
    verified = invoke(city, "evidence", "verify", str(pack))
    assert verified.exit_code == 0, verified.stdout + verified.stderr


def test_log_marks_copied_events_with_the_store_they_were_recorded_in(stores):
    school, city = stores
    school_offline(school, city)
    assert invoke(school, "sync", "push", "--to", city).exit_code == 0
    logged = json.loads(invoke(city, "log", "--limit", "100", "--format", "json").stdout)
    origins = {(row["event"], row["origin"]) for row in logged}
    assert ("Site.Registered", None) in origins  # recorded at the city
    assert ("WasteEntry.Recorded", store_id(school)) in origins
    assert [row["origin"] for row in logged].count(store_id(school)) == SCHOOL_EVENTS
    # The school's own log names the city as the registry's origin.
    school_log = json.loads(invoke(school, "log", "--format", "json").stdout)
    assert {row["origin"] for row in school_log if row["event"] == "Site.Registered"} == {store_id(city)}
    table = invoke(city, "log", "--limit", "1").stdout
    assert table.splitlines()[0].split()[-1] == "Origin"
    assert table.splitlines()[2].split()[-1] == store_id(school)[:8]
    # Where nothing shown was copied, the table has no such column.
    assert "Origin" not in invoke(city, "log", "--limit", "1", "--site", "bank-sampah-melati").stdout


def both_void_the_first_exchange(school: str, city: str) -> str:
    """The story pushed; then the city and the school each void the exchange of 2025-02-03,
    and the school goes on recording offline: a waste record, a pure deposit, and an exchange
    that issues a pensil from the school's supply ledger. Returns the voided entry's id."""
    school_offline(school, city)
    assert invoke(school, "sync", "push", "--to", city).exit_code == 0
    logged = json.loads(invoke(school, "log", "--format", "json").stdout)
    exchange = next(row["entry_id"] for row in logged if row["event"] == "Exchange.Recorded" and row["data"]["items"])
    run(city, ("void", exchange, "--reason", "dicatat dua kali"), operator="dlh")
    run(school, ("void", exchange, "--reason", "salah hitung"))
    run(school, ("waste", "record", "smpn-6", "--category", "kertas-karton", "--kg", "1.5", "--destination", "kompos", "--date", "2025-04-01"),
        ("exchange", "record", "smpn-6", "--bottles", "20", "--weight-kg", "0.5", "--date", "2025-04-02"),
        ("exchange", "record", "smpn-6", "--bottles", "10", "--weight-kg", "0.25", "--item", "pensil=1", "--date", "2025-04-03"))
    return exchange


def test_both_stores_voiding_one_exchange_is_held_aside_while_everything_else_is_taken(stores):
    """Held: the school's void (the exchange's version 2 differs from the city's) and its
    SuppliesReturned (the ledger's version 5 differs from the city's), and the later exchange
    that issued a pensil from that ledger with its SuppliesIssued: 4 events, 2 conflicts.
    Taken: the waste record and the pure deposit (2 events).
    The city's 2025 figures: the story's, less the voided exchange (45 bottles, 1.0 kg, 2 pensil),
    plus 1.5 kg kompos and the 0.5 kg deposit:
        A = 15.764 − 1.0 + 1.5 + 0.5 = 16.764    B = 7.764 − 1.0 + 1.5 + 0.5 = 8.764
        exchanges 2 − 1 + 1 = 2, bottles 57 − 45 + 20 = 32, stock 50 pensil."""
    school, city = stores
    exchange = both_void_the_first_exchange(school, city)
    head = resolve(city).head_position()
    pushed = invoke(school, "sync", "push", "--to", city)
    assert pushed.exit_code == 1
    assert "2 taken, 0 already there, 4 held aside" in pushed.stderr
    assert pushed.stderr.rstrip().endswith(
        "Error: events held aside: 4, by conflicts: 2; everything else was taken ('envtrack sync status' lists them)")
    lines = pushed.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"conflict: Exchange {exchange[:8]} version 2 (site smpn-6, entry {exchange[:8]}); ")
    assert "kept: Exchange.Voided by dlh on " in lines[0] and "reason: dicatat dua kali" in lines[0]
    assert "held: Exchange.Voided by siti on " in lines[0] and "reason: salah hitung" in lines[0]
    assert lines[0].endswith("events held: 1")
    assert re.match(r"conflict: SupplyLedger [0-9a-f]{8} version 5 \(site smpn-6\); kept: SupplyLedger.SuppliesReturned by dlh", lines[1])
    assert lines[1].endswith("events held: 3")
    assert resolve(city).head_position() == head + 2
    found = indicators(city)
    assert (found["waste"]["timbulan_kg"], found["waste"]["pengurangan_kg"]) == (16.764, 8.764)
    assert (found["sambo"]["exchanges"], found["sambo"]["bottles"], found["sambo"]["stock"]) == (2, 32, {"pensil": 50})

    status = json.loads(invoke(city, "sync", "status", "--format", "json").stdout)
    (source,) = status["sources"]
    assert (source["store_id"], source["events_taken"], source["events_held"]) == (store_id(school), SCHOOL_EVENTS + 2, 4)
    assert source["last_position"] == resolve(school).head_position()
    first, second = source["conflicts"]
    assert (first["record"], first["aggregate"], first["version"], first["entry"]) == ("Exchange", exchange, 2, exchange)
    assert (first["kept"]["operator"], first["incoming"]["operator"]) == ("dlh", "siti")
    assert (second["record"], second["version"], second["held"]) == ("SupplyLedger", 5, 3)
    assert [e["event"] for e in second["held_events"]] == [
        "SupplyLedger.SuppliesReturned", "SupplyLedger.SuppliesIssued", "Exchange.Recorded"]


def test_a_held_record_keeps_holding_what_the_school_records_on_it_later(stores):
    school, city = stores
    both_void_the_first_exchange(school, city)
    assert invoke(school, "sync", "push", "--to", city).exit_code == 1
    # Nothing new: nothing held by this run, exit 0.
    assert invoke(school, "sync", "push", "--to", city).exit_code == 0
    run(school, ("exchange", "record", "smpn-6", "--bottles", "10", "--item", "pensil=1", "--date", "2025-04-04"))
    later = invoke(school, "sync", "push", "--to", city)
    assert later.exit_code == 1
    assert "0 taken, 0 already there, 2 held aside" in later.stderr
    assert later.stdout.startswith("conflict: SupplyLedger ")  # the ledger's conflict, from the first push
    assert json.loads(invoke(city, "sync", "status", "--format", "json").stdout)["sources"][0]["events_held"] == 6


def test_snapshots_are_not_copied_the_receiver_takes_its_own_at_the_same_versions(stores):
    """The school's ledger: opened, a rate, a receipt of 60 pensil, then 48 exchanges of one
    pensil each = 51 events; the school snapshotted it at version 50 and so does the city, on
    taking the copies, with the stock 60 − 47 = 13 as of that version (the 48th issue is v51)."""
    from datetime import date

    from domain import values
    from envtrack.application import EnvTrack

    school, city = stores
    run(city, ("site", "add", "smpn-6", "--kind", "school", "--name", "SMP 6"), operator="dlh")
    assert invoke(school, "sync", "pull", "--from", city).exit_code == 0
    app = EnvTrack(resolve(school), operator="siti", today=lambda: date(2025, 6, 30))
    try:
        app.set_rate("smpn-6", "pensil", bottles=10)
        app.receive_supplies("smpn-6", "pensil", qty=60)
        for _ in range(48):
            app.record_exchange("smpn-6", bottles=10, items={"pensil": 1})
    finally:
        app.close()
    assert invoke(school, "sync", "push", "--to", city).exit_code == 0
    ledger = values.ledger_id("smpn-6")
    city_app = EnvTrack(resolve(city), operator="dlh")
    try:
        (snapshot,) = city_app.snapshots.get(ledger)
        assert snapshot.originator_version == 50
        assert snapshot.state["stock"] == {"pensil": 13}
        assert city_app.repository.get(ledger).stock == {"pensil": 12}
    finally:
        city_app.close()
    assert stored_events(city).keys() >= stored_events(school).keys()

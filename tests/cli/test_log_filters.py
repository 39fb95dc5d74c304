"""``envtrack log``: the entry and date columns, and the filters --from/--to (the events' own
dates), --event, --operator and --entry, alone and together, in table and JSON.

The store is built by hand through the application, with chosen entry ids, dates and operators,
so that every expected position below can be read off the list of events in ``built``.
"""

from __future__ import annotations

import json
from datetime import date
from uuid import UUID

import pytest

from cli.support import assert_refused, invoke
from envtrack.application import EnvTrack
from envtrack.store import resolve

TODAY = date(2025, 6, 30)
A = UUID("aaaaaaaa-0000-4000-8000-000000000001")  # waste, siti, 2025-06-02
B = UUID("aaaaaaaa-0000-4000-8000-000000000002")  # waste, budi, 2025-06-10 (voided by budi on 06-15)
C = UUID("cccccccc-0000-4000-8000-000000000003")  # stocking, siti, 2025-06-03
D = UUID("dddddddd-0000-4000-8000-000000000004")  # harvest, siti, 2025-06-20


def _app(db: str, operator: str) -> EnvTrack:
    return EnvTrack(resolve(db), operator=operator, today=lambda: TODAY)


@pytest.fixture
def built(db: str) -> str:
    """Positions, in the order saved (a pond record saves the pond's event, then the entry's):

    1 Site.Registered sdn-1 (siti, 05-01)      6 Pond.FishStocked C (siti, 06-03)
    2 Site.Registered masjid-1 (siti, 05-01)   7 Stocking.Recorded C (siti, 06-03)
    3 WasteEntry.Recorded A (siti, 06-02)      8 Pond.FishHarvested D (siti, 06-20)
    4 WasteEntry.Recorded B (budi, 06-10)      9 Harvest.Recorded D (siti, 06-20)
    5 Pond.Added kolam-1 (siti, 05-02)        10 WasteEntry.Voided B (budi, 06-15)
    """
    siti, budi = _app(db, "siti"), _app(db, "budi")
    try:
        siti.add_site("sdn-1", kind="school", name="SD Negeri 1", on=date(2025, 5, 1))
        siti.add_site("masjid-1", kind="mosque", name="Masjid 1", on=date(2025, 5, 1))
        siti.record_waste("sdn-1", category="kertas-karton", kg=1.5, destination="daur-ulang", on=date(2025, 6, 2), entry_id=A)
        budi.record_waste("sdn-1", category="plastik", kg=2.0, destination="daur-ulang", on=date(2025, 6, 10), entry_id=B)
        siti.add_pond("kolam-1", site="masjid-1", volume_m3=3, on=date(2025, 5, 2))
        siti.stock_pond("kolam-1", species="lele", count=100, on=date(2025, 6, 3), entry_id=C)
        siti.harvest_pond("kolam-1", kg=10, count=50, on=date(2025, 6, 20), entry_id=D)
        budi.void(str(B), reason="salah input", on=date(2025, 6, 15))
    finally:
        siti.close()
        budi.close()
    return db


def _json(db: str, *args: str) -> list[dict]:
    run = invoke(db, "log", "--format", "json", *args)
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def _positions(db: str, *args: str) -> list[int]:
    return [row["position"] for row in _json(db, *args)]


def test_json_rows_carry_the_full_entry_id_and_the_date_it_happened(built):
    rows = {row["position"]: row for row in _json(built)}
    assert (rows[4]["entry_id"], rows[4]["occurred_on"]) == (str(B), "2025-06-10")
    assert (rows[8]["entry_id"], rows[8]["occurred_on"]) == (str(D), "2025-06-20")  # the pond's event of the harvest
    assert (rows[10]["entry_id"], rows[10]["occurred_on"]) == (str(B), "2025-06-15")
    assert (rows[1]["entry_id"], rows[1]["occurred_on"]) == (None, "2025-05-01")


def test_the_table_shows_the_date_and_the_entry_by_its_first_8_characters(built):
    lines = invoke(built, "log").stdout.splitlines()
    header = lines[0].split()
    assert header[:4] == ["Position", "Date", "Recorded", "(UTC)"]
    assert "Entry" in header
    by_position = {line.split()[0]: line for line in lines[2:]}
    assert by_position["4"].split()[1] == "2025-06-10"
    assert " aaaaaaaa " in by_position["4"] and str(B) not in by_position["4"]
    assert " cccccccc " in by_position["7"]
    indonesian = invoke(built, "log", lang="id").stdout.splitlines()[0].split()
    assert indonesian[:2] == ["Posisi", "Tanggal"] and "Entri" in indonesian


def test_from_and_to_filter_on_the_date_it_happened_both_days_included(built):
    # 06-03 .. 06-15: B (06-10), the stocking's two events (06-03), B's void (06-15)
    assert _positions(built, "--from", "2025-06-03", "--to", "2025-06-15") == [4, 6, 7, 10]
    assert _positions(built, "--from", "2025-06-16") == [8, 9]
    assert _positions(built, "--to", "2025-05-01") == [1, 2]
    # recorded today, but happened in May and June: nothing happened in July
    assert _json(built, "--from", "2025-07-01") == []


def test_event_matches_a_full_name_or_one_part_of_it_ignoring_case(built):
    assert _positions(built, "--event", "WasteEntry.Recorded") == [3, 4]
    assert _positions(built, "--event", "Harvest") == [9]
    assert _positions(built, "--event", "pond.fishharvested") == [8]
    assert _positions(built, "--event", "voided") == [10]
    assert _positions(built, "--event", "Recorded") == [3, 4, 7, 9]


def test_operator_keeps_what_that_operator_recorded_ignoring_case(built):
    assert _positions(built, "--operator", "budi") == [4, 10]
    assert _positions(built, "--operator", " BUDI ") == [4, 10]
    assert _json(built, "--operator", "ani") == []


def test_entry_keeps_every_event_of_that_entry(built):
    assert _positions(built, "--entry", str(B)) == [4, 10]
    assert _positions(built, "--entry", "dddddddd") == [8, 9]  # the pond's harvest event and the entry's
    assert _positions(built, "--entry", "CCCCCCCC-0000") == [6, 7]


def test_filters_combine(built):
    # recorded by siti, an entry's Recorded event, happened from 06-03: the stocking and the harvest
    assert _positions(built, "--operator", "siti", "--event", "Recorded", "--from", "2025-06-03") == [7, 9]
    assert _positions(built, "--site", "masjid-1", "--to", "2025-06-10") == [2, 5, 6, 7]
    assert _positions(built, "--entry", str(B), "--event", "voided") == [10]
    assert _positions(built, "--event", "Harvest", "--limit", "1") == [9]
    lines = invoke(built, "log", "--operator", "budi").stdout.splitlines()
    assert [line.split()[0] for line in lines[2:]] == ["4", "10"]


def test_no_event_kept_says_so_on_stderr(built):
    run = invoke(built, "log", "--operator", "ani")
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", "(no events yet)\n")


def test_an_ambiguous_entry_prefix_is_refused_listing_the_candidates(built):
    run = invoke(built, "log", "--entry", "aaaaaaaa")
    assert_refused(run, "--entry")
    assert run.stderr == (
        f"Error: --entry 'aaaaaaaa': is the start of more than one entry id ({A}, {B}): give more characters\n"
    )
    assert "lebih dari satu id entri" in invoke(built, "log", "--entry", "aaaaaaaa", lang="id").stderr


def test_an_unknown_entry_and_a_short_prefix_are_refused(built):
    assert_refused(invoke(built, "log", "--entry", "eeeeeeee"), "--entry")
    assert_refused(invoke(built, "log", "--entry", "eeeeeeee-0000-4000-8000-000000000009"), "--entry")
    assert_refused(invoke(built, "log", "--entry", "aaaa"), "--entry")


def test_an_unknown_event_name_is_refused_with_the_known_names(built):
    run = invoke(built, "log", "--event", "Harvst")
    assert_refused(run, "--event")
    assert run.stderr.startswith("Error: --event 'Harvst': is not an event name: give one of ")
    for known in ("Harvest", "WasteEntry", "Site", "Recorded", "Voided", "FishHarvested"):
        assert f" {known}," in run.stderr or f" {known}, " in run.stderr or f"{known}," in run.stderr
    named = run.stderr.split("give one of ", 1)[1].split(", or ")[0].split(", ")
    for base in ("Entry", "PondEntry", "Created", "Event"):  # bases and library classes: never stored
        assert base not in named


def test_bad_dates_are_refused_naming_the_option(built):
    assert_refused(invoke(built, "log", "--from", "2025-13-01"), "--from")
    assert_refused(invoke(built, "log", "--to", "kemarin"), "--to")
    run = invoke(built, "log", "--from", "2025-06-10", "--to", "2025-06-01")
    assert_refused(run, "--from")
    assert "is after --to 2025-06-01" in run.stderr

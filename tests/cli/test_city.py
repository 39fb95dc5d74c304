"""``city set`` and ``city show`` on a real store (SQLite, then PostgreSQL): one event per set,
a year's values merged, the JSON shape with nulls, the log's who and when, and refusals that
write nothing."""

from __future__ import annotations

import json

import pytest

from cli.support import assert_refused


def test_set_prints_nothing_on_stdout_and_confirms_on_stderr(envtrack, head):
    run = envtrack("city", "set", "--year", "2024", "--population", "134000", "--kg-per-person-day", "0,73")
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", "city basis for 2024 recorded\n")
    assert head() == 1  # one event
    run = envtrack("city", "set", "--year", "2024", "--target-dikelola", "51.21", lang="id")
    assert (run.stdout, run.stderr) == ("", "dasar kota tahun 2024 dicatat\n")
    assert head() == 2


def test_show_gives_every_year_with_its_estimate_and_nulls_where_absent(envtrack):
    envtrack("city", "set", "--year", "2024", "--name", "Kota Mojokerto", "--province", "Jawa Timur",
             "--population", "134000", "--kg-per-person-day", "0.73", "--tpa-system", "controlled-landfill")
    envtrack("city", "set", "--year", "2023", "--timbulan-ton", "35883.15", "--source", "SIPSN 2023")
    envtrack("city", "set", "--year", "2024", "--kg-per-person-day", "0.75", "--target-pengurangan", "28")
    shown = json.loads(envtrack("city", "show", "--format", "json").stdout)
    assert shown == {
        "name": "Kota Mojokerto",
        "province": "Jawa Timur",
        "years": [
            {
                "year": 2023, "population": None, "kg_per_person_day": None, "timbulan_ton": 35883.15,
                # 35,883.15 t × 1000
                "timbulan_estimate_kg": 35883150.0,
                "target": {"pct_pengurangan": None, "pct_penanganan": None, "pct_dikelola": None},
                "tpa_system": None, "source": "SIPSN 2023",
            },
            {
                "year": 2024, "population": 134000, "kg_per_person_day": 0.75, "timbulan_ton": None,
                # 134,000 × 0.75 × 366 (a leap year) = 100,500 × 366
                "timbulan_estimate_kg": 36783000.0,
                "target": {"pct_pengurangan": 28, "pct_penanganan": None, "pct_dikelola": None},
                "tpa_system": "controlled-landfill", "source": None,
            },
        ],
    }
    one = json.loads(envtrack("city", "show", "--year", "2023", "--format", "json").stdout)
    assert [year["year"] for year in one["years"]] == [2023]


def test_show_without_a_city_record_gives_nulls(envtrack):
    envtrack("init")
    shown = json.loads(envtrack("city", "show", "--year", "2025", "--format", "json").stdout)
    assert shown["name"] is None and shown["province"] is None
    assert shown["years"][0]["timbulan_estimate_kg"] is None
    assert json.loads(envtrack("city", "show", "--format", "json").stdout)["years"] == []


def test_show_as_a_table(envtrack):
    envtrack("city", "set", "--year", "2024", "--name", "Kota Mojokerto", "--population", "134000",
             "--kg-per-person-day", "0.73")
    table = envtrack("city", "show").stdout
    assert "Kota Mojokerto" in table
    row = [line for line in table.splitlines() if line.startswith("2024")]
    assert row and "35,802,120" in row[0]  # 134,000 × 0.73 × 366


def test_log_shows_the_city_events_with_who_and_when(envtrack):
    envtrack("city", "set", "--year", "2024", "--population", "134000", operator="bu-ani")
    envtrack("city", "set", "--year", "2024", "--tpa-system", "open-dumping", operator="pak-budi")
    rows = json.loads(envtrack("log", "--format", "json").stdout)
    assert [(r["event"], r["operator"]) for r in rows] == [("City.Registered", "bu-ani"), ("City.BasisSet", "pak-budi")]
    assert all(r["occurred_on"] and r["recorded_at"] for r in rows)
    assert rows[1]["summary"] == "city basis 2024: tpa_system=open-dumping"
    assert rows[1]["data"]["tpa_system"] == "open-dumping" and rows[1]["data"]["population"] is None


REFUSALS = {
    "year_before_2000": (("--year", "1999", "--population", "10"), "year"),
    "year_beyond_this_year_plus_10": (("--year", "{too_late}", "--population", "10"), "year"),
    "year_not_a_number": (("--year", "20x4", "--population", "10"), "year"),
    "population_zero": (("--year", "2024", "--population", "0"), "population"),
    "population_negative": (("--year", "2024", "--population", "-1"), "population"),
    "population_not_whole": (("--year", "2024", "--population", "1.5"), "population"),
    "rate_zero": (("--year", "2024", "--kg-per-person-day", "0"), "kg-per-person-day"),
    "rate_above_10": (("--year", "2024", "--kg-per-person-day", "10.01"), "kg-per-person-day"),
    "rate_not_a_number": (("--year", "2024", "--kg-per-person-day", "abc"), "kg-per-person-day"),
    "tonnage_zero": (("--year", "2024", "--timbulan-ton", "0"), "timbulan-ton"),
    "tonnage_negative": (("--year", "2024", "--timbulan-ton", "-3"), "timbulan-ton"),
    "target_below_0": (("--year", "2024", "--target-pengurangan", "-1"), "target-pengurangan"),
    "target_above_100": (("--year", "2024", "--target-penanganan", "100.5"), "target-penanganan"),
    "target_dikelola_above_100": (("--year", "2024", "--target-dikelola", "101"), "target-dikelola"),
    "unknown_tpa_system": (("--year", "2024", "--tpa-system", "landfill"), "tpa-system"),
    "nothing_but_the_year": (("--year", "2024",), "city set"),
}


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_refused_naming_the_field_with_nothing_written(name, envtrack, head):
    from datetime import date

    envtrack("city", "set", "--year", "2024", "--population", "134000")
    before = head()
    arguments, field = REFUSALS[name]
    arguments = tuple(a.format(too_late=date.today().year + 11) for a in arguments)
    assert_refused(envtrack("city", "set", *arguments), field)
    assert head() == before


def test_the_edges_of_each_range_are_accepted(envtrack, head):
    from datetime import date

    last = str(date.today().year + 10)
    for arguments in (
        ("--year", "2000", "--population", "1"),
        ("--year", last, "--kg-per-person-day", "10"),
        ("--year", "2024", "--target-pengurangan", "0", "--target-penanganan", "100", "--target-dikelola", "100"),
        ("--year", "2024", "--timbulan-ton", "0.01"),
    ):
        assert envtrack("city", "set", *arguments).exit_code == 0
    assert head() == 4


def test_refusal_in_indonesian(envtrack):
    run = envtrack("city", "set", "--year", "2024", "--kg-per-person-day", "11", lang="id")
    assert run.stderr == "Error: kg-per-person-day '11': bukan angka lebih dari 0 dan paling banyak 10 (kg per orang per hari)\n"


def test_show_on_a_missing_store_is_refused_and_creates_nothing(db, envtrack):
    from envtrack.store import resolve

    run = envtrack("city", "show")
    assert_refused(run, "db")
    assert not resolve(db).exists()


def test_a_refused_first_set_creates_no_store(db, envtrack):
    import os

    from envtrack.store import resolve

    assert_refused(envtrack("city", "set", "--year", "2024", "--population", "0"), "population")
    if resolve(db).backend == "sqlite":
        assert not os.path.exists(db)

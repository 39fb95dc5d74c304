"""``indicators --basis``, ``--target-dikelola`` and ``--by source`` end to end (SQLite, then
PostgreSQL): the warning of a negative tidak terkelola, the refusals naming --basis with nothing
written, and a store without a city record reporting on what was weighed."""

from __future__ import annotations

import json

import pytest

from cli.support import assert_refused

SITES = (
    ("site", "add", "bank", "--kind", "waste-bank", "--name", "Bank Sampah", "--date", "2025-01-01"),
    ("waste", "record", "bank", "--category", "plastik", "--kg", "400", "--destination", "daur-ulang", "--date", "2025-02-10"),
    ("waste", "record", "bank", "--category", "sisa-makanan", "--kg", "200", "--destination", "tpa", "--date", "2025-03-11"),
)


@pytest.fixture
def weighed(envtrack):
    for args in SITES:
        assert envtrack(*args).exit_code == 0, args
    return envtrack


def total(run):
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)["waste"]


def test_weighed_more_than_estimated_is_kept_negative_and_warned_on_stderr(weighed):
    weighed("city", "set", "--year", "2025", "--timbulan-ton", "0.5")  # 500 kg for the year
    run = weighed("indicators", "--year", "2025", "--format", "json")
    waste = total(run)
    # A = 500; B = 400; C = 200: A − B − C = −100
    assert (waste["basis"], waste["timbulan_kg"], waste["tidak_terkelola_kg"]) == ("estimate", 500.0, -100.0)
    assert waste["pct_terkelola"] == 120.0  # 600 / 500
    assert "warning: unmanaged is -100.0 kg (the period)" in run.stderr
    months = weighed("indicators", "--year", "2025", "--by", "month", "--format", "json")
    # March: 31/365 of 500 = 42.466 kg, against 200 weighed to tpa: 42.466 − 200 = −157.534
    assert "unmanaged is -157.534 kg (2025-03)" in months.stderr
    assert "(2025-02)" in months.stderr and "(2025-04)" not in months.stderr


def test_open_dumping_against_controlled_landfill(weighed):
    weighed("city", "set", "--year", "2025", "--population", "2000", "--kg-per-person-day", "0.7",
            "--tpa-system", "controlled-landfill")
    # A = 2,000 × 0.7 × 365 = 511,000; B + C = 600, all managed under a controlled landfill
    waste = total(weighed("indicators", "--year", "2025", "--format", "json"))
    assert (waste["timbulan_kg"], waste["dikelola_kg"], waste["pct_dikelola"]) == (511000.0, 600.0, 0.12)  # 0.1174…
    weighed("city", "set", "--year", "2025", "--tpa-system", "open-dumping")
    waste = total(weighed("indicators", "--year", "2025", "--format", "json"))
    assert (waste["dikelola_kg"], waste["pct_dikelola"]) == (400.0, 0.08)  # 600 − 200 to the dump; 0.0783…
    assert waste["terkelola_kg"] == 600.0  # SIPSN's terkelola still counts the TPA


def test_targets_option_then_the_citys_record_then_the_default(weighed):
    weighed("city", "set", "--year", "2025", "--target-pengurangan", "28", "--target-dikelola", "51.21")
    waste = total(weighed("indicators", "--year", "2025", "--format", "json"))
    assert waste["target"] == {"pct_pengurangan": 28, "pct_penanganan": 70, "pct_dikelola": 51.21}
    waste = total(weighed("indicators", "--year", "2025", "--format", "json", "--target-dikelola", "60",
                          "--target-penanganan", "72"))
    assert waste["target"] == {"pct_pengurangan": 28, "pct_penanganan": 72, "pct_dikelola": 60}
    # no estimate recorded: measured, whatever the targets
    assert waste["basis"] == "measured"
    assert_refused(weighed("indicators", "--target-dikelola", "100.5"), "--target-dikelola")


@pytest.mark.parametrize(
    "arguments",
    [
        ("--year", "2025", "--basis", "estimate"),  # only 2024 has an estimate
        ("--year", "2024", "--basis", "estimate"),  # a year without one
        ("--from", "2025-12-01", "--to", "2026-01-31", "--basis", "estimate"),  # 2026 has none
        ("--year", "2025", "--site", "bank", "--basis", "estimate"),  # one site
    ],
)
def test_estimate_refused_naming_basis_with_nothing_written(weighed, head, arguments):
    if "2024" not in arguments:
        weighed("city", "set", "--year", "2024", "--population", "10", "--kg-per-person-day", "0.5")
    if arguments[1] != "2025" or "--site" in arguments:
        weighed("city", "set", "--year", "2025", "--population", "10", "--kg-per-person-day", "0.5")
    before = head()
    run = weighed("indicators", *arguments)
    assert_refused(run, "--basis")
    assert head() == before


def test_estimate_refusals_name_what_is_missing(weighed):
    run = weighed("indicators", "--year", "2025", "--basis", "estimate")
    assert run.stderr.startswith("Error: --basis 'estimate': needs the city's estimate of timbulan for every year")
    assert "2025 has none" in run.stderr and "envtrack city set" in run.stderr
    run = weighed("indicators", "--year", "2025", "--site", "bank", "--basis", "estimate", lang="id")
    assert run.stderr.startswith("Error: --basis 'estimate': adalah perkiraan seluruh sampah kota")


def test_without_a_city_record_the_figures_are_the_weighed_ones(weighed):
    waste = total(weighed("indicators", "--year", "2025", "--format", "json"))
    assert (waste["basis"], waste["timbulan_kg"], waste["timbulan_measured_kg"]) == ("measured", 600.0, 600.0)
    assert (waste["timbulan_estimate_kg"], waste["dikelola_kg"], waste["pct_dikelola"]) == (None, 600.0, 100.0)


def test_by_source_lists_all_seven_sources_with_their_share(weighed):
    run = weighed("indicators", "--year", "2025", "--by", "source", "--format", "json")
    rows = json.loads(run.stdout)
    assert [row["source"] for row in rows] == [
        "rumah-tangga", "perkantoran", "pasar", "perniagaan", "fasilitas-publik", "kawasan", "lainnya",
    ]
    assert rows[-1]["pct_of_timbulan"] == 100.0  # a waste bank's waste is 'lainnya' unless given
    assert rows[0]["pct_of_timbulan"] == 0.0
    table = weighed("indicators", "--year", "2025", "--by", "source", lang="id").stdout
    assert table.splitlines()[0].startswith("Sumber")
    assert "Bagian dari timbulan tertimbang (%)" in table

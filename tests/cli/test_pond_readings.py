"""``pond sample``, ``pond quality`` and the new options of stock, feed and mortality, end to end:
the entry id on stdout, warnings on stderr, and refusals that write nothing."""

from __future__ import annotations

import json

import pytest

from cli.support import after_echo, assert_refused



@pytest.fixture
def lele(envtrack):
    envtrack("site", "add", "masjid-1", "--kind", "mosque", "--name", "Masjid 1")
    envtrack("pond", "add", "kolam-1", "--site", "masjid-1", "--volume-m3", "4")
    envtrack("pond", "add", "kolam-2", "--site", "masjid-1", "--volume-m3", "4")
    envtrack("pond", "stock", "kolam-1", "--species", "lele", "--count", "1000", "--mean-g", "8",
             "--cost-rp", "250000", "--date", "2025-01-01")
    return envtrack


def test_sample_prints_its_entry_id_and_nothing_else(lele):
    run = lele("pond", "sample", "kolam-1", "--count", "30", "--kg", "1.5", "--date", "2025-01-21")
    assert run.entry_id and after_echo(run) == ""


@pytest.mark.parametrize(("args", "field"), [
    (("--count", "0", "--kg", "1.5"), "count"),
    (("--count", "-5", "--kg", "1.5"), "count"),
    (("--count", "1001", "--kg", "1.5"), "count"),  # 1000 alive
    (("--count", "30", "--kg", "0"), "kg"),
    (("--count", "30", "--kg", "-1"), "kg"),
])
def test_a_bad_sample_is_refused_and_writes_nothing(lele, head, args, field):
    before = head()
    run = lele("pond", "sample", "kolam-1", *args, "--date", "2025-01-21")
    assert_refused(run, field)
    assert head() == before


def test_a_sample_of_a_pond_without_fish_is_refused(lele, head):
    before = head()
    assert_refused(lele("pond", "sample", "kolam-2", "--count", "30", "--kg", "1.5"), "pond")
    assert head() == before


def test_quality_warns_outside_the_species_norms_but_records(lele):
    # used wudu water (the UMS study): DO 0.85 < 3 and pH 6.37 < 6.5 for lele; 28 °C is fine
    run = lele("pond", "quality", "kolam-1", "--do", "0.85", "--ph", "6.37", "--temp-c", "28", "--date", "2025-01-21")
    assert run.entry_id
    assert after_echo(run) == ("warning: DO (mg/L) 0.85 is below 3, the norm for lele\n"
                          "warning: pH 6.37 is below 6.5, the norm for lele\n")
    indonesian = lele("pond", "quality", "kolam-1", "--ammonia", "1.5", "--date", "2025-01-22", lang="id")
    assert after_echo(indonesian) == "peringatan: amonia (mg/L) 1.5 di atas 1, batas untuk lele\n"
    quiet = lele("pond", "quality", "kolam-1", "--do", "5", "--ph", "7.2", "--date", "2025-01-23")
    assert quiet.entry_id and after_echo(quiet) == ""


def test_quality_of_an_empty_pond_records_without_norms(lele):
    run = lele("pond", "quality", "kolam-2", "--do", "0.5")
    assert run.entry_id and after_echo(run) == ""


@pytest.mark.parametrize(("option", "value", "field"), [
    ("--do", "31", "do"), ("--do", "-1", "do"), ("--ph", "14.5", "ph"), ("--ph", "-0.5", "ph"),
    ("--temp-c", "51", "temp_c"), ("--temp-c", "-6", "temp_c"), ("--ammonia", "51", "ammonia"),
    ("--ammonia", "-0.1", "ammonia"), ("--ph", "tujuh", "ph"),
])
def test_a_reading_outside_its_physical_range_is_refused_and_writes_nothing(lele, head, option, value, field):
    before = head()
    # a reading given once (--do twice would be a usage error): the others as they were
    others = () if option == "--do" else ("--do", "5")
    run = lele("pond", "quality", "kolam-1", *others, option, value)
    assert_refused(run, field)
    assert head() == before


def test_quality_with_no_reading_is_refused_and_writes_nothing(lele, head):
    before = head()
    run = lele("pond", "quality", "kolam-1")
    assert_refused(run, "reading")
    assert "--do, --ph, --temp-c and --ammonia" in run.stderr
    assert "--do, --ph, --temp-c dan --ammonia" in lele("pond", "quality", "kolam-1", lang="id").stderr
    assert head() == before


def test_costs_feed_type_and_cause_are_stored_on_the_entries(lele):
    feed = lele("pond", "feed", "kolam-1", "--kg", "10", "--cost-rp", "120000", "--feed-type", "pelet PF-1000",
                "--date", "2025-01-10").entry_id
    died = lele("pond", "mortality", "kolam-1", "--count", "3", "--cause", "DO rendah", "--date", "2025-01-11").entry_id
    rows = json.loads(lele("log", "--format", "json").stdout)
    data = {(row["event"], row["entry_id"]): row["data"] for row in rows}
    assert data["Feeding.Recorded", feed]["cost_rp"] == 120000
    assert data["Feeding.Recorded", feed]["feed_type"] == "pelet PF-1000"
    assert data["Mortality.Recorded", died]["cause"] == "DO rendah"
    stocking = next(row["data"] for row in rows if row["event"] == "Stocking.Recorded")
    assert stocking["cost_rp"] == 250000


def test_a_bad_cost_is_refused_and_writes_nothing(lele, head):
    before = head()
    assert_refused(lele("pond", "feed", "kolam-1", "--kg", "10", "--cost-rp", "0"), "cost_rp")
    assert_refused(lele("pond", "stock", "kolam-1", "--species", "lele", "--count", "5", "--cost-rp", "-100"), "cost_rp")
    assert head() == before


def test_voiding_a_sample_and_a_water_test_takes_them_off_the_pond(lele):
    sample = lele("pond", "sample", "kolam-1", "--count", "30", "--kg", "1.5", "--date", "2025-01-21").entry_id
    test = lele("pond", "quality", "kolam-1", "--do", "5", "--date", "2025-01-21").entry_id
    assert lele("void", sample, "--reason", "scale not zeroed").exit_code == 0
    assert lele("void", test, "--reason", "meter not calibrated").exit_code == 0
    shown = json.loads(lele("pond", "show", "kolam-1", "--format", "json").stdout)
    assert shown["open_cycle"]["latest_sample"] is None
    assert shown["water"] == {}


def test_the_log_summarises_samples_water_tests_costs_and_causes_in_both_languages(lele):
    lele("pond", "feed", "kolam-1", "--kg", "10", "--cost-rp", "120000", "--feed-type", "pelet PF-1000",
         "--date", "2025-01-10")
    lele("pond", "mortality", "kolam-1", "--count", "3", "--cause", "DO rendah", "--date", "2025-01-11")
    sample = lele("pond", "sample", "kolam-1", "--count", "30", "--kg", "1.5", "--date", "2025-01-21").entry_id
    lele("pond", "quality", "kolam-1", "--do", "5", "--ph", "7.2", "--date", "2025-01-21")
    lele("void", sample, "--reason", "timbangan salah")

    def summaries(lang: str) -> dict[str, str]:
        rows = json.loads(lele("log", "--format", "json", lang=lang).stdout)
        return {row["event"]: row["summary"] for row in rows}

    english = summaries("en")
    assert english["Stocking.Recorded"] == "kolam-1: 1,000 lele stocked, mean 8 g, cost Rp 250,000"
    assert english["Feeding.Recorded"] == "kolam-1: 10 kg feed (pelet PF-1000), cost Rp 120,000"
    assert english["Mortality.Recorded"] == "kolam-1: 3 fish died (DO rendah)"
    assert english["Sample.Recorded"] == "kolam-1: sample of 30 fish, 1.5 kg (mean 50 g)"  # 1.5 kg / 30
    assert english["WaterTest.Recorded"] == "kolam-1: water test: DO 5 mg/L, pH 7.2"
    assert english["Pond.ReadingWithdrawn"] == f"reading {sample[:8]} withdrawn"
    indonesian = summaries("id")
    assert indonesian["Sample.Recorded"] == "kolam-1: sampel 30 ekor, 1,5 kg (rata-rata 50 g)"
    assert indonesian["WaterTest.Recorded"] == "kolam-1: uji air: DO 5 mg/L, pH 7,2"
    assert indonesian["Feeding.Recorded"] == "kolam-1: pakan 10 kg (pelet PF-1000), biaya Rp 120.000"


def test_readings_samples_and_costs_are_read_as_operators_type_them(lele):
    # section 13: 0,85 and 0.85 alike; 1.500.000 groups thousands; 1.250 is ambiguous
    lele("pond", "quality", "kolam-1", "--do", "0,85", "--ph", "7,2", "--temp-c", "-1,5", "--date", "2025-01-21")
    lele("pond", "sample", "kolam-1", "--count", "30", "--kg", "1,5", "--date", "2025-01-21")
    feed = lele("pond", "feed", "kolam-1", "--kg", "2", "--cost-rp", "1.500.000", "--date", "2025-01-21").entry_id
    shown = json.loads(lele("pond", "show", "kolam-1", "--format", "json").stdout)
    assert shown["water"]["do_mg_l"]["value"] == 0.85 and shown["water"]["temp_c"]["value"] == -1.5
    assert shown["open_cycle"]["latest_sample"]["mean_g"] == 50.0  # 1.5 kg / 30 fish
    rows = json.loads(lele("log", "--format", "json").stdout)
    assert next(r["data"]["cost_rp"] for r in rows if r["event"] == "Feeding.Recorded" and r["entry_id"] == feed) == 1_500_000
    ambiguous = lele("pond", "quality", "kolam-1", "--ammonia", "1.250")
    assert_refused(ambiguous, "ammonia")
    assert "1250" in ambiguous.stderr and "1.25" in ambiguous.stderr

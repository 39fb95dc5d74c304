"""``envtrack log``: the latest events, oldest first, of one site when asked."""

from __future__ import annotations

import json

import pytest

from envtrack import logview


@pytest.fixture
def two_sites(envtrack):
    envtrack("site", "add", "sdn-1", "--kind", "school", "--name", "SD Negeri 1")
    envtrack("site", "add", "tps3r-wates", "--kind", "tps3r", "--name", "TPS3R Wates")
    ids = {"sdn-1": [], "tps3r-wates": []}
    for kg in ("1", "2", "3"):
        ids["sdn-1"].append(envtrack("waste", "record", "sdn-1", "--category", "kertas-karton", "--kg", kg, "--destination", "daur-ulang").entry_id)
    for kg in ("10", "20", "30", "40", "50", "60"):
        ids["tps3r-wates"].append(envtrack("waste", "record", "tps3r-wates", "--category", "sisa-makanan", "--kg", kg, "--destination", "olah").entry_id)
    return ids


def _log(envtrack, *args):
    run = envtrack("log", "--format", "json", *args)
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def test_log_shows_the_latest_events_oldest_first(two_sites, envtrack):
    # 2 sites + 9 waste entries = positions 1..11
    log = _log(envtrack, "--limit", "3")
    assert [row["position"] for row in log] == [9, 10, 11]
    assert [row["data"]["kg"] for row in log] == [40.0, 50.0, 60.0]
    assert len(_log(envtrack)) == 11  # default 50


def test_log_of_one_site_pages_back_past_other_sites(two_sites, envtrack, monkeypatch):
    monkeypatch.setattr(logview, "PAGE_SIZE", 2)  # the school's events lie several pages back
    log = _log(envtrack, "--site", "sdn-1", "--limit", "3")
    assert [row["entry_id"] for row in log] == two_sites["sdn-1"]
    assert [row["position"] for row in log] == [3, 4, 5]
    everything = _log(envtrack, "--site", "sdn-1")
    assert [row["event"] for row in everything] == ["Site.Registered"] + ["WasteEntry.Recorded"] * 3


def test_log_of_a_site_names_the_site_of_its_ledger_and_pond_events(envtrack):
    envtrack("site", "add", "masjid-1", "--kind", "mosque", "--name", "Masjid 1")
    envtrack("site", "add", "sdn-1", "--kind", "school", "--name", "SD Negeri 1")
    envtrack("pond", "add", "kolam-1", "--site", "masjid-1", "--volume-m3", "3")
    envtrack("supplies", "rate", "sdn-1", "pensil", "--bottles", "10")
    envtrack("pond", "stock", "kolam-1", "--species", "nila", "--count", "200")
    log = _log(envtrack, "--site", "masjid-1")
    assert [row["event"] for row in log] == ["Site.Registered", "Pond.Added", "Pond.FishStocked", "Stocking.Recorded"]
    log = _log(envtrack, "--site", "sdn-1")
    assert [row["event"] for row in log] == ["Site.Registered", "SupplyLedger.Opened", "SupplyLedger.RateSet"]


def test_log_of_an_empty_store_says_so(envtrack):
    envtrack("init")
    assert _log(envtrack) == []
    run = envtrack("log")
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", "(no events yet)\n")


def test_log_table_in_indonesian(envtrack):
    envtrack("site", "add", "rw-05", "--kind", "community", "--name", "RW 05")
    entry = envtrack("waste", "record", "rw-05", "--category", "kain", "--kg", "2.5", "--destination", "tps").entry_id
    envtrack("void", entry[:8], "--reason", "salah input")
    lines = envtrack("log", lang="id").stdout.splitlines()
    assert lines[3].endswith("kain 2,5 kg → tps (sumber rumah-tangga)")
    assert lines[4].endswith(f"membatalkan sampah {entry[:8]} (kain 2,5 kg → tps (sumber rumah-tangga)); alasan: salah input")


def test_log_summaries_write_numbers_in_the_language_s_marks(envtrack):
    """A summary is a sentence in the user's language: 1.125 kg read in Indonesian would be
    1125 kg. The event's own values under ``data`` stay plain numbers."""
    envtrack("site", "add", "rw-05", "--kind", "community", "--name", "RW 05")
    envtrack("waste", "record", "rw-05", "--category", "plastik", "--kg", "1,1250", "--destination", "tps")
    envtrack("waste", "record", "rw-05", "--category", "kaca", "--kg", "1.250,5", "--destination", "tpa")
    indonesian = envtrack("log", lang="id").stdout.splitlines()
    assert indonesian[3].endswith("plastik 1,125 kg → tps (sumber rumah-tangga)")
    assert indonesian[4].endswith("kaca 1.250,5 kg → tpa (sumber rumah-tangga)")
    english = envtrack("log", lang="en").stdout.splitlines()
    assert english[3].endswith("plastik 1.125 kg → tps (source rumah-tangga)")
    assert english[4].endswith("kaca 1,250.5 kg → tpa (source rumah-tangga)")
    rows = json.loads(envtrack("log", "--format", "json", lang="id").stdout)
    assert [row["data"]["kg"] for row in rows[1:]] == [1.125, 1250.5]
    assert rows[2]["summary"] == "kaca 1.250,5 kg → tpa (sumber rumah-tangga)"

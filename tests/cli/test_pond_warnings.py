"""Warnings after a pond record: on stderr, never a refusal, judged on the record's own date.

A cycle's age is counted from its first stocking to the date of the record (lele warned past
120 days, nila past 180, other species never); the FCR is judged only at the final harvest;
``pond show`` and stockings, back-dated or not, print no warnings.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest

from cli.support import after_echo



@pytest.fixture
def mosque(envtrack):
    envtrack("site", "add", "masjid-1", "--kind", "mosque", "--name", "Masjid 1")
    envtrack("pond", "add", "kolam-1", "--site", "masjid-1", "--volume-m3", "3")
    return envtrack


def test_feeding_on_day_130_of_a_lele_cycle_warns_but_records(mosque):
    envtrack = mosque
    envtrack("pond", "stock", "kolam-1", "--species", "lele", "--count", "500", "--date", "2025-01-01")
    # 2025-01-01 → 2025-05-01: 31 + 28 + 31 + 30 = 120 days; → 2025-05-11: 130
    run = envtrack("pond", "feed", "kolam-1", "--kg", "5", "--date", "2025-05-11")
    assert run.entry_id
    assert after_echo(run) == "warning: cycle has run 130 days (more than 120)\n"
    indonesian = envtrack("pond", "feed", "kolam-1", "--kg", "5", "--date", "2025-05-11", lang="id")
    assert after_echo(indonesian) == "peringatan: siklus sudah berjalan 130 hari (lebih dari 120)\n"


def test_a_back_dated_feed_within_120_days_does_not_warn_though_today_is_later(mosque):
    envtrack = mosque
    envtrack("pond", "stock", "kolam-1", "--species", "lele", "--count", "500", "--date", "2024-01-01")
    # the feed is dated day 31 of the cycle; today the cycle is far older than 120 days
    run = envtrack("pond", "feed", "kolam-1", "--kg", "5", "--date", "2024-02-01")
    assert run.entry_id and after_echo(run) == ""


def test_a_back_dated_stocking_prints_no_warning(mosque):
    envtrack = mosque
    long_ago = (date.today() - timedelta(days=400)).isoformat()
    run = envtrack("pond", "stock", "kolam-1", "--species", "lele", "--count", "500", "--date", long_ago)
    assert run.entry_id and after_echo(run) == ""
    again = envtrack("pond", "stock", "kolam-1", "--species", "lele", "--count", "100")
    assert again.entry_id and after_echo(again) == ""


def test_pond_show_prints_no_warnings_on_an_old_cycle(mosque):
    envtrack = mosque
    started = (date.today() - timedelta(days=130)).isoformat()
    envtrack("pond", "stock", "kolam-1", "--species", "lele", "--count", "500", "--date", started)
    table = envtrack("pond", "show", "kolam-1")
    assert table.exit_code == 0 and table.stderr == ""
    assert re.search(r"^Days in cycle +130$", table.stdout, re.MULTILINE)
    shown = json.loads(envtrack("pond", "show", "kolam-1", "--format", "json").stdout)
    assert shown["open_cycle"]["days_in_cycle"] == 130 and "warnings" not in shown


def test_nila_is_warned_past_180_days_not_at_150(mosque):
    envtrack = mosque
    envtrack("pond", "stock", "kolam-1", "--species", "nila", "--count", "300", "--date", "2025-01-01")
    # 2025-01-01 → 05-01: 120 days, → 05-31: 150; → 06-30: 180, → 07-01: 181
    at_150 = envtrack("pond", "feed", "kolam-1", "--kg", "5", "--date", "2025-05-31")
    assert at_150.entry_id and after_echo(at_150) == ""
    at_181 = envtrack("pond", "feed", "kolam-1", "--kg", "5", "--date", "2025-07-01")
    assert after_echo(at_181) == "warning: cycle has run 181 days (more than 180)\n"


def test_other_species_is_never_warned_of_its_cycle_length(mosque):
    envtrack = mosque
    envtrack("pond", "stock", "kolam-1", "--species", "other", "--count", "300", "--date", "2025-01-01")
    run = envtrack("pond", "feed", "kolam-1", "--kg", "5", "--date", "2025-12-01")
    assert run.entry_id and after_echo(run) == ""


def test_final_harvest_with_a_poor_fcr_warns_but_records(mosque):
    envtrack = mosque
    envtrack("pond", "stock", "kolam-1", "--species", "nila", "--count", "100", "--mean-g", "10", "--date", "2025-03-01")
    envtrack("pond", "feed", "kolam-1", "--kg", "20", "--date", "2025-03-15")
    # stocked 100 × 10 g = 1 kg; FCR = 20 / (10 − 1) = 2.22; 31 days is no cause for warning
    run = envtrack("pond", "harvest", "kolam-1", "--kg", "10", "--count", "90", "--final", "--date", "2025-04-01")
    assert run.entry_id
    assert after_echo(run) == "warning: FCR 2.22 is above 1.5\n"
    shown = json.loads(envtrack("pond", "show", "kolam-1", "--format", "json").stdout)
    assert (shown["open_cycle"], shown["cycles_closed"]) == (None, 1)


def test_a_partial_harvest_gives_no_fcr_warning(mosque):
    envtrack = mosque
    envtrack("pond", "stock", "kolam-1", "--species", "nila", "--count", "100", "--mean-g", "10", "--date", "2025-03-01")
    envtrack("pond", "feed", "kolam-1", "--kg", "20", "--date", "2025-03-15")
    # feed 20 / (5 − 1) = 5 so far, but the cycle is not over: no FCR warning
    partial = envtrack("pond", "harvest", "kolam-1", "--kg", "5", "--count", "40", "--date", "2025-04-01")
    assert partial.entry_id and after_echo(partial) == ""
    # the final harvest judges the whole cycle: 20 / (5 + 8 − 1) = 1.67
    final = envtrack("pond", "harvest", "kolam-1", "--kg", "8", "--count", "55", "--final", "--date", "2025-04-10")
    assert after_echo(final) == "warning: FCR 1.67 is above 1.5\n"

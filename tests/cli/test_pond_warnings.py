"""Warnings after feeding and harvesting: printed on stderr, never a refusal."""

from __future__ import annotations

import json
from datetime import date, timedelta


def test_feeding_a_cycle_past_120_days_warns_but_records(envtrack):
    envtrack("site", "add", "masjid-1", "--kind", "mosque", "--name", "Masjid 1")
    envtrack("pond", "add", "kolam-1", "--site", "masjid-1", "--volume-m3", "3")
    started = (date.today() - timedelta(days=130)).isoformat()
    envtrack("pond", "stock", "kolam-1", "--species", "lele", "--count", "500", "--date", started)
    run = envtrack("pond", "feed", "kolam-1", "--kg", "5")
    assert run.entry_id
    assert run.stderr == (f"recorded: 5 kg of feed for pond kolam-1 (masjid-1), {date.today().isoformat()}\n"
                          "warning: cycle has run 130 days (more than 120)\n")
    shown = json.loads(envtrack("pond", "show", "kolam-1", "--format", "json").stdout)
    assert shown["open_cycle"]["fed_kg"] == 5.0
    assert shown["warnings"] == [{"warning": "cycle_days", "value": 130, "limit": 120}]
    table = envtrack("pond", "show", "kolam-1")
    assert table.stderr == "warning: cycle has run 130 days (more than 120)\n"
    indonesian = envtrack("pond", "show", "kolam-1", lang="id")
    assert indonesian.stderr == "peringatan: siklus sudah berjalan 130 hari (lebih dari 120)\n"
    assert "Days in cycle  130" in table.stdout


def test_final_harvest_with_a_poor_fcr_warns_but_records(envtrack):
    envtrack("site", "add", "masjid-1", "--kind", "mosque", "--name", "Masjid 1")
    envtrack("pond", "add", "kolam-1", "--site", "masjid-1", "--volume-m3", "3")
    envtrack("pond", "stock", "kolam-1", "--species", "nila", "--count", "100", "--mean-g", "10", "--date", "2025-03-01")
    envtrack("pond", "feed", "kolam-1", "--kg", "20", "--date", "2025-03-15")
    # stocked 100 × 10 g = 1 kg; FCR = 20 / (10 − 1) = 2.22; 31 days is no cause for warning
    run = envtrack("pond", "harvest", "kolam-1", "--kg", "10", "--count", "90", "--final", "--date", "2025-04-01")
    assert run.entry_id
    assert run.stderr == ("recorded: harvest of 90 fish, 10 kg from pond kolam-1 (masjid-1), 2025-04-01; "
                          "final harvest, cycle closed\nwarning: FCR 2.22 is above 1.5\n")
    shown = json.loads(envtrack("pond", "show", "kolam-1", "--format", "json").stdout)
    assert (shown["open_cycle"], shown["cycles_closed"]) == (None, 1)

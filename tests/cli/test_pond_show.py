"""``pond show``: density, the latest sample, biomass and the provisional FCR, the latest water
readings, and after a final harvest the last closed cycle's results — worked out by hand."""

from __future__ import annotations

import json
import re

import pytest


@pytest.fixture
def kolam(envtrack):
    envtrack("site", "add", "masjid-1", "--kind", "mosque", "--name", "Masjid 1")
    envtrack("pond", "add", "kolam-1", "--site", "masjid-1", "--volume-m3", "4")
    envtrack("pond", "stock", "kolam-1", "--species", "lele", "--count", "1000", "--mean-g", "8", "--date", "2025-01-01")
    envtrack("pond", "feed", "kolam-1", "--kg", "30", "--date", "2025-01-20")
    envtrack("pond", "mortality", "kolam-1", "--count", "40", "--date", "2025-01-25")
    envtrack("pond", "sample", "kolam-1", "--count", "30", "--kg", "1.5", "--date", "2025-02-01")
    envtrack("pond", "feed", "kolam-1", "--kg", "20", "--date", "2025-02-10")
    # a later sample, recorded before an earlier one was written down: the later date wins
    envtrack("pond", "sample", "kolam-1", "--count", "20", "--kg", "2.4", "--date", "2025-02-15")
    envtrack("pond", "sample", "kolam-1", "--count", "25", "--kg", "1.75", "--date", "2025-02-08")
    envtrack("pond", "harvest", "kolam-1", "--kg", "12", "--count", "100", "--date", "2025-02-16")
    envtrack("pond", "quality", "kolam-1", "--do", "3.5", "--ph", "7.1", "--date", "2025-02-01")
    envtrack("pond", "quality", "kolam-1", "--do", "2.8", "--date", "2025-02-14")
    return envtrack


def test_show_gives_density_sample_biomass_and_provisional_fcr(kolam):
    shown = json.loads(kolam("pond", "show", "kolam-1", "--format", "json").stdout)
    cycle = shown["open_cycle"]
    # alive 1000 − 40 − 100 = 860; density 860 / 4 m³ = 215
    assert (cycle["alive"], cycle["density_per_m3"]) == (860, 215.0)
    # latest sample (2025-02-15): 2.4 kg / 20 fish = 120 g; biomass 860 × 120 g = 103.2 kg
    assert cycle["latest_sample"] == {"on": "2025-02-15", "count": 20, "kg": 2.4, "mean_g": 120.0,
                                      "biomass_kg": 103.2}
    # FCR so far: feed 50 / (103.2 + 12 harvested − 1000 × 8 g = 8 kg stocked) = 50 / 107.2 = 0.466…
    assert cycle["fcr_provisional"] == 0.47
    assert shown["water"] == {"do_mg_l": {"value": 2.8, "on": "2025-02-14"},
                              "ph": {"value": 7.1, "on": "2025-02-01"}}
    assert shown["last_closed_cycle"] is None


def test_show_table_labels_the_new_fields_in_both_languages(kolam):
    english = kolam("pond", "show", "kolam-1").stdout
    assert "Density (fish/m³)         215" in english
    assert "FCR so far (provisional)  0.47" in english
    assert "Biomass (kg)              103.2" in english
    assert "DO (mg/L)                 2.8 (2025-02-14)" in english
    indonesian = kolam("pond", "show", "kolam-1", lang="id").stdout
    assert "FCR sementara" in indonesian and "Biomassa (kg)" in indonesian
    assert "103,2" in indonesian and "2,8 (2025-02-14)" in indonesian


def test_after_a_final_harvest_show_gives_the_closed_cycles_results(kolam):
    kolam("pond", "harvest", "kolam-1", "--kg", "90", "--count", "800", "--final", "--date", "2025-03-31")
    shown = json.loads(kolam("pond", "show", "kolam-1", "--format", "json").stdout)
    assert shown["open_cycle"] is None and shown["cycles_closed"] == 1
    last = shown["last_closed_cycle"]
    # 2025-01-01 → 03-31: 31 + 28 + 30 = 89 days; harvested 100 + 800 = 900 fish, 12 + 90 = 102 kg;
    # written off 860 − 800 = 60; survival 100 · 900 / 1000 = 90 %; FCR 50 / (102 − 8) = 0.53;
    # yield 102 / 4 = 25.5 kg/m³
    assert last == {
        "cycle_id": last["cycle_id"], "species": "lele", "started_on": "2025-01-01", "closed_on": "2025-03-31",
        "days": 89, "stocked": 1000, "harvested": 900, "harvest_kg": 102.0, "dead": 40, "written_off": 60,
        "fed_kg": 50.0, "survival_pct": 90.0, "fcr": 0.53, "yield_kg_per_m3": 25.5,
    }
    table = kolam("pond", "show", "kolam-1").stdout
    lines = dict(re.split(r"\s{2,}", line.strip(), maxsplit=1) for line in table.splitlines()[2:] if "  " in line.strip())
    assert lines["Last cycle: survival (%)"] == "90"
    assert lines["Last cycle: FCR"] == "0.53"
    assert lines["Last cycle: written off"] == "60"


def test_a_cycle_without_a_sample_has_no_biomass_nor_provisional_fcr(envtrack):
    envtrack("site", "add", "masjid-1", "--kind", "mosque", "--name", "Masjid 1")
    envtrack("pond", "add", "kolam-1", "--site", "masjid-1", "--volume-m3", "2.5")
    envtrack("pond", "stock", "kolam-1", "--species", "nila", "--count", "300", "--date", "2025-01-01")
    cycle = json.loads(envtrack("pond", "show", "kolam-1", "--format", "json").stdout)["open_cycle"]
    assert (cycle["density_per_m3"], cycle["latest_sample"], cycle["fcr_provisional"]) == (120.0, None, None)

"""The indicators of a small city, against figures computed by hand (see indicator_scenario.py
for every record; the arithmetic is written beside each expected value)."""

from __future__ import annotations

import json
import math
from datetime import date

import pytest
from eventsourcing.utils import get_topic
from indicator_scenario import record_city

from domain.values import CATEGORIES
from domain.waste import WasteEntry
from projections import indicators
from projections.readmodels import ReadModels, replay_frames

Y2025 = (date(2025, 1, 1), date(2025, 12, 31))


@pytest.fixture
def city(app):
    ids = record_city(app)
    with ReadModels(app.store) as read_models:
        read_models.update()
        frames = read_models.frames()
    return frames, ids


def composition(**values: float | None) -> dict[str, float | None]:
    """komposisi_pct with every jenis, 0.0 unless given."""
    return {jenis: values.get(jenis.replace("-", "_"), 0.0) for jenis in CATEGORIES}


NO_COMPOSITION = {jenis: None for jenis in CATEGORIES}

# Waste 2025: W1 10 + W2 4 + W3 3 + W4 5 + W5 6 + W6 2 + W7 1.5 + W8 2.5 + W10 9 = 43.0 kg
# (W9 voided; W10 as corrected). Bottles: E1 1.0 + E2 0.66 + E3 0.25 = 1.91 kg (E4 voided).
# A = 43.0 + 1.91 = 44.91
# B = guna-ulang 3 + daur-ulang 4 + kompos (10 + 9) + bottles 1.91 = 27.91
# C = bahan-baku 6 + olah 2 + tps 1.5 + tpa 5 = 14.5
# D = daur-ulang 4 + kompos 19 + bottles 1.91 = 24.91;  E = bahan-baku 6
# B + C = 42.41;  A − B − C = 2.5 (W8, tidak-terkelola)
WASTE_2025 = {
    "timbulan_kg": 44.91,
    "pengurangan_kg": 27.91,
    "penanganan_kg": 14.5,
    "terkelola_kg": 42.41,
    "tidak_terkelola_kg": 2.5,
    "daur_ulang_kg": 24.91,
    "bahan_baku_kg": 6.0,
    "pct_pengurangan": 62.15,  # 100 · 27.91 / 44.91 = 62.1465…
    "pct_penanganan": 32.29,  # 100 · 14.5 / 44.91 = 32.2868…
    "pct_terkelola": 94.43,  # 100 · 42.41 / 44.91 = 94.4333…
    "recycling_rate_pct": 68.83,  # 100 · (24.91 + 6) / 44.91 = 68.8266…
    "komposisi_pct": composition(
        sisa_makanan=42.31,  # (10 + 9) / 44.91 = 42.3068… %
        kertas_karton=8.91,  # 4 / 44.91 = 8.9067… %
        plastik=10.93,  # (3 + bottles 1.91) / 44.91 = 10.9330… %
        logam=13.36,  # 6 / 44.91 = 13.3600… %
        kain=3.34,  # 1.5 / 44.91 = 3.3400… %
        karet_kulit=5.57,  # 2.5 / 44.91 = 5.5667… %
        kaca=4.45,  # 2 / 44.91 = 4.4533… %
        lainnya=11.13,  # 5 / 44.91 = 11.1334… %
    ),
    "target": {"pct_pengurangan": 30, "pct_penanganan": 70},
}

SAMBO_2025 = {
    "exchanges": 3,  # E1, E2, E3 (E4 voided, E5 in 2024); E3 is a pure deposit
    "bottles": 85,  # 45 + 30 + 10
    "bottles_kg": 1.91,  # 1.0 + 0.66 + 0.25
    "bottles_kg_estimated": 0.66,  # E2: 30 × 0.022
    "items_issued": {"buku": 1, "pensil": 2},
    "pupils": 2,  # "Ani" and " ani " are one pupil; "Budi"
    "handed_over_kg": 1.2,
    "stock": {"buku": 19, "pensil": 47},  # pensil 50 − E5 1 − E1 2; buku 20 − E2 1; penghapus voided
}

MADULENI_2025 = {
    "water_liters": 5500.0,  # 2000 + 3000 + kolam-2 500 (the 1000 L of 2024 left out)
    "feed_kg": 50.0,  # 20 + 30 (10 kg voided; 5 kg in 2024)
    "stocked": 150,  # 100 on 2025-01-20 + kolam-2 50
    "deaths": 70,  # 20 recorded + 50 written off at the closing harvest
    "harvested": 530,  # 200 + 330
    "harvest_kg": 110.0,  # 40 + 70
    "sold_kg": 30.0,
    "sold_rp": 750_000,  # 30 kg × Rp 25,000
    "cycles_closed": 1,
    "survival_pct": 88.33,  # whole cycle: 100 · 530 / (500 + 100) = 88.333…
    "fcr": 0.52,  # feed 5 + 20 + 30 = 55 / (harvest 110 − stocked 500 × 8 g = 4.0 kg) = 55 / 106 = 0.5188…
    "yield_kg_per_m3": 27.5,  # 110 kg / 4 m³ (kolam-1, once)
    "harvest_kg_per_1000_l": 20.0,  # 1000 · 110 / 5500
    "seed_cost_rp": 0,  # no costs recorded in this city (tests/projections/test_pond_costs.py has them)
    "feed_cost_rp": 0,
    "margin_rp": 750_000,  # 750,000 − 0 − 0
}


def test_a_year_gives_the_hand_computed_waste_sambo_and_pond_figures(city):
    frames, _ = city
    report = indicators.summary(frames, *Y2025)
    assert report == {
        "period": {"from": "2025-01-01", "to": "2025-12-31"},
        "site": None,
        "waste": WASTE_2025,
        "sambo": SAMBO_2025,
        "maduleni": MADULENI_2025,
    }
    assert list(report) == ["period", "site", "waste", "sambo", "maduleni"]
    assert list(report["waste"]) == [*indicators.WASTE_KEYS, "komposisi_pct", "target"]
    assert list(report["maduleni"]) == list(MADULENI_2025)
    assert list(report["sambo"]) == list(SAMBO_2025)


def test_one_site_counts_only_that_sites_records(city):
    frames, _ = city
    report = indicators.summary(frames, *Y2025, site="masjid")
    # masjid: W3 plastik 3 → guna-ulang, W4 lainnya 5 → tpa (W9 voided). A = 8, B = 3, C = 5.
    assert report["site"] == "masjid"
    assert report["waste"] == {
        "timbulan_kg": 8.0,
        "pengurangan_kg": 3.0,
        "penanganan_kg": 5.0,
        "terkelola_kg": 8.0,
        "tidak_terkelola_kg": 0.0,
        "daur_ulang_kg": 0.0,
        "bahan_baku_kg": 0.0,
        "pct_pengurangan": 37.5,  # 3 / 8
        "pct_penanganan": 62.5,  # 5 / 8
        "pct_terkelola": 100.0,
        "recycling_rate_pct": 0.0,
        "komposisi_pct": composition(plastik=37.5, lainnya=62.5),
        "target": {"pct_pengurangan": 30, "pct_penanganan": 70},
    }
    assert report["sambo"] == {
        "exchanges": 0,
        "bottles": 0,
        "bottles_kg": 0.0,
        "bottles_kg_estimated": 0.0,
        "items_issued": {},
        "pupils": 0,
        "handed_over_kg": 0.0,
        "stock": {},
    }
    # kolam-1 only: water 2000 + 3000; stocked 100 in 2025; per 1000 L = 1000 · 110 / 5000 = 22
    assert report["maduleni"] == {
        **MADULENI_2025,
        "water_liters": 5000.0,
        "stocked": 100,
        "harvest_kg_per_1000_l": 22.0,
    }


def test_targets_are_configurable(city):
    frames, _ = city
    report = indicators.summary(frames, *Y2025, targets={"pct_pengurangan": 25.5, "pct_penanganan": 75})
    assert report["waste"]["target"] == {"pct_pengurangan": 25.5, "pct_penanganan": 75}


def test_an_empty_period_gives_zeros_and_nulls_never_nan(city):
    frames, _ = city
    report = indicators.summary(frames, date(2023, 1, 1), date(2023, 12, 31))
    waste = report["waste"]
    assert {key: waste[key] for key in indicators.WASTE_KEYS[:7]} == dict.fromkeys(indicators.WASTE_KEYS[:7], 0.0)
    assert {key: waste[key] for key in indicators.WASTE_KEYS[7:]} == dict.fromkeys(indicators.WASTE_KEYS[7:], None)
    assert waste["komposisi_pct"] == NO_COMPOSITION
    assert report["sambo"]["stock"] == {}  # the first receipt is dated 2024-12-01
    assert report["maduleni"]["survival_pct"] is None
    assert report["maduleni"]["fcr"] is None
    assert report["maduleni"]["yield_kg_per_m3"] is None
    assert report["maduleni"]["harvest_kg_per_1000_l"] is None
    json.dumps(report, allow_nan=False)  # raises on NaN
    for by in ("month", "site", "category"):
        rows = indicators.breakdown(frames, by, date(2023, 1, 1), date(2023, 12, 31)).to_dict("records")
        json.dumps(rows, allow_nan=False)
        assert all(row["pct_pengurangan"] is None and row["timbulan_kg"] == 0.0 for row in rows)


def test_the_year_before_counts_its_own_records_and_the_stock_at_its_end(city):
    frames, _ = city
    report = indicators.summary(frames, date(2024, 1, 1), date(2024, 12, 31))
    # W11 plastik 1 kg → daur-ulang; E5 20 bottles estimated 0.44 kg: A = B = D = 1.44
    assert report["waste"]["timbulan_kg"] == 1.44
    assert report["waste"]["pct_pengurangan"] == 100.0
    assert report["waste"]["komposisi_pct"]["plastik"] == 100.0
    assert report["sambo"]["stock"] == {"pensil": 49}  # 50 received − 1 issued by E5
    assert report["sambo"]["handed_over_kg"] == 0.5
    # 1000 L, 5 kg feed, 500 stocked; no cycle closed; no harvest: 1000 · 0 / 1000 = 0
    maduleni = report["maduleni"]
    assert (maduleni["water_liters"], maduleni["feed_kg"], maduleni["stocked"]) == (1000.0, 5.0, 500)
    assert (maduleni["cycles_closed"], maduleni["survival_pct"], maduleni["harvest_kg_per_1000_l"]) == (0, None, 0.0)


def test_by_month_lists_every_month_and_the_correction_counts_in_its_new_month(city):
    frames, _ = city
    table = indicators.breakdown(frames, "month", *Y2025)
    assert list(table.columns) == [
        "month",
        *indicators.WASTE_KEYS,
        *(f"komposisi_pct.{jenis}" for jenis in CATEGORIES),
    ]
    rows = {row["month"]: row for row in table.to_dict("records")}
    assert list(rows) == [f"2025-{m:02d}" for m in range(1, 13)]
    # Jan: W1 10 kompos, W2 4 daur-ulang, E1 1.0 kg bottles: A = B = D = 15
    assert rows["2025-01"]["timbulan_kg"] == 15.0
    assert rows["2025-01"]["pct_pengurangan"] == 100.0
    assert rows["2025-01"]["komposisi_pct.sisa-makanan"] == 66.67  # 10 / 15
    assert rows["2025-01"]["komposisi_pct.plastik"] == 6.67  # 1 / 15
    # Feb: W3 3 guna-ulang, W4 5 tpa, E2 0.66: A = 8.66, B = 3.66, C = 5, D = 0.66
    assert rows["2025-02"]["timbulan_kg"] == 8.66
    assert rows["2025-02"]["pct_pengurangan"] == 42.26  # 3.66 / 8.66 = 42.263…
    assert rows["2025-02"]["pct_penanganan"] == 57.74  # 5 / 8.66 = 57.736…
    assert rows["2025-02"]["recycling_rate_pct"] == 7.62  # 0.66 / 8.66 = 7.621…
    # Mar: W5 6 bb, W6 2 olah, W7 1.5 tps, W8 2.5 unmanaged, E3 0.25 (E4 voided): A = 12.25
    assert rows["2025-03"]["timbulan_kg"] == 12.25
    assert rows["2025-03"]["tidak_terkelola_kg"] == 2.5
    assert rows["2025-03"]["pct_penanganan"] == 77.55  # 9.5 / 12.25 = 77.551…
    assert rows["2025-03"]["recycling_rate_pct"] == 51.02  # (0.25 + 6) / 12.25 = 51.020…
    # Apr: W9 voided and W10 moved to May: nothing left
    assert rows["2025-04"]["timbulan_kg"] == 0.0
    assert rows["2025-04"]["pct_pengurangan"] is None
    # May: W10 as corrected, 9 kg → kompos
    assert rows["2025-05"]["timbulan_kg"] == 9.0
    assert rows["2025-05"]["daur_ulang_kg"] == 9.0
    assert rows["2025-05"]["penanganan_kg"] == 0.0
    assert rows["2025-12"]["komposisi_pct.kaca"] is None


def test_by_site_and_by_category(city):
    frames, _ = city
    sites = {row["site"]: row for row in indicators.breakdown(frames, "site", *Y2025).to_dict("records")}
    assert list(sites) == ["bank", "masjid", "smpn6"]
    # bank: 6 bb + 2 olah + 1.5 tps + 2.5 unmanaged = 12; C = 9.5 → 79.17 %; (D + E) = 6 → 50 %
    assert (sites["bank"]["timbulan_kg"], sites["bank"]["pct_penanganan"], sites["bank"]["recycling_rate_pct"]) == (
        12.0,
        79.17,
        50.0,
    )
    # smpn6: 10 + 4 + 9 waste, 1.91 bottles = 24.91, all pengurangan
    assert (sites["smpn6"]["timbulan_kg"], sites["smpn6"]["pct_pengurangan"]) == (24.91, 100.0)
    assert sites["masjid"]["pct_pengurangan"] == 37.5
    categories = {row["category"]: row for row in indicators.breakdown(frames, "category", *Y2025).to_dict("records")}
    assert list(categories) == list(CATEGORIES)
    # plastik: W3 3 kg guna-ulang + bottles 1.91 = 4.91; daur ulang = the bottles: 1.91 / 4.91 = 38.90 %
    assert categories["plastik"]["timbulan_kg"] == 4.91
    assert categories["plastik"]["recycling_rate_pct"] == 38.9
    assert categories["plastik"]["komposisi_pct.plastik"] == 100.0
    assert categories["sisa-makanan"]["timbulan_kg"] == 19.0  # W1 10 + W10 9
    assert categories["kayu-ranting"]["timbulan_kg"] == 0.0  # W9 voided
    assert categories["kayu-ranting"]["pct_terkelola"] is None


def test_programme_figures_by_month(city):
    frames, _ = city
    sambo = indicators.sambo_monthly(frames, *Y2025).set_index("month")
    assert list(sambo.columns) == ["exchanges", "bottles", "bottles_kg", "items_issued", "handed_over_kg"]
    assert len(sambo) == 12
    assert sambo.loc["2025-01"].tolist() == [1, 45, 1.0, 2, 0.0]
    assert sambo.loc["2025-02"].tolist() == [1, 30, 0.66, 1, 0.0]
    assert sambo.loc["2025-03"].tolist() == [1, 10, 0.25, 0, 1.2]  # E4 voided; handover 1.2 kg
    assert sambo.loc["2025-04"].tolist() == [0, 0, 0.0, 0, 0.0]
    ponds = indicators.maduleni_monthly(frames, *Y2025).set_index("month")
    assert list(ponds.columns) == ["water_liters", "feed_kg", "stocked", "deaths", "harvested", "harvest_kg"]
    assert ponds.loc["2025-01"].tolist() == [0.0, 0.0, 100, 0, 0, 0.0]
    assert ponds.loc["2025-02"].tolist() == [2000.0, 20.0, 0, 20, 0, 0.0]
    assert ponds.loc["2025-03"].tolist() == [3000.0, 30.0, 0, 0, 200, 40.0]  # 10 kg feed voided
    assert ponds.loc["2025-04"].tolist() == [0.0, 0.0, 0, 50, 330, 70.0]  # 50 written off
    assert ponds.loc["2025-05"].tolist() == [500.0, 0.0, 50, 0, 0, 0.0]


def test_a_replay_up_to_a_position_gives_the_figures_of_that_moment(app, city):
    frames, _ = city
    replayed = replay_frames(app.store, frames.position)
    assert indicators.summary(replayed, *Y2025) == indicators.summary(frames, *Y2025)
    corrected_topic = get_topic(WasteEntry.Corrected)
    corrected_at = next(
        row[0] for page in app.store.read_log(topics=[corrected_topic]) for row in page
    )
    before = replay_frames(app.store, corrected_at - 1)
    months = {row["month"]: row for row in indicators.breakdown(before, "month", *Y2025).to_dict("records")}
    # before the correction W10 was 8 kg to tps in April (W9 already voided)
    assert months["2025-04"]["timbulan_kg"] == 8.0
    assert months["2025-04"]["pct_penanganan"] == 100.0
    assert months["2025-05"]["timbulan_kg"] == 0.0


def test_rounding_never_leaves_negative_zero_or_float_noise():
    figures = indicators.waste_figures({"tps": 0.1, "kompos": 0.2}, {"kertas-karton": 0.3}, 0.0)
    # 0.1 + 0.2 is 0.30000000000000004 in floating point; shown as 0.3, unmanaged exactly 0.0
    assert figures["timbulan_kg"] == 0.3
    assert figures["tidak_terkelola_kg"] == 0.0 and math.copysign(1, figures["tidak_terkelola_kg"]) == 1
    assert figures["pct_penanganan"] == 33.33


def test_a_total_beyond_what_a_float_holds_is_refused_naming_it_never_null_or_inf(app):
    # Each 1e308 kg is finite (accepted: no upper limit), but 1e308 + 1e308 overflows to inf:
    # the report refuses instead of printing null timbulan or drawing an infinite chart.
    from domain.errors import InvalidValue

    app.add_site("bank", kind="waste-bank", name="Bank", on=date(2025, 1, 2))
    app.record_waste("bank", category="plastik", kg=1e308, destination="tps", on=date(2025, 3, 1))
    app.record_waste("bank", category="plastik", kg=1e308, destination="kompos", on=date(2025, 3, 1))
    frames = replay_frames(app.store, 3)
    for report in (
        lambda: indicators.summary(frames, *Y2025),
        lambda: indicators.breakdown(frames, "month", *Y2025),
    ):
        with pytest.raises(InvalidValue) as refusal:
            report()
        assert refusal.value.field == "total"
        assert str(refusal.value).startswith("total inf: is too large to compute")
    # a period without them is unaffected: A = 0, percentages null
    assert indicators.summary(frames, date(2025, 4, 1), date(2025, 4, 30))["waste"]["timbulan_kg"] == 0.0

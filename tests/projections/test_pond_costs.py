"""MADULENI MANIS costs and margin, worked out by hand: in the indicators, equal after a rebuild
and an update, and in the evidence pack's tables and files.

kolam-1 (masjid, 4 m³):
    2024-12-20 stock 500 lele at 8 g, Rp 200,000         (2024: outside 2025)
    2025-01-20 stock 100 lele, Rp 60,000;  cost unknown on a second stocking of 50 fish
    2025-02-01 feed 20 kg, Rp 240,000, pelet PF-1000
    2025-03-01 feed 30 kg, Rp 345,000;  2025-03-15 feed 10 kg, Rp 115,000, voided
    2025-03-20 harvest 200 fish, 40 kg, sold 30 kg at Rp 25,000;
    2025-04-10 final harvest 330 fish, 70 kg, sold 60 kg at Rp 26,000
2025: seed 60,000 (the 50 fish had no cost: 0); feed 240,000 + 345,000 = 585,000 (the voided
115,000 left out); sold 30 × 25,000 + 60 × 26,000 = 750,000 + 1,560,000 = 2,310,000;
margin 2,310,000 − 60,000 − 585,000 = 1,665,000.
"""

from __future__ import annotations

from datetime import date

import pytest

from envtrack.i18n import labels
from projections import indicators
from projections.packtables import pdf_sections
from projections.packvalues import indicator_values
from projections.readmodels import ReadModels, replay_frames

Y2025 = (date(2025, 1, 1), date(2025, 12, 31))


@pytest.fixture
def ponds(app):
    app.add_site("masjid", kind="mosque", name="Masjid Al-Ikhlas", on=date(2024, 12, 1))
    app.add_pond("kolam-1", site="masjid", volume_m3=4, on=date(2024, 12, 1))
    app.stock_pond("kolam-1", species="lele", count=500, mean_g=8, cost_rp=200_000, on=date(2024, 12, 20))
    app.stock_pond("kolam-1", species="lele", count=100, cost_rp="60000", on=date(2025, 1, 20))
    app.stock_pond("kolam-1", species="lele", count=50, on=date(2025, 1, 21))
    app.feed_pond("kolam-1", kg=20, cost_rp=240_000, feed_type="pelet PF-1000", on=date(2025, 2, 1))
    app.feed_pond("kolam-1", kg=30, cost_rp=345_000, on=date(2025, 3, 1))
    spilled = app.feed_pond("kolam-1", kg=10, cost_rp=115_000, on=date(2025, 3, 15))
    app.void(str(spilled), reason="pakan tumpah", on=date(2025, 3, 16))
    app.harvest_pond("kolam-1", kg=40, count=200, sold_kg=30, price_rp_per_kg=25_000, on=date(2025, 3, 20))
    app.harvest_pond("kolam-1", kg=70, count=330, sold_kg=60, price_rp_per_kg=26_000, final=True,
                     on=date(2025, 4, 10))
    return app


def test_costs_and_margin_of_a_year(ponds):
    with ReadModels(ponds.store) as read_models:
        read_models.update()
        frames = read_models.frames()
    maduleni = indicators.summary(frames, *Y2025)["maduleni"]
    assert (maduleni["seed_cost_rp"], maduleni["feed_cost_rp"]) == (60_000, 585_000)
    assert maduleni["sold_rp"] == 2_310_000
    assert maduleni["margin_rp"] == 1_665_000
    assert list(maduleni)[-3:] == ["seed_cost_rp", "feed_cost_rp", "margin_rp"]
    # 2024 alone: seed 200,000, nothing sold: margin −200,000
    last_year = indicators.summary(frames, date(2024, 1, 1), date(2024, 12, 31))["maduleni"]
    assert (last_year["seed_cost_rp"], last_year["feed_cost_rp"], last_year["margin_rp"]) == (200_000, 0, -200_000)


def test_a_rebuild_and_an_update_give_the_same_costs(ponds):
    with ReadModels(ponds.store) as read_models:
        read_models.update()
        updated = read_models.frames()
        read_models.rebuild()
        rebuilt = read_models.frames()
    assert updated.pond_records.equals(rebuilt.pond_records)
    replayed = replay_frames(ponds.store, updated.position)
    assert replayed.pond_records.equals(updated.pond_records)
    records = updated.pond_records.set_index("occurred_on")
    assert records.loc["2025-02-01", "feed_type"] == "pelet PF-1000"
    assert records.loc["2025-02-01", "cost_rp"] == 240_000


def test_the_evidence_pack_tables_carry_costs_and_margin(ponds):
    with ReadModels(ponds.store) as read_models:
        position = read_models.update()
        frames = read_models.frames()
    values = indicator_values(frames, *Y2025, None, None, position)
    for lang, seed, margin in (("en", "Seed cost (Rp)", "Margin: sales − seed − feed (Rp)"),
                               ("id", "Biaya benih (Rp)", "Margin: penjualan − benih − pakan (Rp)")):
        rows = {row.get("name"): row for _heading, _columns, section in pdf_sections(values, labels(lang))
                for row in section}
        thousands = "," if lang == "en" else "."
        assert rows[seed]["value"] == f"60{thousands}000"
        assert rows[margin]["value"] == f"1{thousands}665{thousands}000"
    assert values["total"]["maduleni"]["margin_rp"] == 1_665_000  # what manifest.json and the CSV carry

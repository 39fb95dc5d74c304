"""The formulas against the real SIPSN 2024 "capaian" table: each kab/kota's A–E, turned into
waste records by destination, must give the percentages SIPSN published, to their rounding.

The table is read from ``shared/data`` beside the repository, or from the file named by
``ENVTRACK_SIPSN_CSV`` (it carries no licence of its own, so it is not copied into the
repository). Where neither exists the module is skipped, saying so.
"""

from __future__ import annotations

import csv
import os
from datetime import date
from pathlib import Path

import pytest

from projections import indicators
from projections.replay import to_frames
from projections import rollup
from projections.schema import FRAMED

TABLE = Path(
    os.environ.get("ENVTRACK_SIPSN_CSV")
    or Path(__file__).resolve().parents[3] / "shared" / "data" / "sipsn-2024-capaian.csv"
)
if not TABLE.is_file():
    pytest.skip(
        f"SIPSN reference table not found at {TABLE} (set ENVTRACK_SIPSN_CSV): formula "
        "cross-check against the published table skipped",
        allow_module_level=True,
    )
DAY = date(2024, 6, 30)


def published() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def frames_for(row: dict[str, str]):
    """One waste record per destination, in kg, so that the spec's sums give back A–E:
    daur-ulang D, guna-ulang B − D (pengurangan that is not recycling), bahan-baku E,
    tps C − E (the rest of penanganan), tidak-terkelola A − B − C."""
    a, b, c, d, e = (float(row[k]) * 1000 for k in ("timbulan_t", "pengurangan_t", "penanganan_t", "daur_ulang_t", "bahan_baku_t"))
    parts = {
        "daur-ulang": d,
        "guna-ulang": b - d,
        "bahan-baku": e,
        "tps": c - e,
        "tidak-terkelola": a - b - c,
    }
    waste = [
        [f"{n:032x}", n + 1, "kota", "lainnya", kg, destination, "rumah-tangga", DAY.isoformat(), False]
        for n, (destination, kg) in enumerate(parts.items())
    ]
    tables = {name: [] for name in FRAMED}
    tables.update(rollup.from_rows({"waste": waste, "exchanges": [], "exchange_items": []}))
    return to_frames(len(waste), tables)


def figures(row: dict[str, str]) -> dict:
    return indicators.summary(frames_for(row), date(2024, 1, 1), date(2024, 12, 31))["waste"]


@pytest.mark.parametrize(
    "name,expected",
    [
        # name: (pct_pengurangan, pct_penanganan, pct_terkelola, recycling_rate_pct) as published
        ("Kota Pasuruan", (20.19, 67.42, 87.61, 20.45)),
        ("Kab. Mojokerto", (28.13, 22.28, 50.41, 22.8)),
        ("Kota Surabaya", (5.37, 93.69, 99.06, 11.54)),
        ("Kab. Aceh Timur", (1.61, 42.89, 44.5, 1.29)),
    ],
)
def test_named_cities_give_the_published_percentages(name, expected):
    row = next(r for r in published() if r["kabupaten_kota"] == name)
    waste = figures(row)
    assert (waste["pct_pengurangan"], waste["pct_penanganan"], waste["pct_terkelola"], waste["recycling_rate_pct"]) == expected
    assert waste["timbulan_kg"] == round(float(row["timbulan_t"]) * 1000, 3)
    assert abs(waste["terkelola_kg"] / 1000 - float(row["terkelola_t"])) <= 0.005


def test_every_kab_kota_matches_the_published_percentages_to_their_rounding():
    rows = published()
    assert len(rows) == 315
    mismatches = []
    for row in rows:
        waste = figures(row)
        for ours, theirs in (
            ("pct_pengurangan", "pct_pengurangan"),
            ("pct_penanganan", "pct_penanganan"),
            ("pct_terkelola", "pct_terkelola"),
            ("recycling_rate_pct", "recycling_rate_pct"),
        ):
            shown = row[theirs]
            decimals = len(shown.split(".")[1]) if "." in shown else 0
            # the published value is ours rounded to the decimals it shows (at most 2)
            if round(waste[ours], decimals) != float(shown):
                mismatches.append((row["kabupaten_kota"], ours, waste[ours], shown))
    assert mismatches == []

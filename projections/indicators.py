"""The SIPSN "capaian" waste indicators and the programme figures, computed bottom-up.

Pure functions over ``Frames`` (see ``projections.replay``): the formulas of the specification
live here, once. Voided entries count nowhere; a corrected waste entry counts with its latest
values, in its latest period (the frames already hold its latest values). Masses are in kg.

    A timbulan    = Σ waste kg (all destinations) + Σ bottle kg
    B pengurangan = Σ kg to guna-ulang, daur-ulang, kompos + Σ bottle kg
    C penanganan  = Σ kg to bahan-baku, olah, tps, tpa
    D daur_ulang  = Σ kg to daur-ulang, kompos + Σ bottle kg
    E bahan_baku  = Σ kg to bahan-baku
    pct_pengurangan = 100·B/A, pct_penanganan = 100·C/A, pct_terkelola = 100·(B+C)/A,
    tidak_terkelola = A − B − C, recycling_rate_pct = 100·(D+E)/A,
    komposisi_pct[jenis] = 100·kg of that jenis / A (bottles are plastik).

Rounding: kg (and litres) to 3 decimals, percentages and ratios to 2, rupiah and counts whole.
A percentage or ratio whose denominator is 0 is None (JSON null), never NaN.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from domain.errors import InvalidValue
from domain.values import CATEGORIES
from projections.replay import Frames

PENGURANGAN = ("guna-ulang", "daur-ulang", "kompos")
PENANGANAN = ("bahan-baku", "olah", "tps", "tpa")
DAUR_ULANG = ("daur-ulang", "kompos")
BAHAN_BAKU = ("bahan-baku",)
BOTTLE_CATEGORY = "plastik"
DEFAULT_TARGETS = {"pct_pengurangan": 30, "pct_penanganan": 70}
WASTE_KEYS = (
    "timbulan_kg",
    "pengurangan_kg",
    "penanganan_kg",
    "terkelola_kg",
    "tidak_terkelola_kg",
    "daur_ulang_kg",
    "bahan_baku_kg",
    "pct_pengurangan",
    "pct_penanganan",
    "pct_terkelola",
    "recycling_rate_pct",
)
GROUPINGS = ("month", "site", "category")


# -- rounding --------------------------------------------------------------------------------


def _finite(value: float) -> float:
    """``value`` as a float; a sum that overflowed (recorded quantities near 1.8e308) is refused."""
    number = float(value)
    if not math.isfinite(number):
        raise InvalidValue("total", number, "too_large_to_compute")
    return number


def kg(value: float) -> float:
    """A mass (or volume) to 3 decimals, never ``-0.0``."""
    return round(_finite(value), 3) + 0.0


def ratio(numerator: float, denominator: float, scale: float = 1.0) -> float | None:
    """``scale·numerator/denominator`` to 2 decimals; None when the denominator is 0."""
    if not denominator:
        return None
    return round(scale * float(numerator) / float(denominator), 2) + 0.0


def pct(numerator: float, denominator: float) -> float | None:
    return ratio(numerator, denominator, 100.0)


def whole(value: float) -> int:
    return int(round(_finite(value)))


# -- selections ------------------------------------------------------------------------------


def live(data: pd.DataFrame, site: str | None = None) -> pd.DataFrame:
    """Rows not voided, of one site if given."""
    keep = ~data["voided"] if "voided" in data else pd.Series(True, index=data.index)
    if site is not None:
        keep &= data["site"] == site
    return data[keep]


def within(data: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Rows whose ``occurred_on`` falls in [start, end]."""
    dates = data["occurred_on"]
    return data[(dates >= start.isoformat()) & (dates <= end.isoformat())]


def until(data: pd.DataFrame, end: date) -> pd.DataFrame:
    return data[data["occurred_on"] <= end.isoformat()]


def months(start: date, end: date) -> list[str]:
    """Every month of the period, ``YYYY-MM``."""
    found = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _sum(data: pd.DataFrame, column: str) -> float:
    return float(data[column].sum()) if len(data) else 0.0


# -- waste -----------------------------------------------------------------------------------


def waste_figures(
    by_destination: dict[str, float], by_category: dict[str, float], bottles_kg: float
) -> dict[str, Any]:
    """The waste keys (and ``komposisi_pct``) from kg per destination, kg per category and the
    bottles' kg (pengurangan, daur ulang, plastik)."""
    waste_total = sum(by_destination.values())
    a = waste_total + bottles_kg
    b = sum(by_destination.get(d, 0.0) for d in PENGURANGAN) + bottles_kg
    c = sum(by_destination.get(d, 0.0) for d in PENANGANAN)
    d = sum(by_destination.get(x, 0.0) for x in DAUR_ULANG) + bottles_kg
    e = sum(by_destination.get(x, 0.0) for x in BAHAN_BAKU)
    composition = dict(by_category)
    composition[BOTTLE_CATEGORY] = composition.get(BOTTLE_CATEGORY, 0.0) + bottles_kg
    return {
        "timbulan_kg": kg(a),
        "pengurangan_kg": kg(b),
        "penanganan_kg": kg(c),
        "terkelola_kg": kg(b + c),
        "tidak_terkelola_kg": kg(a - b - c),
        "daur_ulang_kg": kg(d),
        "bahan_baku_kg": kg(e),
        "pct_pengurangan": pct(b, a),
        "pct_penanganan": pct(c, a),
        "pct_terkelola": pct(b + c, a),
        "recycling_rate_pct": pct(d + e, a),
        "komposisi_pct": {jenis: pct(composition.get(jenis, 0.0), a) for jenis in CATEGORIES},
    }


def _by(data: pd.DataFrame, column: str, value: str = "kg") -> dict[str, float]:
    if not len(data):
        return {}
    return {str(k): float(v) for k, v in data.groupby(column)[value].sum().items()}


def _waste_and_bottles(
    frames: Frames, start: date, end: date, site: str | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    waste = within(live(frames.waste, site), start, end)
    exchanges = within(live(frames.exchanges, site), start, end)
    return waste, exchanges


def _targets(targets: dict | None) -> dict[str, float | int]:
    chosen = dict(DEFAULT_TARGETS)
    chosen.update({k: v for k, v in (targets or {}).items() if v is not None})
    return {k: int(v) if float(v).is_integer() else float(v) for k, v in chosen.items()}


# -- SAMBO DIKARTU AS -------------------------------------------------------------------------


def _issued(frames: Frames, exchanges: pd.DataFrame) -> pd.DataFrame:
    items = frames.exchange_items
    return items[items["entry_id"].isin(exchanges["entry_id"])]


def sambo_figures(frames: Frames, start: date, end: date, site: str | None = None) -> dict[str, Any]:
    exchanges = within(live(frames.exchanges, site), start, end)
    issued = _issued(frames, exchanges)
    pupils = exchanges["pupil"].dropna().map(lambda name: str(name).strip().casefold())
    handovers = within(live(frames.handovers, site), start, end)
    received = _by(until(live(frames.receipts, site), end), "item", "qty")
    issued_by_end = _by(_issued(frames, until(live(frames.exchanges, site), end)), "item", "qty")
    stock = {
        item: whole(received.get(item, 0) - issued_by_end.get(item, 0))
        for item in sorted(set(received) | set(issued_by_end))
    }
    return {
        "exchanges": int(len(exchanges)),
        "bottles": whole(_sum(exchanges, "bottles")),
        "bottles_kg": kg(_sum(exchanges, "weight_kg")),
        "bottles_kg_estimated": kg(_sum(exchanges[exchanges["weight_estimated"]], "weight_kg")),
        "items_issued": {item: whole(qty) for item, qty in sorted(_by(issued, "item", "qty").items())},
        "pupils": int(pupils[pupils != ""].nunique()),
        "handed_over_kg": kg(_sum(handovers, "weight_kg")),
        "stock": {item: qty for item, qty in stock.items() if qty != 0},
    }


# -- MADULENI MANIS ----------------------------------------------------------------------------


def _records(data: pd.DataFrame, record: str) -> pd.DataFrame:
    return data[data["record"] == record]


def _stocked_kg(stockings: pd.DataFrame) -> float:
    """count × mean_g / 1000, 0 for a stocking whose mean weight is unknown."""
    if not len(stockings):
        return 0.0
    return float((stockings["count"] * stockings["mean_g"].fillna(0.0) / 1000.0).sum())


def _deaths(records: pd.DataFrame) -> float:
    """Recorded deaths, plus fish written off by the final harvests among ``records``."""
    harvests = _records(records, "harvest")
    return _sum(_records(records, "mortality"), "count") + _sum(harvests[harvests["final"]], "written_off")


def maduleni_figures(frames: Frames, start: date, end: date, site: str | None = None) -> dict[str, Any]:
    records = live(frames.pond_records, site)
    period = within(records, start, end)
    water = _sum(_records(period, "water"), "liters")
    harvests = _records(period, "harvest")
    harvest_kg = _sum(harvests, "kg")
    sold = harvests.dropna(subset=["sold_kg"])
    closing = harvests[harvests["final"]]
    cycles = records[records["cycle_id"].isin(closing["cycle_id"])]
    cycle_harvests = _records(cycles, "harvest")
    cycle_stockings = _records(cycles, "stocking")
    gain = _sum(cycle_harvests, "kg") - _stocked_kg(cycle_stockings)
    ponds = frames.ponds.set_index("pond")["volume_m3"]
    cycle_ponds = closing.drop_duplicates("cycle_id")["pond"]
    volume = float(sum(float(ponds.get(pond, 0.0)) for pond in cycle_ponds))
    sold_rp = whole((sold["sold_kg"] * sold["price_rp_per_kg"]).sum() if len(sold) else 0.0)
    seed_cost_rp = whole(_sum(_records(period, "stocking"), "cost_rp"))
    feed_cost_rp = whole(_sum(_records(period, "feed"), "cost_rp"))
    return {
        "water_liters": kg(water),
        "feed_kg": kg(_sum(_records(period, "feed"), "kg")),
        "stocked": whole(_sum(_records(period, "stocking"), "count")),
        "deaths": whole(_deaths(period)),
        "harvested": whole(_sum(harvests, "count")),
        "harvest_kg": kg(harvest_kg),
        "sold_kg": kg(_sum(sold, "sold_kg")),
        "sold_rp": sold_rp,
        "cycles_closed": int(closing["cycle_id"].nunique()),
        "survival_pct": pct(_sum(cycle_harvests, "count"), _sum(cycle_stockings, "count")),
        "fcr": ratio(_sum(_records(cycles, "feed"), "kg"), gain) if gain > 0 else None,
        "yield_kg_per_m3": ratio(_sum(cycle_harvests, "kg"), volume),
        "harvest_kg_per_1000_l": ratio(harvest_kg, water, 1000.0),
        # costs as recorded on stockings and feedings of the period (none recorded: 0)
        "seed_cost_rp": seed_cost_rp,
        "feed_cost_rp": feed_cost_rp,
        "margin_rp": sold_rp - seed_cost_rp - feed_cost_rp,
    }


# -- the report shapes -------------------------------------------------------------------------


@np.errstate(over="ignore", invalid="ignore")  # an overflowing sum is refused by kg()
def summary(
    frames: Frames,
    start: date,
    end: date,
    site: str | None = None,
    targets: dict | None = None,
) -> dict[str, Any]:
    """The spec's JSON for ``--by total`` (the caller adds ``as_of_position``)."""
    waste, exchanges = _waste_and_bottles(frames, start, end, site)
    figures = waste_figures(
        _by(waste, "destination"), _by(waste, "category"), _sum(exchanges, "weight_kg")
    )
    figures["target"] = _targets(targets)
    return {
        "period": {"from": start.isoformat(), "to": end.isoformat()},
        "site": site,
        "waste": figures,
        "sambo": sambo_figures(frames, start, end, site),
        "maduleni": maduleni_figures(frames, start, end, site),
    }


@np.errstate(over="ignore", invalid="ignore")  # an overflowing sum is refused by kg()
def breakdown(
    frames: Frames, by: str, start: date, end: date, site: str | None = None
) -> pd.DataFrame:
    """One row per month (every month of the period), site or category: the group column, the
    waste keys, and ``komposisi_pct.<jenis>`` for each jenis."""
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(GROUPINGS)}, not {by!r}")
    waste, exchanges = _waste_and_bottles(frames, start, end, site)
    waste = waste.assign(month=waste["occurred_on"].str[:7])
    exchanges = exchanges.assign(
        month=exchanges["occurred_on"].str[:7], category=BOTTLE_CATEGORY
    )
    if by == "month":
        groups = months(start, end)
    elif by == "site":
        groups = [site] if site is not None else sorted(frames.sites["site"])
    else:
        groups = list(CATEGORIES)
    by_destination = _sums(waste, [by, "destination"], "kg")
    by_category = _sums(waste, [by, "category"], "kg")
    bottles = _sums(exchanges, [by], "weight_kg")
    rows = []
    for group in groups:
        figures = waste_figures(
            by_destination.get(group, {}), by_category.get(group, {}), bottles.get(group, {}).get(None, 0.0)
        )
        composition = figures.pop("komposisi_pct")
        row: dict[str, Any] = {by: group, **figures}
        row.update({f"komposisi_pct.{jenis}": value for jenis, value in composition.items()})
        rows.append(row)
    columns = [by, *WASTE_KEYS, *(f"komposisi_pct.{jenis}" for jenis in CATEGORIES)]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def _sums(data: pd.DataFrame, keys: list[str], value: str) -> dict[Any, dict[Any, float]]:
    """``{first key: {second key (None if only one): Σ value}}`` in one group-by."""
    found: dict[Any, dict[Any, float]] = {}
    if not len(data):
        return found
    for index, total in data.groupby(keys)[value].sum().items():
        group, part = (index, None) if len(keys) == 1 else index
        if isinstance(group, tuple):
            group = group[0]
        found.setdefault(group, {})[part] = float(total)
    return found


def _monthly(data: pd.DataFrame, start: date, end: date, site: str | None) -> pd.DataFrame:
    rows = within(live(data, site), start, end)
    return rows.assign(month=rows["occurred_on"].str[:7])


def _per_month(data: pd.DataFrame, value: str | None = None) -> dict[str, float]:
    """Σ value (or the number of rows) per month."""
    if not len(data):
        return {}
    grouped = data.groupby("month")
    totals = grouped.size() if value is None else grouped[value].sum()
    return {str(month): float(total) for month, total in totals.items()}


@np.errstate(over="ignore", invalid="ignore")  # an overflowing sum is refused by kg()
def sambo_monthly(frames: Frames, start: date, end: date, site: str | None = None) -> pd.DataFrame:
    """Per month of the period: exchanges, bottles, bottles_kg, items_issued, handed_over_kg."""
    exchanges = _monthly(frames.exchanges, start, end, site)
    issued = frames.exchange_items.merge(exchanges[["entry_id", "month"]], on="entry_id")
    handovers = _monthly(frames.handovers, start, end, site)
    counted = _per_month(exchanges)
    bottles = _per_month(exchanges, "bottles")
    weight = _per_month(exchanges, "weight_kg")
    items = _per_month(issued, "qty")
    handed = _per_month(handovers, "weight_kg")
    rows = [
        {
            "month": month,
            "exchanges": whole(counted.get(month, 0)),
            "bottles": whole(bottles.get(month, 0)),
            "bottles_kg": kg(weight.get(month, 0.0)),
            "items_issued": whole(items.get(month, 0)),
            "handed_over_kg": kg(handed.get(month, 0.0)),
        }
        for month in months(start, end)
    ]
    columns = ["month", "exchanges", "bottles", "bottles_kg", "items_issued", "handed_over_kg"]
    return pd.DataFrame(rows, columns=columns)


@np.errstate(over="ignore", invalid="ignore")  # an overflowing sum is refused by kg()
def maduleni_monthly(frames: Frames, start: date, end: date, site: str | None = None) -> pd.DataFrame:
    """Per month of the period: water_liters, feed_kg, stocked, deaths, harvested, harvest_kg.
    Deaths include the fish written off by a final harvest, in the month it closed the cycle."""
    records = _monthly(frames.pond_records, start, end, site)
    harvests = _records(records, "harvest")
    water = _per_month(_records(records, "water"), "liters")
    feed = _per_month(_records(records, "feed"), "kg")
    stocked = _per_month(_records(records, "stocking"), "count")
    died = _per_month(_records(records, "mortality"), "count")
    written_off = _per_month(harvests[harvests["final"]], "written_off")
    harvested = _per_month(harvests, "count")
    harvest_kg = _per_month(harvests, "kg")
    rows = [
        {
            "month": month,
            "water_liters": kg(water.get(month, 0.0)),
            "feed_kg": kg(feed.get(month, 0.0)),
            "stocked": whole(stocked.get(month, 0)),
            "deaths": whole(died.get(month, 0) + written_off.get(month, 0)),
            "harvested": whole(harvested.get(month, 0)),
            "harvest_kg": kg(harvest_kg.get(month, 0.0)),
        }
        for month in months(start, end)
    ]
    keys = ["water_liters", "feed_kg", "stocked", "deaths", "harvested", "harvest_kg"]
    return pd.DataFrame(rows, columns=["month", *keys])

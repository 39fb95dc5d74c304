"""The programme figures of an indicator report: SAMBO DIKARTU AS (exchanges, bottles, items
issued, stock) and MADULENI MANIS (water, feed, fish, harvests, FCR), for a period and by month.

Pure functions over ``Frames``, with the rounding of ``projections.figures``; ``indicators``
puts them in its report shapes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from projections.figures import kg, live, months, pct, ratio, total as _sum, until, whole, within
from projections.replay import Frames


def _by(data: pd.DataFrame, column: str, value: str = "kg") -> dict[str, float]:
    if not len(data):
        return {}
    return {str(k): float(v) for k, v in data.groupby(column)[value].sum().items()}


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
    issued_by_end = _by(until(live(frames.items_daily, site), end), "item", "qty")
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

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
    komposisi_pct[jenis] = 100·kg of that jenis / Σ weighed (bottles are plastik).

The basis (spec section 11, ``projections.basis``): under ``estimate`` A is the city's estimate of
timbulan for the period instead of Σ weighed (``timbulan_measured_kg``, always reported), and
tidak_terkelola may be negative. Either way

    dikelola_kg   = B + C − Σ kg to tpa on days of years whose TPA is open dumping
    pct_dikelola  = 100·dikelola/A
    pct_of_timbulan (a category's or source's row) = 100·the row's Σ weighed / the period's.

Rounding: kg (and litres) to 3 decimals, percentages and ratios to 2, rupiah and counts whole.
A percentage or ratio whose denominator is 0 is None (JSON null), never NaN.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from domain.values import CATEGORIES, SOURCES, default_source
from projections import basis as basis_of
from projections.basis import ESTIMATE, MEASURED
from projections.figures import kg, live, months, pct, ratio, total as _sum, until, whole, within
from projections.programmes import maduleni_figures, maduleni_monthly, sambo_figures, sambo_monthly
from projections.replay import Frames

__all__ = [
    "breakdown", "kg", "live", "maduleni_figures", "maduleni_monthly", "months", "pct", "ratio",
    "sambo_figures", "sambo_monthly", "summary", "until", "waste_figures", "whole", "within",
]

PENGURANGAN = ("guna-ulang", "daur-ulang", "kompos")
PENANGANAN = ("bahan-baku", "olah", "tps", "tpa")
DAUR_ULANG = ("daur-ulang", "kompos")
BAHAN_BAKU = ("bahan-baku",)
BOTTLE_CATEGORY = "plastik"
BOTTLE_SOURCE = default_source("school")
"""The SIPSN sumber of SAMBO's bottles: pupils bring them to school (fasilitas publik)."""
DEFAULT_TARGETS = basis_of.DEFAULT_TARGETS
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
CITY_KEYS = ("basis", "timbulan_measured_kg", "timbulan_estimate_kg", "dikelola_kg", "pct_dikelola")
"""The keys of section 11, after ``WASTE_KEYS``."""
GROUPINGS = ("month", "site", "category", "source")


# -- waste -----------------------------------------------------------------------------------


def waste_figures(
    by_destination: dict[str, float],
    by_category: dict[str, float],
    bottles_kg: float,
    *,
    estimate: float | None = None,
    basis: str = MEASURED,
    open_dumped_kg: float = 0.0,
) -> dict[str, Any]:
    """The waste keys (and ``komposisi_pct``) from kg per destination, kg per category and the
    bottles' kg (pengurangan, daur ulang, plastik); with ``basis`` estimate, A is the city's
    ``estimate`` (reported as ``timbulan_estimate_kg`` whatever the basis); dikelola leaves out
    ``open_dumped_kg``, the kg sent to an open-dumping TPA."""
    measured = sum(by_destination.values()) + bottles_kg
    if basis == ESTIMATE and estimate is None:
        raise ValueError("an estimate basis needs the estimate")
    a = estimate if basis == ESTIMATE and estimate is not None else measured
    b = sum(by_destination.get(d, 0.0) for d in PENGURANGAN) + bottles_kg
    c = sum(by_destination.get(d, 0.0) for d in PENANGANAN)
    d = sum(by_destination.get(x, 0.0) for x in DAUR_ULANG) + bottles_kg
    e = sum(by_destination.get(x, 0.0) for x in BAHAN_BAKU)
    dikelola = b + c - open_dumped_kg
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
        "basis": basis,
        "timbulan_measured_kg": kg(measured),
        "timbulan_estimate_kg": None if estimate is None else kg(estimate),
        "dikelola_kg": kg(dikelola),
        "pct_dikelola": pct(dikelola, a),
        # composition is of what was weighed, whatever the basis
        "komposisi_pct": {jenis: pct(composition.get(jenis, 0.0), measured) for jenis in CATEGORIES},
    }


def _by(data: pd.DataFrame, column: str, value: str = "kg") -> dict[str, float]:
    if not len(data):
        return {}
    return {str(k): float(v) for k, v in data.groupby(column)[value].sum().items()}


def _waste_and_bottles(
    frames: Frames, start: date, end: date, site: str | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    waste = within(live(frames.waste_daily, site), start, end)
    exchanges = within(live(frames.exchanges, site), start, end)
    return waste, exchanges


def _open_dumped(waste: pd.DataFrame, city: basis_of.CityRecord) -> pd.DataFrame:
    """The waste rows sent to the TPA in years whose TPA the city ran as open dumping."""
    years = {str(year) for year in basis_of.open_dumping_years(city.years)}
    if not years or not len(waste):
        return waste.iloc[0:0]
    return waste[(waste["destination"] == "tpa") & waste["occurred_on"].str[:4].isin(years)]


# -- the report shapes -------------------------------------------------------------------------


@np.errstate(over="ignore", invalid="ignore")  # an overflowing sum is refused by kg()
def summary(
    frames: Frames,
    start: date,
    end: date,
    site: str | None = None,
    targets: dict | None = None,
    basis: str = MEASURED,
) -> dict[str, Any]:
    """The spec's JSON for ``--by total`` (the caller adds ``as_of_position``), on ``basis``
    (``projections.basis.choose``: ``auto`` is what ``indicators`` and the evidence pack use; a
    caller that names none gets the weighed figures it always got); targets from ``targets``
    (the options given), else the city's record for the year of ``end``, else the defaults."""
    city = basis_of.city_of(frames)
    chosen = basis_of.choose(basis, city.years, start, end, site)
    waste, exchanges = _waste_and_bottles(frames, start, end, site)
    figures = waste_figures(
        _by(waste, "destination"),
        _by(waste, "category"),
        _sum(exchanges, "weight_kg"),
        estimate=None if site is not None else basis_of.estimate_kg(city.years, start, end),
        basis=chosen,
        open_dumped_kg=_sum(_open_dumped(waste, city), "kg"),
    )
    figures["target"] = basis_of.targets(city.years, end, targets)
    return {
        "period": {"from": start.isoformat(), "to": end.isoformat()},
        "site": site,
        "waste": figures,
        "sambo": sambo_figures(frames, start, end, site),
        "maduleni": maduleni_figures(frames, start, end, site),
    }


@np.errstate(over="ignore", invalid="ignore")  # an overflowing sum is refused by kg()
def breakdown(
    frames: Frames, by: str, start: date, end: date, site: str | None = None, basis: str = MEASURED
) -> pd.DataFrame:
    """One row per month (every month of the period), site, category or source: the group
    column, the waste keys, and ``komposisi_pct.<jenis>`` for each jenis (month, site) or
    ``pct_of_timbulan``, the row's share of the period's measured total (category, source).
    Month rows follow ``basis`` (each month its days' share of the estimate); site, category
    and source rows are always measured."""
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(GROUPINGS)}, not {by!r}")
    city = basis_of.city_of(frames)
    chosen = basis_of.choose(basis, city.years, start, end, site)
    waste, exchanges = _waste_and_bottles(frames, start, end, site)
    waste = waste.assign(month=waste["occurred_on"].str[:7])
    exchanges = exchanges.assign(
        month=exchanges["occurred_on"].str[:7], category=BOTTLE_CATEGORY, source=BOTTLE_SOURCE
    )
    if by == "month":
        groups = months(start, end)
    elif by == "site":
        groups = [site] if site is not None else sorted(frames.sites["site"])
    else:
        groups = list(CATEGORIES if by == "category" else SOURCES)
    by_destination = _sums(waste, [by, "destination"], "kg")
    by_category = _sums(waste, [by, "category"], "kg")
    bottles = _sums(exchanges, [by], "weight_kg")
    open_dumped = _sums(_open_dumped(waste, city), [by], "kg")
    measured_total = _sum(waste, "kg") + _sum(exchanges, "weight_kg")
    rows = []
    for group in groups:
        estimate = _month_estimate(city, group, start, end) if by == "month" and site is None else None
        figures = waste_figures(
            by_destination.get(group, {}),
            by_category.get(group, {}),
            bottles.get(group, {}).get(None, 0.0),
            estimate=estimate,
            basis=chosen if by == "month" else MEASURED,
            open_dumped_kg=open_dumped.get(group, {}).get(None, 0.0),
        )
        composition = figures.pop("komposisi_pct")
        row: dict[str, Any] = {by: group, **figures}
        if by in ("category", "source"):
            row["pct_of_timbulan"] = pct(figures["timbulan_measured_kg"], measured_total)
        else:
            row.update({f"komposisi_pct.{jenis}": value for jenis, value in composition.items()})
        rows.append(row)
    shares = ["pct_of_timbulan"] if by in ("category", "source") else [f"komposisi_pct.{j}" for j in CATEGORIES]
    return pd.DataFrame(rows, columns=[by, *WASTE_KEYS, *CITY_KEYS, *shares], dtype=object)


def _month_estimate(city: basis_of.CityRecord, month: str, start: date, end: date) -> float | None:
    """The estimate of the days of ``month`` (``YYYY-MM``) within the period."""
    year, number = int(month[:4]), int(month[5:7])
    first = max(start, date(year, number, 1))
    last = min(end, date(year, number, calendar.monthrange(year, number)[1]))
    return basis_of.estimate_kg(city.years, first, last)


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

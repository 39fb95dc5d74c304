"""The rounding and selections every figure shares: kg to 3 decimals, percentages to 2 (None
over a zero denominator, never NaN), whole counts, and rows of a period or a site. Used by the
waste indicators (``projections.indicators``) and the programme figures
(``projections.programmes``)."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from domain.errors import InvalidValue


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


def total(data: pd.DataFrame, column: str) -> float:
    return float(data[column].sum()) if len(data) else 0.0


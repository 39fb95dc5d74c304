"""The city basis (spec section 11): SIPSN's timbulan as the city estimates it, per year and for
any period, the city's targets for a period, and the years whose TPA dumps openly.

Pure functions of the city's years (``{year: CityYear}``, as ``domain.city`` folds them; keys may
be ints or the strings a stored record keeps), no pandas: ``city show`` uses them as well as the
indicators, the evidence pack and the SIPSN export.

    estimate of year Y (kg) = T × 1000 when the surveyed tonnage T is set,
                              else N × R × days(Y) when population N and kg/person/day R are set,
                              else none.
    estimate of a period    = Σ over its days of estimate(the day's year) / days(that year),
                              none unless every year the period touches has an estimate.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date
from typing import Any

DEFAULT_TARGETS: dict[str, float | None] = {"pct_pengurangan": 30, "pct_penanganan": 70, "pct_dikelola": None}
"""Jakstranas 2025 (30 % pengurangan, 70 % penanganan); RPJMN's dikelola has no national default."""
TARGET_FIELDS = {
    "pct_pengurangan": "target_pengurangan",
    "pct_penanganan": "target_penanganan",
    "pct_dikelola": "target_dikelola",
}
"""A target's key in a report -> its field in a city year."""
OPEN_DUMPING = "open-dumping"

CityYears = Mapping[Any, Mapping[str, Any]]


def days_in_year(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def city_year(years: CityYears | None, year: int) -> Mapping[str, Any] | None:
    """The city's record of ``year`` (keyed by int or by its string), None without."""
    if not years:
        return None
    found = years.get(year)
    return found if found is not None else years.get(str(year))


def year_estimate_kg(years: CityYears | None, year: int) -> float | None:
    """The estimate of the whole of ``year`` in kg, None without one."""
    values = city_year(years, year)
    if values is None:
        return None
    if values.get("timbulan_ton") is not None:
        return float(values["timbulan_ton"]) * 1000.0
    population, rate = values.get("population"), values.get("kg_per_person_day")
    if population is not None and rate is not None:
        return float(population) * float(rate) * days_in_year(year)
    return None


def year_parts(start: date, end: date) -> list[tuple[int, int]]:
    """``(year, days of the period in that year)`` for each year [start, end] touches."""
    parts = []
    for year in range(start.year, end.year + 1):
        first = max(start, date(year, 1, 1))
        last = min(end, date(year, 12, 31))
        parts.append((year, (last - first).days + 1))
    return parts


def estimate_kg(years: CityYears | None, start: date, end: date) -> float | None:
    """The city's estimate of timbulan (kg) for the days ``start`` … ``end`` (both included):
    each day its year's estimate / days in that year; None unless every year touched has one."""
    if end < start:
        return None
    total = 0.0
    for year, days in year_parts(start, end):
        estimate = year_estimate_kg(years, year)
        if estimate is None:
            return None
        whole_year = days_in_year(year)
        total += estimate if days == whole_year else estimate * days / whole_year
    return total


def targets(years: CityYears | None, end: date, given: Mapping[str, Any] | None = None) -> dict[str, float | int | None]:
    """The targets of a period ending on ``end``: each from the option ``given`` (a key of
    ``DEFAULT_TARGETS`` not None), else the city's record of ``end``'s year, else the default."""
    record = city_year(years, end.year) or {}
    chosen: dict[str, float | int | None] = {}
    for key, default in DEFAULT_TARGETS.items():
        value = (given or {}).get(key)
        if value is None:
            value = record.get(TARGET_FIELDS[key])
        if value is None:
            value = default
        chosen[key] = None if value is None else (int(value) if float(value).is_integer() else float(value))
    return chosen


def open_dumping_years(years: CityYears | None) -> set[int]:
    """The years whose TPA system the city recorded as open dumping."""
    return {int(year) for year, values in (years or {}).items() if values.get("tpa_system") == OPEN_DUMPING}

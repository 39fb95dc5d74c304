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
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from domain.city import YEAR_FIELDS, CityYear, merge_year

DEFAULT_TARGETS: dict[str, float | None] = {"pct_pengurangan": 30, "pct_penanganan": 70, "pct_dikelola": None}
"""Jakstranas 2025 (30 % pengurangan, 70 % penanganan); RPJMN's dikelola has no national default."""
TARGET_FIELDS = {
    "pct_pengurangan": "target_pengurangan",
    "pct_penanganan": "target_penanganan",
    "pct_dikelola": "target_dikelola",
}
"""A target's key in a report -> its field in a city year."""
OPEN_DUMPING = "open-dumping"
AUTO, ESTIMATE, MEASURED = "auto", "estimate", "measured"
BASES = (AUTO, ESTIMATE, MEASURED)

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


def missing_years(years: CityYears | None, start: date, end: date) -> list[int]:
    """The years of [start, end] without an estimate."""
    return [year for year, _days in year_parts(start, end) if year_estimate_kg(years, year) is None]


def choose(requested: str, years: CityYears | None, start: date, end: date, site: str | None) -> str:
    """The basis a report over [start, end] (of ``site``, or all sites) uses: ``auto`` is the
    estimate for all sites over a period that has one, else measured. ``estimate`` for one site,
    or for a period without an estimate, is refused naming ``--basis``."""
    from domain.errors import InvalidValue

    if requested not in BASES:
        raise InvalidValue("--basis", requested, "not_one_of", allowed=BASES)
    if requested == MEASURED:
        return MEASURED
    missing = missing_years(years, start, end)
    if requested == ESTIMATE:
        if site is not None:
            raise InvalidValue("--basis", requested, "basis_with_site", site=site)
        if missing:
            raise InvalidValue("--basis", requested, "basis_without_estimate", missing=missing)
        return ESTIMATE
    return ESTIMATE if site is None and not missing else MEASURED


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


# -- the city record in the read models ------------------------------------------------------


@dataclass(frozen=True)
class CityRecord:
    """The city as the read models hold it: name, province and ``{year: CityYear}``."""

    name: str | None = None
    province: str | None = None
    years: dict[int, CityYear] = field(default_factory=dict)


def city_record(rows: Iterable[Mapping[str, Any]]) -> CityRecord:
    """The city record folded from its events' rows (the read model's ``city`` table, in log
    order): the latest value given of each field of each year, and of name and province."""
    name = province = None
    years: dict[int, CityYear] = {}
    for row in sorted(rows, key=lambda item: item["position"]):
        given = {key: _given(row.get(key)) for key in YEAR_FIELDS}
        if given["population"] is not None:
            given["population"] = int(given["population"])
        year = int(row["year"])
        years[year] = merge_year(years.get(year), given)
        name = _given(row.get("name")) or name
        province = _given(row.get("province")) or province
    return CityRecord(name, province, years)


def city_of(frames: Any) -> CityRecord:
    """The city record of ``Frames`` (``projections.replay``)."""
    return city_record(frames.city.to_dict("records"))


def _given(value: Any) -> Any:
    """A cell as a value given: None for a missing one (a frame's NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value

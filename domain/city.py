"""The city: the one record per store of what SIPSN's timbulan (A) is estimated from.

A DLH files SIPSN's timbulan as an estimate of all the waste its city generates (population ×
a unit rate, or a surveyed tonnage), not as the sum of what was weighed; it also sets its own
targets year by year (Jakstrada) and says which system its TPA runs (RPJMN 2025–2029 counts
waste dumped openly as not managed). ``City`` holds those per year, with the city's name and
province (not per year: the latest wins). Each ``set`` is one event carrying the values given
for one year; values not given keep the year's earlier ones, so the history stays in the log and
the latest value of each field wins (``merge_year``).
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any, TypedDict
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.errors import InvalidValue
from domain.values import ENVTRACK_NAMESPACE, choice, count, text, uuid5

TPA_SYSTEMS = ("open-dumping", "controlled-landfill", "sanitary-landfill")
FIRST_YEAR = 2000
YEARS_AHEAD = 10
"""A city year runs from 2000 to the current year + 10 (targets are set ahead)."""
LARGEST_RATE = 10
"""kg per person per day above this is a typing error, not a city (SNI: 0.7–0.8 in a medium city)."""

YEAR_FIELDS = (
    "population",
    "kg_per_person_day",
    "timbulan_ton",
    "target_pengurangan",
    "target_penanganan",
    "target_dikelola",
    "tpa_system",
    "source",
)
"""What a city records per year; an event's None for one of them means 'not given'."""

CITY_ID: UUID = uuid5(ENVTRACK_NAMESPACE, "city")
"""The id of the store's single city record (the same in every store)."""


class CityYear(TypedDict):
    """One year of the city record: every field of ``YEAR_FIELDS``, None where never given."""

    population: int | None
    kg_per_person_day: float | None
    timbulan_ton: float | None
    target_pengurangan: float | None
    target_penanganan: float | None
    target_dikelola: float | None
    tpa_system: str | None
    source: str | None


def empty_year() -> CityYear:
    return CityYear(**{field: None for field in YEAR_FIELDS})  # type: ignore[typeddict-item]


def merge_year(year: CityYear | None, given: dict[str, Any]) -> CityYear:
    """``year`` with the values ``given`` (None: not given) replacing its own."""
    merged = dict(year or empty_year())
    merged.update({field: given[field] for field in YEAR_FIELDS if given.get(field) is not None})
    return CityYear(**merged)  # type: ignore[typeddict-item]


class City(Aggregate):
    """The store's city: name, province, and per year its basis, targets and TPA system."""

    Created = None  # no default created event (see domain/__init__.py)

    class Event(Aggregate.Event):
        """What every event of the city carries: who recorded it, and the day it was recorded."""

        operator: str
        occurred_on: date

    class BasisSet(Event):
        """The values given for one ``year`` (None: not given, the year's earlier value stays),
        and the city's name and province when given."""

        year: int
        name: str | None
        province: str | None
        population: int | None
        kg_per_person_day: float | None
        timbulan_ton: float | None
        target_pengurangan: float | None
        target_penanganan: float | None
        target_dikelola: float | None
        tpa_system: str | None
        source: str | None

        def apply(self, city: City) -> None:
            city.take(self)

    class Registered(BasisSet, Aggregate.Created):
        """The first ``BasisSet`` of a store: it creates the city record."""

        def apply(self, city: City) -> None:
            city.name = None
            city.province = None
            city.years = {}
            city.take(self)

    def take(self, event: City.BasisSet) -> None:
        if event.name is not None:
            self.name = event.name
        if event.province is not None:
            self.province = event.province
        given = {field: getattr(event, field) for field in YEAR_FIELDS}
        self.years[str(event.year)] = merge_year(self.years.get(str(event.year)), given)

    def year(self, year: int) -> CityYear | None:
        return self.years.get(str(year))

    @staticmethod
    def values(
        *,
        year: object,
        this_year: int,
        name: str | None = None,
        province: str | None = None,
        population: object = None,
        kg_per_person_day: object = None,
        timbulan_ton: object = None,
        target_pengurangan: object = None,
        target_penanganan: object = None,
        target_dikelola: object = None,
        tpa_system: str | None = None,
        source: str | None = None,
    ) -> dict[str, Any]:
        """The checked values of one ``set`` (None where not given); refuses a year outside
        2000 … ``this_year`` + 10, a population that is not a whole number above 0, a rate not
        in (0, 10], a tonnage not above 0, a target outside 0–100, an unknown TPA system, and a
        ``set`` that gives nothing but its year."""
        checked: dict[str, Any] = {
            "year": city_year(year, this_year),
            "name": None if name is None else text("name", name),
            "province": None if province is None else text("province", province),
            "population": None if population is None else count("population", population),
            "kg_per_person_day": None if kg_per_person_day is None else rate(kg_per_person_day),
            "timbulan_ton": None if timbulan_ton is None else tonnage(timbulan_ton),
            "target_pengurangan": None if target_pengurangan is None else target("target-pengurangan", target_pengurangan),
            "target_penanganan": None if target_penanganan is None else target("target-penanganan", target_penanganan),
            "target_dikelola": None if target_dikelola is None else target("target-dikelola", target_dikelola),
            "tpa_system": None if tpa_system is None else choice("tpa-system", tpa_system, TPA_SYSTEMS),
            "source": None if source is None else text("source", source),
        }
        if all(value is None for field, value in checked.items() if field != "year"):
            raise InvalidValue(None, checked["year"], "city_unchanged")
        return checked

    @classmethod
    def register(cls, *, operator: str, on: date, **checked: Any) -> City:
        """A store's first city record, with the values ``values`` checked."""
        return cls._create(cls.Registered, id=CITY_ID, operator=operator, occurred_on=on, **checked)

    def set(self, *, operator: str, on: date, **checked: Any) -> None:
        """Records the values ``values`` checked for their year."""
        self.trigger_event(self.BasisSet, operator=operator, occurred_on=on, **checked)


# -- the checks ------------------------------------------------------------------------------


def _finite(value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
    return math.nan if isinstance(value, bool) else number


def city_year(value: object, this_year: int) -> int:
    number = value if isinstance(value, int) and not isinstance(value, bool) else None
    last = this_year + YEARS_AHEAD
    if number is None or not FIRST_YEAR <= number <= last:
        raise InvalidValue("year", value, "year_out_of_range", first=FIRST_YEAR, last=last)
    return number


def rate(value: object) -> float:
    number = _finite(value)
    if not math.isfinite(number) or not 0 < number <= LARGEST_RATE:
        raise InvalidValue("kg-per-person-day", value, "rate_out_of_range", largest=LARGEST_RATE)
    return number


def tonnage(value: object) -> float:
    number = _finite(value)
    if not math.isfinite(number) or number <= 0:
        raise InvalidValue("timbulan-ton", value, "not_a_positive_number")
    return number


def target(field: str, value: object) -> float:
    number = _finite(value)
    if not math.isfinite(number) or not 0 <= number <= 100:
        raise InvalidValue(field, value, "not_a_percentage")
    return number

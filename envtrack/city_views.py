"""The city record as ``city show`` gives it: name, province and each year's basis, with the
estimate it gives (``projections.basis``) and the year's targets, absent values None."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application


class CityViews(Application[UUID]):
    def show_city(self, year: int | None = None) -> dict[str, Any]:
        """``{"name", "province", "years": [...]}``: every recorded year in order, or only
        ``year`` (its values None when it was never set)."""
        from domain.city import CITY_ID, empty_year

        try:
            city = self.repository.get(CITY_ID)
        except AggregateNotFoundError:
            city = None
        years = {int(key): value for key, value in city.years.items()} if city is not None else {}
        wanted = sorted(years) if year is None else [year]
        return {
            "name": None if city is None else city.name,
            "province": None if city is None else city.province,
            "years": [city_year_dict(number, years.get(number) or empty_year(), years) for number in wanted],
        }


def city_year_dict(year: int, values: dict[str, Any], years: dict[int, Any]) -> dict[str, Any]:
    from projections.basis import year_estimate_kg

    estimate = year_estimate_kg(years, year)
    return {
        "year": year,
        "population": values["population"],
        "kg_per_person_day": values["kg_per_person_day"],
        "timbulan_ton": values["timbulan_ton"],
        "timbulan_estimate_kg": None if estimate is None else round(estimate, 3) + 0.0,
        "target": {
            "pct_pengurangan": values["target_pengurangan"],
            "pct_penanganan": values["target_penanganan"],
            "pct_dikelola": values["target_dikelola"],
        },
        "tpa_system": values["tpa_system"],
        "source": values["source"],
    }

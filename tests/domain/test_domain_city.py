"""The city record: one per store, values per year merged field by field, refusals as data."""

from __future__ import annotations

from datetime import date

import pytest
from roundtrip import replay, state, through_snapshot

from domain.city import CITY_ID, City
from domain.errors import InvalidValue

ON = date(2025, 6, 1)


def checked(**given):
    return City.values(this_year=2025, **given)


def registered(**given) -> City:
    return City.register(operator="bu-ani", on=ON, **checked(**given))


def test_first_set_registers_the_single_city_with_who_and_when():
    city = registered(year=2024, name="Kota Mojokerto", province="Jawa Timur", population=134000, kg_per_person_day=0.73)
    (event,) = city.collect_events()
    assert isinstance(event, City.Registered)
    assert event.originator_id == CITY_ID
    assert (event.operator, event.occurred_on, event.year) == ("bu-ani", ON, 2024)
    assert (event.population, event.kg_per_person_day, event.timbulan_ton) == (134000, 0.73, None)
    assert (city.name, city.province) == ("Kota Mojokerto", "Jawa Timur")


def test_a_later_set_replaces_only_the_values_it_gives_for_its_year():
    city = registered(year=2024, population=134000, kg_per_person_day=0.73, tpa_system="open-dumping")
    city.set(operator="pak-budi", on=ON, **checked(year=2024, kg_per_person_day=0.75, target_dikelola=51.21))
    city.set(operator="pak-budi", on=ON, **checked(year=2025, timbulan_ton=36000, name="Kota Mojokerto"))
    year = city.year(2024)
    assert year["population"] == 134000  # kept
    assert year["kg_per_person_day"] == 0.75  # replaced
    assert (year["tpa_system"], year["target_dikelola"], year["timbulan_ton"]) == ("open-dumping", 51.21, None)
    assert city.year(2025)["timbulan_ton"] == 36000
    assert city.year(2025)["population"] is None  # years are apart
    assert city.name == "Kota Mojokerto" and city.province is None
    events = city.collect_events()
    assert [type(e).__qualname__ for e in events] == ["City.Registered", "City.BasisSet", "City.BasisSet"]
    assert events[1].operator == "pak-budi"
    # the history survives the stored form, and a snapshot
    assert state(replay(events)) == state(city)
    assert state(through_snapshot(city)) == state(city)


def test_name_and_province_are_not_per_year_the_latest_wins():
    city = registered(year=2023, name="Kota Mojokerto", province="Jatim")
    city.set(operator="x", on=ON, **checked(year=2024, province="Jawa Timur"))
    assert (city.name, city.province) == ("Kota Mojokerto", "Jawa Timur")


@pytest.mark.parametrize(
    "given, field, value",
    [
        ({"year": 1999, "population": 10}, "year", 1999),
        ({"year": 2036, "population": 10}, "year", 2036),  # this year (2025) + 10 is the last
        ({"year": 2024, "population": 0}, "population", 0),
        ({"year": 2024, "population": -5}, "population", -5),
        ({"year": 2024, "population": 1.5}, "population", 1.5),
        ({"year": 2024, "kg_per_person_day": 0}, "kg-per-person-day", 0),
        ({"year": 2024, "kg_per_person_day": 10.001}, "kg-per-person-day", 10.001),
        ({"year": 2024, "kg_per_person_day": float("nan")}, "kg-per-person-day", None),
        ({"year": 2024, "timbulan_ton": 0}, "timbulan-ton", 0),
        ({"year": 2024, "target_pengurangan": -0.01}, "target-pengurangan", -0.01),
        ({"year": 2024, "target_penanganan": 100.01}, "target-penanganan", 100.01),
        ({"year": 2024, "target_dikelola": 101}, "target-dikelola", 101),
        ({"year": 2024, "tpa_system": "open"}, "tpa-system", "open"),
        ({"year": 2024, "name": "  "}, "name", "  "),
    ],
)
def test_values_out_of_range_are_refused_naming_the_field(given, field, value):
    with pytest.raises(InvalidValue) as refused:
        checked(**given)
    assert refused.value.field == field
    if value is not None:
        assert refused.value.value == value


@pytest.mark.parametrize(
    "given",
    [
        {"year": 2000, "population": 1},
        {"year": 2035, "kg_per_person_day": 10},  # the edges are accepted
        {"year": 2024, "target_pengurangan": 0, "target_penanganan": 100},
        {"year": 2024, "timbulan_ton": 0.01},
    ],
)
def test_the_range_edges_are_accepted(given):
    assert checked(**given)["year"] == given["year"]


def test_a_set_that_gives_only_its_year_is_refused():
    with pytest.raises(InvalidValue) as refused:
        checked(year=2024)
    assert refused.value.code == "city_unchanged"

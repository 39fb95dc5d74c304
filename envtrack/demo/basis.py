"""The demo Kota Mojokerto's city record: for each year the demo writes, the basis of SIPSN's
timbulan (population × 0.73 kg/person/day, the rate of its 98.31 t/day in 2023), the yearly
Jakstrada targets and its TPA's system, recorded by the DLH early in January as ``city set``
would record them (spec section 11)."""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.city import CITY_ID, City
from envtrack.demo.city import KECAMATAN
from envtrack.unit_of_work import UnitOfWork

NAME = "Kota Mojokerto"
PROVINCE = "Jawa Timur"
KG_PER_PERSON_DAY = 0.73
TPA_SYSTEM = "controlled-landfill"
"""TPA Randegan is run as a controlled landfill (an open-dumping TPA would disqualify the city
from the Adipura it won for 2022)."""
GROWTH = 0.006
"""Population growth per year: the demo's last year has ≈ 134,000 residents."""
OPERATOR = "dlh-kota"
SOURCE = "BPS Kota Mojokerto (penduduk); SNI 19-3983-1995 (0,73 kg/orang/hari); Jakstrada Kota Mojokerto"
RESIDENTS = sum(people for places in KECAMATAN.values() for _kelurahan, people in places) + 1_000
"""The kelurahan's residents, and about 1,000 more in institutions and boarding schools."""


def targets(year: int) -> dict[str, Any]:
    """A Jakstrada path towards Jakstranas 2025 (30 % / 70 %), and from 2025 the RPJMN's dikelola
    (51.21 % in 2025, rising towards 100 % in 2029)."""
    pengurangan = max(15.0, min(30.0, 24.0 + 1.5 * (year - 2021)))
    penanganan = min(80.0, max(70.0, 74.0 - 1.0 * (year - 2021)))
    values: dict[str, Any] = {"target_pengurangan": pengurangan, "target_penanganan": penanganan}
    if year >= 2025:
        values["target_dikelola"] = min(100.0, round(51.21 + 12.2 * (year - 2025), 2))
    return values


def population(year: int, last: int) -> int:
    return round(RESIDENTS * (1 - GROWTH) ** (last - year))


def record_basis(work: UnitOfWork, first: date, last: date, today: date) -> None:
    """One ``City`` event per year from ``first`` to ``last``, each on 2 January of its year,
    added to ``work`` (saved with the demo's first batch)."""
    city = work.find(CITY_ID)
    for year in range(first.year, last.year + 1):
        checked = City.values(
            year=year,
            this_year=today.year,
            name=NAME,
            province=PROVINCE,
            population=population(year, last.year),
            kg_per_person_day=KG_PER_PERSON_DAY,
            tpa_system=TPA_SYSTEM,
            source=SOURCE,
            **targets(year),
        )
        stamp = {"operator": OPERATOR, "on": date(year, 1, 2)}
        if city is None:
            city = work.add(City.register(**checked, **stamp))
        else:
            city.set(**checked, **stamp)

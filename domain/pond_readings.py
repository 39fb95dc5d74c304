"""Readings of a pond, not changes of its fish: a weighed sample and a water test.

A pond keeper weighs a sample of fish (say 30) every week or two: their mean weight gives the
biomass of the cycle and so the feed to give. The water is read with a kit or a meter (dissolved
oxygen, pH, temperature, total ammonia); ablution water is low in oxygen. Each is an entry of its
own, mirrored on the pond (``Pond.Sampled``, ``Pond.WaterTested``) so that a look at the pond reads
the latest from one record; a void withdraws it from the pond (``Pond.ReadingWithdrawn``).

A reading outside what water can physically be (``READING_RANGES``) is refused; outside the
species' norm it is only warned of (``domain/pond_norms.py``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID

from domain.cycles import WATER_FIELDS
from domain.entries import Entry
from domain.errors import InvalidValue
from domain.pond_entry import PondEntry
from domain.pond_norms import reading
from domain.values import count, quantity

if TYPE_CHECKING:
    from domain.ponds import Pond

READING_OF_FIELD = dict(zip(WATER_FIELDS, ("do", "ph", "temp_c", "ammonia")))
"""A stored water-test field → the reading it holds (``do_mg_l`` → ``do`` …)."""

class Sample(PondEntry):
    """``count`` fish of the open cycle weighed together: ``kg`` in all."""

    KIND = "sample"

    class Event(PondEntry.Event):
        """Every event of a weighed sample (see ``Entry``)."""

    class Recorded(Entry.Recorded, Event):
        site: str
        pond: str
        cycle_id: UUID
        count: int
        kg: float

    def undo(self, pond: Pond, *, operator: str, on: date) -> None:
        pond.withdraw_reading(self.id, operator=operator, on=on)

    @property
    def mean_g(self) -> float:
        return 1000 * self.kg / self.count

    @classmethod
    def record(cls, entry_id: UUID, pond: Pond, *, fish: int, kg: float, operator: str, on: date) -> Sample:
        fish = count("count", fish)
        kg = quantity("kg", kg)
        cycle_id = pond.sample(entry_id, fish, kg, operator=operator, on=on)
        return cls._record(entry_id, pond, cycle_id=cycle_id, count=fish, kg=kg, operator=operator, on=on)


class WaterTest(PondEntry):
    """The pond's water read, with or without fish in it (``cycle_id`` None): at least one of
    dissolved oxygen and total ammonia (mg/L), pH and temperature (°C)."""

    KIND = "quality"

    class Event(PondEntry.Event):
        """Every event of a water test (see ``Entry``)."""

    class Recorded(Entry.Recorded, Event):
        site: str
        pond: str
        cycle_id: UUID | None
        do_mg_l: float | None
        ph: float | None
        temp_c: float | None
        ammonia_mg_l: float | None

    def undo(self, pond: Pond, *, operator: str, on: date) -> None:
        pond.withdraw_reading(self.id, operator=operator, on=on)

    def readings(self) -> dict[str, float | None]:
        """The readings by name (``do``, ``ph``, ``temp_c``, ``ammonia``)."""
        return {READING_OF_FIELD[name]: getattr(self, name) for name in WATER_FIELDS}

    @classmethod
    def record(
        cls, entry_id: UUID, pond: Pond, *, do: object = None, ph: object = None, temp_c: object = None,
        ammonia: object = None, operator: str, on: date,
    ) -> WaterTest:
        given = {"do": do, "ph": ph, "temp_c": temp_c, "ammonia": ammonia}
        if all(value is None for value in given.values()):
            raise InvalidValue(None, "", "no_reading")
        checked = {name: reading(READING_OF_FIELD[name], given[READING_OF_FIELD[name]]) for name in WATER_FIELDS}
        pond.test_water(entry_id, checked, operator=operator, on=on)
        cycle_id = None if pond.open_cycle is None else UUID(pond.open_cycle)
        return cls._record(entry_id, pond, cycle_id=cycle_id, **checked, operator=operator, on=on)

"""MADULENI MANIS: ablution (wudu) water led into fish ponds at mosques and schools.

A ``Pond`` holds its growing cycles, the consistency boundary for fish counts: stocking opens a
cycle (or adds to the open one, same species only), deaths and harvests can never exceed the fish
alive, and a final harvest closes the cycle, writing off fish unaccounted for. Every record is also
an entry of its own, which carries the facts the read models use. A cycle's guards are in
``domain/cycles.py``, weighed samples and water tests in ``domain/pond_readings.py``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.cycles import (
    CycleGuards, WATER_FIELDS, Cycle, WaterRecord, check_reversal, close, closes_empty, is_empty,
    last_closed_on, new_cycle, reopen, stocked_kg, take_off, withdraw,
)
from domain.entries import Entry
from domain.pond_entry import PondEntry, harvest_figures
from domain.errors import SpeciesMismatch
from domain.values import POND_SYSTEMS, SPECIES, choice, count, pond_id, quantity, rupiah, slug, text


class Pond(CycleGuards, Aggregate):
    """A fish pond fed with wudu water, and its growing cycles (by cycle id)."""

    Created = None  # no default created event (see domain/__init__.py)

    class Event(Aggregate.Event):
        """What every event of a pond carries: who recorded it, and the day it happened."""

        operator: str
        occurred_on: date

    class_version = 2
    """2: a pond keeps its water tests, and each cycle its weighed samples (``upcast_v1_v2``)."""

    @staticmethod
    def upcast_v1_v2(state: dict) -> None:
        """A snapshot of 0.1.0's pond: no water tests yet, no samples in its cycles."""
        state["water_tests"] = []
        for cycle in state["cycles"].values():
            cycle.setdefault("samples", [])

    class Added(Event, Aggregate.Created):
        slug: str
        site: str
        volume_m3: float
        system: str | None

        def apply(self, pond: Pond) -> None:
            pond.slug = self.slug
            pond.site = self.site
            pond.volume_m3 = self.volume_m3
            pond.system = self.system
            pond.cycles = {}
            pond.open_cycle = None
            pond.water_tests = []

    class FishStocked(Event):
        entry_id: UUID
        cycle_id: UUID
        species: str
        count: int
        mean_g: float | None

        def apply(self, pond: Pond) -> None:
            key = str(self.cycle_id)
            cycle = pond.cycles.setdefault(key, new_cycle(self.species, self.occurred_on))
            cycle["stocked"] += self.count
            cycle["stocked_kg"] += stocked_kg(self.count, self.mean_g)
            pond.open_cycle = key

    class FishFed(Event):
        entry_id: UUID
        cycle_id: UUID
        kg: float

        def apply(self, pond: Pond) -> None:
            pond.cycles[str(self.cycle_id)]["fed_kg"] += self.kg

    class FishDied(Event):
        entry_id: UUID
        cycle_id: UUID
        count: int

        def apply(self, pond: Pond) -> None:
            pond.cycles[str(self.cycle_id)]["dead"] += self.count

    class FishHarvested(Event):
        """``final`` closes the cycle; ``written_off`` fish were unaccounted for at closing."""

        entry_id: UUID
        cycle_id: UUID
        count: int
        kg: float
        final: bool
        written_off: int

        def apply(self, pond: Pond) -> None:
            cycle = pond.cycles[str(self.cycle_id)]
            cycle["harvested"] += self.count
            cycle["harvest_kg"] += self.kg
            if self.final:
                close(cycle, self.occurred_on, self.written_off)
                pond.open_cycle = None

    class RecordReversed(Event):
        """A stocking, feeding, death or harvest entry was voided: its figures are undone.

        ``record`` is ``stocking``, ``feed``, ``mortality`` or ``harvest``; ``count`` fish and
        ``kg`` (stocked, fed or harvested kg) come off the cycle. Voiding the harvest that closed
        a cycle (``reopens``) opens it again. A cycle left with nothing stocked, dead or harvested
        disappears.
        """

        entry_id: UUID
        cycle_id: UUID
        record: str
        count: int
        kg: float
        reopens: bool

        def apply(self, pond: Pond) -> None:
            key = str(self.cycle_id)
            cycle = pond.cycles[key]
            take_off(cycle, self.record, self.count, self.kg)
            if self.reopens:
                reopen(cycle)
                pond.open_cycle = key
            if is_empty(cycle):
                del pond.cycles[key]
                if pond.open_cycle == key:
                    pond.open_cycle = None

    class Sampled(Event):
        """``count`` fish of the open cycle weighed together: ``kg`` in all."""

        entry_id: UUID
        cycle_id: UUID
        count: int
        kg: float

        def apply(self, pond: Pond) -> None:
            pond.cycles[str(self.cycle_id)]["samples"].append(
                {"entry": self.entry_id.hex, "on": self.occurred_on.isoformat(), "count": self.count, "kg": self.kg}
            )

    class WaterTested(Event):
        """The pond's water read: any of dissolved oxygen, pH, temperature and total ammonia."""

        entry_id: UUID
        do_mg_l: float | None
        ph: float | None
        temp_c: float | None
        ammonia_mg_l: float | None

        def apply(self, pond: Pond) -> None:
            readings = {name: getattr(self, name) for name in WATER_FIELDS}
            pond.water_tests.append({"entry": self.entry_id.hex, "on": self.occurred_on.isoformat(), **readings})

    class ReadingWithdrawn(Event):
        """A sample or a water test was voided: the pond forgets it."""
        entry_id: UUID

        def apply(self, pond: Pond) -> None:
            withdraw(pond.cycles, pond.water_tests, self.entry_id.hex)

    volume_m3: float

    if TYPE_CHECKING:  # set by the events (an annotation here would be an __init__ argument)
        cycles: dict[str, Cycle]
        open_cycle: str | None
        water_tests: list[WaterRecord]

    @staticmethod
    def id_for(pond_slug: str) -> UUID:
        return pond_id(pond_slug)

    @classmethod
    def add(cls, pond_slug: str, *, site: str, volume_m3: float, system: str | None, operator: str, on: date) -> Pond:
        pond_slug = slug("pond", pond_slug)
        return cls._create(
            cls.Added,
            id=cls.id_for(pond_slug),
            slug=pond_slug,
            site=site,
            volume_m3=quantity("volume_m3", volume_m3),
            system=None if system is None else choice("system", system, POND_SYSTEMS),
            operator=operator,
            occurred_on=on,
        )

    # -- commands ----------------------------------------------------------------------------

    def stock(
        self, entry_id: UUID, species: str, fish: int, mean_g: float | None, *, operator: str, on: date
    ) -> UUID:
        """Adds fish to the open cycle, or opens one; returns the cycle id."""
        species = choice("species", species, SPECIES)
        fish = count("count", fish)
        if self.open_cycle is not None:
            cycle = self.cycles[self.open_cycle]
            self._check_not_before(on, cycle["started_on"], "open_cycle_started")
            if cycle["species"] != species:
                raise SpeciesMismatch(
                    "species", species, "species_differs", open_species=cycle["species"], pond=self.slug
                )
            cycle_id = UUID(self.open_cycle)
        else:
            last_closed = last_closed_on(self.cycles)
            if last_closed:
                self._check_not_before(on, last_closed, "previous_cycle_closed")
            cycle_id = entry_id
        self.trigger_event(
            self.FishStocked, entry_id=entry_id, cycle_id=cycle_id, species=species, count=fish, mean_g=mean_g,
            operator=operator, occurred_on=on,
        )
        return cycle_id

    def feed(self, entry_id: UUID, kg: float, *, operator: str, on: date) -> UUID:
        kg = quantity("kg", kg)
        cycle_key = self.current_cycle(on, "feed")
        self.trigger_event(
            self.FishFed, entry_id=entry_id, cycle_id=UUID(cycle_key), kg=kg, operator=operator, occurred_on=on
        )
        return UUID(cycle_key)

    def record_deaths(self, entry_id: UUID, fish: int, *, operator: str, on: date) -> UUID:
        fish = count("count", fish)
        cycle_key = self.current_cycle(on, "record_deaths")
        self._check_alive("count", fish, cycle_key)
        self.trigger_event(
            self.FishDied, entry_id=entry_id, cycle_id=UUID(cycle_key), count=fish, operator=operator, occurred_on=on
        )
        return UUID(cycle_key)

    def harvest(
        self, entry_id: UUID, fish: int, kg: float, *, final: bool, operator: str, on: date
    ) -> tuple[UUID, int]:
        """Takes fish out; returns the cycle id and the fish written off if ``final``."""
        if closes_empty(final, fish, kg):
            fish, kg = 0, 0.0
        else:
            fish, kg = count("count", fish), quantity("kg", kg)
        cycle_key = self.current_cycle(on, "harvest")
        self._check_alive("count", fish, cycle_key)
        written_off = self.alive(cycle_key) - fish if final else 0
        self.trigger_event(
            self.FishHarvested, entry_id=entry_id, cycle_id=UUID(cycle_key), count=fish, kg=kg, final=final,
            written_off=written_off, operator=operator, occurred_on=on,
        )
        return UUID(cycle_key), written_off

    def sample(self, entry_id: UUID, fish: int, kg: float, *, operator: str, on: date) -> UUID:
        """Weighs ``fish`` of the open cycle (no more than are alive) together: ``kg``."""
        cycle_key = self.current_cycle(on, "sample")
        self._check_alive("count", fish, cycle_key)
        stamp = {"operator": operator, "occurred_on": on}
        self.trigger_event(self.Sampled, entry_id=entry_id, cycle_id=UUID(cycle_key), count=fish, kg=kg, **stamp)
        return UUID(cycle_key)

    def test_water(self, entry_id: UUID, readings: dict[str, float | None], *, operator: str, on: date) -> None:
        self.trigger_event(self.WaterTested, entry_id=entry_id, **readings, operator=operator, occurred_on=on)

    def withdraw_reading(self, entry_id: UUID, *, operator: str, on: date) -> None:
        self.trigger_event(self.ReadingWithdrawn, entry_id=entry_id, operator=operator, occurred_on=on)

    def reverse(
        self, entry_id: UUID, cycle_id: UUID, record: str, *, fish: int = 0, kg: float = 0.0,
        closed_cycle: bool = False, operator: str, on: date,
    ) -> None:
        """Undoes a voided stocking, feeding, death or harvest, refusing what would break the
        counts. ``closed_cycle`` is true for the harvest that closed its cycle."""
        reopens = check_reversal(self.cycles, self.open_cycle, str(cycle_id), record, str(entry_id), fish,
                                 closed_cycle=closed_cycle, pond=self.slug)
        self.trigger_event(
            self.RecordReversed, entry_id=entry_id, cycle_id=cycle_id, record=record, count=fish, kg=kg,
            reopens=reopens, operator=operator, occurred_on=on,
        )


class Stocking(PondEntry):
    KIND = "stocking"

    class Event(PondEntry.Event):
        """Every event of this pond entry (see ``PondEntry``)."""

    class Recorded(Entry.Recorded, Event):
        site: str
        pond: str
        cycle_id: UUID
        species: str
        count: int
        mean_g: float | None
        cost_rp: int | None = None  # what the seed fish cost, since class version 2

        class_version = 2

        @staticmethod
        def upcast_v1_v2(state: dict) -> None:
            state["cost_rp"] = None

    def reversal(self) -> dict:
        return {"record": "stocking", "fish": self.count, "kg": stocked_kg(self.count, self.mean_g)}

    @classmethod
    def record(
        cls, entry_id: UUID, pond: Pond, *, species: str, fish: int, mean_g: float | None,
        cost_rp: float | None = None, operator: str, on: date,
    ) -> Stocking:
        species = choice("species", species, SPECIES)
        fish = count("count", fish)
        mean = None if mean_g is None else quantity("mean_g", mean_g)
        cost = None if cost_rp is None else rupiah("cost_rp", cost_rp)
        cycle_id = pond.stock(entry_id, species, fish, mean, operator=operator, on=on)
        return cls._record(
            entry_id, pond, cycle_id=cycle_id, species=species, count=fish, mean_g=mean, cost_rp=cost,
            operator=operator, on=on,
        )


class Feeding(PondEntry):
    KIND = "feed"

    class Event(PondEntry.Event):
        """Every event of this pond entry (see ``PondEntry``)."""

    class Recorded(Entry.Recorded, Event):
        site: str
        pond: str
        cycle_id: UUID
        kg: float
        cost_rp: int | None = None  # what the feed cost, since class version 2
        feed_type: str | None = None  # the feed's kind or brand as written, since class version 2

        class_version = 2

        @staticmethod
        def upcast_v1_v2(state: dict) -> None:
            state["cost_rp"] = None
            state["feed_type"] = None

    def reversal(self) -> dict:
        return {"record": "feed", "kg": self.kg}

    @classmethod
    def record(
        cls, entry_id: UUID, pond: Pond, *, kg: float, cost_rp: float | None = None, feed_type: str | None = None,
        operator: str, on: date,
    ) -> Feeding:
        kg = quantity("kg", kg)
        cost = None if cost_rp is None else rupiah("cost_rp", cost_rp)
        kind = text("feed_type", feed_type, required=False)
        cycle_id = pond.feed(entry_id, kg, operator=operator, on=on)
        return cls._record(entry_id, pond, cycle_id=cycle_id, kg=kg, cost_rp=cost, feed_type=kind, operator=operator, on=on)


class WaterInflow(PondEntry):
    """Wudu water led into the pond, whether or not a cycle is open."""

    KIND = "water"

    class Event(PondEntry.Event):
        """Every event of this pond entry (see ``PondEntry``)."""

    class Recorded(Entry.Recorded, Event):
        site: str
        pond: str
        cycle_id: UUID | None
        liters: float

    @classmethod
    def record(cls, entry_id: UUID, pond: Pond, *, liters: float, operator: str, on: date) -> WaterInflow:
        cycle_id = None if pond.open_cycle is None else UUID(pond.open_cycle)
        return cls._record(entry_id, pond, cycle_id=cycle_id, liters=quantity("liters", liters), operator=operator, on=on)


class Mortality(PondEntry):
    KIND = "mortality"

    class Event(PondEntry.Event):
        """Every event of this pond entry (see ``PondEntry``)."""

    class Recorded(Entry.Recorded, Event):
        site: str
        pond: str
        cycle_id: UUID
        count: int
        cause: str | None = None  # what the keeper thinks killed them, since class version 2

        class_version = 2

        @staticmethod
        def upcast_v1_v2(state: dict) -> None:
            state["cause"] = None

    def reversal(self) -> dict:
        return {"record": "mortality", "fish": self.count}

    @classmethod
    def record(
        cls, entry_id: UUID, pond: Pond, *, fish: int, cause: str | None = None, operator: str, on: date
    ) -> Mortality:
        fish = count("count", fish)
        why = text("cause", cause, required=False)
        cycle_id = pond.record_deaths(entry_id, fish, operator=operator, on=on)
        return cls._record(entry_id, pond, cycle_id=cycle_id, count=fish, cause=why, operator=operator, on=on)


class Harvest(PondEntry):
    KIND = "harvest"

    class Event(PondEntry.Event):
        """Every event of this pond entry (see ``PondEntry``)."""

    class Recorded(Entry.Recorded, Event):
        """``final`` closed the cycle, writing off ``written_off`` fish unaccounted for."""

        site: str
        pond: str
        cycle_id: UUID
        kg: float
        count: int
        sold_kg: float | None
        price_rp_per_kg: int | None
        final: bool
        written_off: int

    def reversal(self) -> dict:
        return {"record": "harvest", "fish": self.count, "kg": self.kg, "closed_cycle": self.final}

    @classmethod
    def record(
        cls, entry_id: UUID, pond: Pond, *, kg: float, fish: int, sold_kg: float | None,
        price_rp_per_kg: float | None, final: bool, operator: str, on: date,
    ) -> Harvest:
        """A harvest; ``final`` closes the cycle (see ``harvest_figures``)."""
        fish, kg, sold, price = harvest_figures(fish, kg, sold_kg, price_rp_per_kg, final=final)
        cycle_id, written_off = pond.harvest(entry_id, fish, kg, final=final, operator=operator, on=on)
        return cls._record(
            entry_id, pond, cycle_id=cycle_id, kg=kg, count=fish, sold_kg=sold, price_rp_per_kg=price,
            final=bool(final), written_off=written_off, operator=operator, on=on,
        )


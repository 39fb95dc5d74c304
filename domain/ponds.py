"""MADULENI MANIS: ablution (wudu) water led into fish ponds at mosques and schools.

A ``Pond`` holds its growing cycles, the consistency boundary for fish counts: stocking opens a
cycle (or adds to the open one, same species only), deaths and harvests can never exceed the fish
alive, and a final harvest closes the cycle, writing off fish unaccounted for. Every record is also
an entry of its own, which carries the facts the read models use.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.cycles import (
    FLOAT_SLACK,
    Cycle,
    alive,
    close,
    closes_empty,
    is_empty,
    last_closed_on,
    new_cycle,
    reopen,
    stocked_kg,
    take_off,
)
from domain.entries import Entry, EntryRecorded
from domain.errors import InvalidValue, NoOpenCycle, Refused, SpeciesMismatch, TooManyFish
from domain.values import POND_SYSTEMS, SPECIES, choice, count, pond_id, quantity, rupiah, slug


class Pond(Aggregate):
    """A fish pond fed with wudu water, and its growing cycles (by cycle id)."""

    class Event(Aggregate.Event):
        """What every event of a pond carries: who recorded it, and the day it happened."""

        operator: str
        occurred_on: date

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

    volume_m3: float

    if TYPE_CHECKING:  # set by the events (an annotation here would be an __init__ argument)
        cycles: dict[str, Cycle]
        open_cycle: str | None

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

    # -- queries -----------------------------------------------------------------------------

    def alive(self, cycle_key: str) -> int:
        return alive(self.cycles[cycle_key])

    def current_cycle(self, on: date, action: str) -> str:
        """The open cycle's key; refuses when none is open for ``action`` (``feed``,
        ``record_deaths``, ``harvest``) or ``on`` precedes its start."""
        if self.open_cycle is None:
            raise NoOpenCycle("pond", self.slug, "no_open_cycle", action=action)
        started = self.cycles[self.open_cycle]["started_on"]
        self._check_not_before(on, started, "open_cycle_started")
        return self.open_cycle

    @staticmethod
    def _check_not_before(on: date, earliest: str, since: str) -> None:
        if on.isoformat() < earliest:
            raise InvalidValue("date", on.isoformat(), "before", since=since, earliest=earliest)

    def _check_alive(self, field: str, wanted: int, cycle_key: str) -> None:
        alive = self.alive(cycle_key)
        if wanted > alive:
            raise TooManyFish(field, wanted, "more_than_alive", alive=alive, pond=self.slug)

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

    def reverse(
        self, entry_id: UUID, cycle_id: UUID, record: str, *, fish: int = 0, kg: float = 0.0,
        closed_cycle: bool = False, operator: str, on: date,
    ) -> None:
        """Undoes a voided stocking, feeding, death or harvest, refusing what would break the
        counts. ``closed_cycle`` is true for the harvest that closed its cycle."""
        key = str(cycle_id)
        cycle = self.cycles.get(key)
        reopens = record == "harvest" and closed_cycle
        entry = str(entry_id)
        if cycle is None:
            raise Refused("entry", entry, "in_no_cycle")
        if cycle["closed"] and not reopens:
            raise Refused("entry", entry, "in_a_closed_cycle")
        if reopens and self.open_cycle is not None:
            raise Refused("entry", entry, "reopens_while_another_is_open", pond=self.slug)
        if reopens and key != list(self.cycles)[-1]:
            raise Refused("entry", entry, "reopens_after_a_later_cycle", pond=self.slug)
        if record == "stocking" and fish == cycle["stocked"] and cycle["fed_kg"] > FLOAT_SLACK:
            raise Refused("entry", entry, "only_stocking_of_a_fed_cycle", pond=self.slug)
        if record == "stocking" and self.alive(key) < fish:
            raise Refused("entry", entry, "stocked_fish_gone", fish=fish, alive=self.alive(key), pond=self.slug)
        self.trigger_event(
            self.RecordReversed, entry_id=entry_id, cycle_id=cycle_id, record=record, count=fish, kg=kg,
            reopens=reopens, operator=operator, occurred_on=on,
        )


E = TypeVar("E", bound="PondEntry")


class PondEntry(Entry):
    """A record about one pond; ``site`` is the pond's site, for per-site figures."""

    @classmethod
    def _record(cls: type[E], entry_id: UUID, pond: Pond, *, operator: str, on: date, **facts: object) -> E:
        return cls._create(
            cls.Recorded,  # type: ignore[attr-defined]
            id=entry_id, site=pond.site, pond=pond.slug, operator=operator, occurred_on=on, **facts,
        )

    def reversal(self) -> dict | None:
        """What voiding this entry takes off the pond's cycle (None: nothing)."""
        return None

    def holder_id(self) -> UUID:
        return pond_id(self.pond)

    def undo(self, pond: Pond, *, operator: str, on: date) -> None:
        reversal = self.reversal()
        if reversal is not None:
            pond.reverse(self.id, self.cycle_id, operator=operator, on=on, **reversal)


class Stocking(PondEntry):
    KIND = "stocking"

    class Recorded(EntryRecorded):
        site: str
        pond: str
        cycle_id: UUID
        species: str
        count: int
        mean_g: float | None

    def reversal(self) -> dict:
        return {"record": "stocking", "fish": self.count, "kg": stocked_kg(self.count, self.mean_g)}

    @classmethod
    def record(
        cls, entry_id: UUID, pond: Pond, *, species: str, fish: int, mean_g: float | None, operator: str, on: date
    ) -> Stocking:
        species = choice("species", species, SPECIES)
        fish = count("count", fish)
        mean = None if mean_g is None else quantity("mean_g", mean_g)
        cycle_id = pond.stock(entry_id, species, fish, mean, operator=operator, on=on)
        return cls._record(
            entry_id, pond, cycle_id=cycle_id, species=species, count=fish, mean_g=mean, operator=operator, on=on
        )


class Feeding(PondEntry):
    KIND = "feed"

    class Recorded(EntryRecorded):
        site: str
        pond: str
        cycle_id: UUID
        kg: float

    def reversal(self) -> dict:
        return {"record": "feed", "kg": self.kg}

    @classmethod
    def record(cls, entry_id: UUID, pond: Pond, *, kg: float, operator: str, on: date) -> Feeding:
        kg = quantity("kg", kg)
        cycle_id = pond.feed(entry_id, kg, operator=operator, on=on)
        return cls._record(entry_id, pond, cycle_id=cycle_id, kg=kg, operator=operator, on=on)


class WaterInflow(PondEntry):
    """Wudu water led into the pond, whether or not a cycle is open."""

    KIND = "water"

    class Recorded(EntryRecorded):
        site: str
        pond: str
        cycle_id: UUID | None
        liters: float

    @classmethod
    def record(cls, entry_id: UUID, pond: Pond, *, liters: float, operator: str, on: date) -> WaterInflow:
        cycle_id = None if pond.open_cycle is None else UUID(pond.open_cycle)
        return cls._record(
            entry_id, pond, cycle_id=cycle_id, liters=quantity("liters", liters), operator=operator, on=on
        )


class Mortality(PondEntry):
    KIND = "mortality"

    class Recorded(EntryRecorded):
        site: str
        pond: str
        cycle_id: UUID
        count: int

    def reversal(self) -> dict:
        return {"record": "mortality", "fish": self.count}

    @classmethod
    def record(cls, entry_id: UUID, pond: Pond, *, fish: int, operator: str, on: date) -> Mortality:
        fish = count("count", fish)
        cycle_id = pond.record_deaths(entry_id, fish, operator=operator, on=on)
        return cls._record(entry_id, pond, cycle_id=cycle_id, count=fish, operator=operator, on=on)


class Harvest(PondEntry):
    KIND = "harvest"

    class Recorded(EntryRecorded):
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
        """A harvest; ``final`` closes the cycle. A final harvest of 0 fish and 0 kg closes a
        cycle with nothing left to take out (every fish died): the rest is written off."""
        if closes_empty(final, fish, kg):
            fish, kg = 0, 0.0
        else:
            kg = quantity("kg", kg)
            fish = count("count", fish)
        if (sold_kg is None) != (price_rp_per_kg is None):
            missing = "price_rp_per_kg" if price_rp_per_kg is None else "sold_kg"
            raise InvalidValue(missing, "", "sold_kg_and_price_together")
        sold = None if sold_kg is None else quantity("sold_kg", sold_kg)
        price = None if price_rp_per_kg is None else rupiah("price_rp_per_kg", price_rp_per_kg)
        if sold is not None and sold > kg:
            raise InvalidValue("sold_kg", sold, "sold_more_than_harvested", kg=kg)
        cycle_id, written_off = pond.harvest(entry_id, fish, kg, final=final, operator=operator, on=on)
        return cls._record(
            entry_id, pond, cycle_id=cycle_id, kg=kg, count=fish, sold_kg=sold, price_rp_per_kg=price,
            final=bool(final), written_off=written_off, operator=operator, on=on,
        )


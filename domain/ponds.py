"""MADULENI MANIS: ablution (wudu) water led into fish ponds at mosques and schools.

A ``Pond`` holds its growing cycles, the consistency boundary for fish counts: stocking opens a
cycle (or adds to the open one, same species only), deaths and harvests can never exceed the fish
alive, and a final harvest closes the cycle, writing off fish unaccounted for. Every record is also
an entry of its own, which carries the facts the read models use.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.entries import Entry, EntryRecorded
from domain.errors import InvalidValue, NoOpenCycle, Refused, SpeciesMismatch, TooManyFish
from domain.values import (
    POND_SYSTEMS,
    SPECIES,
    choice,
    count,
    pond_id,
    quantity,
    rupiah,
    slug,
    text,
)


class Pond(Aggregate):
    """A fish pond fed with wudu water, and its growing cycles."""

    class Added(Aggregate.Created):
        slug: str
        site: str
        volume_m3: float
        system: str | None
        operator: str
        occurred_on: date

        def apply(self, pond: Pond) -> None:
            pond.slug = self.slug
            pond.site = self.site
            pond.volume_m3 = self.volume_m3
            pond.system = self.system
            pond.cycles = {}
            pond.open_cycle = None

    class FishStocked(Aggregate.Event):
        entry_id: UUID
        cycle_id: UUID
        species: str
        count: int
        mean_g: float | None
        operator: str
        occurred_on: date

        def apply(self, pond: Pond) -> None:
            key = str(self.cycle_id)
            cycle = pond.cycles.setdefault(
                key,
                {
                    "species": self.species,
                    "started_on": self.occurred_on.isoformat(),
                    "stocked": 0,
                    "dead": 0,
                    "harvested": 0,
                    "closed": False,
                    "written_off": 0,
                    "stocked_kg": 0.0,
                    "fed_kg": 0.0,
                    "harvest_kg": 0.0,
                },
            )
            cycle["stocked"] += self.count
            cycle["stocked_kg"] += stocked_kg(self.count, self.mean_g)
            pond.open_cycle = key

    class FishFed(Aggregate.Event):
        entry_id: UUID
        cycle_id: UUID
        kg: float
        operator: str
        occurred_on: date

        def apply(self, pond: Pond) -> None:
            pond.cycles[str(self.cycle_id)]["fed_kg"] += self.kg

    class FishDied(Aggregate.Event):
        entry_id: UUID
        cycle_id: UUID
        count: int
        operator: str
        occurred_on: date

        def apply(self, pond: Pond) -> None:
            pond.cycles[str(self.cycle_id)]["dead"] += self.count

    class FishHarvested(Aggregate.Event):
        """``final`` closes the cycle; ``written_off`` fish were unaccounted for at closing."""

        entry_id: UUID
        cycle_id: UUID
        count: int
        kg: float
        final: bool
        written_off: int
        operator: str
        occurred_on: date

        def apply(self, pond: Pond) -> None:
            cycle = pond.cycles[str(self.cycle_id)]
            cycle["harvested"] += self.count
            cycle["harvest_kg"] += self.kg
            if self.final:
                cycle["closed"] = True
                cycle["closed_on"] = self.occurred_on.isoformat()
                cycle["written_off"] = self.written_off
                pond.open_cycle = None

    class RecordReversed(Aggregate.Event):
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
        operator: str
        occurred_on: date

        def apply(self, pond: Pond) -> None:
            key = str(self.cycle_id)
            cycle = pond.cycles[key]
            count_field, kg_field = REVERSED_FIELDS[self.record]
            if count_field:
                cycle[count_field] -= self.count
            if kg_field:
                cycle[kg_field] -= self.kg
            if self.reopens:
                cycle["closed"] = False
                cycle["closed_on"] = None
                cycle["written_off"] = 0
                pond.open_cycle = key
            if not (cycle["stocked"] or cycle["dead"] or cycle["harvested"]):
                del pond.cycles[key]
                if pond.open_cycle == key:
                    pond.open_cycle = None

    volume_m3: float

    @staticmethod
    def id_for(pond_slug: str) -> UUID:
        return pond_id(pond_slug)

    @classmethod
    def add(
        cls,
        pond_slug: str,
        *,
        site: str,
        volume_m3: float,
        system: str | None,
        operator: str,
        on: date,
    ) -> Pond:
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
        cycle = self.cycles[cycle_key]
        if cycle["closed"]:
            return 0
        return cycle["stocked"] - cycle["dead"] - cycle["harvested"]

    def current_cycle(self, on: date, action_en: str, action_id: str) -> str:
        """The open cycle's key; refuses when none is open or ``on`` precedes its start."""
        if self.open_cycle is None:
            raise NoOpenCycle(
                "pond",
                self.slug,
                f"has no open growing cycle to {action_en} (stock fish first with 'pond stock')",
                f"tidak punya siklus budidaya terbuka untuk {action_id} (tebar benih dulu dengan "
                "'pond stock')",
            )
        started = self.cycles[self.open_cycle]["started_on"]
        self._check_not_before(on, started, "the open cycle started", "siklus terbuka dimulai")
        return self.open_cycle

    @staticmethod
    def _check_not_before(on: date, earliest: str, what_en: str, what_id: str) -> None:
        if on.isoformat() < earliest:
            raise InvalidValue(
                "date",
                on.isoformat(),
                f"is before {what_en} on {earliest}",
                f"sebelum {what_id} pada {earliest}",
            )

    def _check_alive(self, field: str, wanted: int, cycle_key: str) -> None:
        alive = self.alive(cycle_key)
        if wanted > alive:
            raise TooManyFish(
                field,
                wanted,
                f"is more than the {alive} fish alive in pond {self.slug}",
                f"melebihi {alive} ekor ikan yang hidup di kolam {self.slug}",
            )

    # -- commands ----------------------------------------------------------------------------

    def stock(
        self,
        entry_id: UUID,
        species: str,
        fish: int,
        mean_g: float | None,
        *,
        operator: str,
        on: date,
    ) -> UUID:
        """Adds fish to the open cycle, or opens one; returns the cycle id."""
        species = choice("species", species, SPECIES)
        fish = count("count", fish)
        if self.open_cycle is not None:
            cycle = self.cycles[self.open_cycle]
            self._check_not_before(on, cycle["started_on"], "the open cycle started", "siklus terbuka dimulai")
            if cycle["species"] != species:
                raise SpeciesMismatch(
                    "species",
                    species,
                    f"differs from the open cycle's {cycle['species']} in pond {self.slug} "
                    "(harvest it with --final first)",
                    f"berbeda dengan {cycle['species']} pada siklus terbuka di kolam {self.slug} "
                    "(panen dengan --final dulu)",
                )
            cycle_id = UUID(self.open_cycle)
        else:
            last_closed = max(
                (c.get("closed_on") or "" for c in self.cycles.values() if c["closed"]), default=""
            )
            if last_closed:
                self._check_not_before(
                    on, last_closed, "the previous cycle closed", "siklus sebelumnya ditutup"
                )
            cycle_id = entry_id
        self.trigger_event(
            self.FishStocked,
            entry_id=entry_id,
            cycle_id=cycle_id,
            species=species,
            count=fish,
            mean_g=mean_g,
            operator=operator,
            occurred_on=on,
        )
        return cycle_id

    def feed(self, entry_id: UUID, kg: float, *, operator: str, on: date) -> UUID:
        kg = quantity("kg", kg)
        cycle_key = self.current_cycle(on, "feed", "memberi pakan")
        self.trigger_event(
            self.FishFed,
            entry_id=entry_id,
            cycle_id=UUID(cycle_key),
            kg=kg,
            operator=operator,
            occurred_on=on,
        )
        return UUID(cycle_key)

    def record_deaths(self, entry_id: UUID, fish: int, *, operator: str, on: date) -> UUID:
        fish = count("count", fish)
        cycle_key = self.current_cycle(on, "record deaths in", "mencatat kematian")
        self._check_alive("count", fish, cycle_key)
        self.trigger_event(
            self.FishDied,
            entry_id=entry_id,
            cycle_id=UUID(cycle_key),
            count=fish,
            operator=operator,
            occurred_on=on,
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
        cycle_key = self.current_cycle(on, "harvest", "panen")
        self._check_alive("count", fish, cycle_key)
        written_off = self.alive(cycle_key) - fish if final else 0
        self.trigger_event(
            self.FishHarvested,
            entry_id=entry_id,
            cycle_id=UUID(cycle_key),
            count=fish,
            kg=kg,
            final=final,
            written_off=written_off,
            operator=operator,
            occurred_on=on,
        )
        return UUID(cycle_key), written_off

    def reverse(
        self,
        entry_id: UUID,
        cycle_id: UUID,
        record: str,
        *,
        fish: int = 0,
        kg: float = 0.0,
        closed_cycle: bool = False,
        operator: str,
        on: date,
    ) -> None:
        """Undoes a voided stocking, feeding, death or harvest, refusing what would break the
        counts. ``closed_cycle`` is true for the harvest that closed its cycle."""
        key = str(cycle_id)
        cycle = self.cycles.get(key)
        reopens = record == "harvest" and closed_cycle
        if cycle is None:
            raise Refused("entry", str(entry_id), "belongs to no cycle of this pond", "bukan milik siklus kolam ini")
        if cycle["closed"] and not reopens:
            raise Refused(
                "entry",
                str(entry_id),
                "belongs to a closed cycle: void the harvest that closed it first",
                "milik siklus yang sudah ditutup: batalkan dulu panen yang menutupnya",
            )
        if reopens and self.open_cycle is not None:
            raise Refused(
                "entry",
                str(entry_id),
                f"closed a cycle of pond {self.slug}, which cannot reopen while another cycle "
                "is open",
                f"menutup siklus kolam {self.slug}, yang tidak dapat dibuka lagi selama ada "
                "siklus lain yang terbuka",
            )
        if reopens and key != list(self.cycles)[-1]:
            raise Refused(
                "entry",
                str(entry_id),
                f"closed a cycle of pond {self.slug} that a later cycle followed: it cannot reopen",
                f"menutup siklus kolam {self.slug} yang sudah disusul siklus lain: tidak dapat "
                "dibuka lagi",
            )
        if record == "stocking" and fish == cycle["stocked"] and cycle["fed_kg"] > FLOAT_SLACK:
            raise Refused(
                "entry",
                str(entry_id),
                f"is the only stocking of a cycle of pond {self.slug} that has feed records: "
                "void those first",
                f"adalah satu-satunya tebar benih pada siklus kolam {self.slug} yang punya catatan "
                "pakan: batalkan catatan pakan itu dulu",
            )
        if record == "stocking" and self.alive(key) < fish:
            raise Refused(
                "entry",
                str(entry_id),
                f"stocked {fish} fish but only {self.alive(key)} are still alive in pond "
                f"{self.slug} (the rest were harvested or died)",
                f"menebar {fish} ekor tetapi hanya {self.alive(key)} yang masih hidup di kolam "
                f"{self.slug} (sisanya sudah dipanen atau mati)",
            )
        self.trigger_event(
            self.RecordReversed,
            entry_id=entry_id,
            cycle_id=cycle_id,
            record=record,
            count=fish,
            kg=kg,
            reopens=reopens,
            operator=operator,
            occurred_on=on,
        )


FLOAT_SLACK = 1e-9
"""Sums of kg that differ by less than this are equal (float rounding)."""


def closes_empty(final: bool, fish: object, kg: object) -> bool:
    """Whether this is a final harvest of nothing (0 fish, 0 kg): the only harvest that may be
    empty, so that a cycle whose fish all died can still be closed."""
    if not final or isinstance(fish, bool) or isinstance(kg, bool):
        return False
    try:
        return float(fish) == 0 and float(kg) == 0  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def stocked_kg(fish: int, mean_g: float | None) -> float:
    """Stocked biomass: count × mean weight, 0 when the mean weight is unknown."""
    return fish * mean_g / 1000 if mean_g else 0.0


class PondEntry(Entry):
    """A record about one pond; ``site`` is the pond's site, for per-site figures."""

    def reversal(self) -> dict | None:
        """What voiding this entry takes off the pond's cycle (None: nothing)."""
        return None

    def void_with(self, pond: Pond, reason: str, *, operator: str, on: date) -> None:
        self.check_not_voided()
        reason = text("reason", reason)
        undo = self.reversal()
        if undo is not None:
            pond.reverse(self.id, self.cycle_id, operator=operator, on=on, **undo)
        self.void(reason, operator, on)


class Stocking(PondEntry):
    KIND = "stocking"

    class Recorded(EntryRecorded):
        site: str
        pond: str
        cycle_id: UUID
        species: str
        count: int
        mean_g: float | None
        operator: str
        occurred_on: date

    def reversal(self) -> dict:
        return {"record": "stocking", "fish": self.count, "kg": stocked_kg(self.count, self.mean_g)}

    @classmethod
    def record(
        cls,
        entry_id: UUID,
        pond: Pond,
        *,
        species: str,
        fish: int,
        mean_g: float | None,
        operator: str,
        on: date,
    ) -> Stocking:
        species = choice("species", species, SPECIES)
        fish = count("count", fish)
        mean = None if mean_g is None else quantity("mean_g", mean_g)
        cycle_id = pond.stock(entry_id, species, fish, mean, operator=operator, on=on)
        return cls._create(
            cls.Recorded,
            id=entry_id,
            site=pond.site,
            pond=pond.slug,
            cycle_id=cycle_id,
            species=species,
            count=fish,
            mean_g=mean,
            operator=operator,
            occurred_on=on,
        )


class Feeding(PondEntry):
    KIND = "feed"

    class Recorded(EntryRecorded):
        site: str
        pond: str
        cycle_id: UUID
        kg: float
        operator: str
        occurred_on: date

    def reversal(self) -> dict:
        return {"record": "feed", "kg": self.kg}

    @classmethod
    def record(cls, entry_id: UUID, pond: Pond, *, kg: float, operator: str, on: date) -> Feeding:
        kg = quantity("kg", kg)
        cycle_id = pond.feed(entry_id, kg, operator=operator, on=on)
        return cls._create(
            cls.Recorded,
            id=entry_id,
            site=pond.site,
            pond=pond.slug,
            cycle_id=cycle_id,
            kg=kg,
            operator=operator,
            occurred_on=on,
        )


class WaterInflow(PondEntry):
    """Wudu water led into the pond, whether or not a cycle is open."""

    KIND = "water"

    class Recorded(EntryRecorded):
        site: str
        pond: str
        cycle_id: UUID | None
        liters: float
        operator: str
        occurred_on: date

    @classmethod
    def record(
        cls, entry_id: UUID, pond: Pond, *, liters: float, operator: str, on: date
    ) -> WaterInflow:
        return cls._create(
            cls.Recorded,
            id=entry_id,
            site=pond.site,
            pond=pond.slug,
            cycle_id=None if pond.open_cycle is None else UUID(pond.open_cycle),
            liters=quantity("liters", liters),
            operator=operator,
            occurred_on=on,
        )


class Mortality(PondEntry):
    KIND = "mortality"

    class Recorded(EntryRecorded):
        site: str
        pond: str
        cycle_id: UUID
        count: int
        operator: str
        occurred_on: date

    def reversal(self) -> dict:
        return {"record": "mortality", "fish": self.count}

    @classmethod
    def record(cls, entry_id: UUID, pond: Pond, *, fish: int, operator: str, on: date) -> Mortality:
        fish = count("count", fish)
        cycle_id = pond.record_deaths(entry_id, fish, operator=operator, on=on)
        return cls._create(
            cls.Recorded,
            id=entry_id,
            site=pond.site,
            pond=pond.slug,
            cycle_id=cycle_id,
            count=fish,
            operator=operator,
            occurred_on=on,
        )


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
        operator: str
        occurred_on: date

    def reversal(self) -> dict:
        return {"record": "harvest", "fish": self.count, "kg": self.kg, "closed_cycle": self.final}

    @classmethod
    def record(
        cls,
        entry_id: UUID,
        pond: Pond,
        *,
        kg: float,
        fish: int,
        sold_kg: float | None,
        price_rp_per_kg: float | None,
        final: bool,
        operator: str,
        on: date,
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
            raise InvalidValue(
                missing,
                "",
                "is needed too: give --sold-kg and --price-rp-per-kg together",
                "juga diperlukan: berikan --sold-kg dan --price-rp-per-kg bersama",
            )
        sold = None if sold_kg is None else quantity("sold_kg", sold_kg)
        price = None if price_rp_per_kg is None else rupiah("price_rp_per_kg", price_rp_per_kg)
        if sold is not None and sold > kg:
            raise InvalidValue(
                "sold_kg",
                sold,
                f"is more than the {kg} kg harvested",
                f"melebihi {kg} kg yang dipanen",
            )
        cycle_id, written_off = pond.harvest(
            entry_id, fish, kg, final=final, operator=operator, on=on
        )
        return cls._create(
            cls.Recorded,
            id=entry_id,
            site=pond.site,
            pond=pond.slug,
            cycle_id=cycle_id,
            kg=kg,
            count=fish,
            sold_kg=sold,
            price_rp_per_kg=price,
            final=bool(final),
            written_off=written_off,
            operator=operator,
            occurred_on=on,
        )


REVERSED_FIELDS = {
    "stocking": ("stocked", "stocked_kg"),
    "feed": (None, "fed_kg"),
    "mortality": ("dead", None),
    "harvest": ("harvested", "harvest_kg"),
}

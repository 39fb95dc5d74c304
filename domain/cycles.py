"""A pond's growing cycle: from the first stocking to the final harvest.

``Cycle`` is what a pond's state holds about one cycle (keyed by the cycle id), in the form its
snapshots store: counts of fish, kg, and dates as ``YYYY-MM-DD`` text. Snapshots written by
earlier releases hold the same plain dicts, so they load as they are.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Literal, TypedDict

from domain.errors import InvalidValue, NoOpenCycle, Refused, TooManyFish


class _Closed(TypedDict, total=False):
    closed_on: str | None  # YYYY-MM-DD, once a final harvest closed the cycle


class Sample(TypedDict):
    entry: str  # the sample's entry id, hex
    on: str  # YYYY-MM-DD
    count: int  # fish weighed
    kg: float  # their weight together


class WaterRecord(TypedDict):
    entry: str
    on: str
    do_mg_l: float | None
    ph: float | None
    temp_c: float | None
    ammonia_mg_l: float | None


WATER_FIELDS = ("do_mg_l", "ph", "temp_c", "ammonia_mg_l")
"""A water test's readings, as stored: dissolved oxygen and total ammonia in mg/L, pH, °C."""


class Cycle(_Closed):
    species: str
    started_on: str  # YYYY-MM-DD
    stocked: int
    dead: int
    harvested: int
    closed: bool
    written_off: int  # fish unaccounted for when the final harvest closed the cycle
    stocked_kg: float
    fed_kg: float
    harvest_kg: float
    samples: list[Sample]  # weighed samples, in the order recorded (snapshots of 0.1.0: upcast)


Record = Literal["stocking", "feed", "mortality", "harvest"]
"""The records a void takes off a cycle."""

REVERSED_FIELDS: dict[
    str,
    tuple[Literal["stocked", "dead", "harvested"] | None, Literal["stocked_kg", "fed_kg", "harvest_kg"] | None],
] = {
    "stocking": ("stocked", "stocked_kg"),
    "feed": (None, "fed_kg"),
    "mortality": ("dead", None),
    "harvest": ("harvested", "harvest_kg"),
}
"""The fish count and the kg a voided record of each kind takes off its cycle."""

FLOAT_SLACK = 1e-9
"""Sums of kg that differ by less than this are equal (float rounding)."""


def new_cycle(species: str, started_on: date) -> Cycle:
    return {
        "species": species,
        "started_on": started_on.isoformat(),
        "stocked": 0,
        "dead": 0,
        "harvested": 0,
        "closed": False,
        "written_off": 0,
        "stocked_kg": 0.0,
        "fed_kg": 0.0,
        "harvest_kg": 0.0,
        "samples": [],
    }


def alive(cycle: Cycle) -> int:
    """The fish still in the pond: none once the cycle is closed."""
    if cycle["closed"]:
        return 0
    return cycle["stocked"] - cycle["dead"] - cycle["harvested"]


def close(cycle: Cycle, on: date, written_off: int) -> None:
    cycle["closed"] = True
    cycle["closed_on"] = on.isoformat()
    cycle["written_off"] = written_off


def reopen(cycle: Cycle) -> None:
    cycle["closed"] = False
    cycle["closed_on"] = None
    cycle["written_off"] = 0


def take_off(cycle: Cycle, record: str, fish: int, kg: float) -> None:
    """Takes a voided record's fish and kg off the cycle."""
    count_field, kg_field = REVERSED_FIELDS[record]
    if count_field:
        cycle[count_field] -= fish
    if kg_field:
        cycle[kg_field] -= kg


def is_empty(cycle: Cycle) -> bool:
    """Whether nothing is left stocked, dead or harvested (the cycle then disappears)."""
    return not (cycle["stocked"] or cycle["dead"] or cycle["harvested"])


def last_closed_on(cycles: dict[str, Cycle]) -> str:
    """The latest day a cycle closed, as ``YYYY-MM-DD`` ("" when none has closed)."""
    return max((c.get("closed_on") or "" for c in cycles.values() if c["closed"]), default="")


def stocked_kg(fish: int, mean_g: float | None) -> float:
    """Stocked biomass: count × mean weight, 0 when the mean weight is unknown."""
    return fish * mean_g / 1000 if mean_g else 0.0


def closes_empty(final: bool, fish: object, kg: object) -> bool:
    """Whether this is a final harvest of nothing (0 fish, 0 kg): the only harvest that may be
    empty, so that a cycle whose fish all died can still be closed."""
    if not final or isinstance(fish, bool) or isinstance(kg, bool):
        return False
    try:
        return float(fish) == 0 and float(kg) == 0  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def latest_sample(cycle: Cycle) -> Sample | None:
    """The sample of the latest date (of one date, the last recorded)."""
    samples = cycle.get("samples") or []
    return max(reversed(samples), key=lambda sample: sample["on"], default=None)


def withdraw(cycles: dict[str, Cycle], water_tests: list[WaterRecord], entry: str) -> None:
    """Forgets the sample or water test of the voided ``entry`` (hex)."""
    water_tests[:] = [test for test in water_tests if test["entry"] != entry]
    for cycle in cycles.values():
        cycle["samples"] = [sample for sample in cycle["samples"] if sample["entry"] != entry]


def check_reversal(
    cycles: dict[str, Cycle], open_cycle: str | None, key: str, record: str, entry: str, fish: int, *,
    closed_cycle: bool, pond: str,
) -> bool:
    """Refuses a void that would break the fish counts; returns whether it reopens the cycle
    (the void of the harvest that closed it)."""
    cycle = cycles.get(key)
    reopens = record == "harvest" and closed_cycle
    if cycle is None:
        raise Refused("entry", entry, "in_no_cycle")
    if cycle["closed"] and not reopens:
        raise Refused("entry", entry, "in_a_closed_cycle")
    if reopens and open_cycle is not None:
        raise Refused("entry", entry, "reopens_while_another_is_open", pond=pond)
    if reopens and key != list(cycles)[-1]:
        raise Refused("entry", entry, "reopens_after_a_later_cycle", pond=pond)
    if record == "stocking" and fish == cycle["stocked"] and cycle["fed_kg"] > FLOAT_SLACK:
        raise Refused("entry", entry, "only_stocking_of_a_fed_cycle", pond=pond)
    if record == "stocking" and alive(cycle) < fish:
        raise Refused("entry", entry, "stocked_fish_gone", fish=fish, alive=alive(cycle), pond=pond)
    return reopens


class CycleGuards:
    """What a pond asks of its cycles before it changes one (a base of ``Pond``)."""

    if TYPE_CHECKING:  # set by the pond's events
        slug: str
        cycles: dict[str, Cycle]
        open_cycle: str | None

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


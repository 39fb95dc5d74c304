"""A pond's growing cycle: from the first stocking to the final harvest.

``Cycle`` is what a pond's state holds about one cycle (keyed by the cycle id), in the form its
snapshots store: counts of fish, kg, and dates as ``YYYY-MM-DD`` text. Snapshots written by
earlier releases hold the same plain dicts, so they load as they are.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, TypedDict


class _Closed(TypedDict, total=False):
    closed_on: str | None  # YYYY-MM-DD, once a final harvest closed the cycle


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

"""Which incoming events are taken, skipped or held aside: the rule, as a pure function.

An incoming event is **skipped** when the receiver already holds it (same aggregate, version,
topic and state: it came back, or arrived by two paths). It is **held** when the receiver holds
a *different* event at its aggregate and version — a conflict — and so is every later incoming
event of that aggregate: the two stores changed one record independently, and the receiver
cannot tell which history is right.

Everything else is taken, except what depends on a held event. In envtrack one command saves
an entry together with the parent record it changes, and the parent's event names the entry
(``entry_id``): an exchange with the ``SuppliesIssued`` of its school's supply ledger, its void
with ``SuppliesReturned``, a pond entry with the pond's ``FishFed``, ``FishHarvested``,
``RecordReversed`` … Such a pair is taken or held together: if either event is held, so is the
other, and from then on both records are held. So when a school's supply ledger is held (the
city voided one of its exchanges while the school kept exchanging), every later exchange that
issued supplies from that ledger is held too — taking it would show items issued from a stock
the city's copy of the ledger never gave out — while the school's waste records, pure deposits,
handovers, other records and everything before the conflict are taken.

The partner of a parent's event is the event of the named entry nearest to it in the source's
log: the events of one save are contiguous there, a void saves the entry's event just before
its parent's, and a record saves the parent's event before the entry's first event.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from uuid import UUID

Key = tuple[UUID, int]
"""An event's place: (aggregate id, version)."""
TAKE = "take"
SKIP = "skip"
Decision = str | Key
"""``TAKE``, ``SKIP``, or the conflict (``Key``) that holds the event."""


@dataclass(frozen=True)
class Incoming:
    """One event as the source stores it, at its position in the source's log."""

    position: int
    originator_id: UUID
    originator_version: int
    topic: str
    state: bytes
    origin: str
    """The store it was first recorded in."""
    came_from: str | None = None
    """The store the source copied it from (None: recorded there)."""

    @property
    def key(self) -> Key:
        return (self.originator_id, self.originator_version)

    @cached_property
    def link(self) -> UUID | None:
        """The entry this event was saved with, when it is a parent's event that names one."""
        if b'"entry_id"' not in self.state:
            return None
        value = json.loads(self.state).get("entry_id")
        if isinstance(value, dict):  # the library's transcoding of a UUID
            value = value.get("_data_")
        linked = UUID(value) if isinstance(value, str) else None
        return None if linked == self.originator_id else linked


def decide(
    window: Sequence[Incoming], existing: Mapping[Key, tuple[str, bytes]], held: Mapping[UUID, Key]
) -> list[Decision]:
    """The decision for each event of ``window`` (in source order): ``existing`` is what the
    receiver holds at those keys, ``held`` the aggregates already held (by their conflict)."""
    partners = _partners(window)
    forced: dict[int, Key] = {}
    while True:
        decisions = _one_pass(window, existing, held, partners, forced)
        if decisions is not None:
            return decisions


def held_after(window: Sequence[Incoming], decisions: Sequence[Decision], held: Mapping[UUID, Key]) -> dict[UUID, Key]:
    """The aggregates held once the events of ``window`` are decided as ``decisions``."""
    now = dict(held)
    for event, decision in zip(window, decisions):
        if isinstance(decision, tuple):
            _hold(now, event, decision)
    return now


def _partners(window: Sequence[Incoming]) -> dict[int, list[int]]:
    """For each event, the events it was saved with (by index): a parent's event and the named
    entry's event nearest to it."""
    partners: dict[int, list[int]] = defaultdict(list)
    links = [(index, event.link) for index, event in enumerate(window) if event.link is not None]
    if not links:  # waste records, deposits …: nothing was saved together
        return partners
    by_aggregate: dict[UUID, list[int]] = defaultdict(list)
    for index, event in enumerate(window):
        by_aggregate[event.originator_id].append(index)
    for index, link in links:
        candidates = by_aggregate.get(link)
        if candidates:
            nearest = min(candidates, key=lambda other: abs(other - index))
            partners[index].append(nearest)
            partners[nearest].append(index)
    return partners


def _one_pass(
    window: Sequence[Incoming],
    existing: Mapping[Key, tuple[str, bytes]],
    held: Mapping[UUID, Key],
    partners: Mapping[int, list[int]],
    forced: dict[int, Key],
) -> list[Decision] | None:
    """Decides in order; None when an event taken earlier must be held after all (it is added
    to ``forced`` and the window decided again)."""
    now = dict(held)
    decisions: list[Decision] = []
    for index, event in enumerate(window):
        kept = existing.get(event.key)
        if kept == (event.topic, event.state):
            decisions.append(SKIP)
            continue
        cause = forced.get(index) or now.get(event.originator_id) or (event.key if kept is not None else None)
        if cause is None and event.link is not None:
            cause = now.get(event.link)
        if cause is None:
            cause = next((d for j in partners.get(index, ()) if j < index and isinstance(d := decisions[j], tuple)), None)
        if cause is None:
            decisions.append(TAKE)
            continue
        decisions.append(cause)
        _hold(now, event, cause)
        for j in partners.get(index, ()):
            if j < index and decisions[j] == TAKE:
                forced[j] = cause
                return None
    return decisions


def _hold(now: dict[UUID, Key], event: Incoming, cause: Key) -> None:
    now.setdefault(event.originator_id, cause)
    if event.link is not None:
        now.setdefault(event.link, cause)

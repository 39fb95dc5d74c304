"""Copying events from one store into another, exactly once.

The source is read through the event library's notification log, page by page, by position.
Copied events keep their aggregate id, version, topic and state (hence operator, date and
recording time); they get new positions in the receiver's log, so its read models take them up
like events recorded there.

Each page is written in one transaction of the library's process recorder: the events taken,
where each came from (``envtrack_copied``), the events held aside (``envtrack_held``), and the
tracking record of the last source position decided. A push, pull or import killed part way
leaves whole pages behind, and a rerun starts after the last one; run again when nothing is
new, it writes nothing. Two runs at once from the same source, or a local record racing a
copy, collide on a primary key (an event's version, a tracking record): the loser reads the
tracking and the receiver again and carries on from there (``unit_of_work.retrying``).

Which events are taken, skipped or held is ``holding.decide``'s rule. The last few events of a
page are decided again with the next page (a save's events sit together in the log, and a void
saves the entry's event just before its parent's), so a pair is never split by a page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from eventsourcing.persistence import PersistenceError, StoredEvent, Tracking

from envtrack.store import Copy, Held
from envtrack.sync.holding import SKIP, TAKE, Decision, Incoming, Key, decide, held_after

PAGE_SIZE = 2_000
CARRY = 32
"""Events at the end of a page decided again with the next page."""

Progress = Callable[[int, int], None]
Pages = Callable[[int], Iterator[list[Incoming]]]
"""Given the last source position already taken, the source's later events in pages."""


@dataclass
class Outcome:
    """What one push, pull or import did."""

    source_store: str
    upto: int = 0
    """The source position taken up to (the source's head when the run began)."""
    taken: int = 0
    skipped: int = 0
    """Events the receiver already held (came back, or arrived by another path)."""
    held: list[Held] = field(default_factory=list)
    """Events held aside by this run."""


def store_pages(app: Any, upto: int, page_size: int = PAGE_SIZE) -> Pages:
    """The events of ``app``'s store after a position up to ``upto``, through its notification
    log, each with the store it was first recorded in (and the one it was copied from)."""
    own = app.store.store_id()

    def pages(after: int) -> Iterator[list[Incoming]]:
        position = after
        while position < upto:
            notifications = app.recorder.select_notifications(
                position, page_size, stop=upto, inclusive_of_start=False
            )
            if not notifications:
                return
            copies = app.store.copies(position, notifications[-1].id)
            page = []
            for n in notifications:
                copy = copies.get(n.id)
                origin, came_from = (copy.origin_store, copy.source_store) if copy else (own, None)
                page.append(Incoming(n.id, n.originator_id, n.originator_version, n.topic, n.state, origin, came_from))
            yield page
            position = notifications[-1].id

    return pages


def take(app: Any, source_store: str, pages: Pages, upto: int, progress: Progress | None = None) -> Outcome:
    """Takes into ``app``'s store the events of ``source_store`` after the last position taken
    from it, up to ``upto``."""
    from envtrack.unit_of_work import retrying

    outcome = Outcome(source_store, upto)
    snapshots: dict[UUID, int] = {}
    retrying(lambda last: _take_once(app, outcome, pages, snapshots, progress))
    _snapshot(app, snapshots)
    return outcome


def _take_once(app: Any, outcome: Outcome, pages: Pages, snapshots: dict[UUID, int], progress: Progress | None) -> None:
    source = outcome.source_store
    start = app.recorder.max_tracking_id(source) or 0
    if start >= outcome.upto:
        return
    held = {h.originator_id: (h.conflict_id, h.conflict_version) for h in app.store.held(source)}
    own = app.store.store_id()
    window: list[Incoming] = []
    for page in pages(start):
        window += page
        if len(window) > CARRY:
            held = _write(app, outcome, window[:-CARRY], window, held, own, snapshots, final=False)
            window = window[-CARRY:]
            if progress is not None:
                progress(window[0].position - start, outcome.upto - start)
    _write(app, outcome, window, window, held, own, snapshots, final=True)


def _write(
    app: Any,
    outcome: Outcome,
    part: list[Incoming],
    window: list[Incoming],
    held: dict[UUID, Key],
    own: str,
    snapshots: dict[UUID, int],
    *,
    final: bool,
) -> dict[UUID, Key]:
    """Writes the events of ``part`` (the start of ``window``, or all of it) in one transaction
    with the tracking record; returns the aggregates held after it."""
    existing = app.store.events_at([e.key for e in window if e.came_from != own])
    existing.update({e.key: (e.topic, e.state) for e in window if e.came_from == own})
    decisions = decide(window, existing, held)[: len(part)]
    taken = [e for e, d in zip(part, decisions) if d == TAKE]
    holds = [_held(outcome.source_store, e, d) for e, d in zip(part, decisions) if d not in (TAKE, SKIP)]
    position = outcome.upto if final else part[-1].position
    app.recorder.insert_events(
        [StoredEvent(e.originator_id, e.originator_version, e.topic, e.state) for e in taken],
        tracking=Tracking(outcome.source_store, position),
        copied=[Copy(outcome.source_store, e.position, e.origin) for e in taken],
        held=holds,
    )
    outcome.taken += len(taken)
    outcome.skipped += sum(1 for d in decisions if d == SKIP)
    outcome.held += holds
    for event in taken:
        if version := _snapshot_version(event):
            snapshots[event.originator_id] = max(snapshots.get(event.originator_id, 0), version)
    return held_after(part, decisions, held)


def _held(source: str, event: Incoming, conflict: Decision) -> Held:
    assert isinstance(conflict, tuple)
    return Held(source, event.position, event.originator_id, event.originator_version, event.topic, event.state,
                event.origin, *conflict)


def _snapshot_version(event: Incoming) -> int:
    """The version at which the receiver snapshots the event's aggregate, as it would have had
    it recorded the event itself (0: none)."""
    from envtrack.application import SNAPSHOT_INTERVALS

    interval = SNAPSHOT_INTERVALS.get(event.topic.rsplit(".", 1)[0])
    return event.originator_version if interval and event.originator_version % interval == 0 else 0


def _snapshot(app: Any, snapshots: dict[UUID, int]) -> None:
    """Snapshots are not copied (they are not events): the receiver takes its own, at the same
    versions as for what it records. A snapshot that cannot be written is only not there."""
    for aggregate_id, version in snapshots.items():
        if version:
            try:
                app.take_snapshot(aggregate_id, version=version)
            except PersistenceError:
                return

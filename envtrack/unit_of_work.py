"""The unit of work, and the one loop that retries what lost a race.

A ``UnitOfWork`` holds the aggregates one command (an import, the demo) loads and creates, and
saves all of their new events in one atomic ``save``. ``retrying`` is the only retry loop: a
command (``run``), an import and the opening of a store all try again from a fresh start when
another process got there first, a bounded number of times, pausing a random, growing time.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError, OperationalError

from domain import values
from domain.errors import AlreadyExists, InvalidValue, NotFound
from domain.sites import Site

if TYPE_CHECKING:  # loaded by the commands that use them: a waste record needs neither
    from eventsourcing.application import Application

    from domain.ponds import Pond
    from domain.sambo import SupplyLedger
    from envtrack.store.base import Turns

MAX_ATTEMPTS = 30
"""Tries of one command against lost races: several operators at one school's ledger can lose
a few in a row; with the back-off below 30 tries take at most a few seconds."""

LOST_RACES: tuple[type[Exception], ...] = (IntegrityError, OperationalError)
"""What a save that lost a race raises: another process saved into the same aggregate first
(optimistic concurrency), or held the database (SQLite locked)."""

T = TypeVar("T")
A = TypeVar("A", bound=Aggregate)


class LoadAgain(Exception):
    """An attempt that must start again at once from a fresh load, without pausing: it waited
    for its turn, so others may have changed its records meanwhile."""


def back_off(attempt: int) -> None:
    """Sleeps a random time up to a cap that doubles with each lost race (full jitter), so that
    processes contending for one aggregate spread out instead of colliding again in step."""
    time.sleep(random.uniform(0, min(0.25, 0.004 * 2**attempt)))


def retrying(
    attempt: Callable[[bool], T],
    *,
    attempts: int = MAX_ATTEMPTS,
    lost: tuple[type[Exception], ...] = LOST_RACES,
    is_race: Callable[[Exception], bool] = lambda error: True,
) -> T:
    """Calls ``attempt(last)`` until one returns, at most ``attempts`` times. An attempt that
    raises one of ``lost`` (and ``is_race`` of it) is tried again after ``back_off``; one that
    raises ``LoadAgain`` (never the last) at once. The last attempt's error is raised."""
    for number in range(1, attempts + 1):
        last = number == attempts
        try:
            return attempt(last)
        except LoadAgain:
            if last:
                raise AssertionError("the last attempt must not ask for another") from None
        except lost as error:
            if last or not is_race(error):
                raise
            back_off(number)
    raise AssertionError("unreachable")  # pragma: no cover


class UnitOfWork:
    """The aggregates one command (or one import batch) touches, saved together."""

    def __init__(self, app: Application[UUID]) -> None:
        self.app = app
        self._loaded: dict[UUID, Aggregate | None] = {}
        self._created: list[Aggregate] = []

    def find(self, aggregate_id: UUID) -> Any:
        if aggregate_id not in self._loaded:
            try:
                self._loaded[aggregate_id] = self.app.repository.get(aggregate_id)
            except AggregateNotFoundError:
                self._loaded[aggregate_id] = None
        return self._loaded[aggregate_id]

    def know(self, aggregate: Aggregate) -> None:
        """An aggregate as the store holds it, loaded elsewhere (sent to an import's builder)."""
        self._loaded[aggregate.id] = aggregate

    def add(self, aggregate: A) -> A:
        self._loaded[aggregate.id] = aggregate
        self._created.append(aggregate)
        return aggregate

    def add_new(self, aggregate: A, field: str, slug: str) -> A:
        """A new site or pond (``field``), refused when its ``slug`` is taken."""
        if self.find(aggregate.id) is not None:
            raise AlreadyExists(field, slug, "already_exists")
        return self.add(aggregate)

    def site(self, slug: str, *, open_only: bool = True, on: date | None = None) -> Site:
        """The site ``slug``; ``open_only``: refused when closed (with ``on``, a record's date,
        only when the closure took effect on or before it)."""
        site = self.find(Site.id_for(slug)) if _is_slug(slug) else None
        if site is None:
            raise NotFound("site", slug, "unknown_site")
        if open_only:
            site.check_open(on)
        return site

    def school(self, slug: str, *, on: date | None = None) -> Site:
        site = self.site(slug, on=on)
        site.check_kind(("school",), "SAMBO DIKARTU AS")
        return site

    def pond(self, slug: str, *, open_site: bool = True, on: date | None = None) -> Pond:
        pond = self.find(values.pond_id(slug)) if _is_slug(slug) else None
        if pond is None:
            raise NotFound("pond", slug, "unknown_pond")
        if open_site:
            self.site(pond.site, on=on)
        return pond

    def ledger(self, site_slug: str) -> SupplyLedger | None:
        return self.find(values.ledger_id(site_slug))

    def changed_records(self) -> list[UUID]:
        """The ids of the aggregates the command loaded and changed (not those it created)."""
        created = {id(aggregate) for aggregate in self._created}
        return [aggregate.id for aggregate in self.pending() if id(aggregate) not in created]

    def pending(self) -> list[Aggregate]:
        return [agg for agg in self._loaded.values() if agg is not None and agg.pending_events]

    def commit(self, *also: Aggregate) -> int:
        """Saves, in one atomic save, the new events of every aggregate loaded or added (and of
        ``also``, new entries kept apart by a long writer); returns how many it saved."""
        aggregates = [*also, *self.pending()]
        events = sum(len(aggregate.pending_events) for aggregate in aggregates)
        if aggregates:
            self.app.save(*aggregates)
        return events


def run(app: Application[UUID], turns: Turns, command: Callable[[UnitOfWork], T], attempts: int) -> T:
    """Runs ``command`` in a fresh unit of work and saves what it changed, retrying lost races.

    A command that changes a record others may be changing (a school's ledger, a pond, a site,
    an entry) saves in that record's turn; if it had to wait for the turn, it loads again in it
    first. So operators at one school take turns instead of colliding again and again, and
    operators at different schools never wait for each other. A command that only adds new
    entries (a waste record) needs no turn. Without turns to be had, lost races are retried
    after a random pause."""

    store = getattr(app, "store", None)
    started = [0.0]

    def is_race(error: Exception) -> bool:
        """A wait for a lock that ran out of time is no lost race: trying again would only wait
        as long again. (Where the store's "busy" also means a race lost at once, one that came
        back sooner than the lock timeout is one.)"""
        if store is None or not store.is_lock_timeout(error):
            return True
        return store.retry_after_lock_timeout and time.monotonic() - started[0] < store.lock_timeout

    def attempt(last: bool) -> T:
        started[0] = time.monotonic()
        work = UnitOfWork(app)
        result = command(work)
        changed = work.changed_records()
        waited = turns.hold(changed) if changed else None
        if waited and not last:
            raise LoadAgain  # others changed those records meanwhile: load them again
        try:
            work.commit()
        except LOST_RACES as error:
            if waited is not None and not last and is_race(error):
                raise LoadAgain from None  # in the records' turn: no need to pause
            raise
        return result

    try:
        return retrying(attempt, attempts=attempts, is_race=is_race)
    finally:
        turns.release()


def _is_slug(value: str) -> bool:
    try:
        values.slug("site", value)
    except InvalidValue:
        return False
    return True

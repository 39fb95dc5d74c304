"""EnvTrack: the application every caller uses — the command line, the importer, the demo, tests.

It is the composition root: it opens the event store, stores dates as ``YYYY-MM-DD``, snapshots
long-lived aggregates, and is every noun's commands and every query at once (one mixin per noun
in ``envtrack/commands/``, the queries in ``envtrack/views.py``), so a caller writes
``app.record_exchange(...)`` or ``app.show_pond(...)``. Each command runs in a unit of work
(``envtrack/unit_of_work.py``) that saves its new events in one atomic ``save``, retried from a
fresh load when it loses a race.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.persistence import (
    IntegrityError,
    InternalError,
    OperationalError,
    PersistenceError,
    ProgrammingError,
    Transcoding,
)
from eventsourcing.application import AggregateNotFoundError, Repository
from eventsourcing.utils import get_topic

from domain.errors import NotFound, Refused
from envtrack.city_views import CityViews
from envtrack.commands.city import CityCommands
from envtrack.commands.entries import EntryCommands
from envtrack.commands.ponds import PondCommands
from envtrack.commands.sambo import SamboCommands
from envtrack.commands.sites import SiteCommands
from envtrack.commands.waste import WasteCommands
from envtrack.store import APPLICATION_NAME, Store
from envtrack.unit_of_work import retrying
from envtrack.pond_views import PondViews
from envtrack.school_views import SchoolViews
from envtrack.views import Views

SNAPSHOT_INTERVALS = {"domain.sambo:SupplyLedger": 50, "domain.ponds:Pond": 50, "domain.sites:Site": 50}
"""Every how many events a long-lived aggregate is snapshotted, by topic. A command then loads
the latest snapshot and at most N − 1 events after it, however long the history (measured in
bench/README.md)."""

class DateAsISO(Transcoding):
    """Stores ``datetime.date`` values as ``YYYY-MM-DD``."""

    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class UnreadableHistory(Exception):
    """An aggregate whose stored events decode but do not make one (a field missing or of the
    wrong shape: an event no envtrack wrote); the command line refuses it naming the store."""


class CheckedRepository(Repository):
    """The library's repository, whose ``get`` says an aggregate's history cannot be read (never
    a traceback from deep in an event's ``apply``)."""

    def get(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().get(*args, **kwargs)
        except AggregateNotFoundError:
            raise
        except (AttributeError, KeyError, TypeError, ValueError) as error:
            raise UnreadableHistory(f"{type(error).__name__}: {error}") from error


class EnvTrack(
    SiteCommands, SamboCommands, PondCommands, WasteCommands, EntryCommands, CityCommands,
    Views, CityViews, PondViews, SchoolViews,
):
    """The envtrack application: sites, SAMBO DIKARTU AS, MADULENI MANIS and waste."""

    name = APPLICATION_NAME
    is_snapshotting_enabled = True  # every SNAPSHOT_INTERVALS events, see _take_snapshots

    def __init__(
        self,
        store: Store,
        *,
        operator: str = "unknown",
        today: Callable[[], date] = date.today,
        new_id: Callable[[], UUID] = uuid4,
        read_only: bool = False,
    ) -> None:
        self.store = store
        self.read_only = read_only  # for queries: the store is opened without writing anything
        self.operator = operator
        self.today = today
        self.new_id = new_id
        self.turns = store.turns
        self._open_store()

    def construct_repository(self) -> Repository:
        repository = super().construct_repository()
        repository.__class__ = CheckedRepository  # the library's, with its settings; ``get`` checked
        return repository

    def _open_store(self) -> None:
        """Opens the event store, creating its tables if need be. Processes starting at once on a
        new store race to create it (SQLite: 'database is locked' while switching to WAL;
        PostgreSQL: duplicate types, a function concurrently replaced): the losers retry, a
        bounded number of times. Tables already there are not created again, so that a role
        without CREATE rights (an operator's) can open a PostgreSQL store."""

        def attempt(last: bool) -> None:
            env = self.store.event_store_env(read_only=self.read_only)
            try:
                if env.get("CREATE_TABLE") != "no" and self.store.prepare():
                    env["CREATE_TABLE"] = "no"
                super(EnvTrack, self).__init__(env=env)
            except (*self.store.busy_errors, *OPENING_RACES) as error:
                factory = getattr(self, "factory", None)
                if factory is not None:
                    factory.close()
                if isinstance(error, self.store.busy_errors):
                    raise OperationalError(str(error)) from error
                raise

        retrying(attempt, lost=OPENING_RACES, is_race=self._is_opening_race)

    def _is_opening_race(self, error: Exception) -> bool:
        """Whether opening lost a race: any error of ``OPENING_RACES`` but a ProgrammingError,
        which is one only when another process created the same object a moment before (any
        other, a missing grant, is not a race)."""
        return not isinstance(error, ProgrammingError) or self.store.is_creation_race(error)

    def close(self) -> None:
        self.store.close()
        super().close()

    def register_transcodings(self, transcoder: Any) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    def _take_snapshots(self, processing_event: Any) -> None:
        """Snapshots each aggregate of SNAPSHOT_INTERVALS at every multiple of its interval.
        Snapshots are an optimisation taken after the events are saved: a failure to write one
        must not make the command look failed (and be retried into a duplicate)."""
        for event in processing_event.events:
            aggregate = processing_event.aggregates.get(event.originator_id)
            interval = None if aggregate is None else SNAPSHOT_INTERVALS.get(get_topic(type(aggregate)))
            if interval and event.originator_version % interval == 0:
                try:
                    self.take_snapshot(event.originator_id, version=event.originator_version)
                except PersistenceError:
                    return


OPENING_RACES: tuple[type[Exception], ...] = (OperationalError, IntegrityError, InternalError, ProgrammingError)
"""What a process that lost the race to create a new store raises."""


def open_app(
    store: Store, *, operator: str, create: bool | None, read_only: bool = False, **kwargs: Any
) -> EnvTrack:
    """Opens the application. ``create=True`` may start a store; ``False`` (or ``read_only``: a
    command that only reads) refuses one that is not there; ``None`` (a recording command)
    refuses where there is certainly none, a check that opens no connection
    (``Store.is_absent``). A reader opens the store without writing anything (read-only media
    included); a store that cannot be written is refused to every other caller: it is going to
    record."""
    if create is False or read_only:
        require_store(store)
    elif create is None and store.is_absent():
        raise NotFound("db", store.display, "no_store_here", path=store.location)
    if not read_only and create is not False and store.is_read_only():
        raise Refused("db", store.display, "store_read_only")
    return EnvTrack(store, operator=operator, read_only=read_only, **kwargs)


def require_store(store: Store) -> None:
    """Refuses a store that does not exist, saying where it was looked for: in a wrong folder,
    the advice is to change folder or give ``--db``."""
    if not store.exists():
        raise NotFound("db", store.display, "no_store_here", path=store.location)

"""What every store offers, whatever its backend: the interface the application, the importer
and the read models use, and the parts every backend shares.

A store holds one connection of its own for the queries it runs itself (does the store exist,
the head of the log, pages of the log, ids already present, turns on PostgreSQL), opened when
first needed and kept until ``close()``, so that a command opens it once however many questions
it asks. The event library opens its own connections from the settings ``event_store_env()``
gives it; the read models open theirs through ``engine()``.
"""

from __future__ import annotations

import os
import sys
import weakref
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, ClassVar
from uuid import UUID

from envtrack.store.copies import Copy, Held

if TYPE_CHECKING:  # the read models' types: the recording path never loads SQLAlchemy
    from sqlalchemy import Select, Table
    from sqlalchemy.engine import Connection, Engine

DEFAULT_DB = "envtrack.db"
APPLICATION_NAME = "EnvTrack"
"""The event library's application name: it names the PostgreSQL tables (``envtrack_events``)."""

LogRow = tuple[int, UUID, int, str, bytes]
"""(position, originator_id, originator_version, topic, state): one stored event, undecoded."""

TURN_WAIT_S = 60
LOCK_TIMEOUT_SETTING = "ENVTRACK_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT_S = 30


class StoreError(Exception):
    """A store that cannot be used as given (bad URL, missing store, unreachable server)."""


def driver_errors() -> tuple[type[Exception], ...]:
    """The error classes of the database drivers this process has already imported (a server
    refusing a role, a lock held too long …), for callers that report them without naming them.
    Drivers not yet imported are not loaded just to be looked at."""
    return tuple(
        getattr(sys.modules[module], name)
        for module, name in (("sqlalchemy.exc", "DBAPIError"), ("psycopg", "Error"), ("sqlite3", "Error"))
        if module in sys.modules
    )


def lock_timeout_from_environment() -> int:
    """``ENVTRACK_LOCK_TIMEOUT``: how many seconds any wait for a database lock may last (30
    when unset), a whole number greater than 0."""
    from domain.errors import InvalidValue

    text = os.environ.get(LOCK_TIMEOUT_SETTING, "").strip()
    if not text:
        return DEFAULT_LOCK_TIMEOUT_S
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise InvalidValue(LOCK_TIMEOUT_SETTING, text, "not_seconds")
    return int(text)


class Store(ABC):
    """Where the event log and the read models live: one subclass per backend.

    Every wait for a lock (the insert lock, a read-model table, another writer of a SQLite
    file) lasts at most ``lock_timeout`` seconds (``ENVTRACK_LOCK_TIMEOUT``), then fails with
    an error that ``is_lock_timeout`` recognises."""

    backend: ClassVar[str]  # "sqlite" | "postgres"
    busy_errors: ClassVar[tuple[type[Exception], ...]] = ()
    """Driver errors that mean "busy, try again" while a store is being created, for callers
    that retry without naming the driver."""
    param_marker: ClassVar[str]
    """How the read models' driver marks a parameter in SQL (``?`` or ``%s``)."""
    retry_after_lock_timeout: ClassVar[bool] = False
    """Whether the backend's lock-timeout error also means, when it comes back sooner than the
    timeout, a race lost at once (then the command is retried)."""
    most_inserted_together: ClassVar[int] = 10_000
    """Events a writer of many (an import) inserts in one transaction at most."""
    ids_as_hex: ClassVar[bool] = False
    """Whether the events recorder takes an originator id as the hex text its table holds."""
    parameter_marker: ClassVar[str]
    """How a parameter is written in the driver's own SQL (``cursor.execute``)."""
    reads_beside: ClassVar[bool] = False
    """Whether a rebuild of a long log has a forked reader read and map it while it writes
    (``projections/pages.py``): where that was measured to shorten it."""

    def __init__(self, display: str) -> None:
        self.display = display  # safe to print: never carries a password
        self.lock_timeout = lock_timeout_from_environment()
        self._connection: Any = None
        self._close_connection: Callable[[], object] = lambda: None
        self._turns: Turns | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.display!r})"

    @property
    def location(self) -> str:
        """Where the store is, for people told that there is none there (a file's full path)."""
        return self.display

    # -- the store's own connection --------------------------------------------------------------

    @abstractmethod
    def _connect(self) -> Any:
        """Opens the store's own connection (a DB-API connection of the backend's driver)."""

    def connection(self) -> Any:
        """The store's own connection, opened on first use and kept until ``close()``; a store
        forgotten without ``close()`` gives it back when it is collected."""
        if self._connection is None:
            connection = self._connect()
            self._close_connection = weakref.finalize(self, connection.close)
            self._connection = connection
        return self._connection

    def close(self) -> None:
        """Gives back the turns and the store's own connection; the store stays usable and
        connects again when next asked."""
        if self._turns is not None:
            self._turns.close()
        if self._connection is not None:
            self._connection = None
            self._close_connection()  # a finalizer runs once: collecting the store closes nothing more

    def in_forked_child(self) -> None:
        """In a child forked from the process that opened this store (``forking.py``): the
        next question opens the child's own connection. The parent's is kept, never used nor
        closed (closing it here would end the parent's session too: a PostgreSQL connection
        says goodbye to the server), until the child ends with ``os._exit``."""
        if isinstance(self._close_connection, weakref.finalize):
            self._close_connection.detach()
        self._inherited = (self._connection, self._turns)
        self._connection, self._turns = None, None
        self._close_connection = lambda: None

    def without_password(self, message: str) -> str:
        """``message`` with the store's password (if it has one) masked."""
        return message

    def is_lock_timeout(self, error: BaseException) -> bool:
        """Whether ``error`` (or what caused it) is a wait for a lock that ran out of time."""
        seen = 0
        found: BaseException | None = error
        while found is not None and seen < 8:
            if self._is_lock_timeout(found):
                return True
            found = getattr(found, "orig", None) or found.__cause__
            seen += 1
        return False

    def _is_lock_timeout(self, error: BaseException) -> bool:
        return False

    # -- the event log ---------------------------------------------------------------------------

    @property
    @abstractmethod
    def events_table(self) -> str:
        """The events table, qualified as SQL needs it."""

    @abstractmethod
    def event_store_env(self, *, read_only: bool = False) -> dict[str, str]:
        """Settings for the ``eventsourcing`` Application (passed as its ``env``); ``read_only``
        for a command that only reads (it never creates, changes or locks anything)."""

    def is_read_only(self) -> bool:
        """Whether nothing can be written to the store (a read-only file, folder or disk)."""
        return False

    @abstractmethod
    def exists(self) -> bool:
        """Whether the event log has been created (read-only commands never create it)."""

    def is_absent(self) -> bool:
        """Whether there is certainly no store here, asked as cheaply as the backend can (a
        recording command asks it before opening the store, and must not open a connection
        more for it)."""
        return not self.exists()

    def prepare(self) -> bool:
        """Makes what the library does not create itself, and says whether every table is there
        already (then nothing needs creating). Nothing to make, and False, unless the backend
        says otherwise."""
        return False

    def is_creation_race(self, error: BaseException) -> bool:
        """Whether ``error``, raised while creating the store, only says that another process
        created the same object a moment before."""
        return False

    @abstractmethod
    def head_position(self) -> int:
        """The position of the newest event in the log (0 when empty)."""

    def read_log(
        self,
        *,
        after: int = 0,
        upto: int | None = None,
        topics: list[str] | None = None,
        page_size: int = 20_000,
        raw_ids: bool = False,
    ) -> Iterator[list[LogRow]]:
        """Pages of stored events in log order, from just after ``after`` up to ``upto``
        (inclusive), optionally only some topics. Rows are not decoded: ``state`` is the JSON
        bytes the library stored (uncompressed, unencrypted: envtrack configures neither).
        ``raw_ids`` leaves SQLite's originator ids as the hex strings stored (bulk readers skip
        making UUIDs)."""
        stop = self.head_position() if upto is None else upto
        position = after
        while position < stop:
            rows = self._log_page(position, stop, topics, page_size, raw_ids)
            if not rows:
                break
            yield rows
            position = rows[-1][0]

    @abstractmethod
    def _log_page(
        self, after: int, upto: int, topics: list[str] | None, limit: int, raw_ids: bool
    ) -> list[LogRow]:
        """At most ``limit`` stored events after ``after`` up to ``upto``, in log order."""

    def page_start(self, stop: int, count: int) -> int | None:
        """The lowest position of the ``count`` newest events at or below ``stop`` (None when
        there is none): where a page read backwards from ``stop`` begins."""
        return self._page_start(stop, count)

    @abstractmethod
    def _page_start(self, stop: int, count: int) -> int | None: ...

    def missing_positions(self, after: int, upto: int) -> list[tuple[int, int]]:
        """The ranges ``(low, high)`` (inclusive) of positions after ``after`` up to ``upto``
        that hold no committed event: numbers given to inserts rolled back, or not yet
        committed (the read models look there again for an event committed late). Counting the
        events first answers the usual case, none missing, in a fifth of the time of finding
        the ranges (0.19 s against 1.1 s over a million events on SQLite)."""
        if upto <= after or self._events_between(after, upto) == upto - after:
            return []
        return self._missing_ranges(after, upto)

    @abstractmethod
    def _events_between(self, after: int, upto: int) -> int:
        """How many committed events have a position after ``after`` up to ``upto``."""

    @abstractmethod
    def _missing_ranges(self, after: int, upto: int) -> list[tuple[int, int]]:
        """``missing_positions`` found with a window over every position of the range."""

    def existing_ids(self, ids: list[UUID]) -> set[UUID]:
        """Which of ``ids`` already have events in the log: one primary-key query for the lot
        (callers pass a batch, e.g. 1,000 ids)."""
        return self._first_events_of(ids) if ids else set()

    @abstractmethod
    def _first_events_of(self, ids: list[UUID]) -> set[UUID]:
        """Those of ``ids`` (not empty) that have a first event in the log."""

    def find_ids_by_prefix(self, prefix: str, topics: list[str], limit: int = 2) -> list[UUID]:
        """Ids of aggregates whose first event has one of ``topics`` and whose id starts with
        ``prefix`` (hex digits, dashes ignored), in order: a range scan on the events table's
        primary key. At most ``limit``: two tell a unique prefix from an ambiguous one."""
        digits = prefix.replace("-", "").lower()
        low, high = UUID(digits.ljust(32, "0")), UUID(digits.ljust(32, "f"))
        return self._first_ids_between(low, high, topics, limit)

    @abstractmethod
    def _first_ids_between(self, low: UUID, high: UUID, topics: list[str], limit: int) -> list[UUID]:
        """Up to ``limit`` ids between ``low`` and ``high``, in order, whose first event has one
        of ``topics``."""

    # -- what sync needs (see envtrack/sync/) ------------------------------------------------------
    # The store id, the events copied in and those held aside live in small tables of envtrack's
    # own beside the library's, made with them (see the backends' recorders); the positions
    # taken from each other store are the library's own tracking records.

    @abstractmethod
    def store_id(self) -> str | None:
        """The store's id: a UUID made once, when its tables were made (None for a store made
        before there were store ids that nobody allowed to create tables has opened since)."""

    @abstractmethod
    def events_at(self, keys: Sequence[tuple[UUID, int]]) -> dict[tuple[UUID, int], tuple[str, bytes]]:
        """The topic and state of the events this store holds at those (aggregate, version)."""

    @abstractmethod
    def copies(self, after: int, upto: int) -> dict[int, Copy]:
        """The events copied in from other stores at positions after ``after`` up to ``upto``."""

    @abstractmethod
    def last_copy(self, source_store: str) -> tuple[int, int] | None:
        """(position here, position there) of the latest event copied in from ``source_store``."""

    @abstractmethod
    def tracked(self) -> dict[str, int]:
        """The last position taken from each store this one has taken events from, by store id
        (and, under ``EXPORTED``, the last of its own positions written to a bundle)."""

    @abstractmethod
    def copied_counts(self) -> dict[str, int]:
        """How many events were copied in from each store, by store id."""

    @abstractmethod
    def held(self, source_store: str | None = None) -> list[Held]:
        """The incoming events held aside (from one store, if given), in the order they came."""

    @property
    def turns(self) -> Turns:
        """The store's turns (see ``Turns``), given back by ``close()``."""
        if self._turns is None:
            self._turns = self._make_turns()
        return self._turns

    @abstractmethod
    def _make_turns(self) -> Turns: ...

    # -- what the read models need ---------------------------------------------------------------

    @property
    @abstractmethod
    def read_model_schema(self) -> str | None:
        """The schema the read-model tables live in (None: the database's default)."""

    @abstractmethod
    def engine(self, *, read_only: bool = False) -> Engine:
        """A SQLAlchemy engine on the store's database, for the read models (its caller
        disposes of it); ``read_only`` to read them where the store cannot be written."""

    @abstractmethod
    def writing(self, engine: Engine) -> AbstractContextManager[Connection]:
        """A write transaction on the read models, begun so that two processes never write one
        store's read models at once (nor create their tables or first positions together)."""

    @abstractmethod
    def reading(self, engine: Engine) -> AbstractContextManager[Connection]:
        """A read transaction that sees one consistent snapshot of the read models."""

    def for_update(self, query: Select) -> Select:
        """``query``, locking the rows it reads until the write transaction ends where the
        backend needs it (not where a write transaction already excludes every other writer)."""
        return query

    @abstractmethod
    def insert_rows(self, conn: Connection, table: Table, columns: list[str], rows: Iterable[Sequence[Any]]) -> None:
        """Inserts ``rows`` (sequences in ``columns`` order) into ``table`` in bulk, straight
        through the driver: SQLAlchemy's per-row parameter processing would cost more than the
        rest of a rebuild."""

    def exact_sum(self, conn: Connection) -> str | None:
        """The name of an SQL aggregate that sums floats as ``math.fsum`` does (the correctly
        rounded sum, whatever the order), made available on ``conn``; None where the backend
        has none (the sums are then made in Python)."""
        return None


class Turns(ABC):
    """Turns at the records several operators may change at once (a school's supply ledger, a
    pond, a site, an entry being voided), taken across processes while one command loads and
    saves such a record, so that operators at one school take turns instead of colliding again
    and again (optimistic concurrency alone lets a fast process win every race while another
    loses them all). Records of different schools or ponds have different turns.

    Each backend takes a turn its own way (see ``SQLiteTurns`` and ``PostgresTurns``). Turns
    are given back when the command is saved, or when its process dies. If a turn cannot be had
    within a minute (or the system cannot lock files), the command goes on without it, relying
    on retries."""

    def __init__(self) -> None:
        self._lock: Any = None
        self._held: list[int] = []

    def hold(self, record_ids: Iterable[UUID]) -> bool | None:
        """Takes the turns of these records, keeping those already held; returns whether it had
        to wait for one (so others may have changed them meanwhile), or None without turns."""
        import zlib  # only commands that take turns load it

        wanted = sorted({zlib.crc32(record_id.bytes) for record_id in record_ids})
        if all(key in self._held for key in wanted):
            return False
        self.release()  # all in one order: two commands never wait for each other
        try:
            if self._lock is None:
                self._lock = self._open()
            if self._lock is None:
                return None
            waited = False
            for key in wanted:
                waited = self._take(key) or waited
                self._held.append(key)
            return waited
        except Exception:  # no turn to be had (a lock timeout, a lost connection): retries only
            self.close()
            return None

    def release(self) -> None:
        if not self._held:
            return
        try:
            self._give_back(self._held)
        except Exception:  # closing the file or the session gives the turns back too
            self.close()
        self._held = []

    def close(self) -> None:
        self._held = []
        if self._lock is not None:
            lock, self._lock = self._lock, None
            self._close(lock)

    @abstractmethod
    def _open(self) -> Any:
        """What turns are taken on (None: no turns on this system)."""

    @abstractmethod
    def _take(self, key: int) -> bool:
        """Takes one turn; whether it had to wait for it."""

    @abstractmethod
    def _give_back(self, keys: list[int]) -> None:
        """Gives back the turns held."""

    @abstractmethod
    def _close(self, lock: Any) -> None:
        """Closes what turns were taken on, which gives back any still held."""

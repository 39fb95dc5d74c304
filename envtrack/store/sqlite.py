"""The embedded store: one SQLite file, through the library's core ``eventsourcing.sqlite`` module.

The store's own connection only reads (every query it runs is a SELECT), so it is opened
read-only: asking whether a store exists never creates a file. Commands that only read open the
event log read-only too (``mode=ro``); on read-only media, where SQLite cannot make the
shared-memory file a write-ahead log needs beside the store, they open it as ``immutable=1``.
"""

from __future__ import annotations

import math
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import quote
from uuid import UUID

from envtrack.store.base import TURN_WAIT_S, LogRow, Store, Turns
from envtrack.store.copies import COPIED_TABLE, HELD_TABLE, STORE_ID, STORE_TABLE, Copy, Held

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.engine import Connection, Engine

SQLITE_EVENTS_TABLE = "stored_events"
SQLITE_SNAPSHOTS_TABLE = "stored_snapshots"  # the library's names for them
SQLITE_TRACKING_TABLE = "tracking"
STORE_OBJECTS = (
    SQLITE_EVENTS_TABLE, SQLITE_SNAPSHOTS_TABLE, SQLITE_TRACKING_TABLE, STORE_TABLE, COPIED_TABLE, HELD_TABLE,
    f"{COPIED_TABLE}_source",
)
"""Every table and index the library and ``sqlite_recorder.EventsRecorder`` make in a store."""
PAIRS_PER_QUERY = 400


class SQLiteStore(Store):
    """A store in one SQLite file (``sqlite_path``)."""

    backend = "sqlite"
    busy_errors = (sqlite3.OperationalError,)
    """SQLite's "database is locked" while another process creates the tables."""
    param_marker = "?"
    retry_after_lock_timeout = True  # SQLite is "locked" at once too, for a write that lost a race
    ids_as_hex = True  # the library's recorder stores a UUID as its hex, and a text as it is
    most_inserted_together = 30_000
    """Each commit syncs the WAL file and, the WAL being full by then, checkpoints it: a third of
    the commits of 10,000 made a 300,000-row import 5 % faster. Such an insert holds the write
    lock for about a fifth of a second, well inside another writer's busy timeout."""
    parameter_marker = "?"
    reads_beside = True  # a million-event rebuild a fifth shorter (bench/README.md, Rebuild)

    def __init__(self, path: str) -> None:
        super().__init__(display=path)
        self.sqlite_path = path
        self._read_only_uri: str | None = None

    @property
    def location(self) -> str:
        return os.path.abspath(self.sqlite_path)

    def _connect(self) -> sqlite3.Connection:
        """Read-only: ``mode=ro``, or ``immutable=1`` where that cannot read the store and nothing
        can be written (read-only media); the URI is kept for ``read_only_uri``."""
        base = f"file:{quote(os.path.abspath(self.sqlite_path))}"
        for uri in ([self._read_only_uri] if self._read_only_uri else [f"{base}?mode=ro", f"{base}?immutable=1"]):
            connection = None
            try:
                connection = sqlite3.connect(uri, uri=True, timeout=self.lock_timeout)
                connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:
                if connection is not None:
                    connection.close()
                if uri.endswith("immutable=1") or not (os.path.isfile(self.sqlite_path) and self.is_read_only()):
                    raise
                continue
            self._read_only_uri = uri
            return connection
        raise AssertionError("unreachable")  # pragma: no cover

    def read_only_uri(self) -> str:
        """The URI that opens the store without writing (found by the store's own connection)."""
        if self._read_only_uri is None:
            self.connection()
        assert self._read_only_uri is not None
        return self._read_only_uri

    def is_read_only(self) -> bool:
        """The file, or the folder SQLite keeps its journal in, cannot be written: a read-only
        disk, no write permission, or no write bit for anyone (which even root is taken to mean)."""
        path = os.path.abspath(self.sqlite_path)
        folder = os.path.dirname(path)
        try:
            if os.statvfs(folder).f_flag & os.ST_RDONLY:
                return True
            for target in ([path] if os.path.exists(path) else []) + [folder]:
                if not os.access(target, os.W_OK) or not os.stat(target).st_mode & 0o222:
                    return True
        except OSError:
            return False  # a folder that is not there: creating the store says why
        return False

    def _is_lock_timeout(self, error: BaseException) -> bool:
        """SQLite's "database is locked" (or a table of it): another connection kept the lock
        for the whole of the busy timeout."""
        return isinstance(error, sqlite3.OperationalError) and "is locked" in str(error)

    def _rows(self, query: str, params: Sequence[Any] = ()) -> list[Any]:
        return self.connection().execute(query, params).fetchall()

    # -- the event log ---------------------------------------------------------------------------

    @property
    def events_table(self) -> str:
        return SQLITE_EVENTS_TABLE

    def event_store_env(self, *, read_only: bool = False) -> dict[str, str]:
        env = {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": self.read_only_uri() if read_only else self.sqlite_path,
            "SQLITE_LOCK_TIMEOUT": str(self.lock_timeout),
            # Events with tracking records, copies and held events (envtrack/store/sqlite_recorder.py);
            # one tracking row per sync, so that recording them needs only INSERT.
            "APPLICATION_RECORDER_TOPIC": "envtrack.store.sqlite_recorder:EventsRecorder",
            "SINGLE_ROW_TRACKING": "no",
        }
        if read_only:
            env["CREATE_TABLE"] = "no"
        return env

    def is_absent(self) -> bool:
        return not os.path.isfile(self.sqlite_path)  # no connection: the file is enough to say

    def prepare(self) -> bool:
        """Whether every table and index of the store, and its id, are there already: then the
        library runs none of its ``CREATE … IF NOT EXISTS`` (two transactions and nine
        statements at every start). Asked only on the store's own connection when a command
        opened it already (a name resolved through it): opening it only to ask would cost more
        than it saves."""
        if self._connection is None:
            return False
        marks = ",".join("?" for _ in STORE_OBJECTS)
        found = self._rows(f"SELECT count(*) FROM sqlite_master WHERE name IN ({marks})", STORE_OBJECTS)[0][0]
        return found == len(STORE_OBJECTS) and bool(
            self._rows(f"SELECT 1 FROM {STORE_TABLE} WHERE key = ?", (STORE_ID,))
        )

    def exists(self) -> bool:
        if not os.path.isfile(self.sqlite_path):
            return False
        query = "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?"
        return bool(self._rows(query, (SQLITE_EVENTS_TABLE,)))

    def head_position(self) -> int:
        return int(self._rows(f"SELECT MAX(rowid) FROM {SQLITE_EVENTS_TABLE}")[0][0] or 0)

    def _log_page(
        self, after: int, upto: int, topics: list[str] | None, limit: int, raw_ids: bool
    ) -> list[LogRow]:
        topic_filter = f" AND topic IN ({','.join('?' for _ in topics)})" if topics else ""
        rows = self._rows(
            f"SELECT rowid, originator_id, originator_version, topic, state FROM {SQLITE_EVENTS_TABLE} "
            f"WHERE rowid > ? AND rowid <= ?{topic_filter} ORDER BY rowid LIMIT ?",
            (after, upto, *(topics or ()), limit),
        )
        return rows if raw_ids else [(r[0], UUID(r[1]), r[2], r[3], r[4]) for r in rows]

    def _page_start(self, stop: int, count: int) -> int | None:
        query = f"SELECT MIN(rowid) FROM (SELECT rowid FROM {SQLITE_EVENTS_TABLE} WHERE rowid <= ? ORDER BY rowid DESC LIMIT ?)"
        value = self._rows(query, (stop, count))[0][0]
        return None if value is None else int(value)

    def _events_between(self, after: int, upto: int) -> int:
        return int(self._rows(f"SELECT COUNT(*) FROM {SQLITE_EVENTS_TABLE} WHERE rowid > ? AND rowid <= ?", (after, upto))[0][0])

    def _missing_ranges(self, after: int, upto: int) -> list[tuple[int, int]]:
        rows = self._rows(
            "SELECT prev + 1, pos - 1 FROM (SELECT pos, LAG(pos, 1, ?) OVER (ORDER BY pos) AS prev FROM ("
            f"SELECT rowid AS pos FROM {SQLITE_EVENTS_TABLE} WHERE rowid > ? AND rowid <= ? UNION ALL SELECT ?)) "
            "WHERE pos - prev > 1 ORDER BY pos",
            (after, after, upto, upto + 1),
        )
        return [(int(low), int(high)) for low, high in rows]

    def _first_events_of(self, ids: list[UUID]) -> set[UUID]:
        rows = self._rows(
            f"SELECT originator_id FROM {SQLITE_EVENTS_TABLE} "
            f"WHERE originator_version = 1 AND originator_id IN ({','.join('?' for _ in ids)})",
            [i.hex for i in ids],
        )
        return {UUID(row[0]) for row in rows}

    def _first_ids_between(self, low: UUID, high: UUID, topics: list[str], limit: int) -> list[UUID]:
        rows = self._rows(
            f"SELECT originator_id FROM {SQLITE_EVENTS_TABLE} "
            "WHERE originator_id BETWEEN ? AND ? AND originator_version = 1 "
            f"AND topic IN ({','.join('?' for _ in topics)}) ORDER BY originator_id LIMIT ?",
            (low.hex, high.hex, *topics, limit),
        )
        return [UUID(row[0]) for row in rows]

    # -- what sync needs -------------------------------------------------------------------------

    def _table_exists(self, name: str) -> bool:
        return bool(self._rows("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)))

    def store_id(self) -> str | None:
        if not self._table_exists(STORE_TABLE):
            return None
        rows = self._rows(f"SELECT value FROM {STORE_TABLE} WHERE key = ?", (STORE_ID,))
        return rows[0][0] if rows else None

    def events_at(self, keys: Sequence[tuple[UUID, int]]) -> dict[tuple[UUID, int], tuple[str, bytes]]:
        found: dict[tuple[UUID, int], tuple[str, bytes]] = {}
        for start in range(0, len(keys), PAIRS_PER_QUERY):
            chunk = keys[start : start + PAIRS_PER_QUERY]
            pairs = ",".join("(?,?)" for _ in chunk)
            rows = self._rows(  # CROSS JOIN: the pairs first, each one primary-key lookup
                f"SELECT e.originator_id, e.originator_version, e.topic, e.state FROM (VALUES {pairs}) AS k "
                f"CROSS JOIN {SQLITE_EVENTS_TABLE} e ON e.originator_id = k.column1 AND e.originator_version = k.column2",
                [value for key in chunk for value in (key[0].hex, key[1])],
            )
            found.update({(UUID(r[0]), r[1]): (r[2], bytes(r[3])) for r in rows})
        return found

    def copies(self, after: int, upto: int) -> dict[int, Copy]:
        if not self._table_exists(COPIED_TABLE):
            return {}
        rows = self._rows(f"SELECT * FROM {COPIED_TABLE} WHERE position > ? AND position <= ?", (after, upto))
        return {row[0]: Copy(*row[1:]) for row in rows}

    def last_copy(self, source_store: str) -> tuple[int, int] | None:
        if not self._table_exists(COPIED_TABLE):
            return None
        rows = self._rows(
            f"SELECT position, source_position FROM {COPIED_TABLE} WHERE source_store = ? "
            "ORDER BY source_position DESC LIMIT 1",
            (source_store,),
        )
        return (rows[0][0], rows[0][1]) if rows else None

    def tracked(self) -> dict[str, int]:
        if not self._table_exists(SQLITE_TRACKING_TABLE):
            return {}
        query = f"SELECT application_name, MAX(notification_id) FROM {SQLITE_TRACKING_TABLE} GROUP BY 1"
        return dict(self._rows(query))

    def copied_counts(self) -> dict[str, int]:
        if not self._table_exists(COPIED_TABLE):
            return {}
        return dict(self._rows(f"SELECT source_store, COUNT(*) FROM {COPIED_TABLE} GROUP BY 1"))

    def held(self, source_store: str | None = None) -> list[Held]:
        if not self._table_exists(HELD_TABLE):
            return []
        where, params = ("WHERE source_store = ? ", (source_store,)) if source_store else ("", ())
        rows = self._rows(f"SELECT * FROM {HELD_TABLE} {where}ORDER BY source_store, source_position", params)
        return [Held(r[0], r[1], UUID(r[2]), r[3], r[4], bytes(r[5]), r[6], UUID(r[7]), r[8]) for r in rows]

    def _make_turns(self) -> SQLiteTurns:
        return SQLiteTurns(self.sqlite_path)

    # -- what the read models need ---------------------------------------------------------------

    @property
    def read_model_schema(self) -> None:
        return None

    def sqlalchemy_url(self, *, read_only: bool = False) -> str:
        if read_only:
            return f"sqlite:///{self.read_only_uri()}&uri=true"
        return f"sqlite:///{os.path.abspath(self.sqlite_path)}"

    def engine(self, *, read_only: bool = False) -> Engine:
        """An engine whose transactions really are transactions on SQLite too.

        The ``sqlite3`` driver starts no transaction before DDL, which would make the rebuild's
        swap non-atomic; so the driver's own handling is switched off and each transaction
        begins explicitly, ``IMMEDIATE`` (taking the write lock up front) when it is to write.
        """
        from sqlalchemy import create_engine, event

        engine = create_engine(self.sqlalchemy_url(read_only=read_only), connect_args={"timeout": self.lock_timeout})

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None
            # WAL with synchronous=NORMAL never corrupts the file; a power cut may lose the last
            # commits of a read model, which the next update recomputes from the log.
            dbapi_connection.execute("PRAGMA synchronous=NORMAL")
            dbapi_connection.execute("PRAGMA cache_size=-65536")

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            writing = conn.get_execution_options().get("envtrack_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

        return engine

    @contextmanager
    def writing(self, engine: Engine) -> Iterator[Connection]:
        """Takes the file's write lock as it begins (``BEGIN IMMEDIATE``): one writer at a time."""
        with engine.connect() as conn:
            conn.execution_options(envtrack_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def reading(self, engine: Engine) -> Iterator[Connection]:
        """In WAL mode one transaction reads one snapshot, from its first read to its end."""
        with engine.connect() as conn, conn.begin():
            yield conn

    def exact_sum(self, conn: Connection) -> str | None:
        """``envtrack_fsum``: ``math.fsum`` as an aggregate of this connection (SQLite's own
        ``SUM`` adds in turn, rounding at each step)."""
        conn.connection.driver_connection.create_aggregate(EXACT_SUM, 1, _ExactSum)
        return EXACT_SUM

    def insert_rows(self, conn: Connection, table: Table, columns: list[str], rows: Iterable[Sequence[Any]]) -> None:
        """The driver's ``executemany``, given lists."""
        preparer = conn.dialect.identifier_preparer
        names = ", ".join(preparer.quote(column) for column in columns)
        markers = ", ".join("?" for _ in columns)
        cursor = conn.connection.cursor()
        try:
            cursor.executemany(f"INSERT INTO {preparer.format_table(table)} ({names}) VALUES ({markers})", list(rows))
        finally:
            cursor.close()


EXACT_SUM = "envtrack_fsum"


class _ExactSum:
    """The values of a group, summed with ``math.fsum`` once all are in."""

    def __init__(self) -> None:
        self.values: list[float] = []

    def step(self, value: float) -> None:
        self.values.append(value)

    def finalize(self) -> float:
        return math.fsum(self.values)


class SQLiteTurns(Turns):
    """Turns on SQLite: a lock on one byte of the file ``<store>-turn`` beside the store."""

    def __init__(self, sqlite_path: str) -> None:
        super().__init__()
        self.path = f"{sqlite_path}-turn"

    def _open(self) -> Any:
        try:
            import fcntl  # noqa: F401 - POSIX only; elsewhere commands rely on retries
        except ImportError:
            return None
        return open(self.path, "a")  # noqa: SIM115 - closed in close()

    def _take(self, key: int) -> bool:
        import fcntl
        import time

        deadline = time.monotonic() + TURN_WAIT_S
        waited = False
        while True:
            try:
                fcntl.lockf(self._lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB, 1, key)
                return waited
            except OSError:
                if time.monotonic() > deadline:
                    raise
                waited = True
                time.sleep(0.001)

    def _give_back(self, keys: list[int]) -> None:
        import fcntl

        for key in keys:
            fcntl.lockf(self._lock.fileno(), fcntl.LOCK_UN, 1, key)

    def _close(self, lock: Any) -> None:
        lock.close()

"""The embedded store: one SQLite file, through the library's core ``eventsourcing.sqlite`` module.

The store's own connection only reads (every query it runs is a SELECT), so it is opened
read-only: asking whether a store exists never creates a file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import quote
from uuid import UUID

from envtrack.store.base import TURN_WAIT_S, LogRow, Store, Turns

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.engine import Connection, Engine

SQLITE_LOCK_TIMEOUT_S = 30
SQLITE_EVENTS_TABLE = "stored_events"


class SQLiteStore(Store):
    """A store in one SQLite file (``sqlite_path``)."""

    backend = "sqlite"
    busy_errors = (sqlite3.OperationalError,)
    """SQLite's "database is locked" while another process creates the tables."""
    param_marker = "?"

    def __init__(self, path: str) -> None:
        super().__init__(display=path)
        self.sqlite_path = path

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{quote(self.sqlite_path)}?mode=ro", uri=True, timeout=SQLITE_LOCK_TIMEOUT_S)

    def _rows(self, query: str, params: Sequence[Any] = ()) -> list[Any]:
        return self.connection().execute(query, params).fetchall()

    # -- the event log ---------------------------------------------------------------------------

    @property
    def events_table(self) -> str:
        return SQLITE_EVENTS_TABLE

    def event_store_env(self) -> dict[str, str]:
        return {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": self.sqlite_path,
            "SQLITE_LOCK_TIMEOUT": str(SQLITE_LOCK_TIMEOUT_S),
        }

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

    def _first_events_of(self, ids: list[UUID]) -> set[UUID]:
        rows = self._rows(
            f"SELECT originator_id FROM {SQLITE_EVENTS_TABLE} "
            f"WHERE originator_version = 1 AND originator_id IN ({','.join('?' for _ in ids)})",
            [i.hex for i in ids],
        )
        return {UUID(row[0]) for row in rows}

    def _first_ids_between(self, low: UUID, high: UUID, topics: list[str]) -> list[UUID]:
        rows = self._rows(
            f"SELECT originator_id FROM {SQLITE_EVENTS_TABLE} "
            "WHERE originator_id BETWEEN ? AND ? AND originator_version = 1 "
            f"AND topic IN ({','.join('?' for _ in topics)}) LIMIT 2",
            (low.hex, high.hex, *topics),
        )
        return [UUID(row[0]) for row in rows]

    def _make_turns(self) -> SQLiteTurns:
        return SQLiteTurns(self.sqlite_path)

    # -- what the read models need ---------------------------------------------------------------

    @property
    def read_model_schema(self) -> None:
        return None

    def sqlalchemy_url(self) -> str:
        return f"sqlite:///{os.path.abspath(self.sqlite_path)}"

    def engine(self) -> Engine:
        """An engine whose transactions really are transactions on SQLite too.

        The ``sqlite3`` driver starts no transaction before DDL, which would make the rebuild's
        swap non-atomic; so the driver's own handling is switched off and each transaction
        begins explicitly, ``IMMEDIATE`` (taking the write lock up front) when it is to write.
        """
        from sqlalchemy import create_engine, event

        engine = create_engine(self.sqlalchemy_url(), connect_args={"timeout": SQLITE_LOCK_TIMEOUT_S})

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

"""The one place that knows persistence: ``--db`` (a path or a URL) → event store settings.

A bare path (or ``sqlite:///path``) means an embedded SQLite file through the library's core
``eventsourcing.sqlite`` module; a ``postgresql://user:password@host:port/dbname`` URL means
``eventsourcing.postgres``. ``?schema=NAME`` on a PostgreSQL URL keeps envtrack's tables in that
schema. Read models use the same database through SQLAlchemy.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit, urlunsplit
from uuid import UUID

DEFAULT_DB = "envtrack.db"
APPLICATION_NAME = "EnvTrack"
SQLITE_LOCK_TIMEOUT_S = 30
POSTGRES_EVENTS_TABLE = "envtrack_events"
POSTGRES_SNAPSHOTS_TABLE = "envtrack_snapshots"
POSTGRES_LOCK_FUNCTION = "envtrack_lock_events"  # see envtrack/postgres_events.py
SQLITE_EVENTS_TABLE = "stored_events"


class StoreError(Exception):
    """A store that cannot be used as given (bad URL, missing store, unreachable server)."""


BUSY_ERRORS: tuple[type[Exception], ...] = (sqlite3.OperationalError,)
"""Driver errors that mean "busy, try again" (SQLite's "database is locked" while another
process creates the tables), for callers that retry without naming the driver."""


def driver_errors() -> tuple[type[Exception], ...]:
    """The error classes of the database drivers this process has already imported (a server
    refusing a role, a lock held too long …), for callers that report them without naming them.
    Drivers not yet imported are not loaded just to be looked at."""
    return tuple(
        getattr(sys.modules[module], name)
        for module, name in (("sqlalchemy.exc", "DBAPIError"), ("psycopg", "Error"), ("sqlite3", "Error"))
        if module in sys.modules
    )


@dataclass(frozen=True)
class Store:
    """Where the event log and the read models live."""

    backend: str  # "sqlite" | "postgres"
    display: str  # safe to print: never carries a password
    sqlite_path: str | None = None
    host: str = ""
    port: int = 5432
    dbname: str = ""
    user: str = ""
    password: str = field(default="", repr=False)
    schema: str = ""

    @property
    def is_sqlite(self) -> bool:
        return self.backend == "sqlite"

    @property
    def events_table(self) -> str:
        """The events table, qualified as SQL needs it."""
        if self.is_sqlite:
            return SQLITE_EVENTS_TABLE
        return f"{self.schema or 'public'}.{POSTGRES_EVENTS_TABLE}"

    def event_store_env(self) -> dict[str, str]:
        """Settings for the ``eventsourcing`` Application (passed as its ``env``)."""
        if self.is_sqlite:
            return {
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "SQLITE_DBNAME": self.sqlite_path or DEFAULT_DB,
                "SQLITE_LOCK_TIMEOUT": str(SQLITE_LOCK_TIMEOUT_S),
            }
        env = {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": self.dbname,
            "POSTGRES_HOST": self.host,
            "POSTGRES_PORT": str(self.port),
            "POSTGRES_USER": self.user,
            "POSTGRES_PASSWORD": self.password,
            "POSTGRES_CONNECT_TIMEOUT": "10",
            "POSTGRES_LOCK_TIMEOUT": "30",
            "POSTGRES_POOL_SIZE": "2",
            "POSTGRES_MAX_OVERFLOW": "2",
            # Takes the insert lock through the owner's function: operators need no UPDATE/DELETE.
            "APPLICATION_RECORDER_TOPIC": "envtrack.postgres_events:EventsRecorder",
        }
        if self.schema:
            env["POSTGRES_SCHEMA"] = self.schema
        return env

    def sqlalchemy_url(self) -> str:
        """A URL for SQLAlchemy's ``create_engine`` (carries the password: never print it)."""
        if self.is_sqlite:
            return f"sqlite:///{os.path.abspath(self.sqlite_path or DEFAULT_DB)}"
        auth = self.user
        if self.password:
            auth = f"{quote(self.user)}:{quote(self.password)}"
        return f"postgresql+psycopg://{auth}@{self.host}:{self.port}/{self.dbname}"

    def psycopg_conninfo(self) -> dict[str, object]:
        return {
            "host": self.host,
            "port": self.port,
            "dbname": self.dbname,
            "user": self.user,
            "password": self.password or None,
            "connect_timeout": 10,
        }

    # -- existence -----------------------------------------------------------------------------

    def exists(self) -> bool:
        """Whether the event log has been created (read-only commands never create it)."""
        if self.is_sqlite:
            path = self.sqlite_path or DEFAULT_DB
            if not os.path.isfile(path):
                return False
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
                row = conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?",
                    (SQLITE_EVENTS_TABLE,),
                ).fetchone()
            return row is not None
        import psycopg

        try:
            with psycopg.connect(**self.psycopg_conninfo()) as conn:  # type: ignore[arg-type]
                row = conn.execute(
                    "SELECT to_regclass(%s)", (self.events_table,)
                ).fetchone()
        except psycopg.OperationalError as error:
            raise StoreError(f"cannot connect to {self.display}: {_without_password(str(error), self.password)}") from None
        return row is not None and row[0] is not None

    def prepare(self) -> bool:
        """Makes what the library does not create itself (a PostgreSQL schema), and says whether
        the PostgreSQL tables are all there already (then nothing needs creating: a role without
        CREATE rights, like an operator's, can open the store; SQLite always says False)."""
        if self.is_sqlite:
            return False
        import psycopg
        from psycopg import sql

        schema = self.schema or "public"
        try:
            with psycopg.connect(**self.psycopg_conninfo(), autocommit=True) as conn:  # type: ignore[arg-type]
                # An operator role may not create schemas: only ask for one that is missing.
                found = conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,)).fetchone()
                if found is None:
                    try:
                        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
                    except psycopg.errors.UniqueViolation:
                        pass  # another process created it at the same moment
                    return False
                row = conn.execute(
                    "SELECT to_regclass(format('%%I.%%I', %(s)s::text, %(e)s::text)) IS NOT NULL"
                    " AND to_regclass(format('%%I.%%I', %(s)s::text, %(n)s::text)) IS NOT NULL"
                    " AND to_regprocedure(format('%%I.%%I()', %(s)s::text, %(f)s::text)) IS NOT NULL",
                    {"s": schema, "e": POSTGRES_EVENTS_TABLE, "n": POSTGRES_SNAPSHOTS_TABLE, "f": POSTGRES_LOCK_FUNCTION},
                ).fetchone()
        except psycopg.OperationalError as error:
            raise StoreError(f"cannot connect to {self.display}: {_without_password(str(error), self.password)}") from None
        return bool(row and row[0])


TURN_WAIT_S = 60


class Turns:
    """Turns at the records several operators may change at once (a school's supply ledger, a
    pond, a site, an entry being voided), taken across processes while one command loads and
    saves such a record, so that operators at one school take turns instead of colliding again
    and again (optimistic concurrency alone lets a fast process win every race while another
    loses them all). Records of different schools or ponds have different turns.

    On PostgreSQL a turn is a session advisory lock on a connection of its own (no grant
    needed); on SQLite, a lock on one byte of the file ``<store>-turn`` beside the store. Turns
    are given back when the command is saved, or when its process dies. If a turn cannot be had
    within a minute (or the system cannot lock files), the command goes on without it, relying
    on retries."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock: Any = None
        self._held: list[int] = []

    def hold(self, record_ids: Iterator[UUID] | list[UUID]) -> bool | None:
        """Takes the turns of these records, keeping those already held; returns whether it had
        to wait for one (so others may have changed them meanwhile), or None without turns."""
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
            if self.store.is_sqlite:
                import fcntl

                for key in self._held:
                    fcntl.lockf(self._lock.fileno(), fcntl.LOCK_UN, 1, key)
            else:
                self._lock.execute("SELECT pg_advisory_unlock_all()")
        except Exception:  # closing the file or the session gives the turns back too
            self.close()
        self._held = []

    def close(self) -> None:
        self._held = []
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def _take(self, key: int) -> bool:
        """Takes one turn; whether it had to wait for it."""
        if not self.store.is_sqlite:
            space = zlib.crc32(f"envtrack/{self.store.schema or 'public'}".encode()) - 2**31
            free = self._lock.execute("SELECT pg_try_advisory_lock(%s, %s)", (space, key - 2**31)).fetchone()[0]
            if not free:
                self._lock.execute("SELECT pg_advisory_lock(%s, %s)", (space, key - 2**31))
            return not free
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

    def _open(self) -> Any:
        if self.store.is_sqlite:
            try:
                import fcntl  # noqa: F401 - POSIX only; elsewhere commands rely on retries
            except ImportError:
                return None
            return open(f"{self.store.sqlite_path or DEFAULT_DB}-turn", "a")  # noqa: SIM115 - closed in close()
        import psycopg

        conn = psycopg.connect(**self.store.psycopg_conninfo(), autocommit=True)  # type: ignore[arg-type]
        conn.execute(f"SET lock_timeout = '{TURN_WAIT_S}s'")
        return conn


def _without_password(message: str, password: str) -> str:
    return message.replace(password, "***") if password else message


def resolve(db: str | None) -> Store:
    """Reads ``--db``: a path (SQLite) or a ``postgresql://`` URL."""
    db = (db or "").strip() or DEFAULT_DB
    if db.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        return _postgres(db)
    if db.startswith("sqlite:///"):
        db = db[len("sqlite:///") :]
    elif "://" in db:
        scheme = db.split("://", 1)[0]
        raise StoreError(f"--db: unsupported URL scheme {scheme!r} (use a file path or postgresql://…)")
    return Store(backend="sqlite", display=db, sqlite_path=db)


def _postgres(url: str) -> Store:
    parts = urlsplit(url)
    dbname = unquote(parts.path.lstrip("/"))
    if not dbname:
        raise StoreError("--db: a PostgreSQL URL needs a database name (postgresql://host/dbname)")
    query = parse_qs(parts.query)
    schema = query.get("schema", [""])[0]
    if schema and not _SCHEMA.fullmatch(schema):
        raise StoreError(
            f"--db: schema {schema!r} is not a usable schema name "
            "(lowercase letters, digits and '_', not starting with a digit, at most 63)"
        )
    try:
        port = parts.port or 5432
    except ValueError:
        raise StoreError("--db: the PostgreSQL URL has an invalid port") from None
    netloc = parts.hostname or "localhost"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    # Only ?schema= is shown: libpq URLs may carry ?password=…, which is never printed.
    display = urlunsplit(("postgresql", netloc, parts.path, f"schema={schema}" if schema else "", ""))
    password = unquote(parts.password or "") or query.get("password", [""])[0]
    return Store(
        backend="postgres",
        display=display,
        host=parts.hostname or "localhost",
        port=port,
        dbname=dbname,
        user=unquote(parts.username or os.environ.get("PGUSER", "") or "postgres"),
        password=password or os.environ.get("PGPASSWORD", ""),
        schema=schema,
    )


_SCHEMA = re.compile(r"[a-z_][a-z0-9_]{0,62}")
"""Schema names the event store's SQL can use unquoted (it lowercases anything else)."""


def find_ids_by_prefix(store: Store, prefix: str, topics: list[str]) -> list[UUID]:
    """Ids of aggregates whose first event has one of ``topics`` and whose id starts with
    ``prefix`` (hex digits, dashes ignored): a range scan on the events table's primary key."""
    digits = prefix.replace("-", "").lower()
    low, high = UUID(digits.ljust(32, "0")), UUID(digits.ljust(32, "f"))
    if store.is_sqlite:
        placeholders = ",".join("?" for _ in topics)
        with sqlite3.connect(store.sqlite_path or DEFAULT_DB, timeout=SQLITE_LOCK_TIMEOUT_S) as conn:
            rows = conn.execute(
                f"SELECT originator_id FROM {SQLITE_EVENTS_TABLE} "
                "WHERE originator_id BETWEEN ? AND ? AND originator_version = 1 "
                f"AND topic IN ({placeholders}) LIMIT 2",
                (low.hex, high.hex, *topics),
            ).fetchall()
        return [UUID(row[0]) for row in rows]
    import psycopg
    from psycopg import sql

    query = sql.SQL(
        "SELECT originator_id FROM {} WHERE originator_id BETWEEN %s AND %s "
        "AND originator_version = 1 AND topic = ANY(%s) LIMIT 2"
    ).format(sql.Identifier(store.schema or "public", POSTGRES_EVENTS_TABLE))
    with psycopg.connect(**store.psycopg_conninfo()) as conn:  # type: ignore[arg-type]
        rows = conn.execute(query, (low, high, topics)).fetchall()
    return [row[0] if isinstance(row[0], UUID) else UUID(str(row[0])) for row in rows]


LogRow = tuple[int, UUID, int, str, bytes]
"""(position, originator_id, originator_version, topic, state): one stored event, undecoded."""


def head_position(store: Store) -> int:
    """The position of the newest event in the log (0 when empty)."""
    if store.is_sqlite:
        with sqlite3.connect(store.sqlite_path or DEFAULT_DB, timeout=SQLITE_LOCK_TIMEOUT_S) as conn:
            row = conn.execute(f"SELECT MAX(rowid) FROM {SQLITE_EVENTS_TABLE}").fetchone()
        return int(row[0] or 0)
    import psycopg
    from psycopg import sql

    query = sql.SQL("SELECT MAX(notification_id) FROM {}").format(
        sql.Identifier(store.schema or "public", POSTGRES_EVENTS_TABLE)
    )
    with psycopg.connect(**store.psycopg_conninfo()) as conn:  # type: ignore[arg-type]
        row = conn.execute(query).fetchone()
    return int(row[0] or 0) if row else 0


def read_log(
    store: Store,
    *,
    after: int = 0,
    upto: int | None = None,
    topics: list[str] | None = None,
    page_size: int = 20_000,
    raw_ids: bool = False,
) -> Iterator[list[LogRow]]:
    """Pages of stored events in log order, from just after ``after`` up to ``upto``
    (inclusive), optionally only some topics. Rows are not decoded: ``state`` is the JSON bytes
    the library stored (uncompressed, unencrypted: envtrack configures neither). ``raw_ids``
    leaves SQLite's originator ids as the hex strings stored (bulk readers skip making UUIDs)."""
    stop = head_position(store) if upto is None else upto
    if store.is_sqlite:
        topic_filter = ""
        if topics:
            topic_filter = f" AND topic IN ({','.join('?' for _ in topics)})"
        query = (
            f"SELECT rowid, originator_id, originator_version, topic, state FROM {SQLITE_EVENTS_TABLE} "
            f"WHERE rowid > ? AND rowid <= ?{topic_filter} ORDER BY rowid LIMIT ?"
        )
        conn = sqlite3.connect(store.sqlite_path or DEFAULT_DB, timeout=SQLITE_LOCK_TIMEOUT_S)
        try:
            position = after
            while position < stop:
                rows = conn.execute(query, (position, stop, *(topics or ()), page_size)).fetchall()
                if not rows:
                    break
                yield rows if raw_ids else [(r[0], UUID(r[1]), r[2], r[3], r[4]) for r in rows]
                position = rows[-1][0]
        finally:
            conn.close()
        return
    import psycopg
    from psycopg import sql

    table = sql.Identifier(store.schema or "public", POSTGRES_EVENTS_TABLE)
    topic_filter = sql.SQL(" AND topic = ANY(%s)") if topics else sql.SQL("")
    query = sql.SQL(
        "SELECT notification_id, originator_id, originator_version, topic, state FROM {} "
        "WHERE notification_id > %s AND notification_id <= %s{} ORDER BY notification_id LIMIT %s"
    ).format(table, topic_filter)
    with psycopg.connect(**store.psycopg_conninfo()) as conn:  # type: ignore[arg-type]
        position = after
        while position < stop:
            params: tuple = (position, stop, topics, page_size) if topics else (position, stop, page_size)
            rows = conn.execute(query, params).fetchall()
            if not rows:
                break
            yield [(r[0], r[1], r[2], r[3], bytes(r[4])) for r in rows]
            position = rows[-1][0]


def existing_ids(store: Store, ids: list[UUID]) -> set[UUID]:
    """Which of ``ids`` already have events in the log: one primary-key query for the lot
    (callers pass a batch, e.g. 1,000 ids)."""
    if not ids:
        return set()
    if store.is_sqlite:
        placeholders = ",".join("?" for _ in ids)
        with sqlite3.connect(store.sqlite_path or DEFAULT_DB, timeout=SQLITE_LOCK_TIMEOUT_S) as conn:
            rows = conn.execute(
                f"SELECT originator_id FROM {SQLITE_EVENTS_TABLE} "
                f"WHERE originator_version = 1 AND originator_id IN ({placeholders})",
                [i.hex for i in ids],
            ).fetchall()
        return {UUID(row[0]) for row in rows}
    import psycopg
    from psycopg import sql

    query = sql.SQL(
        "SELECT originator_id FROM {} WHERE originator_version = 1 AND originator_id = ANY(%s)"
    ).format(sql.Identifier(store.schema or "public", POSTGRES_EVENTS_TABLE))
    with psycopg.connect(**store.psycopg_conninfo()) as conn:  # type: ignore[arg-type]
        rows = conn.execute(query, (list(ids),)).fetchall()
    return {row[0] if isinstance(row[0], UUID) else UUID(str(row[0])) for row in rows}

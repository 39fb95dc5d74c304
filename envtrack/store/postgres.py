"""The server store: PostgreSQL through the library's ``eventsourcing.postgres`` module.

``postgresql://user:password@host:port/dbname`` names the database; ``?schema=NAME`` keeps
envtrack's tables (the events, the snapshots, the read models) in that schema.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, quote, unquote, urlsplit, urlunsplit
from uuid import UUID

from envtrack.store.base import LogRow, Store, StoreError, Turns
from envtrack.store.copies import COPIED_TABLE, HELD_TABLE, STORE_ID, STORE_TABLE, Copy, Held

if TYPE_CHECKING:
    from psycopg import sql
    from sqlalchemy import Select, Table
    from sqlalchemy.engine import Connection, Engine

POSTGRES_EVENTS_TABLE = "envtrack_events"
POSTGRES_SNAPSHOTS_TABLE = "envtrack_snapshots"
POSTGRES_LOCK_FUNCTION = "envtrack_lock_events"  # see envtrack/store/postgres_recorder.py
POSTGRES_TRACKING_TABLE = "envtrack_tracking"
SYNC_TABLES = (POSTGRES_TRACKING_TABLE, STORE_TABLE, COPIED_TABLE, HELD_TABLE)
LOCK_NOT_AVAILABLE = "55P03"
"""PostgreSQL's lock_not_available: a wait for a lock ran past ``lock_timeout``."""
DUPLICATE_OBJECT_STATES = {"42P07", "42710", "42723", "42P06"}
"""PostgreSQL's duplicate table, object, function and schema: what a losing CREATE raises."""

_SCHEMA = re.compile(r"[a-z_][a-z0-9_]{0,62}")
"""Schema names the event store's SQL can use unquoted (it lowercases anything else)."""


class PostgresStore(Store):
    """A store in a PostgreSQL database, in ``schema`` (``public`` when none is given)."""

    backend = "postgres"
    param_marker = "%s"
    most_inserted_together = 10_000
    """The library's recorder sends the events of an insert through one psycopg pipeline: with
    30,000 of them (about 15 MB) psycopg 3.3.9 was seen to stall in 3 imports of 8, client and
    server each waiting for the other; 10,000 never did."""
    parameter_marker = "%s"
    reads_beside = False
    """A rebuild's wall time is the server's (``COPY``, indexes, roll-ups): with a forked reader
    a million-event rebuild took no less time (42.9 s against 41.2 s, the server on the same two
    cores), only 11.7 s more CPU."""

    def __init__(
        self, display: str, *, host: str, port: int, dbname: str, user: str, password: str, schema: str
    ) -> None:
        super().__init__(display=display)
        self.host, self.port, self.dbname = host, port, dbname
        self.user, self.password, self.schema = user, password, schema  # password: never shown
        self._found = False  # the events table was found (see ``exists``)

    def psycopg_conninfo(self) -> dict[str, object]:
        return {
            "host": self.host,
            "port": self.port,
            "dbname": self.dbname,
            "user": self.user,
            "password": self.password or None,
            "connect_timeout": 10,
        }

    def _connect(self) -> Any:
        """A session of its own in autocommit (no transaction is left open between queries);
        its lock timeout bounds the wait for a turn."""
        import psycopg

        try:
            return psycopg.connect(  # type: ignore[call-overload]
                **self.psycopg_conninfo(), autocommit=True, options=self.session_options()
            )
        except psycopg.OperationalError as error:
            raise StoreError(f"cannot connect to {self.display}: {self.without_password(str(error))}") from None

    def without_password(self, message: str) -> str:
        return message.replace(self.password, "***") if self.password else message

    def session_options(self) -> str:
        """Settings of every session envtrack opens: no lock is waited for longer than
        ``lock_timeout`` (turns included)."""
        return f"-c lock_timeout={self.lock_timeout}s"

    def _is_lock_timeout(self, error: BaseException) -> bool:
        return getattr(error, "sqlstate", None) == LOCK_NOT_AVAILABLE

    def _table(self, name: str) -> sql.Identifier:
        from psycopg import sql

        return sql.Identifier(self.schema or "public", name)

    def _rows(self, query: sql.Composable | str, params: Sequence[Any] | dict[str, Any] = (), *, binary: bool = False) -> list[Any]:
        """``binary``: the server sends the values in their binary form (a ``bytea`` as its
        bytes, not as hex text to decode)."""
        return self.connection().execute(query, params, binary=binary).fetchall()

    # -- the event log ---------------------------------------------------------------------------

    @property
    def events_table(self) -> str:
        return f"{self.schema or 'public'}.{POSTGRES_EVENTS_TABLE}"

    def event_store_env(self, *, read_only: bool = False) -> dict[str, str]:
        env = {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": self.dbname,
            "POSTGRES_HOST": self.host,
            "POSTGRES_PORT": str(self.port),
            "POSTGRES_USER": self.user,
            "POSTGRES_PASSWORD": self.password,
            "POSTGRES_CONNECT_TIMEOUT": "10",
            "POSTGRES_LOCK_TIMEOUT": str(self.lock_timeout),
            # One connection: a command runs in one thread and never needs two at once (a pool
            # allowed to grow opens a second while its first is still connecting).
            "POSTGRES_POOL_SIZE": "1",
            "POSTGRES_MAX_OVERFLOW": "0",
            # Takes the insert lock through the owner's function: operators need no UPDATE/DELETE;
            # inserts tracking records, copies and held events with copied events, one tracking
            # row per sync (INSERT only).
            "APPLICATION_RECORDER_TOPIC": "envtrack.store.postgres_recorder:EventsRecorder",
            "SINGLE_ROW_TRACKING": "no",
        }
        if self.schema:
            env["POSTGRES_SCHEMA"] = self.schema
        return env

    def exists(self) -> bool:
        """Asked on the server once a command has found the store (nothing envtrack does drops
        it): a recording command asks when it resolves a name and again as it opens the store."""
        if not self._found:
            self._found = self._rows("SELECT to_regclass(%s)", (self.events_table,))[0][0] is not None
        return self._found

    def prepare(self) -> bool:
        """Makes the schema (which the library does not create itself), and says whether the
        tables are all there already (then nothing needs creating: a role without CREATE rights,
        like an operator's, can open the store) or may only be made by their owner."""
        import psycopg
        from psycopg import sql

        schema = self.schema or "public"
        schema_there, recording, syncing, owner = self._rows(
            "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = %(s)s),"
            " to_regclass(format('%%I.%%I', %(s)s::text, %(e)s::text)) IS NOT NULL"
            " AND to_regclass(format('%%I.%%I', %(s)s::text, %(n)s::text)) IS NOT NULL"
            " AND to_regprocedure(format('%%I.%%I()', %(s)s::text, %(f)s::text)) IS NOT NULL,"
            " (SELECT bool_and(to_regclass(format('%%I.%%I', %(s)s::text, t)) IS NOT NULL) FROM unnest(%(t)s::text[]) t),"
            " (SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class"
            "  WHERE oid = to_regclass(format('%%I.%%I', %(s)s::text, %(e)s::text)))",
            {"s": schema, "e": POSTGRES_EVENTS_TABLE, "n": POSTGRES_SNAPSHOTS_TABLE, "f": POSTGRES_LOCK_FUNCTION,
             "t": list(SYNC_TABLES)},
        )[0]
        # An operator role may not create schemas: only ask for one that is missing.
        if not schema_there:
            try:
                self.connection().execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
            except psycopg.errors.UniqueViolation:
                pass  # another process created it at the same moment
            return False
        # A store made before sync: its owner's next open adds the sync tables (and the store
        # id); anyone else records as before, and sync says to let the owner open it first.
        return bool(recording and (syncing or not owner))

    def is_creation_race(self, error: BaseException) -> bool:
        """A "CREATE … IF NOT EXISTS" racing its twin may still find the object made meanwhile."""
        return getattr(error.__cause__, "sqlstate", None) in DUPLICATE_OBJECT_STATES

    def head_position(self) -> int:
        from psycopg import sql

        rows = self._rows(sql.SQL("SELECT MAX(notification_id) FROM {}").format(self._table(POSTGRES_EVENTS_TABLE)))
        return int(rows[0][0] or 0) if rows else 0

    def _log_page(
        self, after: int, upto: int, topics: list[str] | None, limit: int, raw_ids: bool
    ) -> list[LogRow]:
        from psycopg import sql

        query = sql.SQL(
            "SELECT notification_id, originator_id, originator_version, topic, state FROM {} "
            "WHERE notification_id > %s AND notification_id <= %s{} ORDER BY notification_id LIMIT %s"
        ).format(self._table(POSTGRES_EVENTS_TABLE), sql.SQL(" AND topic = ANY(%s)") if topics else sql.SQL(""))
        params: tuple = (after, upto, topics, limit) if topics else (after, upto, limit)
        return [(r[0], r[1], r[2], r[3], bytes(r[4])) for r in self._rows(query, params, binary=True)]

    def _page_start(self, stop: int, count: int) -> int | None:
        from psycopg import sql

        query = sql.SQL(
            "SELECT MIN(notification_id) FROM (SELECT notification_id FROM {} WHERE notification_id <= %s "
            "ORDER BY notification_id DESC LIMIT %s) AS page"
        ).format(self._table(POSTGRES_EVENTS_TABLE))
        value = self._rows(query, (stop, count))[0][0]
        return None if value is None else int(value)

    def _events_between(self, after: int, upto: int) -> int:
        from psycopg import sql

        query = sql.SQL("SELECT COUNT(*) FROM {} WHERE notification_id > %s AND notification_id <= %s").format(
            self._table(POSTGRES_EVENTS_TABLE)
        )
        return int(self._rows(query, (after, upto))[0][0])

    def _missing_ranges(self, after: int, upto: int) -> list[tuple[int, int]]:
        from psycopg import sql

        query = sql.SQL(
            "SELECT prev + 1, pos - 1 FROM (SELECT pos, LAG(pos, 1, %s::bigint) OVER (ORDER BY pos) AS prev FROM ("
            "SELECT notification_id AS pos FROM {} WHERE notification_id > %s AND notification_id <= %s "
            "UNION ALL SELECT %s::bigint) AS ids) AS steps WHERE pos - prev > 1 ORDER BY pos"
        ).format(self._table(POSTGRES_EVENTS_TABLE))
        return [(int(low), int(high)) for low, high in self._rows(query, (after, after, upto, upto + 1))]

    def _first_events_of(self, ids: list[UUID]) -> set[UUID]:
        from psycopg import sql

        query = sql.SQL(
            "SELECT originator_id FROM {} WHERE originator_version = 1 AND originator_id = ANY(%s)"
        ).format(self._table(POSTGRES_EVENTS_TABLE))
        return {_uuid(row[0]) for row in self._rows(query, (list(ids),))}

    def _first_ids_between(self, low: UUID, high: UUID, topics: list[str], limit: int) -> list[UUID]:
        from psycopg import sql

        query = sql.SQL(
            "SELECT originator_id FROM {} WHERE originator_id BETWEEN %s AND %s "
            "AND originator_version = 1 AND topic = ANY(%s) ORDER BY originator_id LIMIT %s"
        ).format(self._table(POSTGRES_EVENTS_TABLE))
        return [_uuid(row[0]) for row in self._rows(query, (low, high, topics, limit))]

    # -- what sync needs -------------------------------------------------------------------------

    def _exists(self, table: str) -> bool:
        return self._rows("SELECT to_regclass(%s)", (f"{self.schema or 'public'}.{table}",))[0][0] is not None

    def store_id(self) -> str | None:
        from psycopg import sql

        if not self._exists(STORE_TABLE):
            return None
        query = sql.SQL("SELECT value FROM {} WHERE key = %s").format(self._table(STORE_TABLE))
        rows = self._rows(query, (STORE_ID,))
        return rows[0][0] if rows else None

    def events_at(self, keys: Sequence[tuple[UUID, int]]) -> dict[tuple[UUID, int], tuple[str, bytes]]:
        from psycopg import sql

        if not keys:
            return {}
        query = sql.SQL(
            "SELECT e.originator_id, e.originator_version, e.topic, e.state FROM {} e "
            "JOIN unnest(%s::uuid[], %s::bigint[]) AS k(id, version) "
            "ON e.originator_id = k.id AND e.originator_version = k.version"
        ).format(self._table(POSTGRES_EVENTS_TABLE))
        rows = self._rows(query, ([key[0] for key in keys], [key[1] for key in keys]))
        return {(_uuid(r[0]), r[1]): (r[2], bytes(r[3])) for r in rows}

    def copies(self, after: int, upto: int) -> dict[int, Copy]:
        from psycopg import sql

        if not self._exists(COPIED_TABLE):
            return {}
        query = sql.SQL("SELECT * FROM {} WHERE position > %s AND position <= %s").format(self._table(COPIED_TABLE))
        return {row[0]: Copy(*row[1:]) for row in self._rows(query, (after, upto))}

    def last_copy(self, source_store: str) -> tuple[int, int] | None:
        from psycopg import sql

        if not self._exists(COPIED_TABLE):
            return None
        query = sql.SQL(
            "SELECT position, source_position FROM {} WHERE source_store = %s ORDER BY source_position DESC LIMIT 1"
        ).format(self._table(COPIED_TABLE))
        rows = self._rows(query, (source_store,))
        return (rows[0][0], rows[0][1]) if rows else None

    def tracked(self) -> dict[str, int]:
        from psycopg import sql

        if not self._exists(POSTGRES_TRACKING_TABLE):
            return {}
        query = sql.SQL("SELECT application_name, MAX(notification_id) FROM {} GROUP BY 1").format(
            self._table(POSTGRES_TRACKING_TABLE)
        )
        return dict(self._rows(query))

    def copied_counts(self) -> dict[str, int]:
        from psycopg import sql

        if not self._exists(COPIED_TABLE):
            return {}
        query = sql.SQL("SELECT source_store, COUNT(*) FROM {} GROUP BY 1").format(self._table(COPIED_TABLE))
        return dict(self._rows(query))

    def held(self, source_store: str | None = None) -> list[Held]:
        from psycopg import sql

        if not self._exists(HELD_TABLE):
            return []
        where = sql.SQL("WHERE source_store = %s " if source_store else "")
        query = sql.SQL("SELECT * FROM {} {}ORDER BY source_store, source_position").format(
            self._table(HELD_TABLE), where
        )
        rows = self._rows(query, (source_store,) if source_store else ())
        return [Held(r[0], r[1], _uuid(r[2]), r[3], r[4], bytes(r[5]), r[6], _uuid(r[7]), r[8]) for r in rows]

    def _make_turns(self) -> PostgresTurns:
        return PostgresTurns(self)

    # -- what the read models need ---------------------------------------------------------------

    @property
    def read_model_schema(self) -> str | None:
        return self.schema or None

    def sqlalchemy_url(self) -> str:
        """A URL for SQLAlchemy's ``create_engine`` (carries the password: never print it)."""
        auth = self.user
        if self.password:
            auth = f"{quote(self.user)}:{quote(self.password)}"
        return f"postgresql+psycopg://{auth}@{self.host}:{self.port}/{self.dbname}"

    def engine(self, *, read_only: bool = False) -> Engine:
        from sqlalchemy import create_engine

        return create_engine(
            self.sqlalchemy_url(), pool_pre_ping=True, connect_args={"options": self.session_options()}
        )

    @contextmanager
    def writing(self, engine: Engine) -> Iterator[Connection]:
        """Holds a transaction-scoped advisory lock of this store's read models: writers of
        one schema's read models go one at a time (no grant needed)."""
        from sqlalchemy import text

        key = zlib.crc32(f"envtrack-read-models/{self.schema or 'public'}".encode()) - 2**31
        with engine.connect() as conn, conn.begin():
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
            yield conn

    @contextmanager
    def reading(self, engine: Engine) -> Iterator[Connection]:
        """``REPEATABLE READ``: every query of the transaction sees the snapshot of its first."""
        with engine.connect() as conn:
            conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    def for_update(self, query: Select) -> Select:
        return query.with_for_update()

    def insert_rows(self, conn: Connection, table: Table, columns: list[str], rows: Iterable[Sequence[Any]]) -> None:
        """``COPY``: far fewer round trips than INSERTs."""
        preparer = conn.dialect.identifier_preparer
        names = ", ".join(preparer.quote(column) for column in columns)
        cursor = conn.connection.cursor()
        try:
            with cursor.copy(f"COPY {preparer.format_table(table)} ({names}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for row in rows:
                    copy.write_row(row)
        finally:
            cursor.close()


class PostgresTurns(Turns):
    """Turns on PostgreSQL: session advisory locks, on the store's own connection (no grant
    needed), in a key space of the store's schema."""

    def __init__(self, store: PostgresStore) -> None:
        super().__init__()
        self.store = store
        self.space = zlib.crc32(f"envtrack/{store.schema or 'public'}".encode()) - 2**31

    def _open(self) -> Any:
        return self.store.connection()

    def _take(self, key: int) -> bool:
        free = self._lock.execute("SELECT pg_try_advisory_lock(%s, %s)", (self.space, key - 2**31)).fetchone()[0]
        if not free:
            self._lock.execute("SELECT pg_advisory_lock(%s, %s)", (self.space, key - 2**31))
        return not free

    def _give_back(self, keys: list[int]) -> None:
        self._lock.execute("SELECT pg_advisory_unlock_all()")

    def _close(self, lock: Any) -> None:
        """Ends the session, which gives back every turn it held (and leaves no half-taken
        turn behind after an error); the store opens a new one when next asked."""
        self.store.close()


def _uuid(value: Any) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))


def parse(url: str) -> PostgresStore:
    """A ``postgresql://`` URL read into a store (the password only ever in ``password``)."""
    try:
        parts = urlsplit(url)
    except ValueError:  # unbalanced [ ] of an IPv6 host: the library's words could quote the URL
        raise StoreError("--db: the PostgreSQL URL is malformed (unbalanced '[' or ']' around the host)") from None
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
    return PostgresStore(
        display,
        host=parts.hostname or "localhost",
        port=port,
        dbname=dbname,
        user=unquote(parts.username or os.environ.get("PGUSER", "") or "postgres"),
        password=password or os.environ.get("PGPASSWORD", ""),
        schema=schema,
    )

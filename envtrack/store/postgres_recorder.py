"""The PostgreSQL events recorder: the library's process recorder, so that operators can record
and push with INSERT and SELECT only, with envtrack's own tables beside the library's.

The library's recorder serialises inserts with ``LOCK TABLE … IN EXCLUSIVE MODE`` (so that
notification ids are committed in order and read models never skip one). PostgreSQL only lets a
role take that lock if it may UPDATE, DELETE or TRUNCATE the table. Here the lock is taken by a
``SECURITY DEFINER`` function owned by the store's owner, so an operator role needs only INSERT
and SELECT on the events table and EXECUTE on the function (see ``docs/postgres-roles.sql``).

As a process recorder it also inserts a tracking record (the last position taken from another
store) in the same transaction as the events it copies in; tracking keeps one row per sync
(``SINGLE_ROW_TRACKING=no``), so that needs INSERT only too. Beside the library's tables it makes
the store's id (``envtrack_store``, a UUID made once, with the tables) and the tables of events
copied in and held aside (``envtrack_copied``, ``envtrack_held``), whose rows it writes in that
same transaction.

Loaded by topic (``APPLICATION_RECORDER_TOPIC``, a setting of ``PostgresStore.event_store_env``)
only for PostgreSQL stores.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any
from uuid import uuid4

from eventsourcing.persistence import InterfaceError, OperationalError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore, PostgresProcessRecorder
from psycopg import Cursor
from psycopg.rows import DictRow
from psycopg.sql import SQL, Identifier

from envtrack.store.copies import COPIED_TABLE, HELD_TABLE, STORE_ID, STORE_TABLE, Copy, Held
from envtrack.store.postgres import LOCK_NOT_AVAILABLE
from envtrack.store.postgres import POSTGRES_LOCK_FUNCTION as LOCK_FUNCTION
from envtrack.store.postgres import POSTGRES_TRACKING_TABLE


RETRIES = 10
RETRY_WAIT_S = 0.2


class EventsRecorder(PostgresProcessRecorder):
    """The library's recorder, taking the events table's write lock through the owner's function."""

    def __init__(
        self,
        datastore: PostgresDatastore,
        *,
        events_table_name: str = "stored_events",
        tracking_table_name: str = POSTGRES_TRACKING_TABLE,
    ) -> None:
        super().__init__(datastore, events_table_name=events_table_name, tracking_table_name=tracking_table_name)
        schema = Identifier(self.datastore.schema)
        function = Identifier(self.datastore.schema, LOCK_FUNCTION)
        self.sql_create_statements.append(
            SQL(
                "CREATE OR REPLACE FUNCTION {function}() RETURNS void "
                "LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS "
                "$BODY$ BEGIN LOCK TABLE {schema}.{table} IN EXCLUSIVE MODE; END; $BODY$"
            ).format(function=function, schema=schema, table=Identifier(self.events_table_name))
        )
        self.sql_create_statements.append(
            SQL("REVOKE ALL ON FUNCTION {function}() FROM PUBLIC").format(function=function)
        )
        self.lock_table_statements = [
            SQL("SET LOCAL lock_timeout = '{0}s'").format(self.datastore.lock_timeout),
            SQL("SELECT {function}()").format(function=function),
        ]
        store, copied, held = (Identifier(self.datastore.schema, name) for name in (STORE_TABLE, COPIED_TABLE, HELD_TABLE))
        self.sql_create_statements += [
            SQL("CREATE TABLE IF NOT EXISTS {} (key text PRIMARY KEY, value text NOT NULL)").format(store),
            # Made once: a store that has its id keeps it.
            SQL(f"INSERT INTO {{}} (key, value) VALUES ('{STORE_ID}', '{uuid4()}') ON CONFLICT (key) DO NOTHING").format(store),
            SQL(
                "CREATE TABLE IF NOT EXISTS {} (position bigint PRIMARY KEY, source_store text NOT NULL, "
                "source_position bigint NOT NULL, origin_store text NOT NULL)"
            ).format(copied),
            SQL("CREATE INDEX IF NOT EXISTS {} ON {} (source_store, source_position)").format(
                Identifier(f"{COPIED_TABLE}_source"), copied
            ),
            SQL(
                "CREATE TABLE IF NOT EXISTS {} (source_store text NOT NULL, source_position bigint NOT NULL, "
                "originator_id uuid NOT NULL, originator_version bigint NOT NULL, topic text NOT NULL, "
                "state bytea NOT NULL, origin_store text NOT NULL, conflict_id uuid NOT NULL, "
                "conflict_version bigint NOT NULL, PRIMARY KEY (source_store, source_position))"
            ).format(held),
        ]
        # One statement a page (arrays, as the library inserts events), not one a row.
        self.insert_copied = SQL(
            "INSERT INTO {} SELECT * FROM unnest(%s::bigint[], %s::text[], %s::bigint[], %s::text[])"
        ).format(copied)
        self.insert_held = SQL("INSERT INTO {} VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)").format(held)

    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int] | None:
        """The library's insert, retried as the library retries it (a connection lost, a server
        busy: up to 10 times, 0.2 s apart), except after a wait for the insert lock that ran past
        ``lock_timeout``: another session holds it, and waiting ten times as long helps nobody."""
        insert = PostgresApplicationRecorder.insert_events.__wrapped__  # without the library's retries
        for attempt in range(RETRIES):
            try:
                return insert(self, stored_events, **kwargs)
            except (InterfaceError, OperationalError) as error:
                if attempt == RETRIES - 1 or getattr(error.__cause__, "sqlstate", None) == LOCK_NOT_AVAILABLE:
                    raise
                time.sleep(RETRY_WAIT_S)
        raise AssertionError("unreachable")  # pragma: no cover

    def _insert_events(self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent], **kwargs: Any) -> None:
        super()._insert_events(curs, stored_events, **kwargs)  # the tracking record
        held: Sequence[Held] = kwargs.get("held") or ()
        if held:
            curs.executemany(self.insert_held, list(held))

    def _fetch_ids_after_insert_events(
        self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        positions = super()._fetch_ids_after_insert_events(curs, stored_events, **kwargs)
        copied: Sequence[Copy] = kwargs.get("copied") or ()
        if copied:
            assert positions is not None and len(positions) == len(copied)
            curs.execute(self.insert_copied, (list(positions), *(list(column) for column in zip(*copied))))
        return positions

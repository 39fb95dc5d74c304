"""The PostgreSQL events recorder, so that operators can record without UPDATE or DELETE rights.

The library's recorder serialises inserts with ``LOCK TABLE … IN EXCLUSIVE MODE`` (so that
notification ids are committed in order and read models never skip one). PostgreSQL only lets a
role take that lock if it may UPDATE, DELETE or TRUNCATE the table. Here the lock is taken by a
``SECURITY DEFINER`` function owned by the store's owner, so an operator role needs only INSERT
and SELECT on the events table and EXECUTE on the function (see ``docs/postgres-roles.sql``).

Loaded by topic (``APPLICATION_RECORDER_TOPIC``, a setting of ``PostgresStore.event_store_env``)
only for PostgreSQL stores.
"""

from __future__ import annotations

from typing import Any

from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore
from psycopg.sql import SQL, Identifier

from envtrack.store.postgres import POSTGRES_LOCK_FUNCTION as LOCK_FUNCTION


class EventsRecorder(PostgresApplicationRecorder):
    """The library's recorder, taking the events table's write lock through the owner's function."""

    def __init__(self, datastore: PostgresDatastore, **kwargs: Any) -> None:
        super().__init__(datastore, **kwargs)
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

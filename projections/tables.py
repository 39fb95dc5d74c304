"""The read-model tables in SQL (SQLAlchemy Core), beside the events in the same database.

Live tables are named ``rm_<table>``; a rebuild fills ``rm_<table>__new`` and renames them into
place. Index names carry a generation token, so the indexes of a table being built never clash
with those of the table it will replace (PostgreSQL keeps index names through a rename).
"""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    Index,
    MetaData,
    String,
    Table,
    create_engine,
    event,
)
from sqlalchemy.engine import Connection, Engine

from projections.rows import TABLES

PREFIX = "rm_"
BUILDING = "__new"
POSITIONS = "rm_positions"

_TYPES = {"str": String, "int": BigInteger, "int?": BigInteger, "float": Float, "bool": Boolean}


def make_engine(url: str) -> Engine:
    """An engine whose transactions really are transactions on SQLite too.

    The ``sqlite3`` driver starts no transaction before DDL, which would make the rebuild's swap
    non-atomic; so the driver's own handling is switched off and each transaction begins
    explicitly, ``IMMEDIATE`` (taking the write lock up front) when it is to write.
    """
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": 30})

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


def positions_table(metadata: MetaData) -> Table:
    return Table(
        POSITIONS,
        metadata,
        Column("projection", String(40), primary_key=True),
        Column("position", BigInteger, nullable=False),
    )


def read_model_tables(metadata: MetaData, suffix: str = "") -> dict[str, Table]:
    """One SQLAlchemy table per read-model table, named ``rm_<name><suffix>``."""
    generation = secrets.token_hex(4)
    tables = {}
    for name, (key, spec) in TABLES.items():
        table_name = f"{PREFIX}{name}{suffix}"
        columns = [
            Column(column, _TYPES[kind], nullable=(kind not in ("int", "bool") and column != key))
            for column, kind in spec
        ]
        table = Table(table_name, metadata, *columns)
        Index(f"ix_{PREFIX}{name}_{key}_{generation}", table.c[key])
        tables[name] = table
    return tables

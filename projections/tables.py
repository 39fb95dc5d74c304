"""The read-model tables in SQL (SQLAlchemy Core), beside the events in the same database
(the store gives the engine: see ``Store.engine``).

Live tables are named ``rm_<table>``; a rebuild fills ``rm_<table>__new`` and renames them into
place. Index names carry a generation token, so the indexes of a table being built never clash
with those of the table it will replace (PostgreSQL keeps index names through a rename).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from typing import Any

from sqlalchemy import BigInteger, Boolean, Column, Float, Index, MetaData, String, Table, bindparam
from sqlalchemy.engine import Connection, Inspector

from projections.rows import TABLES
from projections.schema import INDEXES, ORDER

PREFIX = "rm_"
BUILDING = "__new"
POSITIONS = "rm_positions"
UNREADABLE = "rm_unreadable"
GAPS = "rm_gaps"

_TYPES = {"str": String, "int": BigInteger, "int?": BigInteger, "float": Float, "bool": Boolean}


def positions_table(metadata: MetaData) -> Table:
    return Table(
        POSITIONS,
        metadata,
        Column("projection", String(40), primary_key=True),
        Column("position", BigInteger, nullable=False),
    )


def unreadable_table(metadata: MetaData) -> Table:
    """The dead letters: stored events the read models hold aside because they cannot be read
    (``projections.rows.Unreadable``), one row per event, by log position."""
    return Table(
        UNREADABLE,
        metadata,
        Column("position", BigInteger, primary_key=True, autoincrement=False),
        Column("topic", String, nullable=False),
        Column("reason", String(40), nullable=False),
        Column("detail", String, nullable=False),
        Column("projection", String(40), nullable=False),
    )


def gaps_table(metadata: MetaData) -> Table:
    """Positions below the head that held no event when the read models passed them
    (``low``..``high``, inclusive): an event committed there later is taken then."""
    return Table(
        GAPS,
        metadata,
        Column("low", BigInteger, primary_key=True, autoincrement=False),
        Column("high", BigInteger, nullable=False),
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
        for columns in INDEXES.get(name, ()):
            Index(f"ix_{PREFIX}{name}_{'_'.join(columns)}_{generation}", *(table.c[column] for column in columns))
        tables[name] = table
    return tables


def indexes_in_turn(
    tables: dict[str, Table], roll_ups: Iterable[str], *, keys_only_before: bool
) -> tuple[list[Index], list[Index]]:
    """The indexes of a rebuild's fresh tables, in two lists: those to make before the roll-ups
    (the tables ``roll_ups``) are summed, and those after. Before: the key of each table but the
    roll-ups, by which the changes to rows of earlier pages find their rows; with
    ``keys_only_before``, nothing else. That is for roll-ups summed in one ``GROUP BY``
    (SQLite's): an index on the entries' day and site, there already, would have SQLite read the
    entries in its order, a seek a row (1.8 s against 1.25 s for the waste of a million events),
    and the roll-ups' own indexes are made faster once their rows are in. Summed a few weeks at
    a time, the roll-ups' queries need every index first."""
    summed = set(roll_ups)
    before: list[Index] = []
    after: list[Index] = []
    for name, table in tables.items():
        for index in sorted(table.indexes, key=lambda index: index.name or ""):
            is_key = [column.name for column in index.columns] == [TABLES[name][0]] and name not in summed
            (before if is_key or not keys_only_before else after).append(index)
    return before, after


def tables_fingerprint(tables: list[Table]) -> int:
    """A number that changes with the name, columns, types or indexed columns of any of
    ``tables``: kept beside the positions by the catch-up that made them so, it lets the next
    catch-up skip inspecting them one by one (a dozen catalog queries on PostgreSQL)."""
    described = [
        (table.name, [(column.name, type(column.type).__name__, column.nullable) for column in table.columns],
         sorted(tuple(column.name for column in index.columns) for index in table.indexes))
        for table in tables
    ]
    return int.from_bytes(hashlib.sha256(repr(described).encode()).digest()[:7], "big")


def add_missing_indexes(conn: Connection, inspector: Inspector, table: Table) -> None:
    """Creates the indexes of ``table`` that its table in the database lacks (one made by an
    earlier release, before periods were read by day)."""
    found = {tuple(index["column_names"]) for index in inspector.get_indexes(table.name, schema=table.schema)}
    for index in table.indexes:
        if tuple(column.name for column in index.columns) not in found:
            index.create(conn)


def read_rows(
    conn: Connection, name: str, table: Table, where: tuple[str, tuple[str, ...]] | None = None
) -> list[tuple]:
    """A table's rows (those matching ``where``: SQL and parameters) as plain tuples in column
    order, straight from the driver: row objects would cost more than the frame built from them."""
    preparer = conn.dialect.identifier_preparer
    names = ", ".join(preparer.quote(column) for column, _type in TABLES[name][1])
    condition, params = (f" WHERE {where[0]}", where[1]) if where else ("", ())
    cursor = conn.connection.cursor()
    try:
        order = ", ".join(preparer.quote(column) for column in ORDER.get(name, ("position",)))
        cursor.execute(f"SELECT {names} FROM {preparer.format_table(table)}{condition} ORDER BY {order}", params)
        return cursor.fetchall()
    finally:
        cursor.close()


def read_totals_until(conn: Connection, table: Table, marker: str, end: str) -> list[tuple]:
    """The rows of ``items_daily`` up to ``end`` summed per site and item, each dated the last
    day it sums: the same stocks at ``end`` from a row per site and item, however many days."""
    preparer = conn.dialect.identifier_preparer
    cursor = conn.connection.cursor()
    try:
        cursor.execute(
            f"SELECT MAX(occurred_on), site, item, CAST(SUM(qty) AS BIGINT) FROM {preparer.format_table(table)} "
            f"WHERE occurred_on <= {marker} GROUP BY site, item ORDER BY site, item",
            (end,),
        )
        return cursor.fetchall()
    finally:
        cursor.close()


def apply_updates(conn: Connection, tables: dict[str, Table], updates: dict[tuple[str, str], dict[str, Any]]) -> None:
    """Sets new values on rows by key (voids, corrections, site changes), grouped by the
    columns they change."""
    grouped: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
    for (name, key), values in updates.items():
        columns = tuple(sorted(values))
        params = {f"v_{column}": values[column] for column in columns}
        params["k"] = key
        grouped.setdefault((name, columns), []).append(params)
    for (name, columns), params in grouped.items():
        table = tables[name]
        key_column = table.c[TABLES[name][0]]
        statement = (
            table.update()
            .where(key_column == bindparam("k"))
            .values({column: bindparam(f"v_{column}") for column in columns})
        )
        conn.execute(statement, params)

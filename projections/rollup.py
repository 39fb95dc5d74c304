"""The daily roll-ups: what period figures read instead of the entries behind them.

``waste_daily``: the kg of the live waste entries summed per day, site, category, source and
destination, with the number of entries behind each sum. ``items_daily``: the items the live
exchanges issued, summed per day, site and item (what a school's stock at a date is reckoned
from, however many exchanges came before).

Every waste figure is a sum of kg over some of these keys, so a period's figures read the
period's roll-up rows: their number grows with the days and sites a period covers, not with the
entries behind them. A row is always the sum of its group's live entries as they stand: when an
entry is recorded, corrected (to another day, site, category, source or destination, or another
kg) or voided, the catch-up sums the groups of the days and sites it was on, and is on, again
from the entries (``refresh``). kg are summed with ``math.fsum``, the correctly rounded sum of
the exact values whatever their order, and counts as integers: a catch-up page by page, a
rebuild and an in-memory replay give the same rows, bit for bit, so an evidence pack made from
the tables is made again the same from the log.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from projections.schema import COLUMNS, TABLES

if TYPE_CHECKING:
    from envtrack.store import Store

CHUNK = 400
"""(day, site) pairs per statement: well under every driver's limit on parameters."""

Pair = tuple[str, str]
Insert = Callable[[Connection, Table, list[str], Iterable[Sequence[Any]]], None]
"""The store's bulk insert: ``insert(conn, table, columns, rows)``."""


@dataclass(frozen=True)
class RollUp:
    table: str
    """The roll-up's table: its key columns, then the sum, then (waste) the count."""
    entries: str
    """The table of the entries whose changes it follows (by their day and site)."""
    key: tuple[str, ...]

    @property
    def columns(self) -> list[str]:
        return [column for column, _type in TABLES[self.table][1]]

    def live_rows(self, tables: dict[str, Table]) -> Select:
        """The key and value of every live entry (``.where`` narrows it)."""
        if self.table == "waste_daily":
            waste = tables["waste"]
            return select(*(waste.c[column] for column in (*self.key, "kg"))).where(waste.c.voided.is_(False))
        exchanges, items = tables["exchanges"], tables["exchange_items"]
        return (
            select(exchanges.c.occurred_on, exchanges.c.site, items.c.item, items.c.qty)
            .join_from(items, exchanges, items.c.entry_id == exchanges.c.entry_id)
            .where(exchanges.c.voided.is_(False))
        )

    def summed_in_sql(self, exact_sum: str | None) -> str | None:
        """The SQL of a group's sums of ``live_rows`` (``GROUP BY`` the key), given the store's
        exact sum of floats; None for the kg of a store that has none (``sum`` sums them)."""
        if self.table == "waste_daily":
            return f"{exact_sum}(kg), count(*)" if exact_sum else None
        return "sum(qty)"  # whole items: exact in every SQL

    def sum(self, rows: Iterable[Sequence[Any]]) -> list[list[Any]]:
        """Roll-up rows from (key…, value) of live entries: one row per distinct key."""
        groups: dict[tuple[Any, ...], list[Any]] = {}
        for *key, value in rows:
            groups.setdefault(tuple(key), []).append(value)
        if self.table == "waste_daily":
            return [[*key, math.fsum(values), len(values)] for key, values in groups.items()]
        return [[*key, sum(values)] for key, values in groups.items()]


WASTE = RollUp("waste_daily", "waste", ("occurred_on", "site", "category", "source", "destination"))
ITEMS = RollUp("items_daily", "exchanges", ("occurred_on", "site", "item"))
ROLL_UPS = (WASTE, ITEMS)


def from_rows(tables: dict[str, Iterable[Sequence[Any]]]) -> dict[str, list[list[Any]]]:
    """Both roll-ups from the rows of the ``waste``, ``exchanges`` and ``exchange_items`` tables
    (an in-memory replay's)."""
    waste, exchange = COLUMNS["waste"], COLUMNS["exchanges"]
    picked = [waste[column] for column in (*WASTE.key, "kg")]
    waste_rows = WASTE.sum([row[i] for i in picked] for row in tables["waste"] if not row[waste["voided"]])
    live = {
        row[exchange["entry_id"]]: (row[exchange["occurred_on"]], row[exchange["site"]])
        for row in tables["exchanges"]
        if not row[exchange["voided"]]
    }
    item = COLUMNS["exchange_items"]
    issued = ((*live[row[item["entry_id"]]], row[item["item"]], row[item["qty"]])
              for row in tables["exchange_items"] if row[item["entry_id"]] in live)
    return {"waste_daily": waste_rows, "items_daily": ITEMS.sum(issued)}


def pairs_of_rows(roll_up: RollUp, rows: Iterable[Sequence[Any]]) -> set[Pair]:
    """The (day, site) of rows of the roll-up's entries table."""
    day, site = COLUMNS[roll_up.entries]["occurred_on"], COLUMNS[roll_up.entries]["site"]
    return {(row[day], row[site]) for row in rows}


def pairs_of_entries(conn: Connection, entries: Table, entry_ids: Sequence[str]) -> set[Pair]:
    """The (day, site) of the entries ``entry_ids`` as the table holds them now."""
    found: set[Pair] = set()
    for start in range(0, len(entry_ids), CHUNK):
        query = select(entries.c.occurred_on, entries.c.site).where(entries.c.entry_id.in_(entry_ids[start : start + CHUNK]))
        found.update((day, site) for day, site in conn.execute(query))
    return found


def refresh(conn: Connection, tables: dict[str, Table], roll_up: RollUp, pairs: Iterable[Pair], store: Store) -> None:
    """Sums the groups of ``pairs`` (day, site) again from the live entries, replacing their
    rows in the roll-up's table. In the driver's own SQL, a page's pairs a few hundred at a
    time: a page of a year's logbook touches thousands of pairs, and building each statement
    as an expression cost more than running it."""
    daily, entries = tables[roll_up.table], tables[roll_up.entries]
    live_rows = _live_rows_sql(conn, tables, roll_up)
    summed_in_sql = roll_up.summed_in_sql(store.exact_sum(conn))
    marker = store.parameter_marker
    ordered = sorted(pairs)
    cursor = conn.connection.cursor()
    try:
        for start in range(0, len(ordered), CHUNK):
            chunk = ordered[start : start + CHUNK]
            on_daily, params = on_pairs(conn, daily, chunk, marker)
            cursor.execute(f"DELETE FROM {_name(conn, daily)} WHERE {on_daily}", params)
            on_entries, params = on_pairs(conn, entries, chunk, marker)
            if summed_in_sql:
                cursor.execute(_summed_into(conn, tables, roll_up, f"{live_rows} AND {on_entries}", summed_in_sql), params)
                continue
            cursor.execute(f"{live_rows} AND {on_entries}", params)
            rows = roll_up.sum(cursor.fetchall())
            if rows:
                store.insert_rows(conn, daily, roll_up.columns, rows)
    finally:
        cursor.close()


def on_pairs(conn: Connection, table: Table, pairs: Sequence[Pair], marker: str) -> tuple[str, list[str]]:
    """The rows of ``table`` on one of ``pairs`` (day, site), as SQL with the driver's
    ``marker`` and its parameters: one ``day = ? AND site IN (…)`` a day, which every store
    answers from the (day, site) index. (SQLite scans the whole table for a row value ``(day,
    site) IN (…)``: each page's refresh would cost as much as the log behind it.)"""
    table_name = _name(conn, table)
    day, site = (f"{table_name}.{conn.dialect.identifier_preparer.quote(column)}" for column in ("occurred_on", "site"))
    sites_by_day: dict[str, list[str]] = {}
    for pair_day, pair_site in pairs:
        sites_by_day.setdefault(pair_day, []).append(pair_site)
    terms, params = [], []
    for pair_day, sites in sites_by_day.items():
        terms.append(f"({day} = {marker} AND {site} IN ({', '.join(marker for _ in sites)}))")
        params += [pair_day, *sites]
    return f"({' OR '.join(terms)})", params


def _live_rows_sql(conn: Connection, tables: dict[str, Table], roll_up: RollUp) -> str:
    """``live_rows`` as SQL for the driver, to be narrowed by a condition of its own markers."""
    live_rows = roll_up.live_rows(tables).compile(dialect=conn.dialect)
    assert not live_rows.params, "the live rows' SQL is completed with the driver's own markers"
    return str(live_rows)


def _summed_into(conn: Connection, tables: dict[str, Table], roll_up: RollUp, live_rows: str, summed_in_sql: str) -> str:
    """The ``INSERT … SELECT … GROUP BY`` that sums the rows of the query ``live_rows`` into the
    roll-up's table (``RollUp.summed_in_sql``)."""
    quote = conn.dialect.identifier_preparer.quote
    columns, keys = ", ".join(map(quote, roll_up.columns)), ", ".join(map(quote, roll_up.key))
    return (f"INSERT INTO {_name(conn, tables[roll_up.table])} ({columns}) SELECT {keys}, {summed_in_sql} "
            f"FROM ({live_rows}) AS live GROUP BY {keys}")


def _name(conn: Connection, table: Table) -> str:
    return conn.dialect.identifier_preparer.format_table(table)


def rebuild(conn: Connection, tables: dict[str, Table], roll_up: RollUp, insert: Insert, exact_sum: str | None) -> None:
    """Fills the roll-up's table from every live entry. Given the name of an SQL aggregate that
    sums as ``math.fsum`` does (``Store.exact_sum``: SQLite's), in one ``INSERT … SELECT …
    GROUP BY``, so that no entry becomes a Python row; else a few weeks at a time in Python."""
    if exact_sum is None:
        _rebuild_by_weeks(conn, tables, roll_up, insert)
        return
    summed_in_sql = roll_up.summed_in_sql(exact_sum)
    assert summed_in_sql is not None  # given an exact sum, every roll-up is summed in SQL
    conn.exec_driver_sql(_summed_into(conn, tables, roll_up, _live_rows_sql(conn, tables, roll_up), summed_in_sql))


def _rebuild_by_weeks(conn: Connection, tables: dict[str, Table], roll_up: RollUp, insert: Insert, days_per_query: int = 31) -> None:
    """Fills the roll-up's table from every live entry, a few weeks of days at a time (a day's
    entries are all in one query, so no group is split, and only those weeks' groups are held)."""
    entries = tables[roll_up.entries]
    days = [day for (day,) in conn.execute(select(entries.c.occurred_on).distinct().order_by(entries.c.occurred_on))]
    for start in range(0, len(days), days_per_query):
        first, last = days[start], days[min(start + days_per_query, len(days)) - 1]
        query = roll_up.live_rows(tables).where(entries.c.occurred_on >= first, entries.c.occurred_on <= last)
        rows = roll_up.sum(conn.execute(query))
        if rows:
            insert(conn, tables[roll_up.table], roll_up.columns, rows)

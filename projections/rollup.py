"""The daily roll-up of waste: the kg of the live waste entries summed per day, site, category,
source and destination (``waste_daily``), and the number of entries behind each sum.

Every waste figure is a sum of kg over some of these keys, so a period's figures read the
period's roll-up rows: their number grows with the days and sites a period covers, not with the
entries behind them. A row is always the sum of its group's live entries as they stand: when an
entry is recorded, corrected (to another day, site, category, source or destination, or another
kg) or voided, the catch-up sums the groups of the days and sites it touched again from the
entries (``refresh``). Sums are ``math.fsum``, the correctly rounded sum of the exact values,
whatever their order: a catch-up page by page, a rebuild and an in-memory replay give the same
rows, bit for bit, so an evidence pack made from the tables is made again the same from the log.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, select, tuple_
from sqlalchemy.engine import Connection

from projections.schema import COLUMNS

KEY = ("occurred_on", "site", "category", "source", "destination")
"""The columns a roll-up row is the sum of its entries over."""
COLUMNS_OUT = (*KEY, "kg", "entries")
CHUNK = 400
"""(day, site) pairs per statement: well under every driver's limit on parameters."""

Pair = tuple[str, str]
_WASTE = COLUMNS["waste"]
_FROM_ENTRY = [_WASTE[column] for column in (*KEY, "kg")]


def roll_up(entries: Iterable[Sequence[Any]]) -> list[list[Any]]:
    """Roll-up rows from ``(occurred_on, site, category, source, destination, kg)`` of live
    entries: one row per distinct key, with the fsum of its kg and its number of entries."""
    groups: dict[tuple[Any, ...], list[float]] = {}
    for *key, kg in entries:
        groups.setdefault(tuple(key), []).append(kg)
    return [[*key, math.fsum(values), len(values)] for key, values in groups.items()]


def from_waste_rows(rows: Iterable[Sequence[Any]]) -> list[list[Any]]:
    """The roll-up of rows of the ``waste`` table (voided ones left out)."""
    voided = _WASTE["voided"]
    return roll_up([row[i] for i in _FROM_ENTRY] for row in rows if not row[voided])


def pairs_of_rows(rows: Iterable[Sequence[Any]]) -> set[Pair]:
    """The (day, site) of rows of the ``waste`` table."""
    day, site = _WASTE["occurred_on"], _WASTE["site"]
    return {(row[day], row[site]) for row in rows}


def pairs_of_entries(conn: Connection, waste: Table, entry_ids: Iterable[str]) -> set[Pair]:
    """The (day, site) of the entries ``entry_ids`` as the table holds them now."""
    ids = list(entry_ids)
    found: set[Pair] = set()
    for start in range(0, len(ids), CHUNK):
        query = select(waste.c.occurred_on, waste.c.site).where(waste.c.entry_id.in_(ids[start : start + CHUNK]))
        found.update((day, site) for day, site in conn.execute(query))
    return found


def refresh(conn: Connection, waste: Table, daily: Table, pairs: Iterable[Pair], insert: Any) -> None:
    """Sums the groups of ``pairs`` (day, site) again from the live entries of ``waste``,
    replacing their rows in ``daily``; ``insert(conn, table, columns, rows)`` writes in bulk."""
    ordered = sorted(pairs)
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        conn.execute(daily.delete().where(tuple_(daily.c.occurred_on, daily.c.site).in_(chunk)))
        query = select(*(waste.c[column] for column in (*KEY, "kg"))).where(
            tuple_(waste.c.occurred_on, waste.c.site).in_(chunk), waste.c.voided.is_(False)
        )
        rows = roll_up(conn.execute(query))
        if rows:
            insert(conn, daily, list(COLUMNS_OUT), rows)


def rebuild(conn: Connection, waste: Table, daily: Table, insert: Any, days_per_query: int = 31) -> None:
    """Fills ``daily`` from every live entry of ``waste``, a few weeks of days at a time (a day's
    entries are all in one query, so no group is split)."""
    days = [day for (day,) in conn.execute(select(waste.c.occurred_on).distinct().order_by(waste.c.occurred_on))]
    for start in range(0, len(days), days_per_query):
        first, last = days[start], days[min(start + days_per_query, len(days)) - 1]
        query = select(*(waste.c[column] for column in (*KEY, "kg"))).where(
            waste.c.occurred_on >= first, waste.c.occurred_on <= last, waste.c.voided.is_(False)
        )
        rows = roll_up(conn.execute(query))
        if rows:
            insert(conn, daily, list(COLUMNS_OUT), rows)

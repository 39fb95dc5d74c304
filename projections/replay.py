"""Frames: the read model as pandas DataFrames, from the SQL tables or from an in-memory replay.

Both sources go through ``to_frames``, so the same log gives the same frames (same columns,
dtypes and row order: log order of the event that recorded each row).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from projections import rollup
from projections.rows import TABLES, TOPICS, Batch, map_rows
from projections.schema import FRAMED, ORDER
from projections.unreadable import UnreadableEvent

if TYPE_CHECKING:
    from envtrack.store import Store


@dataclass
class Frames:
    """One DataFrame per read-model table, and the log position they reflect.

    Voided entries are present with ``voided`` True: the indicators leave them out. Waste is
    there as its daily roll-up (``projections.rollup``: live entries only, summed per day, site,
    category, source and destination), which is all any waste figure sums; the items issued
    by day as well (``items_daily``), for stocks.
    """

    position: int
    sites: pd.DataFrame
    waste_daily: pd.DataFrame
    exchanges: pd.DataFrame
    exchange_items: pd.DataFrame
    items_daily: pd.DataFrame
    receipts: pd.DataFrame
    handovers: pd.DataFrame
    ponds: pd.DataFrame
    pond_records: pd.DataFrame
    city: pd.DataFrame
    """The city record's events, one row each (``projections.basis.city_of`` folds them)."""
    unreadable: list[UnreadableEvent] = field(default_factory=list)
    """Events left out because they cannot be read (of a replay; the read models keep theirs
    in a table of their own)."""

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)


def columns(table: str) -> list[str]:
    return [name for name, _type in TABLES[table][1]]


def frame(table: str, records: Iterable[Any]) -> pd.DataFrame:
    """A table's rows (sequences in column order) as a DataFrame with fixed dtypes (None is NaN
    in a float column), each column converted by numpy at once."""
    spec = TABLES[table][1]
    rows = list(records)
    values = list(zip(*rows)) if rows else [()] * len(spec)
    data = {}
    for (name, kind), column in zip(spec, values):
        if kind == "int":
            data[name] = pd.Series(np.array(column, dtype=np.int64), copy=False)
        elif kind in ("float", "int?"):
            data[name] = pd.Series(np.array(column, dtype=np.float64), copy=False)
        elif kind == "bool":
            data[name] = pd.Series(np.array(column, dtype=bool), copy=False)
        else:
            data[name] = pd.Series(column, dtype=object)
    result = pd.DataFrame(data, columns=[name for name, _kind in spec])
    order = list(ORDER.get(table, ("position",)))
    return result.sort_values(order, kind="stable").reset_index(drop=True)


def to_frames(position: int, tables: dict[str, Iterable[Any]]) -> Frames:
    """Frames of the rows of each table of ``FRAMED``."""
    return Frames(position=position, **{name: frame(name, tables[name]) for name in FRAMED})


def replay_frames(store: Store, upto: int, page_size: int = 20_000) -> Frames:
    """The read model at log position ``upto``, replayed in memory from the log (no tables are
    read or written): what the evidence verifier recomputes indicators from."""
    batch = Batch()
    for page in store.read_log(after=0, upto=upto, topics=TOPICS, page_size=page_size, raw_ids=True):
        map_rows(batch, page)
    tables = batch.new_rows()
    tables.update(rollup.from_rows(tables))
    frames = to_frames(upto, tables)
    frames.unreadable = batch.unreadable
    return frames

"""The read models' tables: their columns and types (``TABLES``), which projection writes which
(``PROJECTIONS``), and what a row must hold before it is written (``check_row``): an event of the
right kind with a field of the wrong shape never reaches the tables."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

# table -> (key column, [(column, type)]); types: str, float, bool, int (never null) and
# int? (a whole number that may be missing: a float column in frames).
TABLES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "sites": (
        "site_id",
        [
            ("site_id", "str"),
            ("position", "int"),
            ("site", "str"),
            ("kind", "str"),
            ("name", "str"),
            ("kelurahan", "str"),
            ("kecamatan", "str"),
            ("population", "int?"),
            ("registered_on", "str"),
            ("closed", "bool"),
            ("lat", "float"),
            ("lng", "float"),
            ("closed_on", "str"),
        ],
    ),
    "waste": (
        "entry_id",
        [
            ("entry_id", "str"),
            ("position", "int"),
            ("site", "str"),
            ("category", "str"),
            ("kg", "float"),
            ("destination", "str"),
            ("source", "str"),
            ("occurred_on", "str"),
            ("voided", "bool"),
        ],
    ),
    # the live waste entries' kg summed per day, site, category, source and destination, and
    # how many entries each sum holds (projections.rollup): what the figures of a period read
    "waste_daily": (
        "occurred_on",
        [
            ("occurred_on", "str"),
            ("site", "str"),
            ("category", "str"),
            ("source", "str"),
            ("destination", "str"),
            ("kg", "float"),
            ("entries", "int"),
        ],
    ),
    "exchanges": (
        "entry_id",
        [
            ("entry_id", "str"),
            ("position", "int"),
            ("site", "str"),
            ("bottles", "int"),
            ("weight_kg", "float"),
            ("weight_estimated", "bool"),
            ("pupil", "str"),
            ("pupil_class", "str"),
            ("occurred_on", "str"),
            ("voided", "bool"),
        ],
    ),
    "exchange_items": (
        "entry_id",
        [("entry_id", "str"), ("position", "int"), ("item", "str"), ("qty", "int")],
    ),
    # the items the live exchanges issued, summed per day, site and item (projections.rollup):
    # what a stock at a date is reckoned from
    "items_daily": (
        "occurred_on",
        [("occurred_on", "str"), ("site", "str"), ("item", "str"), ("qty", "int")],
    ),
    "receipts": (
        "entry_id",
        [
            ("entry_id", "str"),
            ("position", "int"),
            ("site", "str"),
            ("item", "str"),
            ("qty", "int"),
            ("cost_rp", "int?"),
            ("occurred_on", "str"),
            ("voided", "bool"),
        ],
    ),
    "handovers": (
        "entry_id",
        [
            ("entry_id", "str"),
            ("position", "int"),
            ("site", "str"),
            ("weight_kg", "float"),
            ("recipient", "str"),
            ("buyer", "str"),
            ("price_rp_per_kg", "int?"),
            ("occurred_on", "str"),
            ("voided", "bool"),
        ],
    ),
    "ponds": (
        "pond_id",
        [
            ("pond_id", "str"),
            ("position", "int"),
            ("pond", "str"),
            ("site", "str"),
            ("volume_m3", "float"),
            ("system", "str"),
        ],
    ),
    "pond_records": (
        "entry_id",
        [
            ("entry_id", "str"),
            ("position", "int"),
            ("record", "str"),
            ("site", "str"),
            ("pond", "str"),
            ("cycle_id", "str"),
            ("species", "str"),
            ("count", "int?"),
            ("mean_g", "float"),
            ("kg", "float"),
            ("liters", "float"),
            ("sold_kg", "float"),
            ("price_rp_per_kg", "int?"),
            ("final", "bool"),
            ("written_off", "int"),
            ("occurred_on", "str"),
            ("voided", "bool"),
            ("cost_rp", "int?"),
            ("feed_type", "str"),
            ("cause", "str"),
        ],
    ),
    # one row per event of the city record (each the values given for one year: None where
    # not given); projections.basis folds them, the latest value of each field winning
    "city": (
        "event_id",
        [
            ("event_id", "str"),
            ("position", "int"),
            ("year", "int"),
            ("name", "str"),
            ("province", "str"),
            ("population", "int?"),
            ("kg_per_person_day", "float"),
            ("timbulan_ton", "float"),
            ("target_pengurangan", "float"),
            ("target_penanganan", "float"),
            ("target_dikelola", "float"),
            ("tpa_system", "str"),
            ("source", "str"),
        ],
    ),
}

# projection -> the tables it writes (each projection tracks its own log position)
PROJECTIONS: dict[str, tuple[str, ...]] = {
    "sites": ("sites", "ponds"),
    "waste": ("waste", "waste_daily"),
    "sambo": ("exchanges", "exchange_items", "items_daily", "receipts", "handovers"),
    "ponds": ("pond_records",),
    "city": ("city",),
}


INDEXES: dict[str, tuple[tuple[str, ...], ...]] = {
    "waste": (("occurred_on", "site"),),
    "waste_daily": (("occurred_on", "site"),),
    "exchanges": (("occurred_on", "site"),),
    "items_daily": (("occurred_on", "site"),),
    "pond_records": (("occurred_on",), ("cycle_id",)),
}
"""table -> the columns of its indexes beside its key's: what a period's rows are found by (and
a roll-up's entries by their day and site)."""

ORDER: dict[str, tuple[str, ...]] = {
    "exchange_items": ("position", "item"),
    "waste_daily": ("occurred_on", "site", "category", "source", "destination"),
    "items_daily": ("occurred_on", "site", "item"),
}
"""table -> the columns its rows are in the order of, in tables and frames (else ``position``,
the log order of the event that recorded each row)."""

FRAMED = tuple(table for table in TABLES if table != "waste")
"""The tables frames carry: waste is summed from its daily roll-up (the entries' own table is
what the roll-up is summed again from when an entry changes)."""

COLUMNS: dict[str, dict[str, int]] = {
    table: {column: index for index, (column, _type) in enumerate(spec)} for table, (_key, spec) in TABLES.items()
}
"""table -> column -> its index in a row (rows are lists in the column order of ``TABLES``)."""


_NUMBERS = (int, float)
_LOWEST, _HIGHEST = -(2**63), 2**63 - 1
"""The whole numbers SQLite and PostgreSQL store (a larger one, put in the log by hand, would
fail the insert of its page)."""
_REQUIRED = {("waste", "kg"), ("exchanges", "weight_kg"), ("handovers", "weight_kg"), ("ponds", "volume_m3")}
_CHECKED: dict[str, list[tuple[int, str, tuple[type, ...], bool]]] = {
    table: [
        (index, column, _NUMBERS if kind == "float" else (int,) if kind in ("int", "int?") else (str,),
         kind == "int" or (table, column) in _REQUIRED)
        for index, (column, kind) in enumerate(spec)
        if kind != "bool" and not (kind == "str" and column not in ("site", "occurred_on", key))
    ]
    for table, (key, spec) in TABLES.items()
}
"""table -> the columns whose type a row is checked for: numbers (whole numbers where the
column holds counts; None where the column may be empty) and the texts reports group by."""


def _check(table: str, column: str, value: Any, types: tuple[type, ...], required: bool) -> None:
    if value is None:
        if required or types == (str,):
            raise KeyError(column)
        return
    if (value.__class__ not in types or (value.__class__ is float and not math.isfinite(value))
            or (value.__class__ is int and not _LOWEST <= value <= _HIGHEST)):
        raise TypeError(f"{column} = {value!r}"[:120])


def _fast_check(table: str) -> Callable[[list[Any]], bool]:
    """One expression per table that is true when every checked value of a row is of its type
    (and finite): the common case costs one call, the details come only for a row that fails."""
    tests = ["True"]
    for index, _column, types, required in _CHECKED[table]:
        value = f"r[{index}]"
        if types == (str,):
            tests.append(f"{value}.__class__ is str")
            continue
        allowed = " or ".join(f"{value}.__class__ is {t.__name__}" for t in types)
        finite = f" and {value} - {value} == 0" if float in types else ""
        in_range = f" and {_LOWEST} <= {value} <= {_HIGHEST}"  # a float within too; a whole number as SQL stores it
        test = f"(({allowed}){finite}{in_range})"
        tests.append(test if required else f"({value} is None or {test})")
    return eval(f"lambda r: {' and '.join(tests)}")  # noqa: S307 - built from TABLES only


_FAST = {table: _fast_check(table) for table in TABLES}


def check_row(table: str, row: list[Any]) -> None:
    """Raises (naming the column) when a value is not of its column's type: an event of the
    right kind with a field of the wrong shape never reaches the tables."""
    if _FAST[table](row):
        return
    for index, column, types, required in _CHECKED[table]:
        _check(table, column, row[index], types, required)


def check_values(table: str, values: dict[str, Any]) -> None:
    """``check_row`` for the columns an update changes."""
    for index, column, types, required in _CHECKED[table]:
        if column in values:
            _check(table, column, values[column], types, required)

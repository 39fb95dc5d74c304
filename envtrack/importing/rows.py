"""From a table's cells to rows of values: the header checked, each cell converted, and each row
given its entry id from its fingerprint (kind + values + how many times the same row came
before it in the file), so that the same rows always get the same ids."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from hashlib import sha1
from uuid import UUID

from domain.errors import DomainError, InvalidValue
from domain.values import ENVTRACK_NAMESPACE
from envtrack.importing.columns import (
    IGNORED_HEADERS,
    KINDS,
    LAYOUTS,
    POND_ACTION_COLUMNS,
    CellError,
    Column,
    as_items,
    as_text,
    header_key,
    recognise,
    resolve,
)
from envtrack.importing.reading import Sheet


@dataclass
class Problem:
    """What is wrong with one cell, column or row, as a refusal (worded when reported)."""

    sheet: str | None
    row: int
    column: str | None
    reason: DomainError


@dataclass
class Row:
    """One logbook row, converted: ``values`` keyed by the layout's field names."""

    sheet: str | None
    number: int
    kind: str
    values: dict[str, Any]
    columns: dict[str, str]  # field -> how an error names the column, e.g. "D (berat_kg)"
    entry_id: UUID | None = None


@dataclass
class Table:
    """The rows and problems of one sheet."""

    sheet: str | None
    kind: str | None
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def column_letter(position: int) -> str:
    """``0`` → ``A``, ``26`` → ``AA``: how a spreadsheet names the column."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_table(sheet: Sheet, kind: str | None) -> Table:
    """Checks the header row, then converts every row (collecting every problem found)."""
    headers = [as_text(h) or "" for h in sheet.headers]
    kind = kind or recognise(headers)
    table = Table(sheet=sheet.name, kind=kind)
    if kind is None:
        table.problems.append(
            Problem(
                sheet.name,
                1,
                None,
                InvalidValue("headers", ", ".join(h for h in headers if h), "no_logbook_kind"),
            )
        )
        return table
    resolved = resolve(kind, headers)
    labels = {position: f"{column_letter(position)} ({header})" for position, header in enumerate(headers) if header}
    table.problems.extend(_header_problems(sheet.name, kind, headers, resolved, labels))
    if table.problems:
        return table
    columns = {column.field: labels[position] for position, column in resolved.items()}
    # Logbooks repeat their dates, sites and words: each distinct text is converted once.
    memo: dict[int, dict[str, Any]] = {
        position: {} for position, column in resolved.items() if column.convert is not as_items
    }
    for number, cells in sheet.rows:
        row, problems = _convert(sheet.name, number, kind, cells, resolved, labels, columns, memo)
        if problems:
            table.problems.extend(problems)
        else:
            table.rows.append(row)
    return table


def _header_problems(
    sheet: str | None, kind: str, headers: list[str], resolved: dict[int, Column], labels: dict[int, str]
) -> list[Problem]:
    problems = []
    seen: dict[str, int] = {}
    for position, header in enumerate(headers):
        if not header or header_key(header) in IGNORED_HEADERS:
            continue
        column = resolved.get(position)
        if column is None:
            names = ", ".join(f"{c.header_id}/{c.field}" for c in LAYOUTS[kind])
            problems.append(
                Problem(
                    sheet,
                    1,
                    labels[position],
                    InvalidValue("header", header, "not_a_column", kind=kind, columns=names),
                )
            )
        elif column.field in seen:
            problems.append(
                Problem(
                    sheet,
                    1,
                    labels[position],
                    InvalidValue("header", header, "repeats_column", column=labels[seen[column.field]]),
                )
            )
        else:
            seen[column.field] = position
    for column in LAYOUTS[kind]:
        if column.required and column.field not in seen:
            problems.append(
                Problem(
                    sheet,
                    1,
                    None,
                    InvalidValue("header", f"{column.header_id}/{column.field}", "column_missing", kind=kind),
                )
            )
    return problems


def _convert(
    sheet: str | None,
    number: int,
    kind: str,
    cells: list[Any],
    resolved: dict[int, Column],
    labels: dict[int, str],
    columns: dict[str, str],
    memo: dict[int, dict[str, Any]],
) -> tuple[Row, list[Problem]]:
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for position, cell in enumerate(cells):
        column = resolved.get(position)
        known = memo.get(position)
        if known is not None and cell.__class__ is str and cell in known:
            value = known[cell]
            if value is not None:
                values[column.field] = value  # type: ignore[union-attr]
            continue
        if column is None:
            if position not in labels and as_text(cell) is not None:
                problems.append(
                    Problem(
                        sheet,
                        number,
                        column_letter(position),
                        InvalidValue("cell", as_text(cell), "cell_without_header"),
                    )
                )
            continue
        try:
            value = column.convert(cell)
        except CellError as error:
            problems.append(Problem(sheet, number, labels[position], error.for_column(column.field, cell)))
            continue
        if known is not None and cell.__class__ is str:
            known[cell] = value
        if value is not None:
            values[column.field] = value
    row = Row(sheet, number, kind, values, columns)
    if problems:
        return row, problems
    required = list(_REQUIRED[kind])
    unused: list[str] = []
    if kind == "pond" and "action" in values:
        needed, optional = POND_ACTION_COLUMNS[values["action"]]
        required += needed
        allowed = {"date", "pond", "action", "operator", *needed, *optional}
        unused = [name for name in values if name not in allowed]
    for name in required:
        if name not in values:
            problems.append(
                Problem(sheet, number, columns.get(name, name), _empty(name, values.get("action")))
            )
    for name in unused:
        problems.append(
            Problem(
                sheet,
                number,
                columns[name],
                InvalidValue(name, as_text(values[name]), "not_used_by_action", action=values["action"]),
            )
        )
    return row, problems


_REQUIRED = {kind: tuple(c.field for c in LAYOUTS[kind] if c.required) for kind in LAYOUTS}


def _empty(name: str, action: str | None) -> DomainError:
    if action is None:
        return InvalidValue(name, "", "empty")
    return InvalidValue(name, "", "empty_for_action", action=action)


_FIELDS = {kind: tuple(column.field for column in LAYOUTS[kind]) for kind in LAYOUTS}


def fingerprint(kind: str, values: dict[str, Any], known: dict[Any, str] | None = None) -> str:
    """The row's values in one canonical text: the same row reads the same from CSV or XLSX,
    from Indonesian or English headers, with a decimal point or comma. ``known`` remembers
    the canonical text of values already seen."""
    parts = [kind]
    for name in _FIELDS[kind]:
        value = values.get(name)
        if value.__class__ is dict:
            text = _canonical(value)
        else:
            key = (value.__class__, value)
            text = known.get(key) if known is not None else None
            if text is None:
                text = _canonical(value)
                if known is not None:
                    known[key] = text
        parts.append(f"{name}={text}")
    return "\x1f".join(parts)


def _canonical(value: Any) -> str:
    if value.__class__ is str:
        return value  # type: ignore[no-any-return]
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return ";".join(f"{k}={_canonical(v)}" for k, v in sorted(value.items()))
    return str(value)


_NAMESPACE = ENVTRACK_NAMESPACE.bytes


def assign_ids(rows: list[Row]) -> None:
    """Gives every row its entry id: uuid5 of its fingerprint and its occurrence in the file
    (two identical rows are two entries, and stay two entries on every re-import)."""
    seen: Counter[str] = Counter()
    known: dict[Any, str] = {}
    for row in rows:
        key = fingerprint(row.kind, row.values, known)
        seen[key] += 1
        name = f"import/{key}\x1e{seen[key]}"
        # uuid5(ENVTRACK_NAMESPACE, name), spelled out: the library call costs twice as much.
        row.entry_id = UUID(bytes=sha1(_NAMESPACE + name.encode()).digest()[:16], version=5)


__all__ = ["KINDS", "Problem", "Row", "Table", "assign_ids", "fingerprint", "read_table"]

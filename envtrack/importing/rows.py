"""From a table's cells to rows of values: the header row found and checked, blank and total
rows skipped, each cell converted, every problem of a row reported together.

A logbook as clerks keep it has title rows above its header row, blank rows between its rows
and a JUMLAH row at the end: the header row is the first of the first ``HEADER_WITHIN`` rows
whose headers name a logbook's required columns; after it, blank rows and rows with a cell that
reads JUMLAH, TOTAL or SUBTOTAL are skipped and counted (``Counts``); blank rows after the last
row are not rows at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any
from uuid import UUID

from domain.errors import DomainError, InvalidValue
from envtrack.importing.columns import (
    IGNORED_HEADERS,
    KINDS,
    LAYOUTS,
    POND_ACTION_COLUMNS,
    CellError,
    as_items,
    as_text,
    has_required,
    header_keys,
    recognise,
    resolve,
)
from envtrack.importing.reading import Sheet, filled

HEADER_WITHIN = 10
"""The header row is looked for among this many first rows of a table."""

PROBLEMS_SHOWN = 100
"""Problems reported one by one; the rest are counted."""

MEMO_TEXTS = 50_000
"""Distinct texts of a column remembered with their values (a logbook repeats its dates, sites
and words); past this many the column starts again."""

_UNSEEN = object()

_TOTAL = re.compile(r"(?:^|\x1f)\s*(?:jumlah|sub[\s_-]?total|total)\s*:?\s*(?:\x1f|$)", re.IGNORECASE)


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
class Counts:
    """What reading a file met: rows read (below a header row, neither blank nor totals), rows
    above the header rows, blank rows and total rows skipped."""

    read: int = 0
    above_header: int = 0
    blank: int = 0
    totals: int = 0

    @property
    def skipped(self) -> int:
        return self.above_header + self.blank + self.totals


@dataclass
class Problems:
    """The problems of a file in file order: the first ``limit`` kept, the rest only counted;
    ``bad_rows`` counts the rows (or header rows) with any."""

    limit: int = PROBLEMS_SHOWN
    shown: list[Problem] = field(default_factory=list)
    more: int = 0
    bad_rows: int = 0

    def add_row(self, problems: list[Problem]) -> None:
        """The problems of one row (or header row), in the order they are to be reported (a
        ``Found`` list may count more it did not keep)."""
        more = getattr(problems, "more", 0)
        if not problems and not more:
            return
        self.bad_rows += 1
        room = max(0, self.limit - len(self.shown))
        self.shown.extend(problems[:room])
        self.more += len(problems) - len(problems[:room]) + more

    def __bool__(self) -> bool:
        return self.bad_rows > 0


class Found(list):  # type: ignore[type-arg]
    """The problems of one row kept, and how many ``more`` were found but not kept."""

    more: int = 0


def column_letter(position: int) -> str:
    """``0`` → ``A``, ``26`` → ``AA``: how a spreadsheet names the column."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_sheet(
    sheet: Sheet, kind: str | None, counts: Counts
) -> Iterator[tuple[Row | None, list[Problem]]]:
    """Each data row of the sheet converted, with its problems; a header row that is wrong
    gives ``(None, its problems)`` and ends the sheet. An empty sheet of a workbook gives
    nothing."""
    first = list(islice(sheet.rows, HEADER_WITHIN))
    at, named, keys = find_header(first, kind)
    if at is None and sheet.name is not None and not any(_is_filled(cells) for _, cells in chain(first, sheet.rows)):
        return  # an empty sheet of a workbook
    if at is None or not named:
        number = first[at][0] if at is not None else 1
        yield None, [Problem(sheet.name, number, None, InvalidValue("headers", "", "no_header_row", rows=HEADER_WITHIN))]
        return
    number, cells = first[at]
    counts.above_header += at
    headers = [as_text(h) or "" for h in cells]
    kind = kind or recognise(keys)
    if kind is None:
        named = ", ".join(h for h in headers if h)
        yield None, [Problem(sheet.name, number, None, InvalidValue("headers", named, "no_logbook_kind"))]
        _count_rows(chain(first[at + 1 :], sheet.rows), counts)
        return
    layout = _Layout(sheet.name, kind, headers, keys)
    problems = layout.header_problems(number)
    if problems or problems.more:
        yield None, problems
        _count_rows(chain(first[at + 1 :], sheet.rows), counts)
        return
    blank = 0
    for number, cells in chain(first[at + 1 :], sheet.rows):
        if not _is_filled(cells):
            blank += 1
            continue
        counts.blank += blank  # blank rows count once a row follows them
        blank = 0
        if _is_total(cells):
            counts.totals += 1
            continue
        counts.read += 1
        yield layout.convert(number, cells)


def _count_rows(rows: Iterable[tuple[int, list[Any]]], counts: Counts) -> None:
    """The rows under a header row that is wrong: counted as read, not converted."""
    counts.read += sum(1 for _, cells in rows if _is_filled(cells))


def find_header(rows: list[tuple[int, list[Any]]], kind: str | None) -> tuple[int | None, int, list[str]]:
    """Which of ``rows`` is the header row, how many columns it names, and its headers as
    compared: the first that names every required column of ``kind`` (of exactly one kind,
    when none is given); failing that the one naming the most columns (its problems are then
    reported), or the first that is not blank with 0; ``(None, 0, [])`` if all are blank."""
    best: int | None = None
    most = 0
    best_keys: list[str] = []
    for at, (_, cells) in enumerate(rows):
        if not _is_filled(cells):
            continue
        keys = header_keys([as_text(h) or "" for h in cells])
        if best is None:
            best, best_keys = at, keys
        if kind is not None:
            resolved = {kind: resolve(kind, keys)}
            if has_required(kind, resolved[kind]):
                return at, len(resolved[kind]), keys
        else:
            if recognise(keys) is not None:
                return at, len(keys), keys
            resolved = {k: resolve(k, keys) for k in KINDS}
        named = max(len(r) for r in resolved.values())
        if named > most:
            best, most, best_keys = at, named, keys
    return best, most, best_keys


def _is_filled(cells: list[Any]) -> bool:
    return any(filled(cell) for cell in cells)


def _is_total(cells: list[Any]) -> bool:
    """Whether a cell of the row reads JUMLAH, TOTAL or SUBTOTAL (any case, ``Sub Total``,
    ``TOTAL:``)."""
    try:
        texts = "\x1f".join(cells)  # a CSV row: every cell is text
    except TypeError:
        texts = "\x1f".join(cell for cell in cells if cell.__class__ is str)
    lower = texts.lower()  # every word the pattern finds holds one of these, in any case
    return ("total" in lower or "jumlah" in lower) and _TOTAL.search(texts) is not None


class _Layout:
    """A sheet's header row: which column each position holds, and how errors name them."""

    def __init__(self, sheet: str | None, kind: str, headers: list[str], keys: list[str]) -> None:
        self.sheet, self.kind, self.headers, self.keys = sheet, kind, headers, keys
        self.resolved = resolve(kind, keys)
        self.columns = {column.field: self.label(position) for position, column in self.resolved.items()}
        self.fields = {position: column.field for position, column in self.resolved.items()}
        self.required = frozenset(_REQUIRED[kind])
        self.complete_when_required = kind != "pond"  # a pond row needs what its action needs too
        # Logbooks repeat their dates, sites and words: each distinct text is converted once.
        self.memo: dict[int, dict[str, Any]] = {
            position: {} for position, column in self.resolved.items() if column.convert is not as_items
        }

    def label(self, position: int) -> str:
        """``D (berat_kg)``: the column's letters and header."""
        return f"{column_letter(position)} ({self.headers[position]})"

    def header_problems(self, number: int, limit: int = PROBLEMS_SHOWN) -> Found:
        """What is wrong with the header row: the first ``limit`` problems, the rest counted."""
        found = Found()
        seen: dict[str, int] = {}
        names = ", ".join(f"{c.header_id}/{c.field}" for c in LAYOUTS[self.kind])
        for position, header in enumerate(self.headers):
            if not header or self.keys[position] in IGNORED_HEADERS:
                continue
            column = self.resolved.get(position)
            if column is not None and column.field not in seen:
                seen[column.field] = position
                continue
            if len(found) >= limit:
                found.more += 1
            elif column is None:
                refusal = InvalidValue("header", header, "not_a_column", kind=self.kind, columns=names)
                found.append(Problem(self.sheet, number, self.label(position), refusal))
            else:
                refusal = InvalidValue("header", header, "repeats_column", column=self.label(seen[column.field]))
                found.append(Problem(self.sheet, number, self.label(position), refusal))
        for column in LAYOUTS[self.kind]:
            if column.required and column.field not in seen:
                refusal = InvalidValue("header", f"{column.header_id}/{column.field}", "column_missing", kind=self.kind)
                found.append(Problem(self.sheet, number, None, refusal))
        return found

    def convert(self, number: int, cells: list[Any]) -> tuple[Row, list[Problem]]:
        """The row's values, and every problem of its cells: unreadable, under no header,
        required but empty, or not used by the row's pond action."""
        sheet, resolved, memo, fields = self.sheet, self.resolved, self.memo, self.fields
        values: dict[str, Any] = {}
        problems: list[Problem] = []
        failed: set[str] = set()
        for position, cell in enumerate(cells):
            known = memo.get(position)
            if known is not None and cell.__class__ is str:
                value = known.get(cell, _UNSEEN)
                if value is not _UNSEEN:
                    if value is not None:
                        values[fields[position]] = value
                    continue
            column = resolved.get(position)
            if column is None:
                header = self.headers[position] if position < len(self.headers) else ""
                if not header and as_text(cell) is not None:
                    refusal = InvalidValue("cell", as_text(cell), "cell_without_header")
                    problems.append(Problem(sheet, number, column_letter(position), refusal))
                continue
            try:
                value = column.convert(cell)
            except CellError as error:
                problems.append(Problem(sheet, number, self.label(position), error.for_column(column.field, cell)))
                failed.add(column.field)
                continue
            if known is not None and cell.__class__ is str:
                if len(known) >= MEMO_TEXTS:  # many distinct texts (weights): keep memory bounded
                    known.clear()
                known[cell] = value
            if value is not None:
                values[column.field] = value
        row = Row(sheet, number, self.kind, values, self.columns)
        if (values or failed or not problems) and not (self.complete_when_required and self.required <= values.keys()):
            problems.extend(self._missing(row, failed))  # (a row of stray cells alone: only their problems)
        return row, problems

    def _missing(self, row: Row, failed: set[str]) -> Iterator[Problem]:
        values, columns = row.values, self.columns
        required = list(_REQUIRED[self.kind])
        unused: list[str] = []
        if self.kind == "pond" and "action" in values:
            needed, optional = POND_ACTION_COLUMNS[values["action"]]
            required += needed
            allowed = {"date", "pond", "action", "operator", *needed, *optional}
            unused = [name for name in values if name not in allowed]
        for name in required:
            if name not in values and name not in failed:
                yield Problem(row.sheet, row.number, columns.get(name, name), _empty(name, values.get("action")))
        for name in unused:
            refusal = InvalidValue(name, as_text(values[name]), "not_used_by_action", action=values["action"])
            yield Problem(row.sheet, row.number, columns[name], refusal)


_REQUIRED = {kind: tuple(c.field for c in LAYOUTS[kind] if c.required) for kind in LAYOUTS}


def _empty(name: str, action: str | None) -> DomainError:
    if action is None:
        return InvalidValue(name, "", "empty")
    return InvalidValue(name, "", "empty_for_action", action=action)


__all__ = ["KINDS", "Counts", "Problem", "Problems", "Row", "column_letter", "find_header", "read_sheet"]

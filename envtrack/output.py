"""One place that turns query results into text: aligned tables for people, JSON for scripts.

Dates and times are ISO-8601, UUIDs are strings, keys keep the order the query gave them (the
order is part of each command's documented output). Only the standard library is imported here,
so recording commands can use it without loading pandas.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID


def plain(value: Any) -> Any:
    """A value as JSON can hold it: ISO dates, string UUIDs, lists for tuples and sets."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [plain(item) for item in items]
    return value


def render_json(obj: Any) -> str:
    """Indented JSON, non-ASCII letters kept as they are."""
    return json.dumps(plain(obj), ensure_ascii=False, indent=2)


def cell(value: Any) -> str:
    """A value as a table cell shows it: empty for None, ISO dates, numbers without noise."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if math.isfinite(value) else ""
    if isinstance(value, dict):
        return ", ".join(f"{key}={cell(item)}" for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(item) for item in value)
    return " ".join(str(plain(value)).splitlines())


def render_table(rows: list[dict], columns: list[str] | None = None) -> str:
    """Rows under a header, columns padded to their widest cell; no trailing spaces.

    ``columns`` defaults to the keys of the rows, in the order first seen.
    """
    if columns is None:
        columns = _keys(rows)
    if not columns:
        return ""
    cells = [[cell(row.get(column)) for column in columns] for row in rows]
    widths = [max([len(column)] + [len(line[i]) for line in cells]) for i, column in enumerate(columns)]
    lines = [_line(columns, widths), _line(["-" * width for width in widths], widths)]
    lines.extend(_line(line, widths) for line in cells)
    return "\n".join(lines)


def _line(values: list[str], widths: list[int]) -> str:
    return "  ".join(value.ljust(width) for value, width in zip(values, widths)).rstrip()


def _keys(rows: Iterable[dict]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


# -- spreadsheets: CSV and XLSX ----------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these could be read by a spreadsheet as a formula."""


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet could take for a formula, with a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def sheet_value(value: Any) -> Any:
    """A value as a spreadsheet cell holds it: numbers stay numbers, None is empty, text is
    neutralised, dicts and lists are written as a table cell shows them."""
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (dict, list, tuple)):
        return neutralise(cell(value))
    return neutralise(str(plain(value)))


def render_csv(rows: list[dict], columns: list[str] | None = None, headers: list[str] | None = None) -> str:
    """Rows as CSV (RFC 4180: CRLF line ends, so a field holding a CR or LF is quoted) under a
    header row (``headers``, or the column keys)."""
    import csv
    import io

    if columns is None:
        columns = _keys(rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(header) for header in (headers or columns)])
    for row in rows:
        values = [sheet_value(row.get(column)) for column in columns]
        writer.writerow(["" if value is None else value for value in values])
    return buffer.getvalue()


class Sheet:
    """One worksheet: a title, rows, their column keys and the header labels shown."""

    def __init__(
        self, title: str, rows: list[dict], columns: list[str] | None = None, headers: list[str] | None = None
    ) -> None:
        self.title = title
        self.rows = rows
        self.columns = columns if columns is not None else _keys(rows)
        self.headers = headers or self.columns


def write_xlsx(
    path: str, rows: list[dict], columns: list[str] | None = None, headers: list[str] | None = None, title: str = "data"
) -> None:
    """Rows as a one-sheet XLSX workbook at ``path``."""
    write_xlsx_sheets(path, [Sheet(title, rows, columns, headers)])


def write_xlsx_sheets(path: str, sheets: list[Sheet]) -> None:
    """An XLSX workbook with one worksheet per ``Sheet``; header row bold and frozen."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        title = "".join(ch for ch in sheet.title if ch not in "[]:*?/\\")[:31] or "data"
        worksheet = workbook.create_sheet(title)
        worksheet.append([neutralise(header) for header in sheet.headers])
        for header_cell in worksheet[1]:
            header_cell.font = Font(bold=True)
        for row in sheet.rows:
            worksheet.append([sheet_value(row.get(column)) for column in sheet.columns])
        worksheet.freeze_panes = "A2"
        for index, column in enumerate(sheet.columns):
            shown = [len(str(sheet.headers[index]))]
            shown += [len(str(sheet_value(row.get(column)) or "")) for row in sheet.rows[:200]]
            letter = worksheet.cell(row=1, column=index + 1).column_letter
            worksheet.column_dimensions[letter].width = min(max(shown) + 2, 60)
    workbook.save(path)

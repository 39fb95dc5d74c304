"""Rows as spreadsheet files: CSV text and XLSX bytes, and a file written whole or not at all.

The pack (``projections/packtables.py``) and ``envtrack indicators`` write their CSV and XLSX
here. Spreadsheets hold the data plainly (numbers stay numbers, dates are ISO text, no thousands
marks), under a header row of the stable column keys or of the headers given. A text cell that a
spreadsheet could take for a formula gets a leading ``'``. Only the standard library is imported
at module level; openpyxl is loaded when a workbook is written.
"""

from __future__ import annotations

import math
import os
import uuid
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these could be read by a spreadsheet as a formula."""


def keys(rows: Iterable[dict]) -> list[str]:
    """The keys of the rows, in the order first seen."""
    return list(dict.fromkeys(key for row in rows for key in row))


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet could take for a formula, with a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def sheet_value(value: Any) -> Any:
    """A value as a spreadsheet cell holds it: numbers stay numbers, None is empty, dates are ISO
    text, text is neutralised, dicts and lists are one text cell (``key=value, …``)."""
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()
    if value is None:
        return None
    if isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (date, dict, list, tuple)):
        return neutralise(_text(value))
    return neutralise(str(value))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if math.isfinite(value) else ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return ", ".join(f"{key}={_text(item)}" for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(item) for item in value)
    return " ".join(str(value).splitlines())


def render_csv(rows: list[dict], columns: list[str] | None = None, headers: list[str] | None = None) -> str:
    """Rows as CSV (RFC 4180: CRLF line ends, so a field holding a CR or LF is quoted) under a
    header row (``headers``, or the column keys)."""
    import csv
    import io

    if columns is None:
        columns = keys(rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(header) for header in (headers or columns)])
    for row in rows:
        values = [sheet_value(row.get(column)) for column in columns]
        writer.writerow(["" if value is None else value for value in values])
    return buffer.getvalue()


def xlsx_bytes(
    rows: list[dict], columns: list[str] | None = None, headers: list[str] | None = None, title: str = "data"
) -> bytes:
    """Rows as a one-sheet XLSX workbook, header row bold and frozen.

    The workbook is built in memory: openpyxl writing straight to a file that fails halfway (a full
    disk) leaves a half-closed archive behind, whose clean-up fails again when it is collected."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    if columns is None:
        columns = keys(rows)
    headers = headers or columns
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = "".join(ch for ch in title if ch not in "[]:*?/\\")[:31] or "data"
    worksheet.append([neutralise(header) for header in headers])
    for header_cell in worksheet[1]:
        header_cell.font = Font(bold=True)
    for row in rows:
        worksheet.append([sheet_value(row.get(column)) for column in columns])
    worksheet.freeze_panes = "A2"
    for index, column in enumerate(columns):
        shown = [len(str(headers[index]))]
        shown += [len(str(sheet_value(row.get(column)) or "")) for row in rows[:200]]
        letter = worksheet.cell(row=1, column=index + 1).column_letter
        worksheet.column_dimensions[letter].width = min(max(shown) + 2, 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Writes ``data`` to ``path`` whole or not at all.

    The bytes go to a new file beside the target (beside the file a link points to), are flushed
    to disk, and the new file is renamed over the target in one step: a failure (a full disk, no
    permission) removes the new file and leaves any previous file as it was. A target that exists
    but may not be written is refused as ``open`` would refuse it. Raises ``OSError``.
    """
    import errno

    target = os.path.realpath(path)
    if os.path.exists(target) and not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    folder, name = os.path.split(target)
    temporary = os.path.join(folder, f".{name}.{uuid.uuid4().hex[:12]}.part")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise

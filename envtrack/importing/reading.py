"""Reading logbook files, row by row: CSV (UTF-8 with or without BOM, comma, semicolon or tab
separated) and XLSX (every worksheet). Each table yields every row, numbered as a spreadsheet
shows it (the first row is row 1), blank ones included; finding the header row and skipping
blank and total rows is ``rows.py``'s job. A file that is not a CSV or XLSX logbook is refused as
the field ``file`` (its path), with a code whose words are in ``envtrack/messages_import.py``.

Nothing is held but the row being read: a CSV file is decoded line by line, a workbook's sheets
are parsed as they are read (openpyxl's read-only mode). A workbook's ``<dimension>`` tag is
ignored, as programs that write workbooks leave it stale: the rows in the sheet are what
counts, and a sheet ends at its last row. Input that cannot seek (a pipe) is read once as it
comes; a workbook from a pipe is first copied to an anonymous temporary file, which zip reading
needs and which leaves nothing behind.
"""

from __future__ import annotations

import csv
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, islice
from typing import IO, Any

from domain.errors import DomainError, InvalidValue, NotFound

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls
DELIMITERS = (";", ",", "\t")
SAMPLE_LINES = 10
"""Lines read to tell the delimiter: the header row may follow a few title rows."""
CELLS_PER_SHEET = 20_000_000
"""Cells (empty ones included, as a sheet's rows span them) read from one sheet at most: a
logbook of 1,000,000 rows of 20 columns. A sheet whose formatted but empty cells reach far
beyond its data (a styled cell at XFD on every row) is refused at this bound instead of being
read for minutes."""


@dataclass
class Sheet:
    """One table of a logbook: a CSV file, or one sheet of a workbook. ``rows`` yields
    ``(number, cells)`` once, in order."""

    name: str | None
    rows: Iterator[tuple[int, list[Any]]]


@contextmanager
def open_logbook(path: str) -> Iterator[Iterator[Sheet]]:
    """The tables of a CSV or XLSX file, recognised by its content rather than its name; the
    file stays open while they are read."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        raise NotFound("file", path, "file_not_found") from None
    if stat.S_ISDIR(mode):
        raise InvalidValue("file", path, "file_is_folder")
    try:
        handle = open(path, "rb")
    except OSError as error:
        raise InvalidValue("file", path, "file_unreadable", reason=error.strerror or str(error)) from None
    with handle:
        head = _peek(handle, 8)
        if head.startswith(OLE_MAGIC):
            raise InvalidValue("file", path, "file_old_xls")
        if head.startswith(XLSX_MAGIC):
            with _seekable(handle) as source:
                yield _xlsx_sheets(source, path)
        else:
            yield iter([Sheet(None, _csv_rows(handle, path))])


def _peek(handle: IO[bytes], size: int) -> bytes:
    peek = getattr(handle, "peek", None)
    return peek(size)[:size] if peek is not None else b""


@contextmanager
def _seekable(handle: IO[bytes]) -> Iterator[IO[bytes]]:
    if handle.seekable():
        yield handle
        return
    with tempfile.TemporaryFile() as copy:  # anonymous: removed however the import ends
        shutil.copyfileobj(handle, copy)
        copy.seek(0)
        yield copy


# -- CSV ---------------------------------------------------------------------------------------


def _csv_rows(handle: IO[bytes], path: str) -> Iterator[tuple[int, list[Any]]]:
    lines = _text_lines(handle, path)
    sample = list(islice(lines, SAMPLE_LINES))
    reader = csv.reader(chain(sample, lines), delimiter=_delimiter(sample))
    try:
        yield from enumerate(reader, start=1)
    except csv.Error as error:
        raise InvalidValue("file", path, "file_not_csv", reason=str(error)) from None


def _text_lines(handle: IO[bytes], path: str) -> Iterator[str]:
    """The file's lines as text (a UTF-8 character never holds the byte ``\\n``)."""
    offset = 0
    for raw in handle:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidValue("file", path, "file_not_utf8", byte=offset + error.start + 1) from None
        if offset == 0:
            text = text.removeprefix("\ufeff")
        offset += len(raw)
        yield text


def _delimiter(sample: list[str]) -> str:
    """The delimiter that splits some line of the sample into the most cells (``;`` first on a
    tie): a title row has few delimiters, the header row many, and a decimal comma in a
    semicolon-separated row splits it in two at most."""

    def widest(delimiter: str) -> int:
        try:
            return max((len(cells) for cells in csv.reader(sample, delimiter=delimiter)), default=0)
        except csv.Error:
            return 0

    best = max(DELIMITERS, key=widest)
    return best if widest(best) > 1 else ","


# -- XLSX --------------------------------------------------------------------------------------


def _xlsx_sheets(source: IO[bytes], path: str) -> Iterator[Sheet]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise InvalidValue("file", path, "file_not_xlsx", reason=str(error)) from None
    try:
        for worksheet in workbook.worksheets:
            worksheet.reset_dimensions()  # the rows are what counts, not the <dimension> tag
            yield Sheet(worksheet.title, _xlsx_rows(worksheet, path))
    finally:
        workbook.close()


def _xlsx_rows(worksheet: Any, path: str) -> Iterator[tuple[int, list[Any]]]:
    budget = CELLS_PER_SHEET
    try:
        for number, cells in enumerate(worksheet.iter_rows(values_only=True), start=1):
            budget -= len(cells)
            if budget < 0:
                raise InvalidValue(
                    "file", path, "sheet_too_many_cells", sheet=worksheet.title, cells=CELLS_PER_SHEET, row=number
                )
            yield number, _trimmed(cells)
    except DomainError:
        raise
    except Exception as error:  # a damaged sheet part
        raise InvalidValue("file", path, "sheet_unreadable", sheet=worksheet.title, reason=str(error)) from None


def _trimmed(cells: tuple[Any, ...]) -> list[Any]:
    """The row without its empty cells at the end."""
    if cells.count(None) == len(cells):  # a blank row, however wide: counted in C
        return []
    end = len(cells)
    while end and not filled(cells[end - 1]):
        end -= 1
    return list(cells[:end])


def filled(cell: Any) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())

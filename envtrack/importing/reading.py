"""Reading logbook files: CSV (UTF-8 with or without BOM, comma, semicolon or tab separated)
and XLSX (every sheet that has a header row). Rows keep the number a spreadsheet shows (the
header is row 1); empty rows are skipped."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls


class UnreadableFile(Exception):
    """A file that is not a CSV or XLSX logbook (the message names the file and why)."""


@dataclass
class Sheet:
    """One table of a logbook: a CSV file, or one sheet of a workbook."""

    name: str | None
    headers: list[Any]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)


def read_logbook(path: str) -> list[Sheet]:
    """The tables of a CSV or XLSX file, recognised by its content rather than its name."""
    if not os.path.isfile(path):
        raise UnreadableFile(f"{path}: no such file")
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head.startswith(XLSX_MAGIC):
        return _read_xlsx(path)
    if head.startswith(OLE_MAGIC):
        raise UnreadableFile(f"{path}: an old .xls workbook; save it as .xlsx or as CSV UTF-8")
    return [_read_csv(path)]


def _read_csv(path: str) -> Sheet:
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            f"{path}: not UTF-8 text (byte {error.start + 1}); save it as 'CSV UTF-8'"
        ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count) if first_line.strip() else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    sheet = Sheet(name=None, headers=[])
    try:
        for number, cells in enumerate(reader, start=1):
            if number == 1:
                sheet.headers = cells
            elif any(cell.strip() for cell in cells):
                sheet.rows.append((number, cells))
    except csv.Error as error:
        raise UnreadableFile(f"{path}: not a readable CSV file ({error})") from None
    return sheet


def _read_xlsx(path: str) -> list[Sheet]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise UnreadableFile(f"{path}: not a readable XLSX workbook ({error})") from None
    try:
        sheets = []
        for worksheet in workbook.worksheets:
            sheet = Sheet(name=worksheet.title, headers=[])
            for number, cells in _numbered(worksheet.iter_rows(min_row=1, values_only=True)):
                if number == 1:
                    sheet.headers = list(cells)
                elif any(_filled(cell) for cell in cells):
                    sheet.rows.append((number, list(cells)))
            if any(_filled(cell) for cell in sheet.headers):
                sheets.append(sheet)
        return sheets
    finally:
        workbook.close()


def _numbered(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[int, tuple[Any, ...]]]:
    return enumerate(rows, start=1)


def _filled(cell: Any) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())

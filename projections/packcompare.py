"""A pack's table files compared by content with the ones made again from the log.

A table is a list of rows (the header first); an XLSX workbook is its sheets, each such a list of
cell values. Rows are matched in order (``difflib``), so that one edited cell gives one line,
and a row added, dropped or duplicated gives one line for that row, not one for every row below
it. Each line names the file, the row as a spreadsheet numbers it (the header is row 1) with its
first cell (the month, site, jenis or indicator key), and what differs.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

Rows = list[tuple[Any, ...]]


class UnreadableFile(Exception):
    """A table file that cannot be read as its kind."""


def csv_rows(path: Path) -> Rows:
    try:
        text = path.read_bytes().decode("utf-8")
        return [tuple(row) for row in csv.reader(io.StringIO(text, newline=""))]
    except (UnicodeDecodeError, csv.Error) as error:
        raise UnreadableFile(str(error)) from None


def xlsx_sheets(path: Path) -> dict[str, Rows]:
    """Every sheet's cell values, read cell by cell (never from the stored dimension)."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, data_only=False)
    except Exception as error:  # openpyxl raises zip, XML and value errors of many kinds
        raise UnreadableFile(f"{type(error).__name__}: {error}") from None
    try:
        return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook}
    finally:
        workbook.close()


def _show(value: Any) -> str:
    if value is None:
        return "(empty)"
    return repr(value) if isinstance(value, str) and value.strip() != value or value == "" else str(value)


def _typed(value: Any) -> str:
    """A cell as a line shows it; text that looks like a number is marked as text."""
    if isinstance(value, str):
        try:
            float(value)
        except ValueError:
            return _show(value)
        return f"'{value}' (text)"
    return _show(value)


def diff_rows(
    file: str,
    found: Sequence[tuple[Any, ...]],
    expected: Sequence[tuple[Any, ...]],
    labels: Mapping[str, str],
    position: int,
    *,
    sheet: str | None = None,
    typed: bool = False,
) -> list[str]:
    """Lines for every difference between ``found`` (the pack's) and ``expected`` rows."""
    where = file if sheet is None else labels["pack.diff.sheet_of"].format(file=file, sheet=sheet)
    show = _typed if typed else _show
    header = tuple(expected[0]) if expected else ()
    lines: list[str] = []

    def name(rows: Sequence[tuple[Any, ...]], index: int) -> str:
        first = rows[index][0] if rows[index] else ""
        return labels["pack.diff.row"].format(row=index + 1, key=_show(first))

    matcher = difflib.SequenceMatcher(None, list(found), list(expected), autojunk=False)
    for tag, f0, f1, e0, e1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = min(f1 - f0, e1 - e0) if tag == "replace" else 0
        for offset in range(pairs):
            mine, theirs = found[f0 + offset], expected[e0 + offset]
            width = max(len(mine), len(theirs))
            for column in range(width):
                a = mine[column] if column < len(mine) else None
                b = theirs[column] if column < len(theirs) else None
                if a == b and type(a) is type(b):
                    continue
                title = header[column] if column < len(header) else column + 1
                lines.append(
                    labels["pack.diff.cell"].format(
                        file=where, row=name(found, f0 + offset), column=title,
                        found=show(a), expected=show(b), position=position,
                    )
                )
        for index in range(f0 + pairs, f1):
            twin = next((i + 1 for i in range(len(found)) if i != index and found[i] == found[index]), None)
            template = labels["pack.diff.row_duplicate" if twin else "pack.diff.row_extra"]
            lines.append(template.format(file=where, row=name(found, index), twin=twin, position=position))
        for index in range(e0 + pairs, e1):
            lines.append(
                labels["pack.diff.row_missing"].format(file=where, row=name(expected, index), position=position)
            )
    return lines


def compare_csv(pack_file: Path, made: Path, labels: Mapping[str, str], position: int) -> list[str]:
    if pack_file.read_bytes() == made.read_bytes():
        return []
    try:
        found = csv_rows(pack_file)
    except UnreadableFile as error:
        return [labels["pack.diff.unreadable"].format(file=pack_file.name, error=error)]
    lines = diff_rows(pack_file.name, found, csv_rows(made), labels, position)
    return lines or [labels["pack.diff.table_bytes"].format(file=pack_file.name)]


def compare_xlsx(pack_file: Path, made: Path, labels: Mapping[str, str], position: int) -> list[str]:
    try:
        found = xlsx_sheets(pack_file)
    except UnreadableFile as error:
        return [labels["pack.diff.unreadable"].format(file=pack_file.name, error=error)]
    expected = xlsx_sheets(made)
    if list(found) != list(expected):
        return [
            labels["pack.diff.sheets"].format(
                file=pack_file.name, found=", ".join(found), expected=", ".join(expected)
            )
        ]
    lines = []
    for sheet, rows in expected.items():
        lines += diff_rows(pack_file.name, found[sheet], rows, labels, position, sheet=sheet, typed=True)
    return lines


def _renderer_differences(pack: Mapping[str, Any], here: Mapping[str, Any]) -> list[str]:
    """What differs between the renderer that made the pack and this one, e.g.
    ``matplotlib 3.10.0 (here 3.11.2)``; for fonts, which files."""
    parts = []
    for name, mine in here.items():
        theirs = pack.get(name)
        if theirs == mine:
            continue
        if name == "fonts" and isinstance(theirs, dict):
            changed = sorted(f for f in {*mine, *theirs} if mine.get(f) != theirs.get(f))
            parts.append(f"fonts {', '.join(changed)}")
        else:
            parts.append(f"{name} {_show(theirs)} (here {_show(mine)})")
    return parts


def compare_files(
    directory: Path,
    made: Path,
    usable: set[str],
    manifest: Mapping[str, Any],
    labels: Mapping[str, str],
    result: Any,
    *,
    version: str,
) -> None:
    """Each usable file of the pack in ``directory`` against the one made again in ``made``.

    Charts and the report that differ are differences, unless the pack was made with another
    renderer (``projections.rendering.renderer`` and the envtrack version): then a line says so
    and which versions to verify with, and with a valid signature (``result.signed_by``) all of
    it is only noted, since the signed hashes vouch for the files."""
    from projections.evidence import compared_by
    from projections.packvalues import sha256_file
    from projections.rendering import renderer

    position = result.position
    drawn = []
    for name, kind in compared_by().items():
        if name not in usable:
            continue
        pack_file, again = directory / name, made / name
        if name.endswith(".csv"):
            result.differences += compare_csv(pack_file, again, labels, position)
        elif kind == "cells":
            result.differences += compare_xlsx(pack_file, again, labels, position)
        elif pack_file.read_bytes() != again.read_bytes():
            drawn.append(labels["pack.diff.drawn"].format(file=name, position=position, actual=sha256_file(again)))
    if not drawn:
        return
    here = {"envtrack": version, **renderer()}
    pack = {"envtrack": manifest["envtrack_version"], **(manifest.get("renderer") or {})}
    other = _renderer_differences(pack, here)
    if not other:
        result.differences += drawn
        return
    line = labels["pack.diff.renderer"].format(versions="; ".join(other), count=len(drawn))
    if result.signed_by:
        result.notes += [labels["pack.note.prefix"].format(line=text) for text in [*drawn, line]]
    else:
        result.differences += [*drawn, line]

"""A published SIPSN capaian table (CSV, or the first sheet of a workbook), read as it is downloaded, and one city's row set beside
envtrack's figures (``sipsn compare``).

The table has SIPSN's 14 columns (``projections.sipsn_files.COLUMNS["capaian"]``), or the same
columns under the short names of the open-data copies (``tahun, provinsi, kabupaten_kota,
timbulan_t, …, periode``). Numbers may carry thousands separators (``34,527.10``), an empty cell
is 0, and the period may read ``P 1``. The city's row is matched by name, trimmed and
case-insensitive (runs of spaces count as one).
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from pathlib import Path
from typing import Any

from domain.errors import InvalidValue, NotFound
from projections.sipsn_files import COLUMNS

MEASURES = (
    "timbulan_t",
    "pengurangan_t",
    "pct_pengurangan",
    "penanganan_t",
    "pct_penanganan",
    "terkelola_t",
    "pct_terkelola",
    "daur_ulang_t",
    "bahan_baku_t",
    "recycling_rate_pct",
)
SHORT_NAMES = {
    "tahun": "tahun",
    "provinsi": "provinsi",
    "kabupaten_kota": "kota",
    **{measure: measure for measure in MEASURES},
    "periode": "periode",
}
"""The open-data copies' column names -> the keys of ``COLUMNS["capaian"]``."""
_GROUPED = re.compile(r"-?[0-9]{1,3}(?:,[0-9]{3})+")
_DOT_GROUPED = re.compile(r"-?[0-9]{1,3}(?:\.[0-9]{3}){2,}")


def _folded(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _bare(title: str) -> str:
    return "".join(str(title).split()).casefold().lstrip("\ufeff")


def _header_keys(header: list[str]) -> dict[str, int]:
    """Each key of the capaian columns found in ``header`` -> its index (the first one), the
    titles compared without case or spaces."""
    known = {_bare(title): key for title, key, _kind in COLUMNS["capaian"]}
    known.update(SHORT_NAMES)
    found: dict[str, int] = {}
    for index, title in enumerate(header):
        key = known.get(_bare(title))
        if key is not None and key not in found:
            found[key] = index
    return found


def _missing(found: dict[str, int]) -> list[str]:
    return [title for title, key, _kind in COLUMNS["capaian"] if key not in found]


def number(text: str) -> float | None:
    """A published figure: ``34,527.10`` and ``34527.10`` are 34527.1 (SIPSN's own writing);
    with both marks the last is the decimal (``34.527,10``); a lone comma not grouping
    thousands is a decimal comma (``0,67``); empty is 0. None for what is no number."""
    cell = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if cell in ("", "-"):
        return 0.0
    if "," in cell and "." in cell:
        decimal = "," if cell.rfind(",") > cell.rfind(".") else "."
        cell = cell.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif _GROUPED.fullmatch(cell):
        cell = cell.replace(",", "")
    elif _DOT_GROUPED.fullmatch(cell):
        cell = cell.replace(".", "")
    elif cell.count(",") == 1:
        cell = cell.replace(",", ".")
    try:
        return float(cell)
    except ValueError:
        return None


def read_table(path: Path) -> list[dict[str, Any]]:
    """The rows of a published capaian table, keyed as ``COLUMNS["capaian"]``. Refuses a file
    that cannot be read, or that lacks a column (naming the missing ones)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise NotFound("FILE", str(path), "sipsn_file_unreadable", reason=error.strerror or str(error)) from None
    lines = _xlsx_lines(path, raw) if raw.startswith(b"PK") else _csv_lines(raw)
    header = lines[0] if lines else []
    found = _header_keys(header)
    missing = _missing(found)
    if missing:
        raise InvalidValue("FILE", str(path), "sipsn_not_a_capaian_export", missing=missing)
    rows = []
    for line in lines[1:]:
        if not any(cell.strip() for cell in line):
            continue
        cells = {key: (line[index] if index < len(line) else "") for key, index in found.items()}
        rows.append(cells)
    return rows


def _csv_lines(raw: bytes) -> list[list[str]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    sample = text[:4096]
    counts = {mark: sample.count(mark) for mark in (",", ";", "\t")}
    return list(csv.reader(io.StringIO(text), delimiter=max(counts, key=lambda mark: counts[mark])))


def _xlsx_lines(path: Path, raw: bytes) -> list[list[str]]:
    """The first sheet of a workbook (SIPSN's Excel download, or a ``sipsn export`` workbook),
    every cell as text."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # a zip that is no workbook: openpyxl raises several kinds
        raise InvalidValue("FILE", str(path), "sipsn_file_unreadable", reason=type(error).__name__) from None
    try:
        sheet = book.worksheets[0]
        return [["" if value is None else (repr(value) if isinstance(value, float) else str(value)) for value in row]
                for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _year(cell: str) -> int | None:
    value = number(cell)
    return int(value) if value is not None and value.is_integer() and value > 0 else None


def find_row(rows: list[dict[str, Any]], name: str, year: int | None) -> dict[str, Any]:
    """The published row of ``name`` (of ``year``, else of the latest year it has; P2 before P1),
    its figures as numbers. Refuses a name not in the table, with up to three close names."""
    wanted = _folded(name)
    named = [row for row in rows if _folded(row["kota"]) == wanted]
    if year is not None:
        named = [row for row in named if _year(row["tahun"]) == year]
    if not named:
        names = sorted({" ".join(row["kota"].split()) for row in rows if year is None or _year(row["tahun"]) == year})
        folded = {_folded(candidate): candidate for candidate in names}
        close = [folded[match] for match in difflib.get_close_matches(wanted, list(folded), n=3, cutoff=0.6)]
        if year is not None and any(_folded(row["kota"]) == wanted for row in rows):
            raise NotFound("name", name, "sipsn_name_not_in_year", year=year)
        if close:
            raise NotFound("name", name, "sipsn_name_not_in_file_close", close=close)
        raise NotFound("name", name, "sipsn_name_not_in_file")
    chosen = max(named, key=lambda row: (_year(row["tahun"]) or 0, _period(row["periode"]) == "P2"))
    figures: dict[str, Any] = {}
    for measure in MEASURES:
        value = number(chosen[measure])
        if value is None:
            raise InvalidValue(measure, chosen[measure], "sipsn_not_a_number", name=chosen["kota"].strip())
        figures[measure] = round(value, 2) + 0.0
    return {
        "name": " ".join(chosen["kota"].split()),
        "year": _year(chosen["tahun"]),
        "period": _period(chosen["periode"]),
        "figures": figures,
    }


def _period(cell: str) -> str:
    """``P 1``, ``p1`` -> ``P1``; empty (no period written) -> ``P2``, the whole year."""
    said = "".join(str(cell).split()).upper()
    return said or "P2"


def comparison(published: dict[str, Any], ours: dict[str, Any]) -> dict[str, Any]:
    """The JSON of ``sipsn compare``: each measure published, envtrack's, and envtrack − published
    (None where envtrack has no value: a percentage of a timbulan of 0)."""
    rows = []
    for measure in MEASURES:
        theirs, mine = published["figures"][measure], ours.get(measure)
        difference = None if mine is None else round(mine - theirs, 2) + 0.0
        rows.append({"measure": measure, "published": theirs, "envtrack": mine, "difference": difference})
    return {"name": published["name"], "year": published["year"], "period": published["period"], "rows": rows}

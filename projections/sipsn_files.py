"""SIPSN's tables as files: five CSVs under SIPSN's exact headers and one XLSX of five sheets,
written into a folder whole or not at all (``projections.packfolder``).

CSV: UTF-8, RFC 4180 (CRLF line ends), plain numbers with a dot decimal and no thousands mark,
tonnes and percentages with exactly 2 decimals, an empty cell where a figure has no value (a
percentage of a timbulan of 0, a site without a location). XLSX: the same values, numbers as
numbers shown with 2 decimals, the header row bold on a fill and frozen, columns wide enough for
their header and values. SIPSN's headers are Indonesian in every language.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from domain.values import CATEGORIES, SOURCES
from projections.packfolder import replacing
from projections.sheets import neutralise

NAMES = ("capaian", "timbulan", "komposisi", "sumber", "fasilitas")

# table -> [(SIPSN header, row key, kind)]; kinds: text, year, t2 (2 decimals), deg (degrees)
COLUMNS: dict[str, list[tuple[str, str, str]]] = {
    "capaian": [
        ("Tahun", "tahun", "year"),
        ("Provinsi", "provinsi", "text"),
        ("Kabupaten/Kota", "kota", "text"),
        ("Timbulan Sampah Tahunan (ton/tahun)(A)", "timbulan_t", "t2"),
        ("Pengurangan Sampah Tahunan (ton/tahun)(B)", "pengurangan_t", "t2"),
        ("%Pengurangan Sampah(B/A)", "pct_pengurangan", "t2"),
        ("Penanganan Sampah Tahunan (ton/tahun)(C)", "penanganan_t", "t2"),
        ("%Penanganan Sampah(C/A)", "pct_penanganan", "t2"),
        ("Sampah Terkelola Tahunan (ton/tahun)(B+C)", "terkelola_t", "t2"),
        ("%Sampah Terkelola(B+C)/A", "pct_terkelola", "t2"),
        ("Daur ulang Sampah Tahunan (ton/tahun)(D)", "daur_ulang_t", "t2"),
        ("Bahan baku Sampah Tahunan (ton/tahun)(E)", "bahan_baku_t", "t2"),
        ("Recycling Rate(D+E)/A", "recycling_rate_pct", "t2"),
        ("P1/P2", "periode", "text"),
    ],
    "timbulan": [
        ("Tahun", "tahun", "year"),
        ("Kabupaten/Kota", "kota", "text"),
        ("Timbulan Sampah Harian (ton)", "harian_t", "t2"),
        ("Timbulan Sampah Tahunan (ton/tahun)", "tahunan_t", "t2"),
        ("Dasar", "dasar", "text"),
    ],
    "komposisi": [
        ("Tahun", "tahun", "year"),
        ("Kabupaten/Kota", "kota", "text"),
        *((f"{header} (%)", jenis, "t2") for header, jenis in zip(
            ("Sisa Makanan", "Kayu-Ranting", "Kertas-Karton", "Plastik", "Logam", "Kain", "Karet-Kulit",
             "Kaca", "Lainnya"), CATEGORIES)),
    ],
    "sumber": [
        ("Tahun", "tahun", "year"),
        ("Kabupaten/Kota", "kota", "text"),
        *((f"{header} (%)", source, "t2") for header, source in zip(
            ("Rumah Tangga", "Perkantoran", "Pasar", "Perniagaan", "Fasilitas Publik", "Kawasan", "Lainnya"),
            SOURCES)),
    ],
    "fasilitas": [
        ("Tahun", "tahun", "year"),
        ("Nama", "nama", "text"),
        ("Jenis", "jenis", "text"),
        ("Status", "status", "text"),
        ("Kelurahan", "kelurahan", "text"),
        ("Kecamatan", "kecamatan", "text"),
        ("Latitude", "lat", "deg"),
        ("Longitude", "lng", "deg"),
        ("Sampah Masuk (ton/tahun)", "masuk_t", "t2"),
        ("Sampah Terkelola (ton/tahun)", "terkelola_t", "t2"),
    ],
}
CATATAN = ("Catatan", "catatan", "text")
"""The timbulan table's note column, in a P1 file only (it says the tonnages are annualised)."""


def columns(name: str, rows: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    found = list(COLUMNS[name])
    if name == "timbulan" and any("catatan" in row for row in rows):
        found.append(CATATAN)
    return found


def csv_name(name: str) -> str:
    return f"sipsn-{name}.csv"


def xlsx_name(year: int, period: str) -> str:
    return f"sipsn-{year}-{period}.xlsx"


def _csv_cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "t2":
        return f"{float(value):.2f}"
    if kind == "deg":
        return repr(float(value))
    if kind == "year":
        return str(int(value))
    return str(neutralise(" ".join(str(value).split())))


def render_csv(name: str, rows: list[dict[str, Any]]) -> str:
    spec = columns(name, rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([header for header, _key, _kind in spec])
    for row in rows:
        writer.writerow([_csv_cell(row.get(key), kind) for _header, key, kind in spec])
    return buffer.getvalue()


def xlsx_bytes(tables: dict[str, list[dict[str, Any]]]) -> bytes:
    """One sheet per table, in ``NAMES`` order, built in memory (see ``sheets.xlsx_bytes``)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold, fill = Font(bold=True), PatternFill("solid", start_color="D9E1F2", end_color="D9E1F2")
    edge = Border(bottom=Side(style="thin"))
    for name in NAMES:
        rows = tables[name]
        spec = columns(name, rows)
        sheet = workbook.create_sheet(name)
        sheet.append([header for header, _key, _kind in spec])
        for cell in sheet[1]:
            cell.font, cell.fill, cell.border = bold, fill, edge
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row in rows:
            sheet.append([_xlsx_cell(row.get(key), kind) for _header, key, kind in spec])
        for index, (header, key, kind) in enumerate(spec, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            for cell in sheet[letter][1:]:
                if kind == "t2":
                    cell.number_format = "0.00"
                elif kind == "deg":
                    cell.number_format = "0.000000"
            shown = [len(_csv_cell(row.get(key), kind)) for row in rows]
            sheet.column_dimensions[letter].width = min(max([len(header) * 0.9, *shown, 6]) + 2, 48)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind in ("t2", "deg"):
        return float(value)
    if kind == "year":
        return int(value)
    return neutralise(" ".join(str(value).split()))


def write(out: Path, year: int, period: str, tables: dict[str, list[dict[str, Any]]]) -> list[str]:
    """The five CSVs and the workbook into ``out``, swapped in together; other files there are
    kept. Returns the names written. Raises ``OSError`` with ``out`` as it was."""
    files = {csv_name(name): render_csv(name, tables[name]).encode("utf-8") for name in NAMES}
    files[xlsx_name(year, period)] = xlsx_bytes(tables)
    with replacing(out, set(files)) as folder:
        for file_name, data in files.items():
            (folder / file_name).write_bytes(data)
    return list(files)

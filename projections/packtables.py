"""The evidence pack's tables: CSV and XLSX files, and the tables printed in ``laporan.pdf``.

A table is either a list of row dicts (by month, site, category; the programmes by month) or the
``--by total`` dict, written as one row per indicator with its dotted key
(``waste.timbulan_kg``, ``sambo.items_issued.pensil`` …) and its value.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from projections.pdfreport import Column

TOTAL_COLUMNS = ("indicator", "value")


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts as one level of dotted keys, in order."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def rows_of(table: Any) -> tuple[list[str], list[list[Any]]]:
    """(header, rows) of a pack table."""
    if isinstance(table, Mapping):
        return list(TOTAL_COLUMNS), [[key, value] for key, value in flatten(table).items()]
    header: list[str] = []
    for row in table:
        header.extend(key for key in row if key not in header)
    return header, [[row.get(key) for key in header] for row in table]


def write_csv(path: Path, table: Any) -> None:
    """UTF-8 CSV, comma-separated, a header row; empty cells for missing values."""
    header, rows = rows_of(table)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([["" if value is None else value for value in row] for row in rows])


def write_xlsx(path: Path, table: Any, *, sheet: str) -> None:
    """One sheet with a bold header row; numbers stay numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet[:31]
    header, rows = rows_of(table)
    worksheet.append(header)
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        worksheet.append(row)
    for index, name in enumerate(header, start=1):
        width = max([len(str(name))] + [len(str(row[index - 1])) for row in rows[:200]])
        worksheet.column_dimensions[worksheet.cell(row=1, column=index).column_letter].width = min(width + 2, 48)
    worksheet.freeze_panes = "A2"
    workbook.save(path)


# -- the PDF's tables ----------------------------------------------------------------------------


def _label(labels: Mapping[str, str], key: str) -> str:
    return labels.get(key, key.rsplit(".", 1)[-1])


def pdf_sections(values: Mapping[str, Any], labels: Mapping[str, str]) -> list[tuple[str, list[Column], list[dict]]]:
    """(heading, columns, rows) for every table printed in the report, from the pack's values."""
    total = values["total"]
    waste, sambo, maduleni = total["waste"], total["sambo"], total["maduleni"]
    target = waste.get("target", {})
    lines = [
        ("timbulan", "timbulan_kg", None, None),
        ("pengurangan", "pengurangan_kg", "pct_pengurangan", target.get("pct_pengurangan")),
        ("penanganan", "penanganan_kg", "pct_penanganan", target.get("pct_penanganan")),
        ("terkelola", "terkelola_kg", "pct_terkelola", None),
        ("tidak_terkelola", "tidak_terkelola_kg", None, None),
        ("daur_ulang", "daur_ulang_kg", None, None),
        ("bahan_baku", "bahan_baku_kg", None, None),
        ("recycling_rate", None, "recycling_rate_pct", None),
    ]
    waste_rows = [
        {
            "name": _label(labels, f"pack.row.{name}"),
            "kg": waste.get(kg) if kg else "",
            "pct": waste.get(pct) if pct else "",
            "target": "" if goal is None else goal,
        }
        for name, kg, pct, goal in lines
    ]
    waste_columns = [
        Column("name", _label(labels, "pack.col.indicator"), 0.46),
        Column("kg", _label(labels, "pack.col.kg"), 0.2, 3),
        Column("pct", _label(labels, "pack.col.pct"), 0.17, 2),
        Column("target", _label(labels, "pack.col.target"), 0.17, 0),
    ]
    by_category = {row["category"]: row.get("timbulan_kg") for row in values["by_category"]}
    composition = [
        {"jenis": labels.get(f"chart.jenis.{jenis}", jenis), "kg": by_category.get(jenis), "pct": share}
        for jenis, share in waste.get("komposisi_pct", {}).items()
    ]
    composition_columns = [
        Column("jenis", _label(labels, "pack.col.jenis"), 0.46),
        Column("kg", _label(labels, "pack.col.kg"), 0.2, 3),
        Column("pct", _label(labels, "pack.col.pct"), 0.17, 2),
    ]
    sections = [
        (_label(labels, "pack.section.waste"), waste_columns, waste_rows),
        (_label(labels, "pack.section.composition"), composition_columns, composition),
        ("\f" + _label(labels, "pack.section.sambo"), *_figures(sambo, labels, SAMBO_ROWS)),
        (_label(labels, "pack.section.maduleni"), *_figures(maduleni, labels, MADULENI_ROWS)),
        ("\f" + _label(labels, "pack.section.month"), *_waste_table(values["by_month"], "month", labels, waste)),
        (_label(labels, "pack.section.programmes_month"), *_programmes(values, labels)),
        ("\f" + _label(labels, "pack.section.site"), *_waste_table(values["by_site"], "site", labels, waste)),
    ]
    return sections


# (key, decimals); items_issued and stock are dicts, printed as "item qty, …"
SAMBO_ROWS = [
    ("exchanges", 0), ("bottles", 0), ("bottles_kg", 3), ("bottles_kg_estimated", 3),
    ("items_issued", None), ("pupils", 0), ("handed_over_kg", 3), ("stock", None),
]
MADULENI_ROWS = [
    ("water_liters", 3), ("feed_kg", 3), ("stocked", 0), ("deaths", 0), ("harvested", 0),
    ("harvest_kg", 3), ("sold_kg", 3), ("sold_rp", 0), ("cycles_closed", 0), ("survival_pct", 2),
    ("fcr", 2), ("yield_kg_per_m3", 2), ("harvest_kg_per_1000_l", 2),
]


def _figures(figures: Mapping[str, Any], labels: Mapping[str, str], keys: list) -> tuple[list[Column], list[dict]]:
    from projections.charts import number

    rows = []
    for key, decimals in keys:
        value = figures.get(key)
        if isinstance(value, Mapping):
            text = ", ".join(f"{item} {number(qty, 0, labels)}" for item, qty in value.items())
            value = text or _label(labels, "pack.none")
        elif value is not None and decimals is not None:
            value = number(value, decimals, labels)
        rows.append({"name": _label(labels, f"pack.row.{key}"), "value": value})
    columns = [
        Column("name", _label(labels, "pack.col.indicator"), 0.46),
        Column("value", _label(labels, "pack.col.value"), 0.54),
    ]
    return columns, rows


def _waste_table(
    rows: list[dict], group: str, labels: Mapping[str, str], total: Mapping[str, Any]
) -> tuple[list[Column], list[dict]]:
    """The waste keys per group, and the period's total in bold below."""
    columns = [
        Column(group, _label(labels, f"pack.col.{group}"), 0.19),
        Column("timbulan_kg", _label(labels, "pack.col.timbulan"), 0.135, 3),
        Column("pengurangan_kg", _label(labels, "pack.col.pengurangan"), 0.135, 3),
        Column("penanganan_kg", _label(labels, "pack.col.penanganan"), 0.135, 3),
        Column("pct_pengurangan", _label(labels, "pack.col.pct_pengurangan"), 0.135, 2),
        Column("pct_penanganan", _label(labels, "pack.col.pct_penanganan"), 0.135, 2),
        Column("pct_terkelola", _label(labels, "pack.col.pct_terkelola"), 0.135, 2),
    ]
    return columns, [*rows, {**total, group: _label(labels, "pack.total"), "_bold": True}]


def _programmes(values: Mapping[str, Any], labels: Mapping[str, str]) -> tuple[list[Column], list[dict]]:
    water = {row["month"]: row for row in values["maduleni_by_month"]}
    rows = [
        {**row, **{k: water.get(row["month"], {}).get(k) for k in ("water_liters", "harvest_kg")}}
        for row in values["sambo_by_month"]
    ]
    columns = [
        Column("month", _label(labels, "pack.col.month"), 0.13),
        Column("exchanges", _label(labels, "pack.col.exchanges"), 0.12, 0),
        Column("bottles", _label(labels, "pack.col.bottles"), 0.11, 0),
        Column("bottles_kg", _label(labels, "pack.col.bottles_kg"), 0.12, 3),
        Column("items_issued", _label(labels, "pack.col.items_issued"), 0.11, 0),
        Column("handed_over_kg", _label(labels, "pack.col.handed_over_kg"), 0.14, 3),
        Column("water_liters", _label(labels, "pack.col.water_liters"), 0.15, 0),
        Column("harvest_kg", _label(labels, "pack.col.harvest_kg"), 0.12, 3),
    ]
    return columns, rows

"""The evidence pack's tables: CSV and XLSX files, and the tables printed in ``laporan.pdf``.

A table is either a list of row dicts (by month, site, category; the programmes by month), with
the stable column keys as its header, or the ``--by total`` dict, written as one row per
indicator (``projections/totals.py``, as ``envtrack indicators`` writes it). CSV and XLSX are
written by ``projections/sheets.py``, each file whole or not at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from projections import sheets
from projections.pdfreport import Column
from projections.totals import TOTAL_COLUMNS, total_rows


def rows_of(table: Any, labels: Mapping[str, str]) -> tuple[list[str], list[dict[str, Any]]]:
    """(columns, rows) of a pack table: the total as key, indicator label and value."""
    if isinstance(table, Mapping):
        return list(TOTAL_COLUMNS), total_rows(table, labels)
    return sheets.keys(table), list(table)


def write_csv(path: Path, table: Any, labels: Mapping[str, str]) -> None:
    """UTF-8 CSV under a header row of the stable keys; empty cells for missing values."""
    columns, rows = rows_of(table, labels)
    sheets.write_file(path, sheets.render_csv(rows, columns).encode("utf-8"))


def write_xlsx(path: Path, table: Any, labels: Mapping[str, str], *, sheet: str) -> None:
    """One worksheet with the same columns and rows as the CSV; numbers stay numbers."""
    columns, rows = rows_of(table, labels)
    sheets.write_file(path, sheets.xlsx_bytes(rows, columns, title=sheet))


# -- the PDF's tables ----------------------------------------------------------------------------


def _label(labels: Mapping[str, str], key: str) -> str:
    return labels.get(key, key.rsplit(".", 1)[-1])


def pdf_sections(values: Mapping[str, Any], labels: Mapping[str, str]) -> list[tuple[str, list[Column], list[dict]]]:
    """(heading, columns, rows) for every table printed in the report, from the pack's values."""
    total = values["total"]
    waste, sambo, maduleni = total["waste"], total["sambo"], total["maduleni"]
    target = waste.get("target", {})
    basis = waste.get("basis")
    lines = [
        ("timbulan" if basis is None else f"timbulan.{basis}", "timbulan_kg", None, None),
        *([("timbulan_measured", "timbulan_measured_kg", None, None)] if basis == "estimate" else []),
        ("pengurangan", "pengurangan_kg", "pct_pengurangan", target.get("pct_pengurangan")),
        ("penanganan", "penanganan_kg", "pct_penanganan", target.get("pct_penanganan")),
        ("terkelola", "terkelola_kg", "pct_terkelola", None),
        *([("dikelola", "dikelola_kg", "pct_dikelola", target.get("pct_dikelola"))] if "dikelola_kg" in waste else []),
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
            "target": _target(goal, labels),
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
        # composition is of what was weighed: say so when timbulan is the city's estimate
        Column("pct", _label(labels, "pack.col.pct_weighed" if basis == "estimate" else "pack.col.pct"), 0.17, 2),
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


def _target(goal: Any, labels: Mapping[str, str]) -> Any:
    """A target as printed: a whole one as the column prints it (30), else as text to 2 decimals
    (51.21, which the column's 0 decimals would round)."""
    from projections.charts import number

    if goal is None:
        return ""
    return goal if float(goal).is_integer() else number(goal, 2, labels)


# (key, decimals); items_issued and stock are dicts, printed as "item qty, …"
SAMBO_ROWS = [
    ("exchanges", 0), ("bottles", 0), ("bottles_kg", 3), ("bottles_kg_estimated", 3),
    ("items_issued", None), ("pupils", 0), ("handed_over_kg", 3), ("stock", None),
]
MADULENI_ROWS = [
    ("water_liters", 3), ("feed_kg", 3), ("stocked", 0), ("deaths", 0), ("harvested", 0),
    ("harvest_kg", 3), ("sold_kg", 3), ("sold_rp", 0), ("cycles_closed", 0), ("survival_pct", 2),
    ("fcr", 2), ("yield_kg_per_m3", 2), ("harvest_kg_per_1000_l", 2), ("seed_cost_rp", 0), ("feed_cost_rp", 0),
    ("margin_rp", 0),
]


def _figures(figures: Mapping[str, Any], labels: Mapping[str, str], keys: list) -> tuple[list[Column], list[dict]]:
    from projections.charts import number

    rows = []
    for key, decimals in keys:
        value = figures.get(key)
        if isinstance(value, Mapping):
            text = "; ".join(f"{item} {number(qty, 0, labels)}" for item, qty in value.items())
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
        Column(group, _label(labels, f"pack.col.{group}"), 0.22),
        Column("timbulan_kg", _label(labels, "pack.col.timbulan"), 0.16, 3),
        Column("pengurangan_kg", _label(labels, "pack.col.pengurangan"), 0.16, 3),
        Column("penanganan_kg", _label(labels, "pack.col.penanganan"), 0.16, 3),
        Column("pct_pengurangan", _label(labels, "pack.col.pct_pengurangan"), 0.1, 2),
        Column("pct_penanganan", _label(labels, "pack.col.pct_penanganan"), 0.1, 2),
        Column("pct_terkelola", _label(labels, "pack.col.pct_terkelola"), 0.1, 2),
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

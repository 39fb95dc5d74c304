"""A school's Adiwiyata data table for a year, beside the year before where it has any figures:
month by month its SAMBO DIKARTU AS exchanges, bottles, kg, items and pupils, its own measured
waste and the share of it reduced; and its waste by category and destination. Written as
``laporan-sekolah.pdf`` (one or two A4 pages, drawn like ``laporan.pdf``) and CSV.

pengurangan % = 100 · kg of the school's waste to guna-ulang, daur-ulang or kompos / kg of all
its recorded waste (its measured waste: bottles are counted in their own columns). Pupils are
named pupils told apart trimmed and case-folded; a year's pupils are counted over the year, not
summed over months. Voided entries count nowhere; corrected ones with their latest values.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from projections import indicators
from projections.charts import number
from projections.pdfreport import Column, Meta, Report
from projections.rendering import fixed_style
from projections.replay import Frames
from projections.school import check_school, exchanges_of

MONTH_COLUMNS = ["year", "month", "exchanges", "bottles", "bottles_kg", "items", "pupils", "waste_kg",
                 "pengurangan_kg", "pct_pengurangan"]
WASTE_COLUMNS = ["year", "category", "destination", "kg"]
DECIMALS = {"bottles_kg": 3, "waste_kg": 3, "pengurangan_kg": 3, "pct_pengurangan": 2}
"""Decimals of a figure in the comparison table (the rest are counts)."""


def _pupils(data: Any) -> int:
    named = data["pupil_key"]
    return int(named[named != ""].nunique())


def year_rows(frames: Frames, site: str, year: int) -> list[dict[str, Any]]:
    """The twelve months of ``year`` and a total row (``month`` "total")."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    sambo = indicators.sambo_monthly(frames, start, end, site).set_index("month")
    exchanges = exchanges_of(frames, site, start, end).assign(month=lambda d: d["occurred_on"].str[:7])
    waste = indicators.within(indicators.live(frames.waste_daily, site), start, end)
    waste = waste.assign(month=waste["occurred_on"].str[:7])
    reduced = waste[waste["destination"].isin(indicators.PENGURANGAN)]
    rows = []
    for month in [*indicators.months(start, end), "total"]:
        in_month = (lambda d: d) if month == "total" else (lambda d, m=month: d[d["month"] == m])
        figures = sambo.sum() if month == "total" else sambo.loc[month]
        measured = float(in_month(waste)["kg"].sum())
        reduction = float(in_month(reduced)["kg"].sum())
        rows.append({
            "year": year,
            "month": month,
            "exchanges": indicators.whole(figures["exchanges"]),
            "bottles": indicators.whole(figures["bottles"]),
            "bottles_kg": indicators.kg(float(figures["bottles_kg"])),
            "items": indicators.whole(figures["items_issued"]),
            "pupils": _pupils(in_month(exchanges)),
            "waste_kg": indicators.kg(measured),
            "pengurangan_kg": indicators.kg(reduction),
            "pct_pengurangan": indicators.pct(reduction, measured),
        })
    return rows


def waste_rows(frames: Frames, site: str, year: int) -> list[dict[str, Any]]:
    waste = indicators.within(indicators.live(frames.waste_daily, site), date(year, 1, 1), date(year, 12, 31))
    grouped = waste.groupby(["category", "destination"])["kg"].sum()
    return [{"year": year, "category": c, "destination": d, "kg": indicators.kg(float(kg))}
            for (c, d), kg in grouped.items()]


def school_report(frames: Frames, site: str, year: int) -> dict[str, Any]:
    """The year's months and waste, and the previous year's if it has any exchange or waste."""
    check_school(frames, site)
    report = {"site": site, "year": year, "months": year_rows(frames, site, year),
              "waste": waste_rows(frames, site, year), "previous": None}
    before = year_rows(frames, site, year - 1)
    if before[-1]["exchanges"] or before[-1]["waste_kg"]:
        report["previous"] = {"year": year - 1, "months": before, "waste": waste_rows(frames, site, year - 1)}
    return report


def csv_rows(report: Mapping[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(month rows, waste rows): the previous year first, where there is one."""
    years = [report["previous"], report] if report["previous"] else [report]
    return ([row for part in years for row in part["months"]], [row for part in years for row in part["waste"]])


def _month_table(rows: list[dict[str, Any]], labels: Mapping[str, str]) -> tuple[list[Column], list[dict]]:
    columns = [
        Column("month", labels["school.col.month"], 0.1),
        Column("exchanges", labels["school.col.exchanges"], 0.12, 0),
        Column("bottles", labels["school.col.bottles"], 0.09, 0),
        Column("bottles_kg", labels["school.col.bottles_kg"], 0.1, 3),
        Column("items", labels["school.col.items"], 0.08, 0),
        Column("pupils", labels["school.col.pupils"], 0.08, 0),
        Column("waste_kg", labels["school.col.waste_kg"], 0.13, 3),
        Column("pengurangan_kg", labels["school.col.pengurangan_kg"], 0.15, 3),
        Column("pct_pengurangan", labels["school.col.pct_pengurangan"], 0.15, 2),
    ]
    shown = [{**row, "month": labels["pack.total"] if row["month"] == "total" else row["month"],
              "_bold": row["month"] == "total"} for row in rows]
    return columns, shown


def _comparison(report: Mapping[str, Any], labels: Mapping[str, str]) -> tuple[list[Column], list[dict]]:
    before, now = report["previous"]["months"][-1], report["months"][-1]
    keys = ["exchanges", "bottles", "bottles_kg", "items", "pupils", "waste_kg", "pengurangan_kg", "pct_pengurangan"]
    columns = [
        Column("name", labels["pack.col.indicator"], 0.46),
        Column("before", str(report["previous"]["year"]), 0.18, 2),
        Column("now", str(report["year"]), 0.18, 2),
        Column("change", labels["school.col.change"], 0.18, 2),
    ]
    rows = []
    for key in keys:
        old, new = before[key], now[key]
        change = None if old is None or new is None else new - old
        places = DECIMALS.get(key, 0)
        rows.append({"name": labels[f"school.col.{key}"].replace("\n", " "),
                     **{name: number(value, places, labels) for name, value in
                        (("before", old), ("now", new), ("change", change))}})
    return columns, rows


def _waste_table(rows: list[dict[str, Any]], labels: Mapping[str, str]) -> tuple[list[Column], list[dict]]:
    columns = [
        Column("year", labels["school.col.year"], 0.12),
        Column("category", labels["school.col.category"], 0.36),
        Column("destination", labels["school.col.destination"], 0.32),
        Column("kg", "kg", 0.2, 3),
    ]
    rows = [{**row, "year": str(row["year"])} for row in rows]
    shown = [{**row, "category": labels.get(f"chart.jenis.{row['category']}", row["category"])} for row in rows]
    return columns, shown or [{"category": labels["pack.none"]}]


@fixed_style()
def write_school_pdf(path: Any, report: Mapping[str, Any], school: str, labels: Mapping[str, str], *,
                     position: int, version: str) -> int:
    """``laporan-sekolah.pdf``: page 1 the year month by month; page 2 the year before beside it
    (where there is one) and the waste by category and destination. Returns the page count."""
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages

    year = report["year"]
    meta = Meta(scope=school, start=f"{year}-01-01", end=f"{year}-12-31", position=position, chain_head="",
                version=version, generated="", lang="")
    metadata = {"Title": f"{labels['school.title']} — {school} {year}", "Author": "envtrack",
                "Creator": f"envtrack {version}", "CreationDate": None, "ModDate": None}
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path, metadata=metadata) as pdf:
        page = Report(pdf, labels, meta)
        page.new_page(f"{labels['school.title']} {year}")
        page.paragraph(f"{school} — SAMBO DIKARTU AS", size=10.5)
        page.heading(labels["school.by_month"].format(year=year))
        page.table(*_month_table(report["months"], labels), size=8)
        page.paragraph(labels["school.note"], size=8)
        page.new_page()
        previous = report["previous"]
        if previous:
            page.heading(labels["school.compare"].format(before=previous["year"], year=year))
            page.table(*_comparison(report, labels), size=8)
            page.heading(labels["school.by_month"].format(year=previous["year"]))
            page.table(*_month_table(previous["months"], labels), size=7.5)
        else:
            page.paragraph(labels["school.no_previous"].format(before=year - 1), size=9)
        page.heading(labels["school.waste"])
        page.table(*_waste_table(csv_rows(report)[1], labels), size=8)
        page.close_page()
        return page.pages


def write_school_report(out: Path, report: Mapping[str, Any], school: str, labels: Mapping[str, str], *,
                        position: int, version: str) -> dict[str, int]:
    """The PDF and the two CSV files into the folder ``out`` (each written whole)."""
    import io

    from projections import sheets

    out.mkdir(parents=True, exist_ok=True)
    months, waste = csv_rows(report)
    sheets.write_file(out / "laporan-sekolah.csv", sheets.render_csv(months, MONTH_COLUMNS).encode("utf-8"))
    sheets.write_file(out / "sampah-sekolah.csv", sheets.render_csv(waste, WASTE_COLUMNS).encode("utf-8"))
    buffer = io.BytesIO()
    pages = write_school_pdf(buffer, report, school, labels, position=position, version=version)
    sheets.write_file(out / "laporan-sekolah.pdf", buffer.getvalue())
    return {"pages": pages}

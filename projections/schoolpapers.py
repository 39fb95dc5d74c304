"""The school's printed papers, as PDF with matplotlib (like ``laporan.pdf``): one exchange's
receipt (*nota*, A5 portrait, one page) and a class's exchanges for a period (A4 portrait, one
page per class, continued on further pages when long).

User text (school, pupil, class, items) is drawn exactly as written: mathtext is off under
``fixed_style``. Fonts are embedded as TrueType (``pdf.fonttype`` 42), so the text can be
searched and extracted from the file. Labels come in the operator's language.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from projections.charts import number
from projections.rendering import fixed_style

A5 = (5.83, 8.27)
A4 = (8.27, 11.69)
LEFT, RIGHT = 0.1, 0.9
RULE = "#37474f"
ROWS_PER_PAGE = 34
"""Exchanges listed on one page of a class list; more continue on the next page."""


def _page(size: tuple[float, float]) -> Figure:
    figure = Figure(figsize=size)
    FigureCanvasAgg(figure)
    return figure


def _rule(figure: Figure, y: float, width: float = 0.8) -> None:
    figure.add_artist(matplotlib.lines.Line2D([LEFT, RIGHT], [y, y], color=RULE, linewidth=width))


def _items(items: Sequence[Mapping[str, Any]], labels: Mapping[str, str]) -> str:
    return ", ".join(f"{item['item']} {item['qty']}" for item in items) or labels["nota.none"]


def _save(pdf: PdfPages, figure: Figure) -> None:
    pdf.savefig(figure)


def _metadata(title: str, version: str) -> dict[str, Any]:
    return {"Title": title, "Author": "envtrack", "Creator": f"envtrack {version}", "CreationDate": None,
            "ModDate": None}


@fixed_style()
def write_receipt(path: Path, receipt: Mapping[str, Any], labels: Mapping[str, str], *, version: str) -> None:
    """One exchange's receipt on one A5 page."""
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(
        path, metadata=_metadata(f"{labels['nota.title']} {receipt['entry_id']}", version)
    ) as pdf:
        figure = _page(A5)
        text = figure.text
        text(0.5, 0.94, labels["nota.title"], ha="center", size=16, weight="bold")
        text(0.5, 0.905, "SAMBO DIKARTU AS", ha="center", size=9, color="#455a64")
        school = textwrap.wrap(receipt["school"], 46) or [""]
        text(0.5, 0.875, "\n".join(school[:2]), ha="center", va="top" if len(school) > 1 else "baseline",
             size=10.5 if len(school) == 1 else 9, linespacing=1.15)
        _rule(figure, 0.85 if len(school) == 1 else 0.835)
        fields = [
            (labels["nota.date"], receipt["occurred_on"]),
            (labels["nota.pupil"], receipt["pupil"] or labels["nota.unnamed"]),
            (labels["nota.class"], receipt["class"] or "–"),
            (labels["nota.bottles"], number(receipt["bottles"], 0, labels)),
            (labels["nota.weight"], number(receipt["weight_kg"], 3, labels)
             + (f" ({labels['nota.estimated']})" if receipt["weight_estimated"] else "")),
        ]
        y = 0.81 if len(school) == 1 else 0.795
        for name, value in fields:
            text(LEFT, y, name, size=10, color="#455a64")
            text(0.42, y, str(value), size=10.5 if len(str(value)) <= 26 else 8)
            y -= 0.04
        _rule(figure, y + 0.015, 0.5)
        text(LEFT, y - 0.01, labels["nota.items"], size=10, weight="bold")
        text(0.62, y - 0.01, labels["nota.qty"], size=10, weight="bold", ha="right")
        text(RIGHT, y - 0.01, labels["nota.rate"], size=10, weight="bold", ha="right")
        y -= 0.05
        items = receipt["items"] or [{"item": labels["nota.deposit"], "qty": None, "rate_bottles": None}]
        step = min(0.035, (y - 0.3) / len(items))  # many items: closer lines, never into the signature
        for item in items:
            text(LEFT, y, _fit(item["item"], "item"), size=10.5 if step >= 0.03 else 8)
            if item["qty"] is not None:
                size = 10.5 if step >= 0.03 else 8
                text(0.62, y, number(item["qty"], 0, labels), size=size, ha="right")
                text(RIGHT, y, labels["nota.rate_bottles"].format(bottles=item["rate_bottles"]), size=size,
                     ha="right")
            y -= step
        _rule(figure, y + 0.01, 0.5)
        y -= 0.03
        text(LEFT, y, labels["nota.operator"], size=10, color="#455a64")
        text(0.42, y, receipt["operator"], size=10.5)
        y -= 0.04
        text(LEFT, y, labels["nota.entry"], size=10, color="#455a64")
        text(0.42, y, receipt["entry_id"], size=7.5, family="monospace")
        text(LEFT, 0.12, labels["nota.signature"], size=9, color="#455a64")
        _rule(figure, 0.07, 0.5)
        text(0.5, 0.045, labels["nota.footer"], ha="center", size=7.5, color="#78909c")
        _save(pdf, figure)


@fixed_style()
def write_class_lists(
    path: Path, school: str, period: tuple[str, str], classes: Sequence[tuple[str | None, list[dict[str, Any]]]],
    labels: Mapping[str, str], *, version: str,
) -> int:
    """One A4 page per class (more when long): its exchanges of the period, listed and
    totalled. ``classes`` are (class, rows) with rows of ``date``, ``pupil``, ``bottles``,
    ``kg``, ``items`` (a list of {item, qty}) and ``entry``. Returns the number of pages."""
    pages = 0
    columns = [(LEFT, "date", "left"), (0.2, "pupil", "left"), (0.5, "bottles", "right"),
               (0.6, "kg", "right"), (0.62, "items", "left"), (RIGHT, "entry", "right")]
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(
        path, metadata=_metadata(f"{labels['nota.class_title']} — {school}", version)
    ) as pdf:
        for school_class, rows in classes:
            chunks = [rows[i:i + ROWS_PER_PAGE] for i in range(0, len(rows), ROWS_PER_PAGE)] or [[]]
            for number_of, chunk in enumerate(chunks, start=1):
                figure = _page(A4)
                text = figure.text
                text(LEFT, 0.94, labels["nota.class_title"], size=15, weight="bold")
                text(LEFT, 0.915, f"SAMBO DIKARTU AS — {school}", size=10)
                heading = f"{labels['nota.class']}: {school_class or labels['nota.no_class']}"
                text(LEFT, 0.89, heading, size=12, weight="bold")
                text(RIGHT, 0.89, f"{period[0]} – {period[1]}", size=10, ha="right")
                y = 0.855
                for x, key, align in columns:
                    text(x, y, labels[f"nota.col.{key}"], size=9, weight="bold", ha=align)
                _rule(figure, y - 0.008)
                y -= 0.03
                for row in chunk:
                    cells = {
                        "date": row["date"], "pupil": row["pupil"] or labels["nota.unnamed"],
                        "bottles": number(row["bottles"], 0, labels), "kg": number(row["kg"], 3, labels),
                        "items": _items(row["items"], labels), "entry": row["entry"],
                    }
                    for x, key, align in columns:
                        family = "monospace" if key == "entry" else None
                        text(x, y, _fit(cells[key], key), size=9, ha=align, family=family)
                    y -= 0.0225
                if number_of == len(chunks):
                    _rule(figure, y + 0.012)
                    total_items = sum(item["qty"] for row in rows for item in row["items"])
                    text(LEFT, y - 0.01, labels["nota.total"].format(exchanges=len(rows)), size=9.5,
                         weight="bold")
                    text(0.5, y - 0.01, number(sum(r["bottles"] for r in rows), 0, labels), size=9.5,
                         weight="bold", ha="right")
                    text(0.6, y - 0.01, number(sum(r["kg"] for r in rows), 3, labels), size=9.5,
                         weight="bold", ha="right")
                    text(0.62, y - 0.01, labels["nota.items_total"].format(items=total_items), size=9.5,
                         weight="bold")
                if len(chunks) > 1:
                    text(RIGHT, 0.04, f"{number_of}/{len(chunks)}", size=8, ha="right", color="#78909c")
                text(LEFT, 0.04, labels["nota.footer"], size=7.5, color="#78909c")
                _save(pdf, figure)
                pages += 1
    return pages


WIDTHS = {"pupil": 22, "items": 24, "item": 28}
"""Characters a column holds before its text is cut short with an ellipsis."""


def _fit(value: str, key: str) -> str:
    limit = WIDTHS.get(key)
    if limit is None or len(value) <= limit:
        return value
    return value[: limit - 1] + "…"

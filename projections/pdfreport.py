"""``laporan.pdf``: cover, indicator tables, every chart and the method notes, with matplotlib's
``PdfPages`` (no other PDF library). Text pages are A4 portrait, chart pages A4 landscape.

Tables are drawn as text on the page (not ``Axes.table``) so that columns, alignment and page
breaks stay under control; long tables continue on further pages under the same header. Text is
drawn as written, never as mathtext (``projections.rendering.fixed_style``).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from projections import method
from projections.charts import number
from projections.rendering import fixed_style

PORTRAIT = (8.27, 11.69)
LEFT, RIGHT = 0.08, 0.92
TOP, BOTTOM = 0.93, 0.07
ROW = 0.0185  # one table row, in page fractions (≈ 15.5 pt)
STRIPE = "#f1f5f9"
RULE = "#37474f"


@dataclass(frozen=True)
class Column:
    key: str  # a key of the row dicts
    header: str
    width: float  # share of the text width
    decimals: int | None = None  # None: text, left-aligned; else a number, right-aligned


@dataclass(frozen=True)
class Meta:
    """What the cover and every page footer say about the pack."""

    scope: str
    start: str
    end: str
    position: int
    chain_head: str
    version: str
    generated: str
    lang: str
    basis: str | None = None
    """What timbulan (A) is: ``estimate`` (the city's) or ``measured`` (section 11)."""


class Report:
    """Pages written one after another into ``laporan.pdf``."""

    def __init__(self, pdf: PdfPages, labels: Mapping[str, str], meta: Meta) -> None:
        self.pdf = pdf
        self.labels = labels
        self.meta = meta
        self.pages = 0
        self.figure: Figure | None = None
        self.y = TOP

    # -- pages ---------------------------------------------------------------------------------

    def new_page(self, title: str | None = None) -> Figure:
        self.close_page()
        self.figure = Figure(figsize=PORTRAIT)
        FigureCanvasAgg(self.figure)
        self.y = TOP
        if title:
            self.heading(title, size=15)
        return self.figure

    def close_page(self) -> None:
        if self.figure is not None:
            self.save(self.figure, footer=True)
            self.figure = None

    def save(self, figure: Figure, *, footer: bool) -> None:
        self.pages += 1
        if footer:
            text = self.labels["pack.footer"].format(
                scope=self.meta.scope, start=self.meta.start, end=self.meta.end,
                position=self.meta.position, page=self.pages,
            )
            figure.text(0.5, 0.03, text, ha="center", va="bottom", fontsize=7.5, color="#546e7a")
        self.pdf.savefig(figure)

    def room(self, rows: float) -> bool:
        return self.y - rows * ROW >= BOTTOM

    # -- text ----------------------------------------------------------------------------------

    def heading(self, text: str, *, size: float = 12.5) -> None:
        assert self.figure is not None
        if not self.room(3):
            self.new_page()
        self.y -= ROW * (0.4 if self.y >= TOP else 1.0)
        self.figure.text(LEFT, self.y, text, fontsize=size, fontweight="bold", va="top", color="#1b3a4b")
        self.y -= ROW * (1.7 if size > 13 else 1.45)

    def paragraph(self, text: str, *, size: float = 9, width: int = 104, mono: bool = False) -> None:
        lines = text.splitlines() if mono else textwrap.wrap(text, width)
        for line in lines:
            if not self.room(1):
                self.new_page()
            assert self.figure is not None
            self.figure.text(
                LEFT, self.y, line, fontsize=size - (1 if mono else 0), va="top",
                family="monospace" if mono else "sans-serif",
            )
            self.y -= ROW * (0.95 if mono else 0.9)
        self.y -= ROW * 0.5

    # -- tables --------------------------------------------------------------------------------

    def table(self, columns: Sequence[Column], rows: Sequence[Mapping[str, Any]], *, size: float = 8.5) -> None:
        """Rows under a bold header; continues on a new page (header repeated) when full."""
        if self.figure is None or not self.room(3):
            self.new_page()
        self._header(columns, size)
        for index, row in enumerate(rows):
            self._row(columns, row, size, shaded=index % 2 == 1, bold=bool(row.get("_bold")))
        self.y -= ROW * 0.8

    def _header(self, columns: Sequence[Column], size: float) -> None:
        assert self.figure is not None
        self._cells(columns, {c.key: c.header for c in columns}, size, header=True)
        self.figure.add_artist(
            Rectangle((LEFT, self.y + ROW * 0.15), RIGHT - LEFT, 0.0012, color=RULE, transform=self.figure.transFigure)
        )

    def _row(self, columns: Sequence[Column], row: Mapping[str, Any], size: float, *, shaded: bool, bold: bool) -> None:
        assert self.figure is not None
        texts = self._texts(columns, row, size)
        lines = max(text.count("\n") + 1 for text in texts)
        height = 1.0 if lines == 1 else lines * 0.85 + 0.15
        if not self.room(height + 0.2):
            self.new_page()
            self._header(columns, size)
        if shaded:
            self.figure.add_artist(
                Rectangle(
                    (LEFT, self.y - ROW * (height - 0.15)), RIGHT - LEFT, ROW * height, color=STRIPE,
                    transform=self.figure.transFigure, zorder=0,
                )
            )
        self._cells(columns, row, size, bold=bold, texts=texts)

    def _texts(self, columns: Sequence[Column], row: Mapping[str, Any], size: float, *, header: bool = False) -> list[str]:
        """Each cell's text: numbers with the language's marks, text wrapped to its column."""
        texts = []
        for column in columns:
            value = row.get(column.key)
            if header or column.decimals is None or isinstance(value, str):
                text = "" if value is None else str(value)
                fits = int(column.width * (RIGHT - LEFT) * PORTRAIT[0] * 72 / (size * 0.52))
                if not header and len(text) > fits:
                    text = "\n".join(textwrap.wrap(text, max(fits, 4), break_on_hyphens=True))
            else:
                text = number(value, column.decimals, self.labels)
            texts.append(text)
        return texts

    def _cells(
        self,
        columns: Sequence[Column],
        row: Mapping[str, Any],
        size: float,
        *,
        header: bool = False,
        bold: bool = False,
        texts: list[str] | None = None,
    ) -> None:
        assert self.figure is not None
        texts = texts if texts is not None else self._texts(columns, row, size, header=header)
        lines = max(text.count("\n") + 1 for text in texts)
        x = LEFT
        for column, text in zip(columns, texts):
            width = column.width * (RIGHT - LEFT)
            right = column.decimals is not None
            self.figure.text(
                x + width - 0.006 if right else x + 0.004, self.y, text, fontsize=size, va="top",
                ha="right" if right else "left", fontweight="bold" if header or bold else "normal", zorder=2,
                linespacing=1.1,
            )
            x += width
        self.y -= ROW * (1.0 if lines == 1 else lines * 0.85 + 0.15)

    # -- method notes --------------------------------------------------------------------------

    def method_notes(self) -> None:
        lang = self.meta.lang if self.meta.lang in method.NOTES else "en"
        self.new_page(self.labels["pack.method"])
        for kind, text in method.NOTES[lang]:
            if kind == "h":
                self.heading(text)
            elif kind == "p":
                self.paragraph(text)
            elif kind == "m":
                self.paragraph(text, mono=True)
            else:
                rows = [
                    {"dest": dest, "meaning": meaning[lang], "counts": counts}
                    for dest, meaning, counts in method.DESTINATIONS
                ]
                self.table(
                    [
                        Column("dest", self.labels["pack.col.destination"], 0.18),
                        Column("meaning", self.labels["pack.col.meaning"], 0.69),
                        Column("counts", self.labels["pack.col.counts_in"], 0.13),
                    ],
                    rows,
                )


def cover(report: Report, contents: Sequence[str]) -> None:
    labels, meta = report.labels, report.meta
    figure = report.new_page()
    figure.add_artist(Rectangle((0, 0.78), 1, 0.22, color="#1b5e20", transform=figure.transFigure, zorder=0))
    figure.text(LEFT, 0.92, labels["pack.title"], fontsize=26, color="white", fontweight="bold", va="top")
    figure.text(LEFT, 0.86, labels["pack.subtitle"], fontsize=13, color="white", va="top")
    report.y = 0.73
    rows = [
        {"k": labels["pack.scope"], "v": meta.scope},
        {"k": labels["pack.period"], "v": f"{meta.start} – {meta.end}"},
        *([{"k": labels["pack.basis"], "v": labels[f"pack.basis.{meta.basis}"]}] if meta.basis else []),
        {"k": labels["pack.as_of_position"], "v": str(meta.position)},
        {"k": labels["pack.chain_head"], "v": meta.chain_head[:32]},
        {"k": "", "v": meta.chain_head[32:]},
        {"k": labels["pack.generated"], "v": meta.generated},
        {"k": labels["pack.version"], "v": meta.version},
    ]
    for row in rows:
        figure.text(LEFT, report.y, row["k"], fontsize=11.5, fontweight="bold", va="top", color="#1b3a4b")
        mono = row["v"] and all(c in "0123456789abcdef" for c in row["v"]) and len(row["v"]) == 32
        figure.text(0.45, report.y, row["v"], fontsize=11.5, va="top", family="monospace" if mono else "sans-serif")
        report.y -= ROW * 1.6
    report.y -= ROW
    report.heading(labels["pack.contents"])
    for index, line in enumerate(contents, start=1):
        figure.text(LEFT + 0.02, report.y, f"{index}.  {line}", fontsize=10.5, va="top")
        report.y -= ROW * 1.25
    report.y -= ROW
    report.paragraph(labels["pack.cover_note"], size=9)


def _utc(text: str) -> datetime | None:
    """The pack's generated time as the PDF's creation date (none if it is not a UTC time)."""
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return None


@fixed_style()
def write_pdf(
    path: Path,
    *,
    labels: Mapping[str, str],
    meta: Meta,
    sections: Sequence[tuple[str, Sequence[Column], Sequence[Mapping[str, Any]]]],
    charts: Sequence[Figure],
) -> int:
    """Writes the report; ``sections`` are (heading, columns, rows) tables in order. Returns
    the number of pages. The same arguments give the same bytes (``projections.rendering``):
    the only time in the file is ``meta.generated``, on the cover and as its creation date."""
    metadata = {
        "Title": f"{labels['pack.title']} — {meta.scope}, {meta.start} – {meta.end}",
        "Author": "envtrack",
        "Subject": f"as_of_position {meta.position}; chain head {meta.chain_head}",
        "Creator": f"envtrack {meta.version}",
        "CreationDate": _utc(meta.generated),
        "ModDate": None,
    }
    with PdfPages(path, metadata=metadata) as pdf:
        report = Report(pdf, labels, meta)
        contents = [
            labels["pack.contents.tables"],
            labels["pack.contents.charts"],
            labels["pack.method"],
        ]
        cover(report, contents)
        report.new_page(labels["pack.contents.tables"])
        for heading, columns, rows in sections:
            if heading.startswith("\f"):  # a section that starts on its own page
                report.new_page()
                heading = heading[1:]
            report.heading(heading)
            report.table(columns, rows)
        report.close_page()
        for chart in charts:
            report.save(chart, footer=False)  # charts carry their own source line
        report.method_notes()
        report.close_page()
        return report.pages

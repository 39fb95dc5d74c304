"""Print-quality charts for the Adipura evidence pack.

Each ``plot_*(frame, labels, *, source=…)`` draws the values it is given on a new ``Figure``
(object API with the Agg canvas: no pyplot state, nothing shown or saved here) sized as an A4
landscape page. ``labels`` is a label set from ``envtrack.i18n.labels(lang)``; ``source`` is the
line printed under every chart (scope, period, log position), made by ``source_line``. Every
chart is drawn under ``projections.rendering.fixed_style``: fixed fonts, and no text (a site's
name, a label) is read as mathtext, so ``$5 or $10`` is drawn as written.

Frames have the shapes ``projections.indicators`` returns: one row per month, site or category
with the waste keys (``*_kg``, ``pct_*``), or the programme columns of ``sambo_monthly`` and
``maduleni_monthly``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, MaxNLocator

from projections.rendering import fixed_style

PAGE_LANDSCAPE = (11.69, 8.27)  # A4, inches
MAX_SITES = 30  # more sites than this: the smallest are summed into one bar

COLOURS = {
    "pengurangan": "#2e7d32",
    "penanganan": "#1565c0",
    "tidak_terkelola": "#9e9e9e",
    "target_pengurangan": "#1b5e20",
    "target_penanganan": "#0d47a1",
    "composition": "#6d4c41",
    "bottles": "#00838f",
    "items": "#ef6c00",
    "harvest": "#5d4037",
    "water": "#0277bd",
}


# -- numbers and labels --------------------------------------------------------------------------


def number(value: Any, decimals: int, labels: Mapping[str, str]) -> str:
    """``value`` with ``decimals`` places and the thousands and decimal marks of the language
    (``1.234,5`` in Indonesian, ``1,234.5`` in English); an en dash for a missing value."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    text = f"{float(value):,.{decimals}f}"
    thousands = labels["chart.thousands_mark"]
    decimal = labels["chart.decimal_mark"]
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def source_line(labels: Mapping[str, str], *, scope: str, start: str, end: str, position: int) -> str:
    """The line printed under every chart: where the figures come from."""
    template = labels["chart.source"]
    return template.format(scope=scope, start=start, end=end, position=position)


def month_labels(months: list[str], labels: Mapping[str, str]) -> list[str]:
    """``YYYY-MM`` as short month names when all months fall in one year, else as given."""
    names = labels["chart.months"].split()
    years = {month[:4] for month in months}
    if len(names) != 12 or len(years) > 1:
        return list(months)
    return [names[int(month[5:7]) - 1] for month in months]


def jenis_label(category: str, labels: Mapping[str, str]) -> str:
    return labels[f"chart.jenis.{category}"]


def _column(frame: Any, column: str) -> list[Any]:
    """A column's values; none for a frame without rows (which may have no columns either)."""
    return frame[column].tolist() if column in frame else []


def _values(frame: Any, column: str) -> list[float]:
    """A column as floats, missing values (None, NaN) as NaN, which bars and lines skip."""
    out = []
    for value in _column(frame, column):
        try:
            number_ = float(value)
        except (TypeError, ValueError):
            number_ = math.nan
        out.append(number_)
    return out


# -- figure scaffolding --------------------------------------------------------------------------


def new_figure(size: tuple[float, float] = PAGE_LANDSCAPE) -> Figure:
    """A figure on the Agg canvas, laid out by constrained layout above the source line."""
    figure = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(figure)
    figure.get_layout_engine().set(rect=(0.0, 0.035, 1.0, 0.965), h_pad=0.08, w_pad=0.08)
    return figure


def _finish(figure: Figure, title: str, source: str) -> Figure:
    figure.suptitle(title, fontsize=15, fontweight="bold")
    figure.text(0.01, 0.012, source, fontsize=8, color="#424242", ha="left", va="bottom", gid="source")
    return figure


def _no_data(ax: Axes, labels: Mapping[str, str]) -> None:
    ax.text(
        0.5, 0.5, labels["chart.no_data"], transform=ax.transAxes,
        ha="center", va="center", fontsize=13, color="#616161", gid="no-data",
    )


def _thousands_axis(axis: Any, labels: Mapping[str, str], decimals: int = 0) -> None:
    """Tick labels with the language's marks; whole-number ticks when shown without decimals."""
    if decimals == 0:
        axis.set_major_locator(MaxNLocator(nbins="auto", integer=True))
    axis.set_major_formatter(FuncFormatter(lambda value, _pos: number(value, decimals, labels)))


def _legend(ax: Axes, *, ncols: int, also: Axes | None = None) -> None:
    """One legend for the chart, just above the plot area (below the title), so that it never
    covers data; ``also`` adds the series of a twin axis."""
    handles, texts = ax.get_legend_handles_labels()
    if also is not None:
        more_handles, more_texts = also.get_legend_handles_labels()
        handles, texts = handles + more_handles, texts + more_texts
    # the plotted series first, then the reference lines (targets)
    order = sorted(range(len(handles)), key=lambda i: isinstance(handles[i], Line2D) and handles[i].get_linestyle() == "--")
    handles, texts = [handles[i] for i in order], [texts[i] for i in order]
    ax.legend(
        handles, texts, loc="lower center", bbox_to_anchor=(0.5, 1.01), ncols=ncols,
        fontsize=10, frameon=False,
    )


def _style(ax: Axes) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=10)
    ax.set_axisbelow(True)


# -- charts --------------------------------------------------------------------------------------


@fixed_style()
def plot_targets(
    frame: Any,
    labels: Mapping[str, str],
    *,
    targets: Mapping[str, float] | None = None,
    source: str = "",
) -> Figure:
    """Monthly ``pct_pengurangan`` and ``pct_penanganan`` as grouped bars, with the target
    lines (30 % and 70 % unless ``targets`` says otherwise). Columns: month, pct_pengurangan,
    pct_penanganan, and ``basis``: the bars are shares of what the rows' basis says timbulan is
    (the y axis says when it is the city's estimate)."""
    targets = {"pct_pengurangan": 30.0, "pct_penanganan": 70.0, **(targets or {})}
    figure = new_figure()
    ax = figure.add_subplot()
    _style(ax)
    months = [str(month) for month in _column(frame, "month")]
    x = list(range(len(months)))
    width = 0.38
    series = (
        ("pct_pengurangan", "chart.series.pengurangan", "pengurangan", -width / 2),
        ("pct_penanganan", "chart.series.penanganan", "penanganan", width / 2),
    )
    for column, key, colour, shift in series:
        heights = _values(frame, column)
        bars = ax.bar(
            [i + shift for i in x], heights, width, label=labels[key],
            color=COLOURS[colour], gid=column,
        )
        ax.bar_label(bars, labels=[number(h, 1, labels) for h in heights], fontsize=7, padding=2)
    for column, key, colour in (
        ("pct_pengurangan", "chart.target.pengurangan", "target_pengurangan"),
        ("pct_penanganan", "chart.target.penanganan", "target_penanganan"),
    ):
        value = float(targets[column])
        ax.axhline(
            value, color=COLOURS[colour], linestyle="--", linewidth=1.6,
            label=labels[key].format(value=number(value, 0, labels)), gid=f"target-{column}",
        )
    ax.set_xticks(x, month_labels(months, labels))
    ax.set_xlim(-0.6, max(len(x), 1) - 0.4)
    ax.set_ylim(0, 105)
    ax.yaxis.set_major_locator(MaxNLocator(11, integer=True))
    ax.set_xlabel(labels["chart.axis.month"], fontsize=11)
    estimated = "estimate" in _column(frame, "basis")  # the bars are shares of the city's estimate
    ax.set_ylabel(labels["chart.axis.pct_estimate" if estimated else "chart.axis.pct_timbulan"], fontsize=11)
    ax.grid(axis="y", color="#e0e0e0")
    if not months or all(math.isnan(v) for v in _values(frame, "pct_pengurangan") + _values(frame, "pct_penanganan")):
        _no_data(ax, labels)
    _legend(ax, ncols=4)
    return _finish(figure, labels["chart.title.targets"], source)


@fixed_style()
def plot_composition(frame: Any, labels: Mapping[str, str], *, source: str = "") -> Figure:
    """Each jenis's share of timbulan as horizontal bars, largest on top, annotated with its
    share and mass. Columns: category, timbulan_kg (the share is kg / Σ kg)."""
    figure = new_figure()
    ax = figure.add_subplot()
    _style(ax)
    rows = [
        (str(category), kg)
        for category, kg in zip(_column(frame, "category"), _values(frame, "timbulan_kg"))
        if math.isfinite(kg) and kg > 0
    ]
    total = sum(kg for _, kg in rows)
    rows.sort(key=lambda row: row[1])
    shares = [100.0 * kg / total for _, kg in rows] if total else []
    names = [jenis_label(category, labels) for category, _ in rows]
    bars = ax.barh(range(len(rows)), shares, 0.65, color=COLOURS["composition"], gid="komposisi")
    ax.bar_label(
        bars,
        labels=[f"{number(share, 1, labels)} % ({number(kg, 1, labels)} kg)" for share, (_, kg) in zip(shares, rows)],
        fontsize=9, padding=3,
    )
    ax.set_yticks(range(len(rows)), names)
    pad = max(0.6, (8 - len(rows)) / 2)  # a few jenis keep bars of a readable thickness
    ax.set_ylim(-pad, len(rows) - 1 + pad)
    ax.set_xlim(0, max([*shares, 10.0]) * 1.3)
    ax.set_xlabel(labels["chart.axis.pct_timbulan"], fontsize=11)
    ax.set_ylabel(labels["chart.axis.jenis"], fontsize=11)
    ax.grid(axis="x", color="#e0e0e0")
    if not rows:
        _no_data(ax, labels)
    return _finish(figure, labels["chart.title.composition"], source)


@fixed_style()
def plot_sites(frame: Any, labels: Mapping[str, str], *, source: str = "") -> Figure:
    """Per site, timbulan split into pengurangan, penanganan and tidak terkelola (kg) as
    stacked horizontal bars, largest timbulan on top; beyond ``MAX_SITES`` the smallest sites
    are summed into one bar. Columns: site, pengurangan_kg, penanganan_kg, tidak_terkelola_kg."""
    parts = ("pengurangan_kg", "penanganan_kg", "tidak_terkelola_kg")
    rows = [
        (str(site), [0.0 if math.isnan(v) else v for v in values])
        for site, *values in zip(_column(frame, "site"), *(_values(frame, part) for part in parts))
    ]
    rows.sort(key=lambda row: -sum(row[1]))
    if len(rows) > MAX_SITES:
        rest = rows[MAX_SITES - 1 :]
        summed = [sum(values[i] for _, values in rest) for i in range(len(parts))]
        other = labels["chart.other_sites"].format(count=len(rest))
        rows = rows[: MAX_SITES - 1] + [(other, summed)]
    rows.reverse()  # barh draws from the bottom up
    figure = new_figure()
    ax = figure.add_subplot()
    _style(ax)
    y = list(range(len(rows)))
    left = [0.0] * len(rows)
    for i, part in enumerate(parts):
        widths = [values[i] for _, values in rows]
        ax.barh(
            y, widths, 0.7, left=left, label=labels[f"chart.series.{part}"],
            color=COLOURS[part.removesuffix("_kg")], gid=part,
        )
        left = [a + b for a, b in zip(left, widths)]
    for row_y, total in zip(y, left):
        ax.text(total, row_y, " " + number(total, 0, labels) + " kg", va="center", fontsize=7)
    site_font = 10 if len(rows) <= 15 else 8 if len(rows) <= 24 else 7
    ax.set_yticks(y, [site for site, _ in rows], fontsize=site_font)
    ax.set_xlim(0, max([*left, 1.0]) * 1.15)
    pad = max(0.6, (8 - len(rows)) / 2)  # a few sites keep bars of a readable thickness
    ax.set_ylim(-pad, len(rows) - 1 + pad)
    _thousands_axis(ax.xaxis, labels)
    ax.set_xlabel(labels["chart.axis.kg"], fontsize=11)
    ax.set_ylabel(labels["chart.axis.site"], fontsize=11)
    ax.grid(axis="x", color="#e0e0e0")
    if not rows or not any(left):
        _no_data(ax, labels)
    _legend(ax, ncols=3)
    return _finish(figure, labels["chart.title.sites"], source)


def _bars_and_line(
    frame: Any,
    labels: Mapping[str, str],
    *,
    bar: tuple[str, str, str, str],
    line: tuple[str, str, str, str],
    title: str,
    source: str,
    bar_decimals: int,
    line_decimals: int = 0,
) -> Figure:
    """Two panels sharing the months: bars above, a line with its values below (two units,
    each on its own axis from zero, so that neither hides the other's figures)."""
    bar_column, bar_series, bar_axis, bar_colour = bar
    line_column, line_series, line_axis, line_colour = line
    figure = new_figure()
    ax, below = figure.subplots(2, 1, sharex=True, height_ratios=[3, 2])
    months = [str(month) for month in _column(frame, "month")]
    x = list(range(len(months)))
    heights = _values(frame, bar_column)
    points = _values(frame, line_column)
    bars = ax.bar(x, heights, 0.6, color=COLOURS[bar_colour], label=labels[bar_series], gid=bar_column)
    ax.bar_label(bars, labels=[number(h, bar_decimals, labels) if h else "" for h in heights], fontsize=7, padding=2)
    below.plot(
        x, points, color=COLOURS[line_colour], marker="o", linewidth=2,
        label=labels[line_series], gid=line_column,
    )
    for xi, point in zip(x, points):
        if math.isfinite(point) and point:
            below.annotate(
                number(point, line_decimals, labels), (xi, point), textcoords="offset points",
                xytext=(0, 7), ha="center", fontsize=7,
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
            )
    for panel, values, column, axis_key, colour in (
        (ax, heights, bar_column, bar_axis, bar_colour),
        (below, points, line_column, line_axis, line_colour),
    ):
        _style(panel)
        top = max([v for v in values if math.isfinite(v)] + [0.0])
        panel.set_ylim(0, top * 1.2 if top > 0 else 1)
        _thousands_axis(panel.yaxis, labels)
        panel.set_ylabel(labels[axis_key], fontsize=10, color=COLOURS[colour])
        panel.grid(axis="y", color="#e0e0e0")
    below.set_xticks(x, month_labels(months, labels))
    below.set_xlim(-0.6, max(len(x), 1) - 0.4)
    below.set_xlabel(labels["chart.axis.month"], fontsize=11)
    figure.align_ylabels([ax, below])
    if not months or not any(v for v in heights + points if math.isfinite(v)):
        _no_data(ax, labels)
    _legend(ax, ncols=2, also=below)
    return _finish(figure, title, source)


@fixed_style()
def plot_sambo(frame: Any, labels: Mapping[str, str], *, source: str = "") -> Figure:
    """SAMBO DIKARTU AS by month: bottles exchanged (bars, above) and school supplies issued
    (line, below). Columns: month, bottles, items_issued."""
    return _bars_and_line(
        frame,
        labels,
        bar=("bottles", "chart.series.bottles", "chart.axis.bottles", "bottles"),
        line=("items_issued", "chart.series.items", "chart.axis.items", "items"),
        title=labels["chart.title.sambo"],
        source=source,
        bar_decimals=0,
    )


@fixed_style()
def plot_maduleni(frame: Any, labels: Mapping[str, str], *, source: str = "") -> Figure:
    """MADULENI MANIS by month: fish harvested (kg, bars, above) and wudu water led into the
    ponds (litres, line, below). Columns: month, harvest_kg, water_liters."""
    return _bars_and_line(
        frame,
        labels,
        bar=("harvest_kg", "chart.series.harvest_kg", "chart.axis.harvest_kg", "harvest"),
        line=("water_liters", "chart.series.water_l", "chart.axis.water_l", "water"),
        title=labels["chart.title.maduleni"],
        source=source,
        bar_decimals=1,
    )

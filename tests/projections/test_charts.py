"""Charts plot the values they are given: bar heights, line data, legends, titles and labels."""

from __future__ import annotations

import math
import subprocess
import sys

import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from envtrack.i18n import labels
from projections import charts

ID = labels("id")
EN = labels("en")
MONTHS = ["2025-01", "2025-02", "2025-03"]
SOURCE = "Sumber: uji · Posisi log: 42"


def bars(ax, gid: str) -> list:
    return [patch for patch in ax.patches if patch.get_gid() == gid]


def heights(ax, gid: str) -> list[float]:
    return [patch.get_height() for patch in bars(ax, gid)]


def legend_texts(ax) -> list[str]:
    return [text.get_text() for text in ax.get_legend().get_texts()]


def source_text(figure: Figure) -> str:
    (text,) = [text for text in figure.texts if text.get_gid() == "source"]
    return text.get_text()


def tick_texts(axis) -> list[str]:
    return [tick.get_text() for tick in axis.get_ticklabels()]


def test_targets_chart_plots_monthly_percentages_and_target_lines():
    frame = pd.DataFrame(
        {"month": MONTHS, "pct_pengurangan": [25.0, None, 40.5], "pct_penanganan": [60.0, None, 55.25]}
    )
    figure = charts.plot_targets(frame, ID, source=SOURCE)
    ax = figure.axes[0]

    assert isinstance(figure.canvas, FigureCanvasAgg)
    assert heights(ax, "pct_pengurangan")[0] == 25.0
    assert heights(ax, "pct_pengurangan")[2] == 40.5
    assert math.isnan(heights(ax, "pct_pengurangan")[1])  # A = 0: no bar, not a zero bar
    assert heights(ax, "pct_penanganan") == [60.0, pytest.approx(math.nan, nan_ok=True), 55.25]
    (target_30,) = [line for line in ax.lines if line.get_gid() == "target-pct_pengurangan"]
    (target_70,) = [line for line in ax.lines if line.get_gid() == "target-pct_penanganan"]
    assert list(target_30.get_ydata()) == [30.0, 30.0]
    assert list(target_70.get_ydata()) == [70.0, 70.0]
    assert legend_texts(ax) == [
        "Pengurangan (%)",
        "Penanganan (%)",
        "Target pengurangan 30 %",
        "Target penanganan 70 %",
    ]
    assert figure.get_suptitle() == "Pengurangan dan penanganan sampah per bulan terhadap target"
    assert ax.get_xlabel() == "Bulan"
    assert ax.get_ylabel() == "Persen dari timbulan (%)"
    assert tick_texts(ax.xaxis) == ["Jan", "Feb", "Mar"]
    assert source_text(figure) == SOURCE


def test_targets_chart_draws_configured_targets_in_english():
    frame = pd.DataFrame({"month": MONTHS, "pct_pengurangan": [1.0, 2.0, 3.0], "pct_penanganan": [4.0, 5.0, 6.0]})
    figure = charts.plot_targets(frame, EN, targets={"pct_pengurangan": 35, "pct_penanganan": 65})
    ax = figure.axes[0]

    (target_35,) = [line for line in ax.lines if line.get_gid() == "target-pct_pengurangan"]
    assert list(target_35.get_ydata()) == [35.0, 35.0]
    assert "Reduction target 35 %" in legend_texts(ax)
    assert "Handling target 65 %" in legend_texts(ax)
    assert figure.get_suptitle() == "Waste reduction and handling by month against the targets"
    assert ax.get_xlabel() == "Month"
    # the figures printed on the bars use the language's decimal mark
    assert [text.get_text() for text in ax.texts if text.get_text() == "1.0"] == ["1.0"]


def test_bar_labels_use_the_indonesian_decimal_mark():
    frame = pd.DataFrame({"month": ["2025-01"], "pct_pengurangan": [12.34], "pct_penanganan": [1234.5]})
    ax = charts.plot_targets(frame, ID).axes[0]

    assert {text.get_text() for text in ax.texts} >= {"12,3", "1.234,5"}


def test_composition_chart_plots_each_jenis_share_of_timbulan():
    # 600 + 300 + 100 = 1000 kg: shares 60 %, 30 %, 10 %; a jenis with no waste is left out
    frame = pd.DataFrame(
        {
            "category": ["plastik", "sisa-makanan", "kaca", "logam"],
            "timbulan_kg": [300.0, 600.0, 100.0, 0.0],
        }
    )
    figure = charts.plot_composition(frame, ID, source=SOURCE)
    ax = figure.axes[0]

    widths = [patch.get_width() for patch in bars(ax, "komposisi")]
    assert widths == [pytest.approx(10.0), pytest.approx(30.0), pytest.approx(60.0)]  # bottom → top
    assert tick_texts(ax.yaxis) == ["Kaca", "Plastik", "Sisa makanan"]
    assert "60,0 % (600,0 kg)" in {text.get_text() for text in ax.texts}
    assert figure.get_suptitle() == "Komposisi sampah menurut jenis (SIPSN)"
    assert ax.get_xlabel() == "Persen dari timbulan (%)"
    assert ax.get_ylabel() == "Jenis sampah (SIPSN)"
    assert source_text(figure) == SOURCE


def test_composition_chart_says_so_when_there_is_no_waste():
    frame = pd.DataFrame({"category": ["plastik"], "timbulan_kg": [0.0]})
    ax = charts.plot_composition(frame, EN).axes[0]

    assert bars(ax, "komposisi") == []
    assert [text.get_text() for text in ax.texts if text.get_gid() == "no-data"] == ["No data in this period"]


def test_sites_chart_stacks_pengurangan_penanganan_and_unmanaged_per_site():
    frame = pd.DataFrame(
        {
            "site": ["masjid-a", "smpn-6"],
            "pengurangan_kg": [10.0, 200.0],
            "penanganan_kg": [30.0, 50.0],
            "tidak_terkelola_kg": [5.0, 0.0],
        }
    )
    figure = charts.plot_sites(frame, EN, source=SOURCE)
    ax = figure.axes[0]

    # largest timbulan on top: barh draws the first row at the bottom
    assert tick_texts(ax.yaxis) == ["masjid-a", "smpn-6"]
    assert [p.get_width() for p in bars(ax, "pengurangan_kg")] == [10.0, 200.0]
    assert [p.get_width() for p in bars(ax, "penanganan_kg")] == [30.0, 50.0]
    assert [p.get_x() for p in bars(ax, "penanganan_kg")] == [10.0, 200.0]
    assert [p.get_x() for p in bars(ax, "tidak_terkelola_kg")] == [40.0, 250.0]
    assert legend_texts(ax) == ["Reduction (pengurangan)", "Handling (penanganan)", "Unmanaged (tidak terkelola)"]
    assert {"45 kg", "250 kg"} <= {text.get_text().strip() for text in ax.texts}
    assert ax.get_xlabel() == "Mass (kg)"
    assert ax.get_ylabel() == "Site"
    assert figure.get_suptitle() == "Waste management compared by site"


def test_sites_chart_sums_the_smallest_sites_beyond_the_limit():
    count = charts.MAX_SITES + 5
    frame = pd.DataFrame(
        {
            "site": [f"site-{i:02d}" for i in range(count)],
            "pengurangan_kg": [float(i + 1) for i in range(count)],
            "penanganan_kg": [0.0] * count,
            "tidak_terkelola_kg": [0.0] * count,
        }
    )
    ax = charts.plot_sites(frame, ID).axes[0]

    names = tick_texts(ax.yaxis)
    assert len(names) == charts.MAX_SITES
    # sites 1..6 kg (six sites) are summed: 21 kg, shown at the bottom
    assert names[0] == "6 lokasi lain"
    assert bars(ax, "pengurangan_kg")[0].get_width() == 21.0
    assert names[-1] == f"site-{count - 1:02d}"


def test_sambo_chart_plots_bottles_as_bars_and_items_as_a_line():
    frame = pd.DataFrame({"month": MONTHS, "bottles": [1200, 0, 450], "items_issued": [40, 0, 15]})
    figure = charts.plot_sambo(frame, ID, source=SOURCE)
    ax, below = figure.axes

    assert heights(ax, "bottles") == [1200.0, 0.0, 450.0]
    (line,) = [line for line in below.lines if line.get_gid() == "items_issued"]
    assert list(line.get_ydata()) == [40.0, 0.0, 15.0]
    assert legend_texts(ax) == ["Botol ditukar", "Alat tulis dibagikan"]
    assert ax.get_ylabel() == "Botol ditukar (buah)"
    assert below.get_ylabel() == "Alat tulis dibagikan (buah)"
    assert below.get_xlabel() == "Bulan"
    assert "1.200" in {text.get_text() for text in ax.texts}
    assert {"40", "15"} <= {text.get_text() for text in below.texts}  # the line's values
    assert "1.200" in {text.get_text() for text in ax.texts}
    assert figure.get_suptitle().startswith("SAMBO DIKARTU AS")
    assert source_text(figure) == SOURCE


def test_maduleni_chart_plots_harvest_kg_as_bars_and_wudu_water_as_a_line():
    frame = pd.DataFrame(
        {"month": MONTHS, "harvest_kg": [0.0, 85.5, 0.0], "water_liters": [21000.0, 19500.0, 30000.0]}
    )
    figure = charts.plot_maduleni(frame, EN, source=SOURCE)
    ax, below = figure.axes

    assert heights(ax, "harvest_kg") == [0.0, 85.5, 0.0]
    (line,) = [line for line in below.lines if line.get_gid() == "water_liters"]
    assert list(line.get_ydata()) == [21000.0, 19500.0, 30000.0]
    assert legend_texts(ax) == ["Fish harvested (kg)", "Wudu water (litres)"]
    assert ax.get_ylabel() == "Fish harvested (kg)"
    assert below.get_ylabel() == "Wudu water led in (litres)"
    assert figure.get_suptitle() == "MADULENI MANIS: fish harvests and wudu water by month"


def test_month_ticks_keep_year_months_when_the_period_spans_years():
    assert charts.month_labels(["2024-12", "2025-01"], ID) == ["2024-12", "2025-01"]
    assert charts.month_labels(["2025-05", "2025-08"], ID) == ["Mei", "Agu"]


def test_source_line_names_scope_period_and_log_position():
    line = charts.source_line(EN, scope="smpn-6", start="2025-01-01", end="2025-12-31", position=1234)
    assert line == (
        "Source: envtrack event log · Scope: smpn-6 · Period: 2025-01-01 to 2025-12-31 · Log position: 1234"
    )


def test_charts_render_without_pyplot():
    script = (
        "import sys, pandas as pd\n"
        "from projections import charts\n"
        "from envtrack.i18n import labels\n"
        "frame = pd.DataFrame({'month': ['2025-01'], 'bottles': [3], 'items_issued': [1]})\n"
        "figure = charts.plot_sambo(frame, labels('id'))\n"
        "figure.canvas.draw()\n"
        "print('pyplot' if 'matplotlib.pyplot' in sys.modules else 'no pyplot')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "no pyplot"


@pytest.mark.parametrize(
    "plot", [charts.plot_targets, charts.plot_composition, charts.plot_sites, charts.plot_sambo, charts.plot_maduleni]
)
def test_every_chart_draws_an_empty_frame_as_no_data(plot):
    figure = plot(pd.DataFrame(), EN, source=SOURCE)
    ax = figure.axes[0]

    figure.canvas.draw()
    assert [text.get_text() for text in ax.texts if text.get_gid() == "no-data"] == ["No data in this period"]
    assert figure.get_suptitle()
    assert source_text(figure) == SOURCE


USER_TEXT = ["$5 or $10", r"Masjid $\foo$ Al Ikhlas", r"Bank \$ampah $x^2$"]


@pytest.mark.parametrize("name", USER_TEXT)
def test_user_text_is_drawn_as_written_never_as_mathtext(name, tmp_path):
    from projections import rendering

    source = charts.source_line(EN, scope=name, start="2025-01-01", end="2025-12-31", position=7)
    frame = pd.DataFrame({"category": ["plastik"], "timbulan_kg": [3.0]})
    figure = charts.plot_composition(frame, EN, source=source)
    (text,) = [text for text in figure.texts if text.get_gid() == "source"]

    assert text.get_text() == source
    assert text._preprocess_math(text.get_text()) == (source, False)  # not mathtext: drawn as it is
    rendering.save_svg(figure, tmp_path / "c.svg", version="test")  # mathtext would refuse \foo
    rendering.save_png(figure, tmp_path / "c.png", version="test")
    # every dollar sign is drawn: its glyph is used once per "$" of the name
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    font = FT2Font(font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans")))
    dollar = f'xlink:href="#DejaVuSans-{font.get_char_index(ord("$")):x}"'
    svg = (tmp_path / "c.svg").read_text()
    assert svg.count(dollar) == name.count("$")
    assert f"<!-- {source} -->" in svg


def test_matplotlib_would_read_such_text_as_mathtext_without_the_fixed_style(tmp_path):
    """What the test above guards against: by default ``$\\foo$`` is mathtext, and fails."""
    figure = Figure()
    FigureCanvasAgg(figure)
    text = figure.text(0, 0, r"Masjid $\foo$")
    assert text.get_parse_math() is True
    with pytest.raises(ValueError):
        figure.savefig(tmp_path / "c.svg")


def test_the_report_prints_user_text_as_written(tmp_path):
    from projections.pdfreport import Meta, write_pdf

    meta = Meta(r"Masjid $\foo$ ($5 or $10)", "2025-01-01", "2025-12-31", 7, "ab" * 32, "test", "2026-01-01T00:00:00Z", "en")
    write_pdf(tmp_path / "laporan.pdf", labels=EN, meta=meta, sections=[], charts=[])
    data = (tmp_path / "laporan.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/dollar" in data and b"/backslash" in data  # the glyphs of "$" and "\" are in the report's font

"""The pack's pieces: the values it records, the PDF's tables and pages, the verifier's paths."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from envtrack.application import EnvTrack
from envtrack.i18n import labels
from envtrack.store import resolve
from projections import charts
from projections.packtables import pdf_sections, rows_of
from projections.packvalues import flatten, indicator_values, plain
from projections.pdfreport import Meta, write_pdf
from projections.totals import indicator_label
from projections.readmodels import ReadModels, replay_frames
from projections.verification import _flat, _same

EN = labels("en")
ID = labels("id")
TODAY = date(2025, 6, 30)


@pytest.fixture
def values(sqlite_db):
    """smpn-6: 10 kg sisa-makanan to kompos (Jan), 30 kg plastik to tpa (Mar); masjid-a: 10 kg
    kertas-karton to tpa (Mar). A = 50, B = 10 (20 %), C = 40 (80 %)."""
    app = EnvTrack(resolve(sqlite_db), operator="tester", today=lambda: TODAY)
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6", on=date(2025, 1, 2))
    app.add_site("masjid-a", kind="mosque", name="Masjid A", on=date(2025, 1, 2))
    app.record_waste("smpn-6", category="sisa-makanan", kg=10, destination="kompos", on=date(2025, 1, 5))
    app.record_waste("smpn-6", category="plastik", kg=30, destination="tpa", on=date(2025, 3, 5))
    app.record_waste("masjid-a", category="kertas-karton", kg=10, destination="tpa", on=date(2025, 3, 6))
    app.close()
    with ReadModels(resolve(sqlite_db)) as read_models:
        position = read_models.update()
        frames = read_models.frames()
    return indicator_values(frames, date(2025, 1, 1), date(2025, 12, 31), None, None, position)


def test_values_are_the_spec_total_and_the_tables(values):
    total = values["total"]
    assert list(total)[:3] == ["period", "site", "as_of_position"]
    assert total["waste"]["timbulan_kg"] == 50.0
    assert total["waste"]["pct_pengurangan"] == 20.0
    assert total["waste"]["pct_penanganan"] == 80.0
    assert [row["site"] for row in values["by_site"]] == ["masjid-a", "smpn-6"]
    assert [row["timbulan_kg"] for row in values["by_site"]] == [10.0, 40.0]
    assert len(values["by_month"]) == 12 and len(values["sambo_by_month"]) == 12
    assert {row["category"]: row["timbulan_kg"] for row in values["by_category"]}["plastik"] == 30.0


def test_the_verifier_recomputes_the_same_values_from_a_replay(values, sqlite_db):
    frames = replay_frames(resolve(sqlite_db), values["total"]["as_of_position"])
    again = indicator_values(
        frames, date(2025, 1, 1), date(2025, 12, 31), None, None, values["total"]["as_of_position"]
    )
    recorded, recomputed = _flat(values), _flat(again)
    assert recorded.keys() == recomputed.keys()
    assert all(_same(recorded[path], recomputed[path]) for path in recorded)
    assert recorded["by_site[smpn-6].timbulan_kg"] == 40.0
    assert recorded["by_month[2025-03].pct_penanganan"] == 100.0
    assert recorded["waste.komposisi_pct.plastik"] == 60.0


def test_value_comparison_tolerates_float_noise_only():
    assert _same(0.1 + 0.2, 0.3)
    assert not _same(41.0, 41.001)
    assert not _same(None, 0)
    assert _same(None, None)


def test_pdf_tables_carry_the_pack_values(values):
    sections = {heading.lstrip("\f"): rows for heading, _columns, rows in pdf_sections(values, EN)}
    waste = {row["name"]: row for row in sections["Waste: SIPSN achievement"]}
    assert waste["(A) Generated, weighed"]["kg"] == 50.0  # the table states the basis (section 11)
    assert waste["(B) Reduction (pengurangan)"]["pct"] == 20.0
    assert waste["(B) Reduction (pengurangan)"]["target"] == 30
    assert waste["(C) Handling (penanganan)"]["target"] == 70
    months = sections["Waste by month"]
    assert [row["month"] for row in months][-1] == "Total"
    assert months[-1]["timbulan_kg"] == 50.0 and months[-1]["_bold"]
    assert months[2]["timbulan_kg"] == 40.0
    composition = {row["jenis"]: row for row in sections["Composition by jenis"]}
    assert composition["Plastic"]["kg"] == 30.0 and composition["Plastic"]["pct"] == 60.0


def test_pdf_month_and_site_tables_show_kg_to_three_decimals_as_the_indicator_table(values):
    # A month of 4.66 kg printed as "4,7" would not match the 4.66 of the CSV and manifest.
    values = {**values, "by_month": [{**values["by_month"][0], "timbulan_kg": 4.66}, *values["by_month"][1:]]}
    sections = {heading.lstrip("\f"): (columns, rows) for heading, columns, rows in pdf_sections(values, ID)}
    for heading in ("Sampah per bulan", "Sampah per lokasi"):
        columns, _rows = sections[heading]
        assert {c.key: c.decimals for c in columns if c.key.endswith("_kg")} == {
            "timbulan_kg": 3, "pengurangan_kg": 3, "penanganan_kg": 3,
        }
        assert abs(sum(c.width for c in columns) - 1.0) < 1e-9
    columns, rows = sections["Sampah per bulan"]
    shown = {c.key: charts.number(rows[0][c.key], c.decimals, ID) for c in columns if c.decimals is not None}
    assert shown["timbulan_kg"] == "4,660"
    total = {c.key: charts.number(rows[-1][c.key], c.decimals, ID) for c in columns if c.decimals is not None}
    assert total["timbulan_kg"] == "50,000" and total["pct_penanganan"] == "80,00"


def test_pdf_has_cover_tables_every_chart_and_method(values, tmp_path):
    frame = pd.DataFrame(values["by_month"])
    figures = [charts.plot_targets(frame, ID) for _ in range(5)]
    meta = Meta("Semua lokasi", "2025-01-01", "2025-12-31", 5, "ab" * 32, "0.1.0", "2025-06-30T00:00:00Z", "id")
    path = tmp_path / "laporan.pdf"

    pages = write_pdf(path, labels=ID, meta=meta, sections=pdf_sections(values, ID), charts=figures)

    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) == pages
    # cover, 3 pages of tables (waste; programmes; by month; by site starts its own page), 5 charts, method
    assert pages >= 1 + 3 + 5 + 1


def test_total_table_rows_have_key_label_and_value(values):
    columns, rows = rows_of(values["total"], ID)
    assert columns == ["key", "indicator", "value"]
    by_key = {row["key"]: row for row in rows}
    assert by_key["waste.timbulan_kg"] == {"key": "waste.timbulan_kg", "indicator": "Timbulan (kg)", "value": 50.0}
    assert by_key["waste.komposisi_pct.plastik"]["indicator"] == "Komposisi plastik (%)"
    assert indicator_label("waste.target.pct_pengurangan", EN) == "Reduction target (%)"
    assert indicator_label("period.from", EN) == "Period from"


def test_flatten_and_plain():
    assert flatten({"a": {"b": 1, "c": {"d": None}}, "e": 2}) == {"a.b": 1, "a.c.d": None, "e": 2}
    import numpy

    assert plain({"x": numpy.int64(3), "y": [numpy.float64("nan")]}) == {"x": 3, "y": [None]}
    assert type(plain(numpy.int64(3))) is int

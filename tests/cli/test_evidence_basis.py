"""The evidence pack on the city basis (SQLite, then PostgreSQL): the cover, the table and the
monthly chart state it, dikelola stands beside its target, verify re-derives the city record's
targets, and a manifest whose targets were edited fails verify. Records in basis_scenario.py."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from basis_scenario import record_basis_city

from cli.support import invoke
from envtrack.i18n import labels
from projections import charts
from projections.packtables import pdf_sections

EN = labels("en")


@pytest.fixture
def pack(app, db, tmp_path) -> Path:
    record_basis_city(app)
    out = tmp_path / "pack"
    run = invoke(db, "evidence", "export", "--year", "2024", "--out", str(out))
    assert run.exit_code == 0, run.stderr
    return out


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def test_a_pack_on_the_city_basis_verifies_with_the_citys_targets(pack, db):
    found = manifest(pack)
    waste = found["indicators"]["waste"]
    # 2024: A = 1,000 × 0.5 × 366 = 183,000 (the estimate), weighed 1,200, dikelola 200
    assert (waste["basis"], waste["timbulan_kg"], waste["timbulan_measured_kg"]) == ("estimate", 183000.0, 1200.0)
    assert (waste["dikelola_kg"], waste["pct_dikelola"]) == (200.0, 0.11)
    # the targets of 2024's record: pengurangan 25, dikelola 40; penanganan the default 70
    assert found["targets"] == {"pct_pengurangan": 25, "pct_penanganan": 70, "pct_dikelola": 40}
    # each month its share: March 31 × 500 = 15,500
    march = next(row for row in found["tables"]["by_month"] if row["month"] == "2024-03")
    assert (march["basis"], march["timbulan_kg"]) == ("estimate", 15500.0)
    run = invoke(db, "evidence", "verify", str(pack))
    assert run.exit_code == 0, run.stdout + run.stderr


def test_editing_the_targets_in_the_manifest_fails_verify(pack, db):
    edited = manifest(pack)
    edited["targets"]["pct_dikelola"] = 50
    edited["indicators"]["waste"]["target"]["pct_dikelola"] = 50
    (pack / "manifest.json").write_text(json.dumps(edited, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    run = invoke(db, "evidence", "verify", str(pack))
    assert run.exit_code == 1
    assert any("targets.pct_dikelola" in line and "40" in line for line in run.stdout.splitlines()), run.stdout
    assert any("waste.target.pct_dikelola" in line for line in run.stdout.splitlines()), run.stdout


def test_editing_the_basis_in_the_manifest_fails_verify(pack, db):
    edited = manifest(pack)
    edited["indicators"]["waste"]["basis"] = "measured"
    (pack / "manifest.json").write_text(json.dumps(edited, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    run = invoke(db, "evidence", "verify", str(pack))
    assert run.exit_code == 1 and "waste.basis" in run.stdout


def test_the_table_states_the_basis_and_dikelola_stands_beside_its_target(pack):
    found = manifest(pack)
    values = {"total": found["indicators"], **found["tables"]}
    sections = {heading.lstrip("\f"): (columns, rows) for heading, columns, rows in pdf_sections(values, EN)}
    _columns, rows = sections["Waste: SIPSN achievement"]
    waste = {row["name"]: row for row in rows}
    assert waste["(A) Generated, city estimate"]["kg"] == 183000.0
    assert waste["  Waste weighed"]["kg"] == 1200.0
    dikelola = waste["Managed, RPJMN (no open-dumping TPA)"]
    assert (dikelola["kg"], dikelola["pct"], dikelola["target"]) == (200.0, 0.11, 40)
    columns, _rows = sections["Composition by jenis"]
    assert columns[-1].header == "% of weighed"
    csv_text = (pack / "indikator-total.csv").read_text(encoding="utf-8")
    assert "waste.basis,Timbulan basis,estimate" in csv_text


def test_the_cover_states_the_basis(tmp_path):
    from matplotlib.backends.backend_pdf import PdfPages

    from projections.pdfreport import Meta, Report, cover

    def cover_texts(basis: str | None) -> list[str]:
        meta = Meta(scope="All sites", start="2024-01-01", end="2024-12-31", position=9, chain_head="0" * 64,
                    version="0", generated="2025-01-01T00:00:00Z", lang="en", basis=basis)
        with PdfPages(tmp_path / f"{basis}.pdf") as pdf:
            report = Report(pdf, EN, meta)
            cover(report, [])
            texts = [text.get_text() for text in report.figure.texts]
            report.close_page()
        return texts

    estimate = cover_texts("estimate")
    assert "Timbulan (A) basis" in estimate
    assert "city estimate (population × rate, or survey)" in estimate
    assert "waste weighed" in cover_texts("measured")


def test_the_monthly_chart_bars_follow_the_basis(pack):
    frame = pd.DataFrame(manifest(pack)["tables"]["by_month"])
    figure = charts.plot_targets(frame, EN, targets={"pct_pengurangan": 25, "pct_penanganan": 70})
    (ax,) = figure.axes
    assert ax.get_ylabel() == "Share of the city's estimate of waste generated (%)"
    heights = [patch.get_height() for patch in ax.patches if patch.get_gid() == "pct_penanganan"]
    # March 2024: 1,000 kg to the TPA / its share of the estimate 15,500 = 6.4516… %
    assert heights[2] == pytest.approx(6.45)
    measured = frame.assign(basis="measured")
    (ax,) = charts.plot_targets(measured, EN).axes
    assert ax.get_ylabel() == "Share of waste generated (%)"


def test_a_pack_of_one_site_is_on_the_weighed_basis(app, db, tmp_path):
    record_basis_city(app)
    out = tmp_path / "pack"
    assert invoke(db, "evidence", "export", "--year", "2024", "--site", "rw", "--out", str(out)).exit_code == 0
    waste = manifest(out)["indicators"]["waste"]
    assert (waste["basis"], waste["timbulan_kg"], waste["timbulan_estimate_kg"]) == ("measured", 1000.0, None)
    assert invoke(db, "evidence", "verify", str(out)).exit_code == 0

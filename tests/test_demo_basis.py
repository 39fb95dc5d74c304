"""The demo Kota Mojokerto records a realistic city basis for each year it writes (≈ 134,000
people × 0.73 kg/person/day, Jawa Timur, a controlled-landfill TPA), so its figures are on the
city's estimate. SQLite for the whole demo (it is slow); both backends for the record itself."""

from __future__ import annotations

import calendar
import json
from datetime import date

from cli.support import invoke
from envtrack.demo.basis import population, record_basis
from envtrack.unit_of_work import UnitOfWork

LAST = date.today().year - 1


def test_each_year_written_gets_its_basis_targets_and_tpa_system(app, db):
    work = UnitOfWork(app)
    record_basis(work, date(2021, 1, 1), date(2024, 12, 31), app.today())
    work.commit()
    shown = app.show_city()
    assert (shown["name"], shown["province"]) == ("Kota Mojokerto", "Jawa Timur")
    years = {year["year"]: year for year in shown["years"]}
    assert list(years) == [2021, 2022, 2023, 2024]
    assert years[2024]["population"] == 134_200  # the kelurahan's 133,200 and 1,000 in institutions
    assert years[2021]["population"] == population(2021, 2024) < years[2024]["population"]
    # 2024: 134,200 × 0.73 × 366 (a leap year) = 97,966 × 366 = 35,855,556 kg ≈ 98 t a day
    assert years[2024]["timbulan_estimate_kg"] == 35_855_556.0
    assert {year["tpa_system"] for year in years.values()} == {"controlled-landfill"}
    assert years[2021]["target"] == {"pct_pengurangan": 24.0, "pct_penanganan": 74.0, "pct_dikelola": None}
    assert years[2024]["target"] == {"pct_pengurangan": 28.5, "pct_penanganan": 71.0, "pct_dikelola": None}
    rows = json.loads(invoke(db, "log", "--format", "json").stdout)
    assert [row["operator"] for row in rows] == ["dlh-kota"] * 4
    assert [row["occurred_on"] for row in rows] == [f"{year}-01-02" for year in range(2021, 2025)]


def test_the_demos_figures_are_on_the_citys_estimate(tmp_path):
    db = str(tmp_path / "demo.db")
    assert invoke(db, "demo", "--seed", "2").exit_code == 0
    shown = json.loads(invoke(db, "city", "show", "--format", "json").stdout)
    assert [year["year"] for year in shown["years"]] == [LAST]
    waste = json.loads(invoke(db, "indicators", "--year", str(LAST), "--format", "json").stdout)["waste"]
    days = 366 if calendar.isleap(LAST) else 365
    assert waste["basis"] == "estimate"
    assert waste["timbulan_kg"] == round(134_200 * 0.73 * days, 3)
    # what the demo weighs stays below the estimate: the rest is waste nobody weighed
    assert 0.85 * waste["timbulan_kg"] < waste["timbulan_measured_kg"] < waste["timbulan_kg"]
    assert waste["tidak_terkelola_kg"] > 0
    assert waste["dikelola_kg"] == waste["terkelola_kg"]  # a controlled landfill: all of it managed
    assert 15 <= waste["pct_pengurangan"] <= 25 and 60 <= waste["pct_penanganan"] <= 75

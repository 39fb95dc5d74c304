"""``envtrack sipsn export``: the small city (``tests/sipsn_city.py``) with its basis set by
``city set``, exported as SIPSN's five CSVs and the workbook, on SQLite and PostgreSQL; and
every refusal with nothing written."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from cli.support import assert_refused
from openpyxl import load_workbook
from sipsn_city import NAME, PROVINCE, record_small_city

from envtrack.application import EnvTrack
from envtrack.store import resolve


@pytest.fixture
def city(db, envtrack):
    """The small city recorded, with no city record yet."""
    app = EnvTrack(resolve(db), operator="dlh")
    try:
        record_small_city(app)
    finally:
        app.close()
    return envtrack


def named(envtrack, *extra: str) -> None:
    run = envtrack("city", "set", "--year", "2024", "--name", NAME, "--province", PROVINCE, *extra)
    assert run.exit_code == 0, run.stderr


def rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_export_of_the_year_on_the_city_estimate(city, tmp_path):
    named(city, "--timbulan-ton", "36.6")
    out = tmp_path / "sipsn"
    run = city("sipsn", "export", "--year", "2024", "--out", str(out))
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    assert "6 SIPSN files of 2024 P2 written to" in run.stderr and "the city's estimate" in run.stderr
    # A = 36.6 t (the survey); B–E weighed: see tests/sipsn_city.py and tests/projections/test_sipsn_tables.py
    assert rows(out / "sipsn-capaian.csv")[1] == [
        "2024", "Jawa Timur", "Kota Contoh", "36.60", "5.30", "14.49", "12.30", "33.60", "17.60", "48.09", "5.00",
        "0.70", "15.58", "P2"]
    assert rows(out / "sipsn-timbulan.csv")[1] == ["2024", "Kota Contoh", "0.10", "36.60", "estimate"]  # 36.6 / 366
    assert rows(out / "sipsn-komposisi.csv")[1][2:] == [
        "73.03", "3.93", "4.49", "9.56", "1.69", "1.12", "0.00", "0.55", "5.62"]  # of the 17800 kg weighed
    assert rows(out / "sipsn-sumber.csv")[1][2:] == ["68.54", "1.69", "22.47", "2.81", "0.56", "3.93", "0.00"]
    facilities = rows(out / "sipsn-fasilitas.csv")[1:]
    assert [(r[1], r[3], r[8], r[9]) for r in facilities] == [
        ("Bank Sampah Mawar", "Tidak Aktif", "0.30", "0.30"),
        ("Bank Sampah Melati", "Aktif", "2.00", "2.00"),
        ("TPS3R Kedundung", "Aktif", "4.50", "3.50"),  # the 1000 kg of residue to TPA is not terkelola
    ]
    book = load_workbook(out / "sipsn-2024-P2.xlsx")
    assert book.sheetnames == ["capaian", "timbulan", "komposisi", "sumber", "fasilitas"]
    assert book["capaian"]["D2"].value == 36.6 and book["capaian"]["D2"].number_format == "0.00"


def test_export_of_p1_from_population_and_rate_is_annualised(city, tmp_path):
    # 2024: 100 people × 0.5 kg × 366 days = 18300 kg; P1 gets 18300 × 182/366 = 9100 kg, annualised
    # back to 18300 kg: 18.30 t, harian 18.3 / 366 = 0.05 t
    named(city, "--population", "100", "--kg-per-person-day", "0.5")
    out = tmp_path / "p1"
    run = city("sipsn", "export", "--year", "2024", "--period", "P1", "--out", str(out))
    assert run.exit_code == 0, run.stderr
    capaian = rows(out / "sipsn-capaian.csv")[1]
    # B of P1: 4502.4 kg × 366/182 = 9054.28 → 9.05 t; 100 × 4502.4 / 9100 = 49.48 %
    # C of P1: 11000 × 366/182 = 22120.88 → 22.12 t; 100 × 11000 / 9100 = 120.88 %
    assert capaian[3:8] == ["18.30", "9.05", "49.48", "22.12", "120.88"]
    assert capaian[-1] == "P1"
    timbulan = rows(out / "sipsn-timbulan.csv")
    assert timbulan[0][-1] == "Catatan" and timbulan[1][2:5] == ["0.05", "18.30", "estimate"]
    assert "disetahunkan" in timbulan[1][5]
    assert (out / "sipsn-2024-P1.xlsx").is_file()


def test_export_without_an_estimate_is_on_what_was_weighed(city, tmp_path):
    named(city)
    out = tmp_path / "sipsn"
    run = city("sipsn", "export", "--year", "2024", "--out", str(out), lang="id")
    assert run.exit_code == 0, run.stderr
    assert "yang ditimbang" in run.stderr
    assert rows(out / "sipsn-timbulan.csv")[1] == ["2024", "Kota Contoh", "0.05", "17.80", "measured"]
    assert rows(out / "sipsn-capaian.csv")[0][3] == "Timbulan Sampah Tahunan (ton/tahun)(A)"  # Indonesian in every language


def test_export_without_a_city_is_refused_naming_city_and_the_command(city, tmp_path, head):
    before = head()
    out = tmp_path / "sipsn"
    run = city("sipsn", "export", "--year", "2024", "--out", str(out))
    assert_refused(run, "city")
    assert "envtrack city set --year 2024 --name NAME --province NAME" in run.stderr
    assert not out.exists() and head() == before
    city("city", "set", "--year", "2024", "--name", NAME)
    only_name = city("sipsn", "export", "--year", "2024", "--out", str(out))
    assert_refused(only_name, "city")
    assert "has no province" in only_name.stderr and "--province NAME" in only_name.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("--period", "P3"), "--period"),
        (("--period", "semester-1"), "--period"),
        (("--year", "dua ribu"), "--year"),
        (("--year", "1999"), "--year"),
        (("--year", "2999"), "--year"),
    ],
)
def test_bad_periods_and_years_are_refused_and_nothing_written(city, tmp_path, args, field):
    named(city)
    out = tmp_path / "sipsn"
    given = dict(zip(args[::2], args[1::2]))
    year = given.get("--year", "2024")
    extra = [] if "--period" not in given else ["--period", given["--period"]]
    run = city("sipsn", "export", "--year", year, *extra, "--out", str(out))
    assert_refused(run, field)
    assert not out.exists()


def test_an_out_that_is_a_file_is_refused_and_left_as_it_was(city, tmp_path):
    named(city)
    out = tmp_path / "sipsn.csv"
    out.write_text("mine", encoding="utf-8")
    run = city("sipsn", "export", "--year", "2024", "--out", str(out))
    assert_refused(run, "--out")
    assert out.read_text(encoding="utf-8") == "mine"


def test_an_out_that_cannot_be_written_is_refused_and_nothing_is_left(city, tmp_path):
    named(city)
    blocker = tmp_path / "laporan"
    blocker.write_text("a file where a folder would go", encoding="utf-8")
    run = city("sipsn", "export", "--year", "2024", "--out", str(blocker / "sipsn"))
    assert_refused(run, "--out")
    assert "cannot be written" in run.stderr
    assert blocker.read_text(encoding="utf-8") == "a file where a folder would go"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".") or "sipsn" in p.name] == []


def test_a_previous_export_is_kept_whole_when_a_folder_sits_where_a_file_goes(city, tmp_path):
    named(city)
    out = tmp_path / "sipsn"
    assert city("sipsn", "export", "--year", "2024", "--out", str(out)).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "sipsn-2024-P1.xlsx").mkdir()  # someone's folder where the P1 workbook goes
    run = city("sipsn", "export", "--year", "2024", "--period", "P1", "--out", str(out))
    assert_refused(run, "--out")
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_export_on_a_missing_store_is_refused_and_creates_nothing(tmp_path):
    from cli.support import invoke

    db = tmp_path / "none.db"
    run = invoke(str(db), "sipsn", "export", "--year", "2024", "--out", str(tmp_path / "out"))
    assert_refused(run, "db")
    assert not db.exists() and not (tmp_path / "out").exists()

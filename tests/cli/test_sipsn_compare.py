"""``envtrack sipsn compare``: a published capaian row beside envtrack's figures, from a table
written as SIPSN's download is, and from the real 2024 table (read from ``shared/data`` beside
the repository, never copied into it), on SQLite and PostgreSQL; and the refusals."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from cli.support import assert_refused
from sipsn_city import NAME, PROVINCE, record_small_city

from envtrack.application import EnvTrack
from envtrack.store import resolve
from projections.sipsn_files import COLUMNS

SHARED_TABLE = Path("shared") / "data" / "sipsn-2024-capaian.csv"
REAL_TABLE = Path(
    os.environ.get("ENVTRACK_SIPSN_CSV")
    or next((folder / SHARED_TABLE for folder in Path(__file__).resolve().parents if (folder / SHARED_TABLE).is_file()),
            Path(__file__).resolve().parents[3] / SHARED_TABLE)
)
"""The real table, in ``shared/data`` of a folder above the repository (a checkout or a worktree)."""
HEADERS = ",".join(title for title, _key, _kind in COLUMNS["capaian"])


def recorded(db, fill) -> None:
    app = EnvTrack(resolve(db), operator="dlh")
    try:
        fill(app)
    finally:
        app.close()


@pytest.fixture
def city(db, envtrack):
    recorded(db, record_small_city)
    run = envtrack("city", "set", "--year", "2024", "--name", NAME, "--province", PROVINCE, "--timbulan-ton", "36.6")
    assert run.exit_code == 0, run.stderr
    return envtrack


@pytest.fixture
def published(tmp_path) -> Path:
    """A capaian download: the small city's row as SIPSN might publish it, with thousands
    separators, an empty cell and 'P 2', among other cities."""
    path = tmp_path / "Data_Capaian_2024.csv"
    path.write_text(
        HEADERS + "\r\n"
        '2024,Jawa Timur,Kota Mojokerto,"35,881.50",7.67,0.02,"12,775.00",35.6,"12,782.67",35.62,,,0,P 2\r\n'
        '2024,Jawa Timur,KOTA CONTOH ,"1,036.60",5.3,0.51,12,1.16,17.3,1.67,,0.7,0.07,P 2\r\n',
        encoding="utf-8",
    )
    return path


def test_compare_sets_the_published_row_beside_envtracks(city, published):
    run = city("sipsn", "compare", str(published), "--format", "json")
    assert run.exit_code == 0, run.stderr
    found = json.loads(run.stdout)
    assert (found["name"], found["year"], found["period"]) == ("KOTA CONTOH", 2024, "P2")
    # envtrack: A 36.60 (the city's estimate), B 5.30, 14.49 %, C 12.30, 33.60 %, B+C 17.60, 48.09 %,
    # D 5.00, E 0.70, 15.58 % (tests/projections/test_sipsn_tables.py); difference = envtrack − published
    assert found["rows"] == [
        {"measure": "timbulan_t", "published": 1036.6, "envtrack": 36.6, "difference": -1000.0},
        {"measure": "pengurangan_t", "published": 5.3, "envtrack": 5.3, "difference": 0.0},
        {"measure": "pct_pengurangan", "published": 0.51, "envtrack": 14.49, "difference": 13.98},
        {"measure": "penanganan_t", "published": 12.0, "envtrack": 12.3, "difference": 0.3},
        {"measure": "pct_penanganan", "published": 1.16, "envtrack": 33.6, "difference": 32.44},
        {"measure": "terkelola_t", "published": 17.3, "envtrack": 17.6, "difference": 0.3},
        {"measure": "pct_terkelola", "published": 1.67, "envtrack": 48.09, "difference": 46.42},
        {"measure": "daur_ulang_t", "published": 0.0, "envtrack": 5.0, "difference": 5.0},  # an empty cell is 0
        {"measure": "bahan_baku_t", "published": 0.7, "envtrack": 0.7, "difference": 0.0},
        {"measure": "recycling_rate_pct", "published": 0.07, "envtrack": 15.58, "difference": 15.51},
    ]


def test_compare_table_in_english_and_indonesian(city, published):
    run = city("sipsn", "compare", str(published))
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["Measure", "Published", "envtrack", "Difference"]
    assert lines[2].split()[-3:] == ["1,036.60", "36.60", "-1,000.00"]
    assert lines[3].split()[-3:] == ["5.30", "5.30", "0.00"] and lines[4].split()[-1] == "+13.98"
    assert "KOTA CONTOH 2024 P2" in run.stderr and "difference = envtrack − published" in run.stderr
    indonesian = city("sipsn", "compare", str(published), lang="id")
    assert indonesian.stdout.splitlines()[0].split()[:2] == ["Ukuran", "Terbitan"]
    assert "1.036,60" in indonesian.stdout and "+32,44" in indonesian.stdout


def test_compare_another_name_of_the_file(city, published):
    run = city("sipsn", "compare", str(published), "--name", "kota mojokerto", "--format", "json")
    assert run.exit_code == 0, run.stderr
    found = json.loads(run.stdout)
    assert found["name"] == "Kota Mojokerto" and found["rows"][0]["published"] == 35881.5


def test_an_unknown_name_is_refused_with_close_names(city, published):
    run = city("sipsn", "compare", str(published), "--name", "Kota Contok")
    assert_refused(run, "name")
    assert "close names: KOTA CONTOH" in run.stderr


def test_a_file_that_is_not_a_capaian_export_is_refused_naming_the_missing_columns(city, tmp_path):
    path = tmp_path / "fasilitas.csv"
    path.write_text("Tahun,Nama,Jenis,Status\r\n2024,Bank Sampah Melati,Bank Sampah,Aktif\r\n", encoding="utf-8")
    run = city("sipsn", "compare", str(path))
    assert_refused(run, "FILE")
    assert "is not a SIPSN capaian export: missing columns Provinsi, Kabupaten/Kota, Timbulan Sampah" in run.stderr


def test_a_missing_file_is_a_usage_error(city, tmp_path):
    run = city("sipsn", "compare", str(tmp_path / "none.csv"))
    assert_refused(run, "FILE", code=2)


def test_compare_without_a_city_name_and_no_name_is_refused_naming_city(db, envtrack, published):
    recorded(db, record_small_city)
    run = envtrack("sipsn", "compare", str(published))
    assert_refused(run, "city")
    assert "envtrack city set" in run.stderr


# -- the real 2024 table ------------------------------------------------------------------------------

ROW = "Kab. Mojokerto"  # 2024 P1: A 164117.17, B 46169.12, C 36561.29, D 37114.87, E 306.19 (tonnes a year)
HALF = 182 / 366  # the P1 share of 2024: what the weighings of January–June are, annualised back by 366/182


def record_the_row(app) -> None:
    """Weighings of January–June 2024 whose sums, annualised, give the row's B–E:
    daur-ulang D, guna-ulang B − D, bahan-baku E, tps C − E (kg = tonnes × 1000 × 182/366)."""
    app.add_site("kab-mojokerto", kind="community", name="Kabupaten Mojokerto", on=date(2024, 1, 2))
    parts = {
        "daur-ulang": 37114.87,
        "guna-ulang": 46169.12 - 37114.87,
        "bahan-baku": 306.19,
        "tps": 36561.29 - 306.19,
    }
    for destination, tonnes in parts.items():
        app.record_waste("kab-mojokerto", category="lainnya", kg=tonnes * 1000 * HALF, destination=destination,
                         source="rumah-tangga", on=date(2024, 3, 15))


@pytest.mark.skipif(
    not REAL_TABLE.is_file(),
    reason=f"THE REAL SIPSN 2024 TABLE IS NOT AT {REAL_TABLE} (set ENVTRACK_SIPSN_CSV): its comparison is not run",
)
def test_a_store_built_to_match_a_row_of_the_real_2024_table_shows_no_difference(db, envtrack):
    recorded(db, record_the_row)
    basis = envtrack("city", "set", "--year", "2024", "--name", "kab. mojokerto", "--province", "Jawa Timur",
                     "--timbulan-ton", "164117.17")
    assert basis.exit_code == 0, basis.stderr
    run = envtrack("sipsn", "compare", str(REAL_TABLE), "--year", "2024", "--format", "json")
    assert run.exit_code == 0, run.stderr
    found = json.loads(run.stdout)
    assert (found["name"], found["year"], found["period"]) == ("Kab. Mojokerto", 2024, "P1")
    published = {row["measure"]: row["published"] for row in found["rows"]}
    assert published == {
        "timbulan_t": 164117.17, "pengurangan_t": 46169.12, "pct_pengurangan": 28.13, "penanganan_t": 36561.29,
        "pct_penanganan": 22.28, "terkelola_t": 82730.41, "pct_terkelola": 50.41, "daur_ulang_t": 37114.87,
        "bahan_baku_t": 306.19, "recycling_rate_pct": 22.8,
    }
    assert [(row["measure"], row["difference"]) for row in found["rows"]] == [
        (measure, 0.0) for measure in published
    ]
    assert "the city's estimate" in run.stderr


def test_compare_with_envtracks_own_workbook_shows_no_difference(city, tmp_path):
    out = tmp_path / "sipsn"
    assert city("sipsn", "export", "--year", "2024", "--period", "P1", "--out", str(out)).exit_code == 0
    run = city("sipsn", "compare", str(out / "sipsn-2024-P1.xlsx"), "--format", "json")
    assert run.exit_code == 0, run.stderr
    found = json.loads(run.stdout)
    assert (found["name"], found["year"], found["period"]) == (NAME, 2024, "P1")
    assert [row["difference"] for row in found["rows"]] == [0.0] * 10
    assert found["rows"][0]["published"] == 36.6  # the 2024 survey of 36.6 t, annualised P1 = the year's


def test_a_file_that_is_a_zip_but_no_workbook_is_refused(city, tmp_path):
    import zipfile

    path = tmp_path / "capaian.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    run = city("sipsn", "compare", str(path))
    assert_refused(run, "FILE")
    assert "cannot be read" in run.stderr

"""``envtrack indicators`` end to end: the spec's JSON, the four formats, periods, refusals."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import openpyxl
import pytest

from domain.values import CATEGORIES
from envtrack.store import resolve
from projections.sheets import render_csv, xlsx_bytes

from cli.support import assert_refused, invoke

# A school and a waste bank (all in 2025):
#   exchanges: 40 bottles for pensil=2, weight estimated 40 × 0.022 = 0.88 kg, pupil Ani (Feb);
#              10 bottles measured 0.3 kg, a pure deposit (Mar)             → bottles 1.18 kg
#   waste: bank plastik 12.5 → daur-ulang (Feb); bank sisa-makanan 20 → tpa (Mar);
#          smpn6 kertas-karton 2.5 → tidak-terkelola (Mar); bank kaca 4 → bahan-baku (Apr), voided
# A = 12.5 + 20 + 2.5 + 1.18 = 36.18;  B = 12.5 + 1.18 = 13.68 = D;  C = 20;  E = 0
EXPECTED_WASTE = {
    "timbulan_kg": 36.18,
    "pengurangan_kg": 13.68,
    "penanganan_kg": 20.0,
    "terkelola_kg": 33.68,
    "tidak_terkelola_kg": 2.5,
    "daur_ulang_kg": 13.68,
    "bahan_baku_kg": 0.0,
    "pct_pengurangan": 37.81,  # 100 · 13.68 / 36.18 = 37.8109…
    "pct_penanganan": 55.28,  # 100 · 20 / 36.18 = 55.2791…
    "pct_terkelola": 93.09,  # 100 · 33.68 / 36.18 = 93.0901…
    "recycling_rate_pct": 37.81,  # 100 · (13.68 + 0) / 36.18
    # section 11: no city record, so measured, and no open-dumping year: dikelola = B + C
    "basis": "measured",
    "timbulan_measured_kg": 36.18,
    "timbulan_estimate_kg": None,
    "dikelola_kg": 33.68,
    "pct_dikelola": 93.09,
    "komposisi_pct": {
        **{jenis: 0.0 for jenis in CATEGORIES},
        "plastik": 37.81,  # (12.5 + 1.18) / 36.18
        "sisa-makanan": 55.28,  # 20 / 36.18
        "kertas-karton": 6.91,  # 2.5 / 36.18 = 6.9099…
    },
    "target": {"pct_pengurangan": 30, "pct_penanganan": 70, "pct_dikelola": None},
}


@pytest.fixture
def city(envtrack, head):
    for args in (
        ("site", "add", "smpn6", "--kind", "school", "--name", "SMP Negeri 6", "--date", "2025-01-01"),
        ("site", "add", "bank", "--kind", "waste-bank", "--name", "Bank Sampah", "--date", "2025-01-01"),
        ("supplies", "rate", "smpn6", "pensil", "--bottles", "20", "--date", "2025-01-01"),
        ("supplies", "receive", "smpn6", "pensil", "--qty", "10", "--date", "2025-01-02"),
        ("exchange", "record", "smpn6", "--bottles", "40", "--item", "pensil=2", "--pupil", "Ani", "--date", "2025-02-03"),
        ("exchange", "record", "smpn6", "--bottles", "10", "--weight-kg", "0.3", "--date", "2025-03-04"),
        ("waste", "record", "bank", "--category", "plastik", "--kg", "12.5", "--destination", "daur-ulang", "--date", "2025-02-10"),
        ("waste", "record", "bank", "--category", "sisa-makanan", "--kg", "20", "--destination", "tpa", "--date", "2025-03-11"),
        ("waste", "record", "smpn6", "--category", "kertas-karton", "--kg", "2.5", "--destination", "tidak-terkelola", "--date", "2025-03-12"),
    ):
        assert envtrack(*args).exit_code == 0
    kaca = envtrack("waste", "record", "bank", "--category", "kaca", "--kg", "4", "--destination", "bahan-baku", "--date", "2025-04-01")
    assert envtrack("void", kaca.entry_id, "--reason", "ganda", "--date", "2025-04-02").exit_code == 0
    return envtrack


def test_json_total_has_exactly_the_specs_keys_and_the_hand_figures(city, head):
    run = city("indicators", "--year", "2025", "--format", "json")
    assert run.exit_code == 0, run.stderr
    report = json.loads(run.stdout)
    assert list(report) == ["period", "site", "as_of_position", "waste", "sambo", "maduleni"]
    assert report["period"] == {"from": "2025-01-01", "to": "2025-12-31"}
    assert report["site"] is None
    assert report["as_of_position"] == head()
    assert report["waste"] == EXPECTED_WASTE
    assert list(report["waste"]) == list(EXPECTED_WASTE)
    assert report["sambo"] == {
        "exchanges": 2,
        "bottles": 50,
        "bottles_kg": 1.18,
        "bottles_kg_estimated": 0.88,
        "items_issued": {"pensil": 2},
        "pupils": 1,
        "handed_over_kg": 0.0,
        "stock": {"pensil": 8},  # 10 received − 2 issued
    }
    assert report["maduleni"] == {
        "water_liters": 0.0,
        "feed_kg": 0.0,
        "stocked": 0,
        "deaths": 0,
        "harvested": 0,
        "harvest_kg": 0.0,
        "sold_kg": 0.0,
        "sold_rp": 0,
        "cycles_closed": 0,
        "survival_pct": None,
        "fcr": None,
        "yield_kg_per_m3": None,
        "harvest_kg_per_1000_l": None,
        "seed_cost_rp": 0,  # no costs recorded
        "feed_cost_rp": 0,
        "margin_rp": 0,  # 0 sold − 0 − 0
    }
    assert "NaN" not in run.stdout


def test_json_by_month_is_a_list_of_every_month_with_flattened_composition(city):
    run = city("indicators", "--from", "2025-01-01", "--to", "2025-06-30", "--by", "month", "--format", "json")
    rows = json.loads(run.stdout)
    assert [row["month"] for row in rows] == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"]
    assert rows[0]["timbulan_kg"] == 0.0 and rows[0]["pct_pengurangan"] is None
    # Feb: plastik 12.5 → daur-ulang, bottles 0.88: A = B = 13.38, all plastik
    assert rows[1]["timbulan_kg"] == 13.38
    assert rows[1]["komposisi_pct.plastik"] == 100.0
    # Mar: 20 tpa + 2.5 unmanaged + 0.3 bottles = 22.8; C = 20 → 87.72 % (20 / 22.8 = 87.719…)
    assert rows[2]["pct_penanganan"] == 87.72
    assert rows[3]["timbulan_kg"] == 0.0  # April: the kaca entry is voided
    assert list(rows[0])[:2] == ["month", "timbulan_kg"]
    assert list(rows[0])[-9:] == [f"komposisi_pct.{jenis}" for jenis in CATEGORIES]


def test_csv_headers_are_the_stable_keys_in_either_language_and_values_match_json(city):
    indonesian = city("indicators", "--year", "2025", "--by", "site", "--format", "csv", lang="id")
    rows = list(csv.reader(io.StringIO(indonesian.stdout)))
    assert rows[0][:3] == ["site", "timbulan_kg", "pengurangan_kg"]
    assert rows[0][-1] == "komposisi_pct.lainnya"
    english_by_site = city("indicators", "--year", "2025", "--by", "site", "--format", "csv", lang="en")
    assert english_by_site.stdout == indonesian.stdout
    by_site = {row[0]: row for row in rows[1:]}
    assert set(by_site) == {"bank", "smpn6"}
    # bank: 12.5 daur-ulang + 20 tpa = 32.5; smpn6: 2.5 unmanaged + 1.18 bottles = 3.68
    assert float(by_site["bank"][1]) == 32.5
    assert float(by_site["smpn6"][1]) == 3.68
    english = city("indicators", "--year", "2025", "--format", "csv", lang="en")
    lines = list(csv.reader(io.StringIO(english.stdout)))
    assert lines[0] == ["key", "indicator", "value"]
    values = {row[0]: row for row in lines[1:]}
    assert values["waste.pct_pengurangan"][1:] == ["Reduction (%)", "37.81"]
    assert values["sambo.stock.pensil"][1:] == ["Stock at end: pensil", "8"]
    assert values["maduleni.fcr"][2] == ""  # null


def test_table_is_labelled_in_indonesian_by_default(city):
    run = city("indicators", "--year", "2025", lang="id")
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["Indikator", "Nilai"]
    # Indonesian decimal comma on the terminal (the figures of EXPECTED_WASTE)
    assert any(line.startswith("Pengurangan (%)") and line.endswith("37,81") for line in lines)
    assert any(line.startswith("Timbulan (kg)") and line.endswith("36,18") for line in lines)
    english = city("indicators", "--year", "2025", lang="en")
    assert any(line.startswith("Waste generated (kg)") for line in english.stdout.splitlines())


def test_xlsx_is_written_to_out_and_reads_back(city, tmp_path):
    out = tmp_path / "indikator.xlsx"
    run = city("indicators", "--year", "2025", "--by", "category", "--format", "xlsx", "--out", str(out), lang="id")
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("category", "timbulan_kg")
    by_category = {row[0]: row for row in rows[1:]}
    assert list(by_category) == list(CATEGORIES)
    assert by_category["sisa-makanan"][1] == 20.0  # a number, not text
    assert by_category["plastik"][1] == 13.68  # 12.5 + bottles 1.18
    assert by_category["kaca"][1] == 0.0 and by_category["kaca"][8] is None  # voided: A = 0, % null


def test_xlsx_without_out_is_refused_naming_out(city):
    assert_refused(city("indicators", "--year", "2025", "--format", "xlsx"), "--out")


def test_out_writes_the_file_and_nothing_on_stdout(city, tmp_path):
    out = tmp_path / "indikator.json"
    run = city("indicators", "--year", "2025", "--format", "json", "--out", str(out))
    assert run.exit_code == 0 and run.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["waste"] == EXPECTED_WASTE


def test_targets_come_from_the_options(city):
    run = city("indicators", "--year", "2025", "--format", "json", "--target-pengurangan", "25", "--target-penanganan", "72.5")
    assert json.loads(run.stdout)["waste"]["target"] == {"pct_pengurangan": 25, "pct_penanganan": 72.5, "pct_dikelola": None}
    assert_refused(city("indicators", "--target-pengurangan", "120"), "--target-pengurangan")


def test_one_site(city):
    report = json.loads(city("indicators", "--year", "2025", "--site", "smpn6", "--format", "json").stdout)
    # 2.5 unmanaged + 1.18 bottles = 3.68; B = 1.18 → 32.07 % (1.18 / 3.68 = 32.065…)
    assert report["site"] == "smpn6"
    assert report["waste"]["timbulan_kg"] == 3.68
    assert report["waste"]["pct_pengurangan"] == 32.07
    assert_refused(city("indicators", "--site", "nowhere"), "--site")


@pytest.mark.parametrize(
    "args,option",
    [
        (("--from", "2025-06-01", "--to", "2025-05-01"), "--from"),
        (("--from", "2025-02-30"), "--from"),
        (("--to", "31-12-2025"), "--to"),
        (("--year", "2025", "--from", "2025-01-01"), "--year"),
        (("--year", "dua ribu"), "--year"),
    ],
)
def test_an_invalid_period_is_refused_naming_the_option(city, args, option):
    assert_refused(city("indicators", *args), option)


def test_the_default_period_is_this_year_so_far(city):
    today = date.today()
    report = json.loads(city("indicators", "--format", "json").stdout)
    assert report["period"] == {"from": f"{today.year}-01-01", "to": today.isoformat()}


def test_a_missing_store_is_refused_and_not_created(db):
    run = invoke(db, "indicators", "--year", "2025")
    assert_refused(run, "db")
    assert not resolve(db).exists()


def test_spreadsheet_cells_that_look_like_formulas_are_neutralised(tmp_path):
    rows = [
        {"name": "=HYPERLINK(\"http://x\")", "note": "+62 811"},
        {"name": "-2 kg", "note": "@SUM(A1)"},
        {"name": "\tTab", "note": "\rCR"},
        {"name": "Masjid Agung", "note": -3.5},
    ]
    text = render_csv(rows, ["name", "note"], ["Nama", "=Catatan"])
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[0] == ["Nama", "'=Catatan"]
    assert parsed[1] == ["'=HYPERLINK(\"http://x\")", "'+62 811"]
    assert parsed[2] == ["'-2 kg", "'@SUM(A1)"]
    assert parsed[3] == ["'\tTab", "'\rCR"]
    assert parsed[4] == ["Masjid Agung", "-3.5"]  # a number stays a number
    out = tmp_path / "cells.xlsx"
    out.write_bytes(xlsx_bytes(rows, ["name", "note"]))
    sheet = openpyxl.load_workbook(out).active
    assert sheet["A2"].value == "'=HYPERLINK(\"http://x\")" and sheet["A2"].data_type == "s"
    assert sheet["B3"].value == "'@SUM(A1)"
    assert sheet["B5"].value == -3.5


def test_from_alone_runs_to_today_and_to_alone_starts_on_the_first_of_january(city):
    report = json.loads(city("indicators", "--from", "2025-03-01", "--format", "json").stdout)
    assert report["period"] == {"from": "2025-03-01", "to": date.today().isoformat()}
    # from March: 20 tpa + 2.5 unmanaged + 0.3 kg of bottles = 22.8
    assert report["waste"]["timbulan_kg"] == 22.8
    report = json.loads(city("indicators", "--to", "2025-02-28", "--format", "json").stdout)
    assert report["period"] == {"from": "2025-01-01", "to": "2025-02-28"}
    # to February: 12.5 daur-ulang + 0.88 kg of bottles = 13.38
    assert report["waste"]["timbulan_kg"] == 13.38
    assert report["sambo"]["stock"] == {"pensil": 8}


def test_out_in_a_missing_folder_is_refused_naming_out(city, tmp_path):
    assert_refused(city("indicators", "--year", "2025", "--out", str(tmp_path / "nowhere" / "x.csv")), "--out")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_out_that_cannot_be_written_is_refused_naming_out(city, tmp_path, fmt):
    # a link to a file in a folder that does not exist: the folder of --out exists, the write fails
    out = tmp_path / f"indikator.{fmt}"
    out.symlink_to(tmp_path / "nowhere" / f"indikator.{fmt}")
    run = city("indicators", "--year", "2025", "--format", fmt, "--out", str(out))
    assert_refused(run, "--out")
    assert "cannot be written (No such file or directory)" in run.stderr

"""``sambo pupils``: the school's leaderboard, worked out by hand.

smpn-6, 2025 (pensil costs 10 bottles):
    E1 02-03  " Ani "  7A   30 bottles, 0.6 kg measured, pensil 2
    E2 02-10  "ani"    7a   25 bottles, est. 25 × 0.022 = 0.55 kg, pure deposit
    E3 02-11  "ANI  "  7A   15 bottles, 0.3 kg, pensil 1           voided: counts nowhere
    E4 02-12  "Budi"   7B   50 bottles, 1.0 kg, pensil 5
    E5 02-13  (none)   7A   40 bottles, 0.8 kg, pure deposit       unnamed: 7A's total only
    E6 02-14  (none)   (none) 12 bottles, est. 0.264 kg           unnamed, no class
    E7 2024-12-20 "Budi" 7B 100 bottles, 2 kg                     outside 2025
Per pupil: Ani (as first written, trimmed) 7A: 2 exchanges, 55 bottles, 1.15 kg, 2 items;
           Budi 7B: 1 exchange, 50 bottles, 1.0 kg, 5 items.
Per class: 7A: Ani, 3 exchanges (E1, E2, E5), 95 bottles, 1.95 kg, 2 items;
           7B: 1, 50, 1.0, 5; no class: 0 pupils, 1, 12, 0.264, 0.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from cli.support import assert_refused


@pytest.fixture
def school(envtrack):
    envtrack("site", "add", "smpn-6", "--kind", "school", "--name", "SMP Negeri 6")
    envtrack("site", "add", "masjid-1", "--kind", "mosque", "--name", "Masjid 1")
    envtrack("supplies", "rate", "smpn-6", "pensil", "--bottles", "10")
    envtrack("supplies", "receive", "smpn-6", "pensil", "--qty", "100", "--date", "2024-12-01")
    record = lambda *args: envtrack("exchange", "record", "smpn-6", *args).entry_id  # noqa: E731
    record("--bottles", "30", "--weight-kg", "0.6", "--item", "pensil=2", "--pupil", " Ani ", "--class", "7A",
           "--date", "2025-02-03")
    record("--bottles", "25", "--pupil", "ani", "--class", "7a", "--date", "2025-02-10")
    voided = record("--bottles", "15", "--weight-kg", "0.3", "--item", "pensil", "--pupil", "ANI  ", "--class", "7A",
                    "--date", "2025-02-11")
    envtrack("void", voided, "--reason", "dicatat dua kali")
    record("--bottles", "50", "--weight-kg", "1", "--item", "pensil=5", "--pupil", "Budi", "--class", "7B",
           "--date", "2025-02-12")
    record("--bottles", "40", "--weight-kg", "0.8", "--class", "7A", "--date", "2025-02-13")
    record("--bottles", "12", "--date", "2025-02-14")
    record("--bottles", "100", "--weight-kg", "2", "--pupil", "Budi", "--class", "7B", "--date", "2024-12-20")
    return envtrack


def test_pupils_leaderboard_of_a_year(school):
    rows = json.loads(school("sambo", "pupils", "smpn-6", "--year", "2025", "--format", "json").stdout)
    assert rows == [
        {"pupil": "Ani", "class": "7A", "exchanges": 2, "bottles": 55, "bottles_kg": 1.15, "items": 2},
        {"pupil": "Budi", "class": "7B", "exchanges": 1, "bottles": 50, "bottles_kg": 1.0, "items": 5},
    ]


def test_class_totals_count_unnamed_exchanges(school):
    rows = json.loads(school("sambo", "pupils", "smpn-6", "--year", "2025", "--by", "class", "--format", "json").stdout)
    assert rows == [
        {"class": "7A", "pupils": 1, "exchanges": 3, "bottles": 95, "bottles_kg": 1.95, "items": 2},
        {"class": "7B", "pupils": 1, "exchanges": 1, "bottles": 50, "bottles_kg": 1.0, "items": 5},
        {"class": None, "pupils": 0, "exchanges": 1, "bottles": 12, "bottles_kg": 0.264, "items": 0},
    ]


def test_one_class_and_a_period(school):
    rows = json.loads(school("sambo", "pupils", "smpn-6", "--class", " 7a", "--from", "2025-02-04",
                             "--to", "2025-02-28", "--format", "json").stdout)
    # 7A from 02-04: only E2 (written "ani", "7a": shown as first written at the school, "Ani"
    # and "7A"; 25 bottles, 0.55 kg, no items); E5 is unnamed
    assert rows == [{"pupil": "Ani", "class": "7A", "exchanges": 1, "bottles": 25, "bottles_kg": 0.55, "items": 0}]
    last_year = json.loads(school("sambo", "pupils", "smpn-6", "--year", "2024", "--format", "json").stdout)
    assert last_year == [{"pupil": "Budi", "class": "7B", "exchanges": 1, "bottles": 100, "bottles_kg": 2.0,
                          "items": 0}]


def test_table_csv_and_xlsx(school, tmp_path):
    table = school("sambo", "pupils", "smpn-6", "--year", "2025", lang="id")
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0].split() == ["Siswa", "Kelas", "Penukaran", "Botol", "Botol", "(kg)",
                                                    "Alat", "tulis", "(buah)"]
    assert "1,15" in table.stdout
    sheet = school("sambo", "pupils", "smpn-6", "--year", "2025", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(sheet.stdout)))
    assert [row["pupil"] for row in rows] == ["Ani", "Budi"] and rows[0]["bottles_kg"] == "1.15"
    out = tmp_path / "papan.xlsx"
    written = school("sambo", "pupils", "smpn-6", "--year", "2025", "--by", "class", "--format", "xlsx",
                     "--out", str(out))
    assert written.exit_code == 0, written.stderr
    from openpyxl import load_workbook

    sheet_rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert sheet_rows[0] == ("class", "pupils", "exchanges", "bottles", "bottles_kg", "items")
    assert sheet_rows[1] == ("7A", 1, 3, 95, 1.95, 2)


def test_a_leaderboard_of_a_site_that_is_not_a_school_is_refused(school, tmp_path):
    out = tmp_path / "papan.csv"
    run = school("sambo", "pupils", "masjid-1", "--year", "2025", "--format", "csv", "--out", str(out))
    assert_refused(run, "site")
    assert "SAMBO DIKARTU AS" in run.stderr
    assert not out.exists()
    assert_refused(school("sambo", "pupils", "smpn-9", "--year", "2025"), "site")

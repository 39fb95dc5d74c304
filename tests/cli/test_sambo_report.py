"""``sambo report``: the school's Adiwiyata table, month by month beside the year before.

smpn-6 (pensil = 10 bottles):
  2024: 03-10 Ani 7A 40 bottles 0.8 kg, pensil 2;   03-11 waste plastik 10 kg daur-ulang,
        03-12 waste sisa-makanan 30 kg tpa
  2025: 02-03 Ani 7A 30 bottles 0.6 kg, pensil 1;   02-04 " ani " 7A 20 bottles (est. 0.44 kg);
        02-05 Budi 7B 50 bottles 1.0 kg, pensil 2 — voided;   02-06 unnamed 10 bottles 0.2 kg;
        03-01 Citra 7B 25 bottles 0.5 kg;
        02-10 waste sisa-makanan 12 kg kompos; 03-10 waste kertas-karton 8 kg tps,
        03-11 waste plastik 5 kg tidak-terkelola — voided
2025: Feb 3 exchanges, 60 bottles, 0.6 + 0.44 + 0.2 = 1.24 kg, 1 item, 1 pupil (Ani); waste 12 kg,
      all kompos: 100 %; Mar 1 exchange, 25 bottles, 0.5 kg, 0 items, 1 pupil; waste 8 kg, 0 %.
      Year: 4 exchanges, 85 bottles, 1.74 kg, 1 item, 2 pupils; waste 20 kg, 12 reduced: 60 %.
2024: 1 exchange, 40 bottles, 0.8 kg, 2 items, 1 pupil; waste 40 kg, 10 reduced: 25 %.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pypdf import PdfReader

from cli.support import assert_refused


@pytest.fixture
def school(envtrack):
    envtrack("site", "add", "smpn-6", "--kind", "school", "--name", "SMP Negeri 6")
    envtrack("site", "add", "masjid-1", "--kind", "mosque", "--name", "Masjid 1")
    envtrack("supplies", "rate", "smpn-6", "pensil", "--bottles", "10")
    envtrack("supplies", "receive", "smpn-6", "pensil", "--qty", "50", "--date", "2024-01-02")
    ex = lambda *args: envtrack("exchange", "record", "smpn-6", *args).entry_id  # noqa: E731
    waste = lambda *args: envtrack("waste", "record", "smpn-6", *args).entry_id  # noqa: E731
    ex("--bottles", "40", "--weight-kg", "0.8", "--item", "pensil=2", "--pupil", "Ani", "--class", "7A",
       "--date", "2024-03-10")
    waste("--category", "plastik", "--kg", "10", "--destination", "daur-ulang", "--date", "2024-03-11")
    waste("--category", "sisa-makanan", "--kg", "30", "--destination", "tpa", "--date", "2024-03-12")
    ex("--bottles", "30", "--weight-kg", "0.6", "--item", "pensil", "--pupil", "Ani", "--class", "7A",
       "--date", "2025-02-03")
    ex("--bottles", "20", "--pupil", " ani ", "--class", "7A", "--date", "2025-02-04")
    voided = ex("--bottles", "50", "--weight-kg", "1", "--item", "pensil=2", "--pupil", "Budi", "--class", "7B",
                "--date", "2025-02-05")
    envtrack("void", voided, "--reason", "salah catat")
    ex("--bottles", "10", "--weight-kg", "0.2", "--date", "2025-02-06")
    ex("--bottles", "25", "--weight-kg", "0.5", "--pupil", "Citra", "--class", "7B", "--date", "2025-03-01")
    waste("--category", "sisa-makanan", "--kg", "12", "--destination", "kompos", "--date", "2025-02-10")
    waste("--category", "kertas-karton", "--kg", "8", "--destination", "tps", "--date", "2025-03-10")
    dumped = waste("--category", "plastik", "--kg", "5", "--destination", "tidak-terkelola", "--date", "2025-03-11")
    envtrack("void", dumped, "--reason", "bukan sampah sekolah")
    return envtrack


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_report_writes_the_months_of_both_years_and_the_waste(school, tmp_path):
    out = tmp_path / "adiwiyata"
    run = school("sambo", "report", "smpn-6", "--year", "2025", "--out", str(out))
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    rows = {(row["year"], row["month"]): row for row in _csv(out / "laporan-sekolah.csv")}
    assert len(rows) == 26  # 12 months and a total, for 2024 and for 2025
    assert rows["2025", "2025-02"] == {"year": "2025", "month": "2025-02", "exchanges": "3", "bottles": "60",
                                       "bottles_kg": "1.24", "items": "1", "pupils": "1", "waste_kg": "12.0",
                                       "pengurangan_kg": "12.0", "pct_pengurangan": "100.0"}
    assert rows["2025", "2025-03"]["pct_pengurangan"] == "0.0"
    assert rows["2025", "2025-04"]["pct_pengurangan"] == ""  # no waste: no percentage
    total = rows["2025", "total"]
    assert (total["exchanges"], total["bottles"], total["bottles_kg"], total["items"], total["pupils"]) == (
        "4", "85", "1.74", "1", "2")
    assert (total["waste_kg"], total["pengurangan_kg"], total["pct_pengurangan"]) == ("20.0", "12.0", "60.0")
    before = rows["2024", "total"]
    assert (before["exchanges"], before["bottles"], before["items"], before["pct_pengurangan"]) == (
        "1", "40", "2", "25.0")
    waste = [(row["year"], row["category"], row["destination"], row["kg"]) for row in _csv(out / "sampah-sekolah.csv")]
    assert waste == [("2024", "plastik", "daur-ulang", "10.0"), ("2024", "sisa-makanan", "tpa", "30.0"),
                     ("2025", "kertas-karton", "tps", "8.0"), ("2025", "sisa-makanan", "kompos", "12.0")]


def test_report_pdf_is_two_pages_in_indonesian_with_the_year_before_beside(school, tmp_path):
    out = tmp_path / "adiwiyata"
    assert school("sambo", "report", "smpn-6", "--year", "2025", "--out", str(out), lang="id").exit_code == 0
    first, second = [page.extract_text() for page in PdfReader(out / "laporan-sekolah.pdf").pages]
    assert "Data Adiwiyata sekolah 2025" in first and "SMP Negeri 6" in first
    assert "2025-02 3 60 1,240 1 1 12,000 12,000 100,00" in first
    assert "Jumlah 4 85 1,740 1 2 20,000 12,000 60,00" in first
    assert "2024 dan 2025" in second
    assert "Pengurangan (%) 25,00 60,00 35,00" in second  # 60 − 25
    assert "Penukaran 1 4 3" in second
    assert "2025 Sisa makanan kompos 12,000" in second
    for english in ("Month", "Bottles", "Total", "Reduction", "Food waste"):
        assert english not in first + second, english


def test_a_year_without_a_year_before_says_so_on_page_two(school, tmp_path):
    out = tmp_path / "adiwiyata"
    assert school("sambo", "report", "smpn-6", "--year", "2024", "--out", str(out)).exit_code == 0
    pages = [page.extract_text() for page in PdfReader(out / "laporan-sekolah.pdf").pages]
    assert len(pages) == 2
    assert "2023 has no bottle exchanges nor school waste to compare with." in pages[1]
    assert {row["year"] for row in _csv(out / "laporan-sekolah.csv")} == {"2024"}


def test_a_report_for_a_site_that_is_not_a_school_is_refused_and_writes_nothing(school, tmp_path):
    out = tmp_path / "adiwiyata"
    assert_refused(school("sambo", "report", "masjid-1", "--year", "2025", "--out", str(out)), "site")
    assert not out.exists()
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    assert_refused(school("sambo", "report", "smpn-6", "--year", "2025", "--out", str(a_file)), "--out")

"""``sambo receipt`` and ``sambo receipts``: print-ready PDFs whose text is read back with pypdf.

smpn-6: pensil costs 20 bottles, buku-tulis 35.
    E1 2025-02-03 "Ani Rahmawati" 7A: 60 bottles (est. 1.32 kg), pensil 1 + buku-tulis 1
    E2 2025-02-04 "Citra" 7A: 25 bottles, 0.5 kg, pensil 1
    E3 2025-02-05 "Budi" 7B: 45 bottles, 1.2 kg, pure deposit
    E4 2025-02-06 "Dewi" 7A: 20 bottles, pensil 1                 voided
7A in February: E1 + E2 = 85 bottles, 1.32 + 0.5 = 1.82 kg, 3 items; 7B: 45 bottles, 1.2 kg.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from cli.support import assert_refused


@pytest.fixture
def school(envtrack):
    envtrack("site", "add", "smpn-6", "--kind", "school", "--name", "SMP Negeri 6 Kota Mojokerto")
    envtrack("site", "add", "masjid-1", "--kind", "mosque", "--name", "Masjid 1")
    envtrack("supplies", "rate", "smpn-6", "pensil", "--bottles", "20")
    envtrack("supplies", "rate", "smpn-6", "buku-tulis", "--bottles", "35")
    envtrack("supplies", "receive", "smpn-6", "pensil", "--qty", "10", "--date", "2025-01-02")
    envtrack("supplies", "receive", "smpn-6", "buku-tulis", "--qty", "10", "--date", "2025-01-02")
    record = lambda *args: envtrack("exchange", "record", "smpn-6", *args).entry_id  # noqa: E731
    ids = {
        "E1": record("--bottles", "60", "--item", "pensil", "--item", "buku-tulis", "--pupil", "Ani Rahmawati",
                     "--class", "7A", "--date", "2025-02-03"),
        "E2": record("--bottles", "25", "--weight-kg", "0.5", "--item", "pensil", "--pupil", "Citra", "--class", "7A",
                     "--date", "2025-02-04"),
        "E3": record("--bottles", "45", "--weight-kg", "1.2", "--pupil", "Budi", "--class", "7B", "--date", "2025-02-05"),
        "E4": record("--bottles", "20", "--item", "pensil", "--pupil", "Dewi", "--class", "7A", "--date", "2025-02-06"),
    }
    envtrack("void", ids["E4"], "--reason", "salah catat")
    ids["waste"] = envtrack("waste", "record", "smpn-6", "--category", "plastik", "--kg", "2",
                            "--destination", "daur-ulang", "--date", "2025-02-07").entry_id
    return envtrack, ids


def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_a_receipt_is_one_a5_page_with_the_exchanges_facts(school, tmp_path):
    envtrack, ids = school
    out = tmp_path / "nota.pdf"
    run = envtrack("sambo", "receipt", ids["E1"][:8], "--out", str(out))
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)  # A5: 148 × 210 mm
    text = reader.pages[0].extract_text()
    for expected in ("BOTTLE EXCHANGE RECEIPT", "SMP Negeri 6 Kota Mojokerto", "Pupil Ani Rahmawati", "Class 7A",
                     "Bottles 60", "1.320 (estimated)", "buku-tulis 1 35 bottles each", "pensil 1 20 bottles each",
                     "Recorded by siti", f"Entry id {ids['E1']}", "2025-02-03"):
        assert expected in text, expected


def test_a_receipt_in_indonesian(school, tmp_path):
    envtrack, ids = school
    out = tmp_path / "nota.pdf"
    assert envtrack("sambo", "receipt", ids["E3"], "--out", str(out), lang="id").exit_code == 0
    (text,) = _pages(out)
    for expected in ("NOTA PENUKARAN BOTOL", "Siswa Budi", "Kelas 7B", "Botol 45", "Berat (kg) 1,200",
                     "(setoran botol saja)", "Petugas siti", f"ID entri {ids['E3']}"):
        assert expected in text, expected
    assert "Pupil" not in text and "Bottles" not in text


@pytest.mark.parametrize(("entry", "words"), [("waste", "kind waste"), ("E4", "is voided")])
def test_a_receipt_for_a_non_exchange_or_a_voided_one_is_refused_and_writes_nothing(school, tmp_path, entry, words):
    envtrack, ids = school
    out = tmp_path / "nota.pdf"
    run = envtrack("sambo", "receipt", ids[entry], "--out", str(out))
    assert_refused(run, "entry")
    assert words in run.stderr
    assert not out.exists()


def test_a_receipt_must_be_a_pdf(school, tmp_path):
    envtrack, ids = school
    run = envtrack("sambo", "receipt", ids["E1"], "--out", str(tmp_path / "nota.png"))
    assert_refused(run, "--out")
    assert not (tmp_path / "nota.png").exists()


def test_receipts_give_one_page_per_class_listed_and_totalled(school, tmp_path):
    envtrack, ids = school
    out = tmp_path / "kelas.pdf"
    run = envtrack("sambo", "receipts", "smpn-6", "--from", "2025-02-01", "--to", "2025-02-28", "--out", str(out))
    assert run.exit_code == 0, run.stderr
    seven_a, seven_b = _pages(out)
    assert "Class: 7A 2025-02-01 – 2025-02-28" in seven_a
    assert "2025-02-03 Ani Rahmawati 60 1.320 buku-tulis 1, pensil 1 " + ids["E1"][:8] in seven_a
    assert "2025-02-04 Citra 25 0.500 pensil 1 " + ids["E2"][:8] in seven_a
    assert "Dewi" not in seven_a  # voided
    assert "Total — exchanges: 2 85 1.820 items: 3" in seven_a
    assert "Class: 7B" in seven_b and "Total — exchanges: 1 45 1.200 items: 0" in seven_b


def test_receipts_of_one_class_in_indonesian(school, tmp_path):
    envtrack, _ids = school
    out = tmp_path / "kelas.pdf"
    run = envtrack("sambo", "receipts", "smpn-6", "--class", "7b", "--from", "2025-02-01", "--to", "2025-02-28",
                   "--out", str(out), lang="id")
    assert run.exit_code == 0, run.stderr
    (page,) = _pages(out)
    assert "Kelas: 7B" in page and "Jumlah — penukaran: 1 45 1,200 alat tulis: 0" in page


def test_receipts_for_a_site_that_is_not_a_school_are_refused(school, tmp_path):
    envtrack, _ids = school
    out = tmp_path / "kelas.pdf"
    assert_refused(envtrack("sambo", "receipts", "masjid-1", "--out", str(out)), "site")
    assert not out.exists()

"""The school's PDFs drawn directly: long class lists continue on further pages with the total
on the last, names are drawn as typed (never mathtext), and a long receipt stays on one page."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from envtrack.i18n import labels
from projections.schoolpapers import ROWS_PER_PAGE, write_class_lists, write_receipt

EN = labels("en")


def test_a_long_class_list_continues_and_is_totalled_on_its_last_page(tmp_path: Path):
    rows = [{"date": "2025-02-01", "pupil": f"Pupil {i}", "bottles": 10, "kg": 0.22, "items": [{"item": "pensil", "qty": 1}],
             "entry": f"{i:08d}"} for i in range(ROWS_PER_PAGE + 6)]
    out = tmp_path / "kelas.pdf"
    pages = write_class_lists(out, "SMP 6", ("2025-01-01", "2025-06-30"), [("7A $x^2$", rows), (None, [])], EN,
                              version="0.2.0")
    texts = [page.extract_text() for page in PdfReader(out).pages]
    assert pages == len(texts) == 3  # 34 + 6 rows of 7A, then the exchanges with no class (none)
    assert "Class: 7A $x^2$" in texts[0] and "Class: 7A $x^2$" in texts[1]  # drawn as typed
    assert "Total" not in texts[0] and "1/2" in texts[0]
    # 40 exchanges × 10 bottles = 400; × 0.22 kg = 8.8 kg; 40 items
    assert f"Total — exchanges: {ROWS_PER_PAGE + 6} 400 8.800 items: 40" in texts[1]
    assert "Class: (no class)" in texts[2] and "Total — exchanges: 0 0 0.000 items: 0" in texts[2]


def test_a_receipt_with_many_items_and_a_long_school_name_is_one_page(tmp_path: Path):
    out = tmp_path / "nota.pdf"
    receipt = {"entry_id": "bbcca461-85cd-4663-8499-97857463943a", "occurred_on": "2025-02-03",
               "school": "Sekolah Menengah Pertama Negeri 6 Kota Mojokerto Jawa Timur", "pupil": "Ani",
               "class": None, "bottles": 300, "weight_kg": 6.6, "weight_estimated": False,
               "items": [{"item": f"item-{i}", "qty": 1, "rate_bottles": 20} for i in range(15)], "operator": "bu-rina"}
    write_receipt(out, receipt, EN, version="0.2.0")
    (page,) = PdfReader(out).pages
    text = page.extract_text()
    assert "item-14" in text and "Entry id bbcca461-85cd-4663-8499-97857463943a" in text
    assert "Class –" in text and "6.600" in text and "(estimated)" not in text

"""Workbooks as other programs leave them: a stale ``<dimension>`` tag loses no row, and a cell
far outside the data (XFD1048576 in a 5 KB file) is read as what it is, at once. The
workbooks are written by openpyxl, then their sheet XML edited in the zip."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from importing.conftest import write_xlsx

SHEET = "xl/worksheets/sheet1.xml"
ROWS = [["date", "site", "category", "kg", "destination"]] + [
    [f"2025-05-{1 + n:02d}", "rw-03-kranggan", "kaca", n + 1, "daur-ulang"] for n in range(10)
]
"""10 rows: kaca 1 + 2 + … + 10 = 55 kg."""


def edited(source: Path, target: Path, edit) -> Path:
    """``source`` with its first sheet's XML passed through ``edit``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == SHEET:
                data = edit(data.decode()).encode()
            new.writestr(item, data)
    return target


def with_dimension(xml: str, ref: str) -> str:
    return re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>', xml)


def test_a_stale_dimension_loses_no_row(city, run, head, tmp_path):
    book = write_xlsx(tmp_path / "asli.xlsx", {"Sampah": ROWS})
    stale = edited(book, tmp_path / "basi.xlsx", lambda xml: with_dimension(xml, "A1:C3"))
    assert '<dimension ref="A1:C3"/>' in zipfile.ZipFile(stale).read(SHEET).decode()
    before = head()

    result = run("import", str(stale))

    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.split()) == 10
    assert f"{stale}: 10 rows read, 10 written, 0 already present" in result.stderr
    assert head() == before + 10
    shown = run("indicators", "--year", "2025", "--format", "json")
    assert '"daur_ulang_kg": 55.0' in shown.stdout


def far_cell(xml: str, cell: str) -> str:
    xml = with_dimension(xml, "A1:XFD1048576")
    return xml.replace("</sheetData>", f'<row r="1048576">{cell}</row></sheetData>')


def test_a_far_cell_with_a_value_is_refused_by_sheet_row_and_column(city, run, head, tmp_path):
    book = write_xlsx(tmp_path / "asli.xlsx", {"Sampah": ROWS})
    far = edited(book, tmp_path / "jauh.xlsx", lambda xml: far_cell(xml, '<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'))
    assert far.stat().st_size < 6_000
    before = head()

    result = run("import", str(far))

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "sheet Sampah, row 1048576, column XFD: cell 'x': has no header",
        # 1,048,576 - 12 rows between the last row (11) and the far one
        f"{far}: 1048564 rows skipped (0 above the header row, 1048564 blank, 0 JUMLAH/TOTAL/SUBTOTAL)",
        f"Error: {far}: 1 bad rows of 11; nothing written",
    ]
    assert head() == before


def test_a_far_cell_without_a_value_is_no_row(city, run, head, tmp_path):
    book = write_xlsx(tmp_path / "asli.xlsx", {"Sampah": ROWS})
    far = edited(book, tmp_path / "jauh.xlsx", lambda xml: far_cell(xml, '<c r="XFD1048576" s="0"/>'))
    before = head()

    result = run("import", str(far))

    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [f"{far}: 10 rows read, 10 written, 0 already present"]
    assert head() == before + 10


def test_a_sheet_whose_empty_cells_reach_far_beyond_its_data_is_refused_by_name(city, run, head, tmp_path):
    book = write_xlsx(tmp_path / "asli.xlsx", {"Sampah": ROWS})
    # a formatted, empty cell at column XFD on each of rows 12 to 2,011: 2,000 rows of 16,384
    # cells as the sheet spans them, 32,768,000 cells, beyond the 20,000,000 read of a sheet;
    # rows 1-11 hold 11 x 5 = 55 cells, and 55 + 1,220 x 16,384 = 19,988,535 is still within
    # the bound, 55 + 1,221 x 16,384 = 20,004,919 beyond it: in row 11 + 1,221 = 1,232
    styled = "".join(f'<row r="{n}"><c r="XFD{n}" s="0"/></row>' for n in range(12, 2012))
    far = edited(
        book, tmp_path / "lebar.xlsx",
        lambda xml: with_dimension(xml, "A1:XFD2011").replace("</sheetData>", styled + "</sheetData>"),
    )
    before = head()

    result = run("import", str(far))

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: file '{far}': sheet Sampah: more than 20,000,000 cells by row 1,232, most of them empty: delete "
        "the rows and columns beyond the data, or save the sheet as CSV"
    ]
    assert head() == before

"""Logbooks as a DLH clerk keeps them: title rows above the header row, blank rows, a JUMLAH
row, site names instead of slugs, spellings like ``Kertas/Karton`` and ``Lain-lain``, decimal
commas and day-first dates; skipped rows counted on stderr; every wrong value of a row reported
at once."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from envtrack.importing.rows import _TOTAL, _is_total
from importing.conftest import recorded, write_csv, write_xlsx

WASTE = "domain.waste:WasteEntry.Recorded"

DLH = [
    ["REKAPITULASI PENIMBANGAN SAMPAH", "", "", "", "", "", ""],
    ["Dinas Lingkungan Hidup Kota Mojokerto - Juni 2025", "", "", "", "", "", ""],
    ["", "", "", "", "", "", ""],
    ["No", "Tanggal", "Lokasi", "Jenis Sampah", "Berat (kg)", "Tujuan", "Keterangan"],
    ["1", "02/06/2025", "SMP Negeri 6 Kota Mojokerto", "Kertas/Karton", "12,5", "Daur Ulang", ""],
    ["2", "2/6/2025", "RW 03 Kranggan", "Sisa Makanan", "40", "Kompos", ""],
    ["", "", "", "", "", "", ""],
    ["3", "03.06.2025", "rw-03-kranggan", "Lain-lain", "3", "TPS", "plastik campur"],
    ["4", "04-06-2025", "masjid agung al-fattah", "PLASTIK", "1,25", "daur_ulang", ""],
    ["", "", "", "", "", "", ""],
    ["", "JUMLAH", "", "", "56,75", "", ""],
    ["", "", "", "", "", "", ""],
]
"""Rows 1–3 are above the header row (row 4); rows 5, 6, 8 and 9 are the 4 entries; rows 7 and
10 are blank (2), row 11 the JUMLAH row (1); row 12, blank after the last row, is no row at all.
Skipped: 3 + 2 + 1 = 6. By hand, JUMLAH = 12.5 + 40 + 3 + 1.25 = 56.75 kg."""

EXPECTED = [
    ("2025-06-02", "smpn-6", "kertas-karton", 12.5, "daur-ulang", "fasilitas-publik"),
    ("2025-06-02", "rw-03-kranggan", "sisa-makanan", 40.0, "kompos", "rumah-tangga"),
    ("2025-06-03", "rw-03-kranggan", "lainnya", 3.0, "tps", "rumah-tangga"),
    ("2025-06-04", "masjid-al-fattah", "plastik", 1.25, "daur-ulang", "fasilitas-publik"),
]
"""Names read as their sites' slugs (SMP Negeri 6 Kota Mojokerto is smpn-6, the mosque's name
in any case is masjid-al-fattah); sources follow the site's kind (school and mosque:
fasilitas-publik; community: rumah-tangga)."""


def entries(db: str, ids: list[str]) -> list[tuple]:
    found = recorded(db, WASTE)
    return [
        (found[i]["occurred_on"], found[i]["site"], found[i]["category"], found[i]["kg"],
         found[i]["destination"], found[i]["source"])
        for i in ids
    ]


def dlh_xlsx(path):
    """The same logbook as a workbook: its dates and weights as the clerk typed them (text), but
    one weight a number cell and one date a date cell, as Excel stores what it recognises."""
    rows = [list(row) for row in DLH]
    rows[5][4] = 40  # a number cell
    rows[7][1] = datetime(2025, 6, 3)  # a date cell
    rows = [[None if cell == "" else cell for cell in row] for row in rows]
    return write_xlsx(path, {"Juni 2025": rows})


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_dlh_logbook_imports_its_rows_and_counts_what_it_skipped(city, run, head, tmp_path, fmt):
    logbook = (
        write_csv(tmp_path / "rekap-juni.csv", DLH, delimiter=";")
        if fmt == "csv"
        else dlh_xlsx(tmp_path / "rekap-juni.xlsx")
    )
    before = head()

    result = run("import", str(logbook))

    assert result.exit_code == 0, result.stderr
    ids = result.stdout.split()
    assert len(ids) == 4
    assert head() == before + 4
    assert entries(city, ids) == EXPECTED
    assert result.stderr.splitlines() == [
        f"{logbook}: 6 rows skipped (3 above the header row, 2 blank, 1 JUMLAH/TOTAL/SUBTOTAL)",
        f"{logbook}: 4 rows read, 4 written, 0 already present",
    ]


def test_the_workbook_after_the_csv_writes_nothing_new(city, run, head, tmp_path):
    first = run("import", str(write_csv(tmp_path / "rekap-juni.csv", DLH, delimiter=";")))
    assert first.exit_code == 0, first.stderr
    before = head()

    again = run("import", str(dlh_xlsx(tmp_path / "rekap-juni.xlsx")))

    assert again.exit_code == 0, again.stderr
    assert again.stdout == ""
    assert "4 rows read, 0 written, 4 already present" in again.stderr
    assert head() == before


def test_indonesian_messages_count_the_skipped_rows(city, run, tmp_path):
    logbook = write_csv(tmp_path / "rekap.csv", DLH, delimiter=";")

    result = run("import", str(logbook), "--dry-run", lang="id")

    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"{logbook}: 6 baris dilewati (3 di atas baris judul kolom, 2 kosong, 1 JUMLAH/TOTAL/SUBTOTAL)"
    )


@pytest.mark.parametrize("total", ["TOTAL", "Sub Total", "subtotal:", " Jumlah "])
def test_total_rows_in_any_spelling_are_skipped(city, run, tmp_path, total):
    rows = [
        ["date", "site", "category", "kg", "destination"],
        ["2025-03-03", "smpn-6", "plastik", "2", "tps"],
        [total, "", "", "2", ""],
    ]

    result = run("import", str(write_csv(tmp_path / "x.csv", rows)))

    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.split()) == 1
    assert "1 rows skipped (0 above the header row, 0 blank, 1 JUMLAH/TOTAL/SUBTOTAL)" in result.stderr


def test_the_header_row_is_found_with_the_kind_given(city, run, tmp_path):
    rows = [["Buku tukar botol SMPN 6"], ["date", "site", "bottles"], ["2025-03-10", "smpn-6", "12"]]

    result = run("import", str(write_csv(tmp_path / "tukar.csv", rows)), "--kind", "exchange")

    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.split()) == 1
    assert "1 rows skipped (1 above the header row, 0 blank, 0 JUMLAH/TOTAL/SUBTOTAL)" in result.stderr


def test_a_header_row_below_the_first_ten_rows_is_not_looked_for(city, run, head, tmp_path):
    rows = [[f"judul {n}"] for n in range(1, 11)]
    rows += [["tanggal", "lokasi", "jenis", "berat_kg", "tujuan"], ["2025-03-03", "smpn-6", "plastik", "2", "tps"]]
    before = head()

    result = run("import", str(write_csv(tmp_path / "x.csv", rows)))

    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "row 1: headers '': none of the first 10 rows is a header row (use the headers of "
        "'envtrack import --template KIND')"
    )
    assert head() == before


def test_a_header_row_with_a_wrong_name_is_reported_below_the_titles(city, run, head, tmp_path):
    rows = [["Rekap"], ["tanggal", "lokasi", "jenis", "berat_kg", "tujuan_akhir"], ["2025-03-03", "smpn-6", "plastik", "2", "tps"]]
    before = head()

    result = run("import", str(write_csv(tmp_path / "x.csv", rows)), "--kind", "waste")

    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "row 2, column E (tujuan_akhir): header 'tujuan_akhir': is not a column of the waste logbook (columns: "
        "tanggal/date, lokasi/site, jenis/category, berat_kg/kg, tujuan/destination, sumber/source, "
        "operator/operator)",
        "row 2: header 'tujuan/destination': is missing: the waste logbook needs it",
    ]
    assert head() == before


def test_blank_first_rows_without_any_header_are_refused(city, run, head, tmp_path):
    rows = [[""]] * 10 + [["tanggal", "lokasi", "jenis", "berat_kg", "tujuan"]]
    before = head()

    result = run("import", str(write_csv(tmp_path / "x.csv", rows)))

    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "row 1: headers '': none of the first 10 rows is a header row (use the headers of "
        "'envtrack import --template KIND')"
    )
    assert head() == before


def test_every_wrong_value_of_a_row_is_reported_at_once(city, run, head, tmp_path):
    rows = [
        ["Rekap"],
        ["tanggal", "lokasi", "jenis", "berat_kg", "tujuan", "sumber"],
        ["31/02/2025", "Bank Sampah Mawar", "Kertas/Karton", "1.250", "dibakar", "pasar"],
        ["2025-03-03", "smpn-6", "styrofoam", "2", "tps", "langit"],
        ["2025-03-03", "smpn-6", "plastik", "", "tps", ""],
    ]
    before = head()

    result = run("import", str(write_csv(tmp_path / "x.csv", rows)))

    assert result.exit_code == 1
    assert result.stdout == ""
    assert head() == before
    sources = "rumah-tangga, perkantoran, pasar, perniagaan, fasilitas-publik, kawasan, lainnya"
    destinations = "guna-ulang, daur-ulang, kompos, bahan-baku, olah, tps, tpa, tidak-terkelola"
    assert result.stderr.splitlines() == [
        "row 3, column A (tanggal): date '31/02/2025': is not a real date (YYYY-MM-DD or DD/MM/YYYY)",
        "row 3, column D (berat_kg): kg '1.250': is ambiguous (a thousands separator or a decimal mark?): "
        "write 1250, or 1.25",
        "row 3, column B (lokasi): site 'bank sampah mawar': is not a known site (list them with 'envtrack site list')",
        f"row 3, column E (tujuan): destination 'dibakar': is not one of: {destinations}",
        "row 4, column C (jenis): category 'styrofoam': is not one of: sisa-makanan, kayu-ranting, "
        "kertas-karton, plastik, logam, kain, karet-kulit, kaca, lainnya",
        f"row 4, column F (sumber): source 'langit': is not one of: {sources}",
        "row 5, column D (berat_kg): kg '': must not be empty",
        f"{tmp_path / 'x.csv'}: 1 rows skipped (1 above the header row, 0 blank, 0 JUMLAH/TOTAL/SUBTOTAL)",
        f"Error: {tmp_path / 'x.csv'}: 3 bad rows of 3; nothing written",
    ]


def test_a_row_with_only_a_note_is_a_row_without_its_values(city, run, head, tmp_path):
    rows = [["tanggal", "lokasi", "jenis", "berat_kg", "tujuan", "keterangan"], ["", "", "", "", "", "hujan, tidak ada setoran"]]
    before = head()

    result = run("import", str(write_csv(tmp_path / "x.csv", rows)))

    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "row 2, column A (tanggal): date '': must not be empty",
        "row 2, column B (lokasi): site '': must not be empty",
    ]
    assert head() == before


def test_rows_of_a_closed_site_are_accepted_before_its_closure_and_refused_from_it(city, run, head, tmp_path):
    closed = run("site", "close", "rw-03-kranggan", "--reason", "digabung", "--date", "2025-06-15")
    assert closed.exit_code == 0, closed.stderr
    rows = [
        ["tanggal", "lokasi", "jenis", "berat_kg", "tujuan"],
        ["14/06/2025", "RW 03 Kranggan", "plastik", "2", "tps"],
        ["15/06/2025", "RW 03 Kranggan", "plastik", "2", "tps"],
    ]
    before = head()

    refused = run("import", str(write_csv(tmp_path / "x.csv", rows)))

    assert refused.exit_code == 1
    assert refused.stderr.splitlines()[0] == (
        "row 3, column B (lokasi): site 'rw-03-kranggan': is closed from 2025-06-15 (digabung): only records "
        "dated before 2025-06-15 are accepted"
    )
    assert head() == before
    accepted = run("import", str(write_csv(tmp_path / "y.csv", rows[:2])))
    assert accepted.exit_code == 0, accepted.stderr
    assert head() == before + 1


@settings(max_examples=300, deadline=None)
@given(
    cells=st.lists(
        st.one_of(
            st.text(max_size=8),
            st.sampled_from(["JUMLAH", "Sub Total", "sub_total", "TOTAL:", " total ", "Totalnya", "ſubtotal", "JUMLAH:"]),
            st.text(alphabet="totaljumhsbTOALJUMHSB _-:\x1f", max_size=10),
        ),
        max_size=6,
    )
)
def test_a_total_row_is_told_as_the_pattern_tells_it(cells):
    assert _is_total(cells) == (_TOTAL.search("\x1f".join(cells)) is not None)

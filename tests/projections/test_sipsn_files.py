"""SIPSN's files of the small city (``tests/sipsn_city.py``): the CSVs under SIPSN's exact
headers, UTF-8, parsing back to the same values; the workbook's sheets, headers, number formats
and frozen header as openpyxl reads them; the folder written whole, other files kept."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from sipsn_city import NAME, PROVINCE, record_small_city

from envtrack.reports import current_frames
from projections import sipsn_files
from projections.sipsn_tables import all_tables, period

HEADERS = {
    "capaian": "Tahun,Provinsi,Kabupaten/Kota,Timbulan Sampah Tahunan (ton/tahun)(A),Pengurangan Sampah Tahunan "
    "(ton/tahun)(B),%Pengurangan Sampah(B/A),Penanganan Sampah Tahunan (ton/tahun)(C),%Penanganan Sampah(C/A),"
    "Sampah Terkelola Tahunan (ton/tahun)(B+C),%Sampah Terkelola(B+C)/A,Daur ulang Sampah Tahunan "
    "(ton/tahun)(D),Bahan baku Sampah Tahunan (ton/tahun)(E),Recycling Rate(D+E)/A,P1/P2",
    "timbulan": "Tahun,Kabupaten/Kota,Timbulan Sampah Harian (ton),Timbulan Sampah Tahunan (ton/tahun),Dasar",
    "komposisi": "Tahun,Kabupaten/Kota,Sisa Makanan (%),Kayu-Ranting (%),Kertas-Karton (%),Plastik (%),Logam (%),"
    "Kain (%),Karet-Kulit (%),Kaca (%),Lainnya (%)",
    "sumber": "Tahun,Kabupaten/Kota,Rumah Tangga (%),Perkantoran (%),Pasar (%),Perniagaan (%),Fasilitas Publik "
    "(%),Kawasan (%),Lainnya (%)",
    "fasilitas": "Tahun,Nama,Jenis,Status,Kelurahan,Kecamatan,Latitude,Longitude,Sampah Masuk (ton/tahun),"
    "Sampah Terkelola (ton/tahun)",
}


@pytest.fixture
def written(app, tmp_path):
    record_small_city(app)
    app.set_city(2024, name=NAME, province=PROVINCE)

    def write(name: str, survey_t: float | None = None):
        if survey_t is not None:
            app.set_city(2024, timbulan_ton=survey_t)
        frames = current_frames(app.store)
        when = period(2024, name)
        out = tmp_path / "sipsn"
        sipsn_files.write(out, 2024, when.name, all_tables(frames, when))
        return out

    return write


def read_csv(path):
    raw = path.read_bytes()
    assert b"\r\n" in raw
    return list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))


def test_each_csv_has_sipsn_headers_exactly(written):
    out = written("P2")
    for name, header in HEADERS.items():
        assert read_csv(out / f"sipsn-{name}.csv")[0] == header.split(","), name
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"sipsn-{name}.csv" for name in HEADERS] + ["sipsn-2024-P2.xlsx"])


def test_the_csvs_hold_plain_numbers_with_two_decimals(written):
    out = written("P2", survey_t=36.6)
    capaian = read_csv(out / "sipsn-capaian.csv")
    assert capaian[1] == ["2024", "Jawa Timur", "Kota Contoh", "36.60", "5.30", "14.49", "12.30", "33.60", "17.60",
                          "48.09", "5.00", "0.70", "15.58", "P2"]
    assert read_csv(out / "sipsn-timbulan.csv")[1] == ["2024", "Kota Contoh", "0.10", "36.60", "estimate"]
    fasilitas = read_csv(out / "sipsn-fasilitas.csv")
    assert fasilitas[1] == ["2024", "Bank Sampah Mawar", "Bank Sampah", "Tidak Aktif", "", "Prajurit Kulon", "", "",
                            "0.30", "0.30"]
    assert fasilitas[2][6:] == ["-7.4722", "112.4342", "2.00", "2.00"]  # a negative latitude stays a number
    assert fasilitas[3][1:4] == ["TPS3R Kedundung", "TPS3R", "Aktif"] and fasilitas[3][8:] == ["4.50", "3.50"]


def test_a_p1_timbulan_says_it_is_annualised(written):
    out = written("P1")
    rows = read_csv(out / "sipsn-timbulan.csv")
    assert rows[0] == HEADERS["timbulan"].split(",") + ["Catatan"]
    # 15502.4 kg × 366 / 182 = 31175.16 kg: 31.18 t a year, 0.09 t a day
    assert rows[1] == ["2024", "Kota Contoh", "0.09", "31.18", "measured",
                       "P1 (1 Januari–30 Juni 2024, 182 hari) disetahunkan: ton × 366 / 182"]
    assert read_csv(out / "sipsn-capaian.csv")[1][-1] == "P1"
    assert (out / "sipsn-2024-P1.xlsx").is_file()


def test_the_workbook_has_the_five_sheets_formatted_for_a_spreadsheet_user(written):
    book = load_workbook(written("P2") / "sipsn-2024-P2.xlsx")
    assert book.sheetnames == ["capaian", "timbulan", "komposisi", "sumber", "fasilitas"]
    for name, header in HEADERS.items():
        sheet = book[name]
        assert [cell.value for cell in sheet[1]] == header.split(","), name
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        assert all(sheet.column_dimensions[cell.column_letter].width >= 8 for cell in sheet[1])
    capaian = book["capaian"]
    timbulan_a = capaian["D2"]
    assert timbulan_a.value == 17.8 and timbulan_a.number_format == "0.00" and timbulan_a.data_type == "n"
    assert capaian["A2"].value == 2024 and capaian["N2"].value == "P2"
    fasilitas = book["fasilitas"]
    assert [fasilitas.cell(row=r, column=4).value for r in (2, 3, 4)] == ["Tidak Aktif", "Aktif", "Aktif"]
    assert fasilitas["G3"].value == -7.4722 and fasilitas["J4"].value == 3.5


def test_other_files_in_the_folder_are_kept_and_the_tables_replaced(written):
    out = written("P1")
    (out / "catatan-dlh.txt").write_text("dikirim 2024-07-15", encoding="utf-8")
    written("P2")
    names = sorted(p.name for p in out.iterdir())
    assert "catatan-dlh.txt" in names and "sipsn-2024-P1.xlsx" in names and "sipsn-2024-P2.xlsx" in names
    assert read_csv(out / "sipsn-capaian.csv")[1][-1] == "P2"

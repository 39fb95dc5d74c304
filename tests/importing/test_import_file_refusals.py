"""Files that are no logbook, and a command line without one, refused in the words of
``envtrack/messages_import.py``: in English and in Indonesian (``--lang id``), naming the file,
writing nothing."""

from __future__ import annotations

import pytest

import envtrack.importing.reading as reading
from domain.errors import InvalidValue
from importing.conftest import write_xlsx

ROWS = [["date", "site", "category", "kg", "destination"]] + [
    [f"2025-05-{1 + n:02d}", "rw-03-kranggan", "kaca", 1, "daur-ulang"] for n in range(10)
]


def _refused(run, head, path, lang, expected):
    before = head()
    result = run("import", str(path), lang=lang)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: file '{path}': {expected}\n"
    assert head() == before


def test_a_folder_is_refused_by_the_reader():
    """(On the command line, click's ``Path`` refuses a folder before the import reads it.)"""
    with pytest.raises(InvalidValue) as refused, reading.open_logbook("/tmp"):
        pass
    assert refused.value.message("en") == "file '/tmp': is a folder, not a file"
    assert refused.value.message("id") == "file '/tmp': adalah folder, bukan berkas"


def test_a_missing_file_is_refused_in_indonesian(city, run, head, tmp_path):
    _refused(run, head, tmp_path / "tidak-ada.csv", "id", "tidak ada")


def test_an_old_xls_workbook_is_refused_in_indonesian(city, run, head, tmp_path):
    old = tmp_path / "rekap.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))  # the OLE signature of .xls
    _refused(run, head, old, "id", "adalah buku kerja .xls lama: simpan sebagai .xlsx atau sebagai CSV UTF-8")


def test_text_that_is_not_utf8_is_refused_in_indonesian(city, run, head, tmp_path):
    latin = tmp_path / "latin.csv"
    latin.write_bytes("tanggal;lokasi\nCiledug \xe9\n".encode("latin-1"))
    # the é is byte 15 ("tanggal;lokasi\n") + 8 ("Ciledug ") + 1 = 24
    _refused(run, head, latin, "id", "bukan teks UTF-8 (bita ke-24): simpan sebagai 'CSV UTF-8'")


def test_a_damaged_workbook_is_refused_in_indonesian(city, run, head, tmp_path):
    damaged = tmp_path / "rusak.xlsx"
    damaged.write_bytes(b"PK\x03\x04" + b"not a zip archive at all")
    before = head()

    result = run("import", str(damaged), lang="id")

    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: file '{damaged}': bukan buku kerja XLSX yang dapat dibaca (")
    assert head() == before


def test_a_sheet_beyond_the_cells_read_is_refused_in_indonesian(city, run, head, tmp_path, monkeypatch):
    # with 30 cells read at most: rows 1-6 span 6 x 5 = 30 cells, row 7 brings 35
    monkeypatch.setattr(reading, "CELLS_PER_SHEET", 30)
    book = write_xlsx(tmp_path / "lebar.xlsx", {"Sampah": ROWS})
    _refused(
        run, head, book, "id",
        "lembar Sampah: lebih dari 30 sel sampai baris 7, sebagian besar kosong: hapus baris dan kolom di luar "
        "data, atau simpan lembar itu sebagai CSV",
    )


@pytest.mark.parametrize(
    "args, lang, expected",
    [
        (("--template", "waste"), "id",
         "FILE '{file}': diberikan bersama --template: berikan FILE atau --template, jangan keduanya"),
        (("--template", "waste"), "en", "FILE '{file}': is given with --template: give FILE or --template, not both"),
        ((), "id", "FILE '': belum diberikan: berikan FILE buku catatan (CSV atau XLSX), atau --template KIND"),
    ],
)
def test_file_with_template_or_neither_is_a_usage_error_in_either_language(city, run, tmp_path, args, lang, expected):
    file = str(tmp_path / "x.csv") if args else None
    result = run("import", *([file] if file else []), *args, lang=lang)

    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"Error: {expected.format(file=file)}\n" in result.stderr
    assert "Traceback" not in result.stderr

"""The words of the logbook import's own refusals, in Indonesian and English;
``envtrack.messages`` serves them with the others."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "no_header_row": {
        "en": "none of the first {rows} rows is a header row (use the headers of "
        "'envtrack import --template KIND')",
        "id": "tidak ada baris judul kolom di antara {rows} baris pertama (pakai judul kolom dari "
        "'envtrack import --template KIND')",
    },
    # -- files that are no logbook (envtrack/importing/reading.py); the field is ``file`` ---------
    "file_not_found": {"en": "does not exist", "id": "tidak ada"},
    "file_is_folder": {"en": "is a folder, not a file", "id": "adalah folder, bukan berkas"},
    "file_unreadable": {"en": "cannot be read ({reason})", "id": "tidak dapat dibaca ({reason})"},
    "file_old_xls": {
        "en": "is an old .xls workbook: save it as .xlsx or as CSV UTF-8",
        "id": "adalah buku kerja .xls lama: simpan sebagai .xlsx atau sebagai CSV UTF-8",
    },
    "file_not_utf8": {
        "en": "is not UTF-8 text (byte {byte}): save it as 'CSV UTF-8'",
        "id": "bukan teks UTF-8 (bita ke-{byte}): simpan sebagai 'CSV UTF-8'",
    },
    "file_not_csv": {
        "en": "is not a readable CSV file ({reason})",
        "id": "bukan berkas CSV yang dapat dibaca ({reason})",
    },
    "file_not_xlsx": {
        "en": "is not a readable XLSX workbook ({reason})",
        "id": "bukan buku kerja XLSX yang dapat dibaca ({reason})",
    },
    "sheet_too_many_cells": {
        "en": "sheet {sheet}: more than {cells:,} cells by row {row:,}, most of them empty: delete the rows "
        "and columns beyond the data, or save the sheet as CSV",
        # Indonesian groups thousands with '.', which reads as a decimal mark in English: no grouping
        "id": "lembar {sheet}: lebih dari {cells} sel sampai baris {row}, sebagian besar kosong: hapus baris "
        "dan kolom di luar data, atau simpan lembar itu sebagai CSV",
    },
    "sheet_unreadable": {
        "en": "sheet {sheet}: is not readable ({reason})",
        "id": "lembar {sheet}: tidak dapat dibaca ({reason})",
    },
    # -- the command line (envtrack/cli/importer.py): usage errors, exit 2 -------------------------
    "import_file_with_template": {
        "en": "is given with --template: give FILE or --template, not both",
        "id": "diberikan bersama --template: berikan FILE atau --template, jangan keduanya",
    },
    "import_file_missing": {
        "en": "is missing: give a logbook FILE (CSV or XLSX), or --template KIND",
        "id": "belum diberikan: berikan FILE buku catatan (CSV atau XLSX), atau --template KIND",
    },
}

"""The help texts of ``sipsn export`` and ``sipsn compare``, in Indonesian and English;
``envtrack.i18n_help`` serves them with the others."""

from __future__ import annotations

Words = dict[str, str]

HELP: dict[str, dict[str, Words]] = {
    "sipsn": {
        "_": {
            "en": "SIPSN's tables from the log (export), and a published SIPSN table checked against it (compare).",
            "id": "Tabel SIPSN dari log (export), dan tabel SIPSN yang terbit dicocokkan dengannya (compare).",
        },
        "_short": {
            "en": "SIPSN's tables from the log (export), and a published table checked against it (compare).",
            "id": "Tabel SIPSN dari log (export), dan tabel terbitan dicocokkan dengannya (compare).",
        },
    },
    "sipsn export": {
        "_": {
            "en": "Write what the DLH types into SIPSN for YEAR and a period, in SIPSN's own headers: "
            "sipsn-capaian.csv, sipsn-timbulan.csv, sipsn-komposisi.csv, sipsn-sumber.csv, sipsn-fasilitas.csv "
            "(tonnes and percentages to 2 decimals, dot decimal, no thousands separator) and "
            "sipsn-YEAR-PERIOD.xlsx with the five tables as sheets. Timbulan (A) is the city's estimate "
            "('city set') when the period has one, else what was weighed. The city's name and province come "
            "from 'city set'.",
            "id": "Tulis yang diisikan DLH ke SIPSN untuk YEAR dan satu periode, dengan judul kolom SIPSN sendiri: "
            "sipsn-capaian.csv, sipsn-timbulan.csv, sipsn-komposisi.csv, sipsn-sumber.csv, sipsn-fasilitas.csv "
            "(ton dan persen 2 desimal, desimal titik, tanpa pemisah ribuan) dan sipsn-YEAR-PERIOD.xlsx berisi "
            "kelima tabel sebagai lembar. Timbulan (A) adalah perkiraan kota ('city set') bila periodenya punya, "
            "selain itu yang ditimbang. Nama kota dan provinsinya dari 'city set'.",
        },
        "_short": {
            "en": "Write SIPSN's five tables of a year as CSV and XLSX into a directory.",
            "id": "Tulis lima tabel SIPSN satu tahun sebagai CSV dan XLSX ke sebuah direktori.",
        },
        "--year": {"en": "The year of the figures.", "id": "Tahun angkanya."},
        "--period": {
            "en": "P2: the whole year. P1: 1 January to 30 June, annualised (tonnes × days in the year / days in P1).",
            "id": "P2: setahun penuh. P1: 1 Januari sampai 30 Juni, disetahunkan (ton × hari setahun / hari P1).",
        },
        "--out": {
            "en": "Directory to write into; created if missing. The files are written beside it and swapped in "
            "together; other files there are kept.",
            "id": "Direktori tujuan; dibuat bila belum ada. Berkasnya ditulis di sampingnya lalu ditukar sekaligus; "
            "berkas lain di sana tetap ada.",
        },
    },
    "sipsn compare": {
        "_": {
            "en": "Read a SIPSN capaian table as downloaded (CSV, or the first sheet of an XLSX workbook; "
            "thousands separators, empty cells and 'P 1' are read as SIPSN writes them), find the city's row "
            "(name trimmed, case-insensitive) and set it beside envtrack's figures of the same year and period "
            "(basis auto), with envtrack − published. Exit 0 whatever the differences.",
            "id": "Baca tabel capaian SIPSN seperti diunduh (CSV, atau lembar pertama buku kerja XLSX; pemisah "
            "ribuan, sel kosong dan 'P 1' dibaca seperti ditulis SIPSN), cari baris kotanya (nama tanpa spasi "
            "tepi, huruf besar-kecil tidak dibedakan) dan sandingkan dengan angka envtrack untuk tahun dan "
            "periode yang sama (dasar auto), dengan selisih envtrack − terbitan. Keluar 0 apa pun selisihnya.",
        },
        "_short": {
            "en": "Set a published SIPSN capaian row beside envtrack's figures.",
            "id": "Sandingkan baris capaian SIPSN yang terbit dengan angka envtrack.",
        },
        "--year": {
            "en": "The year of the row (default: the latest the file has).",
            "id": "Tahun barisnya (bawaan: tahun terakhir dalam berkas).",
        },
        "--name": {
            "en": "The kabupaten/kota as the file names it (default: the city's name).",
            "id": "Kabupaten/kota seperti tertulis di berkas (bawaan: nama kota).",
        },
    },
}

"""The words of the SIPSN bridge's refusals (section 12): site locations, the export and the
comparison with a published table, in Indonesian and English; ``envtrack.messages`` serves them
with the others."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # -- site locations (domain/values.py::coordinate) ---------------------------------------------
    "not_a_coordinate": {
        "en": "is not a number of decimal degrees (e.g. -7.4722)",
        "id": "bukan angka derajat desimal (mis. -7.4722)",
    },
    "coordinate_out_of_range": {
        "en": "is outside -{limit} to {limit} degrees",
        "id": "di luar -{limit} sampai {limit} derajat",
    },
    # -- sipsn export (envtrack/sipsn.py, projections/sipsn_tables.py) -----------------------------
    "sipsn_no_city": {
        "en": "has no name and no province, which the SIPSN tables carry: set them with "
        "'envtrack city set --year {year} --name NAME --province NAME'",
        "id": "belum punya nama dan provinsi, yang dimuat tabel SIPSN: isi dengan "
        "'envtrack city set --year {year} --name NAMA --province NAMA'",
    },
    "sipsn_no_city_name": {
        "en": "has no name, which the SIPSN tables carry: set it with 'envtrack city set --year {year} --name NAME'",
        "id": "belum punya nama, yang dimuat tabel SIPSN: isi dengan 'envtrack city set --year {year} --name NAMA'",
    },
    "sipsn_no_city_province": {
        "en": "has no province, which the SIPSN tables carry: set it with "
        "'envtrack city set --year {year} --province NAME'",
        "id": "belum punya provinsi, yang dimuat tabel SIPSN: isi dengan "
        "'envtrack city set --year {year} --province NAMA'",
    },
    # -- sipsn compare (projections/sipsn_compare.py) -----------------------------------------------
    "sipsn_file_unreadable": {"en": "cannot be read ({reason})", "id": "tidak dapat dibaca ({reason})"},
    "sipsn_not_a_capaian_export": {
        "en": "is not a SIPSN capaian export: missing columns {missing}",
        "id": "bukan ekspor capaian SIPSN: kolom yang tidak ada {missing}",
    },
    "sipsn_name_not_in_file": {
        "en": "is not a kabupaten/kota of the file (give the name as the file writes it with --name)",
        "id": "bukan kabupaten/kota dalam berkas (berikan nama seperti tertulis di berkas dengan --name)",
    },
    "sipsn_name_not_in_file_close": {
        "en": "is not a kabupaten/kota of the file; close names: {close}",
        "id": "bukan kabupaten/kota dalam berkas; nama yang mirip: {close}",
    },
    "sipsn_name_not_in_year": {
        "en": "has no row of {year} in the file",
        "id": "tidak punya baris tahun {year} dalam berkas",
    },
    "sipsn_not_a_number": {
        "en": "is not a number (in the row of {name})",
        "id": "bukan angka (pada baris {name})",
    },
}

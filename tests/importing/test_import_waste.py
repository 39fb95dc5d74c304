"""Waste logbooks: exactly their rows are written, with their values, and reach the indicators;
the same rows again (or as XLSX instead of CSV) write nothing; one bad row and nothing is
written, every bad row named by row number, column and reason."""

from __future__ import annotations

from datetime import datetime

import pytest

from importing.conftest import indicators, recorded, write_csv, write_xlsx

WASTE = "domain.waste:WasteEntry.Recorded"

ROWS_ID = [
    ["tanggal", "lokasi", "jenis", "berat_kg", "tujuan", "sumber", "operator"],
    ["2025-03-03", "smpn-6", "plastik", "2,5", "daur-ulang", "", "Bu Rini"],
    ["03/03/2025", "SMPN-6", "Sisa Makanan", "6", "kompos", "", ""],
    ["2025-03-04", "rw-03-kranggan", "sisa-makanan", "40", "tps", "", ""],
    ["2025-03-04", "rw-03-kranggan", "sisa-makanan", "40", "tps", "", ""],
    ["2025-03-05", "rw-03-kranggan", "kertas-karton", "1,5", "tidak-terkelola", "pasar", ""],
]
"""Five rows, two of them identical (two entries). By hand, for 2025: timbulan 2.5 + 6 + 40 +
40 + 1.5 = 90 kg; pengurangan 2.5 + 6 = 8.5 (9.44 %); penanganan 80 (88.89 %); tidak
terkelola 1.5; daur ulang 8.5; plastik 2.5/90 = 2.78 %, sisa-makanan 86/90 = 95.56 %,
kertas-karton 1.5/90 = 1.67 %."""


def test_a_semicolon_csv_with_indonesian_headers_imports_exactly_its_rows(city, run, head, tmp_path):
    logbook = write_csv(tmp_path / "sampah.csv", ROWS_ID, delimiter=";", bom=True)
    before = head()

    result = run("import", str(logbook), operator="siti")

    assert result.exit_code == 0, result.stderr
    ids = result.stdout.split()
    assert len(ids) == 5 and len(set(ids)) == 5
    assert result.stderr.strip() == f"{logbook}: 5 rows read, 5 written, 0 already present"
    assert head() == before + 5
    entries = recorded(city, WASTE)
    got = [
        (
            entries[i]["occurred_on"], entries[i]["site"], entries[i]["category"], entries[i]["kg"],
            entries[i]["destination"], entries[i]["source"], entries[i]["operator"],
        )
        for i in ids
    ]
    assert got == [
        ("2025-03-03", "smpn-6", "plastik", 2.5, "daur-ulang", "fasilitas-publik", "Bu Rini"),
        ("2025-03-03", "smpn-6", "sisa-makanan", 6.0, "kompos", "fasilitas-publik", "siti"),
        ("2025-03-04", "rw-03-kranggan", "sisa-makanan", 40.0, "tps", "rumah-tangga", "siti"),
        ("2025-03-04", "rw-03-kranggan", "sisa-makanan", 40.0, "tps", "rumah-tangga", "siti"),
        ("2025-03-05", "rw-03-kranggan", "kertas-karton", 1.5, "tidak-terkelola", "pasar", "siti"),
    ]


def test_imported_rows_reach_the_indicators(city, run, tmp_path):
    run("import", str(write_csv(tmp_path / "sampah.csv", ROWS_ID, delimiter=";")))

    waste = indicators(run)["waste"]

    assert waste["timbulan_kg"] == 90.0
    assert waste["pengurangan_kg"] == 8.5
    assert waste["penanganan_kg"] == 80.0
    assert waste["tidak_terkelola_kg"] == 1.5
    assert waste["daur_ulang_kg"] == 8.5
    assert waste["pct_pengurangan"] == 9.44
    assert waste["pct_penanganan"] == 88.89
    assert waste["komposisi_pct"]["plastik"] == 2.78
    assert waste["komposisi_pct"]["sisa-makanan"] == 95.56
    assert waste["komposisi_pct"]["kertas-karton"] == 1.67


def test_the_same_file_again_writes_nothing(city, run, head, tmp_path):
    logbook = write_csv(tmp_path / "sampah.csv", ROWS_ID, delimiter=";")
    assert run("import", str(logbook)).exit_code == 0
    after_first = head()

    again = run("import", str(logbook))

    assert again.exit_code == 0, again.stderr
    assert again.stdout == ""
    assert "5 rows read, 0 written, 5 already present" in again.stderr
    assert head() == after_first


def test_one_more_identical_row_is_one_more_entry(city, run, head, tmp_path):
    assert run("import", str(write_csv(tmp_path / "a.csv", ROWS_ID))).exit_code == 0
    after_first = head()

    longer = run("import", str(write_csv(tmp_path / "b.csv", [*ROWS_ID, ROWS_ID[3]])))

    assert longer.exit_code == 0, longer.stderr
    assert len(longer.stdout.split()) == 1
    assert "6 rows read, 1 written, 5 already present" in longer.stderr
    assert head() == after_first + 1


def test_xlsx_with_english_headers_gives_the_same_entries_as_the_csv(city, run, head, tmp_path):
    english = ["date", "site", "category", "kg", "destination", "source", "operator"]
    cells = [
        [datetime(2025, 3, 3), "smpn-6", "plastik", 2.5, "daur-ulang", None, "Bu Rini"],
        [datetime(2025, 3, 3), "smpn-6", "sisa-makanan", 6, "kompos", None, None],
        [datetime(2025, 3, 4), "rw-03-kranggan", "sisa-makanan", 40, "tps", None, None],
        [datetime(2025, 3, 4), "rw-03-kranggan", "sisa-makanan", 40.0, "tps", None, None],
        [datetime(2025, 3, 5), "rw-03-kranggan", "kertas-karton", 1.5, "tidak-terkelola", "pasar", None],
    ]
    workbook = write_xlsx(tmp_path / "sampah.xlsx", {"Sampah": [english, *cells]})
    from_xlsx = run("import", str(workbook))
    assert from_xlsx.exit_code == 0, from_xlsx.stderr
    after_xlsx = head()

    from_csv = run("import", str(write_csv(tmp_path / "sampah.csv", ROWS_ID, delimiter=";")))

    assert from_csv.exit_code == 0, from_csv.stderr
    assert from_csv.stdout == ""
    assert "5 rows read, 0 written, 5 already present" in from_csv.stderr
    assert head() == after_xlsx
    assert len(from_xlsx.stdout.split()) == 5
    assert set(from_xlsx.stdout.split()) == set(recorded(city, WASTE))


def test_a_file_with_bad_rows_writes_nothing_and_names_every_bad_row(city, run, head, tmp_path):
    rows = [
        ["date", "site", "category", "kg", "destination"],
        ["2025-03-03", "smpn-6", "plastik", "2.5", "daur-ulang"],
        ["2025-03-03", "smpn-6", "plastik", "abc", "daur-ulang"],
        ["2025-03-03", "smpn-6", "plastik", "1", "daur-ulang"],
        ["2025-03-03", "tps-nowhere", "plastik", "1", "tps"],
        ["2099-01-01", "smpn-6", "plastik", "1", "tps"],
        ["2025-03-03", "smpn-6", "styrofoam", "1", "tps"],
        ["2025-03-03", "smpn-6", "plastik", "-4", "tps"],
        ["2025-03-03", "smpn-6", "plastik", "1", ""],
    ]
    before = head()

    result = run("import", str(write_csv(tmp_path / "sampah.csv", rows)))

    assert result.exit_code == 1
    assert result.stdout == ""
    assert head() == before
    lines = result.stderr.splitlines()
    assert lines[:-1] == [
        "row 3, column D (kg): kg 'abc': is not a number (write 1.5 or 1,5, without thousands separators)",
        "row 5, column B (site): site 'tps-nowhere': is not a known site (list them with 'envtrack site list')",
        "row 6, column A (date): date '2099-01-01': is in the future",
        "row 7, column C (category): category 'styrofoam': is not one of: sisa-makanan, kayu-ranting, "
        "kertas-karton, plastik, logam, kain, karet-kulit, kaca, lainnya",
        "row 8, column D (kg): kg -4.0: is not a finite number greater than 0",
        "row 9, column E (destination): destination '': must not be empty",
    ]
    assert lines[-1] == f"Error: {tmp_path / 'sampah.csv'}: 6 bad rows of 8; nothing written"
    assert "Traceback" not in result.stderr


def test_dry_run_checks_every_row_and_writes_nothing(city, run, head, tmp_path):
    logbook = write_csv(tmp_path / "sampah.csv", ROWS_ID, delimiter=";")
    before = head()

    dry = run("import", str(logbook), "--dry-run")

    assert dry.exit_code == 0, dry.stderr
    assert dry.stdout == ""
    assert "5 rows read, 5 would be written, 0 already present (dry run: nothing written)" in dry.stderr
    assert head() == before
    assert len(run("import", str(logbook)).stdout.split()) == 5


def test_dry_run_of_a_bad_file_names_the_bad_rows(city, run, head, tmp_path):
    rows = [ROWS_ID[0], ["2025-03-03", "smpn-6", "plastik", "0", "daur-ulang", "", ""]]
    before = head()

    dry = run("import", str(write_csv(tmp_path / "sampah.csv", rows)), "--dry-run")

    assert dry.exit_code == 1
    assert dry.stderr.splitlines()[0] == "row 2, column D (berat_kg): kg 0.0: is not a finite number greater than 0"
    assert head() == before


@pytest.mark.parametrize(
    "headers, problem",
    [
        (["tanggal", "lokasi", "berat_kg"], "row 1: headers 'tanggal, lokasi, berat_kg': name no logbook kind"),
        (
            ["tanggal", "lokasi", "jenis", "berat_kg", "tujuan", "warna"],
            "row 1, column F (warna): header 'warna': is not a column of the waste logbook",
        ),
    ],
)
def test_headers_that_name_no_logbook_are_refused_at_row_1(city, run, head, tmp_path, headers, problem):
    before = head()

    result = run("import", str(write_csv(tmp_path / "x.csv", [headers, ["2025-03-03"] * len(headers)])))

    assert result.exit_code == 1
    assert result.stderr.startswith(problem), result.stderr
    assert head() == before


def test_a_missing_required_column_is_named(city, run, tmp_path):
    rows = [["date", "site", "category", "kg", "destination"], ["2025-03-03", "smpn-6", "plastik", "1", "tps"]]

    result = run("import", str(write_csv(tmp_path / "x.csv", rows)), "--kind", "exchange")

    assert result.exit_code == 1
    assert "row 1: header 'botol/bottles': is missing: the exchange logbook needs it" in result.stderr


def test_a_value_under_no_header_is_refused(city, run, head, tmp_path):
    rows = [
        ["date", "site", "", "category", "kg", "destination"],
        ["2025-03-03", "smpn-6", "", "plastik", "1", "tps"],
        ["2025-03-03", "smpn-6", "4 karung", "plastik", "1", "tps"],
        ["2025-03-03", "smpn-6", "", "plastik", "1", "tps", "lagi"],
    ]
    before = head()

    result = run("import", str(write_csv(tmp_path / "x.csv", rows)))

    assert result.exit_code == 1
    assert result.stderr.splitlines()[:-1] == [
        "row 3, column C: cell '4 karung': has no header",
        "row 4, column G: cell 'lagi': has no header",
    ]
    assert head() == before


def test_a_large_file_is_written_in_batches_with_progress_on_stderr(city, run, head, tmp_path):
    rows = [["date", "site", "category", "kg", "destination"]]
    rows += [[f"2025-04-{1 + n % 28:02d}", "rw-03-kranggan", "plastik", "0.25", "daur-ulang"] for n in range(6_000)]
    before = head()

    result = run("import", str(write_csv(tmp_path / "besar.csv", rows)))

    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.split()) == 6_000
    assert result.stderr.splitlines() == [
        "6000 rows checked",
        *(f"{done}/6000 rows written" for done in range(1_000, 6_001, 1_000)),
        f"{tmp_path / 'besar.csv'}: 6000 rows read, 6000 written, 0 already present",
    ]
    assert head() == before + 6_000
    assert indicators(run)["waste"]["daur_ulang_kg"] == 1_500.0

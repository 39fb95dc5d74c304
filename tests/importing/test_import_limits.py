"""Files built to hurt: problems beyond the first 100 are counted, not printed."""

from __future__ import annotations

import pytest

from importing.conftest import write_csv

WASTE_HEADERS = ["tanggal", "lokasi", "jenis", "berat_kg", "tujuan"]
NOT_A_COLUMN = (
    "is not a column of the waste logbook (columns: tanggal/date, lokasi/site, jenis/category, "
    "berat_kg/kg, tujuan/destination, sumber/source, operator/operator)"
)


def test_the_first_100_bad_rows_are_listed_and_the_rest_counted(city, run, head, tmp_path):
    rows = [WASTE_HEADERS] + [["2025-03-03", "smpn-6", "plastik", "0", "tps"] for _ in range(150)]
    before = head()

    result = run("import", str(write_csv(tmp_path / "x.csv", rows)))

    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    # 100 problems (rows 2 to 101), one line for the other 50, the refusal
    assert len(lines) == 102
    assert lines[0] == "row 2, column D (berat_kg): kg 0.0: is not a finite number greater than 0"
    assert lines[99] == "row 101, column D (berat_kg): kg 0.0: is not a finite number greater than 0"
    assert lines[100] == "… and 50 more problems (only the first 100 are shown)"
    assert lines[101] == f"Error: {tmp_path / 'x.csv'}: 150 bad rows of 150; nothing written"
    assert head() == before


def test_the_cap_counts_problems_not_rows(city, run, tmp_path):
    # 60 rows with two problems each: 120 problems, the first 100 in rows 2 to 51
    rows = [WASTE_HEADERS] + [["2099-01-01", "smpn-6", "plastik", "0", "tps"] for _ in range(60)]

    result = run("import", str(write_csv(tmp_path / "x.csv", rows)), lang="id")

    lines = result.stderr.splitlines()
    assert len(lines) == 102
    assert lines[98].startswith("baris 51, kolom A (tanggal)")
    assert lines[99].startswith("baris 51, kolom D (berat_kg)")
    assert lines[100] == "… dan 20 masalah lagi (hanya 100 yang pertama ditampilkan)"
    assert lines[101] == f"Error: {tmp_path / 'x.csv'}: 60 baris salah dari 60 baris; tidak ada yang ditulis"


def test_a_wide_header_row_prints_100_problems(city, run, head, tmp_path):
    rows = [WASTE_HEADERS + [f"c{n}" for n in range(250)], ["2025-03-03", "smpn-6", "plastik", "2", "tps"]]
    before = head()

    result = run("import", str(write_csv(tmp_path / "x.csv", rows)))

    lines = result.stderr.splitlines()
    assert lines[0] == f"row 1, column F (c0): header 'c0': {NOT_A_COLUMN}"
    assert lines[99] == f"row 1, column DA (c99): header 'c99': {NOT_A_COLUMN}"
    assert lines[100:] == [
        "… and 150 more problems (only the first 100 are shown)",
        f"Error: {tmp_path / 'x.csv'}: 1 bad rows of 1; nothing written",
    ]
    assert head() == before


@pytest.mark.slow
def test_a_million_column_header_prints_100_problems(city, run, head, tmp_path):
    logbook = tmp_path / "lebar.csv"
    with open(logbook, "w") as handle:
        handle.write(";".join(WASTE_HEADERS + [f"c{n}" for n in range(1_000_000)]) + "\n")
        handle.write("2025-03-03;smpn-6;plastik;2;tps\n")
    before = head()

    result = run("import", str(logbook))

    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 102
    assert lines[100] == "… and 999900 more problems (only the first 100 are shown)"
    assert head() == before

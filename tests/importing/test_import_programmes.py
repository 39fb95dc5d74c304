"""Exchange and pond logbooks: rows checked in file order against the stock and fish counts the
earlier rows leave, their figures reaching the indicators; workbooks with a sheet per kind;
templates that import as they are printed."""

from __future__ import annotations

import os
from datetime import date

import pytest

from cli.support import invoke

from importing.conftest import indicators, recorded, write_csv, write_xlsx

EXCHANGES_EN = [
    ["date", "site", "bottles", "weight_kg", "items", "pupil", "class"],
    ["2025-03-10", "smpn-6", "45", "1.0", "pensil=2", "Ani", "7A"],
    ["2025-03-10", "smpn-6", "40", "", "buku-tulis", "Budi", "7B"],
    ["2025-03-11", "smpn-6", "12", "", "", "", ""],
    ["2025-03-11", "smpn-6", "80", "2", "buku-tulis=1; pensil=2", " ani ", "7A"],
]
"""By hand: 4 exchanges, 177 bottles; kg 1.0 + 40 × 0.022 + 12 × 0.022 + 2 = 4.144, of which
estimated 0.88 + 0.264 = 1.144; issued pensil 4 and buku-tulis 2 (stock left: pensil 10 − 4 = 6,
buku-tulis 2 − 2 = 0); pupils Ani and Budi (" ani " is Ani)."""

POND_ID = [
    ["tanggal", "kolam", "kegiatan", "spesies", "jumlah", "bobot_rata_g", "berat_kg", "liter",
     "terjual_kg", "harga_rp_per_kg", "akhir"],
    ["2025-02-01", "kolam-lele", "tebar", "lele", "1000", "10", "", "", "", "", ""],
    ["2025-02-02", "kolam-lele", "pakan", "", "", "", "30", "", "", "", ""],
    ["2025-02-02", "kolam-lele", "air", "", "", "", "", "2600", "", "", ""],
    ["2025-03-01", "kolam-lele", "kematian", "", "50", "", "", "", "", "", ""],
    ["2025-04-15", "kolam-lele", "pakan", "", "", "", "90", "", "", "", ""],
    ["2025-05-01", "kolam-lele", "panen", "", "850", "", "110", "", "100", "22000", "ya"],
]
"""By hand, one closed cycle: stocked 1,000 (10 kg), 50 dead, 850 harvested (110 kg), so 100
written off at closing: deaths 150, survival 85 %; feed 120 kg, FCR 120 / (110 − 10) = 1.2;
yield 110 / 12 m³ = 9.17 kg/m³; 1000 × 110 / 2,600 L = 42.31 kg per 1,000 L; sold 100 kg at
Rp 22,000 = Rp 2,200,000."""


def test_exchanges_import_against_the_stock_and_reach_the_indicators(city, run, tmp_path):
    result = run("import", str(write_csv(tmp_path / "tukar.csv", EXCHANGES_EN)))

    assert result.exit_code == 0, result.stderr
    ids = result.stdout.split()
    exchanges = recorded(city, "domain.sambo:Exchange.Recorded")
    assert [(exchanges[i]["bottles"], exchanges[i]["items"], exchanges[i]["weight_estimated"]) for i in ids] == [
        (45, {"pensil": 2}, False),
        (40, {"buku-tulis": 1}, True),
        (12, {}, True),
        (80, {"buku-tulis": 1, "pensil": 2}, False),
    ]
    assert exchanges[ids[3]]["rates"] == {"buku-tulis": 40, "pensil": 20}
    assert exchanges[ids[3]]["pupil"] == "ani"
    assert exchanges[ids[3]]["pupil_class"] == "7A"
    sambo = indicators(run)["sambo"]
    assert sambo["exchanges"] == 4
    assert sambo["bottles"] == 177
    assert sambo["bottles_kg"] == 4.144
    assert sambo["bottles_kg_estimated"] == 1.144
    assert sambo["items_issued"] == {"pensil": 4, "buku-tulis": 2}
    assert sambo["pupils"] == 2
    assert sambo["stock"] == {"pensil": 6}


def test_an_exchange_is_checked_against_the_stock_the_rows_before_it_leave(city, run, head, tmp_path):
    rows = [
        EXCHANGES_EN[0],
        ["2025-03-10", "smpn-6", "80", "", "buku-tulis=2", "Ani", ""],
        ["2025-03-10", "smpn-6", "40", "", "buku-tulis", "Budi", ""],
        ["2025-03-10", "smpn-6", "220", "", "pensil=11", "Citra", ""],
        ["2025-03-10", "smpn-6", "200", "", "pensil=10", "Dewi", ""],
        ["2025-03-10", "smpn-6", "30", "", "pensil=2", "Eko", ""],
    ]
    before = head()

    result = run("import", str(write_csv(tmp_path / "tukar.csv", rows)))

    assert result.exit_code == 1
    assert result.stderr.splitlines()[:-1] == [
        "row 3, column E (items): item 'buku-tulis=1': only 0 in stock",
        "row 4, column E (items): item 'pensil=11': only 10 in stock",
        "row 6, column C (bottles): bottles 30: fewer than the 40 the items cost (2 pensil × 20)",
    ]
    assert head() == before


def test_pond_records_import_in_order_and_reach_the_indicators(city, run, tmp_path):
    result = run("import", str(write_csv(tmp_path / "kolam.csv", POND_ID)), operator="takmir")

    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.split()) == 6
    shown = run("pond", "show", "kolam-lele", "--format", "json")
    assert '"cycles_closed": 1' in shown.stdout
    fish = indicators(run)["maduleni"]
    assert fish["stocked"] == 1000
    assert fish["deaths"] == 150
    assert fish["harvested"] == 850
    assert fish["harvest_kg"] == 110.0
    assert fish["feed_kg"] == 120.0
    assert fish["water_liters"] == 2600.0
    assert fish["cycles_closed"] == 1
    assert fish["survival_pct"] == 85.0
    assert fish["fcr"] == 1.2
    assert fish["yield_kg_per_m3"] == 9.17
    assert fish["harvest_kg_per_1000_l"] == 42.31
    assert fish["sold_kg"] == 100.0
    assert fish["sold_rp"] == 2_200_000


def test_pond_rows_are_checked_against_the_fish_the_rows_before_them_leave(city, run, head, tmp_path):
    rows = [
        POND_ID[0],
        ["2025-02-01", "kolam-lele", "pakan", "", "", "", "1", "", "", "", ""],
        ["2025-02-01", "kolam-lele", "tebar", "lele", "100", "", "", "", "", "", ""],
        ["2025-02-02", "kolam-lele", "tebar", "nila", "100", "", "", "", "", "", ""],
        ["2025-03-01", "kolam-lele", "kematian", "", "60", "", "", "", "", "", ""],
        ["2025-03-02", "kolam-lele", "panen", "", "50", "", "5", "", "", "", "ya"],
        ["2025-03-03", "kolam-lele", "air", "", "", "", "4", "", "", "", ""],
    ]
    before = head()

    result = run("import", str(write_csv(tmp_path / "kolam.csv", rows)))

    assert result.exit_code == 1
    assert result.stderr.splitlines()[:-1] == [
        "row 2, column B (kolam): pond 'kolam-lele': has no open growing cycle to feed "
        "(stock fish first with 'pond stock')",
        "row 4, column D (spesies): species 'nila': differs from the open cycle's lele in pond "
        "kolam-lele (harvest it with --final first)",
        "row 6, column E (jumlah): count 50: is more than the 40 fish alive in pond kolam-lele",
        "row 7, column H (liter): liters '': must not be empty for action water",
        "row 7, column G (berat_kg): kg '4': is not used by action water: leave the cell empty",
    ]
    assert head() == before


def test_a_workbook_has_a_sheet_per_kind_each_recognised_by_its_headers(city, run, tmp_path):
    workbook = write_xlsx(
        tmp_path / "logbook.xlsx",
        {
            "Sampah": [["tanggal", "lokasi", "jenis", "berat_kg", "tujuan"],
                       [date(2025, 3, 3), "rw-03-kranggan", "plastik", 3, "daur-ulang"]],
            "Kolam": [row[:7] for row in POND_ID[:3]],
        },
    )

    result = run("import", str(workbook))

    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.split()) == 3
    assert "3 rows read, 3 written" in result.stderr
    assert indicators(run)["maduleni"]["feed_kg"] == 30.0
    assert indicators(run)["waste"]["daur_ulang_kg"] == 3.0


def test_problems_in_a_workbook_name_the_sheet(city, run, head, tmp_path):
    workbook = write_xlsx(
        tmp_path / "logbook.xlsx",
        {"Kolam": [row[:7] for row in POND_ID[:2]] + [[date(2025, 2, 3), "kolam-2", "pakan", None, None, None, 1]]},
    )
    before = head()

    result = run("import", str(workbook))

    assert result.exit_code == 1
    assert result.stderr.startswith("sheet Kolam, row 3, column B (kolam): pond 'kolam-2': is not a known pond")
    assert head() == before


@pytest.mark.parametrize(
    "kind, lang, header",
    [
        ("waste", "id", "tanggal,lokasi,jenis,berat_kg,tujuan,sumber,operator"),
        ("waste", "en", "date,site,category,kg,destination,source,operator"),
        ("exchange", "id", "tanggal,lokasi,botol,berat_kg,barang,siswa,kelas,operator"),
        ("exchange", "en", "date,site,bottles,weight_kg,items,pupil,class,operator"),
        ("pond", "id", "tanggal,kolam,kegiatan,spesies,jumlah,bobot_rata_g,berat_kg,liter,terjual_kg,"
                       "harga_rp_per_kg,akhir,operator"),
        ("pond", "en", "date,pond,action,species,count,mean_g,kg,liters,sold_kg,price_rp_per_kg,final,operator"),
    ],
)
def test_a_template_prints_the_headers_and_imports_once_filled(city, run, tmp_path, kind, lang, header):
    template = invoke(city, "import", "--template", kind, lang=lang)
    assert (template.exit_code, template.stdout, template.stderr) == (0, header + "\n", "")
    first_row = {
        "waste": "2025-03-03,smpn-6,plastik,1.5,daur-ulang,,",
        "exchange": "2025-03-03,smpn-6,20,,pensil,Ani,7A,",
        "pond": "2025-03-03,kolam-lele,stock,lele,500,8,,,,,,",
    }[kind]
    logbook = tmp_path / "template.csv"
    logbook.write_text(template.stdout + first_row + "\n", encoding="utf-8")

    result = run("import", str(logbook))

    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.split()) == 1


def test_a_header_only_template_imports_nothing(city, run, head, tmp_path):
    logbook = tmp_path / "kosong.csv"
    logbook.write_text(run("import", "--template", "pond").stdout, encoding="utf-8")
    before = head()

    result = run("import", str(logbook))

    assert (result.exit_code, result.stdout) == (0, "")
    assert "0 rows read, 0 written, 0 already present" in result.stderr
    assert head() == before


def test_file_and_template_together_or_neither_are_usage_errors(city, run, tmp_path):
    assert run("import", str(tmp_path / "x.csv"), "--template", "waste").exit_code == 2
    assert run("import").exit_code == 2
    assert run("import", "--template", "trees").exit_code == 2


def test_an_unreadable_file_is_refused_by_name(city, run, head, tmp_path):
    latin = tmp_path / "latin.csv"
    latin.write_bytes("tanggal,lokasi\n2025-01-01,Kec. Magersari \xe9\n".encode("latin-1"))
    before = head()

    # the é is byte 15 ("tanggal,lokasi\n") + 26 ("2025-01-01,Kec. Magersari ") + 1 = 42
    for path, reason in (
        (latin, "is not UTF-8 text (byte 42): save it as 'CSV UTF-8'"),
        (tmp_path / "missing.csv", "does not exist"),
    ):
        result = run("import", str(path))
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr == f"Error: file '{path}': {reason}\n"
    assert head() == before


def test_a_dry_run_on_a_missing_store_creates_nothing(sqlite_db, tmp_path):
    logbook = write_csv(tmp_path / "x.csv", [["date", "site", "category", "kg", "destination"]])

    result = invoke(sqlite_db, "import", str(logbook), "--dry-run")

    assert result.exit_code == 1
    assert "has no envtrack store" in result.stderr
    assert not os.path.exists(sqlite_db)

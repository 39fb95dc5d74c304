"""What reaches a terminal: names written before input was checked are printed escaped, tables
are headed and worded in the user's language, numbers carry the language's marks, and JSON,
CSV and XLSX keep the data exact."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import openpyxl
import pytest

from envtrack.application import EnvTrack
from envtrack.store import resolve

# ESC ] 0 ; … BEL sets the window title, ESC [ 2 J clears the screen, U+202E reverses what follows,
# U+009B is CSI on its own, U+2066 opens an isolate, DEL and NUL.
HOSTILE_NAME = "Bank \x1b]0;pwned\x07Sampah\x1b[2J \u202eilaM\u202c \x9b31m\u2066x\u2069\x7f\x00"
HOSTILE_OPERATOR = "op\x1b[31mred"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""What no human-readable output may hold: C0 but newline and tab, DEL, C1, bidi controls."""


@pytest.fixture
def hostile(db, envtrack):
    """A store holding a site name and an operator full of terminal controls, as a release without
    the input check stored them (the site's event is made past today's check of the name)."""
    from domain.sites import Site

    app = EnvTrack(resolve(db), operator=HOSTILE_OPERATOR, today=lambda: date(2025, 6, 30))
    try:
        app.save(Site._create(Site.Registered, id=Site.id_for("bank-1"), slug="bank-1", kind="waste-bank",
                              name=HOSTILE_NAME, kelurahan=None, kecamatan=None, population=None,
                              operator=HOSTILE_OPERATOR, occurred_on=date(2025, 6, 1)))
        app.record_waste("bank-1", category="plastik", kg=1.5, destination="daur-ulang", on=date(2025, 6, 2))
    finally:
        app.close()
    return envtrack


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("command", [("log",), ("site", "list"), ("site", "show", "bank-1")])
def test_no_terminal_control_reaches_stdout_from_a_stored_name(hostile, command, lang):
    run = hostile(*command, lang=lang)
    assert run.exit_code == 0, run.stderr
    assert RAW.findall(run.stdout) == []
    assert "\x1b" not in run.stdout and "\u202e" not in run.stdout
    # the name stays readable: each control written as a visible escape, in place
    assert "Bank \\x1b]0;pwned\\x07Sampah\\x1b[2J \\u202eilaM\\u202c \\x9b31m\\u2066x\\u2069\\x7f\\x00" in run.stdout


def test_the_log_table_escapes_the_operator_too(hostile):
    lines = hostile("log").stdout.splitlines()
    assert all("op\\x1b[31mred" in line for line in lines[2:])


@pytest.mark.parametrize("command", [("log",), ("site", "list"), ("site", "show", "bank-1")])
def test_json_keeps_the_exact_name_with_no_raw_control_on_stdout(hostile, command):
    run = hostile(*command, "--format", "json")
    assert RAW.findall(run.stdout) == []
    data = json.loads(run.stdout)
    names = {
        ("log",): lambda: data[0]["data"]["name"],
        ("site", "list"): lambda: data[0]["name"],
        ("site", "show", "bank-1"): lambda: data["name"],
    }
    assert names[command]() == HOSTILE_NAME


def test_tables_are_headed_in_indonesian_with_no_english_key_left(envtrack):
    for args in (
        ("site", "add", "smpn-6", "--kind", "school", "--name", "SMP 6", "--population", "1250"),
        ("site", "add", "masjid-1", "--kind", "mosque", "--name", "Masjid 1"),
        ("site", "close", "masjid-1", "--reason", "pindah"),
        ("supplies", "rate", "smpn-6", "pensil", "--bottles", "20"),
        ("pond", "add", "kolam-1", "--site", "smpn-6", "--volume-m3", "4"),
    ):
        assert envtrack(*args).exit_code == 0, args

    def table(*args: str) -> list[list[str]]:
        run = envtrack(*args, lang="id")
        assert run.exit_code == 0, run.stderr
        return [re.split(r"\s{2,}", line) for line in run.stdout.splitlines()]

    sites = table("site", "list")
    assert sites[0] == ["Lokasi", "Jenis lokasi", "Nama", "Kelurahan", "Kecamatan", "Populasi", "Ditutup"]
    # the population in Indonesian marks, closed as ya/tidak (kelurahan and kecamatan are empty)
    assert sites[2] == ["masjid-1", "mosque", "Masjid 1", "ya"]
    assert sites[3] == ["smpn-6", "school", "SMP 6", "1.250", "tidak"]
    assert table("supplies", "stock", "smpn-6")[0] == ["Alat tulis", "Stok", "Tarif (botol)"]
    pond = table("pond", "show", "kolam-1")
    assert pond[0] == ["Isian", "Nilai"]
    assert [row[0] for row in pond[2:]] == ["Kolam", "Lokasi", "Volume (m³)", "Sistem", "Siklus selesai", "Siklus berjalan"]
    site = table("site", "show", "masjid-1")
    assert [row[0] for row in site[2:]] == [
        "Lokasi", "Jenis lokasi", "Nama", "Kelurahan", "Kecamatan", "Populasi", "Lintang", "Bujur", "Ditutup",
        "Alasan ditutup", "Kolam"]
    assert site[10] == ["Ditutup", "ya"]
    assert table("log")[0] == [
        "Posisi", "Tanggal", "Dicatat (UTC)", "Operator", "Kejadian", "Lokasi", "Entri", "Ringkasan"]
    status = table("projections", "status")
    assert status[0] == ["Proyeksi", "Posisi", "Ujung log", "Tertinggal"]
    assert [row[0] for row in status[2:]] == ["lokasi", "sampah", "sambo", "kolam", "kota"]
    # the JSON keys stay the stable English keys
    listed = json.loads(envtrack("site", "list", "--format", "json", lang="id").stdout)
    assert list(listed[0])[:9] == ["site", "kind", "name", "kelurahan", "kecamatan", "population", "lat", "lng", "closed"]
    assert listed[0]["closed"] is True


# 34,324,272.597 kg of paper to a recycler in 2025: the timbulan, pengurangan and daur ulang.
BIG_KG = "34324272.597"


@pytest.fixture
def big(envtrack):
    assert envtrack("site", "add", "bank", "--kind", "waste-bank", "--name", "Bank", "--date", "2025-01-01").exit_code == 0
    run = envtrack("waste", "record", "bank", "--category", "kertas-karton", "--kg", BIG_KG,
                   "--destination", "daur-ulang", "--date", "2025-03-01")
    assert run.exit_code == 0, run.stderr
    return envtrack


@pytest.mark.parametrize("lang,shown", [("id", "34.324.272,597"), ("en", "34,324,272.597")])
def test_terminal_tables_group_thousands_the_languages_way(big, lang, shown):
    total = big("indicators", "--year", "2025", lang=lang).stdout.splitlines()
    generated = {"id": "Timbulan (kg)", "en": "Waste generated (kg)"}[lang]
    assert [line for line in total if line.startswith(generated)] == [f"{generated:<{len(total[1].split()[0])}}  {shown}"]
    by_month = big("indicators", "--year", "2025", "--by", "month", lang=lang).stdout.splitlines()
    march = next(line for line in by_month if line.startswith("2025-03"))
    assert march.split()[1] == shown


def test_csv_json_and_xlsx_keep_the_numbers_plain(big, tmp_path):
    rows = list(csv.reader(io.StringIO(big("indicators", "--year", "2025", "--format", "csv", lang="id").stdout)))
    assert {row[0]: row[2] for row in rows[1:]}["waste.timbulan_kg"] == BIG_KG
    report = json.loads(big("indicators", "--year", "2025", "--format", "json", lang="id").stdout)
    assert report["waste"]["timbulan_kg"] == float(BIG_KG)
    out = tmp_path / "bulan.xlsx"
    assert big("indicators", "--year", "2025", "--by", "month", "--format", "xlsx", "--out", str(out), lang="id").exit_code == 0
    sheet = openpyxl.load_workbook(out).active
    march = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "2025-03")
    assert march[1] == float(BIG_KG)

"""Every refusal of what operators type (section 13, issue 17): numbers, magnitudes, names,
repeated options, control characters, bytes that are not UTF-8 and malformed PostgreSQL URLs.
Each exits 1 (2 for a usage error) with its message, writes nothing, lets no terminal control
through, and, as the first command in an empty folder, creates no store."""

from __future__ import annotations

import os
import re

import pytest

from click.testing import CliRunner

from cli.support import CLEAN_ENV, Run, invoke
from envtrack.cli import cli
from envtrack.store import resolve

WASTE = ("waste", "record", "bank-sampah-melati", "--category", "plastik", "--destination", "daur-ulang")
AMBIGUOUS = "is ambiguous (a thousands separator or a decimal mark?)"
TOO_LARGE = "is larger than 1000000000"
TOO_SMALL = "is less than 0.001, the smallest amount recorded (3 decimals)"
CONTROL = "holds a control or text-direction character ({}): type it without"
NOT_UTF8 = "is not valid UTF-8 text (set the terminal or the script to UTF-8)"
SITE_LIST = "(list them with 'envtrack site list')"
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""What no refusal may print: C0 but newline, DEL, C1, bidi controls, undecodable bytes."""

# name: (arguments, language, exit code, the refusal's line on stderr)
CASES = {
    # -- numbers -------------------------------------------------------------------------------
    "kg_thousands_or_decimal": ((*WASTE, "--kg", "1.250"), "en", 1,
                                f"Error: kg '1.250': {AMBIGUOUS}: write 1250, or 1.25"),
    "kg_comma_thousands_or_decimal": ((*WASTE, "--kg", "12,500"), "en", 1,
                                      f"Error: kg '12,500': {AMBIGUOUS}: write 12500, or 12,5"),
    "kg_in_indonesian": ((*WASTE, "--kg", "1.250"), "id", 1,
                         "Error: kg '1.250': ambigu (pemisah ribuan atau tanda desimal?): tulis 1250, atau 1.25"),
    "kg_exponent": ((*WASTE, "--kg", "1e3"), "en", 1,
                    "Error: kg '1e3': is written with an exponent: write the number out in digits (1000, not 1e3)"),
    "kg_huge_exponent": ((*WASTE, "--kg", "1e308"), "en", 1,
                         "Error: kg '1e308': is written with an exponent: write the number out in digits (1000, not 1e3)"),
    "kg_arabic_indic_digits": ((*WASTE, "--kg", "١٢"), "en", 1,
                               "Error: kg '١٢': has digits other than 0–9: type it with the digits 0–9"),
    "kg_full_width_digits": ((*WASTE, "--kg", "１２"), "en", 1,
                             "Error: kg '１２': has digits other than 0–9: type it with the digits 0–9"),
    "kg_underscore": ((*WASTE, "--kg", "1_000"), "en", 1, "Error: kg '1_000': has '_' in it: write the number without it"),
    "bottles_not_whole": (("exchange", "record", "sdn-1", "--bottles", "2,5"), "en", 1,
                          "Error: bottles '2,5': is not a whole number greater than 0"),
    "fish_thousands_or_decimal": (("pond", "stock", "kolam-1", "--species", "lele", "--count", "1.250"), "en", 1,
                                  f"Error: count '1.250': {AMBIGUOUS}: write 1250 (a whole number)"),
    "item_qty_thousands_or_decimal": (("exchange", "record", "sdn-1", "--bottles", "40", "--item", "pensil=1.250"),
                                      "en", 1, f"Error: item 'pensil=1.250': {AMBIGUOUS}: write 1250 (a whole number)"),
    # -- magnitudes ----------------------------------------------------------------------------
    "kg_above_a_billion": ((*WASTE, "--kg", "1000000000,5"), "en", 1, f"Error: kg '1000000000,5': {TOO_LARGE}"),
    "kg_below_a_gram": ((*WASTE, "--kg", "0,0001"), "en", 1, f"Error: kg '0,0001': {TOO_SMALL}"),
    "litres_below_a_millilitre": (("pond", "water", "kolam-1", "--liters", "0.0005"), "en", 1,
                                  f"Error: liters '0.0005': {TOO_SMALL}"),
    "rupiah_above_a_billion": (("bottles", "handover", "sdn-1", "--weight-kg", "2", "--to", "collector",
                                "--price-rp-per-kg", "1.000.000.001"), "en", 1,
                               f"Error: price_rp_per_kg '1.000.000.001': {TOO_LARGE}"),
    "bottles_above_a_billion": (("exchange", "record", "sdn-1", "--bottles", "1000000001"), "en", 1,
                                f"Error: bottles '1000000001': {TOO_LARGE}"),
    "population_above_a_billion": (("site", "add", "kota-1", "--kind", "community", "--name", "Kota",
                                    "--population", "2.000.000.000"), "en", 1,
                                   f"Error: population '2.000.000.000': {TOO_LARGE}"),
    # -- names ---------------------------------------------------------------------------------
    "site_with_close_slugs": (("waste", "record", "bank-sampah-mlati", "--category", "plastik", "--kg", "1",
                               "--destination", "tps"), "id", 1,
                              "Error: site 'bank-sampah-mlati': bukan lokasi yang terdaftar; maksud Anda: "
                              "bank-sampah-melati? (lihat daftarnya dengan 'envtrack site list')"),
    "site_nothing_close": (("supplies", "stock", "pasar-besar"), "en", 1,
                           f"Error: site 'pasar-besar': is not a known site {SITE_LIST}"),
    "pond_with_close_slugs": (("pond", "feed", "kolam-l", "--kg", "1"), "en", 1,
                              "Error: pond 'kolam-l': is not a known pond; did you mean: kolam-1? "
                              "(list them with 'envtrack pond list')"),
    "item_with_close_slugs": (("exchange", "record", "sdn-1", "--bottles", "40", "--item", "pensl"), "en", 1,
                              "Error: item 'pensl': is not an item of sdn-1; did you mean: pensil? "
                              "(list them with 'envtrack supplies stock sdn-1')"),
    # -- a new site's slug, words of a vocabulary and dates, refused before any store is made -----
    "new_site_slug": (("site", "add", "SMPN 6", "--kind", "school", "--name", "SMP Negeri 6"), "en", 1,
                      "Error: site 'SMPN 6': is not a valid slug (2–63 characters: a-z, 0-9 and '-', not starting "
                      "with '-')"),
    "site_kind": (("site", "add", "pasar-1", "--kind", "Pasar", "--name", "Pasar Tanjung"), "en", 1,
                  "Error: kind 'pasar': is not one of: school, mosque, waste-bank, tps3r, community"),
    "date_in_no_known_form": (("site", "add", "pasar-1", "--kind", "community", "--name", "Pasar", "--date",
                               "2025/06/30"), "en", 1,
                              "Error: date '2025/06/30': is not a real date (YYYY-MM-DD or DD/MM/YYYY)"),
    "date_in_the_future": ((*WASTE, "--kg", "1", "--date", "01/01/2999"), "en", 1,
                           "Error: date '2999-01-01': is in the future"),
    # -- an option given twice -----------------------------------------------------------------
    "kg_twice": ((*WASTE, "--kg", "5", "--kg", "7"), "en", 2,
                 "Error: option --kg was given more than once ('5', '7'): give it once"),
    "name_twice": (("site", "add", "kota-1", "--kind", "community", "--name", "A", "--name=B"), "id", 2,
                   "Error: opsi --name diberikan lebih dari sekali ('A', 'B'): berikan sekali saja"),
    "date_twice": ((*WASTE, "--kg", "5", "--date", "2025-06-01", "--date", "2025-06-02"), "en", 2,
                   "Error: option --date was given more than once ('2025-06-01', '2025-06-02'): give it once"),
    "db_twice_with_a_password": (("--db", "postgresql://dlh:rahasia@db.kota/envtrack", "--db", "other.db", "log"),
                                 "en", 2,
                                 "Error: option --db was given more than once ('postgresql://dlh:***@db.kota/envtrack', "
                                 "'other.db'): give it once"),
    # -- control and text-direction characters -------------------------------------------------
    "name_with_an_escape_sequence": (("site", "add", "kota-1", "--kind", "community", "--name",
                                      "Bank \x1b]0;pwned\x07Sampah\x1b[2J"), "en", 1,
                                     "Error: name 'Bank \\x1b]0;pwned\\x07Sampah\\x1b[2J': " + CONTROL.format("U+001B")),
    "kelurahan_with_a_tab": (("site", "add", "kota-1", "--kind", "community", "--name", "Kota", "--kelurahan",
                              "Wates\tLor"), "en", 1, "Error: kelurahan 'Wates\\tLor': " + CONTROL.format("U+0009")),
    "reason_with_a_bidi_override": (("site", "close", "sdn-1", "--reason", "tutup \u202eilaM"), "en", 1,
                                    "Error: reason 'tutup \\u202eilaM': " + CONTROL.format("U+202E")),
    "void_reason_with_an_isolate": (("void", "0123abcd", "--reason", "salah \u2066x\u2069"), "en", 1,
                                    "Error: reason 'salah \\u2066x\\u2069': " + CONTROL.format("U+2066")),
    "pupil_with_a_c1_control": (("exchange", "record", "sdn-1", "--bottles", "5", "--pupil", "Ani\x9b31m"), "en", 1,
                                "Error: pupil 'Ani\\x9b31m': " + CONTROL.format("U+009B")),
    "class_with_del": (("exchange", "record", "sdn-1", "--bottles", "5", "--class", "5B\x7f"), "en", 1,
                       "Error: class '5B\\x7f': " + CONTROL.format("U+007F")),
    "operator_with_an_escape": (("--operator", "op\x1b[31mred", "log"), "en", 1,
                                "Error: operator 'op\\x1b[31mred': " + CONTROL.format("U+001B")),
    # -- bytes that are not UTF-8 (what Python makes of them in argv) --------------------------
    "name_not_utf8": (("site", "add", "kota-1", "--kind", "community", "--name", "B\udcffx"), "en", 1,
                      f"Error: name b'B\\xffx': {NOT_UTF8}"),
    "site_not_utf8": (("waste", "record", "bank-\udce9", "--kg", "1", "--category", "kaca", "--destination", "tps"),
                      "en", 1, f"Error: site b'bank-\\xe9': {NOT_UTF8}"),
    "operator_not_utf8": (("--operator", "b\udce9", "log"), "id", 1,
                          "Error: operator b'b\\xe9': bukan teks UTF-8 yang sah (atur terminal atau skrip ke UTF-8)"),
    "db_not_utf8_with_a_password": (("--db", "postgresql://dlh:ra\udcffhasia@db.kota/envtrack", "log"), "en", 1,
                                    f"Error: db b'postgresql://dlh:***@db.kota/envtrack': {NOT_UTF8}"),
    # -- malformed PostgreSQL URLs -------------------------------------------------------------
    "db_url_unbalanced_bracket": (("--db", "postgresql://dlh:rahasia@[db.kota/envtrack", "log"), "en", 1,
                                  "Error: --db: the PostgreSQL URL is malformed (unbalanced '[' or ']' around the host)"),
    "db_url_bad_port": (("--db", "postgresql://dlh:rahasia@db.kota:54x2/envtrack", "log"), "en", 1,
                        "Error: --db: the PostgreSQL URL has an invalid port"),
    "db_url_port_out_of_range": (("--db", "postgresql://dlh:rahasia@db.kota:99999/envtrack", "site", "list"), "en", 1,
                                 "Error: --db: the PostgreSQL URL has an invalid port"),
}


@pytest.fixture
def city(db: str) -> str:
    """A waste bank, a school with a rate for pensil and 5 in stock, a mosque with a stocked pond."""
    for arguments in (
        ("site", "add", "bank-sampah-melati", "--kind", "waste-bank", "--name", "Bank Sampah Melati"),
        ("site", "add", "sdn-1", "--kind", "school", "--name", "SD Negeri 1"),
        ("site", "add", "masjid-1", "--kind", "mosque", "--name", "Masjid Al-Ikhlas"),
        ("supplies", "rate", "sdn-1", "pensil", "--bottles", "20"),
        ("supplies", "receive", "sdn-1", "pensil", "--qty", "5"),
        ("pond", "add", "kolam-1", "--site", "masjid-1", "--volume-m3", "4"),
        ("pond", "stock", "kolam-1", "--species", "lele", "--count", "100"),
    ):
        assert invoke(db, *arguments).exit_code == 0
    return db


def run_cli(db: str, arguments: tuple[str, ...], lang: str) -> Run:
    """The command line on ``db``; a case that gives the root's own ``--db`` or ``--operator``
    gives them itself."""
    if arguments[0] not in ("--db", "--operator"):
        return invoke(db, *arguments, lang=lang)
    root = ["--lang", lang] if arguments[0] == "--db" else ["--db", db, "--lang", lang]
    result = CliRunner(env=CLEAN_ENV).invoke(cli, [*root, *arguments])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr, result.exception)


def check(run: Run, code: int, line: str) -> None:
    assert (run.exit_code, run.stdout) == (code, ""), (run.exit_code, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr
    assert RAW.search(run.stderr) is None, repr(run.stderr)  # escaped, never acted on
    assert "rahasia" not in run.stderr  # no password, ever
    if code == 1:
        assert run.stderr == line + "\n"
    else:  # a usage error: click's usage lines, then ours
        assert run.stderr.splitlines()[-1] == line


@pytest.mark.parametrize("case", list(CASES))
def test_refused_with_its_message_and_nothing_written(case, city):
    arguments, lang, code, line = CASES[case]
    before = resolve(city).head_position()
    check(run_cli(city, arguments, lang), code, line)
    assert resolve(city).head_position() == before


@pytest.mark.parametrize("case", list(CASES))
def test_refused_as_the_first_command_in_a_folder_creates_no_store(case, tmp_path):
    arguments, lang, code, _ = CASES[case]
    folder = tmp_path / "folder"
    folder.mkdir()
    db = str(folder / "envtrack.db")
    run = run_cli(db, arguments, lang)
    # the same exit code; the line may differ (without a store every site is unknown)
    assert (run.exit_code, run.stdout) == (code, "")
    assert "Traceback" not in run.stderr and RAW.search(run.stderr) is None
    assert os.listdir(folder) == []


# The same refusals of a logbook cell: (header, row, field, the reason the command line gives too)
EXCHANGE_HEADER = ["tanggal", "lokasi", "botol", "siswa", "kelas", "operator"]
CELLS = {
    "bottles_not_whole": (EXCHANGE_HEADER, ["2025-06-02", "sdn-1", "2,5", "", "", ""], "bottles",
                          "is not a whole number greater than 0"),
    "bottles_thousands_or_decimal": (EXCHANGE_HEADER, ["2025-06-02", "sdn-1", "1.250", "", "", ""], "bottles",
                                     f"{AMBIGUOUS}: write 1250 (a whole number)"),
    "bottles_above_a_billion": (EXCHANGE_HEADER, ["2025-06-02", "sdn-1", "1.000.000.001", "", "", ""], "bottles",
                                TOO_LARGE),
    "kg_below_a_gram": (["tanggal", "lokasi", "jenis", "berat_kg", "tujuan"],
                        ["2025-06-02", "bank-sampah-melati", "kaca", "0,0004", "tps"], "kg", TOO_SMALL),
    "kg_underscore": (["tanggal", "lokasi", "jenis", "berat_kg", "tujuan"],
                      ["2025-06-02", "bank-sampah-melati", "kaca", "1_000", "tps"], "kg",
                      "has '_' in it: write the number without it"),
    "pupil_with_an_escape_sequence": (EXCHANGE_HEADER, ["2025-06-02", "sdn-1", "5", "Ani\x1b[2J", "7A", ""], "pupil",
                                      CONTROL.format("U+001B")),
    "class_with_a_bidi_override": (EXCHANGE_HEADER, ["2025-06-02", "sdn-1", "5", "Ani", "7\u202eA", ""], "class",
                                   CONTROL.format("U+202E")),
    "operator_with_a_c1_control": (EXCHANGE_HEADER, ["2025-06-02", "sdn-1", "5", "Ani", "7A", "op\x9b1"], "operator",
                                   CONTROL.format("U+009B")),
}


@pytest.mark.parametrize(
    "case,form",
    # a workbook cannot hold C0 controls (XML 1.0 has no way to write ESC): that case is CSV only
    [(case, form) for case in CELLS for form in ("csv", "xlsx") if (case, form) != ("pupil_with_an_escape_sequence", "xlsx")],
)
def test_a_logbook_cell_is_refused_for_the_same_reason(case, form, city, tmp_path):
    header, row, field, reason = CELLS[case]
    if form == "csv":
        logbook = tmp_path / "buku.csv"
        logbook.write_text(";".join(header) + "\n" + ";".join(row) + "\n", encoding="utf-8")
    else:
        from openpyxl import Workbook

        logbook = tmp_path / "buku.xlsx"
        workbook = Workbook()
        workbook.active.append(header)
        workbook.active.append(row)
        workbook.save(logbook)
    before = resolve(city).head_position()
    run = invoke(city, "import", str(logbook))
    assert (run.exit_code, run.stdout) == (1, "")
    assert RAW.search(run.stderr) is None and "Traceback" not in run.stderr
    # "row 2, column C (botol): bottles 2.5: <reason>", after "sheet Sheet, " in a workbook
    problems = [line.split(": ", 2) for line in run.stderr.splitlines() if re.match(r"(sheet [^,]*, )?row \d+, ", line)]
    assert len(problems) == 1, run.stderr
    assert problems[0][1].startswith(f"{field} ") and problems[0][2] == reason
    assert resolve(city).head_position() == before


@pytest.mark.slow
def test_bytes_that_are_not_utf8_in_a_real_process_are_refused_cleanly(tmp_path):
    """What the cases above give as surrogates is what Python makes of these bytes in argv."""
    import subprocess
    import sys
    from pathlib import Path

    envtrack = str(Path(sys.executable).parent / "envtrack")
    env = {key: value for key, value in os.environ.items() if not key.startswith("ENVTRACK_")}
    env.update(LC_ALL="C.UTF-8", ENVTRACK_LANG="en", ENVTRACK_DB=str(tmp_path / "envtrack.db"))
    for arguments, shown in (
        ([b"site", b"add", b"sdn-1", b"--kind", b"school", b"--name", b"SD \xff 1"], b"Error: name b'SD \\xff 1': "),
        ([b"--operator", b"b\xe9rt", b"site", b"list"], b"Error: operator b'b\\xe9rt': "),
    ):
        done = subprocess.run([envtrack.encode(), *arguments], capture_output=True, env=env, cwd=tmp_path, timeout=120)
        assert (done.returncode, done.stdout) == (1, b"")
        assert done.stderr == shown + NOT_UTF8.encode() + b"\n"
    assert os.listdir(tmp_path) == []

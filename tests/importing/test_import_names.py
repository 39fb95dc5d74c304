"""A ``lokasi`` cell is read the way the command line reads SITE (``envtrack.names``): the slug
or the registered name, and a name of no site is refused with the same close slugs."""

from __future__ import annotations

import pytest

from cli.support import invoke
from domain.errors import NotFound
from envtrack.application import EnvTrack
from envtrack.names import Directory
from envtrack.store import resolve
from importing.conftest import SET_UP_ON, write_csv

HEADERS = ["tanggal", "lokasi", "jenis", "berat_kg", "tujuan"]
WASTE = ("--category", "plastik", "--kg", "2", "--destination", "tps", "--date", "2025-03-03")


def _logbook(tmp_path, *sites: str):
    return write_csv(tmp_path / "sampah.csv", [HEADERS, *[["2025-03-03", site, "plastik", "2", "tps"] for site in sites]])


@pytest.mark.parametrize(
    "cell, lang, reason",
    [
        # 'smpn-60' is close to the slug smpn-6 (difflib ratio 2·6/13 ≈ 0.92 ≥ 0.6); no other slug or
        # name of the city is (rw-03-kranggan, masjid-al-fattah and their names share too little)
        ("smpn-60", "en", "is not a known site; did you mean: smpn-6? (list them with 'envtrack site list')"),
        # 'rw 3 kranggan' is close to the name 'RW 03 Kranggan' as compared (2·13/27 ≈ 0.96)
        ("RW 3 Kranggan", "id",
         "bukan lokasi yang terdaftar; maksud Anda: rw-03-kranggan? (lihat daftarnya dengan 'envtrack site list')"),
    ],
)
def test_an_unknown_site_is_refused_with_the_close_slugs_the_command_line_gives(city, run, head, tmp_path, cell, lang, reason):
    before = head()

    result = run("import", str(_logbook(tmp_path, "smpn-6", cell)), lang=lang)

    assert result.exit_code == 1
    assert head() == before
    typed = cell.lower()  # a lokasi cell is compared in lower case, and shown so
    where = "row 3, column B" if lang == "en" else "baris 3, kolom B"
    assert result.stderr.splitlines()[0] == f"{where} (lokasi): site '{typed}': {reason}"
    # the command line says the same of the same text
    recorded = invoke(city, "waste", "record", typed, *WASTE, lang=lang)
    assert recorded.stderr == f"Error: site '{typed}': {reason}\n"


def test_a_name_of_two_sites_is_refused_with_both_slugs(city, run, head, tmp_path):
    app = EnvTrack(resolve(city), operator="dlh", today=lambda: SET_UP_ON)
    try:
        app.add_site("bank-sampah-utara", kind="community", name="Bank Sampah", population=100)
        app.add_site("bank-sampah-selatan", kind="community", name="Bank Sampah", population=100)
    finally:
        app.close()
    before = head()

    result = run("import", str(_logbook(tmp_path, "Bank Sampah", "bank-sampah-utara")))

    assert result.exit_code == 1
    assert head() == before
    assert result.stderr.splitlines()[0] == (
        "row 2, column B (lokasi): site 'bank sampah': is the name of several sites "
        "(bank-sampah-selatan, bank-sampah-utara): give the slug"
    )


def test_rows_naming_a_site_many_ways_import_as_that_site(city, run, tmp_path):
    result = run("import", str(_logbook(tmp_path, "smpn-6", " SMP NEGERI 6  Kota Mojokerto ", "SMPN-6")))

    assert result.exit_code == 0, result.stderr
    assert "3 rows read, 3 written, 0 already present" in result.stderr


def test_a_directory_answers_a_text_it_was_given_from_memory(city):
    """One import's directory looks each text up once: a site registered after the directory
    refused its name is still refused by that directory, and found by a new one."""
    store = resolve(city)
    directory = Directory(store)
    with pytest.raises(NotFound):
        directory.site("site", "pasar-baru")
    app = EnvTrack(store, operator="dlh", today=lambda: SET_UP_ON)
    try:
        app.add_site("pasar-baru", kind="community", name="Pasar Baru", population=100)
    finally:
        app.close()

    with pytest.raises(NotFound) as again:
        directory.site("site", "pasar-baru")
    assert again.value.code == "unknown_site_listed"
    assert Directory(resolve(city)).site("site", "Pasar Baru") == "pasar-baru"

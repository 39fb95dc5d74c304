"""SITE, POND and ITEM as operators type them: the slug or the registered name, trimmed and in
any case; an unknown one refused with close slugs and the command that lists them."""

from __future__ import annotations

import json
import os

import pytest

from cli.support import assert_refused, invoke
from envtrack.store import resolve

WASTE = ("--category", "plastik", "--kg", "2,5", "--destination", "daur-ulang", "--date", "2025-06-02")


@pytest.fixture
def city(db: str) -> str:
    for slug, kind, name in (
        ("bank-sampah-melati", "waste-bank", "Bank Sampah Melati"),
        ("bank-sampah-mawar", "waste-bank", "Bank Sampah Mawar"),
        ("sdn-1", "school", "SD Negeri 1 Kranggan"),
        ("masjid-al-ikhlas", "mosque", "Masjid Al-Ikhlas"),
    ):
        assert invoke(db, "site", "add", slug, "--kind", kind, "--name", name, "--date", "2025-01-02").exit_code == 0
    assert invoke(db, "pond", "add", "kolam-1", "--site", "Masjid Al-Ikhlas", "--volume-m3", "4",
                  "--date", "2025-01-02").exit_code == 0
    assert invoke(db, "supplies", "rate", "sdn-1", "Pensil", "--bottles", "20", "--date", "2025-01-02").exit_code == 0
    assert invoke(db, "supplies", "receive", "SDN-1", " PENSIL ", "--qty", "5", "--date", "2025-01-02").exit_code == 0
    return db


def sites_of(db: str, topic: str) -> list[str]:
    return [json.loads(row[4])["site"] for page in resolve(db).read_log(topics=[topic]) for row in page]


@pytest.mark.parametrize("typed", ["bank-sampah-melati", "BANK-SAMPAH-MELATI", "Bank Sampah Melati",
                                   "  bank  sampah   MELATI ", "\tBank Sampah Melati\n"])
def test_a_site_is_named_by_its_slug_or_its_name_in_any_case(typed, city):
    assert invoke(city, "waste", "record", typed, *WASTE).exit_code == 0
    assert sites_of(city, "domain.waste:WasteEntry.Recorded") == ["bank-sampah-melati"]


def test_names_reach_every_kind_of_record(city):
    assert sites_of(city, "domain.ponds:Pond.Added") == ["masjid-al-ikhlas"]
    assert invoke(city, "exchange", "record", "sd negeri 1 kranggan", "--bottles", "40", "--item", "Pensil=2").exit_code == 0
    assert invoke(city, "pond", "stock", "KOLAM-1", "--species", "lele", "--count", "100", "--date", "2025-02-01").exit_code == 0
    shown = json.loads(invoke(city, "supplies", "stock", "SD Negeri 1 Kranggan", "--format", "json").stdout)
    # 5 pensil received, 2 exchanged for 40 bottles: 3 left, at 20 bottles each
    assert shown["items"] == [{"item": "pensil", "qty": 3, "rate_bottles": 20}]
    assert json.loads(invoke(city, "site", "show", "bank sampah mawar", "--format", "json").stdout)["site"] == "bank-sampah-mawar"
    assert json.loads(invoke(city, "pond", "show", " Kolam-1", "--format", "json").stdout)["open_cycle"]["stocked"] == 100


def test_a_renamed_site_answers_to_its_new_name(city):
    assert invoke(city, "site", "update", "Bank Sampah Mawar", "--name", "Bank Sampah Mawar Indah").exit_code == 0
    assert invoke(city, "waste", "record", "bank sampah mawar indah", *WASTE).exit_code == 0
    assert sites_of(city, "domain.waste:WasteEntry.Recorded") == ["bank-sampah-mawar"]
    run = invoke(city, "waste", "record", "Bank Sampah Mawar", *WASTE)
    assert run.stderr.startswith("Error: site 'Bank Sampah Mawar': is not a known site; did you mean: bank-sampah-mawar")


REFUSED = {
    # name: (arguments, language, the whole of stderr)
    "close_slug_en": (("waste", "record", "bank-sampah-mlati", *WASTE), "en",
                      "Error: site 'bank-sampah-mlati': is not a known site; did you mean: bank-sampah-melati, "
                      "bank-sampah-mawar? (list them with 'envtrack site list')\n"),
    "close_name_id": (("waste", "record", "Bank Sampah Melatti", *WASTE), "id",
                      "Error: site 'Bank Sampah Melatti': bukan lokasi yang terdaftar; maksud Anda: bank-sampah-melati, "
                      "bank-sampah-mawar? (lihat daftarnya dengan 'envtrack site list')\n"),
    "nothing_close": (("waste", "record", "pasar-besar", *WASTE), "en",
                      "Error: site 'pasar-besar': is not a known site (list them with 'envtrack site list')\n"),
    "pond": (("pond", "feed", "kolam-2", "--kg", "1"), "en",
             "Error: pond 'kolam-2': is not a known pond; did you mean: kolam-1? (list them with 'envtrack pond list')\n"),
    "pond_site": (("pond", "add", "kolam-9", "--site", "masjid al ikhlas", "--volume-m3", "2"), "en",
                  "Error: site 'masjid al ikhlas': is not a known site; did you mean: masjid-al-ikhlas? "
                  "(list them with 'envtrack site list')\n"),
    "item": (("exchange", "record", "sdn-1", "--bottles", "40", "--item", "pensl=2"), "id",
             "Error: item 'pensl': bukan barang di sdn-1; maksud Anda: pensil? (lihat daftarnya dengan "
             "'envtrack supplies stock sdn-1')\n"),
    "item_nothing_close": (("exchange", "record", "sdn-1", "--bottles", "40", "--item", "penggaris"), "en",
                           "Error: item 'penggaris': is not an item of sdn-1 (list them with 'envtrack supplies stock "
                           "sdn-1'; a new item needs a rate first: 'envtrack supplies rate')\n"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_an_unknown_name_is_refused_with_close_slugs(case, city):
    arguments, lang, stderr = REFUSED[case]
    before = resolve(city).head_position()
    run = invoke(city, *arguments, lang=lang)
    assert (run.exit_code, run.stdout, run.stderr) == (1, "", stderr)
    assert resolve(city).head_position() == before


def test_a_name_two_sites_share_is_refused_naming_both(city):
    assert invoke(city, "site", "add", "bsm-2", "--kind", "waste-bank", "--name", "bank sampah melati").exit_code == 0
    before = resolve(city).head_position()
    run = invoke(city, "waste", "record", "Bank Sampah Melati", *WASTE)
    assert_refused(run, "site")
    assert run.stderr == ("Error: site 'Bank Sampah Melati': is the name of several sites "
                          "(bank-sampah-melati, bsm-2): give the slug\n")
    assert resolve(city).head_position() == before


def test_a_record_in_a_folder_without_a_store_creates_none(tmp_path):
    db = str(tmp_path / "envtrack.db")
    run = invoke(db, "waste", "record", "bank-sampah-melati", *WASTE)
    assert_refused(run, "db")
    assert not resolve(db).exists() and not os.path.exists(db)

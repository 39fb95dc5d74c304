"""No English label left in Indonesian tables, log summaries or reports.

A store with one of every kind of event is read in Indonesian by the main read commands; every
word of their output is checked against the English words of the label catalogue
(``envtrack.i18n.LABELS``). Identifiers stay as they are typed in both languages (slugs, site
kinds, SIPSN categories, species, event names, what the user wrote): their words are allowed.
"""

from __future__ import annotations

import json
import re

import pytest

from domain import values
from envtrack.i18n import LABELS
from envtrack.logfilter import event_classes

WORD = re.compile(r"[A-Za-z]{3,}")
TYPED = "smpn-6 SMP Negeri Wates Magersari masjid-1 Masjid kolam-1 rw-05 pensil toko Ani Pak rina timbang ulang dua pindah"


HEX_ID = re.compile(r"\b[0-9a-f]{8}(?:-?[0-9a-f]{4}){0,3}(?:-?[0-9a-f]{12})?\b")
"""An id or its first 8 characters, whose letters are no words ("dec4a1b2" says nothing)."""


def words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(HEX_ID.sub(" ", text))}


def english_words() -> set[str]:
    """Words of the English labels that no Indonesian label uses too (FCR, Rp, kelurahan …)."""
    english, indonesian = set(), set()
    for entry in LABELS.values():
        if entry.get("en") != entry.get("id"):
            english |= words(re.sub(r"\{[^}]*\}", " ", entry.get("en", "")))
        indonesian |= words(re.sub(r"\{[^}]*\}", " ", entry.get("id", "")))  # placeholders are no words
    return english - indonesian


def identifiers() -> set[str]:
    said = " ".join(
        [TYPED, *values.SITE_KINDS, *values.CATEGORIES, *values.SOURCES, *values.DESTINATIONS,
         *values.HANDOVER_RECIPIENTS, *values.SPECIES, *values.POND_SYSTEMS, *event_classes()]
    )
    return words(re.sub(r"([a-z])([A-Z])", r"\1 \2", said))  # FishHarvested: fish, harvested


@pytest.fixture
def everything(envtrack):
    """One of every kind of event, recorded in English (the words of the records do not matter)."""
    def ok(*args: str) -> str:
        run = envtrack(*args)
        assert run.exit_code == 0, (args, run.stderr)
        return run.stdout.strip()

    ok("site", "add", "smpn-6", "--kind", "school", "--name", "SMP 6", "--kelurahan", "Wates",
       "--kecamatan", "Magersari", "--population", "820", "--date", "2025-01-02")
    ok("site", "update", "smpn-6", "--population", "836", "--name", "SMP Negeri 6", "--date", "2025-01-03")
    ok("supplies", "rate", "smpn-6", "pensil", "--bottles", "20", "--date", "2025-01-03")
    receipt = ok("supplies", "receive", "smpn-6", "pensil", "--qty", "50", "--cost-rp", "125000", "--source", "toko", "--date", "2025-01-04")
    exchange = ok("exchange", "record", "smpn-6", "--bottles", "45", "--item", "pensil=2", "--pupil", "Ani", "--class", "7A", "--date", "2025-01-05")
    ok("exchange", "record", "smpn-6", "--bottles", "12", "--weight-kg", "0.3", "--date", "2025-01-05")
    ok("bottles", "handover", "smpn-6", "--weight-kg", "1.2", "--to", "bank-sampah", "--buyer", "Pak", "--price-rp-per-kg", "4000", "--date", "2025-01-06")
    ok("site", "add", "masjid-1", "--kind", "mosque", "--name", "Masjid 1", "--date", "2025-01-02")
    ok("pond", "add", "kolam-1", "--site", "masjid-1", "--volume-m3", "4", "--system", "terpal", "--date", "2025-01-02")
    ok("pond", "stock", "kolam-1", "--species", "lele", "--count", "1000", "--mean-g", "8", "--date", "2025-01-03")
    feed = ok("pond", "feed", "kolam-1", "--kg", "60", "--date", "2025-02-01")
    ok("pond", "water", "kolam-1", "--liters", "7500", "--date", "2025-02-01")
    ok("pond", "mortality", "kolam-1", "--count", "50", "--date", "2025-02-15")
    ok("void", feed, "--reason", "dua", "--date", "2025-02-16")  # a reversed pond record
    ok("pond", "harvest", "kolam-1", "--kg", "95", "--count", "900", "--sold-kg", "80", "--price-rp-per-kg", "25000", "--final", "--date", "2025-04-20")
    ok("site", "add", "rw-05", "--kind", "community", "--name", "RW 05", "--date", "2025-01-02")
    waste = ok("waste", "record", "rw-05", "--category", "kertas-karton", "--kg", "8", "--destination", "tpa", "--date", "2025-03-01")
    ok("correct", waste, "--kg", "8.4", "--destination", "daur-ulang", "--category", "plastik", "--source", "pasar", "--reason", "timbang ulang")
    ok("void", exchange, "--reason", "dua")
    ok("void", receipt[:8], "--reason", "dua")
    ok("site", "close", "rw-05", "--reason", "pindah", "--date", "2025-05-01")
    return envtrack


READS = [
    ("log", "--limit", "100"),
    ("site", "list"),
    ("site", "show", "smpn-6"),
    ("site", "show", "rw-05"),
    ("supplies", "stock", "smpn-6"),
    ("pond", "show", "kolam-1"),
    ("pond", "list"),
    ("sambo", "pupils", "smpn-6", "--year", "2025"),
    ("sambo", "pupils", "smpn-6", "--year", "2025", "--by", "class"),
    ("city", "show"),
    ("indicators", "--year", "2025"),
    *(("indicators", "--year", "2025", "--by", by) for by in ("month", "site", "category")),
    ("indicators", "--year", "2025", "--site", "smpn-6"),
    ("projections", "status"),
    ("sync", "status"),
]


def test_the_scan_knows_english_words_and_finds_them():
    english = english_words()
    assert {"population", "voided", "harvested", "stock", "recycled", "reason"} <= english
    assert "reason" in words("kg 8 → 8.4; reason: x") & english


def test_indonesian_outputs_have_no_english_label_left(everything):
    english, allowed = english_words(), identifiers()
    left = {}
    for args in READS:
        run = everything(*args, lang="id")
        assert run.exit_code == 0, (args, run.stderr)
        found = (words(run.stdout) | words(run.stderr)) & english - allowed
        if found:
            left[" ".join(args)] = sorted(found)
    summaries = " ".join(row["summary"] for row in json.loads(everything("log", "--format", "json", "--limit", "100", lang="id").stdout))
    if words(summaries) & english - allowed:
        left["log summaries"] = sorted(words(summaries) & english - allowed)
    assert left == {}


def test_the_log_names_fields_and_kinds_in_indonesian(everything):
    summaries = [row["summary"] for row in json.loads(everything("log", "--format", "json", "--limit", "100", lang="id").stdout)]
    assert "nama SMP 6 → SMP Negeri 6; populasi 820 → 836" in summaries
    assert "tebar benih 2025" not in " ".join(summaries)
    assert any(s.startswith("sampah 6") or "(kelurahan Wates, kecamatan Magersari, populasi 820)" in s for s in summaries)
    assert any(s.startswith("kg 8 → 8,4; jenis kertas-karton → plastik; tujuan tpa → daur-ulang; sumber rumah-tangga → pasar")
               for s in summaries)
    assert any(s.startswith("membatalkan penukaran ") for s in summaries)
    assert any(s.startswith("membatalkan penerimaan ") for s in summaries)
    assert any(s.startswith("pakan ") and " dibatalkan: −60 kg" in s for s in summaries)
    english = [row["summary"] for row in json.loads(everything("log", "--format", "json", "--limit", "100").stdout)]
    assert "name SMP 6 → SMP Negeri 6; population 820 → 836" in english
    assert any(s.startswith("voided exchange ") for s in english)

"""Every refusal: ``Error: <field> …`` on stderr, exit 1 (2 for usage errors), no traceback, and
the event log exactly as it was."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from envtrack.application import EnvTrack
from envtrack.store import resolve

from cli.support import assert_refused


@pytest.fixture
def city(db: str) -> dict[str, str]:
    """A school with 3 pencils in stock (20 bottles each), a mosque with a pond of 100 lele
    and an empty pond, a closed community site, and a waste entry that is already void."""
    app = EnvTrack(resolve(db), operator="siti")
    try:
        app.add_site("smpn-6", kind="school", name="SMP Negeri 6")
        app.set_rate("smpn-6", "pensil", bottles=20)
        app.receive_supplies("smpn-6", "pensil", qty=3)
        app.add_site("masjid-al-ikhlas", kind="mosque", name="Masjid Al-Ikhlas")
        app.add_pond("kolam-1", site="masjid-al-ikhlas", volume_m3=4)
        app.add_pond("kolam-2", site="masjid-al-ikhlas", volume_m3=2)
        app.stock_pond("kolam-1", species="lele", count=100, mean_g=10, on=date.today() - timedelta(days=30))
        app.add_site("rw-05", kind="community", name="RW 05 Kranggan")
        voided = app.record_waste("rw-05", category="kain", kg=3, destination="tps")
        app.void(str(voided), reason="salah lokasi")
        app.close_site("rw-05", reason="digabung ke RW 04")
        exchange = app.record_exchange("smpn-6", bottles=20, items={"pensil": 1})
    finally:
        app.close()
    return {"voided": str(voided), "exchange": str(exchange)}


# two days ahead: still in the future when the suite runs across midnight
AFTER_TOMORROW = (date.today() + timedelta(days=2)).isoformat()
WASTE = ("waste", "record", "smpn-6", "--category", "plastik", "--destination", "daur-ulang")

REFUSALS = {
    # name: (arguments, field named in the error)
    "negative_kg": ((*WASTE, "--kg", "-1"), "kg"),
    "zero_kg": ((*WASTE, "--kg", "0"), "kg"),
    "non_numeric_kg": ((*WASTE, "--kg", "abc"), "kg"),
    "nan_kg": ((*WASTE, "--kg", "nan"), "kg"),
    "infinite_kg": ((*WASTE, "--kg", "inf"), "kg"),
    "infinite_feed": (("pond", "feed", "kolam-1", "--kg", "Infinity"), "kg"),
    "negative_bottles": (("exchange", "record", "smpn-6", "--bottles", "-3"), "bottles"),
    "fractional_bottles": (("exchange", "record", "smpn-6", "--bottles", "2.5"), "bottles"),
    "nan_bottle_weight": (("exchange", "record", "smpn-6", "--bottles", "5", "--weight-kg", "nan"), "weight_kg"),
    "zero_fish_stocked": (("pond", "stock", "kolam-1", "--species", "lele", "--count", "0"), "count"),
    "zero_liters": (("pond", "water", "kolam-1", "--liters", "0"), "liters"),
    "zero_pond_volume": (("pond", "add", "kolam-3", "--site", "masjid-al-ikhlas", "--volume-m3", "0"), "volume_m3"),
    "zero_rate": (("supplies", "rate", "smpn-6", "penghapus", "--bottles", "0"), "bottles"),
    "negative_qty_received": (("supplies", "receive", "smpn-6", "pensil", "--qty", "-5"), "qty"),
    "unknown_category": (("waste", "record", "smpn-6", "--category", "kaleng", "--kg", "1", "--destination", "tps"), "category"),
    "unknown_destination": (("waste", "record", "smpn-6", "--category", "kaca", "--kg", "1", "--destination", "laut"), "destination"),
    "unknown_source": ((*WASTE, "--kg", "1", "--source", "sekolah"), "source"),
    "unknown_species": (("pond", "stock", "kolam-2", "--species", "gurame", "--count", "10"), "species"),
    "unknown_pond_system": (("pond", "add", "kolam-3", "--site", "masjid-al-ikhlas", "--volume-m3", "2", "--system", "kaca"), "system"),
    "unknown_handover_recipient": (("bottles", "handover", "smpn-6", "--weight-kg", "2", "--to", "sungai"), "to"),
    "unknown_site_kind": (("site", "add", "pasar-besar", "--kind", "market", "--name", "Pasar"), "kind"),
    "unknown_site": (("waste", "record", "sdn-99", "--category", "kaca", "--kg", "1", "--destination", "tps"), "site"),
    "unknown_pond": (("pond", "feed", "kolam-9", "--kg", "1"), "pond"),
    "unknown_entry_id": (("void", "0123abcd-0000-4000-8000-000000000000", "--reason", "x"), "entry"),
    "unknown_entry_prefix": (("void", "0123abcd", "--reason", "x"), "entry"),
    "entry_prefix_too_short": (("void", "0123abc", "--reason", "x"), "entry"),
    "bad_slug_with_space": (("site", "add", "SMP 6", "--kind", "school", "--name", "SMP 6"), "site"),
    "bad_slug_with_capitals": (("site", "add", "SMPN-6", "--kind", "school", "--name", "SMP 6"), "site"),
    "bad_item_slug": (("supplies", "rate", "smpn-6", "Pensil!", "--bottles", "5"), "item"),
    "duplicate_site": (("site", "add", "smpn-6", "--kind", "school", "--name", "SMP Negeri 6"), "site"),
    "duplicate_pond": (("pond", "add", "kolam-1", "--site", "masjid-al-ikhlas", "--volume-m3", "2"), "pond"),
    "future_date": ((*WASTE, "--kg", "1", "--date", AFTER_TOMORROW), "date"),
    "impossible_date": ((*WASTE, "--kg", "1", "--date", "2025-02-30"), "date"),
    "date_before_2000": ((*WASTE, "--kg", "1", "--date", "1999-12-31"), "date"),
    "malformed_date": ((*WASTE, "--kg", "1", "--date", "2025/06/30"), "date"),
    "too_few_bottles": (("exchange", "record", "smpn-6", "--bottles", "39", "--item", "pensil=2"), "bottles"),
    "item_with_no_rate": (("exchange", "record", "smpn-6", "--bottles", "100", "--item", "penghapus"), "item"),
    "stock_too_short": (("exchange", "record", "smpn-6", "--bottles", "200", "--item", "pensil=5"), "item"),
    "malformed_item": (("exchange", "record", "smpn-6", "--bottles", "20", "--item", "=3"), "item"),
    "item_with_bad_qty": (("exchange", "record", "smpn-6", "--bottles", "20", "--item", "pensil=dua"), "item"),
    "harvest_above_alive": (("pond", "harvest", "kolam-1", "--kg", "10", "--count", "101"), "count"),
    "deaths_above_alive": (("pond", "mortality", "kolam-1", "--count", "101"), "count"),
    "feed_with_no_open_cycle": (("pond", "feed", "kolam-2", "--kg", "1"), "pond"),
    "harvest_with_no_open_cycle": (("pond", "harvest", "kolam-2", "--kg", "1", "--count", "1"), "pond"),
    "deaths_with_no_open_cycle": (("pond", "mortality", "kolam-2", "--count", "1"), "pond"),
    "restocking_another_species": (("pond", "stock", "kolam-1", "--species", "nila", "--count", "50"), "species"),
    "sold_without_price": (("pond", "harvest", "kolam-1", "--kg", "10", "--count", "50", "--sold-kg", "5"), "price_rp_per_kg"),
    "recording_at_closed_site": (("waste", "record", "rw-05", "--category", "kain", "--kg", "1", "--destination", "tps"), "site"),
    "updating_closed_site": (("site", "update", "rw-05", "--name", "RW 05"), "site"),
    "exchange_at_a_mosque": (("exchange", "record", "masjid-al-ikhlas", "--bottles", "5"), "site"),
    "void_without_reason_text": (("void", "{exchange}", "--reason", "  "), "reason"),
    "voiding_twice": (("void", "{voided}", "--reason", "lagi"), "entry"),
    "correcting_an_exchange": (("correct", "{exchange}", "--kg", "2", "--reason", "x"), "entry"),
    "correcting_a_void_entry": (("correct", "{voided}", "--kg", "2", "--reason", "x"), "entry"),
    "zero_log_limit": (("log", "--limit", "0"), "limit"),
    "log_of_unknown_site": (("log", "--site", "sdn-99"), "site"),
    "stock_of_unknown_site": (("supplies", "stock", "sdn-99"), "site"),
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_refused_with_the_field_named_and_nothing_written(name, city, envtrack, head):
    arguments, field = REFUSALS[name]
    arguments = tuple(argument.format(**city) for argument in arguments)
    before = head()
    assert_refused(envtrack(*arguments), field)
    assert head() == before


def test_correction_that_changes_nothing_is_refused(envtrack, head):
    envtrack("site", "add", "bank-sampah-melati", "--kind", "waste-bank", "--name", "Bank Sampah Melati")
    entry = envtrack("waste", "record", "bank-sampah-melati", "--category", "kaca", "--kg", "4", "--destination", "daur-ulang").entry_id
    before = head()
    assert_refused(envtrack("correct", entry, "--kg", "4", "--reason", "sama"), "correct")
    assert head() == before


USAGE_ERRORS = {
    "missing_kg": (("waste", "record", "smpn-6", "--category", "plastik", "--destination", "tps"), "--kg"),
    "missing_site": (("waste", "record",), "SITE"),
    "missing_reason": (("void", "0123abcd"), "--reason"),
    "unknown_option": ((*WASTE, "--kg", "1", "--colour", "red"), "--colour"),
    "unknown_format": (("log", "--format", "xml"), "--format"),
}


@pytest.mark.parametrize("name", list(USAGE_ERRORS))
def test_usage_errors_exit_2_and_write_nothing(name, city, envtrack, head):
    arguments, mentioned = USAGE_ERRORS[name]
    before = head()
    assert_refused(envtrack(*arguments), mentioned, code=2)
    assert head() == before


def test_refusal_speaks_indonesian_by_default(city, envtrack, head):
    run = envtrack(*WASTE, "--kg", "-1", lang="id")
    assert (run.exit_code, run.stderr) == (1, "Error: kg '-1': bukan bilangan hingga yang lebih dari 0\n")


@pytest.mark.parametrize(
    "arguments",
    [
        ("log",),
        ("site", "list"),
        ("site", "show", "smpn-6"),
        ("supplies", "stock", "smpn-6"),
        ("pond", "show", "kolam-1"),
    ],
)
def test_reading_a_missing_store_is_refused_and_creates_nothing(arguments, db, envtrack):
    run = envtrack(*arguments)
    assert_refused(run, "db")
    assert "has no envtrack store" in run.stderr
    assert not resolve(db).exists()
    if resolve(db).backend == "sqlite":
        import os

        assert not os.path.exists(db)


@pytest.mark.parametrize("arguments", [("init",), ("site", "add", "smpn-6", "--kind", "school", "--name", "SMP 6"), ("log",)])
@pytest.mark.parametrize("unusable", ["directory", "not_sqlite"])
def test_an_unusable_sqlite_path_is_named_in_the_error(arguments, unusable, tmp_path):
    from cli.support import invoke

    path = tmp_path / "kota.db"
    if unusable == "directory":
        path.mkdir()
    else:
        path.write_bytes(b"catatan sampah, bukan basis data\n" * 200)
    before = None if path.is_dir() else path.read_bytes()
    run = invoke(str(path), *arguments)
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr.startswith("Error: ") and "Traceback" not in run.stderr
    assert f"(db '{path}')" in run.stderr or f"db '{path}':" in run.stderr, run.stderr
    if before is not None:
        assert path.read_bytes() == before

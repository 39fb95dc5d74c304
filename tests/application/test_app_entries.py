"""Entry ids by prefix, and free text that round-trips unchanged through the store."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from domain.errors import InvalidValue, NotFound
from domain.sites import Site
from envtrack.application import EnvTrack

TODAY = date(2025, 6, 30)
FIRST = UUID("1a2b3c4d-aaaa-4aaa-8aaa-000000000001")
SECOND = UUID("1a2b3c4d-bbbb-4bbb-8bbb-000000000002")


@pytest.fixture
def two_entries(app: EnvTrack) -> EnvTrack:
    """Two waste entries whose ids share their first 8 characters."""
    app.add_site("bank-sampah-mawar", kind="waste-bank", name="Bank Sampah Mawar")
    for entry_id in (FIRST, SECOND):
        app.record_waste("bank-sampah-mawar", category="plastik", kg=2, destination="daur-ulang",
                         entry_id=entry_id)
    return app


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("1a2b3c4d-a", FIRST),
        ("1a2b3c4d-b", SECOND),
        ("1A2B3C4D-BBBB", SECOND),
        ("1a2b3c4dbbbb", SECOND),  # dashes may be left out
        (" 1a2b3c4d-aaaa-4aaa-8aaa-000000000001 ", FIRST),
        ("1A2B3C4D-AAAA-4AAA-8AAA-000000000001", FIRST),
        ("1a2b3c4daaaa4aaa8aaa000000000001", FIRST),
    ],
)
def test_an_entry_is_found_by_its_full_id_or_a_unique_prefix(two_entries, reference, expected):
    assert two_entries.resolve_entry(reference) == expected


def test_an_ambiguous_prefix_is_refused_asking_for_more_characters(two_entries):
    with pytest.raises(InvalidValue) as refusal:
        two_entries.resolve_entry("1a2b3c4d")
    assert (refusal.value.field, refusal.value.value) == ("entry", "1a2b3c4d")
    assert str(refusal.value) == "entry '1a2b3c4d': matches 2 entries: give more characters"


@pytest.mark.parametrize("reference", ["1a2b3c4", "1a2b-3c4", "", "zzzzzzzz", "1a2b3c4d; DROP TABLE stored_events"])
def test_a_reference_shorter_than_8_hex_digits_or_not_hex_is_refused(two_entries, reference):
    with pytest.raises(InvalidValue) as refusal:
        two_entries.resolve_entry(reference)
    assert refusal.value.field == "entry"
    assert "is not an entry id" in str(refusal.value)


def test_an_unknown_prefix_or_id_is_not_found(two_entries):
    for reference in ("ffffffff", "1a2b3c4e", "1a2b3c4d-aaaa-4aaa-8aaa-000000000009"):
        with pytest.raises(NotFound) as refusal:
            two_entries.void(reference, reason="test")
        assert (refusal.value.field, refusal.value.value) == ("entry", reference)


def test_ids_of_sites_ledgers_and_ponds_are_not_entries(two_entries):
    site_id = Site.id_for("bank-sampah-mawar")
    with pytest.raises(NotFound):
        two_entries.resolve_entry(site_id.hex[:12])
    with pytest.raises(NotFound):
        two_entries.void(str(site_id), reason="not an entry")


def test_a_prefix_voids_the_right_entry(two_entries):
    two_entries.void("1A2B3C4D-B", reason="double entry")
    assert two_entries.repository.get(SECOND).voided is True
    assert two_entries.repository.get(FIRST).voided is False


AWKWARD_NAMES = [
    "SD \"Harapan\" 'Bangsa'",
    "Robert'); DROP TABLE stored_events;--",
    "' OR '1'='1",
    "Masjid Al-Ikhlāṣ — Kauman",
    "مسجد النور",
    "Ni Luh Putu Ayu Dewi",
    "Đặng Thị Ngọc 日本 🐟",
    "back\\slash %s {0} $1",
]


@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_names_with_quotes_sql_and_non_ascii_letters_round_trip_unchanged(app, name):
    app.add_site("sdn-1", kind="school", name=name, kelurahan=name, kecamatan=name)
    app.set_rate("sdn-1", "pensil", bottles=1)
    receipt = app.receive_supplies("sdn-1", "pensil", qty=1, source=name)
    exchange = app.record_exchange("sdn-1", bottles=1, items={"pensil": 1}, pupil=name, pupil_class=name)
    handover = app.hand_over_bottles("sdn-1", weight_kg=1, to="collector", buyer=name)
    waste = app.record_waste("sdn-1", category="kain", kg=1, destination="tps")
    app.void(str(waste), reason=name)
    fresh = EnvTrack(app.store, operator=name, today=lambda: TODAY)
    try:
        shown = fresh.show_site("sdn-1")
        assert (shown["name"], shown["kelurahan"], shown["kecamatan"]) == (name, name, name)
        assert fresh.repository.get(receipt).source == name
        stored = fresh.repository.get(exchange)
        assert (stored.pupil, stored.pupil_class) == (name, name)
        assert fresh.repository.get(handover).buyer == name
        assert fresh.repository.get(waste).void_reason == name
        fresh.close_site("sdn-1", reason=name)
        last = list(fresh.events.get(Site.id_for("sdn-1")))[-1]
        assert (last.reason, last.operator) == (name, name)
    finally:
        fresh.close()

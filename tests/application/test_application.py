"""Application stories on a real store (a SQLite file, then PostgreSQL): every command saves,
and a new application instance on the same store — which can only replay what was stored —
sees the result."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from domain.errors import (
    AlreadyExists,
    AlreadyVoided,
    InsufficientStock,
    InvalidValue,
    NoOpenCycle,
    NotCorrectable,
    NotFound,
    Refused,
    SiteClosed,
    SpeciesMismatch,
    TooManyFish,
    WrongSiteKind,
)
from domain.ponds import Harvest, Stocking
from domain.sambo import Exchange
from domain.waste import WasteEntry
from envtrack.application import EnvTrack

TODAY = date(2025, 6, 30)


@pytest.fixture
def reopen(app: EnvTrack) -> Iterator[Callable[[], EnvTrack]]:
    """A new application on the same store, as the next command-line process would open it."""
    opened: list[EnvTrack] = []

    def open_again() -> EnvTrack:
        fresh = EnvTrack(app.store, operator="reader", today=lambda: TODAY)
        opened.append(fresh)
        return fresh

    yield open_again
    for fresh in opened:
        fresh.close()


def school_with_supplies(app: EnvTrack) -> None:
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6 Kota Mojokerto", population=720)
    app.set_rate("smpn-6", "pensil", bottles=20)
    app.set_rate("smpn-6", "buku-tulis", bottles=35)
    app.receive_supplies("smpn-6", "pensil", qty=50, cost_rp=125000, source="Koperasi")
    app.receive_supplies("smpn-6", "buku-tulis", qty=10)


# -- sites --------------------------------------------------------------------------------------


def test_sites_added_updated_and_closed_are_seen_by_a_new_instance(app, reopen):
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6", kelurahan="Kranggan", population=720)
    app.add_site("bank-sampah-mawar", kind="waste-bank", name="Bank Sampah Mawar")
    app.update_site("smpn-6", name="SMP Negeri 6 Kota Mojokerto", kecamatan="Prajurit Kulon")
    app.close_site("bank-sampah-mawar", reason="merged into the Bank Sampah Induk")
    fresh = reopen()
    assert fresh.show_site("smpn-6") == {
        "site": "smpn-6", "kind": "school", "name": "SMP Negeri 6 Kota Mojokerto",
        "kelurahan": "Kranggan", "kecamatan": "Prajurit Kulon", "population": 720, "lat": None, "lng": None,
        "closed": False, "close_reason": None, "ponds": [],
    }
    assert [s["site"] for s in fresh.list_sites()] == ["bank-sampah-mawar", "smpn-6"]
    assert fresh.show_site("bank-sampah-mawar")["close_reason"] == "merged into the Bank Sampah Induk"


def test_duplicate_unknown_and_closed_sites_are_refused_and_nothing_is_written(app, reopen):
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6")
    app.add_site("tps3r-1", kind="tps3r", name="TPS3R Sooko")
    app.close_site("tps3r-1", reason="closed for repairs")
    head = app.store.head_position()
    with pytest.raises(AlreadyExists) as refusal:
        reopen().add_site("smpn-6", kind="mosque", name="Another")
    assert (refusal.value.field, refusal.value.value) == ("site", "smpn-6")
    with pytest.raises(NotFound) as refusal:
        app.record_waste("sma-99", category="plastik", kg=1, destination="tps")
    assert (refusal.value.field, refusal.value.value) == ("site", "sma-99")
    with pytest.raises(NotFound):
        app.record_waste("Not A Slug", category="plastik", kg=1, destination="tps")
    with pytest.raises(SiteClosed):
        app.record_waste("tps3r-1", category="plastik", kg=1, destination="olah")
    with pytest.raises(InvalidValue) as refusal:
        app.record_waste("smpn-6", category="plastik", kg=1, destination="tps", on=date(2025, 7, 1))
    assert refusal.value.field == "date"
    assert app.store.head_position() == head


# -- SAMBO DIKARTU AS ---------------------------------------------------------------------------


def test_exchanges_and_receipts_move_the_stock_a_new_instance_reads(app, reopen):
    school_with_supplies(app)
    exchange_id = app.record_exchange(
        "smpn-6", bottles=80, items={"pensil": 2, "buku-tulis": 1}, pupil="Siti", pupil_class="7A",
        on=date(2025, 6, 2),
    )
    deposit_id = app.record_exchange("smpn-6", bottles=13)
    fresh = reopen()
    assert fresh.supplies_stock("smpn-6") == {
        "site": "smpn-6",
        "items": [
            {"item": "buku-tulis", "qty": 9, "rate_bottles": 35},
            {"item": "pensil", "qty": 48, "rate_bottles": 20},
        ],
    }
    stored = fresh.repository.get(exchange_id)
    assert isinstance(stored, Exchange)
    assert (stored.bottles, stored.items, stored.rates) == (80, {"pensil": 2, "buku-tulis": 1},
                                                            {"pensil": 20, "buku-tulis": 35})
    assert (stored.weight_kg, stored.weight_estimated) == (pytest.approx(1.76), True)  # 80 × 0.022
    assert (stored.pupil, stored.pupil_class, stored.occurred_on) == ("Siti", "7A", date(2025, 6, 2))
    deposit = fresh.repository.get(deposit_id)
    assert (deposit.bottles, deposit.items, deposit.occurred_on) == (13, {}, TODAY)


def test_voiding_an_exchange_returns_stock_and_voiding_twice_is_refused(app, reopen):
    school_with_supplies(app)
    exchange_id = app.record_exchange("smpn-6", bottles=60, items={"pensil": 3})
    reopen().void(str(exchange_id), reason="pupil brought the bottles back")
    fresh = reopen()
    assert fresh.supplies_stock("smpn-6")["items"][1] == {"item": "pensil", "qty": 50, "rate_bottles": 20}
    assert fresh.repository.get(exchange_id).void_reason == "pupil brought the bottles back"
    head = app.store.head_position()
    with pytest.raises(AlreadyVoided):
        reopen().void(str(exchange_id), reason="again")
    assert app.store.head_position() == head


def test_a_receipt_whose_supplies_were_issued_cannot_be_voided(app, reopen):
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6")
    app.set_rate("smpn-6", "pensil", bottles=20)
    receipt_id = app.receive_supplies("smpn-6", "pensil", qty=5)
    app.record_exchange("smpn-6", bottles=20, items={"pensil": 1})
    with pytest.raises(Refused) as refusal:
        reopen().void(str(receipt_id), reason="wrong delivery")
    assert "only 4 are still in stock" in str(refusal.value)
    assert reopen().supplies_stock("smpn-6")["items"][0]["qty"] == 4


def test_exchange_refusals_write_nothing(app):
    school_with_supplies(app)
    app.add_site("masjid-an-nur", kind="mosque", name="Masjid An-Nur")
    head = app.store.head_position()
    with pytest.raises(InsufficientStock):
        app.record_exchange("smpn-6", bottles=5000, items={"buku-tulis": 11})
    with pytest.raises(WrongSiteKind):
        app.record_exchange("masjid-an-nur", bottles=10)
    with pytest.raises(WrongSiteKind):
        app.set_rate("masjid-an-nur", "pensil", bottles=10)
    assert app.store.head_position() == head


def test_handover_is_recorded_and_read_back(app, reopen):
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6")
    entry_id = app.hand_over_bottles("smpn-6", weight_kg=12.5, to="bank-sampah", buyer="BSI Mojokerto",
                                     price_rp_per_kg=3500)
    stored = reopen().repository.get(entry_id)
    assert (stored.weight_kg, stored.to, stored.buyer, stored.price_rp_per_kg) == (12.5, "bank-sampah",
                                                                                  "BSI Mojokerto", 3500)


# -- MADULENI MANIS -----------------------------------------------------------------------------


def test_a_pond_cycle_from_stocking_to_final_harvest_and_back(app, reopen):
    app.add_site("masjid-an-nur", kind="mosque", name="Masjid An-Nur", population=400)
    app.add_pond("kolam-lele", site="masjid-an-nur", volume_m3=4, system="terpal")
    app.stock_pond("kolam-lele", species="lele", count=500, mean_g=8, on=date(2025, 3, 1))
    reopen().feed_pond("kolam-lele", kg=12.5, on=date(2025, 3, 15))
    water_id = reopen().water_pond("kolam-lele", liters=7500, on=date(2025, 3, 15))
    deaths_id = reopen().record_deaths("kolam-lele", count=20, on=date(2025, 4, 1))
    water, deaths = reopen().repository.get(water_id), reopen().repository.get(deaths_id)
    assert (water.liters, water.pond, water.site, water.occurred_on) == (7500, "kolam-lele", "masjid-an-nur",
                                                                         date(2025, 3, 15))
    assert water.cycle_id == deaths.cycle_id is not None
    assert deaths.count == 20
    shown = reopen().show_pond("kolam-lele")["open_cycle"]
    assert (shown["stocked"], shown["alive"], shown["dead"], shown["fed_kg"]) == (500, 480, 20, 12.5)
    assert (shown["started_on"], shown["days_in_cycle"]) == ("2025-03-01", 121)  # 2025-03-01 → 06-30
    final_id = reopen().harvest_pond("kolam-lele", kg=48, count=450, sold_kg=40, price_rp_per_kg=22000,
                                     final=True, on=date(2025, 5, 20))
    after_close = reopen().show_pond("kolam-lele")
    assert (after_close["open_cycle"], after_close["cycles_closed"]) == (None, 1)
    final = reopen().repository.get(final_id)
    assert isinstance(final, Harvest)
    assert (final.written_off, final.final) == (30, True)  # 500 − 20 − 450
    with pytest.raises(NoOpenCycle):
        reopen().feed_pond("kolam-lele", kg=1)
    reopen().void(str(final_id), reason="more fish still in the pond")
    reopened = reopen().show_pond("kolam-lele")
    assert reopened["cycles_closed"] == 0
    assert reopened["open_cycle"]["alive"] == 480


def test_pond_refusals_write_nothing(app, reopen):
    app.add_site("masjid-an-nur", kind="mosque", name="Masjid An-Nur")
    app.add_site("bank-sampah-mawar", kind="waste-bank", name="Bank Sampah Mawar")
    app.add_pond("kolam-1", site="masjid-an-nur", volume_m3=4)
    stocking_id = app.stock_pond("kolam-1", species="lele", count=100)
    app.harvest_pond("kolam-1", kg=5, count=30)
    head = app.store.head_position()
    fresh = reopen()
    with pytest.raises(WrongSiteKind):
        fresh.add_pond("kolam-2", site="bank-sampah-mawar", volume_m3=4)
    with pytest.raises(AlreadyExists):
        fresh.add_pond("kolam-1", site="masjid-an-nur", volume_m3=4)
    with pytest.raises(NotFound) as refusal:
        fresh.feed_pond("kolam-9", kg=1)
    assert (refusal.value.field, refusal.value.value) == ("pond", "kolam-9")
    with pytest.raises(TooManyFish):
        fresh.record_deaths("kolam-1", count=71)
    with pytest.raises(SpeciesMismatch):
        fresh.stock_pond("kolam-1", species="nila", count=10)
    with pytest.raises(Refused):
        fresh.void(str(stocking_id), reason="wrong pond")
    assert app.store.head_position() == head
    assert isinstance(reopen().repository.get(stocking_id), Stocking)


# -- waste --------------------------------------------------------------------------------------


def test_waste_is_recorded_with_the_site_default_source_and_corrected(app, reopen):
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6")
    app.add_site("rw-05", kind="community", name="RW 05 Kranggan")
    school_entry = app.record_waste("smpn-6", category="kertas-karton", kg=4.2, destination="daur-ulang")
    community_entry = app.record_waste("rw-05", category="sisa-makanan", kg=30, destination="kompos",
                                       source="pasar", on=date(2025, 6, 1))
    assert reopen().repository.get(school_entry).source == "fasilitas-publik"
    reopen().correct(str(community_entry)[:8], reason="weighed again", kg=28.5, waste_date=date(2025, 5, 31))
    entry = reopen().repository.get(community_entry)
    assert isinstance(entry, WasteEntry)
    assert (entry.kg, entry.source, entry.occurred_on) == (28.5, "pasar", date(2025, 5, 31))
    with pytest.raises(InvalidValue) as refusal:
        reopen().correct(str(community_entry), reason="again", kg=28.5)
    assert "changes nothing" in str(refusal.value)
    with pytest.raises(InvalidValue) as refusal:
        reopen().correct(str(community_entry), reason="future", waste_date=date(2025, 7, 2))
    assert refusal.value.field == "date"


def test_only_waste_entries_can_be_corrected_and_voided_ones_not_at_all(app, reopen):
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6")
    deposit = app.record_exchange("smpn-6", bottles=10)
    with pytest.raises(NotCorrectable) as refusal:
        reopen().correct(str(deposit), reason="typo", kg=1)
    assert str(refusal.value) == (
        f"entry '{deposit}': is an entry of kind exchange: only waste entries can be corrected "
        "(void it and record it again)"
    )
    waste = app.record_waste("smpn-6", category="plastik", kg=1, destination="tps")
    reopen().void(str(waste), reason="recorded at the wrong school")
    with pytest.raises(AlreadyVoided):
        reopen().correct(str(waste), reason="fix", kg=2)


def test_every_event_carries_the_operator(app, reopen):
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6")
    entry_id = app.record_waste("smpn-6", category="plastik", kg=1, destination="tps")
    fresh = reopen()
    fresh.void(str(entry_id), reason="duplicate")
    events = list(fresh.events.get(entry_id))
    assert [(type(e).__name__, e.operator) for e in events] == [("Recorded", "tester"), ("Voided", "reader")]

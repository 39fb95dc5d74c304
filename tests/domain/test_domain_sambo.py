"""SAMBO DIKARTU AS: rates, stock, exchanges, receipts, handovers and their voids."""

from __future__ import annotations

from datetime import date

import pytest
from roundtrip import new_id, replay, state, through_snapshot

from domain.errors import (
    AlreadyVoided,
    InsufficientStock,
    InvalidValue,
    NoRate,
    NotEnoughBottles,
    Refused,
)
from domain.sambo import BottleHandover, Exchange, SupplyLedger, SupplyReceipt
from domain.values import ledger_id

ON = date(2025, 6, 2)
STAMP = {"operator": "bu-ani", "on": ON}


def ledger_with_stock(**stock: int) -> SupplyLedger:
    """A ledger with pensil at 20 bottles, buku-tulis at 35, and the given stock received."""
    ledger = SupplyLedger.open("smpn-6", operator="bu-ani", on=date(2025, 6, 1))
    ledger.set_rate("pensil", 20, **STAMP)
    ledger.set_rate("buku-tulis", 35, **STAMP)
    for item, qty in stock.items():
        SupplyReceipt.record(new_id(), ledger, item=item.replace("_", "-"), qty=qty, cost_rp=None,
                             source=None, **STAMP)
    ledger.collect_events()
    return ledger


def exchange(ledger, bottles, items=None, weight_kg=None, **extra):
    fields = {"pupil": None, "pupil_class": None, **STAMP, **extra}
    return Exchange.record(new_id(), site="smpn-6", ledger=ledger, bottles=bottles,
                           weight_kg=weight_kg, items=items or {}, **fields)


# -- rates and receipts -------------------------------------------------------------------------


def test_ledger_id_is_derived_from_the_school():
    assert SupplyLedger.open("smpn-6", **STAMP).id == ledger_id("smpn-6")


def test_set_rate_records_bottles_per_item():
    ledger = SupplyLedger.open("smpn-6", **STAMP)
    ledger.set_rate("penghapus", "15", **STAMP)
    opened, rate = ledger.collect_events()
    assert isinstance(rate, SupplyLedger.RateSet)
    assert (rate.item, rate.bottles, rate.operator, rate.occurred_on) == ("penghapus", 15, "bu-ani", ON)
    assert ledger.rates == {"penghapus": 15}


@pytest.mark.parametrize(("item", "bottles", "field"), [("Pensil", 20, "item"), ("pensil", 0, "bottles"),
                                                        ("pensil", 2.5, "bottles"), ("pensil", "abc", "bottles")])
def test_set_rate_refuses_bad_item_or_bottles(item, bottles, field):
    ledger = SupplyLedger.open("smpn-6", **STAMP)
    ledger.collect_events()
    with pytest.raises(InvalidValue) as refusal:
        ledger.set_rate(item, bottles, **STAMP)
    assert refusal.value.field == field
    assert ledger.collect_events() == []


def test_receipt_is_an_entry_and_adds_to_the_ledger_stock():
    ledger = ledger_with_stock()
    entry_id = new_id()
    receipt = SupplyReceipt.record(entry_id, ledger, item="pensil", qty=100, cost_rp=250000.4,
                                   source="  Koperasi sekolah ", **STAMP)
    (recorded,) = receipt.collect_events()
    assert recorded.originator_id == entry_id
    assert (recorded.site, recorded.item, recorded.qty) == ("smpn-6", "pensil", 100)
    assert (recorded.cost_rp, recorded.source) == (250000, "Koperasi sekolah")
    (received,) = ledger.collect_events()
    assert isinstance(received, SupplyLedger.StockReceived)
    assert (received.entry_id, received.item, received.qty) == (entry_id, "pensil", 100)
    assert ledger.stock == {"pensil": 100}


@pytest.mark.parametrize(("qty", "cost", "field"), [(0, None, "qty"), (-2, None, "qty"), ("x", None, "qty"),
                                                    (5, float("nan"), "cost_rp"), (5, -1, "cost_rp")])
def test_receipt_refuses_bad_quantity_or_cost_and_leaves_stock_alone(qty, cost, field):
    ledger = ledger_with_stock()
    with pytest.raises(InvalidValue) as refusal:
        SupplyReceipt.record(new_id(), ledger, item="pensil", qty=qty, cost_rp=cost, source=None, **STAMP)
    assert refusal.value.field == field
    assert ledger.collect_events() == []
    assert ledger.stock == {}


# -- exchanges ----------------------------------------------------------------------------------


def test_exchange_with_exactly_enough_bottles_issues_the_items_and_stores_the_rates():
    ledger = ledger_with_stock(pensil=10, buku_tulis=5)
    # 2 pensil × 20 + 1 buku-tulis × 35 = 75 bottles
    entry = exchange(ledger, 75, {"pensil": 2, "buku-tulis": 1}, pupil=" Siti ", pupil_class="7A")
    (recorded,) = entry.collect_events()
    assert isinstance(recorded, Exchange.Recorded)
    assert recorded.bottles == 75
    assert recorded.items == {"pensil": 2, "buku-tulis": 1}
    assert recorded.rates == {"pensil": 20, "buku-tulis": 35}
    assert (recorded.pupil, recorded.pupil_class) == ("Siti", "7A")
    (issued,) = ledger.collect_events()
    assert isinstance(issued, SupplyLedger.SuppliesIssued)
    assert (issued.entry_id, issued.items) == (entry.id, {"pensil": 2, "buku-tulis": 1})
    assert ledger.stock == {"pensil": 8, "buku-tulis": 4}


def test_surplus_bottles_are_kept_as_collected():
    ledger = ledger_with_stock(pensil=10)
    recorded = exchange(ledger, 47, {"pensil": 2}).collect_events()[0]
    assert recorded.bottles == 47
    assert ledger.stock == {"pensil": 8}


def test_too_few_bottles_are_refused_naming_the_cost():
    ledger = ledger_with_stock(pensil=10, buku_tulis=5)
    with pytest.raises(NotEnoughBottles) as refusal:
        exchange(ledger, 74, {"pensil": 2, "buku-tulis": 1})
    assert (refusal.value.field, refusal.value.value) == ("bottles", 74)
    assert str(refusal.value) == (
        "bottles 74: fewer than the 75 the items cost (2 pensil × 20, 1 buku-tulis × 35)"
    )
    assert ledger.collect_events() == []
    assert ledger.stock == {"pensil": 10, "buku-tulis": 5}


def test_estimated_weight_is_bottles_times_22_grams_and_marked_estimated():
    recorded = exchange(None, 45).collect_events()[0]
    assert recorded.weight_kg == pytest.approx(0.99)  # 45 × 0.022
    assert recorded.weight_estimated is True


def test_measured_weight_is_kept_and_not_marked_estimated():
    recorded = exchange(None, 45, weight_kg="1.2").collect_events()[0]
    assert (recorded.weight_kg, recorded.weight_estimated) == (1.2, False)


def test_pure_deposit_needs_no_ledger_rates_or_stock():
    recorded = exchange(None, 12).collect_events()[0]
    assert (recorded.items, recorded.rates, recorded.bottles) == ({}, {}, 12)
    ledger = ledger_with_stock()
    exchange(ledger, 3)
    assert ledger.collect_events() == []


def test_item_with_no_rate_is_refused():
    ledger = ledger_with_stock(pensil=10)
    with pytest.raises(NoRate) as refusal:
        exchange(ledger, 100, {"penggaris": 1})
    assert (refusal.value.field, refusal.value.value) == ("item", "penggaris")
    with pytest.raises(NoRate) as refusal:
        exchange(None, 100, {"pensil": 1})  # a school with no ledger has no rates at all
    assert refusal.value.value == "pensil"


def test_stock_too_short_is_refused_and_nothing_is_issued():
    ledger = ledger_with_stock(pensil=4)
    with pytest.raises(InsufficientStock) as refusal:
        exchange(ledger, 100, {"pensil": 5})
    assert (refusal.value.field, refusal.value.value) == ("item", "pensil=5")
    assert str(refusal.value) == "item 'pensil=5': only 4 in stock"
    assert ledger.collect_events() == []


@pytest.mark.parametrize(
    ("bottles", "weight", "items", "field"),
    [(0, None, {}, "bottles"), (-3, None, {}, "bottles"), ("nan", None, {}, "bottles"), (True, None, {}, "bottles"),
     (10, float("nan"), {}, "weight_kg"), (10, float("inf"), {}, "weight_kg"), (10, 0, {}, "weight_kg"),
     (10, None, {"pensil": 0}, "qty"), (10, None, {"Pensil": 1}, "item")],
)
def test_exchange_refuses_bad_values(bottles, weight, items, field):
    ledger = ledger_with_stock(pensil=10)
    with pytest.raises(InvalidValue) as refusal:
        exchange(ledger, bottles, items, weight_kg=weight)
    assert refusal.value.field == field
    assert ledger.collect_events() == []


def test_a_bad_value_is_reported_before_what_the_stock_allows():
    ledger = ledger_with_stock()
    with pytest.raises(InvalidValue) as refusal:
        exchange(ledger, 10, {"penggaris": 1}, weight_kg=float("nan"))
    assert refusal.value.field == "weight_kg"


# -- voids --------------------------------------------------------------------------------------


def test_voiding_an_exchange_returns_its_items_to_stock():
    ledger = ledger_with_stock(pensil=10)
    entry = exchange(ledger, 40, {"pensil": 2})
    entry.collect_events(), ledger.collect_events()
    entry.void_with(ledger, "wrong pupil", operator="pak-budi", on=date(2025, 6, 3))
    (voided,) = entry.collect_events()
    assert isinstance(voided, Exchange.Voided)
    assert (voided.reason, voided.operator, voided.occurred_on) == ("wrong pupil", "pak-budi", date(2025, 6, 3))
    (returned,) = ledger.collect_events()
    assert isinstance(returned, SupplyLedger.SuppliesReturned)
    assert (returned.entry_id, returned.items) == (entry.id, {"pensil": 2})
    assert ledger.stock == {"pensil": 10}


def test_voiding_a_pure_deposit_needs_no_ledger():
    entry = exchange(None, 30)
    entry.void_with(None, "counted twice", **STAMP)
    assert entry.voided is True


def test_voiding_twice_is_refused():
    ledger = ledger_with_stock(pensil=10)
    entry = exchange(ledger, 40, {"pensil": 2})
    entry.void_with(ledger, "first", **STAMP)
    ledger.collect_events()
    with pytest.raises(AlreadyVoided) as refusal:
        entry.void_with(ledger, "second", **STAMP)
    assert (refusal.value.field, refusal.value.value) == ("entry", str(entry.id))
    assert str(refusal.value).endswith("is already voided")
    assert ledger.collect_events() == []
    assert ledger.stock == {"pensil": 10}


def test_void_needs_a_reason_and_changes_nothing_without_one():
    ledger = ledger_with_stock(pensil=10)
    entry = exchange(ledger, 40, {"pensil": 2})
    ledger.collect_events()
    with pytest.raises(InvalidValue) as refusal:
        entry.void_with(ledger, "  ", **STAMP)
    assert refusal.value.field == "reason"
    assert ledger.collect_events() == []
    assert entry.voided is False


def test_voiding_a_receipt_takes_its_quantity_out_of_stock():
    ledger = ledger_with_stock(pensil=5)
    receipt = SupplyReceipt.record(new_id(), ledger, item="pensil", qty=10, cost_rp=None, source=None, **STAMP)
    ledger.collect_events()
    receipt.void_with(ledger, "delivered to another school", **STAMP)
    (withdrawn,) = ledger.collect_events()
    assert isinstance(withdrawn, SupplyLedger.ReceiptWithdrawn)
    assert (withdrawn.entry_id, withdrawn.qty) == (receipt.id, 10)
    assert ledger.stock == {"pensil": 5}


def test_voiding_a_receipt_whose_supplies_were_issued_is_refused():
    ledger = ledger_with_stock()
    receipt = SupplyReceipt.record(new_id(), ledger, item="pensil", qty=10, cost_rp=None, source=None, **STAMP)
    exchange(ledger, 60, {"pensil": 3})
    ledger.collect_events()
    with pytest.raises(Refused) as refusal:
        receipt.void_with(ledger, "mistake", **STAMP)
    assert (refusal.value.field, refusal.value.value) == ("entry", str(receipt.id))
    assert "only 7 are still in stock" in str(refusal.value)
    assert ledger.collect_events() == []
    assert receipt.voided is False


# -- handovers ----------------------------------------------------------------------------------


def test_handover_records_weight_recipient_buyer_and_price():
    entry = BottleHandover.record(new_id(), site="smpn-6", weight_kg="12.5", to="bank-sampah",
                                  buyer="Bank Sampah Induk 'Mojo Resik'", price_rp_per_kg=3500, **STAMP)
    (recorded,) = entry.collect_events()
    assert (recorded.weight_kg, recorded.to, recorded.price_rp_per_kg) == (12.5, "bank-sampah", 3500)
    assert recorded.buyer == "Bank Sampah Induk 'Mojo Resik'"


@pytest.mark.parametrize(("weight", "to", "price", "field"),
                         [(0, "recycler", None, "weight_kg"), (1, "tpa", None, "to"), (1, "collector", -5, "price_rp_per_kg")])
def test_handover_refuses_bad_values(weight, to, price, field):
    with pytest.raises(InvalidValue) as refusal:
        BottleHandover.record(new_id(), site="smpn-6", weight_kg=weight, to=to, buyer=None,
                              price_rp_per_kg=price, **STAMP)
    assert refusal.value.field == field


# -- replay and snapshots -----------------------------------------------------------------------


def test_ledger_and_exchange_state_survive_replay_and_snapshot():
    ledger = SupplyLedger.open("smpn-6", **STAMP)
    ledger.set_rate("pensil", 20, **STAMP)
    SupplyReceipt.record(new_id(), ledger, item="pensil", qty=10, cost_rp=None, source=None, **STAMP)
    entry = exchange(ledger, 40, {"pensil": 2})
    entry.void_with(ledger, "mistake", **STAMP)
    exchange(ledger, 20, {"pensil": 1})
    assert state(replay(ledger.collect_events())) == state(ledger)
    assert state(through_snapshot(ledger)) == state(ledger)
    assert through_snapshot(ledger).stock == {"pensil": 9}
    assert state(replay(entry.collect_events())) == state(entry)

"""The rule that decides, for each incoming event, take, skip or hold (``envtrack/sync/holding``):
hand-built events, no store. States are the JSON the library stores; a parent's event names its
entry by ``entry_id`` as the domain's events do."""

from __future__ import annotations

import json
from uuid import UUID, uuid5

from envtrack.sync.holding import SKIP, TAKE, Incoming, decide, held_after

NS = UUID("00000000-0000-0000-0000-000000000001")
SCHOOL = "a0000000-0000-0000-0000-00000000000a"
LEDGER, EXCHANGE, LATER_EXCHANGE, WASTE, OTHER = (uuid5(NS, name) for name in ("ledger", "x", "y", "w", "o"))


def state(**fields: object) -> bytes:
    return json.dumps(fields, separators=(",", ":")).encode()


def link(entry: UUID) -> dict:
    return {"_type_": "uuid_hex", "_data_": entry.hex}


def event(position: int, aggregate: UUID, version: int, topic: str, **fields: object) -> Incoming:
    return Incoming(position, aggregate, version, topic, state(**fields), origin=SCHOOL)


def test_an_event_the_receiver_holds_unchanged_is_skipped_and_a_new_one_taken():
    known = event(1, WASTE, 1, "domain.waste:WasteEntry.Recorded", kg=2.5)
    new = event(2, OTHER, 1, "domain.waste:WasteEntry.Recorded", kg=4)
    assert decide([known, new], {known.key: (known.topic, known.state)}, {}) == [SKIP, TAKE]


def test_a_different_event_at_the_same_version_holds_that_aggregate_from_there_on():
    voided = event(1, WASTE, 2, "domain.waste:WasteEntry.Voided", reason="school")
    corrected_after = event(2, WASTE, 3, "domain.waste:WasteEntry.Corrected", kg=3)
    unrelated = event(3, OTHER, 1, "domain.waste:WasteEntry.Recorded", kg=1)
    receivers = {voided.key: (voided.topic, state(reason="city"))}
    assert decide([voided, corrected_after, unrelated], receivers, {}) == [(WASTE, 2), (WASTE, 2), TAKE]


def test_an_aggregate_held_by_an_earlier_sync_stays_held():
    later = event(9, WASTE, 4, "domain.waste:WasteEntry.Corrected", kg=3)
    assert decide([later], {}, {WASTE: (WASTE, 2)}) == [(WASTE, 2)]


def test_a_void_and_its_ledger_event_are_held_together_whichever_conflicts():
    """A void saves the entry's event first, then the ledger's that names it: if the ledger's
    conflicts, the void taken a moment before must be held with it."""
    void = event(10, EXCHANGE, 2, "domain.sambo:Exchange.Voided", reason="school")
    returned = event(11, LEDGER, 5, "domain.sambo:SupplyLedger.SuppliesReturned", entry_id=link(EXCHANGE))
    ledger_conflict = {returned.key: (returned.topic, state(entry_id=link(OTHER)))}
    assert decide([void, returned], ledger_conflict, {}) == [(LEDGER, 5), (LEDGER, 5)]
    entry_conflict = {void.key: (void.topic, state(reason="city"))}
    assert decide([void, returned], entry_conflict, {}) == [(EXCHANGE, 2), (EXCHANGE, 2)]


def test_a_held_ledger_holds_the_later_exchanges_that_issued_from_it_but_not_pure_deposits_or_waste():
    """A record saves the ledger's event first; its exchange's first event may come much later
    in a large save (an import of 1,000 rows)."""
    issued = event(20, LEDGER, 6, "domain.sambo:SupplyLedger.SuppliesIssued", entry_id=link(LATER_EXCHANGE))
    deposit = event(21, OTHER, 1, "domain.sambo:Exchange.Recorded", bottles=12, items={})
    waste = event(22, WASTE, 1, "domain.waste:WasteEntry.Recorded", kg=1)
    exchange = event(23, LATER_EXCHANGE, 1, "domain.sambo:Exchange.Recorded", bottles=10, items={"pensil": 1})
    cause = (LEDGER, 5)
    decisions = decide([issued, deposit, waste, exchange], {}, {LEDGER: cause})
    assert decisions == [cause, TAKE, TAKE, cause]
    # And the next page knows the exchange is held even if its first event comes only there.
    assert held_after([issued], decisions[:1], {LEDGER: cause}) == {LEDGER: cause, LATER_EXCHANGE: cause}


def test_an_entry_recorded_before_its_ledger_was_held_stays_taken_when_only_its_void_is_held():
    """The exchange was taken with its issue; the ledger conflicts later; the void that follows
    is held with its SuppliesReturned, its first event is not."""
    recorded = event(1, EXCHANGE, 1, "domain.sambo:Exchange.Recorded", bottles=20)
    issued = event(2, LEDGER, 4, "domain.sambo:SupplyLedger.SuppliesIssued", entry_id=link(EXCHANGE))
    rate = event(3, LEDGER, 5, "domain.sambo:SupplyLedger.RateSet", bottles=12)
    void = event(4, EXCHANGE, 2, "domain.sambo:Exchange.Voided", reason="school")
    returned = event(5, LEDGER, 6, "domain.sambo:SupplyLedger.SuppliesReturned", entry_id=link(EXCHANGE))
    receivers = {rate.key: (rate.topic, state(bottles=15))}
    assert decide([recorded, issued, rate, void, returned], receivers, {}) == [
        TAKE, TAKE, (LEDGER, 5), (LEDGER, 5), (LEDGER, 5)]

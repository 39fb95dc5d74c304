"""Every event and snapshot release 0.1.0 stored decodes, with this release's mapper, to the class
its topic names, with every field that class declares.

``tests/data/store-0.1.0.db`` holds the 34 event topics 0.1.0 wrote and two snapshots (a school's
ledger and a pond, each at version 50); ``tests/data/build_store_0_1_0.py`` lists what was
recorded. 0.1.0 stored ``operator`` and ``occurred_on`` after each event's own fields; events now
inherit them from one base event per aggregate, so new events store them first: old events must
decode by name all the same.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from eventsourcing.domain import Snapshot
from eventsourcing.utils import get_topic, resolve_topic

from domain.cycles import Cycle
from domain.ponds import Feeding, Harvest, Mortality, Pond, Stocking, WaterInflow
from domain.sambo import BottleHandover, Exchange, SupplyLedger, SupplyReceipt
from domain.sites import Site
from domain.values import ledger_id, pond_id, site_id
from domain.waste import WasteEntry
from envtrack.application import EnvTrack
from envtrack.store import resolve

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "store-0.1.0.db"

# Every topic 0.1.0 wrote, and how many events of it the build script recorded (counted from
# the script: e.g. 46 feedings = 44 daily at kolam-1 + 20 kg and 5 kg at kolam-2).
TOPICS = {
    Site.Registered: 5, Site.Updated: 1, Site.Closed: 1,
    SupplyLedger.Opened: 1, SupplyLedger.RateSet: 2, SupplyLedger.StockReceived: 3,
    SupplyLedger.ReceiptWithdrawn: 1, SupplyLedger.SuppliesIssued: 43, SupplyLedger.SuppliesReturned: 1,
    SupplyReceipt.Recorded: 3, SupplyReceipt.Voided: 1,
    Exchange.Recorded: 45, Exchange.Voided: 1,
    BottleHandover.Recorded: 2, BottleHandover.Voided: 1,
    Pond.Added: 3, Pond.FishStocked: 5, Pond.FishFed: 46, Pond.FishDied: 2, Pond.FishHarvested: 5,
    Pond.RecordReversed: 4,
    Stocking.Recorded: 5, Stocking.Voided: 1, Feeding.Recorded: 46, Feeding.Voided: 1,
    WaterInflow.Recorded: 4, WaterInflow.Voided: 1, Mortality.Recorded: 2, Mortality.Voided: 1,
    Harvest.Recorded: 5, Harvest.Voided: 1,
    WasteEntry.Recorded: 12, WasteEntry.Corrected: 3, WasteEntry.Voided: 1,
}
STORED_TOPICS = {
    "domain.sites:Site.Registered", "domain.sites:Site.Updated", "domain.sites:Site.Closed",
    "domain.sambo:SupplyLedger.Opened", "domain.sambo:SupplyLedger.RateSet",
    "domain.sambo:SupplyLedger.StockReceived", "domain.sambo:SupplyLedger.ReceiptWithdrawn",
    "domain.sambo:SupplyLedger.SuppliesIssued", "domain.sambo:SupplyLedger.SuppliesReturned",
    "domain.sambo:SupplyReceipt.Recorded", "domain.sambo:SupplyReceipt.Voided",
    "domain.sambo:Exchange.Recorded", "domain.sambo:Exchange.Voided",
    "domain.sambo:BottleHandover.Recorded", "domain.sambo:BottleHandover.Voided",
    "domain.ponds:Pond.Added", "domain.ponds:Pond.FishStocked", "domain.ponds:Pond.FishFed",
    "domain.ponds:Pond.FishDied", "domain.ponds:Pond.FishHarvested", "domain.ponds:Pond.RecordReversed",
    "domain.ponds:Stocking.Recorded", "domain.ponds:Stocking.Voided", "domain.ponds:Feeding.Recorded",
    "domain.ponds:Feeding.Voided", "domain.ponds:WaterInflow.Recorded", "domain.ponds:WaterInflow.Voided",
    "domain.ponds:Mortality.Recorded", "domain.ponds:Mortality.Voided", "domain.ponds:Harvest.Recorded",
    "domain.ponds:Harvest.Voided",
    "domain.waste:WasteEntry.Recorded", "domain.waste:WasteEntry.Corrected", "domain.waste:WasteEntry.Voided",
}


@pytest.fixture(scope="module")
def old_app(tmp_path_factory: pytest.TempPathFactory):
    copy = tmp_path_factory.mktemp("store-0.1.0") / "envtrack.db"
    shutil.copyfile(FIXTURE, copy)
    app = EnvTrack(resolve(str(copy)), operator="reader", today=lambda: date(2025, 3, 31))
    yield app
    app.close()


@pytest.fixture(scope="module")
def stored(old_app: EnvTrack) -> list:
    """(stored topic, decoded event) for every event of the log, in log order."""
    notifications = old_app.recorder.select_notifications(1, 10_000)
    return [(n.topic, old_app.mapper.to_domain_event(n)) for n in notifications]


def test_the_classes_of_this_release_keep_the_34_topics_0_1_0_wrote():
    assert len(TOPICS) == 34
    assert {get_topic(cls) for cls in TOPICS} == STORED_TOPICS


def test_every_stored_event_decodes_to_its_class_with_every_field_it_declares(stored):
    assert Counter(topic for topic, _ in stored) == Counter({get_topic(cls): n for cls, n in TOPICS.items()})
    for topic, event in stored:
        cls = resolve_topic(topic)
        assert type(event) is cls
        assert set(vars(event)) == {field.name for field in dataclasses.fields(cls)}, topic
        assert isinstance(event.operator, str) and event.operator in ("bu-rina", "pak-ahmad", "siti"), topic
        assert isinstance(event.occurred_on, date) and date(2024, 1, 2) <= event.occurred_on <= date(2025, 1, 15)


def _first(stored: list, cls: type, **facts):
    return next(e for _, e in stored if type(e) is cls and all(getattr(e, k) == v for k, v in facts.items()))


def test_old_events_decode_by_field_name_whatever_order_0_1_0_stored_them(stored):
    # 0.1.0 stored {"slug": …, …, "population": 820, "operator": "bu-rina", "occurred_on": …}
    registered = _first(stored, Site.Registered, slug="smpn-6")
    assert registered.originator_id == site_id("smpn-6")
    assert (registered.kind, registered.name, registered.kelurahan, registered.kecamatan, registered.population) == (
        "school", "SMP Negeri 6 Kota Mojokerto", "Gedongan", "Magersari", 820)
    assert (registered.operator, registered.occurred_on) == ("bu-rina", date(2024, 1, 2))
    closed = _first(stored, Site.Closed)
    assert (closed.reason, closed.operator, closed.occurred_on) == ("digabung dengan TPST", "siti", date(2024, 11, 30))
    harvest = _first(stored, Harvest.Recorded, final=True, kg=70.0)
    assert (harvest.pond, harvest.count, harvest.sold_kg, harvest.price_rp_per_kg, harvest.written_off) == (
        "kolam-1", 800, 60.0, 26000, 1200 - 50 - 300 - 800)
    assert (harvest.operator, harvest.occurred_on) == ("pak-ahmad", date(2024, 5, 20))
    corrected = _first(stored, WasteEntry.Corrected, reason="tanggal salah")
    assert (corrected.changes, corrected.previous) == ({"occurred_on": date(2025, 1, 2)}, {"occurred_on": date(2024, 12, 31)})
    assert (corrected.operator, corrected.occurred_on) == ("siti", date(2025, 1, 3))


def test_new_events_store_the_base_events_fields_first_and_read_back_the_same(old_app, stored):
    entry_id = old_app.record_waste("bank-sampah-melati", category="kaca", kg=1.5, destination="daur-ulang",
                                    on=date(2025, 3, 30))
    (new,) = old_app.recorder.select_events(entry_id)
    assert new.topic == "domain.waste:WasteEntry.Recorded"
    keys = list(old_app.mapper.transcoder.decode(new.state))
    assert keys[keys.index("operator"):keys.index("operator") + 3] == ["operator", "occurred_on", "site"]
    event = old_app.mapper.to_domain_event(new)
    assert (event.site, event.category, event.kg, event.operator, event.occurred_on) == (
        "bank-sampah-melati", "kaca", 1.5, "reader", date(2025, 3, 30))
    old = _first(stored, WasteEntry.Recorded, category="plastik", kg=12.5)
    assert list(vars(old)).index("operator") > list(vars(old)).index("source")  # 0.1.0's order


def test_both_snapshots_decode_to_the_aggregates_they_were_taken_of(old_app):
    snapshots = {
        aggregate_id: next(iter(old_app.snapshots.get(aggregate_id, desc=True, limit=1)))
        for aggregate_id in (ledger_id("smpn-6"), pond_id("kolam-1"))
    }
    for snapshot in snapshots.values():
        assert type(snapshot) is Snapshot and snapshot.originator_version == 50
    ledger = snapshots[ledger_id("smpn-6")].mutate(None)
    assert type(ledger) is SupplyLedger
    # the ledger's 50th event is the 39th of the 40 one-pencil exchanges: pensil 50 + 10 received,
    # 10 withdrawn (voided receipt), 2 (Ani) and 1 (Citra) issued, Citra's 1 returned, 39 issued:
    # 50 + 10 − 10 − 2 − 1 + 1 − 39 = 9; buku-tulis 20 received − 1 (Budi) = 19
    assert (ledger.site, ledger.rates, ledger.stock) == (
        "smpn-6", {"pensil": 20, "buku-tulis": 30}, {"pensil": 9, "buku-tulis": 19})
    pond = snapshots[pond_id("kolam-1")].mutate(None)
    assert type(pond) is Pond
    (cycle,) = pond.cycles.values()
    assert type(cycle) is dict and set(cycle) == Cycle.__required_keys__  # 0.1.0's plain dict
    # the pond's events: added (1), stocked 1000 and 200 (2–3), fed 44 × 1 kg (4–47), 50 and 10
    # died (48–49), the 10 voided (50): stocked 1200, dead 50, fed 44 kg, 1200 × 8 g stocked
    assert (cycle["species"], cycle["started_on"], cycle["stocked"], cycle["dead"], cycle["fed_kg"]) == (
        "lele", "2024-03-01", 1200, 50, 44.0)
    assert cycle["stocked_kg"] == pytest.approx(1200 * 8 / 1000)
    assert pond.open_cycle in pond.cycles
    # and the aggregates load through them to their latest state
    assert old_app.repository.get(ledger_id("smpn-6")).stock == {"pensil": 8, "buku-tulis": 19}
    latest = old_app.repository.get(pond_id("kolam-1"))
    assert latest.open_cycle is None and next(iter(latest.cycles.values()))["written_off"] == 50

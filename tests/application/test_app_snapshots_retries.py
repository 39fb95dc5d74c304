"""Long-lived aggregates load from snapshots; a save that loses a race is retried."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from uuid import UUID

import pytest
from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from domain.ponds import Pond
from domain.sambo import SupplyLedger
from envtrack.application import EnvTrack
from envtrack.unit_of_work import UnitOfWork

TODAY = date(2025, 6, 30)


@pytest.fixture
def reopen(app: EnvTrack) -> Iterator[Callable[[], EnvTrack]]:
    opened: list[EnvTrack] = []

    def open_again() -> EnvTrack:
        opened.append(EnvTrack(app.store, operator="reader", today=lambda: TODAY))
        return opened[-1]

    yield open_again
    for fresh in opened:
        fresh.close()


def latest_snapshot_version(app: EnvTrack, aggregate_id: UUID) -> int | None:
    assert app.snapshots is not None
    snapshots = list(app.snapshots.get(aggregate_id, desc=True, limit=1))
    return snapshots[0].originator_version if snapshots else None


def test_a_school_ledger_past_50_events_loads_from_a_snapshot_with_the_right_stock(app, reopen):
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6")
    app.set_rate("smpn-6", "pensil", bottles=20)  # ledger v1 opened, v2 rate
    app.receive_supplies("smpn-6", "pensil", qty=100)  # v3
    for _ in range(60):  # v4 … v63
        app.record_exchange("smpn-6", bottles=25, items={"pensil": 1})
    fresh = reopen()
    ledger_id = SupplyLedger.id_for("smpn-6")
    assert latest_snapshot_version(fresh, ledger_id) == 50
    ledger = fresh.repository.get(ledger_id)
    assert ledger.version == 63
    assert ledger.stock == {"pensil": 40}  # 100 received − 60 issued
    assert ledger.rates == {"pensil": 20}
    assert fresh.supplies_stock("smpn-6")["items"] == [{"item": "pensil", "qty": 40, "rate_bottles": 20}]
    # recording keeps working on top of the snapshot
    fresh.record_exchange("smpn-6", bottles=20, items={"pensil": 1})
    assert reopen().repository.get(ledger_id).stock == {"pensil": 39}


def test_a_pond_past_50_events_loads_from_a_snapshot_with_the_right_cycle(app, reopen):
    app.add_site("masjid-an-nur", kind="mosque", name="Masjid An-Nur")
    app.add_pond("kolam-lele", site="masjid-an-nur", volume_m3=4)  # v1
    app.stock_pond("kolam-lele", species="lele", count=1000, mean_g=5, on=date(2025, 3, 1))  # v2
    for day in range(55):  # v3 … v57: feed every day, a death every fifth day
        on = date.fromordinal(date(2025, 3, 2).toordinal() + day)
        app.feed_pond("kolam-lele", kg=0.5, on=on)
        if day % 5 == 0:
            app.record_deaths("kolam-lele", count=2, on=on)
    fresh = reopen()
    pond_id = Pond.id_for("kolam-lele")
    assert latest_snapshot_version(fresh, pond_id) == 50
    pond = fresh.repository.get(pond_id)
    assert pond.version == 2 + 55 + 11
    cycle = fresh.show_pond("kolam-lele")["open_cycle"]
    assert cycle["fed_kg"] == pytest.approx(27.5)  # 55 × 0.5
    assert (cycle["stocked"], cycle["dead"], cycle["alive"]) == (1000, 22, 978)  # 11 deaths × 2
    assert cycle["started_on"] == "2025-03-01"


def _exchange(work: UnitOfWork, entry_id: UUID, items: dict[str, int], app: EnvTrack):
    stamp = {"operator": app.operator, "on": TODAY}
    return EnvTrack.exchange_in(work, "smpn-6", entry_id, 20 * sum(items.values()), None, items, None, None, stamp)


def test_a_save_that_loses_a_race_is_retried_from_a_fresh_load(app, reopen):
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6")
    app.set_rate("smpn-6", "pensil", bottles=20)
    app.receive_supplies("smpn-6", "pensil", qty=10)
    other = reopen()
    mine = UUID("00000000-0000-4000-8000-00000000000a")
    attempts: list[int] = []

    def command(work: UnitOfWork) -> UUID:
        exchange = _exchange(work, mine, {"pensil": 1}, app)  # loads the ledger …
        attempts.append(len(attempts) + 1)
        if len(attempts) == 1:  # … and another operator saves into it before we do
            other.record_exchange("smpn-6", bottles=40, items={"pensil": 2})
        return work.add(exchange).id

    assert app.run(command) == mine
    assert attempts == [1, 2]
    fresh = reopen()
    assert fresh.repository.get(SupplyLedger.id_for("smpn-6")).stock == {"pensil": 7}  # 10 − 2 − 1
    assert fresh.repository.get(mine).items == {"pensil": 1}


def test_a_command_that_keeps_losing_gives_up_after_its_attempts_and_writes_nothing(app, reopen):
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6")
    app.set_rate("smpn-6", "pensil", bottles=20)
    app.receive_supplies("smpn-6", "pensil", qty=10)
    other = reopen()
    mine = UUID("00000000-0000-4000-8000-00000000000b")

    def command(work: UnitOfWork) -> UUID:
        exchange = _exchange(work, mine, {"pensil": 1}, app)
        other.record_exchange("smpn-6", bottles=20, items={"pensil": 1})
        return work.add(exchange).id

    with pytest.raises(IntegrityError):
        app.run(command, attempts=3)
    fresh = reopen()
    assert fresh.repository.get(SupplyLedger.id_for("smpn-6")).stock == {"pensil": 7}  # only the 3 others
    with pytest.raises(AggregateNotFoundError):
        fresh.repository.get(mine)

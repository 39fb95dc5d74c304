"""Events saved together go into a SQLite store by one ``executemany``: each is given the position
SQLite gives its row, the positions returned are those rows', and an event whose aggregate and
version are in the log already refuses the whole insert."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest
from eventsourcing.domain import Aggregate, event
from eventsourcing.persistence import IntegrityError, StoredEvent

from envtrack.application import EnvTrack
from envtrack.store import resolve
from poison import WASTE_RECORDED, insert_raw


def _event(version: int = 1) -> StoredEvent:
    return StoredEvent(originator_id=uuid4(), originator_version=version, topic="tests:Made", state=b"{}")


@pytest.fixture
def store_app(sqlite_db: str):
    app = EnvTrack(resolve(sqlite_db), operator="tester")
    app.add_site("bank", kind="waste-bank", name="Bank Sampah", on=date(2025, 1, 1))  # position 1
    try:
        yield app
    finally:
        app.close()


def test_events_inserted_together_get_the_positions_their_rows_have(store_app, sqlite_db):
    assert insert_raw(sqlite_db, WASTE_RECORDED, b"{}", position=5) == 5  # 2 to 4 left empty
    events = [_event() for _ in range(3)]
    positions = store_app.recorder.insert_events(events)
    assert list(positions) == [6, 7, 8]  # one more than the largest position, then one each
    stored = store_app.recorder.select_notifications(6, 10)
    assert [(n.id, n.originator_id) for n in stored] == [(6, events[0].originator_id), (7, events[1].originator_id), (8, events[2].originator_id)]
    assert store_app.recorder.max_notification_id() == 8


def test_an_event_already_in_the_log_refuses_the_whole_insert(store_app):
    first = _event()
    assert list(store_app.recorder.insert_events([first])) == [2]
    batch = [_event(), StoredEvent(first.originator_id, 1, "tests:Made", b"{}"), _event()]
    with pytest.raises(IntegrityError):
        store_app.recorder.insert_events(batch)
    assert store_app.recorder.max_notification_id() == 2
    assert store_app.recorder.select_events(batch[0].originator_id) == []
    assert list(store_app.recorder.insert_events([_event(), _event()])) == [3, 4]  # the store goes on


class Thing(Aggregate):
    @event("Renamed")
    def rename(self, name: str) -> None:
        self.name = name


def test_an_application_save_of_several_events_is_told_their_positions(store_app):
    one, other = Thing(), Thing()
    one.rename("a")
    recordings = store_app.save(one, other)  # three events: one's two, then other's
    assert [r.notification.id for r in recordings] == [2, 3, 4]
    stored = store_app.recorder.select_notifications(2, 5)
    assert [(n.originator_id, n.originator_version) for n in stored] == [(one.id, 1), (one.id, 2), (other.id, 1)]

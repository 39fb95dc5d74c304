"""Helpers for the domain tests: replay events and snapshots through the stored JSON form.

Nothing here touches a database: events are encoded exactly as the event store would encode them
(the library's ``Mapper`` with envtrack's transcodings) and decoded back before replay, so a
test catches an ``apply`` that works in memory but fails on a reload.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from eventsourcing.domain import Aggregate
from eventsourcing.persistence import (
    DatetimeAsISO,
    DecimalAsStr,
    JSONTranscoder,
    Mapper,
    UUIDAsHex,
)

from envtrack.application import DateAsISO


def mapper() -> Mapper:
    transcoder = JSONTranscoder()
    for transcoding in (UUIDAsHex(), DecimalAsStr(), DatetimeAsISO(), DateAsISO()):
        transcoder.register(transcoding)
    return Mapper(transcoder=transcoder)


def stored_and_back(event: Any) -> Any:
    codec = mapper()
    return codec.to_domain_event(codec.to_stored_event(event))


def replay(events: list[Any]) -> Any:
    """The aggregate rebuilt from ``events`` after each went through the stored form."""
    aggregate = None
    for event in events:
        aggregate = stored_and_back(event).mutate(aggregate)
    return aggregate


def through_snapshot(aggregate: Aggregate) -> Any:
    """The aggregate rebuilt from a snapshot of it that went through the stored form."""
    snapshot = stored_and_back(type(aggregate).Snapshot.take(aggregate))
    return snapshot.mutate(None)


def state(aggregate: Aggregate) -> dict[str, Any]:
    """What an aggregate knows, without the library's bookkeeping."""
    return {
        key: value
        for key, value in vars(aggregate).items()
        if key not in ("_pending_events", "_modified_on", "_created_on")
    }


def new_id() -> UUID:
    return uuid4()

"""What a store keeps of its sync with other stores: its own id, where each event copied in
came from, and the incoming events held aside by a conflict (the tables the events recorders
write in the transaction of the events themselves)."""

from __future__ import annotations

from typing import NamedTuple
from uuid import UUID

STORE_TABLE = "envtrack_store"
"""One row per fact about the store itself: ``store_id``."""
COPIED_TABLE = "envtrack_copied"
"""One row per event copied in from another store, by its position here (see ``Copy``)."""
HELD_TABLE = "envtrack_held"
"""One row per incoming event held aside by a conflict (see ``Held``)."""
STORE_ID = "store_id"

EXPORTED = "bundle-export"
"""The tracking name under which a store remembers how far its own log was written to bundles
(every other tracking name is the id of a store whose events this one has taken)."""


class Copy(NamedTuple):
    """Where a copied event came from: the store it was taken from, its position there, and the
    store it was first recorded in (the same store, unless that one had copied it too)."""

    source_store: str
    source_position: int
    origin_store: str


class Held(NamedTuple):
    """An incoming event held aside, and the conflict that holds it: the receiver's own event at
    ``conflict_version`` of aggregate ``conflict_id`` differs from the one that came in."""

    source_store: str
    source_position: int
    originator_id: UUID
    originator_version: int
    topic: str
    state: bytes
    origin_store: str
    conflict_id: UUID
    conflict_version: int


__all__ = ["COPIED_TABLE", "EXPORTED", "HELD_TABLE", "STORE_ID", "STORE_TABLE", "Copy", "Held"]

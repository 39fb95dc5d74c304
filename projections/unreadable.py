"""Stored events the read models cannot read: what is kept of each (a dead letter) and why.

An event's state may not be JSON (a damaged disk, an insert by hand), may lack a field a read
model needs, or have one of the wrong shape; ``projections.rows.map_rows`` holds such an event
aside instead of failing the page it is in.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from eventsourcing.utils import TopicError


class UnreadableEvent(NamedTuple):
    """A stored event the read models hold aside (a dead letter): its position and topic, why
    it cannot be read (``undecodable``: its state is not JSON; ``missing_field``: a field the
    projection needs is not there, ``detail`` names it; ``malformed``: a field of the wrong
    shape), and the projection it belonged to."""

    position: int
    topic: str
    reason: str
    detail: str
    projection: str


def why_unreadable(error: Exception) -> tuple[str, str]:
    """(reason, detail) of an event that could not be mapped to rows (or decoded: the library's
    own error says why in its cause)."""
    while error.__cause__ is not None and isinstance(error.__cause__, Exception):
        error = error.__cause__
    if isinstance(error, (UnicodeDecodeError, StopIteration, json.JSONDecodeError)):
        return "undecodable", type(error).__name__
    if isinstance(error, TopicError):
        return "unknown_topic", str(error)[:200]
    if isinstance(error, KeyError) and error.args:
        return "missing_field", str(error.args[0])[:200]
    return "malformed", (str(error) or type(error).__name__)[:200]

"""The log chain: one SHA-256 hash that fixes every stored event up to a log position.

Over the stored events with position ≤ P, in log order (the SQLite ``rowid`` of
``stored_events``, the ``notification_id`` of PostgreSQL's ``envtrack_events``)::

    h_0 = 32 zero bytes
    h_i = SHA-256( h_(i-1) ‖ record_i )
    record_i = "{position}\\n{originator_id}\\n{originator_version}\\n{topic}\\n" (UTF-8) ‖ state

``originator_id`` is the event's aggregate id as 32 lowercase hex digits without dashes (as the
SQLite table stores it; in PostgreSQL ``replace(originator_id::text, '-', '')``), positions and
versions are decimal integers, and ``state`` is the stored bytes of the event, exactly as the
table holds them. The chain head is ``h_n`` in lowercase hex (64 zeros for an empty log). The
same events give the same head on SQLite and on PostgreSQL; editing, removing or inserting any
stored event at or before P changes it, while events recorded after P leave it as it was.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from envtrack.store import LogRow, Store

GENESIS = bytes(32)
_HEX_ID = re.compile("[0-9a-f]{32}")


@dataclass(frozen=True)
class ChainHead:
    position: int  # the position the chain was asked for
    head: str  # h_n, lowercase hex
    events: int  # n: how many stored events it covers
    last_position: int  # position of the newest event covered (0 when none)


def record(position: int, originator_id: UUID | str, version: int, topic: str, state: bytes) -> bytes:
    """The bytes of one stored event as the chain hashes them."""
    return _header(position, originator_id, version, topic) + bytes(state)


def _header(position: int, originator_id: UUID | str, version: int, topic: str) -> bytes:
    return f"{int(position)}\n{_hex(originator_id)}\n{int(version)}\n{topic}\n".encode("utf-8")


def _hex(originator_id: UUID | str) -> str:
    """32 lowercase hex digits: SQLite's stored text as it is when it is already so, else read as a UUID."""
    if originator_id.__class__ is str and _HEX_ID.fullmatch(originator_id):  # type: ignore[arg-type]
        return originator_id  # type: ignore[return-value]
    return originator_id.hex if isinstance(originator_id, UUID) else UUID(str(originator_id)).hex


def extend(head: bytes, rows: Iterable[LogRow]) -> tuple[bytes, int, int]:
    """``head`` chained over ``rows``: (new head, rows hashed, last position). The loop of an
    export's and a verify's chain head over the whole log: one hash object made and fed per event."""
    count = 0
    last = 0
    sha256 = hashlib.sha256
    header = _header
    for position, originator_id, version, topic, state in rows:
        digest = sha256(head)
        digest.update(header(position, originator_id, version, topic))
        digest.update(state)
        head = digest.digest()
        count += 1
        last = position
    return head, count, last


def chain_head(store: Store, upto: int) -> ChainHead:
    """The chain head of the stored events from the start of the log up to ``upto``."""
    head = GENESIS
    events = 0
    last = 0
    for page in store.read_log(upto=upto, raw_ids=True):
        head, count, page_last = extend(head, page)
        events += count
        last = page_last or last
    return ChainHead(position=upto, head=head.hex(), events=events, last_position=last)

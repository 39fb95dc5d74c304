"""Bundles: a store's events in one file, to carry by flash disk or chat, that checks itself.

A bundle is gzip'd JSON lines (``zcat`` and ``jq`` read it). The first line is the header::

    {"after":0,"events":120,"format":"envtrack-bundle","sha256":"…","store_id":"…","upto":120,"version":1,…}

``store_id`` is the store that wrote it; its events are those of its log after position
``after`` up to ``upto`` (its head when written), ``events`` of them, one per line after the
header, in log order::

    {"origin":"…","originator_id":"…","originator_version":1,"position":1,"state":"{…}","topic":"…"}

``state`` is the event's stored JSON as text (byte for byte: ``jq '.state | fromjson'`` reads it)
and ``origin`` the store it was first recorded in. ``sha256`` is the SHA-256 of every line after
the header, as stored (each ending in a line feed), followed by the header without ``sha256``
(keys sorted, no spaces: ``jq -cS 'del(.sha256)'``) and a line feed. A bundle whose gzip stream,
hash, count or positions do not hold is refused whole, naming the file, before anything is
written.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from uuid import UUID

from domain.errors import Refused
from envtrack.sync.holding import Incoming

FORMAT = "envtrack-bundle"
VERSION = 1


@dataclass(frozen=True)
class Header:
    store_id: str
    after: int
    upto: int
    events: int


def write(store_id: str, after: int, upto: int, pages: Iterable[list[Incoming]]) -> tuple[bytes, int]:
    """The bundle's bytes (two gzip members: the header line, then the events) and its count."""
    digest = hashlib.sha256()
    body = io.BytesIO()
    count = 0
    with gzip.GzipFile(fileobj=body, mode="wb", mtime=0) as events:
        for page in pages:
            lines = b"".join(_line(event) for event in page)
            digest.update(lines)
            events.write(lines)
            count += len(page)
    header = {
        "format": FORMAT,
        "version": VERSION,
        "store_id": store_id,
        "after": after,
        "upto": upto,
        "events": count,
        "written_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    digest.update(_canonical(header) + b"\n")
    head = _canonical({**header, "sha256": digest.hexdigest()}) + b"\n"
    return gzip.compress(head, mtime=0) + body.getvalue(), count


def _line(event: Incoming) -> bytes:
    return _canonical({
        "position": event.position,
        "originator_id": str(event.originator_id),
        "originator_version": event.originator_version,
        "topic": event.topic,
        "state": event.state.decode("utf-8"),
        "origin": event.origin,
    }) + b"\n"


def _canonical(value: dict[str, Any]) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def verify(path: str, data: bytes) -> Header:
    """The header of the whole bundle in ``data`` (read from ``path``); for anything else a
    refusal naming the file. A damaged gzip stream is named as such even when a line it garbled
    comes first."""
    lines = _lines(path, data)
    try:
        header = json.loads(next(lines))
    except StopIteration:
        raise Refused("bundle", path, "bundle_empty") from None
    except ValueError:
        for _ in lines:
            pass
        raise Refused("bundle", path, "bundle_no_header") from None
    found = _header(path, header)
    digest = hashlib.sha256()
    count, last, wrong = 0, found.after, None
    for number, line in enumerate(lines, start=2):
        digest.update(line)
        if wrong is not None:
            continue
        try:
            event = _event(path, line, number, check=True)
            if not last < event.position <= found.upto:
                raise Refused("bundle", path, "bundle_out_of_order", line=number, position=event.position)
        except Refused as damage:
            wrong = damage
            continue
        count, last = count + 1, event.position
    if wrong is not None:
        raise wrong
    digest.update(_canonical({k: v for k, v in header.items() if k != "sha256"}) + b"\n")
    if digest.hexdigest() != header["sha256"]:
        raise Refused("bundle", path, "bundle_hash")
    if count != found.events:
        raise Refused("bundle", path, "bundle_count", count=count, events=found.events)
    return found


def pages(path: str, data: bytes, after: int, page_size: int) -> Iterator[list[Incoming]]:
    """The events of a verified bundle after position ``after``, in pages."""
    page: list[Incoming] = []
    lines = _lines(path, data)
    next(lines)
    for number, line in enumerate(lines, start=2):
        event = _event(path, line, number, check=False)
        if event.position > after:
            page.append(event)
            if len(page) == page_size:
                yield page
                page = []
    if page:
        yield page


def _lines(path: str, data: bytes) -> Iterator[bytes]:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            for line in stream:
                if not line.endswith(b"\n"):
                    raise Refused("bundle", path, "bundle_cut_line")
                yield line
    except (OSError, EOFError, zlib.error) as error:
        raise Refused("bundle", path, "bundle_not_gzip", error=str(error)) from None


def _header(path: str, header: Any) -> Header:
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise Refused("bundle", path, "bundle_no_header")
    if header.get("version") != VERSION:
        raise Refused("bundle", path, "bundle_version", version=header.get("version"), known=VERSION)
    try:
        found = Header(str(UUID(header["store_id"])), *(_whole(header[key]) for key in ("after", "upto", "events")))
        assert isinstance(header["sha256"], str)
    except (KeyError, ValueError, TypeError, AssertionError):
        raise Refused("bundle", path, "bundle_incomplete_header") from None
    return found


def _event(path: str, line: bytes, number: int, *, check: bool) -> Incoming:
    """The event of a line; with ``check`` (once, when the bundle is verified), that every field
    is of its kind, its state a JSON object and its topic one of envtrack's events."""
    try:
        item = json.loads(line)
        event = Incoming(
            item["position"], UUID(item["originator_id"]), item["originator_version"], item["topic"],
            item["state"].encode("utf-8"), item["origin"],
        )
        if check:
            _whole(event.position)
            _whole(event.originator_version)
            UUID(event.origin)
            if not isinstance(event.topic, str) or not isinstance(json.loads(event.state), dict):
                raise ValueError
            _resolve(event.topic)
        return event
    except (KeyError, ValueError, TypeError, AttributeError):
        raise Refused("bundle", path, "bundle_not_an_event", line=number) from None


def _whole(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise ValueError(value)
    return value


_TOPICS: dict[str, bool] = {}


def _resolve(topic: str) -> None:
    """Refuses a topic that names no event class of envtrack's domain (nothing else is ever
    imported or made from a bundle)."""
    if topic not in _TOPICS:
        from eventsourcing.domain import DomainEvent
        from eventsourcing.utils import TopicError, resolve_topic

        try:
            found = topic.startswith("domain.") and resolve_topic(topic)
            _TOPICS[topic] = isinstance(found, type) and issubclass(found, DomainEvent)
        except (TopicError, ImportError, AttributeError):
            _TOPICS[topic] = False
    if not _TOPICS[topic]:
        raise ValueError(topic)

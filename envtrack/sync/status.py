"""What a store has taken from each other store, and the conflicts holding events aside.

``status`` gives, per source store, the last source position taken, the events taken and those
held; ``conflicts`` groups held events by the conflict that holds them and shows both events of
each conflict (the one the receiver kept and the one that came in) as the log words them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from envtrack import logview
from envtrack.store import EXPORTED, Held
from envtrack.sync import store_id


def status(app: Any, lang: str = "id") -> dict[str, Any]:
    """``{"store_id", "exported_upto", "sources": [{"store_id", "last_position",
    "events_taken", "events_held", "conflicts"}]}``, sources in store-id order."""
    store = app.store
    tracked = store.tracked()
    exported = tracked.pop(EXPORTED, None)
    counts = store.copied_counts()
    held: dict[str, list[Held]] = defaultdict(list)
    for row in store.held():
        held[row.source_store].append(row)
    return {
        "store_id": store_id(app, "db"),
        "exported_upto": exported,
        "sources": [
            {
                "store_id": source,
                "last_position": tracked.get(source, 0),
                "events_taken": counts.get(source, 0),
                "events_held": len(held[source]),
                "conflicts": conflicts(app, held[source], lang),
            }
            for source in sorted(set(tracked) | set(counts) | set(held))
        ],
    }


def conflicts(app: Any, held: list[Held], lang: str = "id") -> list[dict[str, Any]]:
    """The conflicts behind ``held`` (in the order they came), each with both events."""
    by_conflict: dict[tuple[str, UUID, int], list[Held]] = defaultdict(list)
    for row in held:
        by_conflict[(row.source_store, row.conflict_id, row.conflict_version)].append(row)
    found = []
    for (source, aggregate, version), rows in by_conflict.items():
        kept = app.recorder.select_events(aggregate, gt=version - 1, lte=version)[0]
        incoming = next((r for r in rows if (r.originator_id, r.originator_version) == (aggregate, version)), None)
        if incoming is None:  # held by a conflict of an earlier sync: that event is a row too
            incoming = next(r for r in app.store.held(source) if (r.originator_id, r.originator_version) == (aggregate, version))
        first = app.recorder.select_events(aggregate, lte=1)[0]
        kept_event = _describe(app, kept, first, lang)
        found.append({
            "source_store": source,
            "aggregate": str(aggregate),
            "version": version,
            "record": kept.topic.split(":", 1)[1].split(".", 1)[0],
            "site": kept_event.pop("_site"),
            "entry": kept_event.pop("_entry"),
            "kept": kept_event,
            "incoming": _strip(_describe(app, _stored(incoming), first, lang)),
            "held": len(rows),
            "held_events": [
                {"position": r.source_position, "event": r.topic.split(":", 1)[1], "aggregate": str(r.originator_id),
                 "version": r.originator_version}
                for r in rows
            ],
        })
    return found


def _stored(row: Held) -> StoredEvent:
    return StoredEvent(row.originator_id, row.originator_version, row.topic, row.state)


def _describe(app: Any, stored: StoredEvent, first: StoredEvent, lang: str) -> dict[str, Any]:
    event = app.mapper.to_domain_event(stored)
    origin = event if stored.originator_version == 1 else app.mapper.to_domain_event(first)
    logged = logview.LogEvent(0, event, origin)
    return {
        "event": logged.name,
        "operator": getattr(event, "operator", None),
        "occurred_on": getattr(event, "occurred_on", None),
        "recorded_at": event.timestamp,
        "summary": logview.summary(logged, lang),
        "_site": logged.site,
        "_entry": str(stored.originator_id) if logged.entry_id == stored.originator_id else None,
    }


def _strip(described: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in described.items() if not key.startswith("_")}

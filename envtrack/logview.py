"""The log as people read it: decoded events turned into rows with a one-line summary.

``read`` pages backwards through the notification log (newest first) until it has ``limit``
events (those a ``LogFilter`` keeps, when given: ``envtrack/logfilter.py``), then gives them
oldest first. ``rows`` turns them into plain dicts: position, recorded time, operator, event,
site, entry id, the day it happened (``occurred_on``), summary, and the event's own
fields under ``data``, and for an event copied in from another store the store it was first
recorded in (``origin``). Corrections show old → new per field and the reason; voids show which
entry they voided (kind, short id, what it recorded) and the reason.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from uuid import UUID

from domain.entries import Entry
from envtrack.i18n import label
from envtrack.logfilter import LogFilter
from envtrack.logview_pond import SUMMARIES as POND_SUMMARIES
from envtrack.output import cell

PAGE_SIZE = 500
HIDDEN_FIELDS = ("timestamp", "originator_topic", "originator_id", "originator_version")
TABLE_COLUMNS = ["position", "occurred_on", "recorded_at", "operator", "event", "site", "entry", "summary"]
"""The table's columns: ``occurred_on`` is the day the thing happened (the event's own date),
``entry`` the first 8 characters of the entry id an event belongs to."""


@dataclass(frozen=True)
class LogEvent:
    """One decoded event with its position, and the first event of its aggregate."""

    position: int
    event: Any
    origin: Any
    origin_store: str | None = None
    """The store a copied event was first recorded in (None: recorded here)."""
    topic: str = ""
    unreadable: tuple[str, str] | None = None
    """Why the stored event cannot be read (reason, detail), when it cannot: ``event`` is None."""

    @property
    def name(self) -> str:
        return type(self.event).__qualname__

    @property
    def site(self) -> str | None:
        for source in (self.event, self.origin):
            value = getattr(source, "site", None)
            if isinstance(value, str):
                return value
        if self.name.startswith("Site."):
            return getattr(self.origin, "slug", None)
        return None

    @property
    def entry_id(self) -> UUID | None:
        entry_id = getattr(self.event, "entry_id", None)
        if entry_id is not None:
            return entry_id
        if _is_entry_event(self.origin):
            return self.event.originator_id
        return None


def read(app: Any, *, keep: LogFilter | None = None, limit: int = 50) -> list[LogEvent]:
    """The latest ``limit`` events that ``keep`` keeps (all, without it), oldest first. With a
    filter the log is read back in pages of ``PAGE_SIZE``, and only the topics of its events."""
    keep = keep or LogFilter()
    origins: dict[UUID, Any] = {}
    found: list[LogEvent] = []
    stop = app.recorder.max_notification_id() or 0
    page = max(PAGE_SIZE, limit) if keep.narrows else limit
    topics = keep.topics() or ()
    while stop > 0 and len(found) < limit:
        # where the page's events begin: positions far apart (a gap, one placed at 9·10¹⁸) are
        # stepped over at once, never counted down one by one
        start = app.store.page_start(stop, page)
        if start is None:
            break
        notifications = app.recorder.select_notifications(start, stop - start + 1, stop=stop, topics=topics)
        for notification in reversed(notifications):
            logged = _decoded(app, notification, origins, keep)
            if logged is None:
                continue
            if keep.keeps(logged):
                found.append(logged)
                if len(found) == limit:
                    break
        stop = start - 1
    found.reverse()
    if not found:
        return found
    copies = app.store.copies(found[0].position - 1, found[-1].position)
    return [replace(e, origin_store=copies[e.position].origin_store) if e.position in copies else e for e in found]


def _decoded(app: Any, notification: Any, origins: dict[UUID, Any], keep: LogFilter) -> LogEvent | None:
    """The stored event decoded, or marked unreadable (its state is not JSON, its topic names no
    event class): the log shows it as such and goes on. None for an event that fails the
    filters it can be judged by alone (its aggregate's first event is then never read)."""
    from projections.unreadable import why_unreadable

    try:
        event = app.mapper.to_domain_event(notification)
    except Exception as error:  # noqa: BLE001 - whatever a damaged event raises
        return LogEvent(notification.id, None, None, topic=notification.topic, unreadable=why_unreadable(error))
    if not keep.passes(event):
        return None
    try:
        origin = _origin(app, event, origins)
    except Exception:  # noqa: BLE001 - the first event of its aggregate cannot be read
        origin = None
    return LogEvent(notification.id, event, origin, topic=notification.topic)


def _origin(app: Any, event: Any, cache: dict[UUID, Any]) -> Any:
    """The first event of the event's aggregate (it names the site and what an entry was)."""
    if event.originator_version == 1:
        return event
    key = event.originator_id
    if key not in cache:
        stored = app.recorder.select_events(key, lte=1)
        cache[key] = app.mapper.to_domain_event(stored[0]) if stored else None
    return cache[key]


def _is_entry_event(event: Any) -> bool:
    owner = _owner(event)
    return owner is not None and issubclass(owner, Entry)


def _owner(event: Any) -> type | None:
    """The aggregate class an event class is nested in (``Exchange`` for ``Exchange.Voided``)."""
    module = sys.modules.get(type(event).__module__)
    outer = type(event).__qualname__.rsplit(".", 1)[0]
    owner = getattr(module, outer, None) if module else None
    return owner if isinstance(owner, type) else None


def rows(events: list[LogEvent], lang: str = "id") -> list[dict[str, Any]]:
    return [_row_or_unreadable(logged, lang) for logged in events]


def _row_or_unreadable(logged: LogEvent, lang: str) -> dict[str, Any]:
    """The event's row; an event that cannot be read, or lacks a field its summary shows, as
    an unreadable row."""
    from projections.unreadable import why_unreadable

    if logged.unreadable is None:
        try:
            return row(logged, lang)
        except Exception as error:  # noqa: BLE001 - an event of the right kind with fields missing
            missing = getattr(error, "name", None) if isinstance(error, AttributeError) else None
            reason = ("missing_field", missing) if missing else why_unreadable(error)
            logged = replace(logged, unreadable=reason)
    reason, detail = logged.unreadable or ("malformed", "")
    return {
        "position": logged.position,
        "recorded_at": None,
        "operator": None,
        "event": logged.topic.rpartition(":")[2] or logged.topic,
        "site": None,
        "entry_id": None,
        "occurred_on": None,
        "summary": label("log.unreadable", lang).format(
            reason=label(f"store.reason.{reason}", lang).format(detail=detail)
        ),
        "origin": logged.origin_store,
        "data": {},
    }


def row(logged: LogEvent, lang: str = "id") -> dict[str, Any]:
    event = logged.event
    entry_id = logged.entry_id
    return {
        "position": logged.position,
        "recorded_at": event.timestamp,
        "operator": getattr(event, "operator", None),
        "event": logged.name,
        "site": logged.site,
        "entry_id": None if entry_id is None else str(entry_id),
        "occurred_on": getattr(event, "occurred_on", None),
        "summary": summary(logged, lang),
        "origin": logged.origin_store,
        "data": {key: value for key, value in vars(event).items() if key not in HIDDEN_FIELDS},
    }


def table_columns(rows_: list[dict[str, Any]]) -> list[str]:
    """The table's columns: ``origin`` too when an event shown was copied from another store."""
    return TABLE_COLUMNS + ["origin"] if any(item["origin"] for item in rows_) else TABLE_COLUMNS


def table_rows(rows_: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for the table: recorded time to the second, in UTC; the entry and the origin store by
    the first 8 characters of their ids."""
    shown = []
    for item in rows_:
        recorded = item["recorded_at"]
        origin = (item["origin"] or "")[:8]
        entry = (item["entry_id"] or "")[:8]
        recorded_at = "" if recorded is None else recorded.strftime("%Y-%m-%d %H:%M:%SZ")
        shown.append({**item, "recorded_at": recorded_at, "entry": entry, "origin": origin})
    return shown


# -- summaries -------------------------------------------------------------------------------


def summary(logged: LogEvent, lang: str = "id") -> str:
    event, name = logged.event, logged.name
    kind = name.rsplit(".", 1)[-1]
    if kind == "Voided":
        return _voided(logged, lang)
    if kind == "Corrected":
        return _changes(event.changes, event.previous, lang) + _reason(event, lang)
    describe = SUMMARIES.get(name)
    if describe is None:
        return ", ".join(f"{key}={cell(value, lang)}" for key, value in _fields(event).items())
    return describe(event, lang)


def _fields(event: Any) -> dict[str, Any]:
    return {k: v for k, v in vars(event).items() if k not in HIDDEN_FIELDS + ("operator", "occurred_on")}


def _t(key: str, lang: str, **values: Any) -> str:
    return label(f"log.{key}", lang).format(**{k: _num(v, lang) for k, v in values.items()})


def _num(value: Any, lang: str) -> str:
    """A value as a summary writes it: an id by its first 8 characters, a number in the
    language's marks (``1.250,5`` / ``1,250.5``: a summary is a sentence in that language)."""
    if isinstance(value, UUID):
        return str(value)[:8]
    return cell(value, lang)


def _reason(event: Any, lang: str) -> str:
    return f"; {label('log.reason', lang)}: {event.reason}"


def _changes(changes: dict, previous: dict, lang: str) -> str:
    parts = []
    for field, new in changes.items():
        shown = label("log.field_date", lang) if field == "occurred_on" else _word("field", field, lang)
        if field in ("lat", "lng"):  # degrees as recorded: three decimals would misplace a site
            parts.append(f"{shown} {previous.get(field) if previous.get(field) is not None else '—'} → {new}")
            continue
        parts.append(f"{shown} {_value(previous.get(field), lang)} → {_value(new, lang)}")
    return "; ".join(parts)


def _word(group: str, key: str, lang: str) -> str:
    """A field's or an entry kind's name in ``lang`` (``log.field.population``), else the key."""
    found = label(f"log.{group}.{key}", lang)
    return key if found == f"log.{group}.{key}" else found


def _value(value: Any, lang: str) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return _num(value, lang) if value is not None else "—"


def _voided(logged: LogEvent, lang: str) -> str:
    origin = logged.origin
    owner = _owner(logged.event)
    what = ""
    if origin is not None:
        describe = SUMMARIES.get(type(origin).__qualname__)
        what = describe(origin, lang) if describe else ""
    kind = getattr(owner, "KIND", None)
    shown = logged.name.split(".")[0] if kind is None else _word("kind", kind, lang)
    short = str(logged.event.originator_id)[:8]
    text = _t("voided", lang, kind=shown, entry=short)
    if what:
        text += f" ({what})"
    return text + _reason(logged.event, lang)


def _items(items: dict, lang: str) -> str:
    return ", ".join(f"{cell(qty, lang)} {item}" for item, qty in items.items())


def _site_registered(e: Any, lang: str) -> str:
    text = _t("site_registered", lang, kind=e.kind, name=e.name)
    details = [
        f"{_word('field', key, lang)} {value if key in ('lat', 'lng') else _num(value, lang)}"
        for key, value in (("kelurahan", e.kelurahan), ("kecamatan", e.kecamatan), ("population", e.population),
                           ("lat", e.lat), ("lng", e.lng))
        if value is not None
    ]
    return text + (f" ({', '.join(details)})" if details else "")


def _receipt(e: Any, lang: str) -> str:
    text = _t("receipt", lang, qty=e.qty, item=e.item)
    if e.cost_rp is not None:
        text += f", Rp {cell(e.cost_rp, lang)}"
    if e.source:
        text += ", " + _t("from", lang, source=e.source)
    return text


def _exchange(e: Any, lang: str) -> str:
    text = _t("exchange", lang, bottles=e.bottles, kg=e.weight_kg)
    if e.weight_estimated:
        text += " " + label("log.estimated", lang)
    text += " → " + (_items(e.items, lang) if e.items else label("log.pure_deposit", lang))
    if e.pupil:
        pupil = e.pupil + (f" ({e.pupil_class})" if e.pupil_class else "")
        text += f"; {label('log.pupil', lang)} {pupil}"
    return text


def _handover(e: Any, lang: str) -> str:
    text = _t("handover", lang, kg=e.weight_kg, to=e.to)
    if e.buyer:
        text += f" ({e.buyer})"
    if e.price_rp_per_kg is not None:
        text += f", Rp {cell(e.price_rp_per_kg, lang)}/kg"
    return text


def _pond_added(e: Any, lang: str) -> str:
    text = _t("pond_added", lang, pond=e.slug, volume=e.volume_m3)
    return text + (f", {e.system}" if e.system else "")


def _in_pond(e: Any, text: str) -> str:
    """Entry events name their pond; the pond's own events do not need to."""
    pond = getattr(e, "pond", None)
    return f"{pond}: {text}" if pond else text


def _stocking(e: Any, lang: str) -> str:
    text = _t("stocking", lang, count=e.count, species=e.species)
    text += f", {label('log.mean', lang)} {_num(e.mean_g, lang)} g" if e.mean_g else ""
    return _in_pond(e, text)


def _harvest(e: Any, lang: str) -> str:
    text = _t("harvest", lang, count=e.count, kg=e.kg)
    if getattr(e, "sold_kg", None) is not None:
        text += "; " + _t("sold", lang, kg=e.sold_kg, price=e.price_rp_per_kg)
    if e.final:
        text += "; " + _t("final", lang, written_off=e.written_off)
    return _in_pond(e, text)


def _reversed(e: Any, lang: str) -> str:
    text = _t("reversed", lang, record=_word("kind", e.record, lang), entry=e.entry_id)
    undone = [f"−{cell(e.count, lang)} {label('log.fish', lang)}"] if e.count else []
    if e.kg:
        undone.append(f"−{_num(e.kg, lang)} kg")
    if undone:
        text += ": " + ", ".join(undone)
    return text + ("; " + label("log.reopens", lang) if e.reopens else "")


def _city_set(e: Any, lang: str) -> str:
    """The values a ``city set`` gave, in the order the command takes them."""
    from domain.city import YEAR_FIELDS

    given = [(field, getattr(e, field)) for field in ("name", "province", *YEAR_FIELDS)]
    values = ", ".join(f"{field}={_num(value, lang)}" for field, value in given if value is not None)
    return _t("city_set", lang, year=str(e.year), values=values)


SUMMARIES: dict[str, Callable[[Any, str], str]] = {
    "Site.Registered": _site_registered,
    "Site.Updated": lambda e, lang: _changes(e.changes, e.previous, lang),
    "Site.Closed": lambda e, lang: label("log.site_closed", lang) + _reason(e, lang),
    "SupplyLedger.Opened": lambda e, lang: label("log.ledger_opened", lang),
    "SupplyLedger.RateSet": lambda e, lang: _t("rate_set", lang, item=e.item, bottles=e.bottles),
    "SupplyLedger.StockReceived": lambda e, lang: _t("stock_in", lang, items=f"{cell(e.qty, lang)} {e.item}", entry=e.entry_id),
    "SupplyLedger.ReceiptWithdrawn": lambda e, lang: _t(
        "receipt_withdrawn", lang, items=f"{cell(e.qty, lang)} {e.item}", entry=e.entry_id
    ),
    "SupplyLedger.SuppliesIssued": lambda e, lang: _t("issued", lang, items=_items(e.items, lang), entry=e.entry_id),
    "SupplyLedger.SuppliesReturned": lambda e, lang: _t("returned", lang, items=_items(e.items, lang), entry=e.entry_id),
    "SupplyReceipt.Recorded": _receipt,
    "Exchange.Recorded": _exchange,
    "BottleHandover.Recorded": _handover,
    "Pond.Added": _pond_added,
    "Pond.FishStocked": _stocking,
    "Pond.FishFed": lambda e, lang: _t("feed", lang, kg=e.kg),
    "Pond.FishDied": lambda e, lang: _t("mortality", lang, count=e.count),
    "Pond.FishHarvested": _harvest,
    "Pond.RecordReversed": _reversed,
    "Stocking.Recorded": _stocking,
    "Feeding.Recorded": lambda e, lang: _in_pond(e, _t("feed", lang, kg=e.kg)),
    "WaterInflow.Recorded": lambda e, lang: _in_pond(e, _t("water", lang, liters=e.liters)),
    "Mortality.Recorded": lambda e, lang: _in_pond(e, _t("mortality", lang, count=e.count)),
    "Harvest.Recorded": _harvest,
    "City.Registered": _city_set,
    "City.BasisSet": _city_set,
    "WasteEntry.Recorded": lambda e, lang: _t(
        "waste", lang, category=e.category, kg=e.kg, destination=e.destination, source=e.source
    ),
}
SUMMARIES.update(POND_SUMMARIES)

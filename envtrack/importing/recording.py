"""Turning rows into entries with the application's own domain rules, and a batch of them
into the events of one atomic save.

Rows are built in file order inside one ``UnitOfWork``, through the same domain methods as the
commands (``EnvTrack.waste_in``, ``EnvTrack.exchange_in``, the pond entries' ``record``), so a
school's stock and a pond's fish count see the rows before them. A row's values are first put
to the domain's rule for each value on its own (``check_values``), so that every wrong value of
a row is reported together; the entry is built only from a row whose values all pass.

What the check keeps of a row is its events, encoded for the write (``build_row``). A waste row
changes no other record, so its one event is all there is: the domain's own
``WasteEntry.record`` makes it (same rules, same fields), standing in for the entry class only
so that no aggregate is made from the event (``CreatedEventOnly``), a third of the work.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, CanInitAggregate
from eventsourcing.utils import get_topic

from domain import values as rules
from domain.entries import Entry
from domain.errors import DomainError
from domain.values import CATEGORIES, DESTINATIONS, SOURCES, SPECIES
from domain.ponds import Feeding, Harvest, Mortality, Stocking, WaterInflow
from domain.waste import WasteEntry
from envtrack.application import EnvTrack
from envtrack.importing.rows import Problem, Row
from envtrack.names import Directory
from envtrack.unit_of_work import UnitOfWork

BATCH_ROWS = 1_000
"""Rows checked, and saved, together: one query for the ids present, one atomic save."""

# The domain's field names that a column of another name holds.
FIELD_COLUMNS = {"item": "items", "qty": "items"}


def build_entry(app: EnvTrack, work: UnitOfWork, row: Row, today: date) -> Entry:
    """The entry a row records, built (not saved) by the domain; refusals raise DomainError."""
    data = row.values
    assert row.entry_id is not None
    stamp = _stamp(app, data, today)
    if row.kind == "waste":
        return EnvTrack.waste_in(
            work, data["site"], row.entry_id, data["category"], data["kg"], data["destination"],
            data.get("source"), stamp,
        )
    if row.kind == "exchange":
        return EnvTrack.exchange_in(
            work, data["site"], row.entry_id, data["bottles"], data.get("weight_kg"),
            data.get("items"), data.get("pupil"), data.get("class"), stamp,
        )
    return _pond_entry(work, row.entry_id, data, stamp)


def build_row(app: EnvTrack, work: UnitOfWork, row: Row, today: date) -> Entry | CanInitAggregate[UUID]:
    """What the check keeps of a row: a waste row's created event, as ``EnvTrack.waste_in``
    would create the entry with it; any other row's entry (``build_entry``). Refusals raise
    DomainError."""
    if row.kind != "waste":
        return build_entry(app, work, row, today)
    data = row.values
    stamp = _stamp(app, data, today)
    host = work.site(data["site"], on=stamp["on"])
    source = data.get("source")
    return _RECORD_WASTE(  # type: ignore[no-any-return]
        _WASTE_RECORDED,
        row.entry_id,
        site=host.slug,
        category=data["category"],
        kg=data["kg"],
        destination=data["destination"],
        source=source if source is not None else rules.default_source(host.kind),
        **stamp,
    )


def _stamp(app: EnvTrack, data: dict[str, Any], today: date) -> dict[str, Any]:
    return _checked_stamp(data.get("operator") or app.operator, data["date"], today)


@lru_cache(maxsize=4_096)
def _checked_stamp(operator: str, on: date, today: date) -> dict[str, Any]:
    """Who recorded a row and when it happened, put to their rules (a logbook repeats both:
    each pair is checked once; the dict is only read)."""
    return {"operator": rules.text("operator", operator), "on": rules.occurred_on("date", on, today)}


class CreatedEventOnly:
    """Stands in for an entry class while the class's own ``record`` runs: its ``_create``
    returns the created event the library's ``Aggregate._create`` would construct (the entry's
    id, its first version, a timestamp, the class's topic, and the fields ``record`` gives),
    without making the aggregate from it. Anything else ``record`` asks of the class is the
    class's own."""

    def __init__(self, cls: type[Entry]) -> None:
        self.cls = cls
        self.topic = get_topic(cls)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.cls, name)

    def _create(self, event_class: type[CanInitAggregate[UUID]], *, id: UUID, **kwargs: Any) -> CanInitAggregate[UUID]:  # noqa: A002
        return event_class(  # type: ignore[call-arg]
            originator_id=id,
            originator_version=self.cls.INITIAL_VERSION,
            timestamp=event_class.create_timestamp(),
            originator_topic=self.topic,
            **kwargs,
        )


_WASTE_RECORDED = CreatedEventOnly(WasteEntry)
_RECORD_WASTE = WasteEntry.record.__func__  # type: ignore[attr-defined]


def _pond_entry(work: UnitOfWork, entry_id: UUID, data: dict[str, Any], stamp: dict[str, Any]) -> Entry:
    pond = work.pond(data["pond"], on=stamp["on"])
    action = data["action"]
    if action == "stock":
        return Stocking.record(
            entry_id, pond, species=data["species"], fish=data["count"], mean_g=data.get("mean_g"), **stamp
        )
    if action == "feed":
        return Feeding.record(entry_id, pond, kg=data["kg"], **stamp)
    if action == "water":
        return WaterInflow.record(entry_id, pond, liters=data["liters"], **stamp)
    if action == "mortality":
        return Mortality.record(entry_id, pond, fish=data["count"], **stamp)
    return Harvest.record(
        entry_id,
        pond,
        kg=data["kg"],
        fish=data["count"],
        sold_kg=data.get("sold_kg"),
        price_rp_per_kg=data.get("price_rp_per_kg"),
        final=bool(data.get("final")),
        **stamp,
    )


def problem_of(row: Row, error: DomainError) -> Problem:
    """The refusal of a row, where it points: the column it is about, or the row."""
    return Problem(row.sheet, row.number, _column(row, error.field), error)


def _column(row: Row, field: str) -> str | None:
    """The column a refusal is about (None when it is about the row as a whole)."""
    return row.columns.get(FIELD_COLUMNS.get(field, field))


def check_values(work: UnitOfWork, row: Row, today: date, sites: Directory) -> list[Problem]:
    """Every value of the row the domain's own rules refuse, each on its own (the site or
    pond named must exist too: a site as ``sites`` resolves it, its slug or registered name,
    refused with close slugs as on the command line); what depends on the rows before (stock,
    fish alive), on the site's state or on more than one value is left to ``build_entry``."""
    problems = []
    rules_of = _RULES[row.kind]
    for name, value in row.values.items():
        rule = rules_of.get(name)
        if rule is None and name != "site":
            continue
        try:
            if rule is None:
                sites.site(name, value)
            else:
                rule(work, name, value, today)
        except DomainError as error:
            problems.append(problem_of(row, error))
    return problems


Rule = Callable[[UnitOfWork, str, Any, date], Any]


def _value(rule: Callable[[str, Any], Any]) -> Rule:
    return lambda work, name, value, today: rule(name, value)


def _pond(work: UnitOfWork, name: str, slug: str, today: date) -> None:
    work.pond(slug, open_site=False)


def _date(work: UnitOfWork, name: str, value: date, today: date) -> None:
    rules.occurred_on(name, value, today)


def _items(name: str, items: dict[str, Any]) -> None:
    for item, qty in items.items():
        rules.slug("item", item)
        rules.count("qty", qty)


def _one_of(allowed: tuple[str, ...]) -> Rule:
    return _value(lambda name, value: rules.choice(name, value, allowed))


_OPTIONAL_TEXT = _value(lambda name, value: rules.text(name, value, required=False))
_QUANTITY = _value(rules.quantity)
_COUNT = _value(rules.count)
_COMMON: dict[str, Rule] = {"date": _date, "operator": _OPTIONAL_TEXT}
_RULES: dict[str, dict[str, Rule]] = {
    "waste": {
        **_COMMON,
        "category": _one_of(CATEGORIES),
        "kg": _QUANTITY,
        "destination": _one_of(DESTINATIONS),
        "source": _one_of(SOURCES),
    },
    "exchange": {
        **_COMMON,
        "bottles": _COUNT,
        "weight_kg": _QUANTITY,
        "items": _value(_items),
        "pupil": _OPTIONAL_TEXT,
        "class": _OPTIONAL_TEXT,
    },
    "pond": {
        **_COMMON,
        "pond": _pond,
        "species": _one_of(SPECIES),
        "count": _COUNT,
        "mean_g": _QUANTITY,
        "kg": _QUANTITY,
        "liters": _QUANTITY,
        "sold_kg": _QUANTITY,
        "price_rp_per_kg": _value(rules.rupiah),
    },
}


def batch_events(work: UnitOfWork, built: list[Entry | CanInitAggregate[UUID]]) -> list[Any]:
    """The new events of a batch of rows built in ``work`` (entries, or the created events of
    ``build_row``): each entry's own events, and the events it caused on its school's stock
    ledger or its pond (they carry its entry id)."""
    caused: dict[UUID, list[Any]] = {}
    for aggregate in shared_aggregates(work):
        for event in aggregate.collect_events():
            entry_id = getattr(event, "entry_id", None)
            if entry_id is None:
                raise AssertionError(f"an imported row changed {type(aggregate).__name__} on its own")
            caused.setdefault(entry_id, []).append(event)
    events: list[Any] = []
    for item in built:
        if isinstance(item, Entry):
            events.extend(item.collect_events())
            events.extend(caused.pop(item.id, ()))
        else:
            events.append(item)
    if caused:
        raise AssertionError("events caused by no imported row")
    return events


def shared_aggregates(work: UnitOfWork) -> list[Aggregate]:
    """The ledgers and ponds the rows changed and not yet saved."""
    return [a for a in work.pending() if not isinstance(a, Entry)]

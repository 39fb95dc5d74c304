"""Turning rows into entries with the application's own domain rules, then saving them in
batches.

Every row is built in file order inside one ``UnitOfWork``, through the same domain methods as
the commands (``EnvTrack.waste_in``, ``EnvTrack.exchange_in``, the pond entries' ``record``), so
a school's stock and a pond's fish count see the rows before them. Nothing is saved until every
row has passed; then the new events are saved in batches of rows, each batch one atomic ``save``
holding the rows' entries and the stock or pond events those rows caused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate
from eventsourcing.persistence import PersistenceError

from domain import values as rules
from domain.entries import Entry
from domain.errors import DomainError
from domain.ponds import Feeding, Harvest, Mortality, Stocking, WaterInflow
from envtrack.application import EnvTrack
from envtrack.importing.rows import Problem, Row
from envtrack.unit_of_work import UnitOfWork

BATCH_ROWS = 1_000

# The domain's field names that a column of another name holds.
FIELD_COLUMNS = {"item": "items", "qty": "items"}


def build_entry(app: EnvTrack, work: UnitOfWork, row: Row, today: date) -> Entry:
    """The entry a row records, built (not saved) by the domain; refusals raise DomainError."""
    data = row.values
    assert row.entry_id is not None
    operator = rules.text("operator", data.get("operator") or app.operator)
    stamp = {"operator": operator, "on": rules.occurred_on("date", data["date"], today)}
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


def build_all(app: EnvTrack, rows: list[Row]) -> tuple[UnitOfWork, list[Entry], list[Problem]]:
    """Builds every row in order; a refused row changes nothing and is reported."""
    work = UnitOfWork(app)
    entries: list[Entry] = []
    problems: list[Problem] = []
    today = app.today()
    for row in rows:
        try:
            entries.append(build_entry(app, work, row, today))
        except DomainError as error:
            problems.append(Problem(row.sheet, row.number, _column(row, error.field), error))
    return work, entries, problems


def _column(row: Row, field: str) -> str | None:
    """The column a refusal is about (None when it is about the row as a whole)."""
    return row.columns.get(FIELD_COLUMNS.get(field, field))


def batches(work: UnitOfWork, entries: list[Entry], size: int = BATCH_ROWS) -> Iterator[tuple[int, list[Any]]]:
    """The new events in batches of ``size`` rows: each entry's own events, and the events it
    caused on its school's stock ledger or its pond (they carry its entry id)."""
    caused: dict[UUID, list[Any]] = {}
    for aggregate in work.pending():
        if isinstance(aggregate, Entry):
            continue
        for event in aggregate.collect_events():
            entry_id = getattr(event, "entry_id", None)
            if entry_id is None:
                raise AssertionError(f"an imported row changed {type(aggregate).__name__} on its own")
            caused.setdefault(entry_id, []).append(event)
    for start in range(0, len(entries), size):
        chunk = entries[start : start + size]
        events: list[Any] = []
        for entry in chunk:
            events.extend(entry.collect_events())
            events.extend(caused.pop(entry.id, ()))
        yield len(chunk), events
    if caused:
        raise AssertionError("events caused by no imported row")


def shared_aggregates(work: UnitOfWork) -> list[Aggregate]:
    """The ledgers and ponds the rows changed (snapshotted after a long import)."""
    return [a for a in work.pending() if not isinstance(a, Entry)]


def save_batches(
    app: EnvTrack,
    work: UnitOfWork,
    entries: list[Entry],
    progress: Callable[[int], None] = lambda written: None,
) -> int:
    """Saves the rows' events, one atomic ``save`` per batch; returns the rows written."""
    changed = [a.id for a in shared_aggregates(work)]
    written = 0
    for rows, events in batches(work, entries):
        app.save(*events)
        written += rows
        progress(written)
    for aggregate_id in changed:
        try:
            app.take_snapshot(aggregate_id)
        except PersistenceError:  # a snapshot only speeds later loading; the rows are saved
            pass
    return written

"""Stored events → read-model rows, straight from the stored JSON (no domain objects).

Each handler takes the decoded payload dict of one stored event and records an insert or an
update in a ``Batch``. Dates are stored by the application as ``{"_type_": "date_iso",
"_data_": "YYYY-MM-DD"}`` and UUIDs as ``{"_type_": "uuid_hex", "_data_": hex}``; rows keep the
ISO date string and the hex id. Decoding the JSON once and building plain dicts is what makes a
rebuild fast: the library's decode into event objects costs two to three times the raw read.

Parent-aggregate events (``SupplyLedger.*``, ``Pond.FishStocked`` …) mirror the entries for the
invariants and are not read.
"""

from __future__ import annotations

import json
import json.scanner
from collections.abc import Callable, Iterable
from typing import Any

from eventsourcing.utils import get_topic

from domain.city import City
from domain.ponds import Feeding, Harvest, Mortality, Pond, Stocking, WaterInflow
from domain.sambo import BottleHandover, Exchange, SupplyReceipt
from domain.sites import Site
from domain.waste import WasteEntry
from projections.schema import COLUMNS, PROJECTIONS, TABLES, check_row, check_values
from projections.unreadable import UnreadableEvent, why_unreadable

__all__ = ["COLUMNS", "HANDLERS", "PROJECTIONS", "TABLES", "TOPICS", "Batch", "UnreadableEvent", "map_rows"]

class Batch:
    """Rows to insert and updates to make, in log order, for one page (or a whole replay).

    Rows are lists in the column order of ``TABLES`` (what the driver's ``executemany`` takes).
    An update of a row inserted in the same batch changes that row in place; updates of rows
    from earlier pages are merged per row (later values win, as in the log).
    """

    def __init__(self) -> None:
        self.inserts: dict[str, dict[Any, list[Any]]] = {table: {} for table in TABLES}
        self.updates: dict[tuple[str, str], dict[str, Any]] = {}
        self.unreadable: list[UnreadableEvent] = []
        """Events held aside because they cannot be read (see ``map_rows``), in log order."""

    def insert(self, table: str, key: Any, row: list[Any]) -> None:
        """A new row, once its values are of its columns' types (``check_row``)."""
        check_row(table, row)
        self.inserts[table][key] = row

    def update(self, table: str, key: str, values: dict[str, Any]) -> None:
        check_values(table, values)
        row = self.inserts[table].get(key)
        if row is not None:
            index = COLUMNS[table]
            for column, value in values.items():
                row[index[column]] = value
        else:
            self.updates.setdefault((table, key), {}).update(values)

    def new_rows(self) -> dict[str, list[list[Any]]]:
        """Each table's new rows, in log order."""
        return {table: list(rows.values()) for table, rows in self.inserts.items()}

    def rows(self, table: str) -> list[dict[str, Any]]:
        """A table's inserted rows as dicts (for reading; writing uses the lists)."""
        names = list(COLUMNS[table])
        return [dict(zip(names, row)) for row in self.inserts[table].values()]

    def __len__(self) -> int:
        return sum(len(rows) for rows in self.inserts.values()) + len(self.updates)


Handler = Callable[[Batch, str, int, dict[str, Any]], None]


def _plain(value: Any) -> Any:
    """A transcoded value (date, UUID) as its stored string; anything else unchanged."""
    if isinstance(value, dict) and "_data_" in value:
        return value["_data_"]
    return value


# Each handler builds a row in the column order of TABLES. Each reads every field it needs
# before it changes the batch: an event that lacks one raises and changes nothing.


def _site_registered(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    batch.insert("sites", key, [
        key, position, s["slug"], s["kind"], s["name"], s["kelurahan"], s["kecamatan"],
        s["population"], s["occurred_on"]["_data_"], False, s.get("lat"), s.get("lng"), None,
    ])


def _site_updated(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    columns = ("name", "kelurahan", "kecamatan", "population", "lat", "lng")
    batch.update("sites", key, {k: v for k, v in s["changes"].items() if k in columns})


def _site_closed(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    batch.update("sites", key, {"closed": True, "closed_on": s["occurred_on"]["_data_"]})


def _pond_added(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    batch.insert("ponds", key, [key, position, s["slug"], s["site"], s["volume_m3"], s["system"]])


def _waste_recorded(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    batch.insert("waste", key, [
        key, position, s["site"], s["category"], s["kg"], s["destination"], s["source"],
        s["occurred_on"]["_data_"], False,
    ])


def _waste_corrected(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    columns = ("kg", "category", "destination", "source", "occurred_on")
    batch.update("waste", key, {k: _plain(v) for k, v in s["changes"].items() if k in columns})


def _exchange_recorded(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    row = [
        key, position, s["site"], s["bottles"], s["weight_kg"], s["weight_estimated"], s["pupil"],
        s["pupil_class"], s["occurred_on"]["_data_"], False,
    ]
    issued = [((key, item), [key, position, item, qty]) for item, qty in s["items"].items()]
    for _key, item_row in issued:
        check_row("exchange_items", item_row)
    batch.insert("exchanges", key, row)
    batch.inserts["exchange_items"].update(issued)


def _receipt_recorded(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    batch.insert("receipts", key, [
        key, position, s["site"], s["item"], s["qty"], s["cost_rp"], s["occurred_on"]["_data_"], False,
    ])


def _handover_recorded(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    batch.insert("handovers", key, [
        key, position, s["site"], s["weight_kg"], s["to"], s["buyer"], s["price_rp_per_kg"],
        s["occurred_on"]["_data_"], False,
    ])


def _pond_record(record: str) -> Handler:
    def handler(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
        cycle = s.get("cycle_id")
        batch.insert("pond_records", key, [
            key, position, record, s["site"], s["pond"], None if cycle is None else cycle["_data_"],
            s.get("species"), s.get("count"), s.get("mean_g"), s.get("kg"), s.get("liters"),
            s.get("sold_kg"), s.get("price_rp_per_kg"), bool(s.get("final", False)),
            s.get("written_off", 0), s["occurred_on"]["_data_"], False, s.get("cost_rp"), s.get("feed_type"),
            s.get("cause"),
        ])

    return handler


def _city_set(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    batch.inserts["city"][f"{key}/{position}"] = [
        f"{key}/{position}", position, s["year"], s["name"], s["province"], s["population"],
        s["kg_per_person_day"], s["timbulan_ton"], s["target_pengurangan"], s["target_penanganan"],
        s["target_dikelola"], s["tpa_system"], s["source"],
    ]


def _voided(table: str) -> Handler:
    def handler(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
        batch.update(table, key, {"voided": True})

    return handler


def _handlers() -> dict[str, tuple[str, Handler]]:
    """topic -> (projection, handler)."""
    handlers: dict[str, tuple[str, Handler]] = {
        get_topic(Site.Registered): ("sites", _site_registered),
        get_topic(Site.Updated): ("sites", _site_updated),
        get_topic(Site.Closed): ("sites", _site_closed),
        get_topic(Pond.Added): ("sites", _pond_added),
        get_topic(WasteEntry.Recorded): ("waste", _waste_recorded),
        get_topic(WasteEntry.Corrected): ("waste", _waste_corrected),
        get_topic(WasteEntry.Voided): ("waste", _voided("waste")),
        get_topic(Exchange.Recorded): ("sambo", _exchange_recorded),
        get_topic(Exchange.Voided): ("sambo", _voided("exchanges")),
        get_topic(SupplyReceipt.Recorded): ("sambo", _receipt_recorded),
        get_topic(SupplyReceipt.Voided): ("sambo", _voided("receipts")),
        get_topic(BottleHandover.Recorded): ("sambo", _handover_recorded),
        get_topic(BottleHandover.Voided): ("sambo", _voided("handovers")),
        get_topic(City.Registered): ("city", _city_set),
        get_topic(City.BasisSet): ("city", _city_set),
    }
    for cls, record in (
        (Stocking, "stocking"),
        (Feeding, "feed"),
        (WaterInflow, "water"),
        (Mortality, "mortality"),
        (Harvest, "harvest"),
    ):
        handlers[get_topic(cls.Recorded)] = ("ponds", _pond_record(record))
        handlers[get_topic(cls.Voided)] = ("ponds", _voided("pond_records"))
    return handlers


HANDLERS = _handlers()
TOPICS = sorted(HANDLERS)
FIRST_EVENTS = frozenset(
    get_topic(cls)
    for cls in (Site.Registered, Pond.Added, WasteEntry.Recorded, Exchange.Recorded, SupplyReceipt.Recorded,
                BottleHandover.Recorded, Stocking.Recorded, Feeding.Recorded, WaterInflow.Recorded,
                Mortality.Recorded, Harvest.Recorded)
)
"""Topics that make a record's row: each is its aggregate's first event (version 1), never
another version of it (put in the log by hand, it would make a second row of the same record)."""


_scan = json.scanner.make_scanner(json.JSONDecoder())
"""One stored event's JSON (compact UTF-8, as the library writes it) read as Python values:
``json.loads`` without its encoding detection and whitespace checks."""


def id_hex(originator_id: Any) -> str:
    """An originator id (a UUID, or the hex string SQLite stores) as 32 hex digits."""
    if isinstance(originator_id, str):
        return originator_id.replace("-", "").lower()
    return originator_id.hex


def map_rows(
    batch: Batch,
    log_rows: Iterable[tuple[int, Any, int, str, bytes]],
    positions: dict[str, int] | None = None,
) -> int:
    """Adds the rows of stored events to ``batch``, skipping events a projection has already
    seen (``positions``). Returns the number of events mapped.

    The hot loop of a rebuild: ids that are already hex strings (SQLite's, read raw) are used
    as they are, and the JSON is scanned inline. An event that cannot be read (its state is not
    JSON, or lacks a field, or would make a record's row a second time) changes nothing in
    ``batch`` but its list of ``unreadable`` events.
    """
    handlers = HANDLERS
    scan = _scan
    mapped = 0
    for position, originator_id, version, topic, state in log_rows:
        found = handlers.get(topic)
        if found is None:
            continue
        projection, handler = found
        if positions is not None and position <= positions[projection]:
            continue
        key = originator_id if originator_id.__class__ is str else id_hex(originator_id)
        try:
            if version != 1 and topic in FIRST_EVENTS:
                raise ValueError(f"originator_version = {version}: a record's first event is its version 1")
            handler(batch, key, position, scan(state.decode("utf-8"), 0)[0])
        except Exception as error:  # noqa: BLE001 - whatever an unreadable event raises
            batch.unreadable.append(UnreadableEvent(position, topic, *why_unreadable(error), projection))
            continue
        mapped += 1
    return mapped

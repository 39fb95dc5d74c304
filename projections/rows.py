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

from collections.abc import Callable, Iterable
from typing import Any

from eventsourcing.utils import get_topic

from domain.ponds import Feeding, Harvest, Mortality, Pond, Stocking, WaterInflow
from domain.sambo import BottleHandover, Exchange, SupplyReceipt
from domain.sites import Site
from domain.waste import WasteEntry

# table -> (key column, [(column, type)]); types: str, float, bool, int (never null) and
# int? (a whole number that may be missing: a float column in frames).
TABLES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "sites": (
        "site_id",
        [
            ("site_id", "str"),
            ("position", "int"),
            ("site", "str"),
            ("kind", "str"),
            ("name", "str"),
            ("kelurahan", "str"),
            ("kecamatan", "str"),
            ("population", "int?"),
            ("registered_on", "str"),
            ("closed", "bool"),
        ],
    ),
    "waste": (
        "entry_id",
        [
            ("entry_id", "str"),
            ("position", "int"),
            ("site", "str"),
            ("category", "str"),
            ("kg", "float"),
            ("destination", "str"),
            ("source", "str"),
            ("occurred_on", "str"),
            ("voided", "bool"),
        ],
    ),
    "exchanges": (
        "entry_id",
        [
            ("entry_id", "str"),
            ("position", "int"),
            ("site", "str"),
            ("bottles", "int"),
            ("weight_kg", "float"),
            ("weight_estimated", "bool"),
            ("pupil", "str"),
            ("pupil_class", "str"),
            ("occurred_on", "str"),
            ("voided", "bool"),
        ],
    ),
    "exchange_items": (
        "entry_id",
        [("entry_id", "str"), ("position", "int"), ("item", "str"), ("qty", "int")],
    ),
    "receipts": (
        "entry_id",
        [
            ("entry_id", "str"),
            ("position", "int"),
            ("site", "str"),
            ("item", "str"),
            ("qty", "int"),
            ("cost_rp", "int?"),
            ("occurred_on", "str"),
            ("voided", "bool"),
        ],
    ),
    "handovers": (
        "entry_id",
        [
            ("entry_id", "str"),
            ("position", "int"),
            ("site", "str"),
            ("weight_kg", "float"),
            ("recipient", "str"),
            ("buyer", "str"),
            ("price_rp_per_kg", "int?"),
            ("occurred_on", "str"),
            ("voided", "bool"),
        ],
    ),
    "ponds": (
        "pond_id",
        [
            ("pond_id", "str"),
            ("position", "int"),
            ("pond", "str"),
            ("site", "str"),
            ("volume_m3", "float"),
            ("system", "str"),
        ],
    ),
    "pond_records": (
        "entry_id",
        [
            ("entry_id", "str"),
            ("position", "int"),
            ("record", "str"),
            ("site", "str"),
            ("pond", "str"),
            ("cycle_id", "str"),
            ("species", "str"),
            ("count", "int?"),
            ("mean_g", "float"),
            ("kg", "float"),
            ("liters", "float"),
            ("sold_kg", "float"),
            ("price_rp_per_kg", "int?"),
            ("final", "bool"),
            ("written_off", "int"),
            ("occurred_on", "str"),
            ("voided", "bool"),
        ],
    ),
}

# projection -> the tables it writes (each projection tracks its own log position)
PROJECTIONS: dict[str, tuple[str, ...]] = {
    "sites": ("sites", "ponds"),
    "waste": ("waste",),
    "sambo": ("exchanges", "exchange_items", "receipts", "handovers"),
    "ponds": ("pond_records",),
}


class Batch:
    """Rows to insert and updates to make, in log order, for one page (or a whole replay).

    An update of a row inserted in the same batch changes that row in place; updates of rows
    from earlier pages are merged per row (later values win, as in the log).
    """

    def __init__(self) -> None:
        self.inserts: dict[str, dict[Any, dict[str, Any]]] = {table: {} for table in TABLES}
        self.updates: dict[tuple[str, str], dict[str, Any]] = {}

    def insert(self, table: str, key: Any, row: dict[str, Any]) -> None:
        self.inserts[table][key] = row

    def update(self, table: str, key: str, values: dict[str, Any]) -> None:
        row = self.inserts[table].get(key)
        if row is not None:
            row.update(values)
        else:
            self.updates.setdefault((table, key), {}).update(values)

    def __len__(self) -> int:
        return sum(len(rows) for rows in self.inserts.values()) + len(self.updates)


Handler = Callable[[Batch, str, int, dict[str, Any]], None]


def _date(value: dict[str, str]) -> str:
    return value["_data_"]


def _plain(value: Any) -> Any:
    """A transcoded value (date, UUID) as its stored string; anything else unchanged."""
    if isinstance(value, dict) and "_data_" in value:
        return value["_data_"]
    return value


def _site_registered(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    batch.insert(
        "sites",
        key,
        {
            "site_id": key,
            "position": position,
            "site": s["slug"],
            "kind": s["kind"],
            "name": s["name"],
            "kelurahan": s["kelurahan"],
            "kecamatan": s["kecamatan"],
            "population": s["population"],
            "registered_on": _date(s["occurred_on"]),
            "closed": False,
        },
    )


def _site_updated(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    columns = ("name", "kelurahan", "kecamatan", "population")
    batch.update("sites", key, {k: v for k, v in s["changes"].items() if k in columns})


def _site_closed(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    batch.update("sites", key, {"closed": True})


def _pond_added(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    batch.insert(
        "ponds",
        key,
        {
            "pond_id": key,
            "position": position,
            "pond": s["slug"],
            "site": s["site"],
            "volume_m3": s["volume_m3"],
            "system": s["system"],
        },
    )


def _waste_recorded(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    batch.insert(
        "waste",
        key,
        {
            "entry_id": key,
            "position": position,
            "site": s["site"],
            "category": s["category"],
            "kg": s["kg"],
            "destination": s["destination"],
            "source": s["source"],
            "occurred_on": _date(s["occurred_on"]),
            "voided": False,
        },
    )


def _waste_corrected(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    columns = ("kg", "category", "destination", "source", "occurred_on")
    batch.update("waste", key, {k: _plain(v) for k, v in s["changes"].items() if k in columns})


def _exchange_recorded(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    batch.insert(
        "exchanges",
        key,
        {
            "entry_id": key,
            "position": position,
            "site": s["site"],
            "bottles": s["bottles"],
            "weight_kg": s["weight_kg"],
            "weight_estimated": s["weight_estimated"],
            "pupil": s["pupil"],
            "pupil_class": s["pupil_class"],
            "occurred_on": _date(s["occurred_on"]),
            "voided": False,
        },
    )
    for item, qty in s["items"].items():
        batch.insert(
            "exchange_items",
            (key, item),
            {"entry_id": key, "position": position, "item": item, "qty": qty},
        )


def _receipt_recorded(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    batch.insert(
        "receipts",
        key,
        {
            "entry_id": key,
            "position": position,
            "site": s["site"],
            "item": s["item"],
            "qty": s["qty"],
            "cost_rp": s["cost_rp"],
            "occurred_on": _date(s["occurred_on"]),
            "voided": False,
        },
    )


def _handover_recorded(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
    batch.insert(
        "handovers",
        key,
        {
            "entry_id": key,
            "position": position,
            "site": s["site"],
            "weight_kg": s["weight_kg"],
            "recipient": s["to"],
            "buyer": s["buyer"],
            "price_rp_per_kg": s["price_rp_per_kg"],
            "occurred_on": _date(s["occurred_on"]),
            "voided": False,
        },
    )


def _pond_record(record: str) -> Handler:
    def handler(batch: Batch, key: str, position: int, s: dict[str, Any]) -> None:
        cycle = s.get("cycle_id")
        batch.insert(
            "pond_records",
            key,
            {
                "entry_id": key,
                "position": position,
                "record": record,
                "site": s["site"],
                "pond": s["pond"],
                "cycle_id": None if cycle is None else cycle["_data_"],
                "species": s.get("species"),
                "count": s.get("count"),
                "mean_g": s.get("mean_g"),
                "kg": s.get("kg"),
                "liters": s.get("liters"),
                "sold_kg": s.get("sold_kg"),
                "price_rp_per_kg": s.get("price_rp_per_kg"),
                "final": bool(s.get("final", False)),
                "written_off": s.get("written_off", 0),
                "occurred_on": _date(s["occurred_on"]),
                "voided": False,
            },
        )

    return handler


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


def id_hex(originator_id: Any) -> str:
    """An originator id (a UUID, or the hex string SQLite stores) as 32 hex digits."""
    if isinstance(originator_id, str):
        return originator_id.replace("-", "").lower()
    return originator_id.hex


def map_rows(
    batch: Batch,
    log_rows: Iterable[tuple[int, Any, int, str, bytes]],
    positions: dict[str, int] | None = None,
    loads: Callable[[bytes], Any] | None = None,
) -> int:
    """Adds the rows of stored events to ``batch``, skipping events a projection has already
    seen (``positions``). Returns the number of events mapped."""
    import json

    decode = loads or json.loads
    handlers = HANDLERS
    mapped = 0
    for position, originator_id, _version, topic, state in log_rows:
        found = handlers.get(topic)
        if found is None:
            continue
        projection, handler = found
        if positions is not None and position <= positions[projection]:
            continue
        handler(batch, id_hex(originator_id), position, decode(state))
        mapped += 1
    return mapped

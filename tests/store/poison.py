"""Events no envtrack would write, put straight into a store's events table by SQL: what an
operator with INSERT on the table (or a damaged disk) can leave in the log."""

from __future__ import annotations

import json
import uuid

from envtrack.store import resolve

WASTE_RECORDED = "domain.waste:WasteEntry.Recorded"


def insert_raw(
    db: str, topic: str, state: bytes, *, position: int | None = None, originator: uuid.UUID | None = None,
    version: int = 1,
) -> int:
    """Inserts one stored event (of a new aggregate, unless ``originator`` is given); returns
    its position."""
    store = resolve(db)
    originator = originator or uuid.uuid4()
    if store.backend == "sqlite":
        import sqlite3

        with sqlite3.connect(store.sqlite_path) as conn:
            columns, values = "originator_id, originator_version, topic, state", [originator.hex, version, topic, state]
            if position is not None:
                columns, values = f"rowid, {columns}", [position, *values]
            cursor = conn.execute(f"INSERT INTO stored_events ({columns}) VALUES ({', '.join('?' * len(values))})", values)
            return int(cursor.lastrowid)
    import psycopg

    with psycopg.connect(**store.psycopg_conninfo(), autocommit=True) as conn:  # type: ignore[arg-type]
        columns, values = "originator_id, originator_version, topic, state", [originator, version, topic, state]
        if position is not None:
            columns, values = f"notification_id, {columns}", [position, *values]
        row = conn.execute(
            f"INSERT INTO {store.events_table} ({columns}) VALUES ({', '.join(['%s'] * len(values))}) RETURNING notification_id",
            values,
        ).fetchone()
        return int(row[0])


def stored_state(db: str, position: int) -> dict:
    """The JSON state of the event at ``position``."""
    for page in resolve(db).read_log(after=position - 1, upto=position):
        return json.loads(page[0][4])
    raise LookupError(position)


def without(state: dict, field: str) -> bytes:
    return json.dumps({key: value for key, value in state.items() if key != field}, separators=(",", ":")).encode()

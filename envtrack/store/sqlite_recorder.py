"""The SQLite events recorder: the library's process recorder, with envtrack's own tables.

The library's ``SQLiteProcessRecorder`` inserts events and a tracking record (the last position
taken from another store) in one transaction. This subclass makes, beside the library's tables,
the store's id (``envtrack_store``: a UUID made once, when the tables are made, or on the first
open of a store made before there were ids) and the tables of events copied in and of events held
aside (``envtrack_copied``, ``envtrack_held``), and writes their rows in that same transaction.

Events saved together are inserted by one ``executemany`` (``ManyAtOnce``) instead of the
library's one ``execute`` each: the same statement, the same table, the positions SQLite gives
them, and the same refusal of an aggregate version the log holds already (the primary key).

Loaded by topic (``APPLICATION_RECORDER_TOPIC``, a setting of ``SQLiteStore.event_store_env``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor, SQLiteProcessRecorder

from envtrack.store.copies import COPIED_TABLE, HELD_TABLE, STORE_ID, STORE_TABLE, Copy, Held


class ManyAtOnce(SQLiteApplicationRecorder):
    """The library's application recorder, its events inserted by one ``executemany``.

    The library inserts event by event to read each one's rowid (its position in the log).
    Inside the insert's transaction this connection alone writes (SQLite's write lock is held
    from the first insert to the commit), and a new row's rowid is one more than the largest in
    the table; so the rows of one ``executemany`` have consecutive positions, the last of them
    ``last_insert_rowid()``."""

    def _insert_events(self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int] | None:
        if len(stored_events) < 2:
            return super()._insert_events(c, stored_events, **kwargs)
        c.executemany(
            self.insert_events_statement,
            [
                (s.originator_id.hex if isinstance(s.originator_id, UUID) else s.originator_id, s.originator_version, s.topic, s.state)
                for s in stored_events
            ],
        )
        c.execute("SELECT last_insert_rowid()")
        last = c.fetchone()[0]
        return list(range(last - len(stored_events) + 1, last + 1))


class EventsRecorder(SQLiteProcessRecorder, ManyAtOnce):
    """Events, tracking, copies and held events, each insert in one transaction."""

    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            f"CREATE TABLE IF NOT EXISTS {STORE_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            f"CREATE TABLE IF NOT EXISTS {COPIED_TABLE} (position INTEGER PRIMARY KEY, "
            "source_store TEXT NOT NULL, source_position INTEGER NOT NULL, origin_store TEXT NOT NULL)",
            f"CREATE INDEX IF NOT EXISTS {COPIED_TABLE}_source ON {COPIED_TABLE} (source_store, source_position)",
            f"CREATE TABLE IF NOT EXISTS {HELD_TABLE} (source_store TEXT NOT NULL, "
            "source_position INTEGER NOT NULL, originator_id TEXT NOT NULL, originator_version INTEGER NOT NULL, "
            "topic TEXT NOT NULL, state BLOB NOT NULL, origin_store TEXT NOT NULL, conflict_id TEXT NOT NULL, "
            "conflict_version INTEGER NOT NULL, PRIMARY KEY (source_store, source_position)) WITHOUT ROWID",
        ]

    def _create_table(self, c: SQLiteCursor) -> None:
        super()._create_table(c)
        c.execute(f"SELECT 1 FROM {STORE_TABLE} WHERE key = ?", (STORE_ID,))
        if c.fetchone() is None:  # only a read when the id is there: opening stays read-only
            c.execute(f"INSERT INTO {STORE_TABLE} (key, value) VALUES (?, ?)", (STORE_ID, str(uuid4())))

    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        positions = super()._insert_events(c, stored_events, **kwargs)
        copied: Sequence[Copy] = kwargs.get("copied") or ()
        if copied:
            assert positions is not None and len(positions) == len(copied)
            c.executemany(
                f"INSERT INTO {COPIED_TABLE} VALUES (?, ?, ?, ?)",
                [(position, *copy) for position, copy in zip(positions, copied)],
            )
        held: Sequence[Held] = kwargs.get("held") or ()
        if held:
            c.executemany(f"INSERT INTO {HELD_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [_row(h) for h in held])
        return positions


def _row(held: Held) -> tuple[Any, ...]:
    return tuple(value.hex if isinstance(value, UUID) else value for value in held)

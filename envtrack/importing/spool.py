"""The rows that passed the check, batch by batch, with the stored events built from them, kept
in an anonymous temporary file (removed however the import ends) rather than in memory.

Each batch is two records: its events as the store takes them (the application's ``Mapper``
encoded them once, when the rows were checked) with the entry ids of its rows, then its rows.
Writing as checked reads only the events; writing again against a store that changed reads the
rows of the batches still to write (``rows_of``), found by their offsets.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from typing import IO
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from envtrack.importing.rows import Row


@dataclass
class Batch:
    """What a batch of rows writes: its entry ids (in file order) and its stored events."""

    ids: list[UUID]
    events: list[StoredEvent]


class Spool:
    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.offsets: list[tuple[int, int]] = []  # where each batch's events and rows begin
        self.rows = 0

    def add(self, rows: list[Row], events: list[StoredEvent]) -> None:
        self.add_encoded(*self.encoded(rows, events))

    @staticmethod
    def encoded(rows: list[Row], events: list[StoredEvent]) -> tuple[bytes, bytes, int]:
        """A batch as the file keeps it: its ids and events, its rows, and how many rows."""
        # ids as integers: pickled and made again in C, where a UUID object costs Python calls
        stored = [(e.originator_id.int, e.originator_version, e.topic, e.state) for e in events]  # type: ignore[union-attr]
        kept = [(r.sheet, r.number, r.kind, r.values, r.columns, r.entry_id.int) for r in rows]  # type: ignore[union-attr]
        return (
            pickle.dumps(([r.entry_id.int for r in rows], stored), protocol=pickle.HIGHEST_PROTOCOL),  # type: ignore[union-attr]
            pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL),
            len(rows),
        )

    def add_encoded(self, events: bytes, rows: bytes, count: int) -> None:
        """Adds a batch made by ``encoded``."""
        file = self.file
        at = file.tell()
        file.write(events)
        self.offsets.append((at, at + len(events)))
        file.write(rows)
        self.rows += count

    def __len__(self) -> int:
        return len(self.offsets)

    def batch(self, number: int) -> Batch:
        """The ids and stored events of batch ``number``."""
        self.file.seek(self.offsets[number][0])
        ids, stored = pickle.load(self.file)  # noqa: S301 - our own file, written just before
        entries = {id_: UUID(int=id_) for id_ in ids}  # an entry's first event has its id
        return Batch(
            list(entries.values()),
            [StoredEvent(entries.get(id_) or UUID(int=id_), version, topic, state) for id_, version, topic, state in stored],
        )

    def rows_of(self, number: int) -> list[Row]:
        """The rows of batch ``number``, to be built again."""
        self.file.seek(self.offsets[number][1])
        kept = pickle.load(self.file)  # noqa: S301 - our own file, written just before
        return [Row(sheet, n, kind, values, columns, UUID(int=id_)) for sheet, n, kind, values, columns, id_ in kept]


__all__ = ["Batch", "Spool"]

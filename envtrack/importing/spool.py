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
        # ids as integers: pickled and made again in C, where a UUID object costs Python calls
        file = self.file
        at = file.tell()
        stored = [(e.originator_id.int, e.originator_version, e.topic, e.state) for e in events]  # type: ignore[union-attr]
        pickle.dump(([r.entry_id.int for r in rows], stored), file, protocol=pickle.HIGHEST_PROTOCOL)  # type: ignore[union-attr]
        rows_at = file.tell()
        kept = [(r.sheet, r.number, r.kind, r.values, r.columns, r.entry_id.int) for r in rows]  # type: ignore[union-attr]
        pickle.dump(kept, file, protocol=pickle.HIGHEST_PROTOCOL)
        self.offsets.append((at, rows_at))
        self.rows += len(rows)

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

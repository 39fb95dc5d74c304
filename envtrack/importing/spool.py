"""The rows that passed the check, batch by batch, with the stored events built from them, kept
in an anonymous temporary file (removed however the import ends) rather than in memory.

Each batch is two records: its events as the store takes them (the application's ``Mapper``
encoded them once, when the rows were checked) with the entry ids of its rows, then its rows.
Writing as checked reads only the events; writing again against a store that changed reads the
rows from some batch on (``rows_from``), skipping the rest by their offsets.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
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
        file = self.file
        at = file.tell()
        stored = [(e.originator_id.bytes, e.originator_version, e.topic, e.state) for e in events]  # type: ignore[union-attr]
        pickle.dump(([r.entry_id.bytes for r in rows], stored), file, protocol=pickle.HIGHEST_PROTOCOL)  # type: ignore[union-attr]
        rows_at = file.tell()
        kept = [(r.sheet, r.number, r.kind, r.values, r.columns, r.entry_id.bytes) for r in rows]  # type: ignore[union-attr]
        pickle.dump(kept, file, protocol=pickle.HIGHEST_PROTOCOL)
        self.offsets.append((at, rows_at))
        self.rows += len(rows)

    def __len__(self) -> int:
        return len(self.offsets)

    def batch(self, number: int) -> Batch:
        """The ids and stored events of batch ``number``."""
        self.file.seek(self.offsets[number][0])
        ids, stored = pickle.load(self.file)  # noqa: S301 - our own file, written just before
        return Batch(
            [UUID(bytes=id_) for id_ in ids],
            [StoredEvent(UUID(bytes=id_), version, topic, state) for id_, version, topic, state in stored],
        )

    def rows_of(self, number: int) -> list[Row]:
        """The rows of batch ``number``, to be built again."""
        self.file.seek(self.offsets[number][1])
        kept = pickle.load(self.file)  # noqa: S301 - our own file, written just before
        return [Row(sheet, n, kind, values, columns, UUID(bytes=id_)) for sheet, n, kind, values, columns, id_ in kept]

    def rows_from(self, number: int) -> Iterator[list[Row]]:
        for each in range(number, len(self.offsets)):
            yield self.rows_of(each)


__all__ = ["Batch", "Spool"]

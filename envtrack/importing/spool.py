"""The rows that passed the check, batch by batch, with the stored events built from them, kept
in an anonymous temporary file (removed however the import ends) rather than in memory.

Each batch is two records: its events as the store takes them (the application's mapper
encoded them once, when the rows were checked) with the entry ids of its rows as printed, then
its rows. Writing as checked reads only the events; writing again against a store that changed
reads the rows of the batches still to write (``rows_of``), found by their offsets.

Ids are kept as text: the hex text an events table holds on SQLite, whose recorder is then
given it as it is, and the id as printed, so that writing makes no ``UUID`` object but where the
recorder needs one (PostgreSQL's).
"""
from __future__ import annotations

import pickle
from dataclasses import dataclass
from typing import IO, Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from envtrack.importing.rows import Row


@dataclass
class Batch:
    """What a batch of rows writes: its entry ids as printed (in file order) and its stored
    events."""

    ids: list[str]
    events: list[StoredEvent]


class Spool:
    def __init__(self, file: IO[bytes], *, hex_ids: bool) -> None:
        """``hex_ids``: the recorder takes an event's originator id as its hex text."""
        self.file = file
        self.hex_ids = hex_ids
        self.offsets: list[tuple[int, int]] = []  # where each batch's events and rows begin
        self.counts: list[int] = []  # each batch's rows
        self.rows = 0

    def add(self, rows: list[Row], events: list[StoredEvent]) -> None:
        self.add_encoded(*self.encoded(rows, events))

    @staticmethod
    def encoded(rows: list[Row], events: list[StoredEvent]) -> tuple[bytes, bytes, int]:
        """A batch as the file keeps it: its ids and events, its rows, and how many rows."""
        stored = [(e.originator_id.hex, e.originator_version, e.topic, e.state) for e in events]  # type: ignore[union-attr]
        kept = plain_rows(rows)
        return (
            pickle.dumps(([str(r.entry_id) for r in rows], stored), protocol=pickle.HIGHEST_PROTOCOL),
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
        self.counts.append(count)
        self.rows += count

    def end_of_insert(self, first: int, most: int) -> int:
        """The batch after the last of those from ``first`` on that one insert of ``most`` rows at
        most takes (at least ``first`` itself)."""
        end, rows = first + 1, self.counts[first]
        while end < len(self.counts) and rows + self.counts[end] <= most:
            rows += self.counts[end]
            end += 1
        return end

    def __len__(self) -> int:
        return len(self.offsets)

    def batch(self, number: int) -> Batch:
        """The ids and stored events of batch ``number``."""
        self.file.seek(self.offsets[number][0])
        ids, stored = pickle.load(self.file)  # noqa: S301 - our own file, written just before
        if self.hex_ids:
            return Batch(ids, [StoredEvent(*event) for event in stored])
        return Batch(ids, [StoredEvent(UUID(hex_id), version, topic, state) for hex_id, version, topic, state in stored])

    def rows_of(self, number: int) -> list[Row]:
        """The rows of batch ``number``, to be built again."""
        self.file.seek(self.offsets[number][1])
        kept = pickle.load(self.file)  # noqa: S301 - our own file, written just before
        return rows_again(kept)


def plain_rows(rows: list[Row]) -> list[tuple[Any, ...]]:
    """Rows as tuples, their ids as integers: pickled and read back in C, where a ``Row`` or a
    ``UUID`` costs Python calls."""
    return [(r.sheet, r.number, r.kind, r.values, r.columns, r.entry_id.int) for r in rows]  # type: ignore[union-attr]


def rows_again(kept: list[tuple[Any, ...]]) -> list[Row]:
    """The rows of ``plain_rows``."""
    return [Row(sheet, n, kind, values, columns, UUID(int=id_)) for sheet, n, kind, values, columns, id_ in kept]


__all__ = ["Batch", "Spool", "plain_rows", "rows_again"]

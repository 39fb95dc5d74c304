"""The import's temporary file: batches kept and read back as they were, and grouped into inserts
of at most so many rows."""

from __future__ import annotations

import tempfile
from uuid import NAMESPACE_URL, uuid5

from eventsourcing.persistence import StoredEvent

from envtrack.importing.rows import Row
from envtrack.importing.spool import Spool


def _batch(first: int, count: int) -> tuple[list[Row], list[StoredEvent]]:
    rows = [Row(None, n, "waste", {"kg": 1.5}, {}, uuid5(NAMESPACE_URL, str(n))) for n in range(first, first + count)]
    return rows, [StoredEvent(row.entry_id, 1, "domain.waste:WasteEntry.Recorded", b"{}") for row in rows]  # type: ignore[arg-type]


def test_batches_are_read_back_with_their_ids_as_the_recorder_takes_them():
    for hex_ids in (True, False):
        with tempfile.TemporaryFile() as file:
            spool = Spool(file, hex_ids=hex_ids)
            rows, events = _batch(0, 3)
            spool.add(rows, events)
            spool.add(*_batch(3, 2))
            back = spool.batch(0)
            assert back.ids == [str(row.entry_id) for row in rows]
            expected = [e.originator_id.hex if hex_ids else e.originator_id for e in events]  # type: ignore[union-attr]
            assert [e.originator_id for e in back.events] == expected
            assert [r.entry_id for r in spool.rows_of(1)] == [uuid5(NAMESPACE_URL, str(n)) for n in (3, 4)]


def test_an_insert_takes_whole_batches_up_to_its_rows():
    with tempfile.TemporaryFile() as file:
        spool = Spool(file, hex_ids=True)
        first = 0
        for count in (1000, 1000, 1500, 500, 3000):
            spool.add(*_batch(first, count))
            first += count
        assert spool.end_of_insert(0, 2500) == 2  # 1,000 + 1,000; 1,500 more would be 3,500
        assert spool.end_of_insert(2, 2500) == 4  # 1,500 + 500
        assert spool.end_of_insert(4, 2500) == 5  # a batch larger than an insert goes alone
        assert spool.end_of_insert(0, 10_000) == 5

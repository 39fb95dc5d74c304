"""Spreadsheet import: paper logbooks kept as CSV or XLSX, brought into the event log.

``import_file`` reads a file once, in batches of ``BATCH_ROWS`` rows, and writes what it read
from a temporary file, so that its memory is bounded by a batch, not by the file:

1. **Check** (``checking.py``). Every row is read, converted, given its entry id (from its
   fingerprint) and, unless an earlier import wrote it already (one query per batch), built
   with the domain in file order, so that stock and fish counts follow the rows (a waste
   logbook's rows by a forked child while the next are read: ``forked.py``). The events of the
   rows that passed are encoded (``encoding.py``) and kept with the rows in an anonymous
   temporary file (``spool.py``; removed however the import ends), not in memory; the first
   ``PROBLEMS_SHOWN`` problems are kept, the rest counted.
2. **Write.** Only when no row is wrong, atomic inserts of about a tenth of the file each (at
   most the store's ``most_inserted_together`` rows): the events as checked, handed to the
   application's recorder as long as nothing else has written to the store since the check
   began. Once another process has (the log's head moved), or a save lost a race (another
   process saved into a stock ledger or a pond first, or the same rows), the rows are built
   again against the store as it is now and saved: the write starts again (``retrying``), the
   batches saved so far found present, the rest built against the fresh state.

Rows already imported are recognised by id and never written twice.
"""

from __future__ import annotations

import gc
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from eventsourcing.persistence import PersistenceError

from domain.errors import DomainError
from envtrack.application import EnvTrack
from envtrack.importing import checking
from envtrack.importing.checking import Checked, Progress, check_file
from envtrack.importing.columns import KINDS, template
from envtrack.importing.recording import batch_events, build_entry, problem_of, shared_aggregates
from envtrack.importing.rows import PROBLEMS_SHOWN, Counts, Problems
from envtrack.importing.spool import Spool
from envtrack.unit_of_work import UnitOfWork, retrying

PROGRESS_FROM_ROWS = 5_000
"""Files with at least this many rows report progress (about ten lines while writing)."""
YOUNG_COLLECTED_AFTER = 100_000
"""While importing, the garbage collector looks at new objects once this many more have been
made than freed (700 by default)."""

Written = Callable[[list[str]], None]
"""``written(ids)``: the entry ids of a batch just saved, as printed."""


@dataclass
class ImportResult:
    rows_read: int
    written: int
    already_present: int
    counts: Counts = field(default_factory=Counts)
    dry_run: bool = False


class ImportRefused(Exception):
    """Some rows are wrong: ``problems`` lists the first ``PROBLEMS_SHOWN`` in file order,
    ``more`` counts the rest, ``bad_rows`` the rows with any. ``written`` rows were saved
    before (only when the store changed between checking and writing); otherwise nothing."""

    def __init__(self, found: Problems, counts: Counts, written: int = 0) -> None:
        super().__init__(f"{found.bad_rows} bad rows")
        self.problems = found.shown
        self.more = found.more
        self.bad_rows = found.bad_rows
        self.counts = counts
        self.rows_read = counts.read
        self.written = written


def import_file(
    app: EnvTrack,
    path: str,
    *,
    kind: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    written: Written | None = None,
) -> ImportResult:
    """Imports a logbook; raises ``ImportRefused`` (nothing written) when any row is wrong."""
    with tempfile.TemporaryFile() as file, _fewer_collections():
        spool = None if dry_run else Spool(file, hex_ids=app.store.ids_as_hex)
        checked = check_file(app, path, kind, spool, progress)
        read = checked.counts.read
        report = progress if progress is not None and read >= PROGRESS_FROM_ROWS else None
        if report and read % checking.CHECKED_EVERY:
            report("checked", read, read)
        if checked.problems:
            raise ImportRefused(checked.problems, checked.counts)
        if spool is None:
            return ImportResult(read, checked.to_write, checked.present, checked.counts, dry_run=True)
        writer = _Writer(app, spool, checked, report, written)
        retrying(writer.attempt)
        return ImportResult(read, writer.written, checked.present + writer.others, checked.counts)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """The cyclic garbage collector run less often while importing: each row makes a dozen
    short-lived containers, for which it would run every few rows and walk every object the
    batch holds. Cycles are still collected."""
    thresholds = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTED_AFTER, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


class _Writer:
    """The second pass: the spooled batches saved, whole batches to an atomic insert; tried again
    when a save loses a race. While nothing but this import has written to the store since the check
    began (its head is where this import left it), each batch's events are inserted as they
    were built when checked, through the application's recorder (which numbers them and
    refuses an event whose aggregate and version are in the log already: a lost race). Once
    anything else has written, or after a lost race, the rows are built again against the store
    as it is now, those found present skipped. ``written`` counts the rows this import saved,
    ``others`` the kept rows another process saved meanwhile."""

    def __init__(self, app: EnvTrack, spool: Spool, checked: Checked, report: Progress | None, written: Written | None) -> None:
        self.app, self.spool, self.checked, self.report, self.on_written = app, spool, checked, report, written
        self.saved: list[int] = []  # rows this import saved, by batch
        self.written = 0
        self.others = 0
        self.first = True

    def attempt(self, last: bool) -> None:
        app, spool, total = self.app, self.spool, self.spool.rows
        as_checked, self.first = self.first, False
        head = self.checked.head
        work = UnitOfWork(app)
        today = app.today()
        most = max(1, min(app.store.most_inserted_together, total // 10))  # rows an insert
        step = max(1, total // 10)  # rows written between two reports
        done = number = reported = 0
        changed: set[UUID] = set(self.checked.changed)
        self.others = 0
        while number < len(spool):
            if as_checked and app.recorder.max_notification_id() != head:
                as_checked = False  # another process wrote since the check: build again
            if as_checked:
                batches = [spool.batch(n) for n in range(number, spool.end_of_insert(number, most))]
                head = max(app.recorder.insert_events([event for batch in batches for event in batch.events]))  # type: ignore[arg-type]
                ids = [entry_id for batch in batches for entry_id in batch.ids]
                for batch in batches:
                    self._saved(number, len(batch.ids))
                    number += 1
                rows = len(ids)
            else:
                ids, rows = self._build_again(work, today, number, changed)
                self._saved(number, len(ids))
                number += 1
            if ids and self.on_written is not None:
                self.on_written(ids)
            done += rows
            if self.report and ids and (done // step > reported // step or done == total):
                self.report("written", done, total)
                reported = done
        self.written = sum(self.saved)
        for aggregate_id in changed:
            try:
                app.take_snapshot(aggregate_id)
            except PersistenceError:  # a snapshot only speeds later loading; the rows are saved
                pass

    def _saved(self, number: int, rows: int) -> None:
        if number == len(self.saved):
            self.saved.append(rows)
        else:
            self.saved[number] += rows

    def _build_again(self, work: UnitOfWork, today: Any, number: int, changed: set[UUID]) -> tuple[list[str], int]:
        """Batch ``number``'s rows not in the store yet, built against it and saved; returns
        their ids and how many rows the batch has."""
        app = self.app
        rows = self.spool.rows_of(number)
        present = app.store.existing_ids([row.entry_id for row in rows])  # type: ignore[misc]
        ours = self.saved[number] if number < len(self.saved) else 0
        self.others += len(present) - ours
        entries, found = [], Problems()
        for row in rows:
            if row.entry_id not in present:
                try:
                    entries.append(build_entry(app, work, row, today))
                except DomainError as error:
                    found.add_row([problem_of(row, error)])
        if found:  # the store changed since the check
            raise ImportRefused(found, self.checked.counts, written=sum(self.saved))
        changed.update(aggregate.id for aggregate in shared_aggregates(work))
        if entries:
            app.save(*batch_events(work, entries))
        return [str(entry.id) for entry in entries], len(rows)


__all__ = [
    "KINDS",
    "PROBLEMS_SHOWN",
    "Counts",
    "ImportRefused",
    "ImportResult",
    "import_file",
    "template",
]

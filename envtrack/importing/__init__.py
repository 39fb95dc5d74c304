"""Spreadsheet import: paper logbooks kept as CSV or XLSX, brought into the event log.

``import_file`` reads a file once, in batches of ``BATCH_ROWS`` rows, and writes what it read
from a temporary file, so that its memory is bounded by a batch, not by the file:

1. **Check.** Every row is read, converted, given its entry id (from its fingerprint) and,
   unless an earlier import wrote it already (one query per batch), built with the domain in
   file order, so that stock and fish counts follow the rows. The events of the rows that
   passed are encoded by the application's ``Mapper`` (with orjson writing its JSON:
   ``encoding.py``) and kept with the rows in an anonymous
   temporary file (``spool.py``; removed however the import ends), not in memory; the first
   ``PROBLEMS_SHOWN`` problems are kept, the rest counted.
2. **Write.** Only when no row is wrong, one atomic insert per batch: the events as checked,
   handed to the application's recorder as long as nothing else has written to the store
   since the check began. Once another process has (the log's head moved), or a save lost a
   race (another process saved into a stock ledger or a pond first, or the same rows), the
   rows are built again against the store as it is now and saved: the write starts again
   (``retrying``), the batches saved so far found present, the rest built against the fresh
   state.

Rows already imported are recognised by id and never written twice.
"""

from __future__ import annotations

import gc
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any
from uuid import UUID

from eventsourcing.domain import CanInitAggregate
from eventsourcing.persistence import PersistenceError, StoredEvent

from domain.entries import Entry
from domain.errors import DomainError
from envtrack.application import EnvTrack
from envtrack.importing.columns import KINDS, template
from envtrack.importing.encoding import fast_mapper
from envtrack.importing.ids import EntryIds
from envtrack.importing.reading import open_logbook
from envtrack.importing.recording import (
    BATCH_ROWS,
    batch_events,
    build_entry,
    build_row,
    check_values,
    problem_of,
    shared_aggregates,
)
from envtrack.importing.rows import PROBLEMS_SHOWN, Counts, Problem, Problems, Row, read_sheet
from envtrack.importing.spool import Spool
from envtrack.names import Directory
from envtrack.unit_of_work import UnitOfWork, retrying

PROGRESS_FROM_ROWS = 5_000
"""Files with at least this many rows report progress (about ten lines while writing)."""
CHECKED_EVERY = 100_000
"""While checking, progress is reported every this many rows (the total is not known yet)."""

INSERTED_TOGETHER = 10
"""Batches of checked events written in one atomic insert, at most: about a tenth of the file
each (so that progress is still reported about ten times), up to 10,000 rows. Each insert is
one commit, synced to disk: 10 instead of 100 for 100,000 rows, and each still short (tens of
milliseconds) for other writers."""

YOUNG_COLLECTED_AFTER = 100_000
"""While importing, the garbage collector looks at new objects once this many more have been
made than freed (700 by default)."""

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: stage is ``checked`` or ``written``."""

Written = Callable[[list[UUID]], None]
"""``written(ids)``: the entry ids of a batch just saved."""

Built = Entry | CanInitAggregate[UUID]
"""What the check builds of a row (``build_row``)."""


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


@dataclass
class Checked:
    """What the check found: how many rows to write (in the spool) and how many the store held
    already; the head of the log when the check began, and the records the rows change beside
    their own entries (a school's stock ledger, a pond)."""

    counts: Counts
    problems: Problems
    head: int | None
    to_write: int = 0
    present: int = 0
    changed: set[UUID] = field(default_factory=set)


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
        spool = None if dry_run else Spool(file)
        checked = check_file(app, path, kind, spool, progress)
        read = checked.counts.read
        report = progress if progress is not None and read >= PROGRESS_FROM_ROWS else None
        if report and read % CHECKED_EVERY:
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


def check_file(
    app: EnvTrack, path: str, kind: str | None, spool: Spool | None, progress: Progress | None = None
) -> Checked:
    """The first pass: every row read and checked; those to write, and their stored events, put
    in ``spool`` in batches of at least ``BATCH_ROWS`` (only while no row is wrong; none for a
    dry run)."""
    checked = Checked(Counts(), Problems(), head=app.recorder.max_notification_id())
    ids = EntryIds()
    work = UnitOfWork(app)
    names = Directory(app.store)  # one per import: each name looked up once
    today = app.today()
    encoded = fast_mapper(app.mapper).to_stored_event
    kept: list[Row] = []
    events: list[StoredEvent] = []
    reported = 0  # rows checked when progress was last reported
    with open_logbook(path) as sheets:
        for sheet in sheets:
            for batch in _batches(read_sheet(sheet, kind, checked.counts)):
                good, entries = _check_batch(app, work, today, batch, ids, names, checked)
                if progress is not None and reported // CHECKED_EVERY < checked.counts.read // CHECKED_EVERY:
                    reported = checked.counts.read // CHECKED_EVERY * CHECKED_EVERY
                    progress("checked", reported, 0)
                if checked.problems or spool is None:  # nothing will be written: nothing to keep
                    kept.clear()
                    events.clear()
                    for aggregate in shared_aggregates(work):
                        aggregate.collect_events()  # their state is what counts now
                    continue
                checked.changed.update(aggregate.id for aggregate in shared_aggregates(work))
                kept.extend(good)
                events.extend(map(encoded, batch_events(work, entries)))
                if len(kept) >= BATCH_ROWS:
                    spool.add(kept, events)
                    kept, events = [], []
    if kept and spool is not None:
        spool.add(kept, events)
    return checked


def _batches(items: Iterator[tuple[Row | None, list[Problem]]]) -> Iterator[list[tuple[Row | None, list[Problem]]]]:
    while batch := list(islice(items, BATCH_ROWS)):
        yield batch


def _check_batch(
    app: EnvTrack,
    work: UnitOfWork,
    today: Any,
    batch: list[tuple[Row | None, list[Problem]]],
    ids: EntryIds,
    names: Directory,
    checked: Checked,
) -> tuple[list[Row], list[Built]]:
    """The batch's rows that are new and pass, in order, and what was built from them; the
    problems of the others noted."""
    unknown: set[int] = set()  # rows whose site is no site's name: they cannot be built
    for row, _ in batch:
        if row is not None:
            if "site" in row.values:
                try:
                    row.values["site"] = names.site("site", row.values["site"])
                except DomainError:  # left as written: check_values refuses it in its column
                    unknown.add(id(row))
            row.entry_id = ids(row.kind, row.values)
    present = app.store.existing_ids([row.entry_id for row, _ in batch if row is not None])  # type: ignore[misc]
    good: list[Row] = []
    entries: list[Built] = []
    for row, problems in batch:
        if row is not None and not problems and row.entry_id in present:
            checked.present += 1
            continue
        if row is not None:
            entry, found = _built(app, work, today, row, problems, names, id(row) not in unknown)
            problems.extend(found)
        if problems or row is None:
            checked.problems.add_row(problems)
        else:
            good.append(row)
            entries.append(entry)  # type: ignore[arg-type]
            checked.to_write += 1
    return good, entries


def _built(
    app: EnvTrack, work: UnitOfWork, today: Any, row: Row, found: list[Problem], sites: Directory, site_known: bool
) -> tuple[Built | None, list[Problem]]:
    """What a row records, built by the domain (``build_row``), or what the domain refuses in it (beyond
    the ``found`` problems of its cells): when it cannot be built, or its cells had problems
    already, or its site is none that ``sites`` knows, each of its values is put to its rule
    on its own, so that every wrong value is reported at once."""
    if not found and site_known:
        try:
            return build_row(app, work, row, today), []
        except DomainError as error:
            refused = problem_of(row, error)
    else:
        refused = None
    problems = check_values(work, row, today, sites)
    if refused is not None and not any(_same(refused, p) for p in problems):
        problems.append(refused)
    return None, problems


def _same(one: Problem, other: Problem) -> bool:
    return (one.reason.field, one.reason.code, one.column) == (other.reason.field, other.reason.code, other.column)


class _Writer:
    """The second pass: the spooled batches saved one atomic insert each; tried again when a
    save loses a race. While nothing but this import has written to the store since the check
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
        together = max(1, min(INSERTED_TOGETHER, total // (BATCH_ROWS * 10)))
        step = BATCH_ROWS * max(1, total // (BATCH_ROWS * 10))
        done = number = 0
        changed: set[UUID] = set(self.checked.changed)
        self.others = 0
        while number < len(spool):
            if as_checked and app.recorder.max_notification_id() != head:
                as_checked = False  # another process wrote since the check: build again
            if as_checked:
                batches = [spool.batch(n) for n in range(number, min(len(spool), number + together))]
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
            if self.report and ids and (done % step == 0 or done == total):
                self.report("written", done, total)
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

    def _build_again(self, work: UnitOfWork, today: Any, number: int, changed: set[UUID]) -> tuple[list[UUID], int]:
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
        return [entry.id for entry in entries], len(rows)


__all__ = [
    "KINDS",
    "PROBLEMS_SHOWN",
    "Counts",
    "ImportRefused",
    "ImportResult",
    "import_file",
    "template",
]

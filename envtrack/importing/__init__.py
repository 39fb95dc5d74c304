"""Spreadsheet import: paper logbooks kept as CSV or XLSX, brought into the event log.

``import_file`` reads a file twice over, in batches of ``BATCH_ROWS`` rows, so that its memory
is bounded by a batch, not by the file:

1. **Check.** Every row is read, converted, given its entry id (from its fingerprint) and,
   unless an earlier import wrote it already (one query per batch), checked with the domain in
   file order, so that stock and fish counts follow the rows. The rows that passed are kept in
   an anonymous temporary file (removed however the import ends), not in memory; the first
   ``PROBLEMS_SHOWN`` problems are kept, the rest counted.
2. **Write.** Only when no row is wrong: the kept rows are built again against the store as it
   is now, one atomic save per batch. Another process changing a stock ledger or a pond
   meanwhile makes a save fail: the write starts again (``retrying``), the batches saved so far
   found present, the rest built against the fresh state.

Rows already imported are recognised by id and never written twice.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import IO, Any
from uuid import UUID

from eventsourcing.persistence import PersistenceError

from domain.errors import DomainError
from envtrack.application import EnvTrack
from envtrack.importing.columns import KINDS, template
from envtrack.importing.ids import EntryIds
from envtrack.importing.reading import open_logbook
from envtrack.importing.recording import (
    BATCH_ROWS,
    batch_events,
    build_entry,
    check_values,
    problem_of,
    shared_aggregates,
)
from envtrack.importing.rows import PROBLEMS_SHOWN, Counts, Problem, Problems, Row, read_sheet
from envtrack.names import Directory
from envtrack.unit_of_work import UnitOfWork, retrying

PROGRESS_FROM_ROWS = 5_000
"""Files with at least this many rows report progress (about ten lines while writing)."""
CHECKED_EVERY = 100_000
"""While checking, progress is reported every this many rows (the total is not known yet)."""

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: stage is ``checked`` or ``written``."""

Written = Callable[[list[UUID]], None]
"""``written(ids)``: the entry ids of a batch just saved."""


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
    """What the check found: the rows to write (in ``spool``), how many, and how many the store
    held already."""

    counts: Counts
    problems: Problems
    to_write: int = 0
    present: int = 0


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
    with tempfile.TemporaryFile() as spool:
        checked = check_file(app, path, kind, spool, progress)
        read = checked.counts.read
        report = progress if progress is not None and read >= PROGRESS_FROM_ROWS else None
        if report and read % CHECKED_EVERY:
            report("checked", read, read)
        if checked.problems:
            raise ImportRefused(checked.problems, checked.counts)
        if dry_run:
            return ImportResult(read, checked.to_write, checked.present, checked.counts, dry_run=True)
        writer = _Writer(app, spool, checked, report, written)
        retrying(writer.attempt)
        return ImportResult(read, writer.written, checked.present + writer.others, checked.counts)


def check_file(
    app: EnvTrack, path: str, kind: str | None, spool: IO[bytes], progress: Progress | None = None
) -> Checked:
    """The first pass: every row read and checked; those to write pickled into ``spool`` in
    batches of ``BATCH_ROWS`` (only while no row is wrong)."""
    checked = Checked(Counts(), Problems())
    ids = EntryIds()
    work = UnitOfWork(app)
    names = Directory(app.store)  # one per import: each name looked up once
    today = app.today()
    kept: list[Row] = []
    reported = 0  # rows checked when progress was last reported
    with open_logbook(path) as sheets:
        for sheet in sheets:
            for batch in _batches(read_sheet(sheet, kind, checked.counts)):
                kept.extend(_check_batch(app, work, today, batch, ids, names, checked))
                if progress is not None and reported // CHECKED_EVERY < checked.counts.read // CHECKED_EVERY:
                    reported = checked.counts.read // CHECKED_EVERY * CHECKED_EVERY
                    progress("checked", reported, 0)
                if checked.problems:
                    kept.clear()  # nothing will be written: nothing to keep
                while len(kept) >= BATCH_ROWS:
                    _dump(spool, kept[:BATCH_ROWS])
                    del kept[:BATCH_ROWS]
    if kept:
        _dump(spool, kept)
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
) -> list[Row]:
    """The batch's rows that are new and pass, in order; the problems of the others noted."""
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
    for row, problems in batch:
        if row is not None and not problems and row.entry_id in present:
            checked.present += 1
            continue
        if row is not None:
            problems.extend(_row_problems(app, work, today, row, problems, names, id(row) not in unknown))
        checked.problems.add_row(problems)
        if row is not None and not problems:
            good.append(row)
            checked.to_write += 1
    for aggregate in shared_aggregates(work):
        aggregate.collect_events()  # their state is what counts here; the events are made again
    return good


def _row_problems(
    app: EnvTrack, work: UnitOfWork, today: Any, row: Row, found: list[Problem], sites: Directory, site_known: bool
) -> list[Problem]:
    """What the domain refuses in a row (beyond the ``found`` problems of its cells): the row is
    built, then dropped (it is built again when written); when it cannot be, or its cells had
    problems already, or its site is none that ``sites`` knows, each of its values is put to its
    rule on its own, so that every wrong value is reported at once."""
    if not found and site_known:
        try:
            build_entry(app, work, row, today)
            return []
        except DomainError as error:
            refused = problem_of(row, error)
    else:
        refused = None
    problems = check_values(work, row, today, sites)
    if refused is not None and not any(_same(refused, p) for p in problems):
        problems.append(refused)
    return problems


def _same(one: Problem, other: Problem) -> bool:
    return (one.reason.field, one.reason.code, one.column) == (other.reason.field, other.reason.code, other.column)


def _dump(spool: IO[bytes], rows: list[Row]) -> None:
    pickle.dump(
        [(r.sheet, r.number, r.kind, r.values, r.columns, r.entry_id.bytes) for r in rows],  # type: ignore[union-attr]
        spool,
        protocol=pickle.HIGHEST_PROTOCOL,
    )


def _load(spool: IO[bytes]) -> Iterator[list[Row]]:
    spool.seek(0)
    while True:
        try:
            kept = pickle.load(spool)  # noqa: S301 - our own file, written just before
        except EOFError:
            return
        yield [Row(sheet, number, kind, values, columns, UUID(bytes=id_)) for sheet, number, kind, values, columns, id_ in kept]


class _Writer:
    """The second pass: the kept rows saved batch by batch; tried again when a save loses a
    race. ``written`` counts the rows this import saved, ``others`` the kept rows another
    process saved meanwhile."""

    def __init__(self, app: EnvTrack, spool: IO[bytes], checked: Checked, report: Progress | None, written: Written | None) -> None:
        self.app, self.spool, self.checked, self.report, self.on_written = app, spool, checked, report, written
        self.saved: list[int] = []  # rows this import saved, by batch
        self.written = 0
        self.others = 0

    def attempt(self, last: bool) -> None:
        app, total = self.app, self.checked.to_write
        work = UnitOfWork(app)
        today = app.today()
        step = BATCH_ROWS * max(1, total // (BATCH_ROWS * 10))
        done = 0
        changed: set[UUID] = set()
        self.others = 0
        for number, rows in enumerate(_load(self.spool)):
            present = app.store.existing_ids([row.entry_id for row in rows])  # type: ignore[misc]
            ours = self.saved[number] if number < len(self.saved) else 0
            self.others += len(present) - ours
            todo = [row for row in rows if row.entry_id not in present]
            entries, found = [], Problems()
            for row in todo:
                try:
                    entries.append(build_entry(app, work, row, today))
                except DomainError as error:
                    found.add_row([problem_of(row, error)])
            if found:  # the store changed since the check
                raise ImportRefused(found, self.checked.counts, written=sum(self.saved))
            changed.update(aggregate.id for aggregate in shared_aggregates(work))
            if entries:
                app.save(*batch_events(work, entries))
            if number == len(self.saved):
                self.saved.append(len(entries))
            else:
                self.saved[number] += len(entries)
            if entries and self.on_written is not None:
                self.on_written([entry.id for entry in entries])
            done += len(rows)
            if self.report and entries and (done % step == 0 or done == total):
                self.report("written", done, total)
        self.written = sum(self.saved)
        for aggregate_id in changed:
            try:
                app.take_snapshot(aggregate_id)
            except PersistenceError:  # a snapshot only speeds later loading; the rows are saved
                pass


__all__ = [
    "KINDS",
    "PROBLEMS_SHOWN",
    "Counts",
    "ImportRefused",
    "ImportResult",
    "import_file",
    "template",
]

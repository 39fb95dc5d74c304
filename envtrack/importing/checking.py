"""The first pass of an import: every row read, converted, given its entry id and, unless an
earlier import wrote it already (one query per batch), built with the domain in file order, so
that stock and fish counts follow the rows. The events of the rows that pass are encoded by the
application's ``Mapper`` (with orjson writing its JSON: ``encoding.py``) and kept with the rows in
the import's temporary file (``spool.py``), not in memory; the first ``PROBLEMS_SHOWN`` problems
are kept, the rest counted. A waste logbook's rows are built by a forked child while the next
ones are read (``forked.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any
from uuid import UUID

from eventsourcing.domain import CanInitAggregate
from eventsourcing.persistence import StoredEvent

from domain.entries import Entry
from domain.errors import DomainError
from envtrack.application import EnvTrack
from envtrack.importing.encoding import fast_mapper
from envtrack.importing.forked import Builder, Encoded, can_fork
from envtrack.importing.ids import EntryIds
from envtrack.importing.reading import open_logbook
from envtrack.importing.recording import (
    BATCH_ROWS,
    batch_events,
    build_row,
    check_values,
    problem_of,
    shared_aggregates,
)
from envtrack.importing.rows import Counts, Problem, Problems, Row, read_sheet
from envtrack.importing.spool import Spool
from envtrack.names import Directory
from envtrack.unit_of_work import UnitOfWork

CHECKED_EVERY = 100_000
"""While checking, progress is reported every this many rows (the total is not known yet)."""

CHUNK_BATCHES = 10
"""Batches of a waste logbook sent to the forked builder at a time (10,000 rows): while it
builds them, the import reads and prepares as many more."""

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: stage is ``checked`` or ``written``."""

Built = Entry | CanInitAggregate[UUID]
"""What the check builds of a row (``build_row``)."""


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


def check_file(
    app: EnvTrack, path: str, kind: str | None, spool: Spool | None, progress: Progress | None = None
) -> Checked:
    """The first pass: every row read and checked; those to write, and their stored events, put
    in ``spool`` a batch at a time (only while no row is wrong; none for a dry run)."""
    check = _Check(app, spool)
    counts = check.checked.counts
    reported = 0  # rows checked when progress was last reported
    try:
        with open_logbook(path) as sheets:
            for sheet in sheets:
                for batch in _batches(read_sheet(sheet, kind, counts)):
                    check.add(batch)
                    if progress is not None and reported // CHECKED_EVERY < counts.read // CHECKED_EVERY:
                        reported = counts.read // CHECKED_EVERY * CHECKED_EVERY
                        progress("checked", reported, 0)
        check.finish()
    finally:
        check.close()
    return check.checked


def _batches(items: Iterator[tuple[Row | None, list[Problem]]]) -> Iterator[list[tuple[Row | None, list[Problem]]]]:
    while batch := list(islice(items, BATCH_ROWS)):
        yield batch


class _Check:
    """The check, batch by batch, in file order. Each batch's rows are given their ids and looked
    up in the store here; they are then built, by the domain, here, or (a waste logbook's rows,
    ``CHUNK_BATCHES`` batches at a time) by a forked child while the next batches are read
    (``forked.py``); what the child answers is kept in file order, and a chunk it gave up on is
    built here."""

    def __init__(self, app: EnvTrack, spool: Spool | None) -> None:
        self.app, self.spool = app, spool
        self.checked = Checked(Counts(), Problems(), head=app.recorder.max_notification_id())
        self.ids = EntryIds()
        self.work = UnitOfWork(app)
        self.names = Directory(app.store)  # one per import: each name looked up once
        self.today = app.today()
        self.encode = fast_mapper(app.mapper).to_stored_event
        self.kept: list[Row] = []
        self.events: list[StoredEvent] = []
        self.forking = spool is not None and can_fork()
        self.builder: Builder | None = None
        self.sent: set[str] = set()  # the sites the builder has been sent
        self.chunk: list[list[Row]] = []  # waste batches gathered for the builder
        self.asked: list[list[Row]] | None = None  # the chunk the builder is building

    def add(self, batch: list[tuple[Row | None, list[Problem]]]) -> None:
        todo, unknown = self._prepare(batch)
        if not todo:  # every row in the store already
            return
        if self.forking and self._buildable_anywhere(todo, unknown):
            self.chunk.append([row for row, _ in todo])  # type: ignore[misc]
            if len(self.chunk) == CHUNK_BATCHES:
                self._take_answer()
                self._ask(self.chunk)
                self.chunk = []
            return
        self.finish_chunks()
        self._build(todo, unknown)

    def finish_chunks(self) -> None:
        """The batches handed to the builder, or gathered for it, built and kept, in order."""
        self._take_answer()
        self._build_here(self.chunk)
        self.chunk = []

    def finish(self) -> None:
        self.finish_chunks()
        if self.kept and self.spool is not None:
            self.spool.add(self.kept, self.events)
            self.kept, self.events = [], []

    def close(self) -> None:
        if self.builder is not None:
            self.builder.close()
            self.builder = None

    def _ask(self, chunk: list[list[Row]]) -> None:
        """The chunk sent to the builder (forked now if not yet), or built here if it is gone."""
        if self.builder is None:
            self.builder = Builder(self._encoded, self.work.know)
        slugs = {row.values["site"] for rows in chunk for row in rows} - self.sent
        sites = [self.work.site(slug, open_only=False) for slug in slugs]
        if self.builder.send(sites, chunk):
            self.sent |= slugs
            self.asked = chunk
            return
        self.forking = False
        self._build_here(chunk)

    def _prepare(self, batch: list[tuple[Row | None, list[Problem]]]) -> tuple[list[tuple[Row | None, list[Problem]]], set[int]]:
        """The batch's rows given their sites and ids; those the store holds already counted and
        left out; the rest returned, with the ids of the rows whose site is no site's name
        (they cannot be built)."""
        names, checked = self.names, self.checked
        unknown: set[int] = set()
        for row, _ in batch:
            if row is not None:
                if "site" in row.values:
                    try:
                        row.values["site"] = names.site("site", row.values["site"])
                    except DomainError:  # left as written: check_values refuses it in its column
                        unknown.add(id(row))
                row.entry_id = self.ids(row.kind, row.values)
        present = self.app.store.existing_ids([row.entry_id for row, _ in batch if row is not None])  # type: ignore[misc]
        todo = []
        for row, problems in batch:
            if row is not None and not problems and row.entry_id in present:
                checked.present += 1
            else:
                todo.append((row, problems))
        return todo, unknown

    def _buildable_anywhere(self, todo: list[tuple[Row | None, list[Problem]]], unknown: set[int]) -> bool:
        """Whether the rows can be built by a child: waste rows without a problem so far, whose
        sites are loaded (a child reads nothing from the store)."""
        for row, problems in todo:
            if row is None or problems or row.kind != "waste" or id(row) in unknown:
                return False
        for slug in {row.values["site"] for row, _ in todo}:  # type: ignore[union-attr]
            try:
                self.work.site(slug, open_only=False)
            except DomainError:
                return False
        return True

    def _encoded(self, rows: list[Row]) -> Encoded:
        """What the spool keeps of a batch of waste rows, built (in a child)."""
        app, work, today = self.app, self.work, self.today
        entries = [build_row(app, work, row, today) for row in rows]
        return Spool.encoded(rows, list(map(self.encode, batch_events(work, entries))))

    def _take_answer(self) -> None:
        """The builder's answer to the chunk it was sent kept (or, if it gave up, the chunk built
        here)."""
        if self.asked is None:
            return
        chunk, self.asked = self.asked, None
        answer = self.builder.answer()  # type: ignore[union-attr]
        if answer is None:
            self.forking = not self.builder.gone  # type: ignore[union-attr]
            self._build_here(chunk)
            return
        checked, spool = self.checked, self.spool
        for events, rows, count in answer:
            checked.to_write += count
            if not checked.problems and spool is not None:
                if self.kept:  # the rows before these, in file order
                    spool.add(self.kept, self.events)
                    self.kept, self.events = [], []
                spool.add_encoded(events, rows, count)

    def _build_here(self, chunk: list[list[Row]]) -> None:
        """A chunk gathered for the builder (rows without problems so far) built here, in order."""
        for rows in chunk:
            self._build([(row, []) for row in rows], set())

    def _build(self, todo: list[tuple[Row | None, list[Problem]]], unknown: set[int]) -> None:
        """The rows built here, in order: the problems of those that do not pass noted, the
        events of those that do kept (while no row is wrong)."""
        app, work, checked = self.app, self.work, self.checked
        good: list[Row] = []
        entries: list[Built] = []
        for row, problems in todo:
            if row is not None:
                entry, found = _built(app, work, self.today, row, problems, self.names, id(row) not in unknown)
                problems.extend(found)
            if problems or row is None:
                checked.problems.add_row(problems)
            else:
                good.append(row)
                entries.append(entry)  # type: ignore[arg-type]
                checked.to_write += 1
        if checked.problems or self.spool is None:  # nothing will be written: nothing to keep
            self.kept.clear()
            self.events.clear()
            for aggregate in shared_aggregates(work):
                aggregate.collect_events()  # their state is what counts now
            return
        checked.changed.update(aggregate.id for aggregate in shared_aggregates(work))
        self.kept.extend(good)
        self.events.extend(map(self.encode, batch_events(work, entries)))
        if len(self.kept) >= BATCH_ROWS:
            self.spool.add(self.kept, self.events)
            self.kept, self.events = [], []


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


__all__ = ["CHECKED_EVERY", "Checked", "Progress", "check_file"]

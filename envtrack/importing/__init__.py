"""Spreadsheet import: paper logbooks kept as CSV or XLSX, brought into the event log.

``import_file`` reads every table of the file, converts and checks every row, builds every new
row's entry with the domain (in file order, so stock and fish counts follow the rows), and only
when no row is wrong saves them in batches. Each row's entry id derives from its fingerprint, so
rows already imported are recognised (one query per 1,000 rows) and never written twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from uuid import UUID

from envtrack.application import EnvTrack
from envtrack.importing.columns import KINDS, template
from envtrack.importing.reading import UnreadableFile, read_logbook
from envtrack.importing.recording import BATCH_ROWS, build_all, save_batches
from envtrack.importing.rows import Problem, Row, assign_ids, read_table
from envtrack.unit_of_work import retrying

PROGRESS_FROM_ROWS = 5_000
"""Files with at least this many rows report progress (about ten lines while writing)."""

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: stage is ``checked`` or ``written``."""


@dataclass
class ImportResult:
    rows_read: int
    written: int
    already_present: int
    new_ids: list[UUID] = field(default_factory=list)
    dry_run: bool = False


class ImportRefused(Exception):
    """Some rows are wrong: nothing was written. ``problems`` lists every one, in file order."""

    def __init__(self, problems: list[Problem], rows_read: int) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems = problems
        self.rows_read = rows_read


@dataclass
class Logbook:
    """A file's rows, converted and given their entry ids, and the problems found so far."""

    rows: list[Row]
    problems: list[Problem]
    rows_read: int
    sheets: list[str | None]

    def in_file_order(self, problems: list[Problem]) -> list[Problem]:
        """Problems sorted by sheet (as the file orders them) and row."""
        return sorted(problems, key=lambda p: (self.sheets.index(p.sheet), p.row))


def read_rows(path: str, kind: str | None = None) -> Logbook:
    """Reads and converts every table of the file."""
    book = Logbook(rows=[], problems=[], rows_read=0, sheets=[])
    for sheet in read_logbook(path):
        table = read_table(sheet, kind)
        book.sheets.append(sheet.name)
        book.rows_read += len(sheet.rows)
        book.rows.extend(table.rows)
        book.problems.extend(table.problems)
    assign_ids(book.rows)
    return book


def import_file(
    app: EnvTrack,
    path: str,
    *,
    kind: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Imports a logbook; raises ``ImportRefused`` (nothing written) when any row is wrong.

    Another process may change a stock ledger or a pond while the rows are saved: the import is
    then tried again (``retrying``), the batches saved so far present, the rest checked again
    against the fresh state."""
    book = read_rows(path, kind)
    rows, problems, read = book.rows, book.problems, book.rows_read
    report = progress if progress is not None and read >= PROGRESS_FROM_ROWS else None
    present_before: list[set[UUID]] = []  # the rows present before each attempt

    def attempt(last: bool) -> ImportResult:
        present = _present(app, rows)
        present_before.append(present)
        present_at_start = present_before[0]
        todo = [row for row in rows if row.entry_id not in present]
        work, entries, refused = build_all(app, todo)
        if report:
            report("checked", len(rows), len(rows))
        if problems or refused:
            raise ImportRefused(book.in_file_order(problems + refused), read)
        if dry_run:
            return ImportResult(read, len(entries), len(present), [e.id for e in entries], dry_run=True)
        already = len(present) - len(present_at_start)
        total = len(rows) - len(present_at_start)
        step = BATCH_ROWS * max(1, total // (BATCH_ROWS * 10))

        def saved(count: int) -> None:
            if report and (count % step == 0 or already + count == total):
                report("written", already + count, total)

        save_batches(app, work, entries, saved)
        new_ids = [row.entry_id for row in rows if row.entry_id not in present_at_start]
        return ImportResult(read, len(new_ids), len(present_at_start), new_ids)  # type: ignore[arg-type]

    return retrying(attempt)


def _present(app: EnvTrack, rows: list[Row]) -> set[UUID]:
    present: set[UUID] = set()
    for start in range(0, len(rows), BATCH_ROWS):
        ids = [row.entry_id for row in rows[start : start + BATCH_ROWS] if row.entry_id is not None]
        present |= app.store.existing_ids(ids)
    return present


__all__ = [
    "KINDS",
    "ImportRefused",
    "ImportResult",
    "Logbook",
    "UnreadableFile",
    "import_file",
    "read_rows",
    "template",
]

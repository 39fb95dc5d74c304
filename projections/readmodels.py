"""Read models in SQL tables: catch up from the log in pages, rebuild and swap, status, frames.

Each projection (``sites``, ``waste``, ``sambo``, ``ponds``) records the log position it has
reached in ``rm_positions``, in the same transaction as its rows, so a crash never leaves rows
and position disagreeing. A rebuild fills fresh tables page by page and renames them into place
in one transaction: killed before that, it leaves the previous read model serving.

Pages of the log are never held whole in memory; a rebuild keeps only the voids and corrections
that reach rows of earlier pages (a few per cent of the log), to apply once its indexes exist.
On a long log forked readers read and map the pages while the rebuild writes (``pages.py``).
Two catch-ups at once are safe (each page's transaction checks the positions it started from);
of two rebuilds at once, the later takes the fresh tables over and the earlier stops with an
error before writing another row (each page's transaction checks the rebuild's token).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from typing import Any

from sqlalchemy import MetaData, Table, inspect, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.schema import CreateTable

from domain.errors import Refused
from envtrack.store import Store
from projections import gaps as gap_ranges, rollup
from projections.pages import pages, without_gc
from projections.replay import Frames, replay_frames, to_frames
from projections.rows import HANDLERS, PROJECTIONS, TABLES, TOPICS, Batch, map_rows
from projections.schema import FRAMED
from projections.unreadable import UnreadableEvent
from projections.tables import (
    BUILDING, add_missing_indexes, apply_updates, gaps_table, indexes_in_turn, positions_table, read_model_tables, read_rows,
    read_totals_until, tables_fingerprint, unreadable_table,
)

__all__ = ["Frames", "ReadModels", "replay_frames"]

Progress = Callable[[int, int], None]
PAGE_SIZE = 20_000
FIRST_BUILT_FROM = PAGE_SIZE
"""The fewest positions in a log whose first catch-up (no projection has read an event yet) is
built the way a rebuild builds: a third of the time or less, the same tables (bench/README.md)."""
REBUILDING = "rebuild"
"""The ``rm_positions`` row that holds the token of the rebuild filling the fresh tables."""
TABLES_MADE = "tables"
"""The ``rm_positions`` row that holds the fingerprint of the tables as the last check of them
made them (``tables_fingerprint``)."""


class ReadModels:
    """The read models of one store, in the store's own database (its schema on PostgreSQL)."""

    def __init__(self, store: Store, *, page_size: int = PAGE_SIZE) -> None:
        self.store = store
        self.page_size = page_size
        self.read_only = store.is_read_only()
        """A store that cannot be written (read-only media): its read models are only read."""
        self.engine = store.engine(read_only=self.read_only)
        schema = store.read_model_schema
        self.metadata = MetaData(schema=schema)
        self.positions = positions_table(self.metadata)
        self.unreadable = unreadable_table(self.metadata)
        self.gaps = gaps_table(self.metadata)
        self.live = read_model_tables(self.metadata)
        self.building: dict[str, Table] = {}
        """The fresh tables of a rebuild (made by ``_rebuild``)."""
        self.fingerprint = tables_fingerprint([*self.live.values(), self.positions, self.unreadable, self.gaps])
        self.events_read = 0
        """How many stored events the last ``update`` or ``rebuild`` read from the log."""

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> ReadModels:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- catching up ---------------------------------------------------------------------------

    def update(self, progress: Progress | None = None) -> int:
        """Catches every projection up with the log, one transaction per page of events, from
        the position it had reached. Returns the position now reached. The first catch-up of a
        long log (no projection has read an event yet) is a rebuild: the same tables, sooner."""
        self._refuse_if_read_only()
        with without_gc():
            self._ensure_tables()
            if self.store.head_position() >= FIRST_BUILT_FROM and not any(self._read_positions().values()):
                try:
                    return self._rebuild(progress)
                except Refused as error:  # another process rebuilds them: catch up with it
                    if error.code != "rebuild_overtaken":
                        raise
            return self._update(progress)

    def _update(self, progress: Progress | None) -> int:
        """The catch-up page by page, of tables that are there (``_ensure_tables``)."""
        head = self.store.head_position()
        self.events_read = 0
        self._take_late_events(head)
        while True:
            positions = self._read_positions()
            start = min(positions.values())
            if start >= head:
                return start
            caught_up = self._catch_up(positions, start, head, progress)
            if caught_up is None:  # another process moved the read model on: start again
                continue
            positions, passed, gaps = caught_up
            with self._writing() as conn:
                if self._read_positions(conn, lock=True) == positions:
                    self._write_gaps(conn, passed, head, gaps)  # those after the last page
                    self._write_positions(conn, {name: max(pos, head) for name, pos in positions.items()})
            if progress:
                progress(head, head)

    def _catch_up(
        self, positions: dict[str, int], start: int, head: int, progress: Progress | None
    ) -> tuple[dict[str, int], int, list[gap_ranges.Gap]] | None:
        """Reads the pages after ``start``; returns the positions reached, the last position
        read and the gaps noted after it, or None when another process moved the read model on."""
        gaps = self.store.missing_positions(start, head)  # before the pages: none is missed
        passed = start
        pages = self.store.read_log(after=start, upto=head, topics=TOPICS, page_size=self.page_size, raw_ids=True)
        try:
            for page in pages:
                self.events_read += len(page)
                batch = Batch()
                map_rows(batch, page, positions)
                last = page[-1][0]
                reached = {name: max(pos, last) for name, pos in positions.items()}
                passed_gaps, gaps = gap_ranges.upto(gap_ranges.without(gaps, (row[0] for row in page)), last)
                with self._writing() as conn:
                    if self._read_positions(conn, lock=True) != positions:
                        return None
                    self._write_batch(conn, batch)
                    self._hold_unreadable(conn, batch.unreadable)
                    self._write_gaps(conn, passed, last, passed_gaps)
                    self._write_positions(conn, reached)
                positions, passed = reached, last
                if progress:
                    progress(last, head)
        finally:
            pages.close()
        return positions, passed, gaps

    def rebuild(self, progress: Progress | None = None) -> int:
        """Rebuilds every read model from position 0 into fresh tables, then swaps them in
        atomically and catches up with events recorded meanwhile. Returns the position."""
        self._refuse_if_read_only()
        with without_gc():
            return self._rebuild(progress)

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise Refused("db", self.store.display, "store_read_only")

    def _rebuild(self, progress: Progress | None) -> int:
        # Fresh index names each time: the last rebuild's tables went live with the old ones.
        self.building = read_model_tables(MetaData(schema=self.metadata.schema), BUILDING)
        self._ensure_tables()
        token = secrets.randbits(62)
        with self._writing() as conn:
            self._claim(conn, token)
            for table in self.building.values():
                table.drop(conn, checkfirst=True)
            for table in self.building.values():
                conn.execute(CreateTable(table))  # indexes come after the rows: built once, in order
        head = self.store.head_position()
        read = 0
        later: dict[tuple[str, str], dict[str, Any]] = {}  # voids and corrections of earlier pages
        unreadable: list[UnreadableEvent] = []
        gaps = self.store.missing_positions(0, head)
        log = pages(self.store, head, gaps, self.page_size)  # read and mapped beside, on a long log
        try:
            for page in log:
                read += page.read
                unreadable += page.unreadable
                gaps = page.gaps
                with self._writing() as conn:
                    self._check_claim(conn, token)
                    self._insert_rows(conn, self.building, page.rows)
                for target, values in page.updates.items():
                    later.setdefault(target, {}).update(values)
                if progress:
                    progress(page.last, head)
        finally:
            log.close()
        with self._writing() as conn:
            self._check_claim(conn, token)
            exact_sum = self.store.exact_sum(conn)
            summed = [roll_up.table for roll_up in rollup.ROLL_UPS]
            before, after = indexes_in_turn(self.building, summed, keys_only_before=exact_sum is not None)
            for index in before:
                index.create(conn)
            apply_updates(conn, self.building, later)
            for roll_up in rollup.ROLL_UPS:
                rollup.rebuild(conn, self.building, roll_up, self.store.insert_rows, exact_sum)
            for index in after:
                index.create(conn)
        with self._writing() as conn:
            self._check_claim(conn, token)
            self._read_positions(conn, lock=True)
            for name, live in self.live.items():
                live.drop(conn, checkfirst=True)
                self._rename(conn, self.building[name], live.name)
            conn.execute(self.unreadable.delete())
            self._hold_unreadable(conn, unreadable)
            self._write_gaps(conn, 0, head, gaps)
            self._write_positions(conn, dict.fromkeys(PROJECTIONS, head))
        position = self._update(progress)
        self.events_read += read
        return position

    # -- reading -------------------------------------------------------------------------------

    def status(self) -> list[dict[str, Any]]:
        """Per projection: the position it has reached, the head of the log, the lag, and the
        events it holds aside because they cannot be read (``unreadable``)."""
        head = self.store.head_position()
        positions = self._read_positions() if self._has(self.positions) else dict.fromkeys(PROJECTIONS, 0)
        held = self.unreadable_events()
        return [
            {"projection": name, "position": pos, "head": head, "lag": max(head - pos, 0),
             "unreadable": [{k: v for k, v in event._asdict().items() if k != "projection"}
                            for event in held if event.projection == name]}
            for name, pos in positions.items()
        ]

    def reached(self) -> int | None:
        """The position every projection has reached (None before the first catch-up)."""
        if not self._has(self.positions):
            return None
        positions = self._read_positions()
        return min(positions.values()) if len(positions) == len(PROJECTIONS) else None

    def unreadable_events(self) -> list[UnreadableEvent]:
        """The events held aside because they cannot be read, in log order."""
        if not self._has(self.unreadable):
            return []
        table = self.unreadable
        with self.engine.connect() as conn:
            rows = conn.execute(select(*(table.c[name] for name in UnreadableEvent._fields)).order_by(table.c.position))
            return [UnreadableEvent(*row) for row in rows]

    def frames(self, start: date | None = None, end: date | None = None, *, school_history: bool = False) -> Frames:
        """The current read model as DataFrames, read in one consistent snapshot.

        Given a period, only the rows a report over it can use are read (the same figures,
        sooner on a large log): the roll-ups, exchanges (and their items), bottle handovers and
        pond records of the period, the pond records of the cycles a final harvest in it closed;
        the items issued up to its end (summed per site and item) and the receipts, for stocks;
        sites, ponds and the city whole. ``school_history``: exchanges (and items) up to the period's end, for a
        school's pupils and classes as first written."""
        if not self._has(self.positions):
            return to_frames(0, {name: [] for name in FRAMED})
        marker = self.store.param_marker
        filters: dict[str, tuple[str, tuple[str, ...]]] = {}
        with self.store.reading(self.engine) as conn:
            positions = self._read_positions(conn)
            if start and end:
                period = (start.isoformat(), end.isoformat())
                during = f"occurred_on >= {marker} AND occurred_on <= {marker}"
                closed = f"SELECT cycle_id FROM {self._sql_name(conn, 'pond_records')} WHERE record = 'harvest' AND final AND {during}"
                filters = {name: (during, period) for name in ("waste_daily", "exchanges", "handovers")}
                filters["pond_records"] = (f"({during}) OR cycle_id IN ({closed})", period + period)
            if end:
                before_end = (f"occurred_on <= {marker}", (end.isoformat(),))
                filters["receipts"] = before_end
                if school_history or not start:
                    filters["exchanges"] = before_end
                condition, params = filters["exchanges"]
                of_exchanges = f"SELECT entry_id FROM {self._sql_name(conn, 'exchanges')} WHERE {condition}"
                filters["exchange_items"] = (f"entry_id IN ({of_exchanges})", params)
            summed = {"items_daily": read_totals_until(conn, self.live["items_daily"], marker, end.isoformat())} if end else {}
            rows = {name: summed[name] if name in summed else read_rows(conn, name, self.live[name], filters.get(name))
                    for name in FRAMED}  # items issued summed up to the end: what a stock needs
        return to_frames(min(positions.values()), rows)

    def _sql_name(self, conn: Connection, name: str) -> str:  # a live table's name as SQL
        return conn.dialect.identifier_preparer.format_table(self.live[name])

    # -- plumbing ------------------------------------------------------------------------------

    def _writing(self) -> AbstractContextManager[Connection]:
        """A write transaction: one writer of this store's read models at a time, so that two
        processes never create the tables or the first positions at once (the store knows how:
        SQLite's write lock taken as it begins, a transaction-scoped advisory lock on PostgreSQL)."""
        return self.store.writing(self.engine)

    def _has(self, table: Table) -> bool:
        return inspect(self.engine).has_table(table.name, schema=table.schema)

    def _ensure_tables(self) -> None:
        """Creates what is missing; a projection whose tables were missing starts from 0. A
        table made by an earlier release with other columns (0.1.0's sites had no location,
        its pond records no costs) is dropped and counts as missing: its projection is built again from 0.
        Where every table is there and the positions hold this release's fingerprint of them,
        nothing more is looked at."""
        if self._tables_as_made():
            return
        with self._writing() as conn:  # two first catch-ups at once must not both create
            inspector = inspect(conn)
            existing = set(inspector.get_table_names(schema=self.metadata.schema))
            for table in self.live.values():
                if table.name in existing:
                    found = [column["name"] for column in inspector.get_columns(table.name, schema=table.schema)]
                    if found != [column.name for column in table.columns]:
                        table.drop(conn)
                        existing.discard(table.name)
                    else:
                        add_missing_indexes(conn, inspector, table)
            self.positions.create(conn, checkfirst=True)
            self.unreadable.create(conn, checkfirst=True)
            self.gaps.create(conn, checkfirst=True)
            positions = self._read_positions(conn, lock=True)
            before = dict(positions)
            for projection, names in PROJECTIONS.items():
                missing = [name for name in names if self.live[name].name not in existing]
                for name in missing:
                    self.live[name].create(conn)
                if missing or projection not in positions:
                    for name in names:
                        if name not in missing:
                            conn.execute(self.live[name].delete())
                    positions[projection] = 0
            if positions != before:
                self._write_positions(conn, positions)
            conn.execute(self.positions.delete().where(self.positions.c.projection == TABLES_MADE))
            conn.execute(self.positions.insert(), {"projection": TABLES_MADE, "position": self.fingerprint})

    def _tables_as_made(self) -> bool:
        """Whether every table is there, every projection has a position, and the tables are as
        this release makes them (the fingerprint the last check left): two queries."""
        existing = set(inspect(self.engine).get_table_names(schema=self.metadata.schema))
        if not {table.name for table in (*self.live.values(), self.positions, self.unreadable, self.gaps)} <= existing:
            return False
        query = select(self.positions.c.projection, self.positions.c.position)
        with self.engine.connect() as conn:
            found = dict(conn.execute(query).all())
        return found.get(TABLES_MADE) == self.fingerprint and all(name in found for name in PROJECTIONS)

    def _read_positions(self, conn: Connection | None = None, *, lock: bool = False) -> dict[str, int]:
        query = select(self.positions.c.projection, self.positions.c.position)
        if lock:
            query = self.store.for_update(query)
        if conn is None:
            with self.engine.connect() as own:
                rows = own.execute(query).all()
        else:
            rows = conn.execute(query).all()
        found = {projection: int(position) for projection, position in rows}
        return {name: found[name] for name in PROJECTIONS if name in found} if found else {}

    def _hold_unreadable(self, conn: Connection, events: list[UnreadableEvent]) -> None:
        """Keeps the events that cannot be read aside, with the rows of the page they were in."""
        if events:
            held = {event.position for event in events}
            conn.execute(self.unreadable.delete().where(self.unreadable.c.position.in_(list(held))))
            conn.execute(self.unreadable.insert(), [event._asdict() for event in events])

    def _write_gaps(self, conn: Connection, after: int, upto: int, gaps: list[gap_ranges.Gap]) -> None:
        """The gaps found after ``after`` up to ``upto`` replace those noted there before."""
        column = self.gaps.c.low
        conn.execute(self.gaps.delete().where(column > after, column <= upto))
        if gaps:
            conn.execute(self.gaps.insert(), [{"low": low, "high": high} for low, high in gaps])

    def _take_late_events(self, head: int) -> None:
        """Looks again at the gaps passed before and takes the events committed there since,
        in one transaction with what remains of the gaps."""
        with self._writing() as conn:
            noted = [(int(low), int(high)) for low, high in conn.execute(select(self.gaps.c.low, self.gaps.c.high))]
            if not noted:
                return
            positions = self._read_positions(conn, lock=True)
            kept = gap_ranges.watched(sorted(noted), head)
            remaining: list[gap_ranges.Gap] = []
            batch = Batch()
            for low, high in kept:
                missing = self.store.missing_positions(low - 1, high)
                rows = [row for page in self.store.read_log(after=low - 1, upto=high, topics=TOPICS, raw_ids=True)
                        for row in page]
                self.events_read += len(rows)
                # Only where its projection has passed: beyond, the catch-up takes it in order.
                map_rows(batch, [row for row in rows if row[0] <= positions.get(HANDLERS[row[3]][0], 0)])
                remaining += gap_ranges.without(missing, (row[0] for row in rows))
            if remaining == sorted(noted):
                return
            self._write_batch(conn, batch)
            self._hold_unreadable(conn, batch.unreadable)
            conn.execute(self.gaps.delete())
            if remaining:
                conn.execute(self.gaps.insert(), [{"low": low, "high": high} for low, high in remaining])

    def _claim(self, conn: Connection, token: int) -> None:
        """Marks the fresh tables as this rebuild's: a rebuild started later takes them over."""
        column = self.positions.c.projection
        conn.execute(self.positions.delete().where(column == REBUILDING))
        conn.execute(self.positions.insert(), {"projection": REBUILDING, "position": token})

    def _check_claim(self, conn: Connection, token: int) -> None:
        """Refuses to go on when another rebuild has started since (it owns the fresh tables)."""
        query = select(self.positions.c.position).where(self.positions.c.projection == REBUILDING)
        if conn.execute(self.store.for_update(query)).scalar() != token:
            raise Refused("projections rebuild", self.store.display, "rebuild_overtaken")

    def _write_positions(self, conn: Connection, positions: dict[str, int]) -> None:
        conn.execute(self.positions.delete().where(self.positions.c.projection.in_(list(PROJECTIONS))))
        conn.execute(
            self.positions.insert(),
            [{"projection": name, "position": positions[name]} for name in PROJECTIONS],
        )

    def _write_batch(self, conn: Connection, batch: Batch) -> None:
        """A page's rows and its updates of rows of earlier pages into the live tables, and the
        roll-ups of the days and sites they were on, and are on now, summed again."""
        touched = {}
        for roll_up in rollup.ROLL_UPS:
            changed = [key for table, key in batch.updates if table == roll_up.entries]
            touched[roll_up] = (changed, rollup.pairs_of_rows(roll_up, batch.inserts[roll_up.entries].values())
                                | rollup.pairs_of_entries(conn, self.live[roll_up.entries], changed))
        self._insert_rows(conn, self.live, batch.new_rows())
        apply_updates(conn, self.live, batch.updates)
        for roll_up, (changed, pairs) in touched.items():
            pairs |= rollup.pairs_of_entries(conn, self.live[roll_up.entries], changed)
            rollup.refresh(conn, self.live, roll_up, pairs, self.store)

    def _insert_rows(self, conn: Connection, tables: dict[str, Table], new_rows: dict[str, list[list[Any]]]) -> None:
        """New rows by table, in bulk as the store's driver takes them best."""
        for name, rows in new_rows.items():
            if rows:
                columns = [column for column, _type in TABLES[name][1]]
                self.store.insert_rows(conn, tables[name], columns, rows)

    def _rename(self, conn: Connection, table: Table, new_name: str) -> None:
        preparer = conn.dialect.identifier_preparer
        conn.execute(
            text(f"ALTER TABLE {preparer.format_table(table)} RENAME TO {preparer.quote(new_name)}")
        )


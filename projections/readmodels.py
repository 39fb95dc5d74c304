"""Read models in SQL tables: catch up from the log in pages, rebuild and swap, status, frames.

Each projection (``sites``, ``waste``, ``sambo``, ``ponds``) records the log position it has
reached in ``rm_positions``, in the same transaction as its rows, so a crash never leaves rows
and position disagreeing. A rebuild fills fresh tables page by page and renames them into place
in one transaction: killed before that, it leaves the previous read model serving.

Pages of the log are never held whole in memory; a rebuild keeps only the voids and corrections
that reach rows of earlier pages (a few per cent of the log), to apply once its indexes exist.
Two catch-ups at once are safe (each page's transaction checks the positions it started from);
of two rebuilds at once, the later takes the fresh tables over and the earlier stops with an
error before writing another row (each page's transaction checks the rebuild's token).
"""

from __future__ import annotations

import gc
import secrets
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date
from typing import Any

from sqlalchemy import MetaData, Table, bindparam, inspect, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.schema import CreateTable

from domain.errors import Refused
from envtrack.store import Store
from projections.replay import Frames, replay_frames, to_frames
from projections.rows import PROJECTIONS, TABLES, TOPICS, Batch, map_rows
from projections.tables import BUILDING, positions_table, read_model_tables

__all__ = ["Frames", "ReadModels", "replay_frames"]

Progress = Callable[[int, int], None]
PAGE_SIZE = 20_000
REBUILDING = "rebuild"
"""The ``rm_positions`` row that holds the token of the rebuild filling the fresh tables."""


@contextmanager
def without_gc() -> Iterator[None]:
    """Pauses the cyclic garbage collector: mapping pages allocates millions of small lists and
    dicts, none in a cycle, and each collection would walk them all (a fifth of a rebuild)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class ReadModels:
    """The read models of one store, in the store's own database (its schema on PostgreSQL)."""

    def __init__(self, store: Store, *, page_size: int = PAGE_SIZE) -> None:
        self.store = store
        self.page_size = page_size
        self.engine = store.engine()
        schema = store.read_model_schema
        self.metadata = MetaData(schema=schema)
        self.positions = positions_table(self.metadata)
        self.live = read_model_tables(self.metadata)
        self.building = read_model_tables(MetaData(schema=schema), BUILDING)
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
        the position it had reached. Returns the position now reached."""
        with without_gc():
            return self._update(progress)

    def _update(self, progress: Progress | None) -> int:
        self._ensure_tables()
        head = self.store.head_position()
        self.events_read = 0
        while True:
            positions = self._read_positions()
            start = min(positions.values())
            if start >= head:
                return start
            positions = self._catch_up(positions, start, head, progress)
            if positions is None:  # another process moved the read model on: start again
                continue
            with self._writing() as conn:
                if self._read_positions(conn, lock=True) == positions:
                    self._write_positions(conn, {name: max(pos, head) for name, pos in positions.items()})
            if progress:
                progress(head, head)

    def _catch_up(
        self, positions: dict[str, int], start: int, head: int, progress: Progress | None
    ) -> dict[str, int] | None:
        pages = self.store.read_log(after=start, upto=head, topics=TOPICS, page_size=self.page_size, raw_ids=True)
        try:
            for page in pages:
                self.events_read += len(page)
                batch = Batch()
                map_rows(batch, page, positions)
                last = page[-1][0]
                reached = {name: max(pos, last) for name, pos in positions.items()}
                with self._writing() as conn:
                    if self._read_positions(conn, lock=True) != positions:
                        return None
                    self._insert_rows(conn, self.live, batch)
                    apply_updates(conn, self.live, batch.updates)  # to rows of earlier pages
                    self._write_positions(conn, reached)
                positions = reached
                if progress:
                    progress(last, head)
        finally:
            pages.close()
        return positions

    def rebuild(self, progress: Progress | None = None) -> int:
        """Rebuilds every read model from position 0 into fresh tables, then swaps them in
        atomically and catches up with events recorded meanwhile. Returns the position."""
        with without_gc():
            return self._rebuild(progress)

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
        pages = self.store.read_log(after=0, upto=head, topics=TOPICS, page_size=self.page_size, raw_ids=True)
        try:
            for page in pages:
                read += len(page)
                batch = Batch()
                map_rows(batch, page)
                with self._writing() as conn:
                    self._check_claim(conn, token)
                    self._insert_rows(conn, self.building, batch)
                for target, values in batch.updates.items():
                    later.setdefault(target, {}).update(values)
                if progress:
                    progress(page[-1][0], head)
        finally:
            pages.close()
        with self._writing() as conn:
            self._check_claim(conn, token)
            for table in self.building.values():
                for index in table.indexes:
                    index.create(conn)
            apply_updates(conn, self.building, later)
        with self._writing() as conn:
            self._check_claim(conn, token)
            self._read_positions(conn, lock=True)
            for name, live in self.live.items():
                live.drop(conn, checkfirst=True)
                self._rename(conn, self.building[name], live.name)
            self._write_positions(conn, dict.fromkeys(PROJECTIONS, head))
        position = self._update(progress)
        self.events_read += read
        return position

    # -- reading -------------------------------------------------------------------------------

    def status(self) -> list[dict[str, Any]]:
        """Per projection: the position it has reached, the head of the log, and the lag."""
        head = self.store.head_position()
        positions = self._read_positions() if self._has(self.positions) else dict.fromkeys(PROJECTIONS, 0)
        return [
            {"projection": name, "position": pos, "head": head, "lag": max(head - pos, 0)}
            for name, pos in positions.items()
        ]

    def frames(self, start: date | None = None, end: date | None = None) -> Frames:
        """The current read model as DataFrames, read in one consistent snapshot.

        Given a period, only the rows a report over it can use are read (the same figures,
        sooner on a large log): waste and bottle handovers of the period, exchanges (and their
        items) and receipts up to its end, for the stock; sites, ponds and every pond record,
        for cycles taken whole.
        """
        if not self._has(self.positions):
            return to_frames(0, {name: [] for name in TABLES})
        marker = self.store.param_marker
        during = (f"occurred_on >= {marker} AND occurred_on <= {marker}", (start.isoformat(), end.isoformat())) if start and end else None
        before_end = (f"occurred_on <= {marker}", (end.isoformat(),)) if end else None
        filters = {"waste": during, "handovers": during, "exchanges": before_end, "receipts": before_end}
        with self.store.reading(self.engine) as conn:
            positions = self._read_positions(conn)
            if before_end:
                exchanges = self.live["exchanges"]
                table = conn.dialect.identifier_preparer.format_table(exchanges)
                filters["exchange_items"] = (
                    f"entry_id IN (SELECT entry_id FROM {table} WHERE {before_end[0]})",
                    before_end[1],
                )
            rows = {name: _all_rows(conn, name, table, filters.get(name)) for name, table in self.live.items()}
        return to_frames(min(positions.values()), rows)

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
        table whose columns are not those of ``TABLES`` (built by an earlier release: 0.1.0's
        ``pond_records`` has no costs) counts as missing: dropped, made again and refilled."""
        with self._writing() as conn:  # two first catch-ups at once must not both create
            inspector = inspect(conn)
            existing = set(inspector.get_table_names(schema=self.metadata.schema))
            for table in self.live.values():
                if table.name in existing and _columns(inspector, table) != list(table.c.keys()):
                    table.drop(conn)
                    existing.discard(table.name)
            self.positions.create(conn, checkfirst=True)
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

    def _insert_rows(self, conn: Connection, tables: dict[str, Table], batch: Batch) -> None:
        """A batch's new rows, in bulk as the store's driver takes them best."""
        for name, rows in batch.inserts.items():
            if rows:
                columns = [column for column, _type in TABLES[name][1]]
                self.store.insert_rows(conn, tables[name], columns, rows.values())

    def _rename(self, conn: Connection, table: Table, new_name: str) -> None:
        preparer = conn.dialect.identifier_preparer
        conn.execute(
            text(f"ALTER TABLE {preparer.format_table(table)} RENAME TO {preparer.quote(new_name)}")
        )


def _columns(inspector: Any, table: Table) -> list[str]:
    return [column["name"] for column in inspector.get_columns(table.name, schema=table.schema)]


def apply_updates(conn: Connection, tables: dict[str, Table], updates: dict[tuple[str, str], dict[str, Any]]) -> None:
    """Sets new values on rows by key (voids, corrections, site changes), grouped by the
    columns they change."""
    grouped: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
    for (name, key), values in updates.items():
        columns = tuple(sorted(values))
        params = {f"v_{column}": values[column] for column in columns}
        params["k"] = key
        grouped.setdefault((name, columns), []).append(params)
    for (name, columns), params in grouped.items():
        table = tables[name]
        key_column = table.c[TABLES[name][0]]
        statement = (
            table.update()
            .where(key_column == bindparam("k"))
            .values({column: bindparam(f"v_{column}") for column in columns})
        )
        conn.execute(statement, params)


def _all_rows(
    conn: Connection, name: str, table: Table, where: tuple[str, tuple[str, ...]] | None = None
) -> list[tuple]:
    """A table's rows (those matching ``where``: SQL and parameters) as plain tuples in column
    order, straight from the driver: row objects would cost more than the frame built from them."""
    preparer = conn.dialect.identifier_preparer
    names = ", ".join(preparer.quote(column) for column, _type in TABLES[name][1])
    condition, params = (f" WHERE {where[0]}", where[1]) if where else ("", ())
    cursor = conn.connection.cursor()
    try:
        cursor.execute(f"SELECT {names} FROM {preparer.format_table(table)}{condition} ORDER BY position", params)
        return cursor.fetchall()
    finally:
        cursor.close()

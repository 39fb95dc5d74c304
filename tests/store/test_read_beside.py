"""A rebuild of a long log reads and maps it in forked readers while it writes
(``projections/pages.py``): the same tables as a rebuild that reads everything itself, with an
unreadable event and a gap in the log, when a reader ends early, and when the rebuild stops
part-way. The parent's own connection outlives the readers. On SQLite, where envtrack reads
beside, and on PostgreSQL, where it does not (``Store.reads_beside``) but could."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

import projections.pages
from envtrack.application import EnvTrack
from envtrack.store import resolve
from envtrack.store.forking import Child
from poison import WASTE_RECORDED, insert_raw, stored_state, without
from projections.pages import READERS
from projections.readmodels import ReadModels

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "projections"))
from indicator_scenario import record_city  # noqa: E402
from test_readmodels import Interrupted, at_page, interrupt, more_records, table_rows  # noqa: E402

PAGE = 4


@pytest.fixture
def city_log(db: str) -> str:
    """The indicator scenario's city, a waste record without its ``kg`` (unreadable), more
    records (corrections and voids of rows several pages back), two positions left empty (a
    gap) and a waste record without its ``site`` after them."""
    app = EnvTrack(resolve(db), operator="tester", today=lambda: date(2025, 6, 30))
    try:
        record_city(app)
        waste = next(event[0] for page in app.store.read_log(topics=[WASTE_RECORDED]) for event in page)
        insert_raw(db, WASTE_RECORDED, without(stored_state(db, waste), "kg"))
        more_records(app)
        head = app.store.head_position()
        insert_raw(db, WASTE_RECORDED, without(stored_state(db, waste), "site"), position=head + 3)  # +1, +2 empty
    finally:
        app.close()
    return db


@pytest.fixture
def readers(city_log, monkeypatch) -> list[Child]:
    """The readers the rebuilds fork (on PostgreSQL too)."""
    monkeypatch.setattr(type(resolve(city_log)), "reads_beside", True)
    forked: list[Child] = []

    class Counted(Child):
        def __init__(self, *args) -> None:
            super().__init__(*args)
            forked.append(self)

    monkeypatch.setattr(projections.pages, "Child", Counted)
    return forked


def rebuilt(db: str, monkeypatch, *, beside: bool) -> dict:
    """What a rebuild leaves: every table's rows, the events held aside, the gaps noted, and how
    many events it read."""
    monkeypatch.setattr(projections.pages, "READ_BESIDE_FROM", 0 if beside else 10**12)
    with ReadModels(resolve(db), page_size=PAGE) as read_models:
        assert read_models.rebuild() == read_models.store.head_position()
        with read_models.engine.connect() as conn:
            gaps = conn.execute(select(read_models.gaps).order_by(read_models.gaps.c.low)).all()
        return {"rows": table_rows(read_models), "held": read_models.unreadable_events(), "gaps": gaps,
                "read": read_models.events_read}


def test_a_rebuild_read_beside_has_the_tables_of_one_read_here(city_log, monkeypatch, readers):
    here = rebuilt(city_log, monkeypatch, beside=False)
    assert readers == []
    beside = rebuilt(city_log, monkeypatch, beside=True)
    assert len(readers) == READERS == 2

    assert beside == here
    assert [(event.reason, event.detail) for event in here["held"]] == [("missing_field", "kg"), ("missing_field", "site")]
    head = resolve(city_log).head_position()
    missing = resolve(city_log).missing_positions(0, head)
    assert len(missing) == 1 and missing[0][1] - missing[0][0] == 1  # the two empty positions, one gap
    assert [tuple(gap) for gap in here["gaps"]] == missing
    assert len(here["rows"]["waste"]) == 11 + 2  # the scenario's, and more_records' two
    assert here["read"] > 3 * PAGE  # a log of several pages


@pytest.mark.parametrize("early", [0, 1])
def test_a_reader_that_ends_early_leaves_the_rest_to_the_rebuild(city_log, monkeypatch, readers, early):
    """Reader ``early`` sends two pages and ends (the first of them: pages 0 and 2, the second:
    1 and 3); the rebuild reads on itself after the last page it took in turn."""
    read_beside = projections.pages._read_beside

    def two_pages_then_gone(receive, send, *, first, **reading) -> None:
        if first != early:
            return read_beside(receive, send, first=first, **reading)
        sent = []

        def counted(page) -> None:
            if len(sent) == 2:
                os._exit(3)
            sent.append(page)
            send(page)

        return read_beside(receive, counted, first=first, **reading)

    here = rebuilt(city_log, monkeypatch, beside=False)
    monkeypatch.setattr(projections.pages, "_read_beside", two_pages_then_gone)
    beside = rebuilt(city_log, monkeypatch, beside=True)

    assert len(readers) == READERS and readers[early].gone
    assert beside == here  # the pages after it read here, none twice


def test_a_rebuild_stopped_part_way_ends_its_reader_and_leaves_the_read_model_serving(city_log, monkeypatch, readers):
    monkeypatch.setattr(projections.pages, "READ_BESIDE_FROM", 0)
    store = resolve(city_log)
    with ReadModels(store, page_size=PAGE) as read_models:
        read_models.update()
        before = table_rows(read_models)
        with pytest.raises(Interrupted):
            read_models.rebuild(at_page(2, interrupt))
        assert table_rows(read_models) == before
    assert len(readers) == READERS
    for reader in readers:
        with pytest.raises(ChildProcessError):  # waited for already: no child left behind
            os.waitpid(reader.pid, os.WNOHANG)


def test_the_parent_keeps_its_own_connection_through_the_reader(city_log, monkeypatch, readers):
    """On PostgreSQL a connection closed by the child would say goodbye to the server for the
    parent too."""
    monkeypatch.setattr(projections.pages, "READ_BESIDE_FROM", 0)
    app = EnvTrack(resolve(city_log), operator="tester")
    try:
        connection = app.store.connection()
        with ReadModels(app.store, page_size=PAGE) as read_models:
            read_models.rebuild()
        assert len(readers) == READERS
        assert app.store.connection() is connection  # not closed by the reader, nor opened again
        entry = app.record_waste("bank", category="kaca", kg=2, destination="olah", on=date(2025, 6, 1))
        assert app.store.existing_ids([entry]) == {entry}
    finally:
        app.close()


def test_envtrack_reads_beside_only_on_sqlite(db):
    assert resolve(db).reads_beside is (resolve(db).backend == "sqlite")


@pytest.mark.parametrize(("head", "gaps", "ends"), [
    (10, [], [4, 8, 10]),
    (8, [], [4, 8]),
    (3, [], [3]),
    (20, [(3, 10)], [12, 16, 20]),  # 1, 2 and 11, 12 hold the first page's four events
    (12, [(9, 12)], [4, 8, 12]),  # the last page is all gap: read, and empty
    (9 * 10**18, [(3, 9 * 10**18 - 1)], [9 * 10**18]),  # two events, then one at 9e18
])
def test_the_readers_pages_hold_a_page_of_positions_with_events_each(head, gaps, ends):
    assert projections.pages.page_ends(head, gaps, 4) == ends

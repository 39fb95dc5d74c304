"""The first catch-up of a long log (no projection has read an event yet) is built as a rebuild
builds: the same tables as a catch-up page by page, once; later catch-ups go page by page; a
first catch-up overtaken by a rebuild in another process catches up with it. On SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from indicator_scenario import record_city
from test_readmodels import at_page, more_records, table_rows

import projections.readmodels
from domain.errors import Refused
from projections.readmodels import ReadModels


@pytest.fixture
def rebuilds(monkeypatch) -> list[int | str]:
    """How the rebuilds of the test ended: the position reached, or ``overtaken``."""
    ended: list[int | str] = []
    rebuild = ReadModels._rebuild

    def counted(self, progress):
        try:
            ended.append(rebuild(self, progress))
        except Refused as error:
            ended.append(error.code.removeprefix("rebuild_"))
            raise
        return ended[-1]

    monkeypatch.setattr(ReadModels, "_rebuild", counted)
    return ended


def page_by_page(app, monkeypatch) -> tuple[dict, int]:
    """The tables of a first catch-up page by page, and the events it read; the read models
    then emptied, as if new."""
    monkeypatch.setattr(projections.readmodels, "FIRST_BUILT_FROM", 10**12)
    with ReadModels(app.store, page_size=5) as read_models:
        read_models.update()
        rows, read = table_rows(read_models), read_models.events_read
        with read_models.engine.begin() as conn:
            for table in read_models.live.values():
                conn.execute(table.delete())
            conn.execute(read_models.positions.delete())
    return rows, read


def test_a_first_catch_up_of_a_long_log_is_built_as_a_rebuild(app, monkeypatch, rebuilds):
    record_city(app)
    more_records(app)
    expected, read = page_by_page(app, monkeypatch)
    assert rebuilds == []
    head = app.store.head_position()
    monkeypatch.setattr(projections.readmodels, "FIRST_BUILT_FROM", head)  # long enough, just

    with ReadModels(app.store, page_size=5) as read_models:
        assert read_models.update() == head
        assert rebuilds == [head]
        assert table_rows(read_models) == expected
        assert read_models.events_read == read
        app.record_waste("bank", category="kaca", kg=2, destination="olah", on=date(2025, 6, 1))
        assert read_models.update() == head + 1
        assert read_models.events_read == 1
    assert rebuilds == [head]  # the second went page by page


def test_a_first_catch_up_of_a_short_log_goes_page_by_page(app, monkeypatch, rebuilds):
    record_city(app)
    monkeypatch.setattr(projections.readmodels, "FIRST_BUILT_FROM", app.store.head_position() + 1)
    with ReadModels(app.store) as read_models:
        assert read_models.update() == app.store.head_position()
    assert rebuilds == []


def test_a_first_catch_up_overtaken_by_a_rebuild_catches_up_with_it(app, monkeypatch, rebuilds):
    record_city(app)
    more_records(app)
    expected, _read = page_by_page(app, monkeypatch)
    monkeypatch.setattr(projections.readmodels, "FIRST_BUILT_FROM", 0)
    with ReadModels(app.store, page_size=5) as first, ReadModels(app.store, page_size=5) as second:
        head = app.store.head_position()
        assert first.update(at_page(2, second.rebuild)) == head  # no error
        assert rebuilds == [head, "overtaken"]  # the second's rebuild, then the first's stopped
        assert table_rows(first) == expected  # the second's tables, each row once

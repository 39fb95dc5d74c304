"""A catch-up looks at the read-model tables one by one only when it must: when one is missing,
or when the positions do not hold this release's fingerprint of them (read models made by an
earlier release, or by another one since). Otherwise it takes them as they are. On SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import date

from indicator_scenario import record_city
from sqlalchemy import Column, Index, MetaData, String, Table, inspect, select
from sqlalchemy.engine.reflection import Inspector

from projections.readmodels import TABLES_MADE, ReadModels
from projections.tables import read_model_tables, tables_fingerprint


def fingerprint_kept(read_models: ReadModels) -> int | None:
    positions = read_models.positions
    with read_models.engine.connect() as conn:
        return conn.execute(select(positions.c.position).where(positions.c.projection == TABLES_MADE)).scalar()


def inspections(monkeypatch) -> list[str]:
    """The tables the catch-ups of the test looked at one by one (their columns)."""
    looked_at: list[str] = []
    original = Inspector.get_columns

    def counted(self, table_name, schema=None, **kw):
        looked_at.append(table_name)
        return original(self, table_name, schema=schema, **kw)

    monkeypatch.setattr(Inspector, "get_columns", counted)
    return looked_at


def test_tables_as_this_release_made_them_are_not_inspected_again(app, monkeypatch):
    record_city(app)
    looked_at = inspections(monkeypatch)
    with ReadModels(app.store) as read_models:
        read_models.update()  # first: every table made and checked, the fingerprint kept
        assert looked_at == []  # new tables: made, none to inspect
        assert fingerprint_kept(read_models) == read_models.fingerprint
        app.record_waste("smpn6", category="plastik", kg=2, destination="tps", on=date(2025, 6, 1))
        read_models.update()
        read_models.rebuild()  # the fresh tables are made as the live ones were
        read_models.update()
        assert looked_at == []
        assert fingerprint_kept(read_models) == read_models.fingerprint


def test_a_table_dropped_by_hand_is_made_again_and_its_projection_read_again(app):
    ids = record_city(app)
    with ReadModels(app.store) as read_models:
        read_models.update()
        with read_models.engine.begin() as conn:
            read_models.live["waste"].drop(conn)
        read_models.update()
        with read_models.engine.connect() as conn:
            waste = read_models.live["waste"]
            found = {row.entry_id for row in conn.execute(select(waste.c.entry_id))}
        assert {ids[f"W{n}"].hex for n in range(1, 12)} == found  # W1 … W11, W9 voided but kept


def test_read_models_of_another_release_are_checked_and_mended(app, monkeypatch):
    """Another fingerprint (another release's tables): the catch-up inspects every table, makes
    the index an earlier release lacked, and keeps this release's fingerprint."""
    record_city(app)
    with ReadModels(app.store) as read_models:
        read_models.update()
        positions = read_models.positions
        index = next(index for index in read_models.live["waste_daily"].indexes if len(index.columns) == 2)
        with read_models.engine.begin() as conn:
            index.drop(conn)
            conn.execute(positions.update().where(positions.c.projection == TABLES_MADE).values(position=12345))
        looked_at = inspections(monkeypatch)
        read_models.update()
        assert "rm_waste_daily" in looked_at
        found = inspect(read_models.engine).get_indexes("rm_waste_daily", schema=read_models.metadata.schema)
        assert ["occurred_on", "site"] in [index["column_names"] for index in found]
        assert fingerprint_kept(read_models) == read_models.fingerprint


def test_the_fingerprint_changes_with_a_column_or_an_index():
    def made(*, extra_column: bool = False, index: bool = True) -> int:
        table = Table("rm_t", MetaData(), Column("a", String), *([Column("b", String)] if extra_column else []))
        if index:
            Index("ix_any_name", table.c.a)
        return tables_fingerprint([table])

    assert made() != made(extra_column=True)
    assert made() != made(index=False)
    live, again = read_model_tables(MetaData()), read_model_tables(MetaData())  # index names of another generation
    assert tables_fingerprint(list(live.values())) == tables_fingerprint(list(again.values()))

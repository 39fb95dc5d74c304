"""A page's roll-up refresh finds the rows of its (day, site) pairs through the (day, site)
index, in the roll-up and in the entries, so that a page costs in proportion to the pairs it
touches and not to the log behind it (SQLite answers a row value ``(day, site) IN (…)`` with a
scan of the whole table). A rebuild, which sums each roll-up in one scan of its entries,
indexes their day and site only after it. The sums are tested in test_rollup_properties.py."""

from __future__ import annotations

from conftest import TODAY
from indicator_scenario import record_city
from sqlalchemy import MetaData

from envtrack.application import EnvTrack
from envtrack.store import resolve
from projections import rollup
from projections.readmodels import ReadModels
from projections.tables import indexes_in_turn, read_model_tables

PAIRS = [("2025-01-15", "smpn6"), ("2025-01-15", "masjid"), ("2025-02-05", "masjid"), ("2025-03-01", "bank")]


def test_the_refresh_of_a_page_searches_the_day_and_site_index(sqlite_db):
    app = EnvTrack(resolve(sqlite_db), operator="tester", today=lambda: TODAY)
    record_city(app)
    app.close()
    with ReadModels(resolve(sqlite_db)) as read_models:
        read_models.update()
        with read_models.engine.connect() as conn:
            for roll_up in rollup.ROLL_UPS:
                for table in (read_models.live[roll_up.table], read_models.live[roll_up.entries]):
                    condition, params = rollup.on_pairs(conn, table, PAIRS, read_models.store.parameter_marker)
                    name = conn.dialect.identifier_preparer.format_table(table)
                    assert params == ["2025-01-15", "smpn6", "masjid", "2025-02-05", "masjid", "2025-03-01", "bank"]
                    plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN SELECT * FROM {name} WHERE {condition}", tuple(params))
                    steps = [step for *_ids, step in plan]
                    assert not [step for step in steps if step.startswith("SCAN")], steps
                    assert sum(f"SEARCH {name} USING" in step for step in steps) == 3, steps  # one a day


def test_a_rebuild_sums_the_roll_ups_before_it_indexes_the_entries_by_day_and_site():
    """In one GROUP BY (SQLite) a roll-up is summed in one scan of its entries: only the keys the
    updates of earlier pages find rows by are indexed before; summed a few weeks at a time
    (PostgreSQL), every index is there first."""
    tables = read_model_tables(MetaData())
    every = {index.name for table in tables.values() for index in table.indexes}
    before, after = indexes_in_turn(tables, ["waste_daily", "items_daily"], keys_only_before=True)
    named = {f"{table}.{','.join(column.name for column in index.columns)}" for table, table_object in tables.items()
             for index in table_object.indexes if index in before}
    assert named == {"sites.site_id", "waste.entry_id", "exchanges.entry_id", "exchange_items.entry_id", "receipts.entry_id",
                     "handovers.entry_id", "ponds.pond_id", "pond_records.entry_id", "city.event_id"}
    assert {index.name for index in [*before, *after]} == every and not set(before) & set(after)
    before, after = indexes_in_turn(tables, ["waste_daily", "items_daily"], keys_only_before=False)
    assert {index.name for index in before} == every and after == []

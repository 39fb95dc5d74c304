"""A page's roll-up refresh finds the rows of its (day, site) pairs through the (day, site)
index, in the roll-up and in the entries, so that a page costs in proportion to the pairs it
touches and not to the log behind it (SQLite answers a row value ``(day, site) IN (…)`` with a
scan of the whole table). The sums it writes are tested in test_rollup_properties.py."""

from __future__ import annotations

from conftest import TODAY
from indicator_scenario import record_city

from envtrack.application import EnvTrack
from envtrack.store import resolve
from projections import rollup
from projections.readmodels import ReadModels

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
                    condition, params = rollup.on_pairs(conn, table, PAIRS)
                    name = conn.dialect.identifier_preparer.format_table(table)
                    assert params == ["2025-01-15", "smpn6", "masjid", "2025-02-05", "masjid", "2025-03-01", "bank"]
                    plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN SELECT * FROM {name} WHERE {condition}", tuple(params))
                    steps = [step for *_ids, step in plan]
                    assert not [step for step in steps if step.startswith("SCAN")], steps
                    assert sum(f"SEARCH {name} USING" in step for step in steps) == 3, steps  # one a day

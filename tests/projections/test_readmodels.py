"""Read models in SQL: update and rebuild agree, updates read only new events, a rebuild that
fails part-way leaves the previous read model serving, concurrent catch-ups never double-count."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas.testing as pdt
import pytest
from indicator_scenario import record_city
from sqlalchemy import select

from projections import indicators
from projections.readmodels import ReadModels, replay_frames
from projections.rows import TABLES
from projections.schema import COLUMNS, FRAMED, ORDER

Y2025 = (date(2025, 1, 1), date(2025, 12, 31))


def table_rows(read_models: ReadModels) -> dict[str, list[tuple]]:
    """Every row of every live read-model table, in a fixed order."""
    found = {}
    with read_models.engine.connect() as conn:
        for name, table in read_models.live.items():
            order = [table.c[column] for column in ORDER.get(name, ("position", TABLES[name][0]))]
            found[name] = [tuple(row) for row in conn.execute(select(table).order_by(*order))]
    return found


def assert_same_frames(left, right) -> None:
    assert left.position == right.position
    for name in FRAMED:
        pdt.assert_frame_equal(left.table(name), right.table(name), obj=name)


def assert_waste_rolled_up_once(frames, live_entries: int) -> None:
    """Every live entry of the scenario in one roll-up row (no two on one day at one site
    share a category, source and destination), and its 42.5 kg, each counted once: W1–W11
    without the voided W9, W10 corrected 8 → 9 kg (hand-summed in the scenario's docstring)."""
    daily = frames.waste_daily
    assert not daily.duplicated(["occurred_on", "site", "category", "source", "destination"]).any()
    assert daily["entries"].sum() == live_entries == len(daily)
    assert daily["kg"].sum() == 10 + 4 + 3 + 5 + 6 + 2 + 1.5 + 2.5 + 9 + 1


def more_records(app) -> None:
    """Events after a first catch-up: a void and a correction of rows caught up before, and new
    rows."""
    ids = {}
    ids["w"] = app.record_waste("bank", category="kertas-karton", kg=3.25, destination="daur-ulang", on=date(2025, 6, 1))
    app.void(str(ids["w"]), reason="ganda", on=date(2025, 6, 2))
    ids["x"] = app.record_waste("masjid", category="sisa-makanan", kg=2, destination="tps", on=date(2025, 6, 3))
    app.correct(str(ids["x"]), reason="ke kompos", destination="kompos", on=date(2025, 6, 4))
    app.update_site("bank", population=120, on=date(2025, 6, 5))
    app.close_site("bank", reason="pindah", on=date(2025, 6, 6))
    app.record_exchange("smpn6", bottles=35, items={"buku": 1}, pupil="Dewi", on=date(2025, 6, 7))


def test_rebuild_and_update_give_identical_read_models_and_indicators(app):
    record_city(app)
    with ReadModels(app.store, page_size=5) as read_models:
        read_models.update()  # voids and corrections land in later pages than their records
        more_records(app)  # … and then in a later update than their records
        position = read_models.update()
        assert position == app.store.head_position()
        updated_rows = table_rows(read_models)
        updated = read_models.frames()
        # the void and the correction of the second update reached rows of the first
        voided = COLUMNS["waste"]["voided"]
        assert [row[voided] for row in updated_rows["waste"] if row[COLUMNS["waste"]["kg"]] == 3.25] == [True]
        daily = updated.waste_daily.set_index(["occurred_on", "site"])
        assert ("2025-06-01", "bank") not in daily.index  # its only entry was voided
        assert daily.loc[("2025-06-03", "masjid"), "destination"] == "kompos"  # moved by the correction
        assert updated.sites.set_index("site").loc["bank", "closed"]
        assert updated.sites.set_index("site").loc["bank", "population"] == 120

        assert read_models.rebuild() == position
        assert table_rows(read_models) == updated_rows
        assert_same_frames(read_models.frames(), updated)
    with ReadModels(app.store, page_size=3) as small_pages:
        small_pages.rebuild()
        assert table_rows(small_pages) == updated_rows
    replayed = replay_frames(app.store, position)
    assert_same_frames(replayed, updated)
    for by in ("month", "site", "category"):
        assert indicators.breakdown(replayed, by, *Y2025).equals(indicators.breakdown(updated, by, *Y2025))
    assert indicators.summary(replayed, *Y2025) == indicators.summary(updated, *Y2025)


def test_an_update_reads_only_the_events_recorded_since_the_last(app):
    record_city(app)
    with ReadModels(app.store) as read_models:
        read_models.update()
        assert read_models.update() == app.store.head_position()
        assert read_models.events_read == 0
        entry = app.record_waste("bank", category="kaca", kg=1, destination="olah", on=date(2025, 6, 1))
        app.void(str(entry), reason="salah", on=date(2025, 6, 1))
        # an exchange with items is two events: the entry's, read, and the ledger's, not read
        app.record_exchange("smpn6", bottles=20, items={"pensil": 1}, on=date(2025, 6, 1))
        assert read_models.update() == app.store.head_position()
        assert read_models.events_read == 3
        assert {row["projection"]: row["lag"] for row in read_models.status()} == {
            "sites": 0,
            "waste": 0,
            "sambo": 0,
            "ponds": 0,
            "city": 0,
        }


def test_status_before_any_catch_up_shows_the_whole_log_as_lag(app):
    app.add_site("bank", kind="waste-bank", name="Bank", on=date(2025, 1, 1))
    app.record_waste("bank", category="kaca", kg=1, destination="olah", on=date(2025, 6, 1))
    with ReadModels(app.store) as read_models:
        assert read_models.status() == [
            {"projection": name, "position": 0, "head": 2, "lag": 2, "unreadable": []} for name in ("sites", "waste", "sambo", "ponds", "city")
        ]
        assert read_models.frames().waste_daily.empty
        read_models.update()
        assert [row["lag"] for row in read_models.status()] == [0, 0, 0, 0, 0]


class Interrupted(Exception):
    pass


def interrupt() -> None:
    raise Interrupted


def at_page(page: int, action: Callable[[], object]) -> Callable[[int, int], None]:
    """A ``progress`` callback that runs ``action`` once, when the ``page``-th page is done."""
    done_pages: list[int] = []

    def progress(done: int, total: int) -> None:
        done_pages.append(done)
        if len(done_pages) == page:
            action()

    return progress


def test_a_rebuild_that_fails_part_way_leaves_the_previous_read_model_serving(app):
    record_city(app)
    with ReadModels(app.store, page_size=5) as read_models:
        read_models.update()
        before_rows = table_rows(read_models)
        before_status = read_models.status()
        more_records(app)
        with pytest.raises(Interrupted):
            read_models.rebuild(at_page(3, interrupt))
        assert table_rows(read_models) == before_rows
        assert read_models.status() == [
            {**row, "head": app.store.head_position(), "lag": app.store.head_position() - row["position"]}
            for row in before_status
        ]
        # the next rebuild succeeds, and equals a fresh update of the same log
        position = read_models.rebuild()
        rebuilt_rows = table_rows(read_models)
    assert position == app.store.head_position()
    with ReadModels(app.store) as fresh:
        with fresh.engine.begin() as conn:
            for table in fresh.live.values():
                conn.execute(table.delete())
            conn.execute(fresh.positions.delete())
        fresh.update()
        assert table_rows(fresh) == rebuilt_rows


def test_two_catch_ups_at_once_never_count_an_event_twice(app):
    record_city(app)
    with ReadModels(app.store, page_size=5) as first, ReadModels(app.store, page_size=5) as second:
        first.update(at_page(1, second.update))
        frames = first.frames()
        rows = table_rows(first)
    # 11 waste records (W9 voided, still a row), 5 exchanges, 2 handovers
    assert len(rows["waste"]) == len({row[0] for row in rows["waste"]}) == 11
    assert_waste_rolled_up_once(frames, live_entries=10)
    assert len(frames.exchanges) == 5
    assert len(frames.handovers) == 2
    assert frames.pond_records["entry_id"].is_unique


@pytest.mark.parametrize(
    "start,end",
    [(date(2024, 1, 1), date(2024, 12, 31)), Y2025, (date(2025, 2, 1), date(2025, 4, 30)), (date(2023, 1, 1), date(2023, 6, 30))],
)
def test_frames_for_a_period_give_the_same_figures_as_the_whole_read_model(app, start, end):
    record_city(app)
    with ReadModels(app.store) as read_models:
        read_models.update()
        whole = read_models.frames()
        period = read_models.frames(start, end)
    assert len(period.waste_daily) < len(whole.waste_daily)  # fewer rows were read …
    assert indicators.summary(period, start, end) == indicators.summary(whole, start, end)  # … same figures
    for site in ("smpn6", "masjid"):
        assert indicators.summary(period, start, end, site) == indicators.summary(whole, start, end, site)
    for by in ("month", "site", "category"):
        assert indicators.breakdown(period, by, start, end).equals(indicators.breakdown(whole, by, start, end))
    assert indicators.sambo_monthly(period, start, end).equals(indicators.sambo_monthly(whole, start, end))
    assert indicators.maduleni_monthly(period, start, end).equals(indicators.maduleni_monthly(whole, start, end))


def test_a_rebuild_overtaken_by_another_stops_and_the_other_publishes_each_row_once(app):
    from domain.errors import Refused

    record_city(app)
    with ReadModels(app.store, page_size=5) as first, ReadModels(app.store, page_size=5) as second:
        with pytest.raises(Refused, match="overtaken by another rebuild"):
            first.rebuild(at_page(2, second.rebuild))
        frames = second.frames()
        rows = table_rows(second)
    assert len(rows["waste"]) == len({row[0] for row in rows["waste"]}) == 11
    assert_waste_rolled_up_once(frames, live_entries=10)
    with ReadModels(app.store) as fresh:
        with fresh.engine.begin() as conn:
            for table in fresh.live.values():
                conn.execute(table.delete())
            conn.execute(fresh.positions.delete())
        fresh.update()
        assert table_rows(fresh) == rows

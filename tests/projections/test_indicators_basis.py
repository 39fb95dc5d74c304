"""Section 11 in the indicators: the estimate as timbulan, dikelola without open dumping, the
targets' three sources, month shares and the by-source table, against figures worked by hand
(records in basis_scenario.py), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from basis_scenario import record_basis_city

from domain.errors import InvalidValue
from projections import indicators
from projections.readmodels import ReadModels, replay_frames

Y2024 = (date(2024, 1, 1), date(2024, 12, 31))
ACROSS = (date(2024, 12, 1), date(2025, 1, 31))


@pytest.fixture
def frames(app):
    record_basis_city(app)
    with ReadModels(app.store) as read_models:
        read_models.update()
        return read_models.frames()


def test_a_leap_year_from_population_times_rate_with_open_dumping(frames):
    waste = indicators.summary(frames, *Y2024, basis="auto")["waste"]
    # A = 1,000 × 0.5 × 366 = 183,000; weighed W1 1000 + W2 200 = 1,200; B = 200; C = 1000 (W1 to tpa)
    assert waste["basis"] == "estimate"
    assert (waste["timbulan_kg"], waste["timbulan_estimate_kg"], waste["timbulan_measured_kg"]) == (183000.0, 183000.0, 1200.0)
    assert (waste["pengurangan_kg"], waste["penanganan_kg"]) == (200.0, 1000.0)
    assert waste["tidak_terkelola_kg"] == 181800.0  # 183,000 − 200 − 1,000
    assert waste["pct_pengurangan"] == 0.11  # 100 · 200 / 183,000 = 0.1093…
    assert waste["pct_penanganan"] == 0.55  # 100 · 1,000 / 183,000 = 0.5464…
    # dikelola: B + C − W1's 1,000 kg to an open-dumping TPA = 200
    assert waste["dikelola_kg"] == 200.0
    assert waste["pct_dikelola"] == 0.11  # 100 · 200 / 183,000
    # composition stays of what was weighed: plastik 200 / 1,200 = 16.666…
    assert waste["komposisi_pct"]["plastik"] == 16.67
    # targets: pengurangan and dikelola from 2024's record, penanganan the default
    assert waste["target"] == {"pct_pengurangan": 25, "pct_penanganan": 70, "pct_dikelola": 40}


def test_measured_keeps_the_old_meaning_and_still_reports_the_estimate(frames):
    waste = indicators.summary(frames, *Y2024, basis="measured")["waste"]
    assert waste["basis"] == "measured"
    assert (waste["timbulan_kg"], waste["timbulan_estimate_kg"]) == (1200.0, 183000.0)
    assert waste["pct_pengurangan"] == 16.67  # 200 / 1,200
    assert waste["tidak_terkelola_kg"] == 0.0
    assert waste["pct_dikelola"] == 16.67  # 200 / 1,200: W1 went to an open dump


def test_a_period_across_two_years_and_controlled_landfill(frames):
    waste = indicators.summary(frames, *ACROSS, basis="auto")["waste"]
    # 31 days of 2024 at 500 kg + 31 days of 2025 at 200,000 / 365:
    # 15,500 + 6,200,000 / 365 = 15,500 + 16,986.30137 = 32,486.30137
    assert waste["basis"] == "estimate"
    assert waste["timbulan_kg"] == 32486.301
    # weighed: W2 200 + W3 500 + W4 100 + bottles 0.5 = 800.5; B = 200.5; C = 500 (W3, controlled)
    assert waste["timbulan_measured_kg"] == 800.5
    assert waste["dikelola_kg"] == 700.5  # nothing went to an open dump in the period
    assert waste["pct_dikelola"] == 2.16  # 100 · 700.5 / 32,486.30137 = 2.1563…
    # targets of the last day's year, 2025: pengurangan default, penanganan 75, dikelola none
    assert waste["target"] == {"pct_pengurangan": 30, "pct_penanganan": 75, "pct_dikelola": None}


def test_a_caller_that_names_no_basis_gets_the_weighed_figures(frames):
    # indicators and the evidence pack ask for auto; other code keeps the figures it always had
    waste = indicators.summary(frames, *Y2024)["waste"]
    assert (waste["basis"], waste["timbulan_kg"], waste["timbulan_estimate_kg"]) == ("measured", 1200.0, 183000.0)
    months = indicators.breakdown(frames, "month", *Y2024).to_dict("records")
    assert {row["basis"] for row in months} == {"measured"}


def test_the_three_target_sources_in_their_order(frames):
    given = {"pct_pengurangan": 35, "pct_penanganan": None, "pct_dikelola": 45.5}
    # option 35 over the record's 25; penanganan: 2024 has none, the default 70; option 45.5 over 40
    assert indicators.summary(frames, *Y2024, targets=given, basis="auto")["waste"]["target"] == {
        "pct_pengurangan": 35, "pct_penanganan": 70, "pct_dikelola": 45.5,
    }


def test_months_follow_the_basis_each_its_share(frames):
    rows = {row["month"]: row for row in indicators.breakdown(frames, "month", *ACROSS, basis="auto").to_dict("records")}
    assert list(rows) == ["2024-12", "2025-01"]
    assert rows["2024-12"]["basis"] == "estimate"
    assert rows["2024-12"]["timbulan_kg"] == 15500.0  # 31 × 500
    assert rows["2024-12"]["timbulan_measured_kg"] == 200.0
    assert rows["2025-01"]["timbulan_kg"] == 16986.301  # 31 × 200,000 / 365
    assert rows["2025-01"]["tidak_terkelola_kg"] == 16485.801  # 16,986.30137 − 0.5 − 500
    measured = {row["month"]: row for row in indicators.breakdown(frames, "month", *ACROSS, basis="measured").to_dict("records")}
    assert measured["2025-01"]["timbulan_kg"] == 600.5
    assert measured["2025-01"]["timbulan_estimate_kg"] == 16986.301


def test_sites_categories_and_sources_are_always_measured(frames):
    sites = {row["site"]: row for row in indicators.breakdown(frames, "site", *Y2024, basis="auto").to_dict("records")}
    assert sites["rw"]["basis"] == "measured"
    assert sites["rw"]["timbulan_kg"] == 1000.0
    assert sites["rw"]["timbulan_estimate_kg"] is None
    assert sites["rw"]["dikelola_kg"] == 0.0  # its 1,000 kg went to an open dump
    sources = indicators.breakdown(frames, "source", date(2025, 1, 1), date(2025, 12, 31))
    assert list(sources.columns[:1]) == ["source"] and "pct_of_timbulan" in sources.columns
    assert not any(column.startswith("komposisi_pct") for column in sources.columns)
    rows = {row["source"]: row for row in sources.to_dict("records")}
    assert list(rows) == ["rumah-tangga", "perkantoran", "pasar", "perniagaan", "fasilitas-publik", "kawasan", "lainnya"]
    # 2025 weighed: rumah-tangga W3 500, perniagaan W4 100, fasilitas-publik bottles 0.5 = 600.5
    assert rows["rumah-tangga"]["pct_of_timbulan"] == 83.26  # 500 / 600.5 = 83.264…
    assert rows["perniagaan"]["pct_of_timbulan"] == 16.65  # 100 / 600.5 = 16.652…
    assert rows["fasilitas-publik"]["pct_of_timbulan"] == 0.08  # 0.5 / 600.5 = 0.0832…
    assert rows["fasilitas-publik"]["pengurangan_kg"] == 0.5
    assert rows["pasar"]["pct_of_timbulan"] == 0.0
    assert all(row["basis"] == "measured" for row in rows.values())
    categories = {row["category"]: row for row in indicators.breakdown(frames, "category", *Y2024, basis="auto").to_dict("records")}
    assert categories["sisa-makanan"]["pct_of_timbulan"] == 83.33  # 1,000 / 1,200


def test_one_site_is_measured_and_estimate_is_refused_for_it(frames):
    waste = indicators.summary(frames, *Y2024, site="rw", basis="auto")["waste"]
    assert (waste["basis"], waste["timbulan_kg"], waste["timbulan_estimate_kg"]) == ("measured", 1000.0, None)
    with pytest.raises(InvalidValue) as refused:
        indicators.summary(frames, *Y2024, site="rw", basis="estimate")
    assert (refused.value.field, refused.value.code) == ("--basis", "basis_with_site")


def test_estimate_is_refused_for_a_period_touching_a_year_without_one(frames):
    assert indicators.summary(frames, date(2023, 12, 1), date(2024, 1, 31), basis="auto")["waste"]["basis"] == "measured"
    with pytest.raises(InvalidValue) as refused:
        indicators.breakdown(frames, "month", date(2023, 12, 1), date(2024, 1, 31), basis="estimate")
    assert (refused.value.field, refused.value.data) == ("--basis", {"missing": [2023]})


def test_a_replay_gives_the_same_city_figures(app, frames):
    replayed = replay_frames(app.store, app.store.head_position())
    assert indicators.summary(replayed, *ACROSS, basis="auto") == indicators.summary(frames, *ACROSS, basis="auto")
    assert indicators.breakdown(replayed, "month", *ACROSS, basis="auto").equals(indicators.breakdown(frames, "month", *ACROSS, basis="auto"))

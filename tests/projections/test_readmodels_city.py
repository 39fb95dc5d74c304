"""The city record in the read models (SQLite and PostgreSQL): a rebuild equals an update, with
city events in several pages and after a first catch-up, and both equal a replay of the log."""

from __future__ import annotations

from datetime import date

import pandas.testing as pdt
from basis_scenario import record_basis_city

from cli.support import invoke
from projections import basis, indicators
from projections.readmodels import ReadModels, replay_frames
from projections.schema import FRAMED

Y2025 = (date(2025, 1, 1), date(2025, 12, 31))
ACROSS = (date(2024, 12, 1), date(2025, 1, 31))


def test_rebuild_and_update_give_the_same_city_and_figures(app):
    record_basis_city(app)
    with ReadModels(app.store, page_size=2) as read_models:
        read_models.update()
        # after the first catch-up: 2025 becomes open dumping, and its estimate is replaced
        app.set_city(2025, tpa_system="open-dumping", population=2000, kg_per_person_day=0.7)
        app.set_city(2025, timbulan_ton=150, province="Jawa Timur")
        app.record_waste("rw", category="sisa-makanan", kg=50, destination="tpa", on=date(2025, 2, 1))
        position = read_models.update()
        updated = read_models.frames()
        city = basis.city_of(updated)
        # the latest of each field: T = 150 t wins over population × rate, which is kept
        assert city.years[2025]["timbulan_ton"] == 150 and city.years[2025]["population"] == 2000
        assert city.years[2025]["tpa_system"] == "open-dumping"
        assert city.years[2025]["target_penanganan"] == 75  # given before, kept
        assert (city.name, city.province) == ("Kota Contoh", "Jawa Timur")
        summary = indicators.summary(updated, *Y2025, basis="auto")
        assert summary["waste"]["timbulan_kg"] == 150000.0  # 150 t
        # W3 500 + the new 50 went to a TPA now open dumping: dikelola = B 0.5 + C 550 − 550
        assert summary["waste"]["dikelola_kg"] == 0.5
        assert read_models.rebuild() == position
        rebuilt = read_models.frames()
    for name in FRAMED:
        pdt.assert_frame_equal(rebuilt.table(name), updated.table(name), obj=name)
    replayed = replay_frames(app.store, position)
    pdt.assert_frame_equal(replayed.city, updated.city)
    for period in (Y2025, ACROSS):
        assert indicators.summary(replayed, *period, basis="auto") == indicators.summary(updated, *period, basis="auto")
        assert indicators.summary(rebuilt, *period, basis="auto") == indicators.summary(updated, *period, basis="auto")
        for by in ("month", "source"):
            assert indicators.breakdown(rebuilt, by, *period, basis="auto").equals(indicators.breakdown(updated, by, *period, basis="auto"))


def test_projections_rebuild_and_update_on_the_command_line_give_the_same_estimate(db):
    assert invoke(db, "city", "set", "--year", "2025", "--population", "134000", "--kg-per-person-day", "0.73").exit_code == 0
    first = invoke(db, "indicators", "--year", "2025", "--format", "json").stdout
    assert invoke(db, "city", "set", "--year", "2025", "--kg-per-person-day", "0.75").exit_code == 0
    assert invoke(db, "projections", "update").exit_code == 0
    updated = invoke(db, "indicators", "--year", "2025", "--format", "json").stdout
    assert invoke(db, "projections", "rebuild").exit_code == 0
    rebuilt = invoke(db, "indicators", "--year", "2025", "--format", "json").stdout
    assert rebuilt == updated != first
    # 134,000 × 0.75 × 365 = 36,682,500
    assert '"timbulan_estimate_kg": 36682500.0' in updated

"""For any log of waste records, corrections and voids, and exchanges issuing items (some
voided), caught up in any pages at any points: the daily roll-ups hold exactly the sums of the
live entries, the period figures read from them equal the figures summed entry by entry here,
and a rebuild and an in-memory replay give the very same roll-ups. On both backends, each
example in a store of its own."""

from __future__ import annotations

import math
import uuid
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import pandas.testing as pdt
import pytest
from conftest import BACKENDS, TODAY, fresh_store
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from domain.values import CATEGORIES, DESTINATIONS, SOURCES
from envtrack.application import EnvTrack
from envtrack.store import resolve
from projections import indicators
from projections.readmodels import ReadModels, replay_frames
from projections.schema import FRAMED

SITES = ("rw-01", "rw-02", "smpn-1")
SCHOOL = "smpn-1"
FIRST = date(2024, 12, 30)  # a few days before the period, so that some entries fall outside it
PERIOD = (date(2025, 1, 1), date(2025, 1, 6))
PENGURANGAN = ("guna-ulang", "daur-ulang", "kompos")
PENANGANAN = ("bahan-baku", "olah", "tps", "tpa")

HARD_TO_ADD = (540_110, 331_137, 28_000, 635_371, 584_500, 798_440, 32_459, 70_500, 453_000, 249_600, 797_300)
"""Grams whose kg, added one after another, round away from their exact sum."""

days = st.integers(min_value=0, max_value=8)
grams = st.integers(min_value=1, max_value=5_000_000)  # kg to three decimals, 0.001 … 5,000
record = st.tuples(
    st.just("record"), st.sampled_from(SITES), days, st.sampled_from(CATEGORIES[:3]),
    st.sampled_from(DESTINATIONS), st.sampled_from(SOURCES[:2]), grams,
)
correct = st.tuples(
    st.just("correct"), st.integers(min_value=0, max_value=30),
    st.fixed_dictionaries({}, optional={
        "kg": grams, "category": st.sampled_from(CATEGORIES[:3]), "destination": st.sampled_from(DESTINATIONS),
        "source": st.sampled_from(SOURCES[:2]), "waste_date": days,
    }).filter(bool),
)
void = st.tuples(st.just("void"), st.integers(min_value=0, max_value=30))
exchange = st.tuples(st.just("exchange"), days, st.integers(min_value=0, max_value=3), grams)
void_exchange = st.tuples(st.just("void-exchange"), st.integers(min_value=0, max_value=30))
catch_up = st.tuples(st.just("catch-up"), st.integers(min_value=1, max_value=7))
logs = st.lists(st.one_of(record, record, correct, void, exchange, void_exchange, catch_up), min_size=1, max_size=30)


def run_log(app: EnvTrack, db: str, log: list[tuple]) -> tuple[dict, dict]:
    """Records the log; returns the waste entries and the exchanges as they stand (the model)."""
    waste: dict[Any, dict[str, Any]] = {}
    exchanges: dict[Any, dict[str, Any]] = {}
    for step in log:
        kind = step[0]
        if kind == "record":
            _, site, day, category, destination, source, g = step
            on = FIRST + timedelta(days=day)
            entry = app.record_waste(site, category=category, kg=g / 1000, destination=destination, source=source, on=on)
            waste[entry] = {"site": site, "day": on, "category": category, "destination": destination,
                            "source": source, "kg": g / 1000, "voided": False}
        elif kind in ("correct", "void") and waste:
            entry = list(waste)[step[1] % len(waste)]
            if waste[entry]["voided"]:
                continue
            if kind == "void":
                app.void(str(entry), reason="ganda", on=TODAY)
                waste[entry]["voided"] = True
                continue
            current = {**waste[entry], "waste_date": waste[entry]["day"]}
            changes = {field: value for field, value in step[2].items()
                       if value != (round(current["kg"] * 1000) if field == "kg" else
                                    (current["day"] - FIRST).days if field == "waste_date" else current[field])}
            if not changes:  # a correction that changes nothing is refused
                continue
            if "kg" in changes:
                changes["kg"] = changes["kg"] / 1000
            if "waste_date" in changes:
                changes["waste_date"] = FIRST + timedelta(days=changes["waste_date"])
            app.correct(str(entry), reason="timbang ulang", on=TODAY, **changes)
            if "waste_date" in changes:
                changes["day"] = changes.pop("waste_date")
            waste[entry].update(changes)
        elif kind == "exchange":
            _, day, pencils, g = step
            on = FIRST + timedelta(days=day)
            entry = app.record_exchange(SCHOOL, bottles=10, weight_kg=g / 1000, items={"pensil": pencils} if pencils else {}, on=on)
            exchanges[entry] = {"day": on, "pencils": pencils, "kg": g / 1000, "voided": False}
        elif kind == "void-exchange" and exchanges:
            entry = list(exchanges)[step[1] % len(exchanges)]
            if not exchanges[entry]["voided"]:
                app.void(str(entry), reason="salah hitung", on=TODAY)
                exchanges[entry]["voided"] = True
        elif kind == "catch-up":
            with ReadModels(resolve(db), page_size=step[1]) as read_models:
                read_models.update()
    return waste, exchanges


def expected_daily(waste: dict) -> dict[tuple, tuple[float, int]]:
    groups: dict[tuple, list[float]] = defaultdict(list)
    for entry in waste.values():
        if not entry["voided"]:
            key = (entry["day"].isoformat(), entry["site"], entry["category"], entry["source"], entry["destination"])
            groups[key].append(entry["kg"])
    return {key: (math.fsum(kgs), len(kgs)) for key, kgs in groups.items()}


def kg(value: float) -> float:
    return round(value, 3) + 0.0


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(log=logs, page_size=st.integers(min_value=1, max_value=9))
# a change to an entry of an earlier catch-up: to another day, another kg, voided; an exchange voided
@example(log=[("record", "rw-01", 3, CATEGORIES[0], "tpa", SOURCES[0], 1_500), ("catch-up", 5),
              ("correct", 0, {"waste_date": 6})], page_size=9)
@example(log=[("record", "rw-02", 3, CATEGORIES[1], "kompos", SOURCES[1], 2_250), ("catch-up", 5),
              ("correct", 0, {"kg": 750, "destination": "tps"})], page_size=9)
@example(log=[("record", "rw-01", 3, CATEGORIES[0], "tpa", SOURCES[0], 1_500),
              ("record", "rw-01", 3, CATEGORIES[0], "tpa", SOURCES[0], 2_000), ("catch-up", 5), ("void", 1)], page_size=9)
@example(log=[("exchange", 2, 3, 400), ("catch-up", 5), ("void-exchange", 0)], page_size=9)
# one group whose kg added in turn (SQLite's SUM) give 4520.4169999999995, exactly summed 4520.417
@example(log=[("record", "rw-01", 4, CATEGORIES[0], "tpa", SOURCES[0], g) for g in HARD_TO_ADD], page_size=9)
def test_roll_ups_and_their_figures_equal_the_entries_summed_one_by_one(backend, tmp_path, log, page_size):
    with fresh_store(backend, tmp_path, f"{uuid.uuid4().hex}.db") as db:
        app = EnvTrack(resolve(db), operator="tester", today=lambda: TODAY)
        try:
            for site in SITES:
                app.add_site(site, kind="school" if site == SCHOOL else "community", name=site.upper(), on=FIRST)
            app.set_rate(SCHOOL, "pensil", bottles=1, on=FIRST)
            app.receive_supplies(SCHOOL, "pensil", qty=1_000, on=FIRST)
            waste, exchanges = run_log(app, db, log)
        finally:
            app.close()
        with ReadModels(resolve(db), page_size=page_size) as read_models:
            read_models.update()
            updated = read_models.frames()
            period = read_models.frames(*PERIOD)
            read_models.rebuild()
            rebuilt = read_models.frames()
        replayed = replay_frames(resolve(db), updated.position)

    # the roll-up rows are the live entries' sums, exactly
    daily = updated.waste_daily
    found = {tuple(row[:5]): (row[5], row[6]) for row in daily.itertuples(index=False)}
    assert found == expected_daily(waste)
    for name in FRAMED:  # the same rows whichever way they were made
        pdt.assert_frame_equal(rebuilt.table(name), updated.table(name), obj=name, check_exact=True)
        pdt.assert_frame_equal(replayed.table(name), updated.table(name), obj=name, check_exact=True)

    # the period's figures, summed entry by entry
    start, end = (day.isoformat() for day in PERIOD)
    live = [e for e in waste.values() if not e["voided"] and start <= e["day"].isoformat() <= end]
    bottles = [x for x in exchanges.values() if not x["voided"] and start <= x["day"].isoformat() <= end]
    a = math.fsum([e["kg"] for e in live] + [x["kg"] for x in bottles])
    b = math.fsum([e["kg"] for e in live if e["destination"] in PENGURANGAN] + [x["kg"] for x in bottles])
    c = math.fsum(e["kg"] for e in live if e["destination"] in PENANGANAN)
    report = indicators.summary(period, *PERIOD)
    assert report == indicators.summary(updated, *PERIOD)
    figures = report["waste"]
    assert (figures["timbulan_kg"], figures["pengurangan_kg"], figures["penanganan_kg"]) == (kg(a), kg(b), kg(c))
    assert figures["tidak_terkelola_kg"] == kg(a - b - c)
    by_site = indicators.breakdown(period, "site", *PERIOD).set_index("site")["timbulan_kg"].to_dict()
    assert by_site == {
        site: kg(math.fsum([e["kg"] for e in live if e["site"] == site]
                           + ([x["kg"] for x in bottles] if site == SCHOOL else [])))
        for site in SITES
    }
    issued = sum(x["pencils"] for x in bottles)
    issued_by_end = sum(x["pencils"] for x in exchanges.values() if not x["voided"] and x["day"].isoformat() <= end)
    assert report["sambo"]["items_issued"] == ({"pensil": issued} if issued else {})
    assert report["sambo"]["stock"] == ({"pensil": 1_000 - issued_by_end} if issued_by_end != 1_000 else {})

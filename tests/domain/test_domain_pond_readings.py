"""Weighed samples, water tests, costs, feed types and causes of death on pond records."""

from __future__ import annotations

import json
from datetime import date

import pytest
from roundtrip import mapper, new_id, replay, state, through_snapshot

from domain.errors import InvalidValue, NoOpenCycle, TooManyFish
from domain.pond_norms import water_warnings
from domain.pond_readings import Sample, WaterTest
from domain.ponds import Feeding, Mortality, Pond, Stocking

START = date(2025, 3, 1)


def on(day: int) -> dict:
    return {"operator": "takmir", "on": date.fromordinal(START.toordinal() + day)}


def stocked_pond(fish: int = 500) -> tuple[Pond, list]:
    pond = Pond.add("kolam-lele", site="masjid-an-nur", volume_m3=4, system="terpal", **on(0))
    Stocking.record(new_id(), pond, species="lele", fish=fish, mean_g=8, cost_rp=250_000, **on(0))
    return pond, pond.collect_events()


def test_a_sample_is_kept_on_its_cycle_and_survives_a_reload():
    pond, events = stocked_pond()
    sample = Sample.record(new_id(), pond, fish=30, kg="1.5", **on(20))
    assert sample.mean_g == 50.0  # 1.5 kg / 30 fish = 50 g
    events += pond.collect_events()
    (kept,) = pond.cycles[pond.open_cycle]["samples"]
    assert kept == {"entry": sample.id.hex, "on": "2025-03-21", "count": 30, "kg": 1.5}
    assert state(replay(events)) == state(pond)
    assert state(through_snapshot(pond)) == state(pond)


@pytest.mark.parametrize(("fish", "kg", "field", "error"), [
    (0, 1.0, "count", InvalidValue), (-3, 1.0, "count", InvalidValue), (501, 1.0, "count", TooManyFish),
    (30, 0, "kg", InvalidValue), (30, -1, "kg", InvalidValue), (30, "nan", "kg", InvalidValue),
])
def test_a_sample_of_no_fish_more_fish_than_alive_or_no_weight_is_refused(fish, kg, field, error):
    pond, _ = stocked_pond(500)
    with pytest.raises(error) as refused:
        Sample.record(new_id(), pond, fish=fish, kg=kg, **on(20))
    assert refused.value.field == field
    assert pond.collect_events() == [] and pond.cycles[pond.open_cycle]["samples"] == []


def test_a_sample_needs_an_open_cycle():
    pond = Pond.add("kolam-lele", site="masjid-an-nur", volume_m3=4, system="terpal", **on(0))
    with pytest.raises(NoOpenCycle):
        Sample.record(new_id(), pond, fish=30, kg=1.5, **on(1))


def test_voiding_a_sample_withdraws_it_from_the_pond():
    pond, _ = stocked_pond()
    first = Sample.record(new_id(), pond, fish=30, kg=1.5, **on(20))
    second = Sample.record(new_id(), pond, fish=30, kg=2.4, **on(27))
    second.void_with(pond, "wrong scale", **on(28))
    assert [s["entry"] for s in pond.cycles[pond.open_cycle]["samples"]] == [first.id.hex]


def test_a_water_test_keeps_the_readings_given_and_none_for_the_rest():
    pond, events = stocked_pond()
    test = WaterTest.record(new_id(), pond, do="0.85", ph=6.37, ammonia=0.19, **on(3))
    assert test.readings() == {"do": 0.85, "ph": 6.37, "temp_c": None, "ammonia": 0.19}
    assert str(test.cycle_id) == pond.open_cycle
    events += pond.collect_events()
    assert pond.water_tests == [{"entry": test.id.hex, "on": "2025-03-04", "do_mg_l": 0.85, "ph": 6.37,
                                 "temp_c": None, "ammonia_mg_l": 0.19}]
    assert state(replay(events)) == state(pond)


def test_a_water_test_without_fish_has_no_cycle():
    pond = Pond.add("kolam-kosong", site="masjid-an-nur", volume_m3=4, system="terpal", **on(0))
    test = WaterTest.record(new_id(), pond, temp_c=-2, **on(1))  # −2 °C is cold, not impossible
    assert test.cycle_id is None and test.temp_c == -2.0


@pytest.mark.parametrize(("reading", "value"), [
    ("do", -0.1), ("do", 30.5), ("ph", -1), ("ph", 14.2), ("temp_c", -5.5), ("temp_c", 51),
    ("ammonia", -0.01), ("ammonia", 50.1), ("ph", "abc"), ("do", "inf"),
])
def test_a_reading_outside_what_water_can_be_is_refused(reading, value):
    pond, _ = stocked_pond()
    with pytest.raises(InvalidValue) as refused:
        WaterTest.record(new_id(), pond, **{reading: value}, **on(3))
    assert refused.value.field == reading
    assert pond.collect_events() == [] and pond.water_tests == []


@pytest.mark.parametrize(("reading", "value"), [("do", 0), ("do", 30), ("ph", 0), ("ph", 14), ("temp_c", 50),
                                                ("ammonia", 50)])
def test_the_ends_of_the_physical_ranges_are_accepted(reading, value):
    pond, _ = stocked_pond()
    assert WaterTest.record(new_id(), pond, **{reading: value}, **on(3)).readings()[reading] == value


def test_a_water_test_with_no_reading_is_refused():
    pond, _ = stocked_pond()
    with pytest.raises(InvalidValue) as refused:
        WaterTest.record(new_id(), pond, **on(3))
    assert refused.value.code == "no_reading" and pond.collect_events() == []


def test_water_norms_warn_per_species_and_never_for_other():
    # the UMS study's used wudu water: DO 0.85, pH 6.37, NH3 0.19 — low oxygen and acid for lele
    readings = {"do": 0.85, "ph": 6.37, "temp_c": 33.0, "ammonia": 1.2}
    lele = water_warnings("lele", readings)
    assert [(w["reading"], w["warning"], w["limit"]) for w in lele] == [
        ("do", "water_low", 3.0), ("ph", "water_low", 6.5), ("temp_c", "water_high", 30.0),
        ("ammonia", "water_high", 1.0)]
    nila = water_warnings("nila", readings)  # nila: 25–32 °C, pH 6.5–8.5, DO > 3, no ammonia norm
    assert [(w["reading"], w["warning"]) for w in nila] == [
        ("do", "water_low"), ("ph", "water_low"), ("temp_c", "water_high")]
    assert water_warnings("other", readings) == [] and water_warnings(None, readings) == []
    assert water_warnings("lele", {"do": 5.0, "ph": 7.0, "temp_c": 28.0, "ammonia": 0.5}) == []


def test_costs_feed_type_and_cause_are_recorded_trimmed():
    pond, _ = stocked_pond()
    feeding = Feeding.record(new_id(), pond, kg=10, cost_rp="120000", feed_type="  pelet PF-1000 ", **on(5))
    assert (feeding.cost_rp, feeding.feed_type) == (120_000, "pelet PF-1000")
    deaths = Mortality.record(new_id(), pond, fish=3, cause=" DO rendah ", **on(6))
    assert deaths.cause == "DO rendah"
    plain = Feeding.record(new_id(), pond, kg=1, **on(7))
    assert (plain.cost_rp, plain.feed_type) == (None, None)
    with pytest.raises(InvalidValue) as refused:
        Feeding.record(new_id(), pond, kg=1, cost_rp=0, **on(7))
    assert refused.value.field == "cost_rp"


def test_records_stored_before_version_2_are_upcast_with_no_cost_type_or_cause():
    """0.1.0 stored these events without the new fields (and without a class_version)."""
    pond, _ = stocked_pond()
    codec = mapper()
    for entry, added in (
        (Stocking.record(new_id(), pond, species="lele", fish=10, mean_g=None, **on(1)), ("cost_rp",)),
        (Feeding.record(new_id(), pond, kg=2, **on(1)), ("cost_rp", "feed_type")),
        (Mortality.record(new_id(), pond, fish=1, **on(1)), ("cause",)),
    ):
        (recorded,) = entry.collect_events()
        stored = codec.to_stored_event(recorded)
        old_state = json.loads(stored.state)
        assert old_state.pop("class_version") == 2
        for name in added:
            del old_state[name]
        old = type(stored)(stored.originator_id, stored.originator_version, stored.topic,
                           json.dumps(old_state).encode())
        decoded = codec.to_domain_event(old)
        assert all(getattr(decoded, name) is None for name in added)
        assert decoded.mutate(None).id == entry.id


def test_a_pond_snapshot_of_0_1_0_is_upcast_with_no_water_tests_and_no_samples():
    pond, _ = stocked_pond()
    snapshot = Pond.Snapshot.take(pond)
    old_state = dict(snapshot.state)
    del old_state["class_version"], old_state["water_tests"]
    for cycle in old_state["cycles"].values():
        del cycle["samples"]
    old = Pond.Snapshot(originator_id=snapshot.originator_id, originator_version=snapshot.originator_version,
                        timestamp=snapshot.timestamp, topic=snapshot.topic, state=old_state)
    loaded = old.mutate(None)
    assert loaded.water_tests == [] and loaded.cycles[loaded.open_cycle]["samples"] == []

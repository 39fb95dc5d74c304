"""MADULENI MANIS: ponds, growing cycles, fish counts and the voids that undo them."""

from __future__ import annotations

from datetime import date

import pytest
from roundtrip import new_id, replay, state, through_snapshot

from domain.errors import (
    AlreadyVoided,
    InvalidValue,
    NoOpenCycle,
    Refused,
    SpeciesMismatch,
    TooManyFish,
)
from domain.ponds import Feeding, Harvest, Mortality, Pond, Stocking, WaterInflow
from domain.values import pond_id

START = date(2025, 3, 1)


def on(day: int) -> dict:
    """The stamp of a record ``day`` days after 2025-03-01."""
    return {"operator": "takmir", "on": date.fromordinal(START.toordinal() + day)}


def new_pond() -> Pond:
    pond = Pond.add("kolam-lele", site="masjid-an-nur", volume_m3=4, system="terpal", **on(0))
    pond.collect_events()
    return pond


def stock(pond, fish=500, species="lele", mean_g=None, day=0):
    return Stocking.record(new_id(), pond, species=species, fish=fish, mean_g=mean_g, **on(day))


def harvest(pond, fish, kg=10.0, final=False, day=60, **sold):
    fields = {"sold_kg": None, "price_rp_per_kg": None, **sold}
    return Harvest.record(new_id(), pond, kg=kg, fish=fish, final=final, **fields, **on(day))


def cycle_of(pond: Pond) -> dict:
    return pond.cycles[pond.open_cycle]


# -- ponds and stocking -------------------------------------------------------------------------


def test_add_pond_records_its_site_volume_and_system():
    pond = Pond.add("kolam-1", site="masjid-an-nur", volume_m3="4.8", system="bioflok", **on(0))
    (added,) = pond.collect_events()
    assert added.originator_id == pond_id("kolam-1")
    assert (added.slug, added.site, added.volume_m3, added.system) == ("kolam-1", "masjid-an-nur", 4.8, "bioflok")
    assert pond.open_cycle is None


@pytest.mark.parametrize(("slug", "volume", "system", "field"),
                         [("Kolam", 4, None, "pond"), ("kolam-1", 0, None, "volume_m3"),
                          ("kolam-1", "nan", None, "volume_m3"), ("kolam-1", 4, "kolam-ikan", "system")])
def test_add_pond_refuses_bad_values(slug, volume, system, field):
    with pytest.raises(InvalidValue) as refusal:
        Pond.add(slug, site="masjid-an-nur", volume_m3=volume, system=system, **on(0))
    assert refusal.value.field == field


def test_first_stocking_opens_a_cycle_named_by_its_entry():
    pond = new_pond()
    entry = stock(pond, 500, mean_g=8)
    (recorded,) = entry.collect_events()
    assert (recorded.site, recorded.pond, recorded.species) == ("masjid-an-nur", "kolam-lele", "lele")
    assert (recorded.count, recorded.mean_g, recorded.cycle_id) == (500, 8.0, entry.id)
    (stocked,) = pond.collect_events()
    assert isinstance(stocked, Pond.FishStocked)
    assert (stocked.entry_id, stocked.cycle_id, stocked.count) == (entry.id, entry.id, 500)
    assert pond.open_cycle == str(entry.id)
    assert cycle_of(pond)["stocked_kg"] == pytest.approx(4.0)  # 500 × 8 g
    assert pond.alive(pond.open_cycle) == 500


def test_stocking_the_same_species_adds_to_the_open_cycle():
    pond = new_pond()
    first = stock(pond, 500)
    second = stock(pond, 200, day=3)
    assert second.cycle_id == first.id
    assert len(pond.cycles) == 1
    assert cycle_of(pond)["stocked"] == 700


def test_stocking_another_species_into_an_open_cycle_is_refused():
    pond = new_pond()
    stock(pond, 500)
    pond.collect_events()
    with pytest.raises(SpeciesMismatch) as refusal:
        stock(pond, 100, species="nila")
    assert (refusal.value.field, refusal.value.value) == ("species", "nila")
    assert "differs from the open cycle's lele" in str(refusal.value)
    assert pond.collect_events() == []


@pytest.mark.parametrize(("species", "fish", "mean_g", "field"),
                         [("gurame", 10, None, "species"), ("lele", 0, None, "count"),
                          ("lele", -1, None, "count"), ("lele", 10, 0, "mean_g"), ("lele", 10, "inf", "mean_g")])
def test_stocking_refuses_bad_values(species, fish, mean_g, field):
    pond = new_pond()
    with pytest.raises(InvalidValue) as refusal:
        stock(pond, fish, species=species, mean_g=mean_g)
    assert refusal.value.field == field
    assert pond.collect_events() == []


# -- feed, deaths and harvests ------------------------------------------------------------------


@pytest.mark.parametrize("record", ["feed", "mortality", "harvest"])
def test_feed_deaths_and_harvest_need_an_open_cycle(record):
    pond = new_pond()
    with pytest.raises(NoOpenCycle) as refusal:
        if record == "feed":
            Feeding.record(new_id(), pond, kg=2, **on(1))
        elif record == "mortality":
            Mortality.record(new_id(), pond, fish=1, **on(1))
        else:
            harvest(pond, 1)
    assert (refusal.value.field, refusal.value.value) == ("pond", "kolam-lele")
    assert "has no open growing cycle" in str(refusal.value)


def test_feed_is_added_to_the_open_cycle():
    pond = new_pond()
    cycle = stock(pond).id
    entry = Feeding.record(new_id(), pond, kg="2.5", **on(1))
    Feeding.record(new_id(), pond, kg=1.5, **on(2))
    assert (entry.cycle_id, entry.kg) == (cycle, 2.5)
    assert cycle_of(pond)["fed_kg"] == pytest.approx(4.0)


def test_deaths_up_to_the_fish_alive_are_recorded_and_more_are_refused():
    pond = new_pond()
    stock(pond, 100)
    Mortality.record(new_id(), pond, fish=40, **on(5))
    pond.collect_events()
    with pytest.raises(TooManyFish) as refusal:
        Mortality.record(new_id(), pond, fish=61, **on(6))
    assert (refusal.value.field, refusal.value.value) == ("count", 61)
    assert str(refusal.value) == "count 61: is more than the 60 fish alive in pond kolam-lele"
    assert pond.collect_events() == []
    Mortality.record(new_id(), pond, fish=60, **on(6))
    assert pond.alive(pond.open_cycle) == 0


def test_a_harvest_above_the_fish_alive_is_refused():
    pond = new_pond()
    stock(pond, 100)
    Mortality.record(new_id(), pond, fish=10, **on(5))
    with pytest.raises(TooManyFish) as refusal:
        harvest(pond, 91)
    assert refusal.value.value == 91


def test_records_dated_before_the_open_cycle_started_are_refused():
    pond = new_pond()
    stock(pond, 100, day=10)
    attempts = [
        lambda: Feeding.record(new_id(), pond, kg=1, **on(9)),
        lambda: Mortality.record(new_id(), pond, fish=1, **on(9)),
        lambda: harvest(pond, 1, day=9),
        lambda: stock(pond, 10, day=9),
    ]
    for attempt in attempts:
        with pytest.raises(InvalidValue) as refusal:
            attempt()
        assert (refusal.value.field, refusal.value.value) == ("date", "2025-03-10")
        assert str(refusal.value) == "date '2025-03-10': is before the open cycle started on 2025-03-11"


def test_a_bad_count_is_reported_before_the_missing_cycle():
    pond = new_pond()
    with pytest.raises(InvalidValue) as refusal:
        Mortality.record(new_id(), pond, fish="banyak", **on(1))
    assert refusal.value.field == "count"


def test_harvest_records_sales_and_refuses_half_a_sale_or_selling_more_than_harvested():
    pond = new_pond()
    stock(pond, 100)
    entry = harvest(pond, 50, kg=10, sold_kg=8, price_rp_per_kg=22000.4)
    recorded = entry.collect_events()[0]
    assert (recorded.kg, recorded.count, recorded.sold_kg, recorded.price_rp_per_kg) == (10, 50, 8, 22000)
    assert (recorded.final, recorded.written_off) == (False, 0)
    with pytest.raises(InvalidValue) as refusal:
        harvest(pond, 10, kg=2, sold_kg=1)
    assert refusal.value.field == "price_rp_per_kg"
    with pytest.raises(InvalidValue) as refusal:
        harvest(pond, 10, kg=2, sold_kg=3, price_rp_per_kg=20000)
    assert (refusal.value.field, refusal.value.value) == ("sold_kg", 3.0)


def test_final_harvest_closes_the_cycle_and_writes_off_fish_unaccounted_for():
    pond = new_pond()
    stock(pond, 500)
    Mortality.record(new_id(), pond, fish=20, **on(30))
    harvest(pond, 300, kg=30, day=70)
    final = harvest(pond, 150, kg=16, final=True, day=80)
    recorded = final.collect_events()[0]
    # 500 stocked − 20 dead − 300 − 150 harvested = 30 unaccounted for
    assert (recorded.final, recorded.written_off) == (True, 30)
    closed = next(iter(pond.cycles.values()))
    assert closed["closed"] is True
    assert closed["written_off"] == 30
    assert closed["closed_on"] == "2025-05-20"
    assert pond.open_cycle is None
    with pytest.raises(NoOpenCycle):
        Feeding.record(new_id(), pond, kg=1, **on(81))


def test_a_new_cycle_opens_after_the_last_one_closed_but_not_before():
    pond = new_pond()
    first = stock(pond, 100)
    harvest(pond, 100, final=True, day=60)
    with pytest.raises(InvalidValue) as refusal:
        stock(pond, 100, species="nila", day=59)
    assert str(refusal.value) == "date '2025-04-29': is before the previous cycle closed on 2025-04-30"
    second = stock(pond, 80, species="nila", day=60)
    assert second.cycle_id == second.id != first.id
    assert len(pond.cycles) == 2


def test_water_is_recorded_with_or_without_an_open_cycle():
    pond = new_pond()
    before = WaterInflow.record(new_id(), pond, liters=7500, **on(0))
    assert before.cycle_id is None
    cycle = stock(pond).id
    during = WaterInflow.record(new_id(), pond, liters="700.5", **on(1))
    assert (during.cycle_id, during.liters) == (cycle, 700.5)
    with pytest.raises(InvalidValue) as refusal:
        WaterInflow.record(new_id(), pond, liters=-1, **on(1))
    assert refusal.value.field == "liters"


# -- voids --------------------------------------------------------------------------------------


def test_voiding_a_death_or_a_harvest_returns_the_fish():
    pond = new_pond()
    stock(pond, 100)
    death = Mortality.record(new_id(), pond, fish=10, **on(5))
    catch = harvest(pond, 30, kg=6)
    pond.collect_events()
    death.void_with(pond, "counted the wrong pond", **on(61))
    catch.void_with(pond, "scale was wrong", **on(61))
    reversed_death, reversed_catch = pond.collect_events()
    assert isinstance(reversed_death, Pond.RecordReversed)
    assert (reversed_death.record, reversed_death.count, reversed_death.entry_id) == ("mortality", 10, death.id)
    assert (reversed_catch.record, reversed_catch.count, reversed_catch.kg) == ("harvest", 30, 6.0)
    assert pond.alive(pond.open_cycle) == 100
    assert cycle_of(pond)["harvest_kg"] == 0


def test_voiding_the_final_harvest_reopens_the_cycle():
    pond = new_pond()
    stock(pond, 100)
    final = harvest(pond, 90, final=True)
    final.void_with(pond, "not finished yet", **on(61))
    reversed_ = pond.collect_events()[-1]
    assert reversed_.reopens is True
    cycle = cycle_of(pond)
    assert (cycle["closed"], cycle["written_off"], cycle["harvested"]) == (False, 0, 0)
    assert pond.alive(pond.open_cycle) == 100


def test_the_final_harvest_cannot_reopen_while_another_cycle_is_open():
    pond = new_pond()
    stock(pond, 100)
    final = harvest(pond, 90, final=True)
    stock(pond, 50, day=61)
    pond.collect_events()
    with pytest.raises(Refused) as refusal:
        final.void_with(pond, "mistake", **on(62))
    assert refusal.value.value == str(final.id)
    assert "cannot reopen while another cycle is open" in str(refusal.value)
    assert pond.collect_events() == []
    assert final.voided is False


def test_the_final_harvest_cannot_reopen_a_cycle_that_a_later_cycle_followed():
    pond = new_pond()
    stock(pond, 100)
    first_final = harvest(pond, 90, final=True)
    stock(pond, 50, day=61)
    harvest(pond, 50, final=True, day=90)
    with pytest.raises(Refused) as refusal:
        first_final.void_with(pond, "mistake", **on(91))
    assert "a later cycle followed" in str(refusal.value)


def test_records_of_a_closed_cycle_cannot_be_voided_until_it_reopens():
    pond = new_pond()
    stock(pond, 100)
    feed = Feeding.record(new_id(), pond, kg=3, **on(1))
    harvest(pond, 100, final=True)
    with pytest.raises(Refused) as refusal:
        feed.void_with(pond, "mistake", **on(61))
    assert "belongs to a closed cycle" in str(refusal.value)


def test_voiding_a_stocking_whose_fish_were_harvested_is_refused():
    pond = new_pond()
    first = stock(pond, 100)
    stock(pond, 50, day=1)
    harvest(pond, 80)
    pond.collect_events()
    with pytest.raises(Refused) as refusal:
        first.void_with(pond, "mistake", **on(61))
    assert str(refusal.value) == (
        f"entry '{first.id}': stocked 100 fish but only 70 are still alive in pond kolam-lele "
        "(the rest were harvested or died)"
    )
    assert pond.collect_events() == []


def test_voiding_the_only_stocking_of_a_fed_cycle_is_refused():
    pond = new_pond()
    only = stock(pond, 100)
    Feeding.record(new_id(), pond, kg=3, **on(1))
    with pytest.raises(Refused) as refusal:
        only.void_with(pond, "wrong pond", **on(2))
    assert "has feed records: void those first" in str(refusal.value)


def test_voiding_the_only_stocking_of_an_untouched_cycle_removes_the_cycle():
    pond = new_pond()
    only = stock(pond, 100, mean_g=5)
    only.void_with(pond, "wrong pond", **on(1))
    assert pond.cycles == {}
    assert pond.open_cycle is None
    stock(pond, 10, species="nila", day=1)  # another species may now be stocked


def test_voiding_a_pond_entry_twice_is_refused_and_water_voids_touch_no_cycle():
    pond = new_pond()
    stock(pond, 100)
    water = WaterInflow.record(new_id(), pond, liters=500, **on(1))
    pond.collect_events()
    water.void_with(pond, "meter misread", **on(2))
    assert pond.collect_events() == []
    with pytest.raises(AlreadyVoided):
        water.void_with(pond, "again", **on(2))


# -- replay and snapshots -----------------------------------------------------------------------


def test_pond_state_survives_replay_and_snapshot():
    pond = Pond.add("kolam-lele", site="masjid-an-nur", volume_m3=4, system=None, **on(0))
    stock(pond, 100, mean_g=8)
    Feeding.record(new_id(), pond, kg=3, **on(1))
    final = harvest(pond, 90, final=True)
    final.void_with(pond, "not yet", **on(61))
    harvest(pond, 95, kg=12, final=True, day=62)
    stock(pond, 40, species="nila", day=63)
    events = pond.collect_events()
    assert state(replay(events)) == state(pond)
    assert state(through_snapshot(pond)) == state(pond)
    assert through_snapshot(pond).alive(pond.open_cycle) == 40
    assert state(replay(final.collect_events())) == state(final)


def test_a_final_harvest_of_nothing_closes_a_cycle_whose_fish_all_died():
    pond = new_pond()
    stock(pond, 100)
    Mortality.record(new_id(), pond, fish=100, **on(20))
    with pytest.raises(TooManyFish):
        harvest(pond, 1, day=21, final=True)
    final = harvest(pond, "0", kg="0", final=True, day=21)
    recorded = final.collect_events()[0]
    assert (recorded.count, recorded.kg, recorded.final, recorded.written_off) == (0, 0.0, True, 0)
    assert pond.open_cycle is None
    stock(pond, 50, species="nila", day=22)  # a new species may now be stocked


def test_an_empty_final_harvest_writes_off_every_fish_left():
    pond = new_pond()
    stock(pond, 100)
    Mortality.record(new_id(), pond, fish=60, **on(20))
    recorded = harvest(pond, 0, kg=0, final=True, day=21).collect_events()[0]
    assert recorded.written_off == 40


@pytest.mark.parametrize(("fish", "kg", "final"), [(0, 0, False), (0, 2, True), (3, 0, True), (False, 0, True)])
def test_only_a_final_harvest_may_be_empty_and_only_wholly(fish, kg, final):
    pond = new_pond()
    stock(pond, 100)
    with pytest.raises(InvalidValue):
        harvest(pond, fish, kg=kg, final=final)

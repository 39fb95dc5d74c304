"""Any sequence of pond commands, accepted or refused, keeps the fish counts whole."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from roundtrip import new_id, replay, state, through_snapshot

from domain.errors import DomainError
from domain.ponds import Feeding, Harvest, Mortality, Pond, Stocking

START = date(2025, 1, 1)

days = st.integers(min_value=0, max_value=150)
fish = st.integers(min_value=1, max_value=300)
commands = st.lists(
    st.one_of(
        st.tuples(st.just("stock"), st.sampled_from(["lele", "nila"]), fish, days),
        st.tuples(st.just("feed"), st.floats(min_value=0.1, max_value=50), days),
        st.tuples(st.just("die"), fish, days),
        st.tuples(st.just("harvest"), fish, st.booleans(), days),
        st.tuples(st.just("harvest"), st.just(0), st.just(True), days),  # an empty final harvest
        st.tuples(st.just("void"), st.integers(min_value=0, max_value=40)),
    ),
    max_size=40,
)


def run(pond: Pond, entries: list, command: tuple) -> None:
    kind = command[0]

    def stamp(day: int) -> dict:
        return {"operator": "takmir", "on": START + timedelta(days=day)}

    if kind == "stock":
        _, species, count, day = command
        entries.append(Stocking.record(new_id(), pond, species=species, fish=count, mean_g=5, **stamp(day)))
    elif kind == "feed":
        _, kg, day = command
        entries.append(Feeding.record(new_id(), pond, kg=kg, **stamp(day)))
    elif kind == "die":
        _, count, day = command
        entries.append(Mortality.record(new_id(), pond, fish=count, **stamp(day)))
    elif kind == "harvest":
        _, count, final, day = command
        entries.append(
            Harvest.record(new_id(), pond, kg=count / 8, fish=count, sold_kg=None, price_rp_per_kg=None,
                           final=final, **stamp(day))
        )
    elif entries:
        entry = entries[command[1] % len(entries)]
        entry.void_with(pond, "checked again", **stamp(150))


def tally(entries: list, cls: type, cycle: str) -> int:
    return sum(e.count for e in entries if isinstance(e, cls) and not e.voided and str(e.cycle_id) == cycle)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commands)
def test_fish_counts_stay_whole_whatever_is_recorded_or_voided(sequence):
    pond = Pond.add("kolam-1", site="masjid-1", volume_m3=4, system=None, operator="takmir", on=START)
    entries: list = []
    for command in sequence:
        before = state(pond)
        try:
            run(pond, entries, command)
        except DomainError:
            assert state(pond) == before, "a refused command changed the pond"
        open_cycles = [key for key, c in pond.cycles.items() if not c["closed"]]
        assert open_cycles == ([] if pond.open_cycle is None else [pond.open_cycle])
        for key, cycle in pond.cycles.items():
            # the cycle's figures are exactly what its live (not voided) entries say
            assert cycle["stocked"] == tally(entries, Stocking, key)
            assert cycle["dead"] == tally(entries, Mortality, key)
            assert cycle["harvested"] == tally(entries, Harvest, key)
            alive = pond.alive(key)
            assert alive >= 0
            assert cycle["written_off"] >= 0
            assert cycle["stocked"] == cycle["dead"] + cycle["harvested"] + alive + cycle["written_off"]
            assert cycle["fed_kg"] >= -1e-9
            if cycle["closed"]:
                assert alive == 0
            else:
                assert cycle["written_off"] == 0
    assert state(replay(pond.collect_events())) == state(pond)
    assert state(through_snapshot(pond)) == state(pond)

"""Waste records by SIPSN category, source and destination, and their corrections."""

from __future__ import annotations

from datetime import date

import pytest
from roundtrip import new_id, replay, state, through_snapshot

from domain.errors import AlreadyVoided, InvalidValue
from domain.waste import WasteEntry

ON = date(2025, 6, 2)
STAMP = {"operator": "pak-budi", "on": ON}


def record(**overrides) -> WasteEntry:
    fields = {"site": "bank-sampah-1", "category": "plastik", "kg": 12.5, "destination": "daur-ulang",
              "source": "rumah-tangga", **STAMP, **overrides}
    return WasteEntry.record(new_id(), **fields)


def test_waste_record_carries_every_field_operator_and_date():
    entry = record(kg="12.5")
    (recorded,) = entry.collect_events()
    assert isinstance(recorded, WasteEntry.Recorded)
    assert (recorded.site, recorded.category, recorded.kg) == ("bank-sampah-1", "plastik", 12.5)
    assert (recorded.destination, recorded.source) == ("daur-ulang", "rumah-tangga")
    assert (recorded.operator, recorded.occurred_on) == ("pak-budi", ON)


def test_a_city_level_mass_is_accepted():
    assert record(kg=35_882_000.0).kg == 35_882_000.0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [({"category": "b3"}, "category"), ({"destination": "sungai"}, "destination"),
     ({"source": "sekolah"}, "source"), ({"kg": 0}, "kg"), ({"kg": "-1"}, "kg"),
     ({"kg": float("nan")}, "kg"), ({"kg": "inf"}, "kg"), ({"kg": "sepuluh"}, "kg")],
)
def test_waste_record_refuses_unknown_vocabulary_and_bad_masses(overrides, field):
    with pytest.raises(InvalidValue) as refusal:
        record(**overrides)
    assert refusal.value.field == field


def test_correction_keeps_the_previous_values_and_the_reason():
    entry = record()
    entry.collect_events()
    entry.correct(reason=" scale read wrong ", kg=13, destination="kompos", category="plastik",
                  waste_date=date(2025, 6, 1), operator="bu-ani", on=date(2025, 6, 3))
    (corrected,) = entry.collect_events()
    assert isinstance(corrected, WasteEntry.Corrected)
    assert corrected.changes == {"kg": 13.0, "destination": "kompos", "occurred_on": date(2025, 6, 1)}
    assert corrected.previous == {"kg": 12.5, "destination": "daur-ulang", "occurred_on": ON}
    assert (corrected.reason, corrected.operator, corrected.occurred_on) == (
        "scale read wrong", "bu-ani", date(2025, 6, 3))
    assert (entry.kg, entry.destination, entry.occurred_on) == (13.0, "kompos", date(2025, 6, 1))


def test_a_correction_that_changes_nothing_is_refused():
    entry = record()
    entry.collect_events()
    with pytest.raises(InvalidValue) as refusal:
        entry.correct(reason="check", kg=12.5, source="rumah-tangga", **STAMP)
    assert (refusal.value.field, refusal.value.value) == ("correct", str(entry.id))
    assert "changes nothing" in str(refusal.value)
    assert entry.collect_events() == []


@pytest.mark.parametrize(("change", "field"), [({"kg": -3}, "kg"), ({"category": "b3"}, "category"),
                                               ({"destination": "x"}, "destination"), ({"source": "x"}, "source")])
def test_a_correction_to_a_bad_value_is_refused(change, field):
    entry = record()
    with pytest.raises(InvalidValue) as refusal:
        entry.correct(reason="fix", **change, **STAMP)
    assert refusal.value.field == field


def test_a_correction_needs_a_reason():
    entry = record()
    entry.collect_events()
    with pytest.raises(InvalidValue) as refusal:
        entry.correct(reason="", kg=10, **STAMP)
    assert refusal.value.field == "reason"
    assert entry.kg == 12.5


def test_a_voided_entry_cannot_be_corrected_or_voided_again():
    entry = record()
    entry.void("duplicate of the morning entry", "pak-budi", ON)
    assert entry.voided is True
    assert entry.void_reason == "duplicate of the morning entry"
    with pytest.raises(AlreadyVoided) as refusal:
        entry.correct(reason="fix", kg=10, **STAMP)
    assert (refusal.value.field, refusal.value.value) == ("entry", str(entry.id))
    with pytest.raises(AlreadyVoided):
        entry.void("again", "pak-budi", ON)


def test_waste_state_with_dates_in_corrections_survives_replay_and_snapshot():
    entry = record()
    entry.correct(reason="date", waste_date=date(2025, 5, 31), **STAMP)
    entry.correct(reason="mass", kg=11, **STAMP)
    events = entry.collect_events()
    assert events[1].previous == {"occurred_on": ON}
    back = replay(events)
    assert state(back) == state(entry)
    assert back.occurred_on == date(2025, 5, 31)
    assert state(through_snapshot(entry)) == state(entry)

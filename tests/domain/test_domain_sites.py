"""Sites: registration, updates (with previous values) and closing."""

from __future__ import annotations

from datetime import date

import pytest
from roundtrip import replay, state, through_snapshot

from domain.errors import InvalidValue, SiteClosed, WrongSiteKind
from domain.sites import Site
from domain.values import site_id

ON = date(2025, 6, 1)


def school(**overrides) -> Site:
    fields = {
        "kelurahan": "Kranggan",
        "kecamatan": "Prajurit Kulon",
        "population": 720,
        "operator": "bu-ani",
        "on": ON,
    }
    fields.update(overrides)
    return Site.register("smpn-6", "school", "SMP Negeri 6 Kota Mojokerto", **fields)


def test_register_records_every_field_with_operator_and_date():
    site = school()
    (event,) = site.collect_events()
    assert isinstance(event, Site.Registered)
    assert event.originator_id == site_id("smpn-6")
    assert (event.slug, event.kind, event.name) == ("smpn-6", "school", "SMP Negeri 6 Kota Mojokerto")
    assert (event.kelurahan, event.kecamatan, event.population) == ("Kranggan", "Prajurit Kulon", 720)
    assert (event.operator, event.occurred_on) == ("bu-ani", ON)
    assert site.closed is False


@pytest.mark.parametrize("kind", ["school", "mosque", "waste-bank", "tps3r", "community"])
def test_every_site_kind_is_accepted(kind):
    assert Site.register("site-1", kind, "A site", kelurahan=None, kecamatan=None,
                         population=None, operator="op", on=ON).kind == kind


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("Smpn6", "school", "x"), "site"),
        (("s", "school", "x"), "site"),
        (("smpn-6", "pesantren", "x"), "kind"),
        (("smpn-6", "school", "   "), "name"),
    ],
)
def test_register_refuses_bad_slug_kind_and_empty_name(args, field):
    with pytest.raises(InvalidValue) as refusal:
        Site.register(*args, kelurahan=None, kecamatan=None, population=None, operator="op", on=ON)
    assert refusal.value.field == field


def test_register_refuses_a_population_that_is_not_a_whole_positive_number():
    with pytest.raises(InvalidValue) as refusal:
        school(population=-5)
    assert (refusal.value.field, refusal.value.value) == ("population", -5)


def test_update_records_only_what_changed_and_the_previous_values():
    site = school()
    site.collect_events()
    site.update(name="SMPN 6 Mojokerto", population=720, kecamatan="Magersari", operator="pak-budi", on=ON)
    (event,) = site.collect_events()
    assert isinstance(event, Site.Updated)
    assert event.changes == {"name": "SMPN 6 Mojokerto", "kecamatan": "Magersari"}
    assert event.previous == {"name": "SMP Negeri 6 Kota Mojokerto", "kecamatan": "Prajurit Kulon"}
    assert event.operator == "pak-budi"
    assert site.name == "SMPN 6 Mojokerto"


def test_update_that_changes_nothing_is_refused():
    site = school()
    with pytest.raises(InvalidValue) as refusal:
        site.update(population=720, operator="op", on=ON)
    assert (refusal.value.field, refusal.value.value) == ("site update", "smpn-6")
    assert "changes nothing" in str(refusal.value)


def test_a_closed_site_refuses_updates_and_a_second_close():
    site = school()
    site.close("  moved to a new building ", operator="op", on=ON)
    events = site.collect_events()
    assert events[-1].reason == "moved to a new building"
    with pytest.raises(SiteClosed) as refusal:
        site.check_open()
    assert refusal.value.field == "site"
    assert str(refusal.value) == (
        f"site 'smpn-6': is closed from {ON.isoformat()} (moved to a new building): "
        f"only records dated before {ON.isoformat()} are accepted"
    )
    with pytest.raises(SiteClosed):
        site.update(name="New", operator="op", on=ON)
    with pytest.raises(SiteClosed):
        site.close("again", operator="op", on=ON)


def test_close_needs_a_reason():
    site = school()
    with pytest.raises(InvalidValue) as refusal:
        site.close("  ", operator="op", on=ON)
    assert refusal.value.field == "reason"
    assert site.closed is False


def test_check_kind_refuses_a_programme_at_the_wrong_kind_of_site():
    mosque = Site.register("masjid-1", "mosque", "Masjid", kelurahan=None, kecamatan=None,
                           population=None, operator="op", on=ON)
    with pytest.raises(WrongSiteKind) as refusal:
        mosque.check_kind(("school",), "SAMBO DIKARTU AS")
    assert str(refusal.value) == "site 'masjid-1': is a mosque; SAMBO DIKARTU AS runs only at: school"


def test_site_state_survives_replay_and_snapshot():
    site = school()
    site.update(name="SMPN 6", operator="op", on=ON)
    site.close("merged", operator="op", on=date(2025, 6, 2))
    events = site.collect_events()
    assert state(replay(events)) == state(site)
    assert state(through_snapshot(site)) == state(site)
    assert through_snapshot(site).registered_on == ON


def test_a_closure_takes_effect_from_its_date():
    site = school()
    site.close("merged with SDN 2", operator="op", on=date(2025, 6, 1))
    site.check_open(date(2025, 5, 31))  # the day before: still accepted
    for on in (date(2025, 6, 1), date(2025, 6, 2)):
        with pytest.raises(SiteClosed) as refusal:
            site.check_open(on)
        assert (refusal.value.code, refusal.value.data["closed_on"]) == ("site_closed_from", "2025-06-01")


def test_a_closure_date_survives_a_snapshot():
    site = school()
    site.close("moved", operator="op", on=ON)
    assert through_snapshot(site).closed_on == ON


def test_a_snapshot_from_before_closure_dates_keeps_refusing_every_record():
    site = school()
    site.close("moved", operator="op", on=ON)
    snapshot = Site.Snapshot.take(site)
    del snapshot.state["closed_on"], snapshot.state["class_version"]  # as version 1 took it
    restored = snapshot.mutate(None)
    assert restored.closed_on is None
    with pytest.raises(SiteClosed) as refusal:
        restored.check_open(date(2000, 1, 1))
    assert str(refusal.value) == "site 'smpn-6': is closed (moved)"

"""Sites' location (lat/lng, version 2 of the site): recorded, changed, refused out of range, and
read back as None from events and snapshots written before sites had one."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from roundtrip import mapper, replay, stored_and_back, through_snapshot

from domain.errors import InvalidValue
from domain.sites import Site

ON = date(2025, 6, 1)
STAMP = {"operator": "dlh", "on": ON}


def bank(**location) -> Site:
    return Site.register("bs-melati", "waste-bank", "Bank Sampah Melati", kelurahan="Wates", kecamatan="Magersari",
                         population=None, **location, **STAMP)


def test_register_records_the_location_in_decimal_degrees():
    site = bank(lat="-7.4722", lng="112.4342")
    (event,) = site.collect_events()
    assert (event.lat, event.lng) == (-7.4722, 112.4342)
    assert (site.lat, site.lng) == (-7.4722, 112.4342)
    assert (replay([event]).lat, replay([event]).lng) == (-7.4722, 112.4342)


def test_a_comma_is_a_decimal_mark_and_three_decimals_are_never_thousands():
    site = bank(lat="-7,472", lng="112.434")  # 112.434 cannot be 112434 degrees
    assert (site.lat, site.lng) == (-7.472, 112.434)


def test_a_site_without_a_location_has_none():
    site = bank()
    assert (site.lat, site.lng) == (None, None)


def test_update_changes_the_location_and_keeps_the_previous_one():
    site = bank(lat=-7.5, lng=112.4)
    site.collect_events()
    site.update(lat="-7.47", **STAMP)
    (event,) = site.collect_events()
    assert event.changes == {"lat": -7.47} and event.previous == {"lat": -7.5}
    assert (site.lat, site.lng) == (-7.47, 112.4)


@pytest.mark.parametrize(
    ("location", "field", "code"),
    [
        ({"lat": "90.5"}, "lat", "coordinate_out_of_range"),
        ({"lat": "-91"}, "lat", "coordinate_out_of_range"),
        ({"lng": "180.01"}, "lng", "coordinate_out_of_range"),
        ({"lng": -200}, "lng", "coordinate_out_of_range"),
        ({"lat": "7°28'S"}, "lat", "not_a_coordinate"),
        ({"lng": "1e2"}, "lng", "not_a_coordinate"),
        ({"lng": "nan"}, "lng", "not_a_coordinate"),
        ({"lat": float("inf")}, "lat", "coordinate_out_of_range"),
    ],
)
def test_a_coordinate_out_of_range_or_unreadable_is_refused_naming_its_field(location, field, code):
    with pytest.raises(InvalidValue) as refused:
        bank(**location)
    assert (refused.value.field, refused.value.code) == (field, code)


def test_the_edges_of_the_ranges_are_accepted():
    site = bank(lat="-90", lng="180")
    assert (site.lat, site.lng) == (-90.0, 180.0)


def test_an_update_out_of_range_is_refused_and_changes_nothing():
    site = bank(lat=-7.5, lng=112.4)
    site.collect_events()
    with pytest.raises(InvalidValue) as refused:
        site.update(lng="181", **STAMP)
    assert refused.value.field == "lng"
    assert site.collect_events() == [] and site.lng == 112.4


def test_a_registration_stored_before_sites_had_a_location_decodes_with_none():
    """The stored form of version 1: no lat, no lng, no class_version (what 0.1.0 wrote)."""
    codec = mapper()
    stored = codec.to_stored_event(bank(lat=-7.5, lng=112.4).collect_events()[0])
    state = json.loads(stored.state)
    assert state.pop("class_version") == 2
    del state["lat"], state["lng"]
    old = replace(stored, state=json.dumps(state).encode())
    event = codec.to_domain_event(old)
    assert (event.lat, event.lng) == (None, None)
    site = event.mutate(None)
    assert (site.lat, site.lng, site.name) == (None, None, "Bank Sampah Melati")


def test_a_snapshot_taken_before_sites_had_a_location_loads_with_none():
    site = bank(lat=-7.5, lng=112.4)
    snapshot = stored_and_back(Site.Snapshot.take(site))
    old_state = dict(snapshot.state)
    old_state.pop("class_version")
    del old_state["lat"], old_state["lng"]
    loaded = replace(snapshot, state=old_state).mutate(None)
    assert (loaded.lat, loaded.lng, loaded.slug) == (None, None, "bs-melati")
    assert through_snapshot(site).lat == -7.5

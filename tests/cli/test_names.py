"""Names with quotes, apostrophes, SQL fragments and non-ASCII letters come back unchanged."""

from __future__ import annotations

import json

import pytest

AWKWARD = [
    'Masjid Al-Ikhlas "Baitul" Ma\'mur',
    "'; DROP TABLE stored_events; --",
    "Robert'); DELETE FROM envtrack_events WHERE ('1'='1",
    "Ṣāliḥ",
    "Sekolah Dasar Ñ",
    "SD Negeri 1 {site} %s \\n",
]


@pytest.mark.parametrize("name", AWKWARD)
def test_awkward_site_names_round_trip(name, envtrack):
    envtrack("site", "add", "masjid-1", "--kind", "mosque", "--name", name, "--kelurahan", "Ma'mur \"Lor\"", "--date", "2025-03-03")
    shown = json.loads(envtrack("site", "show", "masjid-1", "--format", "json").stdout)
    assert (shown["name"], shown["kelurahan"]) == (name, "Ma'mur \"Lor\"")
    listed = json.loads(envtrack("site", "list", "--format", "json").stdout)
    assert [site["name"] for site in listed] == [name]
    log = json.loads(envtrack("log", "--format", "json").stdout)
    assert log[0]["data"]["name"] == name
    assert name in log[0]["summary"]
    assert name in envtrack("site", "show", "masjid-1").stdout


def test_awkward_pupil_operator_and_reason_round_trip(envtrack):
    envtrack("site", "add", "sdn-1", "--kind", "school", "--name", "SD Negeri 1")
    entry = envtrack(
        "exchange", "record", "sdn-1", "--bottles", "3", "--pupil", "'; DROP TABLE stored_events; --",
        "--class", "5 \"B\"", operator="Ṣāliḥ O'Neil",
    ).entry_id
    envtrack("void", entry, "--reason", "nama 'salah' \"dobel\" ñ", operator="Ṣāliḥ O'Neil")
    log = json.loads(envtrack("log", "--format", "json").stdout)
    recorded, voided = log[-2], log[-1]
    assert recorded["data"]["pupil"] == "'; DROP TABLE stored_events; --"
    assert recorded["data"]["pupil_class"] == "5 \"B\""
    assert voided["data"]["reason"] == "nama 'salah' \"dobel\" ñ"
    assert {recorded["operator"], voided["operator"]} == {"Ṣāliḥ O'Neil"}

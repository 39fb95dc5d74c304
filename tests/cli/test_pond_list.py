"""``pond list``, a site's ponds in ``site show``, and a pond slug taken at another site."""

from __future__ import annotations

import json

from cli.support import assert_refused


def _two_mosques(envtrack):
    envtrack("site", "add", "masjid-1", "--kind", "mosque", "--name", "Masjid 1")
    envtrack("site", "add", "masjid-2", "--kind", "mosque", "--name", "Masjid 2")
    envtrack("pond", "add", "kolam-b", "--site", "masjid-1", "--volume-m3", "3", "--system", "terpal")
    envtrack("pond", "add", "kolam-a", "--site", "masjid-1", "--volume-m3", "4.5")
    envtrack("pond", "add", "kolam-c", "--site", "masjid-2", "--volume-m3", "2")
    envtrack("pond", "stock", "kolam-b", "--species", "lele", "--count", "500", "--date", "2025-01-01")
    envtrack("pond", "mortality", "kolam-b", "--count", "20", "--date", "2025-01-10")


def test_pond_list_shows_every_pond_by_slug_with_its_open_cycle(envtrack):
    _two_mosques(envtrack)
    rows = json.loads(envtrack("pond", "list", "--format", "json").stdout)
    assert [row["pond"] for row in rows] == ["kolam-a", "kolam-b", "kolam-c"]
    assert rows[1] == {"pond": "kolam-b", "site": "masjid-1", "volume_m3": 3.0, "system": "terpal",
                       "species": "lele", "started_on": "2025-01-01", "alive": 480}  # 500 − 20
    assert rows[0]["alive"] is None and rows[0]["species"] is None
    table = envtrack("pond", "list", "--site", "masjid-2")
    assert table.exit_code == 0
    assert "kolam-c" in table.stdout and "kolam-a" not in table.stdout


def test_pond_list_of_an_unknown_site_is_refused(envtrack):
    _two_mosques(envtrack)
    assert_refused(envtrack("pond", "list", "--site", "masjid-9"), "site")


def test_site_show_lists_the_sites_ponds(envtrack):
    _two_mosques(envtrack)
    shown = json.loads(envtrack("site", "show", "masjid-1", "--format", "json").stdout)
    assert shown["ponds"] == ["kolam-a", "kolam-b"]
    table = envtrack("site", "show", "masjid-1")
    assert "kolam-a, kolam-b" in table.stdout
    assert json.loads(envtrack("site", "show", "masjid-2", "--format", "json").stdout)["ponds"] == ["kolam-c"]


def test_a_pond_slug_taken_is_refused_naming_the_site_that_has_it(envtrack, head):
    _two_mosques(envtrack)
    before = head()
    run = envtrack("pond", "add", "kolam-c", "--site", "masjid-1", "--volume-m3", "3")
    assert_refused(run, "pond")
    assert run.stderr == "Error: pond 'kolam-c': is already a pond, at site masjid-2: choose another slug\n"
    indonesian = envtrack("pond", "add", "kolam-c", "--site", "masjid-1", "--volume-m3", "3", lang="id")
    assert "sudah dipakai kolam di lokasi masjid-2" in indonesian.stderr
    assert head() == before

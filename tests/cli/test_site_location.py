"""``site add|update --lat/--lng``: the location in decimal degrees, shown by ``site show`` and
``site list --format json``; out of range refused naming the option's field, nothing written; a
store written by 0.1.0 shows its sites without a location and takes one on update."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from cli.support import assert_refused, invoke

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "store-0.1.0.db"


def test_site_add_with_a_location_shows_it(envtrack):
    run = envtrack("site", "add", "bs-melati", "--kind", "waste-bank", "--name", "Bank Sampah Melati",
                   "--lat", "-7.4722", "--lng", "112,4342", "--date", "2025-01-02")
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    shown = json.loads(envtrack("site", "show", "bs-melati", "--format", "json").stdout)
    assert (shown["lat"], shown["lng"]) == (-7.4722, 112.4342)
    listed = json.loads(envtrack("site", "list", "--format", "json").stdout)
    assert [(s["site"], s["lat"], s["lng"]) for s in listed] == [("bs-melati", -7.4722, 112.4342)]
    table = envtrack("site", "show", "bs-melati").stdout
    assert "-7.4722" in table and "112.4342" in table


def test_site_update_sets_a_location_on_a_site_without_one(envtrack):
    envtrack("site", "add", "tps3r-1", "--kind", "tps3r", "--name", "TPS3R Kedundung", "--date", "2025-01-02")
    assert json.loads(envtrack("site", "show", "tps3r-1", "--format", "json").stdout)["lat"] is None
    run = envtrack("site", "update", "tps3r-1", "--lat", "-7.46", "--lng", "112.43", "--date", "2025-02-01")
    assert run.exit_code == 0, run.stderr
    shown = json.loads(envtrack("site", "show", "tps3r-1", "--format", "json").stdout)
    assert (shown["lat"], shown["lng"]) == (-7.46, 112.43)


def test_a_latitude_out_of_range_is_refused_and_nothing_is_written(db, envtrack):
    from envtrack.store import resolve

    run = envtrack("site", "add", "bs-1", "--kind", "waste-bank", "--name", "BS", "--lat", "97.1", "--lng", "112")
    assert_refused(run, "lat")
    assert "lat '97.1': is outside -90 to 90 degrees" in run.stderr
    store = resolve(db)
    assert not store.exists() or store.head_position() == 0


def test_a_longitude_out_of_range_on_update_is_refused_and_nothing_is_written(envtrack, head):
    envtrack("site", "add", "bs-1", "--kind", "waste-bank", "--name", "BS", "--date", "2025-01-02")
    before = head()
    run = envtrack("site", "update", "bs-1", "--lng", "-181")
    assert_refused(run, "lng")
    assert "-180 to 180" in run.stderr
    assert head() == before
    indonesian = envtrack("site", "update", "bs-1", "--lat", "tujuh", lang="id")
    assert_refused(indonesian, "lat")
    assert "bukan angka derajat desimal" in indonesian.stderr
    assert head() == before


def test_a_store_written_by_0_1_0_shows_sites_without_a_location_and_takes_one(tmp_path: Path):
    db = tmp_path / "envtrack.db"
    shutil.copyfile(FIXTURE, db)
    listed = json.loads(invoke(str(db), "site", "list", "--format", "json").stdout)
    assert len(listed) == 5 and all(s["lat"] is None and s["lng"] is None for s in listed)
    run = invoke(str(db), "site", "update", "bank-sampah-melati", "--lat", "-7.47", "--lng", "112.44",
                 "--date", "2025-01-05")
    assert run.exit_code == 0, run.stderr
    shown = json.loads(invoke(str(db), "site", "show", "bank-sampah-melati", "--format", "json").stdout)
    assert (shown["lat"], shown["lng"], shown["kecamatan"]) == (-7.47, 112.44, "Kranggan")


def test_log_shows_the_location_as_recorded(envtrack):
    envtrack("site", "add", "bs-1", "--kind", "waste-bank", "--name", "BS", "--lat", "-7.4722", "--lng", "112.4342",
             "--date", "2025-01-02")
    envtrack("site", "update", "bs-1", "--lat", "-7.47", "--date", "2025-01-03")
    rows = json.loads(envtrack("log", "--format", "json").stdout)
    assert rows[0]["summary"].endswith("(latitude -7.4722, longitude 112.4342)")
    assert rows[1]["summary"] == "latitude -7.4722 → -7.47"


def test_a_store_written_by_0_1_0_lists_its_facilities_with_their_closure(tmp_path: Path):
    """0.1.0's read models have a sites table without lat, lng and closed_on: it is built again
    from the log, so the TPS3R closed on 2024-11-30 is Tidak Aktif at the end of 2024 only."""
    import csv

    db = tmp_path / "envtrack.db"
    shutil.copyfile(FIXTURE, db)
    assert invoke(str(db), "city", "set", "--year", "2024", "--name", "Kota Mojokerto", "--province",
                  "Jawa Timur").exit_code == 0
    for period, status in (("P1", "Aktif"), ("P2", "Tidak Aktif")):
        out = tmp_path / period
        run = invoke(str(db), "sipsn", "export", "--year", "2024", "--period", period, "--out", str(out))
        assert run.exit_code == 0, run.stderr
        with (out / "sipsn-fasilitas.csv").open(encoding="utf-8", newline="") as handle:
            rows = {row["Nama"]: row for row in csv.DictReader(handle)}
        assert sorted(rows) == ["Bank Sampah Melati", "TPS3R Kedundung Berseri"]
        assert rows["Bank Sampah Melati"]["Status"] == "Aktif"
        assert rows["TPS3R Kedundung Berseri"]["Status"] == status
        assert rows["TPS3R Kedundung Berseri"]["Kelurahan"] == "Kedundung"

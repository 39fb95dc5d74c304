"""The sync commands' contract: store ids, refusals that name the option and write nothing,
stdout for data only, and ``sync status`` in JSON and in both languages."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from uuid import UUID

from cli.support import assert_refused, invoke
from envtrack.store import resolve
from sync_story import SCHOOL_EVENTS, school_offline, stored_events

STORE_0_1_0 = Path(__file__).resolve().parents[1] / "data" / "store-0.1.0.db"


def test_every_store_gets_an_id_once_when_it_is_made(db, tmp_path):
    assert invoke(db, "init").exit_code == 0
    made = resolve(db).store_id()
    assert UUID(made).version == 4
    invoke(db, "site", "add", "smpn-6", "--kind", "school", "--name", "SMP 6")
    assert resolve(db).store_id() == made
    other = str(tmp_path / "other.db")
    invoke(other, "init")
    assert resolve(other).store_id() != made


def test_a_store_of_release_0_1_0_gets_an_id_on_first_open_and_keeps_its_events(tmp_path):
    copy = tmp_path / "store.db"
    shutil.copyfile(STORE_0_1_0, copy)
    events = stored_events(str(copy))
    assert resolve(str(copy)).store_id() is None
    assert invoke(str(copy), "log", "--limit", "1").exit_code == 0  # a read command opens it read-only
    assert resolve(str(copy)).store_id() is None
    assert invoke(str(copy), "init").exit_code == 0
    made = resolve(str(copy)).store_id()
    assert UUID(made)
    assert stored_events(str(copy)) == events
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT COUNT(*) FROM stored_events").fetchone()[0] == len(events)
    assert invoke(str(copy), "log", "--limit", "1").exit_code == 0
    assert resolve(str(copy)).store_id() == made


def test_push_to_a_store_that_is_not_there_is_refused_and_makes_none(sqlite_db, tmp_path):
    invoke(sqlite_db, "init")
    missing = tmp_path / "city.db"
    refused = invoke(sqlite_db, "sync", "push", "--to", str(missing))
    assert_refused(refused, "--to")
    assert refused.stderr == f"Error: --to '{missing}': has no envtrack store (run 'envtrack init')\n"
    assert not missing.exists()


def test_pull_from_a_store_that_is_not_there_is_refused_before_this_store_is_made(tmp_path):
    here, missing = tmp_path / "school.db", tmp_path / "city.db"
    refused = invoke(str(here), "sync", "pull", "--from", str(missing))
    assert_refused(refused, "--from")
    assert not here.exists() and not missing.exists()


def test_a_store_cannot_sync_with_itself_nor_with_a_copy_of_its_file(sqlite_db, tmp_path):
    invoke(sqlite_db, "site", "add", "smpn-6", "--kind", "school", "--name", "SMP 6")
    refused = invoke(sqlite_db, "sync", "push", "--to", sqlite_db)
    assert_refused(refused, "--to")
    assert refused.stderr == f"Error: --to '{sqlite_db}': is this same store\n"
    copy = tmp_path / "copy.db"
    shutil.copyfile(sqlite_db, copy)
    assert "is this same store" in invoke(sqlite_db, "sync", "pull", "--from", str(copy)).stderr


def test_a_bad_url_is_refused_naming_the_option_that_gave_it(sqlite_db):
    invoke(sqlite_db, "init")
    refused = invoke(sqlite_db, "sync", "push", "--to", "ftp://example.org/city")
    assert_refused(refused, "--to:")
    assert "unsupported URL scheme 'ftp'" in refused.stderr
    assert_refused(invoke(sqlite_db, "sync", "push"), "--to", code=2)


def test_sync_status_of_a_store_that_has_taken_nothing(sqlite_db):
    invoke(sqlite_db, "init")
    shown = invoke(sqlite_db, "sync", "status", "--format", "json")
    assert json.loads(shown.stdout) == {"store_id": resolve(sqlite_db).store_id(), "exported_upto": None, "sources": []}
    table = invoke(sqlite_db, "sync", "status")
    assert table.exit_code == 0
    assert resolve(sqlite_db).store_id() in table.stdout
    assert table.stderr == "(no events taken from other stores yet)\n"
    missing = invoke(sqlite_db + "-not-there", "sync", "status")
    assert_refused(missing, "db")


def test_sync_status_in_json_and_in_indonesian(stores):
    school, city = stores
    school_offline(school, city)
    assert invoke(school, "sync", "push", "--to", city).exit_code == 0
    found = json.loads(invoke(city, "sync", "status", "--format", "json").stdout)
    school_id = resolve(school).store_id()
    assert found == {
        "store_id": resolve(city).store_id(),
        "exported_upto": None,
        "sources": [{"store_id": school_id, "last_position": resolve(school).head_position(),
                     "events_taken": SCHOOL_EVENTS, "events_held": 0, "conflicts": []}],
    }
    table = invoke(city, "sync", "status", lang="id").stdout
    assert "Penyimpanan sumber" in table and "Posisi terakhir diambil" in table and "Kejadian diterima" in table
    assert school_id in table
    pushed = invoke(school, "sync", "push", "--to", city, lang="id")
    assert f"dikirim ke {resolve(city).display}: 0 diterima, 0 sudah ada, 0 ditahan" in pushed.stderr
    assert stored_events(city).keys() >= stored_events(school).keys()


def test_a_copied_store_file_that_recorded_on_its_own_is_refused_before_it_loses_anything(tmp_path):
    """A school copies its envtrack.db to a second laptop; both record. The first pushes its
    position 12; the copy's position 12 is another event: pushing it would be taken as done."""
    school, copy, city = (str(tmp_path / name) for name in ("school.db", "laptop-2.db", "city.db"))
    school_offline(school, city)
    assert invoke(school, "sync", "push", "--to", city).exit_code == 0
    shutil.copyfile(school, copy)
    for db, kg in ((school, "1"), (copy, "2")):
        assert invoke(db, "waste", "record", "smpn-6", "--category", "kaca", "--kg", kg, "--destination", "tps").exit_code == 0
    assert invoke(school, "sync", "push", "--to", city).exit_code == 0
    before = stored_events(city)
    refused = invoke(copy, "sync", "push", "--to", city)
    assert_refused(refused, "db")
    assert refused.stderr == (
        f"Error: db '{copy}': shares store id {resolve(copy).store_id()} with another store (a copied store "
        f"file?): its event at position {resolve(school).head_position()} is not the one taken from there; "
        "nothing copied. A new store starts with 'sync pull', not a copy of a store file\n")
    assert stored_events(city) == before
    assert_refused(invoke(city, "sync", "pull", "--from", copy), "--from")

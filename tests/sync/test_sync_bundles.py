"""``bundle export`` and ``bundle import``: one file that checks itself, taken exactly once, and
refused whole when damaged, truncated or edited. The story is ``tests/sync_story.py``."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from cli.support import assert_refused, invoke
from envtrack.store import resolve
from sync_story import CITY, REGISTRY_EVENTS, SCHOOL_EVENTS, indicators, run, school_offline, single_store, stored_events


def lines(bundle: Path) -> list[dict]:
    with gzip.open(bundle, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def export(db: str, out: Path, *args: str) -> dict:
    done = invoke(db, "bundle", "export", "--out", str(out), *args)
    assert done.exit_code == 0, done.stderr
    assert done.stdout == ""
    return lines(out)[0]


def what_the_city_holds(city: str) -> tuple:
    store = resolve(city)
    return store.head_position(), store.tracked(), store.copied_counts(), store.held(), stored_events(city)


def test_a_bundle_is_gzipd_json_lines_with_a_header_and_one_event_a_line(stores, tmp_path):
    school, city = stores
    school_offline(school, city)
    bundle = tmp_path / "smpn-6.jsonl.gz"
    header = export(school, bundle)
    events = lines(bundle)[1:]
    own = resolve(school).store_id()
    head = REGISTRY_EVENTS + SCHOOL_EVENTS
    assert {k: header[k] for k in ("format", "version", "store_id", "after", "upto", "events")} == {
        "format": "envtrack-bundle", "version": 1, "store_id": own, "after": 0, "upto": head, "events": head}
    assert [e["position"] for e in events] == list(range(1, head + 1))
    # The registry is marked as the city's, the rest as the school's; states are the stored JSON.
    assert [e["origin"] for e in events] == [resolve(city).store_id()] * REGISTRY_EVENTS + [own] * SCHOOL_EVENTS
    stored = stored_events(school)
    assert all(stored[(e["originator_id"], e["originator_version"])] == (e["topic"], e["state"].encode()) for e in events)


def test_the_bundles_hash_is_checked_with_standard_tools(tmp_path, sqlite_db):
    """As the README says: the lines after the header, then the header without its hash (keys
    sorted, compact, as ``jq -cS`` writes it), through ``sha256sum``."""
    if not (shutil.which("jq") and shutil.which("sha256sum")):
        pytest.skip("jq or sha256sum is not installed")
    city = str(tmp_path / "city.db")
    school_offline(sqlite_db, city)
    bundle = tmp_path / "b.jsonl.gz"
    header = export(sqlite_db, bundle)
    recomputed = subprocess.run(
        ["sh", "-c", f"{{ zcat {bundle} | tail -n +2; zcat {bundle} | head -1 | jq -cS 'del(.sha256)'; }} | sha256sum"],
        capture_output=True, text=True, check=True,
    ).stdout.split()[0]
    assert recomputed == header["sha256"]
    # And the same by hand, without envtrack or jq.
    raw = gzip.decompress(bundle.read_bytes()).split(b"\n", 1)
    first = json.loads(raw[0])
    del first["sha256"]
    canonical = json.dumps(first, sort_keys=True, separators=(",", ":")).encode()
    assert hashlib.sha256(raw[1] + canonical + b"\n").hexdigest() == header["sha256"]


def test_importing_a_bundle_at_the_city_equals_recording_there_and_twice_writes_nothing_new(stores, tmp_path):
    school, city = stores
    school_offline(school, city)
    bundle = tmp_path / "smpn-6.jsonl.gz"
    export(school, bundle)
    imported = invoke(city, "bundle", "import", str(bundle))
    assert imported.exit_code == 0, imported.stderr
    assert f"{SCHOOL_EVENTS} taken, {REGISTRY_EVENTS} already there, 0 held aside" in imported.stderr
    single = str(tmp_path / "single.db")
    single_store(single)
    assert indicators(city) == indicators(single)
    before = what_the_city_holds(city)
    again = invoke(city, "bundle", "import", str(bundle))
    assert again.exit_code == 0, again.stderr
    assert "0 taken, 0 already there, 0 held aside" in again.stderr
    assert what_the_city_holds(city) == before


def test_export_writes_only_what_no_bundle_carried_yet_unless_asked_for_all(sqlite_db, tmp_path):
    city = str(tmp_path / "city.db")
    school_offline(sqlite_db, city)
    first = export(sqlite_db, tmp_path / "1.gz")
    run(sqlite_db, ("waste", "record", "smpn-6", "--category", "logam", "--kg", "0.5", "--destination", "daur-ulang", "--date", "2025-05-01"))
    second = export(sqlite_db, tmp_path / "2.gz")
    assert (second["after"], second["upto"], second["events"]) == (first["upto"], first["upto"] + 1, 1)
    everything = export(sqlite_db, tmp_path / "all.gz", "--all")
    assert (everything["after"], everything["events"]) == (0, first["upto"] + 1)
    assert json.loads(invoke(sqlite_db, "sync", "status", "--format", "json").stdout)["exported_upto"] == first["upto"] + 1
    # The second bundle before the first would leave a gap: refused, naming what is missing.
    refused = invoke(city, "bundle", "import", str(tmp_path / "2.gz"))
    assert_refused(refused, "bundle")
    assert f"starts after position {first['upto']} of store {first['store_id']}" in refused.stderr
    assert "taken that store's events only up to position 0" in refused.stderr
    for name in ("1.gz", "2.gz"):
        assert invoke(city, "bundle", "import", str(tmp_path / name)).exit_code == 0
    assert resolve(city).tracked()[first["store_id"]] == first["upto"] + 1


def test_a_bundle_that_overlaps_an_earlier_push_takes_only_what_the_push_did_not(stores, tmp_path):
    school, city = stores
    school_offline(school, city)
    assert invoke(school, "sync", "push", "--to", city).exit_code == 0
    run(school, ("waste", "record", "smpn-6", "--category", "logam", "--kg", "0.5", "--destination", "daur-ulang", "--date", "2025-05-01"))
    bundle = tmp_path / "all.gz"
    export(school, bundle, "--all")
    head = resolve(city).head_position()
    imported = invoke(city, "bundle", "import", str(bundle))
    assert "1 taken, 0 already there, 0 held aside" in imported.stderr
    assert resolve(city).head_position() == head + 1


def damaged(bundle: Path, tmp_path: Path, how: str) -> Path:
    data = bundle.read_bytes()
    out = tmp_path / f"{how}.gz"
    if how == "tampered":
        middle = len(data) // 2
        out.write_bytes(data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :])
    elif how == "truncated":
        out.write_bytes(data[: len(data) * 2 // 3])
    else:  # an edited event, the file recompressed: every gzip check passes, the hash does not
        text = gzip.decompress(data).decode()
        assert text.count('\\"kg\\":2.5') == 1
        out.write_bytes(gzip.compress(text.replace('\\"kg\\":2.5', '\\"kg\\":25').encode()))
    return out


@pytest.mark.parametrize(("how", "reason"), [
    ("tampered", "is not a whole gzip file"),
    ("truncated", "is not a whole gzip file"),
    ("edited", "does not match its SHA-256 (it was changed after it was written); nothing imported"),
])
def test_a_damaged_bundle_is_refused_whole_and_nothing_is_written(db, tmp_path, how, reason):
    """Into an existing store (SQLite or PostgreSQL), and into one not made yet."""
    school = str(tmp_path / "school.db")
    school_offline(school, db)
    bundle = tmp_path / "good.gz"
    export(school, bundle)
    bad = damaged(bundle, tmp_path, how)
    before = what_the_city_holds(db)
    refused = invoke(db, "bundle", "import", str(bad))
    assert_refused(refused, "bundle")
    assert refused.stderr.startswith(f"Error: bundle '{bad}': ")
    assert reason in refused.stderr, refused.stderr
    assert what_the_city_holds(db) == before
    fresh = tmp_path / "fresh.db"
    assert_refused(invoke(str(fresh), "bundle", "import", str(bad)), "bundle")
    assert not fresh.exists()
    # The bundle as written is taken.
    assert invoke(db, "bundle", "import", str(bundle)).exit_code == 0


def test_an_edited_header_is_refused_too(sqlite_db, tmp_path):
    city = str(tmp_path / "city.db")
    school_offline(sqlite_db, city)
    bundle = tmp_path / "b.gz"
    export(sqlite_db, bundle)
    head, rest = gzip.decompress(bundle.read_bytes()).split(b"\n", 1)
    header = json.loads(head)
    header["store_id"] = "00000000-0000-4000-8000-000000000000"
    forged = tmp_path / "forged.gz"
    forged.write_bytes(gzip.compress(json.dumps(header).encode() + b"\n" + rest))
    assert "does not match its SHA-256" in invoke(city, "bundle", "import", str(forged)).stderr
    assert resolve(city).tracked() == {}


def test_a_store_refuses_its_own_bundle_and_a_file_that_is_no_bundle(sqlite_db, tmp_path):
    city = str(tmp_path / "city.db")
    school_offline(sqlite_db, city)
    bundle = tmp_path / "b.gz"
    export(sqlite_db, bundle)
    own = invoke(sqlite_db, "bundle", "import", str(bundle))
    assert_refused(own, "bundle")
    assert "was written by this store; nothing imported" in own.stderr
    text = tmp_path / "notes.txt"
    text.write_text("hello\n")
    assert "is not a whole gzip file" in invoke(city, "bundle", "import", str(text)).stderr
    assert_refused(invoke(city, "bundle", "import", str(tmp_path / "missing.gz")), "FILE", code=2)


def test_export_writes_the_file_whole_or_not_at_all(sqlite_db, tmp_path):
    """A bundle that cannot be written leaves no part of it behind, and is not remembered."""
    city = str(tmp_path / "city.db")
    school_offline(sqlite_db, city)
    folder = tmp_path / "out"
    (folder / "b.gz").mkdir(parents=True)  # in the way of the file
    (tmp_path / "a-file").write_text("")
    for out in (folder / "b.gz", tmp_path / "a-file" / "b.gz"):
        refused = invoke(sqlite_db, "bundle", "export", "--out", str(out))
        assert_refused(refused, "--out")
        assert "cannot be written" in refused.stderr
    assert os.listdir(folder) == ["b.gz"] and os.listdir(folder / "b.gz") == []
    assert (tmp_path / "a-file").read_text() == ""
    # Nothing was remembered as exported: the next bundle carries everything.
    assert export(sqlite_db, tmp_path / "b.gz")["after"] == 0


def test_city_records_reach_the_school_by_bundle_too(sqlite_db, tmp_path):
    """The other way: the city writes a bundle, the school takes the city's waste record and
    skips its own events that came back in it."""
    city = str(tmp_path / "city.db")
    school_offline(sqlite_db, city)
    assert invoke(sqlite_db, "sync", "push", "--to", city).exit_code == 0
    bundle = tmp_path / "city.gz"
    export(city, bundle)
    imported = invoke(sqlite_db, "bundle", "import", str(bundle))
    assert f"{len(CITY)} taken, {SCHOOL_EVENTS} already there, 0 held aside" in imported.stderr
    assert stored_events(sqlite_db) == stored_events(city)

"""Real ``envtrack`` processes: a push and a bundle import killed (SIGKILL) part way leave the
receiver consistent, and a rerun completes with the figures of one store holding everything;
three schools pushing into one city store at once lose nothing.

A school's logbook of ROWS waste records (``tests/test_crash_safety.py``) weighs 17,500 kg:
row i weighs 0.5, 0.75, 1.0, 1.25 kg in turn, 5,000 × 3.5 kg. Its store holds the site,
registered at the city and pulled, and ROWS events after it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.support import invoke
from envtrack.store import resolve
from operators import run_at_once
from sync_story import stored_events
from test_crash_safety import ROWS, ROWS_KG, SITE, add_site, envtrack, kill_when, query, timbulan_2025, write_logbook

pytestmark = pytest.mark.slow  # real processes


def school_with_a_logbook(school: str, city: str, tmp_path: Path, rows: int = ROWS) -> None:
    add_site(city)
    assert invoke(school, "sync", "pull", "--from", city).exit_code == 0
    logbook = tmp_path / f"{Path(school).stem}-logbook.csv"
    write_logbook(logbook, rows)
    assert invoke(school, "import", str(logbook)).exit_code == 0


def copied(db: str) -> int:
    return int(query(resolve(db), "SELECT COUNT(*) FROM {schema}.envtrack_copied") or 0)


def assert_consistent(school: str, city: str) -> int:
    """What a killed run left: whole pages with their tracking record, nothing half taken.
    Returns how many events it took."""
    store = resolve(city)
    (source, taken_upto), = store.tracked().items()
    assert source == resolve(school).store_id()
    school_events = list(stored_events(school).items())
    city_events = stored_events(city)
    # Every school event up to the tracked position is at the city, none after it (the site
    # came from the city: it was there before).
    assert all(key in city_events for key, _ in school_events[:taken_upto])
    assert not any(key in city_events for key, _ in school_events[taken_upto:])
    taken = copied(city)
    assert taken == taken_upto - 1 == store.head_position() - 1
    return taken


def test_a_push_killed_part_way_leaves_whole_pages_and_a_rerun_completes(stores, tmp_path):
    school, city = stores
    school_with_a_logbook(school, city, tmp_path)
    kill_when(school, ["sync", "push", "--to", city], lambda: 0 < copied(city) < ROWS)
    taken = assert_consistent(school, city)
    assert 0 < taken < ROWS
    rerun = envtrack(school, "sync", "push", "--to", city)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{ROWS - taken} taken, 0 already there, 0 held aside" in rerun.stderr
    assert copied(city) == ROWS
    assert timbulan_2025(city) == timbulan_2025(school) == ROWS_KG


def test_a_bundle_import_killed_part_way_leaves_whole_pages_and_a_rerun_completes(stores, tmp_path):
    school, city = stores
    school_with_a_logbook(school, city, tmp_path)
    bundle = tmp_path / "school.jsonl.gz"
    assert invoke(school, "bundle", "export", "--out", str(bundle)).exit_code == 0
    kill_when(city, ["bundle", "import", str(bundle)], lambda: 0 < copied(city) < ROWS)
    taken = assert_consistent(school, city)
    assert 0 < taken < ROWS
    rerun = envtrack(city, "bundle", "import", str(bundle))
    assert rerun.returncode == 0, rerun.stderr
    assert f"{ROWS - taken} taken, 0 already there, 0 held aside" in rerun.stderr
    assert timbulan_2025(city) == timbulan_2025(school) == ROWS_KG


def push(school: str, city: str) -> str:
    """``envtrack sync push --to city`` from ``school``, in this process; its stderr."""
    done = invoke(school, "sync", "push", "--to", city)
    assert done.exit_code == 0, done.stderr
    return done.stderr


SCHOOLS = 3
EACH = 2_000


def test_three_schools_pushing_into_one_city_store_at_once_lose_nothing(db, tmp_path):
    """Each school records EACH waste rows at its own site (EACH / 4 × 3.5 = 1,750 kg) and
    pushes into the city at the same moment: the city ends with the three sites and every
    record, 3 × 1,750 = 5,250 kg."""
    schools = [str(tmp_path / f"school-{n}.db") for n in range(SCHOOLS)]
    for n in range(SCHOOLS):
        assert invoke(db, "site", "add", f"sd-{n}", "--kind", "school", "--name", f"SD {n}").exit_code == 0
    for n, school in enumerate(schools):
        assert invoke(school, "sync", "pull", "--from", db).exit_code == 0
        logbook = tmp_path / f"school-{n}.csv"
        write_logbook(logbook, EACH)
        logbook.write_text(logbook.read_text().replace(SITE, f"sd-{n}"))
        assert invoke(school, "import", str(logbook)).exit_code == 0
    summaries = run_at_once(push, [(school, db) for school in schools])
    assert all(f"{EACH} taken, {SCHOOLS} already there, 0 held aside" in summary for summary in summaries), summaries
    city = resolve(db)
    assert sorted(city.copied_counts().values()) == [EACH] * SCHOOLS
    assert city.head_position() == SCHOOLS * (1 + EACH)
    assert all(stored_events(school).keys() <= stored_events(db).keys() for school in schools)
    found = json.loads(envtrack(db, "indicators", "--year", "2025", "--format", "json").stdout)
    assert found["waste"]["timbulan_kg"] == SCHOOLS * EACH // 4 * 3.5

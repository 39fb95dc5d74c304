"""Every wait for a database lock ends within ``ENVTRACK_LOCK_TIMEOUT`` seconds with an error
naming the store: here a read-model table locked by another connection while ``indicators``
runs, on SQLite (another writer of the file) and PostgreSQL (a table lock)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from click.testing import CliRunner

from cli.support import CLEAN_ENV, invoke
from envtrack.application import EnvTrack
from envtrack.cli import cli
from envtrack.store import resolve


def run(db: str, *args: str, timeout: str | None = "1", lang: str = "en"):
    runner = CliRunner(env={**CLEAN_ENV, "ENVTRACK_LOCK_TIMEOUT": timeout})
    return runner.invoke(cli, ["--db", db, "--operator", "siti", "--lang", lang, *args])


@pytest.fixture
def store(db: str) -> str:
    """A waste bank with 3 kg of logam recycled in 2025, its read models caught up."""
    app = EnvTrack(resolve(db), operator="tester")
    try:
        app.add_site("bank", kind="waste-bank", name="Bank Sampah", on=date(2025, 1, 1))
        app.record_waste("bank", category="logam", kg=3, destination="daur-ulang", on=date(2025, 2, 1))
    finally:
        app.close()
    assert invoke(db, "projections", "update").exit_code == 0
    return db


@contextmanager
def read_model_locked(db: str) -> Iterator[None]:
    """Another connection holding a lock on ``rm_waste`` until the block ends: SQLite's write
    lock on the file, taken by a write to the table; PostgreSQL's ACCESS EXCLUSIVE on it."""
    store = resolve(db)
    if store.backend == "sqlite":
        import sqlite3

        conn = sqlite3.connect(store.sqlite_path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE rm_waste SET kg = kg")
    else:
        import psycopg

        conn = psycopg.connect(**store.psycopg_conninfo())  # type: ignore[arg-type]
        conn.execute(f'LOCK TABLE "{store.schema}".rm_waste IN ACCESS EXCLUSIVE MODE')
    try:
        yield
    finally:
        conn.rollback()
        conn.close()


def test_indicators_with_a_read_model_table_locked_ends_with_a_clear_error_naming_the_store(store):
    assert invoke(store, "waste", "record", "bank", "--category", "kaca", "--kg", "2",
                  "--destination", "tpa", "--date", "2025-03-01").exit_code == 0
    with read_model_locked(store):
        refused = run(store, "indicators", "--year", "2025", "--format", "json")
        indonesian = run(store, "indicators", "--year", "2025", lang="id")
    assert refused.exit_code == 1
    assert refused.stdout == ""
    display = resolve(store).display
    assert refused.stderr.splitlines()[-1] == (
        f"Error: db {display!r}: waited more than 1 s for a lock held by another connection "
        "(ENVTRACK_LOCK_TIMEOUT); nothing was written: try again once it is released")
    assert "Traceback" not in refused.stderr
    assert indonesian.exit_code == 1
    assert indonesian.stderr.splitlines()[-1].startswith(f"Error: db {display!r}: menunggu lebih dari 1 detik kunci")
    # Once the lock is given back the same command goes on: 3 kg daur-ulang + 2 kg tpa = 5 kg.
    done = run(store, "indicators", "--year", "2025", "--format", "json")
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout)["waste"]["timbulan_kg"] == 5.0


def test_projections_update_with_a_read_model_table_locked_ends_with_the_same_error(store):
    assert invoke(store, "waste", "record", "bank", "--category", "kaca", "--kg", "2",
                  "--destination", "tpa", "--date", "2025-03-01").exit_code == 0  # a row for rm_waste
    with read_model_locked(store):
        refused = run(store, "projections", "update")
    assert refused.exit_code == 1
    assert refused.stderr.splitlines()[-1].startswith(f"Error: db {resolve(store).display!r}: waited more than 1 s")


@pytest.mark.parametrize("value", ["soon", "0", "-5", "1.5", "١٢"])
def test_a_lock_timeout_that_is_not_a_whole_number_of_seconds_is_refused_naming_the_setting(store, value):
    refused = run(store, "indicators", "--year", "2025", timeout=value)
    assert refused.exit_code == 1
    assert refused.stdout == ""
    assert refused.stderr == (
        f"Error: ENVTRACK_LOCK_TIMEOUT {value!r}: is not a whole number of seconds greater than 0 (e.g. 30)\n")


@contextmanager
def events_locked(db: str) -> Iterator[None]:
    """Another connection holding the lock an insert of events needs: SQLite's write lock on the
    file, PostgreSQL's EXCLUSIVE lock on the events table (the insert lock)."""
    store = resolve(db)
    if store.backend == "sqlite":
        import sqlite3

        conn = sqlite3.connect(store.sqlite_path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
    else:
        import psycopg

        conn = psycopg.connect(**store.psycopg_conninfo())  # type: ignore[arg-type]
        conn.execute(f"LOCK TABLE {store.events_table} IN EXCLUSIVE MODE")
    try:
        yield
    finally:
        conn.rollback()
        conn.close()


def test_recording_with_the_log_locked_ends_with_the_same_error_and_records_nothing(store):
    with events_locked(store):
        refused = run(store, "waste", "record", "bank", "--category", "kaca", "--kg", "1", "--destination", "tps")
    assert refused.exit_code == 1
    assert refused.stdout == ""
    assert refused.stderr == (
        f"Error: db {resolve(store).display!r}: waited more than 1 s for a lock held by another connection "
        "(ENVTRACK_LOCK_TIMEOUT); nothing was written: try again once it is released\n")
    assert resolve(store).head_position() == 2

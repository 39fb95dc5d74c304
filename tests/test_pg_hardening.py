"""docs/postgres-roles.sql against the real server, as the documented operator role: a position
in the log is never an operator's choice, an event committed late below the head still reaches
the read models, the insert lock is never waited for past ENVTRACK_LOCK_TIMEOUT, and a session
left idle holding it is ended by the server so that recording goes on."""

from __future__ import annotations

import json
import uuid

import pytest
from click.testing import CliRunner

from envtrack.cli import cli
from envtrack.store import resolve
from test_pg_roles import PG_URL, Roles, _admin, _as, documented_login, envtrack, roles  # noqa: F401 - the fixture

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="ENVTRACK_TEST_PG_URL is not set: PostgreSQL hardening tests skipped"),
]


def _with_timeout(db: str, seconds: str, *args: str):
    runner = CliRunner(env={"ENVTRACK_DB": None, "ENVTRACK_OPERATOR": None, "ENVTRACK_LANG": None,
                            "ENVTRACK_LOCK_TIMEOUT": seconds})
    return runner.invoke(cli, ["--db", db, "--operator", "siti", "--lang", "en", *args])


def _record(db: str, kg: str):
    return envtrack(db, "waste", "record", "smpn6", "--category", "plastik", "--kg", kg,
                    "--destination", "daur-ulang", "--date", "2025-06-30")


def _insert(conn, schema: str, state: bytes, **columns) -> int:
    names = ["originator_id", "originator_version", "topic", "state", *columns]
    values = [uuid.uuid4(), 1, "domain.waste:WasteEntry.Recorded", state, *columns.values()]
    return conn.execute(
        f'INSERT INTO "{schema}".envtrack_events ({", ".join(names)}) VALUES ({", ".join(["%s"] * len(names))}) '
        "RETURNING notification_id", values).fetchone()[0]


def _state(roles: Roles, position: int, kg: float) -> bytes:
    with _admin() as conn:
        state = conn.execute(f'SELECT state FROM "{roles.schema}".envtrack_events WHERE notification_id = %s',
                             (position,)).fetchone()[0]
    return json.dumps({**json.loads(bytes(state)), "kg": kg}).encode()


def test_the_documented_login_ends_transactions_left_idle_for_30_seconds(roles):
    with _as(roles.operator_login) as conn:
        assert conn.execute("SHOW idle_in_transaction_session_timeout").fetchone() == ("30s",)


def test_an_operator_may_not_choose_an_events_position(roles):
    import psycopg

    assert _record(roles.operator_url, "2.5").exit_code == 0
    state = _state(roles, 2, 1.0)
    with _as(roles.operator_login) as conn:
        for position in (9 * 10**18, 1):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                _insert(conn, roles.schema, state, notification_id=position)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nor move the sequence on
            conn.execute(f"SELECT setval('\"{roles.schema}\".envtrack_events_notification_id_seq', 9000000000000000000)")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'UPDATE "{roles.schema}".envtrack_events SET notification_id = 9000000000000000000')
    assert resolve(roles.owner_url).head_position() == 2
    assert _record(roles.operator_url, "1.5").exit_code == 0  # recording goes on, at the next position
    assert resolve(roles.owner_url).head_position() == 3


def test_an_event_committed_late_below_the_head_reaches_the_read_models_at_the_next_update(roles):
    """Two sessions insert without the insert lock (as the store's owner may, with SQL): the
    first takes position 3 and commits only after the second's position 4 was read."""
    assert _record(roles.operator_url, "2.5").exit_code == 0  # position 2 (the site is 1)
    late, other = _admin(), _admin()
    try:
        late.autocommit = False
        assert _insert(late, roles.schema, _state(roles, 2, 1.0)) == 3  # not committed yet
        assert _insert(other, roles.schema, _state(roles, 2, 4.0)) == 4
        updated = envtrack(roles.analyst_url, "projections", "update")
        assert updated.exit_code == 0, updated.stderr
        assert "position 4" in updated.stderr
        figures = json.loads(envtrack(roles.analyst_url, "indicators", "--year", "2025", "--format", "json").stdout)
        assert figures["waste"]["timbulan_kg"] == 6.5  # 2.5 + 4
        late.commit()
    finally:
        late.close()
        other.close()
    updated = envtrack(roles.analyst_url, "projections", "update")
    assert updated.exit_code == 0, updated.stderr
    figures = json.loads(envtrack(roles.analyst_url, "indicators", "--year", "2025", "--format", "json").stdout)
    assert figures["waste"]["timbulan_kg"] == 7.5  # 2.5 + 4 + the late 1
    # A rebuild of the same log agrees.
    assert envtrack(roles.analyst_url, "projections", "rebuild").exit_code == 0
    again = json.loads(envtrack(roles.analyst_url, "indicators", "--year", "2025", "--format", "json").stdout)
    assert again["waste"] == figures["waste"]


def test_recording_waits_for_the_insert_lock_no_longer_than_the_lock_timeout(roles):
    with _admin() as holder:  # the owner's session: no idle limit
        holder.autocommit = False
        holder.execute(f'LOCK TABLE "{roles.schema}".envtrack_events IN EXCLUSIVE MODE')
        refused = _with_timeout(roles.operator_url, "1", "waste", "record", "smpn6", "--category", "kaca",
                                "--kg", "1", "--destination", "tps")
        holder.rollback()
    assert refused.exit_code == 1
    assert refused.stdout == ""
    display = resolve(roles.operator_url).display
    assert refused.stderr == (
        f"Error: db {display!r}: waited more than 1 s for a lock held by another connection "
        "(ENVTRACK_LOCK_TIMEOUT); nothing was written: try again once it is released\n")
    assert resolve(roles.owner_url).head_position() == 1


@pytest.mark.slow
def test_an_operator_session_left_idle_holding_the_insert_lock_is_ended_so_recording_goes_on(roles):
    import psycopg

    idler = f"budi_{uuid.uuid4().hex[:8]}"
    documented_login(roles.operator, idler, idle="2s")
    try:
        holder = _as(idler)
        holder.autocommit = False
        holder.execute(f'SELECT "{roles.schema}".envtrack_lock_events()')  # the insert lock, then idle
        recorded = _with_timeout(roles.operator_url, "30", "waste", "record", "smpn6", "--category", "kaca",
                                 "--kg", "1", "--destination", "tps")
        assert recorded.exit_code == 0, recorded.stderr
        assert resolve(roles.owner_url).head_position() == 2
        with pytest.raises(psycopg.Error, match="idle-in-transaction timeout"):  # the server ended it
            holder.execute("SELECT 1")
        holder.close()
    finally:
        with _admin() as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{idler}"')

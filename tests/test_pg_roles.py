"""docs/postgres-roles.sql on the real server: an operator records through envtrack but may never
UPDATE, DELETE or TRUNCATE the events; an analyst keeps the read models and never writes events."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from click.testing import CliRunner

from envtrack.application import EnvTrack
from envtrack.cli import cli
from envtrack.store import resolve

PG_URL = os.environ.get("ENVTRACK_TEST_PG_URL", "").strip()
ROLES_SQL = Path(__file__).resolve().parents[1] / "docs" / "postgres-roles.sql"

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="ENVTRACK_TEST_PG_URL is not set: PostgreSQL role tests skipped"),
]


def _url(user: str, schema: str) -> str:
    """PG_URL as another user (passwordless: the test server trusts local connections)."""
    parts = urlsplit(PG_URL)
    netloc = f"{user}@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, f"schema={schema}", ""))


def _admin():
    import psycopg

    return psycopg.connect(**resolve(PG_URL).psycopg_conninfo(), autocommit=True)  # type: ignore[arg-type]


def _as(user: str):
    import psycopg

    info = dict(resolve(PG_URL).psycopg_conninfo())
    info.update(user=user, password=None)
    return psycopg.connect(**info, autocommit=True)  # type: ignore[arg-type]


def run_roles_sql(schema: str, operator: str, analyst: str) -> None:
    """Runs the file as documented: with psql when it is installed, else by giving psql's
    ``:"name"`` variables their quoted values and running each statement."""
    variables = {"schema": schema, "operator": operator, "analyst": analyst}
    store = resolve(PG_URL)
    psql = shutil.which("psql")
    if psql:
        args = [psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", store.host, "-p", str(store.port)]
        args += ["-U", store.user, "-d", store.dbname, "-f", str(ROLES_SQL)]
        for name, value in variables.items():
            args += ["-v", f"{name}={value}"]
        done = subprocess.run(args, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return
    from psycopg import sql

    variables["DBNAME"] = store.dbname
    text = "\n".join(line for line in ROLES_SQL.read_text().splitlines() if not line.startswith("--"))
    with _admin() as conn:
        quoted = {name: sql.Identifier(value).as_string(conn) for name, value in variables.items()}
        for statement in filter(None, (part.strip() for part in text.split(";"))):
            conn.execute(re.sub(r':"(\w+)"', lambda m: quoted[m.group(1)], statement))


def documented_login(operator: str, login: str, idle: str | None = None) -> None:
    """Makes an operator's login with the lines the file's header gives for one (``siti``), the
    idle limit replaced by ``idle`` when given (a test cannot wait the documented 30 s)."""
    lines = [line.removeprefix("--").strip() for line in ROLES_SQL.read_text().splitlines()
             if re.match(r"--\s+(CREATE|ALTER) ROLE siti ", line)]
    assert len(lines) == 2 and "idle_in_transaction_session_timeout = '30s'" in lines[1], lines
    with _admin() as conn:
        for line in lines:
            line = line.replace("siti", f'"{login}"').replace("envtrack_operator", f'"{operator}"')
            conn.execute(line.replace("'30s'", f"'{idle}'") if idle else line)


@dataclass
class Roles:
    schema: str
    owner_url: str
    operator: str  # the group role
    operator_login: str  # a person in it
    analyst: str

    @property
    def operator_url(self) -> str:
        return _url(self.operator_login, self.schema)

    @property
    def analyst_url(self) -> str:
        return _url(self.analyst, self.schema)


@pytest.fixture
def roles() -> Iterator[Roles]:
    """A store created by its owner in a fresh schema, the roles of docs/postgres-roles.sql
    (uniquely named: roles are shared by the whole server), and an operator login; all dropped
    afterwards."""
    token = uuid.uuid4().hex[:10]
    schema = f"roles_{token}"
    found = Roles(
        schema=schema,
        owner_url=f"{PG_URL}{'&' if '?' in PG_URL else '?'}schema={schema}",
        operator=f"envtrack_operator_{token}",
        operator_login=f"siti_{token}",
        analyst=f"envtrack_analyst_{token}",
    )
    owner = EnvTrack(resolve(found.owner_url), operator="dlh")
    try:
        owner.add_site("smpn6", kind="school", name="SMP Negeri 6 Kota Mojokerto")
    finally:
        owner.close()
    try:
        run_roles_sql(schema, found.operator, found.analyst)
        documented_login(found.operator, found.operator_login)
        yield found
    finally:
        with _admin() as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            for role in (found.operator_login, found.operator, found.analyst):
                if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                    conn.execute(f'DROP OWNED BY "{role}"')
                    conn.execute(f'DROP ROLE "{role}"')


def envtrack(db: str, *args: str, operator: str = "siti"):
    runner = CliRunner(env={"ENVTRACK_DB": None, "ENVTRACK_OPERATOR": None, "ENVTRACK_LANG": None})
    return runner.invoke(cli, ["--db", db, "--operator", operator, "--lang", "en", *args])


def test_operator_records_through_envtrack(roles: Roles) -> None:
    recorded = envtrack(roles.operator_url, "waste", "record", "smpn6", "--category", "plastik",
                        "--kg", "2.5", "--destination", "daur-ulang", "--date", "2025-06-30")
    assert recorded.exit_code == 0, recorded.stderr
    entry_id = recorded.stdout.strip()
    # Stock in and an exchange: the school's ledger is created and changed by the operator too.
    assert envtrack(roles.operator_url, "supplies", "rate", "smpn6", "pensil", "--bottles", "10").exit_code == 0
    assert envtrack(roles.operator_url, "supplies", "receive", "smpn6", "pensil", "--qty", "5").exit_code == 0
    exchanged = envtrack(roles.operator_url, "exchange", "record", "smpn6", "--bottles", "20", "--item", "pensil=2")
    assert exchanged.exit_code == 0, exchanged.stderr

    logged = envtrack(roles.operator_url, "log", "--format", "json")
    assert logged.exit_code == 0, logged.stderr
    events = json.loads(logged.stdout)
    assert entry_id in json.dumps(events)
    # site added by the owner; waste, rate (ledger opened + rate set), receipt (+ stock), exchange (+ issue)
    assert resolve(roles.owner_url).head_position() == 1 + 1 + 2 + 2 + 2
    with _as(roles.operator_login) as conn:
        operators = {row[0] for row in conn.execute(
            f'SELECT DISTINCT convert_from(state, \'UTF8\')::json->>\'operator\' FROM "{roles.schema}".envtrack_events '
            "WHERE notification_id > 1"
        )}
    assert operators == {"siti"}


def test_operator_refused_update_delete_and_truncate_of_events(roles: Roles) -> None:
    import psycopg

    assert envtrack(roles.operator_url, "waste", "record", "smpn6", "--category", "kertas-karton",
                    "--kg", "1", "--destination", "kompos").exit_code == 0
    events = f'"{roles.schema}".envtrack_events'
    refused = [
        f"UPDATE {events} SET topic = 'tampered'",
        f"DELETE FROM {events}",
        f"TRUNCATE {events}",
        f'UPDATE "{roles.schema}".envtrack_snapshots SET topic = topic',
        f'DELETE FROM "{roles.schema}".envtrack_snapshots',
    ]
    with _as(roles.operator_login) as conn:
        for statement in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        # The write lock itself only comes through the owner's function, for inserting.
        with pytest.raises(psycopg.errors.InsufficientPrivilege), conn.transaction():
            conn.execute(f"LOCK TABLE {events} IN EXCLUSIVE MODE")
        assert conn.execute(f"SELECT count(*) FROM {events} WHERE topic = 'tampered'").fetchone() == (0,)
        assert conn.execute(f"SELECT count(*) FROM {events}").fetchone() == (2,)


def test_analyst_keeps_read_models_and_cannot_write_events(roles: Roles) -> None:
    import psycopg

    from projections.readmodels import ReadModels

    for kg in ("1.5", "2.25"):
        assert envtrack(roles.operator_url, "waste", "record", "smpn6", "--category", "plastik",
                        "--kg", kg, "--destination", "tps").exit_code == 0
    with ReadModels(resolve(roles.analyst_url)) as models:
        assert models.rebuild() == 3
    assert envtrack(roles.operator_url, "waste", "record", "smpn6", "--category", "logam",
                    "--kg", "0.75", "--destination", "daur-ulang").exit_code == 0
    with ReadModels(resolve(roles.analyst_url)) as models:
        assert models.update() == 4
        frames = models.frames()
    assert frames.waste_daily["entries"].sum() == 3 and round(frames.waste_daily["kg"].sum(), 3) == 4.5
    # Keeping the read models is the analyst's job: an operator is told so, without a traceback.
    refused = envtrack(roles.operator_url, "projections", "update")
    assert refused.exit_code == 1
    assert refused.stderr.startswith("Error: database: permission denied for table rm_"), refused.stderr
    assert "Traceback" not in refused.stderr
    # The operator cannot touch the read models, nor the analyst the events.
    with _as(roles.operator_login) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(f'DELETE FROM "{roles.schema}".rm_waste')
    events = f'"{roles.schema}".envtrack_events'
    with _as(roles.analyst) as conn:
        for statement in (f"DELETE FROM {events}", f"UPDATE {events} SET topic = topic",
                          f"INSERT INTO {events} (originator_id, originator_version) VALUES (gen_random_uuid(), 1)"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)


def test_operator_pushes_a_schools_store_and_imports_its_bundle_with_insert_and_select_only(roles: Roles, tmp_path) -> None:
    """A school laptop's SQLite store meets the city's PostgreSQL store through the operator
    role alone: pull the registry, record offline, push; another school's bundle imported; the
    analyst reads sync status and may pull, but may not push."""
    school = str(tmp_path / "school.db")
    pulled = envtrack(school, "sync", "pull", "--from", roles.operator_url)
    assert pulled.exit_code == 0, pulled.stderr
    for kg in ("1.5", "2.25"):
        assert envtrack(school, "waste", "record", "smpn6", "--category", "plastik", "--kg", kg,
                        "--destination", "daur-ulang", "--date", "2025-06-30").exit_code == 0
    pushed = envtrack(school, "sync", "push", "--to", roles.operator_url)
    assert pushed.exit_code == 0, pushed.stderr
    assert "2 taken, 1 already there, 0 held aside" in pushed.stderr
    city = resolve(roles.owner_url)
    assert city.head_position() == 1 + 2
    assert city.tracked() == {resolve(school).store_id(): 3}

    other = str(tmp_path / "other.db")
    assert envtrack(other, "sync", "pull", "--from", roles.analyst_url).exit_code == 0
    assert envtrack(other, "waste", "record", "smpn6", "--category", "logam", "--kg", "0.5",
                    "--destination", "daur-ulang", "--date", "2025-06-30").exit_code == 0
    bundle = tmp_path / "other.jsonl.gz"
    assert envtrack(other, "bundle", "export", "--out", str(bundle)).exit_code == 0
    imported = envtrack(roles.operator_url, "bundle", "import", str(bundle))
    assert imported.exit_code == 0, imported.stderr
    assert city.head_position() == 4

    status = envtrack(roles.analyst_url, "sync", "status", "--format", "json")
    assert status.exit_code == 0, status.stderr
    assert sorted(s["events_taken"] for s in json.loads(status.stdout)["sources"]) == [1, 2]
    assert envtrack(other, "waste", "record", "smpn6", "--category", "logam", "--kg", "0.25",
                    "--destination", "daur-ulang", "--date", "2025-06-30").exit_code == 0
    refused = envtrack(other, "sync", "push", "--to", roles.analyst_url)
    assert refused.exit_code == 1
    assert "permission denied" in refused.stderr and "Traceback" not in refused.stderr
    assert city.head_position() == 4


def test_a_store_from_before_sync_records_for_operators_and_gets_its_id_when_its_owner_opens_it(roles: Roles) -> None:
    with _admin() as conn:
        conn.execute(f'DROP TABLE "{roles.schema}".envtrack_store, "{roles.schema}".envtrack_tracking, '
                     f'"{roles.schema}".envtrack_copied, "{roles.schema}".envtrack_held')
    recorded = envtrack(roles.operator_url, "waste", "record", "smpn6", "--category", "kaca", "--kg", "1",
                        "--destination", "tps")
    assert recorded.exit_code == 0, recorded.stderr
    assert resolve(roles.owner_url).store_id() is None  # the operator made nothing
    refused = envtrack(roles.operator_url, "sync", "status")
    assert refused.exit_code == 1
    assert refused.stderr.startswith("Error: db ") and "has no store id yet: let its owner open it once" in refused.stderr
    assert envtrack(roles.owner_url, "init").exit_code == 0
    assert resolve(roles.owner_url).store_id() is not None
    assert resolve(roles.owner_url).head_position() == 2

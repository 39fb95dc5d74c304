"""The store never shows a database password: not in its display, its repr, nor its errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from envtrack.application import EnvTrack
from envtrack.cli import cli
from envtrack.store import StoreError, resolve

PG_URL = os.environ.get("ENVTRACK_TEST_PG_URL", "").strip()
PASSWORD = "s3cr3t-P@ss"
URL = "postgresql://envtrack:s3cr3t-P%40ss@127.0.0.1:1/kota_mojokerto?schema=dlh"


def test_a_postgresql_url_is_read_and_displayed_without_its_password():
    store = resolve(URL)
    assert (store.backend, store.host, store.port, store.dbname) == ("postgres", "127.0.0.1", 1, "kota_mojokerto")
    assert (store.user, store.password, store.schema) == ("envtrack", PASSWORD, "dlh")
    assert store.display == "postgresql://envtrack@127.0.0.1:1/kota_mojokerto?schema=dlh"
    assert "s3cr3t" not in repr(store)
    assert store.event_store_env()["POSTGRES_PASSWORD"] == PASSWORD


def test_a_bare_path_is_a_sqlite_file():
    store = resolve("data/kota.db")
    assert (store.backend, store.sqlite_path, store.display) == ("sqlite", "data/kota.db", "data/kota.db")
    assert resolve("sqlite:///tmp/x.db").sqlite_path == "tmp/x.db"
    assert resolve(None).sqlite_path == "envtrack.db"


def test_an_unsupported_url_scheme_is_refused():
    with pytest.raises(StoreError) as refusal:
        resolve("mysql://root:hunter2@db/envtrack")
    assert "unsupported URL scheme 'mysql'" in str(refusal.value)
    assert "hunter2" not in str(refusal.value)


def test_connection_errors_never_show_the_password():
    store = resolve(URL)
    with pytest.raises(StoreError) as refusal:
        store.exists()
    assert "cannot connect to postgresql://envtrack@127.0.0.1:1/kota_mojokerto" in str(refusal.value)
    assert "s3cr3t" not in str(refusal.value)
    with pytest.raises(Exception) as failure:
        EnvTrack(resolve(URL.replace("?schema=dlh", "")))
    assert "s3cr3t" not in str(failure.value)
    assert "s3cr3t" not in repr(failure.value)


@pytest.mark.parametrize("args", [["init"], ["log"], ["waste", "record", "sdn-1", "--category", "kain",
                                                      "--kg", "1", "--destination", "tps"]])
def test_the_command_line_reports_an_unreachable_database_without_its_password(args):
    result = CliRunner().invoke(cli, ["--db", URL, *args])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.stderr
    assert "s3cr3t" not in result.stderr + result.stdout


@pytest.mark.skipif(not PG_URL, reason="ENVTRACK_TEST_PG_URL is not set: PostgreSQL tests skipped")
def test_a_real_server_refusing_a_database_does_not_echo_the_password():
    base = resolve(PG_URL)
    url = f"postgresql://{base.user}:{PASSWORD.replace('@', '%40')}@{base.host}:{base.port}/no_such_database_here"
    result = CliRunner().invoke(cli, ["--db", url, "init"])
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert "s3cr3t" not in result.stderr + result.stdout


def test_a_password_given_as_a_url_parameter_is_used_and_never_displayed():
    store = resolve("postgresql://envtrack@127.0.0.1:1/kota_mojokerto?schema=dlh&password=hunter2")
    assert (store.password, store.schema) == ("hunter2", "dlh")
    assert store.display == "postgresql://envtrack@127.0.0.1:1/kota_mojokerto?schema=dlh"
    result = CliRunner().invoke(cli, ["--db", "postgresql://envtrack@127.0.0.1:1/kota?password=hunter2", "log"])
    assert result.exit_code == 1
    assert "cannot connect to postgresql://envtrack@127.0.0.1:1/kota:" in result.stderr
    assert "hunter2" not in result.stderr + result.stdout


@pytest.mark.parametrize("schema", ["Dlh", "dlh-kota", "1dlh", "dlh;drop"])
def test_a_schema_name_the_event_store_cannot_use_is_refused_before_connecting(schema):
    with pytest.raises(StoreError) as refusal:
        resolve(f"postgresql://envtrack@127.0.0.1:1/kota?schema={schema}")
    assert f"schema {schema!r}" in str(refusal.value)
    result = CliRunner().invoke(cli, ["--db", f"postgresql://envtrack@127.0.0.1:1/kota?schema={schema}", "init"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(f"Error: --db: schema {schema!r}")


# -- how many connections a command opens -----------------------------------------------------

COMMANDS = {
    "waste record": ("waste", "record", "bank-sampah-1", "--category", "plastik", "--kg", "2.5",
                     "--destination", "daur-ulang"),
    "exchange record": ("exchange", "record", "sdn-1", "--bottles", "10", "--item", "pensil"),
    "void": ("void", "{entry}", "--reason", "salah catat"),
    "site list": ("site", "list"),
    "indicators": ("indicators", "--year", "2025"),
    "evidence export": ("evidence", "export", "--year", "2025", "--out", "{out}"),
}
OPENED = {
    # command: (the event library's, the store's own, the read models') connections
    "waste record": (1, 1, 0),  # the store's own resolves the site as typed (slug or name)
    "exchange record": (1, 1, 0),  # the same; its turn is a lock on the file beside the store
    "void": (1, 1, 0),  # the store's own connection finds the entry by its id prefix
    "site list": (1, 1, 0),  # does the store exist? then the library reads
    "indicators": (0, 1, 1),  # does it exist, the log's head and pages; the read models
    "evidence export": (0, 1, 1),  # the same: the store is asked once whether it exists
}
OPENED_POSTGRES = {
    # PostgreSQL: the store's own session also makes the schema and takes the turns
    "waste record": (1, 1, 0),
    "exchange record": (1, 1, 0),
    "void": (1, 1, 0),
    "site list": (1, 1, 0),
    "indicators": (0, 1, 1),
    "evidence export": (0, 1, 1),
}


def _opener(stack: list) -> str:
    """Who opens a connection: the innermost of the event library, SQLAlchemy and the store."""
    for frame in reversed(stack):
        path = frame.filename.replace("\\", "/")
        if "/eventsourcing/" in path or "/psycopg_pool/" in path:
            return "library"
        if "/sqlalchemy/" in path:
            return "read models"
        if "/envtrack/store/" in path:
            return "store"
    return "other"


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_command_opens_one_connection_of_each_kind_it_needs_at_most(command, db, tmp_path, monkeypatch):
    """Counted at the drivers' connect functions (which still connect): one recording command
    opens the library's connection and at most one of the store's own, never one per question."""
    import sqlite3
    import threading
    import traceback

    import psycopg

    from cli.support import invoke

    def run(*args: str) -> str:
        done = invoke(db, *args)
        assert done.exit_code == 0, done.stderr
        return done.stdout.strip()

    run("site", "add", "bank-sampah-1", "--kind", "waste-bank", "--name", "Bank Sampah")
    run("site", "add", "sdn-1", "--kind", "school", "--name", "SD 1")
    run("supplies", "rate", "sdn-1", "pensil", "--bottles", "10")
    run("supplies", "receive", "sdn-1", "pensil", "--qty", "5")
    entry = run(*COMMANDS["waste record"], "--date", "2025-03-01")

    opened: list[str] = []
    lock = threading.Lock()

    def counting(connect):
        def connect_and_count(*args, **kwargs):
            with lock:
                opened.append(_opener(traceback.extract_stack()[:-1]))
            return connect(*args, **kwargs)
        return connect_and_count

    monkeypatch.setattr(sqlite3, "connect", counting(sqlite3.connect))
    monkeypatch.setattr(sqlite3.dbapi2, "connect", counting(sqlite3.dbapi2.connect))
    monkeypatch.setattr(psycopg, "connect", counting(psycopg.connect))
    monkeypatch.setattr(psycopg.Connection, "connect", classmethod(counting(psycopg.Connection.connect.__func__)))
    arguments = [part.format(entry=entry[:8], out=tmp_path / "pack") for part in COMMANDS[command]]
    run(*arguments)
    expected = (OPENED if resolve(db).backend == "sqlite" else OPENED_POSTGRES)[command]
    assert (opened.count("library"), opened.count("store"), opened.count("read models")) == expected
    assert len(opened) == sum(expected), opened


# -- what opening a store asks -------------------------------------------------------------------

WASTE_RECORD = ("waste", "record", "bank-sampah-melati", "--category", "kaca", "--kg", "1", "--destination", "tps")


def _sqlite_statements(monkeypatch) -> list[str]:
    """Every statement SQLite runs from here on, on every connection (traced, not replaced)."""
    import sqlite3

    statements: list[str] = []
    connect = sqlite3.connect

    def connect_and_trace(*args, **kwargs):
        connection = connect(*args, **kwargs)
        connection.set_trace_callback(statements.append)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect_and_trace)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", connect_and_trace)
    return statements


def test_a_recording_command_opens_a_complete_sqlite_store_without_creating_anything(sqlite_db, monkeypatch):
    """Every table and the store's id there: the library's ``CREATE … IF NOT EXISTS`` are not run."""
    from cli.support import invoke

    assert invoke(sqlite_db, "site", "add", "bank-sampah-melati", "--kind", "waste-bank", "--name", "Melati").exit_code == 0
    statements = _sqlite_statements(monkeypatch)
    done = invoke(sqlite_db, *WASTE_RECORD)
    assert done.exit_code == 0, done.stderr
    assert any(statement.startswith("INSERT INTO stored_events") for statement in statements)
    assert [statement for statement in statements if "CREATE" in statement.upper()] == []


def test_a_recording_command_completes_a_sqlite_store_made_before_sync(tmp_path, monkeypatch):
    """A store of release 0.1.0 lacks the tracking and sync tables and the store's id: the first
    recording command makes them, as the library's opening always did."""
    import shutil
    import sqlite3

    from cli.support import invoke

    db = str(tmp_path / "envtrack.db")
    shutil.copy(Path(__file__).resolve().parent.parent / "data" / "store-0.1.0.db", db)
    done = invoke(db, *WASTE_RECORD)
    assert done.exit_code == 0, done.stderr
    with sqlite3.connect(db) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert {"tracking", "envtrack_store", "envtrack_copied", "envtrack_held"} <= names
        assert conn.execute("SELECT value FROM envtrack_store WHERE key = 'store_id'").fetchone() is not None
    statements = _sqlite_statements(monkeypatch)
    assert invoke(db, *WASTE_RECORD).exit_code == 0  # and complete now, the next opens it as it is
    assert [statement for statement in statements if "CREATE" in statement.upper()] == []


@pytest.mark.skipif(not PG_URL, reason="ENVTRACK_TEST_PG_URL is not set: PostgreSQL tests skipped")
def test_a_waste_record_asks_the_postgresql_store_three_questions(db, monkeypatch):
    """On the store's own session: does the store exist (asked once, though the name's lookup and
    the opening both want to know), is the site there, and are the schema and every table there
    (one query)."""
    import psycopg

    from cli.support import invoke

    if resolve(db).backend != "postgres":
        pytest.skip("PostgreSQL only")
    assert invoke(db, "site", "add", "bank-sampah-melati", "--kind", "waste-bank", "--name", "Melati").exit_code == 0
    asked: list[str] = []
    execute = psycopg.Connection.execute

    def execute_and_count(self, query, *args, **kwargs):
        asked.append(str(query))
        return execute(self, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Connection, "execute", execute_and_count)  # the store's own session asks through it
    done = invoke(db, *WASTE_RECORD)
    assert done.exit_code == 0, done.stderr
    assert len(asked) == 3, asked
    assert "to_regclass(%s)" in asked[0] and "pg_namespace" in asked[2]

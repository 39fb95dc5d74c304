"""No false alarm: a pack still verifies after what a DLH legitimately does to its store — VACUUM,
a dump restored into a new database, a projections rebuild, new records after the pack's
position — on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import BACKENDS, PG_URL, _drop_pg_schema, _pg_url_with_schema

from cli.support import invoke
from cli.test_evidence_forgery import RECORDS


@dataclass
class Exported:
    db: str
    schema: str | None
    pack: Path


@pytest.fixture(scope="module", params=BACKENDS)
def exported(request, tmp_path_factory) -> Exported:
    folder = tmp_path_factory.mktemp("stores")
    schema = None
    if request.param == "sqlite":
        db = str(folder / "envtrack.db")
    else:
        schema = f"t_{uuid.uuid4().hex[:16]}"
        db = _pg_url_with_schema(schema)
    try:
        for args in RECORDS:
            assert invoke(db, *args).exit_code == 0
        pack = folder / "pack"
        run = invoke(db, "evidence", "export", "--year", "2025", "--out", str(pack))
        assert run.exit_code == 0, run.stderr
        yield Exported(db, schema, pack)
    finally:
        if schema:
            _drop_pg_schema(schema)


def verifies(db: str, pack: Path) -> None:
    run = invoke(db, "evidence", "verify", str(pack))
    assert run.exit_code == 0, run.stdout + run.stderr
    assert run.stdout == ""


SQLITE_ONLY = pytest.mark.parametrize("exported", ["sqlite"], indirect=True)  # a SQLite file's own maintenance
POSTGRES_ONLY = pytest.mark.parametrize("exported", BACKENDS[1:], indirect=True)


def sqlite_copy(db: str, path: Path) -> str:
    with sqlite3.connect(db) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
    return str(path)


@SQLITE_ONLY
def test_after_vacuum(exported, tmp_path):
    db = sqlite_copy(exported.db, tmp_path / "copy.db")
    with sqlite3.connect(db) as conn:
        conn.execute("VACUUM")
    verifies(db, exported.pack)


@SQLITE_ONLY
def test_after_a_dump_restored_into_a_new_file(exported, tmp_path):
    restored = tmp_path / "restored.db"
    with sqlite3.connect(exported.db) as source, sqlite3.connect(restored) as target:
        target.executescript("\n".join(source.iterdump()))
    verifies(str(restored), exported.pack)


@pytest.mark.skipif(not shutil.which("sqlite3"), reason="the sqlite3 shell is not installed: its .dump is not tested")
@SQLITE_ONLY
def test_after_a_sqlite3_shell_dump_and_restore(exported, tmp_path):
    dump = subprocess.run(["sqlite3", exported.db, ".dump"], capture_output=True, check=True).stdout
    restored = tmp_path / "restored.db"
    subprocess.run(["sqlite3", str(restored)], input=dump, capture_output=True, check=True)
    verifies(str(restored), exported.pack)


@pytest.mark.skipif(not (shutil.which("pg_dump") and shutil.which("psql")), reason="pg_dump and psql are not installed")
@POSTGRES_ONLY
def test_after_pg_dump_restored_into_a_new_schema(exported):
    base = PG_URL.split("?")[0]
    dump = subprocess.run(["pg_dump", "--no-owner", "-n", exported.schema, base], capture_output=True, check=True, text=True).stdout
    schema = f"t_{uuid.uuid4().hex[:16]}"
    try:
        restored = dump.replace(exported.schema, schema)
        subprocess.run(["psql", "-v", "ON_ERROR_STOP=1", "-q", base], input=restored, capture_output=True, check=True, text=True)
        verifies(_pg_url_with_schema(schema), exported.pack)
    finally:
        _drop_pg_schema(schema)


def test_after_a_projections_rebuild(exported):
    run = invoke(exported.db, "projections", "rebuild")
    assert run.exit_code == 0, run.stderr
    verifies(exported.db, exported.pack)


def test_after_new_records_voids_and_corrections_past_the_position(exported):
    entry = invoke(exported.db, "waste", "record", "smpn-6", "--category", "logam", "--kg", "7",
                   "--destination", "daur-ulang", "--date", "2025-05-05").entry_id
    assert invoke(exported.db, "correct", entry, "--kg", "8", "--reason", "timbangan ulang").exit_code == 0
    assert invoke(exported.db, "void", entry, "--reason", "salah lokasi").exit_code == 0
    verifies(exported.db, exported.pack)

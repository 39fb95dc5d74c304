"""Shared fixtures: a real event store on a SQLite file, and on PostgreSQL when
``ENVTRACK_TEST_PG_URL`` is set (each test gets its own schema, dropped afterwards)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from envtrack.application import EnvTrack
from envtrack.store import resolve

PG_URL = os.environ.get("ENVTRACK_TEST_PG_URL", "").strip()

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgres",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(not PG_URL, reason="ENVTRACK_TEST_PG_URL is not set: PostgreSQL tests skipped"),
        ],
    ),
]


def _pg_url_with_schema(schema: str) -> str:
    separator = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{separator}schema={schema}"


def _drop_pg_schema(schema: str) -> None:
    import psycopg
    from psycopg import sql

    store = resolve(PG_URL)
    with psycopg.connect(**store.psycopg_conninfo(), autocommit=True) as conn:  # type: ignore[arg-type]
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


@contextmanager
def fresh_store(backend: str, folder, name: str = "envtrack.db") -> Iterator[str]:
    """A ``--db`` value for a new, empty store (not created): a SQLite file ``name`` in
    ``folder``, or a PostgreSQL schema of its own, dropped afterwards."""
    if backend == "sqlite":
        yield str(folder / name)
        return
    schema = f"t_{uuid.uuid4().hex[:16]}"
    try:
        yield _pg_url_with_schema(schema)
    finally:
        _drop_pg_schema(schema)


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A ``--db`` value for a fresh, empty store on each backend (the store is not created)."""
    with fresh_store(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def sqlite_db(tmp_path) -> str:
    """A ``--db`` value for a SQLite file only (for tests about the embedded store itself)."""
    return str(tmp_path / "envtrack.db")


TODAY = date(2025, 6, 30)


@pytest.fixture
def app(db: str) -> Iterator[EnvTrack]:
    """The application on a fresh store, with a fixed 'today' of 2025-06-30."""
    application = EnvTrack(resolve(db), operator="tester", today=lambda: TODAY)
    try:
        yield application
    finally:
        application.close()


STORE_PAIRS = [
    pytest.param(("sqlite", "sqlite"), id="sqlite-to-sqlite"),
    *(
        pytest.param(pair, id=name, marks=BACKENDS[1].marks)
        for pair, name in ((("sqlite", "postgres"), "sqlite-to-postgres"), (("postgres", "sqlite"), "postgres-to-sqlite"))
    ),
]


@pytest.fixture(params=STORE_PAIRS)
def stores(request: pytest.FixtureRequest, tmp_path) -> Iterator[tuple[str, str]]:
    """``(school, city)``: ``--db`` values of two fresh stores (not created yet), on each pairing
    of backends the sync contract names: SQLite→SQLite, SQLite→PostgreSQL, PostgreSQL→SQLite."""
    schemas: list[str] = []

    def make(backend: str, name: str) -> str:
        if backend == "sqlite":
            return str(tmp_path / f"{name}.db")
        schemas.append(f"t_{uuid.uuid4().hex[:16]}")
        return _pg_url_with_schema(schemas[-1])

    school, city = request.param
    try:
        yield make(school, "school"), make(city, "city")
    finally:
        for schema in schemas:
            _drop_pg_schema(schema)

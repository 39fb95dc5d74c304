"""The one place that knows persistence: ``--db`` (a path or a URL) → the store of that backend.

A bare path (or ``sqlite:///path``) means an embedded SQLite file (``SQLiteStore``, through the
library's core ``eventsourcing.sqlite`` module); a ``postgresql://user:password@host:port/dbname``
URL means ``PostgresStore`` (``eventsourcing.postgres``). ``?schema=NAME`` on a PostgreSQL URL
keeps envtrack's tables in that schema. Read models use the same database through SQLAlchemy,
asking the store for what differs between backends.

Like the event library's one infrastructure factory per backend, each backend is one class
behind the interface of ``envtrack.store.base.Store``; nothing outside this package knows which
backend it is talking to.
"""

from __future__ import annotations

from envtrack.store.base import APPLICATION_NAME, DEFAULT_DB, LogRow, Store, StoreError, driver_errors
from envtrack.store.copies import EXPORTED, Copy, Held

__all__ = ["APPLICATION_NAME", "EXPORTED", "Copy", "Held", "LogRow", "Store", "StoreError", "driver_errors", "resolve"]


def resolve(db: str | None) -> Store:
    """Reads ``--db``: a path (SQLite) or a ``postgresql://`` URL. Only that backend's module
    is loaded (and its driver: a command on PostgreSQL never loads ``sqlite3``)."""
    db = (db or "").strip() or DEFAULT_DB
    if db.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        from envtrack.store import postgres

        return postgres.parse(db)
    if db.startswith("sqlite:///"):
        db = db[len("sqlite:///") :]
    elif "://" in db:
        scheme = db.split("://", 1)[0]
        raise StoreError(f"--db: unsupported URL scheme {scheme!r} (use a file path or postgresql://…)")
    from envtrack.store.sqlite import SQLiteStore

    return SQLiteStore(db)

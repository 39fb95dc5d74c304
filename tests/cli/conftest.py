"""Fixtures for the command-line tests: ``envtrack(*args)`` on the test's store."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from envtrack.store import resolve

from cli.support import Run, invoke

Envtrack = Callable[..., Run]


@pytest.fixture
def envtrack(db: str) -> Envtrack:
    """``envtrack(*args)``: runs the CLI on the test's store (SQLite file, then PostgreSQL)."""
    return lambda *args, **kwargs: invoke(db, *args, **kwargs)


@pytest.fixture
def head(db: str) -> Callable[[], int]:
    """The position of the newest event in the test's store."""
    return lambda: resolve(db).head_position()

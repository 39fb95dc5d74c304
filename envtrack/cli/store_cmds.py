"""``envtrack init``."""

from __future__ import annotations

import click

from envtrack.cli.recording import confirm
from envtrack.context import Context


@click.command()
@click.pass_obj
def init(obj: Context) -> None:
    """Create the event store (idempotent): the SQLite file, or the tables in PostgreSQL."""
    obj.app(create=True)
    confirm(obj, "cli.store_ready", store=obj.store.display)

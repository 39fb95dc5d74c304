"""``envtrack init``."""

from __future__ import annotations

import click

from envtrack.context import Context


@click.command()
@click.pass_obj
def init(obj: Context) -> None:
    """Create the event store (idempotent): the SQLite file, or the tables in PostgreSQL."""
    obj.app(create=True)
    click.echo(f"envtrack store ready: {obj.store.display}", err=True)

"""``envtrack bundle export|import``: a store's events in one file, for a flash disk or a chat."""

from __future__ import annotations

from pathlib import Path

import click

from envtrack.cli.recording import _write_out, confirm
from envtrack.cli.sync import progress, report
from envtrack.context import Context
from envtrack.i18n import label


@click.group()
def bundle() -> None:
    """Carry a store's events as one file (gzip'd JSON lines that check themselves)."""


@bundle.command("export")
@click.option("--out", metavar="FILE", required=True, help="The bundle file to write (whole, or not at all).")
@click.option("--all", "everything", is_flag=True, help="Every event of this store, not only those not yet exported.")
@click.pass_obj
def export(obj: Context, out: str, everything: bool) -> None:
    """Write this store's events not yet written to a bundle (or all of them) into FILE."""
    from envtrack.store import driver_errors
    from envtrack.sync import export_bundle, remember_export
    from eventsourcing.persistence import PersistenceError

    app = obj.app(create=False)
    data, header = export_bundle(app, everything=everything)
    _write_out(out, data)
    confirm(obj, "sync.exported", path=out, events=header.events, after=header.after, upto=header.upto)
    try:
        remember_export(app, header)
    except (PersistenceError, *driver_errors()) as error:  # a role that may only read the log
        message = (str(error).strip().splitlines() or [type(error).__name__])[0]
        click.echo(label("sync.not_remembered", obj.lang).format(error=obj.store.without_password(message)), err=True)


@bundle.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.pass_obj
def import_(obj: Context, file: str) -> None:
    """Take in the bundle FILE: what this store has not taken yet from the store that wrote it
    (a new store is created for it). A damaged bundle is refused whole."""
    from envtrack.sync import import_bundle, read_bundle

    data = Path(file).read_bytes()
    header = read_bundle(file, data)  # refused before a store is opened or made
    receiver = obj.app(create=True)
    outcome = import_bundle(receiver, file, header, data, progress(obj))
    report(obj, receiver, outcome, "sync.imported", path=file, source=header.store_id, after=header.after, upto=header.upto)

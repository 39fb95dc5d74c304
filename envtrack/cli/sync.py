"""``envtrack sync push|pull|status``: events copied directly between this store and another."""

from __future__ import annotations

from typing import Any

import click

from envtrack.cli.recording import confirm, format_option, output_fields, output_rows
from envtrack.context import Context
from envtrack.i18n import label

SOURCE_COLUMNS = ["source_store", "last_position", "events_taken", "events_held", "conflict_count"]
CONFLICT_COLUMNS = ["source_store", "record", "aggregate", "version", "site", "entry", "kept", "incoming", "held"]


@click.group()
def sync() -> None:
    """Copy events between this store and another: a school's and the city's.

    Each store takes only what it has not taken yet, skips what it already holds, and holds
    aside, never merges, an event that conflicts with one of its own."""


@sync.command("push")
@click.option("--to", "other", metavar="DB", required=True, help="The store to copy this store's events into: a path or URL, as for --db.")
@click.pass_obj
def push(obj: Context, other: str) -> None:
    """Copy into the store DB the events of this store it has not taken yet."""
    from envtrack.sync import copy_between

    source = obj.app(create=False)
    with other_app(obj, other, "--to", create=False) as (receiver, display):
        outcome = copy_between(source, receiver, field="--to", progress=progress(obj))
        report(obj, receiver, outcome, "sync.pushed", store=display)


@sync.command("pull")
@click.option("--from", "other", metavar="DB", required=True, help="The store to copy events from: a path or URL, as for --db.")
@click.pass_obj
def pull(obj: Context, other: str) -> None:
    """Copy into this store the events of the store DB it has not taken yet (a new store is
    created for them)."""
    from envtrack.sync import copy_between

    with other_app(obj, other, "--from", create=False) as (source, display):
        receiver = obj.app(create=True)
        outcome = copy_between(source, receiver, field="--from", progress=progress(obj))
        report(obj, receiver, outcome, "sync.pulled", store=display)


@sync.command("status")
@format_option("table", "json")
@click.pass_obj
def status(obj: Context, fmt: str) -> None:
    """Per store this one has taken events from: the last position taken, the events taken, and
    the events held aside with the conflicts that hold them (both events of each)."""
    from envtrack.sync.status import status as status_of

    found = status_of(obj.app(create=False, read_only=obj.store.is_read_only()), obj.lang)
    if fmt == "json":
        output_rows(obj, "json", [], [], data=found)
        return
    output_fields(obj, "table", {"store_id": found["store_id"], "exported_upto": found["exported_upto"]})
    if not found["sources"]:
        click.echo(label("sync.nothing_taken", obj.lang), err=True)
        return
    click.echo()
    rows = [
        {**source, "source_store": source["store_id"], "conflict_count": len(source["conflicts"])}
        for source in found["sources"]
    ]
    output_rows(obj, "table", rows, SOURCE_COLUMNS)
    conflicts = [conflict for source in found["sources"] for conflict in source["conflicts"]]
    if conflicts:
        click.echo()
        output_rows(obj, "table", [conflict_row(c, obj.lang) for c in conflicts], CONFLICT_COLUMNS)


class other_app:  # noqa: N801 - used as a context manager, like open()
    """The application on the other store of a sync (given by ``field``), closed afterwards."""

    def __init__(self, obj: Context, db: str, field: str, *, create: bool) -> None:
        self.obj, self.db, self.field, self.create = obj, db, field, create

    def __enter__(self) -> tuple[Any, str]:
        from envtrack.application import open_app
        from envtrack.store import StoreError, resolve
        from domain.errors import NotFound

        try:
            store = resolve(self.db)
            if not self.create and not store.exists():
                raise NotFound(self.field, store.display, "no_store")
        except StoreError as error:  # its message names --db: here the option is another
            raise StoreError(str(error).replace("--db:", f"{self.field}:", 1)) from None
        self.app = open_app(store, operator=self.obj.operator, create=self.create)
        return self.app, store.display

    def __exit__(self, *exc: object) -> None:
        self.app.close()


def progress(obj: Context) -> Any:
    from envtrack.cli.projections import ProgressPrinter

    return ProgressPrinter(obj, "sync.copying")


def report(obj: Context, receiver: Any, outcome: Any, key: str, **values: Any) -> None:
    """What a push, pull or import did, on stderr; the conflicts behind what it held, one line
    each on stdout, and exit 1 when it held anything."""
    from envtrack.sync.status import conflicts

    confirm(obj, key, taken=outcome.taken, skipped=outcome.skipped, held=len(outcome.held), **values)
    if not outcome.held:
        return
    found = conflicts(receiver, outcome.held, obj.lang)
    from envtrack.output import terminal_text

    for conflict in found:
        click.echo(terminal_text(conflict_line(conflict, obj.lang)))
    raise click.ClickException(label("sync.held", obj.lang).format(held=len(outcome.held), conflicts=len(found)))


def conflict_row(conflict: dict[str, Any], lang: str) -> dict[str, Any]:
    return {
        **conflict,
        "source_store": conflict["source_store"][:8],
        "aggregate": conflict["aggregate"][:8],
        "entry": (conflict["entry"] or "")[:8],
        "kept": event_text(conflict["kept"], lang),
        "incoming": event_text(conflict["incoming"], lang),
    }


def conflict_line(conflict: dict[str, Any], lang: str) -> str:
    row = conflict_row(conflict, lang)
    where = ""
    if conflict["site"]:
        key = "sync.where_entry" if conflict["entry"] else "sync.where_site"
        where = label(key, lang).format(site=conflict["site"], entry=row["entry"])
    return label("sync.conflict", lang).format(**{**row, "where": where})


def event_text(event: dict[str, Any], lang: str) -> str:
    on = event["occurred_on"]
    return label("sync.event", lang).format(
        event=event["event"], operator=event["operator"], on=on.isoformat() if on else "—", summary=event["summary"]
    )

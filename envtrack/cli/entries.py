"""``envtrack void``, ``envtrack correct`` and ``envtrack log``."""

from __future__ import annotations

import click

from envtrack.cli.recording import confirm, date_option, format_option, output_rows, parse_on
from envtrack.cli.types import CATEGORY, DESTINATION, QUANTITY, SITE, SOURCE, TEXT
from envtrack.context import Context
from envtrack.i18n import label


@click.command()
@click.argument("entry")
@click.option("--reason", metavar="TEXT", type=TEXT, required=True, help="Why the entry is voided (kept in the log).")
@date_option("Date of the void, YYYY-MM-DD (default: today).")
@click.pass_obj
def void(obj: Context, entry: str, reason: str, on: str | None) -> None:
    """Void ENTRY (its id, or a unique prefix of 8+ characters).

    An exchange returns its supplies to stock; a harvest returns its fish, and voiding the harvest
    that closed a cycle reopens it. The entry stays in the log, marked void.
    """
    entry_id = obj.app().void(entry, reason=reason, on=parse_on(on))
    confirm(obj, "cli.entry_voided", entry=entry_id)


@click.command()
@click.argument("entry")
@click.option("--kg", metavar="KG", type=QUANTITY, default=None, help="The right weight, in kg.")
@click.option("--category", metavar="CAT", type=CATEGORY, default=None, help="The right SIPSN jenis.")
@click.option("--destination", metavar="DEST", type=DESTINATION, default=None, help="The right destination.")
@click.option("--source", metavar="SRC", type=SOURCE, default=None, help="The right SIPSN sumber.")
@date_option("The right date of the waste, YYYY-MM-DD.")
@click.option("--reason", metavar="TEXT", type=TEXT, required=True, help="Why the entry is corrected (kept in the log).")
@click.pass_obj
def correct(
    obj: Context,
    entry: str,
    kg: float | None,
    category: str | None,
    destination: str | None,
    source: str | None,
    on: str | None,
    reason: str,
) -> None:
    """Correct waste ENTRY (its id, or a unique prefix of 8+ characters) with a reason.

    The original record stays in the log; the correction is a new event with old and new values.
    """
    entry_id = obj.app().correct(
        entry,
        reason=reason,
        kg=kg,
        category=category,
        destination=destination,
        source=source,
        waste_date=parse_on(on),
    )
    confirm(obj, "cli.entry_corrected", entry=entry_id)


@click.command()
@click.option("--site", type=SITE, default=None, help="Only the events of this site.")
@click.option("--from", "start", metavar="YYYY-MM-DD", default=None, help="Only events that happened on or after this date.")
@click.option("--to", "end", metavar="YYYY-MM-DD", default=None, help="Only events that happened on or before this date.")
@click.option("--event", metavar="NAME", default=None, help="Only events of this name: Harvest, Voided, WasteEntry.Recorded …")
@click.option("--operator", metavar="NAME", default=None, help="Only events recorded by this operator.")
@click.option("--entry", metavar="ID", default=None, help="Only the events of this entry (its id, or 8+ first characters).")
@click.option("--limit", metavar="N", default="50", show_default=True, help="How many of the latest events.")
@format_option()
@click.pass_obj
def log(
    obj: Context,
    site: str | None,
    start: str | None,
    end: str | None,
    event: str | None,
    operator: str | None,
    entry: str | None,
    limit: str,
    fmt: str,
) -> None:
    """Show the latest events, oldest first: position, the date it happened, recorded time (UTC),
    operator, event, site, entry and summary. Corrections and voids show what they changed and
    why. The filters combine."""
    from domain.values import count, parse_date
    from envtrack import logview

    events = obj.app(read_only=True).log(
        site=site,
        limit=count("limit", limit),
        start=None if start is None else parse_date("--from", start),
        end=None if end is None else parse_date("--to", end),
        event=event,
        operator=operator,
        entry=entry,
    )
    rows = logview.rows(events, obj.lang)
    if fmt == "table" and not rows:
        click.echo(label("cli.no_events", obj.lang), err=True)
        return
    output_rows(obj, fmt, logview.table_rows(rows), logview.table_columns(rows), data=rows)

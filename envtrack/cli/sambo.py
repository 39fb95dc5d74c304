"""SAMBO DIKARTU AS for the school itself: ``sambo pupils|receipt|receipts|report``.

Each reads the read models caught up with the log (like ``indicators``), never writes events,
and refuses a site that is not a school.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import click

from envtrack.cli.projections import ProgressPrinter
from envtrack.cli.recording import SHEET_FORMATS, format_option, output_rows
from envtrack.context import Context
from envtrack.i18n import label

if TYPE_CHECKING:
    from projections.replay import Frames


@click.group()
def sambo() -> None:
    """SAMBO DIKARTU AS for the school: leaderboards, receipts (nota) and the Adiwiyata table."""


def _period(year: str | None, start: str | None, end: str | None) -> tuple[date, date]:
    from envtrack.cli.indicators import _year
    from envtrack.periods import parse_period

    return parse_period(_year(year), start, end, today=date.today())


def _frames(obj: Context, first: date, last: date) -> Frames:
    from envtrack.reports import current_frames

    return current_frames(obj.store, ProgressPrinter(obj, "proj.updating"), first, last)


@sambo.command("pupils")
@click.argument("site", metavar="SITE")
@click.option("--year", metavar="YYYY", default=None, help="A calendar year.")
@click.option("--from", "start", metavar="YYYY-MM-DD", default=None, help="First day of the period.")
@click.option("--to", "end", metavar="YYYY-MM-DD", default=None, help="Last day of the period.")
@click.option("--class", "school_class", metavar="CLASS", default=None, help="One class only.")
@click.option(
    "--by", type=click.Choice(["pupil", "class"]), default="pupil", show_default=True,
    help="One row per pupil, or per class (unnamed exchanges count only here).",
)
@format_option(*SHEET_FORMATS)
@click.option("--out", default=None, metavar="FILE", help="Write to FILE instead of stdout (needed for xlsx).")
@click.pass_obj
def pupils(
    obj: Context, site: str, year: str | None, start: str | None, end: str | None, school_class: str | None,
    by: str, fmt: str, out: str | None,
) -> None:
    """The school's leaderboard for a period (default: this year so far): exchanges, bottles,
    kg and items per pupil or per class, most bottles first. Voided exchanges count nowhere."""
    from envtrack.cli.indicators import _writable
    from projections.school import CLASS_COLUMNS, PUPIL_COLUMNS, leaderboard

    first, last = _period(year, start, end)
    if fmt == "xlsx" and not out:
        raise click.ClickException(label("ind.xlsx_needs_out", obj.lang))
    if out:
        _writable(out)
    rows = leaderboard(_frames(obj, first, last), site, first, last, school_class=school_class, by=by)
    columns = PUPIL_COLUMNS if by == "pupil" else CLASS_COLUMNS
    output_rows(obj, fmt, rows, columns, out=out, sheet=f"sambo-{by}")

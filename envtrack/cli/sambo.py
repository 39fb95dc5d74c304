"""SAMBO DIKARTU AS for the school itself: ``sambo pupils|receipt|receipts|report``.

Each reads the read models caught up with the log (like ``indicators``), never writes events,
and refuses a site that is not a school.
"""

from __future__ import annotations

import io
from collections.abc import Callable
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

    return current_frames(obj.store, ProgressPrinter(obj, "proj.updating"), first, last, school_history=True)


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


def _pdf_out(out: str) -> str:
    from domain.errors import InvalidValue
    from envtrack.cli.indicators import _writable

    if not out.lower().endswith(".pdf"):
        raise InvalidValue("--out", out, "not_a_pdf")
    _writable(out)
    return out


def _write_pdf(out: str, draw: Callable[[io.BytesIO], object]) -> None:
    """The PDF drawn into memory, then written whole into ``out`` (or not at all)."""
    from envtrack.cli.recording import _write_out

    buffer = io.BytesIO()
    draw(buffer)
    _write_out(out, buffer.getvalue())


@sambo.command("receipt")
@click.argument("entry", metavar="ENTRY")
@click.option("--out", required=True, metavar="FILE.pdf", help="The PDF to write (A5, one page).")
@click.pass_obj
def receipt(obj: Context, entry: str, out: str) -> None:
    """Print one exchange's receipt (nota): school, date, pupil, class, bottles, items,
    operator and entry id, as a one-page A5 PDF in the operator's language."""
    from envtrack import __version__
    from envtrack.i18n import labels
    from projections.schoolpapers import write_receipt

    _pdf_out(out)
    facts = obj.app(read_only=True).exchange_receipt(entry)
    _write_pdf(out, lambda buffer: write_receipt(buffer, facts, labels(obj.lang), version=__version__))
    click.echo(label("nota.written", obj.lang).format(path=out, pages=1), err=True)


@sambo.command("receipts")
@click.argument("site", metavar="SITE")
@click.option("--class", "classes", metavar="CLASS", multiple=True,
              help="A class (repeat for more; default: every class with exchanges in the period).")
@click.option("--from", "start", metavar="YYYY-MM-DD", default=None, help="First day of the period.")
@click.option("--to", "end", metavar="YYYY-MM-DD", default=None, help="Last day of the period.")
@click.option("--out", required=True, metavar="FILE.pdf", help="The PDF to write (A4, a page per class).")
@click.pass_obj
def receipts(obj: Context, site: str, classes: tuple[str, ...], start: str | None, end: str | None, out: str) -> None:
    """Print each class's exchanges of a period (default: this year so far), listed and
    totalled, one A4 page per class, in the operator's language."""
    from envtrack import __version__
    from envtrack.i18n import labels
    from projections.school import class_lists
    from projections.schoolpapers import write_class_lists

    _pdf_out(out)
    first, last = _period(None, start, end)
    frames = _frames(obj, first, last)
    lists = class_lists(frames, site, first, last, classes)
    school = str(frames.sites.loc[frames.sites["site"] == site, "name"].iloc[0])
    pages: list[int] = []
    _write_pdf(out, lambda buffer: pages.append(write_class_lists(
        buffer, school, (first.isoformat(), last.isoformat()), lists, labels(obj.lang), version=__version__)))
    click.echo(label("nota.written", obj.lang).format(path=out, pages=pages[0]), err=True)


@sambo.command("report")
@click.argument("site", metavar="SITE")
@click.option("--year", metavar="YYYY", required=True, help="The calendar year.")
@click.option("--out", required=True, metavar="DIR", help="The folder to write laporan-sekolah.pdf and CSV into.")
@click.pass_obj
def report(obj: Context, site: str, year: str, out: str) -> None:
    """Write the school's Adiwiyata data table for a year, beside the year before where it has
    figures: laporan-sekolah.pdf (one or two pages), laporan-sekolah.csv (month by month) and
    sampah-sekolah.csv (waste by category and destination)."""
    from pathlib import Path

    from domain.errors import InvalidValue
    from envtrack import __version__
    from envtrack.i18n import labels
    from projections.schoolreport import school_report, write_school_report

    first, last = _period(year, None, None)
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise InvalidValue("--out", out, "a_file_not_a_directory")
    frames = _frames(obj, date(first.year - 1, 1, 1), last)
    figures = school_report(frames, site, first.year)
    school = str(frames.sites.loc[frames.sites["site"] == site, "name"].iloc[0])
    try:
        written = write_school_report(folder, figures, school, labels(obj.lang), position=frames.position,
                                      version=__version__)
    except OSError as error:
        raise InvalidValue("--out", out, "cannot_be_written", reason=error.strerror or str(error)) from None
    click.echo(label("school.written", obj.lang).format(path=out, pages=written["pages"]), err=True)

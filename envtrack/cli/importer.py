"""``envtrack import``: paper logbooks from CSV or XLSX, all rows checked before any is written."""

from __future__ import annotations

import csv
import io
import os
import sys
from typing import TYPE_CHECKING, NoReturn

import click

from domain.errors import InvalidValue
from envtrack.context import Context
from envtrack.i18n import label

if TYPE_CHECKING:
    from envtrack.importing.rows import Counts, Problem

KINDS = ("waste", "exchange", "pond")


@click.command("import")
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default=None,
    help="What the rows record (default: recognised from each sheet's headers).",
)
@click.option("--dry-run", is_flag=True, help="Check every row and report, but write nothing.")
@click.option(
    "--template",
    type=click.Choice(KINDS),
    default=None,
    help="Print the header row of an empty logbook of this kind (CSV, in --lang) and exit.",
)
@click.pass_context
def import_(ctx: click.Context, file: str | None, kind: str | None, dry_run: bool, template: str | None) -> None:
    """Import a logbook FILE (CSV or XLSX) of waste entries, bottle exchanges or pond records.

    Headers may be Indonesian or English (see the README). Every row is checked first: one bad
    row and nothing is written, and every bad row is listed with its row number and column.
    Rows imported before are recognised and not written again. Prints the new entry ids.
    """
    obj: Context = ctx.obj
    if template is not None:
        if file is not None:
            _usage(ctx, InvalidValue("FILE", file, "import_file_with_template"))
        from envtrack.importing.columns import template as headers

        line = io.StringIO()
        csv.writer(line, lineterminator="\n").writerow(headers(template, obj.lang))
        _out(obj.lang, line.getvalue())
        return
    if file is None:
        _usage(ctx, InvalidValue("FILE", "", "import_file_missing"))
    from envtrack.importing import PROBLEMS_SHOWN, ImportRefused, import_file

    app = obj.app(create=False if dry_run else None)  # its sites must be in a store already

    def progress(stage: str, done: int, total: int) -> None:
        click.echo(label(f"import.{stage}", obj.lang).format(done=done, total=total), err=True)

    unprinted: list[str] = []  # why the ids could not be printed, once they could not

    def written(ids: list[str]) -> None:
        if not unprinted:
            try:
                _out(obj.lang, "".join(f"{entry_id}\n" for entry_id in ids))
            except click.ClickException as error:
                unprinted.append(error.message)  # the rows are saved: the import carries on

    try:
        result = import_file(app, file, kind=kind, dry_run=dry_run, progress=progress, written=written)
    except ImportRefused as refused:
        for problem in refused.problems:
            click.echo(_where(obj.lang, problem) + problem.reason.message(obj.lang), err=True)
        if refused.more:
            click.echo(label("import.more_problems", obj.lang).format(more=refused.more, shown=PROBLEMS_SHOWN), err=True)
        _skipped(obj.lang, file, refused.counts)
        key = "import.refused_after_writing" if refused.written else "import.refused"
        raise click.ClickException(
            label(key, obj.lang).format(file=file, bad=refused.bad_rows, read=refused.rows_read, written=refused.written)
        ) from None
    _skipped(obj.lang, file, result.counts)
    key = "import.summary_dry_run" if dry_run else "import.summary"
    click.echo(
        label(key, obj.lang).format(
            file=file, read=result.rows_read, written=result.written, present=result.already_present
        ),
        err=True,
    )
    if unprinted:
        raise click.ClickException(label("import.ids_not_printed", obj.lang).format(reason=unprinted[0]))


def _usage(ctx: click.Context, refusal: InvalidValue) -> NoReturn:
    """A usage error (exit 2) in the words of ``refusal`` (``envtrack/messages_import.py``)."""
    from envtrack.output import terminal_text

    raise click.UsageError(terminal_text(refusal.message(ctx.obj.lang)), ctx)


def _out(lang: str, text: str) -> None:
    """``text`` on stdout, now: a full disk or a closed pipe is a clean refusal."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as error:
        _drop_stdout()
        raise click.ClickException(label("import.stdout_failed", lang).format(reason=error.strerror or error)) from None


def _drop_stdout() -> None:
    """Points stdout at the null device, so that what it still holds is not written again (and
    refused again, with a traceback) when the interpreter exits."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no real file behind stdout (tests)
        pass


def _skipped(lang: str, file: str, counts: Counts) -> None:
    if counts.skipped:
        click.echo(
            label("import.skipped", lang).format(
                file=file, skipped=counts.skipped, above=counts.above_header, blank=counts.blank, totals=counts.totals
            ),
            err=True,
        )


def _where(lang: str, problem: Problem) -> str:
    """``lembar Sampah, baris 3, kolom D (berat_kg): `` — where a spreadsheet shows the cell."""
    parts = []
    if problem.sheet is not None:
        parts.append(label("import.sheet", lang).format(sheet=problem.sheet))
    parts.append(label("import.row", lang).format(row=problem.row))
    if problem.column:
        parts.append(label("import.column", lang).format(column=problem.column))
    return ", ".join(parts) + ": "

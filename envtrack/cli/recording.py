"""What the recording and reading commands share: --date, the entry id on stdout, confirmations
and warnings on stderr; the shared --format option and one renderer per output shape."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from envtrack.context import Context
from envtrack.i18n import LABELS, label

F = TypeVar("F", bound=Callable[..., Any])


def date_option(help_text: str = "Date it happened, YYYY-MM-DD (default: today).") -> Callable[[F], F]:
    from envtrack.cli.types import DATE

    return click.option("--date", "on", metavar="YYYY-MM-DD", type=DATE, default=None, help=help_text)


FORMATS = ("table", "json")
"""What every reading command prints: a table for people (the default) or JSON for scripts."""
SHEET_FORMATS = ("table", "csv", "json", "xlsx")
"""What a command that also writes spreadsheets prints."""


def format_option(*choices: str) -> Callable[[F], F]:
    """The shared ``--format`` option, with the formats a command supports (``FORMATS`` by
    default; the first is the default)."""
    choices = choices or FORMATS
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


def parse_on(value: date | str | None) -> date | None:
    """``--date`` as a date, in the forms the importer reads (``envtrack/parsing.py``: ISO,
    ``DD/MM/YYYY``, ``D/M/YYYY``, ``DD.MM.YYYY``, ``DD-MM-YYYY``); the application refuses
    future and pre-2000 dates."""
    from domain.errors import InvalidValue
    from envtrack import parsing

    if value is None or isinstance(value, date):  # read by ``--date``'s type already
        return value
    try:
        return parsing.day(value)
    except parsing.Unreadable:
        raise InvalidValue("date", value, "cell_not_a_date") from None


def print_entry(entry_id: Any) -> None:
    """A record's entry id: alone, one line, on stdout; and on stderr, one line in the user's
    language saying what was recorded (``envtrack/cli/echo.py``)."""
    from envtrack.cli.echo import echo_entry

    click.echo(str(entry_id))
    echo_entry(click.get_current_context().find_root().obj, entry_id)


def confirm(obj: Context, key: str, **values: Any) -> None:
    from envtrack.output import terminal_text

    click.echo(terminal_text(label(key, obj.lang).format(**values)), err=True)


def warn(obj: Context, warnings: list[dict[str, Any]]) -> None:
    """Pond warnings (``cycle_warnings``) in the user's language, on stderr."""
    if not warnings:
        return
    from envtrack.output import terminal_text

    for warning in warnings:
        said = dict(warning)
        if "reading" in warning:  # a water reading: its name in the user's language
            said["reading"] = label(f"reading.{warning['reading']}", obj.lang)
        message = label(f"cli.warning.{warning['warning']}", obj.lang).format(**said)
        click.echo(terminal_text(f"{label('cli.warning', obj.lang)}: {message}"), err=True)


# -- one renderer per output shape -----------------------------------------------------------


def heading(column: str, lang: str) -> str:
    """The heading of a column or field in ``lang``: its ``col.<key>`` label, else the key."""
    key = f"col.{column}"
    return label(key, lang) if key in LABELS else column


def output_rows(
    obj: Context,
    fmt: str,
    rows: list[dict[str, Any]],
    columns: list[str],
    *,
    headings: dict[str, str] | None = None,
    shown: list[str] | None = None,
    data: Any = None,
    out: str | None = None,
    sheet: str = "data",
) -> None:
    """Rows in the format asked for, on stdout or into the file ``out``.

    ``table``: the ``shown`` columns (default: all), headed in the user's language (``headings``,
    else each column's label). ``json``: ``data`` (default: the rows). ``csv`` and ``xlsx``: every
    column, headed by its stable key; the worksheet is called ``sheet``.
    """
    from envtrack.output import render_json, render_table

    if fmt in ("csv", "xlsx"):
        from projections import sheets

        if fmt == "xlsx":
            _write_out(out, sheets.xlsx_bytes(rows, columns, title=sheet))
        else:
            _emit(sheets.render_csv(rows, columns), out, end="")
        return
    if fmt == "json":
        _emit(render_json(rows if data is None else data), out)
        return
    shown = shown or columns
    titles = [(headings or {}).get(column) or heading(column, obj.lang) for column in shown]
    _emit(render_table(rows, shown, lang=obj.lang, headers=titles), out)


def output_fields(obj: Context, fmt: str, record: dict[str, Any], *, data: Any = None) -> None:
    """One record: a table of field and value (the fields headed in the user's language), or
    JSON of ``data`` (default: the record)."""
    from envtrack.output import render_json

    if fmt == "json":
        _emit(render_json(record if data is None else data), None)
        return
    rows = [{"field": heading(key, obj.lang), "value": value} for key, value in record.items()]
    output_rows(obj, fmt, rows, ["field", "value"])


def _emit(text: str, out: str | None, end: str = "\n") -> None:
    if out is None:
        click.echo(text, nl=bool(end))
    else:
        _write_out(out, (text + end).encode("utf-8"))


def _write_out(out: str | None, payload: bytes) -> None:
    """``payload`` written whole into ``out`` (or refused naming ``--out``, the previous file left
    as it was)."""
    from domain.errors import InvalidValue
    from projections.sheets import write_file

    assert out is not None, "a spreadsheet goes to --out"
    try:
        write_file(out, payload)
    except OSError as error:
        reason = error.strerror or str(error)
        raise InvalidValue("--out", out, "cannot_be_written", reason=reason) from None

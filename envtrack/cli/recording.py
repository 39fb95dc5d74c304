"""What the recording and reading commands share: --date, --format, the entry id on stdout,
confirmations and warnings on stderr."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from envtrack.context import Context
from envtrack.i18n import label

F = TypeVar("F", bound=Callable[..., Any])


def date_option(help_text: str = "Date it happened, YYYY-MM-DD (default: today).") -> Callable[[F], F]:
    return click.option("--date", "on", metavar="YYYY-MM-DD", default=None, help=help_text)


def format_option(function: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json"]),
        default="table",
        show_default=True,
        help="Output format.",
    )(function)


def parse_on(value: str | None) -> date | None:
    """``--date`` as a date (the application refuses future and pre-2000 dates)."""
    from domain.values import parse_date

    return None if value is None else parse_date("date", value)


def print_entry(entry_id: Any) -> None:
    """A record's entry id: alone, one line, on stdout."""
    click.echo(str(entry_id))


def confirm(obj: Context, key: str, **values: Any) -> None:
    click.echo(label(key, obj.lang).format(**values), err=True)


def warn(obj: Context, warnings: list[dict[str, Any]]) -> None:
    """Pond warnings (``cycle_warnings``) in the user's language, on stderr."""
    for warning in warnings:
        message = label(f"cli.warning.{warning['warning']}", obj.lang).format(**warning)
        click.echo(f"{label('cli.warning', obj.lang)}: {message}", err=True)


def show(fmt: str, data: Any, table: Callable[[], str]) -> None:
    """Prints ``data`` as JSON, or the table ``table()`` renders."""
    from envtrack.output import render_json

    text = render_json(data) if fmt == "json" else table()
    if text:
        click.echo(text)


def fields_table(record: dict[str, Any]) -> str:
    """One record as a two-column table of field and value."""
    from envtrack.output import render_table

    return render_table([{"field": key, "value": value} for key, value in record.items()], ["field", "value"])

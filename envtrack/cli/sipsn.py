"""``envtrack sipsn export`` and ``sipsn compare``: the SIPSN bridge (spec section 12).

Both are read-only on the event log (a missing store is refused, never created) and catch the
read models up first, reporting the log position their figures are as of.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from envtrack.cli.projections import ProgressPrinter
from envtrack.cli.recording import format_option, output_rows
from envtrack.context import Context
from envtrack.i18n import label


@click.group()
def sipsn() -> None:
    """SIPSN's tables from the log (export), and a published SIPSN table checked against it
    (compare)."""


def _year(option: str, value: str | None) -> int | None:
    from domain.errors import InvalidValue

    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        raise InvalidValue(option, value, "not_a_year") from None


@sipsn.command(short_help="Write SIPSN's five tables of a year as CSV and XLSX into a directory.")
@click.option("--year", metavar="YYYY", required=True, help="The year of the figures.")
@click.option(
    "--period", "period_name", metavar="P1|P2", default="P2", show_default=True,
    help="P2: the whole year. P1: 1 January to 30 June, annualised (tonnes × days in the year / days in P1).",
)
@click.option(
    "--out", required=True, metavar="DIR", type=click.Path(path_type=Path),
    help="Directory to write into; created if missing. The files are written beside it and swapped in "
    "together; other files there are kept.",
)
@click.pass_obj
def export(obj: Context, year: str, period_name: str, out: Path) -> None:
    """Write what the DLH types into SIPSN for YEAR and a period, in SIPSN's own headers:
    sipsn-capaian.csv, sipsn-timbulan.csv, sipsn-komposisi.csv, sipsn-sumber.csv,
    sipsn-fasilitas.csv (tonnes and percentages to 2 decimals, dot decimal, no thousands
    separator) and sipsn-YEAR-PERIOD.xlsx with the five tables as sheets. Timbulan (A) is the
    city's estimate ('city set') when the period has one, else what was weighed. The city's name
    and province come from 'city set'."""
    from envtrack import sipsn as bridge
    from envtrack.reports import require_store

    wanted = _year("--year", year)
    assert wanted is not None
    from projections.sipsn_tables import period

    period(wanted, period_name)  # an unknown period is refused before the store is opened
    require_store(obj.store)
    done = bridge.export(obj.store, wanted, period_name, out, today=date.today(),
                         progress=ProgressPrinter(obj, "proj.updating"))
    click.echo(
        label("sipsn.exported", obj.lang).format(
            out=out, files=len(done["files"]), year=wanted, period=done["period"].name,
            basis=label(f"sipsn.basis.{done['basis']}", obj.lang), position=done["position"],
        ),
        err=True,
    )


@sipsn.command(short_help="Set a published SIPSN capaian row beside envtrack's figures.")
@click.argument("file", metavar="FILE", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--year", metavar="YYYY", default=None, help="The year of the row (default: the latest the file has).")
@click.option("--name", default=None, help="The kabupaten/kota as the file names it (default: the city's name).")
@format_option()
@click.pass_obj
def compare(obj: Context, file: Path, year: str | None, name: str | None, fmt: str) -> None:
    """Read a SIPSN capaian table as downloaded (CSV, or the first sheet of an XLSX workbook;
    thousands separators, empty cells and 'P 1' are read as SIPSN writes them), find the
    city's row (name trimmed, case-insensitive) and set it beside envtrack's
    figures of the same year and period (basis auto), with envtrack − published. Exit 0
    whatever the differences."""
    from envtrack import sipsn as bridge

    wanted = _year("--year", year)
    position, result, basis = bridge.compare(
        obj.store, file, year=wanted, name=name, today=date.today(),
        progress=ProgressPrinter(obj, "proj.updating"),
    )
    rows = [
        {
            "measure": row["measure"],
            "label": label(f"sipsn.measure.{row['measure']}", obj.lang),
            "published": _two(row["published"], obj.lang),
            "envtrack": _two(row["envtrack"], obj.lang),
            "difference": _two(row["difference"], obj.lang, signed=True),
        }
        for row in result["rows"]
    ]
    output_rows(
        obj, fmt, rows, ["measure", "label", "published", "envtrack", "difference"],
        shown=["label", "published", "envtrack", "difference"],
        headings={key: label(f"sipsn.col.{key}", obj.lang) for key in ("label", "published", "envtrack", "difference")},
        data=result,
    )
    click.echo(
        label("sipsn.compared", obj.lang).format(
            name=result["name"], year=result["year"], period=result["period"],
            basis=label(f"sipsn.basis.{basis}", obj.lang), position=position,
        ),
        err=True,
    )


def _two(value: float | None, lang: str, *, signed: bool = False) -> str:
    """A figure of the comparison as SIPSN shows it, 2 decimals, in the language's marks."""
    if value is None:
        return ""
    text = f"{value + 0.0:+,.2f}" if signed and value else f"{value + 0.0:,.2f}"  # + 0.0: never -0.00
    marks = {ord(","): label("chart.thousands_mark", lang), ord("."): label("chart.decimal_mark", lang)}
    return text.translate(marks)

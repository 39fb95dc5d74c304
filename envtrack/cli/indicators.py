"""``envtrack indicators``: SIPSN/Adipura waste indicators and the programme figures."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import click

from envtrack.cli.projections import ProgressPrinter, read_only_notice
from envtrack.cli.recording import SHEET_FORMATS, format_option, output_rows
from envtrack.context import Context
from envtrack.i18n import label


def _targets(pengurangan: float | None, penanganan: float | None, dikelola: float | None) -> dict[str, float | None]:
    """The targets given as options (None: not given, the city's record or the default)."""
    from domain.errors import InvalidValue

    given = {"pct_pengurangan": pengurangan, "pct_penanganan": penanganan, "pct_dikelola": dikelola}
    for key, value in given.items():
        if value is not None and (not math.isfinite(value) or not 0 <= value <= 100):
            raise InvalidValue(f"--target-{key.removeprefix('pct_')}", value, "not_a_percentage")
    return given


def _year(value: str | None) -> int | None:
    from domain.errors import InvalidValue

    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        raise InvalidValue("--year", value, "not_a_year") from None


@click.command()
@click.option("--year", metavar="YYYY", default=None, help="A calendar year.")
@click.option("--from", "start", metavar="YYYY-MM-DD", default=None, help="First day of the period.")
@click.option("--to", "end", metavar="YYYY-MM-DD", default=None, help="Last day of the period.")
@click.option("--site", default=None, help="One site only (default: all sites).")
@click.option(
    "--by",
    type=click.Choice(["total", "month", "site", "category", "source"]),
    default="total",
    show_default=True,
    help="One total, or one row per month, site, category (jenis) or source (sumber).",
)
@click.option(
    "--basis",
    type=click.Choice(["auto", "estimate", "measured"]),
    default="auto",
    show_default=True,
    help="Timbulan (A): the city's estimate ('city set'), or the waste weighed; auto: the estimate "
    "for all sites over a period that has one, else weighed.",
)
@format_option(*SHEET_FORMATS)
@click.option("--out", default=None, metavar="FILE", help="Write to FILE instead of stdout (needed for xlsx).")
@click.option(
    "--target-pengurangan", type=float, default=None,
    help="Pengurangan target, % (default: the city's for the year of the period's last day, else 30).",
)
@click.option(
    "--target-penanganan", type=float, default=None,
    help="Penanganan target, % (default: the city's for the year of the period's last day, else 70).",
)
@click.option(
    "--target-dikelola", type=float, default=None,
    help="Dikelola target, % (default: the city's for the year of the period's last day, else none).",
)
@click.pass_obj
def indicators(
    obj: Context,
    year: str | None,
    start: str | None,
    end: str | None,
    site: str | None,
    by: str,
    basis: str,
    fmt: str,
    out: str | None,
    target_pengurangan: float | None,
    target_penanganan: float | None,
    target_dikelola: float | None,
) -> None:
    """SIPSN "capaian" waste indicators (timbulan, pengurangan, penanganan, terkelola, daur
    ulang, bahan baku, composition) and SAMBO DIKARTU AS and MADULENI MANIS figures, computed
    from the event log for a period (default: this calendar year so far).

    The read models are caught up with the log first; the figures are as of the position
    reported (``as_of_position`` in JSON).
    """
    from envtrack.periods import parse_period
    from envtrack.reports import indicator_report

    first, last = parse_period(_year(year), start, end, today=date.today())
    targets = _targets(target_pengurangan, target_penanganan, target_dikelola)
    if fmt == "xlsx" and not out:
        raise click.ClickException(label("ind.xlsx_needs_out", obj.lang))
    if out:
        _writable(out)
    position, result = indicator_report(
        obj.store, first, last, site, by, targets, progress=ProgressPrinter(obj, "proj.updating"), basis=basis,
        read_only_notice=read_only_notice(obj),
    )
    _warn_negative(obj, result, by)
    if by == "total":
        assert isinstance(result, dict)
        report = {"period": result["period"], "site": result["site"], "as_of_position": position}
        report.update((key, value) for key, value in result.items() if key not in report)
        _output_total(obj, fmt, out, report)
    else:
        records = result.to_dict("records")  # type: ignore[union-attr]
        columns = [str(column) for column in result.columns]  # type: ignore[union-attr]
        headings = {column: _column_label(column, obj.lang) for column in columns}
        output_rows(obj, fmt, records, columns, headings=headings, out=out, sheet=f"indikator-{by}")
    click.echo(label("ind.as_of", obj.lang).format(position=position), err=True)


def _output_total(obj: Context, fmt: str, out: str | None, report: dict[str, Any]) -> None:
    """The ``--by total`` report: as it is in JSON; else one row per figure (key, indicator,
    value), the table showing the indicator and the value."""
    from envtrack.i18n import labels
    from projections.totals import TOTAL_COLUMNS, total_rows

    # the table and the spreadsheets name the scope: "all sites" when there is no --site
    named = {**report, "site": report["site"] or label("all_sites", obj.lang)}
    rows = total_rows(named, labels(obj.lang))
    output_rows(obj, fmt, rows, TOTAL_COLUMNS, shown=TOTAL_COLUMNS[1:], data=report, out=out, sheet="indikator-total")


def _writable(path: str) -> None:
    import os

    from domain.errors import InvalidValue

    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder) or os.path.isdir(path):
        raise InvalidValue("--out", path, "not_a_file_in_a_folder")


def _warn_negative(obj: Context, result: Any, by: str) -> None:
    """A negative tidak terkelola (more weighed and managed than the city's estimate) is kept in
    the figures and said on stderr: for the period, or for each month."""
    if by == "total":
        found = [(label("ind.warning.period", obj.lang), result["waste"]["tidak_terkelola_kg"])]
    elif by == "month":
        found = [(row["month"], row["tidak_terkelola_kg"]) for row in result.to_dict("records")]
    else:
        return  # site, category and source rows are weighed: never negative
    for where, value in found:
        if value < 0:
            click.echo(label("ind.warning.negative_tidak_terkelola", obj.lang).format(kg=value, where=where), err=True)


def _column_label(column: str, lang: str) -> str:
    if column in ("month", "site", "category", "source"):
        return label(f"col.{column}", lang)
    if column.startswith("komposisi_pct."):
        return label("ind.waste.komposisi_pct", lang).format(jenis=column.split(".", 1)[1])
    return label(f"ind.waste.{column}", lang)

"""``envtrack indicators``: SIPSN/Adipura waste indicators and the programme figures."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import click

from envtrack.cli.projections import ProgressPrinter
from envtrack.context import Context
from envtrack.i18n import label

FORMATS = ("table", "csv", "json", "xlsx")


def _targets(pengurangan: float, penanganan: float) -> dict[str, float]:
    from domain.errors import InvalidValue

    for option, value in (("--target-pengurangan", pengurangan), ("--target-penanganan", penanganan)):
        if not math.isfinite(value) or not 0 <= value <= 100:
            raise InvalidValue(option, value, "is not a percentage from 0 to 100", "bukan persentase 0 sampai 100")
    return {"pct_pengurangan": pengurangan, "pct_penanganan": penanganan}


def _year(value: str | None) -> int | None:
    from domain.errors import InvalidValue

    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        raise InvalidValue("--year", value, "is not a year (YYYY)", "bukan tahun (YYYY)") from None


@click.command()
@click.option("--year", metavar="YYYY", default=None, help="A calendar year.")
@click.option("--from", "start", metavar="YYYY-MM-DD", default=None, help="First day of the period.")
@click.option("--to", "end", metavar="YYYY-MM-DD", default=None, help="Last day of the period.")
@click.option("--site", default=None, help="One site only (default: all sites).")
@click.option(
    "--by",
    type=click.Choice(["total", "month", "site", "category"]),
    default="total",
    show_default=True,
    help="One total, or one row per month, site or category (jenis).",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help="Output format.")
@click.option("--out", default=None, metavar="FILE", help="Write to FILE instead of stdout (needed for xlsx).")
@click.option("--target-pengurangan", type=float, default=30.0, show_default=True, help="Pengurangan target, %.")
@click.option("--target-penanganan", type=float, default=70.0, show_default=True, help="Penanganan target, %.")
@click.pass_obj
def indicators(
    obj: Context,
    year: str | None,
    start: str | None,
    end: str | None,
    site: str | None,
    by: str,
    fmt: str,
    out: str | None,
    target_pengurangan: float,
    target_penanganan: float,
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
    targets = _targets(target_pengurangan, target_penanganan)
    if fmt == "xlsx" and not out:
        raise click.ClickException(label("ind.xlsx_needs_out", obj.lang))
    if out:
        _writable(out)
    position, result = indicator_report(
        obj.store, first, last, site, by, targets, progress=ProgressPrinter(obj, "proj.updating")
    )
    if by == "total":
        assert isinstance(result, dict)
        report = {"period": result["period"], "site": result["site"], "as_of_position": position}
        report.update((key, value) for key, value in result.items() if key not in report)
        columns, headers, rows = _summary_rows(report, obj.lang)
        data: Any = report
    else:
        records = result.to_dict("records")  # type: ignore[union-attr]
        columns = list(result.columns)  # type: ignore[union-attr]
        headers = [_column_label(column, obj.lang) for column in columns]
        rows = records
        data = records
    _emit(obj, fmt, out, data, rows, columns, headers, by)
    click.echo(label("ind.as_of", obj.lang).format(position=position), err=True)


def _emit(
    obj: Context,
    fmt: str,
    out: str | None,
    data: Any,
    rows: list[dict],
    columns: list[str],
    headers: list[str],
    by: str,
) -> None:
    from envtrack import output

    # CSV and XLSX are data for scripts and spreadsheets: their headers are the stable keys
    # (``month``, ``timbulan_kg``, ``komposisi_pct.plastik`` …); the table shows the labels.
    if fmt == "xlsx":
        assert out is not None
        with _writing(out):
            output.write_xlsx(out, rows, columns, columns, title=f"indikator-{by}")
        return
    if fmt == "json":
        text = output.render_json(data)
    elif fmt == "csv":
        text = output.render_csv(rows, columns, columns).rstrip("\n")
    else:
        shown = columns if by != "total" else columns[1:]
        labels = dict(zip(columns, headers))
        text = output.render_table(
            [{labels[c]: row.get(c) for c in shown} for row in rows], [labels[c] for c in shown]
        )
    if out:
        with _writing(out), open(out, "w", encoding="utf-8", newline="") as handle:
            handle.write(text + "\n")
    else:
        click.echo(text)


@contextmanager
def _writing(path: str) -> Iterator[None]:
    """Turns a failed write (no permission, a read-only or full disk) into a refusal naming --out."""
    from domain.errors import InvalidValue

    try:
        yield
    except OSError as error:
        reason = error.strerror or str(error)
        raise InvalidValue("--out", path, f"cannot be written ({reason})", f"tidak dapat ditulis ({reason})") from None


def _writable(path: str) -> None:
    import os

    from domain.errors import InvalidValue

    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder) or os.path.isdir(path):
        raise InvalidValue("--out", path, "is not a file in an existing folder", "bukan berkas di folder yang ada")


def _column_label(column: str, lang: str) -> str:
    if column in ("month", "site", "category"):
        return label(column, lang)
    if column.startswith("komposisi_pct."):
        return label("ind.waste.komposisi_pct", lang).format(jenis=column.split(".", 1)[1])
    return label(f"ind.waste.{column}", lang)


def _summary_rows(report: dict[str, Any], lang: str) -> tuple[list[str], list[str], list[dict]]:
    """The ``--by total`` report as rows of key, indicator label and value."""
    rows: list[dict] = [
        {"key": "period.from", "indicator": label("ind.period_from", lang), "value": report["period"]["from"]},
        {"key": "period.to", "indicator": label("ind.period_to", lang), "value": report["period"]["to"]},
        {"key": "site", "indicator": label("ind.site", lang), "value": report["site"] or label("all_sites", lang)},
        {"key": "as_of_position", "indicator": label("ind.as_of_position", lang), "value": report["as_of_position"]},
    ]
    for section in ("waste", "sambo", "maduleni"):
        for key, value in report[section].items():
            if isinstance(value, dict):
                for part, item_value in value.items():
                    rows.append(
                        {
                            "key": f"{section}.{key}.{part}",
                            "indicator": _part_label(section, key, part, lang),
                            "value": item_value,
                        }
                    )
            else:
                rows.append({"key": f"{section}.{key}", "indicator": label(f"ind.{section}.{key}", lang), "value": value})
    columns = ["key", "indicator", "value"]
    headers = [label(f"ind.{column}", lang) for column in columns]
    return columns, headers, rows


def _part_label(section: str, key: str, part: str, lang: str) -> str:
    if key == "target":
        return label(f"ind.waste.target.{part}", lang)
    return label(f"ind.{section}.{key}", lang).format(jenis=part, item=part)

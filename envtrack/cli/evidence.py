"""``envtrack evidence export`` and ``envtrack evidence verify``: Adipura evidence packs.

Both are read-only on the event log (a missing store is refused, never created); ``export``
catches the read models up first and reports the log position its figures are as of.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from domain.errors import InvalidValue, NotFound
from envtrack.context import Context


@click.group()
def evidence() -> None:
    """Export and verify Adipura evidence packs (charts, laporan.pdf, tables, manifest)."""


@evidence.command(short_help="Write the evidence pack of a year (all sites or one) into a directory.")
@click.option("--year", type=int, metavar="YYYY", required=True, help="Calendar year of the pack (1 January to 31 December).")
@click.option("--site", metavar="SITE", default=None, help="Only this site (default: all sites).")
@click.option(
    "--out",
    required=True,
    metavar="DIR",
    type=click.Path(path_type=Path, file_okay=True, dir_okay=True),
    help="Directory to write the pack into; created if missing. The pack's files there are overwritten, other files left alone.",
)
@click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default=None,
    help="Language of the charts and the report (default: the global --lang, Indonesian).",
)
@click.pass_obj
def export(obj: Context, year: int, site: str | None, out: Path, lang: str | None) -> None:
    """Write the evidence pack of YEAR (or of one --site) into --out: every chart as PNG and SVG,
    laporan.pdf, the indicator tables as CSV and XLSX, and manifest.json tying every figure to
    the log position and the log chain head it was computed at."""
    from envtrack import __version__
    from envtrack.i18n import labels as label_set
    from envtrack.periods import parse_period
    from envtrack.reports import check_site, current_frames

    lang = lang or obj.lang
    start, end = parse_period(year, None, None, today=date.today())
    if start > date.today():
        raise InvalidValue("--year", year, "in_the_future")
    if out.exists() and not out.is_dir():
        raise InvalidValue("--out", str(out), "a_file_not_a_directory")
    store = obj.store
    frames = current_frames(store, start=start, end=end)  # refuses a missing store
    check_site(frames, site)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidValue("--out", str(out), "cannot_be_created", reason=error.strerror) from None

    from projections.evidence import PackRequest, export_pack

    labels = label_set(lang)
    request = PackRequest(year=year, start=start, end=end, site=site, lang=lang, out=out)
    try:
        manifest = export_pack(store, frames, request, labels, version=__version__)
    except OSError as error:  # no permission, a read-only or full disk
        reason = error.strerror or str(error)
        raise InvalidValue("--out", str(out), "cannot_be_written", reason=reason) from None
    click.echo(
        labels["pack.export.done"].format(out=out, files=len(manifest["files"]), position=manifest["as_of_position"]),
        err=True,
    )


@evidence.command(short_help="Check a pack's files, log chain and indicators against the store.")
@click.argument("directory", type=click.Path(path_type=Path))
@click.pass_obj
def verify(obj: Context, directory: Path) -> None:
    """Check the evidence pack in DIRECTORY: the SHA-256 of every file, the log chain head at
    the manifest's log position, and every indicator recomputed from a replay of the log up to
    that position. Exit 0 when all agree; exit 1 listing every difference on stdout. Events
    recorded after the export do not matter."""
    from envtrack.i18n import labels as label_set
    from envtrack.reports import require_store
    from projections.verification import PackError, verify_pack

    labels = label_set(obj.lang)
    if not directory.is_dir():
        raise NotFound("DIRECTORY", str(directory), "not_a_directory")
    store = obj.store
    require_store(store)
    try:
        result = verify_pack(store, directory, labels)
    except PackError as error:
        raise click.ClickException(str(error)) from None
    for name in result.unlisted:
        click.echo(labels["pack.unlisted"].format(file=name), err=True)
    if not result.ok:
        for line in result.differences:
            click.echo(line)
        raise click.ClickException(
            labels["pack.verify.failed"].format(dir=directory, count=len(result.differences))
        )
    click.echo(
        labels["pack.verify.ok"].format(dir=directory, files=result.files, position=result.position),
        err=True,
    )

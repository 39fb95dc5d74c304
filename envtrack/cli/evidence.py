"""``envtrack evidence keygen``, ``export`` and ``verify``: Adipura evidence packs.

``export`` and ``verify`` are read-only on the event log (a missing store is refused, never
created); ``export`` catches the read models up first and reports the log position its figures
are as of. ``keygen`` needs no store.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from domain.errors import InvalidValue, NotFound
from envtrack.context import Context


def _load_key(option: str, path: Path, *, private: bool):
    from projections.signing import KeyFileError, load_private, load_public

    try:
        return load_private(path) if private else load_public(path)
    except KeyFileError as error:
        raise InvalidValue(option, str(path), "key_unusable", reason=str(error)) from None


@click.group()
def evidence() -> None:
    """Export, sign and verify Adipura evidence packs (charts, laporan.pdf, tables, manifest)."""


@evidence.command(short_help="Make an Ed25519 key pair to sign evidence packs with.")
@click.option(
    "--out", "out", required=True, metavar="KEY", type=click.Path(path_type=Path, dir_okay=False),
    help="Private key file to write (mode 0600); the public key goes to KEY.pub beside it. Neither may exist.",
)
@click.pass_obj
def keygen(obj: Context, out: Path) -> None:
    """Write a new Ed25519 key pair: the private key to KEY (PEM, readable by its owner only) and
    the public key to KEY.pub (PEM), to sign packs with 'evidence export --sign KEY' and check
    them with 'evidence verify --key KEY.pub'. Existing files are never overwritten."""
    from envtrack.i18n import labels as label_set
    from projections import signing

    try:
        public = signing.generate(out)
    except FileExistsError as error:
        raise InvalidValue("--out", str(out), "key_exists", path=str(error.args[0])) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise InvalidValue("--out", str(out), "cannot_be_written", reason=reason) from None
    key = signing.key_id(signing.load_public(public))
    click.echo(label_set(obj.lang)["pack.keygen.done"].format(private=out, public=public, key=key), err=True)


@evidence.command(short_help="Write the evidence pack of a year (all sites or one) into a directory.")
@click.option("--year", type=int, metavar="YYYY", required=True, help="Calendar year of the pack (1 January to 31 December).")
@click.option("--site", metavar="SITE", default=None, help="Only this site (default: all sites).")
@click.option(
    "--out",
    required=True,
    metavar="DIR",
    type=click.Path(path_type=Path, file_okay=True, dir_okay=True),
    help="Directory to write the pack into; created if missing. The pack is written beside it and swapped in whole; other files there are kept.",
)
@click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default=None,
    help="Language of the charts and the report (default: the global --lang, Indonesian).",
)
@click.option(
    "--sign", metavar="KEY", default=None, type=click.Path(path_type=Path, dir_okay=False),
    help="Sign manifest.json with this Ed25519 private key (from 'evidence keygen'), into manifest.sig.",
)
@click.pass_obj
def export(obj: Context, year: int, site: str | None, out: Path, lang: str | None, sign: Path | None) -> None:
    """Write the evidence pack of YEAR (or of one --site) into --out: every chart as PNG and SVG,
    laporan.pdf, the indicator tables as CSV and XLSX, and manifest.json tying every figure to
    the log position and the log chain head it was computed at (and manifest.sig with --sign).
    Nothing in --out is written through or overwritten in place: a failed export leaves the
    previous pack there whole."""
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
    key = None if sign is None else _load_key("--sign", sign, private=True)
    store = obj.store
    from envtrack.cli.projections import read_only_notice

    frames = current_frames(store, start=start, end=end, read_only_notice=read_only_notice(obj))  # refuses a missing store
    check_site(frames, site)

    from projections.evidence import SIGNATURE, PackRequest, export_pack

    labels = label_set(lang)
    request = PackRequest(year=year, site=site, lang=lang)
    try:
        manifest = export_pack(store, frames, request, labels, version=__version__, out=out, key=key)
    except OSError as error:  # no permission, a read-only or full disk
        reason = error.strerror or str(error)
        raise InvalidValue("--out", str(out), "cannot_be_written", reason=reason) from None
    done = labels["pack.export.done"].format(out=out, files=len(manifest["files"]), position=manifest["as_of_position"])
    click.echo(done, err=True)
    if manifest["signature"]:
        key_id = manifest["signature"]["public_key_sha256"]
        click.echo(labels["pack.export.signed"].format(key=key_id, file=out / SIGNATURE), err=True)


@evidence.command(short_help="Make a pack again from the log and compare every file and field.")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option(
    "--key", metavar="PUB", default=None, type=click.Path(path_type=Path, dir_okay=False),
    help="Check manifest.sig against this Ed25519 public key (KEY.pub): a pack without a valid signature by it fails.",
)
@click.pass_obj
def verify(obj: Context, directory: Path, key: Path | None) -> None:
    """Check the evidence pack in DIRECTORY against the store: the set of files and the SHA-256
    of each, the log chain head at the manifest's log position, every manifest field, every
    indicator, table, chart and the report made again from a replay of the log up to that
    position and compared (and, with --key, the signature). Exit 0 when all agree; exit 1
    listing every difference on stdout. Events recorded after the export do not matter."""
    from envtrack import __version__
    from envtrack.i18n import LANGS
    from envtrack.i18n import labels as label_set
    from envtrack.reports import require_store
    from projections.verification import PackError, verify_pack

    labels = label_set(obj.lang)
    if not directory.is_dir():
        raise NotFound("DIRECTORY", str(directory), "not_a_directory")
    public = None if key is None else _load_key("--key", key, private=False)
    store = obj.store
    require_store(store)
    try:
        languages = {lang: label_set(lang) for lang in LANGS}
        result = verify_pack(store, directory, labels, languages=languages, version=__version__, key=public)
    except PackError as error:
        raise click.ClickException(str(error)) from None
    for line in result.notes:
        click.echo(line, err=True)
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
    if result.signed_by:
        click.echo(labels["pack.verify.signed"].format(file="manifest.sig", key=result.signed_by), err=True)

"""``envtrack site add|update|close|list|show``."""

from __future__ import annotations

import click

from envtrack.cli.recording import confirm, date_option, format_option, output_fields, output_rows, parse_on
from envtrack.cli.types import COUNT, SITE, TEXT, WORD
from envtrack.context import Context

KINDS_HELP = "school, mosque, waste-bank, tps3r or community."


@click.group()
def site() -> None:
    """Add, update, close, list and show sites."""


@site.command("add")
@click.argument("slug", metavar="SITE")
@click.option("--kind", metavar="KIND", type=WORD, required=True, help=f"Kind of site: {KINDS_HELP}")
@click.option("--name", type=TEXT, required=True, help="The site's name as people write it.")
@click.option("--kelurahan", type=TEXT, default=None, help="Urban village.")
@click.option("--kecamatan", type=TEXT, default=None, help="District.")
@click.option(
    "--population",
    metavar="N", type=COUNT, default=None,
    help="Pupils (school), congregation (mosque) or people served (other sites).",
)
@date_option()
@click.pass_obj
def add(
    obj: Context,
    slug: str,
    kind: str,
    name: str,
    kelurahan: str | None,
    kecamatan: str | None,
    population: int | None,
    on: str | None,
) -> None:
    """Register SITE (a slug: a-z, 0-9 and '-', 2–63 characters)."""
    obj.app().add_site(
        slug,
        kind=kind,
        name=name,
        kelurahan=kelurahan,
        kecamatan=kecamatan,
        population=population,
        on=parse_on(on),
    )
    confirm(obj, "cli.site_added", site=slug)


@site.command("update")
@click.argument("slug", metavar="SITE", type=SITE)
@click.option("--name", type=TEXT, default=None, help="New name.")
@click.option("--kelurahan", type=TEXT, default=None, help="New urban village.")
@click.option("--kecamatan", type=TEXT, default=None, help="New district.")
@click.option("--population", metavar="N", type=COUNT, default=None, help="New population.")
@date_option()
@click.pass_obj
def update(
    obj: Context,
    slug: str,
    name: str | None,
    kelurahan: str | None,
    kecamatan: str | None,
    population: int | None,
    on: str | None,
) -> None:
    """Change a site's name, kelurahan, kecamatan or population."""
    obj.app().update_site(
        slug, name=name, kelurahan=kelurahan, kecamatan=kecamatan, population=population, on=parse_on(on)
    )
    confirm(obj, "cli.site_updated", site=slug)


@site.command("close")
@click.argument("slug", metavar="SITE", type=SITE)
@click.option("--reason", metavar="TEXT", type=TEXT, required=True, help="Why the site closes.")
@date_option()
@click.pass_obj
def close(obj: Context, slug: str, reason: str, on: str | None) -> None:
    """Close a site: it refuses new records from then on."""
    obj.app().close_site(slug, reason=reason, on=parse_on(on))
    confirm(obj, "cli.site_closed", site=slug)


@site.command("list")
@format_option()
@click.pass_obj
def list_(obj: Context, fmt: str) -> None:
    """List every site, open and closed."""
    sites = obj.app(create=False).list_sites()
    output_rows(obj, fmt, sites, ["site", "kind", "name", "kelurahan", "kecamatan", "population", "closed"])


@site.command("show")
@click.argument("slug", metavar="SITE", type=SITE)
@format_option()
@click.pass_obj
def show_(obj: Context, slug: str, fmt: str) -> None:
    """Show one site."""
    output_fields(obj, fmt, obj.app(create=False).show_site(slug))

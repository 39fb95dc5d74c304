"""``envtrack site add|update|close|list|show``."""

from __future__ import annotations

import click

from envtrack.cli.recording import confirm, date_option, format_option, output_fields, output_rows, parse_on
from envtrack.cli.types import COUNT, NEW_SITE, SITE, SITE_KIND, TEXT
from envtrack.context import Context

KINDS_HELP = "school, mosque, waste-bank, tps3r or community."
LAT_HELP = "Latitude in decimal degrees, -90 to 90 (south is negative: -7.4722)."
LNG_HELP = "Longitude in decimal degrees, -180 to 180 (112.4342)."


@click.group()
def site() -> None:
    """Add, update, close, list and show sites."""


@site.command("add")
@click.argument("slug", metavar="SITE", type=NEW_SITE)
@click.option("--kind", metavar="KIND", type=SITE_KIND, required=True, help=f"Kind of site: {KINDS_HELP}")
@click.option("--name", type=TEXT, required=True, help="The site's name as people write it.")
@click.option("--kelurahan", type=TEXT, default=None, help="Urban village.")
@click.option("--kecamatan", type=TEXT, default=None, help="District.")
@click.option(
    "--population",
    metavar="N", type=COUNT, default=None,
    help="Pupils (school), congregation (mosque) or people served (other sites).",
)
@click.option("--lat", metavar="DEG", default=None, help=LAT_HELP)
@click.option("--lng", metavar="DEG", default=None, help=LNG_HELP)
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
    lat: str | None,
    lng: str | None,
    on: str | None,
) -> None:
    """Register SITE (a slug: a-z, 0-9 and '-', 2–63 characters)."""
    fields = {"kind": kind, "name": name, "kelurahan": kelurahan, "kecamatan": kecamatan, "population": population,
              "lat": lat, "lng": lng}
    if obj.store.is_absent():  # the first site starts the store: only once the site is sound
        from envtrack.commands.sites import check_new_site

        check_new_site(slug, operator=obj.operator, on=parse_on(on), **fields)
    obj.app(create=True).add_site(slug, on=parse_on(on), **fields)
    confirm(obj, "cli.site_added", site=slug)


@site.command("update")
@click.argument("slug", metavar="SITE", type=SITE)
@click.option("--name", type=TEXT, default=None, help="New name.")
@click.option("--kelurahan", type=TEXT, default=None, help="New urban village.")
@click.option("--kecamatan", type=TEXT, default=None, help="New district.")
@click.option("--population", metavar="N", type=COUNT, default=None, help="New population.")
@click.option("--lat", metavar="DEG", default=None, help="New " + LAT_HELP[0].lower() + LAT_HELP[1:])
@click.option("--lng", metavar="DEG", default=None, help="New " + LNG_HELP[0].lower() + LNG_HELP[1:])
@date_option()
@click.pass_obj
def update(
    obj: Context,
    slug: str,
    name: str | None,
    kelurahan: str | None,
    kecamatan: str | None,
    population: int | None,
    lat: str | None,
    lng: str | None,
    on: str | None,
) -> None:
    """Change a site's name, kelurahan, kecamatan, population or location."""
    obj.app().update_site(
        slug, name=name, kelurahan=kelurahan, kecamatan=kecamatan, population=population, lat=lat, lng=lng,
        on=parse_on(on),
    )
    confirm(obj, "cli.site_updated", site=slug)


@site.command("close")
@click.argument("slug", metavar="SITE", type=SITE)
@click.option("--reason", metavar="TEXT", type=TEXT, required=True, help="Why the site closes.")
@date_option()
@click.pass_obj
def close(obj: Context, slug: str, reason: str, on: str | None) -> None:
    """Close a site from --date (today by default): records dated before it are still
    accepted, records dated on or after it refused."""
    obj.app().close_site(slug, reason=reason, on=parse_on(on))
    confirm(obj, "cli.site_closed", site=slug)


@site.command("list")
@format_option()
@click.pass_obj
def list_(obj: Context, fmt: str) -> None:
    """List every site, open and closed (JSON also gives each site's lat and lng)."""
    sites = obj.app(read_only=True).list_sites()
    output_rows(obj, fmt, sites, ["site", "kind", "name", "kelurahan", "kecamatan", "population", "closed"])


@site.command("show")
@click.argument("slug", metavar="SITE", type=SITE)
@format_option()
@click.pass_obj
def show_(obj: Context, slug: str, fmt: str) -> None:
    """Show one site (its location in decimal degrees, as recorded, and its ponds)."""
    shown = obj.app(read_only=True).show_site(slug)
    table = {**shown, "ponds": ", ".join(shown["ponds"])}
    if fmt == "table":  # every recorded decimal of a coordinate, in the language's decimal mark
        table.update({key: _degrees(shown[key], obj.lang) for key in ("lat", "lng")})
    output_fields(obj, fmt, table, data=shown)


def _degrees(value: float | None, lang: str) -> str | None:
    if value is None:
        return None
    text = f"{value:.7f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "id" else text

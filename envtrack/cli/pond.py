"""MADULENI MANIS: ``pond add|stock|feed|water|mortality|harvest|sample|quality|list|show``."""

from __future__ import annotations

from typing import Any

import click

from envtrack.cli.recording import (
    confirm,
    date_option,
    format_option,
    output_fields,
    output_rows,
    parse_on,
    print_entry,
    warn,
)
from envtrack.context import Context


@click.group()
def pond() -> None:
    """MADULENI MANIS: ponds, stocking, feed, wudu water, deaths, harvests."""


@pond.command("add")
@click.argument("slug", metavar="POND")
@click.option("--site", required=True, help="The mosque or school the pond belongs to.")
@click.option("--volume-m3", metavar="M3", required=True, help="Water volume in m³.")
@click.option("--system", metavar="SYSTEM", default=None, help="terpal, beton, tanah or bioflok.")
@date_option()
@click.pass_obj
def add(obj: Context, slug: str, site: str, volume_m3: str, system: str | None, on: str | None) -> None:
    """Add POND (a slug) at a mosque or school."""
    obj.app().add_pond(slug, site=site, volume_m3=volume_m3, system=system, on=parse_on(on))
    confirm(obj, "cli.pond_added", pond=slug, site=site)


@pond.command("stock")
@click.argument("slug", metavar="POND")
@click.option("--species", metavar="SPECIES", required=True, help="lele, nila or other.")
@click.option("--count", metavar="N", required=True, help="Fish stocked (a whole number > 0).")
@click.option("--mean-g", metavar="G", default=None, help="Mean weight of one fish, in grams.")
@date_option()
@click.pass_obj
def stock(obj: Context, slug: str, species: str, count: str, mean_g: str | None, on: str | None) -> None:
    """Stock fish: opens a growing cycle, or adds to the open one (same species only)."""
    print_entry(obj.app().stock_pond(slug, species=species, count=count, mean_g=mean_g, on=parse_on(on)))


@pond.command("feed")
@click.argument("slug", metavar="POND")
@click.option("--kg", metavar="KG", required=True, help="Feed given, in kg.")
@date_option()
@click.pass_obj
def feed(obj: Context, slug: str, kg: str, on: str | None) -> None:
    """Record feed given to the open cycle; prints the entry id."""
    app = obj.app()
    entry_id = app.feed_pond(slug, kg=kg, on=parse_on(on))
    print_entry(entry_id)
    warn(obj, app.entry_warnings(entry_id))


@pond.command("water")
@click.argument("slug", metavar="POND")
@click.option("--liters", metavar="L", required=True, help="Wudu water led in, in litres.")
@date_option()
@click.pass_obj
def water(obj: Context, slug: str, liters: str, on: str | None) -> None:
    """Record wudu (ablution) water led into the pond; prints the entry id."""
    print_entry(obj.app().water_pond(slug, liters=liters, on=parse_on(on)))


@pond.command("mortality")
@click.argument("slug", metavar="POND")
@click.option("--count", metavar="N", required=True, help="Fish found dead (a whole number > 0).")
@date_option()
@click.pass_obj
def mortality(obj: Context, slug: str, count: str, on: str | None) -> None:
    """Record fish deaths in the open cycle; prints the entry id."""
    print_entry(obj.app().record_deaths(slug, count=count, on=parse_on(on)))


@pond.command("harvest")
@click.argument("slug", metavar="POND")
@click.option("--kg", metavar="KG", required=True, help="Weight harvested, in kg.")
@click.option("--count", metavar="N", required=True, help="Fish harvested (a whole number > 0).")
@click.option("--sold-kg", metavar="KG", default=None, help="Of which sold, in kg (with --price-rp-per-kg).")
@click.option("--price-rp-per-kg", metavar="RP", default=None, help="Selling price per kg, in rupiah (with --sold-kg).")
@click.option("--final", is_flag=True, help="Close the cycle: fish unaccounted for become losses.")
@date_option()
@click.pass_obj
def harvest(
    obj: Context,
    slug: str,
    kg: str,
    count: str,
    sold_kg: str | None,
    price_rp_per_kg: str | None,
    final: bool,
    on: str | None,
) -> None:
    """Record a harvest from the open cycle; prints the entry id."""
    app = obj.app()
    entry_id = app.harvest_pond(
        slug, kg=kg, count=count, sold_kg=sold_kg, price_rp_per_kg=price_rp_per_kg, final=final, on=parse_on(on)
    )
    print_entry(entry_id)
    warn(obj, app.entry_warnings(entry_id))


@pond.command("list")
@click.option("--site", default=None, help="Only the ponds of this site.")
@format_option()
@click.pass_obj
def list_(obj: Context, site: str | None, fmt: str) -> None:
    """List the ponds (of one site): site, volume, system and the open cycle's fish."""
    ponds = obj.app(read_only=True).list_ponds(site=site)
    output_rows(obj, fmt, ponds, ["pond", "site", "volume_m3", "system", "species", "started_on", "alive"])


@pond.command("show")
@click.argument("slug", metavar="POND")
@format_option()
@click.pass_obj
def show_(obj: Context, slug: str, fmt: str) -> None:
    """Show the pond and its open cycle: stocked, alive, fed, harvested, days in cycle."""
    shown = obj.app(read_only=True).show_pond(slug)
    output_fields(obj, fmt, _flat(shown), data=shown)


def _flat(shown: dict[str, Any]) -> dict[str, Any]:
    flat = {key: value for key, value in shown.items() if key != "open_cycle"}
    flat.update(shown["open_cycle"] or {"open_cycle": None})
    return flat

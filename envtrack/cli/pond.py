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
from envtrack.cli.types import COUNT, NEW_POND, POND, POND_SYSTEM, QUANTITY, READING, RUPIAH, SITE, SPECIES, TEXT
from envtrack.context import Context


@click.group()
def pond() -> None:
    """MADULENI MANIS: ponds, stocking, feed, wudu water, deaths, harvests."""


@pond.command("add")
@click.argument("slug", metavar="POND", type=NEW_POND)
@click.option("--site", type=SITE, required=True, help="The mosque or school the pond belongs to.")
@click.option("--volume-m3", metavar="M3", type=QUANTITY, required=True, help="Water volume in m³.")
@click.option("--system", metavar="SYSTEM", type=POND_SYSTEM, default=None, help="terpal, beton, tanah or bioflok.")
@date_option()
@click.pass_obj
def add(obj: Context, slug: str, site: str, volume_m3: float, system: str | None, on: str | None) -> None:
    """Add POND (a slug) at a mosque or school."""
    obj.app().add_pond(slug, site=site, volume_m3=volume_m3, system=system, on=parse_on(on))
    confirm(obj, "cli.pond_added", pond=slug, site=site)


@pond.command("stock")
@click.argument("slug", metavar="POND", type=POND)
@click.option("--species", metavar="SPECIES", type=SPECIES, required=True, help="lele, nila or other.")
@click.option("--count", metavar="N", type=COUNT, required=True, help="Fish stocked (a whole number > 0).")
@click.option("--mean-g", metavar="G", type=QUANTITY, default=None, help="Mean weight of one fish, in grams.")
@click.option("--cost-rp", metavar="RP", type=RUPIAH, default=None, help="What the seed fish cost, in rupiah.")
@date_option()
@click.pass_obj
def stock(
    obj: Context, slug: str, species: str, count: int, mean_g: float | None, cost_rp: float | None, on: str | None
) -> None:
    """Stock fish: opens a growing cycle, or adds to the open one (same species only)."""
    print_entry(
        obj.app().stock_pond(slug, species=species, count=count, mean_g=mean_g, cost_rp=cost_rp, on=parse_on(on))
    )


@pond.command("feed")
@click.argument("slug", metavar="POND", type=POND)
@click.option("--kg", metavar="KG", type=QUANTITY, required=True, help="Feed given, in kg.")
@click.option("--cost-rp", metavar="RP", type=RUPIAH, default=None, help="What the feed cost, in rupiah.")
@click.option("--feed-type", metavar="TEXT", type=TEXT, default=None, help="The feed's kind or brand (e.g. pelet PF-1000).")
@date_option()
@click.pass_obj
def feed(obj: Context, slug: str, kg: float, cost_rp: float | None, feed_type: str | None, on: str | None) -> None:
    """Record feed given to the open cycle; prints the entry id."""
    app = obj.app()
    entry_id = app.feed_pond(slug, kg=kg, cost_rp=cost_rp, feed_type=feed_type, on=parse_on(on))
    print_entry(entry_id)
    warn(obj, app.entry_warnings(entry_id))


@pond.command("water")
@click.argument("slug", metavar="POND", type=POND)
@click.option("--liters", metavar="L", type=QUANTITY, required=True, help="Wudu water led in, in litres.")
@date_option()
@click.pass_obj
def water(obj: Context, slug: str, liters: float, on: str | None) -> None:
    """Record wudu (ablution) water led into the pond; prints the entry id."""
    print_entry(obj.app().water_pond(slug, liters=liters, on=parse_on(on)))


@pond.command("mortality")
@click.argument("slug", metavar="POND", type=POND)
@click.option("--count", metavar="N", type=COUNT, required=True, help="Fish found dead (a whole number > 0).")
@click.option("--cause", metavar="TEXT", type=TEXT, default=None, help="What killed them, as far as known.")
@date_option()
@click.pass_obj
def mortality(obj: Context, slug: str, count: int, cause: str | None, on: str | None) -> None:
    """Record fish deaths in the open cycle; prints the entry id."""
    print_entry(obj.app().record_deaths(slug, count=count, cause=cause, on=parse_on(on)))


@pond.command("sample")
@click.argument("slug", metavar="POND", type=POND)
@click.option("--count", metavar="N", type=COUNT, required=True, help="Fish weighed (a whole number > 0, at most those alive).")
@click.option("--kg", metavar="KG", type=QUANTITY, required=True, help="Their weight together, in kg.")
@date_option()
@click.pass_obj
def sample(obj: Context, slug: str, count: int, kg: float, on: str | None) -> None:
    """Record a weighed sample of the open cycle's fish (mean weight → biomass); prints the entry id."""
    app = obj.app()
    entry_id = app.sample_pond(slug, count=count, kg=kg, on=parse_on(on))
    print_entry(entry_id)
    warn(obj, app.entry_warnings(entry_id))


@pond.command("quality")
@click.argument("slug", metavar="POND", type=POND)
@click.option("--do", "do", metavar="MG_L", type=READING, default=None, help="Dissolved oxygen, mg/L (0–30).")
@click.option("--ph", metavar="PH", type=READING, default=None, help="pH (0–14).")
@click.option("--temp-c", metavar="T", type=READING, default=None, help="Water temperature, °C (−5–50).")
@click.option("--ammonia", metavar="MG_L", type=READING, default=None, help="Total ammonia nitrogen, mg/L (0–50).")
@date_option()
@click.pass_obj
def quality(
    obj: Context, slug: str, do: float | None, ph: float | None, temp_c: float | None, ammonia: float | None,
    on: str | None,
) -> None:
    """Record a water test (at least one reading); readings outside the species' norms are
    warned of on stderr. Prints the entry id."""
    app = obj.app()
    entry_id = app.test_pond_water(slug, do=do, ph=ph, temp_c=temp_c, ammonia=ammonia, on=parse_on(on))
    print_entry(entry_id)
    warn(obj, app.entry_warnings(entry_id))


@pond.command("harvest")
@click.argument("slug", metavar="POND", type=POND)
@click.option("--kg", metavar="KG", type=QUANTITY, required=True, help="Weight harvested, in kg.")
@click.option("--count", metavar="N", type=COUNT, required=True, help="Fish harvested (a whole number > 0).")
@click.option("--sold-kg", metavar="KG", type=QUANTITY, default=None, help="Of which sold, in kg (with --price-rp-per-kg).")
@click.option("--price-rp-per-kg", metavar="RP", type=RUPIAH, default=None, help="Selling price per kg, in rupiah (with --sold-kg).")
@click.option("--final", is_flag=True, help="Close the cycle: fish unaccounted for become losses.")
@date_option()
@click.pass_obj
def harvest(
    obj: Context,
    slug: str,
    kg: float,
    count: int,
    sold_kg: float | None,
    price_rp_per_kg: int | None,
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
@click.argument("slug", metavar="POND", type=POND)
@format_option()
@click.pass_obj
def show_(obj: Context, slug: str, fmt: str) -> None:
    """Show the pond and its open cycle: stocked, alive, fed, harvested, days in cycle."""
    shown = obj.app(read_only=True).show_pond(slug)
    output_fields(obj, fmt, _flat(shown, obj.lang), data=shown)


def _flat(shown: dict[str, Any], lang: str) -> dict[str, Any]:
    """``pond show`` as one field per line: the pond, its open cycle and growth, the latest
    water readings (each with its date) and the last closed cycle (``last_cycle.*``)."""
    from envtrack.output import number

    flat = {key: shown[key] for key in ("pond", "site", "volume_m3", "system", "cycles_closed")}
    cycle = shown["open_cycle"]
    if cycle is None:
        flat["open_cycle"] = None
    else:
        flat.update((key, value) for key, value in cycle.items() if key != "latest_sample")
        sample = cycle["latest_sample"]
        flat["sample_on"] = sample and sample["on"]
        flat["sample_mean_g"] = sample and sample["mean_g"]
        flat["biomass_kg"] = sample and sample["biomass_kg"]
        flat["fcr_provisional"] = cycle["fcr_provisional"]
    for name, reading in shown["water"].items():
        flat[f"water.{name}"] = f"{number(reading['value'], lang)} ({reading['on']})"
    last = shown["last_closed_cycle"]
    if last is not None:
        flat.update((f"last_cycle.{key}", value) for key, value in last.items() if key != "cycle_id")
    return flat

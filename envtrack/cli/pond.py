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
@click.option("--cost-rp", metavar="RP", default=None, help="What the seed fish cost, in rupiah.")
@date_option()
@click.pass_obj
def stock(
    obj: Context, slug: str, species: str, count: str, mean_g: str | None, cost_rp: str | None, on: str | None
) -> None:
    """Stock fish: opens a growing cycle, or adds to the open one (same species only)."""
    print_entry(
        obj.app().stock_pond(
            slug, species=species, count=count, mean_g=mean_g, cost_rp=_number("cost_rp", cost_rp), on=parse_on(on)
        )
    )


@pond.command("feed")
@click.argument("slug", metavar="POND")
@click.option("--kg", metavar="KG", required=True, help="Feed given, in kg.")
@click.option("--cost-rp", metavar="RP", default=None, help="What the feed cost, in rupiah.")
@click.option("--feed-type", metavar="TEXT", default=None, help="The feed's kind or brand (e.g. pelet PF-1000).")
@date_option()
@click.pass_obj
def feed(obj: Context, slug: str, kg: str, cost_rp: str | None, feed_type: str | None, on: str | None) -> None:
    """Record feed given to the open cycle; prints the entry id."""
    app = obj.app()
    entry_id = app.feed_pond(slug, kg=kg, cost_rp=_number("cost_rp", cost_rp), feed_type=feed_type, on=parse_on(on))
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
@click.option("--cause", metavar="TEXT", default=None, help="What killed them, as far as known.")
@date_option()
@click.pass_obj
def mortality(obj: Context, slug: str, count: str, cause: str | None, on: str | None) -> None:
    """Record fish deaths in the open cycle; prints the entry id."""
    print_entry(obj.app().record_deaths(slug, count=count, cause=cause, on=parse_on(on)))


@pond.command("sample")
@click.argument("slug", metavar="POND")
@click.option("--count", metavar="N", required=True, help="Fish weighed (a whole number > 0, at most those alive).")
@click.option("--kg", metavar="KG", required=True, help="Their weight together, in kg.")
@date_option()
@click.pass_obj
def sample(obj: Context, slug: str, count: str, kg: str, on: str | None) -> None:
    """Record a weighed sample of the open cycle's fish (mean weight → biomass); prints the entry id."""
    app = obj.app()
    entry_id = app.sample_pond(slug, count=_whole("count", count), kg=_number("kg", kg), on=parse_on(on))
    print_entry(entry_id)
    warn(obj, app.entry_warnings(entry_id))


@pond.command("quality")
@click.argument("slug", metavar="POND")
@click.option("--do", "do", metavar="MG_L", default=None, help="Dissolved oxygen, mg/L (0–30).")
@click.option("--ph", metavar="PH", default=None, help="pH (0–14).")
@click.option("--temp-c", metavar="T", default=None, help="Water temperature, °C (−5–50).")
@click.option("--ammonia", metavar="MG_L", default=None, help="Total ammonia nitrogen, mg/L (0–50).")
@date_option()
@click.pass_obj
def quality(
    obj: Context, slug: str, do: str | None, ph: str | None, temp_c: str | None, ammonia: str | None, on: str | None
) -> None:
    """Record a water test (at least one reading); readings outside the species' norms are
    warned of on stderr. Prints the entry id."""
    app = obj.app()
    readings = {name: _number(name, text) for name, text in
                (("do", do), ("ph", ph), ("temp_c", temp_c), ("ammonia", ammonia))}
    entry_id = app.test_pond_water(slug, **readings, on=parse_on(on))
    print_entry(entry_id)
    warn(obj, app.entry_warnings(entry_id))


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
    ponds = obj.app(create=False).list_ponds(site=site)
    output_rows(obj, fmt, ponds, ["pond", "site", "volume_m3", "system", "species", "started_on", "alive"])


@pond.command("show")
@click.argument("slug", metavar="POND")
@format_option()
@click.pass_obj
def show_(obj: Context, slug: str, fmt: str) -> None:
    """Show the pond and its open cycle: stocked, alive, fed, harvested, days in cycle."""
    shown = obj.app(create=False).show_pond(slug)
    output_fields(obj, fmt, _flat(shown, obj.lang), data=shown)


def _number(field: str, text: str | None) -> float | None:
    """A number as operators type it (``0,85`` or ``0.85``; section 13), refused naming
    ``field`` when it is none; None when not given."""
    from envtrack.parsing import Unreadable, number

    if text is None:
        return None
    try:
        return number(text, unreadable="not_a_number")
    except Unreadable as error:
        raise error.refusal(field, text) from None


def _whole(field: str, text: str) -> int | float:
    """A count as operators type it (``1.000`` is refused as ambiguous, ``1000`` is 1000)."""
    from envtrack.parsing import Unreadable, whole_number

    try:
        return whole_number(text, unreadable="not_a_positive_whole_number")
    except Unreadable as error:
        raise error.refusal(field, text) from None


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

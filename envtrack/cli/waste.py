"""``envtrack waste record``: collected waste by SIPSN category, source and destination."""

from __future__ import annotations

import click

from envtrack.cli.recording import date_option, parse_on, print_entry
from envtrack.cli.types import CATEGORY, DESTINATION, QUANTITY, SITE, SOURCE
from envtrack.context import Context

CATEGORIES_HELP = "sisa-makanan, kayu-ranting, kertas-karton, plastik, logam, kain, karet-kulit, kaca or lainnya"
SOURCES_HELP = "rumah-tangga, perkantoran, pasar, perniagaan, fasilitas-publik, kawasan or lainnya"
DESTINATIONS_HELP = "guna-ulang, daur-ulang, kompos, bahan-baku, olah, tps, tpa or tidak-terkelola"


@click.group()
def waste() -> None:
    """Record collected waste by SIPSN category, source and destination."""


@waste.command("record")
@click.argument("site", type=SITE)
@click.option("--category", metavar="CAT", type=CATEGORY, required=True, help=f"SIPSN jenis: {CATEGORIES_HELP}.")
@click.option("--kg", metavar="KG", type=QUANTITY, required=True, help="Weight in kg.")
@click.option("--destination", metavar="DEST", type=DESTINATION, required=True, help=f"Where it went: {DESTINATIONS_HELP}.")
@click.option(
    "--source",
    metavar="SRC", type=SOURCE, default=None,
    help=f"SIPSN sumber: {SOURCES_HELP} (default: fasilitas-publik at schools and mosques, "
    "rumah-tangga at community sites, lainnya elsewhere).",
)
@date_option()
@click.pass_obj
def record(obj: Context, site: str, category: str, kg: float, destination: str, source: str | None, on: str | None) -> None:
    """Record waste collected at SITE; prints the entry id."""
    entry_id = obj.app().record_waste(
        site, category=category, kg=kg, destination=destination, source=source, on=parse_on(on)
    )
    print_entry(entry_id)

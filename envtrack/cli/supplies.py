"""SAMBO DIKARTU AS: ``supplies rate|receive|stock``, ``exchange record``, ``bottles handover``."""

from __future__ import annotations

import click

from envtrack.cli.recording import confirm, date_option, format_option, output_rows, parse_on, print_entry
from envtrack.cli.types import CLASS, COUNT, ITEM, QUANTITY, RECIPIENT, RUPIAH, SITE, TEXT
from envtrack.context import Context


@click.group()
def supplies() -> None:
    """SAMBO DIKARTU AS: exchange rates, supplies received and stock."""


@supplies.command("rate")
@click.argument("site", type=SITE)
@click.argument("item", type=ITEM)
@click.option("--bottles", metavar="N", type=COUNT, required=True, help="Bottles that buy one ITEM from now on (a whole number > 0).")
@date_option()
@click.pass_obj
def rate(obj: Context, site: str, item: str, bottles: int, on: str | None) -> None:
    """Set how many bottles buy one ITEM (a slug, e.g. pensil) at school SITE."""
    obj.app().set_rate(site, item, bottles=bottles, on=parse_on(on))
    confirm(obj, "cli.rate_set", site=site, item=item, bottles=bottles)


@supplies.command("receive")
@click.argument("site", type=SITE)
@click.argument("item", type=ITEM)
@click.option("--qty", metavar="N", type=COUNT, required=True, help="How many came in (a whole number > 0).")
@click.option("--cost-rp", metavar="RP", type=RUPIAH, default=None, help="What they cost, in rupiah.")
@click.option("--source", metavar="SRC", type=TEXT, default=None, help="Who supplied them (free text).")
@date_option()
@click.pass_obj
def receive(
    obj: Context, site: str, item: str, qty: int, cost_rp: int | None, source: str | None, on: str | None
) -> None:
    """Record supplies received into the stock of school SITE; prints the entry id."""
    print_entry(obj.app().receive_supplies(site, item, qty=qty, cost_rp=cost_rp, source=source, on=parse_on(on)))


@supplies.command("stock")
@click.argument("site", type=SITE)
@format_option()
@click.pass_obj
def stock(obj: Context, site: str, fmt: str) -> None:
    """Show the supplies in stock at school SITE, with their rates in bottles."""
    shown = obj.app(read_only=True).supplies_stock(site)
    output_rows(obj, fmt, shown["items"], ["item", "qty", "rate_bottles"], data=shown)


@click.group()
def exchange() -> None:
    """SAMBO DIKARTU AS: record a bottle exchange."""


@exchange.command("record")
@click.argument("site", type=SITE)
@click.option("--bottles", metavar="N", type=COUNT, required=True, help="Bottles the pupil brought (a whole number > 0).")
@click.option(
    "--weight-kg",
    metavar="KG", type=QUANTITY, default=None,
    help="Their measured weight; without it the weight is estimated as bottles × 0.022 kg.",
)
@click.option(
    "--item",
    "items",
    multiple=True,
    metavar="ITEM[=QTY]",
    help="A supply given in exchange, QTY 1 by default; repeat for more. Leave out for a pure deposit.",
)
@click.option("--pupil", type=TEXT, default=None, help="The pupil's name.")
@click.option("--class", "pupil_class", type=CLASS, default=None, help="The pupil's class.")
@date_option()
@click.pass_obj
def record(
    obj: Context,
    site: str,
    bottles: int,
    weight_kg: float | None,
    items: tuple[str, ...],
    pupil: str | None,
    pupil_class: str | None,
    on: str | None,
) -> None:
    """Record bottles exchanged for supplies at school SITE; prints the entry id.

    Refused unless every ITEM has a rate, the stock covers it, and the bottles pay for all items
    (surplus bottles are kept as collected).
    """
    from domain.errors import NoRate

    app = obj.app()
    try:
        entry_id = app.record_exchange(
            site,
            bottles=bottles,
            weight_kg=weight_kg,
            items=parse_items(items),
            pupil=pupil,
            pupil_class=pupil_class,
            on=parse_on(on),
        )
    except NoRate as refusal:  # an item the school does not have at all: name the close ones
        from envtrack.names import unknown_item

        known = [row["item"] for row in app.supplies_stock(site)["items"]]
        if refusal.value in known:
            raise
        raise unknown_item(site, refusal.value, known) from None
    print_entry(entry_id)


def parse_items(raw_items: tuple[str, ...]) -> dict[str, int]:
    """``ITEM`` or ``ITEM=QTY`` options as {item: qty}, items in lower case, QTY read as the
    other counts are (``envtrack/parsing.py``); the same item twice adds up."""
    from domain.errors import InvalidValue
    from domain.values import count
    from envtrack import parsing

    items: dict[str, int] = {}
    for raw in raw_items:
        item, sep, qty = raw.partition("=")
        item = item.strip().lower()
        if not item or (sep and not qty.strip()):
            raise InvalidValue("item", raw, "not_item_or_item_qty")
        try:
            quantity = count("item", parsing.whole_number(qty, unreadable="not_item_or_item_qty")) if sep else 1
        except parsing.Unreadable as error:
            raise error.refusal("item", raw) from None
        except InvalidValue:
            raise InvalidValue("item", raw, "not_item_or_item_qty") from None
        items[item] = items.get(item, 0) + quantity
    return items


@click.group()
def bottles() -> None:
    """SAMBO DIKARTU AS: hand collected bottles on for recycling."""


@bottles.command("handover")
@click.argument("site", type=SITE)
@click.option("--weight-kg", metavar="KG", type=QUANTITY, required=True, help="Weight of the bottles handed over.")
@click.option("--to", "to", metavar="TO", type=RECIPIENT, required=True, help="Who takes them: bank-sampah, recycler or collector.")
@click.option("--buyer", type=TEXT, default=None, help="The buyer's name.")
@click.option("--price-rp-per-kg", metavar="RP", type=RUPIAH, default=None, help="Price paid per kg, in rupiah.")
@date_option()
@click.pass_obj
def handover(
    obj: Context,
    site: str,
    weight_kg: float,
    to: str,
    buyer: str | None,
    price_rp_per_kg: int | None,
    on: str | None,
) -> None:
    """Record bottles leaving school SITE for recycling; prints the entry id.

    This is where the bottles go, not more waste: it is not counted again in the indicators.
    """
    entry_id = obj.app().hand_over_bottles(
        site, weight_kg=weight_kg, to=to, buyer=buyer, price_rp_per_kg=price_rp_per_kg, on=parse_on(on)
    )
    print_entry(entry_id)

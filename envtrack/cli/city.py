"""``envtrack city set|show``: the city's basis for SIPSN's timbulan, its yearly targets and its
TPA's system (spec section 11)."""

from __future__ import annotations

from typing import Any

import click

from envtrack.cli.recording import confirm, format_option, heading, output_rows
from envtrack.context import Context

TPA_HELP = "open-dumping, controlled-landfill or sanitary-landfill"
YEAR_COLUMNS = [
    "year",
    "population",
    "kg_per_person_day",
    "timbulan_ton",
    "timbulan_estimate_kg",
    "target_pengurangan",
    "target_penanganan",
    "target_dikelola",
    "tpa_system",
    "source",
]


@click.group()
def city() -> None:
    """The city's basis for SIPSN's timbulan, its yearly targets and its TPA system."""


@city.command("set")
@click.option("--year", metavar="YYYY", required=True, help="The year the values are for (2000 to this year + 10).")
@click.option("--name", default=None, help="The city's name as SIPSN writes it (not per year).")
@click.option("--province", metavar="NAME", default=None, help="The city's province (not per year).")
@click.option("--population", metavar="N", default=None, help="People living in the city that year.")
@click.option(
    "--kg-per-person-day", "kg_per_person_day", metavar="R", default=None,
    help="Waste generated per person per day, kg (more than 0, at most 10; SNI 19-3983-1995: 0.70–0.80 in a medium city).",
)
@click.option(
    "--timbulan-ton", "timbulan_ton", metavar="T", default=None,
    help="A surveyed timbulan for the whole year, tonnes (used instead of population × rate).",
)
@click.option("--target-pengurangan", metavar="P", default=None, help="The year's pengurangan target, % (0–100).")
@click.option("--target-penanganan", metavar="Q", default=None, help="The year's penanganan target, % (0–100).")
@click.option("--target-dikelola", metavar="D", default=None, help="The year's dikelola target, % (0–100).")
@click.option("--tpa-system", metavar="SYSTEM", default=None, help=f"How the city's TPA runs that year: {TPA_HELP}.")
@click.option("--source", metavar="TEXT", default=None, help="Where the figures come from (BPS, a survey, a decree …).")
@click.pass_obj
def set_(obj: Context, year: str, **options: str | None) -> None:
    """Record the city's values for one year; options not given keep that year's earlier values."""
    from envtrack.parsing import number, whole_number, word

    readers: dict[str, Any] = {
        "population": lambda text: whole_number(text, unreadable="not_a_positive_whole_number"),
        "kg_per_person_day": lambda text: number(text, unreadable="not_a_positive_number"),
        "timbulan_ton": lambda text: number(text, unreadable="not_a_positive_number"),
        "target_pengurangan": lambda text: number(text, unreadable="not_a_percentage"),
        "target_penanganan": lambda text: number(text, unreadable="not_a_percentage"),
        "target_dikelola": lambda text: number(text, unreadable="not_a_percentage"),
        "tpa_system": word,
    }
    values = {field: _read(field, text, readers.get(field)) for field, text in options.items()}
    the_year = _read("year", year, lambda text: whole_number(text, unreadable="not_a_year"))
    if obj.store.is_absent():  # the city's first values start the store: only once they are sound
        from datetime import date

        from domain.city import City

        City.values(year=the_year, this_year=date.today().year, **values)
    obj.app(create=True).set_city(the_year, **values)
    confirm(obj, "cli.city_set", year=the_year)


def _read(field: str, text: str | None, reader: Any) -> Any:
    """``text`` as the value of ``field`` (None when not given); unreadable text is refused naming
    the field as the user typed it."""
    from envtrack.parsing import Unreadable

    if text is None or reader is None:
        return text
    try:
        value = reader(text)
    except Unreadable as error:
        raise error.refusal(field.replace("_", "-"), text) from None
    if isinstance(value, float) and _plain_float(text) == value:
        return text  # the domain reads it alike, and a refusal then shows it as typed
    return value


def _plain_float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


@city.command("show")
@click.option("--year", metavar="YYYY", default=None, help="One year only (default: every year recorded).")
@format_option()
@click.pass_obj
def show(obj: Context, year: str | None, fmt: str) -> None:
    """Show the city's name, province and each year's basis, targets and TPA system."""
    from envtrack.parsing import whole_number

    the_year = None if year is None else _read("year", year, lambda text: whole_number(text, unreadable="not_a_year"))
    if the_year is not None and not isinstance(the_year, int):
        from domain.errors import InvalidValue

        raise InvalidValue("year", year, "not_a_year")
    record = obj.app(read_only=True).show_city(the_year)
    if fmt == "json":
        output_rows(obj, fmt, [], [], data=record)
        return
    output_rows(
        obj, fmt,
        [{"field": heading("name", obj.lang), "value": record["name"]},
         {"field": heading("province", obj.lang), "value": record["province"]}],
        ["field", "value"],
    )
    click.echo("")
    rows = [_flat(item) for item in record["years"]]
    output_rows(obj, fmt, rows, YEAR_COLUMNS)


def _flat(item: dict[str, Any]) -> dict[str, Any]:
    targets = {f"target_{key.removeprefix('pct_')}": value for key, value in item["target"].items()}
    shown = {key: value for key, value in item.items() if key != "target"}
    return {**shown, "year": str(item["year"]), **targets}  # a year, not a quantity: no thousands mark

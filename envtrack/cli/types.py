"""Click parameter types for what operators type: amounts, free text, words of a vocabulary,
and the names of sites, ponds and items.

An amount is read by ``envtrack/parsing.py`` (the importer's reading: ``2,5`` is 2.5, ``1.250`` is
refused as ambiguous with both readings as the hint) and judged at once by the domain's rule for
it (``domain/values.py``: above zero, at most 10⁹, at least 0.001 kg …), so a refusal comes
before any store is opened and shows the text as it was typed. The domain judges the value again
when it is recorded, as it does for every importer row. A text that is no number at all is
refused in the importer's words for a cell that is none (``cell_not_a_number``), so that both
paths say the same.

Free text is refused at once if it holds control or text-direction characters; a word of a
vocabulary is spelled as the importer reads it (``Kertas/Karton``). A name is resolved through
the store's own reads (``envtrack/names.py``): the slug or the registered name, trimmed and
case-insensitive; an unknown one is refused with close slugs.

Refusals are the application's (``DomainError``), so the command line words them like any other
(``Error: kg '1.250': …``, exit 1).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import click

from domain import values
from domain.errors import InvalidValue
from domain.pond_norms import reading
from envtrack import parsing


class Amount(click.ParamType):
    """A number read by ``read`` (``parsing.number`` or ``parsing.whole_number``) and judged by
    ``check`` (a rule of ``domain.values``) under the parameter's name."""

    def __init__(
        self, name: str, read: Callable[..., Any], check: Callable[[str, Any], Any], *, unreadable: str
    ) -> None:
        self.name = name
        self.read = read
        self.check = check
        self.unreadable = unreadable

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        field = param.name if param is not None and param.name else self.name
        try:
            number = self.read(value, unreadable=self.unreadable)
        except parsing.Unreadable as error:
            raise error.refusal(field, value) from None
        try:
            return self.check(field, number)
        except InvalidValue as error:  # the domain's reason, shown with the text as typed
            raise InvalidValue(field, value, error.code, **error.data) from None


QUANTITY = Amount("quantity", parsing.number, values.quantity, unreadable="cell_not_a_number")
"""A mass, volume or weight (kg, litres, m³, grams)."""
RUPIAH = Amount("rupiah", parsing.number, values.rupiah, unreadable="cell_not_a_number")
"""A price or cost in rupiah."""
COUNT = Amount("count", parsing.whole_number, values.count, unreadable="cell_not_a_number")
"""Bottles, fish, items, people: a whole number."""
READING = Amount("reading", parsing.number, reading, unreadable="cell_not_a_number")
"""A water reading of a pond (``do``, ``ph``, ``temp_c``, ``ammonia``: the parameter's name), within
what water can physically be."""


class Text(click.ParamType):
    """Free text (a name, a reason, a pupil's class …) refused at once if it holds a control or
    text-direction character or bytes that were not UTF-8 (``domain.values.plain_text``), before
    any store is opened; the domain checks and trims it again when it is recorded."""

    name = "text"

    def __init__(self, field: str | None = None) -> None:
        self.field = field

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        return values.plain_text(self.field or (param.name if param is not None else None) or "text", value)


TEXT = Text()
CLASS = Text("class")


class Word(click.ParamType):
    """A word of the vocabulary ``allowed`` (categories, destinations, sources, species …) spelled
    as the importer reads it (``parsing.word``): case ignored, ``/``, ``_``, spaces and ``-``
    alike (``Kertas/Karton`` is ``kertas-karton``), ``Lain-lain`` is ``lainnya``; refused at once
    if it is none of them (``domain.values.choice``; without ``allowed``, the domain judges)."""

    name = "word"

    def __init__(self, allowed: tuple[str, ...] | None = None) -> None:
        self.allowed = allowed

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        word = parsing.word(value)
        if self.allowed is None:  # the domain judges it
            return word
        return values.choice(param.name if param is not None and param.name else self.name, word, self.allowed)


WORD = Word()
"""A word of a vocabulary the domain judges."""

CATEGORY = Word(values.CATEGORIES)
DESTINATION = Word(values.DESTINATIONS)
SOURCE = Word(values.SOURCES)
SPECIES = Word(values.SPECIES)
POND_SYSTEM = Word(values.POND_SYSTEMS)
SITE_KIND = Word(values.SITE_KINDS)
RECIPIENT = Word(values.HANDOVER_RECIPIENTS)


class Slug(click.ParamType):
    """The slug of a new site or pond (``site add``, ``pond add``), refused at once if it is not
    one (``domain.values.slug``)."""

    def __init__(self, kind: str) -> None:
        self.name = kind

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return values.slug(self.name, value) if isinstance(value, str) else value


NEW_SITE = Slug("site")
NEW_POND = Slug("pond")


class Day(click.ParamType):
    """``--date``: the day a thing happened, written as the importer reads dates (ISO,
    ``DD/MM/YYYY``, ``D/M/YYYY``, ``DD.MM.YYYY``, ``DD-MM-YYYY``), refused at once if it is none,
    in the future or before 2000 (``domain.values.occurred_on``; the application checks again)."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        try:
            day = parsing.day(value)
        except parsing.Unreadable:
            raise InvalidValue("date", value, "cell_not_a_date") from None
        return values.occurred_on("date", day, date.today())


DATE = Day()


class Name(click.ParamType):
    """A site or pond named by its slug or registered name, resolved to its slug through the
    store's own reads (``envtrack.names``)."""

    def __init__(self, kind: str) -> None:
        self.name = kind
        self.kind = kind

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str) or ctx is None:
            return value
        from envtrack.names import Directory

        directory = Directory(ctx.find_root().obj.store)
        return directory.site(self.kind, value) if self.kind == "site" else directory.pond(self.kind, value)


SITE = Name("site")
POND = Name("pond")


class Item(click.ParamType):
    """An item of a school's supplies: its slug, trimmed and in lower case (``Pensil`` is
    ``pensil``). A new item is welcome here (a rate or a receipt brings it in)."""

    name = "item"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return value.strip().lower() if isinstance(value, str) else value


ITEM = Item()

"""The logbook layouts: for each kind (waste, exchange, pond) its columns, their Indonesian and
English headers, and how a cell becomes a value.

Cells are only converted here, by the same reading as the command line's
(``envtrack/parsing.py``: numbers with a decimal point or comma, vocabulary words whatever their
case and separators, dates ISO or day first); the domain's own rules judge the values
afterwards, exactly as for the commands. A converter that cannot read a cell raises
``CellError``; the row names the column.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from domain.errors import InvalidValue
from envtrack import parsing

KINDS = ("waste", "exchange", "pond")

IGNORED_HEADERS = frozenset({"no", "nomor", "catatan", "keterangan", "note", "notes"})
"""Columns a paper logbook often has and that carry nothing to record."""

POND_ACTIONS = {
    "stock": "stock",
    "tebar": "stock",
    "tebar-benih": "stock",
    "feed": "feed",
    "pakan": "feed",
    "beri-pakan": "feed",
    "water": "water",
    "air": "water",
    "air-wudu": "water",
    "mortality": "mortality",
    "kematian": "mortality",
    "mati": "mortality",
    "harvest": "harvest",
    "panen": "harvest",
}

TRUE_WORDS = frozenset({"1", "y", "ya", "yes", "true", "benar", "x", "akhir", "final"})
FALSE_WORDS = frozenset({"0", "n", "t", "tidak", "no", "false", "salah", "-"})

_ITEM_SPLIT = re.compile(r"[;,\s]+")


# -- cell converters ---------------------------------------------------------------------------


class CellError(ValueError):
    """A cell that cannot be read as its column needs, for the reason ``code`` (worded in
    ``envtrack/messages.py``) with ``data``; the caller names the column and value."""

    def __init__(self, code: str, **data: Any) -> None:
        super().__init__(code)
        self.code = code
        self.data = data

    def for_column(self, field: str, raw: Any) -> InvalidValue:
        return InvalidValue(field, as_text(raw) or "", self.code, **self.data)


def as_text(raw: Any) -> str | None:
    """A cell as trimmed text; empty cells are None. Whole numbers lose their ``.0``."""
    if raw.__class__ is str:  # every CSV cell: the fast path
        return raw.strip() or None
    if raw is None:
        return None
    if isinstance(raw, float) and math.isfinite(raw) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, datetime):
        raw = raw.date()
    if isinstance(raw, date):
        return raw.isoformat()
    return str(raw).strip() or None


def as_slug(raw: Any) -> str | None:
    """A site, pond or item slug, compared case-insensitively."""
    text = as_text(raw)
    return None if text is None else text.lower()


def as_word(raw: Any) -> str | None:
    """A vocabulary word (category, destination …): ``Kertas/Karton`` reads as ``kertas-karton``."""
    text = as_text(raw)
    return None if text is None else parsing.word(text)


def as_number(raw: Any) -> Any:
    """A number: ``1.5`` or ``1,5`` (decimal comma, as Indonesian spreadsheets write it), by the
    rule of ``envtrack/parsing.py``. Whether it is in range (finite, above zero) is for the
    domain to judge."""
    if raw.__class__ is not str:
        if raw is None or isinstance(raw, bool):
            return raw
        if isinstance(raw, (int, float)):
            return float(raw)
    text = as_text(raw)
    if text is None:
        return None
    return _read(parsing.number, text)


def as_count(raw: Any) -> Any:
    """A whole number (``12``, ``12.0``); a fraction is passed on for the domain to refuse."""
    if raw.__class__ is str:
        text = raw.strip()
        return _read(parsing.whole_number, text) if text else None
    number = as_number(raw)
    if isinstance(number, float) and math.isfinite(number) and number.is_integer():
        return int(number)
    return number


def _read(read: Callable[..., Any], text: str) -> Any:
    try:
        return read(text, unreadable="cell_not_a_number")
    except parsing.Unreadable as error:
        raise CellError(error.code, **error.data) from None


def as_date(raw: Any) -> date | None:
    """A spreadsheet date cell, or text ``YYYY-MM-DD``, ``DD/MM/YYYY``, ``D/M/YYYY``, ``DD.MM.YYYY``
    or ``DD-MM-YYYY``."""
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = as_text(raw)
    if text is None:
        return None
    try:
        return parsing.day(text)
    except parsing.Unreadable:
        raise CellError("cell_not_a_date") from None


def as_items(raw: Any) -> dict[str, Any] | None:
    """``pensil=2;buku-tulis=1`` (``;``, ``,`` or spaces between items; no ``=`` means one)."""
    text = as_text(raw)
    if text is None:
        return None
    items: dict[str, Any] = {}
    for part in _ITEM_SPLIT.split(text):
        if not part:
            continue
        name, sep, qty = part.partition("=")
        name = name.strip().lower()
        if not name or (sep and not qty.strip()):
            raise CellError("cell_not_items")
        try:
            amount = as_count(qty) if sep else 1
        except CellError:
            raise CellError("cell_item_qty_not_whole", item=name, qty=qty.strip()) from None
        if name in items and isinstance(items[name], int) and isinstance(amount, int):
            items[name] += amount
        else:
            items[name] = amount
    return items or None


def as_flag(raw: Any) -> bool | None:
    """Yes/no: ``ya``/``yes``/``1``/``x`` or ``tidak``/``no``/``0``/``-``; empty is no."""
    text = as_text(raw)
    if text is None:
        return None
    word = text.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError("cell_not_yes_or_no")


def as_action(raw: Any) -> str | None:
    word = as_word(raw)
    if word is None:
        return None
    if word not in POND_ACTIONS:
        raise CellError("cell_not_a_pond_action")
    return POND_ACTIONS[word]


# -- layouts -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One logbook column: ``field`` is its English header, ``header_id`` its Indonesian one."""

    field: str
    header_id: str
    convert: Callable[[Any], Any]
    required: bool = False
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.field, self.header_id, *self.aliases)


def _date() -> Column:
    return Column("date", "tanggal", as_date, required=True, aliases=("tgl",))


def _operator() -> Column:
    return Column("operator", "operator", as_text, aliases=("petugas",))


LAYOUTS: dict[str, tuple[Column, ...]] = {
    "waste": (
        _date(),
        Column("site", "lokasi", as_slug, required=True),
        Column("category", "jenis", as_word, required=True, aliases=("jenis_sampah",)),
        Column("kg", "berat_kg", as_number, required=True, aliases=("berat", "weight_kg")),
        Column("destination", "tujuan", as_word, required=True),
        Column("source", "sumber", as_word, aliases=("sumber_sampah",)),
        _operator(),
    ),
    "exchange": (
        _date(),
        Column("site", "lokasi", as_slug, required=True),
        Column("bottles", "botol", as_count, required=True, aliases=("jumlah_botol",)),
        Column("weight_kg", "berat_kg", as_number, aliases=("berat", "kg")),
        Column("items", "barang", as_items, aliases=("alat_tulis",)),
        Column("pupil", "siswa", as_text, aliases=("nama_siswa",)),
        Column("class", "kelas", as_text),
        _operator(),
    ),
    "pond": (
        _date(),
        Column("pond", "kolam", as_slug, required=True),
        Column("action", "kegiatan", as_action, required=True),
        Column("species", "spesies", as_word, aliases=("jenis_ikan",)),
        Column("count", "jumlah", as_count, aliases=("jumlah_ekor", "ekor")),
        Column("mean_g", "bobot_rata_g", as_number),
        Column("kg", "berat_kg", as_number, aliases=("berat",)),
        Column("liters", "liter", as_number, aliases=("air_liter",)),
        Column("sold_kg", "terjual_kg", as_number),
        Column("price_rp_per_kg", "harga_rp_per_kg", as_number),
        Column("final", "akhir", as_flag),
        _operator(),
    ),
}

POND_ACTION_COLUMNS = {
    # action: (required columns, optional columns) beyond date, pond, action and operator
    "stock": (("species", "count"), ("mean_g",)),
    "feed": (("kg",), ()),
    "water": (("liters",), ()),
    "mortality": (("count",), ()),
    "harvest": (("kg", "count"), ("sold_kg", "price_rp_per_kg", "final")),
}


def header_key(header: Any) -> str:
    """A header as compared: ``Berat (kg)`` → ``berat_kg``."""
    text = as_text(header) or ""
    return re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_")


_BY_NAME = {kind: {name: column for column in LAYOUTS[kind] for name in column.names()} for kind in KINDS}


def header_keys(headers: list[str]) -> list[str]:
    """Every header as compared."""
    return [header_key(h) for h in headers]


def resolve(kind: str, keys: list[str]) -> dict[int, Column]:
    """Which column each header position holds for ``kind`` (ignored headers are left out);
    ``keys`` are the headers as ``header_keys`` gives them."""
    by_name = _BY_NAME[kind]
    return {position: by_name[key] for position, key in enumerate(keys) if key in by_name}


def has_required(kind: str, resolved: dict[int, Column]) -> bool:
    """Whether every column ``kind`` requires is among the ``resolved`` ones."""
    return _REQUIRED_FIELDS[kind] <= {column.field for column in resolved.values()}


_REQUIRED_FIELDS = {kind: {c.field for c in LAYOUTS[kind] if c.required} for kind in KINDS}


def recognise(keys: list[str]) -> str | None:
    """The kind whose required columns all appear among the headers (None: no kind, or more)."""
    matches = [kind for kind in KINDS if has_required(kind, resolve(kind, keys))]
    return matches[0] if len(matches) == 1 else None


def template(kind: str, lang: str) -> list[str]:
    """The headers of an empty logbook of ``kind``, in Indonesian (``id``) or English."""
    return [column.header_id if lang == "id" else column.field for column in LAYOUTS[kind]]

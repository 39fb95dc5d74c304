"""Vocabularies, slugs, units and the validation every command shares."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from datetime import date, datetime
from uuid import NAMESPACE_URL, UUID

from domain.errors import InvalidValue

SITE_KINDS = ("school", "mosque", "waste-bank", "tps3r", "community")

# SIPSN jenis sampah
CATEGORIES = (
    "sisa-makanan",
    "kayu-ranting",
    "kertas-karton",
    "plastik",
    "logam",
    "kain",
    "karet-kulit",
    "kaca",
    "lainnya",
)
# SIPSN sumber sampah
SOURCES = (
    "rumah-tangga",
    "perkantoran",
    "pasar",
    "perniagaan",
    "fasilitas-publik",
    "kawasan",
    "lainnya",
)
DESTINATIONS = (
    "guna-ulang",
    "daur-ulang",
    "kompos",
    "bahan-baku",
    "olah",
    "tps",
    "tpa",
    "tidak-terkelola",
)
HANDOVER_RECIPIENTS = ("bank-sampah", "recycler", "collector")
SPECIES = ("lele", "nila", "other")
POND_SYSTEMS = ("terpal", "beton", "tanah", "bioflok")
POND_SITE_KINDS = ("mosque", "school")

BOTTLE_KG_ESTIMATE = 0.022
"""Estimated mass of one used plastic bottle (a 600 mL PET bottle weighs 20–25 g)."""

EARLIEST_DATE = date(2000, 1, 1)

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{1,62}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")



def uuid5(namespace: UUID, name: str) -> UUID:
    """``uuid.uuid5(namespace, name)``, the same id, with SHA-1 from CPython's own ``_sha1``
    module: ``uuid.uuid5`` imports ``hashlib``, whose OpenSSL binding costs every cold recording
    command about 3 ms (bench/README.md). ``hashlib`` where there is no ``_sha1``."""
    try:
        from _sha1 import sha1
    except ImportError:  # pragma: no cover - another Python
        from hashlib import sha1
    return UUID(bytes=sha1(namespace.bytes + name.encode("utf-8")).digest()[:16], version=5)


# Deterministic aggregate ids: one namespace for the whole product.
ENVTRACK_NAMESPACE = uuid5(NAMESPACE_URL, "https://envtrack.invalid/ids")


def default_source(site_kind: str) -> str:
    """The SIPSN sumber of a waste entry that names none: the site's kind implies it."""
    if site_kind in ("school", "mosque"):
        return "fasilitas-publik"
    if site_kind == "community":
        return "rumah-tangga"
    return "lainnya"


def slug(field: str, value: str) -> str:
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        raise InvalidValue(field, value, "not_a_slug")
    return value


def choice(field: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise InvalidValue(field, value, "not_one_of", allowed=allowed)
    return value


CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""What a terminal acts on, or what reorders the text around it: C0 controls (tab and newline
too: names and reasons are one line), DEL, C1 controls, and the bidirectional embeddings,
overrides, isolates and marks. A name holding them could set a window's title, clear the
screen or read differently from what it holds."""

_SURROGATES = re.compile("[\ud800-\udfff]")
"""What stands in a text for bytes that were not UTF-8 (Python's ``surrogateescape``)."""


def plain_text(field: str, value: str) -> str:
    """``value``, refused if it holds a control or text-direction character, or bytes that were
    not UTF-8."""
    if _SURROGATES.search(value):
        raise InvalidValue(field, value.encode("utf-8", "surrogateescape"), "not_utf8")
    control = CONTROL_CHARACTERS.search(value)
    if control:
        raise InvalidValue(field, value, "control_character", character=f"U+{ord(control.group()):04X}")
    return value


def text(field: str, value: str, *, required: bool = True) -> str | None:
    """A free-text value, trimmed, of printable characters (``plain_text``); empty is refused
    when required and dropped otherwise."""
    if value is None:
        if required:
            raise InvalidValue(field, "", "empty")
        return None
    trimmed = str(value).strip()
    if not trimmed:
        if required:
            raise InvalidValue(field, value, "empty")
        return None
    return plain_text(field, trimmed)


LARGEST = 10**9
"""The most one record may hold: 10⁹ kg, litres, m³, grams or rupiah, or 10⁹ bottles, fish or
items. A city's yearly waste is in the millions of kg; a figure beyond this is a typing error
(1e308 kg would otherwise make every total infinite). Sums cannot overflow either: a
float total of valid records reaches 10³⁰⁸ only after 10²⁹⁹ of them, and an integer total
(SQL's 64-bit integers, pandas' int64) 9.2·10¹⁸ only after 9.2·10⁹ records; a sale's value,
kg × rupiah per kg, is at most 10¹⁸ and summed as a float."""

SMALLEST = 0.001
"""The least amount a record may hold (kg, litres, m³, grams): the precision totals are kept to
(three decimals). 1e-320 kg would otherwise be recorded as a "0 kg" entry."""


def quantity(field: str, value: object) -> float:
    """A finite mass, volume or price from ``SMALLEST`` to ``LARGEST``."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        number = math.nan
    if isinstance(value, bool) or not math.isfinite(number) or number <= 0:
        raise InvalidValue(field, value, "not_a_positive_number")
    if number > LARGEST:
        raise InvalidValue(field, value, "too_large", largest=LARGEST)
    if number < SMALLEST:
        raise InvalidValue(field, value, "below_smallest", smallest=SMALLEST)
    return number


def _not_too_large(field: str, value: object, number: int) -> int:
    if number > LARGEST:
        raise InvalidValue(field, value, "too_large", largest=LARGEST)
    return number


def count(field: str, value: object) -> int:
    """A whole number above zero (bottles, fish, items), at most ``LARGEST``."""
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        try:
            number = int(value.strip())
        except ValueError:
            number = None
    if number is None or number <= 0:
        raise InvalidValue(field, value, "not_a_positive_whole_number")
    return _not_too_large(field, value, number)


LATITUDE = 90
LONGITUDE = 180
"""The largest latitude and longitude, in decimal degrees, either side of zero."""

_COORDINATE = re.compile(r"[+-]?[0-9]{1,3}(?:[.,][0-9]+)?")


def coordinate(field: str, value: object, limit: float) -> float:
    """A latitude or longitude in decimal degrees, from -``limit`` to ``limit``. A dot or a comma
    is the decimal mark (``-7,4722``): degrees are never grouped in thousands, so ``112.434`` is
    112.434. Degrees with minutes and seconds are not read."""
    if isinstance(value, bool):
        raise InvalidValue(field, value, "not_a_coordinate")
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str) and _COORDINATE.fullmatch(value.strip()):
        number = float(value.strip().replace(",", "."))
    else:
        raise InvalidValue(field, value, "not_a_coordinate")
    if not math.isfinite(number) or not -limit <= number <= limit:
        raise InvalidValue(field, value, "coordinate_out_of_range", limit=limit)
    return number + 0.0


def rupiah(field: str, value: object) -> int:
    """A price or cost in whole rupiah, from 1 to ``LARGEST``."""
    try:
        amount = int(round(quantity(field, value)))
    except InvalidValue as error:
        if error.code != "below_smallest":
            raise
        amount = 0
    if amount < 1:
        raise InvalidValue(field, value, "less_than_one_rupiah")
    return _not_too_large(field, value, amount)


def occurred_on(field: str, value: date, today: date) -> date:
    """The date a thing happened: not in the future, not before 2000-01-01."""
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raise InvalidValue(field, value, "not_a_date")
    if value > today:
        raise InvalidValue(field, value.isoformat(), "in_the_future")
    if value < EARLIEST_DATE:
        raise InvalidValue(field, value.isoformat(), "before_the_earliest_date", earliest=EARLIEST_DATE)
    return value


def parse_date(field: str, value: str) -> date:
    """An ISO date string, refusing impossible dates like 2025-02-30."""
    try:
        if not _ISO_DATE.fullmatch(str(value).strip()):
            raise ValueError(value)
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidValue(field, value, "not_a_real_date") from None


@lru_cache(maxsize=4096)  # looked up once per row by an import or a demo
def site_id(site_slug: str) -> UUID:
    return uuid5(ENVTRACK_NAMESPACE, f"site/{site_slug}")


@lru_cache(maxsize=4096)  # looked up once per row by an import or a demo
def ledger_id(site_slug: str) -> UUID:
    return uuid5(ENVTRACK_NAMESPACE, f"sambo-ledger/{site_slug}")


@lru_cache(maxsize=4096)  # looked up once per row by an import or a demo
def pond_id(pond_slug: str) -> UUID:
    return uuid5(ENVTRACK_NAMESPACE, f"pond/{pond_slug}")

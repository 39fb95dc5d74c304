"""Text as operators type it, turned into values: numbers, words of a vocabulary and dates.

This is the edge's job (cargoshipping's ``interface.py``): the command line and the logbook
importer read what people wrote through these functions, so that ``2,5`` means the same in a
spreadsheet cell and after ``--kg``. Whether a value is in range (above zero, at most 10⁹, not
in the future …) is the domain's to judge afterwards (``domain/values.py``).

A text that cannot be read raises ``Unreadable``: a reason ``code`` with its ``data`` (worded
in ``envtrack/messages.py``), which the caller turns into a refusal naming its field or column.

**Numbers** (spec section 13). ``2.5`` and ``2,5`` are both 2.5. A single dot or comma followed
by exactly three digits, after a non-zero integer part of one to three digits (``1.250``,
``12,500``), could be a thousands separator or a decimal mark: it is refused, with both
readings as the hint (``1250``, or ``1.25``; the decimal reading written with a trailing zero,
``1.1250``, when it has three decimals of its own). ``0.250`` is 0.25 and ``1234.567`` is
1234.567 (no thousands group has four digits). With both marks the last one is the decimal
(``1.250,5`` = ``1,250.5`` = 1250.5); one mark repeated groups thousands (``1.250.000``). Only
the ASCII digits 0–9 are digits (``١٢`` and ``１２`` are refused, as Python's ``float`` would
read them), and neither ``_`` (``1_000``), an exponent (``1e3``), ``nan`` nor ``inf`` is a
number here.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from domain.errors import InvalidValue


class Unreadable(ValueError):
    """A text that is not a value of the kind asked for: the reason ``code`` and its ``data``."""

    def __init__(self, code: str, **data: Any) -> None:
        super().__init__(code, data)
        self.code = code
        self.data = data

    def refusal(self, field: str, value: Any) -> InvalidValue:
        """The refusal of ``value`` as the ``field`` it was given for."""
        return InvalidValue(field, value, self.code, **self.data)


# -- numbers ------------------------------------------------------------------------------------

_SIGNED = re.compile(r"([+-]?)([0-9.,]+)")
_DIGITS = re.compile(r"[0-9]+")
_EXPONENT = re.compile(r"[+-]?[0-9.,]*[0-9][eE][+-]?[0-9]+")
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:X[0-9]{3})+")  # X: the thousands separator
_PLAIN = re.compile(r"[0-9]+(?:[.,][0-9]{1,2})?")
"""What most cells and options hold (``12``, ``2,5``, ``123.45``): read as they are, with the
same value and text the rule below gives them (one mark at most, then one or two digits)."""


def number(text: str, *, unreadable: str) -> float:
    """``text`` read as a number by the rule above; ``unreadable`` is the reason code of a text
    that is no number at all (each caller words that in its own way)."""
    value, _ = _read(text, unreadable)
    return value


def whole_number(text: str, *, unreadable: str) -> int | float:
    """``text`` read as a number; a whole one as ``int`` (``12``, ``12.0``, ``1.250.000``), any
    other passed on as it is for the domain to refuse (a count is whole). An ambiguous text
    whose decimal reading is not whole shows only the reading a count can have."""
    try:
        value, _ = _read(text, unreadable)
    except Unreadable as error:
        if error.code == "ambiguous_number" and not _is_whole(error.data["decimal"]):
            raise Unreadable("ambiguous_whole_number", thousands=error.data["thousands"]) from None
        raise
    return int(value) if value.is_integer() else value


def _is_whole(reading: str) -> bool:
    return _DIGITS.fullmatch(reading) is not None


def _read(text: str, unreadable: str) -> tuple[float, str]:
    """(the value, the text normalised to digits with ``.`` as the decimal mark)."""
    raw = str(text).strip()
    if _PLAIN.fullmatch(raw):
        plain = raw.replace(",", ".")
        return float(plain), plain
    if any(ch.isnumeric() and not ("0" <= ch <= "9") for ch in raw):
        raise Unreadable("digits_not_ascii")
    if "_" in raw:
        raise Unreadable("underscore_in_number")
    if _EXPONENT.fullmatch(raw):
        raise Unreadable("exponent_in_number")
    signed = _SIGNED.fullmatch(raw)
    if signed is None:
        raise Unreadable(unreadable)
    sign, body = signed.groups()
    plain = _plain(body)
    if plain is None:
        raise Unreadable(unreadable)
    return float(sign + plain), sign + plain


def _plain(body: str) -> str | None:
    """``body`` (digits and marks, no sign) as ``digits[.digits]``; None when it is malformed.
    Raises ``Unreadable`` for the ambiguous case."""
    marks = [ch for ch in body if ch in ".,"]
    if not marks:
        return body
    decimal = marks[-1]
    if len(set(marks)) == 2:  # both marks: the last is the decimal, the other groups thousands
        if marks.count(decimal) != 1:
            return None
        whole, fraction = body.split(decimal)
        thousands = "," if decimal == "." else "."
        if not _DIGITS.fullmatch(fraction) or not _GROUPED.fullmatch(whole.replace(thousands, "X")):
            return None
        return whole.replace(thousands, "") + "." + fraction
    if len(marks) > 1:  # one mark, repeated: thousands groups (1.250.000)
        return body.replace(decimal, "") if _GROUPED.fullmatch(body.replace(decimal, "X")) else None
    whole, fraction = body.split(decimal)
    if not _DIGITS.fullmatch(fraction) or (whole and not _DIGITS.fullmatch(whole)):
        return None
    if len(fraction) == 3 and 1 <= len(whole) <= 3 and int(whole) != 0:
        raise Unreadable("ambiguous_number", thousands=whole + fraction, decimal=_decimal_reading(whole, fraction, decimal))
    return (whole or "0") + "." + fraction


def _decimal_reading(whole: str, fraction: str, mark: str) -> str:
    """How to write the decimal reading of ``whole`` ``mark`` ``fraction`` unambiguously, in
    the operator's own mark: ``1.25`` for ``1.250``, ``1.1250`` for ``1.125``, ``1`` for ``1.000``."""
    kept = fraction.rstrip("0")
    if not kept:
        return whole
    return f"{whole}{mark}{kept}0" if len(kept) == 3 else f"{whole}{mark}{kept}"


# -- words of a vocabulary ----------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s/_-]+")

SYNONYMS = {"lain-lain": "lainnya"}
"""Spellings that name another word of a vocabulary (``Lain-lain`` is SIPSN's ``lainnya``)."""


def word(text: str) -> str:
    """A word of a vocabulary as it is compared: case ignored, and ``/``, ``_``, spaces and ``-``
    alike (``Kertas/Karton`` and ``kertas karton`` read ``kertas-karton``; ``Lain-lain`` reads
    ``lainnya``)."""
    spelled = _SEPARATORS.sub("-", str(text).strip().lower()).strip("-")
    return SYNONYMS.get(spelled, spelled)


# -- dates --------------------------------------------------------------------------------------

_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T]00:00(?::00)?)?")
_DAY_FIRST = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})")


def day(text: str) -> date:
    """A date written ``YYYY-MM-DD`` (a spreadsheet's ``YYYY-MM-DD 00:00:00`` too), or day first:
    ``DD/MM/YYYY``, ``D/M/YYYY``, ``DD.MM.YYYY`` or ``DD-MM-YYYY``. An impossible date
    (``30/02/2025``) is refused."""
    raw = str(text).strip()
    try:
        iso = _ISO.fullmatch(raw)
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        day_first = _DAY_FIRST.fullmatch(raw)
        if day_first:
            return date(int(day_first[4]), int(day_first[3]), int(day_first[1]))
    except ValueError:
        pass
    raise Unreadable("not_a_real_date")

"""Query results as text: aligned tables for people, JSON for scripts.

Dates and times are ISO-8601, UUIDs are strings, keys keep the order the query gave them (the
order is part of each command's documented output). Tables are for a terminal: numbers carry the
thousands and decimal marks of the language (``34.324.272,597`` in Indonesian, ``34,324,272.597``
in English), yes and no are words of the language, and no character that a terminal would act on
reaches it (``terminal_text``). JSON keeps the exact data. CSV and XLSX are written by
``projections/sheets.py``. Only the standard library is imported here, so recording commands
can use it without loading pandas.
"""

from __future__ import annotations

import json
import math
import numbers
import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from envtrack.i18n import label

# What a terminal acts on, or what reorders the text around it: C0 controls, DEL, C1 controls
# (ESC [ … is CSI, ESC ] … is OSC, U+009B is CSI on its own), and the bidirectional embeddings,
# overrides and isolates (U+202A–U+202E, U+2066–U+2069) with the invisible direction marks
# (U+200E, U+200F, U+061C) that make a name read differently from the characters it holds.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]")
UNSAFE_IN_JSON = re.compile("[\x7f-\x9f" + BIDI_CONTROLS + "]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: str, *, keep: str = "\n\t") -> str:
    """``text`` with every control character (C0 but those in ``keep``, DEL, C1) and every bidi
    control written as a visible escape (``\\x1b``, ``\\u202e``), so that it prints as it reads."""
    return UNSAFE.sub(lambda match: match.group() if match.group() in keep else _escape(match), text)


def plain(value: Any) -> Any:
    """A value as JSON can hold it: ISO dates, string UUIDs, lists for tuples and sets."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [plain(item) for item in items]
    return value


def render_json(obj: Any) -> str:
    """Indented JSON, non-ASCII letters kept as they are.

    The data stays exact, and still no raw control character reaches a terminal: ``json`` writes
    C0 controls as ``\\u00XX`` itself, and DEL, C1 controls and bidi controls are written the
    same way here (they can only stand inside strings, where the escape means the same
    character)."""
    text = json.dumps(plain(obj), ensure_ascii=False, indent=2)
    return UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def number(value: float, lang: str | None = None) -> str:
    """A number with up to 3 decimals (no trailing zeros); with a language, in its
    thousands and decimal marks (``1.234,5`` / ``1,234.5``), without one plain (``1234.5``)."""
    if isinstance(value, numbers.Integral):
        text = f"{value:,d}"
    else:
        text = f"{float(value):,.3f}".rstrip("0").rstrip(".")
        text = "0" if text == "-0" else text
    if lang is None:
        return text.replace(",", "")
    return text.translate(
        {ord(","): label("chart.thousands_mark", lang), ord("."): label("chart.decimal_mark", lang)}
    )


def cell(value: Any, lang: str | None = None) -> str:
    """A value as a table cell shows it: empty for None, ISO dates, numbers without noise, one
    line. With a language, numbers and yes/no are written in it; without one, plainly."""
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()  # a NumPy scalar from a frame, as the Python value it holds
    if value is None:
        return ""
    if isinstance(value, bool):
        if lang is None:
            return "yes" if value else "no"
        return label("table.yes" if value else "table.no", lang)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, numbers.Real):
        return number(value, lang) if math.isfinite(value) else ""
    if isinstance(value, Mapping):
        return ", ".join(f"{key}={cell(item, lang)}" for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(item, lang) for item in value)
    return " ".join(str(plain(value)).splitlines())


def render_table(
    rows: list[dict], columns: list[str] | None = None, *, lang: str, headers: list[str] | None = None
) -> str:
    """Rows under a header, columns padded to their widest cell; no trailing spaces.

    ``columns`` defaults to the keys of the rows, in the order first seen; ``headers`` (the
    labels shown above them) to the column keys. Every cell is one line of terminal-safe text.
    """
    if columns is None:
        columns = list(dict.fromkeys(key for row in rows for key in row))
    if not columns:
        return ""
    top = [_safe(header) for header in (headers or columns)]
    cells = [[_safe(cell(row.get(column), lang)) for column in columns] for row in rows]
    widths = [max([len(top[i])] + [len(line[i]) for line in cells]) for i in range(len(columns))]
    lines = [_line(top, widths), _line(["-" * width for width in widths], widths)]
    lines.extend(_line(line, widths) for line in cells)
    return "\n".join(lines)


def _safe(text: str) -> str:
    return terminal_text(" ".join(text.splitlines()).replace("\t", " "), keep="")


def _line(values: list[str], widths: list[int]) -> str:
    return "  ".join(value.ljust(width) for value, width in zip(values, widths)).rstrip()


"""One place that turns query results into text: aligned tables for people, JSON for scripts.

Dates and times are ISO-8601, UUIDs are strings, keys keep the order the query gave them (the
order is part of each command's documented output). Only the standard library is imported here,
so recording commands can use it without loading pandas.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID


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
    """Indented JSON, non-ASCII letters kept as they are."""
    return json.dumps(plain(obj), ensure_ascii=False, indent=2)


def cell(value: Any) -> str:
    """A value as a table cell shows it: empty for None, ISO dates, numbers without noise."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if math.isfinite(value) else ""
    if isinstance(value, dict):
        return ", ".join(f"{key}={cell(item)}" for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(item) for item in value)
    return " ".join(str(plain(value)).splitlines())


def render_table(rows: list[dict], columns: list[str] | None = None) -> str:
    """Rows under a header, columns padded to their widest cell; no trailing spaces.

    ``columns`` defaults to the keys of the rows, in the order first seen.
    """
    if columns is None:
        columns = _keys(rows)
    if not columns:
        return ""
    cells = [[cell(row.get(column)) for column in columns] for row in rows]
    widths = [max([len(column)] + [len(line[i]) for line in cells]) for i, column in enumerate(columns)]
    lines = [_line(columns, widths), _line(["-" * width for width in widths], widths)]
    lines.extend(_line(line, widths) for line in cells)
    return "\n".join(lines)


def _line(values: list[str], widths: list[int]) -> str:
    return "  ".join(value.ljust(width) for value, width in zip(values, widths)).rstrip()


def _keys(rows: Iterable[dict]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)

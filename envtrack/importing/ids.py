"""Each row's entry id, from its fingerprint: the row's kind and values in one canonical text,
and how many times the same row came before it in the file (two identical rows are two
entries, and stay two entries on every re-import). The same rows always get the same ids, so
rows imported before are recognised by id and never written twice.
"""

from __future__ import annotations

from datetime import date
from hashlib import sha1
from typing import Any
from uuid import UUID

from domain.values import ENVTRACK_NAMESPACE
from envtrack.importing.columns import LAYOUTS

_FIELDS = {kind: tuple(column.field for column in LAYOUTS[kind]) for kind in LAYOUTS}
_NAMESPACE = ENVTRACK_NAMESPACE.bytes


def fingerprint(kind: str, values: dict[str, Any], known: dict[Any, str] | None = None) -> str:
    """The row's values in one canonical text: the same row reads the same from CSV or XLSX,
    from Indonesian or English headers, with a decimal point or comma. ``known`` remembers
    the text of each field's values already seen."""
    parts = [kind]
    for name in _FIELDS[kind]:
        value = values.get(name)
        if value.__class__ is dict:
            parts.append(f"{name}={_canonical(value)}")
            continue
        key = (name, value.__class__, value)
        piece = known.get(key) if known is not None else None
        if piece is None:
            piece = f"{name}={_canonical(value)}"
            if known is not None:
                known[key] = piece
        parts.append(piece)
    return "\x1f".join(parts)


def _canonical(value: Any) -> str:
    if value.__class__ is str:
        return value  # type: ignore[no-any-return]
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return ";".join(f"{k}={_canonical(v)}" for k, v in sorted(value.items()))
    return str(value)


_PREFIX = sha1(_NAMESPACE + b"import/")
_VERSION_BITS = ~((0xF000 << 64) | (0xC000 << 48))
_VERSION_5 = (5 << 76) | (0x8000 << 48)


def _entry_id(key: str, occurrence: int) -> tuple[UUID, bytes]:
    # uuid5(ENVTRACK_NAMESPACE, name), spelled out: the library call costs three times as much.
    digest = _PREFIX.copy()
    digest.update(f"{key}\x1e{occurrence}".encode())
    first = digest.digest()[:16]
    return UUID(int=int.from_bytes(first) & _VERSION_BITS | _VERSION_5), first


class EntryIds:
    """Gives the rows of one file, in file order, their entry ids.

    To count occurrences it remembers, for each distinct row, only the 16 bytes of its first
    occurrence's id (about 80 bytes a row in all), and a count for the rows that repeat."""

    def __init__(self) -> None:
        self._first: set[bytes] = set()
        self._repeats: dict[bytes, int] = {}
        self._known: dict[Any, str] = {}

    def __call__(self, kind: str, values: dict[str, Any]) -> UUID:
        key = fingerprint(kind, values, self._known)
        if len(self._known) > 100_000:  # canonical texts of many distinct values: start again
            self._known.clear()
        entry_id, first = _entry_id(key, 1)
        if first not in self._first:
            self._first.add(first)
            return entry_id
        occurrence = self._repeats.get(first, 1) + 1
        self._repeats[first] = occurrence
        return _entry_id(key, occurrence)[0]

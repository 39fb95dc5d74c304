"""Positions the read models passed with no event there, and events committed there late.

Positions in the log are handed out as events are inserted; an insert rolled back leaves its
number unused, and on a store recorded into without the insert lock (raw SQL, an old version)
an event may commit after later ones were read. When the read models catch up over a range of
positions they note the numbers that held no event (``Store.missing_positions``); each later
update looks there again and takes any event found (``ReadModels``). Gaps are watched while they
are within ``GAP_WINDOW`` positions of the head, at most ``MAX_GAPS`` of them (the newest): a
number left unused that long is never going to be filled by a late commit.
"""

from __future__ import annotations

from collections.abc import Iterable

GAP_WINDOW = 100_000
MAX_GAPS = 1_000

Gap = tuple[int, int]
"""Positions ``low``..``high`` (inclusive) with no event."""


def without(gaps: Iterable[Gap], seen: Iterable[int]) -> list[Gap]:
    """``gaps`` less the positions in ``seen`` (events found there meanwhile)."""
    found = sorted(set(seen))
    result: list[Gap] = []
    for low, high in gaps:
        for position in (p for p in found if low <= p <= high):
            if position > low:
                result.append((low, position - 1))
            low = position + 1
        if low <= high:
            result.append((low, high))
    return result


def upto(gaps: list[Gap], position: int) -> tuple[list[Gap], list[Gap]]:
    """(gaps at or below ``position``, gaps above it); a gap across it is split."""
    below = [(low, min(high, position)) for low, high in gaps if low <= position]
    above = [(max(low, position + 1), high) for low, high in gaps if high > position]
    return below, above


def watched(gaps: list[Gap], head: int) -> list[Gap]:
    """The gaps still worth looking at: within ``GAP_WINDOW`` of the head, the newest ``MAX_GAPS``."""
    recent = [(low, high) for low, high in gaps if high > head - GAP_WINDOW]
    return recent[-MAX_GAPS:]

"""The log as a rebuild takes it: page after page of stored events mapped to read-model rows,
read and mapped on the other cores while the rebuild writes the pages before.

Reading a page and mapping its JSON to rows costs more than writing the rows, and the two can
overlap: a rebuild of a large log forks two readers (``envtrack/store/forking.py``) that read
with connections of their own. A page is the next ``page_size`` positions that hold events
(``page_ends``); the readers take every other page, map each and send it over, and the rebuild
takes the pages in turn, so in log order, while it inserts the page before. A page travels as
plain values (``marshal``, which reads them back in about two thirds of pickle's time). If a
reader ends early, the rebuild reads on itself from the last page it received, so what it gets
is the same either way.
"""

from __future__ import annotations

import gc
import marshal
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any, NamedTuple

from envtrack.store import Store
from envtrack.store.forking import Child, ChildGone, Receive, Send, can_fork
from projections import gaps as gap_ranges
from projections.rows import TOPICS, Batch, map_rows
from projections.unreadable import UnreadableEvent

READ_BESIDE_FROM = 100_000
"""The fewest positions in a log whose rebuild forks its readers (below, the forks cost about
what they save)."""
READERS = 2
"""Readers a rebuild forks: with two on two cores, a million-event rebuild took a tenth less
time than with one (bench/README.md); the rebuild's own process, which writes, is then the slower."""


class Page(NamedTuple):
    """One page of the log, mapped."""

    read: int
    """Stored events read."""
    last: int
    """The last position it covers."""
    rows: dict[str, list[list[Any]]]
    """Its new rows, by table, in log order."""
    updates: dict[tuple[str, str], dict[str, Any]]
    """Its changes to rows of earlier pages (``Batch.updates``)."""
    unreadable: list[UnreadableEvent]
    gaps: list[gap_ranges.Gap]
    """The positions up to the head that held no event when the rebuild began and that no event
    read so far has filled."""


def pages(store: Store, head: int, gaps: list[gap_ranges.Gap], page_size: int) -> Iterator[Page]:
    """The pages of the log up to ``head``, mapped, with ``gaps`` (found before reading) less
    the positions read; read beside on a long log, where the store says it helps
    (``Store.reads_beside``)."""
    after = 0
    if store.reads_beside and head >= READ_BESIDE_FROM and can_fork():
        ends = page_ends(head, gaps, page_size)
        readers = [Child(partial(_read_beside, store=store, ends=ends, gaps=gaps, first=n)) for n in range(READERS)]
        read_gaps: list[gap_ranges.Gap] = []  # those left in the pages received
        try:
            for number in range(len(ends)):  # the pages, in turn from each reader
                page = _unpacked(readers[number % READERS].receive())
                read_gaps += page.gaps
                after = page.last
                if page.read:
                    yield page._replace(gaps=read_gaps + gap_ranges.upto(gaps, after)[1])
            return
        except ChildGone:
            gaps = read_gaps + gap_ranges.upto(gaps, after)[1]  # read on here, from the last page received
        finally:
            for reader in readers:
                reader.close()
    yield from _read_here(store, after, head, gaps, page_size)


def _read_here(store: Store, after: int, head: int, gaps: list[gap_ranges.Gap], page_size: int) -> Iterator[Page]:
    log = store.read_log(after=after, upto=head, topics=TOPICS, page_size=page_size, raw_ids=True)
    try:
        for events in log:
            batch = Batch()
            map_rows(batch, events)
            gaps = gap_ranges.without(gaps, (event[0] for event in events))
            yield Page(len(events), events[-1][0], batch.new_rows(), batch.updates, batch.unreadable, gaps)
    finally:
        log.close()


def page_ends(head: int, gaps: list[gap_ranges.Gap], page_size: int) -> list[int]:
    """The last position of each page of readers: ``page_size`` positions that hold events (all
    but ``gaps``) a page, the last page up to ``head``. A gap is passed at no cost, however
    wide (an event placed at 9e18 by hand)."""
    ends: list[int] = []
    in_page = 0  # positions with events in the page so far
    passed = 0
    for low, high in [*gaps, (head + 1, head + 1)]:
        start = passed + 1  # positions start … low - 1 hold events
        while start < low:
            taken = min(page_size - in_page, low - start)
            start, in_page = start + taken, in_page + taken
            if in_page == page_size:
                ends.append(start - 1)
                in_page = 0
        passed = high
    if not ends or ends[-1] < head:
        ends.append(head)
    return ends


def _read_beside(receive: Receive, send: Send, *, store: Store, ends: list[int], gaps: list[gap_ranges.Gap], first: int) -> None:
    """A reader: pages ``first``, ``first + READERS``, … sent, each with the gaps left in it
    (an empty page too: the rebuild takes the pages in turn)."""
    store.in_forked_child()
    for number in range(first, len(ends), READERS):
        low, high = ends[number - 1] if number else 0, ends[number]
        in_page = gap_ranges.upto(gap_ranges.upto(gaps, low)[1], high)[0]
        read = list(_read_here(store, low, high, in_page, high - low))  # one page: no more events than positions
        send(_packed(read[0]._replace(last=high) if read else Page(0, high, {}, {}, [], in_page)))


def _packed(page: Page) -> bytes:
    return marshal.dumps((*page[:4], [tuple(event) for event in page.unreadable], page.gaps))


def _unpacked(packed: bytes) -> Page:
    read, last, rows, updates, unreadable, gaps = marshal.loads(packed)
    return Page(read, last, rows, updates, [UnreadableEvent(*event) for event in unreadable], gaps)


@contextmanager
def without_gc() -> Iterator[None]:
    """Pauses the cyclic garbage collector: mapping pages allocates millions of small lists and
    dicts, none in a cycle, and each collection would walk them all (a fifth of a rebuild)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


__all__ = ["READERS", "READ_BESIDE_FROM", "Page", "page_ends", "pages", "without_gc"]

"""The log as a rebuild takes it: page after page of stored events mapped to read-model rows,
read and mapped on the second core while the rebuild writes the page before.

Reading a page and mapping its JSON to rows costs about as much as writing the rows, and the
two can overlap: a rebuild of a large log forks a reader (``envtrack/store/forking.py``) that
reads with its own connection, maps each page and sends it over; the rebuild meanwhile inserts
the page before. A page travels as plain values (``marshal``, which reads them back in about
two thirds of pickle's time). If the reader ends early, the rebuild reads on itself from the
last page it received, so what it gets is the same either way.
"""

from __future__ import annotations

import gc
import marshal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from envtrack.store import Store
from envtrack.store.forking import Child, ChildGone, Receive, Send, can_fork
from projections import gaps as gap_ranges
from projections.rows import TOPICS, Batch, map_rows
from projections.unreadable import UnreadableEvent

READ_BESIDE_FROM = 100_000
"""The fewest positions in a log whose rebuild forks a reader (below, the fork costs about what
it saves)."""


class Page(NamedTuple):
    """One page of the log, mapped."""

    read: int
    """Stored events read."""
    last: int
    """The position of its last event."""
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
        reader = Child(lambda receive, send: _read_beside(receive, send, store, head, gaps, page_size))
        try:
            while (sent := reader.receive()) is not None:
                page = _unpacked(sent)
                after, gaps = page.last, page.gaps
                yield page
            return
        except ChildGone:
            pass  # read on here, from the last page received
        finally:
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


def _read_beside(receive: Receive, send: Send, store: Store, head: int, gaps: list[gap_ranges.Gap], page_size: int) -> None:
    """The reader: every page sent, then ``None``."""
    store.in_forked_child()
    for page in _read_here(store, 0, head, gaps, page_size):
        send(_packed(page))
    send(None)


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


__all__ = ["READ_BESIDE_FROM", "Page", "pages", "without_gc"]

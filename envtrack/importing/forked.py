"""Building a waste logbook's entries on the second core: a forked copy of the import builds and
encodes chunks of rows while the import itself reads and prepares the next.

A waste row changes no record but its own entry, and the import writes no sites, so once their
ids are known the rows of a waste logbook can be built anywhere, given their sites. ``Builder``
forks once (``envtrack/store/forking.py``): the child, a copy of the import, is sent each
chunk's rows with the sites it has not been sent yet, builds each row with the domain
(``build_row``), encodes its event, and answers what the spool keeps of each batch
(``Spool.encoded``). It touches no database. When the domain refuses a row of a chunk, the
child answers ``None`` and the import builds that chunk itself, in order, reporting each
problem as it always does; if the child is gone, the import builds every chunk itself from then
on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from envtrack.importing.rows import Row
from envtrack.importing.spool import plain_rows, rows_again
from envtrack.store.forking import Child, ChildGone, Receive, Send, can_fork

Encoded = tuple[bytes, bytes, int]
"""A batch as the spool keeps it: its ids and events, its rows (pickled), how many rows."""

Build = Callable[[list[Row]], Encoded]
Know = Callable[[Any], None]
"""``know(site)``: a site aggregate sent to the child, put where ``build`` finds it."""


class Builder:
    """The forked child: chunks go, answers come back, in order."""

    def __init__(self, build: Build, know: Know) -> None:
        self.child = Child(lambda receive, send: _serve(receive, send, build, know))

    @property
    def gone(self) -> bool:
        return self.child.gone

    def send(self, sites: list[Any], chunk: list[list[Row]]) -> bool:
        """Sends a chunk (with the sites its rows name that were not sent before); False if the
        child is gone."""
        return self.child.send((sites, [plain_rows(batch) for batch in chunk]))

    def answer(self) -> list[Encoded] | None:
        """The answer to the chunk sent last: its batches encoded, or None (a row refused, or the
        child gone)."""
        try:
            return self.child.receive()  # type: ignore[no-any-return]
        except ChildGone:
            return None

    def close(self) -> None:
        """The child told there is no more (it ends), and waited for."""
        self.child.close()


def _serve(receive: Receive, send: Send, build: Build, know: Know) -> None:
    """The child: answers each chunk until the import closes its pipe."""
    while True:
        try:
            sites, chunk = receive()
        except EOFError:
            return
        for site in sites:
            know(site)
        try:
            answer: list[Encoded] | None = [build(rows_again(batch)) for batch in chunk]
        except Exception:  # noqa: BLE001 - a row refused: the import builds the chunk itself
            answer = None
        send(answer)


__all__ = ["Builder", "Encoded", "can_fork"]

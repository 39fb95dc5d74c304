"""Building a waste logbook's entries on the second core: a forked copy of the import builds and
encodes chunks of rows while the import itself reads and prepares the next.

A waste row changes no record but its own entry, and the import writes no sites, so once their
ids are known the rows of a waste logbook can be built anywhere, given their sites. ``Builder``
forks once: the child, a copy of the import, is sent each chunk's rows with the sites it has
not been sent yet (pickled, through a pipe), builds each row with the domain (``build_row``),
encodes its event, and answers what the spool keeps of each batch (``Spool.encoded``). It
touches no database. When the domain refuses a row of a chunk, the child answers ``None`` and
the import builds that chunk itself, in order, reporting each problem as it always does; if the
child is gone, the import builds every chunk itself from then on.

One fork, not one a chunk: after a fork every page of the import that either process writes is
copied (a fork per 10,000 rows cost more CPU than the building it moved).
"""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Callable
from typing import IO, Any

from envtrack.importing.rows import Row
from envtrack.importing.spool import plain_rows, rows_again

Encoded = tuple[bytes, bytes, int]
"""A batch as the spool keeps it: its ids and events, its rows (pickled), how many rows."""

Build = Callable[[list[Row]], Encoded]
Know = Callable[[Any], None]
"""``know(site)``: a site aggregate sent to the child, put where ``build`` finds it."""

_KEPT = pickle.HIGHEST_PROTOCOL


def can_fork() -> bool:
    return hasattr(os, "fork")


class Builder:
    """The forked child and the two pipes to it: chunks go, answers come back, in order."""

    def __init__(self, build: Build, know: Know) -> None:
        requests_in, requests_out = os.pipe()
        answers_in, answers_out = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(requests_out)
            os.close(answers_in)
            _serve(os.fdopen(requests_in, "rb"), os.fdopen(answers_out, "wb"), build, know)
        os.close(requests_in)
        os.close(answers_out)
        self.pid = pid
        self.requests: IO[bytes] = os.fdopen(requests_out, "wb")
        self.answers: IO[bytes] = os.fdopen(answers_in, "rb")
        self.gone = False

    def send(self, sites: list[Any], chunk: list[list[Row]]) -> bool:
        """Sends a chunk (with the sites its rows name that were not sent before); False if the
        child is gone."""
        rows = [plain_rows(batch) for batch in chunk]
        try:
            pickle.dump((sites, rows), self.requests, protocol=_KEPT)
            self.requests.flush()
        except (OSError, pickle.PicklingError):
            self.gone = True
        return not self.gone

    def answer(self) -> list[Encoded] | None:
        """The answer to the chunk sent last: its batches encoded, or None (a row refused, or the
        child gone)."""
        try:
            return pickle.load(self.answers)  # type: ignore[no-any-return]  # noqa: S301 - our own child's
        except (OSError, EOFError, pickle.UnpicklingError):
            self.gone = True
            return None

    def close(self) -> None:
        """The child told there is no more (it ends), and waited for."""
        for pipe in (self.requests, self.answers):
            try:
                pipe.close()
            except OSError:
                pass
        os.waitpid(self.pid, 0)


def _serve(requests: IO[bytes], answers: IO[bytes], build: Build, know: Know) -> None:
    """The child: answers each chunk until the import closes its pipe, then ends at once (no
    atexit handlers, nothing of the parent's flushed or closed)."""
    gc.disable()  # short-lived: what it makes is freed by its end
    code = 1
    try:
        while True:
            try:
                sites, chunk = pickle.load(requests)  # noqa: S301 - our own parent's
            except EOFError:
                code = 0
                break
            for site in sites:
                know(site)
            try:
                answer: list[Encoded] | None = [build(rows_again(batch)) for batch in chunk]
            except Exception:  # noqa: BLE001 - a row refused: the import builds the chunk itself
                answer = None
            pickle.dump(answer, answers, protocol=_KEPT)
            answers.flush()
    finally:
        os._exit(code)


__all__ = ["Builder", "Encoded", "can_fork"]

"""A forked child: a copy of this process doing part of a long job on the second core, and the
two pipes to it. The parent sends it messages and receives its own, pickled, in order.

An import's builder and a rebuild's reader use one (``envtrack/importing/forked.py``,
``projections/pages.py``). A child is forked once per job, not once per chunk: after a fork,
every page of memory that either process writes is copied.

The child never touches the connections it inherits (a connection closed in the child would be
closed under the parent too: ``Store.in_forked_child``) and ends with ``os._exit``, running no
exit handler and flushing nothing of the parent's.
"""

from __future__ import annotations

import gc
import os
import pickle
import weakref
from collections.abc import Callable
from typing import IO, Any

Receive = Callable[[], Any]
"""In the child: the parent's next message; ``EOFError`` once the parent has closed its pipe."""
Send = Callable[[Any], None]
"""In the child: a message to the parent."""
Work = Callable[[Receive, Send], None]

_PROTOCOL = pickle.HIGHEST_PROTOCOL


def can_fork() -> bool:
    return hasattr(os, "fork")


class ChildGone(Exception):
    """The child ended (or broke its pipe) before answering."""


class Child:
    """Forks a child that runs ``work(receive, send)`` and ends with it (exit status 0, or 1 if
    it raised)."""

    def __init__(self, work: Work) -> None:
        to_child_in, to_child_out = os.pipe()
        to_parent_in, to_parent_out = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(to_child_out)
            os.close(to_parent_in)
            for sibling in list(_open):  # its pipes are the parent's: a copy here would keep them open
                sibling._close_pipes()
            _run(work, os.fdopen(to_child_in, "rb"), os.fdopen(to_parent_out, "wb"))
        os.close(to_child_in)
        os.close(to_parent_out)
        self.pid = pid
        self._requests: IO[bytes] = os.fdopen(to_child_out, "wb")
        self._answers: IO[bytes] = os.fdopen(to_parent_in, "rb")
        self.gone = False
        _open.add(self)

    def send(self, message: Any) -> bool:
        """Sends ``message``; False if the child is gone."""
        try:
            pickle.dump(message, self._requests, protocol=_PROTOCOL)
            self._requests.flush()
        except (OSError, pickle.PicklingError):
            self.gone = True
        return not self.gone

    def receive(self) -> Any:
        """The child's next message; ``ChildGone`` if it ended first."""
        try:
            return pickle.load(self._answers)  # noqa: S301 - our own child's
        except (OSError, EOFError, pickle.UnpicklingError) as error:
            self.gone = True
            raise ChildGone from error

    def close(self) -> None:
        """Both pipes closed (a child still working fails at its next message and ends), and
        the child waited for."""
        self._close_pipes()
        os.waitpid(self.pid, 0)

    def _close_pipes(self) -> None:
        _open.discard(self)
        for pipe in (self._requests, self._answers):
            try:
                pipe.close()
            except OSError:
                pass


_open: weakref.WeakSet[Child] = weakref.WeakSet()
"""The children whose pipes this process holds. A child forked later closes its copies of
them: else a child blocked writing to a pipe the parent has closed would wait for its sibling
to close it too, and the parent waiting for the first would wait for ever."""


def _run(work: Work, requests: IO[bytes], answers: IO[bytes]) -> None:
    gc.disable()  # short-lived: what it makes is freed by its end

    def receive() -> Any:
        return pickle.load(requests)  # noqa: S301 - our own parent's

    def send(message: Any) -> None:
        pickle.dump(message, answers, protocol=_PROTOCOL)
        answers.flush()

    code = 1
    try:
        work(receive, send)
        code = 0
    finally:
        os._exit(code)


__all__ = ["Child", "ChildGone", "can_fork"]

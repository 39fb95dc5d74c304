"""The commands, one module per noun: each loads, makes one domain change and saves, inside
``run`` (a unit of work, retried when it loses a race: ``envtrack/unit_of_work.py``).

``Commands`` is what the nouns share; ``EnvTrack`` (``envtrack/application.py``) is all of them
at once, so callers keep calling ``app.add_site(...)``, ``app.record_exchange(...)`` …
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from eventsourcing.application import Application

from domain import values
from envtrack import unit_of_work
from envtrack.unit_of_work import MAX_ATTEMPTS, UnitOfWork

if TYPE_CHECKING:
    from envtrack.store import Store
    from envtrack.store.base import Turns

T = TypeVar("T")


class Commands(Application[UUID]):
    """The store, who records (``operator``), the clock (``today``), new entry ids (``new_id``)
    and the records' turns, all given by ``EnvTrack``; and ``run``, the one way a command saves."""

    store: Store
    operator: str
    today: Callable[[], date]
    new_id: Callable[[], UUID]
    turns: Turns

    def run(self, command: Callable[[UnitOfWork], T], *, attempts: int = MAX_ATTEMPTS) -> T:
        """Runs ``command`` and saves what it changed; retries lost races from a fresh load
        (``unit_of_work.run``)."""
        return unit_of_work.run(self, self.turns, command, attempts)

    def _stamp(self, on: date | None) -> dict[str, Any]:
        """Who and when, as every domain method takes them: today unless ``on`` is given (never
        in the future, nor before 2000)."""
        today = self.today()
        return {"operator": self.operator, "on": values.occurred_on("date", today if on is None else on, today)}

    def _entry_id(self, entry_id: UUID | None) -> UUID:
        return entry_id if entry_id is not None else self.new_id()

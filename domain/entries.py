"""What every recorded entry shares: an entry id (the aggregate id), a site, and a void."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.errors import AlreadyVoided
from domain.values import text


class Entry(Aggregate):
    """A recorded fact that users refer to by its entry id and can void with a reason.

    Each subclass declares a ``Recorded`` created-event (from ``Entry.Recorded``) carrying ``site``;
    voids are events too, so the original record stays in the log. An entry that changed another
    record when it was made (a receipt the school's stock, a feeding its pond's cycle) names that
    record (``holder_id``) and says how a void takes the change back (``undo``).

    A subclass declares its own ``Event`` (from its base's) and derives its events from it
    (``class Recorded(Entry.Recorded, Event)``): the library would otherwise define each of them
    a second time, as a subclass of the ``Event`` it makes for the subclass, and every event
    class costs a cold command most of a millisecond (bench/README.md). The class, its topic and
    its fields are the same either way.
    """

    Created = None  # no default created event (see domain/__init__.py)

    class Event(Aggregate.Event):
        """What every event of an entry carries: who recorded it, and the day it happened."""

        operator: str
        occurred_on: date

    class Voided(Event):
        reason: str

        def apply(self, entry: Entry) -> None:
            entry.voided = True
            entry.void_reason = self.reason

    class Recorded(Event, Aggregate.Created):
        """Base of every entry's ``Recorded`` event: its fields become the entry's state.

        Subclasses only declare fields (``site`` among them); the stored topic is the subclass's
        own (``domain.waste:WasteEntry.Recorded`` …), so this base adds nothing to the log."""

        def apply(self, entry: Entry) -> None:
            for name in self.__dataclass_fields__:
                if name in _NOT_STATE:
                    continue
                value = getattr(self, name)
                setattr(entry, name, dict(value) if isinstance(value, dict) else value)
            entry.voided = False

    @classmethod
    def kind(cls) -> str:
        """The entry kind as users read it in the log (``waste``, ``exchange`` …)."""
        return cls.KIND  # type: ignore[attr-defined]

    def check_not_voided(self) -> None:
        if self.voided:
            raise AlreadyVoided("entry", str(self.id), "already_voided")

    def holder_id(self) -> UUID | None:
        """The id of the record this entry changed when it was made (None: it changed none)."""
        return None

    def undo(self, holder: Any, *, operator: str, on: date) -> None:
        """Takes back from ``holder`` (the record of ``holder_id``) what this entry did to it."""

    def void_with(self, holder: Any, reason: str, *, operator: str, on: date) -> None:
        """Voids the entry, first taking back what it did to ``holder`` (the record of
        ``holder_id``: a school's supply ledger, a pond; None when it changed none). A refusal
        leaves both unchanged."""
        self.check_not_voided()
        reason = text("reason", reason)
        self.undo(holder, operator=operator, on=on)
        self.trigger_event(self.Voided, reason=reason, operator=operator, occurred_on=on)

    def void(self, reason: str, operator: str, on: date) -> None:
        """Voids an entry that changed no other record (a waste entry, a bottle handover)."""
        self.void_with(None, reason, operator=operator, on=on)

    def facts(self) -> dict[str, Any]:
        """The entry's current values as plain data (for ``show``-style queries)."""
        return {
            key: value
            for key, value in vars(self).items()
            if not key.startswith("_")
        }


_NOT_STATE = frozenset(
    {"originator_id", "originator_version", "originator_topic", "timestamp", "operator"}
)

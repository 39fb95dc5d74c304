"""What every recorded entry shares: an entry id (the aggregate id), a site, and a void."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventsourcing.domain import Aggregate

from domain.errors import AlreadyVoided
from domain.values import text


class EntryRecorded(Aggregate.Created):
    """Base of every entry's ``Recorded`` event: its fields become the entry's state.

    Subclasses only declare fields (``site`` and ``occurred_on`` among them); the stored topic
    is the subclass's own (``domain.waste:WasteEntry.Recorded`` …), so this base adds nothing to
    the log.
    """

    def apply(self, entry: Entry) -> None:
        for name in self.__dataclass_fields__:
            if name in _NOT_STATE:
                continue
            value = getattr(self, name)
            setattr(entry, name, dict(value) if isinstance(value, dict) else value)
        entry.voided = False


_NOT_STATE = frozenset(
    {"originator_id", "originator_version", "originator_topic", "timestamp", "operator"}
)


class Entry(Aggregate):
    """A recorded fact that users refer to by its entry id and can void with a reason.

    Each subclass declares a ``Recorded`` created-event (an ``EntryRecorded``) carrying ``site``
    and ``occurred_on``; voids are events too, so the original record stays in the log.
    """

    class Voided(Aggregate.Event):
        reason: str
        operator: str
        occurred_on: date

        def apply(self, entry: Entry) -> None:
            entry.voided = True
            entry.void_reason = self.reason

    @classmethod
    def kind(cls) -> str:
        """The entry kind as users read it in the log (``waste``, ``exchange`` …)."""
        return cls.KIND  # type: ignore[attr-defined]

    def check_not_voided(self) -> None:
        if self.voided:
            raise AlreadyVoided(
                "entry",
                str(self.id),
                "is already voided",
                "sudah dibatalkan",
            )

    def void(self, reason: str, operator: str, on: date) -> None:
        self.check_not_voided()
        self.trigger_event(
            self.Voided, reason=text("reason", reason), operator=operator, occurred_on=on
        )

    def facts(self) -> dict[str, Any]:
        """The entry's current values as plain data (for ``show``-style queries)."""
        return {
            key: value
            for key, value in vars(self).items()
            if not key.startswith("_")
        }

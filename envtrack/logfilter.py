"""Which events ``envtrack log`` shows: of a site, on dates of the event, of an event name, of an
operator, of one entry. The filters combine (an event is shown when it passes every one given).

Event names are those of the domain's event classes as the log shows them
(``WasteEntry.Recorded``), or one part of such a name: ``Harvest`` is every event of a harvest
entry, ``Voided`` every void. Names are matched case-insensitively. The date is the event's own
``occurred_on`` (the day the thing happened), not the time it was recorded.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.domain import Aggregate
from eventsourcing.utils import get_topic

from domain.errors import InvalidValue

if TYPE_CHECKING:
    from envtrack.logview import LogEvent


@cache
def event_classes() -> dict[str, type]:
    """Every event class of the domain's aggregates, by the name the log shows
    (``Aggregate.Event``). Only aggregates that are records count: ``Entry`` and ``PondEntry``
    are the bases of others (their events are never stored under their own names)."""
    import domain.errors

    found: dict[str, type] = {}
    here = os.path.dirname(domain.errors.__file__)  # the package's own folder, not a tests/domain
    modules = [importlib.import_module(f"domain.{info.name}") for info in pkgutil.iter_modules([here])]
    for module in modules:  # every module imported first: a base's subclasses are all known
        for aggregate in vars(module).values():
            if not (isinstance(aggregate, type) and issubclass(aggregate, Aggregate)):
                continue
            if aggregate.__module__ != module.__name__ or aggregate.__subclasses__():
                continue
            nested = {
                name: value
                for name, value in vars(aggregate).items()
                if isinstance(value, type) and issubclass(value, Aggregate.Event) and name not in ("Event", "Created")
            }
            for cls in nested.values():
                found[cls.__qualname__] = cls
    return found


def known_names() -> list[str]:
    """What ``--event`` accepts besides full names: each aggregate's name and each event kind."""
    names = event_classes()
    return sorted({name.split(".")[0] for name in names}) + sorted({name.split(".")[1] for name in names})


def events_named(name: str) -> frozenset[str]:
    """The full event names ``name`` means (refused, naming ``--event``, when it means none)."""
    wanted = name.strip().lower()
    matches = frozenset(
        full for full in event_classes() if wanted in (full.lower(), *(part.lower() for part in full.split(".")))
    )
    if not matches:
        raise InvalidValue("--event", name, "unknown_event", known=known_names())
    return matches


@dataclass(frozen=True)
class LogFilter:
    """What to keep. ``None`` keeps everything of that kind."""

    site: str | None = None
    start: date | None = None
    end: date | None = None
    events: frozenset[str] | None = None
    operator: str | None = None
    entry: UUID | None = None

    def topics(self) -> list[str] | None:
        """The stored topics to read (None: all), so that an event filter reads only those."""
        if self.events is None:
            return None
        classes = event_classes()
        return sorted(get_topic(classes[name]) for name in self.events)

    def passes(self, event: Any) -> bool:
        """The filters an event passes or fails on its own (name, operator, date), asked before
        the log looks up the first event of its aggregate for the rest."""
        if self.events is not None and type(event).__qualname__ not in self.events:
            return False
        if self.operator is not None and _folded(getattr(event, "operator", None)) != _folded(self.operator):
            return False
        if self.start is not None or self.end is not None:
            on = getattr(event, "occurred_on", None)
            if not isinstance(on, date):
                return False
            if (self.start is not None and on < self.start) or (self.end is not None and on > self.end):
                return False
        return True

    def keeps(self, logged: LogEvent) -> bool:
        """Whether ``logged`` passes every filter (its site and entry need its aggregate's first
        event)."""
        if not self.passes(logged.event):
            return False
        if self.site is not None and logged.site != self.site:
            return False
        return self.entry is None or logged.entry_id == self.entry

    @property
    def narrows(self) -> bool:
        """Whether anything is filtered out (the log then reads back in larger pages)."""
        return any(value is not None for value in vars(self).values())


def _folded(value: Any) -> str | None:
    return value.strip().casefold() if isinstance(value, str) else None

"""Waste collection by SIPSN category (jenis), source (sumber) and destination."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from domain.entries import Entry
from domain.errors import InvalidValue
from domain.values import CATEGORIES, DESTINATIONS, SOURCES, choice, quantity, text

CORRECTABLE_FIELDS = ("kg", "category", "destination", "source", "occurred_on")


class WasteEntry(Entry):
    """Waste collected at a site. Corrections replace values; the original stays in the log."""

    KIND = "waste"

    class Event(Entry.Event):
        """Every event of a waste entry (see ``Entry``)."""

    class Recorded(Entry.Recorded, Event):
        site: str
        category: str
        kg: float
        destination: str
        source: str

    class Corrected(Event):
        """``changes`` and ``previous`` are keyed by the Recorded field names.

        ``occurred_on`` is the day the correction was made; a corrected date of the waste
        itself is ``changes["occurred_on"]``.
        """

        changes: dict
        previous: dict
        reason: str

        def apply(self, entry: WasteEntry) -> None:
            for field, value in self.changes.items():
                setattr(entry, field, value)

    @classmethod
    def record(
        cls,
        entry_id: UUID,
        *,
        site: str,
        category: str,
        kg: float,
        destination: str,
        source: str,
        operator: str,
        on: date,
    ) -> WasteEntry:
        return cls._create(
            cls.Recorded,
            id=entry_id,
            site=site,
            category=choice("category", category, CATEGORIES),
            kg=quantity("kg", kg),
            destination=choice("destination", destination, DESTINATIONS),
            source=choice("source", source, SOURCES),
            operator=operator,
            occurred_on=on,
        )

    def correct(
        self,
        *,
        reason: str,
        operator: str,
        on: date,
        kg: float | None = None,
        category: str | None = None,
        destination: str | None = None,
        source: str | None = None,
        waste_date: date | None = None,
    ) -> None:
        self.check_not_voided()
        wanted: dict[str, Any] = {
            "kg": None if kg is None else quantity("kg", kg),
            "category": None if category is None else choice("category", category, CATEGORIES),
            "destination": None
            if destination is None
            else choice("destination", destination, DESTINATIONS),
            "source": None if source is None else choice("source", source, SOURCES),
            "occurred_on": waste_date,
        }
        changes = {
            field: value
            for field, value in wanted.items()
            if value is not None and value != getattr(self, field)
        }
        if not changes:
            raise InvalidValue(None, str(self.id), "correction_unchanged")  # a refusal of the whole correction
        reason = text("reason", reason)
        previous = {field: getattr(self, field) for field in changes}
        self.trigger_event(
            self.Corrected,
            changes=changes,
            previous=previous,
            reason=reason,
            operator=operator,
            occurred_on=on,
        )


"""SAMBO DIKARTU AS queries for the school's own papers: what one exchange's receipt (nota) says.

They load and read, never save. A receipt is printed only for an exchange that stands: another
kind of entry, or a voided exchange, is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from eventsourcing.application import Application

from domain.entries import Entry
from domain.errors import NotFound, Refused
from envtrack.unit_of_work import UnitOfWork


class SchoolViews(Application[UUID]):
    """What ``EnvTrack`` answers for a school's papers without changing anything."""

    resolve_entry: Callable[[str], UUID]  # given by EntryCommands

    def exchange_receipt(self, reference: str) -> dict[str, Any]:
        """The facts of one exchange's receipt: school, date, pupil, class, bottles (and their
        weight), the items given at the rates applied, who recorded it and the entry id."""
        from domain.sambo import Exchange

        entry_id = self.resolve_entry(reference)
        work = UnitOfWork(self)
        entry = work.find(entry_id)
        if not isinstance(entry, Entry):
            raise NotFound("entry", reference, "unknown_entry")
        if not isinstance(entry, Exchange):
            raise Refused("entry", reference, "receipt_not_an_exchange", kind=entry.kind())
        if entry.voided:
            raise Refused("entry", reference, "receipt_of_voided")
        school = work.site(entry.site, open_only=False)
        first = next(iter(self.events.get(entry_id, lte=1)))
        return {
            "entry_id": str(entry_id),
            "site": school.slug,
            "school": school.name,
            "occurred_on": entry.occurred_on.isoformat(),
            "pupil": entry.pupil,
            "class": entry.pupil_class,
            "bottles": entry.bottles,
            "weight_kg": entry.weight_kg,
            "weight_estimated": entry.weight_estimated,
            "items": [
                {"item": item, "qty": qty, "rate_bottles": entry.rates.get(item)}
                for item, qty in sorted(entry.items.items())
            ],
            "operator": first.operator,
        }

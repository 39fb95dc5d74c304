"""Commands on any entry: find it by its id or a prefix of it, void it, correct a waste entry."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.utils import get_topic

from domain import values
from domain.entries import Entry
from domain.errors import InvalidValue, NotCorrectable, NotFound
from domain.waste import WasteEntry
from envtrack.commands import Commands
from envtrack.unit_of_work import UnitOfWork


def entry_classes() -> tuple[type[Entry], ...]:
    """Every kind of entry. Imports the programmes' modules, which take tens of milliseconds
    to define their event classes: recording commands that need only one programme skip it."""
    from domain.pond_readings import Sample, WaterTest
    from domain.ponds import Feeding, Harvest, Mortality, Stocking, WaterInflow
    from domain.sambo import BottleHandover, Exchange, SupplyReceipt

    return (WasteEntry, SupplyReceipt, Exchange, BottleHandover, Stocking, Feeding, WaterInflow,
            Mortality, Harvest, Sample, WaterTest)


CANDIDATES = 5
"""How many entry ids a refusal of an ambiguous prefix lists."""


class EntryCommands(Commands):
    def resolve_entry(self, reference: str, *, field: str = "entry", listing: bool = False) -> UUID:
        """A full entry id, or a unique prefix of at least 8 characters. ``listing`` (a query's
        ``--entry``): a full id must be a known entry too, and an ambiguous prefix is refused
        with the ids it matches."""
        ref = (reference or "").strip().lower()
        try:
            full = UUID(ref)
        except ValueError:
            full = None
        if full is not None and not listing:
            return full
        if full is None and (len(ref.replace("-", "")) < 8 or any(ch not in "0123456789abcdef-" for ch in ref)):
            raise InvalidValue(field, reference, "not_an_entry_id")
        topics = [get_topic(cls.Recorded) for cls in entry_classes()]  # type: ignore[attr-defined]
        matches = self.store.find_ids_by_prefix(ref, topics, limit=CANDIDATES + 1 if listing else 2)
        if not matches:
            raise NotFound(field, reference, "unknown_entry")
        if len(matches) > 1 and listing:
            shown = [str(match) for match in matches[:CANDIDATES]] + (["…"] if len(matches) > CANDIDATES else [])
            raise InvalidValue(field, reference, "ambiguous_entry_of", candidates=shown)
        if len(matches) > 1:
            raise InvalidValue(field, reference, "ambiguous_entry", matches=len(matches))
        return matches[0]

    def _entry(self, work: UnitOfWork, reference: str) -> Entry:
        entry_id = self.resolve_entry(reference)
        entry = work.find(entry_id)
        if not isinstance(entry, Entry):
            raise NotFound("entry", reference, "unknown_entry")
        return entry

    def void(self, reference: str, *, reason: str, on: date | None = None) -> UUID:
        """Voids an entry, taking back what it did to the record it changed (a school's stock,
        a pond's cycle)."""
        stamp = self._stamp(on)
        values.text("reason", reason)

        def command(work: UnitOfWork) -> UUID:
            entry = self._entry(work, reference)
            holder_id = entry.holder_id()
            entry.void_with(None if holder_id is None else work.find(holder_id), reason, **stamp)
            return entry.id

        return self.run(command)

    def correct(
        self,
        reference: str,
        *,
        reason: str,
        kg: float | None = None,
        category: str | None = None,
        destination: str | None = None,
        source: str | None = None,
        waste_date: date | None = None,
        on: date | None = None,
    ) -> UUID:
        stamp = self._stamp(on)
        if waste_date is not None:
            waste_date = values.occurred_on("date", waste_date, self.today())

        def command(work: UnitOfWork) -> UUID:
            entry = self._entry(work, reference)
            if not isinstance(entry, WasteEntry):
                raise NotCorrectable("entry", reference, "not_correctable", kind=entry.kind())
            entry.correct(
                reason=reason,
                kg=kg,
                category=category,
                destination=destination,
                source=source,
                waste_date=waste_date,
                **stamp,
            )
            return entry.id

        return self.run(command)

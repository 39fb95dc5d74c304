"""Waste commands: record collected waste. ``waste_in`` builds a waste entry for the command,
the importer and the demo."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from domain import values
from domain.waste import WasteEntry
from envtrack.commands import Commands
from envtrack.unit_of_work import UnitOfWork


class WasteCommands(Commands):
    def record_waste(
        self,
        site: str,
        *,
        category: str,
        kg: float,
        destination: str,
        source: str | None = None,
        on: date | None = None,
        entry_id: UUID | None = None,
    ) -> UUID:
        stamp = self._stamp(on)
        new_id = self._entry_id(entry_id)

        def command(work: UnitOfWork) -> UUID:
            return work.add(self.waste_in(work, site, new_id, category, kg, destination, source, stamp)).id

        return self.run(command)

    @staticmethod
    def waste_in(
        work: UnitOfWork,
        site: str,
        entry_id: UUID,
        category: str,
        kg: float,
        destination: str,
        source: str | None,
        stamp: dict[str, Any],
    ) -> WasteEntry:
        """The entry ``record_waste`` records, built in ``work`` (not saved); with no
        ``source``, the SIPSN sumber the site's kind implies."""
        host = work.site(site, on=stamp["on"])
        return WasteEntry.record(
            entry_id,
            site=host.slug,
            category=category,
            kg=kg,
            destination=destination,
            source=source if source is not None else values.default_source(host.kind),
            **stamp,
        )

"""MADULENI MANIS queries: the ponds, one pond and its cycle, and the warnings after a record.

They load and read, never save, and return plain dicts the command line renders. A pond's
figures come from the pond aggregate (its cycles, samples and water tests), so ``pond show``
loads one record and needs no read model.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.application import Application

from domain import values
from envtrack.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from domain.ponds import Pond


class PondViews(Application[UUID]):
    """What ``EnvTrack`` answers about ponds without changing anything."""

    today: Callable[[], date]

    def _pond_ids(self) -> list[UUID]:
        from eventsourcing.utils import get_topic

        from domain.ponds import Pond
        from envtrack.views import first_ids

        return first_ids(self, get_topic(Pond.Added))

    def list_ponds(self, *, site: str | None = None) -> list[dict[str, Any]]:
        """Every pond (of one site, if given), by slug: its site, volume, system and open cycle."""
        if site is not None:
            site = UnitOfWork(self).site(site, open_only=False).slug
        ponds = [self.repository.get(pond_id) for pond_id in self._pond_ids()]
        rows = [_pond_row(pond) for pond in ponds if site is None or pond.site == site]
        return sorted(rows, key=lambda row: row["pond"])

    def site_ponds(self, site: str) -> list[str]:
        """The slugs of a site's ponds."""
        return [row["pond"] for row in self.list_ponds(site=site)]

    def show_pond(self, slug: str) -> dict[str, Any]:
        """The pond; its open cycle (stocked, alive, fed, harvested, days in cycle to today,
        density, the latest weighed sample, biomass and the FCR so far); the latest water
        readings; and the results of the last closed cycle. No warnings: those follow the
        record that causes them."""
        from domain.pond_growth import closed_cycle_results, growth, latest_water

        pond = UnitOfWork(self).pond(slug, open_site=False)
        closed = [(key, cycle) for key, cycle in pond.cycles.items() if cycle["closed"]]
        shown: dict[str, Any] = {
            "pond": pond.slug,
            "site": pond.site,
            "volume_m3": pond.volume_m3,
            "system": pond.system,
            "cycles_closed": len(closed),
            "open_cycle": None,
            "water": latest_water(pond.water_tests),
            "last_closed_cycle": None,
        }
        if pond.open_cycle is not None:
            cycle = pond.cycles[pond.open_cycle]
            days = (self.today() - date.fromisoformat(cycle["started_on"])).days
            shown["open_cycle"] = {
                "cycle_id": pond.open_cycle,
                "species": cycle["species"],
                "started_on": cycle["started_on"],
                "days_in_cycle": days,
                "stocked": cycle["stocked"],
                "alive": pond.alive(pond.open_cycle),
                "dead": cycle["dead"],
                "harvested": cycle["harvested"],
                "harvest_kg": round(cycle["harvest_kg"], 3),
                "fed_kg": round(cycle["fed_kg"], 3),
                **growth(cycle, pond.volume_m3),
            }
        if closed:
            key, cycle = max(closed, key=lambda kc: (kc[1].get("closed_on") or ""))
            shown["last_closed_cycle"] = {"cycle_id": key, **closed_cycle_results(cycle, pond.volume_m3)}
        return shown

    def entry_warnings(self, entry_id: UUID) -> list[dict[str, Any]]:
        """Warnings (never refusals) after a pond record, judged on the record's own date: its
        cycle past the species' usual length (lele 120 days, nila 180), at a final harvest an
        FCR above 1.5, and after a water test the readings outside the species' norms. A
        stocking warns of nothing."""
        from domain.pond_norms import cycle_warnings, fcr_warnings, water_warnings
        from domain.pond_readings import WaterTest
        from domain.ponds import PondEntry, Stocking

        entry = UnitOfWork(self).find(entry_id)
        if not isinstance(entry, PondEntry) or isinstance(entry, Stocking):
            return []
        pond = self.repository.get(values.pond_id(entry.pond))
        cycle = None if entry.cycle_id is None else pond.cycles.get(str(entry.cycle_id))
        if isinstance(entry, WaterTest):
            return water_warnings(None if cycle is None else cycle["species"], entry.readings())
        if cycle is None:
            return []
        days = (entry.occurred_on - date.fromisoformat(cycle["started_on"])).days
        warnings = cycle_warnings(cycle["species"], days)
        if getattr(entry, "final", False):
            warnings += fcr_warnings(cycle["fed_kg"], cycle["harvest_kg"], cycle["stocked_kg"])
        return warnings


def _pond_row(pond: Pond) -> dict[str, Any]:
    cycle = None if pond.open_cycle is None else pond.cycles[pond.open_cycle]
    return {
        "pond": pond.slug,
        "site": pond.site,
        "volume_m3": pond.volume_m3,
        "system": pond.system,
        "species": None if cycle is None else cycle["species"],
        "started_on": None if cycle is None else cycle["started_on"],
        "alive": None if pond.open_cycle is None else pond.alive(pond.open_cycle),
    }

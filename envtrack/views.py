"""The queries, apart from the commands (cosmicpython's ``views.py``): a site, the sites, a
school's supplies, a pond and its warnings, the log. They load and read; they never save, and
they return plain dicts (or decoded log events) that the command line renders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.utils import get_topic

from domain.sites import Site
from envtrack.unit_of_work import UnitOfWork

if TYPE_CHECKING:  # loaded by the queries that use them
    from envtrack.logview import LogEvent

class Views(Application[UUID]):
    """What ``EnvTrack`` answers without changing anything."""

    today: Callable[[], date]

    # -- sites ---------------------------------------------------------------------------------

    def list_sites(self) -> list[dict[str, Any]]:
        topic = get_topic(Site.Registered)
        ids = []
        start = 0
        while True:
            page = self.recorder.select_notifications(start, 10_000, topics=[topic], inclusive_of_start=False)
            if not page:
                break
            ids.extend(n.originator_id for n in page)
            start = page[-1].id
        sites = [self.repository.get(site_id) for site_id in ids]
        return sorted((_site_dict(site) for site in sites), key=lambda s: s["site"])

    def show_site(self, slug: str) -> dict[str, Any]:
        site = _site_dict(UnitOfWork(self).site(slug, open_only=False))
        site["ponds"] = self.site_ponds(site["site"])  # type: ignore[attr-defined]
        return site

    # -- SAMBO DIKARTU AS ----------------------------------------------------------------------

    def supplies_stock(self, site: str) -> dict[str, Any]:
        work = UnitOfWork(self)
        school = work.site(site, open_only=False)
        school.check_kind(("school",), "SAMBO DIKARTU AS")
        ledger = work.ledger(school.slug)
        rates = dict(ledger.rates) if ledger else {}
        stock = dict(ledger.stock) if ledger else {}
        items = sorted(set(rates) | set(stock))
        return {
            "site": school.slug,
            "items": [
                {"item": item, "qty": stock.get(item, 0), "rate_bottles": rates.get(item)}
                for item in items
            ],
        }

    # -- the log -------------------------------------------------------------------------------

    def log(self, *, site: str | None = None, limit: int = 50) -> list[LogEvent]:
        """The latest ``limit`` events (of one site, if given), oldest first, decoded."""
        from envtrack import logview

        if site is not None:
            UnitOfWork(self).site(site, open_only=False)
        return logview.read(self, site=site, limit=limit)


def _site_dict(site: Site) -> dict[str, Any]:
    return {
        "site": site.slug,
        "kind": site.kind,
        "name": site.name,
        "kelurahan": site.kelurahan,
        "kecamatan": site.kecamatan,
        "population": site.population,
        "closed": site.closed,
        "close_reason": site.close_reason,
    }

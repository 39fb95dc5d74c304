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

from domain import values
from domain.errors import InvalidValue
from domain.sites import Site
from envtrack.unit_of_work import UnitOfWork

if TYPE_CHECKING:  # loaded by the queries that use them
    from envtrack.logview import LogEvent

def first_ids(app: Application[UUID], topic: str) -> list[UUID]:
    """The aggregates whose first event has ``topic`` (``Site.Registered`` …), in log order, read
    from the notification log by that topic in pages."""
    ids: list[UUID] = []
    start = 0
    while True:
        page = app.recorder.select_notifications(start, 10_000, topics=[topic], inclusive_of_start=False)
        if not page:
            return ids
        ids.extend(n.originator_id for n in page)
        start = page[-1].id


class Views(Application[UUID]):
    """What ``EnvTrack`` answers without changing anything."""

    today: Callable[[], date]

    # -- sites ---------------------------------------------------------------------------------

    def list_sites(self) -> list[dict[str, Any]]:
        sites = [self.repository.get(site_id) for site_id in first_ids(self, get_topic(Site.Registered))]
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

    def log(
        self,
        *,
        site: str | None = None,
        limit: int = 50,
        start: date | None = None,
        end: date | None = None,
        event: str | None = None,
        operator: str | None = None,
        entry: str | None = None,
    ) -> list[LogEvent]:
        """The latest ``limit`` events, oldest first, decoded: of one site, happened from
        ``start`` to ``end`` (the events' own dates), of an event name (``Harvest``,
        ``WasteEntry.Recorded``), recorded by ``operator``, of one entry (its id or a prefix),
        as many of these as are given."""
        from envtrack import logview
        from envtrack.logfilter import LogFilter, events_named

        if site is not None:
            UnitOfWork(self).site(site, open_only=False)
        if start is not None and end is not None and start > end:
            raise InvalidValue("--from", start.isoformat(), "from_after_to", to=end.isoformat())
        keep = LogFilter(
            site=site,
            start=start,
            end=end,
            events=None if event is None else events_named(event),
            operator=None if operator is None else values.text("--operator", operator),
            entry=None if entry is None else self.resolve_entry(entry, field="--entry", listing=True),  # type: ignore[attr-defined]
        )
        return logview.read(self, keep=keep, limit=limit)


def _site_dict(site: Site) -> dict[str, Any]:
    return {
        "site": site.slug,
        "kind": site.kind,
        "name": site.name,
        "kelurahan": site.kelurahan,
        "kecamatan": site.kecamatan,
        "population": site.population,
        "lat": site.lat,
        "lng": site.lng,
        "closed": site.closed,
        "close_reason": site.close_reason,
    }

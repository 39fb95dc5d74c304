"""Site commands: register, update and close a site."""

from __future__ import annotations

from datetime import date
from typing import Any

from domain import values
from domain.sites import Site
from envtrack.commands import Commands
from envtrack.unit_of_work import UnitOfWork


def check_new_site(
    slug: str, *, operator: str, on: date | None, today: date | None = None, **fields: Any
) -> None:
    """Refuses what ``add_site`` would refuse of a site in an empty store, without a store:
    the first ``site add`` creates the store only for a site it then records."""
    today = today or date.today()
    when = values.occurred_on("date", today if on is None else on, today)
    Site.register(slug, fields.pop("kind"), fields.pop("name"), **fields, operator=operator, on=when)


class SiteCommands(Commands):
    def add_site(
        self,
        slug: str,
        *,
        kind: str,
        name: str,
        kelurahan: str | None = None,
        kecamatan: str | None = None,
        population: int | None = None,
        lat: object = None,
        lng: object = None,
        on: date | None = None,
    ) -> None:
        stamp = self._stamp(on)

        def command(work: UnitOfWork) -> None:
            site = Site.register(
                slug, kind, name, kelurahan=kelurahan, kecamatan=kecamatan, population=population,
                lat=lat, lng=lng, **stamp,
            )
            work.add_new(site, "site", slug)

        self.run(command)

    def update_site(self, slug: str, *, on: date | None = None, **changes: Any) -> None:
        stamp = self._stamp(on)
        self.run(lambda work: work.site(slug).update(**changes, **stamp))

    def close_site(self, slug: str, *, reason: str, on: date | None = None) -> None:
        stamp = self._stamp(on)
        self.run(lambda work: work.site(slug).close(reason, **stamp))

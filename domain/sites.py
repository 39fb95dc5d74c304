"""Sites: schools, mosques, waste banks, TPS3R and community sites, identified by a slug."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.errors import InvalidValue, SiteClosed, WrongSiteKind
from domain.values import LATITUDE, LONGITUDE, SITE_KINDS, choice, coordinate, count, site_id, slug, text


class Site(Aggregate):
    """A place where programmes run. A closure takes effect from its date: records dated before
    it are still accepted, records dated on or after it refused.

    Version 2 of the site has a location, ``lat`` and ``lng`` in decimal degrees (also on
    ``Registered``), and ``closed_on``, the day a closure takes effect: sites snapshotted before
    read back without a location (None) and, if closed, closed from no date (every record
    refused, as then)."""

    class_version = 2
    Created = None  # no default created event (see domain/__init__.py)

    @staticmethod
    def upcast_v1_v2(state: dict) -> None:
        """A snapshot taken before sites had a location and closures a date."""
        state.setdefault("lat", None)
        state.setdefault("lng", None)
        state["closed_on"] = None

    class Event(Aggregate.Event):
        """What every event of a site carries: who recorded it, and the day it happened."""

        operator: str
        occurred_on: date

    class Registered(Event, Aggregate.Created):
        class_version = 2

        slug: str
        kind: str
        name: str
        kelurahan: str | None
        kecamatan: str | None
        population: int | None
        lat: float | None = None
        lng: float | None = None

        @staticmethod
        def upcast_v1_v2(state: dict) -> None:
            """A site registered before sites had a location."""
            state["lat"] = None
            state["lng"] = None

        def apply(self, site: Site) -> None:
            site.slug = self.slug
            site.kind = self.kind
            site.name = self.name
            site.kelurahan = self.kelurahan
            site.kecamatan = self.kecamatan
            site.population = self.population
            site.lat = self.lat
            site.lng = self.lng
            site.registered_on = self.occurred_on
            site.closed = False
            site.close_reason = None
            site.closed_on = None

    class Updated(Event):
        """Only the fields that changed: keys among name, kelurahan, kecamatan, population, lat
        and lng (the last two since version 2 of the site)."""

        changes: dict
        previous: dict

        def apply(self, site: Site) -> None:
            for field, value in self.changes.items():
                setattr(site, field, value)

    class Closed(Event):
        reason: str

        def apply(self, site: Site) -> None:
            site.closed = True
            site.close_reason = self.reason
            site.closed_on = self.occurred_on

    @staticmethod
    def id_for(site_slug: str) -> UUID:
        return site_id(site_slug)

    @classmethod
    def register(
        cls,
        site_slug: str,
        kind: str,
        name: str,
        *,
        kelurahan: str | None,
        kecamatan: str | None,
        population: int | None,
        lat: object = None,
        lng: object = None,
        operator: str,
        on: date,
    ) -> Site:
        site_slug = slug("site", site_slug)
        return cls._create(
            cls.Registered,
            id=cls.id_for(site_slug),
            slug=site_slug,
            kind=choice("kind", kind, SITE_KINDS),
            name=text("name", name),
            kelurahan=text("kelurahan", kelurahan, required=False),
            kecamatan=text("kecamatan", kecamatan, required=False),
            population=None if population is None else count("population", population),
            lat=None if lat is None else coordinate("lat", lat, LATITUDE),
            lng=None if lng is None else coordinate("lng", lng, LONGITUDE),
            operator=operator,
            occurred_on=on,
        )

    def update(
        self,
        *,
        name: str | None = None,
        kelurahan: str | None = None,
        kecamatan: str | None = None,
        population: int | None = None,
        lat: object = None,
        lng: object = None,
        operator: str,
        on: date,
    ) -> None:
        self.check_open()
        wanted = {
            "name": None if name is None else text("name", name),
            "kelurahan": None if kelurahan is None else text("kelurahan", kelurahan),
            "kecamatan": None if kecamatan is None else text("kecamatan", kecamatan),
            "population": None if population is None else count("population", population),
            "lat": None if lat is None else coordinate("lat", lat, LATITUDE),
            "lng": None if lng is None else coordinate("lng", lng, LONGITUDE),
        }
        changes = {
            field: value
            for field, value in wanted.items()
            if value is not None and value != getattr(self, field)
        }
        if not changes:
            raise InvalidValue(None, self.slug, "site_unchanged")  # a refusal of the whole update
        previous = {field: getattr(self, field) for field in changes}
        self.trigger_event(
            self.Updated, changes=changes, previous=previous, operator=operator, occurred_on=on
        )

    def close(self, reason: str, *, operator: str, on: date) -> None:
        self.check_open()
        self.trigger_event(
            self.Closed, reason=text("reason", reason), operator=operator, occurred_on=on
        )

    def check_open(self, on: date | None = None) -> None:
        """Refuses a closed site; with ``on`` (a record's date), only from the closure's date."""
        if not self.closed:
            return
        if self.closed_on is None:  # closed before closures had a date (see ``upcast_v1_v2``)
            raise SiteClosed("site", self.slug, "site_closed", reason=self.close_reason)
        if on is None or on >= self.closed_on:
            raise SiteClosed(
                "site", self.slug, "site_closed_from", reason=self.close_reason, closed_on=self.closed_on.isoformat()
            )

    def check_kind(self, allowed: tuple[str, ...], programme: str) -> None:
        if self.kind not in allowed:
            raise WrongSiteKind(
                "site", self.slug, "wrong_site_kind", kind=self.kind, programme=programme, allowed=allowed
            )

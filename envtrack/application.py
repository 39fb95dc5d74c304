"""EnvTrack: one method per command. Commands load, make one domain change, save atomically.

Every command runs inside a ``UnitOfWork`` that caches the aggregates it loads and saves all of
their new events in one atomic ``save``. A save that loses an optimistic-concurrency race (or finds
SQLite locked) is retried from a fresh load a bounded number of times.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID, uuid4

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import (
    IntegrityError,
    OperationalError,
    PersistenceError,
    Transcoding,
)
from eventsourcing.utils import get_topic

from domain import values
from domain.entries import Entry
from domain.errors import AlreadyExists, DomainError, InvalidValue, NotCorrectable, NotFound
from domain.sites import Site
from domain.waste import WasteEntry
from envtrack.store import APPLICATION_NAME, Store

if TYPE_CHECKING:  # loaded by the commands that use them: a waste record needs neither
    from domain.ponds import Pond
    from domain.sambo import Exchange, SupplyLedger

SNAPSHOT_INTERVALS = {"domain.sambo:SupplyLedger": 50, "domain.ponds:Pond": 50, "domain.sites:Site": 50}
"""Every how many events a long-lived aggregate is snapshotted, by topic. A command then loads
the latest snapshot and at most N − 1 events after it, however long the history (measured in
bench/README.md)."""


def entry_classes() -> tuple[type[Entry], ...]:
    """Every kind of entry. Imports the programmes' modules, which take tens of milliseconds
    to define their event classes: recording commands that need only one programme skip it."""
    from domain.ponds import Feeding, Harvest, Mortality, Stocking, WaterInflow
    from domain.sambo import BottleHandover, Exchange, SupplyReceipt

    return (WasteEntry, SupplyReceipt, Exchange, BottleHandover, Stocking, Feeding, WaterInflow,
            Mortality, Harvest)

MAX_ATTEMPTS = 30
"""Tries of one command against lost races: several operators at one school's ledger can lose
a few in a row; with the backoff below 30 tries take at most a few seconds."""
POND_CYCLE_WARN_DAYS = 120
POND_FCR_WARN = 1.5

T = TypeVar("T")
A = TypeVar("A", bound=Aggregate)


class DateAsISO(Transcoding):
    """Stores ``datetime.date`` values as ``YYYY-MM-DD``."""

    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class UnitOfWork:
    """The aggregates one command (or one import batch) touches, saved together."""

    def __init__(self, app: EnvTrack) -> None:
        self.app = app
        self._loaded: dict[UUID, Aggregate | None] = {}
        self._created: list[Aggregate] = []

    def find(self, aggregate_id: UUID) -> Any:
        if aggregate_id not in self._loaded:
            try:
                self._loaded[aggregate_id] = self.app.repository.get(aggregate_id)
            except AggregateNotFoundError:
                self._loaded[aggregate_id] = None
        return self._loaded[aggregate_id]

    def add(self, aggregate: A) -> A:
        self._loaded[aggregate.id] = aggregate
        self._created.append(aggregate)
        return aggregate

    def site(self, slug: str, *, open_only: bool = True) -> Site:
        site = self.find(Site.id_for(slug)) if _is_slug(slug) else None
        if site is None:
            raise NotFound("site", slug, "is not a known site", "bukan lokasi yang terdaftar")
        if open_only:
            site.check_open()
        return site

    def school(self, slug: str) -> Site:
        site = self.site(slug)
        site.check_kind(("school",), "SAMBO DIKARTU AS")
        return site

    def pond(self, slug: str, *, open_site: bool = True) -> Pond:
        pond = self.find(values.pond_id(slug)) if _is_slug(slug) else None
        if pond is None:
            raise NotFound("pond", slug, "is not a known pond", "bukan kolam yang terdaftar")
        if open_site:
            self.site(pond.site)
        return pond

    def ledger(self, site_slug: str) -> SupplyLedger | None:
        return self.find(values.ledger_id(site_slug))

    def changed_records(self) -> list[UUID]:
        """The ids of the aggregates the command loaded and changed (not those it created)."""
        created = {id(aggregate) for aggregate in self._created}
        return [aggregate.id for aggregate in self.pending() if id(aggregate) not in created]

    def pending(self) -> list[Aggregate]:
        return [agg for agg in self._loaded.values() if agg is not None and agg.pending_events]

    def commit(self) -> None:
        aggregates = self.pending()
        if aggregates:
            self.app.save(*aggregates)


def _is_slug(value: str) -> bool:
    try:
        values.slug("site", value)
    except InvalidValue:
        return False
    return True


class EnvTrack(Application[UUID]):
    """The envtrack application: sites, SAMBO DIKARTU AS, MADULENI MANIS and waste."""

    name = APPLICATION_NAME
    is_snapshotting_enabled = True  # every SNAPSHOT_INTERVALS events, see _take_snapshots

    def __init__(
        self,
        store: Store,
        *,
        operator: str = "unknown",
        today: Callable[[], date] = date.today,
        new_id: Callable[[], UUID] = uuid4,
    ) -> None:
        self.store = store
        self.operator = operator
        self.today = today
        self.new_id = new_id
        self.turns = store.turns
        self._open_store()

    def _open_store(self) -> None:
        """Opens the event store, creating its tables if need be. Processes starting at once on a
        new store race to create it (SQLite: 'database is locked' while switching to WAL;
        PostgreSQL: duplicate types, a function concurrently replaced): the losers retry, a
        bounded number of times. Tables already there are not created again, so that a role
        without CREATE rights (an operator's) can open a PostgreSQL store."""
        from eventsourcing.persistence import InternalError, ProgrammingError

        for attempt in range(1, MAX_ATTEMPTS + 1):
            env = self.store.event_store_env()
            try:
                if self.store.prepare():
                    env["CREATE_TABLE"] = "no"
                super().__init__(env=env)
                return
            except (*self.store.busy_errors, OperationalError, IntegrityError, InternalError, ProgrammingError) as error:
                factory = getattr(self, "factory", None)
                if factory is not None:
                    factory.close()
                # Any other ProgrammingError (a missing grant) is not a race.
                duplicate = self.store.is_creation_race(error)
                if attempt == MAX_ATTEMPTS or (isinstance(error, ProgrammingError) and not duplicate):
                    if isinstance(error, self.store.busy_errors):
                        raise OperationalError(str(error)) from error
                    raise
                _back_off(attempt)

    def close(self) -> None:
        self.store.close()
        super().close()

    def register_transcodings(self, transcoder: Any) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    # -- plumbing ------------------------------------------------------------------------------

    def _take_snapshots(self, processing_event: Any) -> None:
        """Snapshots each aggregate of SNAPSHOT_INTERVALS at every multiple of its interval.
        Snapshots are an optimisation taken after the events are saved: a failure to write one
        must not make the command look failed (and be retried into a duplicate)."""
        for event in processing_event.events:
            aggregate = processing_event.aggregates.get(event.originator_id)
            interval = None if aggregate is None else SNAPSHOT_INTERVALS.get(get_topic(type(aggregate)))
            if interval and event.originator_version % interval == 0:
                try:
                    self.take_snapshot(event.originator_id, version=event.originator_version)
                except PersistenceError:
                    return

    def run(self, command: Callable[[UnitOfWork], T], *, attempts: int = MAX_ATTEMPTS) -> T:
        """Runs ``command`` and saves what it changed; retries lost races from a fresh load.

        A command that changes a record others may be changing (a school's ledger, a pond, a
        site, an entry) saves in that record's turn; if it had to wait for the turn, it loads
        again in it first. So operators at one school take turns instead of colliding again and
        again, and operators at different schools never wait for each other. A command that only
        adds new entries (a waste record) needs no turn. Without turns to be had, lost races are
        retried after a random pause."""
        try:
            for attempt in range(1, attempts + 1):
                work = UnitOfWork(self)
                result = command(work)
                changed = work.changed_records()
                waited = self.turns.hold(changed) if changed else None
                if waited and attempt < attempts:
                    continue  # others changed those records meanwhile: load them again
                try:
                    work.commit()
                except (IntegrityError, OperationalError):
                    if attempt == attempts:
                        raise
                    if waited is None:
                        _back_off(attempt)
                    continue
                return result
        finally:
            self.turns.release()
        raise AssertionError("unreachable")  # pragma: no cover

    def _on(self, on: date | None) -> date:
        today = self.today()
        return values.occurred_on("date", today if on is None else on, today)

    def _stamp(self, on: date | None) -> dict[str, Any]:
        return {"operator": self.operator, "on": self._on(on)}

    def _entry_id(self, entry_id: UUID | None) -> UUID:
        return entry_id if entry_id is not None else self.new_id()

    # -- sites ---------------------------------------------------------------------------------

    def add_site(
        self,
        slug: str,
        *,
        kind: str,
        name: str,
        kelurahan: str | None = None,
        kecamatan: str | None = None,
        population: int | None = None,
        on: date | None = None,
    ) -> None:
        stamp = self._stamp(on)

        def command(work: UnitOfWork) -> None:
            site = Site.register(
                slug, kind, name, kelurahan=kelurahan, kecamatan=kecamatan, population=population, **stamp
            )
            if work.find(site.id) is not None:
                raise _exists("site", slug)
            work.add(site)

        self.run(command)

    def update_site(self, slug: str, *, on: date | None = None, **changes: Any) -> None:
        stamp = self._stamp(on)
        self.run(lambda work: work.site(slug).update(**changes, **stamp))

    def close_site(self, slug: str, *, reason: str, on: date | None = None) -> None:
        stamp = self._stamp(on)
        self.run(lambda work: work.site(slug).close(reason, **stamp))

    def list_sites(self) -> list[dict[str, Any]]:
        topic = _topic(Site.Registered)
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
        work = UnitOfWork(self)
        return _site_dict(work.site(slug, open_only=False))

    # -- SAMBO DIKARTU AS ----------------------------------------------------------------------

    def set_rate(self, site: str, item: str, *, bottles: int, on: date | None = None) -> None:
        stamp = self._stamp(on)

        def command(work: UnitOfWork) -> None:
            from domain.sambo import SupplyLedger

            school = work.school(site)
            ledger = work.ledger(school.slug) or work.add(SupplyLedger.open(school.slug, **stamp))
            ledger.set_rate(item, bottles, **stamp)

        self.run(command)

    def receive_supplies(
        self,
        site: str,
        item: str,
        *,
        qty: int,
        cost_rp: float | None = None,
        source: str | None = None,
        on: date | None = None,
        entry_id: UUID | None = None,
    ) -> UUID:
        stamp = self._stamp(on)
        new_id = self._entry_id(entry_id)

        def command(work: UnitOfWork) -> UUID:
            from domain.sambo import SupplyLedger, SupplyReceipt

            school = work.school(site)
            ledger = work.ledger(school.slug) or work.add(SupplyLedger.open(school.slug, **stamp))
            receipt = SupplyReceipt.record(
                new_id, ledger, item=item, qty=qty, cost_rp=cost_rp, source=source, **stamp
            )
            return work.add(receipt).id

        return self.run(command)

    def record_exchange(
        self,
        site: str,
        *,
        bottles: int,
        weight_kg: float | None = None,
        items: dict[str, int] | None = None,
        pupil: str | None = None,
        pupil_class: str | None = None,
        on: date | None = None,
        entry_id: UUID | None = None,
    ) -> UUID:
        stamp = self._stamp(on)
        new_id = self._entry_id(entry_id)

        def command(work: UnitOfWork) -> UUID:
            return work.add(self.exchange_in(work, site, new_id, bottles, weight_kg, items, pupil, pupil_class, stamp)).id

        return self.run(command)

    @staticmethod
    def exchange_in(
        work: UnitOfWork,
        site: str,
        entry_id: UUID,
        bottles: int,
        weight_kg: float | None,
        items: dict[str, int] | None,
        pupil: str | None,
        pupil_class: str | None,
        stamp: dict[str, Any],
    ) -> Exchange:
        from domain.sambo import Exchange

        school = work.school(site)
        return Exchange.record(
            entry_id,
            site=school.slug,
            ledger=work.ledger(school.slug),
            bottles=bottles,
            weight_kg=weight_kg,
            items=items or {},
            pupil=pupil,
            pupil_class=pupil_class,
            **stamp,
        )

    def hand_over_bottles(
        self,
        site: str,
        *,
        weight_kg: float,
        to: str,
        buyer: str | None = None,
        price_rp_per_kg: float | None = None,
        on: date | None = None,
        entry_id: UUID | None = None,
    ) -> UUID:
        stamp = self._stamp(on)
        new_id = self._entry_id(entry_id)

        def command(work: UnitOfWork) -> UUID:
            from domain.sambo import BottleHandover

            school = work.school(site)
            handover = BottleHandover.record(
                new_id,
                site=school.slug,
                weight_kg=weight_kg,
                to=to,
                buyer=buyer,
                price_rp_per_kg=price_rp_per_kg,
                **stamp,
            )
            return work.add(handover).id

        return self.run(command)

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

    # -- MADULENI MANIS ------------------------------------------------------------------------

    def add_pond(
        self,
        slug: str,
        *,
        site: str,
        volume_m3: float,
        system: str | None = None,
        on: date | None = None,
    ) -> None:
        stamp = self._stamp(on)

        def command(work: UnitOfWork) -> None:
            from domain.ponds import Pond

            host = work.site(site)
            host.check_kind(values.POND_SITE_KINDS, "MADULENI MANIS")
            pond = Pond.add(slug, site=host.slug, volume_m3=volume_m3, system=system, **stamp)
            if work.find(pond.id) is not None:
                raise _exists("pond", slug)
            work.add(pond)

        self.run(command)

    def _pond_entry(self, pond: str, entry_id: UUID | None, make: Callable[..., Entry]) -> UUID:
        new_id = self._entry_id(entry_id)

        def command(work: UnitOfWork) -> UUID:
            return work.add(make(new_id, work.pond(pond))).id

        return self.run(command)

    def stock_pond(
        self,
        pond: str,
        *,
        species: str,
        count: int,
        mean_g: float | None = None,
        on: date | None = None,
        entry_id: UUID | None = None,
    ) -> UUID:
        from domain.ponds import Stocking

        stamp = self._stamp(on)
        return self._pond_entry(
            pond,
            entry_id,
            lambda new_id, p: Stocking.record(new_id, p, species=species, fish=count, mean_g=mean_g, **stamp),
        )

    def feed_pond(self, pond: str, *, kg: float, on: date | None = None, entry_id: UUID | None = None) -> UUID:
        from domain.ponds import Feeding

        stamp = self._stamp(on)
        return self._pond_entry(pond, entry_id, lambda new_id, p: Feeding.record(new_id, p, kg=kg, **stamp))

    def water_pond(
        self, pond: str, *, liters: float, on: date | None = None, entry_id: UUID | None = None
    ) -> UUID:
        from domain.ponds import WaterInflow

        stamp = self._stamp(on)
        return self._pond_entry(
            pond, entry_id, lambda new_id, p: WaterInflow.record(new_id, p, liters=liters, **stamp)
        )

    def record_deaths(
        self, pond: str, *, count: int, on: date | None = None, entry_id: UUID | None = None
    ) -> UUID:
        from domain.ponds import Mortality

        stamp = self._stamp(on)
        return self._pond_entry(
            pond, entry_id, lambda new_id, p: Mortality.record(new_id, p, fish=count, **stamp)
        )

    def harvest_pond(
        self,
        pond: str,
        *,
        kg: float,
        count: int,
        sold_kg: float | None = None,
        price_rp_per_kg: float | None = None,
        final: bool = False,
        on: date | None = None,
        entry_id: UUID | None = None,
    ) -> UUID:
        from domain.ponds import Harvest

        stamp = self._stamp(on)
        return self._pond_entry(
            pond,
            entry_id,
            lambda new_id, p: Harvest.record(
                new_id,
                p,
                kg=kg,
                fish=count,
                sold_kg=sold_kg,
                price_rp_per_kg=price_rp_per_kg,
                final=final,
                **stamp,
            ),
        )

    def show_pond(self, slug: str) -> dict[str, Any]:
        work = UnitOfWork(self)
        pond = work.pond(slug, open_site=False)
        shown: dict[str, Any] = {
            "pond": pond.slug,
            "site": pond.site,
            "volume_m3": pond.volume_m3,
            "system": pond.system,
            "cycles_closed": sum(1 for c in pond.cycles.values() if c["closed"]),
            "open_cycle": None,
            "warnings": [],
        }
        if pond.open_cycle is not None:
            cycle = pond.cycles[pond.open_cycle]
            started = date.fromisoformat(cycle["started_on"])
            days = (self.today() - started).days
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
            }
            shown["warnings"] = cycle_warnings(cycle, days)
        return shown

    def entry_warnings(self, entry_id: UUID) -> list[dict[str, Any]]:
        """Warnings (never refusals) about the growing cycle a pond entry belongs to: a cycle
        past 120 days, or an FCR above 1.5 (a closed cycle is judged at its final harvest)."""
        from domain.ponds import PondEntry

        entry = UnitOfWork(self).find(entry_id)
        if not isinstance(entry, PondEntry) or getattr(entry, "cycle_id", None) is None:
            return []
        pond = self.repository.get(values.pond_id(entry.pond))
        cycle = pond.cycles.get(str(entry.cycle_id))
        if cycle is None:
            return []
        end = entry.occurred_on if cycle["closed"] else self.today()
        return cycle_warnings(cycle, (end - date.fromisoformat(cycle["started_on"])).days)

    # -- waste ---------------------------------------------------------------------------------

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
        host = work.site(site)
        return WasteEntry.record(
            entry_id,
            site=host.slug,
            category=category,
            kg=kg,
            destination=destination,
            source=source if source is not None else values.default_source(host.kind),
            **stamp,
        )

    # -- voids and corrections -----------------------------------------------------------------

    def resolve_entry(self, reference: str) -> UUID:
        """A full entry id, or a unique prefix of at least 8 characters."""
        ref = (reference or "").strip().lower()
        try:
            return UUID(ref)
        except ValueError:
            pass
        if len(ref.replace("-", "")) < 8 or any(ch not in "0123456789abcdef-" for ch in ref):
            raise InvalidValue(
                "entry",
                reference,
                "is not an entry id (give the id, or at least its first 8 characters)",
                "bukan id entri (berikan id-nya, atau minimal 8 karakter pertamanya)",
            )
        topics = [_topic(cls.Recorded) for cls in entry_classes()]
        matches = self.store.find_ids_by_prefix(ref, topics)
        if not matches:
            raise NotFound("entry", reference, "is not a known entry id", "bukan id entri yang dikenal")
        if len(matches) > 1:
            raise InvalidValue(
                "entry",
                reference,
                f"matches {len(matches)} entries: give more characters",
                f"cocok dengan {len(matches)} entri: berikan lebih banyak karakter",
            )
        return matches[0]

    def _entry(self, work: UnitOfWork, reference: str) -> Entry:
        entry_id = self.resolve_entry(reference)
        entry = work.find(entry_id)
        if not isinstance(entry, Entry):
            raise NotFound("entry", reference, "is not a known entry id", "bukan id entri yang dikenal")
        return entry

    def void(self, reference: str, *, reason: str, on: date | None = None) -> UUID:
        stamp = self._stamp(on)
        values.text("reason", reason)

        def command(work: UnitOfWork) -> UUID:
            from domain.ponds import PondEntry
            from domain.sambo import Exchange, SupplyReceipt

            entry = self._entry(work, reference)
            if isinstance(entry, (SupplyReceipt, Exchange)):
                ledger = work.ledger(entry.site)
                entry.void_with(ledger, reason, **stamp)  # type: ignore[arg-type]
            elif isinstance(entry, PondEntry):
                entry.void_with(work.pond(entry.pond, open_site=False), reason, **stamp)
            else:
                entry.void(reason, **stamp)
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
                raise NotCorrectable(
                    "entry",
                    reference,
                    f"is an entry of kind {entry.kind()}: only waste entries can be corrected "
                    "(void it and record it again)",
                    f"adalah entri {entry.kind()}: hanya entri sampah yang dapat dikoreksi "
                    "(batalkan lalu catat ulang)",
                )
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

    # -- the log ---------------------------------------------------------------------------------

    def log(self, *, site: str | None = None, limit: int = 50) -> list[Any]:
        """The latest ``limit`` events (of one site, if given), oldest first, decoded."""
        from envtrack import logview

        if site is not None:
            UnitOfWork(self).site(site, open_only=False)
        return logview.read(self, site=site, limit=limit)


def _back_off(attempt: int) -> None:
    """Sleeps a random time up to a cap that doubles with each lost race (full jitter), so that
    processes contending for one aggregate spread out instead of colliding again in step."""
    time.sleep(random.uniform(0, min(0.25, 0.004 * 2**attempt)))


def cycle_warnings(cycle: dict[str, Any], days: int) -> list[dict[str, Any]]:
    """Warnings (not refusals) for a growing cycle, as data the CLI words per ``--lang``:
    ``{"warning": "cycle_days", "value": days, "limit": 120}`` for a cycle run too long, and
    ``{"warning": "fcr", "value": fcr, "limit": 1.5}`` for feed used poorly."""
    warnings: list[dict[str, Any]] = []
    if days > POND_CYCLE_WARN_DAYS:
        warnings.append({"warning": "cycle_days", "value": days, "limit": POND_CYCLE_WARN_DAYS})
    gain = cycle["harvest_kg"] - cycle["stocked_kg"]
    if cycle["harvest_kg"] > 0 and gain > 0 and cycle["fed_kg"] / gain > POND_FCR_WARN:
        warnings.append({"warning": "fcr", "value": round(cycle["fed_kg"] / gain, 2), "limit": POND_FCR_WARN})
    return warnings


def _exists(field: str, slug: str) -> DomainError:
    return AlreadyExists(field, slug, "already exists", "sudah ada")


def _topic(cls: type) -> str:
    return get_topic(cls)


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


def open_app(store: Store, *, operator: str, create: bool, **kwargs: Any) -> EnvTrack:
    """Opens the application; a read-only caller (``create=False``) never creates a store."""
    if not create and not store.exists():
        raise NotFound("db", store.display, "has no envtrack store (run 'envtrack init')", "belum berisi penyimpanan envtrack (jalankan 'envtrack init')")
    return EnvTrack(store, operator=operator, **kwargs)


def entry_kinds() -> Iterable[str]:
    return (cls.KIND for cls in entry_classes())  # type: ignore[attr-defined]

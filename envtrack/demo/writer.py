"""Writing the demo city through the application: the same domain methods as the commands,
inside a ``UnitOfWork`` that holds the city's sites, stock ledgers and ponds, with entries saved
in batches (one atomic ``save`` each). Entry ids derive from the seed and the order of writing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate

from domain import values as rules
from domain.entries import Entry
from domain.ponds import Pond
from domain.sambo import SupplyLedger
from domain.sites import Site
from domain.waste import WasteEntry
from envtrack.application import EnvTrack
from envtrack.demo.city import City, Place
from envtrack.unit_of_work import UnitOfWork

BATCH_ENTRIES = 1_500


def entry_id(tag: str, number: int) -> UUID:
    """The id of the ``number``-th entry (from 1) the demo of ``tag`` (seed and years) writes."""
    return uuid5(rules.ENVTRACK_NAMESPACE, f"demo/{tag}/{number}")


class DemoWriter:
    """Builds entries with the domain and saves them in batches; runs what was put off to a day."""

    def __init__(
        self, app: EnvTrack, tag: str, progress: Callable[[int], None] | None = None
    ) -> None:
        self.app = app
        self.tag = tag
        self.today = app.today()
        self.work = UnitOfWork(app)
        self.progress = progress
        self.batch: dict[UUID, Aggregate] = {}
        self.later: dict[date, list[Callable[[date], None]]] = defaultdict(list)
        self.ids = 0
        self.entries = 0
        self.events = 0

    # -- the city ------------------------------------------------------------------------------

    def open_city(self, city: City, on: date, rates: dict[str, dict[str, int]]) -> None:
        """Registers every site and pond, and opens each school's supplies with its rates.
        Refuses (writing nothing) when one of them already exists."""
        for place in city.sites:
            site = Site.register(
                place.slug, place.kind, place.name, kelurahan=place.kelurahan,
                kecamatan=place.kecamatan, population=place.population, operator=place.operator, on=on,
            )
            self.work.add_new(site, "site", place.slug)
        for spec in city.ponds:
            pond = Pond.add(
                spec.slug, site=spec.site, volume_m3=spec.volume_m3, system=spec.system,
                operator=spec.operator, on=on,
            )
            self.work.add_new(pond, "pond", spec.slug)
        for school in city.schools:
            ledger = self.work.add(SupplyLedger.open(school.slug, operator=school.operator, on=on))
            for item, bottles in rates[school.slug].items():
                ledger.set_rate(item, bottles, operator=school.operator, on=on)

    # -- recording -----------------------------------------------------------------------------

    def new_id(self) -> UUID:
        """The next entry id: the same seed, years and order of writing give the same ids."""
        self.ids += 1
        return entry_id(self.tag, self.ids)

    def stamp(self, place: Any, on: date) -> dict[str, Any]:
        return {"operator": place.operator, "on": rules.occurred_on("date", on, self.today)}

    def add(self, entry: Entry) -> Entry:
        """A new entry (or one just voided or corrected), saved with the next batch."""
        if entry.id not in self.batch:
            self.batch[entry.id] = entry
        if len(self.batch) >= BATCH_ENTRIES:
            self.flush()
        return entry

    def new(self, entry: Entry) -> Entry:
        self.entries += 1
        return self.add(entry)

    def waste(
        self,
        place: Place,
        on: date,
        category: str,
        kg: float,
        destination: str,
        source: str | None = None,
        *,
        corrected_after: int | None = None,
    ) -> WasteEntry | None:
        """A waste entry through ``EnvTrack.waste_in``, as ``waste record`` makes it.
        ``corrected_after`` days: the weight was first written ten times too big (the decimal
        comma slipped) and is corrected that many days later."""
        kg = round(kg, 2)
        if kg < 0.01:
            return None
        written = round(kg * 10, 2) if corrected_after else kg
        entry = EnvTrack.waste_in(
            self.work, place.slug, self.new_id(), category, written, destination, source, self.stamp(place, on)
        )
        self.new(entry)
        if corrected_after:

            def correct(day: date) -> None:
                entry.correct(reason="salah ketik berat (koma bergeser)", kg=kg, **self.stamp(place, day))
                self.add(entry)

            self.at(on + timedelta(days=corrected_after), correct)
        return entry

    def at(self, day: date, action: Callable[[date], None]) -> None:
        """Runs ``action(day)`` when the writing reaches ``day`` (or at the end, on the last day)."""
        self.later[day].append(action)

    def run_due(self, day: date) -> None:
        for due in sorted(d for d in self.later if d <= day):
            for action in self.later.pop(due):
                action(due)

    # -- saving --------------------------------------------------------------------------------

    def flush(self) -> None:
        """Saves the batch of entries with what they changed in the city, in one atomic save."""
        saved = self.work.commit(*self.batch.values())
        if not saved:
            return
        self.events += saved
        self.batch.clear()
        if self.progress:
            self.progress(self.events)

    def finish(self, last: date) -> None:
        """Runs what is still put off (on the last day) and saves the rest."""
        self.run_due(last)
        for due in sorted(self.later):
            for action in self.later.pop(due):
                action(last)
        self.flush()

"""MADULENI MANIS commands: add a pond, and record stocking, feed, wudu water, deaths and
harvests (each an entry of its own, and a change to the pond's growing cycle), weighed samples
and water tests (readings of the pond)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID

from domain import values
from domain.errors import AlreadyExists
from envtrack.commands import Commands
from envtrack.unit_of_work import UnitOfWork

if TYPE_CHECKING:  # loaded by the commands that use it: a waste record does not
    from domain.ponds import Pond, PondEntry


class PondCommands(Commands):
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

            host = work.site(site, on=stamp["on"])
            host.check_kind(values.POND_SITE_KINDS, "MADULENI MANIS")
            pond = Pond.add(slug, site=host.slug, volume_m3=volume_m3, system=system, **stamp)
            taken = work.find(pond.id)
            if taken is not None:
                raise AlreadyExists("pond", pond.slug, "pond_taken", site=taken.site)
            work.add(pond)

        self.run(command)

    def _pond_entry(
        self, pond: str, entry_id: UUID | None, make: Callable[[UUID, Pond], PondEntry], on: date
    ) -> UUID:
        """A new entry of ``pond`` dated ``on`` (refused from the day its site closed)."""
        new_id = self._entry_id(entry_id)

        def command(work: UnitOfWork) -> UUID:
            return work.add(make(new_id, work.pond(pond, on=on))).id

        return self.run(command)

    def stock_pond(
        self,
        pond: str,
        *,
        species: str,
        count: int,
        mean_g: float | None = None,
        cost_rp: float | None = None,
        on: date | None = None,
        entry_id: UUID | None = None,
    ) -> UUID:
        from domain.ponds import Stocking

        stamp = self._stamp(on)
        return self._pond_entry(
            pond,
            entry_id,
            lambda new_id, p: Stocking.record(
                new_id, p, species=species, fish=count, mean_g=mean_g, cost_rp=cost_rp, **stamp
            ),
            stamp["on"],
        )

    def feed_pond(
        self,
        pond: str,
        *,
        kg: float,
        cost_rp: float | None = None,
        feed_type: str | None = None,
        on: date | None = None,
        entry_id: UUID | None = None,
    ) -> UUID:
        from domain.ponds import Feeding

        stamp = self._stamp(on)
        return self._pond_entry(
            pond, entry_id,
            lambda new_id, p: Feeding.record(new_id, p, kg=kg, cost_rp=cost_rp, feed_type=feed_type, **stamp),
            stamp["on"],
        )

    def water_pond(
        self, pond: str, *, liters: float, on: date | None = None, entry_id: UUID | None = None
    ) -> UUID:
        from domain.ponds import WaterInflow

        stamp = self._stamp(on)
        return self._pond_entry(
            pond, entry_id, lambda new_id, p: WaterInflow.record(new_id, p, liters=liters, **stamp), stamp["on"]
        )

    def record_deaths(
        self, pond: str, *, count: int, cause: str | None = None, on: date | None = None,
        entry_id: UUID | None = None,
    ) -> UUID:
        from domain.ponds import Mortality

        stamp = self._stamp(on)
        return self._pond_entry(
            pond, entry_id, lambda new_id, p: Mortality.record(new_id, p, fish=count, cause=cause, **stamp),
            stamp["on"],
        )

    def sample_pond(
        self, pond: str, *, count: int, kg: float, on: date | None = None, entry_id: UUID | None = None
    ) -> UUID:
        """A weighed sample of the open cycle's fish: ``count`` fish, ``kg`` together."""
        from domain.pond_readings import Sample

        stamp = self._stamp(on)
        return self._pond_entry(
            pond, entry_id, lambda new_id, p: Sample.record(new_id, p, fish=count, kg=kg, **stamp), stamp["on"]
        )

    def test_pond_water(
        self,
        pond: str,
        *,
        do: float | None = None,
        ph: float | None = None,
        temp_c: float | None = None,
        ammonia: float | None = None,
        on: date | None = None,
        entry_id: UUID | None = None,
    ) -> UUID:
        """A water test: at least one of dissolved oxygen, pH, temperature and total ammonia."""
        from domain.pond_readings import WaterTest

        stamp = self._stamp(on)
        return self._pond_entry(
            pond, entry_id,
            lambda new_id, p: WaterTest.record(new_id, p, do=do, ph=ph, temp_c=temp_c, ammonia=ammonia, **stamp),
            stamp["on"],
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
            stamp["on"],
        )

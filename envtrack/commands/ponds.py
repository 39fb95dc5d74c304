"""MADULENI MANIS commands: add a pond, and record stocking, feed, wudu water, deaths and
harvests (each an entry of its own, and a change to the pond's growing cycle), weighed samples
and water tests (readings of the pond)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any
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
        self,
        pond: str,
        on: date | None,
        entry_id: UUID | None,
        make: Callable[[UUID, Pond, dict[str, Any]], PondEntry],
    ) -> UUID:
        """A new entry of ``pond`` dated ``on`` (today when None; refused from the day its site
        closed): ``make(new_id, pond, stamp)`` builds it, ``stamp`` its operator and date."""
        stamp = self._stamp(on)
        new_id = self._entry_id(entry_id)

        def command(work: UnitOfWork) -> UUID:
            return work.add(make(new_id, work.pond(pond, on=stamp["on"]), stamp)).id

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

        return self._pond_entry(
            pond, on, entry_id, lambda new_id, p, stamp: Stocking.record(
                new_id, p, species=species, fish=count, mean_g=mean_g, cost_rp=cost_rp, **stamp
            )
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

        return self._pond_entry(
            pond, on, entry_id,
            lambda new_id, p, stamp: Feeding.record(new_id, p, kg=kg, cost_rp=cost_rp, feed_type=feed_type, **stamp),
        )

    def water_pond(
        self, pond: str, *, liters: float, on: date | None = None, entry_id: UUID | None = None
    ) -> UUID:
        from domain.ponds import WaterInflow

        return self._pond_entry(
            pond, on, entry_id, lambda new_id, p, stamp: WaterInflow.record(new_id, p, liters=liters, **stamp)
        )

    def record_deaths(
        self, pond: str, *, count: int, cause: str | None = None, on: date | None = None,
        entry_id: UUID | None = None,
    ) -> UUID:
        from domain.ponds import Mortality

        return self._pond_entry(
            pond, on, entry_id,
            lambda new_id, p, stamp: Mortality.record(new_id, p, fish=count, cause=cause, **stamp),
        )

    def sample_pond(
        self, pond: str, *, count: int, kg: float, on: date | None = None, entry_id: UUID | None = None
    ) -> UUID:
        """A weighed sample of the open cycle's fish: ``count`` fish, ``kg`` together."""
        from domain.pond_readings import Sample

        return self._pond_entry(
            pond, on, entry_id, lambda new_id, p, stamp: Sample.record(new_id, p, fish=count, kg=kg, **stamp)
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

        return self._pond_entry(
            pond, on, entry_id,
            lambda new_id, p, stamp: WaterTest.record(
                new_id, p, do=do, ph=ph, temp_c=temp_c, ammonia=ammonia, **stamp
            ),
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

        return self._pond_entry(
            pond, on, entry_id, lambda new_id, p, stamp: Harvest.record(
                new_id,
                p,
                kg=kg,
                fish=count,
                sold_kg=sold_kg,
                price_rp_per_kg=price_rp_per_kg,
                final=final,
                **stamp,
            )
        )

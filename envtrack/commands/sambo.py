"""SAMBO DIKARTU AS commands: a school's rates, supplies received, bottle exchanges and bottle
handovers. ``exchange_in`` builds an exchange for the commands, the importer and the demo."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any
from uuid import UUID

from envtrack.commands import Commands
from envtrack.unit_of_work import UnitOfWork

if TYPE_CHECKING:  # loaded by the commands that use it: a waste record does not
    from domain.sambo import Exchange


class SamboCommands(Commands):
    def set_rate(self, site: str, item: str, *, bottles: int, on: date | None = None) -> None:
        stamp = self._stamp(on)

        def command(work: UnitOfWork) -> None:
            from domain.sambo import SupplyLedger

            school = work.school(site, on=stamp["on"])
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

            school = work.school(site, on=stamp["on"])
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
        """The exchange ``record_exchange`` records, built in ``work`` (not saved)."""
        from domain.sambo import Exchange

        school = work.school(site, on=stamp["on"])
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

            school = work.school(site, on=stamp["on"])
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

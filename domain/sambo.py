"""SAMBO DIKARTU AS: pupils exchange used plastic bottles for school supplies.

A school's ``SupplyLedger`` holds its rates (bottles per item) and its stock, the consistency
boundary for exchanges. Receipts, exchanges and bottle handovers are entries of their own.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.entries import Entry, EntryRecorded
from domain.errors import InsufficientStock, NoRate, NotEnoughBottles, Refused
from domain.values import (
    BOTTLE_KG_ESTIMATE,
    HANDOVER_RECIPIENTS,
    choice,
    count,
    ledger_id,
    quantity,
    rupiah,
    slug,
    text,
)


class SupplyLedger(Aggregate):
    """One school's exchange rates and supplies on hand."""

    class Opened(Aggregate.Created):
        site: str
        operator: str
        occurred_on: date

        def apply(self, ledger: SupplyLedger) -> None:
            ledger.site = self.site
            ledger.rates = {}
            ledger.stock = {}

    class RateSet(Aggregate.Event):
        item: str
        bottles: int
        operator: str
        occurred_on: date

        def apply(self, ledger: SupplyLedger) -> None:
            ledger.rates[self.item] = self.bottles

    class StockReceived(Aggregate.Event):
        entry_id: UUID
        item: str
        qty: int
        operator: str
        occurred_on: date

        def apply(self, ledger: SupplyLedger) -> None:
            ledger.stock[self.item] = ledger.stock.get(self.item, 0) + self.qty

    class ReceiptWithdrawn(Aggregate.Event):
        """A receipt was voided: its quantity leaves the stock again."""

        entry_id: UUID
        item: str
        qty: int
        operator: str
        occurred_on: date

        def apply(self, ledger: SupplyLedger) -> None:
            ledger.stock[self.item] = ledger.stock.get(self.item, 0) - self.qty

    class SuppliesIssued(Aggregate.Event):
        entry_id: UUID
        items: dict
        operator: str
        occurred_on: date

        def apply(self, ledger: SupplyLedger) -> None:
            for item, qty in self.items.items():
                ledger.stock[item] = ledger.stock.get(item, 0) - qty

    class SuppliesReturned(Aggregate.Event):
        """An exchange was voided: its items come back into stock."""

        entry_id: UUID
        items: dict
        operator: str
        occurred_on: date

        def apply(self, ledger: SupplyLedger) -> None:
            for item, qty in self.items.items():
                ledger.stock[item] = ledger.stock.get(item, 0) + qty

    @staticmethod
    def id_for(site_slug: str) -> UUID:
        return ledger_id(site_slug)

    @classmethod
    def open(cls, site: str, *, operator: str, on: date) -> SupplyLedger:
        return cls._create(
            cls.Opened, id=cls.id_for(site), site=site, operator=operator, occurred_on=on
        )

    def set_rate(self, item: str, bottles: int, *, operator: str, on: date) -> None:
        self.trigger_event(
            self.RateSet,
            item=slug("item", item),
            bottles=count("bottles", bottles),
            operator=operator,
            occurred_on=on,
        )

    def receive(self, entry_id: UUID, item: str, qty: int, *, operator: str, on: date) -> None:
        self.trigger_event(
            self.StockReceived, entry_id=entry_id, item=item, qty=qty, operator=operator, occurred_on=on
        )

    def withdraw_receipt(
        self, entry_id: UUID, item: str, qty: int, *, operator: str, on: date
    ) -> None:
        on_hand = self.stock.get(item, 0)
        if on_hand < qty:
            raise Refused(
                "entry",
                str(entry_id),
                f"cannot be voided: {qty} {item} were received but only {on_hand} are still "
                "in stock (the rest were issued)",
                f"tidak dapat dibatalkan: {qty} {item} diterima tetapi hanya {on_hand} yang "
                "masih di stok (sisanya sudah ditukarkan)",
            )
        self.trigger_event(
            self.ReceiptWithdrawn, entry_id=entry_id, item=item, qty=qty, operator=operator, occurred_on=on
        )

    def price(self, items: dict[str, int]) -> dict[str, int]:
        """The rates that apply to these items now; refuses an item with no rate."""
        rates = {}
        for item in items:
            if item not in self.rates:
                raise NoRate(
                    "item",
                    item,
                    "has no exchange rate at this school (set one with 'supplies rate')",
                    "belum punya tarif tukar di sekolah ini (atur dengan 'supplies rate')",
                )
            rates[item] = self.rates[item]
        return rates

    def check_stock(self, items: dict[str, int]) -> None:
        """Refuses items whose stock on hand is short of the quantity asked."""
        for item, qty in items.items():
            on_hand = self.stock.get(item, 0)
            if on_hand < qty:
                raise InsufficientStock(
                    "item",
                    f"{item}={qty}",
                    f"only {on_hand} in stock",
                    f"stok hanya {on_hand}",
                )

    def issue(self, entry_id: UUID, items: dict[str, int], *, operator: str, on: date) -> None:
        self.check_stock(items)
        self.trigger_event(
            self.SuppliesIssued, entry_id=entry_id, items=dict(items), operator=operator, occurred_on=on
        )

    def give_back(self, entry_id: UUID, items: dict[str, int], *, operator: str, on: date) -> None:
        self.trigger_event(
            self.SuppliesReturned, entry_id=entry_id, items=dict(items), operator=operator, occurred_on=on
        )


class SupplyReceipt(Entry):
    """School supplies received into stock."""

    KIND = "receipt"

    class Recorded(EntryRecorded):
        site: str
        item: str
        qty: int
        cost_rp: int | None
        source: str | None
        operator: str
        occurred_on: date

    @classmethod
    def record(
        cls,
        entry_id: UUID,
        ledger: SupplyLedger,
        *,
        item: str,
        qty: int,
        cost_rp: float | None,
        source: str | None,
        operator: str,
        on: date,
    ) -> SupplyReceipt:
        item = slug("item", item)
        qty = count("qty", qty)
        receipt = cls._create(
            cls.Recorded,
            id=entry_id,
            site=ledger.site,
            item=item,
            qty=qty,
            cost_rp=None if cost_rp is None else rupiah("cost_rp", cost_rp),
            source=text("source", source, required=False),
            operator=operator,
            occurred_on=on,
        )
        ledger.receive(entry_id, item, qty, operator=operator, on=on)
        return receipt

    def void_with(self, ledger: SupplyLedger, reason: str, *, operator: str, on: date) -> None:
        self.check_not_voided()
        reason = text("reason", reason)
        ledger.withdraw_receipt(self.id, self.item, self.qty, operator=operator, on=on)
        self.void(reason, operator, on)


class Exchange(Entry):
    """Bottles brought by a pupil, and the supplies given for them (none for a pure deposit)."""

    KIND = "exchange"

    class Recorded(EntryRecorded):
        site: str
        bottles: int
        weight_kg: float
        weight_estimated: bool
        items: dict
        rates: dict
        pupil: str | None
        pupil_class: str | None
        operator: str
        occurred_on: date

    @classmethod
    def record(
        cls,
        entry_id: UUID,
        *,
        site: str,
        ledger: SupplyLedger | None,
        bottles: int,
        weight_kg: float | None,
        items: dict[str, int],
        pupil: str | None,
        pupil_class: str | None,
        operator: str,
        on: date,
    ) -> Exchange:
        """Checks rates, stock and bottles, then records the exchange and issues the items."""
        bottles = count("bottles", bottles)
        estimated = weight_kg is None
        kg = round(bottles * BOTTLE_KG_ESTIMATE, 3) if estimated else quantity("weight_kg", weight_kg)
        items = {slug("item", item): count("qty", qty) for item, qty in items.items()}
        pupil = text("pupil", pupil, required=False)
        pupil_class = text("class", pupil_class, required=False)
        if items and ledger is None:
            first = next(iter(items))
            raise NoRate(
                "item",
                first,
                "has no exchange rate at this school (set one with 'supplies rate')",
                "belum punya tarif tukar di sekolah ini (atur dengan 'supplies rate')",
            )
        rates = ledger.price(items) if ledger is not None else {}
        needed = sum(rates[item] * qty for item, qty in items.items())
        if bottles < needed:
            raise NotEnoughBottles(
                "bottles",
                bottles,
                f"fewer than the {needed} the items cost ("
                + ", ".join(f"{qty} {item} × {rates[item]}" for item, qty in items.items())
                + ")",
                f"kurang dari {needed} botol harga barangnya ("
                + ", ".join(f"{qty} {item} × {rates[item]}" for item, qty in items.items())
                + ")",
            )
        if ledger is not None:
            ledger.check_stock(items)
        exchange = cls._create(
            cls.Recorded,
            id=entry_id,
            site=site,
            bottles=bottles,
            weight_kg=kg,
            weight_estimated=estimated,
            items=items,
            rates=rates,
            pupil=pupil,
            pupil_class=pupil_class,
            operator=operator,
            occurred_on=on,
        )
        if items:
            assert ledger is not None
            ledger.issue(entry_id, items, operator=operator, on=on)
        return exchange

    def void_with(self, ledger: SupplyLedger | None, reason: str, *, operator: str, on: date) -> None:
        self.check_not_voided()
        reason = text("reason", reason)
        if self.items:
            assert ledger is not None, "an exchange with items always has a ledger"
            ledger.give_back(self.id, self.items, operator=operator, on=on)
        self.void(reason, operator, on)


class BottleHandover(Entry):
    """Collected bottles leaving the school for recycling (not counted again as waste)."""

    KIND = "handover"

    class Recorded(EntryRecorded):
        site: str
        weight_kg: float
        to: str
        buyer: str | None
        price_rp_per_kg: int | None
        operator: str
        occurred_on: date

    @classmethod
    def record(
        cls,
        entry_id: UUID,
        *,
        site: str,
        weight_kg: float,
        to: str,
        buyer: str | None,
        price_rp_per_kg: float | None,
        operator: str,
        on: date,
    ) -> BottleHandover:
        return cls._create(
            cls.Recorded,
            id=entry_id,
            site=site,
            weight_kg=quantity("weight_kg", weight_kg),
            to=choice("to", to, HANDOVER_RECIPIENTS),
            buyer=text("buyer", buyer, required=False),
            price_rp_per_kg=None
            if price_rp_per_kg is None
            else rupiah("price_rp_per_kg", price_rp_per_kg),
            operator=operator,
            occurred_on=on,
        )

"""SAMBO DIKARTU AS: pupils exchange used plastic bottles for school supplies.

A school's ``SupplyLedger`` holds its rates (bottles per item) and its stock, the consistency
boundary for exchanges. Receipts, exchanges and bottle handovers are entries of their own.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.entries import Entry
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

    Created = None  # no default created event (see domain/__init__.py)

    class Event(Aggregate.Event):
        """What every event of a ledger carries: who recorded it, and the day it happened."""

        operator: str
        occurred_on: date

    class Opened(Event, Aggregate.Created):
        site: str

        def apply(self, ledger: SupplyLedger) -> None:
            ledger.site = self.site
            ledger.rates = {}
            ledger.stock = {}

    class RateSet(Event):
        item: str
        bottles: int

        def apply(self, ledger: SupplyLedger) -> None:
            ledger.rates[self.item] = self.bottles

    class StockReceived(Event):
        entry_id: UUID
        item: str
        qty: int

        def apply(self, ledger: SupplyLedger) -> None:
            ledger.stock[self.item] = ledger.stock.get(self.item, 0) + self.qty

    class ReceiptWithdrawn(Event):
        """A receipt was voided: its quantity leaves the stock again."""

        entry_id: UUID
        item: str
        qty: int

        def apply(self, ledger: SupplyLedger) -> None:
            ledger.stock[self.item] = ledger.stock.get(self.item, 0) - self.qty

    class SuppliesIssued(Event):
        entry_id: UUID
        items: dict

        def apply(self, ledger: SupplyLedger) -> None:
            for item, qty in self.items.items():
                ledger.stock[item] = ledger.stock.get(item, 0) - qty

    class SuppliesReturned(Event):
        """An exchange was voided: its items come back into stock."""

        entry_id: UUID
        items: dict

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
            raise Refused("entry", str(entry_id), "receipt_issued", qty=qty, item=item, on_hand=on_hand)
        self.trigger_event(
            self.ReceiptWithdrawn, entry_id=entry_id, item=item, qty=qty, operator=operator, occurred_on=on
        )

    def price(self, items: dict[str, int]) -> dict[str, int]:
        """The rates that apply to these items now; refuses an item with no rate."""
        rates = {}
        for item in items:
            if item not in self.rates:
                raise NoRate("item", item, "no_rate")
            rates[item] = self.rates[item]
        return rates

    def check_stock(self, items: dict[str, int]) -> None:
        """Refuses items whose stock on hand is short of the quantity asked."""
        for item, qty in items.items():
            on_hand = self.stock.get(item, 0)
            if on_hand < qty:
                raise InsufficientStock("item", f"{item}={qty}", "short_of_stock", on_hand=on_hand)

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

    class Event(Entry.Event):
        """Every event of a receipt (see ``Entry``)."""

    class Recorded(Entry.Recorded, Event):
        site: str
        item: str
        qty: int
        cost_rp: int | None
        source: str | None

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

    def holder_id(self) -> UUID:
        return ledger_id(self.site)

    def undo(self, ledger: SupplyLedger, *, operator: str, on: date) -> None:
        ledger.withdraw_receipt(self.id, self.item, self.qty, operator=operator, on=on)


class Exchange(Entry):
    """Bottles brought by a pupil, and the supplies given for them (none for a pure deposit)."""

    KIND = "exchange"

    class Event(Entry.Event):
        """Every event of an exchange (see ``Entry``)."""

    class Recorded(Entry.Recorded, Event):
        site: str
        bottles: int
        weight_kg: float
        weight_estimated: bool
        items: dict
        rates: dict
        pupil: str | None
        pupil_class: str | None

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
            raise NoRate("item", next(iter(items)), "no_rate")
        rates = ledger.price(items) if ledger is not None else {}
        needed = sum(rates[item] * qty for item, qty in items.items())
        if bottles < needed:
            costs = tuple(f"{qty} {item} × {rates[item]}" for item, qty in items.items())
            raise NotEnoughBottles("bottles", bottles, "too_few_bottles", needed=needed, costs=costs)
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

    def holder_id(self) -> UUID:
        return ledger_id(self.site)

    def undo(self, ledger: SupplyLedger | None, *, operator: str, on: date) -> None:
        if self.items:
            assert ledger is not None, "an exchange with items always has a ledger"
            ledger.give_back(self.id, self.items, operator=operator, on=on)


class BottleHandover(Entry):
    """Collected bottles leaving the school for recycling (not counted again as waste)."""

    KIND = "handover"

    class Event(Entry.Event):
        """Every event of a handover (see ``Entry``)."""

    class Recorded(Entry.Recorded, Event):
        site: str
        weight_kg: float
        to: str
        buyer: str | None
        price_rp_per_kg: int | None

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

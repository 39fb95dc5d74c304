"""What every record about one pond shares: the pond and its site, and how a void undoes it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, TypeVar
from uuid import UUID

from domain.cycles import closes_empty
from domain.entries import Entry
from domain.errors import InvalidValue
from domain.values import count, pond_id, quantity, rupiah

if TYPE_CHECKING:
    from domain.ponds import Pond

E = TypeVar("E", bound="PondEntry")


class PondEntry(Entry):
    """A record about one pond; ``site`` is the pond's site, for per-site figures.

    Each subclass declares its own ``Event`` and derives its ``Recorded`` from it and from
    ``Entry.Recorded`` (see ``Entry``): otherwise the library defines ``Recorded`` a second time."""

    @classmethod
    def _record(cls: type[E], entry_id: UUID, pond: Pond, *, operator: str, on: date, **facts: object) -> E:
        return cls._create(
            cls.Recorded,  # type: ignore[attr-defined]
            id=entry_id, site=pond.site, pond=pond.slug, operator=operator, occurred_on=on, **facts,
        )

    def reversal(self) -> dict | None:
        """What voiding this entry takes off the pond's cycle (None: nothing)."""
        return None

    def holder_id(self) -> UUID:
        return pond_id(self.pond)

    def undo(self, pond: Pond, *, operator: str, on: date) -> None:
        reversal = self.reversal()
        if reversal is not None:
            pond.reverse(self.id, self.cycle_id, operator=operator, on=on, **reversal)


def harvest_figures(
    fish: object, kg: object, sold_kg: object, price_rp_per_kg: object, *, final: bool
) -> tuple[int, float, float | None, int | None]:
    """A harvest's fish, kg, sold kg and price, checked. A final harvest of 0 fish and 0 kg
    closes a cycle with nothing left to take out (every fish died): the rest is written off."""
    if closes_empty(final, fish, kg):
        fish, kg = 0, 0.0
    else:
        kg = quantity("kg", kg)
        fish = count("count", fish)
    if (sold_kg is None) != (price_rp_per_kg is None):
        missing = "price_rp_per_kg" if price_rp_per_kg is None else "sold_kg"
        raise InvalidValue(missing, "", "sold_kg_and_price_together")
    sold = None if sold_kg is None else quantity("sold_kg", sold_kg)
    price = None if price_rp_per_kg is None else rupiah("price_rp_per_kg", price_rp_per_kg)
    if sold is not None and sold > kg:  # type: ignore[operator]
        raise InvalidValue("sold_kg", sold, "sold_more_than_harvested", kg=kg)
    return fish, kg, sold, price  # type: ignore[return-value]

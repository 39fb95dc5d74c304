"""The city's household and market waste in the demo: each kelurahan's TPS logbook (collections
on Mondays and Thursdays, minor categories weighed weekly), Pasar Tanjung Anyar daily, the
TPS3R six days a week and the waste banks' weekly deposit days.

Shares are set so that the city lands near Kota Mojokerto's composition (≈ 73 % food waste, 13 %
plastic, 9.5 % paper) and near a real city's capaian (pengurangan ≈ 20 %, penanganan ≈ 67 %)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from envtrack.demo.calendar import Calendar
from envtrack.demo.city import City, Place
from envtrack.demo.writer import DemoWriter

KG_PER_PERSON_DAY = (0.58, 0.66)
COMPOSITION = {
    "sisa-makanan": 0.73, "plastik": 0.13, "kertas-karton": 0.095, "kayu-ranting": 0.01, "logam": 0.008,
    "kain": 0.008, "kaca": 0.008, "karet-kulit": 0.004, "lainnya": 0.007,
}
MAJOR = ("sisa-makanan", "plastik", "kertas-karton")
HOUSEHOLD_DESTINATIONS = {
    "sisa-makanan": {"kompos": 0.13, "tps": 0.73, "tidak-terkelola": 0.14},
    "plastik": {"daur-ulang": 0.30, "guna-ulang": 0.03, "tps": 0.53, "tidak-terkelola": 0.14},
    "kertas-karton": {"daur-ulang": 0.35, "tps": 0.55, "tidak-terkelola": 0.10},
    "kayu-ranting": {"kompos": 0.30, "tps": 0.50, "tidak-terkelola": 0.20},
    "logam": {"daur-ulang": 0.65, "tps": 0.35},
    "kaca": {"daur-ulang": 0.55, "tps": 0.45},
    "kain": {"guna-ulang": 0.10, "tps": 0.80, "tidak-terkelola": 0.10},
    "karet-kulit": {"tps": 0.90, "tidak-terkelola": 0.10},
    "lainnya": {"tps": 0.90, "tidak-terkelola": 0.10},
}
MARKET_TONNES_PER_DAY = (9.0, 11.0)
MARKET = {  # category: (share, {destination: share})
    "sisa-makanan": (0.85, {"kompos": 0.22, "tps": 0.78}),
    "plastik": (0.08, {"daur-ulang": 0.2, "tps": 0.8}),
    "kertas-karton": (0.05, {"daur-ulang": 0.5, "tps": 0.5}),
    "lainnya": (0.02, {"tps": 1.0}),
}
TPS3R = {
    "sisa-makanan": (0.70, {"olah": 0.8, "tpa": 0.2}),
    "plastik": (0.15, {"bahan-baku": 0.4, "daur-ulang": 0.4, "tpa": 0.2}),
    "kertas-karton": (0.10, {"daur-ulang": 0.7, "tpa": 0.3}),
    "lainnya": (0.05, {"tpa": 1.0}),
}
BANK_DEPOSITS = {  # kg per person served per week
    "plastik": (0.10, 0.18), "kertas-karton": (0.08, 0.15), "logam": (0.01, 0.03), "kaca": (0.01, 0.04),
}


class Community:
    def __init__(self, writer: DemoWriter, city: City, calendar: Calendar, seed: int) -> None:
        self.writer = writer
        self.calendar = calendar
        places = city.others
        self.kelurahan = [p for p in places if p.kind == "community" and p.source is None]
        self.market = next(p for p in places if p.source == "pasar")
        self.banks = [p for p in places if p.kind == "waste-bank"]
        self.tps3r = next(p for p in places if p.kind == "tps3r")
        self.rng = {p.slug: random.Random(f"{seed}/waste/{p.slug}") for p in places}
        self.rate = {p.slug: self.rng[p.slug].uniform(*KG_PER_PERSON_DAY) for p in self.kelurahan}
        self.bank_day = {p.slug: self.rng[p.slug].randrange(6) for p in self.banks}
        self.uncollected: dict[str, dict[str, float]] = {p.slug: {} for p in self.kelurahan}
        self.minor: dict[str, dict[str, float]] = {p.slug: {} for p in self.kelurahan}

    def day(self, day: date) -> None:
        factor = self.calendar.household_waste(day)
        for place in self.kelurahan:
            self._households(place, day, factor)
        self._market(day, factor)
        if day.weekday() != 6:
            self._tps3r(day, factor)
        for bank in self.banks:
            if day.weekday() == self.bank_day[bank.slug]:
                self._bank(bank, day)

    def _households(self, place: Place, day: date, factor: float) -> None:
        rng = self.rng[place.slug]
        made = place.population * self.rate[place.slug] * factor  # type: ignore[operator]
        waiting, minor = self.uncollected[place.slug], self.minor[place.slug]
        for category, share in COMPOSITION.items():
            if category == "kayu-ranting":
                share *= 2.0 if self.calendar.rainy(day) else 0.5
            bucket = waiting if category in MAJOR else minor
            bucket[category] = bucket.get(category, 0.0) + made * share * rng.uniform(0.9, 1.1)
        if day.weekday() in (0, 3):  # collection days: the major categories, split by destination
            for category in MAJOR:
                kg = waiting.pop(category, 0.0)
                for destination, share in HOUSEHOLD_DESTINATIONS[category].items():
                    typo = rng.randint(1, 4) if rng.random() < 0.0008 else None
                    entry = self.writer.waste(
                        place, day, category, kg * share * rng.uniform(0.85, 1.15), destination,
                        corrected_after=typo,
                    )
                    if entry is not None and rng.random() < 0.0005:
                        self._duplicate(place, day, category, entry.kg, destination)
        if day.weekday() == 3:  # minor categories weighed once a week, one destination each
            for category in list(minor):
                destinations = HOUSEHOLD_DESTINATIONS[category]
                destination = rng.choices(list(destinations), weights=list(destinations.values()))[0]
                self.writer.waste(place, day, category, minor.pop(category), destination)

    def _duplicate(self, place: Place, day: date, category: str, kg: float, destination: str) -> None:
        """The same line entered twice; the copy is voided at the next collection."""
        copy = self.writer.waste(place, day, category, kg, destination)
        if copy is None:
            return

        def void(on: date) -> None:
            copy.void("tercatat dua kali", **self.writer.stamp(place, on))
            self.writer.add(copy)

        self.writer.at(day + _days_to_next_collection(day), void)

    def _split(self, place: Place, day: date, total: float, table: dict, source: str | None = None) -> None:
        rng = self.rng[place.slug]
        for category, (share, destinations) in table.items():
            for destination, part in destinations.items():
                self.writer.waste(place, day, category, total * share * part * rng.uniform(0.9, 1.1), destination, source)

    def _market(self, day: date, factor: float) -> None:
        rng = self.rng[self.market.slug]
        tonnes = rng.uniform(*MARKET_TONNES_PER_DAY) * (1.25 if self.calendar.days_from_lebaran(day) in range(-7, 0) else 1.0)
        self._split(self.market, day, tonnes * 1000 * min(factor, 1.1), MARKET, "pasar")

    def _tps3r(self, day: date, factor: float) -> None:
        rng = self.rng[self.tps3r.slug]
        total = self.tps3r.population * rng.uniform(0.65, 0.75) * 7 / 6 * factor  # type: ignore[operator]
        self._split(self.tps3r, day, total, TPS3R, self.tps3r.source)

    def _bank(self, bank: Place, day: date) -> None:
        rng = self.rng[bank.slug]
        for category, per_person in BANK_DEPOSITS.items():
            kg = bank.population * rng.uniform(*per_person)  # type: ignore[operator]
            self.writer.waste(bank, day, category, kg, "daur-ulang", bank.source)


def _days_to_next_collection(day: date) -> timedelta:
    return timedelta(days=3 if day.weekday() == 0 else 4)

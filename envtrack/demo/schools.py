"""Schools in the demo city: SAMBO DIKARTU AS exchanges, supplies restocked when low, bottles
handed to the waste bank each month, and the school's own waste (0.010–0.020 kg per pupil per
school day: food waste daily, plastic, paper and residue weighed on Fridays)."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

from domain.sambo import BottleHandover, SupplyReceipt
from envtrack.application import EnvTrack
from envtrack.demo.calendar import Calendar
from envtrack.demo.city import PUPILS, City, Place
from envtrack.demo.writer import DemoWriter

ITEMS = {  # item: (bottles for one, price in rupiah)
    "pensil": (20, 2_500),
    "penghapus": (15, 1_500),
    "pulpen": (25, 3_000),
    "penggaris": (30, 3_500),
    "buku-tulis": (40, 4_500),
}
RESTOCK_BELOW = 12
SUPPLY_SOURCES = ("Koperasi sekolah", "Dana BOS", "CSR Bank Jatim", "Hasil penjualan botol")
SCHOOL_WASTE_SHARES = {"sisa-makanan": 0.52, "plastik": 0.2, "kertas-karton": 0.2, "lainnya": 0.08}
CLASSES = {"smp": [f"{g}{c}" for g in (7, 8, 9) for c in "ABCDEFGH"], "sd": [f"{g}{c}" for g in range(1, 7) for c in "ABC"]}


def rates_for(seed: int, city: City) -> dict[str, dict[str, int]]:
    """Each school's bottles per item: the usual rates, a few schools a little dearer."""
    rates = {}
    for school in city.schools:
        rng = random.Random(f"{seed}/rates/{school.slug}")
        rates[school.slug] = {item: bottles + rng.choice((0, 0, 0, 5)) for item, (bottles, _) in ITEMS.items()}
    return rates


class Schools:
    def __init__(self, writer: DemoWriter, city: City, calendar: Calendar, seed: int) -> None:
        self.writer = writer
        self.calendar = calendar
        self.schools = city.schools
        self.rng = {s.slug: random.Random(f"{seed}/school/{s.slug}") for s in city.schools}
        self.composts = {s.slug: self.rng[s.slug].random() < 0.7 for s in city.schools}  # Adiwiyata composter
        self.roster = {
            s.slug: [
                f"{self.rng[s.slug].choice(PUPILS)} {chr(65 + self.rng[s.slug].randrange(26))}."
                for _ in range(max(20, s.population // 8))  # type: ignore[operator]
            ]
            for s in city.schools
        }
        self.week: dict[str, dict[str, float]] = {s.slug: {} for s in city.schools}
        self.bottle_kg = {s.slug: 0.0 for s in city.schools}

    def day(self, day: date) -> None:
        if day not in self.calendar.school_days:
            return
        activity = self.calendar.school_activity(day)
        for school in self.schools:
            rng = self.rng[school.slug]
            self._restock(school, day, rng)
            for _ in range(_poisson(rng, activity * school.population / 300)):  # type: ignore[operator]
                self._exchange(school, day, rng)
            self._waste(school, day, rng, activity)
            if day in self.calendar.last_school_day_of_month:
                self._hand_over(school, day, rng)

    # -- SAMBO DIKARTU AS ------------------------------------------------------------------------

    def _restock(self, school: Place, day: date, rng: random.Random) -> None:
        ledger = self.writer.work.ledger(school.slug)
        for item, (_, price) in ITEMS.items():
            if ledger.stock.get(item, 0) < RESTOCK_BELOW:
                qty = rng.choice((50, 100, 100, 150))
                receipt = SupplyReceipt.record(
                    self.writer.new_id(), ledger, item=item, qty=qty, cost_rp=qty * price,
                    source=rng.choice(SUPPLY_SOURCES), **self.writer.stamp(school, day),
                )
                self.writer.new(receipt)

    def _exchange(self, school: Place, day: date, rng: random.Random) -> None:
        ledger = self.writer.work.ledger(school.slug)
        bottles = max(5, round(rng.triangular(5, 70, 22)))
        items: dict[str, int] = {}
        left = bottles
        while rng.random() < (0.85 if not items else 0.25):
            affordable = [i for i, rate in ledger.rates.items() if rate <= left and ledger.stock.get(i, 0) > items.get(i, 0)]
            if not affordable:
                break
            item = rng.choice(affordable)
            items[item] = items.get(item, 0) + 1
            left -= ledger.rates[item]
        weight = round(bottles * rng.uniform(0.020, 0.025), 3) if rng.random() < 0.55 else None
        exchange = EnvTrack.exchange_in(
            self.writer.work, school.slug, self.writer.new_id(), bottles, weight, items,
            rng.choice(self.roster[school.slug]), rng.choice(CLASSES[school.level]),
            self.writer.stamp(school, day),
        )
        self.writer.new(exchange)
        self.bottle_kg[school.slug] += exchange.weight_kg
        if rng.random() < 0.002:  # recorded at the wrong school desk: voided the next day
            def void(on: date, exchange=exchange, school=school) -> None:
                exchange.void_with(ledger, "salah catat, penukaran dibatalkan", **self.writer.stamp(school, on))
                self.writer.add(exchange)
                self.bottle_kg[school.slug] -= exchange.weight_kg

            self.writer.at(day + timedelta(days=1), void)

    def _hand_over(self, school: Place, day: date, rng: random.Random) -> None:
        kg = round(self.bottle_kg[school.slug] * rng.uniform(0.93, 1.0), 2)
        if kg < 0.5:
            return
        handover = BottleHandover.record(
            self.writer.new_id(), site=school.slug, weight_kg=kg, to="bank-sampah",
            buyer="Bank Sampah Induk Kota Mojokerto", price_rp_per_kg=rng.randrange(3500, 5001, 100),
            **self.writer.stamp(school, day),
        )
        self.writer.new(handover)
        self.bottle_kg[school.slug] = 0.0

    # -- the school's own waste ----------------------------------------------------------------

    def _waste(self, school: Place, day: date, rng: random.Random, activity: float) -> None:
        total = school.population * rng.uniform(0.010, 0.020) * activity  # type: ignore[operator]
        food = total * SCHOOL_WASTE_SHARES["sisa-makanan"]
        destination = "kompos" if self.composts[school.slug] else "tps"
        typo = rng.randint(1, 5) if rng.random() < 0.004 else None
        self.writer.waste(school, day, "sisa-makanan", food, destination, corrected_after=typo)
        week = self.week[school.slug]
        for category in ("plastik", "kertas-karton", "lainnya"):
            week[category] = week.get(category, 0.0) + total * SCHOOL_WASTE_SHARES[category]
        if day.weekday() == 4 or day + timedelta(days=1) not in self.calendar.school_days:
            self.writer.waste(school, day, "plastik", week.pop("plastik"), "daur-ulang")
            self.writer.waste(school, day, "kertas-karton", week.pop("kertas-karton"), "daur-ulang")
            self.writer.waste(school, day, "lainnya", week.pop("lainnya"), "tps")


def _poisson(rng: random.Random, mean: float) -> int:
    """A Poisson count (Knuth's method; the means here are small)."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count

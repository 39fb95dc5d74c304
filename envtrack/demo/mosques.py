"""Mosques in the demo city: wudu water led into the ponds every day (congregation × ablutions ×
≈ 4.4 L, more on Fridays, in Ramadan and at Idul Fitri), lele and nila growing cycles of 2.5–4
months (survival 80–90 %, FCR 0.9–1.5), and the mosque's own waste weighed after Friday prayers."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from domain.ponds import Feeding, Harvest, Mortality, Stocking, WaterInflow
from envtrack.demo.calendar import Calendar
from envtrack.demo.city import City, PondPlace
from envtrack.demo.writer import DemoWriter

LITERS_PER_ABLUTION = 4.4
FISH = {
    # species: stocking density per m³ by system, (start g), (days), (harvest g), (price rp/kg)
    "lele": ({"bioflok": (250, 400), "terpal": (80, 120), "beton": (60, 100), "tanah": (30, 50)},
             (5, 10), (75, 95), (100, 140), (20_000, 24_000)),
    "nila": ({"bioflok": (40, 60), "terpal": (20, 35), "beton": (15, 30), "tanah": (10, 20)},
             (8, 15), (100, 120), (170, 250), (27_000, 32_000)),
}
SEED_RP_PER_FISH = {"lele": (150, 300), "nila": (300, 600)}
"""What a mosque pays a hatchery for a fingerling of the size stocked (5–15 g), rupiah each."""
FEED_RP_PER_KG = (10_500, 13_500)
"""Floating pellets (protein 28–31 %) from a feed shop, rupiah per kg: bought per cycle."""
FEED = "pelet apung"


@dataclass
class Cycle:
    """A growing cycle planned from stocking to final harvest: what happens on which day."""

    start: date
    feed: dict[date, float] = field(default_factory=dict)
    deaths: dict[date, int] = field(default_factory=dict)
    harvests: dict[date, tuple[int, float, bool]] = field(default_factory=dict)  # count, kg, final
    end: date = date.min


def plan_cycle(rng: random.Random, pond: PondPlace, start: date) -> tuple[Cycle, int, float]:
    """Plans a cycle; returns it with the fish stocked and their mean weight in grams."""
    densities, start_g, days, final_g, _ = FISH[pond.species]
    stocked = round(pond.volume_m3 * rng.uniform(*densities[pond.system]), -1)
    mean_g = round(rng.uniform(*start_g), 1)
    length = rng.randint(*days)
    harvest_g = rng.uniform(*final_g)
    survival = rng.uniform(0.80, 0.90)
    unaccounted = round(stocked * rng.uniform(0.01, 0.04))
    died = max(0, round(stocked * (1 - survival)) - unaccounted)
    cycle = Cycle(start=start, end=start + timedelta(days=length))

    def weight(day: int) -> float:
        return mean_g + (harvest_g - mean_g) * (day / length) ** 1.2

    # Deaths every 5–12 days, most of them early in the cycle.
    death_days = []
    day = rng.randint(3, 8)
    while day < length - 3:
        death_days.append(day)
        day += rng.randint(5, 12)
    shares = [math.exp(-d / 30) for d in death_days]
    left = died
    for n, d in enumerate(death_days):
        count = left if n == len(death_days) - 1 else min(left, round(died * shares[n] / sum(shares)))
        if count > 0:
            cycle.deaths[start + timedelta(days=d)] = count
            left -= count
    alive = [stocked] * (length + 1)
    for when, count in cycle.deaths.items():
        for d in range((when - start).days, length + 1):
            alive[d] -= count
    harvest_kg = 0.0
    if rng.random() < 0.6:  # a sorting harvest of the biggest fish two weeks before the end
        d = length - 14
        count = round(alive[d] * rng.uniform(0.2, 0.35))
        kg = round(count * weight(d) * rng.uniform(1.15, 1.3) / 1000, 1)
        cycle.harvests[start + timedelta(days=d)] = (count, kg, False)
        for later in range(d, length + 1):
            alive[later] -= count
        harvest_kg += kg
    final_count = alive[length] - unaccounted
    final_kg = round(final_count * harvest_g / 1000, 1)
    cycle.harvests[cycle.end] = (final_count, final_kg, True)
    harvest_kg += final_kg
    # Feed: FCR × weight gained, shared out by the biomass of each day.
    feed_total = rng.uniform(0.9, 1.5) * (harvest_kg - stocked * mean_g / 1000)
    biomass = [alive[d] * weight(d) for d in range(length)]
    for d in range(length):
        kg = round(feed_total * biomass[d] / sum(biomass), 2)
        if kg >= 0.05:
            cycle.feed[start + timedelta(days=d)] = kg
    return cycle, int(stocked), mean_g


class Mosques:
    def __init__(self, writer: DemoWriter, city: City, calendar: Calendar, seed: int, first: date) -> None:
        self.writer = writer
        self.calendar = calendar
        self.mosques = city.mosques
        self.ponds = {m.slug: [p for p in city.ponds if p.site == m.slug] for m in city.mosques}
        self.rng = {m.slug: random.Random(f"{seed}/mosque/{m.slug}") for m in city.mosques}
        self.pond_rng = {p.slug: random.Random(f"{seed}/pond/{p.slug}") for p in city.ponds}
        self.ablutions = {m.slug: self.rng[m.slug].uniform(1.6, 2.4) for m in city.mosques}
        self.cycles: dict[str, Cycle | None] = {p.slug: None for p in city.ponds}
        # prices from a generator of their own: the ponds' cycles are the same with or without them
        self.price_rng = {p.slug: random.Random(f"{seed}/prices/{p.slug}") for p in city.ponds}
        self.feed_rp_per_kg: dict[str, int] = {}
        self.next_start = {p.slug: first + timedelta(days=self.pond_rng[p.slug].randint(0, 40)) for p in city.ponds}

    def day(self, day: date) -> None:
        for mosque in self.mosques:
            rng = self.rng[mosque.slug]
            liters = mosque.population * self.ablutions[mosque.slug] * LITERS_PER_ABLUTION  # type: ignore[operator]
            liters *= rng.uniform(0.9, 1.1) * self._attendance(day)
            ponds = self.ponds[mosque.slug]
            for n, pond in enumerate(ponds):
                share = 1 / len(ponds) if len(ponds) == 1 else (0.55 if n == 0 else 0.45)
                self._water(pond, day, round(liters * share, -1))
                self._grow(pond, day)
            if day.weekday() == 4:
                self._waste(mosque, day, rng)

    def _attendance(self, day: date) -> float:
        factor = 1.5 if day.weekday() == 4 else 1.0  # Jumat
        if day in self.calendar.ramadan:
            factor *= 1.35  # tarawih
        if self.calendar.days_from_lebaran(day) == 0:
            factor *= 2.0  # sholat Id
        return factor

    def _water(self, spec: PondPlace, day: date, liters: float) -> None:
        pond = self.writer.work.pond(spec.slug)
        stamp = self.writer.stamp(spec, day)
        entry = self.writer.new(WaterInflow.record(self.writer.new_id(), pond, liters=liters, **stamp))
        if self.pond_rng[spec.slug].random() < 0.003:  # meter misread: voided, the right reading recorded
            entry.void_with(pond, "meteran air salah baca", **stamp)
            self.writer.new(WaterInflow.record(self.writer.new_id(), pond, liters=round(liters * 0.9, -1), **stamp))

    def _grow(self, spec: PondPlace, day: date) -> None:
        rng = self.pond_rng[spec.slug]
        pond = self.writer.work.pond(spec.slug)
        stamp = self.writer.stamp(spec, day)
        cycle = self.cycles[spec.slug]
        if cycle is None:
            if day < self.next_start[spec.slug]:
                return
            cycle, fish, mean_g = plan_cycle(rng, spec, day)
            self.cycles[spec.slug] = cycle
            prices = self.price_rng[spec.slug]
            seed_rp = fish * prices.randrange(*SEED_RP_PER_FISH[spec.species], 25)
            self.feed_rp_per_kg[spec.slug] = prices.randrange(*FEED_RP_PER_KG, 250)
            self.writer.new(Stocking.record(
                self.writer.new_id(), pond, species=spec.species, fish=fish, mean_g=mean_g, cost_rp=seed_rp, **stamp,
            ))
        if day in cycle.feed:
            kg = cycle.feed[day]
            cost_rp = round(kg * self.feed_rp_per_kg[spec.slug])
            self.writer.new(Feeding.record(self.writer.new_id(), pond, kg=kg, cost_rp=cost_rp, feed_type=FEED, **stamp))
        if day in cycle.deaths:
            self.writer.new(Mortality.record(self.writer.new_id(), pond, fish=cycle.deaths[day], **stamp))
        if day in cycle.harvests:
            count, kg, final = cycle.harvests[day]
            _, _, _, _, price = FISH[spec.species]
            self.writer.new(
                Harvest.record(
                    self.writer.new_id(), pond, kg=kg, fish=count, sold_kg=round(kg * rng.uniform(0.7, 0.95), 1),
                    price_rp_per_kg=rng.randrange(price[0], price[1] + 1, 500), final=final, **stamp,
                )
            )
            if final:
                self.cycles[spec.slug] = None
                self.next_start[spec.slug] = day + timedelta(days=rng.randint(10, 25))

    def _waste(self, mosque, day: date, rng: random.Random) -> None:  # noqa: ANN001
        feast = 2.5 if day in self.calendar.ramadan else 1.0  # buka puasa bersama
        food = mosque.population * rng.uniform(0.005, 0.010) * 7 * feast
        self.writer.waste(mosque, day, "sisa-makanan", food * 0.4, "kompos")
        self.writer.waste(mosque, day, "sisa-makanan", food * 0.6, "tps")
        self.writer.waste(mosque, day, "plastik", mosque.population * rng.uniform(0.0015, 0.003) * 7 * feast, "daur-ulang")

"""A cycle's growth, as a pond keeper reads it between harvests, and a closed cycle's results.

From the latest weighed sample: mean weight (g) = 1000 × sample kg / fish weighed; biomass (kg)
= fish alive × mean weight / 1000; and the FCR so far, provisional = feed kg / (biomass +
harvested kg − stocked kg). Density is fish alive per m³ of water. A closed cycle is judged as
the indicators judge it: survival % = 100 × harvested / stocked, FCR = feed / (harvest kg −
stocked kg), yield = harvest kg / m³. Rounding: kg to 3 decimals, the rest to 2.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.cycles import WATER_FIELDS, Cycle, WaterRecord, alive, latest_sample


def _ratio(numerator: float, denominator: float) -> float | None:
    return round(numerator / denominator, 2) if denominator > 0 else None


def growth(cycle: Cycle, volume_m3: float) -> dict[str, Any]:
    """Density, the latest sample (with the biomass it gives) and the provisional FCR."""
    fish = alive(cycle)
    sample = latest_sample(cycle)
    figures: dict[str, Any] = {
        "density_per_m3": _ratio(fish, volume_m3),
        "latest_sample": None,
        "fcr_provisional": None,
    }
    if sample is None:
        return figures
    mean_g = 1000 * sample["kg"] / sample["count"]
    biomass = fish * mean_g / 1000
    figures["latest_sample"] = {
        "on": sample["on"],
        "count": sample["count"],
        "kg": round(sample["kg"], 3),
        "mean_g": round(mean_g, 2),
        "biomass_kg": round(biomass, 3),
    }
    gain = biomass + cycle["harvest_kg"] - cycle["stocked_kg"]
    figures["fcr_provisional"] = _ratio(cycle["fed_kg"], gain)
    return figures


def closed_cycle_results(cycle: Cycle, volume_m3: float) -> dict[str, Any]:
    closed_on = cycle.get("closed_on")
    started = date.fromisoformat(cycle["started_on"])
    return {
        "species": cycle["species"],
        "started_on": cycle["started_on"],
        "closed_on": closed_on,
        "days": None if not closed_on else (date.fromisoformat(closed_on) - started).days,
        "stocked": cycle["stocked"],
        "harvested": cycle["harvested"],
        "harvest_kg": round(cycle["harvest_kg"], 3),
        "dead": cycle["dead"],
        "written_off": cycle["written_off"],
        "fed_kg": round(cycle["fed_kg"], 3),
        "survival_pct": _ratio(100 * cycle["harvested"], cycle["stocked"]),
        "fcr": _ratio(cycle["fed_kg"], cycle["harvest_kg"] - cycle["stocked_kg"]),
        "yield_kg_per_m3": _ratio(cycle["harvest_kg"], volume_m3),
    }


def latest_water(tests: list[WaterRecord]) -> dict[str, dict[str, Any]]:
    """Each reading's latest value and its date (of one date, the last recorded), by stored
    field (``do_mg_l``, ``ph``, ``temp_c``, ``ammonia_mg_l``); readings never taken are left out."""
    latest: dict[str, dict[str, Any]] = {}
    for test in tests:
        for name in WATER_FIELDS:
            value = test[name]  # type: ignore[literal-required]
            if value is not None and (name not in latest or test["on"] >= latest[name]["on"]):
                latest[name] = {"value": value, "on": test["on"]}
    return {name: latest[name] for name in WATER_FIELDS if name in latest}

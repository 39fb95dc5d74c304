"""What a pond keeper is warned about (never refused): a cycle run longer than its species' usual
grow-out, feed used poorly at the final harvest, and water outside the species' norms.

The figures are the domain notes' (lele 2.5–3 months, nila about 6; FCR above 1.5; water norms
per species); warnings are data (``{"warning": code, …}``), worded by the application. A reading
outside its *physical* range (``READING_RANGES``) is no warning but a refusal: no pond has it
(``reading``, which the command line applies as the value is typed, without loading the pond's
entries and their event classes).
"""

from __future__ import annotations

import math
from typing import Any

from domain.errors import InvalidValue

CYCLE_WARN_DAYS: dict[str, int] = {"lele": 120, "nila": 180}
"""Days after which a cycle of that species is warned of; ``other`` species are never."""

FCR_WARN = 1.5
"""A final harvest whose cycle used more feed than this per kg gained is warned of."""

READINGS = ("do", "ph", "temp_c", "ammonia")
"""The water readings, in the order they are shown: dissolved oxygen (mg/L), pH, temperature
(°C) and total ammonia nitrogen (mg/L, what test kits read)."""

READING_RANGES: dict[str, tuple[float, float]] = {
    "do": (0.0, 30.0),
    "ph": (0.0, 14.0),
    "temp_c": (-5.0, 50.0),
    "ammonia": (0.0, 50.0),
}
"""What a reading can physically be (inclusive); anything else is a typing slip."""

UNITS = {"do": "mg_l", "ph": "ph", "temp_c": "celsius", "ammonia": "mg_l"}


def reading(name: str, value: object) -> float | None:
    """One water reading (``do``, ``ph``, ``temp_c`` or ``ammonia``), None when not given,
    refused when it is no finite number or outside what water can be."""
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, bool) or not math.isfinite(number):
        raise InvalidValue(name, value, "not_a_number")
    low, high = READING_RANGES[name]
    if not low <= number <= high:
        raise InvalidValue(name, value, "reading_out_of_range", low=_plain(low), high=_plain(high), unit=UNITS[name])
    return number


def _plain(bound: float) -> int | float:
    return int(bound) if bound.is_integer() else bound


WATER_NORMS: dict[str, dict[str, tuple[float | None, float | None]]] = {
    "lele": {"do": (3.0, None), "ph": (6.5, 8.0), "temp_c": (27.0, 30.0), "ammonia": (None, 1.0)},
    "nila": {"do": (3.0, None), "ph": (6.5, 8.5), "temp_c": (25.0, 32.0)},
}
"""(lowest, highest) a species thrives in; None: no bound. ``other`` species have no norms;
the notes give nila no ammonia norm."""


def cycle_warnings(species: str, days: int) -> list[dict[str, Any]]:
    """A cycle ``days`` old on the record's date, past its species' usual length."""
    limit = CYCLE_WARN_DAYS.get(species)
    if limit is not None and days > limit:
        return [{"warning": "cycle_days", "value": days, "limit": limit}]
    return []


def fcr_warnings(fed_kg: float, harvest_kg: float, stocked_kg: float) -> list[dict[str, Any]]:
    """The FCR of a closed cycle (feed / (harvest kg − stocked kg)) above ``FCR_WARN``."""
    gain = harvest_kg - stocked_kg
    if harvest_kg > 0 and gain > 0 and fed_kg / gain > FCR_WARN:
        return [{"warning": "fcr", "value": round(fed_kg / gain, 2), "limit": FCR_WARN}]
    return []


def water_warnings(species: str | None, readings: dict[str, float | None]) -> list[dict[str, Any]]:
    """Each reading outside the species' norm: ``{"warning": "water_low"|"water_high",
    "reading": "do", "value": 0.85, "limit": 3.0, "species": "lele"}``."""
    norms = WATER_NORMS.get(species or "", {})
    warnings: list[dict[str, Any]] = []
    for name in READINGS:
        value = readings.get(name)
        low, high = norms.get(name, (None, None))
        if value is None:
            continue
        if low is not None and value < low:
            warnings.append({"warning": "water_low", "reading": name, "value": value, "limit": low,
                             "species": species})
        elif high is not None and value > high:
            warnings.append({"warning": "water_high", "reading": name, "value": value, "limit": high,
                             "species": species})
    return warnings

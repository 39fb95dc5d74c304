"""The figures of an evidence pack and the hashes of its files: what the exporter records in the
manifest and the verifier recomputes from the replayed log (pandas only: the drawing is
``projections/rendering.py``'s)."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from projections import indicators
from projections.replay import Frames

MANIFEST = "manifest.json"


def plain(value: Any) -> Any:
    """A value as JSON holds it: Python numbers (no NumPy scalars), None for NaN."""
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [plain(row) for row in frame.to_dict(orient="records")]


def indicator_values(
    frames: Frames, start: date, end: date, site: str | None, targets: dict | None, position: int
) -> dict[str, Any]:
    """Every figure of the pack, as JSON-plain data: the spec's ``--by total`` JSON (with
    ``as_of_position``), the month, site and category tables and the programmes by month."""
    total = indicators.summary(frames, start, end, site, targets, basis="auto")
    total = {"period": total["period"], "site": total["site"], "as_of_position": position, **total}
    return {
        "total": plain(total),
        "by_month": records(indicators.breakdown(frames, "month", start, end, site, basis="auto")),
        "by_site": records(indicators.breakdown(frames, "site", start, end, site)),
        "by_category": records(indicators.breakdown(frames, "category", start, end, site)),
        "sambo_by_month": records(indicators.sambo_monthly(frames, start, end, site)),
        "maduleni_by_month": records(indicators.maduleni_monthly(frames, start, end, site)),
    }


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts as one level of dotted keys, in order."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()

"""The ``--by total`` report as a table: one row per figure, with its dotted key
(``waste.timbulan_kg``, ``sambo.items_issued.pensil`` …), its label in a language and its value.

One renderer for ``envtrack indicators`` (table, CSV, XLSX) and the evidence pack's
``indikator-total`` files.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from projections.packvalues import flatten

TOTAL_COLUMNS = ["key", "indicator", "value"]


def indicator_label(key: str, labels: Mapping[str, str]) -> str:
    """The label of a dotted total key (``ind.*`` labels; a part such as a jenis or an item fills
    the label's ``{jenis}`` or ``{item}``); the key itself when it has none."""
    parts = key.split(".")
    if len(parts) == 3 and parts[1] != "target" and parts[0] != "period":
        section, name, part = parts
        template = labels.get(f"ind.{section}.{name}", key)
        return template.format(jenis=part, item=part)
    special = {"period.from": "ind.period_from", "period.to": "ind.period_to"}
    return labels.get(special.get(key, f"ind.{key}"), key)


def total_rows(total: Mapping[str, Any], labels: Mapping[str, str]) -> list[dict[str, Any]]:
    """The total (``period``, ``site``, ``as_of_position``, then the figures) as rows of
    ``key``, ``indicator`` and ``value``, in the order of the report."""
    return [
        {"key": key, "indicator": indicator_label(key, labels), "value": value}
        for key, value in flatten(total).items()
    ]

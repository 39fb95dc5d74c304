"""The Adipura evidence pack: indicator values, charts, tables, ``laporan.pdf`` and
``manifest.json``, all for one period and scope at one log position.

Every figure in the pack comes from ``indicator_values`` at ``as_of_position``: the charts and the
PDF tables are drawn from the very values the manifest records, and ``projections.verification``
recomputes them from a replay of the log up to that position. The file names are fixed (whatever
the language), so that a pack exported again into the same directory replaces the previous one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from projections import charts
from projections.chain import chain_head
from projections.packtables import pdf_sections, write_csv, write_xlsx
from projections.packvalues import MANIFEST, indicator_values, sha256_file
from projections.pdfreport import Meta, write_pdf
from projections.replay import Frames

PACK_FORMAT = 1
REPORT = "laporan.pdf"
CHAIN_ALGORITHM = "sha256-chain-v1"
CHAIN_DEFINITION = (
    "h_0 = 32 zero bytes; h_i = SHA-256(h_(i-1) || record_i); record_i = UTF-8 of "
    "'{position}\\n{originator_id as 32 lowercase hex}\\n{originator_version}\\n{topic}\\n' "
    "followed by the stored state bytes; over the stored events with position <= as_of_position "
    "in log order; head = hex of h_n"
)
# file stem -> (the indicator table it draws, the chart function)
CHARTS: dict[str, tuple[str, Callable[..., Any]]] = {
    "grafik-1-target-bulanan": ("by_month", charts.plot_targets),
    "grafik-2-komposisi-jenis": ("by_category", charts.plot_composition),
    "grafik-3-per-lokasi": ("by_site", charts.plot_sites),
    "grafik-4-sambo-bulanan": ("sambo_by_month", charts.plot_sambo),
    "grafik-5-maduleni-bulanan": ("maduleni_by_month", charts.plot_maduleni),
}
# file stem -> indicator table
TABLES = {
    "indikator-total": "total",
    "indikator-bulan": "by_month",
    "indikator-lokasi": "by_site",
    "indikator-jenis": "by_category",
    "sambo-bulan": "sambo_by_month",
    "maduleni-bulan": "maduleni_by_month",
}
PNG_DPI = 150


# -- the values ----------------------------------------------------------------------------------


def scope_label(frames: Frames, site: str | None, labels: Mapping[str, str]) -> str:
    if site is None:
        return labels.get("all_sites", "All sites")
    found = frames.sites[frames.sites["site"] == site]
    name = str(found["name"].iloc[0]) if len(found) else ""
    return f"{name} ({site})" if name and name != site else site


# -- the pack ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PackRequest:
    year: int
    start: date
    end: date
    site: str | None
    lang: str
    out: Path


def export_pack(
    store: Any,
    frames: Frames,
    request: PackRequest,
    labels: Mapping[str, str],
    *,
    version: str,
    targets: dict | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Writes every file of the pack into ``request.out`` (which exists) and returns the
    manifest, written last."""
    out = request.out
    position = frames.position
    head = chain_head(store, position)
    values = indicator_values(frames, request.start, request.end, request.site, targets, position)
    scope = scope_label(frames, request.site, labels)
    generated = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    source = charts.source_line(
        labels, scope=scope, start=request.start.isoformat(), end=request.end.isoformat(), position=position
    )
    written: list[str] = []

    figures = []
    for stem, (table, plot) in CHARTS.items():
        frame = pd.DataFrame(values[table])
        if plot is charts.plot_targets:
            figure = plot(frame, labels, targets=values["total"]["waste"]["target"], source=source)
        else:
            figure = plot(frame, labels, source=source)
        figure.savefig(out / f"{stem}.png", dpi=PNG_DPI, metadata={"Software": f"envtrack {version}"})
        figure.savefig(out / f"{stem}.svg", metadata={"Date": None, "Creator": f"envtrack {version}"})
        written += [f"{stem}.png", f"{stem}.svg"]
        figures.append(figure)

    for stem, table in TABLES.items():
        write_csv(out / f"{stem}.csv", values[table], labels)
        write_xlsx(out / f"{stem}.xlsx", values[table], labels, sheet=stem)
        written += [f"{stem}.csv", f"{stem}.xlsx"]

    meta = Meta(
        scope=scope,
        start=request.start.isoformat(),
        end=request.end.isoformat(),
        position=position,
        chain_head=head.head,
        version=version,
        generated=generated.isoformat().replace("+00:00", "Z"),
        lang=request.lang,
    )
    write_pdf(out / REPORT, labels=labels, meta=meta, sections=pdf_sections(values, labels), charts=figures)
    written.append(REPORT)

    manifest = {
        "envtrack_evidence_pack": PACK_FORMAT,
        "scope": {"site": request.site, "label": scope},
        "period": {"year": request.year, "from": meta.start, "to": meta.end},
        "lang": request.lang,
        "generated_at": meta.generated,
        "envtrack_version": version,
        "as_of_position": position,
        "log_chain": {
            "algorithm": CHAIN_ALGORITHM,
            "definition": CHAIN_DEFINITION,
            "position": position,
            "events": head.events,
            "head": head.head,
        },
        "targets": values["total"]["waste"]["target"],
        "indicators": values["total"],
        "tables": {name: rows for name, rows in values.items() if name != "total"},
        "files": {name: sha256_file(out / name) for name in sorted(written)},
    }
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest


def pack_files() -> list[str]:
    """Every file an export writes, the manifest last."""
    names = [f"{stem}.{ext}" for stem in CHARTS for ext in ("png", "svg")]
    names += [f"{stem}.{ext}" for stem in TABLES for ext in ("csv", "xlsx")]
    return [*names, REPORT, MANIFEST]

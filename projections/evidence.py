"""The Adipura evidence pack: indicator values, charts, tables, ``laporan.pdf`` and
``manifest.json``, all for one period and scope at one log position.

Every figure in the pack comes from ``indicator_values`` at ``as_of_position``: the charts and the
PDF tables are drawn from the very values the manifest records. The pack is made by ``derive``
(its contents, from frames at a log position and the export's parameters) and ``write_files``
(its files, byte for byte the same for the same contents and renderer, see
``projections.rendering``), so that ``projections.verification`` makes the same pack again from
a replay of the log and compares. The file names are fixed whatever the language and scope.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from projections import charts, rendering
from projections.chain import ChainHead, chain_head
from projections.packtables import pdf_sections, write_csv, write_xlsx
from projections.packvalues import MANIFEST, indicator_values, sha256_file
from projections.pdfreport import Meta, write_pdf
from projections.replay import Frames

PACK_FORMAT = 2
REPORT = "laporan.pdf"
SIGNATURE = "manifest.sig"
GENERATED_FORMAT = "%Y-%m-%dT%H:%M:%SZ"  # generated_at, always UTC, to the second
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


def compared_by() -> dict[str, str]:
    """How verify compares each file of a pack with the one it makes again: ``bytes`` (charts,
    the report and the CSV tables are byte-stable) or ``cells`` (an XLSX workbook carries the
    time it was written, so its sheets and cell values are compared)."""
    kinds = {f"{stem}.{ext}": "bytes" for stem in CHARTS for ext in ("png", "svg")}
    kinds.update({f"{stem}.csv": "bytes" for stem in TABLES})
    kinds.update({f"{stem}.xlsx": "cells" for stem in TABLES})
    kinds[REPORT] = "bytes"
    return dict(sorted(kinds.items()))


def pack_files(*, signed: bool = False) -> list[str]:
    """Every file an export writes (the same for every scope), the manifest last."""
    return [*compared_by(), MANIFEST, *([SIGNATURE] if signed else [])]


# -- the contents --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PackRequest:
    """What a pack is of: the export's parameters."""

    year: int
    site: str | None
    lang: str

    @property
    def start(self) -> date:
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, 12, 31)


@dataclass(frozen=True)
class Pack:
    """Everything the files and the manifest of a pack are made from."""

    request: PackRequest
    chain: ChainHead
    values: dict[str, Any]
    scope: str
    generated: str
    version: str

    @property
    def position(self) -> int:
        return self.chain.position


def scope_label(frames: Frames, site: str | None, labels: Mapping[str, str]) -> str:
    if site is None:
        return labels["all_sites"]
    found = frames.sites[frames.sites["site"] == site]
    name = str(found["name"].iloc[0]) if len(found) else ""
    return f"{name} ({site})" if name and name != site else site


def derive(
    frames: Frames, chain: ChainHead, request: PackRequest, labels: Mapping[str, str], *, generated: str, version: str
) -> Pack:
    """The pack of ``request`` from ``frames`` (at ``chain.position``)."""
    values = indicator_values(frames, request.start, request.end, request.site, None, chain.position)
    return Pack(request, chain, values, scope_label(frames, request.site, labels), generated, version)


def generated_now(now: datetime | None = None) -> str:
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime(GENERATED_FORMAT)


# -- the files -----------------------------------------------------------------------------------


@rendering.fixed_style()
def write_files(pack: Pack, folder: Path, labels: Mapping[str, str]) -> None:
    """Every file of the pack but the manifest, into ``folder``."""
    request, values = pack.request, pack.values
    start, end = request.start.isoformat(), request.end.isoformat()
    source = charts.source_line(labels, scope=pack.scope, start=start, end=end, position=pack.position)
    figures = []
    for stem, (table, plot) in CHARTS.items():
        frame = pd.DataFrame(values[table])
        if plot is charts.plot_targets:
            figure = plot(frame, labels, targets=values["total"]["waste"]["target"], source=source)
        else:
            figure = plot(frame, labels, source=source)
        rendering.save_png(figure, folder / f"{stem}.png", version=pack.version)
        rendering.save_svg(figure, folder / f"{stem}.svg", version=pack.version)
        figures.append(figure)

    for stem, table in TABLES.items():
        write_csv(folder / f"{stem}.csv", values[table], labels)
        write_xlsx(folder / f"{stem}.xlsx", values[table], labels, sheet=stem)

    meta = Meta(
        scope=pack.scope,
        start=start,
        end=end,
        position=pack.position,
        chain_head=pack.chain.head,
        version=pack.version,
        generated=pack.generated,
        lang=request.lang,
        basis=values["total"]["waste"].get("basis"),
    )
    write_pdf(folder / REPORT, labels=labels, meta=meta, sections=pdf_sections(values, labels), charts=figures)


def manifest_fields(pack: Pack, *, signed_by: str | None) -> dict[str, Any]:
    """The manifest without its ``files``; ``signed_by`` is the signing key's id, if any."""
    request, values = pack.request, pack.values
    return {
        "envtrack_evidence_pack": PACK_FORMAT,
        "scope": {"site": request.site, "label": pack.scope},
        "period": {"year": request.year, "from": request.start.isoformat(), "to": request.end.isoformat()},
        "lang": request.lang,
        "generated_at": pack.generated,
        "envtrack_version": pack.version,
        "renderer": rendering.renderer(),
        "compared_by": compared_by(),
        "as_of_position": pack.position,
        "log_chain": {
            "algorithm": CHAIN_ALGORITHM,
            "definition": CHAIN_DEFINITION,
            "position": pack.position,
            "events": pack.chain.events,
            "head": pack.chain.head,
        },
        "targets": values["total"]["waste"]["target"],
        "indicators": values["total"],
        "tables": {name: rows for name, rows in values.items() if name != "total"},
        "signature": None if signed_by is None else {
            "algorithm": "Ed25519", "file": SIGNATURE, "public_key_sha256": signed_by,
        },
    }


def manifest_bytes(manifest: Mapping[str, Any]) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_pack(
    store: Any,
    frames: Frames,
    request: PackRequest,
    labels: Mapping[str, str],
    *,
    version: str,
    out: Path,
    key: Any = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Writes the pack into a new folder that then takes the place of ``out``
    (``projections.packfolder``) and returns its manifest. ``key``: an Ed25519 private key to
    sign the manifest with. An OSError leaves ``out`` as it was."""
    from projections import packfolder, signing

    chain = chain_head(store, frames.position)
    pack = derive(frames, chain, request, labels, generated=generated_now(now), version=version)
    signed_by = None if key is None else signing.key_id(key.public_key())
    with packfolder.replacing(out, set(pack_files(signed=True))) as folder:
        write_files(pack, folder, labels)
        manifest = manifest_fields(pack, signed_by=signed_by)
        manifest["files"] = {name: sha256_file(folder / name) for name in compared_by()}
        data = manifest_bytes(manifest)
        (folder / MANIFEST).write_bytes(data)
        if key is not None:
            (folder / SIGNATURE).write_bytes(signing.sign(key, data))
    return manifest

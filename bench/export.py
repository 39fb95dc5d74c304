"""Benchmark: export and verify the evidence pack of a demo city year.

    .venv/bin/python bench/export.py [--db URL_OR_PATH] [--years N] [--runs N]

Without ``--db`` a fresh SQLite store is filled with ``envtrack demo --seed 1`` in a temporary
folder (not timed); with ``--db`` (for instance a PostgreSQL URL with ``?schema=bench_export``)
the store is filled there unless it already holds events. Then, for the latest complete year,
``envtrack evidence export`` (all sites) and ``envtrack evidence verify`` run ``--runs`` times
each as real processes (Python start-up and imports included), and the median wall-clock time
and CPU times are printed, with those of an export of one site, then where the CPU of an export
and of a verify goes. Wall-clock time on a shared machine varies with the load; the CPU time is
the steadier figure.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ENVTRACK = [sys.executable, "-m", "envtrack"]


def run(db: str, *args: str) -> tuple[float, float]:
    """(wall-clock s, CPU s of the process) of one envtrack command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([*ENVTRACK, "--db", db, *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"envtrack {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def median_of(runs: int, db: str, *args: str) -> str:
    results = [run(db, *args) for _ in range(runs)]
    wall = statistics.median(r[0] for r in results)
    cpu = statistics.median(r[1] for r in results)
    return f"{wall:.2f} s wall, {cpu:.2f} s CPU (median of {runs})"


def phases(db: str, year: int, out: Path) -> str:
    """CPU time of each phase of an export, in this process (after the imports)."""
    started = time.process_time()
    import pandas as pd

    from envtrack.i18n import labels as label_set
    from envtrack.reports import current_frames
    from envtrack.store import resolve
    from projections import evidence, rendering
    from projections.chain import chain_head
    from projections.packtables import pdf_sections
    from projections.pdfreport import Meta, write_pdf

    marks = [("imports", time.process_time() - started)]

    def mark(name: str) -> None:
        marks.append((name, time.process_time() - started - sum(t for _, t in marks)))

    store = resolve(db)
    frames = current_frames(store)
    mark("catch-up and frames")
    head = chain_head(store, frames.position)
    mark("log chain")
    values = evidence.indicator_values(frames, date(year, 1, 1), date(year, 12, 31), None, None, frames.position)
    mark("indicator values")
    labels = label_set("id")
    figures = [plot(pd.DataFrame(values[table]), labels) for table, plot in evidence.CHARTS.values()]
    mark("charts drawn")
    out.mkdir(exist_ok=True)
    for index, figure in enumerate(figures):
        rendering.save_png(figure, out / f"{index}.png", version="bench")
    mark("PNG")
    for index, figure in enumerate(figures):
        rendering.save_svg(figure, out / f"{index}.svg", version="bench")
    mark("SVG")
    meta = Meta("-", "-", "-", frames.position, head.head, "-", "-", "id")
    write_pdf(out / "laporan.pdf", labels=labels, meta=meta, sections=pdf_sections(values, labels), charts=figures)
    mark("PDF")
    return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in marks)


def verify_phases(db: str, pack: Path) -> str:
    """CPU time of each phase of a verify, in this process (after the imports)."""
    started = time.process_time()
    import tempfile

    from envtrack import __version__
    from envtrack.i18n import labels as label_set
    from envtrack.store import resolve
    from projections import evidence, packcompare, verification
    from projections.chain import chain_head
    from projections.replay import replay_frames

    marks = [("imports", time.process_time() - started)]

    def mark(name: str) -> None:
        marks.append((name, time.process_time() - started - sum(t for _, t in marks)))

    store = resolve(db)
    labels = label_set("id")
    _data, manifest = verification.read_manifest(pack, labels, {"id": labels, "en": label_set("en")})
    result = verification.Verification(position=manifest["as_of_position"])
    usable = verification.check_files(pack, manifest, labels, result)
    mark("file hashes")
    chain = chain_head(store, result.position)
    mark("log chain")
    frames = replay_frames(store, result.position)
    mark("replay")
    request = evidence.PackRequest(manifest["period"]["year"], manifest["scope"]["site"], manifest["lang"])
    made = evidence.derive(frames, chain, request, label_set(request.lang), generated=manifest["generated_at"],
                           version=manifest["envtrack_version"])
    verification.check_indicators(manifest, made.values, labels, result, result.position)
    mark("indicator values")
    with tempfile.TemporaryDirectory() as folder:
        evidence.write_files(made, Path(folder), label_set(request.lang))
        mark("files made again")
        packcompare.compare_files(pack, Path(folder), usable, manifest, labels, result, version=__version__)
        mark("compared")
    assert result.ok, result.differences
    return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in marks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=None, help="store to use (default: a new SQLite file)")
    parser.add_argument("--years", type=int, default=1, help="years of demo data (default 1)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (default 3)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="envtrack-bench-export-") as folder:
        db = options.db or str(Path(folder) / "demo.db")
        from envtrack.store import resolve

        store = resolve(db)
        if not store.exists() or store.head_position() == 0:
            print(f"filling {store.display} with envtrack demo --seed 1 --years {options.years} …", file=sys.stderr)
            seconds, _cpu = run(db, "demo", "--seed", "1", "--years", str(options.years))
            print(f"  demo: {seconds:.1f} s", file=sys.stderr)
        events = store.head_position()
        year = str(date.today().year - 1)
        out = Path(folder) / "pack"
        export = median_of(options.runs, db, "evidence", "export", "--year", year, "--out", str(out))
        verify = median_of(options.runs, db, "evidence", "verify", str(out))
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        sites = [row["site"] for row in manifest["tables"]["by_site"]]
        busiest = max(manifest["tables"]["by_site"], key=lambda row: row["timbulan_kg"] or 0)["site"]
        one_site = median_of(
            options.runs, db, "evidence", "export", "--year", year, "--site", busiest, "--out", str(Path(folder) / "site")
        )
        size = sum(path.stat().st_size for path in out.iterdir())
        print(f"store: {store.display} ({store.backend}), {events} events, {len(sites)} sites, year {year}")
        print(f"export, all sites: {export}; pack {size / 1e6:.1f} MB, {len(manifest['files']) + 1} files")
        print(f"export, one site ({busiest}): {one_site}")
        print(f"verify: {verify}")
        print(f"export phases (CPU, one process): {phases(db, int(year), Path(folder) / 'phases')}")
        print(f"verify phases (CPU, one process): {verify_phases(db, out)}")


if __name__ == "__main__":
    main()

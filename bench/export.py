"""Benchmark: export and verify the evidence pack of a demo city year.

    .venv/bin/python bench/export.py [--db URL_OR_PATH] [--years N] [--runs N]

Without ``--db`` a fresh SQLite store is filled with ``envtrack demo --seed 1`` in a temporary
folder (not timed); with ``--db`` (for instance a PostgreSQL URL with ``?schema=bench_export``)
the store is filled there unless it already holds events. Then, for the latest complete year,
``envtrack evidence export`` (all sites) and ``envtrack evidence verify`` run ``--runs`` times
each as real processes (Python start-up and imports included), and the median wall-clock time
is printed, with the time of an export of one site.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ENVTRACK = [sys.executable, "-m", "envtrack"]


def run(db: str, *args: str) -> float:
    started = time.perf_counter()
    done = subprocess.run([*ENVTRACK, "--db", db, *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"envtrack {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed


def median_of(runs: int, db: str, *args: str) -> float:
    return statistics.median(run(db, *args) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=None, help="store to use (default: a new SQLite file)")
    parser.add_argument("--years", type=int, default=1, help="years of demo data (default 1)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (default 3)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="envtrack-bench-export-") as folder:
        db = options.db or str(Path(folder) / "demo.db")
        from envtrack.store import head_position, resolve

        store = resolve(db)
        if not store.exists() or head_position(store) == 0:
            print(f"filling {store.display} with envtrack demo --seed 1 --years {options.years} …", file=sys.stderr)
            seconds = run(db, "demo", "--seed", "1", "--years", str(options.years))
            print(f"  demo: {seconds:.1f} s", file=sys.stderr)
        events = head_position(store)
        year = str(date.today().year - 1)
        out = Path(folder) / "pack"
        export = median_of(options.runs, db, "evidence", "export", "--year", year, "--out", str(out))
        verify = median_of(options.runs, db, "evidence", "verify", str(out))
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        sites = [row["site"] for row in manifest["indicators"]["by_site"]]
        busiest = max(manifest["indicators"]["by_site"], key=lambda row: row["timbulan_kg"] or 0)["site"]
        one_site = median_of(
            options.runs, db, "evidence", "export", "--year", year, "--site", busiest, "--out", str(Path(folder) / "site")
        )
        size = sum(path.stat().st_size for path in out.iterdir())
        print(f"store: {store.display} ({store.backend}), {events} events, {len(sites)} sites, year {year}")
        print(f"export, all sites: {export:.2f} s (median of {options.runs}); pack {size / 1e6:.1f} MB, {len(manifest['files']) + 1} files")
        print(f"export, one site ({busiest}): {one_site:.2f} s")
        print(f"verify: {verify:.2f} s")


if __name__ == "__main__":
    main()

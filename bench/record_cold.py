"""One recording command in a cold process: ``envtrack --db X waste record …`` against a bare
``python -c "import click, eventsourcing"`` on the same machine, in the same run, interleaved so
that both see the same load. Each command writes one entry; the figures are wall times of the
whole process (start-up, store open, one save, exit).

    .venv/bin/python bench/record_cold.py [--runs 15] [--db postgresql://…]

Without ``--db`` the store is a fresh SQLite file in a temporary directory.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

from timing import CPU, wall  # bench/timing.py (scripts run from bench/)

BIN = os.path.dirname(sys.executable)
ENVTRACK = os.path.join(BIN, "envtrack")
SITE = "bank-sampah-mawar"


def envtrack(db: str, *args: str) -> str:
    done = subprocess.run(
        [ENVTRACK, "--db", db, "--operator", "bench", *args],
        check=True, capture_output=True, text=True,
    )
    return done.stdout

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", default=None, help="a store URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        db = args.db or os.path.join(workdir, "envtrack.db")
        envtrack(db, "init")
        try:
            envtrack(db, "site", "add", SITE, "--kind", "waste-bank", "--name", "Bank Sampah Mawar")
        except subprocess.CalledProcessError as error:
            if "already exists" not in error.stderr:
                raise
        record = [ENVTRACK, "--db", db, "--operator", "bench", "waste", "record", SITE,
                  "--category", "plastik", "--kg", "2.5", "--destination", "daur-ulang"]
        bare = [sys.executable, "-c", "import click, eventsourcing"]
        wall(record), wall(bare)  # warm the page cache once
        times: dict[str, list[float]] = {"record": [], "bare": []}
        cpu: dict[str, list[float]] = {"record": [], "bare": []}
        for run in range(args.runs):
            for name, command in (("bare", bare), ("record", record)):
                times[name].append(wall(command))
                cpu[name].append(CPU[-1])
            print(f"  run {run + 1}: bare {times['bare'][-1] * 1000:.0f} ms, "
                  f"waste record {times['record'][-1] * 1000:.0f} ms", file=sys.stderr)
    wall_ms = {name: statistics.median(values) * 1000 for name, values in times.items()}
    cpu_ms = {name: statistics.median(values) * 1000 for name, values in cpu.items()}
    backend = "PostgreSQL" if args.db and args.db.startswith("postgres") else "SQLite"
    print("| process | wall (median) | CPU (median) | against the anchor |")
    print("|---|---|---|---|")
    print(f"| `python -c \"import click, eventsourcing\"` | {wall_ms['bare']:.0f} ms | {cpu_ms['bare']:.0f} ms | anchor |")
    print(f"| `envtrack waste record …` ({backend}, cold process) | {wall_ms['record']:.0f} ms | "
          f"{cpu_ms['record']:.0f} ms | {wall_ms['record'] / wall_ms['bare']:.1f}× wall, "
          f"+{wall_ms['record'] - wall_ms['bare']:.0f} ms |")
    print(f"median of {args.runs} runs each, interleaved", file=sys.stderr)


if __name__ == "__main__":
    main()

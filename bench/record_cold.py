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
import time

BIN = os.path.dirname(sys.executable)
ENVTRACK = os.path.join(BIN, "envtrack")
SITE = "bank-sampah-mawar"


def envtrack(db: str, *args: str) -> str:
    done = subprocess.run(
        [ENVTRACK, "--db", db, "--operator", "bench", *args],
        check=True, capture_output=True, text=True,
    )
    return done.stdout


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


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
        for run in range(args.runs):
            times["bare"].append(wall(bare))
            times["record"].append(wall(record))
            print(f"  run {run + 1}: bare {times['bare'][-1] * 1000:.0f} ms, "
                  f"waste record {times['record'][-1] * 1000:.0f} ms", file=sys.stderr)
    bare_ms = statistics.median(times["bare"]) * 1000
    record_ms = statistics.median(times["record"]) * 1000
    backend = "PostgreSQL" if args.db and args.db.startswith("postgres") else "SQLite"
    print(f"| `python -c \"import click, eventsourcing\"` | {bare_ms:.0f} ms | anchor |")
    print(f"| `envtrack waste record …` ({backend}, cold process) | {record_ms:.0f} ms | "
          f"{record_ms / bare_ms:.1f}× the anchor, +{record_ms - bare_ms:.0f} ms |")
    print(f"median of {args.runs} runs each, interleaved", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Recording into a school whose SupplyLedger already holds 10,000 exchanges, against a fresh
school in the same store: cold-process ``envtrack exchange record`` into each, interleaved.

The history is built through the application (the same domain code as the command line), many
exchanges per atomic save through one ``UnitOfWork``, so that building it takes seconds. Each
exchange issues one item, so every one of them is an event of the school's SupplyLedger. The
script also times loading that ledger in-process with its snapshots and by a full replay, which
is what snapshots save.

    .venv/bin/python bench/record_history.py [--exchanges 10000] [--runs 9] [--db postgresql://…]

Without ``--db`` the store is a fresh SQLite file in a temporary directory; with a PostgreSQL
URL, use a fresh database or ``?schema=`` (the script adds two schools).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from uuid import uuid4

from domain.sambo import SupplyLedger
from envtrack.application import EnvTrack
from envtrack.unit_of_work import UnitOfWork
from envtrack.store import resolve

from timing import CPU, wall  # bench/timing.py (scripts run from bench/)

BIN = os.path.dirname(sys.executable)
ENVTRACK = os.path.join(BIN, "envtrack")
BUSY, FRESH = "smpn-ramai", "smpn-baru"
BATCH = 500


def build(db: str, exchanges: int, runs: int) -> None:
    app = EnvTrack(resolve(db), operator="bench")
    try:
        for school in (BUSY, FRESH):
            app.add_site(school, kind="school", name=school.upper())
            app.set_rate(school, "pensil", bottles=20)
        app.receive_supplies(BUSY, "pensil", qty=exchanges + 2 * runs + 10)
        app.receive_supplies(FRESH, "pensil", qty=2 * runs + 10)
        stamp = {"operator": "bench", "on": date(2025, 6, 2)}
        started = time.perf_counter()
        done = 0
        while done < exchanges:
            work = UnitOfWork(app)
            for _ in range(min(BATCH, exchanges - done)):
                work.add(EnvTrack.exchange_in(work, BUSY, uuid4(), 20, None, {"pensil": 1}, None, None, stamp))
                done += 1
            work.commit()
        print(f"built {exchanges:,} exchanges in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    finally:
        app.close()


def load_times(db: str, repeats: int = 5) -> tuple[float, float, int]:
    """Median ms to load the busy ledger with snapshots, and by replaying every event."""
    app = EnvTrack(resolve(db), operator="bench")
    try:
        ledger_id = SupplyLedger.id_for(BUSY)
        with_snapshots, full_replay = [], []
        for _ in range(repeats):
            started = time.perf_counter()
            ledger = app.repository.get(ledger_id)
            with_snapshots.append(time.perf_counter() - started)
            snapshots, app.repository.snapshot_store = app.repository.snapshot_store, None
            started = time.perf_counter()
            replayed = app.repository.get(ledger_id)
            full_replay.append(time.perf_counter() - started)
            app.repository.snapshot_store = snapshots
            assert replayed.stock == ledger.stock
        return statistics.median(with_snapshots) * 1000, statistics.median(full_replay) * 1000, ledger.version
    finally:
        app.close()

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exchanges", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--db", default=None, help="a store URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        db = args.db or os.path.join(workdir, "envtrack.db")
        build(db, args.exchanges, args.runs)
        snapshot_ms, replay_ms, version = load_times(db)

        def record(school: str) -> list[str]:
            return [ENVTRACK, "--db", db, "--operator", "bench", "exchange", "record", school,
                    "--bottles", "20", "--item", "pensil"]

        wall(record(FRESH)), wall(record(BUSY))  # warm the page cache once
        times: dict[str, list[float]] = {BUSY: [], FRESH: []}
        cpu: dict[str, list[float]] = {BUSY: [], FRESH: []}
        for run in range(args.runs):
            for school in (FRESH, BUSY):
                times[school].append(wall(record(school)))
                cpu[school].append(CPU[-1])
            print(f"  run {run + 1}: fresh {times[FRESH][-1] * 1000:.0f} ms, "
                  f"{args.exchanges:,} exchanges {times[BUSY][-1] * 1000:.0f} ms", file=sys.stderr)
    wall_ms = {school: statistics.median(values) * 1000 for school, values in times.items()}
    cpu_ms = {school: statistics.median(values) * 1000 for school, values in cpu.items()}
    backend = "PostgreSQL" if args.db and args.db.startswith("postgres") else "SQLite"
    print("| measure | wall (median) | CPU (median) | against the anchor |")
    print("|---|---|---|---|")
    print(f"| `envtrack exchange record` into a fresh school ({backend}, cold process) | "
          f"{wall_ms[FRESH]:.0f} ms | {cpu_ms[FRESH]:.0f} ms | anchor |")
    print(f"| … into a school with {args.exchanges:,} exchanges | {wall_ms[BUSY]:.0f} ms | "
          f"{cpu_ms[BUSY]:.0f} ms | {wall_ms[BUSY] / wall_ms[FRESH]:.2f}× wall, "
          f"{cpu_ms[BUSY] / cpu_ms[FRESH]:.2f}× CPU |")
    print(f"| load its SupplyLedger ({version:,} events) in-process, from the latest snapshot | "
          f"{snapshot_ms:.1f} ms | | |")
    print(f"| … by replaying every event (no snapshot) | {replay_ms:.1f} ms | | {replay_ms / snapshot_ms:.0f}× |")
    print(f"median of {args.runs} runs each, interleaved", file=sys.stderr)


if __name__ == "__main__":
    main()

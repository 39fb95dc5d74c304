"""Throughput of several operators recording at once into one store, on SQLite and PostgreSQL.

    .venv/bin/python bench/concurrency.py [--processes 1 2 4 8] [--records 300] [--runs 3]
        [--pg postgresql://postgres@127.0.0.1:5432/test] [--cli 20]
        [--backends sqlite postgres] [--scenarios waste exchange-own exchange]

For each backend and each number N of processes, on a fresh store, N spawned processes (each its
own ``EnvTrack``, as N operators' machines would have) are released together and each records
``--records`` commands through the application:

- ``waste, own sites``: ``waste record`` at a site of its own (the processes share only the
  store: SQLite's write lock, PostgreSQL's insert lock on the events table);
- ``exchange, own schools``: ``exchange record`` of 12 bottles for a pencil at a school of its
  own (each command changes its school's supply ledger, in that ledger's turn);
- ``exchange, one school``: the same, all at one school, so every command changes the same
  supply ledger: operators take turns, and lost races are retried.

Reported: records/s over the wall time from release to the last process done (median of
``--runs``); the saves refused (a race lost to optimistic concurrency or a lock) and the
commands loaded and run again (after a refused save, or after waiting for a record's turn while
another operator changed it), summed over the processes. No command may fail. With ``--cli K``, also N operators each
running K ``envtrack waste record`` processes one after another (what a real operator does: a
cold process per record). Every run checks that all records are in the log.
Results go to stdout as a Markdown table; copy them into bench/README.md.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

DAY = date(2025, 6, 30)
SCENARIOS = {
    "waste": "waste, own sites",
    "exchange-own": "exchange, own schools",
    "exchange": "exchange, one school",
}
ENVTRACK = os.path.join(os.path.dirname(sys.executable), "envtrack")


def _counting_app(db: str, operator: str) -> Any:
    from eventsourcing.persistence import IntegrityError, OperationalError

    from envtrack.application import EnvTrack
    from envtrack.store import resolve

    class Counting(EnvTrack):
        name = EnvTrack.name  # the same tables
        conflicts = 0  # saves refused (a lost race)
        reruns = 0  # commands loaded and run again (after a lost race, or a wait for a turn)

        def save(self, *objs: Any, **kwargs: Any) -> Any:
            try:
                return super().save(*objs, **kwargs)
            except (IntegrityError, OperationalError):
                self.conflicts += 1
                raise

        def run(self, command: Any, **kwargs: Any) -> Any:
            calls = 0

            def counted(work: Any) -> Any:
                nonlocal calls
                calls += 1
                return command(work)

            try:
                return super().run(counted, **kwargs)
            finally:
                self.reruns += max(calls - 1, 0)

    return Counting(resolve(db), operator=operator, today=lambda: DAY)


def operator_job(db: str, scenario: str, index: int, records: int, barrier: Any, results: Any) -> None:
    app = _counting_app(db, f"op{index}")
    try:
        barrier.wait(timeout=120)
        started = time.monotonic()
        for i in range(records):
            if scenario == "waste":
                app.record_waste(f"bank-{index}", category="plastik", kg=1.25, destination="daur-ulang")
            else:
                school = "smpn-6" if scenario == "exchange" else f"sd-{index}"
                app.record_exchange(school, bottles=12, items={"pensil": 1}, pupil=f"p{index}-{i}")
        results.put((index, started, time.monotonic(), (app.conflicts, app.reruns), None))
    except BaseException as error:  # reported by the parent
        results.put((index, 0.0, 0.0, (0, 0), repr(error)))
    finally:
        app.close()


def prepare(db: str, scenario: str, processes: int, records: int) -> None:
    app = _counting_app(db, "admin")
    try:
        if scenario == "waste":
            for index in range(processes):
                app.add_site(f"bank-{index}", kind="waste-bank", name=f"Bank Sampah {index}")
        elif scenario == "exchange":
            app.add_site("smpn-6", kind="school", name="SMP Negeri 6")
            app.set_rate("smpn-6", "pensil", bottles=10)
            app.receive_supplies("smpn-6", "pensil", qty=processes * records)
        else:
            for index in range(processes):
                app.add_site(f"sd-{index}", kind="school", name=f"SD Negeri {index}")
                app.set_rate(f"sd-{index}", "pensil", bottles=10)
                app.receive_supplies(f"sd-{index}", "pensil", qty=records)
    finally:
        app.close()


def run_once(db: str, scenario: str, processes: int, records: int) -> tuple[float, tuple[int, int]]:
    """(records per second, (saves refused, commands rerun)) for one run on a fresh store."""
    prepare(db, scenario, processes, records)
    before = _count(db)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(processes)
    results = context.Queue()
    workers = [
        context.Process(target=operator_job, args=(db, scenario, index, records, barrier, results))
        for index in range(processes)
    ]
    for worker in workers:
        worker.start()
    reports = [results.get(timeout=600) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    failed = [report[4] for report in reports if report[4]]
    if failed:
        raise SystemExit(f"an operator process failed: {failed}")
    wall = max(report[2] for report in reports) - min(report[1] for report in reports)
    recorded = _count(db) - before
    expected = processes * records * (1 if scenario == "waste" else 2)  # an exchange also issues stock
    if recorded != expected:
        raise SystemExit(f"{recorded} events recorded, {expected} expected")
    refused = sum(report[3][0] for report in reports)
    rerun = sum(report[3][1] for report in reports)
    return processes * records / wall, (refused, rerun)


def run_cli(db: str, processes: int, records: int) -> float:
    """N operators, each running ``records`` cold ``envtrack waste record`` processes in turn."""
    prepare(db, "waste", processes, records)
    before = _count(db)
    started = time.monotonic()
    script = (
        f'for i in $(seq {records}); do "{ENVTRACK}" --db "$DB" --operator "op$N" waste record "bank-$N" '
        "--category plastik --kg 1.25 --destination daur-ulang --date 2025-06-30 >/dev/null || exit 1; done"
    )
    shells = [
        subprocess.Popen(["sh", "-c", script], env={**os.environ, "DB": db, "N": str(index)})
        for index in range(processes)
    ]
    if any(shell.wait(timeout=1200) != 0 for shell in shells):
        raise SystemExit("an envtrack process failed")
    wall = time.monotonic() - started
    if _count(db) - before != processes * records:
        raise SystemExit("records missing from the log")
    return processes * records / wall


def _count(db: str) -> int:
    """Events in the log (not the head position: PostgreSQL's sequence skips the numbers of
    inserts that lost a race)."""
    from envtrack.store import resolve

    store = resolve(db)
    if not store.exists():
        return 0
    if store.backend == "sqlite":
        import sqlite3

        with sqlite3.connect(store.sqlite_path or "") as conn:
            return conn.execute(f"SELECT COUNT(*) FROM {store.events_table}").fetchone()[0]
    import psycopg

    with psycopg.connect(**store.psycopg_conninfo()) as conn:  # type: ignore[arg-type]
        return conn.execute(f"SELECT COUNT(*) FROM {store.events_table}").fetchone()[0]  # type: ignore[index]


class Stores:
    """Fresh stores: SQLite files in a temporary directory, PostgreSQL schemas dropped after."""

    def __init__(self, pg_url: str | None) -> None:
        self.dir = tempfile.TemporaryDirectory(prefix="envtrack-bench-")
        self.pg_url = pg_url
        self.schemas: list[str] = []

    def fresh(self, backend: str) -> str:
        name = f"bench_{uuid.uuid4().hex[:12]}"
        if backend == "sqlite":
            return os.path.join(self.dir.name, f"{name}.db")
        assert self.pg_url
        self.schemas.append(name)
        return f"{self.pg_url}{'&' if '?' in self.pg_url else '?'}schema={name}"

    def close(self) -> None:
        if self.schemas:
            import psycopg

            from envtrack.store import resolve

            with psycopg.connect(**resolve(self.pg_url).psycopg_conninfo(), autocommit=True) as conn:  # type: ignore[arg-type]
                for schema in self.schemas:
                    conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        self.dir.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--records", type=int, default=300, help="records per process")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg", default=os.environ.get("ENVTRACK_TEST_PG_URL", ""), help="PostgreSQL URL")
    parser.add_argument("--cli", type=int, default=0, help="also: cold envtrack processes per operator")
    parser.add_argument("--backends", nargs="+", choices=["sqlite", "postgres"], default=["sqlite", "postgres"])
    parser.add_argument("--scenarios", nargs="+", choices=list(SCENARIOS), default=list(SCENARIOS))
    options = parser.parse_args()
    backends = [b for b in options.backends if b == "sqlite" or options.pg]
    load_before = os.getloadavg()[0]
    stores = Stores(options.pg or None)
    rows = []
    try:
        for backend in backends:
            for scenario, title in SCENARIOS.items():
                if scenario not in options.scenarios:
                    continue
                for processes in options.processes:
                    rates, refused, reruns = [], [], []
                    for run in range(options.runs):
                        rate, (lost, rerun) = run_once(stores.fresh(backend), scenario, processes, options.records)
                        rates.append(rate)
                        refused.append(lost)
                        reruns.append(rerun)
                        print(f"  {backend} {title} ×{processes} run {run + 1}: {rate:,.0f}/s, "
                              f"{lost} saves refused, {rerun} commands rerun", file=sys.stderr)
                    total = processes * options.records
                    rows.append((backend, title, processes, total, statistics.median(rates),
                                 f"{statistics.median(refused):.0f} / {statistics.median(reruns):.0f}"))
            if options.cli:
                for processes in options.processes:
                    rates = []
                    for run in range(options.runs):
                        rates.append(run_cli(stores.fresh(backend), processes, options.cli))
                        print(f"  {backend} cli ×{processes} run {run + 1}: {rates[-1]:,.1f}/s", file=sys.stderr)
                    rows.append((backend, "`envtrack waste record`, a process each", processes,
                                 processes * options.cli, statistics.median(rates), "—"))
    finally:
        stores.close()
    print("| store | commands | processes | records | records/s (median) | saves refused / commands rerun (median) |")
    print("|---|---|---:|---:|---:|---|")
    for backend, title, processes, total, rate, conflicts in rows:
        shown = f"{rate:,.1f}" if rate < 100 else f"{rate:,.0f}"
        print(f"| {backend} | {title} | {processes} | {total:,} | {shown} | {conflicts} |")
    print(f"\n{os.cpu_count()} cores; load average {load_before:.1f} at the start, "
          f"{os.getloadavg()[0]:.1f} at the end; {options.runs} runs each.")


if __name__ == "__main__":
    main()

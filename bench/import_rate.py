"""Import throughput: 100,000 waste rows from one CSV file, end to end (``envtrack import`` in a
fresh process, into a new store: embedded SQLite, or PostgreSQL with ``--db URL``), against the
raw ceiling of inserting the same number of equivalent rows with the plain driver (``sqlite3``
``executemany``; ``psycopg`` ``COPY`` on PostgreSQL) into a table shaped like the event store's.
Target: at least 40,000 rows/s (the CPU time of the import process is given beside its wall time,
as the machine is shared).

    .venv/bin/python bench/import_rate.py [--rows 100000] [--runs 3]
    .venv/bin/python bench/import_rate.py --db 'postgresql://…?schema=NAME'   # the schema is dropped
    .venv/bin/python bench/import_rate.py --before /tmp/before   # an earlier tree's import too, alternately
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta

from timing import envtrack_of_tree  # bench/timing.py (scripts run from bench/)

CATEGORIES = ("sisa-makanan", "plastik", "kertas-karton", "logam", "kaca", "lainnya")
DESTINATIONS = ("daur-ulang", "kompos", "tps", "tpa", "olah", "tidak-terkelola")
SITES = [f"rw-{n:02d}" for n in range(1, 21)]


def write_csv(path: str, rows: int) -> None:
    rng = random.Random(7)
    start = date(2024, 1, 1)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["tanggal", "lokasi", "jenis", "berat_kg", "tujuan", "sumber"])
        for n in range(rows):
            out.writerow(
                [
                    (start + timedelta(days=n % 366)).isoformat(),
                    rng.choice(SITES),
                    rng.choice(CATEGORIES),
                    f"{rng.uniform(0.5, 400):.2f}".replace(".", ","),
                    rng.choice(DESTINATIONS),
                    "rumah-tangga",
                ]
            )


def envtrack(db: str, *args: str, tree: str | None = None) -> float:
    """Runs one envtrack process (of the source ``tree`` if given); returns its CPU time (user +
    system), in seconds."""
    env = None if tree is None else {**os.environ, "PYTHONPATH": tree}
    process = subprocess.Popen(
        envtrack_of_tree("--db", db, "--operator", "bench", *args),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"envtrack {' '.join(args)} failed with exit {process.returncode}")
    return usage.ru_utime + usage.ru_stime


def fresh_schema(url: str) -> None:
    """Drops the PostgreSQL schema of ``url`` (``?schema=NAME``), so that the next import makes a
    new store there."""
    import psycopg
    from psycopg import sql

    from envtrack.store import resolve

    store = resolve(url)
    with psycopg.connect(**store.psycopg_conninfo(), autocommit=True) as conn:  # type: ignore[arg-type]
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(store.schema or "public")))


def count_entries(db: str) -> int:
    from envtrack.store import resolve

    store = resolve(db)
    query = f"SELECT COUNT(*) FROM {store.events_table} WHERE topic = 'domain.waste:WasteEntry.Recorded'"
    if store.backend == "sqlite":
        with sqlite3.connect(db) as conn:
            return conn.execute(query).fetchone()[0]
    import psycopg

    with psycopg.connect(**store.psycopg_conninfo()) as conn:  # type: ignore[arg-type]
        return conn.execute(query).fetchone()[0]  # type: ignore[index]


def import_rate(
    workdir: str, logbook: str, rows: int, run: int, url: str | None, tree: str | None = None
) -> tuple[float, float, float]:
    """(rows/s of wall time, rows/s of the process's CPU time, seconds of the re-import) for one
    import into a new store (a new SQLite file, or the PostgreSQL schema of ``url`` made anew),
    by the source ``tree`` if given."""
    db = url or os.path.join(workdir, f"import-{run}{'-before' if tree else ''}.db")
    if url:
        fresh_schema(url)
    for site in SITES:
        envtrack(db, "site", "add", site, "--kind", "community", "--name", site.upper())
    started = time.perf_counter()
    cpu = envtrack(db, "import", logbook, tree=tree)
    elapsed = time.perf_counter() - started
    entries = count_entries(db)
    assert entries == rows, f"{entries} entries written, {rows} expected"
    again = time.perf_counter()
    envtrack(db, "import", logbook, tree=tree)
    reimport = time.perf_counter() - again
    print(f"  run {run}{' (before)' if tree else ''}: import {rows / elapsed:,.0f} rows/s ({elapsed:.2f} s wall, "
          f"{cpu:.2f} s CPU); re-import (nothing new) {reimport:.2f} s", file=sys.stderr)
    return rows / elapsed, rows / cpu, reimport


def equivalent_rows(rows: int) -> list[tuple[uuid.UUID, int, str, bytes]]:
    """Rows like the import's events: (id, version, topic, JSON state of the same fields)."""
    rng = random.Random(7)
    return [
        (
            uuid.uuid4(),
            1,
            "domain.waste:WasteEntry.Recorded",
            json.dumps(
                {
                    "timestamp": "2025-01-01T00:00:00+00:00",
                    "site": rng.choice(SITES),
                    "category": rng.choice(CATEGORIES),
                    "kg": rng.uniform(0.5, 400),
                    "destination": rng.choice(DESTINATIONS),
                    "source": "rumah-tangga",
                    "operator": "bench",
                    "occurred_on": {"_type_": "date_iso", "_data_": "2025-01-01"},
                }
            ).encode(),
        )
        for _ in range(rows)
    ]


def sqlite_ceiling(workdir: str, rows: int, run: int) -> float:
    """Plain executemany of equivalent rows (uuid text, version, topic, JSON state) in one
    transaction into a table with the event store's primary key."""
    db = os.path.join(workdir, f"raw-{run}.db")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(
        "CREATE TABLE stored_events (originator_id TEXT, originator_version INTEGER, topic TEXT, "
        "state BLOB, PRIMARY KEY (originator_id, originator_version))"
    )
    params = [(id.hex, *rest) for id, *rest in equivalent_rows(rows)]
    started = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO stored_events VALUES (?, ?, ?, ?)", params)
    elapsed = time.perf_counter() - started
    conn.close()
    return rows / elapsed


def postgres_ceiling(url: str, rows: int, run: int) -> float:
    """Plain ``COPY`` of equivalent rows (uuid, version, topic, JSON state) in one transaction
    into a table shaped like the event store's (a notification id from a sequence, the
    ``(originator_id, originator_version)`` primary key, a unique index on the notification id),
    in the schema of ``url``."""
    import psycopg

    from envtrack.store import resolve

    store = resolve(url)
    table = f"{store.schema or 'public'}.raw_events_{run}"
    params = equivalent_rows(rows)
    with psycopg.connect(**store.psycopg_conninfo(), autocommit=True) as conn:  # type: ignore[arg-type]
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {store.schema or 'public'}")
        conn.execute(
            f"CREATE TABLE {table} (notification_id BIGSERIAL, originator_id uuid NOT NULL, "
            "originator_version bigint NOT NULL, topic text, state bytea, "
            "PRIMARY KEY (originator_id, originator_version))"
        )
        conn.execute(f"CREATE UNIQUE INDEX ON {table} (notification_id)")
        started = time.perf_counter()
        with conn.transaction(), conn.cursor().copy(
            f"COPY {table} (originator_id, originator_version, topic, state) FROM STDIN"
        ) as copy:
            for row in params:
                copy.write_row(row)
        elapsed = time.perf_counter() - started
    return rows / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", help="a postgresql://…?schema=NAME URL: import into that schema (made anew for "
                        "each run, dropped at the end) instead of a new SQLite file")
    parser.add_argument("--before", metavar="TREE", help="a source tree (git archive of an earlier commit) whose "
                        "import runs too, alternately in each run")
    options = parser.parse_args()
    driver = "psycopg COPY" if options.db else "sqlite3 executemany"
    with tempfile.TemporaryDirectory() as workdir:
        logbook = os.path.join(workdir, "sampah.csv")
        write_csv(logbook, options.rows)
        imports, cpus, reimports, ceilings, befores, before_cpus = [], [], [], [], [], []
        for run in range(1, options.runs + 1):
            wall, cpu, reimport = import_rate(workdir, logbook, options.rows, run, options.db)
            imports.append(wall)
            cpus.append(cpu)
            reimports.append(reimport)
            if options.before:
                wall, cpu, _ = import_rate(workdir, logbook, options.rows, run, options.db, options.before)
                befores.append(wall)
                before_cpus.append(cpu)
            if options.db:
                ceilings.append(postgres_ceiling(options.db, options.rows, run))
            else:
                ceilings.append(sqlite_ceiling(workdir, options.rows, run))
            print(f"  run {run}: raw {driver} {ceilings[-1]:,.0f} rows/s", file=sys.stderr)
    if options.db:
        fresh_schema(options.db)  # drops it
    rate, cpu, ceiling = statistics.median(imports), statistics.median(cpus), statistics.median(ceilings)
    print(f"load average {os.getloadavg()[0]:.1f}; medians of {options.runs} runs")
    print(f"envtrack import, {options.rows:,} waste rows (CSV), whole process: {rate:,.0f} rows/s wall "
          f"({options.rows / rate:.2f} s), {cpu:,.0f} rows/s of CPU ({options.rows / cpu:.2f} s)")
    print(f"raw {driver} ceiling: {ceiling:,.0f} rows/s (import at {100 * rate / ceiling:.0f} % of it)")
    if befores:
        wall, cpu = statistics.median(befores), statistics.median(before_cpus)
        print(f"the same import by {options.before}: {wall:,.0f} rows/s wall ({options.rows / wall:.2f} s), "
              f"{cpu:,.0f} rows/s of CPU ({options.rows / cpu:.2f} s)")
    print(f"re-import of the same file (nothing new): median {statistics.median(reimports):.2f} s wall")
    print("target >= 40,000 rows/s: wall", "met" if rate >= 40_000 else "NOT met",
          "; per s of CPU", "met" if cpu >= 40_000 else "NOT met")


if __name__ == "__main__":
    main()

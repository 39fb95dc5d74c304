"""Sync throughput: a school's store of 100,000 waste records copied into a new store by
``envtrack sync push``, and by ``envtrack bundle export --all`` then ``envtrack bundle import``,
each timed as a whole process, beside the raw read of the same rows with the plain driver
(``sqlite3``, or ``psycopg`` on PostgreSQL: ``SELECT`` of every stored event in log order, each
row fetched) in the same run.

    .venv/bin/python bench/sync_rate.py [--events 100000] [--runs 3]
    .venv/bin/python bench/sync_rate.py --db 'postgresql://…?schema=NAME'   # the schema is dropped

With ``--db``, the receivers are that PostgreSQL schema (made anew for each copy), and the
store is also pushed the other way: loaded into the schema, then pushed into a new SQLite file.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time

from import_rate import SITES, count_entries, envtrack, fresh_schema, write_csv


def timed(db: str, *args: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one envtrack process."""
    started = time.perf_counter()
    cpu = envtrack(db, *args)
    return time.perf_counter() - started, cpu


def school_store(db: str, logbook: str) -> int:
    """A store holding the 20 sites and the logbook's rows; its event count."""
    for site in SITES:
        envtrack(db, "site", "add", site, "--kind", "community", "--name", site.upper())
    envtrack(db, "import", logbook)
    from envtrack.store import resolve

    return resolve(db).head_position()


def raw_read(db: str) -> float:
    """Seconds to read every stored event (position, id, version, topic, state) in log order."""
    from envtrack.store import resolve

    store = resolve(db)
    query = (f"SELECT {'rowid' if store.backend == 'sqlite' else 'notification_id'}, originator_id, "
             f"originator_version, topic, state FROM {store.events_table} ORDER BY 1")
    started = time.perf_counter()
    if store.backend == "sqlite":
        with sqlite3.connect(db) as conn:
            rows = conn.execute(query).fetchall()
    else:
        import psycopg

        with psycopg.connect(**store.psycopg_conninfo()) as conn:  # type: ignore[arg-type]
            rows = conn.execute(query).fetchall()
    elapsed = time.perf_counter() - started
    assert len(rows) == store.head_position()
    return elapsed


def receiver(workdir: str, url: str | None, name: str) -> str:
    if url:
        fresh_schema(url)
        return url
    return os.path.join(workdir, f"{name}.db")


def copies(source: str, workdir: str, url: str | None, run: int, events: int) -> dict[str, tuple[float, float]]:
    """(wall, CPU) of a push, an export and an import of ``source`` into new receivers."""
    found = {}
    pushed = receiver(workdir, url, f"push-{run}")
    envtrack(pushed, "init")
    found["sync push"] = timed(source, "sync", "push", "--to", pushed)
    assert count_entries(pushed) == count_entries(source)
    bundle = os.path.join(workdir, f"bundle-{run}.jsonl.gz")
    found["bundle export --all"] = timed(source, "bundle", "export", "--all", "--out", bundle)
    imported = receiver(workdir, url, f"import-{run}")
    found["bundle import"] = timed(imported, "bundle", "import", bundle)
    assert count_entries(imported) == count_entries(source)
    for what, (wall, cpu) in found.items():
        print(f"  run {run}: {what} {events / wall:,.0f} events/s ({wall:.2f} s wall, {cpu:.2f} s CPU)", file=sys.stderr)
    return found


def report(title: str, events: int, anchors: list[float], runs: list[dict[str, tuple[float, float]]]) -> None:
    anchor = events / statistics.median(anchors)
    print(f"\n{title}: {events:,} events, medians of {len(runs)} runs")
    print("| measure | events/s (wall) | events/s of its CPU | against the raw read |")
    print("|---|---|---|---|")
    print(f"| raw read of the same rows (anchor) | {anchor:,.0f} | — | 1 |")
    for what in runs[0]:
        wall = events / statistics.median(run[what][0] for run in runs)
        cpu = events / statistics.median(run[what][1] for run in runs)
        print(f"| `envtrack {what}` | {wall:,.0f} | {cpu:,.0f} | {anchor / wall:.1f}× slower |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000, help="waste rows in the school's store")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", help="a postgresql://…?schema=NAME URL for the receivers (and a PostgreSQL source)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        logbook = os.path.join(workdir, "sampah.csv")
        write_csv(logbook, options.events)
        source = os.path.join(workdir, "school.db")
        events = school_store(source, logbook)
        anchors, runs = [], []
        for run in range(1, options.runs + 1):
            anchors.append(raw_read(source))
            runs.append(copies(source, workdir, options.db, run, events))
        report(f"SQLite source into {'PostgreSQL' if options.db else 'SQLite'}", events, anchors, runs)
        if options.db:
            fresh_schema(options.db)
            school_store(options.db, logbook)
            anchors, runs = [], []
            for run in range(1, options.runs + 1):
                anchors.append(raw_read(options.db))
                runs.append(copies(options.db, workdir, None, run, events))
            report("PostgreSQL source into SQLite", events, anchors, runs)
            fresh_schema(options.db)

if __name__ == "__main__":
    main()

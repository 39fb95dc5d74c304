"""psycopg's two bindings of libpq side by side on PostgreSQL: its pure-Python one
(``PSYCOPG_IMPL=python``) and its C one from the ``psycopg-binary`` package
(``PSYCOPG_IMPL=binary``), run in turn so that both see the same load. For each, as whole
processes: the bare ``python -c "import click, eventsourcing.application, eventsourcing.postgres"``,
a cold ``envtrack waste record`` into a store that holds ROWS waste records, and a raw read of
every stored event of that store (``SELECT`` of position, id, version, topic and state in log
order, each ``state`` decoded with ``json.loads``), whose connection and read the child times
itself. Wall and CPU (user + system) medians.

    /tmp/venv/bin/python bench/psycopg_binding.py --db 'postgresql://…?schema=NAME' [--rows 100000] [--runs 9]

Run it with a Python that has ``psycopg-binary`` installed (else only the pure-Python binding can
be measured, and the script says so). The store is made by ``envtrack import`` on the first run
and kept (``--drop`` drops the schema at the end).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

from import_rate import SITES, envtrack, fresh_schema, write_csv
from timing import CPU, envtrack_of_tree, wall

IMPLS = ("python", "binary")
ANCHOR = "import click, eventsourcing.application, eventsourcing.postgres"
READ = """
import json, sys, time
import psycopg
from envtrack.store import resolve
store = resolve(sys.argv[1])
wall, cpu = time.perf_counter(), time.process_time()
conn = psycopg.connect(**store.psycopg_conninfo())
connected = time.perf_counter() - wall, time.process_time() - cpu
wall, cpu = time.perf_counter(), time.process_time()
rows = conn.execute(f"SELECT notification_id, originator_id, originator_version, topic, state "
                    f"FROM {store.events_table} ORDER BY 1").fetchall()
states = [json.loads(row[4]) for row in rows]
read = time.perf_counter() - wall, time.process_time() - cpu
print(json.dumps({"impl": psycopg.pq.__impl__, "rows": len(rows), "connect": connected, "read": read}))
"""


def store_rows(db: str) -> int:
    from envtrack.store import resolve

    store = resolve(db)
    return store.head_position() if store.exists() else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a postgresql://…?schema=NAME URL")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--drop", action="store_true", help="drop the schema at the end")
    args = parser.parse_args()
    impls = [impl for impl in IMPLS if subprocess.run(
        [sys.executable, "-c", "import psycopg"], env={**os.environ, "PSYCOPG_IMPL": impl}, capture_output=True
    ).returncode == 0]
    if impls != list(IMPLS):
        print(f"only {impls} can be loaded here: install psycopg-binary to compare", file=sys.stderr)
    if store_rows(args.db) < args.rows:
        fresh_schema(args.db)
        with tempfile.TemporaryDirectory() as workdir:
            logbook = os.path.join(workdir, "logbook.csv")
            write_csv(logbook, args.rows)
            for site in SITES:
                envtrack(args.db, "site", "add", site, "--kind", "community", "--name", site.upper())
            envtrack(args.db, "import", logbook)
    events = store_rows(args.db)
    record = envtrack_of_tree("--db", args.db, "--operator", "bench", "waste", "record", SITES[0], "--category",
                              "plastik", "--kg", "2.5", "--destination", "daur-ulang")
    figures: dict[tuple[str, str], list[tuple[float, float]]] = {}
    load = [os.getloadavg()[0]]
    saved = dict(os.environ)
    try:
        for run in range(-1, args.runs):  # one warm-up round
            for impl in impls[:: 1 if run % 2 == 0 else -1]:
                os.environ["PSYCOPG_IMPL"] = impl
                timed = {"anchor": wall([sys.executable, "-c", ANCHOR]), "anchor_cpu": CPU[-1]}
                timed["record"], timed["record_cpu"] = wall(record), CPU[-1]
                done = subprocess.run([sys.executable, "-c", READ, args.db], check=True, capture_output=True, text=True)
                child = json.loads(done.stdout)
                assert child["impl"] == impl and child["rows"] >= events, child  # each record adds one
                if run < 0:
                    continue
                for name in ("anchor", "record"):
                    figures.setdefault((impl, name), []).append((timed[name], timed[f"{name}_cpu"]))
                for name in ("connect", "read"):
                    figures.setdefault((impl, name), []).append(tuple(child[name]))  # type: ignore[arg-type]
            load.append(os.getloadavg()[0])
    finally:
        os.environ.clear()
        os.environ.update(saved)
        if args.drop:
            fresh_schema(args.db)
    labels = {
        "anchor": f'`python -c "{ANCHOR}"`',
        "record": "`envtrack waste record …`, cold process",
        "connect": "`psycopg.connect` (in the reading process)",
        "read": f"read of every stored event ({events:,} and the records since) + `json.loads`",
    }
    print("| measure | " + " | ".join(f"{impl} wall | {impl} CPU" for impl in impls) + " |")
    print("|---|" + "---|---|" * len(impls))
    for name, text in labels.items():
        cells = []
        for impl in impls:
            values = figures[(impl, name)]
            cells += [f"{statistics.median(v[0] for v in values) * 1000:,.1f} ms",
                      f"{statistics.median(v[1] for v in values) * 1000:,.1f} ms"]
        print(f"| {text} | " + " | ".join(cells) + " |")
    print(f"medians of {args.runs} runs each, the bindings in turn; 1-minute load average "
          f"{min(load):.1f}–{max(load):.1f}", file=sys.stderr)


if __name__ == "__main__":
    main()

"""One cold recording command of two versions of envtrack, interleaved with its anchor:
``waste record`` run by the source tree BEFORE (e.g. a release unpacked with ``git archive``)
and by this checkout, and the bare ``python -c "import click, eventsourcing.application,
eventsourcing.sqlite"`` (``eventsourcing.postgres`` with a PostgreSQL ``--db``), in turn, so that
all three see the same load. Prints the medians of wall and CPU time (user + system), each
version against the anchor, and a bootstrap interval of the difference of CPU medians
(after − before), the steadier figure on a shared machine.

    git archive 9c7ae74 domain envtrack projections | tar -x -C /tmp/before
    .venv/bin/python bench/record_compare.py /tmp/before [--runs 201] [--cached-bytecode] \
        [--db 'postgresql://postgres@127.0.0.1:5432/test?schema=bench_cmp']

By default each process compiles envtrack's sources as it starts, as on a machine with
``PYTHONDONTWRITEBYTECODE=1``; ``--cached-bytecode`` keeps each version's bytecode between runs.
Without ``--db`` each version records into a SQLite file of its own in a temporary directory;
with a PostgreSQL URL, into the URL's schema with ``_before`` and ``_after`` appended (the
schemas are dropped at the end). The PostgreSQL driver used is the one installed
(``PSYCOPG_IMPL=python`` forces psycopg's pure-Python binding).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from timing import CPU, envtrack_of_tree, wall  # bench/timing.py (scripts run from bench/)

CHECKOUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def with_schema_suffix(url: str, suffix: str) -> tuple[str, str]:
    """``url`` with ``_suffix`` appended to its ``schema`` parameter, and that schema's name."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    schema = f"{query.get('schema', ['bench_record_compare'])[0]}_{suffix}"
    query["schema"] = [schema]
    return urlunsplit(parts._replace(query=urlencode(query, doseq=True))), schema


def drop_schemas(url: str, schemas: list[str]) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(query="")), autocommit=True) as conn:
        for schema in schemas:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", help="the source tree of the earlier version (holding envtrack/ and domain/)")
    parser.add_argument("--runs", type=int, default=201)
    parser.add_argument("--cached-bytecode", action="store_true")
    parser.add_argument("--db", default=None, help="a PostgreSQL URL (default: SQLite files)")
    args = parser.parse_args()
    postgres = bool(args.db and args.db.startswith("postgres"))
    trees = {"before": os.path.abspath(args.before), "after": CHECKOUT}
    schemas: list[str] = []
    anchor = "import click, eventsourcing.application, " + ("eventsourcing.postgres" if postgres else "eventsourcing.sqlite")
    load = [os.getloadavg()[0]]
    try:
        with tempfile.TemporaryDirectory() as workdir:
            os.chdir(workdir)  # not a source tree: each version imports only its own
            commands = {"anchor": ([sys.executable, "-c", anchor], dict(os.environ))}
            for name, tree in trees.items():
                env = {**os.environ, "PYTHONPATH": tree, "PYTHONDONTWRITEBYTECODE": "1"}
                if args.cached_bytecode:
                    del env["PYTHONDONTWRITEBYTECODE"]
                    env["PYTHONPYCACHEPREFIX"] = os.path.join(workdir, f"pycache-{name}")
                if postgres:
                    db, schema = with_schema_suffix(args.db, name)
                    schemas.append(schema)
                else:
                    db = os.path.join(workdir, f"{name}.db")
                envtrack = envtrack_of_tree("--db", db, "--operator", "bench")
                for setup in (["init"], ["site", "add", "bank-1", "--kind", "waste-bank", "--name", "Bank 1"]):
                    subprocess.run([*envtrack, *setup], env=env, check=True, capture_output=True)
                record = [*envtrack, "waste", "record", "bank-1", "--category", "plastik", "--kg", "2.5",
                          "--destination", "daur-ulang"]
                commands[name] = (record, env)
            if args.cached_bytecode:  # the anchor's libraries keep the bytecode they were installed with
                commands["anchor"][1].pop("PYTHONDONTWRITEBYTECODE", None)
            cpu: dict[str, list[float]] = {name: [] for name in commands}
            walls: dict[str, list[float]] = {name: [] for name in commands}
            for run in range(-2, args.runs):  # two warm-up rounds
                for name in list(commands)[:: 1 if run % 2 == 0 else -1]:
                    command, env = commands[name]
                    saved = dict(os.environ)
                    os.environ.clear()
                    os.environ.update(env)
                    try:
                        elapsed = wall(command)
                    finally:
                        os.environ.clear()
                        os.environ.update(saved)
                    if run >= 0:
                        walls[name].append(elapsed)
                        cpu[name].append(CPU[-1])
                load.append(os.getloadavg()[0])
    finally:
        if schemas:
            drop_schemas(args.db, schemas)
    rng = random.Random(1)
    differences = sorted(
        statistics.median(cpu["after"][i] for i in picks) - statistics.median(cpu["before"][i] for i in picks)
        for picks in ([rng.randrange(args.runs) for _ in range(args.runs)] for _ in range(2000))
    )
    wall_ms = {name: statistics.median(values) * 1000 for name, values in walls.items()}
    cpu_ms = {name: statistics.median(values) * 1000 for name, values in cpu.items()}
    print(f'anchor `python -c "{anchor}"`: wall median {wall_ms["anchor"]:.1f} ms, CPU median {cpu_ms["anchor"]:.1f} ms')
    for name in trees:
        print(f"{name}: wall median {wall_ms[name]:.1f} ms ({wall_ms[name] / wall_ms['anchor']:.2f}× the anchor), "
              f"CPU median {cpu_ms[name]:.1f} ms ({cpu_ms[name] / cpu_ms['anchor']:.2f}×, "
              f"+{cpu_ms[name] - cpu_ms['anchor']:.1f} ms)")
    print(f"CPU median after − before: {cpu_ms['after'] - cpu_ms['before']:+.1f} ms "
          f"(95% bootstrap interval {differences[50] * 1000:+.1f} … {differences[1949] * 1000:+.1f} ms), "
          f"{args.runs} runs each, interleaved; 1-minute load average {min(load):.1f}–{max(load):.1f}")


if __name__ == "__main__":
    main()

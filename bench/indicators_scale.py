"""An indicator query on a large log against the same query on a small one: does its cost grow
with the events behind it, or only with the days and sites it covers?

    .venv/bin/python bench/indicators_scale.py [--large 300000] [--small 1000] [--runs 11]
    .venv/bin/python bench/indicators_scale.py --db 'postgresql://…/test' [--large …]
    .venv/bin/python bench/indicators_scale.py --before /tmp/before   # an earlier tree beside
    .venv/bin/python bench/indicators_scale.py --command sipsn        # or evidence: the exports

``--before DIR`` times an earlier version's source tree (``git archive REV domain envtrack
projections | tar -x -C DIR``) on the same stores in the same turns.

Builds two stores with bench/rebuild.py's city (schools, mosques with ponds, waste sites over
2020–2025, corrections and voids; kept in bench/out/ on SQLite, fresh schemas ``<name>_large``
and ``<name>_small`` on PostgreSQL, dropped at the end), catches their read models up
(``envtrack projections update``), then times ``envtrack indicators --year YEAR --format json``,
a cold process each, on the large store and the small one in turns. Prints the medians of wall
and CPU time (user + system of the process) and their ratio, large over small. ``--command
sipsn`` times ``envtrack sipsn export --year YEAR`` instead, ``--command evidence`` ``envtrack
evidence export --year YEAR`` (each into a new folder under bench/out/, removed after the run),
once the city's name, province and population for YEAR are set in both stores (``city set``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

import rebuild  # noqa: E402
from rebuild import OUT, drop_schema, generate  # noqa: E402
from timing import CPU, envtrack_of_tree, wall  # noqa: E402

ENVTRACK = os.path.join(os.path.dirname(sys.executable), "envtrack")
CHECKOUT = os.path.dirname(HERE)
COMMANDS = {"indicators": ["indicators", "--format", "json"], "sipsn": ["sipsn", "export"], "evidence": ["evidence", "export"]}
"""What can be timed: its arguments before ``--year YEAR``; an export's are followed by ``--out``."""


def with_schema(url: str, schema: str) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query["schema"] = schema
    return urlunsplit(parts._replace(query=urlencode(query)))


def store_of(db: str | None, events: int, fresh: bool) -> str:
    """The path or URL of a store of about ``events`` events, generated unless it is there."""
    from envtrack.store import resolve

    rebuild.BATCH = min(rebuild.BATCH, max(events // 4, 100))  # a small store in small batches

    if db is None:
        os.makedirs(OUT, exist_ok=True)
        path = os.path.join(OUT, f"indicators-{events}.db")
        if fresh and os.path.exists(path):
            os.remove(path)
        if not os.path.exists(path):
            generate(path, events)
    else:
        path = with_schema(db, f"bench_indicators_{events}")
        store = resolve(path)
        drop_schema(store)
        generate(path, events)
    subprocess.run([ENVTRACK, "--db", path, "projections", "update"], check=True, capture_output=True)
    return path


def set_city(path: str, year: int) -> None:
    """What an export needs beyond the generated city's records: its name, province, population."""
    subprocess.run(
        [ENVTRACK, "--db", path, "--operator", "bench", "city", "set", "--year", str(year), "--name", "Kota Bench",
         "--province", "Jawa Timur", "--population", "140000", "--kg-per-person-day", "0.7"],
        check=True, capture_output=True,
    )


def timed_arguments(name: str, year: int) -> list[str]:
    arguments = [*COMMANDS[name], "--year", str(year)]
    if name != "indicators":  # an export: into a new folder
        arguments += ["--out", tempfile.mkdtemp(prefix=f"{name}-", dir=OUT)]
    return arguments


def remove_folders(command: list[str]) -> None:
    if "--out" in command:
        shutil.rmtree(command[command.index("--out") + 1], ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--large", type=int, default=300_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--db", help="a PostgreSQL URL (each store gets a schema of its own)")
    parser.add_argument("--fresh", action="store_true", help="generate the SQLite stores again")
    parser.add_argument("--before", help="an earlier version's source tree, timed beside")
    parser.add_argument("--command", choices=sorted(COMMANDS), default="indicators", help="what to time")
    args = parser.parse_args()
    stores = {"large": store_of(args.db, args.large, args.fresh), "small": store_of(args.db, args.small, args.fresh)}
    if args.command != "indicators":
        for path in stores.values():
            set_city(path, args.year)
    trees = {"now": CHECKOUT, **({"before": os.path.abspath(args.before)} if args.before else {})}
    times: dict[tuple[str, str], list[tuple[float, float]]] = {(t, s): [] for t in trees for s in stores}
    for _ in range(args.runs):
        for tree, source in trees.items():
            for name, path in stores.items():
                # from a folder outside the checkout, so that PYTHONPATH picks the tree's code
                command = envtrack_of_tree("--db", path, *timed_arguments(args.command, args.year))
                try:
                    seconds = wall(command, env={**os.environ, "PYTHONPATH": source}, cwd=OUT)
                finally:
                    remove_folders(command)
                times[tree, name].append((seconds, CPU[-1]))
    load = os.getloadavg()
    print(f"{' '.join(COMMANDS[args.command][:2])} --year {args.year}, {args.runs} runs each in turns, load {load[0]:.1f} {load[1]:.1f}")
    medians = {}
    for (tree, name), found in times.items():
        medians[tree, name] = (statistics.median(t for t, _ in found), statistics.median(c for _, c in found))
        events = args.large if name == "large" else args.small
        seconds, cpu = medians[tree, name]
        print(f"  {tree:6} {name:5} store (~{events:,} events): {seconds * 1000:7.0f} ms wall, {cpu * 1000:7.0f} ms CPU")
    for tree in trees:
        (large_wall, large_cpu), (small_wall, small_cpu) = medians[tree, "large"], medians[tree, "small"]
        print(f"  {tree:6} large / small: {large_wall / small_wall:.2f}× wall, {large_cpu / small_cpu:.2f}× CPU")
    if args.db:
        from envtrack.store import resolve

        for path in stores.values():
            drop_schema(resolve(path))


if __name__ == "__main__":
    main()

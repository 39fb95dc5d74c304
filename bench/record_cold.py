"""One recording command in a cold process: ``envtrack --db X waste record …`` against the bare
import of what it cannot do without, ``python -c "import click, eventsourcing.application,
eventsourcing.sqlite"`` (``eventsourcing.postgres`` on PostgreSQL), on the same machine, in the
same run, interleaved so that both see the same load. Each command writes one entry into a store
that already holds the site; the figures are the whole process's wall time and its CPU time
(user + system): start-up, store open, one save, the echo, exit.

    .venv/bin/python bench/record_cold.py [--runs 15] [--db postgresql://…] [--cached-bytecode]

Without ``--db`` the store is a fresh SQLite file in a temporary directory. With
``PYTHONDONTWRITEBYTECODE=1`` set (as here) envtrack's sources are compiled at every start while
the installed libraries' bytecode is cached; ``--cached-bytecode`` keeps envtrack's bytecode too
(in a temporary directory), as an installed envtrack has it. The load average is printed before
and after the runs.
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


def anchor_import(postgres: bool) -> str:
    """What any recording command must import: click, the library's application and its
    persistence module for the backend."""
    return "import click, eventsourcing.application, " + ("eventsourcing.postgres" if postgres else "eventsourcing.sqlite")


def load_average() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", default=None, help="a store URL (default: a fresh SQLite file)")
    parser.add_argument("--cached-bytecode", action="store_true", help="keep envtrack's bytecode between runs")
    args = parser.parse_args()
    postgres = bool(args.db and args.db.startswith("postgres"))
    with tempfile.TemporaryDirectory() as workdir:
        db = args.db or os.path.join(workdir, "envtrack.db")
        if args.cached_bytecode:
            os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
            os.environ["PYTHONPYCACHEPREFIX"] = os.path.join(workdir, "pycache")
        envtrack(db, "init")
        try:
            envtrack(db, "site", "add", SITE, "--kind", "waste-bank", "--name", "Bank Sampah Mawar")
        except subprocess.CalledProcessError as error:
            if "already exists" not in error.stderr:
                raise
        record = [ENVTRACK, "--db", db, "--operator", "bench", "waste", "record", SITE,
                  "--category", "plastik", "--kg", "2.5", "--destination", "daur-ulang"]
        anchor = anchor_import(postgres)
        bare = [sys.executable, "-c", anchor]
        wall(record), wall(bare)  # warm the page cache and the bytecode once
        times: dict[str, list[float]] = {"record": [], "bare": []}
        cpu: dict[str, list[float]] = {"record": [], "bare": []}
        print(f"load average before: {load_average()}", file=sys.stderr)
        for run in range(args.runs):
            for name, command in ((("bare", bare), ("record", record))[:: 1 if run % 2 == 0 else -1]):
                times[name].append(wall(command))
                cpu[name].append(CPU[-1])
            print(f"  run {run + 1}: bare {times['bare'][-1] * 1000:.0f} ms, "
                  f"waste record {times['record'][-1] * 1000:.0f} ms", file=sys.stderr)
        print(f"load average after: {load_average()}", file=sys.stderr)
    wall_ms = {name: statistics.median(values) * 1000 for name, values in times.items()}
    cpu_ms = {name: statistics.median(values) * 1000 for name, values in cpu.items()}
    backend = "PostgreSQL" if postgres else "SQLite"
    print("| process | wall (median) | CPU (median) | against the anchor |")
    print("|---|---|---|---|")
    print(f"| `python -c \"{anchor}\"` (anchor) | {wall_ms['bare']:.0f} ms | {cpu_ms['bare']:.0f} ms | — |")
    print(f"| `envtrack waste record …` ({backend}, cold process) | {wall_ms['record']:.0f} ms | "
          f"{cpu_ms['record']:.0f} ms | {wall_ms['record'] / wall_ms['bare']:.2f}× wall "
          f"(+{wall_ms['record'] - wall_ms['bare']:.0f} ms), {cpu_ms['record'] / cpu_ms['bare']:.2f}× CPU "
          f"(+{cpu_ms['record'] - cpu_ms['bare']:.0f} ms) |")
    bytecode = "cached bytecode" if args.cached_bytecode else "bytecode as the environment has it"
    print(f"median of {args.runs} runs each, interleaved, {bytecode}", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Defining the domain's event classes: the time a fresh process takes to import the domain
modules a command needs, after the anchor's own imports (``click``, ``eventsourcing.application``,
``eventsourcing.sqlite``), by an earlier source tree and by this checkout, alternately. The
event library makes every event class a frozen dataclass as it is defined, so this is mostly
the cost of the event classes.

    git archive e14e1a4 domain envtrack projections | tar -x -C /tmp/before   # an empty directory
    .venv/bin/python bench/domain_import.py /tmp/before [--runs 31]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

PATHS = {
    "waste record": "domain.waste, domain.sites",
    "pond commands": "domain.ponds, domain.pond_readings, domain.sites",
}
TIMED = (
    "import click, eventsourcing.application, eventsourcing.sqlite, time\n"
    "started = time.perf_counter()\n"
    "import {modules}\n"
    "print((time.perf_counter() - started) * 1000)"
)
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def import_ms(tree: str, modules: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", TIMED.format(modules=modules)],
        env={**os.environ, "PYTHONPATH": tree}, cwd=os.path.dirname(tree) or "/",
        capture_output=True, text=True, check=True,
    )
    return float(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", help="an earlier source tree (git archive of domain envtrack projections)")
    parser.add_argument("--runs", type=int, default=31)
    options = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}")
    print("| modules | before | now | now − before |\n|---|---|---|---|")
    for path, modules in PATHS.items():
        times: dict[str, list[float]] = {"before": [], "now": []}
        for _ in range(options.runs):
            times["before"].append(import_ms(options.before, modules))
            times["now"].append(import_ms(HERE, modules))
        before, now = (statistics.median(times[k]) for k in ("before", "now"))
        print(f"| {path} (`{modules}`) | {before:.1f} ms | {now:.1f} ms | {now - before:+.1f} ms |")
    print(f"medians of {options.runs} runs each, alternating; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

"""One cold recording command of two versions of envtrack, interleaved: ``waste record`` run by
the source tree BEFORE (e.g. a release unpacked with ``git archive``) and by this checkout, in
turn, so that both see the same load. Prints the medians and a bootstrap interval of the
difference of CPU medians (after − before), the steadier figure on a shared machine.

    git archive 9c7ae74 domain envtrack projections | tar -x -C /tmp/before
    .venv/bin/python bench/record_compare.py /tmp/before [--runs 201] [--cached-bytecode]

By default each process compiles envtrack's sources as it starts, as on a machine with
``PYTHONDONTWRITEBYTECODE=1``; ``--cached-bytecode`` keeps each version's bytecode between runs.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile

from timing import CPU, wall  # bench/timing.py (scripts run from bench/)

CHECKOUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUN = "import sys; from envtrack.cli import main; sys.argv[0] = 'envtrack'; main()"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", help="the source tree of the earlier version (holding envtrack/ and domain/)")
    parser.add_argument("--runs", type=int, default=201)
    parser.add_argument("--cached-bytecode", action="store_true")
    args = parser.parse_args()
    trees = {"before": os.path.abspath(args.before), "after": CHECKOUT}
    with tempfile.TemporaryDirectory() as workdir:
        os.chdir(workdir)  # not a source tree: each version imports only its own
        commands = {}
        for name, tree in trees.items():
            env = {**os.environ, "PYTHONPATH": tree, "PYTHONDONTWRITEBYTECODE": "1"}
            if args.cached_bytecode:
                del env["PYTHONDONTWRITEBYTECODE"]
                env["PYTHONPYCACHEPREFIX"] = os.path.join(workdir, f"pycache-{name}")
            db = os.path.join(workdir, f"{name}.db")
            envtrack = [sys.executable, "-c", RUN, "--db", db, "--operator", "bench"]
            for setup in (["init"], ["site", "add", "bank-1", "--kind", "waste-bank", "--name", "Bank 1"]):
                subprocess.run([*envtrack, *setup], env=env, check=True, capture_output=True)
            record = [*envtrack, "waste", "record", "bank-1", "--category", "plastik", "--kg", "2.5",
                      "--destination", "daur-ulang"]
            commands[name] = (record, env)
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
    rng = random.Random(1)
    differences = sorted(
        statistics.median(cpu["after"][i] for i in picks) - statistics.median(cpu["before"][i] for i in picks)
        for picks in ([rng.randrange(args.runs) for _ in range(args.runs)] for _ in range(2000))
    )
    for name in commands:
        print(f"{name}: wall median {statistics.median(walls[name]) * 1000:.1f} ms, "
              f"CPU median {statistics.median(cpu[name]) * 1000:.1f} ms")
    print(f"CPU median after − before: {(statistics.median(cpu['after']) - statistics.median(cpu['before'])) * 1000:+.1f} ms "
          f"(95% bootstrap interval {differences[50] * 1000:+.1f} … {differences[1949] * 1000:+.1f} ms), "
          f"{args.runs} runs each, interleaved")


if __name__ == "__main__":
    main()

"""Timing a whole process: its wall time, and its CPU time (user + system) beside it."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from typing import Any

CPU: list[float] = []  # CPU seconds of each timed process, in order


def wall(command: list[str], **options: Any) -> float:
    """Wall time of the whole process (``options`` go to ``subprocess.run``: ``env``, ``cwd``);
    its CPU time (user + system) goes to ``CPU``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **options)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return elapsed


# A source tree's envtrack as its console script starts it: through its own entry point,
# ``envtrack.launch``, where it has one (else ``envtrack.cli``'s ``main``). The entry point is
# looked up in the tree itself: asked for by name, the checkout's editable install would lend an
# older tree the checkout's own.
RUN_TREE = """import os, sys
sys.argv[0] = "envtrack"
import envtrack
if os.path.exists(os.path.join(os.path.dirname(envtrack.__file__), "launch.py")):
    from envtrack.launch import main
else:
    from envtrack.cli import main
main()"""


def envtrack_of_tree(*args: str) -> list[str]:
    """The command line running envtrack with ``args``, from the tree on ``PYTHONPATH`` (the
    checkout without one)."""
    return [sys.executable, "-c", RUN_TREE, *args]

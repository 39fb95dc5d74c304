"""Timing a whole process: its wall time, and its CPU time (user + system) beside it."""

from __future__ import annotations

import resource
import subprocess
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

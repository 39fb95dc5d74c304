"""Operators recording at once: each in its own process with its own application, all released
together by a barrier. Used by the concurrency tests and bench/concurrency.py.

Workers are spawned (not forked), as separate ``envtrack`` invocations would be: nothing is
shared but the store.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

DAY = date(2025, 6, 30)
WASTE_KG = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75)
"""Record i of every operator weighs WASTE_KG[i % 10]: binary fractions, so sums are exact."""


def add_site(db: str, slug: str) -> None:
    """Opens the store (creating it if it is not there yet) and adds a waste bank."""
    from envtrack.application import EnvTrack
    from envtrack.store import resolve

    app = EnvTrack(resolve(db), operator=slug, today=lambda: DAY)
    try:
        app.add_site(slug, kind="waste-bank", name=slug)
    finally:
        app.close()


def record_waste(db: str, operator: str, count: int, site: str) -> list[str]:
    """``count`` waste records at ``site``, one application call each; the entry ids."""
    from envtrack.application import EnvTrack
    from envtrack.store import resolve

    app = EnvTrack(resolve(db), operator=operator, today=lambda: DAY)
    try:
        return [
            str(app.record_waste(site, category="plastik", kg=WASTE_KG[i % 10], destination="daur-ulang"))
            for i in range(count)
        ]
    finally:
        app.close()


def record_exchanges(db: str, operator: str, count: int, site: str) -> list[str]:
    """``count`` exchanges of 12 bottles for one ``pensil`` at ``site`` (all contend for the
    school's supply ledger); the entry ids."""
    from envtrack.application import EnvTrack
    from envtrack.store import resolve

    app = EnvTrack(resolve(db), operator=operator, today=lambda: DAY)
    try:
        return [
            str(app.record_exchange(site, bottles=12, items={"pensil": 1}, pupil=f"{operator}-{i}"))
            for i in range(count)
        ]
    finally:
        app.close()


def _worker(target: Callable[..., Any], args: tuple, barrier: Any, results: Any, index: int) -> None:
    try:
        barrier.wait(timeout=120)
        results.put((index, "ok", target(*args)))
    except BaseException:  # reported to the parent, which fails the test with it
        results.put((index, "error", traceback.format_exc()))


def run_at_once(target: Callable[..., Any], jobs: Sequence[tuple], *, timeout: float = 300) -> list[Any]:
    """Runs ``target(*job)`` for every job in its own spawned process, all starting together;
    returns the results in job order. Raises if any process fails or the lot exceeds ``timeout``."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(jobs))
    results = context.Queue()
    processes = [
        context.Process(target=_worker, args=(target, job, barrier, results, index), daemon=True)
        for index, job in enumerate(jobs)
    ]
    for process in processes:
        process.start()
    collected: dict[int, Any] = {}
    errors = []
    try:
        for _ in jobs:
            index, status, value = results.get(timeout=timeout)
            if status == "ok":
                collected[index] = value
            else:
                errors.append(value)
    finally:
        for process in processes:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
                process.join()
    if errors:
        raise AssertionError("an operator process failed:\n" + "\n".join(errors))
    return [collected[index] for index in range(len(jobs))]

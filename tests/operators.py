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


def rebuild_until(db: str, head: int, *, limit_s: float = 120) -> int:
    """Rebuilds the read models over and over while operators record, until the log reaches
    ``head`` (or ``limit_s`` passes); returns how many rebuilds ran."""
    import time

    from envtrack.store import resolve
    from projections.readmodels import ReadModels

    store = resolve(db)
    rebuilds = 0
    deadline = time.monotonic() + limit_s
    with ReadModels(store) as models:
        while time.monotonic() < deadline:
            reached = store.head_position() if store.exists() else 0
            models.rebuild()
            rebuilds += 1
            if reached >= head:
                break
    return rebuilds


def catch_up(db: str, rebuild: bool = False, page_size: int = 500) -> int:
    """One ``projections update`` (or ``rebuild``), in small pages so that several running at
    once interleave; the position reached."""
    from envtrack.store import resolve
    from projections.readmodels import ReadModels

    with ReadModels(resolve(db), page_size=page_size) as models:
        return models.rebuild() if rebuild else models.update()


def _worker(target: Callable[..., Any], args: tuple, barrier: Any, results: Any, index: int) -> None:
    try:
        barrier.wait(timeout=120)
        results.put((index, "ok", target(*args)))
    except BaseException:  # reported to the parent, which fails the test with it
        results.put((index, "error", traceback.format_exc()))


def run_at_once(target: Callable[..., Any], jobs: Sequence[tuple], *, timeout: float = 300) -> list[Any]:
    """Runs ``target(*job)`` for every job in its own spawned process, all starting together;
    returns the results in job order. Raises if any process fails or the lot exceeds ``timeout``."""
    return run_together([(target, job) for job in jobs], timeout=timeout)


def run_together(calls: Sequence[tuple[Callable[..., Any], tuple]], *, timeout: float = 300) -> list[Any]:
    """Runs each ``(target, args)`` in its own spawned process, all released together."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(calls))
    results = context.Queue()
    processes = [
        context.Process(target=_worker, args=(target, args, barrier, results, index), daemon=True)
        for index, (target, args) in enumerate(calls)
    ]
    for process in processes:
        process.start()
    collected: dict[int, Any] = {}
    errors = []
    try:
        for _ in calls:
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
    return [collected[index] for index in range(len(calls))]

"""Read-model rebuild on a large store (SQLite, or PostgreSQL with ``--db URL``), against the raw
ceiling of reading the same rows with the plain driver.

    .venv/bin/python bench/rebuild.py [--events 1000000] [--runs 3] [--fresh]
    .venv/bin/python bench/rebuild.py --db 'postgresql://…?schema=NAME' [--events …] [--drop]

Builds (once, kept in bench/out/, which git ignores) a store of about ``--events`` events: a
city of schools, mosques with ponds and waste sites over six years, written through the domain
and ``app.save(*many aggregates)`` in large batches. Then, each in its own process, in turns:

- ceiling: ``sqlite3`` (``psycopg`` on PostgreSQL) + ``json.loads`` of the rows a rebuild reads
  (the topics the read models use), in pages of the same size, and of every row of the log;
- rebuild: ``ReadModels.rebuild()`` (fresh tables, atomic swap), as envtrack runs it (a forked
  reader reads and maps the log: ``projections/pages.py``), and with everything read in the
  rebuild's own process (``rebuild-here``); CPU is both processes';
- update: 100 new events recorded, then ``ReadModels.update()``;
- with ``--first-update``: the first ``update()`` of read models that have read nothing yet, as
  envtrack makes it on a long log (a rebuild) and page by page;
- with ``--behind``: ``update()`` of read models a third of the log behind, page by page;
- indicators: ``envtrack indicators --year`` for one year, as a user runs it (catch-up included).

Each child reports its time and its peak resident memory (``ru_maxrss``). Results go to stdout
as a table; copy them into bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections import deque
from datetime import date, timedelta
from typing import TYPE_CHECKING
from uuid import uuid4

if TYPE_CHECKING:
    from envtrack.store import Store

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "out")
BATCH = 5_000


def generate(path: str, events: int, seed: int = 7) -> None:
    """About ``events`` events: waste records (half), exchanges (most issuing an item), pond
    stockings, feeds, water and harvests, receipts, corrections and voids."""
    from domain.ponds import Feeding, Harvest, Pond, Stocking, WaterInflow
    from domain.sambo import Exchange, SupplyLedger, SupplyReceipt
    from domain.sites import Site
    from domain.values import CATEGORIES, DESTINATIONS
    from domain.waste import WasteEntry
    from envtrack.application import EnvTrack
    from envtrack.store import resolve

    rng = random.Random(seed)
    store = resolve(path)
    app = EnvTrack(store, operator="bench")
    first_day = date(2020, 1, 1)

    def day() -> date:
        return first_day + timedelta(days=rng.randrange(6 * 365))

    stamp = {"operator": "bench"}
    schools = [f"smp-{n:02d}" for n in range(40)]
    mosques = [f"masjid-{n:02d}" for n in range(40)]
    others = [f"rw-{n:02d}" for n in range(40)]
    sites = [Site.register(s, "school", s.upper(), kelurahan=None, kecamatan=None, population=600, on=first_day, **stamp) for s in schools]
    sites += [Site.register(s, "mosque", s.upper(), kelurahan=None, kecamatan=None, population=300, on=first_day, **stamp) for s in mosques]
    sites += [Site.register(s, "community", s.upper(), kelurahan=None, kecamatan=None, population=900, on=first_day, **stamp) for s in others]
    ledgers = {s: SupplyLedger.open(s, on=first_day, **stamp) for s in schools}
    ponds = {m: Pond.add(f"kolam-{m}", site=m, volume_m3=4.0, system="terpal", on=first_day, **stamp) for m in mosques}
    batch: list = [*sites]
    for ledger in ledgers.values():
        ledger.set_rate("pensil", 20, on=first_day, **stamp)
        batch.append(SupplyReceipt.record(uuid4(), ledger, item="pensil", qty=10_000_000, cost_rp=None, source=None, on=first_day, **stamp))
    app.save(*batch, *ledgers.values(), *ponds.values())
    written = store.head_position()
    waste_ids: deque = deque(maxlen=20_000)  # recent waste entries, to correct or void
    clocks = dict.fromkeys(mosques, first_day)  # pond records go forward in time, pond by pond
    last_day = date(2025, 12, 31)
    started = time.perf_counter()
    while written < events:
        batch = []
        for _ in range(BATCH):
            roll = rng.random()
            on = day()
            if roll < 0.5:
                entry = WasteEntry.record(
                    uuid4(), site=rng.choice(others + schools + mosques), category=rng.choice(CATEGORIES),
                    kg=round(rng.uniform(0.5, 80), 2), destination=rng.choice(DESTINATIONS),
                    source="rumah-tangga", on=on, **stamp,
                )
                waste_ids.append(entry)
                batch.append(entry)
            elif roll < 0.7:
                school = rng.choice(schools)
                items = {"pensil": 1} if rng.random() < 0.8 else {}
                weight = None if rng.random() < 0.6 else round(rng.uniform(0.3, 1.5), 2)
                batch.append(Exchange.record(
                    uuid4(), site=school, ledger=ledgers[school], bottles=rng.randrange(20, 60), weight_kg=weight,
                    items=items, pupil=f"Siswa {rng.randrange(3000)}", pupil_class=None, on=on, **stamp,
                ))
            else:
                mosque = rng.choice(mosques)
                pond = ponds[mosque]
                if rng.random() < 0.3 and clocks[mosque] < last_day:
                    clocks[mosque] += timedelta(days=1)
                on = clocks[mosque]
                if pond.open_cycle is None:
                    batch.append(Stocking.record(uuid4(), pond, species="lele", fish=2000, mean_g=8.0, on=on, **stamp))
                elif roll < 0.8:
                    batch.append(WaterInflow.record(uuid4(), pond, liters=round(rng.uniform(500, 3000), 1), on=on, **stamp))
                elif roll < 0.97:
                    batch.append(Feeding.record(uuid4(), pond, kg=round(rng.uniform(1, 5), 2), on=on, **stamp))
                else:
                    batch.append(Harvest.record(uuid4(), pond, kg=150.0, fish=1500, sold_kg=None, price_rp_per_kg=None, final=True, on=on, **stamp))
        # about 1 % of earlier waste entries corrected and 0.5 % voided
        for _ in range(BATCH // 100):
            entry = rng.choice(waste_ids)
            if not entry.voided:
                entry.correct(reason="timbang ulang", kg=round(entry.kg + rng.uniform(0.1, 5), 2), on=day(), **stamp)
                batch.append(entry)
        for _ in range(BATCH // 200):
            entry = rng.choice(waste_ids)
            if not entry.voided:
                entry.void("ganda", "bench", day())
                batch.append(entry)
        pending = {id(agg): agg for agg in [*batch, *ledgers.values(), *ponds.values()] if agg.pending_events}
        app.save(*pending.values())
        written = store.head_position()
        rate = written / (time.perf_counter() - started)
        print(f"generated {written:,} events ({rate:,.0f}/s)", file=sys.stderr, end="\r")
    print(file=sys.stderr)
    app.close()


# -- the measured steps, each run in a child process ---------------------------------------------


def _peak_mb() -> float:
    """The larger peak resident memory of this process and of its children (a forked reader)."""
    return max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


class Clock:
    """Wall and CPU seconds of this process, and of the children it has waited for (a forked
    reader), since it was made (CPU time is what a busy shared machine disturbs least)."""

    def __init__(self) -> None:
        self.wall, self.cpu, self.children = time.perf_counter(), time.process_time(), _children_cpu()

    def result(self, rows: int) -> dict:
        children = _children_cpu() - self.children
        return {"seconds": time.perf_counter() - self.wall, "cpu": time.process_time() - self.cpu + children,
                "children_cpu": children, "rows": rows, "peak_mb": _peak_mb()}


def step_ceiling(path: str, everything: bool) -> dict:
    """The rows a rebuild reads (or every row), in pages of the same size, read with the plain
    driver (``sqlite3``, or ``psycopg`` on PostgreSQL) and their ``state`` decoded by
    ``json.loads``: what any reader of the log must do at least."""
    from envtrack.store import resolve
    from projections.readmodels import PAGE_SIZE
    from projections.rows import TOPICS

    store = resolve(path)
    if store.backend == "sqlite":
        import sqlite3

        clock = Clock()
        conn = sqlite3.connect(path)
        topic_filter = "" if everything else f" AND topic IN ({','.join('?' for _ in TOPICS)})"
        query = (
            "SELECT rowid, originator_id, originator_version, topic, state FROM stored_events "
            f"WHERE rowid > ?{topic_filter} ORDER BY rowid LIMIT ?"
        )
        topics: tuple = () if everything else tuple(TOPICS)
    else:
        import psycopg

        clock = Clock()
        conn = psycopg.connect(**store.psycopg_conninfo())  # type: ignore[arg-type,assignment]
        topic_filter = "" if everything else " AND topic = ANY(%s)"
        query = (
            "SELECT notification_id, originator_id, originator_version, topic, state "
            f"FROM {store.events_table} WHERE notification_id > %s{topic_filter} ORDER BY notification_id LIMIT %s"
        )
        topics = () if everything else (list(TOPICS),)
    rows = 0
    position = 0
    while True:
        page = conn.execute(query, (position, *topics, PAGE_SIZE)).fetchall()
        if not page:
            break
        for row in page:
            json.loads(row[4])
        rows += len(page)
        position = page[-1][0]
    conn.close()
    return clock.result(rows)


def step_rebuild(path: str, beside: bool = True) -> dict:
    """``beside``: as envtrack rebuilds a long log, with a forked reader; else read here."""
    import projections.pages
    from envtrack.store import resolve
    from projections.readmodels import ReadModels

    if not beside:
        projections.pages.READ_BESIDE_FROM = 10**18
    clock = Clock()
    with ReadModels(resolve(path)) as read_models:
        read_models.rebuild()
        rows = read_models.events_read
    return clock.result(rows)


def step_update(path: str) -> dict:
    from domain.waste import WasteEntry
    from envtrack.application import EnvTrack
    from envtrack.store import resolve
    from projections.readmodels import ReadModels

    store = resolve(path)
    app = EnvTrack(store, operator="bench")
    app.save(*[
        WasteEntry.record(uuid4(), site="rw-01", category="plastik", kg=1.0, destination="tps", source="rumah-tangga",
                          operator="bench", on=date(2025, 6, 1))
        for _ in range(100)
    ])
    app.close()
    clock = Clock()
    with ReadModels(store) as read_models:
        read_models.update()
        rows = read_models.events_read
    return clock.result(rows)


def step_first_update(path: str, as_rebuild: bool = True) -> dict:
    """The first catch-up of the read models (every position set back to 0): as envtrack makes it
    on a long log (built as a rebuild), or page by page as any later catch-up."""
    import projections.readmodels
    from envtrack.store import resolve
    from projections.readmodels import ReadModels

    if not as_rebuild:
        projections.readmodels.FIRST_BUILT_FROM = 10**18
    with ReadModels(resolve(path)) as read_models:
        read_models.update()  # every table there, then emptied of their positions
        with read_models.engine.begin() as conn:
            conn.execute(read_models.positions.delete())
        clock = Clock()
        read_models.update()
        return clock.result(read_models.events_read)


BEHIND = 3
"""``catch-up-behind``: the read models lag by a third of the log."""


def step_catch_up_behind(path: str) -> dict:
    """A catch-up page by page of the last third of the log (a year's logbook imported into a
    city whose read models were up to date): the read models are first rebuilt only as far as
    the two thirds before it."""
    from envtrack.store import resolve
    from projections.readmodels import ReadModels

    store = resolve(path)
    head = store.head_position()
    with ReadModels(store) as read_models:
        store.head_position = lambda: head - head // BEHIND  # type: ignore[method-assign]
        read_models.rebuild()
        del store.head_position  # the log's own head again
        clock = Clock()
        read_models.update()
        return clock.result(read_models.events_read)


STEPS = {"ceiling": lambda p: step_ceiling(p, False), "ceiling-all": lambda p: step_ceiling(p, True),
         "rebuild": step_rebuild, "rebuild-here": lambda p: step_rebuild(p, False), "update": step_update,
         "first-update": step_first_update, "first-update-by-pages": lambda p: step_first_update(p, False),
         "catch-up-behind": step_catch_up_behind}


def child(step: str, path: str) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--step", step, "--db", path], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def indicators_cli(path: str, year: int) -> dict:
    envtrack = os.path.join(os.path.dirname(sys.executable), "envtrack")
    started = time.perf_counter()
    subprocess.run([envtrack, "--db", path, "indicators", "--year", str(year), "--format", "json"],
                   check=True, capture_output=True)
    return {"seconds": time.perf_counter() - started}


def drop_schema(store: Store) -> None:
    """Drops a PostgreSQL store's schema (events, snapshots and read models alike)."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(**store.psycopg_conninfo(), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(store.schema or "public")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3, help="0: only generate the store")
    parser.add_argument("--fresh", action="store_true", help="generate the store again")
    parser.add_argument("--step", choices=sorted(STEPS), help=argparse.SUPPRESS)
    parser.add_argument("--db", help="the store: a SQLite path (default: bench/out/rebuild-<events>.db) or a "
                        "postgresql://…?schema=NAME URL (a schema of its own: --fresh and --drop drop it)")
    parser.add_argument("--drop", action="store_true", help="drop the PostgreSQL schema at the end")
    parser.add_argument("--first-update", action="store_true",
                        help="also the first catch-up of new read models, as a rebuild and page by page")
    parser.add_argument("--behind", action="store_true",
                        help=f"also a catch-up page by page of the last 1/{BEHIND} of the log")
    args = parser.parse_args()
    path = args.db or os.path.join(OUT, f"rebuild-{args.events}.db")
    if args.step:
        print(json.dumps(STEPS[args.step](path)))
        return
    from envtrack.store import resolve

    store = resolve(path)
    if args.fresh or not store.exists():
        if store.backend == "sqlite":
            os.makedirs(OUT, exist_ok=True)
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)
        else:
            drop_schema(store)
        started = time.perf_counter()
        generate(path, args.events)
        print(f"generated in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    if args.runs == 0:  # only make the store
        return
    results: dict[str, list[dict]] = {name: [] for name in ("ceiling", "ceiling-all", "rebuild", "rebuild-here")}
    for run in range(args.runs):
        for name in results:
            results[name].append(child(name, path))
            print(f"run {run + 1} {name}: {results[name][-1]}", file=sys.stderr)
    if args.first_update:
        for run in range(args.runs):
            for name in ("first-update", "first-update-by-pages"):
                results.setdefault(name, []).append(child(name, path))
                print(f"run {run + 1} {name}: {results[name][-1]}", file=sys.stderr)
    if args.behind:
        for run in range(args.runs):
            results.setdefault("catch-up-behind", []).append(child("catch-up-behind", path))
            print(f"run {run + 1} catch-up-behind: {results['catch-up-behind'][-1]}", file=sys.stderr)
    update = child("update", path)
    indicators = [indicators_cli(path, 2024) for _ in range(args.runs)]
    median = {name: statistics.median(r["seconds"] for r in runs) for name, runs in results.items()}
    cpu = {name: statistics.median(r["cpu"] for r in runs) for name, runs in results.items()}
    rows = {name: runs[0]["rows"] for name, runs in results.items()}
    rate = {name: rows[name] / median[name] for name in results}
    print(f"store: {path}, {rows['ceiling-all']:,} events; a rebuild reads {rows['rebuild']:,} of them")
    print(f"{'measure':<44}{'wall s':>8}{'CPU s':>8}{'rows/s':>12}{'peak MB':>10}")
    driver = "sqlite3" if store.backend == "sqlite" else "psycopg"
    for name, title in (("ceiling-all", f"raw {driver} + json.loads, every row"),
                        ("ceiling", f"raw {driver} + json.loads, the rows read"),
                        ("rebuild-here", "ReadModels.rebuild(), all read here"),
                        ("rebuild", "ReadModels.rebuild(), as envtrack runs it")):
        peak = max(r["peak_mb"] for r in results[name])
        print(f"{title:<44}{median[name]:>8.2f}{cpu[name]:>8.2f}{rate[name]:>12,.0f}{peak:>10.0f}")
    for name in ("rebuild-here", "rebuild"):
        print(f"{name} / ceiling (same rows): wall {median[name] / median['ceiling']:.2f}x, "
              f"CPU {cpu[name] / cpu['ceiling']:.2f}x (both processes)")
    for name, title in (("first-update-by-pages", "first update() page by page"), ("first-update", "first update(), as a rebuild"),
                        ("catch-up-behind", f"update() of the last 1/{BEHIND} of the log")):
        if name in results:
            print(f"{title}: median {statistics.median(r['seconds'] for r in results[name]):.2f} s wall, "
                  f"{statistics.median(r['cpu'] for r in results[name]):.2f} s CPU, {results[name][0]['rows']:,} events read")
    print(f"CPU of the reader: median {statistics.median(r['children_cpu'] for r in results['rebuild']):.2f} s")
    print(f"update after 100 new events: {update['seconds'] * 1000:.0f} ms, {update['rows']} events read, "
          f"peak {update['peak_mb']:.0f} MB")
    print(f"envtrack indicators --year 2024 (cold process): median {statistics.median(r['seconds'] for r in indicators):.2f} s")
    if args.drop and store.backend != "sqlite":
        drop_schema(store)


if __name__ == "__main__":
    main()

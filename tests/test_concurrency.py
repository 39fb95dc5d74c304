"""Several operators recording at once into one store (SQLite file, PostgreSQL schema): nothing
lost, nothing doubled, no command failed; contention on one school's supply ledger is retried."""

from __future__ import annotations

import json
from collections import Counter
from uuid import uuid4

import pandas as pd
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from domain.sambo import Exchange, SupplyLedger
from domain.waste import WasteEntry
from envtrack.application import EnvTrack
from envtrack.unit_of_work import UnitOfWork
from envtrack.cli import cli
from envtrack.store import resolve
from eventsourcing.utils import get_topic
from projections.readmodels import ReadModels
from operators import DAY, WASTE_KG, add_site, catch_up, rebuild_until, record_exchanges, record_waste, run_at_once, run_together

OPERATORS = 4

pytestmark = pytest.mark.slow  # real processes


def _setup_site(db: str, slug: str, kind: str) -> EnvTrack:
    app = EnvTrack(resolve(db), operator="admin", today=lambda: DAY)
    app.add_site(slug, kind=kind, name=slug.upper())
    return app


def _indicators_2025(db: str) -> dict:
    runner = CliRunner(env={"ENVTRACK_DB": None, "ENVTRACK_OPERATOR": None, "ENVTRACK_LANG": None})
    result = runner.invoke(cli, ["--db", db, "--lang", "en", "indicators", "--year", "2025", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _logged(db: str, event_class: type) -> list[dict]:
    """The payloads of every logged event of one class, read straight from the log."""
    rows = []
    for page in resolve(db).read_log(topics=[get_topic(event_class)]):
        for _position, originator_id, _version, _topic, state in page:
            rows.append({"id": str(originator_id), **json.loads(state)})
    return rows


def test_four_operators_recording_waste_at_once_lose_nothing(db: str) -> None:
    _setup_site(db, "tps3r-wates", "tps3r").close()

    per_operator = 250
    ids = run_at_once(record_waste, [(db, f"op{n}", per_operator, "tps3r-wates") for n in range(OPERATORS)])

    # Every call returned an id, all different: 1,000 commands, none failed.
    returned = [entry_id for batch in ids for entry_id in batch]
    assert len(returned) == 1000
    assert len(set(returned)) == 1000
    # The log holds exactly those 1,000 entries (plus the site), each once.
    logged = _logged(db, WasteEntry.Recorded)
    assert sorted(row["id"] for row in logged) == sorted(returned)
    assert resolve(db).head_position() >= 1001
    assert Counter(row["operator"] for row in logged) == {f"op{n}": 250 for n in range(OPERATORS)}
    # Each operator sent 25 rounds of 0.5 + 0.75 + … + 2.75 kg = 25 × 16.25 = 406.25 kg.
    assert sum(row["kg"] for row in logged) == 4 * 406.25 == 1625.0
    # And the indicators, caught up from the log: timbulan is the sum sent, all of it recycled.
    figures = _indicators_2025(db)
    assert figures["as_of_position"] == resolve(db).head_position()
    assert figures["waste"]["timbulan_kg"] == 1625.0
    assert figures["waste"]["daur_ulang_kg"] == 1625.0


def test_four_operators_exchanging_at_one_school_keep_stock_exact(db: str) -> None:
    app = _setup_site(db, "smpn6", "school")
    app.set_rate("smpn6", "pensil", bottles=10)
    app.receive_supplies("smpn6", "pensil", qty=500)
    app.close()

    per_operator = 40
    ids = run_at_once(record_exchanges, [(db, f"op{n}", per_operator, "smpn6") for n in range(OPERATORS)])

    returned = [entry_id for batch in ids for entry_id in batch]
    assert len(set(returned)) == 160
    logged = _logged(db, Exchange.Recorded)
    assert sorted(row["id"] for row in logged) == sorted(returned)
    # Every exchange issued its pencil from the one ledger, exactly once: 500 − 160 = 340 left.
    issued = _logged(db, SupplyLedger.SuppliesIssued)
    assert len(issued) == 160
    check = EnvTrack(resolve(db), operator="admin", today=lambda: DAY)
    try:
        stock = check.supplies_stock("smpn6")
    finally:
        check.close()
    assert stock["items"] == [{"item": "pensil", "qty": 340, "rate_bottles": 10}]


def test_operators_opening_a_new_store_at_once_all_record(db: str) -> None:
    """The first commands on a store that does not exist yet race to create it (SQLite switching
    the new file to WAL, PostgreSQL creating types and tables): every one of them succeeds."""
    racers = 6
    run_at_once(add_site, [(db, f"bank-sampah-{n}") for n in range(racers)])
    app = EnvTrack(resolve(db), operator="admin", today=lambda: DAY)
    try:
        assert [site["site"] for site in app.list_sites()] == [f"bank-sampah-{n}" for n in range(racers)]
    finally:
        app.close()


def test_read_models_rebuilt_while_operators_record_then_catch_up_with_the_log(db: str) -> None:
    from projections.readmodels import ReadModels

    _setup_site(db, "tps3r-wates", "tps3r").close()
    per_operator = 150
    head = 1 + OPERATORS * per_operator
    results = run_together(
        [(record_waste, (db, f"op{n}", per_operator, "tps3r-wates")) for n in range(OPERATORS)]
        + [(rebuild_until, (db, head))]
    )
    assert results[-1] >= 1  # rebuilds ran while the operators recorded
    assert len(_logged(db, WasteEntry.Recorded)) == 600

    with ReadModels(resolve(db)) as models:
        assert models.update() == resolve(db).head_position()
        assert {row["lag"] for row in models.status()} == {0}
        waste = waste_entries(models)
        daily = models.frames().waste_daily
    assert daily["entries"].sum() == 600 and round(daily["kg"].sum(), 3) == 975.0
    # 600 entries: 15 rounds of 16.25 kg per operator, 4 operators = 975 kg.
    assert len(waste) == 600
    assert sorted(waste["entry_id"]) == sorted(row["id"].replace("-", "") for row in _logged(db, WasteEntry.Recorded))
    assert waste["kg"].sum() == 975.0
    assert _indicators_2025(db)["waste"]["timbulan_kg"] == 975.0


def waste_entries(models: ReadModels) -> pd.DataFrame:
    """The rows of the read models' waste entries table (frames carry its daily roll-up)."""
    table = models.live["waste"]
    with models.engine.connect() as conn:
        return pd.DataFrame(conn.execute(select(table.c.entry_id, table.c.kg)).all(), columns=["entry_id", "kg"])


def test_recording_waits_for_a_write_lock_held_by_another_process(db: str) -> None:
    """A long write elsewhere (a rebuild's page, a big import batch) holds the store's write lock:
    an operator's command waits for it instead of failing, then records."""
    import threading

    _setup_site(db, "tps3r-wates", "tps3r").close()
    store = resolve(db)
    if store.backend == "sqlite":
        import sqlite3

        holder = sqlite3.connect(store.sqlite_path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
    else:
        import psycopg

        holder = psycopg.connect(**store.psycopg_conninfo())  # type: ignore[arg-type]
        holder.execute(f"LOCK TABLE {store.events_table} IN EXCLUSIVE MODE")
    results: list = []
    recording = threading.Thread(
        target=lambda: results.append(run_at_once(record_waste, [(db, "op0", 3, "tps3r-wates")], timeout=120))
    )
    recording.start()
    try:
        recording.join(timeout=4)
        assert recording.is_alive(), "recorded although the write lock was held"
        assert _logged(db, WasteEntry.Recorded) == []
    finally:
        holder.commit()
        holder.close()
    recording.join(timeout=120)
    assert len(results) == 1 and len(results[0][0]) == 3
    assert len(_logged(db, WasteEntry.Recorded)) == 3


def test_updates_and_a_rebuild_running_at_once_give_one_correct_read_model(db: str) -> None:
    """The scheduled update, an analyst's indicators (which catch up first) and a rebuild may
    all run at the same moment: each page is written once, whoever writes it."""
    from projections.readmodels import ReadModels

    app = _setup_site(db, "tps3r-wates", "tps3r")
    try:  # 3,000 entries in one save, as an import batch does
        work = UnitOfWork(app)
        stamp = {"operator": "admin", "on": DAY}
        for i in range(3000):
            work.add(EnvTrack.waste_in(work, "tps3r-wates", uuid4(), "plastik", WASTE_KG[i % 10], "tps", None, stamp))
        work.commit()
    finally:
        app.close()
    head = resolve(db).head_position()

    reached = run_together([(catch_up, (db,)), (catch_up, (db,)), (catch_up, (db, True)), (catch_up, (db,))])

    assert reached == [head] * 4
    with ReadModels(resolve(db)) as models:
        assert {row["position"] for row in models.status()} == {head}
        waste = waste_entries(models)
        assert models.frames().waste_daily["entries"].sum() == 3000
    assert len(waste) == 3000 and waste["entry_id"].is_unique
    assert waste["kg"].sum() == 300 * 16.25 == 4875.0

"""A process killed (SIGKILL) in the middle of an import, a rebuild or an update leaves the store
and the read models consistent, and running it again finishes the job: nothing lost, nothing
written twice. Real ``envtrack`` processes, killed once their progress shows they are mid-job."""

from __future__ import annotations

import csv
import json
import math
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from domain.waste import WasteEntry
from envtrack.application import EnvTrack
from envtrack.store import Store, resolve
from eventsourcing.utils import get_topic
from operators import DAY

ROWS = 20_000
KG = (0.5, 0.75, 1.0, 1.25)
"""Row i weighs KG[i % 4]: 20,000 rows are 5,000 × 3.5 = 17,500 kg (binary fractions: exact)."""
ROWS_KG = 17_500.0
SITE = "tps3r-wates"

pytestmark = pytest.mark.slow  # real processes

ENVTRACK = [sys.executable, "-m", "envtrack"]
TIMEOUT_S = 180


def envtrack(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ENVTRACK, "--db", db, "--lang", "en", "--operator", "dlh", *args],
        capture_output=True, text=True, timeout=TIMEOUT_S, env=_env(),
    )


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ENVTRACK_")}
    env["PYTHONUNBUFFERED"] = "1"
    return env


def kill_mid_job(db: str, args: list[str], progress: re.Pattern[str], tmp_path: Path) -> str:
    """Starts ``envtrack … args``, waits until a stderr line matches ``progress``, then sends
    SIGKILL. Fails if the job ended by itself first. Returns the stderr read until then."""
    out = open(tmp_path / "killed-stdout.txt", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [*ENVTRACK, "--db", db, "--lang", "en", "--operator", "dlh", *args],
        stdout=out, stderr=subprocess.PIPE, text=True, env=_env(),
    )
    watchdog = threading.Timer(TIMEOUT_S, process.kill)
    watchdog.start()
    seen = []
    try:
        assert process.stderr is not None
        for line in process.stderr:
            seen.append(line)
            if progress.search(line):
                process.send_signal(signal.SIGKILL)
                break
        process.wait(timeout=30)
    finally:
        watchdog.cancel()
        out.close()
    assert process.returncode == -signal.SIGKILL, f"not killed mid-job (exit {process.returncode}):\n{''.join(seen)}"
    return "".join(seen)


def kill_when(db: str, args: list[str], mid_job: Callable[[], bool]) -> None:
    """Starts ``envtrack … args`` and sends SIGKILL as soon as ``mid_job()`` (a look at the
    database) says it has done part of its work. Fails if the job ended by itself first."""
    process = subprocess.Popen(
        [*ENVTRACK, "--db", db, "--lang", "en", "--operator", "dlh", *args],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env(),
    )
    deadline = time.monotonic() + TIMEOUT_S
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if mid_job():
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.005)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL, f"not killed mid-job (exit {process.returncode}):\n{stderr}"


def query(store: Store, sql: str) -> object:
    """One value from the store's database, or None when the table is not there (yet)."""
    if store.backend == "sqlite":
        import sqlite3

        try:
            with sqlite3.connect(f"file:{store.sqlite_path}?mode=ro", uri=True, timeout=30) as conn:
                return conn.execute(sql.replace("{schema}.", "")).fetchone()[0]
        except sqlite3.OperationalError:
            return None
    import psycopg

    try:
        with psycopg.connect(**store.psycopg_conninfo()) as conn:  # type: ignore[arg-type]
            return conn.execute(sql.replace("{schema}", f'"{store.schema or "public"}"')).fetchone()[0]  # type: ignore[index]
    except psycopg.errors.UndefinedTable:
        return None


def write_logbook(path: Path, rows: int = ROWS) -> None:
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["date", "site", "category", "kg", "destination"])
        for i in range(rows):
            writer.writerow([f"2025-{1 + i % 6:02d}-{1 + i % 28:02d}", SITE, "plastik", KG[i % 4], "daur-ulang"])


def add_site(db: str) -> None:
    app = EnvTrack(resolve(db), operator="dlh", today=lambda: DAY)
    try:
        app.add_site(SITE, kind="tps3r", name="TPS3R Wates")
    finally:
        app.close()


def logged_waste(db: str, upto: int | None = None) -> list[tuple[str, float]]:
    """(entry id, kg) of every waste entry in the log (up to a position), read straight from
    the stored events."""
    found = []
    for page in resolve(db).read_log(upto=upto, topics=[get_topic(WasteEntry.Recorded)]):
        found.extend((str(row[1]), json.loads(row[4])["kg"]) for row in page)
    return found


def test_import_killed_midway_then_rerun_writes_every_row_once(db: str, tmp_path: Path) -> None:
    add_site(db)
    logbook = tmp_path / "timbangan-2025.csv"
    write_logbook(logbook)

    kill_mid_job(db, ["import", str(logbook)], re.compile(r"^\d+/20000 rows written"), tmp_path)

    # What the killed import left: whole batches only, and not all of them.
    partial = logged_waste(db)
    assert 0 < len(partial) < ROWS
    assert len(partial) % 1_000 == 0, "a batch was half written"
    assert len({entry_id for entry_id, _ in partial}) == len(partial)

    rerun = envtrack(db, "import", str(logbook))
    assert rerun.returncode == 0, rerun.stderr
    new_ids = rerun.stdout.split()
    assert len(new_ids) == ROWS - len(partial)
    assert f"{len(partial)} already present" in rerun.stderr

    logged = logged_waste(db)
    assert len(logged) == ROWS
    assert len({entry_id for entry_id, _ in logged}) == ROWS
    assert {entry_id for entry_id, _ in partial} | set(new_ids) == {entry_id for entry_id, _ in logged}
    assert sum(kg for _, kg in logged) == ROWS_KG
    assert resolve(db).head_position() >= 1 + ROWS

    again = envtrack(db, "import", str(logbook))
    assert again.returncode == 0, again.stderr
    assert again.stdout == ""
    assert len(logged_waste(db)) == ROWS
    assert timbulan_2025(db) == ROWS_KG


def timbulan_2025(db: str) -> float:
    """Timbulan for 2025 as ``envtrack indicators`` reports it (after catching up)."""
    done = envtrack(db, "indicators", "--year", "2025", "--format", "json")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["as_of_position"] == resolve(db).head_position()
    return figures["waste"]["timbulan_kg"]


def read_models(db: str):
    from projections.readmodels import ReadModels

    with ReadModels(resolve(db)) as models:
        return models.status(), models.frames()


def test_update_and_rebuild_killed_midway_leave_read_models_consistent(db: str, tmp_path: Path) -> None:
    from pandas.testing import assert_frame_equal

    from projections.schema import FRAMED

    rows = 40_000  # two pages of the read models' 20,000 events: the kill lands after the first
    add_site(db)
    # Read models that have read the site: the catch-up below goes page by page (a first one,
    # of a log this long, would be built as a rebuild, whose kill is the second part below).
    assert envtrack(db, "projections", "update").returncode == 0
    logbook = tmp_path / "timbangan-2025.csv"
    write_logbook(logbook, rows)
    assert envtrack(db, "import", str(logbook)).returncode == 0
    store = resolve(db)
    head = store.head_position()
    assert head == 1 + rows

    # An update killed once it has committed a page: rows and positions still agree.
    kill_when(db, ["projections", "update"],
              lambda: 1 < (query(store, "SELECT MIN(position) FROM {schema}.rm_positions") or 0) < head)
    status, frames = read_models(db)
    reached = {row["position"] for row in status}
    assert len(reached) == 1 and 1 < min(reached) < head
    below = logged_waste(db, upto=min(reached))
    assert frames.waste_daily["entries"].sum() == len(below)
    assert round(frames.waste_daily["kg"].sum(), 3) == round(math.fsum(kg for _, kg in below), 3)

    # Rerun: caught up, every entry once.
    assert envtrack(db, "projections", "update").returncode == 0
    status, frames = read_models(db)
    assert {row["position"] for row in status} == {head}
    assert frames.waste_daily["entries"].sum() == rows
    assert query(store, "SELECT COUNT(DISTINCT entry_id) FROM {schema}.rm_waste") == rows
    assert round(frames.waste_daily["kg"].sum(), 3) == 35_000.0  # 10,000 × 3.5 kg

    # Three more entries, then a rebuild killed while it fills its fresh tables: the previous
    # read model keeps serving, untouched, at the position it had reached.
    app = EnvTrack(store, operator="dlh", today=lambda: DAY)
    try:
        for kg in (2.0, 3.0, 4.0):
            app.record_waste(SITE, category="kertas-karton", kg=kg, destination="tpa")
    finally:
        app.close()
    kill_when(db, ["projections", "rebuild"],
              lambda: (query(store, "SELECT COUNT(*) FROM {schema}.rm_waste__new") or 0) > 0)
    status, killed = read_models(db)
    assert {row["position"] for row in status} == {head}
    assert_frame_equal(killed.waste_daily, frames.waste_daily)

    # An update still works on the serving model; a rerun rebuild gives the very same tables.
    assert envtrack(db, "projections", "update").returncode == 0
    _, updated = read_models(db)
    rebuilt_run = envtrack(db, "projections", "rebuild")
    assert rebuilt_run.returncode == 0, rebuilt_run.stderr
    status, rebuilt = read_models(db)
    assert {row["position"] for row in status} == {head + 3}
    for table in FRAMED:
        assert_frame_equal(rebuilt.table(table), updated.table(table), check_like=True)
    assert rebuilt.waste_daily["entries"].sum() == rows + 3
    assert timbulan_2025(db) == 35_009.0
    assert query(store, "SELECT COUNT(*) FROM {schema}.rm_waste__new") is None


def test_operator_killed_in_its_turn_does_not_block_the_others(db: str) -> None:
    """A process killed while it holds the turn of a school's ledger (mid-command) gives it back
    with its life: the next operator at that school waits for it, then records; one at another
    school never waits."""
    app = EnvTrack(resolve(db), operator="dlh", today=lambda: DAY)
    try:
        app.add_site("smpn6", kind="school", name="SMP Negeri 6")
        app.set_rate("smpn6", "pensil", bottles=10)
        app.receive_supplies("smpn6", "pensil", qty=5)
    finally:
        app.close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\n"
         "from domain.sambo import SupplyLedger\n"
         "from envtrack.store import resolve\n"
         "turns = resolve(sys.argv[1]).turns\n"
         "waited = turns.hold([SupplyLedger.id_for('smpn6')])\n"
         "print('held' if waited is False else waited, flush=True)\n"
         "time.sleep(120)\n", db],
        stdout=subprocess.PIPE, text=True, env=_env(),
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        recorded: list[str] = []

        def exchange() -> None:
            other = EnvTrack(resolve(db), operator="siti", today=lambda: DAY)
            try:
                recorded.append(str(other.record_exchange("smpn6", bottles=10, items={"pensil": 1})))
            finally:
                other.close()

        other_school = EnvTrack(resolve(db), operator="budi", today=lambda: DAY)
        try:
            other_school.add_site("sdn1", kind="school", name="SD Negeri 1")
            other_school.set_rate("sdn1", "pensil", bottles=10)
            other_school.receive_supplies("sdn1", "pensil", qty=1)
            other_school.record_exchange("sdn1", bottles=10, items={"pensil": 1})
        finally:
            other_school.close()
        waiting = threading.Thread(target=exchange)
        waiting.start()
        waiting.join(timeout=3)
        assert waiting.is_alive() and recorded == [], "recorded while another process held the turn"
        holder.send_signal(signal.SIGKILL)
        waiting.join(timeout=60)
        assert not waiting.is_alive() and len(recorded) == 1
    finally:
        holder.kill()
        holder.wait()
    check = EnvTrack(resolve(db), operator="dlh", today=lambda: DAY)
    try:
        assert check.supplies_stock("smpn6")["items"] == [{"item": "pensil", "qty": 4, "rate_bottles": 10}]
    finally:
        check.close()

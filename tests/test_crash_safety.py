"""A process killed (SIGKILL) in the middle of an import, a rebuild or an update leaves the store
and the read models consistent, and running it again finishes the job: nothing lost, nothing
written twice. Real ``envtrack`` processes, killed once their progress shows they are mid-job."""

from __future__ import annotations

import csv
import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from domain.waste import WasteEntry
from envtrack.application import EnvTrack
from envtrack.store import head_position, read_log, resolve
from eventsourcing.utils import get_topic
from operators import DAY

ROWS = 20_000
KG = (0.5, 0.75, 1.0, 1.25)
"""Row i weighs KG[i % 4]: 20,000 rows are 5,000 × 3.5 = 17,500 kg (binary fractions: exact)."""
ROWS_KG = 17_500.0
SITE = "tps3r-wates"

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


def logged_waste(db: str) -> list[tuple[str, float]]:
    """(entry id, kg) of every waste entry in the log, read straight from the stored events."""
    found = []
    for page in read_log(resolve(db), topics=[get_topic(WasteEntry.Recorded)]):
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
    assert head_position(resolve(db)) >= 1 + ROWS

    again = envtrack(db, "import", str(logbook))
    assert again.returncode == 0, again.stderr
    assert again.stdout == ""
    assert len(logged_waste(db)) == ROWS

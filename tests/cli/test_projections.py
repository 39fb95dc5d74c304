"""``envtrack projections update|rebuild|status`` end to end, and a rebuild killed mid-way."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import sqlite3
import textwrap
from datetime import date

import pytest

from envtrack.application import EnvTrack
from envtrack.store import resolve

from cli.support import assert_refused, invoke


@pytest.fixture
def recorded(envtrack):
    for args in (
        ("site", "add", "bank", "--kind", "waste-bank", "--name", "Bank Sampah", "--date", "2025-01-01"),
        ("waste", "record", "bank", "--category", "logam", "--kg", "3", "--destination", "daur-ulang", "--date", "2025-02-01"),
        ("waste", "record", "bank", "--category", "kaca", "--kg", "2", "--destination", "tpa", "--date", "2025-02-02"),
    ):
        assert envtrack(*args).exit_code == 0
    return envtrack


def test_status_update_rebuild(recorded, head):
    status = json.loads(recorded("projections", "status", "--format", "json").stdout)
    assert status == [
        {"projection": name, "position": 0, "head": 3, "lag": 3, "unreadable": []} for name in ("sites", "waste", "sambo", "ponds", "city")
    ]
    update = recorded("projections", "update")
    assert update.exit_code == 0 and update.stdout == ""
    assert update.stderr == "read models up to date at position 3 (3 events read)\n"
    assert [row["lag"] for row in json.loads(recorded("projections", "status", "--format", "json").stdout)] == [0] * 5
    assert recorded("waste", "record", "bank", "--category", "kain", "--kg", "1", "--destination", "tps").exit_code == 0
    assert recorded("projections", "update").stderr == "read models up to date at position 4 (1 events read)\n"
    rebuild = recorded("projections", "rebuild")
    assert rebuild.exit_code == 0 and rebuild.stdout == ""
    assert rebuild.stderr == "read models rebuilt up to position 4 (4 events read)\n"
    table = recorded("projections", "status", lang="id").stdout.splitlines()
    assert table[0].split() == ["Proyeksi", "Posisi", "Ujung", "log", "Tertinggal"]
    assert table[2].split() == ["lokasi", "4", "4", "0"]  # the sites read model, named in Indonesian


@pytest.mark.parametrize("command", [("status",), ("update",), ("rebuild",)])
def test_a_missing_store_is_refused_and_not_created(db, command):
    assert_refused(invoke(db, "projections", *command), "db")
    assert not resolve(db).exists()


def test_progress_goes_to_stderr_for_long_runs(capsys):
    from envtrack.cli.projections import ProgressPrinter
    from envtrack.context import Context

    printer = ProgressPrinter(Context(db="x.db", operator="t", lang="en"), "proj.rebuilding", after=0, every=0)
    printer(250, 1000)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "rebuilding: position 250 of 1000 (25%)\n"
    quiet = ProgressPrinter(Context(db="x.db", operator="t", lang="en"), "proj.rebuilding", after=60)
    quiet(1, 2)
    assert capsys.readouterr().err == ""


REBUILD_SLOWLY = textwrap.dedent(
    """
    import sys, time
    from envtrack.store import resolve
    from projections.readmodels import ReadModels

    def report(done, total):
        print(done, flush=True)
        time.sleep(0.2)

    ReadModels(resolve(sys.argv[1]), page_size=10).rebuild(report)
    """
)


@pytest.mark.slow
def test_a_rebuild_killed_mid_way_leaves_the_old_read_model_and_the_next_rebuild_succeeds(sqlite_db):
    app = EnvTrack(resolve(sqlite_db), operator="t", today=lambda: date(2025, 6, 30))
    app.add_site("bank", kind="waste-bank", name="Bank", on=date(2025, 1, 1))
    for day in range(1, 121):  # 120 × 1.5 kg = 180 kg to daur-ulang
        app.record_waste("bank", category="plastik", kg=1.5, destination="daur-ulang", on=date(2025, 1, 1 + day % 28))
    first = invoke(sqlite_db, "indicators", "--year", "2025", "--format", "json")
    assert json.loads(first.stdout)["waste"]["timbulan_kg"] == 180.0
    for _ in range(40):  # 40 more × 2 kg to tpa, not yet in the read model
        app.record_waste("bank", category="kaca", kg=2, destination="tpa", on=date(2025, 3, 1))
    app.close()

    process = subprocess.Popen(
        [sys.executable, "-c", REBUILD_SLOWLY, sqlite_db],
        stdout=subprocess.PIPE,
        text=True,
        cwd=os.getcwd(),
    )
    try:
        pages = [process.stdout.readline() for _ in range(3)]  # 3 pages of 10 written to fresh tables
        assert all(line.strip().isdigit() for line in pages), pages
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL
    with sqlite3.connect(sqlite_db) as conn:  # killed mid-way: the fresh tables are half-filled
        building = conn.execute("SELECT COUNT(*) FROM rm_waste__new").fetchone()[0]
    assert 20 <= building < 160

    status = json.loads(invoke(sqlite_db, "projections", "status", "--format", "json").stdout)
    assert [row["position"] for row in status] == [121] * 5  # the old read model, still serving
    assert [row["lag"] for row in status] == [40] * 5
    rebuild = invoke(sqlite_db, "projections", "rebuild")
    assert rebuild.exit_code == 0, rebuild.stderr
    report = json.loads(invoke(sqlite_db, "indicators", "--year", "2025", "--format", "json").stdout)
    assert report["as_of_position"] == 161
    assert report["waste"]["timbulan_kg"] == 260.0  # 180 + 40 × 2
    assert report["waste"]["pct_penanganan"] == 30.77  # 80 / 260 = 30.769…

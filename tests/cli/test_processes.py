"""Real processes on a SQLite file: the console script, ``python -m envtrack``, the environment
variables, and what a recording command imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.support import UUID_LINE

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
HEAVY = ("pandas", "matplotlib", "sqlalchemy")


def _env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("ENVTRACK_")}
    env.update(extra)
    return env


def _run(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)


def test_each_command_in_its_own_process_sees_what_the_last_one_wrote(tmp_path):
    env = _env(ENVTRACK_OPERATOR="takmir-ahmad", ENVTRACK_LANG="en")
    envtrack = str(BIN / "envtrack")
    added = _run(envtrack, "site", "add", "bank-sampah-melati", "--kind", "waste-bank", "--name", "Bank Sampah Melati", env=env, cwd=tmp_path)
    assert (added.returncode, added.stdout, added.stderr) == (0, "", "site bank-sampah-melati added\n")
    assert (tmp_path / "envtrack.db").is_file()  # the default store, in the current directory
    recorded = _run(envtrack, "waste", "record", "bank-sampah-melati", "--category", "logam", "--kg", "7.25", "--destination", "daur-ulang", env=env, cwd=tmp_path)
    assert recorded.returncode == 0 and UUID_LINE.fullmatch(recorded.stdout), recorded.stderr
    voided = _run(sys.executable, "-m", "envtrack", "void", recorded.stdout.strip(), "--reason", "salah timbang", env=env, cwd=tmp_path)
    assert (voided.returncode, voided.stdout) == (0, "")
    log = _run(sys.executable, "-m", "envtrack", "log", "--format", "json", env=env, cwd=tmp_path)
    rows = json.loads(log.stdout)
    assert [row["event"] for row in rows] == ["Site.Registered", "WasteEntry.Recorded", "WasteEntry.Voided"]
    assert {row["operator"] for row in rows} == {"takmir-ahmad"}
    assert rows[2]["entry_id"] == recorded.stdout.strip() and rows[2]["data"]["reason"] == "salah timbang"


def test_refusal_in_a_real_process_has_no_traceback(tmp_path):
    db = str(tmp_path / "city.db")
    env = _env(ENVTRACK_DB=db)
    _run(str(BIN / "envtrack"), "site", "add", "sdn-1", "--kind", "school", "--name", "SD 1", env=env, cwd=tmp_path)
    refused = _run(str(BIN / "envtrack"), "--lang", "en", "waste", "record", "sdn-1", "--category", "kaca", "--kg", "-inf", "--destination", "tps", env=env, cwd=tmp_path)
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == "Error: kg '-inf': is not a number (write 1.5 or 1,5, without thousands separators)\n"


LAUNCH_PROBE = """
import gc, sys
import envtrack.launch as launch
at_start_up = gc.isenabled()
def command():
    print("command:", gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)
launch.run_command = command
launch.main()
print("start-up:", at_start_up, "exit:", gc.isenabled(), file=sys.stderr)
"""


def test_the_command_runs_with_the_collector_on_and_its_start_up_frozen(tmp_path):
    probe = _run(sys.executable, "-c", LAUNCH_PROBE, env=_env(), cwd=tmp_path)
    assert probe.stderr.splitlines() == ["command: True True", "start-up: False exit: True"], probe.stderr


def test_read_command_on_a_missing_store_creates_no_file(tmp_path):
    refused = _run(str(BIN / "envtrack"), "--db", "nothing-here.db", "log", env=_env(), cwd=tmp_path)
    assert refused.returncode == 1 and refused.stderr.startswith("Error: db 'nothing-here.db'")
    assert list(tmp_path.iterdir()) == []


IMPORTS_AFTER_RUN = """
import sys
from envtrack.cli import cli
sys.argv = ["envtrack", *sys.argv[1:]]
try:
    cli(prog_name="envtrack")
except SystemExit as done:
    code = done.code
print("loaded:", ",".join(sorted(m for m in {heavy!r} if m in sys.modules)), "exit:", code, file=sys.stderr)
""".format(heavy=HEAVY)


@pytest.mark.parametrize(
    "command",
    [
        ("waste", "record", "sdn-1", "--category", "plastik", "--kg", "1.5", "--destination", "daur-ulang"),
        ("exchange", "record", "sdn-1", "--bottles", "30", "--item", "pensil"),
        ("pond", "feed", "kolam-1", "--kg", "2"),
    ],
)
def test_recording_commands_load_neither_pandas_matplotlib_nor_sqlalchemy(tmp_path, command):
    env = _env(ENVTRACK_DB=str(tmp_path / "envtrack.db"))
    envtrack = str(BIN / "envtrack")
    for setup in (
        ("site", "add", "sdn-1", "--kind", "school", "--name", "SD 1"),
        ("supplies", "rate", "sdn-1", "pensil", "--bottles", "30"),
        ("supplies", "receive", "sdn-1", "pensil", "--qty", "5"),
        ("pond", "add", "kolam-1", "--site", "sdn-1", "--volume-m3", "2"),
        ("pond", "stock", "kolam-1", "--species", "lele", "--count", "100"),
    ):
        assert _run(envtrack, *setup, env=env, cwd=tmp_path).returncode == 0
    run = _run(sys.executable, "-c", IMPORTS_AFTER_RUN, *command, env=env, cwd=tmp_path)
    assert UUID_LINE.fullmatch(run.stdout), run.stderr
    assert run.stderr.splitlines()[-1] == "loaded:  exit: 0"

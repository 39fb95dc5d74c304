"""A recording command loads only the programme it records: defining the event classes of a
programme costs tens of milliseconds of every cold start (see bench/README.md)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

SCRIPT = """
import sys
from envtrack.cli import cli
try:
    cli(sys.argv[1:], prog_name="envtrack")
except SystemExit as done:
    assert not done.code, done.code
print(",".join(sorted(m for m in sys.modules if m.startswith("domain."))), file=sys.stderr)
"""


def run(db: str, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith("ENVTRACK_")}
    return subprocess.run([sys.executable, "-c", SCRIPT, "--db", db, "--operator", "t", *args],
                          capture_output=True, text=True, timeout=120, env=env, check=True)


def domain_modules_loaded(db: str, *args: str) -> set[str]:
    return set(run(db, *args).stderr.strip().splitlines()[-1].split(","))


def test_waste_record_loads_neither_the_sambo_nor_the_pond_module(tmp_path):
    db = str(tmp_path / "envtrack.db")
    run(db, "site", "add", "bank-sampah-1", "--kind", "waste-bank", "--name", "Bank Sampah")
    loaded = domain_modules_loaded(db, "waste", "record", "bank-sampah-1", "--category", "kaca", "--kg", "3",
                                   "--destination", "daur-ulang")
    assert {"domain.sites", "domain.waste"} <= loaded
    assert not loaded & {"domain.sambo", "domain.ponds"}


def test_pond_records_do_not_load_the_sambo_module_nor_exchanges_the_pond_module(tmp_path):
    db = str(tmp_path / "envtrack.db")
    run(db, "site", "add", "masjid-1", "--kind", "mosque", "--name", "Masjid")
    run(db, "site", "add", "sdn-1", "--kind", "school", "--name", "SD 1")
    run(db, "pond", "add", "kolam-1", "--site", "masjid-1", "--volume-m3", "2")
    pond = domain_modules_loaded(db, "pond", "stock", "kolam-1", "--species", "lele", "--count", "100")
    assert "domain.ponds" in pond and "domain.sambo" not in pond
    deposit = domain_modules_loaded(db, "exchange", "record", "sdn-1", "--bottles", "12")
    assert "domain.sambo" in deposit and "domain.ponds" not in deposit

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


LOADED_SCRIPT = SCRIPT.replace('if m.startswith("domain.")', "if not m.startswith(('_', 'encodings.'))")


def modules_loaded(db: str, *args: str) -> set[str]:
    """Every module a command in a fresh process has loaded when it is done."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("ENVTRACK_")}
    done = subprocess.run([sys.executable, "-c", LOADED_SCRIPT, "--db", db, "--operator", "t", *args],
                          capture_output=True, text=True, timeout=120, env=env, check=True)
    return set(done.stderr.strip().splitlines()[-1].split(","))


def test_waste_record_loads_only_what_it_uses(tmp_path):
    """What a waste record does not use stays unloaded: the pond's readings (a reading's range
    check is in ``domain.pond_norms``), the read side, ``hashlib`` (ids come from ``_sha1``),
    ``difflib`` (close names, for a name refused), ``getpass`` (the login name, when no
    ``--operator`` is given), ``zlib`` (turns) and the refusals' words."""
    db = str(tmp_path / "envtrack.db")
    run(db, "site", "add", "bank-sampah-1", "--kind", "waste-bank", "--name", "Bank Sampah")
    loaded = modules_loaded(db, "waste", "record", "bank-sampah-1", "--category", "kaca", "--kg", "3",
                            "--destination", "daur-ulang")
    assert {"domain.waste", "domain.sites", "domain.pond_norms", "envtrack.cli.waste"} <= loaded
    unused = {"domain.pond_readings", "domain.pond_entry", "domain.cycles", "domain.ponds", "domain.sambo",
              "domain.city", "hashlib", "difflib", "getpass", "zlib", "envtrack.messages", "pandas",
              "matplotlib", "sqlalchemy", "projections"}
    assert loaded & unused == set()


def test_ids_made_without_hashlib_are_uuid5s():
    """``domain.values.uuid5`` gives ``uuid.uuid5``'s id (so every stored id stays as it was)."""
    import uuid

    from domain import values
    from domain.city import CITY_ID

    assert values.ENVTRACK_NAMESPACE == uuid.uuid5(uuid.NAMESPACE_URL, "https://envtrack.invalid/ids")
    for name in ("site/bank-sampah-1", "pond/kolam-1", "sambo-ledger/sdn-1", "site/masjid-al-ikhlas", "ä/ß"):
        assert values.uuid5(values.ENVTRACK_NAMESPACE, name) == uuid.uuid5(values.ENVTRACK_NAMESPACE, name)
    assert values.site_id("bank-sampah-1") == uuid.uuid5(values.ENVTRACK_NAMESPACE, "site/bank-sampah-1")
    assert CITY_ID == uuid.uuid5(values.ENVTRACK_NAMESPACE, "city")


def test_a_waste_record_loads_only_its_own_backend(db):
    """SQLite's driver and store module on SQLite only; PostgreSQL's on PostgreSQL only."""
    run(db, "site", "add", "bank-sampah-1", "--kind", "waste-bank", "--name", "Bank Sampah")
    loaded = modules_loaded(db, "waste", "record", "bank-sampah-1", "--category", "kaca", "--kg", "3",
                            "--destination", "daur-ulang")
    sqlite_modules = {"sqlite3", "envtrack.store.sqlite", "eventsourcing.sqlite"}
    postgres_modules = {"psycopg", "envtrack.store.postgres", "eventsourcing.postgres"}
    ours, other = (sqlite_modules, postgres_modules) if "://" not in db else (postgres_modules, sqlite_modules)
    assert ours <= loaded
    assert loaded & other == set()

"""In a wrong folder: a refused recording command creates no store file, and a command that
needs a store says there is none at that path, to change folder or give --db; the advice works
when followed."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from cli.support import CLEAN_ENV, assert_refused, invoke
from envtrack.cli import cli
from envtrack.store import resolve

RECORDS = [
    ("waste", "record", "bank-sampah-melati", "--category", "kain", "--kg", "2", "--destination", "tps"),
    ("exchange", "record", "smpn-6", "--bottles", "12"),
    ("supplies", "rate", "smpn-6", "pensil", "--bottles", "20"),
    ("supplies", "receive", "smpn-6", "pensil", "--qty", "10"),
    ("bottles", "handover", "smpn-6", "--weight-kg", "1.2", "--to", "bank-sampah"),
    ("pond", "add", "kolam-1", "--site", "masjid-1", "--volume-m3", "3"),
    ("pond", "feed", "kolam-1", "--kg", "1"),
    ("site", "update", "smpn-6", "--population", "300"),
    ("site", "close", "smpn-6", "--reason", "pindah"),
    ("void", "6abb1b04", "--reason", "dua kali"),
    ("correct", "6abb1b04", "--kg", "2", "--reason", "timbang ulang"),
]
FIRST_SITES_REFUSED = [
    ("site", "add", "Bank Melati", "--kind", "waste-bank", "--name", "Bank Sampah Melati"),  # not a slug
    ("site", "add", "bank-melati", "--kind", "bank", "--name", "Bank Sampah Melati"),  # no such kind
    ("site", "add", "bank-melati", "--kind", "waste-bank", "--name", "Bank Sampah Melati", "--population", "-3"),
    ("site", "add", "bank-melati", "--kind", "waste-bank", "--name", "B", "--date", "2099-01-01"),  # future
]
READS = [
    ("log",),
    ("indicators",),
    ("site", "list"),
    ("site", "show", "smpn-6"),
    ("supplies", "stock", "smpn-6"),
    ("pond", "show", "kolam-1"),
    ("pond", "list"),
    ("city", "show"),
    ("projections", "status"),
    ("sync", "status"),
]


def here(*args: str, lang: str | None = "en", env: dict | None = None):
    """The command line as typed in the current folder: no --db, so ``envtrack.db`` here."""
    runner = CliRunner(env={**CLEAN_ENV, **(env or {})})
    return runner.invoke(cli, [*(["--lang", lang] if lang else []), "--operator", "siti", *args])


def store_files(folder) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith("envtrack.db"))


@pytest.mark.parametrize("args", RECORDS + FIRST_SITES_REFUSED, ids=lambda a: " ".join(a[:2]))
def test_a_refused_recording_command_creates_no_store_file(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    run = here(*args)
    assert run.exit_code == 1, run.output
    assert run.stdout == "" and "Traceback" not in run.stderr
    assert store_files(tmp_path) == []


@pytest.mark.parametrize("args", RECORDS[:3], ids=lambda a: " ".join(a[:2]))
def test_a_refused_record_creates_no_tables_in_a_store_that_is_not_there(db, args):
    run = invoke(db, *args)
    assert_refused(run, "db")
    assert not resolve(db).exists()
    if resolve(db).backend == "sqlite":
        assert not os.path.exists(db)


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_a_command_without_a_store_says_there_is_none_at_that_path_and_what_to_do(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    run = here(*args)
    path = tmp_path / "envtrack.db"
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr == (
        f"Error: db 'envtrack.db': has no envtrack store at {path}: change to the folder that holds your "
        f"store, or give its path or URL before the command: envtrack --db PATH … ('envtrack init' starts "
        f"a new store at {path})\n"
    )
    assert store_files(tmp_path) == []


def test_the_advice_is_in_indonesian_by_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = here("log", lang=None)
    assert run.stderr.startswith(f"Error: db 'envtrack.db': belum berisi penyimpanan envtrack di {tmp_path / 'envtrack.db'}: "
                                 "pindah ke folder tempat penyimpanan Anda, atau berikan path atau URL-nya sebelum perintah: "
                                 "envtrack --db PATH")


def test_the_advice_works_when_followed(tmp_path, monkeypatch):
    office, elsewhere = tmp_path / "kantor", tmp_path / "unduhan"
    office.mkdir()
    elsewhere.mkdir()
    monkeypatch.chdir(office)
    assert here("site", "add", "bank-sampah-melati", "--kind", "waste-bank", "--name", "Bank Sampah Melati").exit_code == 0
    monkeypatch.chdir(elsewhere)
    assert here("log").exit_code == 1
    # give --db before the command, as the advice says
    followed = here("--db", str(office / "envtrack.db"), "log", "--format", "json")
    assert followed.exit_code == 0, followed.stderr
    assert '"event": "Site.Registered"' in followed.stdout
    # or change to the folder that holds the store
    monkeypatch.chdir(office)
    assert '"site": "bank-sampah-melati"' in here("log", "--format", "json").stdout
    # or start a new store where it was looked for
    monkeypatch.chdir(elsewhere)
    assert here("init").exit_code == 0
    started = here("log")
    assert (started.exit_code, started.stderr) == (0, "(no events yet)\n")


def test_the_first_site_add_starts_the_store(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = here("site", "add", "bank-sampah-melati", "--kind", "waste-bank", "--name", "Bank Sampah Melati")
    assert (run.exit_code, run.stderr) == (0, "site bank-sampah-melati added\n")
    assert "envtrack.db" in store_files(tmp_path)
    assert here("waste", "record", "bank-sampah-melati", "--category", "kain", "--kg", "2", "--destination", "tps").exit_code == 0


def test_the_city_record_may_start_a_store_but_a_refused_one_creates_none(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    refused = here("city", "set", "--year", "2024", "--target-pengurangan", "130")
    assert refused.exit_code == 1 and "Traceback" not in refused.stderr
    assert store_files(tmp_path) == []
    assert here("city", "set", "--year", "2024", "--population", "134000").exit_code == 0
    assert "envtrack.db" in store_files(tmp_path)

"""A store on read-only media (or made read-only with chmod) still serves every read command,
opened read-only (SQLite ``mode=ro``, or ``immutable=1`` where SQLite cannot even make its
shared-memory file); read models that cannot be caught up are said to be so and the figures come
from the log itself; commands that would write are refused naming the store; nothing changes."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from cli.support import invoke
from envtrack.application import EnvTrack
from envtrack.store import resolve

MODES = ["chmod", "read-only-mount"]


def _fill(db: str, *, caught_up: bool) -> None:
    """A waste bank: 10 kg plastik to daur-ulang (read models caught up to it, position 2), then
    4 kg kertas-karton to tpa (position 3), caught up too only if ``caught_up``."""
    app = EnvTrack(resolve(db), operator="tester")
    try:
        app.add_site("bank", kind="waste-bank", name="Bank Sampah", on=date(2025, 1, 1))
        app.record_waste("bank", category="plastik", kg=10, destination="daur-ulang", on=date(2025, 2, 1))
        assert invoke(db, "projections", "update").exit_code == 0
        app.record_waste("bank", category="kertas-karton", kg=4, destination="tpa", on=date(2025, 3, 1))
    finally:
        app.close()
    if caught_up:
        assert invoke(db, "projections", "update").exit_code == 0


def _mount_read_only(source: Path, target: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("READ-ONLY MEDIA NOT TESTED: a read-only bind mount needs root (the chmod case runs)")
    target.mkdir()
    for args in (["mount", "--bind", str(source), str(target)], ["mount", "-o", "remount,bind,ro", str(target)]):
        done = subprocess.run(args, capture_output=True, text=True)
        if done.returncode != 0:
            subprocess.run(["umount", str(target)], capture_output=True)
            pytest.skip(f"READ-ONLY MEDIA NOT TESTED: {' '.join(args)} failed here: {done.stderr.strip()}")


@pytest.fixture(params=MODES)
def read_only_store(request, tmp_path) -> Iterator[Callable[..., str]]:
    """``make(caught_up=…)``: a store filled by ``_fill`` in a folder, then made read-only:
    the file 0444 and its folder 0555 (which even root is taken to mean), or the folder bind
    mounted read-only (real read-only media: nobody, root included, can write there)."""
    media = tmp_path / "media"
    media.mkdir()
    cleanup: list[Callable[[], object]] = []

    def make(*, caught_up: bool = False) -> str:
        db = media / "envtrack.db"
        _fill(str(db), caught_up=caught_up)
        if request.param == "chmod":
            db.chmod(0o444)
            media.chmod(0o555)
            cleanup.append(lambda: (media.chmod(0o755), db.chmod(0o644)))
            return str(db)
        mounted = tmp_path / "mounted"
        _mount_read_only(media, mounted)
        cleanup.append(lambda: subprocess.run(["umount", str(mounted)], check=True))
        return str(mounted / "envtrack.db")

    try:
        yield make
    finally:
        for undo in reversed(cleanup):
            undo()


def _contents(folder: Path) -> dict[str, str]:
    """Every file of the folder (the store and any journal beside it) by its SHA-256."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(folder.iterdir())}


def test_read_commands_serve_a_read_only_store_and_change_nothing(read_only_store):
    db = read_only_store()
    folder = Path(db).parent
    before = _contents(folder)
    assert resolve(db).is_read_only()
    logged = invoke(db, "log", "--format", "json")
    assert logged.exit_code == 0, logged.stderr
    assert [row["event"] for row in json.loads(logged.stdout)] == [
        "Site.Registered", "WasteEntry.Recorded", "WasteEntry.Recorded"]
    listed = invoke(db, "site", "list", "--format", "json")
    assert listed.exit_code == 0, listed.stderr
    assert [site["site"] for site in json.loads(listed.stdout)] == ["bank"]
    status = invoke(db, "projections", "status", "--format", "json")
    assert status.exit_code == 0, status.stderr
    assert {row["lag"] for row in json.loads(status.stdout)} == {1}  # every projection at position 2 of 3

    figures = invoke(db, "indicators", "--year", "2025", "--format", "json")
    assert figures.exit_code == 0, figures.stderr
    assert (f"{db} is read-only: the read models (at position 2) cannot be caught up with the log (head 3); "
            "figures are computed from the log itself") in figures.stderr
    report = json.loads(figures.stdout)
    assert report["as_of_position"] == 3
    waste = report["waste"]
    assert waste["timbulan_kg"] == 14.0  # 10 + 4
    assert waste["pengurangan_kg"] == 10.0 and waste["penanganan_kg"] == 4.0
    assert waste["pct_pengurangan"] == 71.43  # 100 · 10 / 14 = 71.428…
    assert waste["pct_penanganan"] == 28.57  # 100 · 4 / 14 = 28.571…
    by_month = invoke(db, "indicators", "--year", "2025", "--by", "month", "--format", "json", lang="id")
    assert by_month.exit_code == 0 and "hanya-baca" in by_month.stderr
    assert [row["timbulan_kg"] for row in json.loads(by_month.stdout)][:3] == [0, 10.0, 4.0]
    after = _contents(folder)
    assert after.get("envtrack.db") == before["envtrack.db"]
    # Nothing else either, but the shared-memory and journal files SQLite may make beside a
    # store it reads in WAL mode when the folder lets it (root's chmod case).
    assert {k: v for k, v in after.items() if not k.endswith(("-shm", "-wal"))} == {
        k: v for k, v in before.items() if not k.endswith(("-shm", "-wal"))}


def test_read_models_that_reached_the_head_are_read_as_they_are(read_only_store):
    db = read_only_store(caught_up=True)
    figures = invoke(db, "indicators", "--year", "2025", "--format", "json")
    assert figures.exit_code == 0, figures.stderr
    assert "read-only" not in figures.stderr
    assert json.loads(figures.stdout)["waste"]["timbulan_kg"] == 14.0  # 10 + 4


def test_the_store_is_opened_with_mode_ro_or_as_immutable_on_read_only_media(read_only_store, request):
    db = read_only_store()
    uri = resolve(db).read_only_uri()
    mounted = "read-only-mount" in request.node.name
    if mounted or os.geteuid() != 0:
        # Nobody may make the shared-memory file a WAL store needs: only immutable=1 opens it.
        assert uri.endswith("?immutable=1"), uri
    else:
        assert uri.endswith("?mode=ro"), uri
    assert invoke(db, "log", "--limit", "1").exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ("waste", "record", "bank", "--category", "kaca", "--kg", "1", "--destination", "tps"),
        ("projections", "update"),
        ("projections", "rebuild"),
        ("init",),
    ],
    ids=["waste-record", "projections-update", "projections-rebuild", "init"],
)
def test_commands_that_write_are_refused_naming_the_store(read_only_store, args):
    db = read_only_store()
    before = hashlib.sha256(Path(db).read_bytes()).hexdigest()
    refused = invoke(db, *args)
    assert refused.exit_code == 1
    assert refused.stdout == ""
    assert refused.stderr == f"Error: db {db!r}: is read-only (a read-only file, folder or disk): nothing can be written to it\n"
    assert hashlib.sha256(Path(db).read_bytes()).hexdigest() == before


def test_a_writable_store_is_not_taken_for_a_read_only_one(sqlite_db):
    _fill(sqlite_db, caught_up=False)
    assert not resolve(sqlite_db).is_read_only()
    figures = invoke(sqlite_db, "indicators", "--year", "2025", "--format", "json")
    assert figures.exit_code == 0 and "read-only" not in figures.stderr
    mode = stat.S_IMODE(os.stat(sqlite_db).st_mode)
    assert mode & 0o200

"""``--out`` files are written whole or not at all: a full disk or a folder without write
permission gives ``Error: --out …: cannot be written (…)``, exit 1, no traceback, and leaves the
previous file as it was and nothing else behind."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from envtrack.application import EnvTrack
from envtrack.store import resolve
from projections.sheets import write_file

from cli.support import invoke

FORMATS = ["table", "csv", "json", "xlsx"]
PREVIOUS = b"last month's figures\n"
ENVTRACK = Path(sys.executable).with_name("envtrack")


def _message(stderr: str) -> list[str]:
    """stderr without the progress lines a slow machine may print while the read models catch up."""
    return [line for line in stderr.splitlines() if not line.startswith("updating: position ")]


@pytest.fixture
def store(sqlite_db) -> str:
    """One site and one waste record (2025)."""
    app = EnvTrack(resolve(sqlite_db), operator="tester")
    try:
        from datetime import date

        app.add_site("bank", kind="waste-bank", name="Bank Sampah", on=date(2025, 1, 1))
        app.record_waste("bank", category="plastik", kg=12.5, destination="daur-ulang", on=date(2025, 2, 1))
    finally:
        app.close()
    return sqlite_db


@pytest.fixture
def full_disk(tmp_path) -> Path:
    """A folder on a 64 KiB tmpfs holding a previous output file, filled to the last block."""
    if os.geteuid() != 0:
        pytest.skip("a full disk is made by mounting a 64 KiB tmpfs, which needs root")
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"no tmpfs can be mounted here: {mounted.stderr.strip()}")
    try:
        for fmt in FORMATS:
            (folder / f"indikator.{fmt}").write_bytes(PREVIOUS)
        filler = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(filler, b"\0" * 512)
        except OSError as error:
            assert error.errno == errno.ENOSPC
        finally:
            os.close(filler)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk_is_refused_naming_out_and_keeps_the_previous_file(store, full_disk, fmt):
    out = full_disk / f"indikator.{fmt}"
    before = sorted(path.name for path in full_disk.iterdir())
    run = invoke(store, "indicators", "--year", "2025", "--format", fmt, "--out", str(out))
    assert (run.exit_code, run.stdout) == (1, "")
    assert _message(run.stderr) == [f"Error: --out '{out}': cannot be written (No space left on device)"]
    assert out.read_bytes() == PREVIOUS
    assert sorted(path.name for path in full_disk.iterdir()) == before  # no half-written file left


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk_leaves_no_empty_file_where_there_was_none(store, full_disk, fmt):
    out = full_disk / f"neu.{fmt}"
    run = invoke(store, "indicators", "--year", "2025", "--format", fmt, "--out", str(out))
    assert (run.exit_code, run.stdout) == (1, "")
    assert _message(run.stderr) == [f"Error: --out '{out}': cannot be written (No space left on device)"]
    assert not out.exists()
    assert not [path.name for path in full_disk.iterdir() if path.name.startswith((".neu", "neu"))]


def _without_permission_override() -> list[str]:
    """A command prefix under which file permissions hold for this user: as root, without the
    capabilities that let root write anywhere."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv (util-linux): file permissions cannot be made to apply")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_folder_without_write_permission_is_refused_and_keeps_the_previous_file(store, tmp_path, fmt):
    folder = tmp_path / "locked"
    folder.mkdir()
    out = folder / f"indikator.{fmt}"
    out.write_bytes(PREVIOUS)
    folder.chmod(0o555)
    try:
        env = {**os.environ, "ENVTRACK_DB": store, "ENVTRACK_LANG": "en", "ENVTRACK_OPERATOR": "tester"}
        run = subprocess.run(
            [*_without_permission_override(), str(ENVTRACK), "indicators", "--year", "2025",
             "--format", fmt, "--out", str(out)],
            capture_output=True, text=True, env=env, timeout=120,
        )
    finally:
        folder.chmod(0o755)
    assert (run.returncode, run.stdout) == (1, "")
    assert _message(run.stderr) == [f"Error: --out '{out}': cannot be written (Permission denied)"]
    assert out.read_bytes() == PREVIOUS
    assert [path.name for path in folder.iterdir()] == [out.name]


def test_out_replaces_the_previous_file_whole_and_leaves_nothing_beside_it(store, tmp_path):
    out = tmp_path / "reports" / "indikator.xlsx"
    out.parent.mkdir()
    out.write_bytes(PREVIOUS)
    run = invoke(store, "indicators", "--year", "2025", "--by", "category", "--format", "xlsx", "--out", str(out))
    assert (run.exit_code, run.stdout) == (0, ""), run.stderr
    sheet = openpyxl.load_workbook(out).active
    assert {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}["plastik"] == 12.5
    assert [path.name for path in out.parent.iterdir()] == ["indikator.xlsx"]


def test_out_through_a_link_writes_the_file_it_points_to(store, tmp_path):
    target = tmp_path / "target.csv"
    target.write_bytes(PREVIOUS)
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    run = invoke(store, "indicators", "--year", "2025", "--format", "csv", "--out", str(link))
    assert run.exit_code == 0, run.stderr
    assert link.is_symlink()
    assert target.read_bytes().startswith(b"key,indicator,value\r\n")


def test_a_file_that_may_not_be_written_is_refused_as_open_refuses_it(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root may write any file")  # covered for root by the folder test above
    target = tmp_path / "kept.csv"
    target.write_bytes(PREVIOUS)
    target.chmod(0o444)
    with pytest.raises(PermissionError):
        write_file(target, b"new")
    assert target.read_bytes() == PREVIOUS

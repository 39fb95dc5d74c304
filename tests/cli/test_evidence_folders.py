"""``evidence export --out`` writes a new folder beside the target and swaps it in: it never
writes through a symbolic link planted in the target, and an export that fails part way (a full
disk, no permission) leaves the previous pack whole and verifying, and everything else as it was.

The folder behaviour does not depend on the store: these tests use a SQLite file.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from projections.evidence import pack_files

from cli.support import invoke

CITY = [
    ("site", "add", "smpn-6", "--kind", "school", "--name", "SMP Negeri 6", "--date", "2025-01-02"),
    ("waste", "record", "smpn-6", "--category", "plastik", "--kg", "12.5", "--destination", "daur-ulang", "--date", "2025-02-03"),
]
MORE = ("waste", "record", "smpn-6", "--category", "kaca", "--kg", "2", "--destination", "tps", "--date", "2025-06-01")


def record(db: str, *records: tuple[str, ...]) -> None:
    for args in records:
        run = invoke(db, *args)
        assert run.exit_code == 0, run.stderr


def export(db: str, out: Path):
    return invoke(db, "evidence", "export", "--year", "2025", "--out", str(out))


def snapshot(folder: Path) -> dict[str, tuple[str, str]]:
    """Every entry under ``folder``, never following a link: (kind, SHA-256 or link text)."""
    found = {}
    for root, folders, names in os.walk(folder):
        for name in [*names, *folders]:
            path = Path(root, name)
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[key] = ("link", os.readlink(path))
            elif path.is_file():
                found[key] = ("file", hashlib.sha256(path.read_bytes()).hexdigest())
            else:
                found[key] = ("folder", "")
    return found


def leftovers(parent: Path, name: str) -> list[str]:
    return sorted(entry for entry in os.listdir(parent) if entry.startswith(f".{name}."))


def test_a_symlink_planted_in_out_is_never_written_through(sqlite_db, tmp_path):
    record(sqlite_db, *CITY)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.pdf").write_bytes(b"%PDF the city's signed contract")
    (elsewhere / "data.csv").write_text("a,b\n", encoding="utf-8")
    out = tmp_path / "pack"
    out.mkdir()
    (out / "laporan.pdf").symlink_to(elsewhere / "precious.pdf")
    (out / "sambo-bulan.csv").symlink_to(elsewhere / "data.csv")
    (out / "catatan.txt").write_text("notes of the assessor\n", encoding="utf-8")
    (out / "foto").mkdir()
    (out / "foto" / "tps.jpg").write_bytes(b"\xff\xd8 a photo")
    (out / "arsip").symlink_to(elsewhere)
    before = snapshot(elsewhere)
    notes_inode = os.stat(out / "catatan.txt").st_ino

    run = export(sqlite_db, out)

    assert run.exit_code == 0, run.stderr
    assert snapshot(elsewhere) == before
    for name in pack_files():
        assert not (out / name).is_symlink() and (out / name).is_file(), name
    # other entries are kept as they were: the notes (the same file), the folder, the link
    assert (out / "catatan.txt").read_text(encoding="utf-8") == "notes of the assessor\n"
    assert os.stat(out / "catatan.txt").st_ino == notes_inode
    assert (out / "foto" / "tps.jpg").read_bytes() == b"\xff\xd8 a photo"
    assert os.readlink(out / "arsip") == str(elsewhere)
    assert leftovers(tmp_path, "pack") == []
    verify = invoke(sqlite_db, "evidence", "verify", str(out))
    assert verify.exit_code == 0, verify.stdout
    assert "note: catatan.txt is not part of the pack" in verify.stderr


def test_out_that_is_a_link_to_a_folder_stays_a_link(sqlite_db, tmp_path):
    record(sqlite_db, *CITY)
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "evidence").symlink_to(real)

    assert export(sqlite_db, tmp_path / "evidence").exit_code == 0
    assert export(sqlite_db, tmp_path / "evidence").exit_code == 0

    assert os.readlink(tmp_path / "evidence") == str(real)
    assert sorted(os.listdir(real)) == sorted(pack_files())
    assert invoke(sqlite_db, "evidence", "verify", str(tmp_path / "evidence")).exit_code == 0


@pytest.fixture
def small_disk():
    """A 3 MiB tmpfs: a real filesystem that fills up. Mounting needs root (CAP_SYS_ADMIN)."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs root: the full-disk export is not tested here")
    point = Path(tempfile.mkdtemp(prefix="envtrack-full-disk-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(point)], capture_output=True, text=True)
    if mounted.returncode != 0:
        point.rmdir()
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip()}): the full-disk export is not tested")
    try:
        yield point
    finally:
        subprocess.run(["umount", str(point)], check=True)
        point.rmdir()


def test_a_reexport_onto_a_full_disk_leaves_the_old_pack_whole_and_verifying(sqlite_db, small_disk):
    record(sqlite_db, *CITY)
    out = small_disk / "pack"
    assert export(sqlite_db, out).exit_code == 0
    (small_disk / "lain.txt").write_text("another file on the disk\n", encoding="utf-8")
    pack_size = sum(path.stat().st_size for path in out.iterdir())
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    # leave room for a third of a new pack: the new one fails part way
    (small_disk / "isi.bin").write_bytes(b"\0" * max(free - pack_size // 3, 0))
    before = snapshot(small_disk)
    record(sqlite_db, MORE)

    run = export(sqlite_db, out)

    assert run.exit_code == 1
    assert run.stdout == ""
    assert run.stderr == f"Error: --out '{out}': cannot be written (No space left on device)\n"
    assert snapshot(small_disk) == before  # the old pack, the other files, and no half-written folder
    assert leftovers(small_disk, "pack") == []
    verify = invoke(sqlite_db, "evidence", "verify", str(out))
    assert verify.exit_code == 0, verify.stdout


def test_an_export_without_permission_leaves_the_old_pack_whole_and_verifying(tmp_path):
    """The pack's folder may not be changed by the user exporting (as root, the export runs
    with the effective user id of ``nobody``; otherwise the folder is made read-only)."""
    base = Path(tempfile.mkdtemp(prefix="envtrack-permission-"))
    try:
        os.chmod(base, 0o755)
        (base / "store").mkdir(mode=0o777)
        os.chmod(base / "store", 0o777)
        db = str(base / "store" / "envtrack.db")
        packs = base / "packs"
        packs.mkdir(mode=0o755)
        record(db, *CITY)
        out = packs / "pack"
        assert export(db, out).exit_code == 0
        record(db, MORE)
        before = snapshot(base / "packs")

        if os.geteuid() == 0:
            import pwd

            nobody = pwd.getpwnam("nobody").pw_uid
            for path in (base / "store").iterdir():
                os.chown(path, nobody, -1)
            os.setresuid(-1, nobody, 0)  # keeps the saved id: root again below
            try:
                run = export(db, out)
            finally:
                os.setresuid(-1, 0, 0)
        else:
            os.chmod(packs, 0o555)
            try:
                run = export(db, out)
            finally:
                os.chmod(packs, 0o755)

        assert run.exit_code == 1, run.stderr
        assert run.stderr == f"Error: --out '{out}': cannot be written (Permission denied)\n"
        assert snapshot(base / "packs") == before
        assert invoke(db, "evidence", "verify", str(out)).exit_code == 0
    finally:
        shutil.rmtree(base)


def test_a_folder_where_a_pack_file_goes_is_refused_and_kept(sqlite_db, tmp_path):
    record(sqlite_db, *CITY)
    out = tmp_path / "pack"
    (out / "laporan.pdf").mkdir(parents=True)
    (out / "laporan.pdf" / "draft.txt").write_text("draft", encoding="utf-8")

    run = export(sqlite_db, out)

    assert run.exit_code == 1
    assert run.stderr.startswith(f"Error: --out '{out}': cannot be written (Is a directory)")
    assert sorted(os.listdir(out)) == ["laporan.pdf"]
    assert (out / "laporan.pdf" / "draft.txt").read_text(encoding="utf-8") == "draft"
    assert leftovers(tmp_path, "pack") == []

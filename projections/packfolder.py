"""Writing a pack into a folder without ever harming what is there or elsewhere.

``replacing(target, owned)`` yields a new, empty folder beside ``target`` (same parent, so on the
same filesystem). Everything is written there; only when all of it has been written does the new
folder take ``target``'s place:

1. entries of ``target`` whose names are not in ``owned`` (an assessor's notes, say) are carried
   into the new folder: files as hard links (copies where the filesystem has none), folders
   likewise, symbolic links as links with the same text; nothing is followed;
2. ``target`` is renamed aside, the new folder renamed to ``target``, the old one removed.

Nothing is ever opened inside ``target``, so a symbolic link planted there (``laporan.pdf ->
/elsewhere``) is never written through: it is simply not carried over. A folder where a file
of the pack goes is refused (IsADirectoryError) before anything is written, never removed. Any error on the way
(a full disk, no permission) removes the new folder and leaves ``target`` exactly as it was. A
process killed before step 2 leaves ``target`` as it was and a ``.NAME.new-…`` folder beside it;
killed between the two renames of step 2 (no data is written there), the previous pack is in
``.NAME.old-…`` beside it.

``target`` itself may be a symbolic link to a folder (the user chose it): the folder it points to
is the one replaced, and the link keeps pointing at it.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class MountPointError(OSError):
    """``target`` is a mount point: it cannot be swapped for a folder beside it."""


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, destination, follow_symlinks=False)


def _carry_over(old: Path, new: Path, owned: set[str]) -> None:
    with os.scandir(old) as entries:
        for entry in entries:
            if entry.name in owned:
                continue
            destination = os.path.join(new, entry.name)
            if entry.is_symlink():
                os.symlink(os.readlink(entry.path), destination)
            elif entry.is_dir(follow_symlinks=False):
                shutil.copytree(entry.path, destination, symlinks=True, copy_function=_link_or_copy)
            elif entry.is_file(follow_symlinks=False):
                _link_or_copy(entry.path, destination)


def _fresh(parent: Path, name: str, kind: str) -> Path:
    return parent / f".{name}.{kind}-{secrets.token_hex(4)}"


def _sync(folder: Path) -> None:
    """Every file written into ``folder``, and the folder itself, on disk before the swap (a full
    disk may only show here)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_file(follow_symlinks=False):
                fd = os.open(entry.path, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def replacing(target: Path, owned: set[str]) -> Iterator[Path]:
    """A new folder to write into; swapped in for ``target`` when the block ends without error."""
    target = Path(os.path.realpath(target)) if target.is_symlink() else Path(os.path.abspath(target))
    existed = target.is_dir()
    if existed and os.path.ismount(target):
        raise MountPointError(0, "is a mount point: give a folder inside it")
    for name in sorted(owned) if existed else ():
        path = target / name
        if path.is_dir() and not path.is_symlink():  # someone's folder where a pack file goes: never removed
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    new = _fresh(target.parent, target.name, "new")
    os.mkdir(new)  # never follows a link; the mode follows the umask, as any new folder's
    old = None
    try:
        yield new
        if existed:
            _carry_over(target, new, owned)
            shutil.copymode(target, new)
        _sync(new)
        if existed:
            old = _fresh(target.parent, target.name, "old")
            os.rename(target, old)
        try:
            os.rename(new, target)
        except BaseException:
            if old is not None:
                os.rename(old, target)
            raise
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    try:
        _sync_folder(target.parent)
    except OSError:  # a parent folder that may not be opened for reading: the swap is done
        pass
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)

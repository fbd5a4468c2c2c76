"""Private on disk: the workshop's files are readable by the user alone.

A workshop holds private notes about a company's leaders, so the data folder is 0700 and every
file the store writes (the database, SQLite's ``-wal``/``-shm``, the lock, the recovery
journal, the backups) is 0600. SQLite gives its ``-wal``, ``-shm`` and ``-journal`` files the
permissions of the database file, so making the database 0600 before the first connection is
what keeps them private; :func:`private_umask` covers the moment a file is first created.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """Files created inside this block are 0600 (folders 0700) whatever the user's umask.

    The umask is process-wide, so this is held only around the creation of one of our own
    files; exports and everything else keep the user's umask.
    """
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def make_folder_private(folder: Path, *, ours: bool = True) -> None:
    """Create ``folder`` (0700) if needed; make an existing one 0700 when it is ``ours``.

    Ours: the app's data folder and the backup folder. A folder the user named themselves
    (``--db /some/where/file``) is left as it is when it already exists: the files the app
    writes inside are 0600 anyway.
    """
    if not folder.exists():
        with private_umask():
            folder.mkdir(parents=True, exist_ok=True)
        return
    if ours:
        _chmod(folder, PRIVATE_FOLDER)


def make_file_private(path: Path) -> None:
    """chmod 0600 when the file exists and is ours (nothing to do otherwise)."""
    _chmod(path, PRIVATE_FILE)


def _chmod(path: Path, mode: int) -> None:
    try:
        info = path.stat()
    except OSError:
        return
    if stat.S_IMODE(info.st_mode) == mode or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
        return
    with contextlib.suppress(OSError):
        path.chmod(mode)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (0600) so a crash leaves either the old or the new bytes.

    A temporary file in the same folder is written, flushed to disk and renamed over the
    target; then the folder itself is flushed so the rename survives a power cut.
    """
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    with private_umask():
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """fsync a folder so a rename or a new file in it is durable (a no-op on Windows)."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)

"""One app per database: a lock file beside it, seen by the app and the command line alike.

The app holds an exclusive lock on ``<database>.lock`` for as long as it runs. The lock is the
operating system's (``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows), so it ends
with the process: a crash or a ``kill -9`` leaves the file behind but never a stale lock, and
the next start simply takes it. The file's content says who holds it and which workshops that
app has open, so the command line can refuse to replace or delete one of them while leaving
imports and exports free to run. No Qt here: the CLI must see the lock without importing it.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from workshop.store.errors import StoreError
from workshop.store.privacy import (
    PRIVATE_FILE,
    make_file_private,
    make_folder_private,
    private_umask,
)

# sys.platform (not os.name) so that type checkers know which branch the platform takes.
if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    _WINDOWS_LOCK_OFFSET = 1 << 20  # lock a byte past the content, so readers can read it
else:
    import fcntl

ACQUIRE_WAIT_S = 2.0  # a CLI command peeking at the lock holds it for a moment


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class DatabaseInUse(StoreError):
    """Another app has this database open."""


@dataclass(frozen=True)
class LockInfo:
    """What the holder of the lock wrote in it."""

    pid: int | None = None
    host: str = ""
    started: str = ""
    sessions: tuple[str, ...] = field(default_factory=tuple)

    @property
    def who(self) -> str:
        return f"process {self.pid}" if self.pid else "another app"


def _try_lock(file: IO[bytes], *, exclusive: bool) -> bool:
    if sys.platform == "win32":  # pragma: no cover
        file.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    try:
        fcntl.flock(file.fileno(), mode | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(file: IO[bytes]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        file.seek(_WINDOWS_LOCK_OFFSET)
        with contextlib.suppress(OSError):
            msvcrt.locking(file.fileno(), msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(file.fileno(), fcntl.LOCK_UN)


def _open_lock_file(path: Path) -> IO[bytes]:
    with private_umask():
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
    make_file_private(path)
    return os.fdopen(descriptor, "r+b", buffering=0)


class DatabaseLock:
    """The app's hold on one database. Use :func:`acquire`; :meth:`release` when done."""

    def __init__(self, db_path: Path, file: IO[bytes]) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._file: IO[bytes] | None = file
        self._info = LockInfo(
            pid=os.getpid(),
            host=socket.gethostname(),
            started=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        self._write()

    @property
    def held(self) -> bool:
        return self._file is not None

    def set_open_sessions(self, session_ids: list[str] | tuple[str, ...]) -> None:
        """Record which workshops this app has open (the CLI reads it before replacing one)."""
        self._info = LockInfo(
            self._info.pid, self._info.host, self._info.started, tuple(session_ids)
        )
        self._write()

    def _write(self) -> None:
        if self._file is None:
            return
        data = json.dumps(
            {
                "pid": self._info.pid,
                "host": self._info.host,
                "started": self._info.started,
                "sessions": list(self._info.sessions),
            }
        ).encode()
        # Rewritten in place (renaming a new file over it would leave our lock on a file
        # nobody else opens). The content is a few hundred bytes: one write.
        descriptor = self._file.fileno()
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, data, 0) if hasattr(os, "pwrite") else self._file.write(data)

    def release(self) -> None:
        if self._file is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._file.fileno(), 0)
            _unlock(self._file)
        self._file.close()
        self._file = None

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def acquire(db_path: Path, *, wait_s: float = ACQUIRE_WAIT_S) -> DatabaseLock:
    """Take the database's lock, or raise :class:`DatabaseInUse` naming who holds it."""
    path = lock_path(db_path)
    try:
        make_folder_private(db_path.parent, ours=False)  # a new data folder is made 0700
        file = _open_lock_file(path)
    except OSError as error:
        raise StoreError(
            f"cannot create the lock file {path}: {error.strerror or error}"
        ) from error
    deadline = time.monotonic() + wait_s
    while not _try_lock(file, exclusive=True):
        if time.monotonic() >= deadline:
            info = _read_info(file)
            file.close()
            raise DatabaseInUse(
                f"{db_path} is already open in the app ({info.who}); "
                "use that window, or close it first"
            )
        time.sleep(0.05)
    return DatabaseLock(db_path, file)


def holder(db_path: Path) -> LockInfo | None:
    """Who holds the database's lock, or None when no app has it open.

    Only a peek: it never creates the lock file and holds nothing afterwards.
    """
    path = lock_path(db_path)
    try:
        file = open(path, "rb", buffering=0)  # noqa: SIM115 - closed below
    except OSError:
        return None
    try:
        if _try_lock(file, exclusive=False):
            _unlock(file)
            return None
        return _read_info(file)
    finally:
        file.close()


def _read_info(file: IO[bytes]) -> LockInfo:
    for _ in range(5):  # the holder may be rewriting it this very moment
        file.seek(0)
        try:
            data: Any = json.loads(file.read(65536) or b"{}")
            return LockInfo(
                pid=int(data["pid"]) if data.get("pid") else None,
                host=str(data.get("host", "")),
                started=str(data.get("started", "")),
                sessions=tuple(str(s) for s in data.get("sessions", ())),
            )
        except (ValueError, TypeError, AttributeError, OSError):
            time.sleep(0.02)
    return LockInfo()


def refuse_if_open(db_path: Path, session_id: str | None, doing: str) -> None:
    """Raise a one-line :class:`DatabaseInUse` when an app holds ``session_id`` open.

    ``session_id`` None means the whole database (a restore), refused whenever an app runs.
    An unreadable lock content counts as "might be open": refusing is the safe side.
    """
    info = holder(db_path)
    if info is None:
        return
    if session_id is None:
        raise DatabaseInUse(
            f"cannot {doing}: the database is open in the app ({info.who}); close the app first"
        )
    if session_id in info.sessions or not info.pid:
        raise DatabaseInUse(
            f"cannot {doing}: that workshop is open in the app ({info.who}); close it there first"
        )

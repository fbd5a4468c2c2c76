"""Damage caught at start: the checks run before the database is used, and what they decide.

In order, when a store opens an existing file (see :func:`prepare`):

1. **A hot rollback journal** (``<db>-journal``, left by a process killed in the middle of a
   transaction in rollback mode, e.g. a migration) is rolled back by opening the file
   read-write once. This must come before anything opens it read-only: a read-only
   connection cannot roll a hot journal back and fails instead.
2. **A write-ahead log that does not belong** (:func:`check_wal`). SQLite applies any valid
   ``-wal`` it finds beside a database; one left there by another copy of the file would be
   applied silently and mix two databases. Every process of ours creates the ``-wal`` itself
   and records its identity (device and inode, with the database's) in ``<db>.wal-id``; a
   ``-wal`` holding at least one frame whose identity is not the recorded one is refused,
   untouched, with one line saying how to set it aside.
3. **quick_check** on a read-only connection: a damaged, truncated or foreign file is refused
   with one line (:class:`DamagedDatabaseError`) and never modified; the caller offers the
   newest good backup or a new database.

A full ``integrity_check`` (slower: it reads every index) runs once a day in the background
(:func:`full_check_due`, :func:`full_check`).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import struct
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from workshop.store.errors import NewerDatabaseError, StoreError
from workshop.store.privacy import (
    PRIVATE_FILE,
    make_file_private,
    private_umask,
    write_atomically,
)
from workshop.store.versioning import DatabaseState, inspect_database

WAL_HEADER_SIZE = 32
WAL_FRAME_HEADER_SIZE = 24
WAL_MAGICS = (0x377F0682, 0x377F0683)
FULL_CHECK_EVERY_S = 24 * 3600
FULL_CHECK_AT_OPEN_BYTES = 64 * 1024 * 1024

RESTORE_HINT = "restore the newest good backup with: workshop backups restore latest"


class DamagedDatabaseError(StoreError):
    """The file is damaged, truncated or not a database; it was left as it was."""


class ForeignWalError(StoreError):
    """A ``-wal`` beside the database was not written for this file; it was not applied."""


def wal_path(db_path: Path) -> Path:
    return Path(f"{db_path}-wal")


def shm_path(db_path: Path) -> Path:
    return Path(f"{db_path}-shm")


def journal_path(db_path: Path) -> Path:
    return Path(f"{db_path}-journal")


def wal_id_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".wal-id")


def read_only_uri(db_path: Path) -> str:
    """A read-only URI that creates no -wal/-shm when there is no -wal (``immutable``)."""
    immutable = "" if wal_path(db_path).exists() else "&immutable=1"
    return f"file:{quote(str(db_path.absolute()))}?mode=ro{immutable}"


# --- 1. a hot journal ----------------------------------------------------------------------


def roll_back_hot_journal(db_path: Path) -> bool:
    """Roll back a transaction a killed process left half-done; True when there was one."""
    journal = journal_path(db_path)
    try:
        if journal.stat().st_size == 0:
            return False
    except OSError:
        return False
    try:
        connection = sqlite3.connect(db_path, timeout=5)
        try:
            connection.execute("PRAGMA schema_version").fetchone()  # reading rolls it back
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DamagedDatabaseError(
            f"{db_path} could not be recovered from an interrupted save ({error}); {RESTORE_HINT}"
        ) from error
    return True


# --- 2. a write-ahead log that does not belong ----------------------------------------------


@dataclass(frozen=True)
class WalHeader:
    magic: int
    page_size: int
    checkpoint: int
    salt: tuple[int, int]


def read_wal_header(path: Path) -> WalHeader | None:
    try:
        with path.open("rb") as file:
            data = file.read(WAL_HEADER_SIZE)
    except OSError:
        return None
    if len(data) < WAL_HEADER_SIZE:
        return None
    magic, _version, page_size, checkpoint, salt1, salt2, _c1, _c2 = struct.unpack(">8I", data)
    if magic not in WAL_MAGICS:
        return None
    return WalHeader(magic, page_size, checkpoint, (salt1, salt2))


def _db_page_size(db_path: Path) -> int | None:
    try:
        with db_path.open("rb") as file:
            header = file.read(100)
    except OSError:
        return None
    if len(header) < 100:
        return None
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def _identity(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_dev, info.st_ino]


def wal_holds_frames(db_path: Path) -> bool:
    """True when the ``-wal`` could change what SQLite reads (a valid header and a frame)."""
    wal = wal_path(db_path)
    header = read_wal_header(wal)
    if header is None:
        return False  # SQLite ignores a log without a valid header
    try:
        size = wal.stat().st_size
    except OSError:
        return False
    return size >= WAL_HEADER_SIZE + WAL_FRAME_HEADER_SIZE + header.page_size


def check_wal(db_path: Path) -> None:
    """Refuse (without touching anything) a ``-wal`` that was not written for this file."""
    wal = wal_path(db_path)
    if not wal.exists() or not wal_holds_frames(db_path):
        return
    header = read_wal_header(wal)
    assert header is not None
    reason = ""
    page_size = _db_page_size(db_path)
    if page_size is not None and header.page_size != page_size:
        reason = "its page size differs from the database's"
    else:
        recorded = _read_wal_id(db_path)
        if recorded is None:
            reason = "no record says this copy of the database wrote it"
        elif recorded.get("db") != _identity(db_path) or recorded.get("wal") != _identity(wal):
            reason = "it was written for another copy of the database"
    if reason:
        raise ForeignWalError(
            f"{db_path} has a write-ahead log beside it ({wal.name}) that does not belong to it "
            f"({reason}); it was not applied and nothing was changed. Move {wal.name} away to "
            f"open the database as it is, or {RESTORE_HINT}"
        )


def _read_wal_id(db_path: Path) -> dict[str, list[int]] | None:
    try:
        data = json.loads(wal_id_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def claim_wal(db_path: Path) -> None:
    """Create the ``-wal`` ourselves (0600) before SQLite opens the file, and record it.

    SQLite uses an existing empty log as it is, so the log it writes into is the one whose
    identity was recorded here; :func:`check_wal` compares against this record next time.
    """
    wal = wal_path(db_path)
    with contextlib.suppress(FileExistsError), private_umask():
        os.close(os.open(wal, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    make_file_private(wal)
    record = {"db": _identity(db_path), "wal": _identity(wal)}
    if _read_wal_id(db_path) != record:
        with contextlib.suppress(OSError):
            write_atomically(wal_id_path(db_path), json.dumps(record).encode())


def release_wal(db_path: Path) -> None:
    """After a clean close: with the log gone (SQLite removes it), its record goes too."""
    if not wal_path(db_path).exists():
        with contextlib.suppress(OSError):
            wal_id_path(db_path).unlink()


def set_wal_aside(db_path: Path) -> Path:
    """Rename a refused ``-wal`` (and its ``-shm``) out of SQLite's way; returns the new name."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = wal_path(db_path).with_name(f"{db_path.name}-wal.set-aside-{stamp}")
    os.replace(wal_path(db_path), target)
    with contextlib.suppress(FileNotFoundError):
        shm_path(db_path).unlink()
    return target


# --- 3. quick_check, and the daily integrity_check ----------------------------------------------


def _size_problem(db_path: Path) -> str:
    """A truncated file: fewer bytes than the header says the database has."""
    try:
        with db_path.open("rb") as file:
            header = file.read(100)
        size = db_path.stat().st_size
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    if len(header) < 100:
        return "is truncated (shorter than a database header)"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "has a damaged header"
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[24:28] == header[92:96]  # "in-header database size" is trusted
    if header_valid and pages and size < pages * page_size and not wal_path(db_path).exists():
        return f"is truncated ({size} bytes of {pages * page_size})"
    if size % page_size:
        return "is truncated (not a whole number of pages)"
    return ""


def run_check(db_path: Path, pragma: str = "quick_check") -> str:
    """'' when ``PRAGMA quick_check``/``integrity_check`` finds nothing, else the first problem.

    Read-only: never modifies the file (nor creates -wal/-shm when there is no -wal).
    """
    try:
        connection = sqlite3.connect(read_only_uri(db_path), uri=True, timeout=5)
    except sqlite3.Error as error:
        return str(error)
    try:
        rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.Error as error:
        return str(error)
    finally:
        connection.close()
    problems = [str(row[0]) for row in rows if row and row[0] != "ok"]
    return problems[0] if problems else ""


def check_file(db_path: Path) -> None:
    """Raise :class:`DamagedDatabaseError` when the file fails the size test or quick_check."""
    problem = _size_problem(db_path) or ""
    if not problem:
        # quick_check does not compare indexes with their tables, and a flipped byte in an
        # index is the commonest damage; a workshop database is small enough (a few MB) for
        # the full check to take milliseconds, so it runs whenever the file is not large.
        small = db_path.stat().st_size <= FULL_CHECK_AT_OPEN_BYTES
        detail = run_check(db_path, "integrity_check" if small else "quick_check")
        if detail:
            problem = f"is damaged ({detail.splitlines()[0]})"
    if problem:
        raise DamagedDatabaseError(
            f"{db_path} {problem}; it was not changed. To go on, {RESTORE_HINT}"
        )


def prepare(db_path: Path) -> None:
    """Steps 1 and 2 of the module docstring, for an existing file. Step 3 comes after the
    schema version check (a newer database is refused as such, not as damaged)."""
    roll_back_hot_journal(db_path)
    check_wal(db_path)


def check_database(path: Path) -> DatabaseState:
    """Everything checked before a database is used (see :mod:`workshop.store.health`).

    Read-only except for rolling back a hot journal, which SQLite must do before anyone
    can read the file at all.
    """
    if path.is_file() and path.stat().st_size:
        prepare(path)
    try:
        state = inspect_database(path)
    except NewerDatabaseError:
        raise
    except StoreError as error:
        if path.is_file():  # not a database, or unreadable as one: offer a backup
            raise DamagedDatabaseError(f"{error}; {RESTORE_HINT}") from error
        raise
    if state.kind != "new":
        check_file(path)
    return state


# --- the daily full check --------------------------------------------------------------------


def _full_check_stamp(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".checked")


def full_check_due(db_path: Path, now: float | None = None) -> bool:
    try:
        last = _full_check_stamp(db_path).stat().st_mtime
    except OSError:
        return True
    return (now if now is not None else time.time()) - last >= FULL_CHECK_EVERY_S


def full_check(db_path: Path) -> str:
    """Run ``integrity_check``; remember when it passed. Returns '' or the first problem."""
    problem = run_check(db_path, "integrity_check")
    if not problem:
        with contextlib.suppress(OSError):
            write_atomically(_full_check_stamp(db_path), datetime.now(UTC).isoformat().encode())
    return problem

"""SQLite engines: the app's everyday engine and the dedicated one migrations run on.

Every connection of the everyday engine gets foreign keys ON, WAL, ``synchronous=FULL`` (a
commit survives a power cut) and a busy timeout. Transactions use SQLAlchemy's documented
pysqlite recipe (driver autocommit, ``BEGIN`` emitted by us), so a transaction really begins
where SQLAlchemy says it does: reads in :meth:`Store.load` see one consistent snapshot and a
write transaction can take the write lock up front (``BEGIN IMMEDIATE``), which lets the busy
timeout work instead of failing on a lock upgrade.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.pool import ConnectionPoolEntry, NullPool

from workshop.store.catalog import fold

BUSY_TIMEOUT_MS = 5000
# Execution option read by the "begin" listener: "DEFERRED" (reads) or "IMMEDIATE" (writes).
BEGIN_MODE = "workshop_begin_mode"

# File systems where SQLite's WAL cannot work (it needs shared memory between processes).
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smbfs", "smb2", "smb3", "ncpfs", "afs", "9p", "ceph",
        "glusterfs", "lustre", "gpfs", "beegfs", "davfs", "fuse.davfs2", "fuse.sshfs", "sshfs",
        "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse", "fuse.glusterfs", "fuse.cephfs",
    }
)  # fmt: skip


def sqlite_url(path: Path) -> URL:
    return URL.create("sqlite+pysqlite", database=str(path))


def _register_functions(dbapi_connection: sqlite3.Connection) -> None:
    dbapi_connection.create_function("workshop_fold", 1, fold, deterministic=True)


def make_engine(path: Path, *, wal: bool = True) -> Engine:
    """The app's engine for the file at ``path`` (which must already be at the head revision)."""
    engine = create_engine(sqlite_url(path), connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    journal_mode = "WAL" if wal else "DELETE"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see module doc)
        _register_functions(dbapi_connection)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA journal_mode={journal_mode}")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(BEGIN_MODE, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def make_migration_engine(path: Path) -> Engine:
    """A one-connection engine for schema migrations: foreign keys OFF, transactional DDL.

    Foreign keys must be off while Alembic's batch mode recreates a parent table: with them
    on, dropping the old ``sessions`` table would cascade and delete every child row. The
    pragma has no effect inside a transaction, so it is set on connect, before ``BEGIN``.
    """
    engine = create_engine(
        sqlite_url(path),
        poolclass=NullPool,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None
        _register_functions(dbapi_connection)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=OFF")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


# --- Network file systems ---------------------------------------------------------------


def filesystem_type(path: Path, mounts_file: Path = Path("/proc/self/mounts")) -> str | None:
    """The file system type holding ``path`` on Linux (from /proc/self/mounts), else None."""
    try:
        mounts = mounts_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    target = os.path.realpath(path.absolute())  # resolves what exists, keeps the rest
    best: tuple[int, str] | None = None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), parts[2])
    return best[1] if best else None


def network_filesystem(path: Path) -> str | None:
    """A short name of the network file system ``path`` is on, or None when it looks local.

    Cheap checks only: /proc/self/mounts on Linux, UNC paths and the drive type on Windows.
    On other systems (macOS) a network share is not detected; the README says to keep the
    database on a local disk.
    """
    if sys.platform == "win32":
        text = str(path.absolute())
        if text.startswith("\\\\"):
            return "network share"
        try:
            import ctypes

            drive_remote = 4
            root = os.path.splitdrive(text)[0] + "\\"
            if ctypes.windll.kernel32.GetDriveTypeW(root) == drive_remote:
                return "network drive"
        except (AttributeError, OSError):
            return None
        return None
    fs_type = filesystem_type(path)
    if fs_type and (fs_type in NETWORK_FILESYSTEMS or fs_type.split(".")[0] in NETWORK_FILESYSTEMS):
        return fs_type
    return None

"""Automatic backups: a rotating, verified set of copies beside the database.

A backup is made with SQLite's online backup API (a consistent copy even while the app is
writing; never a file copy of an open database), checked with ``integrity_check``, and only
then given its name: a copy that is not whole is never listed. They are made at start (when
the database changed since the last one), every few minutes of editing, and before any
migration, demo refresh, delete or restore.

They live in ``<database>.backups/`` beside the database (in the user data folder by default),
0600 in a 0700 folder. Rotation keeps the newest :data:`KEEP_LATEST`, plus the newest of each
of the last :data:`KEEP_DAYS` days, plus the newest one taken before a schema upgrade (the one
copy an older version of the app can still open).

A restore (:func:`restore`) puts a verified backup in place of the database with no
``-wal``/``-shm`` left beside it; a database that was still readable is backed up first, a
damaged one is renamed aside (kept as it was, never modified).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from workshop.store import health
from workshop.store.errors import StoreError
from workshop.store.privacy import (
    PRIVATE_FILE,
    make_file_private,
    make_folder_private,
    private_umask,
    sync_folder,
)

KEEP_LATEST = 10
KEEP_DAYS = 7
EDITING_INTERVAL_S = 5 * 60  # "every few minutes of editing"
SUFFIX = ".sqlite3"
UPGRADE = "before-upgrade"
REASONS = ("start", "editing", UPGRADE, "before-delete", "before-demo", "before-restore", "manual")


@dataclass(frozen=True)
class Backup:
    """One backup file and what it holds (read from the copy itself)."""

    id: str
    path: Path
    made_at: datetime  # UTC
    reason: str
    workshops: tuple[str, ...] = ()  # "Organisation — Title", deleted ones left out
    last_edit: datetime | None = None
    readable: bool = True

    @property
    def summary(self) -> str:
        count = len(self.workshops)
        return f"{count} workshop{'s' if count != 1 else ''}"


def backups_folder(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


def _parse_name(path: Path) -> tuple[str, datetime, str] | None:
    # 20261201-212300-123456.start.sqlite3
    if not path.name.endswith(SUFFIX):
        return None
    stem = path.name[: -len(SUFFIX)]
    backup_id, _, reason = stem.partition(".")
    try:
        made_at = datetime.strptime(backup_id, "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
    except ValueError:
        return None
    return backup_id, made_at, reason or "manual"


def _files(db_path: Path) -> list[tuple[str, datetime, str, Path]]:
    folder = backups_folder(db_path)
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        parsed = _parse_name(path)
        if parsed is not None:
            found.append((*parsed, path))
    found.sort(key=lambda entry: entry[1], reverse=True)
    return found


def _describe(backup_id: str, made_at: datetime, reason: str, path: Path) -> Backup:
    uri = f"file:{quote(str(path.absolute()))}?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            rows = connection.execute(
                "SELECT organisation, title, updated_at FROM sessions WHERE deleted_at IS NULL "
                "ORDER BY workshop_date DESC, updated_at DESC"
            ).fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return Backup(backup_id, path, made_at, reason, readable=False)
    names = tuple(
        " — ".join(p for p in (org, title) if p) or "(untitled)" for org, title, _ in rows
    )
    edits = [datetime.fromisoformat(str(u)).replace(tzinfo=UTC) for _, _, u in rows if u]
    return Backup(backup_id, path, made_at, reason, names, max(edits) if edits else None)


def list_backups(db_path: Path) -> list[Backup]:
    """Every backup of the database, newest first, with what each holds."""
    return [_describe(*entry) for entry in _files(db_path)]


def newest_made_at(db_path: Path) -> datetime | None:
    files = _files(db_path)
    return files[0][1] if files else None


def make_backup(db_path: Path, reason: str) -> Backup:
    """Copy the database now (backup API), verify the copy, name it, rotate the set."""
    folder = backups_folder(db_path)
    try:
        make_folder_private(folder)
    except OSError as error:
        raise StoreError(
            f"cannot create the backup folder {folder}: {error.strerror or error}"
        ) from error
    made_at = datetime.now(UTC)
    backup_id = made_at.strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{backup_id}.{reason}{SUFFIX}"
    partial = folder / f".{backup_id}.partial"
    source_uri = f"file:{quote(str(db_path.absolute()))}?mode=ro"
    try:
        source = sqlite3.connect(source_uri, uri=True, timeout=5)
        try:
            with private_umask():
                destination = sqlite3.connect(partial)
            try:
                source.backup(destination)
                destination.execute("PRAGMA journal_mode=DELETE")  # a standalone file
                problems = [r[0] for r in destination.execute("PRAGMA integrity_check")]
            finally:
                destination.close()
        finally:
            source.close()
        if problems != ["ok"]:
            raise StoreError(
                f"the backup of {db_path} failed its check ({problems[0]}); it was discarded"
            )
        make_file_private(partial)
        with open(partial, "rb+") as file:
            os.fsync(file.fileno())
        os.replace(partial, target)
        sync_folder(folder)
    except (sqlite3.Error, OSError) as error:
        raise StoreError(f"could not back up {db_path}: {error}") from error
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
        with contextlib.suppress(OSError):
            Path(f"{partial}-journal").unlink()
    rotate(db_path)
    return Backup(backup_id, target, made_at, reason)


def backup_if_changed(db_path: Path, reason: str = "start") -> Backup | None:
    """A backup unless the newest one is younger than the database's last change."""
    newest = newest_made_at(db_path)
    if newest is not None:
        changed = max(
            (p.stat().st_mtime for p in (db_path, health.wal_path(db_path)) if p.exists()),
            default=0.0,
        )
        if changed <= newest.timestamp():
            return None
    return make_backup(db_path, reason)


def rotate(db_path: Path, today: date | None = None) -> list[Path]:
    """Delete the backups the policy no longer keeps; returns what was deleted."""
    files = _files(db_path)
    keep: set[Path] = {path for _, _, _, path in files[:KEEP_LATEST]}
    today = today or datetime.now().date()
    seen_days: set[date] = set()
    for _, made_at, _, path in files:  # newest first: the first seen per day is its newest
        day = made_at.astimezone().date()
        if today - day < timedelta(days=KEEP_DAYS) and day not in seen_days:
            seen_days.add(day)
            keep.add(path)
    upgrades = [path for _, _, reason, path in files if reason == UPGRADE]
    if upgrades:
        keep.add(upgrades[0])
    removed = []
    for _, _, _, path in files:
        if path not in keep:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    # Half-written copies from a process killed during a backup.
    for stale in backups_folder(db_path).glob(".*.partial*"):
        with contextlib.suppress(OSError):
            stale.unlink()
    return removed


def find(db_path: Path, backup_id: str) -> Backup:
    """The backup named ``backup_id`` (or a unique prefix), or ``latest``: the newest good one."""
    backups = list_backups(db_path)
    if not backups:
        raise StoreError(f"there are no backups of {db_path} yet")
    if backup_id == "latest":
        for backup in backups:
            if backup.readable and health.run_check(backup.path, "integrity_check") == "":
                return backup
        raise StoreError(f"none of the {len(backups)} backups of {db_path} passes its check")
    matches = [b for b in backups if b.id == backup_id] or [
        b for b in backups if b.id.startswith(backup_id)
    ]
    if len(matches) != 1:
        what = "matches several backups" if matches else "is not a backup"
        raise StoreError(f"{backup_id!r} {what} (see: workshop backups list)")
    return matches[0]


def _database_is_good(db_path: Path) -> bool:
    if not db_path.exists() or db_path.stat().st_size == 0:
        return False
    try:
        health.check_wal(db_path)
        health.check_file(db_path)
    except StoreError:
        return False
    return True


def set_aside(db_path: Path, why: str = "damaged") -> Path | None:
    """Rename the database and its -wal/-shm/-journal to ``<db>.<why>-<stamp>``, unchanged."""
    if not db_path.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.name}.{why}-{stamp}")
    os.replace(db_path, target)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = Path(f"{db_path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{target}{suffix}"))
    return target


def restore(db_path: Path, backup: Backup) -> Path | None:
    """Put ``backup`` in place of the database. The caller holds the database lock and has
    closed every connection. Returns where a damaged database was set aside, if it was."""
    problem = health.run_check(backup.path, "integrity_check")
    if problem:
        raise StoreError(f"the backup {backup.id} is damaged ({problem}); nothing was changed")
    set_aside_as = None
    if _database_is_good(db_path):
        make_backup(db_path, "before-restore")  # a restore can itself be undone
    else:
        set_aside_as = set_aside(db_path)
    partial = db_path.with_name(f".{db_path.name}.restoring")
    try:
        with private_umask():
            shutil.copyfile(backup.path, partial)
        make_file_private(partial)
        with open(partial, "rb+") as file:
            os.fsync(file.fileno())
        # The old database's log and index must not be applied to the restored file.
        for companion in (
            health.wal_path(db_path),
            health.shm_path(db_path),
            health.journal_path(db_path),
        ):
            with contextlib.suppress(FileNotFoundError):
                companion.unlink()
        os.replace(partial, db_path)
        sync_folder(db_path.parent)
    except OSError as error:
        raise StoreError(f"could not restore {backup.id}: {error.strerror or error}") from error
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return set_aside_as


def start_fresh(db_path: Path) -> Path | None:
    """Set a damaged database aside so a new, empty one is created in its place."""
    return set_aside(db_path)


__all__ = [
    "PRIVATE_FILE",
    "Backup",
    "backup_if_changed",
    "backups_folder",
    "find",
    "list_backups",
    "make_backup",
    "restore",
    "rotate",
    "set_aside",
    "start_fresh",
]

"""Schema version check, backup and migration, run when a store is opened.

Order matters (see PITFALLS "SQLite, SQLAlchemy, Alembic"):

1. :func:`inspect_database` reads the schema version on a *read-only* connection, before
   anything can switch the file to WAL or write to it. A database from a newer version
   is refused there, byte-identical.
2. When the file is older than :data:`HEAD_REVISION`, :func:`backup` copies it with the
   sqlite3 backup API into the rotating, verified set (:mod:`workshop.store.backups`), then :func:`run_migrations` upgrades it with Alembic on a dedicated
   connection: foreign keys OFF, ``BEGIN``, DDL, ``PRAGMA foreign_key_check``, ``COMMIT``.
   A failure rolls the whole migration back.

Alembic is imported only in :func:`run_migrations`: checking whether a migration is needed
compares the file's ``alembic_version`` with :data:`HEAD_REVISION` and costs no import.
A new, empty database is created directly at the head revision (``create_all`` + stamp).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import quote

from workshop.store.errors import NewerDatabaseError, StoreError

if TYPE_CHECKING:
    from sqlalchemy import Connection

# Every revision in migrations/versions, oldest first; the last one is the head.
# tests/test_migrations.py checks these against Alembic's own view of the scripts.
REVISIONS: tuple[str, ...] = ("0001_initial", "0002_stage_reached")
HEAD_REVISION = REVISIONS[-1]

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class DatabaseState:
    kind: Literal["new", "current", "older"]
    revision: str | None = None  # the file's revision (None for a new database)


def inspect_database(path: Path) -> DatabaseState:
    """What the file at ``path`` holds, found without changing a byte of it.

    Raises :class:`NewerDatabaseError` for a revision this version does not know and
    :class:`StoreError` for anything that is not a workshop database.
    """
    if not path.exists():
        return DatabaseState("new")
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror or error}") from error
    if not header:
        return DatabaseState("new")  # an empty file is an empty SQLite database
    if header != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a workshop database (it is not an SQLite file)")
    try:
        tables, revisions = _read_version(path)
    except sqlite3.Error as error:
        raise StoreError(f"cannot read {path}: {error}") from error
    if "alembic_version" not in tables:
        if not tables:
            return DatabaseState("new")
        raise StoreError(f"{path} is an SQLite file but not a workshop database")
    if len(revisions) != 1:
        raise StoreError(f"{path} has a damaged schema version ({len(revisions)} entries)")
    revision = revisions[0]
    if revision == HEAD_REVISION:
        return DatabaseState("current", revision)
    if revision in REVISIONS:
        return DatabaseState("older", revision)
    raise NewerDatabaseError(
        f"{path} was saved by a newer version of the app (schema {revision}); "
        "this version cannot open it — please update the app. The file was not changed."
    )


def _read_version(path: Path) -> tuple[set[str], list[str]]:
    # With no -wal file beside it, the database is fully checkpointed and nobody has it open
    # in WAL mode; "immutable" then reads it without creating -wal/-shm files. With a -wal
    # file present, a plain read-only connection is needed to see the latest commits.
    immutable = "" if Path(f"{path}-wal").exists() else "&immutable=1"
    uri = f"file:{quote(str(path.absolute()))}?mode=ro{immutable}"
    connection = sqlite3.connect(uri, uri=True)
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revisions: list[str] = []
        if "alembic_version" in tables:
            revisions = [
                row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
            ]
        return tables, revisions
    finally:
        connection.close()


def backup(path: Path, revision: str) -> Path:
    """Back the database up (verified, into the rotating set) before upgrading it.

    The backup is named as taken before an upgrade, and rotation always keeps the newest
    such copy: it is the one file an older version of the app can still open.
    """
    from workshop.store import backups

    try:
        return backups.make_backup(path, backups.UPGRADE).path
    except StoreError as error:
        raise StoreError(f"could not back up {path} before upgrading it: {error}") from error


def run_migrations(path: Path, target: str = HEAD_REVISION) -> None:
    """Upgrade the file at ``path`` to ``target`` in one transaction (all or nothing)."""
    from alembic import command  # imported here: only a real migration pays for Alembic
    from alembic.config import Config

    from workshop.store.engine import make_migration_engine

    engine = make_migration_engine(path)
    try:
        with engine.connect() as connection, connection.begin():
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS_DIR))
            config.attributes["connection"] = connection
            command.upgrade(config, target)
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                # Raising here rolls the whole migration back.
                raise StoreError(
                    f"upgrading {path} would break {len(problems)} links between tables "
                    f"(first in table {problems[0][0]}); the database was left as it was"
                )
    except StoreError:
        raise
    except Exception as error:
        raise StoreError(f"could not upgrade {path}: {error}".splitlines()[0]) from error
    finally:
        engine.dispose()


def create_at_head(connection: Connection) -> None:
    """Create every table of a new database and record it as being at the head revision."""
    from workshop.store.models import Base

    # Idempotent, for two app windows started on a new file at the same moment: the
    # second waits for the first's write lock, then finds everything in place.
    Base.metadata.create_all(connection, checkfirst=True)
    # The same table Alembic keeps, so later migrations find the version where they expect it.
    connection.exec_driver_sql(
        "CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL, "
        "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
    )
    connection.exec_driver_sql(
        "INSERT OR IGNORE INTO alembic_version (version_num) VALUES (?)", (HEAD_REVISION,)
    )

"""Schema versions: the head constant, upgrades with a backup, child rows kept, newer files refused."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, insert
from store_samples import full_session

from workshop.domain.session import COLLECTIONS
from workshop.store import NewerDatabaseError, StoreError, open_store
from workshop.store.models import COLLECTION_ROWS
from workshop.store.rows import item_values
from workshop.store.versioning import HEAD_REVISION, MIGRATIONS_DIR, REVISIONS, run_migrations

FIRST = REVISIONS[0]
CHILD_TABLES = [row.__tablename__ for row in COLLECTION_ROWS.values()]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def schema(path: Path) -> dict[str, Any]:
    """Tables, columns (name, type, not null, default, pk) and foreign keys, order aside."""
    connection = sqlite3.connect(path)
    try:
        tables = sorted(
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        )
        return {
            table: (
                sorted(tuple(c[1:]) for c in connection.execute(f"PRAGMA table_info({table})")),
                sorted(
                    tuple(f[2:]) for f in connection.execute(f"PRAGMA foreign_key_list({table})")
                ),
            )
            for table in tables
        }
    finally:
        connection.close()


def test_revision_constants_match_alembic_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_heads() == [HEAD_REVISION]
    history = [s.revision for s in scripts.walk_revisions("base", "heads")]
    assert tuple(reversed(history)) == REVISIONS


def test_migrating_from_nothing_gives_the_same_schema_as_a_new_database(tmp_path: Path) -> None:
    migrated, created = tmp_path / "migrated.db", tmp_path / "created.db"
    run_migrations(migrated)
    open_store(created).close()
    assert schema(migrated) == schema(created)
    assert query(migrated, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]


def build_first_revision_database(path: Path) -> str:
    """A database at the first revision holding one session with rows in every child table.

    The child tables are unchanged since the first revision, so today's table definitions
    can write them; the ``sessions`` row is written by hand (it lacks later columns).
    """
    run_migrations(path, FIRST)
    session = full_session()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.exec_driver_sql(
            "INSERT INTO sessions VALUES (?, 'Old Co', 'First', '2026-01-05', 'F', 'S', 'CEO', "
            "'exploring', 'half_day', 'core', 'sum', 'rec', '', NULL, '1', "
            "'2026-01-05 09:00:00', '2026-01-05 10:00:00', NULL)",
            (session.id,),
        )
        for name, row in COLLECTION_ROWS.items():
            items = session.collection(name)
            connection.execute(
                insert(row.__table__),
                [item_values(session.id, item, position) for position, item in enumerate(items)],
            )
    engine.dispose()
    return session.id


def test_second_migration_keeps_every_child_row_and_takes_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "workshop.sqlite3"
    session_id = build_first_revision_database(path)
    counts_before = {t: query(path, f"SELECT COUNT(*) FROM {t}")[0][0] for t in CHILD_TABLES}
    rows_before = {t: sorted(query(path, f"SELECT * FROM {t}"), key=repr) for t in CHILD_TABLES}
    assert all(counts_before.values()), counts_before  # every child table has rows

    with open_store(path) as store:
        loaded = store.load(session_id)
        summary = store.list_sessions()[0]
    assert summary.organisation == "Old Co" and summary.stage_reached == ""
    expected = full_session(id=session_id)
    for name in COLLECTIONS:
        assert loaded.collection(name) == expected.collection(name), name

    assert query(path, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    assert {
        t: sorted(query(path, f"SELECT * FROM {t}"), key=repr) for t in CHILD_TABLES
    } == rows_before
    assert query(path, "PRAGMA foreign_key_check") == []

    backups = sorted((tmp_path / "workshop.sqlite3.backups").glob("*.before-upgrade.sqlite3"))
    assert len(backups) == 1
    assert oct(backups[0].stat().st_mode & 0o777) == "0o600"
    assert query(backups[0], "SELECT version_num FROM alembic_version") == [(FIRST,)]
    assert query(backups[0], "SELECT COUNT(*) FROM answers") == [(counts_before["answers"],)]

    # The recreated parent still cascades: deleting the session removes its children.
    with open_store(path) as store:
        store.purge(session_id)
    assert all(query(path, f"SELECT COUNT(*) FROM {t}") == [(0,)] for t in CHILD_TABLES)


def test_a_migration_that_would_break_links_is_rolled_back_whole(tmp_path: Path) -> None:
    path = tmp_path / "workshop.sqlite3"
    build_first_revision_database(path)
    connection = sqlite3.connect(path)  # foreign keys are off by default: plant an orphan
    with connection:
        connection.execute(
            "INSERT INTO answers VALUES ('orphan', 'open', 'no-such-session', 'q1', 0)"
        )
    connection.close()
    with pytest.raises(StoreError, match="break 1 links") as refused:
        open_store(path)
    assert "\n" not in str(refused.value)
    # Still entirely at the first revision: the batch recreation of sessions was undone.
    assert query(path, "SELECT version_num FROM alembic_version") == [(FIRST,)]
    columns = [c[1] for c in query(path, "PRAGMA table_info(sessions)")]
    assert "stage_reached" not in columns
    assert query(path, "SELECT COUNT(*) FROM sessions") == [(1,)]
    assert not any("_alembic_tmp" in r[0] for r in query(path, "SELECT name FROM sqlite_master"))


def test_a_database_from_a_newer_version_is_refused_and_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "workshop.sqlite3"
    with open_store(path) as store:
        store.create(full_session())
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["workshop.sqlite3"]  # no -wal/-shm
    before = digest(path)

    with pytest.raises(NewerDatabaseError) as refused:
        open_store(path)
    message = str(refused.value)
    assert "newer version" in message and "not changed" in message and "\n" not in message
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["workshop.sqlite3"]


def test_a_newer_database_in_use_by_another_program_is_still_not_written(tmp_path: Path) -> None:
    path = tmp_path / "workshop.sqlite3"
    with open_store(path) as store:
        store.create(full_session())
    holder = sqlite3.connect(path)  # keeps the WAL files open, like a running newer app
    holder.execute("PRAGMA journal_mode=WAL")
    with holder:
        holder.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    holder.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(path)
    with pytest.raises(NewerDatabaseError):
        open_store(path)
    assert digest(path) == before
    holder.close()
    assert not (tmp_path / "workshop.sqlite3.backups").exists()

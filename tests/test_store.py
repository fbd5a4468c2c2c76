"""The SQLite store: round trips, edits saved row by row, the library list, where files live."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from store_samples import HOSTILE, full_session

from workshop.domain import edits
from workshop.domain.session import (
    COLLECTIONS,
    SCALAR_FIELDS,
    Participant,
    Session,
    item_fields,
)
from workshop.store import NewerDatabaseError, SessionNotFound, Store, StoreError, open_store
from workshop.store.catalog import fold
from workshop.store.engine import filesystem_type
from workshop.store.location import resolve_db_path
from workshop.store.models import COLLECTION_ROWS, STORE_ONLY_SESSION_COLUMNS, SessionRow


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    connection = sqlite3.connect(path)
    try:
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {
            t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables
        }
    finally:
        connection.close()


def same_apart_from_updated_at(a: Session, b: Session) -> bool:
    return dataclasses.replace(a, updated_at=b.updated_at) == b


# --- schema ------------------------------------------------------------------------------


def test_every_table_has_exactly_the_fields_of_its_dataclass() -> None:
    session_columns = set(SessionRow.__table__.c.keys())
    assert session_columns == set(SCALAR_FIELDS) | set(STORE_ONLY_SESSION_COLUMNS)
    assert set(COLLECTION_ROWS) == set(COLLECTIONS)
    for name, row in COLLECTION_ROWS.items():
        columns = set(row.__table__.c.keys())
        assert columns == set(item_fields(COLLECTIONS[name])) | {"session_id", "position"}, name
        foreign_keys = list(row.__table__.foreign_keys)
        assert [fk.column.table.name for fk in foreign_keys] == ["sessions"]
        assert foreign_keys[0].ondelete == "CASCADE"


def test_connections_use_wal_full_sync_and_foreign_keys(store: Store) -> None:
    with store._engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
        }
    assert pragma == {
        "foreign_keys": 1,
        "journal_mode": "wal",
        "synchronous": 2,
        "busy_timeout": 5000,
    }
    assert store.notice == ""


# --- round trips -------------------------------------------------------------------------


def test_create_then_load_gives_the_same_session(store: Store) -> None:
    session = full_session()
    store.create(session)
    assert store.load(session.id) == session
    # Every collection really was filled, so this compared something in each table.
    assert all(session.collection(name) for name in COLLECTIONS)


def test_empty_session_round_trips(store: Store) -> None:
    session = Session(organisation="", baseline_date=None)
    store.create(session)
    assert store.load(session.id) == session


def test_unknown_and_duplicate_ids(store: Store) -> None:
    with pytest.raises(SessionNotFound, match="no workshop with id nope"):
        store.load("nope")
    session = full_session()
    store.create(session)
    with pytest.raises(StoreError, match="already exists"):
        store.create(session)
    with pytest.raises(SessionNotFound):
        store.delete("nope")


def test_data_survives_closing_and_reopening(db_path: Path) -> None:
    session = full_session()
    with open_store(db_path) as first:
        first.create(session)
        edit = edits.set_keyed_field(session, "answers", "q_pains", "text", "Slow reports")
        edit.apply(session)
        first.apply(session.id, edit)
    with open_store(db_path) as second:
        assert same_apart_from_updated_at(second.load(session.id), session)


# --- edits ---------------------------------------------------------------------------------


def every_kind_of_edit(session: Session) -> list[Any]:
    """Edits built one after the other against the current state (as the app builds them)."""
    return [
        lambda s: edits.set_session_field(s, "organisation", "Acme Ltd"),
        lambda s: edits.set_session_field(s, "baseline_date", None),
        lambda s: edits.set_session_field(s, "workshop_date", date(2028, 1, 2)),
        lambda s: edits.set_item_field(
            s, "answers", "q_customers", "text", "New answer " + HOSTILE
        ),
        lambda s: edits.set_item_field(s, "ratings", "st_process_1", "counts", (4, 0, 0, 0, 1)),
        lambda s: edits.set_item_field(s, "agenda", "s1", "page_ids", ("overview",)),
        lambda s: edits.set_item_field(s, "actions", "a1", "due", None),
        lambda s: edits.set_item_field(s, "hires", "h1", "ml_experience", False),
        lambda s: edits.set_keyed_field(s, "answers", "q_new", "text", "Added by typing"),
        lambda s: edits.set_keyed_field(s, "ratings", "st_new", "score", 4),
        lambda s: edits.add_item(s, "participants", Participant(id="p0", name="First"), 0),
        lambda s: edits.add_item(s, "participants", Participant(id="p9", name="Middle"), 2),
        lambda s: edits.remove_item(s, "participants", "p0"),
        lambda s: edits.remove_item(s, "participants", "p2"),
        lambda s: edits.move_item(s, "participants", "p3", 0),
        lambda s: edits.move_item(s, "participants", "p3", 2),
        lambda s: edits.move_item(s, "opportunities", "o2", 0),
        lambda s: edits.Batch(
            (
                edits.add_item(
                    s, "actions", dataclasses.replace(s.actions[0], id="a3", text="From a gap")
                ),
                edits.set_item_field(s, "pages", "overview", "status", "in_progress"),
                edits.remove_item(s, "decisions", "c1"),
            ),
            "Several at once",
        ),
    ]


def test_every_kind_of_edit_is_saved_and_undo_is_saved_too(store: Store) -> None:
    session = full_session()
    store.create(session)
    applied = []
    for build in every_kind_of_edit(session):
        edit = build(session)
        edit.apply(session)
        store.apply(session.id, edit)
        applied.append(edit)
        loaded = store.load(session.id)
        assert same_apart_from_updated_at(loaded, session), edit
    assert [p.id for p in session.participants] == ["p1", "p9", "p3"]
    for edit in reversed(applied):  # the undo stack writes inverted edits
        inverse = edit.inverted()
        inverse.apply(session)
        store.apply(session.id, inverse)
    # Undoing everything brings back exactly the session that was created.
    assert same_apart_from_updated_at(store.load(session.id), full_session(id=session.id))


def test_apply_moves_updated_at_forward(store: Store) -> None:
    session = full_session()  # updated_at is in 2027-03
    store.create(session)
    edit = edits.set_session_field(session, "title", "Renamed")
    edit.apply(session)
    store.apply(session.id, edit)
    assert store.load(session.id).updated_at != session.updated_at
    assert store.list_sessions()[0].title == "Renamed"


@pytest.fixture
def statements(store: Store) -> list[str]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(store._engine, "before_cursor_execute", record)
    return seen


def test_an_edit_to_one_answer_writes_one_row_not_the_session(
    store: Store, db_path: Path, statements: list[str]
) -> None:
    session = full_session()
    store.create(session)
    before = table_contents(db_path)
    statements.clear()

    edit = edits.set_keyed_field(session, "answers", "q_customers", "text", "We sell to banks")
    edit.apply(session)
    store.apply(session.id, edit)

    writes = [s for s in statements if not s.startswith(("BEGIN", "SELECT", "PRAGMA"))]
    assert len(writes) == 2, writes
    assert writes[0].startswith("UPDATE answers SET text=?")
    assert writes[1].startswith("UPDATE sessions SET updated_at=?")
    after = table_contents(db_path)
    changed = {t for t in before if before[t] != after[t]}
    assert changed == {"answers", "sessions"}
    changed_answers = set(after["answers"]) - set(before["answers"])
    assert len(changed_answers) == 1 and "We sell to banks" in next(iter(changed_answers))
    # The session row changed only in updated_at.
    (old_row,), (new_row,) = before["sessions"], after["sessions"]
    differing = [i for i, (a, b) in enumerate(zip(old_row, new_row, strict=True)) if a != b]
    assert len(differing) == 1


def test_adding_an_item_inserts_one_row_and_shifts_only_followers(
    store: Store, statements: list[str]
) -> None:
    session = full_session()
    store.create(session)
    statements.clear()
    edit = edits.add_item(session, "participants", Participant(id="new", name="Nia"), 1)
    edit.apply(session)
    store.apply(session.id, edit)
    writes = [s for s in statements if s.startswith(("INSERT", "UPDATE", "DELETE"))]
    assert [w.split(" (")[0].split(" SET")[0] for w in writes] == [
        "UPDATE participants",
        "INSERT INTO participants",
        "UPDATE sessions",
    ]
    assert [p.name for p in store.load(session.id).participants] == [
        "Jo Park",
        "Nia",
        HOSTILE,
        "Sam",
    ]


def test_an_edit_that_does_not_fit_writes_nothing(store: Store, db_path: Path) -> None:
    session = full_session()
    store.create(session)
    before = table_contents(db_path)
    stale = edits.Batch(
        (
            edits.set_item_field(session, "answers", "q_customers", "text", "half of a batch"),
            edits.set_item_field(session, "hires", "h1", "notes", "x"),
        )
    )
    # The second edit names an item the database does not have.
    broken = edits.Batch((stale.edits[0], dataclasses.replace(stale.edits[1], item_id="ghost")))
    with pytest.raises(StoreError, match="ghost"):
        store.apply(session.id, broken)
    assert table_contents(db_path) == before
    with pytest.raises(SessionNotFound):
        store.apply("no-such-session", edits.set_session_field(session, "title", "x"))


# --- library list --------------------------------------------------------------------------


def test_list_is_newest_first_and_leaves_out_deleted(store: Store) -> None:
    old = full_session("Old Co", workshop_date=date(2025, 1, 1))
    new = full_session("New Co", workshop_date=date(2027, 6, 1))
    middle = full_session("Middle Co", workshop_date=date(2026, 1, 1))
    for session in (old, new, middle):
        store.create(session)
    assert [s.organisation for s in store.list_sessions()] == ["New Co", "Middle Co", "Old Co"]
    summary = store.list_sessions()[0]
    assert (summary.id, summary.title, summary.facilitator, summary.follows_up) == (
        new.id,
        new.title,
        new.facilitator,
        new.follows_up,
    )

    store.delete(middle.id)
    assert [s.organisation for s in store.list_sessions()] == ["New Co", "Old Co"]
    assert len(store.list_sessions(include_deleted=True)) == 3
    with pytest.raises(SessionNotFound):
        store.load(middle.id)
    store.restore(middle.id)
    assert store.load(middle.id) == middle
    assert len(store.list_sessions()) == 3


def test_search_ignores_case_and_accents(store: Store) -> None:
    store.create(full_session("Société Générale"))
    store.create(full_session("Zürich Insurance", title="Follow-up"))
    store.create(full_session("100%_Data", title="Ünïcode workshop"))

    def found(text: str) -> list[str]:
        return sorted(s.organisation for s in store.list_sessions(text))

    assert found("societe") == ["Société Générale"]
    assert found("SOCIÉTÉ gén") == ["Société Générale"]
    assert found("zurich") == ["Zürich Insurance"]
    assert found("follow") == ["Zürich Insurance"]  # titles are searched too
    assert found("unicode") == ["100%_Data"]
    assert found("%") == ["100%_Data"] and found("_") == ["100%_Data"]  # no wildcards
    assert found("  ") == sorted(["Société Générale", "Zürich Insurance", "100%_Data"])
    assert found("nothing like it") == []
    assert fold("Ærø ÉCOLE") == "ærø ecole"


def test_stage_reached_is_cached_without_counting_as_an_edit(store: Store) -> None:
    session = full_session()
    store.create(session)
    assert store.list_sessions()[0].stage_reached == ""
    store.set_stage_reached(session.id, "exploring")
    summary = store.list_sessions()[0]
    assert summary.stage_reached == "exploring"
    assert summary.updated_at == session.updated_at


def test_purge_removes_every_row_of_the_session(store: Store, db_path: Path) -> None:
    keep, drop = full_session("Keep"), full_session("Drop")
    store.create(keep)
    store.create(drop)
    store.purge(drop.id)
    for table, rows in table_contents(db_path).items():
        assert all(drop.id not in row for row in rows), table
    assert store.load(keep.id) == keep


# --- where the database lives, and files that are not ours -----------------------------


def test_location_from_argument_url_environment_and_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert resolve_db_path(tmp_path / "a.db") == tmp_path / "a.db"
    assert resolve_db_path(f"sqlite:///{tmp_path}/b.db") == tmp_path / "b.db"
    monkeypatch.setenv("WORKSHOP_DB", f"sqlite:///{tmp_path}/c.db")
    assert resolve_db_path(None) == tmp_path / "c.db"
    monkeypatch.delenv("WORKSHOP_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    default = resolve_db_path(None)
    assert default == tmp_path / "data" / "ml-team-maturity-workshop" / "workshop.sqlite3"
    with open_store() as store:  # creates the folder and the file
        assert store.path == default and default.exists()
        assert resolve_db_path(store.url) == default  # the URL handed to the GUI reopens it
    with pytest.raises(StoreError, match="only SQLite"):
        resolve_db_path("postgresql://server/db")


def test_a_text_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Shopping list\nmilk\n", "utf-8")
    before = digest(notes)
    with pytest.raises(StoreError) as refused:
        open_store(notes)
    assert "not a workshop database" in str(refused.value) and "\n" not in str(refused.value)
    assert not isinstance(refused.value, NewerDatabaseError)
    assert digest(notes) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_another_programs_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.commit()
    connection.close()
    before = digest(other)
    with pytest.raises(StoreError, match="not a workshop database"):
        open_store(other)
    assert digest(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]


def test_network_file_systems_are_detected_and_wal_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\nserver:/export /mnt/team nfs4 rw 0 0\n"
        "//nas/share /mnt/my\\040share cifs rw 0 0\n",
        "utf-8",
    )
    assert filesystem_type(Path("/mnt/team/db/workshop.sqlite3"), mounts) == "nfs4"
    assert filesystem_type(Path("/mnt/my share/w.db"), mounts) == "cifs"
    assert filesystem_type(Path("/home/ana/w.db"), mounts) == "ext4"

    monkeypatch.setattr("workshop.store.repository.network_filesystem", lambda _path: "nfs4")
    with open_store(tmp_path / "shared.db") as store:
        assert "network file system (nfs4)" in store.notice
        with store._engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        session = full_session()
        store.create(session)
        assert store.load(session.id) == session


def test_opening_and_listing_does_not_import_alembic_or_jsonschema(db_path: Path) -> None:
    with open_store(db_path) as store:  # created at head
        store.create(full_session())
    code = (
        "import sys\n"
        "from workshop.store import open_store\n"
        "import workshop.store.portable\n"
        f"store = open_store({str(db_path)!r})\n"
        "assert len(store.list_sessions()) == 1\n"
        "store.close()\n"
        "print(sorted(m for m in ('alembic', 'jsonschema', 'PySide6', 'reportlab') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"

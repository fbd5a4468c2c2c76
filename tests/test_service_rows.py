"""The same change gives the same rows whichever way it arrives: the library window, the
workshop window, or the command line — they all go through the workshop service."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from workshop.domain.edits import set_session_field
from workshop.domain.session import Participant, Session
from workshop.store import open_store
from workshop.store.portable import write_session_file

IGNORED = {"id", "session_id", "updated_at", "created_at"}


def rows(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows without ids and timestamps, in a stable order."""
    connection = sqlite3.connect(db)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "select name from sqlite_master where type='table' and name not like 'alembic%'"
            )
        ]
        out: dict[str, list[tuple]] = {}
        for table in sorted(tables):
            cursor = connection.execute(f"select * from {table}")  # noqa: S608 - our own names
            columns = [c[0] for c in cursor.description]
            keep = [i for i, c in enumerate(columns) if c not in IGNORED]
            out[table] = sorted((tuple(row[i] for i in keep) for row in cursor), key=repr)
        return out
    finally:
        connection.close()


def sample() -> Session:
    return Session(
        id="5e55e55e-0000-4000-8000-000000000001",
        organisation="Nordvik",
        title="Kick-off",
        workshop_date=date(2026, 11, 3),
        participants=[Participant(id="p1", name="Ingrid", role="CEO")],
    )


def test_rename_from_the_library_equals_a_title_typed_in_the_workshop(
    qtbot, tmp_path, framework, monkeypatch
):
    from PySide6.QtWidgets import QInputDialog

    from workshop.ui.controller import SessionController
    from workshop.ui.library import LibraryWindow

    via_library, via_window = tmp_path / "library.db", tmp_path / "window.db"
    for db in (via_library, via_window):
        with open_store(db) as store:
            store.create(sample())

    with open_store(via_library) as store:
        library = LibraryWindow(store, lambda: framework)
        qtbot.addWidget(library)
        library.refresh(select=sample().id)
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Follow-through", True))
        library.rename_action.trigger()
        assert library.visible_titles()[0][1].endswith("Follow-through")
    with open_store(via_window) as store:
        controller = SessionController(store.load(sample().id), framework, store)
        assert controller.push(set_session_field(controller.session, "title", "Follow-through"))
    assert rows(via_library) == rows(via_window)


def test_a_refused_title_from_the_library_is_not_saved(qtbot, tmp_path, framework, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from workshop.ui.library import LibraryWindow

    db = tmp_path / "w.db"
    with open_store(db) as store:
        store.create(sample())
        library = LibraryWindow(store, lambda: framework)
        qtbot.addWidget(library)
        library.refresh(select=sample().id)
        warnings: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("x" * 100_001, True))
        before = rows(db)
        library.rename_action.trigger()
        assert rows(db) == before
        assert warnings and "not changed" in warnings[0].lower()


def test_import_from_the_library_equals_the_command_line_import(
    qtbot, tmp_path, framework, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from workshop.ui.library import LibraryWindow

    file = tmp_path / "nordvik.json"
    write_session_file(sample(), file)
    via_cli, via_library = tmp_path / "cli.db", tmp_path / "library.db"
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "--db", str(via_cli), "sessions", "import", str(file)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    with open_store(via_library) as store:
        library = LibraryWindow(store, lambda: framework)
        qtbot.addWidget(library)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(file), ""))
        library.import_action.trigger()
        assert any("Kick-off" in " ".join(row) for row in library.visible_titles())
    assert rows(via_cli) == rows(via_library)
    assert rows(via_cli)["sessions"], "the import wrote nothing"


def test_follow_up_and_delete_from_the_library_go_through_the_service(
    qtbot, tmp_path, framework, monkeypatch
):
    from workshop.service import LibraryService
    from workshop.ui.library import LibraryWindow

    via_library, via_service = tmp_path / "library.db", tmp_path / "service.db"
    for db in (via_library, via_service):
        with open_store(db) as store:
            store.create(sample())
    with open_store(via_library) as store:
        library = LibraryWindow(store, lambda: framework)
        qtbot.addWidget(library)
        library.refresh(select=sample().id)
        monkeypatch.setattr(
            LibraryWindow, "ask_follow_up_date", lambda self, prev: date(2027, 3, 1)
        )
        library.follow_up_action.trigger()
    with open_store(via_service) as store:
        LibraryService(store, framework).duplicate_as_follow_up(sample().id, date(2027, 3, 1))
    assert rows(via_library) == rows(via_service)
    assert len(rows(via_library)["sessions"]) == 2

    with open_store(via_library) as store:
        library = LibraryWindow(store, lambda: framework)
        qtbot.addWidget(library)
        library.refresh(select=sample().id)
        library.delete_action.trigger()
        assert sample().id not in {s.id for s in store.list_sessions()}
        library.undo_action.trigger()
        assert sample().id in {s.id for s in store.list_sessions()}


def test_the_demo_refresh_is_the_same_from_the_library_and_the_cli(qtbot, tmp_path, framework):
    from workshop.ui.library import LibraryWindow

    via_cli, via_library = tmp_path / "cli.db", tmp_path / "library.db"
    for _ in range(2):  # the second run refreshes the first
        result = subprocess.run(
            [sys.executable, "-m", "workshop", "--db", str(via_cli), "demo"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
    with open_store(via_library) as store:
        library = LibraryWindow(store, lambda: framework)
        qtbot.addWidget(library)
        library.demo_action.trigger()
        library.demo_action.trigger()
        summaries = store.list_sessions()  # the first workshop and its follow-up
        assert len(summaries) == 2
        assert all(s.stage_reached for s in summaries)  # the stage cache, by the service
    assert rows(via_cli) == rows(via_library)

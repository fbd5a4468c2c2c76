"""One bad row never locks the library: `sessions list` and the GUI list every readable
workshop and mark the damaged one; the others export as usual; the damaged one still exports
as far as it can be read. Driven through the real command line in a subprocess."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from workshop.domain.session import Action, Participant, Session
from workshop.store import DamagedSessionError, open_store
from workshop.store.portable import read_session_file

pytestmark = pytest.mark.slow


def workshop(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop", *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture
def damaged_db(tmp_path: Path) -> tuple[Path, Session, Session]:
    """Two workshops; the second has a malformed workshop date and a malformed action due date."""
    db = tmp_path / "w.db"
    healthy = Session(organisation="Healthy", title="Fine", workshop_date=date(2027, 1, 10))
    damaged = Session(
        organisation="Broken",
        title="Bad date",
        workshop_date=date(2027, 2, 10),
        participants=[Participant(id="p1", name="Zoë", role="CEO")],
        actions=[
            Action(id="a1", text="Book the audit", due=date(2027, 3, 1)),
            Action(id="a2", text="Hire the PM", owner="Kim", due=date(2027, 4, 1)),
        ],
    )
    with open_store(db) as store:
        store.create(healthy)
        store.create(damaged)
    connection = sqlite3.connect(db)
    with connection:
        connection.execute(
            "UPDATE sessions SET workshop_date = '2027-02-30' WHERE id = ?", (damaged.id,)
        )
        connection.execute("UPDATE actions SET due = 'next week' WHERE id = 'a2'")
    connection.close()
    return db, healthy, damaged


def test_sessions_list_shows_every_workshop_and_marks_the_damaged_one(damaged_db) -> None:  # type: ignore[no-untyped-def]
    db, healthy, damaged = damaged_db
    listed = workshop("--db", str(db), "sessions", "list")
    assert listed.returncode == 0, listed.stderr
    assert sorted(listed.stdout.splitlines()) == sorted(
        [
            f"{healthy.id}  2027-01-10  Healthy — Fine",
            f"{damaged.id}  ????-??-??  Broken — Bad date  [damaged: workshop_date '2027-02-30' is not readable]",
        ]
    )
    as_json = workshop("--db", str(db), "sessions", "list", "--json")
    rows = {row["id"]: row for row in json.loads(as_json.stdout)}
    assert rows[healthy.id]["damaged"] == "" and rows[healthy.id]["workshop_date"] == "2027-01-10"
    assert (
        rows[damaged.id]["workshop_date"] is None and "workshop_date" in rows[damaged.id]["damaged"]
    )


def test_the_other_workshops_export_as_usual(damaged_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, healthy, _damaged = damaged_db
    target = tmp_path / "healthy.json"
    done = workshop("--db", str(db), "sessions", "export", healthy.id[:8], str(target))
    assert done.returncode == 0 and done.stderr == ""
    assert read_session_file(target).organisation == "Healthy"
    pdf = tmp_path / "healthy.pdf"
    assert workshop("--db", str(db), "roadmap", healthy.id, "--out", str(pdf)).returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_damaged_workshop_exports_as_far_as_it_can_be_read(damaged_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, _healthy, damaged = damaged_db
    target = tmp_path / "broken.json"
    done = workshop("--db", str(db), "sessions", "export", damaged.id, str(target))
    assert done.returncode == 0
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(
        "workshop: warning: the workshop"
    )
    assert (
        "workshop_date: '2027-02-30'" in done.stderr
        and "actions[1].due: 'next week'" in done.stderr
    )
    rescued = read_session_file(target)  # a valid session file
    assert (rescued.organisation, rescued.title) == ("Broken", "Bad date")
    assert [p.name for p in rescued.participants] == ["Zoë"]
    assert [(a.text, a.owner, a.due) for a in rescued.actions] == [
        ("Book the audit", "", date(2027, 3, 1)),
        ("Hire the PM", "Kim", None),  # only the unreadable value is lost
    ]
    pdf = tmp_path / "broken.pdf"
    printed = workshop("--db", str(db), "roadmap", damaged.id, "--out", str(pdf))
    assert printed.returncode == 0 and pdf.read_bytes().startswith(b"%PDF")


def test_opening_the_damaged_workshop_names_what_is_damaged(damaged_db) -> None:  # type: ignore[no-untyped-def]
    db, healthy, damaged = damaged_db
    with open_store(db) as store:
        assert store.load(healthy.id).organisation == "Healthy"
        with pytest.raises(DamagedSessionError, match=r"damaged \(workshop_date: '2027-02-30'"):
            store.load(damaged.id)


def test_the_library_window_lists_both_and_marks_the_damaged_one(
    qtbot, damaged_db, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from workshop.framework import load_framework
    from workshop.ui.library import LibraryWindow

    db, healthy, damaged = damaged_db
    with open_store(db) as store:
        window = LibraryWindow(store, load_framework)
        qtbot.addWidget(window)
        window.show()
        window.refresh()
        titles = window.visible_titles()
        assert sorted(titles) == [("Broken", "⚠ Bad date  · damaged"), ("Healthy", "Fine")]
        row = titles.index(("Broken", "⚠ Bad date  · damaged"))
        tooltip = window.proxy.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
        assert "damaged" in tooltip and "can still be exported" in tooltip
        warnings: list[str] = []
        monkeypatch.setattr(
            QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text)
        )
        window.refresh(select=damaged.id)
        target = tmp_path / "from-the-library.json"
        assert window.export_selected(str(target))
        assert read_session_file(target).title == "Bad date"
        assert len(warnings) == 1 and "actions[1].due: 'next week'" in warnings[0]
        window.close()


def test_the_app_starts_on_a_library_with_a_damaged_workshop(damaged_db) -> None:  # type: ignore[no-untyped-def]
    import os

    db, _healthy, _damaged = damaged_db
    done = subprocess.run(
        [sys.executable, "-m", "workshop", "--db", str(db), "--exit-after-startup"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr

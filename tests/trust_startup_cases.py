"""Start-up cases of ``test_trust_ui`` (one app event loop each, so each runs in its own
process, started by ``test_start_up_with_a_damaged_database``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from test_trust_ui import stored_session
from trust_helpers import ModalAnswers, companions, digest

from PySide6.QtWidgets import QApplication

from workshop.store import open_store
from workshop.ui.app import run_gui


def damage(db: Path) -> bytes:
    """Overwrite the second page (the first table's root) with noise."""
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page : page * 2] = bytes((i * 37 + 11) % 256 for i in range(page))
    db.write_bytes(bytes(data))
    return bytes(data)


def quit_once_the_library_shows(shell_seen: list[object]) -> ModalAnswers:
    from PySide6.QtCore import QTimer

    from workshop.ui.library import LibraryWindow

    for earlier in QApplication.topLevelWidgets():  # windows left by an earlier start
        earlier.setProperty("earlier_start", True)

    def poll() -> None:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, LibraryWindow) and w.isVisible() and not w.property("earlier_start")
        ]
        if shown:
            shell_seen.append(shown[0].visible_titles())
            QApplication.instance().quit()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return ModalAnswers()


def test_a_damaged_database_can_make_way_for_a_new_one(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "workshop.sqlite3"
    stored_session(db, "Lost Co")
    broken = damage(db)
    seen: list[object] = []
    answers = quit_once_the_library_shows(seen).then("damaged_database_box", "new_database_button")
    assert run_gui(str(db)) == 0 and answers.done
    assert seen == [[]]  # the new database is empty
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert [p.read_bytes() for p in kept] == [broken]


def test_a_damaged_database_is_refused_untouched_and_the_newest_backup_restored(
    qtbot, tmp_path: Path, capfd
) -> None:
    db = tmp_path / "workshop.sqlite3"
    stored_session(db, "Backed Up Co")
    with open_store(db) as store:
        store.backup("manual")
    broken = damage(db)
    seen: list[object] = []
    answers = quit_once_the_library_shows(seen).then(
        "damaged_database_box", "restore_newest_button"
    )
    code = run_gui(str(db))
    assert answers.done and code == 0
    assert "is damaged" in answers.seen[0] and "The file was not changed" in answers.seen[0]
    assert seen and "Backed Up Co" in str(seen[0])
    err = capfd.readouterr().err.strip().splitlines()
    assert (
        err[0].startswith("workshop: ")
        and "damaged" in err[0]
        and "Traceback" not in "\n".join(err)
    )
    kept = [
        p
        for p in tmp_path.iterdir()
        if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))
    ]
    assert len(kept) == 1 and kept[0].read_bytes() == broken  # kept exactly as it was
    assert companions(db) == []  # a clean close: no -wal/-shm


def test_a_foreign_wal_is_not_applied_until_set_aside(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "workshop.sqlite3"
    stored_session(db, "Ours Ltd")
    other = tmp_path / "other" / "workshop.sqlite3"
    other.parent.mkdir()
    stored_session(other, "Theirs Inc")
    holder = sqlite3.connect(other)  # a second copy, open elsewhere, with commits in its log
    holder.execute("PRAGMA wal_autocheckpoint=0")
    with holder:
        holder.execute("UPDATE sessions SET organisation = 'Theirs Inc (later)'")
    Path(f"{db}-wal").write_bytes(Path(f"{other}-wal").read_bytes())
    holder.close()
    before, wal_before = digest(db), digest(Path(f"{db}-wal"))
    seen: list[object] = []
    answers = quit_once_the_library_shows(seen).then("damaged_database_box", "set_log_aside_button")
    assert run_gui(str(db)) == 0 and answers.done
    assert "does not belong" in answers.seen[0]
    assert "Ours Ltd" in str(seen[0]) and "Theirs" not in str(seen[0])
    aside = [p for p in tmp_path.iterdir() if ".set-aside-" in p.name]
    assert len(aside) == 1 and digest(aside[0]) == wal_before
    assert before  # the database itself was opened only after the log was set aside

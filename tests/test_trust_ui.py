"""Trust in the app: closing with unsaved edits asks and loses nothing, the next start
replays what was kept, one app per database, a damaged database is caught at start and a
backup restored from the library window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from trust_helpers import FlakyStore, ModalAnswers, companions, digest, mode

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from workshop.domain.agenda import sections_from_preset
from workshop.domain.session import Session
from workshop.framework import load_framework
from workshop.service import LibraryService
from workshop.store import backups, open_store
from workshop.store.journal import RecoveryJournal, journal_file
from workshop.store.portable import read_session_file
from workshop.ui.app import EXIT_IN_USE, App, run_gui
from workshop.ui.preferences import Preferences


def stored_session(
    db: Path, organisation: str = "Acme Robotics", title: str = "Strategy day"
) -> Session:
    framework = load_framework()
    session = Session(
        organisation=organisation,
        title=title,
        agenda=sections_from_preset(framework.preset("half_day")),
    )
    with open_store(db) as store:
        store.create(session)
    return session


def first_page(session: Session) -> str:
    return load_framework().page(session.agenda[0].page_ids[0]).id


@pytest.fixture
def flaky(tmp_path: Path):
    """A store on ``tmp_path/workshop.sqlite3`` whose saves can be made to fail; healed at the
    end so closing the leftover windows never waits on a question."""
    stores: list[FlakyStore] = []

    def make(db: Path) -> FlakyStore:
        stores.append(FlakyStore(db))
        return stores[-1]

    yield make
    for store in stores:
        store.failing = False


def open_shell(qtbot, store, db: Path) -> App:
    shell = App(
        QApplication.instance(), store, Preferences(), db_path=db, journal=RecoveryJournal(db)
    )
    qtbot.addWidget(shell.library)
    return shell


def type_note_that_cannot_be_saved(
    qtbot, shell: App, store: FlakyStore, session: Session, text: str
):
    window = shell.open_session(session.id)
    qtbot.addWidget(window)
    store.failing = True
    answers = ModalAnswers().then("Not saved")  # the one message when saving starts failing
    notes = window.side_panel.notes
    notes.setFocus()
    QTest.keyClicks(notes, text)
    window.save_action.trigger()  # Ctrl+S
    qtbot.waitUntil(lambda: answers.done)
    assert window.save_label.text().startswith("Not saved")
    return window


def test_closing_with_unsaved_edits_keeps_them_and_the_next_start_recovers_them(
    qtbot, tmp_path: Path, flaky
) -> None:
    db = tmp_path / "workshop.sqlite3"
    session = stored_session(db)
    store = flaky(db)
    shell = open_shell(qtbot, store, db)
    window = type_note_that_cannot_be_saved(
        qtbot, shell, store, session, "Ask the CFO about SAP & <ERP>"
    )

    answers = ModalAnswers().then("unsaved_changes_box", "keep_for_next_time_button")
    window.close()
    qtbot.waitUntil(lambda: answers.done)
    assert not window.isVisible() and shell.workshop is None
    assert "1 change could not be saved" in answers.seen[0]

    # Not in the database, but in the recovery journal: private, whole, readable.
    with open_store(db) as check:
        assert check.load(session.id).page_record(first_page(session)).note == ""
    journal = journal_file(db)
    assert mode(journal) == 0o600
    assert "Ask the CFO about SAP & <ERP>" in journal.read_text(encoding="utf-8")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    store.close()

    # The next start replays it and says so.
    second = open_shell(qtbot, open_store(db), db)
    second.after_start()
    assert second.recovery_box is not None
    assert (
        second.recovery_box.text()
        == "Recovered 1 unsaved change to “Acme Robotics — Strategy day”."
    )
    second.recovery_box.close()
    with open_store(db) as check:
        assert (
            check.load(session.id).page_record(first_page(session)).note
            == "Ask the CFO about SAP & <ERP>"
        )
    assert not journal.exists()
    second.store.close()


def test_try_again_saves_once_the_disk_has_room_and_then_closes(
    qtbot, tmp_path: Path, flaky
) -> None:
    db = tmp_path / "workshop.sqlite3"
    session = stored_session(db)
    store = flaky(db)
    shell = open_shell(qtbot, store, db)
    window = type_note_that_cannot_be_saved(qtbot, shell, store, session, "Budget for two hires")

    def disk_mended(_box: object) -> None:
        store.failing = False

    answers = (
        ModalAnswers()
        .then("unsaved_changes_box", "retry_button")  # still full: asked again
        .then("unsaved_changes_box", "retry_button", before=disk_mended)
    )
    window.close()
    qtbot.waitUntil(lambda: answers.done)
    assert len(answers.seen) == 2 and shell.workshop is None
    with open_store(db) as check:
        assert (
            check.load(session.id).page_record(first_page(session)).note == "Budget for two hires"
        )
    assert not journal_file(db).exists()
    store.close()


def test_cancel_stays_in_the_workshop_and_save_a_copy_writes_a_session_file(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flaky
) -> None:
    db = tmp_path / "workshop.sqlite3"
    session = stored_session(db)
    store = flaky(db)
    shell = open_shell(qtbot, store, db)
    window = type_note_that_cannot_be_saved(
        qtbot, shell, store, session, "Hire a data engineer first"
    )

    answers = ModalAnswers().then("unsaved_changes_box", "stay_button")
    window.close()
    qtbot.waitUntil(lambda: answers.done)
    assert window.isVisible() and shell.workshop is window

    copy = tmp_path / "elsewhere" / "copy.json"
    copy.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    answers = ModalAnswers().then("unsaved_changes_box", "save_copy_button")
    window.close()
    qtbot.waitUntil(lambda: answers.done)
    assert shell.workshop is None
    kept = read_session_file(copy)
    assert kept.page_record(first_page(session)).note == "Hire a data engineer first"
    assert "Hire a data engineer first" in journal_file(db).read_text(encoding="utf-8")  # and kept
    store.close()


# --- one app per database ---------------------------------------------------------------------

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from workshop.store.lock import acquire
    held = acquire(Path(sys.argv[1]))
    held.set_open_sessions([sys.argv[2]])
    print("HELD", flush=True)
    sys.stdin.read()
    """
)


def test_a_second_app_on_the_same_database_says_so_and_exits(qtbot, tmp_path: Path, capfd) -> None:
    db = tmp_path / "workshop.sqlite3"
    session = stored_session(db)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), session.id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "HELD"
        before = digest(db)
        answers = ModalAnswers().then("startup_refusal_box")
        code = run_gui(str(db))
        assert answers.done and code == EXIT_IN_USE
        assert "already open in the app" in answers.seen[0]
        err = capfd.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("workshop: ") and "already open" in err[0]
        assert digest(db) == before
    finally:
        holder.communicate("")
    assert mode(Path(f"{db}.lock")) == 0o600


# --- damage caught at start -------------------------------------------------------------------
# Each case runs the whole app (its event loop) once, so each gets its own process: Qt does not
# start a second application event loop cleanly in one process.

STARTUP_CASES = [
    "test_a_damaged_database_can_make_way_for_a_new_one",
    "test_a_damaged_database_is_refused_untouched_and_the_newest_backup_restored",
    "test_a_foreign_wal_is_not_applied_until_set_aside",
]


@pytest.mark.slow
@pytest.mark.parametrize("case", STARTUP_CASES)
def test_start_up_with_a_damaged_database(case: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(Path(__file__).parent.parent),
            "--basetemp",
            str(tmp_path / "run"),
            f"{Path(__file__).with_name('trust_startup_cases.py')}::{case}",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "1 passed" in result.stdout


# --- Restore from backup… ---------------------------------------------------------------------


def test_restore_from_backup_in_the_library_window(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "workshop.sqlite3"
    session = stored_session(db, "Acme Robotics", "Before the rename")
    store = open_store(db)
    store.backup("manual")
    LibraryService(store, load_framework()).rename(session.id, "After the rename")
    shell = open_shell(qtbot, store, db)
    shell.library.refresh()
    assert "After the rename" in str(shell.library.visible_titles())

    shown: list[str] = []

    def read_rows(dialog) -> None:
        table = dialog.table
        shown.extend(table.item(0, c).text() for c in range(table.columnCount()))
        shown.append(table.item(0, 2).toolTip())

    answers = ModalAnswers().then("backup_dialog", "restore_button", before=read_rows)
    shell.restore_action.trigger()
    qtbot.waitUntil(lambda: answers.done)
    assert "Before the rename" in str(shell.library.visible_titles())
    assert shown[1] == "By hand" and shown[2] == "1 workshop"
    assert shown[4] == "Acme Robotics — Before the rename"
    assert companions(db) == []  # no stale -wal/-shm beside the restored file
    reasons = [b.reason for b in backups.list_backups(db)]
    assert reasons[0] == "before-restore"  # the restore itself can be undone
    undo_copy = backups.list_backups(db)[0]
    assert undo_copy.workshops == ("Acme Robotics — After the rename",)
    store.close()


def test_the_app_records_the_open_workshop_in_its_lock(qtbot, tmp_path: Path) -> None:
    from workshop.store import lock

    db = tmp_path / "workshop.sqlite3"
    session = stored_session(db)
    held = lock.acquire(db)
    store = open_store(db)
    shell = App(
        QApplication.instance(),
        store,
        Preferences(),
        db_path=db,
        lock=held,
        journal=RecoveryJournal(db),
    )
    qtbot.addWidget(shell.library)
    window = shell.open_session(session.id)
    qtbot.addWidget(window)
    assert json.loads(Path(f"{db}.lock").read_text())["sessions"] == [session.id]
    assert lock.holder(db).sessions == (session.id,)
    window.close()
    assert lock.holder(db).sessions == ()
    store.close()
    held.release()
    assert lock.holder(db) is None
    assert os.environ  # (environment untouched)

"""The app behaves like a desktop app: Help › About, Quit and Ctrl+C, remembered windows, one
name for its files, a log and a calm dialog for an unexpected error, a clear no-display exit."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from workshop import APP_ID, __version__
from workshop.domain.session import Session
from workshop.logging_setup import log_folder, setup_logging
from workshop.store import Store
from workshop.store.location import default_db_path
from workshop.ui import app as ui_app
from workshop.ui.about import AboutDialog
from workshop.ui.app_menu import QUITTING
from workshop.ui.preferences import Preferences, settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def shell(qtbot, store: Store) -> Iterator[ui_app.App]:  # type: ignore[no-untyped-def]
    app = ui_app.make_application()
    store.create(Session(organisation="Acme Freight", title="Kick-off"))
    shell = ui_app.App(app, store, Preferences())
    qtbot.addWidget(shell.library)
    shell.library.refresh()
    shell.library.show()
    yield shell
    if shell.workshop is not None:
        shell.workshop.close()
    app.setProperty(QUITTING, False)


def _about_dialogs() -> list[AboutDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible()
    ]


def test_help_about_in_both_windows_names_version_licence_and_notices(qtbot, shell) -> None:  # type: ignore[no-untyped-def]
    session_id = shell.store.list_sessions()[0].id
    workshop = shell.open_session(session_id)
    qtbot.addWidget(workshop)
    for window in (workshop, shell.library):
        window.show()
        about = window.findChild(QAction, "about_action")
        help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
        assert about in help_menu.actions()
        about.trigger()
        dialogs = _about_dialogs()
        assert len(dialogs) == 1
        text = dialogs[0].text()
        assert f"Version {__version__}" in text
        assert "LGPL-3.0" in text and "Qt" in text  # Qt's licence and our obligation
        assert "DejaVu" in text and "ReportLab" in text and "SQLAlchemy" in text
        assert "Licensed" in text
        dialogs[0].close()


QUIT_PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from workshop.ui import app as ui_app

seen = {}
original = ui_app.App.__init__

def spy(self, *args, **kwargs):
    original(self, *args, **kwargs)
    seen["shell"] = self

    def open_then_quit():
        window = self.open_session(sys.argv[2])
        window.closed.connect(lambda session_id: seen.setdefault("closed", session_id))
        quit_action = window.findChild(QAction, "quit_action")
        seen["shortcut"] = quit_action.shortcut().toString()
        QTimer.singleShot(0, quit_action.trigger)

    QTimer.singleShot(0, open_then_quit)

ui_app.App.__init__ = spy
QTimer.singleShot(20_000, lambda: sys.exit(9))  # never hang the suite
code = ui_app.run_gui(sys.argv[1])
shell = seen["shell"]
print(json.dumps({
    "code": code, "closed": seen.get("closed"), "shortcut": seen.get("shortcut"),
    "workshop_open": shell.workshop is not None, "library_shown": shell.library.isVisible(),
}))
"""


@pytest.mark.slow
def test_quit_closes_the_workshop_and_leaves_the_app(tmp_path: Path) -> None:
    # In a process of its own: a finished event loop cannot be run again in the test process.
    import json

    from workshop.store import open_store

    db = tmp_path / "w.sqlite3"
    store = open_store(db)
    session = Session(organisation="Acme Freight", title="Kick-off")
    store.create(session)
    store.close()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    result = subprocess.run(
        [sys.executable, "-c", QUIT_PROBE, str(db), session.id],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {
        "code": 0,
        "closed": session.id,
        "shortcut": "Ctrl+Q",
        "workshop_open": False,
        "library_shown": False,
    }


def test_window_geometry_is_restored_after_reopening(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    app = ui_app.make_application()
    first = ui_app.App(app, store, Preferences())
    qtbot.addWidget(first.library)
    first.library.show()
    first.library.resize(733, 511)
    first.library.close()
    second = ui_app.App(app, store, Preferences())
    qtbot.addWidget(second.library)
    assert (second.library.width(), second.library.height()) == (733, 511)


def test_settings_data_and_log_share_one_name_and_old_settings_move_over(tmp_path: Path) -> None:
    old = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "MLTeamMaturity", "Workshop"
    )
    old.setValue("appearance/theme", "dark")
    old.sync()
    assert Preferences().theme == "dark"
    new_file = Path(settings().fileName())
    assert new_file.parent.name == APP_ID and new_file.is_file()
    assert log_folder().parent.name == APP_ID  # ~/.local/state/<name>/log
    assert default_db_path().parent.name == APP_ID


def test_an_unexpected_error_shows_a_calm_dialog_and_lands_in_the_log(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    log_path = setup_logging(tmp_path / "log" / "workshop.log")
    assert log_path is not None
    previous_thread_hook = threading.excepthook
    previous = ui_app.install_error_dialog(log_path)
    button = QPushButton("Break")
    qtbot.addWidget(button)
    button.show()

    def broken() -> None:
        raise RuntimeError("the projector cable came loose")

    button.clicked.connect(broken)
    try:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "error_dialog" and w.isVisible()
        ]
        assert len(boxes) == 1
        box = boxes[0]
        assert isinstance(box, QMessageBox)
        assert box.windowTitle() == "Something went wrong"
        assert "Your work is saved" in box.text()
        assert str(log_path) in box.text()
        assert "Traceback" not in box.text()
        box.close()
        # An error in a worker thread is logged too (no dialog: only the UI thread may show one).
        worker = threading.Thread(target=broken, name="export-worker")
        worker.start()
        worker.join()
    finally:
        sys.excepthook = previous
        threading.excepthook = previous_thread_hook
        for handler in list(logging.getLogger("workshop").handlers):
            handler.close()
            logging.getLogger("workshop").removeHandler(handler)
    logged = log_path.read_text(encoding="utf-8")
    assert "Unexpected error" in logged and "the projector cable came loose" in logged
    assert "Traceback" in logged  # the details are in the log, not in the dialog
    assert "Unexpected error in thread export-worker" in logged


def _without_display(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(extra)
    return env


@pytest.mark.slow
@pytest.mark.parametrize("display", [None, ":931"])
def test_no_display_gives_one_line_and_a_non_zero_exit(tmp_path: Path, display: str | None) -> None:
    env = _without_display(**({"DISPLAY": display} if display else {}))
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "--db", str(tmp_path / "w.sqlite3")],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("workshop: no display found")
    assert "set DISPLAY" in lines[0] and "workshop --help" in lines[0]
    assert not (tmp_path / "w.sqlite3").exists()  # nothing was created on the way out


@pytest.mark.slow
def test_ctrl_c_in_the_terminal_closes_the_app_cleanly(tmp_path: Path) -> None:
    state = tmp_path / "state"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_STATE_HOME=str(state),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "workshop", "--db", str(tmp_path / "w.sqlite3")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    log = state / APP_ID / "log" / "workshop.log"
    try:
        deadline = time.monotonic() + 60  # a guard against hanging, not a speed check
        while not (log.exists() and "Started" in log.read_text(encoding="utf-8")):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the app did not start"
            time.sleep(0.1)
        time.sleep(0.5)  # let the event loop run
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr


def test_import_and_export_start_in_the_folder_used_last(
    qtbot, shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    library = shell.library
    library.select(shell.store.list_sessions()[0].id)
    folder = tmp_path / "handover"
    folder.mkdir()
    asked: list[str] = []

    def save_dialog(parent, caption, start, filters):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(folder / "acme.json"), filters

    def open_dialog(parent, caption, start, filters):  # type: ignore[no-untyped-def]
        asked.append(start)
        return "", filters  # cancelled

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_dialog))
    library.export_action.trigger()
    assert (folder / "acme.json").is_file()
    library.import_action.trigger()
    library.export_action.trigger()
    assert Path(asked[0]).parent != folder  # the first time: no folder remembered yet
    assert asked[1] == str(folder)
    assert Path(asked[2]).parent == folder

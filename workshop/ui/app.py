"""Application start: QApplication, shipped fonts, theme, the library and workshop windows.

Start-up is kept lean on purpose (a benchmark holds it to a few times a bare Qt window):
only the store and the library load before the first frame; the framework content, the
page types and everything heavy (charts, PDF) load when first needed.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from workshop import APP_ID, DESKTOP_ID
from workshop.paths import resources_folder
from workshop.ui import theme
from workshop.ui.app_menu import quitting, request_quit
from workshop.ui.preferences import Preferences, settings

if TYPE_CHECKING:  # loaded on first use, not before the first frame
    from workshop.framework.model import Framework
    from workshop.store.backups import Backup
    from workshop.store.journal import RecoveryJournal
    from workshop.store.lazy import LazyStore
    from workshop.store.lock import DatabaseLock
    from workshop.store.repository import Store
    from workshop.ui.store_port import DesktopStore
    from workshop.ui.workshop_window import WorkshopWindow

log = logging.getLogger(__name__)

FONT_FAMILY = "DejaVu Sans"
EXIT_IN_USE = 4  # another app has the database open


def _resources_folder(name: str) -> Path | None:
    # workshop/paths.py finds the shipped resources without importing the content loader,
    # which the library does not need before the first frame.
    folder = resources_folder() / name
    return folder if folder.is_dir() else None  # missing: the platform font/icon will do


def _fonts_folder() -> Path | None:
    return _resources_folder("fonts")


def app_icon() -> QIcon:
    """The app's icon in every shipped size (PNG: no SVG plugin needed at start)."""
    icon = QIcon()
    folder = _resources_folder("icons")
    if folder is not None:
        for path in sorted(folder.glob(f"{APP_ID}-*.png")):
            icon.addFile(str(path))
    return icon


def register_fonts() -> str | None:
    """Register the shipped DejaVu fonts so the app and the PDF look the same everywhere."""
    folder = _fonts_folder()
    if folder is None:
        return None
    family = None
    for path in sorted(folder.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else None)
    return family


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    # One name for settings, data and logs (and the desktop file: the window is matched
    # to its launcher and icon by it).
    app.setOrganizationName("")
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName("ML team maturity workshop")
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(app_icon())
    theme.system_point_size()  # remember the platform size before zoom changes it
    family = register_fonts()
    if family:
        font = QFont(app.font())
        font.setFamily(family)
        app.setFont(font)
    return app


class _FirstPaint(QObject):
    """Quit the event loop once ``widget`` has painted (start-up benchmark)."""

    def __init__(self, widget: QWidget, app: QApplication) -> None:
        super().__init__(widget)
        self.app = app
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self.app.quit)
        return False


class App(QObject):
    """Owns the store and switches between the library and an open workshop.

    It also holds what keeps the facilitator's work safe while the app runs: the database
    lock (which records the workshop open, for the command line), the recovery journal the
    workshop service writes unsaved edits to, and the automatic backups.
    """

    #: The daily full check finished: '' when the file is sound, else the first problem.
    full_check_done = Signal(str)

    def __init__(
        self,
        app: QApplication,
        store: DesktopStore,
        preferences: Preferences,
        *,
        db_path: Path | None = None,
        lock: DatabaseLock | None = None,
        journal: RecoveryJournal | None = None,
    ) -> None:
        super().__init__()
        from workshop.ui.library import LibraryWindow

        self.app = app
        self.store = store
        self.preferences = preferences
        self.db_path = db_path if db_path is not None else Path(store.path)
        self.lock = lock
        self.journal = journal
        self.library = LibraryWindow(store, self.framework)
        remember_geometry(self.library, "library")
        self.library.open_requested.connect(self.open_session)
        self.library.preferences_requested.connect(self.show_preferences)
        self.workshop: WorkshopWindow | None = None
        self.recovery_box: QMessageBox | None = None
        self.full_check_done.connect(self._full_check_finished)
        self._add_restore_action()

    def framework(self) -> Framework:
        from workshop.framework import load_framework

        return load_framework()

    def open_session(self, session_id: str) -> WorkshopWindow | None:
        from workshop.ui.controller import SessionController
        from workshop.ui.page_types import PageTypeError, check_page_types
        from workshop.ui.workshop_window import WorkshopWindow

        if self.workshop is not None:
            self.workshop.close()
            if self.workshop is not None:  # the facilitator chose to stay in it
                return None
        framework = self.framework()
        try:
            check_page_types(framework)  # a half-built page type fails here, by name
        except PageTypeError as error:
            QMessageBox.critical(self.library, "Cannot open", str(error))
            return None
        try:
            session = self.store.load(session_id)
        except Exception as error:
            QMessageBox.critical(
                self.library, "Cannot open", f"Could not open the workshop:\n{error}"
            )
            return None
        controller = SessionController(session, framework, self.store, journal=self.journal)
        window = WorkshopWindow(controller, self.preferences)
        controller.setParent(window)
        window.closed.connect(self._workshop_closed)
        window.new_requested.connect(self.library.new_session)
        window.open_requested.connect(self.library.find_action.trigger)
        self.workshop = window
        self._record_open_sessions()
        if remember_geometry(window, "workshop"):
            window.show()  # where (and as large as) the facilitator last had it
        else:
            # A workshop is run on the whole screen (often a projector): open it maximised,
            # with a sensible restored size for when the facilitator un-maximises it.
            window.resize(self.library.size())
            window.showMaximized()
        self.library.hide()
        return window

    def _workshop_closed(self, session_id: str) -> None:
        self.workshop = None
        self._record_open_sessions()
        if quitting():
            return  # leaving the app: do not bring the library back for an instant
        self.library.refresh(select=session_id)
        self.library.show()

    def _record_open_sessions(self) -> None:
        if self.lock is None:
            return
        ids = [self.workshop.controller.session.id] if self.workshop is not None else []
        try:
            self.lock.set_open_sessions(ids)
        except OSError:
            log.exception("could not record the open workshop in the lock file")

    def show_preferences(self) -> None:
        from workshop.ui.preferences import PreferencesDialog

        PreferencesDialog(self.preferences, self.library).exec()

    # --- after the first frame: backups, recovery, the daily check --------------------------

    def after_start(self) -> None:
        """Back up (if the database changed), replay the recovery journal, check in depth
        once a day. Run once the library is on screen, before the facilitator acts."""
        from workshop.store import StoreError
        from workshop.store.backups import backup_if_changed

        try:
            backup_if_changed(self.db_path, "start")
        except StoreError:
            log.exception("could not back up the database at start")
        self.replay_journal()
        self._start_full_check()

    def replay_journal(self) -> None:
        if self.journal is None or not self.journal.path.exists():
            return
        from workshop.service import EditRefused, WorkshopService
        from workshop.store.journal import replay

        framework = self.framework()
        try:
            recovery = replay(
                self.journal,
                self.store,
                lambda session: WorkshopService(session, framework, self.store),
                EditRefused,
            )
        except Exception as error:
            log.exception("replaying the recovery journal failed")
            text = (
                f"Changes that were not saved last time could not be recovered yet:\n{error}\n\n"
                f"They are kept in {self.journal.path}."
            )
        else:
            if not recovery.anything:
                return
            text = recovery.message()
        self.library.refresh()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Unsaved changes recovered",
            text,
            QMessageBox.StandardButton.Ok,
            self.library,
        )
        box.setObjectName("recovery_box")
        self.recovery_box = box
        box.open()  # not blocking: the library stays usable behind it

    def _start_full_check(self) -> None:
        from workshop.store import health

        if not health.full_check_due(self.db_path):
            return
        path = self.db_path
        done = self.full_check_done

        def work() -> None:
            try:
                done.emit(health.full_check(path))
            except Exception:  # a check that cannot run must not crash anything
                log.exception("the daily integrity check failed to run")

        threading.Thread(target=work, name="integrity-check", daemon=True).start()

    def _full_check_finished(self, problem: str) -> None:
        if not problem:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "The database is damaged",
            "The daily check of the database found damage:\n"
            f"{problem}\n\nKeep working only to export what you need, then use "
            "Restore from backup… in the library.",
            QMessageBox.StandardButton.Ok,
            self.library,
        )
        box.setObjectName("damage_found_box")
        box.open()

    # --- Restore from backup… -----------------------------------------------------------------

    def _add_restore_action(self) -> None:
        from PySide6.QtGui import QAction
        from PySide6.QtWidgets import QToolBar

        action = QAction("Restore from backup…", self.library)
        action.setObjectName("restore_backup_action")
        action.triggered.connect(lambda: self.restore_from_backup())
        self.library.addAction(action)
        toolbar = self.library.findChild(QToolBar, "library_toolbar")
        if toolbar is not None:
            before = getattr(self.library, "preferences_action", None)
            if before is not None:
                toolbar.insertAction(before, action)
            else:
                toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            if button is not None:
                button.setObjectName("restore_backup_button")
                button.setAccessibleName("Restore from backup")
        self.restore_action = action

    def restore_from_backup(self) -> bool:
        """Show the backups; restore the chosen one. True when a backup was restored."""
        from workshop.store import StoreError, backups
        from workshop.ui.backup_dialog import BackupDialog, when

        dialog = BackupDialog(backups.list_backups(self.db_path), self.library)
        self.backup_dialog = dialog
        if dialog.exec() != BackupDialog.DialogCode.Accepted or dialog.chosen() is None:
            return False
        chosen = dialog.chosen()
        assert chosen is not None
        if self.workshop is not None:
            self.workshop.close()
            if self.workshop is not None:
                return False
        self.store.close()  # every connection closed: the file is replaced under nobody
        try:
            backups.restore(self.db_path, chosen)
        except StoreError as error:
            QMessageBox.critical(self.library, "Not restored", str(error))
            return False
        self.library.refresh()
        self.library.statusBar().showMessage(f"Restored the backup of {when(chosen)}", 10000)
        return True


def _say(title: str, message: str, icon: QMessageBox.Icon = QMessageBox.Icon.Critical) -> None:
    """One line on stderr and the same words in a dialog."""
    print(f"workshop: {message}", file=sys.stderr, flush=True)
    box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok)
    box.setObjectName("startup_refusal_box")
    box.exec()


def open_checked(path: Path) -> Store | LazyStore | None:
    """Open the database; when it is damaged or has a log that does not belong, say so in
    one line and offer the way out (newest good backup, a new database, setting the log
    aside). None when the facilitator chose to quit. The damaged file is never modified."""
    from workshop.store import backups, health
    from workshop.store.lazy import open_store_lazily

    while True:
        try:
            return open_store_lazily(path)
        except (health.DamagedDatabaseError, health.ForeignWalError) as error:
            message = str(error)
            print(f"workshop: {message}", file=sys.stderr, flush=True)
            foreign_log = isinstance(error, health.ForeignWalError)
        try:
            newest: Backup | None = backups.find(path, "latest")
        except Exception:
            newest = None
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "The database cannot be used",
            message.split("; ")[0] + ".",
            QMessageBox.StandardButton.NoButton,
        )
        box.setObjectName("damaged_database_box")
        box.setInformativeText("The file was not changed. How do you want to go on?")
        buttons = {}
        if foreign_log:
            buttons["aside"] = box.addButton(
                "Set the log aside and open", QMessageBox.ButtonRole.AcceptRole
            )
            buttons["aside"].setObjectName("set_log_aside_button")
        if newest is not None:
            from workshop.ui.backup_dialog import when

            buttons["restore"] = box.addButton(
                f"Restore the backup of {when(newest)}", QMessageBox.ButtonRole.AcceptRole
            )
            buttons["restore"].setObjectName("restore_newest_button")
        if not foreign_log:
            buttons["new"] = box.addButton(
                "Start a new database", QMessageBox.ButtonRole.DestructiveRole
            )
            buttons["new"].setObjectName("new_database_button")
        quit_button = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        quit_button.setObjectName("quit_button")
        box.setEscapeButton(quit_button)
        chosen: list[str] = []
        for key, button in buttons.items():
            button.clicked.connect(
                lambda _checked=False, key=key, chosen=chosen: chosen.append(key)
            )
        box.exec()
        choice = chosen[0] if chosen else "quit"
        if choice == "aside":
            health.set_wal_aside(path)
        elif choice == "restore" and newest is not None:  # offered only when there is one
            backups.restore(path, newest)
        elif choice == "new":
            kept = backups.start_fresh(path)
            print(f"workshop: the damaged database was kept as {kept}", file=sys.stderr, flush=True)
        else:
            return None


# --- desktop conventions: window memory, Ctrl+C, the log and the error dialog -------------------


class _GeometryMemory(QObject):
    """Save a window's size, place and maximised state whenever it is hidden or closed."""

    def __init__(self, window: QMainWindow, key: str) -> None:
        super().__init__(window)
        self.window = window
        self.key = key
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.Close, QEvent.Type.Hide):
            store = settings()
            store.setValue(f"windows/{self.key}/geometry", self.window.saveGeometry())
            store.sync()
        return False


def remember_geometry(window: QMainWindow, key: str) -> bool:
    """Restore ``window``'s last geometry (True if there was one) and keep it up to date."""
    saved = settings().value(f"windows/{key}/geometry")
    restored = (
        isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved)
    )
    _GeometryMemory(window, key)
    return bool(restored)


def install_interrupt_handler(app: QApplication) -> QTimer:
    """Ctrl+C in the terminal closes the app like Quit (saving), instead of being ignored.

    Python runs signal handlers only between bytecodes, and Qt's event loop is C++: a short
    timer hands control back to Python now and then so the handler gets its chance.
    """
    signal.signal(signal.SIGINT, lambda _signum, _frame: QTimer.singleShot(0, request_quit))
    ticker = QTimer(app)
    ticker.setObjectName("interrupt_ticker")
    ticker.timeout.connect(lambda: None)
    ticker.start(200)
    return ticker


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]

ERROR_TITLE = "Something went wrong"


def error_message(error: BaseException, log_path: Path | None) -> str:
    where = (
        f"The details are in the log:\n{log_path}" if log_path else "No log file could be written."
    )
    return (
        f"That last step did not finish: the app met a problem it did not expect "
        f"({type(error).__name__}).\n\n"
        "Your work is saved: every change is written to the database as you make it.\n\n"
        f"{where}\n\n"
        "You can carry on. If it happens again, send the log file to whoever looks after the app."
    )


def install_error_dialog(log_path: Path | None) -> ExceptHook:
    """Show a calm dialog (and log the traceback) for an unexpected error; returns the old hook.

    An error raised in a slot or an event handler reaches ``sys.excepthook``; without this
    the facilitator would see nothing and the traceback would go to a terminal nobody reads.
    """
    previous = sys.excepthook
    shown: list[QMessageBox] = []

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            request_quit()
            return
        log.error("Unexpected error", exc_info=(kind, error, trace))
        if shown and shown[0].isVisible():
            return  # one dialog at a time: a failing paint would otherwise stack hundreds
        try:
            parent = QApplication.activeWindow()
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                ERROR_TITLE,
                error_message(error, log_path),
                QMessageBox.StandardButton.Ok,
                parent,
            )
            box.setObjectName("error_dialog")
            box.open()  # not exec(): no nested event loop inside an error handler
            shown[:] = [box]
        except Exception:  # the dialog itself failed: the log has it, keep going
            log.exception("Could not show the error dialog")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        # A worker thread (an export, the room's server) cannot show a dialog: log it; the
        # worker reports the failure to the window through its own signal.
        if args.exc_value is not None:
            log.error(
                "Unexpected error in thread %s",
                getattr(args.thread, "name", "?"),
                exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
            )

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return previous


def refuse_without_display() -> int | None:
    """Exit code 1 with one line on stderr when no window can open here (no display)."""
    from workshop.syscheck import display_problem

    problem = display_problem()
    if problem is None:
        return None
    print(f"workshop: {problem}", file=sys.stderr)
    return 1


def start_desktop_services(app: QApplication) -> Path | None:
    """The log file, the error dialog and Ctrl+C: what a desktop app owes its user."""
    from workshop.logging_setup import setup_logging

    log_path = setup_logging()
    install_error_dialog(log_path)
    install_interrupt_handler(app)
    log.info("Started (log: %s)", log_path)
    return log_path


def run_gui(
    store_url: str | None, open_session_id: str | None = None, exit_after_startup: bool = False
) -> int:
    """Run the app on the database at ``store_url``; returns the process exit code."""
    refused = refuse_without_display()
    if refused is not None:
        return refused
    app = make_application()
    start_desktop_services(app)
    preferences = Preferences()
    theme.apply_theme(app, preferences.theme, preferences.zoom)
    from workshop.store import StoreError
    from workshop.store import lock as database_lock
    from workshop.store.journal import RecoveryJournal
    from workshop.store.location import resolve_db_path

    try:
        path = resolve_db_path(store_url).absolute()
        held = database_lock.acquire(path)
    except database_lock.DatabaseInUse as error:
        _say("Already open", str(error), QMessageBox.Icon.Information)
        return EXIT_IN_USE
    except StoreError as error:
        _say("Cannot open the database", str(error))
        return 2
    store: Store | LazyStore | None = None
    try:
        try:
            store = open_checked(path)
        except StoreError as error:
            _say("Cannot open the database", str(error))
            return 2
        if store is None:
            return 2
        shell = App(app, store, preferences, db_path=path, lock=held, journal=RecoveryJournal(path))
        shell.library.refresh()
        if not settings().contains("windows/library/geometry"):
            shell.library.resize(
                shell.library.sizeHint().expandedTo(app.primaryScreen().availableSize() * 0.7)
            )
        shell.library.show()
        if exit_after_startup:
            library = shell.library
            shown = library.stack.currentWidget()
            target = library.table.viewport() if shown is library.table else shown
            watcher = _FirstPaint(target or library, app)
            QTimer.singleShot(10_000, app.quit)  # never hang a benchmark
            app.exec()
            return 0 if watcher.painted else 3
        QTimer.singleShot(0, shell.library.warm_up)
        if hasattr(store, "warm_up"):  # open the database connection once the list is shown
            QTimer.singleShot(0, store.warm_up)
        QTimer.singleShot(0, shell.after_start)
        if open_session_id:
            QTimer.singleShot(0, lambda: shell.open_session(open_session_id))
        code = app.exec()
        if shell.workshop is not None:
            shell.workshop.close()
        return code
    finally:
        if store is not None:
            store.close()  # checkpoints: a clean close leaves no -wal/-shm
        held.release()

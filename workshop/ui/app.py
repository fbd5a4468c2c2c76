"""Application start: QApplication, shipped fonts, theme, the library and workshop windows.

Start-up is kept lean on purpose (a benchmark holds it to a few times a bare Qt window):
only the store and the library load before the first frame; the framework content, the
page types and everything heavy (charts, PDF) load when first needed.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workshop.ui import theme
from workshop.ui.preferences import APPLICATION, ORGANISATION, Preferences

log = logging.getLogger(__name__)

FONT_FAMILY = "DejaVu Sans"


def _fonts_folder() -> Path | None:
    # The package's resources (wheel, or the symlink in a checkout) are found without
    # importing the content loader, which the library does not need before the first frame.
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "resources" / "fonts", package.parent / "resources" / "fonts"):
        if candidate.is_dir():
            return candidate
    try:
        from workshop.framework import resources_path

        return Path(resources_path()) / "fonts"
    except Exception:  # content missing: the platform font will do
        return None


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
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("ML team maturity workshop")
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
    """Owns the store and switches between the library and an open workshop."""

    def __init__(self, app: QApplication, store: Any, preferences: Preferences) -> None:
        super().__init__()
        from workshop.ui.library import LibraryWindow

        self.app = app
        self.store = store
        self.preferences = preferences
        self.library = LibraryWindow(store, self.framework)
        self.library.open_requested.connect(self.open_session)
        self.library.preferences_requested.connect(self.show_preferences)
        self.workshop: Any = None

    def framework(self) -> Any:
        from workshop.framework import load_framework

        return load_framework()

    def open_session(self, session_id: str) -> Any:
        from workshop.ui.controller import SessionController
        from workshop.ui.page_types import PageTypeError, check_page_types
        from workshop.ui.workshop_window import WorkshopWindow

        if self.workshop is not None:
            self.workshop.close()
        framework = self.framework()
        try:
            check_page_types(framework)  # a half-built page type fails here, by name
        except PageTypeError as error:
            QMessageBox.critical(self.library, "Cannot open", str(error))
            return None
        try:
            session = self.store.load(session_id)
        except Exception as error:
            QMessageBox.critical(self.library, "Cannot open", f"Could not open the workshop:\n{error}")
            return None
        controller = SessionController(session, framework, self.store)
        window = WorkshopWindow(controller, self.preferences)
        controller.setParent(window)
        window.closed.connect(self._workshop_closed)
        window.new_requested.connect(self.library.new_session)
        window.open_requested.connect(self.library.find_action.trigger)
        self.workshop = window
        # A workshop is run on the whole screen (often a projector): open it maximised,
        # with a sensible restored size for when the facilitator un-maximises it.
        window.resize(self.library.size())
        window.showMaximized()
        self.library.hide()
        return window

    def _workshop_closed(self, session_id: str) -> None:
        self.workshop = None
        self.library.refresh(select=session_id)
        self.library.show()

    def show_preferences(self) -> None:
        from workshop.ui.preferences import PreferencesDialog

        PreferencesDialog(self.preferences, self.library).exec()


def run_gui(
    store_url: str | None, open_session_id: str | None = None, exit_after_startup: bool = False
) -> int:
    """Run the app on the database at ``store_url``; returns the process exit code."""
    app = make_application()
    preferences = Preferences()
    theme.apply_theme(app, preferences.theme, preferences.zoom)
    from workshop.store import StoreError
    from workshop.store.lazy import open_store_lazily

    try:
        store = open_store_lazily(store_url)
    except StoreError as error:
        QMessageBox.critical(None, "Cannot open the database", str(error))
        return 2
    try:
        shell = App(app, store, preferences)
        shell.library.refresh()
        shell.library.resize(shell.library.sizeHint().expandedTo(app.primaryScreen().availableSize() * 0.7))
        shell.library.show()
        if exit_after_startup:
            library = shell.library
            shown = library.stack.currentWidget()
            target = library.table.viewport() if shown is library.table else shown
            watcher = _FirstPaint(target, app)
            QTimer.singleShot(10_000, app.quit)  # never hang a benchmark
            app.exec()
            return 0 if watcher.painted else 3
        QTimer.singleShot(0, shell.library.warm_up)
        if hasattr(store, "warm_up"):  # open the database connection once the list is shown
            QTimer.singleShot(0, store.warm_up)
        if open_session_id:
            shell.open_session(open_session_id)
        code = app.exec()
        if shell.workshop is not None:
            shell.workshop.close()
        return code
    finally:
        store.close()

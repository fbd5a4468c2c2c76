"""What every window of the app shares: Quit (Ctrl+Q) and Help › About.

Each window calls ``add_app_menu(self)`` once, after building its own menus. Quit goes through
``request_quit()``, which the terminal's Ctrl+C uses too, so every way out closes the windows
the same way (an open workshop flushes its page and saves on close).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

#: Set on the application while it quits, so closing the workshop does not bring the
#: library back for an instant.
QUITTING = "workshop_quitting"


def request_quit() -> None:
    """Close every window (each saves what it holds) and leave the event loop."""
    app = QCoreApplication.instance()
    if app is None:
        return
    app.setProperty(QUITTING, True)
    app.quit()  # Qt 6 closes the open windows first


def quitting() -> bool:
    app = QCoreApplication.instance()
    return bool(app is not None and app.property(QUITTING))


def show_about(window: QMainWindow) -> None:
    from workshop.ui.about import AboutDialog

    dialog = AboutDialog(window)
    dialog.open()  # window-modal, not a nested event loop: the window behind keeps painting


def add_app_menu(window: QMainWindow) -> None:
    """Add Quit to the window's first menu (a File menu if it has none) and a Help menu."""
    menus = window.menuBar()
    first = next((a.menu() for a in menus.actions() if isinstance(a.menu(), QMenu)), None)
    file_menu = first if isinstance(first, QMenu) else menus.addMenu("&File")

    quit_action = QAction("&Quit", window)
    quit_action.setObjectName("quit_action")
    # Ctrl+Q everywhere (Windows has no standard Quit key; on macOS Qt reads Ctrl as Cmd).
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    quit_action.triggered.connect(request_quit)
    if file_menu.actions():
        file_menu.addSeparator()
    file_menu.addAction(quit_action)
    window.addAction(quit_action)

    help_menu = menus.addMenu("&Help")
    help_menu.setObjectName("help_menu")
    about_action = QAction("&About", window)
    about_action.setObjectName("about_action")
    about_action.setMenuRole(QAction.MenuRole.AboutRole)
    about_action.triggered.connect(lambda: show_about(window))
    help_menu.addAction(about_action)
    window.addAction(about_action)

"""The presenter's keys, in one table: the audience view (one screen: it has the keyboard)
and the facilitator's console (two screens: the laptop keeps it) both read keys here, so a
clicker works the same in either.

What presentation clickers send: PgDown / PgUp (most), → / ← and Space (some), B or "."
to black the screen. Esc ends presenting. Any other key belongs to the facilitator's page
(0–4 rate the statement being discussed, arrows move between statements) and is handed to
the control that has the keyboard there with :func:`forward_key`. The window's own
shortcuts (Ctrl+PgDown, Ctrl+Z, Ctrl+T, F6...) never reach these handlers: Qt runs them first.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


class PresenterKey(Enum):
    STOP = "stop"  # Esc: end presenting
    BLACKOUT = "blackout"  # B: black the room's screen, or bring it back
    NEXT = "next"  # the next page
    BACK = "back"  # the previous page


CLICKER_NEXT = frozenset({Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space})
CLICKER_BACK = frozenset({Qt.Key.Key_PageUp, Qt.Key.Key_Left})
# Keys that black the screen (B, and "." which many clickers send for it).
BLACKOUT_KEYS = frozenset({Qt.Key.Key_B, Qt.Key.Key_Period})


def classify(event: QKeyEvent) -> PresenterKey | None:
    """What ``event`` asks of the presenter, or None when it belongs to the page."""
    key = Qt.Key(event.key())
    plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
    if key == Qt.Key.Key_Escape:
        return PresenterKey.STOP
    if not plain:
        return None
    if key in BLACKOUT_KEYS:
        return PresenterKey.BLACKOUT
    if key in CLICKER_NEXT:
        return PresenterKey.NEXT
    if key in CLICKER_BACK:
        return PresenterKey.BACK
    return None


def forward_key(event: QKeyEvent, target: QWidget) -> None:
    """Hand a copy of ``event`` to ``target`` (a control of the facilitator's page)."""
    copy = QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )
    QApplication.sendEvent(target, copy)

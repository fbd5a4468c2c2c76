"""Helpers the UI tests share: a controller on a stored session, what a fresh load from the
store holds, typing any text as a keyboard would, and the labels a person can see."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from workshop.domain.session import Session
from workshop.framework.model import Framework
from workshop.store import Store
from workshop.ui.controller import SessionController


def make_controller(store: Store, framework: Framework, session: Session) -> SessionController:
    """Store ``session``, then drive what loads back, as the app does after opening it."""
    store.create(session)
    return SessionController(store.load(session.id), framework, store)


def stored(store: Store, controller: SessionController) -> Session:
    """The controller's session as a fresh load from the store holds it."""
    return store.load(controller.session.id)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, as a keyboard or input method delivers it.

    QTest's keyClicks only knows ASCII (it asserts on anything else), so every character is
    sent as a key press carrying its text, the way an input method delivers Hebrew or emoji;
    a newline is the Return key.
    """
    for character in text:
        key = Qt.Key.Key_Return if character == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)


def visible_texts(widget: QWidget) -> str:
    """Every label's text that a person could see right now, one a line."""
    return "\n".join(
        label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)
    )

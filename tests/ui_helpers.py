"""Helpers the UI tests share: a controller on a stored session, what a fresh load from the
store holds, typing any text as a keyboard would, and the labels a person can see."""

from __future__ import annotations

import json
from pathlib import Path

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


# --- page tables (model/view): what a facilitator does to a cell ----------------------------


def open_cell(qtbot, table, index) -> QWidget:  # type: ignore[no-untyped-def]
    """Select the cell and press F2 on the focused table: the cell's editor."""
    from PySide6.QtCore import QItemSelectionModel

    table.setFocus()
    table.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table, "no editor opened"
    return editor


def cell_committed(qtbot, table) -> None:  # type: ignore[no-untyped-def]
    """Enter commits the cell on the next turn of the event loop (Qt queues it)."""
    from PySide6.QtWidgets import QAbstractItemView

    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def offered_in_cell(qtbot, table, index) -> list[tuple[object, str]]:  # type: ignore[no-untyped-def]
    """The (value, text) entries of a cell's drop-down, as opened by the keyboard."""
    from PySide6.QtWidgets import QComboBox

    combo = open_cell(qtbot, table, index)
    assert isinstance(combo, QComboBox)
    entries = [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]
    qtbot.keyClick(combo, Qt.Key.Key_Escape)
    cell_committed(qtbot, table)
    return entries


def choose_in_cell(qtbot, table, index, value: object) -> None:  # type: ignore[no-untyped-def]
    """Pick the drop-down entry holding ``value`` in a cell, then Enter."""
    from PySide6.QtWidgets import QComboBox

    combo = open_cell(qtbot, table, index)
    assert isinstance(combo, QComboBox)
    position = combo.findData(value)
    assert position >= 0, f"{value!r} is not offered"
    combo.setCurrentIndex(position)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    cell_committed(qtbot, table)


def type_in_cell(qtbot, table, index, text: str) -> None:  # type: ignore[no-untyped-def]
    """Replace a text cell by typing (any script: see type_text), then Enter."""
    from PySide6.QtWidgets import QLineEdit

    editor = open_cell(qtbot, table, index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    cell_committed(qtbot, table)


def toggle_cell(qtbot, table, index) -> None:  # type: ignore[no-untyped-def]
    """Space on a check-box cell of the focused table."""
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)


def _screen(name: str, x: int, width: int, height: int) -> dict[str, object]:
    return {
        "name": name,
        "x": x,
        "y": 0,
        "width": width,
        "height": height,
        "logicalDpi": 96,
        "logicalBaseDpi": 96,
        "dpr": 1,
    }


#: A laptop beside a projector, for Qt's offscreen platform (its ``configfile`` option).
TWO_SCREENS = {"screens": [_screen("laptop", 0, 1280, 800), _screen("projector", 1280, 1024, 768)]}


def two_screens_platform(folder: Path) -> str:
    """The QT_QPA_PLATFORM value for a child process that sees :data:`TWO_SCREENS`."""
    config = folder / "screens.json"
    config.write_text(json.dumps(TWO_SCREENS))
    return f"offscreen:configfile={config}"

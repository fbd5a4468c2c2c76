"""The page tables built on ``pages/row_model.py``: the table itself and its cell editors.

A cell whose model offers choices (``CHOICES_ROLE``: (value, label) pairs) is edited with a
drop-down that commits on the first pick: one pick, one edit. A one-line text cell gets the
usual line editor, with the field's declared length limit and its counter. Check-box cells
need no editor (the model's ``CheckStateRole``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from workshop.ui.pages.row_model import CHOICES_ROLE, ModelIndex
from workshop.ui.widgets.length_counter import limit_length


class CellDelegate(QStyledItemDelegate):
    """Editors for the cells of one collection's table; ``columns`` are (field, heading)."""

    def __init__(
        self, parent: QWidget, collection: str, columns: tuple[tuple[str, str], ...],
        placeholders: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.collection = collection
        self.columns = columns
        self.placeholders = placeholders or {}

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        field, heading = self.columns[index.column()]
        choices = index.data(CHOICES_ROLE)
        if choices:
            combo = QComboBox(parent)
            combo.setObjectName(f"{field}_combo")
            combo.setAccessibleName(f"Choose the {heading.lower()}")
            for value, label in choices:
                combo.addItem(label, value)
            combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
            combo.activated.connect(lambda _i, c=combo: self.closeEditor.emit(c))
            return combo
        editor = super().createEditor(parent, option, index)
        editor.setObjectName(f"{field}_edit")
        editor.setAccessibleName(heading)
        if isinstance(editor, QLineEdit):
            limit_length(editor, self.collection, field)  # the declared limit, with its counter
            editor.setPlaceholderText(self.placeholders.get(field, ""))
        return editor

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


def commit_open_editor(table: QAbstractItemView) -> None:
    """Typing in a cell is committed now (page change, close, Ctrl+S, another button)."""
    if table.state() != QAbstractItemView.State.EditingState:
        return
    editor = table.focusWidget()
    if editor is None or editor is table:
        editor = table.indexWidget(table.currentIndex())
    if editor is not None and editor is not table:
        table.itemDelegate().commitData.emit(editor)


class PageTable(QTableView):
    """A page table: Tab leaves it for the next control instead of walking its cells, and
    Delete asks to remove the selected row (where the page allows it)."""

    delete_requested = Signal()
    resized = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.delete_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

"""The hiring plan as a Qt model and its cell editors.

One row per hire, a column per field (see :data:`.state.COLUMNS`); the model draws a
:class:`~workshop.ui.pages.hiring.state.HiringState` and signals only the rows an edit changed
(``pages/row_model.py``). Cell edits go out through the page's ``set_field`` callback as one
domain edit each; the model never changes the session itself. Choices are drop-downs that
commit on the first pick, the headcount a spin box, the two skills check boxes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from workshop.ui.pages.hiring.state import (
    CHECKS,
    COLUMNS,
    EMPTY,
    MODE_NAMES,
    SENIORITY_NAMES,
    TEXTS,
    PlanRow,
)
from workshop.ui.pages.row_model import CHOICES_ROLE, ID_ROLE, ModelIndex, RowStateModel
from workshop.ui.widgets.length_counter import limit_length

MAX_HEADCOUNT = 1000


class HiresModel(RowStateModel):
    def __init__(
        self,
        parent: QWidget,
        *,
        quarter_choices: Callable[[str], list[tuple[str, str]]],
        set_field: Callable[[str, str, str | int | bool], bool],
    ) -> None:
        super().__init__(parent, EMPTY)
        self._quarter_choices = quarter_choices
        self._set_field = set_field

    def hire_row(self, row: int) -> PlanRow | None:
        found: PlanRow | None = self.row_at(row)
        return found

    columns = COLUMNS

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        field = COLUMNS[index.column()][0]
        if field in CHECKS:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if field != "warnings":
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def choices(self, field: str, row: PlanRow) -> list[tuple[Any, str]] | None:
        if field == "mode":
            return list(MODE_NAMES.items())
        if field == "seniority":
            return list(SENIORITY_NAMES.items())
        if field == "target_quarter":
            return self._quarter_choices(row.hire.target_quarter)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.hire_row(index.row())
        if row is None:
            return None
        field = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text(field)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.CheckStateRole and field in CHECKS:
            on = getattr(row.hire, field)
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole:
            return getattr(row.hire, field) if field != "warnings" else None
        if role == CHOICES_ROLE:
            return self.choices(field, row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if field == "warnings":
                return "\n".join(row.warnings) or None
            if field == "title":
                return (
                    f"From the catalogue: {row.role_name}"
                    if row.role_name
                    else "A custom role, not in the catalogue"
                )
            if field in TEXTS:
                return row.text(field) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and field == "headcount":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.hire_row(index.row())
        if row is None:
            return False
        field = COLUMNS[index.column()][0]
        if field in CHECKS and role == Qt.ItemDataRole.CheckStateRole:
            return self._set_field(row.id, field, Qt.CheckState(value) == Qt.CheckState.Checked)
        if role != Qt.ItemDataRole.EditRole or field in CHECKS or field == "warnings":
            return False
        if field == "headcount":
            value = min(max(int(value), 1), MAX_HEADCOUNT)
        elif field == "title":
            value = str(value).strip()
        else:
            value = str(value or "")
        return self._set_field(row.id, field, value)


class HireDelegate(QStyledItemDelegate):
    """Drop-downs for the assignment, seniority and quarter (one pick, one edit) and a spin
    box for the headcount; text cells use the usual line editor."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        choices = index.data(CHOICES_ROLE)
        field = COLUMNS[index.column()][0]
        if choices:
            combo = QComboBox(parent)
            combo.setObjectName(f"{field}_combo")
            combo.setAccessibleName(f"Choose the {COLUMNS[index.column()][1].lower()}")
            for value, label in choices:
                combo.addItem(label, value)
            combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
            combo.activated.connect(lambda _i, c=combo: self.closeEditor.emit(c))
            return combo
        if field == "headcount":
            spin = QSpinBox(parent)
            spin.setObjectName("headcount_spin")
            spin.setAccessibleName("Headcount")
            spin.setRange(1, MAX_HEADCOUNT)
            return spin
        editor = super().createEditor(parent, option, index)
        editor.setObjectName(f"{field}_edit")
        if isinstance(editor, QLineEdit):
            limit_length(editor, "hires", field)  # the declared limit, with its counter
        return editor

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 1))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class PlanTable(QTableView):
    """The plan. Alt+↑ and Alt+↓ move the selected role (the arrows alone move the
    selection); Tab leaves the table for the next control instead of walking its cells."""

    move_requested = Signal(int)  # −1 up, +1 down
    resized = Signal()  # the title column takes what the others leave (see the page)

    def __init__(self) -> None:
        super().__init__()
        self.setTabKeyNavigation(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.modifiers() == Qt.KeyboardModifier.AltModifier
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

"""The interviews list as a Qt model: one row per interview shown.

The name is edited in its cell, the function with a drop-down and "Private" with a check
box; the date and what hurts are edited in the form beside the list (long text does not fit
a cell). Each cell edit goes out through the page's ``set_field`` callback as one edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from workshop.ui.pages.interviews.state import COLUMNS, EMPTY, InterviewRow
from workshop.ui.pages.row_model import CHOICES_ROLE, ID_ROLE, ModelIndex, RowStateModel

EDITABLE = ("person", "function")


class InterviewsModel(RowStateModel):
    def __init__(
        self,
        parent: QWidget,
        *,
        function_choices: Callable[[], list[tuple[str, str]]],
        set_field: Callable[[str, str, Any], bool],
    ) -> None:
        super().__init__(parent, EMPTY)
        self._function_choices = function_choices
        self._set_field = set_field

    def interview_row(self, row: int) -> InterviewRow | None:
        found: InterviewRow | None = self.row_at(row)
        return found

    columns = COLUMNS

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        field = COLUMNS[index.column()][0]
        if field == "private":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if field in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.interview_row(index.row())
        if row is None:
            return None
        field = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            text = row.text(field)
            if field == "person" and not text:
                return "(no name yet)"
            return text
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.EditRole and field in EDITABLE:
            return getattr(row.interview, field)
        if role == Qt.ItemDataRole.CheckStateRole and field == "private":
            return Qt.CheckState.Checked if row.interview.private else Qt.CheckState.Unchecked
        if role == CHOICES_ROLE and field == "function":
            return self._function_choices()
        if role == Qt.ItemDataRole.ToolTipRole:
            if field == "pains":
                return row.interview.pains or None
            if field == "person":
                return row.interview.person or None
            if field == "private":
                return "Private interviews are never shown to the room or printed"
        if role == Qt.ItemDataRole.FontRole and field == "person" and not row.interview.person:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.interview_row(index.row())
        if row is None:
            return False
        field = COLUMNS[index.column()][0]
        if field == "private":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            return self._set_field(row.id, field, Qt.CheckState(value) == Qt.CheckState.Checked)
        if role != Qt.ItemDataRole.EditRole or field not in EDITABLE:
            return False
        text = str(value or "")
        return self._set_field(row.id, field, text.strip() if field == "person" else text)

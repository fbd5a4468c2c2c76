"""The data audit's two tables as Qt models: the ranked opportunities, and the data items of
the one selected.

Each model draws its part of an :class:`~workshop.ui.pages.audit.state.AuditState` and
signals only the rows an edit changed (``pages/row_model.py``). Cell edits go out through
the page's callbacks as one domain edit each; the models never change the session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from workshop.domain.session import DataAuditItem, Opportunity
from workshop.ui.pages.audit.state import (
    BLOCKS_TEXT,
    GROUP_COLUMNS,
    ITEM_COLUMNS,
    ITEM_TEXTS,
    PLACEHOLDERS,
    READINESS_NAMES,
    STATUS_NAMES,
    STATUS_TONES,
    GroupRow,
    ItemRow,
    Rows,
)
from workshop.ui.pages.row_model import CHOICES_ROLE, ID_ROLE, ModelIndex, RowStateModel

STRONG_TONES = ("warning", "danger")


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class GroupsModel(RowStateModel):
    """One row per ranked opportunity, then the general data; the readiness is a drop-down."""

    def __init__(self, parent: QWidget, *, set_readiness: Callable[[str, str], bool]) -> None:
        super().__init__(parent, Rows(()))
        self._set_readiness = set_readiness

    def group_row(self, row: int) -> GroupRow | None:
        found = self.row_at(row)
        return found if isinstance(found, GroupRow) else None

    columns = GROUP_COLUMNS

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self.group_row(index.row())
        if (
            row is not None
            and not row.general
            and GROUP_COLUMNS[index.column()][0] == "data_readiness"
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.group_row(index.row())
        if row is None:
            return None
        field = GROUP_COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text(field)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.EditRole and field == "data_readiness":
            return row.data_readiness
        if role == CHOICES_ROLE and field == "data_readiness" and not row.general:
            return [
                (value, READINESS_NAMES.get(value, value)) for value in Opportunity.DATA_READINESS
            ]
        if role == Qt.ItemDataRole.ToolTipRole:
            if field == "blocked" and row.blocked:
                return " ".join(row.reasons)
            if field == "title":
                return row.title
            if field == "data_readiness" and not row.general:
                return "How ready the data is for this opportunity, as the room judges it"
        if role == Qt.ItemDataRole.FontRole and field == "blocked" and row.blocked:
            return _bold()
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.group_row(index.row())
        if row is None or row.general or role != Qt.ItemDataRole.EditRole:
            return False
        if GROUP_COLUMNS[index.column()][0] != "data_readiness":
            return False
        return self._set_readiness(row.id, str(value))


class ItemsModel(RowStateModel):
    """The data items of one group; choices are drop-downs, "Blocks the start" a check box."""

    def __init__(
        self,
        parent: QWidget,
        *,
        quarter_choices: Callable[[str], list[tuple[str, str]]],
        set_field: Callable[[str, str, Any], bool],
    ) -> None:
        super().__init__(parent, Rows(()))
        self._quarter_choices = quarter_choices
        self._set_field = set_field

    def item_row(self, row: int) -> ItemRow | None:
        found = self.row_at(row)
        return found if isinstance(found, ItemRow) else None

    columns = ITEM_COLUMNS

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if ITEM_COLUMNS[index.column()][0] == "blocks_start":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def quarter_label(self, value: str) -> str:
        return next((label for v, label in self._quarter_choices(value) if v == value), value)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.item_row(index.row())
        if row is None:
            return None
        item: DataAuditItem = row.item
        field = ITEM_COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "target_quarter":
                return self.quarter_label(item.target_quarter)
            return row.text(field)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.EditRole:
            return getattr(item, field)
        if role == Qt.ItemDataRole.CheckStateRole and field == "blocks_start":
            return Qt.CheckState.Checked if item.blocks_start else Qt.CheckState.Unchecked
        if role == CHOICES_ROLE:
            if field == "status":
                return list(STATUS_NAMES.items())
            if field == "target_quarter":
                return self._quarter_choices(item.target_quarter)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if field in ITEM_TEXTS:
                return row.text(field) or PLACEHOLDERS.get(field)
            if field == "blocks_start":
                return "Tick when the opportunity cannot start until this data is in place"
        if role == Qt.ItemDataRole.FontRole and (
            (field == "status" and STATUS_TONES.get(item.status) in STRONG_TONES)
            or (field == "blocks_start" and row.blocking)
        ):
            return _bold()
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.item_row(index.row())
        if row is None:
            return False
        field = ITEM_COLUMNS[index.column()][0]
        if field == "blocks_start":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            return self._set_field(row.id, field, Qt.CheckState(value) == Qt.CheckState.Checked)
        if role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value or "")
        return self._set_field(row.id, field, text.strip() if field in ITEM_TEXTS else text)


__all__ = ["BLOCKS_TEXT", "GroupsModel", "ItemsModel"]

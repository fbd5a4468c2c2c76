"""The ranked list of opportunities as a Qt model, its delegates and its table.

The model draws a :class:`~workshop.ui.pages.matrix.state.MatrixState` and nothing else.
Given the next state, it tells the view only what changed (see ``pages/row_model.py``):
``dataChanged`` for the rows whose cells differ, one row moved when a vote or a score changed
its place, one row inserted or removed; only anything bigger resets. Votes are painted by a delegate (− count +) rather
than a pair of buttons per row, so 300 opportunities cost 300 painted cells, not 900 widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QStylePainter,
    QTableView,
    QWidget,
)

from workshop.ui.pages.matrix.state import (
    COLUMN,
    COLUMNS,
    EDITABLE,
    SCORE_FIELDS,
    MatrixState,
    OpportunityRow,
)
from workshop.ui.pages.row_model import CHOICES_ROLE, ID_ROLE, ModelIndex, RowStateModel
from workshop.ui.theme import half_line

CENTRED = ("rank", "value", "cost", "confidence", "votes")
EMPTY_STATE = MatrixState(rows=(), rule="", blocked_rule="", legend=(), first_project=None)


class OpportunitiesModel(RowStateModel):
    """The opportunities in ranked order; every cell edit becomes one domain edit through the
    callbacks the page gives (the model never changes the session itself)."""

    def __init__(
        self,
        parent: QWidget,
        *,
        header_tip: Callable[[str], str],
        cell_tip: Callable[[str, OpportunityRow], str | None],
        choices: Callable[[str, OpportunityRow], list[tuple[Any, str]] | None],
        set_field: Callable[[str, str, Any], bool],
        set_first_project: Callable[[str, bool], bool],
    ) -> None:
        super().__init__(parent, EMPTY_STATE)
        self._header_tip = header_tip
        self._cell_tip = cell_tip
        self._choices = choices
        self._set_field = set_field
        self._set_first_project = set_first_project

    def row_of(self, opportunity_id: str) -> int:
        row = self._state.row(opportunity_id)
        return row.rank - 1 if row is not None else -1  # ranks are the rows, from 1

    def opportunity(self, row: int) -> OpportunityRow | None:
        found: OpportunityRow | None = self.row_at(row)
        return found

    # --- the Qt model ------------------------------------------------------------------------

    columns = COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(COLUMNS[section][0]) or None
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        field = COLUMNS[index.column()][0]
        if field == "first_project":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if field in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.opportunity(index.row())
        if row is None:
            return None
        field = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text(field)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.CheckStateRole and field == "first_project":
            return Qt.CheckState.Checked if row.first_project else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and field in CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == CHOICES_ROLE:
            return self._choices(field, row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_tip(field, row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{COLUMNS[index.column()][1]}: {row.text(field)}"
        if role == Qt.ItemDataRole.EditRole:
            return getattr(row, field) if field in EDITABLE else None
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.opportunity(index.row())
        if row is None:
            return False
        field = COLUMNS[index.column()][0]
        if field == "first_project" and role == Qt.ItemDataRole.CheckStateRole:
            return self._set_first_project(row.id, Qt.CheckState(value) == Qt.CheckState.Checked)
        if role != Qt.ItemDataRole.EditRole or field not in EDITABLE:
            return False
        if field == "title":
            value = str(value).strip()
        if field in SCORE_FIELDS:
            value = int(value)
        return self._set_field(row.id, field, value)


def widen_popup(combo: QComboBox) -> None:
    """Let the list that drops down show whole choices ("4 — Changes how key customers
    work…"), however narrow the box itself is."""
    view = combo.view()
    width = view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width()
    view.setMinimumWidth(min(width + round(half_line(combo) * 2), 16777215))


class ScoreCombo(QComboBox):
    """A 1–5 choice that shows only the number when closed and what each score means in the
    list that drops down."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = option.currentText.split(" — ")[0]
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class ChoiceDelegate(QStyledItemDelegate):
    """Combo boxes for the scores (with what each means), data readiness and the quarter;
    − count + for the votes, painted, a click on − or + being one vote."""

    def __init__(self, parent: QWidget, vote: Callable[[str, int], bool]) -> None:
        super().__init__(parent)
        self._vote = vote

    # --- votes -------------------------------------------------------------------------------

    @staticmethod
    def vote_rects(cell: QRect, widget: QWidget | None) -> tuple[QRect, QRect, QRect]:
        """(minus, count, plus) inside a Votes cell: square buttons at each end."""
        line = widget.fontMetrics().height() if widget is not None else 16
        side = min(cell.height() - 4, round(line * 1.5))
        top = cell.top() + (cell.height() - side) // 2
        minus = QRect(cell.left() + 2, top, side, side)
        plus = QRect(cell.right() - 1 - side, top, side, side)
        count = QRect(minus.right() + 3, top, plus.left() - minus.right() - 5, side)
        return minus, count, plus

    @staticmethod
    def vote_width(widget: QWidget) -> int:
        line = widget.fontMetrics().height()
        return round(line * 1.5) * 2 + widget.fontMetrics().horizontalAdvance("0000") + 12

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        if COLUMNS[index.column()][0] != "votes":
            super().paint(painter, option, index)
            return
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        blank = QStyleOptionViewItem(option)
        self.initStyleOption(blank, index)
        blank.text = ""  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, blank, painter, widget)
        votes = int(index.data(Qt.ItemDataRole.DisplayRole) or 0)
        rect = option.rect  # type: ignore[attr-defined]
        minus, count, plus = self.vote_rects(rect, widget)
        for text, where, enabled in (("−", minus, votes > 0), ("+", plus, True)):
            button = QStyleOptionButton()
            button.rect = where
            button.text = text
            button.palette = option.palette  # type: ignore[attr-defined]
            button.state = QStyle.StateFlag.State_Raised | (
                QStyle.StateFlag.State_Enabled if enabled else QStyle.StateFlag.State_None
            )
            style.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, widget)
        # The count on its own base-coloured chip, readable on a selected row in every theme.
        palette = option.palette  # type: ignore[attr-defined]
        painter.save()
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(count.adjusted(0, 1, 0, -1), 3, 3)
        painter.drawText(count, int(Qt.AlignmentFlag.AlignCenter), str(votes))
        painter.restore()

    def editorEvent(
        self, event: QEvent, model: Any, option: QStyleOptionViewItem, index: ModelIndex
    ) -> bool:
        if (
            COLUMNS[index.column()][0] == "votes"
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            minus, _count, plus = self.vote_rects(
                option.rect,  # type: ignore[attr-defined]
                option.widget,
            )  # type: ignore[attr-defined]
            at = event.position().toPoint()
            opportunity_id = str(index.data(ID_ROLE) or "")
            if plus.contains(at):
                self._vote(opportunity_id, +1)
                return True
            if minus.contains(at):
                self._vote(opportunity_id, -1)
                return True
        return super().editorEvent(event, model, option, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if COLUMNS[index.column()][0] == "votes" and option.widget is not None:  # type: ignore[attr-defined]
            size.setWidth(self.vote_width(option.widget))  # type: ignore[attr-defined]
        return size

    # --- choices -----------------------------------------------------------------------------

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        choices = index.data(CHOICES_ROLE)
        if choices:
            field = COLUMNS[index.column()][0]
            combo = ScoreCombo(parent) if field in SCORE_FIELDS else QComboBox(parent)
            combo.setObjectName("cell_combo")
            combo.setAccessibleName(f"Choose {COLUMNS[index.column()][1].lower()}")
            for value, label in choices:
                combo.addItem(label, value)
            widen_popup(combo)
            # Commit as soon as a choice is made: one click, one edit.
            combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
            combo.activated.connect(lambda _i, c=combo: self.closeEditor.emit(c))
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
            editor.showPopup()
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class OpportunitiesTable(QTableView):
    """The ranked list. Keys 1–5 on a value, cost or confidence cell set the score at once
    (scoring goes round the room quickly); + and − on a row count a dot vote; Tab and
    Shift+Tab leave the list for the next control instead of walking its 3,000 cells."""

    def __init__(self, vote: Callable[[str, int], bool]) -> None:
        super().__init__()
        self._vote = vote
        self.setTabKeyNavigation(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        text = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
        )
        if index.isValid() and plain and self.state() != QAbstractItemView.State.EditingState:
            if COLUMNS[index.column()][0] in SCORE_FIELDS and text in ("1", "2", "3", "4", "5"):
                self.model().setData(index, int(text), Qt.ItemDataRole.EditRole)
                event.accept()
                return
            if text in ("+", "-", "−"):
                self._vote(str(index.data(ID_ROLE) or ""), +1 if text == "+" else -1)
                event.accept()
                return
        super().keyPressEvent(event)


__all__ = [
    "CHOICES_ROLE",
    "COLUMN",
    "ID_ROLE",
    "ChoiceDelegate",
    "OpportunitiesModel",
    "OpportunitiesTable",
    "ScoreCombo",
    "widen_popup",
]

"""The page tables built on ``pages/row_model.py``: the table itself and its cell editors.

A cell whose model offers choices (``CHOICES_ROLE``: (value, label) pairs) is edited with a
drop-down that commits on the first pick: one pick, one edit. A one-line text cell gets the
usual line editor, with the field's declared length limit and its counter. Check-box cells
need no editor (the model's ``CheckStateRole``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
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
        self,
        parent: QWidget,
        collection: str,
        columns: tuple[tuple[str, str], ...],
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


@dataclass(frozen=True)
class ColumnFit:
    """How one column of a :class:`PageTable` is sized."""

    floor: int  # never narrower: its longest word (a word is wrapped, never cut)
    want: int = 0  # a fixed column's full width (its longest text on one line)
    stretch: int = 0  # > 0: takes this share of the room the fixed columns leave


_WORD_WIDTHS: dict[tuple[str, str], int] = {}  # (font, word) -> pixels, measured once


def longest_word(font: QFont, texts: Iterable[str], cap: int) -> int:
    """The widest word of ``texts`` in pixels in ``font``, at most ``cap`` (a 200-character
    word in a cell is cut; any real word fits). Each word is measured once per font: the
    lists hold hundreds of rows and are fitted again on every resize."""
    metrics = QFontMetrics(font)
    key = font.key()
    if len(_WORD_WIDTHS) > 50_000:
        _WORD_WIDTHS.clear()
    widest = 0
    for text in texts:
        for word in text.split():
            width = _WORD_WIDTHS.get((key, word))
            if width is None:
                width = _WORD_WIDTHS[(key, word)] = metrics.horizontalAdvance(word)
            if width > widest:
                widest = width
                if widest >= cap:
                    return cap
    return widest


class PageTable(QTableView):
    """A page table: Tab leaves it for the next control instead of walking its cells, and
    Delete asks to remove the selected row (where the page allows it). Its rows are two
    lines high and its text wraps between words, so a narrow projector column shows whole
    words (see :meth:`fit`)."""

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
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)  # past the second line
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)

    def pad(self) -> int:
        """What a cell keeps around its text (margins, and a little air)."""
        return self.fontMetrics().averageCharWidth() * 2

    def row_height(self, lines: int = 2) -> int:
        metrics = self.fontMetrics()
        return metrics.lineSpacing() * lines + max(4, metrics.height() // 2)

    def keep_rows(self, rows: int, lines: int = 2) -> None:
        """Never shorter than ``rows`` rows: on a short screen the page scrolls instead of
        squeezing the table to a sliver."""
        height = (
            self.horizontalHeader().sizeHint().height()
            + self.row_height(lines) * rows
            + 2 * self.frameWidth()
        )
        if self.minimumHeight() != height:
            self.setMinimumHeight(height)

    def fit(
        self, columns: dict[int, ColumnFit], lines: int = 2, optional: tuple[int, ...] = ()
    ) -> None:
        """Size the columns to the room the table has: fixed columns at their full width,
        shrunk towards their longest word when the room is short, the stretching ones
        sharing what is left; no column narrower than its longest word. When even that
        does not fit, the ``optional`` columns step aside, in that order (the page shows
        their content elsewhere). Rows are ``lines`` lines high."""
        vertical = self.verticalHeader()
        height = self.row_height(lines)
        if vertical.defaultSectionSize() != height:
            vertical.setMinimumSectionSize(1)
            vertical.setDefaultSectionSize(height)
        room = self.viewport().width() - 2  # a pixel or two spare: rounding never scrolls
        if room <= 0:
            return
        columns = dict(columns)
        for column in optional:
            self.setColumnHidden(column, False)
        for column in optional:
            if sum(fit.floor for fit in columns.values()) <= room:
                break
            self.setColumnHidden(column, True)
            del columns[column]
        widths = {c: max(fit.want, fit.floor) for c, fit in columns.items() if not fit.stretch}
        stretchers = {c: fit for c, fit in columns.items() if fit.stretch}
        needed = sum(widths.values()) + sum(fit.floor for fit in stretchers.values())
        if needed > room:  # shrink the fixed columns towards their floors
            slack = sum(widths[c] - columns[c].floor for c in widths)
            cut = min(1.0, (needed - room) / slack) if slack else 0.0
            for c in widths:
                widths[c] -= round((widths[c] - columns[c].floor) * cut)
        left = room - sum(widths.values())
        spare = max(0, left - sum(fit.floor for fit in stretchers.values()))
        weights = sum(fit.stretch for fit in stretchers.values())
        order = sorted(stretchers)
        for c in order:
            fit = stretchers[c]
            widths[c] = fit.floor + (spare * fit.stretch) // weights
        if order:  # the rounding goes to the last one, so nothing scrolls by a pixel
            widths[order[-1]] += max(0, left - sum(widths[c] for c in order))
        header = self.horizontalHeader()
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            if self.columnWidth(column) != width:
                self.setColumnWidth(column, width)

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

    def viewportEvent(self, event: QEvent) -> bool:
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize:  # also when a scroll bar comes or goes
            self.resized.emit()
        return handled

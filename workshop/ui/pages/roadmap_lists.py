"""The roadmap's lists beside the grid (not scheduled, before, after) as Qt model/view.

A large workshop leaves hundreds of items without a quarter; one widget per item made the
roadmap page slow to open. Each list is one table over :class:`ListState` (plain data,
compared row by row through ``pages/row_model.py``, so an edit that moves one item in or out
of a list changes one row). The lane is written in words, with its colour as a swatch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QWidget

from workshop.domain.roadmap import RoadmapItem
from workshop.ui.pages.cell_editors import ColumnFit, PageTable, longest_word
from workshop.ui.pages.row_model import ID_ROLE, ModelIndex, RowStateModel
from workshop.ui.pages.row_state import RowsState

HEADINGS = ("Lane", "Item", "When · details")


@dataclass(frozen=True)
class ListRow:
    id: str  # source and id: unique within the roadmap
    lane: str  # the lane's name, in words
    colour: str  # the lane's colour (a swatch beside its name)
    title: str
    detail: str  # quarter (for the earlier and later lists) and the item's detail

    def text(self, column: int) -> str:
        return (self.lane, self.title, self.detail)[column]


@dataclass(frozen=True)
class ListState(RowsState[ListRow]):
    """One list under the roadmap grid."""


def list_state(
    items: tuple[RoadmapItem, ...],
    *,
    with_quarter: bool,
    lane_names: dict[str, str],
    lane_colours: dict[str, str],
) -> ListState:
    rows = []
    for item in items:
        when = item.quarter_label if with_quarter else ""
        rows.append(
            ListRow(
                id=f"{item.source}_{item.source_id}",
                lane=lane_names.get(item.lane, item.lane),
                colour=lane_colours.get(item.lane, ""),
                title=item.title,
                detail=" · ".join(p for p in (when, item.detail) if p),
            )
        )
    return ListState(tuple(rows))


class ListModel(RowStateModel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, ListState(()))

    columns = tuple((heading, heading) for heading in HEADINGS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: ListRow | None = self.row_at(index.row())
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.text(index.column()) or None
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and row.colour:
            return QColor(row.colour)
        return None

    def titles(self) -> list[str]:
        return [row.title for row in self.state.rows]


class ListTable(PageTable):
    """One list, as tall as its rows: the page scrolls, not the table, and only the rows in
    view are painted. Read-only: each item is changed on its own page."""

    def __init__(self, name: str, title: str) -> None:
        super().__init__()
        self.setObjectName(f"{name}_table")
        self.setAccessibleName(title)
        self.list_model = ListModel(self)
        self.setModel(self.list_model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setShowGrid(False)
        self.lane_names: tuple[str, ...] = ()
        self._measured: tuple[tuple[object, ...], dict[int, ColumnFit]] | None = None
        self.resized.connect(self.fit_columns)

    def show_state(self, state: ListState, lane_names: tuple[str, ...]) -> None:
        self.lane_names = lane_names
        how = self.list_model.show_state(state)
        if how != "same":
            self.fit_columns()

    def fit_columns(self) -> None:
        """One line a row; no column narrower than its longest word (the lane's colour
        swatch beside its name), and the table as tall as its rows."""
        self.fit(self._columns(), lines=1)
        rows = self.list_model.state.rows
        height = (
            self.horizontalHeader().sizeHint().height()
            + self.row_height(1) * len(rows)
            + 2 * self.frameWidth()
        )
        if self.minimumHeight() != height or self.maximumHeight() != height:
            self.setFixedHeight(height)

    def _columns(self) -> dict[int, ColumnFit]:
        """The columns' sizes, measured once per list and type size (a resize only shares
        the room again: measuring every word of 300 rows takes longer than a frame)."""
        state = self.list_model.state
        key = (state, self.lane_names, self.font().toString())
        if self._measured is not None and self._measured[0] == key:
            return self._measured[1]
        metrics = self.fontMetrics()
        pad = self.pad()
        cap = metrics.averageCharWidth() * 24
        swatch = self.iconSize().width() if self.iconSize().isValid() else metrics.height()
        lanes = [HEADINGS[0], *self.lane_names]
        columns = {
            0: ColumnFit(
                floor=longest_word(self.font(), lanes, cap) + swatch + pad,
                want=max(metrics.horizontalAdvance(n) for n in lanes) + swatch + pad,
            ),
            1: ColumnFit(
                floor=longest_word(self.font(), [r.title for r in state.rows], cap) + pad, stretch=2
            ),
            2: ColumnFit(
                floor=longest_word(self.font(), [r.detail for r in state.rows], cap) + pad,
                stretch=3,
            ),
        }
        self._measured = (key, columns)
        return columns

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()

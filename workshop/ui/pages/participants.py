"""The overview's participants as Qt model/view: a name and a role per row, edited in place.

:class:`ParticipantsState` is plain data computed from the session; the model compares it
with what it shows (``pages/row_model.py``), so typing a role changes one row. Each cell
edit goes out as one edit of that participant.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QWidget

from workshop.domain.edits import Edit, set_item_field
from workshop.domain.session import Participant, Session
from workshop.ui.pages.cell_editors import CellDelegate, ColumnFit, PageTable, longest_word
from workshop.ui.pages.row_model import ID_ROLE, ModelIndex, RowStateModel
from workshop.ui.pages.row_state import RowsState

COLUMNS: tuple[tuple[str, str], ...] = (("name", "Name"), ("role", "Role"))
COLUMN = {name: index for index, (name, _heading) in enumerate(COLUMNS)}


@dataclass(frozen=True)
class ParticipantsState(RowsState[Participant]):
    """The participants, in session order."""


def participants_state(session: Session) -> ParticipantsState:
    return ParticipantsState(tuple(session.participants))


def set_participant(session: Session, participant_id: str, name: str, value: str) -> Edit | None:
    """One edit of a participant's name or role; None when nothing changes."""
    participant = session.find("participants", participant_id)
    if participant is None or getattr(participant, name) == value:
        return None
    return set_item_field(session, "participants", participant_id, name, value)


class ParticipantsModel(RowStateModel):
    def __init__(self, parent: QWidget, set_field: Callable[[str, str, str], bool]) -> None:
        super().__init__(parent, ParticipantsState(()))
        self._set_field = set_field

    columns = COLUMNS

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        participant: Participant | None = self.row_at(index.row())
        if participant is None:
            return None
        name = COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(participant, name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return getattr(participant, name) or None
        if role == ID_ROLE:
            return participant.id
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        participant: Participant | None = self.row_at(index.row())
        if participant is None or role != Qt.ItemDataRole.EditRole:
            return False
        return self._set_field(participant.id, COLUMNS[index.column()][0], str(value or ""))


class ParticipantsTable(PageTable):
    """The participants, as tall as their rows (the page scrolls, not the table)."""

    def __init__(self, set_field: Callable[[str, str, str], bool]) -> None:
        super().__init__()
        self.participants = ParticipantsModel(self, set_field)
        self.setModel(self.participants)
        self.setItemDelegate(CellDelegate(self, "participants", COLUMNS))
        self.setSelectionMode(PageTable.SelectionMode.ExtendedSelection)
        self.resized.connect(self.fit_columns)

    def show_state(self, state: ParticipantsState) -> None:
        if self.participants.show_state(state) != "same":
            self.fit_columns()

    def fit_columns(self) -> None:
        """Name and role share the width, neither narrower than its longest word; the
        table grows with the rows (the page scrolls, not the table), two rows at least."""
        metrics = self.fontMetrics()
        cap = metrics.averageCharWidth() * 24
        rows = self.participants.state.rows
        self.fit(
            {
                column: ColumnFit(
                    floor=max(
                        longest_word(self.font(), [getattr(p, name) for p in rows], cap),
                        metrics.averageCharWidth() * 8,
                    )
                    + self.pad(),
                    stretch=1,
                )
                for column, (name, _heading) in enumerate(COLUMNS)
            },
            lines=1,
        )
        header = self.horizontalHeader().sizeHint().height()
        height = header + self.row_height(1) * max(len(rows), 2) + 2 * self.frameWidth() + 2
        if self.minimumHeight() != height or self.maximumHeight() != height:
            self.setFixedHeight(height)

    def selected_ids(self) -> list[str]:
        ids = self.participants.ids
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        if not rows and self.currentIndex().row() >= 0:
            rows = [self.currentIndex().row()]
        return [ids[row] for row in rows if row < len(ids)]

    def edit_first_cell(self, participant_id: str) -> None:
        row = self.participants.row_of(participant_id)
        if row < 0:
            return
        index = self.participants.index(row, 0)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.edit(index)

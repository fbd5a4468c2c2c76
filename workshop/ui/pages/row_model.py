"""A table model over an immutable view state that tells the view only what changed.

A page computes its next state (plain data, see each page's ``state.py``) and hands it to
:meth:`RowStateModel.show_state`, which compares it with the state shown: ``dataChanged`` for
the rows whose data differ, one row inserted, removed or moved when that is all that
happened, and a reset only for anything bigger. Selection, scroll position and an open cell
editor survive everything but the reset.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

ModelIndex = QModelIndex | QPersistentModelIndex

# The roles the page tables built on RowStateModel share: the row's item id, and the
# (value, label) pairs a combo editor offers for a cell.
ID_ROLE = Qt.ItemDataRole.UserRole + 1
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 2


class RowState(Protocol):
    @property
    def rows(self) -> tuple[Any, ...]: ...

    @property
    def ids(self) -> list[str]: ...

    def row(self, item_id: str) -> Any: ...


def single_move(old: list[str], new: list[str]) -> tuple[int, int] | None:
    """(from, to) when ``new`` is ``old`` with one id taken out and put back elsewhere (a
    vote or a score that changed one item's place)."""
    if len(old) != len(new) or not old:
        return None
    first = next((n for n, (a, b) in enumerate(zip(old, new, strict=True)) if a != b), None)
    if first is None:
        return None
    last = (
        len(old)
        - 1
        - next(
            n for n, (a, b) in enumerate(zip(reversed(old), reversed(new), strict=True)) if a != b
        )
    )
    if old[first + 1 : last + 1] == new[first:last] and old[first] == new[last]:
        return first, last  # moved down
    if old[first:last] == new[first + 1 : last + 1] and old[last] == new[first]:
        return last, first  # moved up
    return None


class RowStateModel(QAbstractTableModel):
    """Subclasses declare their ``columns`` and give ``data``; rows come from the shown
    state."""

    #: (field, heading) per column, in order: what ``columnCount`` and ``headerData`` show.
    columns: ClassVar[Sequence[tuple[str, str]]] = ()

    def __init__(self, parent: QObject, empty: RowState) -> None:
        super().__init__(parent)
        self._state = empty

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][1]
        return None

    @property
    def state(self) -> Any:
        return self._state

    def show_state(self, state: RowState) -> str:
        """Move to ``state``, signalling the least that changed: "same", "rows",
        "inserted", "removed", "moved" or "reset"."""
        old = self._state
        old_ids, new_ids = old.ids, state.ids
        if old_ids == new_ids:
            self._state = state
            changed = [n for n, row in enumerate(state.rows) if old.row(row.id) != row]
            self._rows_changed(changed)
            return "rows" if changed else "same"
        kept_new = [i for i in new_ids if old.row(i) is not None]
        kept_old = [i for i in old_ids if state.row(i) is not None]
        if len(new_ids) == len(old_ids) + 1 and kept_new == old_ids:
            at = next(n for n, i in enumerate(new_ids) if old.row(i) is None)
            self.beginInsertRows(QModelIndex(), at, at)
            self._state = state
            self.endInsertRows()
            how = "inserted"
        elif len(new_ids) == len(old_ids) - 1 and kept_old == new_ids:
            at = next(n for n, i in enumerate(old_ids) if state.row(i) is None)
            self.beginRemoveRows(QModelIndex(), at, at)
            self._state = state
            self.endRemoveRows()
            how = "removed"
        elif (moved := single_move(old_ids, new_ids)) is not None:
            source, target = moved
            # Qt's destination is the row *before which* it lands, in the old numbering.
            destination = target + 1 if target > source else target
            self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination)
            self._state = state
            self.endMoveRows()
            how = "moved"
        else:
            self.beginResetModel()
            self._state = state
            self.endResetModel()
            return "reset"
        self._rows_changed(
            [
                n
                for n, row in enumerate(state.rows)
                if old.row(row.id) is not None and old.row(row.id) != row
            ]
        )
        return how

    def _rows_changed(self, rows: list[int]) -> None:
        """One ``dataChanged`` per run of neighbouring rows."""
        last_column = self.columnCount() - 1
        runs: list[list[int]] = []
        for row in rows:
            if runs and row == runs[-1][1] + 1:
                runs[-1][1] = row
            else:
                runs.append([row, row])
        for start, end in runs:
            self.dataChanged.emit(self.index(start, 0), self.index(end, last_column))

    def rowCount(
        self,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> int:
        return 0 if parent.isValid() else len(self._state.rows)

    def row_at(self, row: int) -> Any:
        rows = self._state.rows
        return rows[row] if 0 <= row < len(rows) else None

    def row_of(self, item_id: str) -> int:
        ids = self._state.ids
        return ids.index(item_id) if item_id in ids else -1

    @property
    def ids(self) -> list[str]:
        return list(self._state.ids)

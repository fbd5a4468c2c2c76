"""The library's table model: one row per workshop, from one store query.

Rows are the store's ``SessionSummary`` objects (no per-row queries), so a thousand
workshops load and filter instantly. The proxy filters on organisation or title as the user
types and keeps the store's order (newest first) until a column header is clicked.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

# "Working on" is the stage the maturity check places the organisation at (the first stage
# not yet reached), the same words the placement page and the PDF use.
COLUMNS = ("Organisation", "Title", "Date", "Working on", "Last edited")
ORGANISATION, TITLE, DATE, STAGE, EDITED = range(len(COLUMNS))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

if TYPE_CHECKING:  # the service loads on first use, not before the first frame
    from workshop.service.ports import SessionListing

AnyIndex = QModelIndex | QPersistentModelIndex


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def edited_text(moment: datetime, now: datetime | None = None) -> str:
    """ "Today 14:05", "Yesterday 09:12", or the date: what a facilitator scans for."""
    local = _local(moment)
    today = (now or datetime.now().astimezone()).date()
    if local.date() == today:
        return f"Today {local:%H:%M}"
    if (today - local.date()).days == 1:
        return f"Yesterday {local:%H:%M}"
    return f"{local:%d %b %Y}"


def date_text(value: date | None) -> str:
    return f"{value:%d %b %Y}" if value is not None else ""


class LibraryModel(QAbstractTableModel):
    def __init__(self, stage_names: dict[str, str] | None = None) -> None:
        super().__init__()
        self._rows: list[SessionListing] = []
        self.stage_names = stage_names or {}

    def set_sessions(self, summaries: Sequence[SessionListing]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self.endResetModel()

    def summary(self, row: int) -> SessionListing:
        return self._rows[row]

    def row_of(self, session_id: str) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == session_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def stage_text(self, stage_id: str) -> str:
        if not stage_id:
            return "Not rated yet"
        return self.stage_names.get(stage_id, stage_id.replace("_", " ").capitalize())

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ORGANISATION:
                return s.organisation or "(no organisation)"
            if column == TITLE:
                title = s.title or "Untitled workshop"
                title = f"{title}  · follow-up" if s.follows_up else title
                return f"⚠ {title}  · damaged" if s.damaged else title
            if column == DATE:
                return date_text(s.workshop_date)
            if column == STAGE:
                return self.stage_text(s.stage_reached)
            if column == EDITED:
                return edited_text(s.updated_at)
        if role == SORT_ROLE:
            if column == ORGANISATION:
                return (s.organisation or "").casefold()
            if column == TITLE:
                return (s.title or "").casefold()
            if column == DATE:
                return s.workshop_date.isoformat() if s.workshop_date else ""
            if column == STAGE:
                return self.stage_text(s.stage_reached)
            if column == EDITED:
                return _local(s.updated_at).isoformat()
        if role == ID_ROLE:
            return s.id
        if role == Qt.ItemDataRole.ToolTipRole and s.damaged:
            return f"This workshop is damaged ({s.damaged}). It can still be exported."
        if role == Qt.ItemDataRole.ToolTipRole and column == EDITED:
            return f"{_local(s.updated_at):%d %b %Y %H:%M}"
        return None


class LibraryFilter(QSortFilterProxyModel):
    """Search as you type, on organisation or title (case- and accent-insensitive enough)."""

    def __init__(self) -> None:
        super().__init__()
        self._needle = ""
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10; invalidateFilter is deprecated
            self.beginFilterChange()
            self._needle = text.strip().casefold()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._needle = text.strip().casefold()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, LibraryModel)
        s = model.summary(source_row)
        return (
            self._needle in (s.organisation or "").casefold()
            or self._needle in (s.title or "").casefold()
        )

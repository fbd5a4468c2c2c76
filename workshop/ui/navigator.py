"""The navigator: agenda sections and their pages, with progress marks and time spent.

The page order (used by Ctrl+PgDown / Ctrl+PgUp) is the session's agenda, section by
section, followed by any content page no section lists ("Other pages"), so every page of
the framework stays reachable even when the facilitator trimmed the agenda.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from workshop.domain.session import Session
from workshop.framework.model import Framework, Page
from workshop.vocab import PageStatus

PAGE_ROLE = Qt.ItemDataRole.UserRole + 1
POSITION_ROLE = Qt.ItemDataRole.UserRole + 2
OTHER_SECTION = "other_pages"

# Marks carry words too (tooltip and accessible text), never the symbol alone.
MARKS = {
    "current": ("\u25b6", "current page"),
    **{status.value: (status.mark, status.label.lower()) for status in PageStatus},
}


@dataclass(frozen=True)
class Stop:
    """One place in the page order: a page within a section."""

    section_id: str  # an agenda section id, or OTHER_SECTION
    page: Page


def page_order(session: Session, framework: Framework) -> list[Stop]:
    known = {p.id: p for p in framework.pages}
    stops: list[Stop] = []
    listed: set[str] = set()
    for section in session.agenda:
        for page_id in section.page_ids:
            page = known.get(page_id)
            if page is not None:
                stops.append(Stop(section.id, page))
                listed.add(page_id)
    for page in framework.pages:
        if page.id not in listed and not page.retired:
            stops.append(Stop(OTHER_SECTION, page))
    return stops


def minutes_text(seconds: float) -> str:
    return f"{int(seconds // 60)} min"


class Navigator(QTreeWidget):
    #: The user picked a stop (its position in :func:`page_order`).
    stop_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setAccessibleName("Sections and pages")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setColumnCount(1)
        self.stops: list[Stop] = []
        self._page_items: list[QTreeWidgetItem] = []
        self._section_items: dict[str, QTreeWidgetItem] = {}
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def build(self, session: Session, framework: Framework) -> list[Stop]:
        self.clear()
        self.stops = page_order(session, framework)
        self._page_items = []
        self._section_items = {}
        titles = {s.id: s.title or "Untitled section" for s in session.agenda}
        titles[OTHER_SECTION] = "Other pages"
        for position, stop in enumerate(self.stops):
            parent = self._section_items.get(stop.section_id)
            if parent is None:
                parent = QTreeWidgetItem(self, [titles.get(stop.section_id, "")])
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                parent.setExpanded(True)
                self._section_items[stop.section_id] = parent
            item = QTreeWidgetItem(parent, [stop.page.title])
            item.setData(0, PAGE_ROLE, stop.page.id)
            item.setData(0, POSITION_ROLE, position)
            self._page_items.append(item)
        return self.stops

    def update_marks(
        self,
        session: Session,
        current: int,
        section_seconds: dict[str, float],
    ) -> None:
        """Refresh marks (done / current / not started) and each section's time spent."""
        planned = {s.id: s.planned_minutes for s in session.agenda}
        titles = {s.id: s.title or "Untitled section" for s in session.agenda}
        for section_id, item in self._section_items.items():
            if section_id == OTHER_SECTION:
                continue
            spent = section_seconds.get(section_id, 0.0)
            text = f"{titles.get(section_id, '')}  ·  {minutes_text(spent)} / {planned.get(section_id, 0)} min"
            item.setText(0, text)
            item.setToolTip(0, f"Time spent {minutes_text(spent)} of {planned.get(section_id, 0)} planned")
        for position, item in enumerate(self._page_items):
            stop = self.stops[position]
            status = "current" if position == current else session.page_record(stop.page.id).status
            symbol, words = MARKS.get(status, MARKS["not_started"])
            item.setText(0, f"{symbol}  {stop.page.title}")
            item.setToolTip(0, f"{stop.page.title} — {words}")
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{stop.page.title}, {words}")
        if 0 <= current < len(self._page_items):
            self.blockSignals(True)
            self.setCurrentItem(self._page_items[current])
            self.blockSignals(False)

    def item_text(self, position: int) -> str:
        return self._page_items[position].text(0)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        position = item.data(0, POSITION_ROLE)
        if position is not None:
            self.stop_chosen.emit(int(position))

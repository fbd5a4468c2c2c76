"""The navigator: agenda sections and their pages, with progress marks and time spent.

The page order (used by Ctrl+PgDown / Ctrl+PgUp) is the session's agenda, section by
section, followed by any content page no section lists ("Other pages"), so every page of
the framework stays reachable even when the facilitator trimmed the agenda.

Each page's mark (not started / in progress / done) is computed from the session by
:mod:`workshop.domain.page_progress`; an edit recomputes only the marks of the pages whose
rule reads what it touched. The list shows the part of a title that tells pages apart
first ("Getting Started — maturity check", not five "Maturity check: …" cut off alike);
the full title is the item's tooltip and accessible name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from workshop.domain.page_progress import mark_depends_on, page_mark
from workshop.domain.session import Session
from workshop.framework.model import Framework, Page
from workshop.vocab import PageStatus

if TYPE_CHECKING:
    from workshop.service.changes import Change

PAGE_ROLE = Qt.ItemDataRole.UserRole + 1
POSITION_ROLE = Qt.ItemDataRole.UserRole + 2
OTHER_SECTION = "other_pages"

# Marks carry words too (tooltip and accessible text), never the symbol alone.
MARKS = {status.value: (status.mark, status.label.lower()) for status in PageStatus}
CURRENT = "\u25b6"  # in front of the current page's mark
PREFIX_SEPARATOR = ": "


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
    return f"{int(seconds // 60)}\u00a0min"  # never "17" at a line's end and "min" below


def _prefix(title: str) -> str:
    head, separator, _rest = title.partition(PREFIX_SEPARATOR)
    return head if separator and head.strip() else ""


def list_label(title: str, repeated: set[str], section_title: str = "") -> str:
    """How a page reads in the page list.

    A title whose prefix ("Maturity check: Getting Started") is shared by other pages puts
    what tells it apart first, the prefix after as a small caption ("Getting Started —
    maturity check"), so entries cut off by a narrow list still differ. Under a section of
    the same name ("Maturity check", "Wrap-up") the caption says nothing new and is left out.
    """
    prefix = _prefix(title)
    if not prefix or prefix not in repeated:
        return title
    rest = title[len(prefix) + len(PREFIX_SEPARATOR) :].strip()
    if prefix.casefold() == section_title.strip().casefold():
        return rest
    return f"{rest} \u2014 {prefix[:1].lower() + prefix[1:]}"


def repeated_prefixes(titles: Iterable[str]) -> set[str]:
    """Title prefixes ("Maturity check", "Wrap-up") that more than one page starts with."""
    seen: dict[str, int] = {}
    for title in titles:
        if prefix := _prefix(title):
            seen[prefix] = seen.get(prefix, 0) + 1
    return {prefix for prefix, count in seen.items() if count > 1}


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the list's width (a tree view measures a row
    on one line unless told otherwise, and then cuts it with "…")."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        style = self.tree.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.tree) + 1
        width = self.tree.viewport().width() - self.tree.indentation() * (depth + 1) - 2 * margin
        if width <= 0:
            return hint
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = QFont(option.font)  # type: ignore[attr-defined]
        own = index.data(Qt.ItemDataRole.FontRole)
        if isinstance(own, QFont):
            font = own.resolve(font)  # a heading's bold, at the list's current size
        metrics = QFontMetrics(font)
        needed = metrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text
        ).height()
        return QSize(hint.width(), max(hint.height(), needed + 2 * margin))


class Navigator(QTreeWidget):
    #: The user picked a stop (its position in :func:`page_order`).
    stop_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setAccessibleName("Sections and pages")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        # Long titles wrap onto a second line rather than being cut: a narrow list at
        # projecting size would otherwise show "Welcome and …" and "Progress acro…".
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setColumnCount(1)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setStretchLastSection(True)
        self.setItemDelegate(WrappingDelegate(self))
        self._laid_out_width = -1
        self.stops: list[Stop] = []
        self.current = -1
        self._marks: list[str] = []
        self._labels: list[str] = []
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
        repeated = repeated_prefixes(p.title for p in framework.pages)
        self._labels = [
            list_label(stop.page.title, repeated, titles.get(stop.section_id, ""))
            for stop in self.stops
        ]
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
            item = QTreeWidgetItem(parent, [self._labels[position]])
            item.setData(0, PAGE_ROLE, stop.page.id)
            item.setData(0, POSITION_ROLE, position)
            self._page_items.append(item)
        self._marks = [page_mark(stop.page, session, framework).value for stop in self.stops]
        self.current = -1
        for position in range(len(self.stops)):
            self._show_mark(position)
        return self.stops

    # --- marks -----------------------------------------------------------------------------

    def mark(self, position: int) -> str:
        """The page's progress as stored in the list ("done", "in_progress"...)."""
        return self._marks[position]

    def refresh_marks(self, change: Change, session: Session, framework: Framework) -> list[int]:
        """Recompute the marks an edit may have changed; the positions whose mark moved."""
        touched = [(t.collection, t.item_id) for t in change.touched]
        moved = []
        for position, stop in enumerate(self.stops):
            if not mark_depends_on(stop.page, touched, session, framework):
                continue
            mark = page_mark(stop.page, session, framework).value
            if mark != self._marks[position]:
                self._marks[position] = mark
                self._show_mark(position)
                moved.append(position)
        return moved

    def set_current(self, position: int) -> None:
        previous, self.current = self.current, position
        for changed in {previous, position}:
            if 0 <= changed < len(self._page_items):
                self._show_mark(changed)
        if 0 <= position < len(self._page_items):
            self.blockSignals(True)
            self.setCurrentItem(self._page_items[position])
            self.blockSignals(False)

    def _show_mark(self, position: int) -> None:
        item = self._page_items[position]
        title = self.stops[position].page.title
        symbol, words = MARKS.get(self._marks[position], MARKS[PageStatus.NOT_STARTED.value])
        if position == self.current:
            symbol, words = f"{CURRENT} {symbol}", f"current page, {words}"
        item.setText(0, f"{symbol}  {self._labels[position]}")
        item.setToolTip(0, f"{title} \u2014 {words}")
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{title}, {words}")

    # --- time per section ------------------------------------------------------------------

    def update_times(self, session: Session, section_seconds: dict[str, float]) -> None:
        """Each section's time spent against its plan, in its heading."""
        planned = {s.id: s.planned_minutes for s in session.agenda}
        titles = {s.id: s.title or "Untitled section" for s in session.agenda}
        for section_id, item in self._section_items.items():
            if section_id == OTHER_SECTION:
                continue
            spent = section_seconds.get(section_id, 0.0)
            text = (
                f"{titles.get(section_id, '')}  \u00b7  "
                f"{minutes_text(spent)}\u00a0/\u00a0{planned.get(section_id, 0)}\u00a0min"
            )
            if item.text(0) != text:
                item.setText(0, text)
                item.setToolTip(
                    0, f"Time spent {minutes_text(spent)} of {planned.get(section_id, 0)} planned"
                )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._laid_out_width:
            self._laid_out_width = self.viewport().width()
            self.scheduleDelayedItemsLayout()  # rows re-measured for the new width

    def item_text(self, position: int) -> str:
        return self._page_items[position].text(0)

    def item_tooltip(self, position: int) -> str:
        return self._page_items[position].toolTip(0)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        position = item.data(0, POSITION_ROLE)
        if position is not None:
            self.stop_chosen.emit(int(position))

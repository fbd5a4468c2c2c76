"""The roadmap page: everything the workshop planned, by quarter, in one picture.

Rows are the lanes of :func:`workshop.domain.roadmap.build_roadmap` (hiring, projects, data,
process and tooling, organisation, actions, target stage), columns the quarters from the
workshop's own quarter on. Each planned item is a chip in its cell; the first project and the
target-stage milestone carry a written label, not only a colour. Items without a quarter, or
before or after the window, are listed under the grid, so nothing the room planned is
dropped. The roadmap is recomputed from the session on every refresh (it is cheap), so a
quarter changed on the hiring page shows here at once.

The same lanes, colours and marks (★ first project, ◆ milestone) are used in the PDF, which
the "Export roadmap…" button writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop.colours import CATEGORY, LANE_TINT
from workshop.domain.roadmap import LANES, Roadmap, RoadmapItem, build_roadmap
from workshop.service.changes import Change
from workshop.ui.pages.base import register
from workshop.ui.pages.changes import concerns
from workshop.ui.pages.common import (
    SECONDARY,
    SECTION,
    TITLE,
    BasePage,
    EmptyState,
    em,
    named,
    plain_label,
    scroll_area,
)
from workshop.ui.pages.framework_notes import StageGuidance, stage_of
from workshop.ui.pages.roadmap_lists import ListTable, list_state
from workshop.ui.pages.text import text_editor

if TYPE_CHECKING:
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController

# Category colours (colours.py), in lane order, as in the PDF: fills and stripes only.
LANE_COLOURS = {lane_id: CATEGORY[i % len(CATEGORY)] for i, (lane_id, _) in enumerate(LANES)}
LANE_NAMES = dict(LANES)

# What the roadmap is built from (``domain/roadmap.py``): the collections, and the session's
# own fields that move its window or its milestone.
WATCHED = ("hires", "opportunities", "audit", "decisions", "actions")
SESSION_FIELDS = ("workshop_date", "target_stage")

# The lists under the grid: what has no quarter, or one outside the window.
LIST_TITLES = {
    "unscheduled": "Not scheduled yet",
    "earlier": "Before this roadmap (overdue or already under way)",
    "later": "Later (after the last quarter shown)",  # the quarter is named on refresh
}

FIRST_PROJECT = "★ First project"
MILESTONE = "◆ Milestone"

EMPTY_TEXT = (
    "Nothing is planned by quarter yet. Plan hires, opportunities and decisions with a "
    "quarter to see them here."
)

BOARD_HINT = (
    "These two texts open the printed roadmap, before everything above. Write them at the "
    "end of the workshop, in the room's words; they are printed as written."
)
BOARD_PLACEHOLDERS = {
    "executive_summary": "Where the organisation stands, what it will do first, and why.",
    "recommendations": "One recommendation per line: who does what, by when.",
}


def blend(colour: QColor, background: QColor, strength: float) -> QColor:
    """``colour`` mixed into ``background`` (strength 1 = the colour itself): an opaque tint
    that reads on the light, projector and dark themes alike."""
    return QColor(
        round(colour.red() * strength + background.red() * (1 - strength)),
        round(colour.green() * strength + background.green() * (1 - strength)),
        round(colour.blue() * strength + background.blue() * (1 - strength)),
    )


def _frame(roadmap: Roadmap) -> tuple[object, ...]:
    """What the grid's rows and columns are made of: the same frame keeps its cells."""
    return (
        roadmap.quarters,
        roadmap.quarter_labels,
        tuple((lane.id, lane.name) for lane in roadmap.lanes),
    )


def item_key(item: RoadmapItem) -> str:
    return f"{item.source}_{item.source_id}"


class ChipTitle(QLabel):
    """A wrapped plain-text label that lets the grid size rows by height-for-width.

    A wrapped QLabel's minimum size is its height at a narrow guess of its width, which
    makes every grid row far taller than its chips. This one's minimum is one line as wide
    as its longest word; the layouts then give it the height its real width needs.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(w) for w in self.text().split()), default=0)
        margins = self.contentsMargins()
        return QSize(
            longest + margins.left() + margins.right() + 1,
            metrics.lineSpacing() + margins.top() + margins.bottom(),
        )


class RoadmapChip(QFrame):
    """One planned item: its title in words, the lane's colour as a stripe, a written mark for
    the first project or the milestone. Focusable, so the keyboard can reach its details."""

    def __init__(self, item: RoadmapItem, page: RoadmapPage, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.page = page
        self.setObjectName(f"chip_{item_key(item)}")
        mark = (
            "First project: " if item.first_project else ("Milestone: " if item.milestone else "")
        )
        self.setAccessibleName(f"{mark}{item.title}")
        self.setAccessibleDescription(item.detail)
        self.setToolTip(f"{item.title}\n{item.detail}" if item.detail else item.title)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        unit = max(2, round(em(page) / 2))
        layout = QVBoxLayout(self)
        # Room on the left for the lane stripe.
        layout.setContentsMargins(unit * 3, unit, unit * 2, unit)
        layout.setSpacing(unit)
        # The mark is written, bold and in the accent colour (7:1 on every theme), and may
        # wrap like the title, so a narrow quarter column is never forced wider by it.
        self.mark_label: ChipTitle | None = None
        if item.first_project or item.milestone:
            self.mark_label = named(
                ChipTitle(FIRST_PROJECT if item.first_project else MILESTONE),
                "mark_label",
                "First project" if item.first_project else "Target-stage milestone",
            )
            layout.addWidget(self.mark_label)
        self.title_label = named(ChipTitle(item.title), "chip_title", item.title)
        layout.addWidget(self.title_label)

    @property
    def title(self) -> str:
        return self.title_label.text()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        base = palette.color(QPalette.ColorRole.Base)
        lane = QColor(LANE_COLOURS.get(self.item.lane, CATEGORY[0]))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = max(2.0, em(self) / 3)
        focused = self.hasFocus()
        width = 2.0 if focused or self.item.milestone or self.item.first_project else 1.0
        rect = QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        painter.setPen(
            QPen(
                palette.color(QPalette.ColorRole.Highlight) if focused else blend(text, base, 0.55),
                width,
            )
        )
        painter.setBrush(base)
        painter.drawRoundedRect(rect, radius, radius)
        # The lane stripe, inside the outline (a shape, with the lane named in its row).
        stripe = QRectF(
            rect.left() + width,
            rect.top() + width,
            max(3.0, em(self) / 2.5),
            rect.height() - 2 * width,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(lane)
        painter.drawRoundedRect(stripe, radius / 2, radius / 2)
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.page.show_detail(self.item)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def mousePressEvent(self, event: object) -> None:  # type: ignore[override]
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.page.show_detail(self.item)  # also when the window is not active yet


class RoadmapGrid(QWidget):
    """Lanes × quarters. Paints the row bands and lane tints behind its child widgets, so
    the grid needs no style sheet (which would stop the page's font reaching the chips).

    When the six quarters do not fit side by side (a 1024-pixel projector with the page
    list shown), they wrap into bands of fewer quarters, one under the other, each with
    its own quarter headings and lane names: the room reads the plan without scrolling
    sideways, and every quarter keeps the same width.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roadmap_grid")
        self.setAccessibleName("Roadmap by quarter")
        self.grid = QGridLayout(self)
        # (lane id, grid row) of every lane row, band after band.
        self.lane_rows: list[tuple[str, int]] = []
        # (first, last) grid row of each band's lanes.
        self.bands: list[tuple[int, int]] = []

    def _row_span(self, row: int) -> tuple[float, float] | None:
        """Top and bottom of a row, from the cell widgets (which fill their cells)."""
        tops, bottoms = [], []
        for column in range(1, self.grid.columnCount()):
            item = self.grid.itemAtPosition(row, column)
            if item is not None and (widget := item.widget()) is not None:
                geometry = widget.geometry()
                tops.append(geometry.top())
                bottoms.append(geometry.bottom())
        return (min(tops), max(bottoms)) if tops else None

    def _column_left(self, column: int) -> float | None:
        item = self.grid.itemAtPosition(1, column)
        widget = item.widget() if item is not None else None
        if widget is None:
            return None
        return float(widget.geometry().left())

    def paintEvent(self, event: QPaintEvent) -> None:
        grid = self.grid
        if grid.rowCount() < 2 or grid.columnCount() < 2:
            return
        palette = self.palette()
        back = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        band = palette.color(QPalette.ColorRole.AlternateBase)
        rule = blend(text, back, 0.3)
        painter = QPainter(self)
        left = float(self.rect().left())
        right = float(self.rect().right())
        half_gap = grid.verticalSpacing() / 2
        first_left = self._column_left(1)
        label_right = (first_left - grid.horizontalSpacing() / 2) if first_left else left
        stripe = max(3.0, em(self) / 2.5)
        for index, (lane_id, row) in enumerate(self.lane_rows):
            span = self._row_span(row)
            if span is None:
                continue
            top, bottom = span[0] - half_gap, span[1] + half_gap
            if index % 2 == 1:
                painter.fillRect(QRectF(left, top, right - left, bottom - top), band)
            # The lane's name cell: a light tint of its colour with a solid edge.
            colour = QColor(LANE_COLOURS.get(lane_id, CATEGORY[0]))
            painter.fillRect(
                QRectF(left, top, label_right - left, bottom - top), blend(colour, back, LANE_TINT)
            )
            painter.fillRect(QRectF(left, top, stripe, bottom - top), colour)
            painter.setPen(QPen(rule, 1))
            painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
        # A hairline between quarters, so a chip's column is clear on a projector.
        painter.setPen(QPen(rule, 1))
        for first_row, last_row in self.bands:
            first, last = self._row_span(first_row), self._row_span(last_row)
            if first is None or last is None:
                continue
            for column in range(1, grid.columnCount()):
                x = self._column_left(column)
                if x is not None and grid.itemAtPosition(first_row, column) is not None:
                    x -= grid.horizontalSpacing() / 2
                    painter.drawLine(
                        QPointF(x, first[0] - half_gap), QPointF(x, last[1] + half_gap)
                    )
        painter.end()


@register
class RoadmapPage(BasePage):
    page_type = "roadmap"
    report_sections = ("summary", "roadmap")

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        self.roadmap: Roadmap | None = None
        self._per_band = 0  # quarters side by side in the grid (see RoadmapGrid)
        self.chips: dict[str, RoadmapChip] = {}
        self._cells: dict[tuple[str, str], QWidget] = {}  # (lane, quarter) -> its cell
        self._grid_pending = False  # the grid waits for the page to be shown (its width)
        self._dynamic: list[QWidget] = []  # rebuilt on every refresh
        self._selected = ""  # key of the chip whose details are shown
        self._accented: list[QWidget] = []
        unit = round(em(self))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        # The heading, the export button and the selected item's details stay in view while
        # the page scrolls.
        header = QWidget()
        header.setObjectName("roadmap_header")
        head_layout = QVBoxLayout(header)
        head_layout.setContentsMargins(unit * 2, unit * 2, unit * 2, unit)
        head_layout.setSpacing(unit // 2)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(unit // 2)
        self.title_label = named(plain_label("Roadmap by quarter"), "title_label", "Page title")
        self.scaled(self.title_label, TITLE, bold=True)
        titles.addWidget(self.title_label)
        self.window_label = self.muted(named(plain_label(), "window_label", "Quarters shown"))
        self.scaled(self.window_label, SECONDARY)
        titles.addWidget(self.window_label)
        head.addLayout(titles, 1)
        self.export_button = named(
            QPushButton("Export roadmap…"), "export_roadmap_button", "Export roadmap as PDF"
        )
        self.export_button.setToolTip("Save the roadmap as a PDF to hand to the board (Ctrl+E)")
        self.export_button.clicked.connect(self.export_roadmap)
        head.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        head_layout.addLayout(head)
        self.summary_label = named(plain_label(), "summary_label", "Roadmap summary")
        head_layout.addWidget(self.summary_label)
        self.detail_label = named(plain_label(selectable=True), "detail_label", "Item details")
        head_layout.addWidget(self.detail_label)
        head_layout.addWidget(self.message)
        outer.addWidget(header)

        self.scroll_view = scroll_area("roadmap_scroll", "Roadmap")
        outer.addWidget(self.scroll_view, 1)
        body = QWidget()
        self.scroll_view.setWidget(body)
        layout = self.page_layout(body)
        layout.setContentsMargins(unit * 2, 0, unit * 2, unit * 2)

        self.empty_state = named(EmptyState(EMPTY_TEXT), "empty_state", "Nothing planned yet")
        layout.addWidget(self.empty_state)

        self.grid = RoadmapGrid()
        self.grid.grid.setHorizontalSpacing(max(2, unit // 2))
        self.grid.grid.setVerticalSpacing(unit)
        self.grid.grid.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.grid)

        # Items outside the grid, so nothing planned is ever dropped from view.
        self.lists = QWidget()
        self.lists.setObjectName("roadmap_lists")
        self.lists_layout = QVBoxLayout(self.lists)
        self.lists_layout.setContentsMargins(0, unit, 0, 0)
        self.lists_layout.setSpacing(unit)
        self.list_sections: dict[str, QWidget] = {}
        self.list_tables: dict[str, ListTable] = {}
        self.list_headings: dict[str, QLabel] = {}
        for name, title in LIST_TITLES.items():
            self._list_section(name, title)
        layout.addWidget(self.lists)
        layout.addWidget(self._board_texts(unit))
        self.stage_guidance = StageGuidance()  # the stage the roadmap aims for
        layout.addWidget(self.stage_guidance)
        layout.addStretch(1)

        controller.changed.connect(self._session_changed)
        self._fresh = False
        self.refresh()
        # The window refreshes a page right after building it: nothing changed since.
        self._fresh = True

    def _board_texts(self, unit: int) -> QWidget:
        """The executive summary and recommendations that open the printed roadmap."""
        box = QWidget()
        box.setObjectName("board_texts")
        column = QVBoxLayout(box)
        column.setContentsMargins(0, unit * 2, 0, 0)
        column.setSpacing(unit // 2)
        heading = named(plain_label("For the board"), "board_heading", "For the board")
        self.scaled(heading, SECTION, bold=True)
        column.addWidget(heading)
        hint = self.muted(named(plain_label(BOARD_HINT), "board_hint", "About these texts"))
        self.scaled(hint, SECONDARY)
        column.addWidget(hint)
        for field, title in (
            ("executive_summary", "Executive summary"),
            ("recommendations", "The facilitator's recommendations"),
        ):
            label = named(plain_label(title), f"{field}_label", title)
            self.scaled(label, 1.0, bold=True)
            editor = text_editor(self, None, "", field, label=f"Edit {title.lower()}")
            named(editor, f"{field}_edit", title)
            editor.setPlaceholderText(BOARD_PLACEHOLDERS[field])
            editor.setMinimumHeight(unit * 10)
            label.setBuddy(editor)
            column.addWidget(label)
            column.addWidget(editor)
            setattr(self, f"{field}_edit", editor)
        return box

    # --- reading -------------------------------------------------------------------------

    def _list_section(self, name: str, title: str) -> None:
        """A heading and a table, built once; refresh only gives the table its rows."""
        unit = round(em(self))
        section = named(QWidget(), f"{name}_list", title)
        section_layout = QVBoxLayout(section)
        section_layout.setContentsMargins(0, 0, 0, 0)
        section_layout.setSpacing(unit // 2)
        heading = named(plain_label(title), f"{name}_title", title)
        self.scaled(heading, SECTION, bold=True)
        section_layout.addWidget(heading)
        if name == "unscheduled":
            hint = self.muted(
                plain_label("Give these a quarter on their own page to place them on the roadmap.")
            )
            self.scaled(hint, SECONDARY)
            section_layout.addWidget(hint)
        table = ListTable(name, title)
        self.scaled(table, SECONDARY)
        section_layout.addWidget(table)
        section.setVisible(False)
        self.lists_layout.addWidget(section)
        self.list_sections[name] = section
        self.list_tables[name] = table
        self.list_headings[name] = heading

    def _session_changed(self, _edit: object) -> None:
        self._fresh = False

    def show_change(self, change: Change) -> None:
        """Only what the roadmap is built from changes it (typing the board texts here
        does not rebuild the grid), and then only the cells whose items changed."""
        if concerns(change, WATCHED) or any(change.touches(None, f) for f in SESSION_FIELDS):
            self._show(build_roadmap(self.framework, self.controller.session), rebuild=False)

    def refresh(self) -> None:
        """Everything built again from the session (the grid's chips too)."""
        if self._fresh:  # built a moment ago, and the session has not changed since
            self._fresh = False
            return
        self._show(build_roadmap(self.framework, self.controller.session), rebuild=True)

    def _show(self, roadmap: Roadmap, *, rebuild: bool) -> None:
        with self.filling():
            old = self.roadmap
            same_frame = old is not None and _frame(old) == _frame(roadmap)
            grid_changed = rebuild or not same_frame or old is None or roadmap.lanes != old.lanes
            self.roadmap = roadmap
            aim = self.controller.session.target_stage  # the stage the roadmap aims for
            self.stage_guidance.show_stage(stage_of(self.framework, aim))
            first, last = roadmap.quarter_labels[0], roadmap.quarter_labels[-1]
            self.window_label.setText(
                f"{first} to {last}, starting with the quarter of the workshop. "
                f"{FIRST_PROJECT[0]} marks the first project, {MILESTONE[0]} the target-stage "
                "milestone."
            )
            real_items = [i for lane in roadmap.lanes for i in lane.items if not i.milestone] + [
                *roadmap.unscheduled,
                *roadmap.earlier,
                *roadmap.later,
            ]
            self.empty_state.setVisible(not real_items)
            self.grid.setVisible(not roadmap.is_empty)
            self.summary_label.setText(self._summary(roadmap))
            self.summary_label.setVisible(not roadmap.is_empty)
            if not self.isVisible():
                # The bands depend on the page's width, known once it is shown: the grid is
                # built then (showEvent), once, rather than now and again at the first show.
                self._grid_pending = self._grid_pending or grid_changed
            elif (
                grid_changed
                and same_frame
                and old is not None
                and not rebuild
                and not self._grid_pending
            ):
                self._update_cells(old, roadmap)  # the chips of the cells that changed
            elif grid_changed or self._grid_pending:  # the whole grid is built again
                self._build_grid(roadmap)
            self._fill_lists(roadmap)
            selected = self.chips.get(self._selected)
            if selected is None:
                self._selected = ""
                self.detail_label.setText(
                    "Select an item (click it, or press Tab) to see its details here."
                    if not roadmap.is_empty
                    else ""
                )
                self.detail_label.setVisible(not roadmap.is_empty)
            else:
                self.show_detail(selected.item)

    def _build_grid(self, roadmap: Roadmap) -> None:
        self._grid_pending = False
        self._drop_dynamic()
        self._fill_grid(roadmap)
        self.show_new_children(self.grid)
        self._equalise_columns()

    @staticmethod
    def _summary(roadmap: Roadmap) -> str:
        parts = [f"{roadmap.scheduled_count} planned in these quarters"]
        if roadmap.unscheduled:
            parts.append(f"{len(roadmap.unscheduled)} not scheduled yet")
        if roadmap.earlier:
            parts.append(f"{len(roadmap.earlier)} before {roadmap.quarter_labels[0]}")
        if roadmap.later:
            parts.append(f"{len(roadmap.later)} after {roadmap.quarter_labels[-1]}")
        return " · ".join(parts)

    def _drop_dynamic(self) -> None:
        """Remove what the last refresh built, and forget its font and colour roles."""
        doomed: set[int] = set()
        for widget in self._dynamic:
            doomed.add(id(widget))
            doomed.update(id(child) for child in widget.findChildren(QWidget))
        self._scaled = [entry for entry in self._scaled if id(entry[0]) not in doomed]
        self._muted = [widget for widget in self._muted if id(widget) not in doomed]
        self._accented = []  # only chips have them, and every chip is rebuilt
        layout = self.grid.grid
        while layout.count():
            layout.takeAt(0)
        for widget in self._dynamic:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        self._dynamic = []
        self.chips = {}
        self._cells = {}
        self.grid.lane_rows = []
        self.grid.bands = []
        for column in range(self.grid.grid.columnCount()):
            self.grid.grid.setColumnMinimumWidth(column, 0)
            self.grid.grid.setColumnStretch(column, 0)
        for row in range(self.grid.grid.rowCount()):
            self.grid.grid.setRowMinimumHeight(row, 0)

    def _add(self, widget: QWidget) -> QWidget:
        self._dynamic.append(widget)
        return widget

    def _fill_grid(self, roadmap: Roadmap) -> None:
        """Build a chip per planned item and lay the quarters out in as many bands as the
        width needs (see :class:`RoadmapGrid`)."""
        grid = self.grid.grid
        cells: dict[tuple[str, str], QWidget] = {}
        for lane in roadmap.lanes:
            for column, quarter in enumerate(roadmap.quarters):
                cell = self._add(QWidget(self.grid))  # in the grid now, to be measured
                label = roadmap.quarter_labels[column]
                named(cell, f"cell_{lane.id}_{quarter}", f"{lane.name}, {label}")
                cell_layout = QVBoxLayout(cell)
                cell_layout.setContentsMargins(0, 0, 0, 0)
                cell_layout.setSpacing(round(em(self) / 2))
                self._add_chips(cell, lane.in_quarter(quarter))
                cell_layout.addStretch(1)
                cells[(lane.id, quarter)] = cell
        self._cells = cells  # kept: an edit rebuilds only the chips of the cells it changed
        self.sync_fonts(self.grid)  # the chips' real sizes, before measuring them
        per_band = self._quarters_per_band(roadmap, cells)
        self._per_band = per_band
        quarters = list(zip(roadmap.quarters, roadmap.quarter_labels, strict=True))
        row = 0
        for start in range(0, len(quarters), per_band):
            band = quarters[start : start + per_band]
            corner = self._add(named(plain_label("Lane", wrap=False), "lane_heading", "Lane"))
            self.scaled(corner, SECONDARY, bold=True)
            self.muted(corner)
            grid.addWidget(corner, row, 0, Qt.AlignmentFlag.AlignBottom)
            for column, (quarter, label) in enumerate(band, 1):
                heading = self._add(
                    named(plain_label(label, wrap=False), f"quarter_{quarter}", label)
                )
                self.scaled(heading, 1.0, bold=True)
                grid.addWidget(heading, row, column, Qt.AlignmentFlag.AlignBottom)
            first_row = row + 1
            for lane in roadmap.lanes:
                row += 1
                self.grid.lane_rows.append((lane.id, row))
                name = self._add(named(plain_label(lane.name), f"lane_{lane.id}", lane.name))
                self.scaled(name, 1.0, bold=True)
                name.setContentsMargins(round(em(self)), 0, 0, 0)
                grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
                for column, (quarter, _label) in enumerate(band, 1):
                    grid.addWidget(cells[(lane.id, quarter)], row, column)
            self.grid.bands.append((first_row, row))
            row += 1
            if start + per_band < len(quarters):  # room between bands
                grid.setRowMinimumHeight(row, round(em(self) * 2))
                row += 1
        for column in range(1, per_band + 1):
            grid.setColumnStretch(column, 1)
        grid.setColumnStretch(0, 0)

    def _quarters_per_band(self, roadmap: Roadmap, cells: dict[tuple[str, str], QWidget]) -> int:
        """How many quarters fit side by side in the width the page has now."""
        count = len(roadmap.quarters)
        if count == 0:
            return 1
        chars = self.fontMetrics().averageCharWidth()
        column = max([chars * 8, *(c.minimumSizeHint().width() for c in cells.values())])
        metrics = QFontMetricsF(self._bold_font())
        longest = max(
            (
                metrics.horizontalAdvance(word)
                for lane in roadmap.lanes
                for word in lane.name.split()
            ),
            default=0.0,
        )
        lanes = round(longest + em(self) * 2)
        body = self.scroll_view.widget()
        body_layout = body.layout() if body is not None else None
        margins = body_layout.contentsMargins() if body_layout is not None else None
        width = self.scroll_view.viewport().width() - (
            margins.left() + margins.right() if margins is not None else 0
        )
        width -= self.scroll_view.verticalScrollBar().sizeHint().width()  # when one appears
        gap = self.grid.grid.horizontalSpacing()
        fits = int((width - lanes) // (column + gap)) if width > 0 else count
        # Even bands (3 + 3, 2 + 2 + 2) read better than 5 + 1.
        fits = max(1, min(count, fits))
        bands = -(-count // fits)
        return -(-count // bands)

    def _bold_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _reband_if_needed(self) -> None:
        """After a resize or a new type size: rebuild when another number of quarters fits."""
        if self.roadmap is None or not self.roadmap.quarters or not self.isVisible():
            return
        cells = {
            key: cell
            for key in ((lane.id, q) for lane in self.roadmap.lanes for q in self.roadmap.quarters)
            if (cell := self.grid.findChild(QWidget, f"cell_{key[0]}_{key[1]}")) is not None
        }
        if cells and self._quarters_per_band(self.roadmap, cells) != self._per_band:
            self._fresh = False  # the width changed, not the session: build it all again
            self.refresh()

    def _add_chips(self, cell: QWidget, items: tuple[RoadmapItem, ...]) -> None:
        """One chip per item, top to bottom, above the cell's closing stretch."""
        layout = cell.layout()
        assert isinstance(layout, QVBoxLayout)
        at = max(0, layout.count() - 1) if layout.count() else 0
        for offset, item in enumerate(items):
            chip = RoadmapChip(item, self, cell)
            self.scaled(chip.title_label, SECONDARY)
            if chip.mark_label is not None:
                self.scaled(chip.mark_label, SECONDARY, bold=True)
                self.accented(chip.mark_label)
            self.chips[item_key(item)] = chip
            layout.insertWidget(at + offset, chip)

    def _update_cells(self, old: Roadmap, new: Roadmap) -> None:
        """Rebuild the chips of the cells whose items changed (a hire moved one quarter:
        two cells), leaving every other chip as it is."""
        changed: list[QWidget] = []
        for lane in new.lanes:
            before = old.lane(lane.id)
            for quarter in new.quarters:
                items = lane.in_quarter(quarter)
                if items == before.in_quarter(quarter):
                    continue
                cell = self._cells[(lane.id, quarter)]
                self._drop_chips(cell)
                self._add_chips(cell, items)
                changed.append(cell)
        for cell in changed:
            if self.isVisible():
                self.show_new_children(cell)
            else:
                self.sync_fonts(cell)
        self._equalise_columns()
        for cell in changed:  # the bands behind them (what moved, Qt repaints itself)
            self.grid.update(cell.geometry())
        self._reband_if_needed()  # a longer title may need a band of fewer quarters

    def _drop_chips(self, cell: QWidget) -> None:
        doomed = list(cell.findChildren(RoadmapChip))
        gone = {
            id(w)
            for chip in doomed
            for w in (chip, chip.title_label, chip.mark_label)
            if w is not None
        }
        self._scaled = [entry for entry in self._scaled if id(entry[0]) not in gone]
        self._accented = [widget for widget in self._accented if id(widget) not in gone]
        layout = cell.layout()
        for chip in doomed:
            if self.chips.get(item_key(chip.item)) is chip:
                del self.chips[item_key(chip.item)]
            if layout is not None:
                layout.removeWidget(chip)
            chip.hide()
            chip.setParent(None)
            chip.deleteLater()

    def accented(self, widget: QWidget) -> QWidget:
        """Text in the accent colour (7:1 on every theme), following theme changes."""
        self._accented.append(widget)
        self._apply_accent(widget)
        return widget

    def _apply_accent(self, widget: QWidget) -> None:
        palette = widget.palette()
        palette.setColor(
            QPalette.ColorRole.WindowText, self.palette().color(QPalette.ColorRole.Highlight)
        )
        widget.setPalette(palette)

    def _equalise_columns(self) -> None:
        """Every quarter gets the same width: the widest that any cell needs, and at least
        eight characters. Unequal columns would read as unequal stretches of time."""
        grid = self.grid.grid
        chars = self.fontMetrics().averageCharWidth()
        widest = chars * 8
        lane_rows = [row for _lane, row in self.grid.lane_rows]
        for row in lane_rows:
            for column in range(1, grid.columnCount()):
                item = grid.itemAtPosition(row, column)
                if item is not None and (widget := item.widget()) is not None:
                    widest = max(widest, widget.minimumSizeHint().width())
        # Only the columns the bands use: a grid layout keeps the count of columns it ever had.
        for column in range(1, grid.columnCount()):
            grid.setColumnMinimumWidth(column, widest if column <= self._per_band else 0)
        # The lanes' names wrap between words, never inside one ("Organisation"): the name
        # column is as wide as the longest single word, and no wider.
        labels = []
        for row in lane_rows:
            item = grid.itemAtPosition(row, 0)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel) and label.text().strip():
                labels.append(label)
        if labels:
            metrics = QFontMetricsF(labels[0].font())
            margins = labels[0].contentsMargins()
            longest = max(metrics.horizontalAdvance(w) for lb in labels for w in lb.text().split())
            width = round(longest + margins.left() + margins.right() + em(self))
            for label in labels:
                label.setFixedWidth(width)

    def _fill_lists(self, roadmap: Roadmap) -> None:
        lanes = tuple(LANE_NAMES.values())
        for name, items, with_quarter in (
            ("unscheduled", roadmap.unscheduled, False),
            ("earlier", roadmap.earlier, True),
            ("later", roadmap.later, True),
        ):
            if name == "later":
                title = f"Later (after {roadmap.quarter_labels[-1]})"
                self.list_headings[name].setText(title)
                self.list_sections[name].setAccessibleName(title)
            self.list_tables[name].show_state(
                list_state(
                    items,
                    with_quarter=with_quarter,
                    lane_names=LANE_NAMES,
                    lane_colours=LANE_COLOURS,
                ),
                lanes,
            )
            self.list_sections[name].setVisible(bool(items))

    # --- for tests and the keyboard ---------------------------------------------------------

    def cell_titles(self, lane_id: str, quarter: str) -> list[str]:
        """The titles shown in one cell, top to bottom."""
        cell = self.grid.findChild(QWidget, f"cell_{lane_id}_{quarter}")
        if cell is None:
            return []
        layout = cell.layout()
        if layout is None:
            return []
        items = (layout.itemAt(i) for i in range(layout.count()))
        chips = [item.widget() for item in items if item is not None]
        return [chip.title for chip in chips if isinstance(chip, RoadmapChip)]

    def list_titles(self, name: str) -> list[str]:
        """Titles in the "unscheduled", "earlier" or "later" list, as shown."""
        table = self.list_tables.get(name)
        if table is None or not self.list_sections[name].isVisibleTo(self):
            return []
        return table.list_model.titles()

    def show_detail(self, item: RoadmapItem) -> None:
        self._selected = item_key(item)
        when = item.quarter_label or "not scheduled"
        lane = LANE_NAMES.get(item.lane, item.lane)
        self.detail_label.setText(
            f"{item.title} — {lane}, {when}" + (f": {item.detail}" if item.detail else "")
        )
        self.detail_label.setVisible(True)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for widget in self._accented:
                self._apply_accent(widget)
            self.grid.update()
        elif event.type() == QEvent.Type.FontChange:
            self._equalise_columns()
            QTimer.singleShot(0, self._reband_if_needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reband_if_needed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._grid_pending and self.roadmap is not None:
            with self.filling():
                self._build_grid(self.roadmap)  # at the page's real width, known only now
            selected = self.chips.get(self._selected)
            if selected is not None:
                self.show_detail(selected.item)
        else:
            self._reband_if_needed()  # the page's real width is known only now

    # --- actions -------------------------------------------------------------------------

    def export_roadmap(self) -> None:
        from workshop.ui.export_dialog import RoadmapExportFlow

        RoadmapExportFlow.for_window(self, self.controller).start()


__all__ = ["RoadmapChip", "RoadmapGrid", "RoadmapPage"]

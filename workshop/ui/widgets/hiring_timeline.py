"""The hiring plan as a timeline: quarters across, one row per planned role.

Drawn with QPainter (a few dozen shapes; no chart library, no start-up cost). Each role has a
marker in the quarter it is planned for, and the marker is told apart by *shape and word*,
never by colour alone: a filled circle and "New" for a hire from outside, a diamond and
"Internal" for an internal assignment, with "×N" when more than one person joins. Two footer
rows give the headcount joining in each quarter and the running total planned.

Every size comes from the widget's font, so zoom and the projector's larger type keep the
proportions. The geometry used to paint (:meth:`HiringTimeline.column_rect`,
:meth:`HiringTimeline.marker_rect`) is public so tests can check what is drawn where.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget

from workshop.colours import CATEGORY

# Okabe-Ito fills (VISUAL.md): blue for a new hire, orange for an internal assignment. They
# are fills only, outlined in the text colour; the shape and the word carry the meaning.
NEW_FILL = CATEGORY[0]
NEW_FILL_DARK = "#56B4E9"
INTERNAL_FILL = CATEGORY[1]

NEW_WORD = "New"
INTERNAL_WORD = "Internal"
JOINING_LABEL = "Joining"
TOTAL_LABEL = "Total planned"


@dataclass(frozen=True)
class TimelineQuarter:
    quarter: str  # "2027-Q1"
    label: str  # "Q1 2027"
    joining: int  # people joining (new and internal) in this quarter
    total: int  # everyone planned up to and including this quarter


@dataclass(frozen=True)
class TimelineEntry:
    hire_id: str
    title: str
    quarter: str  # one of the timeline's quarters
    internal: bool
    headcount: int

    @property
    def marker_text(self) -> str:
        word = INTERNAL_WORD if self.internal else NEW_WORD
        return f"{word} ×{self.headcount}" if self.headcount > 1 else word


class HiringTimeline(QWidget):
    """Quarters × planned roles. Fill it with :meth:`set_plan`; it keeps no session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hiring_timeline")
        self.setAccessibleName("Hiring timeline")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._quarters: tuple[TimelineQuarter, ...] = ()
        self._entries: tuple[TimelineEntry, ...] = ()
        self._selected: frozenset[str] = frozenset()

    # --- data ----------------------------------------------------------------------------

    def set_plan(
        self, quarters: Sequence[TimelineQuarter], entries: Sequence[TimelineEntry]
    ) -> None:
        self._quarters = tuple(quarters)
        known = {q.quarter for q in self._quarters}
        self._entries = tuple(e for e in entries if e.quarter in known)
        description = self.describe()
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.updateGeometry()
        self.update()

    def set_selected(self, hire_ids: Iterable[str]) -> None:
        selected = frozenset(hire_ids)
        if selected != self._selected:
            self._selected = selected
            self.update()

    @property
    def quarters(self) -> tuple[TimelineQuarter, ...]:
        return self._quarters

    @property
    def entries(self) -> tuple[TimelineEntry, ...]:
        return self._entries

    def describe(self) -> str:
        """The chart in words (screen readers, tooltips, tests)."""
        lines = []
        for quarter in self._quarters:
            joining = [e for e in self._entries if e.quarter == quarter.quarter]
            roles = ", ".join(f"{e.title} ({e.marker_text})" for e in joining) or "nobody"
            lines.append(f"{quarter.label}: {roles}; {quarter.total} planned in total")
        return "\n".join(lines)

    # --- geometry --------------------------------------------------------------------------

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.font())

    def _unit(self) -> float:
        """Half a line: the unit of every gap (VISUAL.md, "Space")."""
        return self._metrics().lineSpacing() / 2

    def _row_height(self) -> float:
        return self._metrics().lineSpacing() * 1.9

    def _header_height(self) -> float:
        return self._metrics().lineSpacing() * 1.6

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _label_width(self) -> float:
        metrics = self._metrics()
        widest = max(
            [metrics.horizontalAdvance(e.title) for e in self._entries]
            + [QFontMetricsF(self._bold()).horizontalAdvance(TOTAL_LABEL)],
            default=0.0,
        )
        # Long titles are elided: the quarters matter more than a 200-character name.
        return min(widest, metrics.averageCharWidth() * 22) + self._unit() * 2

    def _min_column_width(self) -> float:
        metrics = self._metrics()
        bold = QFontMetricsF(self._bold())
        marker = metrics.height() * 0.9 + self._unit()
        widest_marker = max(
            [metrics.horizontalAdvance(e.marker_text) for e in self._entries]
            + [metrics.horizontalAdvance(INTERNAL_WORD)],
        )
        widest_label = max((bold.horizontalAdvance(q.label) for q in self._quarters), default=0.0)
        return max(widest_marker + marker, widest_label) + self._unit() * 2

    def _column_width(self) -> float:
        minimum = self._min_column_width()
        if not self._quarters:
            return minimum
        room = (self.width() - self._label_width()) / len(self._quarters)
        # Use the width there is, but not so much that a marker drifts far from its label.
        return max(minimum, min(room, minimum * 2.2))

    def column_rect(self, quarter: str) -> QRectF:
        """The column of ``quarter`` over the whole chart (empty if it is not shown)."""
        for index, column in enumerate(self._quarters):
            if column.quarter == quarter:
                width = self._column_width()
                left = self._label_width() + index * width
                return QRectF(left, 0, width, self._chart_height())
        return QRectF()

    def row_rect(self, index: int) -> QRectF:
        top = self._header_height() + index * self._row_height()
        right = self._label_width() + len(self._quarters) * self._column_width()
        return QRectF(0, top, right, self._row_height())

    def marker_rect(self, hire_id: str) -> QRectF:
        """Where the marker of ``hire_id`` is drawn (empty if it is not on the timeline)."""
        for index, entry in enumerate(self._entries):
            if entry.hire_id == hire_id:
                return self._marker_rect(index, entry)
        return QRectF()

    def _marker_rect(self, index: int, entry: TimelineEntry) -> QRectF:
        column = self.column_rect(entry.quarter)
        row = self.row_rect(index)
        size = self._metrics().height() * 0.9
        return QRectF(column.left() + self._unit(), row.center().y() - size / 2, size, size)

    def _chart_height(self) -> float:
        return self._header_height() + self._row_height() * (len(self._entries) + 2)

    def sizeHint(self) -> QSize:
        width = self._label_width() + len(self._quarters) * self._min_column_width() * 1.4
        return QSize(round(width), round(self._chart_height() + self._unit()))

    def minimumSizeHint(self) -> QSize:
        width = self._label_width() + len(self._quarters) * self._min_column_width()
        return QSize(round(width), round(self._chart_height() + self._unit()))

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._quarters:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        back = palette.color(QPalette.ColorRole.Window)
        band = palette.color(QPalette.ColorRole.AlternateBase)
        accent = palette.color(QPalette.ColorRole.Highlight)
        metrics = self._metrics()
        bold = self._bold()
        unit = self._unit()
        line_width = max(2.0, metrics.lineSpacing() / 9)
        label_width = self._label_width()
        column_width = self._column_width()
        right = label_width + len(self._quarters) * column_width
        header = self._header_height()
        rows = len(self._entries)
        footer_top = header + rows * self._row_height()
        bottom = self._chart_height()

        def baseline(top: float, height: float) -> float:
            return top + height / 2 + (metrics.ascent() - metrics.descent()) / 2

        # Row bands, and the accent outline of the roles selected on the page.
        for index, entry in enumerate(self._entries):
            row = self.row_rect(index)
            if index % 2 == 1:
                painter.fillRect(row, band)
            if entry.hire_id in self._selected:
                painter.setPen(QPen(accent, line_width))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(
                    row.adjusted(line_width / 2, line_width / 2, -line_width / 2, -line_width / 2)
                )
        footer = QRectF(0, footer_top, right, bottom - footer_top)
        painter.fillRect(footer, band)

        # Quarter hairlines and headings.
        rule = QColor(text)
        rule.setAlphaF(0.45)
        painter.setPen(QPen(rule, 1))
        for index in range(len(self._quarters) + 1):
            x = label_width + index * column_width
            painter.drawLine(QPointF(x, 0), QPointF(x, bottom))
        painter.setPen(QPen(text, line_width))
        painter.drawLine(QPointF(0, header), QPointF(right, header))
        painter.drawLine(QPointF(0, footer_top), QPointF(right, footer_top))
        painter.setFont(bold)
        painter.setPen(text)
        for index, quarter in enumerate(self._quarters):
            x = label_width + index * column_width + unit
            painter.drawText(QPointF(x, baseline(0, header)), quarter.label)

        # One row per planned role: its title, and its marker in its quarter.
        painter.setFont(self.font())
        new_fill = QColor(NEW_FILL_DARK if back.lightness() < 128 else NEW_FILL)
        internal_fill = QColor(INTERNAL_FILL)
        for index, entry in enumerate(self._entries):
            row = self.row_rect(index)
            painter.setPen(text)
            title = metrics.elidedText(
                entry.title, Qt.TextElideMode.ElideRight, label_width - unit * 2
            )
            painter.drawText(QPointF(unit, baseline(row.top(), row.height())), title)
            marker = self._marker_rect(index, entry)
            painter.setPen(QPen(text, line_width))
            if entry.internal:
                painter.setBrush(internal_fill)
                painter.drawPath(_diamond(marker))
            else:
                painter.setBrush(new_fill)
                painter.drawEllipse(marker)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(text)
            painter.drawText(
                QPointF(marker.right() + unit / 2, baseline(row.top(), row.height())),
                entry.marker_text,
            )

        # Footer: joining per quarter and the running total, in words and numbers.
        for offset, (name, values) in enumerate(
            (
                (JOINING_LABEL, [f"+{q.joining}" if q.joining else "—" for q in self._quarters]),
                (TOTAL_LABEL, [str(q.total) for q in self._quarters]),
            )
        ):
            top = footer_top + offset * self._row_height()
            y = baseline(top, self._row_height())
            painter.setFont(bold)
            painter.drawText(QPointF(unit, y), name)
            painter.setFont(self.font())
            for index, value in enumerate(values):
                x = label_width + index * column_width + unit
                painter.drawText(QPointF(x, y), value)
        painter.end()


def _diamond(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    centre = rect.center()
    path.moveTo(centre.x(), rect.top())
    path.lineTo(rect.right(), centre.y())
    path.lineTo(centre.x(), rect.bottom())
    path.lineTo(rect.left(), centre.y())
    path.closeSubpath()
    return path


class TimelineScroll(QScrollArea):
    """The timeline in its own sideways scroll, so many quarters on a narrow window scroll
    the chart alone, never the plan above it. As tall as the chart (plus the scroll bar
    when one is needed): the page scrolls vertically, not this."""

    def __init__(self, timeline: HiringTimeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_scroll")
        # A chart of many quarters scrolls sideways on purpose (its own bar, below it); the
        # page around it never does (tests/page_geometry.py knows this property).
        self.setProperty("scrolls_sideways", True)
        self.setAccessibleName("Hiring timeline")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.timeline = timeline
        self.setWidget(timeline)
        # The chart's updateGeometry() (new rows, a new font) reaches its parent, the viewport.
        self.viewport().installEventFilter(self)

    def _needs_bar(self) -> bool:
        return self.timeline.minimumSizeHint().width() > self.viewport().width()

    def sizeHint(self) -> QSize:
        height = self.timeline.minimumSizeHint().height()
        if self._needs_bar():
            height += self.horizontalScrollBar().sizeHint().height()
        return QSize(self.timeline.sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # rows came or went: take the new height
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.updateGeometry()  # the scroll bar may have come or gone

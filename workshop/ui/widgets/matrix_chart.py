"""The value/cost matrix: a 2×2 of value (up) against cost (right), with draggable points.

Drawn with QPainter rather than pyqtgraph. The matrix is a fixed 5×5 grid with a few dozen
points at most and no pan or zoom, so a plot library's view box, ranges and item tree buy
nothing here, while plain painting is crisp at any scale, takes every size from the font (so
zoom and projecting rescale it like the rest of the page), costs no start-up time and
sidesteps the PySide6 ``setPos`` reference-count trap of graphics items (PITFALLS.md). It
also draws exactly like the PDF's matrix (``workshop/report/charts.py``): the same cells,
divider lines, quadrant shapes and colours, and points sharing a cell laid out on a small
grid inside it so every one stays visible and grabbable.

Interaction follows the usual drag contract: press on a point selects it; moving drags it
(a ghost shows the whole-number cell it will land in); releasing emits :attr:`moved` ONCE
with the snapped value and cost, and only when they changed. A press on empty space is
ignored (``event.ignore()``) and clears nothing. Arrow keys move the selected point one step
(one edit per key press), so the chart works without a mouse too.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

LOW, HIGH = 1, 5  # the rubric scale of value and cost

# Okabe–Ito fills in quadrant (content) order and one shape per quadrant, as in the PDF, so
# a quadrant is told apart by shape and by its written name, never by colour alone.
QUADRANT_FILLS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
SHAPES = ("circle", "square", "diamond", "triangle")
FILL_STRENGTH = 0.6  # mixed with white: light enough for a dark number on top (≥ 7:1)
NUMBER_COLOUR = "#111111"  # the rank on a marker: dark on the light fill in every theme


def quadrant_fill(index: int) -> QColor:
    """The opaque marker fill of the quadrant at ``index`` (same tint as the PDF)."""
    base = QColor(QUADRANT_FILLS[index % len(QUADRANT_FILLS)])
    s = FILL_STRENGTH
    return QColor(
        round(255 - (255 - base.red()) * s),
        round(255 - (255 - base.green()) * s),
        round(255 - (255 - base.blue()) * s),
    )


def shape_path(shape: str, centre: QPointF, radius: float) -> QPainterPath:
    """The outline of a marker of ``shape`` around ``centre`` (y grows downwards)."""
    path = QPainterPath()
    x, y = centre.x(), centre.y()
    if shape == "square":
        s = radius * 0.9
        path.addRect(QRectF(x - s, y - s, 2 * s, 2 * s))
    elif shape == "diamond":
        s = radius * 1.2
        path.addPolygon(
            QPolygonF([QPointF(x, y - s), QPointF(x + s, y), QPointF(x, y + s), QPointF(x - s, y),
                       QPointF(x, y - s)])
        )
    elif shape == "triangle":
        s = radius * 1.25
        path.addPolygon(
            QPolygonF([QPointF(x, y - s), QPointF(x + s * 0.95, y + s * 0.7),
                       QPointF(x - s * 0.95, y + s * 0.7), QPointF(x, y - s)])
        )
    else:
        path.addEllipse(centre, radius, radius)
    return path


@dataclass(frozen=True)
class MatrixPoint:
    """One opportunity on the matrix."""

    opportunity_id: str
    rank: int  # drawn on the marker
    title: str  # shown on hover and selection (plain text, never markup)
    value: int  # 1..5
    cost: int  # 1..5
    quadrant: int  # index into the chart's quadrants (shape and fill)
    first_project: bool = False


@dataclass(frozen=True)
class MatrixQuadrant:
    name: str
    advice: str
    high_value: bool
    high_cost: bool


class MatrixChart(QWidget):
    """Value × cost on 1..5 with the content's four quadrants; points drag in whole steps."""

    #: (opportunity id) a point was clicked, or "" when the selection was cleared.
    selected = Signal(str)
    #: (opportunity id, value, cost) a drag or arrow key finished on a new cell.
    moved = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._points: tuple[MatrixPoint, ...] = ()
        self._quadrants: tuple[MatrixQuadrant, ...] = ()
        self._value_threshold = 3.5
        self._cost_threshold = 3.5
        self._value_rubric: dict[int, str] = {}
        self._cost_rubric: dict[int, str] = {}
        self._selected = ""
        self._hovered = ""
        self._dragging = ""
        self._drag_at = QPointF()
        self._drag_moved = False
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Value and cost matrix")

    # --- data ------------------------------------------------------------------------------

    def set_matrix(
        self,
        quadrants: Sequence[MatrixQuadrant],
        value_threshold: float,
        cost_threshold: float,
        value_rubric: dict[int, str],
        cost_rubric: dict[int, str],
    ) -> None:
        self._quadrants = tuple(quadrants)
        self._value_threshold = value_threshold
        self._cost_threshold = cost_threshold
        self._value_rubric = dict(value_rubric)
        self._cost_rubric = dict(cost_rubric)
        self.update()

    def set_points(self, points: Sequence[MatrixPoint]) -> None:
        self._points = tuple(points)
        ids = {p.opportunity_id for p in self._points}
        if self._selected not in ids:
            self._selected = ""
        if self._hovered not in ids:
            self._hovered = ""
        if self._dragging not in ids:
            self._dragging = ""
        self.setAccessibleDescription(self.describe())
        self.update()

    @property
    def points(self) -> tuple[MatrixPoint, ...]:
        return self._points

    def point(self, opportunity_id: str) -> MatrixPoint | None:
        return next((p for p in self._points if p.opportunity_id == opportunity_id), None)

    @property
    def selected_id(self) -> str:
        return self._selected

    def select(self, opportunity_id: str) -> None:
        """Highlight a point (from the list); emits nothing."""
        if opportunity_id != self._selected:
            self._selected = opportunity_id
            self.update()

    def describe(self) -> str:
        """The chart in words, for screen readers and tests."""
        names = [q.name for q in self._quadrants]
        return "; ".join(
            f"#{p.rank} {p.title or 'Untitled'}: value {p.value}, cost {p.cost}"
            + (f", {names[p.quadrant]}" if 0 <= p.quadrant < len(names) else "")
            for p in sorted(self._points, key=lambda p: p.rank)
        )

    # --- geometry --------------------------------------------------------------------------

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.font())

    def plot_rect(self) -> QRectF:
        """The square 5×5 plot, leaving room for the axis titles and tick numbers."""
        m = self._metrics()
        line = m.lineSpacing()
        left = line * 2.6
        bottom = line * 2.6
        pad = line * 0.5
        side = max(1.0, min(self.width() - left - pad, self.height() - bottom - pad))
        x0 = left + (self.width() - left - pad - side) / 2
        return QRectF(x0, pad, side, side)

    def _cell(self) -> float:
        return self.plot_rect().width() / (HIGH - LOW + 1)

    def to_screen(self, cost: float, value: float) -> QPointF:
        """The centre of (cost, value) on screen: cost grows right, value grows up."""
        plot = self.plot_rect()
        cell = plot.width() / (HIGH - LOW + 1)
        return QPointF(
            plot.left() + (cost - LOW + 0.5) * cell, plot.bottom() - (value - LOW + 0.5) * cell
        )

    def to_scale(self, position: QPointF) -> tuple[float, float]:
        """(cost, value) under a screen position, unclamped."""
        plot = self.plot_rect()
        cell = plot.width() / (HIGH - LOW + 1)
        return (
            (position.x() - plot.left()) / cell + LOW - 0.5,
            (plot.bottom() - position.y()) / cell + LOW - 0.5,
        )

    @staticmethod
    def snap(cost: float, value: float) -> tuple[int, int]:
        """The whole-number cell a drag lands in, kept on the 1..5 scale."""
        return (
            min(max(round(cost), LOW), HIGH),
            min(max(round(value), LOW), HIGH),
        )

    def _band(self) -> float:
        """Height of the quadrant-name strip along the top and bottom edges."""
        return self._metrics().lineSpacing() * 1.3

    def layout_points(self) -> dict[str, tuple[QPointF, float]]:
        """Where each point is drawn and its radius. Points sharing a cell sit on a small
        grid inside it (rank order), clear of the grid lines and of the name strips."""
        cell = self._cell()
        band = self._band()
        gap = cell * 0.06
        by_cell: dict[tuple[int, int], list[MatrixPoint]] = defaultdict(list)
        for p in sorted(self._points, key=lambda p: p.rank):
            by_cell[self.snap(p.cost, p.value)].append(p)
        placed: dict[str, tuple[QPointF, float]] = {}
        biggest = self._metrics().lineSpacing() * 0.95
        for (cost, value), members in by_cell.items():
            columns = math.ceil(math.sqrt(len(members)))
            rows = math.ceil(len(members) / columns)
            centre = self.to_screen(cost, value)
            low = centre.y() + cell / 2 - gap - (band if value == LOW else 0)
            high = centre.y() - cell / 2 + gap + (band if value == HIGH else 0)
            pitch = min((cell - 2 * gap) / columns, (low - high) / rows, biggest * 2.9)
            radius = pitch * 0.42
            x0 = centre.x() - pitch * (columns - 1) / 2
            y0 = (low + high) / 2 - pitch * (rows - 1) / 2
            for n, p in enumerate(members):
                placed[p.opportunity_id] = (
                    QPointF(x0 + (n % columns) * pitch, y0 + (n // columns) * pitch),
                    radius,
                )
        return placed

    def points_at(self, position: QPointF) -> list[str]:
        """Ids of the points under ``position``, topmost first."""
        hits = []
        for opportunity_id, (centre, radius) in self.layout_points().items():
            dx, dy = position.x() - centre.x(), position.y() - centre.y()
            if dx * dx + dy * dy <= (radius * 1.25) ** 2:
                hits.append(opportunity_id)
        # Drawn in rank order, so the last drawn (highest rank number) is on top.
        return list(reversed(hits))

    def sizeHint(self) -> QSize:
        line = self._metrics().lineSpacing()
        return QSize(round(line * 24), round(line * 24))

    def minimumSizeHint(self) -> QSize:
        line = self._metrics().lineSpacing()
        return QSize(round(line * 15), round(line * 15))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        line = self._metrics().lineSpacing()
        return round(width - line * 2.6 - line * 0.5 + line * 2.6 + line * 0.5)

    # --- mouse and keys --------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        hits = self.points_at(event.position())
        if not hits:
            event.ignore()  # nothing to grab: no drag starts, the selection stays
            return
        event.accept()
        self._dragging = hits[0]
        self._drag_at = event.position()
        self._drag_moved = False
        if self._selected != hits[0]:
            self._selected = hits[0]
            self.selected.emit(hits[0])
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            self._drag_at = event.position()
            self._drag_moved = True
            self.update()
            event.accept()
            return
        hits = self.points_at(event.position())
        hovered = hits[0] if hits else ""
        if hovered != self._hovered:
            self._hovered = hovered
            self.setCursor(
                Qt.CursorShape.OpenHandCursor if hovered else Qt.CursorShape.ArrowCursor
            )
            self.update()
        event.ignore()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self._dragging or event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        event.accept()
        self._drag_at = event.position()
        self.finish_drag()

    def finish_drag(self) -> None:
        """End a drag: ONE ``moved`` signal with the snapped cell, if the cell changed."""
        opportunity_id, self._dragging = self._dragging, ""
        point = self.point(opportunity_id)
        moved = self._drag_moved
        self._drag_moved = False
        self.update()
        if point is None or not moved:
            return
        cost, value = self.snap(*self.to_scale(self._drag_at))
        if (cost, value) != (point.cost, point.value):
            self.moved.emit(opportunity_id, value, cost)

    def drag_to(self, opportunity_id: str, position: QPointF) -> None:
        """Drag a point to a screen position and let go (what the mouse does, in one call)."""
        self._dragging = opportunity_id
        self._drag_at = position
        self._drag_moved = True
        self.finish_drag()

    def leaveEvent(self, event: object) -> None:
        if self._hovered:
            self._hovered = ""
            self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        point = self.point(self._selected)
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, 1),
            Qt.Key.Key_Down: (0, -1),
        }
        key = Qt.Key(event.key())
        if point is None or key not in steps:
            super().keyPressEvent(event)
            return
        d_cost, d_value = steps[key]
        cost, value = self.snap(point.cost + d_cost, point.value + d_value)
        if (cost, value) != (point.cost, point.value):
            self.moved.emit(point.opportunity_id, value, cost)
        event.accept()

    def event(self, event: object) -> bool:
        from PySide6.QtCore import QEvent

        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)  # type: ignore[arg-type]

    def tooltip_at(self, position: QPointF) -> str:
        """A point's title and scores; on an axis number, what that score means."""
        hits = self.points_at(position)
        if hits:
            p = self.point(hits[0])
            assert p is not None
            return (
                f"#{p.rank} {p.title or 'Untitled'}\nValue {p.value}: "
                f"{self._value_rubric.get(p.value, '')}\nCost {p.cost}: "
                f"{self._cost_rubric.get(p.cost, '')}\nDrag to change value and cost."
            )
        plot = self.plot_rect()
        cost, value = self.to_scale(position)
        if position.y() > plot.bottom() and plot.left() <= position.x() <= plot.right():
            score = self.snap(cost, value)[0]
            return f"Cost {score}: {self._cost_rubric.get(score, '')}"
        if position.x() < plot.left() and plot.top() <= position.y() <= plot.bottom():
            score = self.snap(cost, value)[1]
            return f"Value {score}: {self._value_rubric.get(score, '')}"
        return ""

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        background = palette.color(QPalette.ColorRole.Base)
        accent = palette.color(QPalette.ColorRole.Highlight)
        m = self._metrics()
        line = m.lineSpacing()
        thick = max(2.0, line / 9)
        plot = self.plot_rect()
        cell = plot.width() / (HIGH - LOW + 1)

        painter.fillRect(plot, background)
        grid = QColor(text)
        grid.setAlphaF(0.3)
        painter.setPen(QPen(grid, 1))
        for k in range(1, HIGH - LOW + 1):
            painter.drawLine(QPointF(plot.left() + k * cell, plot.top()),
                             QPointF(plot.left() + k * cell, plot.bottom()))
            painter.drawLine(QPointF(plot.left(), plot.top() + k * cell),
                             QPointF(plot.right(), plot.top() + k * cell))
        painter.setPen(QPen(text, thick))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(plot)

        self._paint_axes(painter, plot, text, line)
        divider_x = self.to_screen(math.ceil(self._cost_threshold) - 0.5, LOW).x()
        divider_y = self.to_screen(LOW, math.ceil(self._value_threshold) - 0.5).y()
        painter.setPen(QPen(text, thick * 1.5))
        painter.drawLine(QPointF(divider_x, plot.top()), QPointF(divider_x, plot.bottom()))
        painter.drawLine(QPointF(plot.left(), divider_y), QPointF(plot.right(), divider_y))
        self._paint_quadrant_names(painter, plot, divider_x, text, line)

        placed = self.layout_points()
        shapes = {p.opportunity_id: SHAPES[p.quadrant % len(SHAPES)] for p in self._points}
        for p in sorted(self._points, key=lambda p: p.rank):
            if p.opportunity_id == self._dragging and self._drag_moved:
                continue  # drawn last, under the mouse
            centre, radius = placed[p.opportunity_id]
            self._paint_marker(painter, p, shapes[p.opportunity_id], centre, radius, text,
                               accent, thick)
        dragged = self.point(self._dragging)
        if dragged is not None and self._drag_moved:
            radius = placed[dragged.opportunity_id][1]
            cost, value = self.snap(*self.to_scale(self._drag_at))
            target = self.to_screen(cost, value)
            ghost = QPen(text, thick, Qt.PenStyle.DashLine)
            painter.setPen(ghost)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(shape_path(shapes[dragged.opportunity_id], target, radius))
            self._paint_marker(painter, dragged, shapes[dragged.opportunity_id], self._drag_at,
                               radius, text, accent, thick)
        label_id = self._dragging or self._hovered or self._selected
        label_point = self.point(label_id)
        if label_point is not None:
            centre = self._drag_at if label_id == self._dragging and self._drag_moved else \
                placed[label_id][0]
            self._paint_callout(painter, label_point, centre, placed[label_id][1], plot, text,
                                background, accent)
        painter.end()

    def _paint_axes(self, painter: QPainter, plot: QRectF, text: QColor, line: float) -> None:
        m = self._metrics()
        painter.setPen(text)
        for score in range(LOW, HIGH + 1):
            label = str(score)
            x = self.to_screen(score, LOW).x()
            painter.drawText(QPointF(x - m.horizontalAdvance(label) / 2,
                                     plot.bottom() + m.ascent() + line * 0.25), label)
            y = self.to_screen(LOW, score).y()
            painter.drawText(QPointF(plot.left() - line * 0.4 - m.horizontalAdvance(label),
                                     y + (m.ascent() - m.descent()) / 2), label)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        bm = QFontMetricsF(bold)
        cost_title = "Cost  (1 low → 5 high)"
        painter.drawText(
            QPointF(plot.center().x() - bm.horizontalAdvance(cost_title) / 2,
                    plot.bottom() + line * 1.3 + bm.ascent()),
            cost_title,
        )
        value_title = "Value  (1 low → 5 high)"
        painter.save()
        painter.translate(plot.left() - line * 1.4, plot.center().y())
        painter.rotate(-90)
        painter.drawText(QPointF(-bm.horizontalAdvance(value_title) / 2, 0), value_title)
        painter.restore()
        painter.setFont(self.font())

    def _paint_quadrant_names(
        self, painter: QPainter, plot: QRectF, divider_x: float, text: QColor, line: float
    ) -> None:
        """Each quadrant's shape and name in its outer corner, in the band clear of points."""
        bold = QFont(self.font())
        bold.setBold(True)
        bm = QFontMetricsF(bold)
        band = self._band()
        pad = line * 0.35
        for index, quadrant in enumerate(self._quadrants):
            left = not quadrant.high_cost
            top = quadrant.high_value
            room_left = plot.left() if left else divider_x
            room_right = divider_x if left else plot.right()
            width = room_right - room_left - 2 * pad
            radius = line * 0.28
            y_mid = plot.top() + band / 2 if top else plot.bottom() - band / 2
            name = bm.elidedText(quadrant.name, Qt.TextElideMode.ElideRight,
                                 width - radius * 2 - pad)
            name_width = bm.horizontalAdvance(name)
            total = radius * 2 + pad + name_width
            x = room_left + pad if left else room_right - pad - total
            painter.setPen(QPen(text, max(1.5, line / 14)))
            painter.setBrush(quadrant_fill(index))
            painter.drawPath(shape_path(SHAPES[index % len(SHAPES)],
                                        QPointF(x + radius, y_mid), radius))
            painter.setFont(bold)
            painter.setPen(text)
            painter.drawText(
                QPointF(x + radius * 2 + pad, y_mid + (bm.ascent() - bm.descent()) / 2), name
            )
        painter.setFont(self.font())

    def _paint_marker(
        self,
        painter: QPainter,
        point: MatrixPoint,
        shape: str,
        centre: QPointF,
        radius: float,
        text: QColor,
        accent: QColor,
        thick: float,
    ) -> None:
        highlighted = point.opportunity_id in (self._selected, self._dragging)
        if highlighted:
            painter.setPen(QPen(accent, thick * 1.6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(shape_path(shape, centre, radius + thick * 2.2))
        painter.setPen(QPen(text, thick * (1.3 if highlighted else 1.0)))
        painter.setBrush(quadrant_fill(point.quadrant))
        painter.drawPath(shape_path(shape, centre, radius))
        label = str(point.rank)
        font = QFont(self.font())
        font.setBold(True)
        # The number fills about half the marker, never bigger than the body type.
        size = min(radius * 0.95, QFontMetricsF(self.font()).ascent())
        font.setPixelSize(max(6, round(size)))
        painter.setFont(font)
        fm = QFontMetricsF(font)
        # The triangle's visual centre sits lower than its box's.
        dy = radius * 0.22 if shape == "triangle" else 0.0
        painter.setPen(QColor(NUMBER_COLOUR))
        painter.drawText(
            QPointF(centre.x() - fm.horizontalAdvance(label) / 2,
                    centre.y() + dy + (fm.ascent() - fm.descent()) / 2),
            label,
        )
        if point.first_project:
            star = "★"
            painter.setFont(self.font())
            sm = QFontMetricsF(self.font())
            painter.setPen(text)
            painter.drawText(QPointF(centre.x() + radius * 0.8, centre.y() - radius * 0.6), star)
            del sm
        painter.setFont(self.font())

    def _paint_callout(
        self,
        painter: QPainter,
        point: MatrixPoint,
        centre: QPointF,
        radius: float,
        plot: QRectF,
        text: QColor,
        background: QColor,
        accent: QColor,
    ) -> None:
        """The point's title in a box beside it (plain text, elided to the plot's width)."""
        m = self._metrics()
        line = m.lineSpacing()
        pad = line * 0.3
        title = f"#{point.rank} {point.title or 'Untitled'}"
        shown = m.elidedText(title, Qt.TextElideMode.ElideRight, plot.width() * 0.9 - 2 * pad)
        width = m.horizontalAdvance(shown) + 2 * pad
        height = line + pad
        x = centre.x() - width / 2
        x = min(max(x, plot.left() + 2), plot.right() - width - 2)
        y = centre.y() - radius - height - line * 0.3
        if y < plot.top() + self._band():  # keep the quadrant names readable: go below
            y = centre.y() + radius + line * 0.3
        box = QRectF(x, y, width, height)
        painter.setPen(QPen(accent, max(2.0, line / 9)))
        painter.setBrush(background)
        painter.drawRoundedRect(box, pad, pad)
        painter.setPen(text)
        painter.drawText(QPointF(x + pad, y + pad / 2 + m.ascent()), shown)

"""The value/cost matrix: a 2×2 of value (up) against cost (right), with draggable points.

Drawn with QPainter rather than pyqtgraph. The matrix is a fixed 5×5 grid with a few dozen
points at most and no pan or zoom, so a plot library's view box, ranges and item tree buy
nothing here, while plain painting is crisp at any scale, takes every size from the font (so
zoom and projecting rescale it like the rest of the page), costs no start-up time and
sidesteps the PySide6 ``setPos`` reference-count trap of graphics items (PITFALLS.md). It
also draws exactly like the PDF's matrix (``workshop/report/charts.py``): the same cells,
divider lines, quadrant shapes and colours, and points sharing a cell laid out on a small
grid inside it so every one stays visible and grabbable.

Painting is proportional to what changed. The grid, axes and quadrant names are drawn once
into a pixmap, and every marker on top of them into a second one (the *scene*); a paint
only copies the part of the scene Qt asks for and draws the highlighted point and its title
over it. When points change (a vote re-ranks a few, a drop moves one), only their old and
new places are drawn again, into the scene and on screen. During a drag the scene holds every
point but the dragged one, and each mouse move repaints the small area the dragged marker,
its ghost and its title cover: the layout of the other points is not computed again.

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

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
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
    QPixmap,
    QPolygonF,
    QRegion,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from workshop.colours import CATEGORY

LOW, HIGH = 1, 5  # the rubric scale of value and cost

# Okabe–Ito fills in quadrant (content) order and one shape per quadrant, as in the PDF, so
# a quadrant is told apart by shape and by its written name, never by colour alone.
QUADRANT_FILLS = CATEGORY
SHAPES = ("circle", "square", "diamond", "triangle")
FILL_STRENGTH = 0.6  # mixed with white: light enough for a dark number on top (≥ 7:1)
NUMBER_COLOUR = "#111111"  # the rank on a marker: dark on the light fill in every theme
PATCH_LIMIT = 40  # more changed points than this: draw the whole scene again


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
            QPolygonF(
                [
                    QPointF(x, y - s),
                    QPointF(x + s, y),
                    QPointF(x, y + s),
                    QPointF(x - s, y),
                    QPointF(x, y - s),
                ]
            )
        )
    elif shape == "triangle":
        s = radius * 1.25
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x, y - s),
                    QPointF(x + s * 0.95, y + s * 0.7),
                    QPointF(x - s * 0.95, y + s * 0.7),
                    QPointF(x, y - s),
                ]
            )
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
        # Caches (see the module's docstring); None means "draw again on the next paint".
        self._layout: dict[str, tuple[QPointF, float]] | None = None
        self._by_id: dict[str, MatrixPoint] = {}
        self._static: QPixmap | None = None
        self._scene: QPixmap | None = None
        self._scene_without = ""  # the point left out of the scene (the one being dragged)
        self._drag_region = QRect()
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
        self._invalidate()

    def set_points(self, points: Sequence[MatrixPoint]) -> None:
        """Show ``points``; only those that changed (or moved) are drawn again."""
        points = tuple(points)
        if points == self._points:
            return
        before = self._overlay_rect() if self._layout is not None else QRect()
        old_layout, old_by_id = self._layout, self._by_id
        self._points = points
        self._by_id = {p.opportunity_id: p for p in points}
        self._layout = None
        ids = self._by_id
        if self._selected not in ids:
            self._selected = ""
        if self._hovered not in ids:
            self._hovered = ""
        if self._dragging not in ids:
            self._dragging = ""
        self.setAccessibleDescription(self.describe())
        if old_layout is None or self._scene is None:
            self._invalidate()
            return
        new_layout = self.layout_points()
        changed = [
            i
            for i in set(old_layout) | set(new_layout)
            if old_layout.get(i) != new_layout.get(i) or old_by_id.get(i) != ids.get(i)
        ]
        if len(changed) > PATCH_LIMIT:
            self._invalidate()
            return
        region = QRegion()
        for layout in (old_layout, new_layout):
            for i in changed:
                if i in layout:
                    region += self._marker_bounds(*layout[i]).toAlignedRect()
        self._patch_scene(region)
        self.update(region.boundingRect() | before | self._overlay_rect())

    def _invalidate(self) -> None:
        """Forget every cache: the size, the font, the palette or the matrix changed."""
        self._layout = None
        self._static = None
        self._scene = None
        self.update()

    @property
    def points(self) -> tuple[MatrixPoint, ...]:
        return self._points

    def point(self, opportunity_id: str) -> MatrixPoint | None:
        return self._by_id.get(opportunity_id)

    @property
    def selected_id(self) -> str:
        return self._selected

    def select(self, opportunity_id: str) -> None:
        """Highlight a point (from the list); emits nothing."""
        if opportunity_id != self._selected:
            before = self._overlay_rect()
            self._selected = opportunity_id
            self.update(before | self._overlay_rect())

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
        """Where each point is drawn and its radius (computed once per change of points or
        size). Points sharing a cell sit on a small grid inside it (rank order), clear of the
        grid lines and of the name strips."""
        if self._layout is None:
            self._layout = self._compute_layout()
        return self._layout

    def _compute_layout(self) -> dict[str, tuple[QPointF, float]]:
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
        before = self._overlay_rect()
        self._dragging = hits[0]
        self._drag_at = event.position()
        self._drag_moved = False
        if self._selected != hits[0]:
            self._selected = hits[0]
            self.selected.emit(hits[0])
        self.update(before | self._overlay_rect())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            if not self._drag_moved:
                # The drag starts: the scene goes on without the dragged point.
                self._drag_moved = True
                self._leave_out_of_scene(self._dragging)
                before = self._overlay_rect(at_rest=True)
            else:
                before = self._drag_region
            self._drag_at = event.position()
            self._drag_region = self._overlay_rect()
            self.update(before | self._drag_region)
            event.accept()
            return
        hits = self.points_at(event.position())
        hovered = hits[0] if hits else ""
        if hovered != self._hovered:
            before = self._overlay_rect()
            self._hovered = hovered
            self.setCursor(Qt.CursorShape.OpenHandCursor if hovered else Qt.CursorShape.ArrowCursor)
            self.update(before | self._overlay_rect())
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
        before = self._overlay_rect()
        opportunity_id, self._dragging = self._dragging, ""
        point = self.point(opportunity_id)
        moved = self._drag_moved
        self._drag_moved = False
        self._leave_out_of_scene("")
        self.update(before | self._overlay_rect())
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
            before = self._overlay_rect()
            self._hovered = ""
            self.update(before | self._overlay_rect())

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

    def resizeEvent(self, event: object) -> None:
        self._invalidate()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.PaletteChange,
            QEvent.Type.StyleChange,
        ):
            self._invalidate()

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

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

    # --- the caches -------------------------------------------------------------------------

    def _pens(self) -> tuple[QColor, QColor, QColor, float]:
        palette = self.palette()
        line = self._metrics().lineSpacing()
        return (
            palette.color(QPalette.ColorRole.WindowText),
            palette.color(QPalette.ColorRole.Base),
            palette.color(QPalette.ColorRole.Highlight),
            max(2.0, line / 9),
        )

    def _pixmap(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        return pixmap

    def _ensure_scene(self) -> QPixmap:
        if self._static is None:
            self._static = self._pixmap()
            painter = QPainter(self._static)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_background(painter)
            painter.end()
            self._scene = None
        if self._scene is None:
            self._scene = QPixmap(self._static)
            self._scene_without = self._dragging if self._drag_moved else ""
            painter = QPainter(self._scene)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_markers(painter, None)
            painter.end()
        return self._scene

    def _patch_scene(self, region: QRegion) -> None:
        """Draw the scene again inside ``region`` only (background, then its markers)."""
        if self._scene is None or self._static is None or region.isEmpty():
            return
        painter = QPainter(self._scene)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRegion(region)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.drawPixmap(0, 0, self._static)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        self._paint_markers(painter, QRectF(region.boundingRect()))
        painter.end()

    def _leave_out_of_scene(self, opportunity_id: str) -> None:
        """Keep every point in the scene but ``opportunity_id`` ("" = every point)."""
        if opportunity_id == self._scene_without:
            return
        region = QRegion()
        placed = self.layout_points()
        for i in (opportunity_id, self._scene_without):
            if i in placed:
                region += self._marker_bounds(*placed[i]).toAlignedRect()
        self._scene_without = opportunity_id
        self._patch_scene(region)
        self.update(region.boundingRect())

    def _marker_bounds(self, centre: QPointF, radius: float) -> QRectF:
        """Everything a marker may cover: its shape, highlight ring and ★."""
        line = self._metrics().lineSpacing()
        half = radius * 1.3 + max(2.0, line / 9) * 4 + line
        return QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half)

    def _overlay_rect(self, *, at_rest: bool = False) -> QRect:
        """What is drawn over the scene: the highlighted points, the dragged marker, its
        ghost and the title callout (an update of this rect repaints all of it)."""
        if not self._points:
            return QRect()
        placed = self.layout_points()
        rect = QRectF()
        for i in {self._selected, self._hovered, self._dragging} - {""}:
            if i in placed:
                rect |= self._marker_bounds(*placed[i])
        if self._dragging and self._drag_moved and not at_rest:
            radius = placed[self._dragging][1] if self._dragging in placed else 0.0
            rect |= self._marker_bounds(self._drag_at, radius)
            cost, value = self.snap(*self.to_scale(self._drag_at))
            rect |= self._marker_bounds(self.to_screen(cost, value), radius)
        label = self._callout()
        if label is not None:
            rect |= label[1].adjusted(-4, -4, 4, 4)
        return rect.toAlignedRect()

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        scene = self._ensure_scene()
        painter = QPainter(self)
        area = event.rect()
        ratio = scene.devicePixelRatio()
        painter.drawPixmap(
            QRectF(area),
            scene,
            QRectF(area.x() * ratio, area.y() * ratio, area.width() * ratio, area.height() * ratio),
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text, background, accent, thick = self._pens()
        placed = self.layout_points()
        for i in {self._selected, self._hovered} - {"", self._dragging if self._drag_moved else ""}:
            point = self.point(i)
            if point is not None and i in placed:
                self._paint_marker(
                    painter,
                    point,
                    SHAPES[point.quadrant % len(SHAPES)],
                    *placed[i],
                    text,
                    accent,
                    thick,
                )
        dragged = self.point(self._dragging)
        if dragged is not None and self._drag_moved and dragged.opportunity_id in placed:
            shape = SHAPES[dragged.quadrant % len(SHAPES)]
            radius = placed[dragged.opportunity_id][1]
            cost, value = self.snap(*self.to_scale(self._drag_at))
            painter.setPen(QPen(text, thick, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(shape_path(shape, self.to_screen(cost, value), radius))
            self._paint_marker(painter, dragged, shape, self._drag_at, radius, text, accent, thick)
        label = self._callout()
        if label is not None:
            self._paint_callout(painter, label[0], label[1], text, background, accent)
        painter.end()

    def _paint_background(self, painter: QPainter) -> None:
        """The grid, axes, dividers and quadrant names: what no edit changes."""
        text, background, _accent, thick = self._pens()
        line = self._metrics().lineSpacing()
        plot = self.plot_rect()
        cell = plot.width() / (HIGH - LOW + 1)
        painter.fillRect(plot, background)
        grid = QColor(text)
        grid.setAlphaF(0.3)
        painter.setPen(QPen(grid, 1))
        for k in range(1, HIGH - LOW + 1):
            painter.drawLine(
                QPointF(plot.left() + k * cell, plot.top()),
                QPointF(plot.left() + k * cell, plot.bottom()),
            )
            painter.drawLine(
                QPointF(plot.left(), plot.top() + k * cell),
                QPointF(plot.right(), plot.top() + k * cell),
            )
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

    def _paint_markers(self, painter: QPainter, within: QRectF | None) -> None:
        """Every marker of the scene (all but the one being dragged), in rank order so the
        highest number is on top; only those touching ``within`` when given."""
        text, _background, accent, thick = self._pens()
        placed = self.layout_points()
        for p in sorted(self._points, key=lambda p: p.rank):
            if p.opportunity_id == self._scene_without:
                continue
            centre, radius = placed[p.opportunity_id]
            if within is not None and not within.intersects(self._marker_bounds(centre, radius)):
                continue
            self._paint_marker(
                painter,
                p,
                SHAPES[p.quadrant % len(SHAPES)],
                centre,
                radius,
                text,
                accent,
                thick,
                plain=True,
            )

    def _callout(self) -> tuple[MatrixPoint, QRectF] | None:
        """The point whose title is shown (dragged, hovered or selected) and its box."""
        label_id = self._dragging or self._hovered or self._selected
        point = self.point(label_id)
        placed = self.layout_points()
        if point is None or label_id not in placed:
            return None
        centre, radius = placed[label_id]
        if label_id == self._dragging and self._drag_moved:
            centre = self._drag_at
        m = self._metrics()
        line = m.lineSpacing()
        pad = line * 0.3
        plot = self.plot_rect()
        shown = self._callout_text(point, plot)
        width = m.horizontalAdvance(shown) + 2 * pad
        height = line + pad
        x = centre.x() - width / 2
        x = min(max(x, plot.left() + 2), plot.right() - width - 2)
        y = centre.y() - radius - height - line * 0.3
        if y < plot.top() + self._band():  # keep the quadrant names readable: go below
            y = centre.y() + radius + line * 0.3
        return point, QRectF(x, y, width, height)

    def _callout_text(self, point: MatrixPoint, plot: QRectF) -> str:
        m = self._metrics()
        pad = m.lineSpacing() * 0.3
        title = f"#{point.rank} {point.title or 'Untitled'}"
        return m.elidedText(title, Qt.TextElideMode.ElideRight, plot.width() * 0.9 - 2 * pad)

    def _paint_axes(self, painter: QPainter, plot: QRectF, text: QColor, line: float) -> None:
        m = self._metrics()
        painter.setFont(self.font())  # a painter on a pixmap starts with the app's font
        painter.setPen(text)
        for score in range(LOW, HIGH + 1):
            label = str(score)
            x = self.to_screen(score, LOW).x()
            painter.drawText(
                QPointF(
                    x - m.horizontalAdvance(label) / 2, plot.bottom() + m.ascent() + line * 0.25
                ),
                label,
            )
            y = self.to_screen(LOW, score).y()
            painter.drawText(
                QPointF(
                    plot.left() - line * 0.4 - m.horizontalAdvance(label),
                    y + (m.ascent() - m.descent()) / 2,
                ),
                label,
            )
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        bm = QFontMetricsF(bold)
        cost_title = "Cost  (1 low → 5 high)"
        painter.drawText(
            QPointF(
                plot.center().x() - bm.horizontalAdvance(cost_title) / 2,
                plot.bottom() + line * 1.3 + bm.ascent(),
            ),
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
            name = bm.elidedText(
                quadrant.name, Qt.TextElideMode.ElideRight, width - radius * 2 - pad
            )
            name_width = bm.horizontalAdvance(name)
            total = radius * 2 + pad + name_width
            x = room_left + pad if left else room_right - pad - total
            painter.setPen(QPen(text, max(1.5, line / 14)))
            painter.setBrush(quadrant_fill(index))
            painter.drawPath(
                shape_path(SHAPES[index % len(SHAPES)], QPointF(x + radius, y_mid), radius)
            )
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
        *,
        plain: bool = False,
    ) -> None:
        highlighted = not plain and point.opportunity_id in (self._selected, self._dragging)
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
            QPointF(
                centre.x() - fm.horizontalAdvance(label) / 2,
                centre.y() + dy + (fm.ascent() - fm.descent()) / 2,
            ),
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
        box: QRectF,
        text: QColor,
        background: QColor,
        accent: QColor,
    ) -> None:
        """The point's title in a box beside it (plain text, elided to the plot's width)."""
        m = self._metrics()
        line = m.lineSpacing()
        pad = line * 0.3
        painter.setPen(QPen(accent, max(2.0, line / 9)))
        painter.setBrush(background)
        painter.drawRoundedRect(box, pad, pad)
        painter.setPen(text)
        painter.drawText(
            QPointF(box.x() + pad, box.y() + pad / 2 + m.ascent()),
            self._callout_text(point, self.plot_rect()),
        )

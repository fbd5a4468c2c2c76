"""Small painted shapes the audience view builds its cards from: an outlined box and the
mark of a timeline (a dot on a line).

Outlines are painted, not style sheets: a style sheet on a container resets the fonts of
the labels inside it, and the audience view sets every font itself (sizes from the screen).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class Outline(QWidget):
    """A plain container with a rounded outline of ``width`` pixels in ``colour``."""

    def __init__(
        self, colour: str, width: int, parent: QWidget | None = None, dashed: bool = False
    ) -> None:
        super().__init__(parent)
        self.colour = QColor(colour)
        self.outline = max(1, width)
        self.dashed = dashed

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.colour, self.outline)
        if self.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = self.outline / 2
        radius = max(2.0, self.outline * 2.5)
        painter.drawRoundedRect(
            QRectF(self.rect()).adjusted(half, half, -half, -half), radius, radius
        )
        painter.end()


class TimelineMark(QWidget):
    """The axis of a vertical timeline beside one quarter: a line through the row and a dot
    level with the quarter's name (hollow and dashed for roles not planned yet)."""

    def __init__(
        self,
        colour: str,
        thickness: int,
        dot_y: float,
        *,
        first: bool,
        last: bool,
        planned: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.colour = QColor(colour)
        self.thickness = max(2, thickness)
        self.dot_y = dot_y
        self.first, self.last, self.planned = first, last, planned
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(self.thickness * 6, self.thickness * 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = self.width() / 2
        pen = QPen(self.colour, self.thickness)
        if not self.planned:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        top = self.dot_y if self.first else 0.0
        bottom = self.dot_y if self.last else float(self.height())
        if bottom > top:
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        radius = self.thickness * 3.0
        painter.setPen(QPen(self.colour, self.thickness))
        painter.setBrush(self.colour if self.planned else Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(x, self.dot_y), radius, radius)
        painter.end()

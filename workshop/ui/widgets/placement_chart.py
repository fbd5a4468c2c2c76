"""Small charts for the maturity check and the placement panel, drawn with QPainter.

Plain painting rather than pyqtgraph: these charts have a handful of bars, must look the
same on a projector and a laptop, and must not cost start-up time. Every bar carries its
number as text beside it (meaning never by colour or length alone), fills have a dark
outline in the text colour, and all sizes come from the font.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop.colours import CATEGORY

MAX_SCORE = 4.0
# Okabe-Ito blue: a fill, never a text colour; outlined in the text colour (VISUAL.md).
BAR_FILL = CATEGORY[0]
BAR_FILL_DARK = "#56B4E9"


def _fill_for(widget: QWidget) -> QColor:
    background = widget.palette().color(QPalette.ColorRole.Window)
    return QColor(BAR_FILL_DARK if background.lightness() < 128 else BAR_FILL)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: not rated yet, drawn as an empty outline with "not rated"
    # The previous workshop's score (a follow-up): a thick tick across the bar, and "was x".
    baseline: float | None = None

    @property
    def value_text(self) -> str:
        text = "not rated" if self.value is None else f"{self.value:.1f}"
        return text if self.baseline is None else f"{text} (was {self.baseline:.1f})"


class DimensionBarChart(QWidget):
    """Horizontal bars, one per readiness dimension, on a 0-4 scale with a threshold line."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._bars: tuple[Bar, ...] = ()
        self._threshold: float | None = None
        # Up to ~110 characters wide: on a wide screen, long bars are harder to compare.
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Scores per dimension")

    def set_bars(self, bars: Sequence[Bar], threshold: float | None = None) -> None:
        self._bars = tuple(bars)
        self._threshold = threshold
        self.setAccessibleDescription(self.describe())
        self.setToolTip(self.describe())
        self.updateGeometry()
        self.update()

    @property
    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    def describe(self) -> str:
        """The chart in words (screen readers, tooltips, tests)."""
        parts = []
        for bar in self._bars:
            text = "not rated" if bar.value is None else f"{bar.value:.1f} of 4"
            if bar.baseline is not None:
                text += f", was {bar.baseline:.1f}"
            parts.append(f"{bar.label}: {text}")
        return "; ".join(parts)

    def _row_height(self) -> float:
        return QFontMetricsF(self.font()).lineSpacing() * 2.0

    def sizeHint(self) -> QSize:
        metrics = QFontMetricsF(self.font())
        rows = max(1, len(self._bars))
        return QSize(
            round(metrics.averageCharWidth() * 110), round(self._row_height() * (rows + 0.8))
        )

    def minimumSizeHint(self) -> QSize:
        metrics = QFontMetricsF(self.font())
        return QSize(round(metrics.averageCharWidth() * 30), self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        text = self.palette().color(QPalette.ColorRole.WindowText)
        line_width = max(2.0, metrics.lineSpacing() / 9)
        row = self._row_height()
        label_width = max((metrics.horizontalAdvance(b.label) for b in self._bars), default=0)
        label_width += metrics.averageCharWidth() * 2
        value_width = max(
            (metrics.horizontalAdvance(b.value_text) for b in self._bars),
            default=metrics.horizontalAdvance("not rated"),
        )
        value_width += metrics.averageCharWidth() * 2
        left = label_width
        right = self.width() - value_width
        plot_width = max(1.0, right - left)
        axis_top = row * len(self._bars)

        # Axis ticks 0..4 along the bottom, light grid lines behind the bars.
        grid = QColor(text)
        grid.setAlphaF(0.35)
        painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
        for tick in range(5):
            x = left + plot_width * tick / MAX_SCORE
            painter.drawLine(QPointF(x, 0), QPointF(x, axis_top))
        painter.setPen(text)
        for tick in range(5):
            x = left + plot_width * tick / MAX_SCORE
            label = str(tick)
            painter.drawText(
                QPointF(x - metrics.horizontalAdvance(label) / 2, axis_top + metrics.ascent() + 2),
                label,
            )

        fill = _fill_for(self)
        for index, bar in enumerate(self._bars):
            top = index * row
            bar_top = top + row * 0.2
            bar_height = row * 0.6
            baseline = top + row / 2 + (metrics.ascent() - metrics.descent()) / 2
            painter.setPen(text)
            painter.drawText(QPointF(0, baseline), bar.label)
            painter.setPen(QPen(text, line_width))
            if bar.value is None:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                dashed = QPen(text, line_width, Qt.PenStyle.DashLine)
                painter.setPen(dashed)
                painter.drawRect(QRectF(left, bar_top, plot_width * 0.02 + 1, bar_height))
            else:
                width = plot_width * max(0.0, min(bar.value, MAX_SCORE)) / MAX_SCORE
                painter.setBrush(fill)
                painter.drawRect(QRectF(left, bar_top, max(width, 1.0), bar_height))
            if bar.baseline is not None:
                x = left + plot_width * max(0.0, min(bar.baseline, MAX_SCORE)) / MAX_SCORE
                painter.setPen(QPen(text, line_width * 2))
                painter.drawLine(QPointF(x, top + row * 0.08), QPointF(x, top + row * 0.92))
            painter.setPen(text)
            painter.drawText(QPointF(right + metrics.averageCharWidth(), baseline), bar.value_text)

        if self._threshold is not None and self._bars:
            x = left + plot_width * self._threshold / MAX_SCORE
            painter.setPen(QPen(text, line_width, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, 0), QPointF(x, axis_top))
        painter.end()


class SpreadHistogram(QWidget):
    """A show of hands as five small columns (how many chose 0, 1, 2, 3, 4)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._counts: tuple[int, ...] = (0, 0, 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_counts(self, counts: Sequence[int]) -> None:
        self._counts = tuple(counts)
        words = ", ".join(f"{n} chose {score}" for score, n in enumerate(self._counts) if n)
        self.setAccessibleName(f"Show of hands: {words or 'no votes'}")
        self.setToolTip(self.accessibleName())
        self.update()

    def sizeHint(self) -> QSize:
        metrics = QFontMetricsF(self.font())
        return QSize(round(metrics.averageCharWidth() * 14), round(metrics.lineSpacing() * 3))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = QFontMetricsF(self.font())
        text = self.palette().color(QPalette.ColorRole.WindowText)
        fill = _fill_for(self)
        slot = self.width() / 5
        label_height = metrics.lineSpacing()
        plot_bottom = self.height() - label_height
        plot_height = plot_bottom - 2
        most = max(max(self._counts, default=0), 1)
        line_width = max(1.5, metrics.lineSpacing() / 12)
        for score, count in enumerate(self._counts):
            x = score * slot + slot * 0.15
            width = slot * 0.7
            height = plot_height * count / most
            painter.setPen(QPen(text, line_width))
            if count:
                painter.setBrush(fill)
                painter.drawRect(QRectF(x, plot_bottom - height, width, height))
            else:
                painter.drawLine(QPointF(x, plot_bottom), QPointF(x + width, plot_bottom))
            label = str(score)
            painter.setPen(text)
            painter.drawText(
                QPointF(
                    score * slot + (slot - metrics.horizontalAdvance(label)) / 2,
                    self.height() - metrics.descent(),
                ),
                label,
            )
        painter.end()

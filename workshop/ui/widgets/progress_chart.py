"""The progress chart: readiness by dimension on a time axis, one line per dimension.

This is the one place pyqtgraph earns its keep: a time axis (workshops months apart sit
months apart) and a read-out that follows the mouse. pyqtgraph costs ~0.4 s to import, so
this module is imported only when the progress page is built, never at start-up.

Themed like the rest: background, axis and text colours come from the current theme; lines
are thick and each has its own marker shape and a legend entry, so no meaning rests on
colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QColor, QFont

from workshop.colours import CATEGORY
from workshop.ui import theme

# Okabe-Ito category colours (VISUAL.md) and one marker shape per line.
LINE_COLOURS = CATEGORY
SYMBOLS = ("o", "s", "d", "t", "p", "h")
LINE_WIDTH = 3
SCORE_RANGE = (0.0, 4.0)


@dataclass(frozen=True)
class ChartLine:
    name: str
    values: tuple[float | None, ...]  # one per workshop, 0-4


def timestamp(day: date) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


class ProgressChart(pg.PlotWidget):
    """Scores 0-4 per workshop date; hovering shows the workshop and every line's value."""

    def __init__(self) -> None:
        super().__init__(axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.setObjectName("progress_chart")
        self.setAccessibleName("Readiness by dimension over the workshops")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMinimumHeight(280)
        self._days: list[date] = []
        self._labels: list[str] = []
        self._lines: list[ChartLine] = []
        self._theme_id: str | None = None
        self.readout = ""
        self.legend = self.addLegend(offset=(10, 10))
        self._hover = pg.TextItem(anchor=(0, 1))
        self._hover.setZValue(10)
        self.addItem(self._hover, ignoreBounds=True)
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.apply_theme()

    def apply_theme(self) -> None:
        t = theme.current_theme()
        self._theme_id = t.id
        self.setBackground(t.background)
        for name in ("left", "bottom"):
            axis = self.getAxis(name)
            axis.setPen(pg.mkPen(t.text, width=1))
            axis.setTextPen(pg.mkPen(t.text))
        self.setLabel("left", "Score (0–4)", color=t.text)
        self.legend.setLabelTextColor(t.text)
        self._hover.setColor(QColor(t.text))
        self._hover.fill = pg.mkBrush(t.surface)

    def changeEvent(self, event: QEvent) -> None:
        # pyqtgraph takes colours as values, not from the palette: a theme change (which
        # arrives as a palette change) draws the chart again in the new theme's colours.
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_theme_id", None) not in (
            None,
            theme.current_theme().id,
        ):
            self.apply_theme()
            if self._lines:
                self.show_series(self._days, self._labels, self._lines)

    def show_series(
        self, days: Sequence[date], labels: Sequence[str], lines: Sequence[ChartLine]
    ) -> None:
        self._days, self._labels, self._lines = list(days), list(labels), list(lines)
        self.clear()
        self.legend.clear()
        self.addItem(self._hover, ignoreBounds=True)
        xs = [timestamp(d) for d in days]
        for index, line in enumerate(lines):
            points = [(x, v) for x, v in zip(xs, line.values, strict=True) if v is not None]
            if not points:
                continue
            colour = LINE_COLOURS[index % len(LINE_COLOURS)]
            self.plot(
                [x for x, _ in points],
                [v for _, v in points],
                pen=pg.mkPen(colour, width=LINE_WIDTH),
                symbol=SYMBOLS[index % len(SYMBOLS)],
                symbolSize=12,
                symbolBrush=colour,
                symbolPen=pg.mkPen(theme.current_theme().text, width=1.5),
                name=line.name,
            )
        self.setYRange(*SCORE_RANGE, padding=0.08)
        if xs:
            margin = max((max(xs) - min(xs)) * 0.08, 86400 * 15)
            self.setXRange(min(xs) - margin, max(xs) + margin, padding=0)
        font = QFont(self.font())
        self.getAxis("bottom").setStyle(tickFont=font)
        self.getAxis("left").setStyle(tickFont=font)

    # --- hover read-out ------------------------------------------------------------------

    def readout_at(self, x: float) -> str:
        """What the read-out says for a time-axis position: the nearest workshop's values."""
        if not self._days:
            return ""
        xs = [timestamp(d) for d in self._days]
        index = min(range(len(xs)), key=lambda i: abs(xs[i] - x))
        lines = [self._labels[index]]
        for line in self._lines:
            value = line.values[index]
            lines.append(f"{line.name}: {'not rated' if value is None else f'{value:.1f}'}")
        return "\n".join(lines)

    def _mouse_moved(self, position: QPointF) -> None:
        if not self.plotItem.sceneBoundingRect().contains(position) or not self._days:
            self._hover.setText("")
            self.readout = ""
            return
        point = self.plotItem.vb.mapSceneToView(position)
        self.readout = self.readout_at(point.x())
        self._hover.setText(self.readout)
        self._hover.setPos(point.x(), min(max(point.y(), 0.6), SCORE_RANGE[1]))

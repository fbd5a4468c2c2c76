"""Big labelled score bars for the audience view, painted with QPainter.

Read from the back of the room: the label and the number are text in the text colour, the
bar is a fill with an outline in the text colour (VISUAL.md: fills are never text colours and
need an outline), and a bar not rated yet says "not rated" instead of looking like a zero.
Sizes come from the fonts the view hands in, which come from the screen height.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop.colours import CATEGORY
from workshop.ui.audience.slides import Bars

# Okabe-Ito blue on light backgrounds, sky blue on dark (fills only, VISUAL.md "Colour").
FILL_LIGHT = CATEGORY[0]
FILL_DARK = "#56B4E9"


class ScoreBars(QWidget):
    def __init__(
        self,
        bars: Bars,
        label_font: QFont,
        note_font: QFont,
        colours: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("audience_bars")
        self.bars = bars
        self.label_font = QFont(label_font)
        self.note_font = QFont(note_font)
        self.colours = colours
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Scores per dimension")
        self.setAccessibleDescription(self.describe())

    def describe(self) -> str:
        return "; ".join(
            f"{b.label}: {'not rated' if b.value is None else format(b.value, '.1f')}"
            for b in self.bars.bars
        )

    # --- geometry, all from the fonts --------------------------------------------------------

    def _line(self) -> float:
        return QFontMetricsF(self.label_font).lineSpacing()

    def _row_height(self) -> float:
        return self._line() * 1.25

    def _gap(self) -> float:
        return self._line() * 0.45

    def _threshold_band(self) -> float:
        return QFontMetricsF(self.note_font).lineSpacing() * 1.3 if self.bars.threshold else 0.0

    def sizeHint(self) -> QSize:
        n = len(self.bars.bars)
        height = n * self._row_height() + max(n - 1, 0) * self._gap() + self._threshold_band()
        return QSize(int(self._line() * 20), int(height + 4))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    # --- painting --------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = QColor(self.colours["text"])
        muted = QColor(self.colours["muted"])
        background = QColor(self.colours["background"])
        fill = QColor(FILL_DARK if background.lightness() < 128 else FILL_LIGHT)
        label_metrics = QFontMetricsF(self.label_font)
        note_metrics = QFontMetricsF(self.note_font)
        line = self._line()
        outline = max(2.0, line / 14)  # thick enough to survive a washed-out projector

        label_width = max(
            (label_metrics.horizontalAdvance(b.label) for b in self.bars.bars), default=0.0
        )
        value_width = max(
            label_metrics.horizontalAdvance("4.0"), note_metrics.horizontalAdvance("not rated")
        )
        gap = line * 0.8
        track_left = label_width + gap
        track_right = self.width() - value_width - gap - outline
        track_width = max(track_right - track_left, line)
        top = self._threshold_band()

        def x_of(value: float) -> float:
            share = min(max(value / self.bars.maximum, 0.0), 1.0)
            return track_left + track_width * share

        for index, bar in enumerate(self.bars.bars):
            y = top + index * (self._row_height() + self._gap())
            row = QRectF(0, y, self.width(), self._row_height())
            painter.setFont(self.label_font)
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y, label_width, row.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                bar.label,
            )
            track = QRectF(track_left, y + row.height() * 0.1, track_width, row.height() * 0.8)
            # The empty track: outlined, so the full scale is visible.
            painter.setPen(QPen(muted, outline / 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(track)
            if bar.value is not None and bar.value > 0:
                filled = QRectF(
                    track.left(), track.top(), x_of(bar.value) - track_left, track.height()
                )
                painter.setPen(QPen(text, outline))
                painter.setBrush(fill)
                painter.drawRect(filled)
            value_rect = QRectF(track.right() + gap, y, value_width, row.height())
            if bar.value is None:
                painter.setFont(self.note_font)
                painter.setPen(text)
                painter.drawText(
                    value_rect,
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    "not rated",
                )
            else:
                bold = QFont(self.label_font)
                bold.setBold(True)
                painter.setFont(bold)
                painter.setPen(text)
                painter.drawText(
                    value_rect,
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    f"{bar.value:.1f}",
                )

        if self.bars.threshold is not None and self.bars.bars:
            x = x_of(self.bars.threshold)
            bottom = top + len(self.bars.bars) * (self._row_height() + self._gap()) - self._gap()
            pen = QPen(text, outline)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(int(x), int(top - line * 0.15), int(x), int(bottom))
            painter.setFont(self.note_font)
            painter.setPen(text)
            label = self.bars.threshold_label
            w = note_metrics.horizontalAdvance(label)
            painter.drawText(
                QRectF(x - w / 2, 0, w + 2, top - line * 0.2),
                Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter,
                label,
            )
        painter.end()

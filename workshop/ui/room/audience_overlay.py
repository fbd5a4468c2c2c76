"""What the room sees during a room vote, laid over the audience view.

While the round runs: the QR code, the address and the join code, big, with "5 of 7 have
voted". After *Reveal*: the distribution per statement (votes per score, median, consensus,
a flag where the room disagrees) or the dots per opportunity. When the round ends the
overlay goes and the page's own slide shows again, now with the tally in it.

Self-contained on purpose: it is a child widget of the audience view, painted here, and
needs nothing from the view but its size and theme; :func:`attach_overlay` is the one call.
Sizes follow the audience view's rules (VISUAL.md): from the screen height, body at least
1/40 of it, text in the text colour, every filled bar outlined, never colour alone.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLineF, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from workshop.colours import CATEGORY
from workshop.room.round import RATING
from workshop.ui import theme as themes
from workshop.ui.room.live import IDLE, REVEALED, LiveRound
from workshop.ui.room.qr import QUIET_ZONE, qr_modules

SMALL = 1 / 40
BODY = 1 / 30
RESULT = 1 / 33  # statement text on the results: six statements fit a screen
TITLE = 1 / 20
CODE = 1 / 9
FILL_LIGHT = CATEGORY[0]
FILL_DARK = "#56B4E9"


def attach_overlay(view: QWidget, live: LiveRound) -> RoomOverlay:
    """Put the room-vote overlay over ``view`` (once; a second call returns the same one)."""
    existing = view.findChild(RoomOverlay)
    if existing is not None and existing.live is live:
        existing.refresh()
        return existing
    return RoomOverlay(view, live)


class RoomOverlay(QWidget):
    def __init__(self, view: QWidget, live: LiveRound) -> None:
        super().__init__(view)
        self.setObjectName("room_overlay")
        self.setAccessibleName("Room vote")
        self.view = view
        self.live = live
        self.url = ""
        self.modules: list[list[bool]] = []
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        view.installEventFilter(self)
        live.state_changed.connect(self.refresh)
        live.progress.connect(self._counter_changed)
        self.refresh()

    # --- following the round and the view ----------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.setGeometry(self.view.rect())
            self.raise_()
        return False

    def refresh(self, *_args: object) -> None:
        if self.live.state == IDLE or self.live.server is None:
            self.hide()
            self.deleteLater()  # the page's own slide shows again (with the tally)
            return
        url = self.live.server.join_url
        if url != self.url:
            self.url = url
            self.modules = qr_modules(url)
        self.setGeometry(self.view.rect())
        self.setAccessibleDescription(self.describe())
        self.show()
        self.raise_()
        self.update()

    def _counter_changed(self, _voted: int, _joined: int) -> None:
        """Only "5 of 7 have voted" changed: repaint, nothing more (no layout, no raise)."""
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        if self.live.state == REVEALED:
            return "The room's vote, revealed"
        code = self.live.round.code if self.live.round else ""
        url = self.live.server.url if self.live.server else ""
        return f"Join at {url}, code {code}. {self.live.progress_text}"

    # --- painting -----------------------------------------------------------------------------

    def _theme(self) -> themes.Theme:
        found = getattr(self.view, "theme", None)
        return found if isinstance(found, themes.Theme) else themes.current_theme()

    def _font(self, fraction: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(10, round(self.height() * fraction)))
        font.setBold(bold)
        return font

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        t = self._theme()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(t.background))
        if self.live.state == REVEALED:
            self._paint_results(painter, t)
        else:
            self._paint_join(painter, t)
        painter.end()

    def _text(
        self,
        painter: QPainter,
        rect: QRectF,
        text: str,
        font: QFont,
        colour: str,
        flags: int = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
    ) -> float:
        """Draw ``text`` wrapped in ``rect``; the height it took (never more than ``rect``)."""
        painter.setFont(font)
        painter.setPen(QColor(colour))
        metrics = QFontMetricsF(font)
        wrapped = flags | int(Qt.TextFlag.TextWordWrap)
        line = metrics.lineSpacing()
        needed = metrics.boundingRect(rect, wrapped, text).height()
        room_lines = max(1, int((rect.height() + 1) // line))
        if round(needed / line) > room_lines:  # too long: the first lines with "…"
            text = _first_lines(text, metrics, rect.width(), room_lines)
            needed = line * room_lines
        painter.drawText(rect, wrapped, text)
        return min(needed, rect.height())

    def _paint_join(self, painter: QPainter, t: themes.Theme) -> None:
        h, w = self.height(), self.width()
        margin = round(h / 14)
        count = len(self.modules) + 2 * QUIET_ZONE
        side_max = min(h - 2 * margin, round(w * 0.46))
        module = max(1, side_max // count)  # whole pixels per module: crisp for the camera
        side = module * count
        left, top = margin, (h - side) // 2
        painter.fillRect(QRectF(left, top, side, side), QColor("#FFFFFF"))
        painter.setPen(QPen(QColor(t.text), max(2, h // 300)))
        painter.drawRect(QRectF(left, top, side, side))
        for r, row in enumerate(self.modules):
            row_top = top + (r + QUIET_ZONE) * module
            for c, cell in enumerate(row):
                if cell:
                    painter.fillRect(
                        left + (c + QUIET_ZONE) * module, row_top, module, module, QColor("#000000")
                    )

        x = left + side + margin
        width = w - x - margin
        y = float(margin * 1.5)
        room = self.live.round
        assert room is not None and self.live.server is not None
        title = "Vote from your phone" if room.number == 1 else f"Round {room.number}: vote again"
        y += (
            self._text(
                painter, QRectF(x, y, width, h * 0.2), title, self._font(TITLE, True), t.text
            )
            + h / 30
        )
        y += self._text(
            painter,
            QRectF(x, y, width, h * 0.1),
            "Scan the code, or open",
            self._font(BODY),
            t.muted,
        )
        y += (
            self._text(
                painter,
                QRectF(x, y, width, h * 0.14),
                self.live.server.url,
                self._font(BODY, True),
                t.text,
            )
            + h / 30
        )
        y += self._text(
            painter, QRectF(x, y, width, h * 0.1), "and enter the code", self._font(BODY), t.muted
        )
        code = f"{room.code[:3]} {room.code[3:]}"
        y += (
            self._text(
                painter, QRectF(x, y, width, h * 0.16), code, self._font(CODE, True), t.accent
            )
            + h / 20
        )
        y += (
            self._text(
                painter,
                QRectF(x, y, width, h * 0.1),
                self.live.progress_text,
                self._font(BODY, True),
                t.text,
            )
            + h / 60
        )
        self._text(
            painter,
            QRectF(x, y, width, h - y - margin),
            "Anonymous: the room sees only totals, after the facilitator reveals them.",
            self._font(SMALL),
            t.muted,
        )

    def _paint_results(self, painter: QPainter, t: themes.Theme) -> None:
        h, w = self.height(), self.width()
        margin_x, margin_y = max(round(w / 20), round(h / 14)), round(h / 24)
        room, tally = self.live.round, self.live.revealed_tally
        assert room is not None and tally is not None
        width = w - 2 * margin_x
        y = float(margin_y)
        title = "The room's vote" + (f" · round {room.number}" if room.number > 1 else "")
        y += self._text(
            painter, QRectF(margin_x, y, width, h * 0.15), title, self._font(TITLE, True), t.text
        )
        verb = "ballot" if tally.ballots == 1 else "ballots"
        y += (
            self._text(
                painter,
                QRectF(margin_x, y, width, h * 0.08),
                f"{tally.ballots} {verb}",
                self._font(SMALL),
                t.muted,
            )
            + h / 40
        )
        body, small = self._font(RESULT), self._font(SMALL, True)
        body_line = QFontMetricsF(body).lineSpacing()
        small_line = QFontMetricsF(small).lineSpacing()
        fill = FILL_DARK if QColor(t.background).lightness() < 128 else FILL_LIGHT
        outline = QPen(QColor(t.text), max(2, h // 400))
        if tally.kind == RATING:
            row_h = body_line * 2 + small_line * 1.25 + h / 60
            items = list(room.items)
        else:
            row_h = body_line * 1.35
            items = sorted(room.items, key=lambda i: -tally.votes.get(i.id, 0))
        fits = max(1, int((h - y - margin_y - small_line) // row_h))
        shown = items[:fits] if len(items) > fits else items
        chart_w = width * 0.3
        text_w = width - chart_w - h / 30
        most = max([*tally.votes.values(), 1]) if tally.kind != RATING else 0
        for item in shown:
            if tally.kind == RATING:
                self._text(
                    painter, QRectF(margin_x, y, text_w, body_line * 2), item.text, body, t.text
                )
                figures = self.live.agreement_of(item.id)
                counts = tally.counts.get(item.id, (0, 0, 0, 0, 0))
                chart = QRectF(margin_x + text_w + h / 30, y, chart_w, row_h - h / 60)
                self._strip(painter, chart, counts, fill, outline, t)
                line = figures.in_words() if figures else "no votes"
                if figures is not None and figures.disagreement:
                    line += " · ⚠ disagrees"
                shift = self.live.shift_of(item.id)
                if shift is not None:
                    line += " · since round 1: " + shift.in_words()
                gap = self.live.gap_of(item.id)
                if gap:
                    line += " · ⚠ " + gap
                colour = t.warning if figures is not None and figures.disagreement else t.muted
                self._text(
                    painter,
                    QRectF(margin_x, y + body_line * 2, text_w, small_line * 1.2),
                    line,
                    small,
                    colour,
                )
            else:
                votes = tally.votes.get(item.id, 0)
                self._text(painter, QRectF(margin_x, y, text_w, body_line), item.text, body, t.text)
                bar = QRectF(
                    margin_x + text_w + h / 30,
                    y + body_line * 0.15,
                    (chart_w - body_line * 2) * votes / most,
                    body_line * 0.7,
                )
                if votes:
                    painter.setPen(outline)
                    painter.setBrush(QColor(fill))
                    painter.drawRect(bar)
                self._text(
                    painter,
                    QRectF(bar.right() + h / 60, y, body_line * 2.5, body_line),
                    str(votes),
                    self._font(BODY, True),
                    t.text,
                )
            y += row_h
        if len(shown) < len(items):
            self._text(
                painter,
                QRectF(margin_x, y, width, small_line * 1.2),
                f"+ {len(items) - len(shown)} more on the facilitator's screen",
                small,
                t.muted,
            )

    def _strip(
        self,
        painter: QPainter,
        rect: QRectF,
        counts: tuple[int, ...],
        fill: str,
        outline: QPen,
        t: themes.Theme,
    ) -> None:
        """Votes per score 0..4 as five columns, each with its score under it and its count."""
        label_font = self._font(SMALL, True)
        label_h = QFontMetricsF(label_font).lineSpacing()
        most = max(max(counts), 1)
        gap = rect.width() / 25
        col_w = (rect.width() - gap * 4) / 5
        bar_area = rect.height() - label_h
        for score, n in enumerate(counts):
            x = rect.left() + score * (col_w + gap)
            height = (bar_area - label_h) * n / most
            bar = QRectF(x, rect.top() + bar_area - height, col_w, height)
            painter.setPen(outline)
            painter.drawLine(QLineF(x, rect.top() + bar_area, x + col_w, rect.top() + bar_area))
            if n:
                painter.setBrush(QColor(fill))
                painter.drawRect(bar)
                self._text(
                    painter,
                    QRectF(x, bar.top() - label_h, col_w, label_h),
                    str(n),
                    label_font,
                    t.text,
                    int(Qt.AlignmentFlag.AlignHCenter),
                )
            self._text(
                painter,
                QRectF(x, rect.top() + bar_area, col_w, label_h),
                str(score),
                label_font,
                t.muted,
                int(Qt.AlignmentFlag.AlignHCenter),
            )


def _first_lines(text: str, metrics: QFontMetricsF, width: float, lines: int) -> str:
    """The words of ``text`` that fit ``lines`` lines of ``width``, the last ending in "…"."""
    words, out, current = text.split(), [], ""
    for word in words:
        trial = f"{current} {word}".strip()
        if metrics.horizontalAdvance(trial) <= width or not current:
            current = trial
            continue
        out.append(current)
        current = word
        if len(out) == lines:
            break
    if len(out) < lines:
        out.append(current)
    out = out[:lines]
    out[-1] = metrics.elidedText(out[-1] + " …", Qt.TextElideMode.ElideRight, math.floor(width))
    return "\n".join(out)


__all__ = ["RoomOverlay", "attach_overlay"]

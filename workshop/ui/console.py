"""The facilitator's console: what the laptop shows while the projector shows the room's slide.

**A mode of the workshop window, not a window of its own, and it does not replace the page.**
This workshop's slides are live: the room's answer is typed into the question page while the
room watches it appear, statements are rated 0–4 on the maturity page, points are dragged on
the matrix. So the facilitator's page stays in the middle of the laptop, editable as always,
and the console takes the right-hand column (where the side panel was) with what a
presenter needs beside it: a miniature of what the room sees right now (or that the screen
is black), the next page with a miniature and its kind, the section timer in large type
(overdue in the warning colours, with a symbol), and the side panel itself — the
guidance and the private notes — moved inside the console, since the laptop is not what the
room sees. One window also keeps one keyboard: every window shortcut (Ctrl+PgDown, Ctrl+Z,
Ctrl+T, F6...) works unchanged.

The console holds the keyboard when presenting starts and after every page change, and
answers the presentation keys from the same table as the one-screen audience view
(``audience/keys.py``): PgDown/PgUp, → / ← and Space move, B blacks the room's screen, Esc
ends presenting; any other key (0–4, ↑/↓ between statements, Backspace) goes to the page's
control, as on one screen. Clicking into the page gives it the keyboard for typing; clicking
the console takes it back.

Wiring: :func:`attach_console` is called once by the window when it makes its presenter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshop.ui import theme
from workshop.ui.audience.slides import build_slide
from workshop.ui.audience.view import AudienceView
from workshop.ui.timer import ICONS

if TYPE_CHECKING:
    from workshop.ui.presenter import Presenter

# The miniature of the next slide is drawn at this size, then scaled down: the audience
# view sizes its type from its height, so it looks like the projector's, only smaller.
PREVIEW_SIZE = QSize(1280, 720)
TICK_MS = 1000
# The most of the console's height each miniature takes: the notes keep the rest.
NOW_SHARE = 0.2
NEXT_SHARE = 0.12


class OneLine(QLabel):
    """A label of one line, cut with "…" when the console is narrow (its full text stays
    its text and its tooltip). One line each keeps the console's height predictable, so it
    never makes the window taller than the laptop's screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(1)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.setToolTip(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect, int(self.alignment()), shown)
        painter.end()


class Miniature(QWidget):
    """A slide drawn as large as its room allows, keeping its proportions. It gives way
    when the laptop's screen is short: the console never makes the window taller."""

    def __init__(self, parent: QWidget | None = None, share: float = 1.0) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self.share = share  # of the laptop screen's height it takes
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def setPixmap(self, pixmap: QPixmap) -> None:  # noqa: N802 (as QLabel's)
        self._pixmap = pixmap
        self.update()

    def pixmap(self) -> QPixmap:
        return self._pixmap

    def clear(self) -> None:
        self._pixmap = QPixmap()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._pixmap.isNull():
            return
        scaled = self._pixmap.scaled(
            self.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        painter = QPainter(self)
        painter.drawPixmap(0, 0, scaled)
        painter.end()


class FacilitatorConsole(QWidget):
    """The right-hand column of the workshop window while presenting on a second screen."""

    def __init__(self, window: Any, presenter: Presenter) -> None:
        super().__init__()
        self.setObjectName("facilitator_console")
        self.setAccessibleName("Facilitator console")
        self.setProperty("private", True)  # the laptop's own view: notes are on it
        self.window_ = window
        self.presenter = presenter
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        self.where_label = self._label("console_where", "section_title")
        self.now_preview = self._preview("console_now_preview", "What the room sees now", NOW_SHARE)
        self.now_label = self._label("console_now", "")
        self.next_label = self._label("console_next", "section_title")
        self.next_preview = self._preview("console_next_preview", "The next page", NEXT_SHARE)
        self.next_summary = self._label("console_next_summary", "muted")
        self.timer_section = self._label("console_timer_section", "muted")
        self.timer_clock = QLabel(self)  # short ("-7:05"): never cut, as wide as it is
        self.timer_clock.setObjectName("console_timer_clock")
        self.timer_clock.setTextFormat(Qt.TextFormat.PlainText)
        theme.set_role(self.timer_clock, "page_title")  # large enough to read at a glance
        self.timer_status = self._label("console_timer_status", "")
        self.keys_label = self._label("console_keys", "secondary")
        self.keys_label.setText("PgDown/Space next · PgUp back · B black · 0–4 rate · Esc end")
        clock_row = QHBoxLayout()
        clock_row.addWidget(self.timer_clock)
        clock_row.addWidget(self.timer_status, 1)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # The lines and miniatures on top keep their height (one line each, miniatures
        # from the screen's height); the side panel below gets the rest.
        self.top = QWidget(self)
        self.top.setObjectName("console_top")
        layout = QVBoxLayout(self.top)
        # The console's lines start where the side panel's (moved in below) do.
        side_layout = window.side_panel.layout()
        if side_layout is not None:
            margins = side_layout.contentsMargins()
            layout.setContentsMargins(margins.left(), margins.top(), margins.right(), 0)
        outer.addWidget(self.top, 0)
        for widget in (
            self.where_label,
            self.now_preview,
            self.now_label,
            self.next_label,
            self.next_preview,
            self.next_summary,
            self.timer_section,
        ):
            layout.addWidget(widget)
        layout.addLayout(clock_row)
        layout.addWidget(self.keys_label)
        # The side panel (guidance, page done, private notes) comes in below, in a scroll
        # area: its wrapped guidance would otherwise claim height the miniatures need.
        self.side_panel_slot = QScrollArea(self)
        self.side_panel_slot.setObjectName("console_side_panel")
        self.side_panel_slot.setWidgetResizable(True)
        self.side_panel_slot.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(self.side_panel_slot, 1)

        # The next slide is laid out off screen at the projector's proportions.
        self._next_view = AudienceView(window.controller, presenter.theme_name)
        self._next_view.setObjectName("console_next_view")
        self._next_view.offscreen_size = PREVIEW_SIZE
        self._next_view.resize(PREVIEW_SIZE)
        # Drawn again only when the page changes: it need not follow every edit.
        window.controller.changed.disconnect(self._next_view.refresh)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._next_view.refresh_focus)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.update_timer)

    # --- building blocks ------------------------------------------------------------------

    def _label(self, name: str, role: str) -> QLabel:
        label = OneLine(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if role:
            theme.set_role(label, role)
        return label

    def _preview(self, name: str, accessible: str, share: float) -> Miniature:
        preview = Miniature(self, share)
        preview.setObjectName(name)
        preview.setAccessibleName(accessible)
        return preview

    # --- following the presentation ---------------------------------------------------------

    def show_for(self, _page_id: str = "") -> None:
        """Bring everything up to date for the page the room now sees."""
        window = self.window_
        stops = window.stops
        position = window.current
        current = stops[position].page if 0 <= position < len(stops) else None
        following = stops[position + 1].page if position + 1 < len(stops) else None
        self.where_label.setText("On the projector")
        self.now_label.setText(current.title if current is not None else "")
        if following is None:
            self.next_label.setText("Next: end of the workshop")
            self.next_summary.setText("")
            self.next_preview.clear()
            self.next_preview.hide()
        else:
            self.next_label.setText(f"Next: {following.title}")
            slide = build_slide(window.controller.framework, window.controller.session, following)
            self.next_summary.setText(slide.caption)
            self._next_view.set_theme(self.presenter.theme_name)
            self._next_view.show_page(following.id)
            self.next_preview.setPixmap(self._next_view.grab())
            self.next_preview.updateGeometry()
            self.next_preview.show()
        self.update_now()
        self.update_timer()

    def update_now(self) -> None:
        """The miniature of what the room sees (black when the screen is blacked out)."""
        view = self.presenter.view
        if view is None:
            return
        self.now_preview.setPixmap(view.grab())
        if view.blacked_out:
            self.where_label.setText(f"{ICONS_BLACK} Screen blacked out — B brings it back")
            theme.set_level(self.where_label, "warning")
        else:
            self.where_label.setText("On the projector")
            theme.set_level(self.where_label, "normal")

    def update_timer(self) -> None:
        timer = self.window_.timer_widget
        section = timer._section(timer.timer.section_id)
        status = timer.status()
        if section is None or status is None:
            self.timer_section.setText("No agenda section for this page")
            self.timer_clock.setText("")
            self.timer_status.setText("")
            theme.set_level(self.timer_status, "normal")
            return
        running = "running" if timer.timer.running else "paused (Ctrl+T starts it)"
        self.timer_section.setText(f"{section.title} · {section.planned_minutes} min · {running}")
        self.timer_clock.setText(status.clock_text)
        self.timer_status.setText(ICONS[status.level] + status.label)
        theme.set_level(self.timer_status, status.level.value)
        theme.set_level(self.timer_clock, status.level.value)

    def fit_to_screen(self) -> None:
        """Size the miniatures from the laptop screen's height: never from the console's
        own size, which they would then push on (the window must fit the screen)."""
        screen = self.window_.screen()
        height = screen.availableGeometry().height() if screen is not None else 768
        self.now_preview.setFixedHeight(round(height * NOW_SHARE))
        self.next_preview.setFixedHeight(round(height * NEXT_SHARE))
        self._settle_top()

    def _settle_top(self) -> None:
        """The top part's height: what its lines and miniatures need, no more."""
        top_layout = self.top.layout()
        if top_layout is not None:
            top_layout.invalidate()
            top_layout.activate()
            self.top.setFixedHeight(top_layout.sizeHint().height())

    # --- keys ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        view = self.presenter.view
        if view is None or not view.handle_key(event):
            super().keyPressEvent(event)
            return
        # A forwarded key may move the page's keyboard (↓ to the next statement): the
        # console keeps it, so the next clicker key still reaches the console.
        if self.isVisible() and QApplication.focusWidget() is not self:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)


ICONS_BLACK = "\u25a0"  # a black square: the shipped font has it


class ConsoleMode:
    """Swaps the console in for the side panel while presenting on a second screen."""

    def __init__(self, window: Any, presenter: Presenter) -> None:
        self.window = window
        self.presenter = presenter
        self.console: FacilitatorConsole | None = None
        presenter.started.connect(self._started)
        presenter.page_shown.connect(self._page_shown)
        presenter.stopped.connect(self._stopped)

    @property
    def active(self) -> bool:
        return self.console is not None

    def _splitter(self) -> QSplitter | None:
        """The splitter the side panel (or the console in its place) lives in."""
        for widget in (self.console, self.window.side_panel):
            parent = widget.parentWidget() if widget is not None else None
            if isinstance(parent, QSplitter):
                return parent
        return None

    def _started(self, second_screen: bool) -> None:
        splitter = self._splitter()
        if not second_screen or splitter is None or self.console is not None:
            return
        console = FacilitatorConsole(self.window, self.presenter)
        index = splitter.indexOf(self.window.side_panel)
        sizes = splitter.sizes()
        splitter.replaceWidget(index, console)
        console.side_panel_slot.setWidget(self.window.side_panel)
        self.window.side_panel.setVisible(not self.window.projecting)
        # The console needs room for its miniatures: a third of the window, taken from the
        # widest other column (the page).
        total = sum(sizes)
        if total > 0 and 0 <= index < len(sizes) and sizes[index] < total // 3:
            widest = max((i for i in range(len(sizes)) if i != index), key=lambda i: sizes[i])
            extra = total // 3 - sizes[index]
            sizes[index] += extra
            sizes[widest] = max(1, sizes[widest] - extra)
            splitter.setSizes(sizes)
        console.setFont(self.window.font())
        theme.restyle(console)
        console.fit_to_screen()
        self.console = console
        console.show()
        if self.presenter.view is not None:
            self.presenter.view.shown_changed.connect(console.update_now)
        console.show_for(self.presenter.page_id)
        console._ticker.start()
        console.setFocus(Qt.FocusReason.OtherFocusReason)

    def _page_shown(self, page_id: str) -> None:
        console = self.console
        if console is None:
            return
        console.show_for(page_id)
        console.setFocus(Qt.FocusReason.OtherFocusReason)

    def _stopped(self) -> None:
        console = self.console
        splitter = self._splitter()
        if console is None or splitter is None:
            return
        self.console = None
        console._ticker.stop()
        side_panel = self.window.side_panel
        index = splitter.indexOf(console)
        console.side_panel_slot.takeWidget()
        splitter.replaceWidget(index, side_panel)
        side_panel.setVisible(not self.window.projecting)
        console._next_view.close()
        console._next_view.deleteLater()
        console.hide()
        console.deleteLater()


def attach_console(window: Any, presenter: Presenter) -> ConsoleMode:
    """Give ``window`` a facilitator console whenever ``presenter`` uses a second screen."""
    mode = ConsoleMode(window, presenter)
    window.console_mode = mode
    return mode

"""The audience view: the current page's public content, large and clean, for the room.

Everything is sized from the height of the screen the view fills (VISUAL.md, "Type"): body
text at least 1/40 of it, titles about 1/22, margins and gaps from the same measure, so the
slide reads the same from the back of a room at 1024×768 and at 1920×1080. Text is never
shrunk to fit: long text shows its first lines with "…", long lists show what fits and say
how many more there are.

What is shown comes only from :func:`workshop.ui.audience.slides.build_slide` (the session
and the framework), never from the facilitator's widgets, so private notes and hints cannot
leak here by a widget being visible by mistake. The view rebuilds on every session change.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop.ui import theme as themes
from workshop.ui.audience import decisions, rows, timeline
from workshop.ui.audience.bars import ScoreBars
from workshop.ui.audience.keys import PresenterKey, classify, forward_key
from workshop.ui.audience.matrix import matrix_chart
from workshop.ui.audience.slides import (
    ACCENT,
    WARNING,
    Bars,
    Beside,
    Block,
    Flag,
    Headline,
    MatrixBlock,
    Notice,
    OptionCards,
    Paragraph,
    Slide,
    Timeline,
    build_slide,
    is_rtl,
)
from workshop.ui.audience.text import end_with_ellipsis, wrap

if TYPE_CHECKING:
    from workshop.ui.controller import SessionController

# Type scale, as a fraction of the screen height (VISUAL.md: body >= 1/40, title ~ 1/22).
SMALL = 1 / 40  # the smallest text on the screen: captions, details, notes
BODY = 1 / 33
VALUE = 1 / 26
TITLE = 1 / 22
HEADLINE = 1 / 13
# Lines longer than this many body-size ems are hard to follow on a wide screen.
MAX_MEASURE_EM = 40
TITLE_LINES = 3


@dataclass(frozen=True)
class Sizes:
    """Pixel sizes for one screen height."""

    height: int
    small: int
    body: int
    value: int
    title: int
    headline: int

    @classmethod
    def for_height(cls, height: int) -> Sizes:
        h = max(height, 240)
        return cls(
            height=h,
            small=math.ceil(h * SMALL),
            body=round(h * BODY),
            value=round(h * VALUE),
            title=round(h * TITLE),
            headline=round(h * HEADLINE),
        )


class AudienceView(QWidget):
    """A top-level window showing one page's :class:`Slide`. Esc asks to stop presenting.

    On a single screen this window has the keyboard, so it is the facilitator's console
    too: clicker keys move page by page, B blacks the screen, and every other key goes on to
    the control that has the keyboard in the workshop window (0–4 on a maturity check). The
    window's own shortcuts (Ctrl+PgDown, Ctrl+Z, Ctrl+T, F6...) are added to this view by the
    presenter, so they work here as they do there.
    """

    #: Esc was pressed (the presenter stops presenting).
    escape_pressed = Signal()
    #: A clicker key asked for the next (+1) or previous (-1) page.
    page_step = Signal(int)
    #: The window was closed (by the presenter, the window manager or Alt+F4).
    closed = Signal()
    #: What the room sees changed (a new slide, or the screen blacked out or back).
    shown_changed = Signal()

    def __init__(
        self,
        controller: SessionController,
        theme_name: str = "projector",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("audience_view")
        self.setWindowTitle("Audience view")
        self.setAccessibleName("Audience view")
        self.controller = controller
        self.page_id = ""
        self.slide: Slide | None = None
        self.theme = themes.theme(theme_name)
        self._content: QWidget | None = None
        self._built_for: tuple[int, int, str] | None = None
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        # The slide is laid out to fit the screen; it must never make the window grow.
        self._outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setAutoFillBackground(True)
        # B blacks the screen (the room looks at the facilitator); B again brings it back.
        self.blackout = QWidget(self)
        self.blackout.setObjectName("blackout")
        self.blackout.setAccessibleName("Screen blacked out")
        self.blackout.setAutoFillBackground(True)
        black = QPalette()
        black.setColor(QPalette.ColorRole.Window, QColor("#000000"))
        self.blackout.setPalette(black)
        self.blackout.hide()
        #: Where other keys go: the focused control of the facilitator's window.
        self.key_target: QWidget | None = parent
        #: The control of the facilitator's page that other keys go to (set by the
        #: presenter); None: the facilitator's window's focused control.
        self.forward_to: Callable[[], QWidget | None] = lambda: None
        #: The item the facilitator is on (the statement being rated), shown highlighted.
        self.focus_item: Callable[[], str] = lambda: ""
        self._focus = ""
        #: Drawn off screen at this size (a miniature on the facilitator's console), never
        #: shown as a window.
        self.offscreen_size: QSize | None = None
        self._apply_palette()
        # Connected with self as receiver: Qt drops the connection when the view is deleted.
        controller.changed.connect(self.refresh)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # The facilitator moving to another statement moves the highlight with them.
            app.focusChanged.connect(self.refresh_focus)

    # --- what to show ------------------------------------------------------------------------

    def show_page(self, page_id: str) -> None:
        self.page_id = page_id
        self.refresh()

    def set_theme(self, theme_name: str) -> None:
        self.theme = themes.theme(theme_name)
        self._apply_palette()
        self._rebuild()

    def refresh(self, _edit: object = None) -> None:
        """Read the page again from the session and redraw (after any edit, undo or redo)."""
        framework = self.controller.framework
        page = next((p for p in framework.pages if p.id == self.page_id), None)
        if page is None:
            self.slide = Slide(
                self.page_id,
                self.controller.session.organisation,
                self.controller.session.title or "Workshop",
            )
        else:
            self._focus = self.focus_item()
            self.slide = build_slide(framework, self.controller.session, page, self._focus)
        self._rebuild()

    def refresh_focus(self, *_args: object) -> None:
        """Rebuild only when the item the facilitator is on has changed."""
        if self.focus_item() != self._focus:
            self.refresh()

    # --- sizes -------------------------------------------------------------------------------

    def reference_height(self) -> int:
        """The height type is scaled from: the view's own height once it fills its screen,
        the screen's height before it is shown (or the size it is drawn at off screen)."""
        if self.offscreen_size is not None:
            return self.offscreen_size.height()
        if self.isVisible() and self.height() > 0:
            return self.height()
        screen = self.screen()
        return screen.geometry().height() if screen is not None else 768

    def sizes(self) -> Sizes:
        return Sizes.for_height(self.reference_height())

    def _font(self, pixels: int, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(pixels)
        font.setBold(bold)
        return font

    def _colour(self, token: str) -> str:
        return str(getattr(self.theme, token))

    def _apply_palette(self) -> None:
        self.setPalette(themes.palette(self.theme))

    # --- Qt events ----------------------------------------------------------------------------

    @property
    def blacked_out(self) -> bool:
        return not self.blackout.isHidden()

    def set_blacked_out(self, black: bool) -> None:
        self.blackout.setGeometry(self.rect())
        changed = black != self.blacked_out
        self.blackout.setVisible(black)
        if black:
            self.blackout.raise_()
        if changed:
            self.shown_changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        """The presenter's keys (``keys.py``, shared with the facilitator's console): Esc,
        black screen, clicker steps; any other key goes to the control with the keyboard in
        the facilitator's window. True when the key was used."""
        command = classify(event)
        if command is PresenterKey.STOP:
            self.escape_pressed.emit()
        elif command is PresenterKey.BLACKOUT:
            self.set_blacked_out(not self.blacked_out)
        elif command in (PresenterKey.NEXT, PresenterKey.BACK):
            self.set_blacked_out(False)
            self.page_step.emit(1 if command is PresenterKey.NEXT else -1)
        elif self.key_target is None:
            return False
        else:
            target = self.key_target
            forward_key(event, self.forward_to() or target.focusWidget() or target)
            self.refresh_focus()
        event.accept()
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.blackout.setGeometry(self.rect())
        self._rebuild()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._rebuild()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()

    # --- building the slide ---------------------------------------------------------------------

    def _rebuild(self) -> None:
        if self.slide is None:
            return
        key = (self.width(), self.reference_height(), repr(self.slide) + self.theme.id)
        if key == self._built_for and self._content is not None:
            return
        self._built_for = key
        if self._content is not None:
            # Out of the window at once (screen readers must not find the old slide); the
            # object itself is deleted when control returns to the event loop.
            self._content.hide()
            self._outer.removeWidget(self._content)
            self._content.setParent(None)
            self._content.deleteLater()
        height = self.reference_height()
        content = SlideBuilder(self).build(self.slide)
        # Heights are counted while building; should rounding still make the slide taller
        # than the screen, build it again with that much less room (drops a row, never
        # shrinks the text).
        for _attempt in range(3):
            overflow = content.sizeHint().height() - height
            if overflow <= 0:
                break
            content.setParent(None)
            content.deleteLater()
            content = SlideBuilder(self, less=overflow + 1).build(self.slide)
        self._content = content
        self._outer.addWidget(content)
        content.show()
        if self.blacked_out:
            self.blackout.raise_()
        self.shown_changed.emit()


class SlideBuilder:
    """Lays one slide out for the view's current size: fonts, line breaks, what fits.

    Heights are counted as the slide is built (line counts come from :func:`wrap`), so a
    list shows as many rows as fit and says how many more there are, instead of running off
    the bottom of the screen or shrinking its text.
    """

    def __init__(self, view: AudienceView, less: int = 0) -> None:
        self.view = view
        self.less = less  # pixels less than the screen to fill (see AudienceView._rebuild)
        self.sizes = view.sizes()
        s = self.sizes
        self.small = view._font(s.small)
        self.small_bold = view._font(s.small, bold=True)
        self.body = view._font(s.body)
        self.body_bold = view._font(s.body, bold=True)
        self.value = view._font(s.value, bold=True)
        self.title = view._font(s.title, bold=True)
        self.headline = view._font(s.headline, bold=True)
        self.body_line = QFontMetricsF(self.body).lineSpacing()
        self.small_line = QFontMetricsF(self.small).lineSpacing()
        self.value_line = QFontMetricsF(self.value).lineSpacing()
        self.unit = round(self.body_line / 2)  # VISUAL.md: spacing in half line heights
        self.border = max(2, round(s.height / 400))
        if view.offscreen_size is not None:
            width = view.offscreen_size.width()
        elif view.isVisible() and view.width() > 0:
            width = view.width()
        else:
            width = round(s.height * 4 / 3)
        margin_x = max(round(width / 20), round(s.height / 14))
        self.width = width
        self.full_measure = width - 2 * margin_x  # a wide slide (a chart beside a list)
        self.measure = min(width - 2 * margin_x, round(s.body * MAX_MEASURE_EM))
        self.margin_x = max(margin_x, (width - self.measure) // 2)
        self.margin_y = round(s.height / 24)

    # --- small widgets ---------------------------------------------------------------------

    def label(
        self,
        text: str,
        font: QFont,
        token: str = "text",
        name: str = "",
        align: Qt.AlignmentFlag | None = None,
    ) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)  # user text is shown as typed, never as HTML
        label.setFont(font)
        label.setWordWrap(False)  # lines are broken by wrap(), so the count is exact
        if name:
            label.setObjectName(name)
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(self.view._colour(token)))
        label.setPalette(palette)
        if align is None:
            # Not absolute: Qt puts a right-to-left paragraph (Hebrew, Arabic) at the right.
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        label.setAlignment(align)
        # Lines are already broken to fit; a minimum width of 1 keeps a label from ever
        # pushing the slide wider than the screen. (Not the Ignored policy: box layouts
        # overlap Ignored widgets with their neighbours.)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        label.setMinimumWidth(1)
        lines = max(1, text.count("\n") + 1)
        # The label's own measure of its text (it adds the last line's descent), never less
        # than the line count we planned with.
        counted = math.ceil(QFontMetricsF(font).lineSpacing() * lines)
        label.setFixedHeight(max(counted, label.sizeHint().height()))
        return label

    def flag_height(self) -> int:
        return math.ceil(self.small_line + 2 * self.border + 2)

    def flag(self, flag: Flag) -> QLabel:
        """A labelled tag: the words (and icon) say it; colour and outline support it."""
        token = {WARNING: "warning", ACCENT: "accent"}.get(flag.kind, "text")
        label = self.label(
            flag.text, self.small_bold, token, "audience_flag", Qt.AlignmentFlag.AlignCenter
        )
        colour = self.view._colour(token)
        pad = max(2, self.unit // 2)
        label.setStyleSheet(
            f"QLabel {{ color: {colour}; border: {self.border}px solid {colour};"
            f" border-radius: {pad}px; padding: 0px {pad * 2}px; }}"
        )
        label.setFont(self.small_bold)  # set again: a style sheet resets the font
        label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        width = QFontMetricsF(self.small_bold).horizontalAdvance(flag.text)
        label.setFixedSize(math.ceil(width + 4 * pad + 2 * self.border) + 2, self.flag_height())
        return label

    @staticmethod
    def column(spacing: int = 0) -> QVBoxLayout:
        layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)
        return layout

    # --- the slide -------------------------------------------------------------------------

    def build(self, slide: Slide) -> QWidget:
        if slide.wide:
            self.measure = self.full_measure
            self.margin_x = (self.width - self.measure) // 2
        content = QWidget()
        content.setObjectName("audience_content")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(self.margin_x, self.margin_y, self.margin_x, self.margin_y)
        layout.setSpacing(0)
        used = 2.0 * self.margin_y

        if slide.caption:
            caption = wrap(slide.caption, self.small_bold, self.measure, 1)
            layout.addWidget(
                self.label(caption.text, self.small_bold, "accent", "audience_caption")
            )
            layout.addSpacing(self.unit)
            used += self.small_line + self.unit
        title = wrap(slide.title, self.title, self.measure, TITLE_LINES)
        layout.addWidget(self.label(title.text, self.title, "text", "audience_title"))
        layout.addSpacing(round(2.5 * self.unit))
        used += QFontMetricsF(self.title).lineSpacing() * len(title) + round(2.5 * self.unit)

        available = self.sizes.height - used - self.less
        # The decisions of a page are laid out together: they share the room between them.
        groups: list[Block | list[OptionCards]] = []
        for block in slide.blocks:
            if isinstance(block, OptionCards):
                if groups and isinstance(groups[-1], list):
                    groups[-1].append(block)
                else:
                    groups.append([block])
            else:
                groups.append(block)
        for index, group in enumerate(groups):
            if index:
                layout.addSpacing(2 * self.unit)
                available -= 2 * self.unit
            if isinstance(group, list):
                widget, height = decisions.decisions(self, group, available)
            else:
                widget, height = self.block(group, available)
            layout.addWidget(widget)
            available -= height
        layout.addStretch(1)
        return content

    def beside(self, block: Beside, available: float) -> tuple[QWidget, float]:
        """Two blocks side by side, each laid out in its share of the width."""
        box = QWidget()
        box.setObjectName("audience_beside")
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        gap = 4 * self.unit
        row.setSpacing(gap)
        whole = self.measure
        left_width = round((whole - gap) * block.share)
        heights = []
        for part, width in ((block.left, left_width), (block.right, whole - gap - left_width)):
            self.measure = width
            widget, height = self.block(part, available)
            self.measure = whole
            if widget.objectName() != "audience_matrix":  # the chart is square already
                widget.setFixedWidth(width)
            row.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
            heights.append(height)
        row.addStretch(1)
        return box, max(heights)

    def block(self, block: Block, available: float) -> tuple[QWidget, float]:
        if isinstance(block, Beside):
            return self.beside(block, available)
        if isinstance(block, MatrixBlock):
            side = max(1, math.floor(min(self.measure, available)))
            return matrix_chart(block, self.small, side), side
        if isinstance(block, Timeline):
            return timeline.timeline(self, block, available)
        if isinstance(block, OptionCards):
            return decisions.decisions(self, [block], available)
        if isinstance(block, Paragraph):
            return self.paragraph(block, available)
        if isinstance(block, Headline):
            return self.headline_block(block)
        if isinstance(block, Notice):
            token = {WARNING: "warning", ACCENT: "accent"}.get(block.kind, "text")
            line = wrap(block.text, self.body_bold, self.measure, 1)
            return self.label(line.text, self.body_bold, token, "audience_notice"), self.body_line
        if isinstance(block, Bars):
            bars = ScoreBars(
                block,
                self.body,
                self.small,
                {t: self.view._colour(t) for t in ("text", "muted", "background")},
            )
            return bars, bars.sizeHint().height()
        return rows.row_list(self, block, available)

    def paragraph(self, block: Paragraph, available: float) -> tuple[QWidget, float]:
        """The room's answer: one point per line, as typed; the first lines when long."""
        points = [p.strip() for p in block.text.splitlines() if p.strip()]
        if not points:
            return self.label(block.empty, self.body, "muted", "audience_empty"), self.body_line
        gap = round(self.unit * 0.8) if len(points) > 1 else 0
        budget = max(1, min(block.max_lines, int(available // (self.body_line + gap / 2))))
        bullet_width = round(QFontMetricsF(self.body).horizontalAdvance("•") + 1.5 * self.unit)
        width = self.measure - (bullet_width if len(points) > 1 else 0)

        shown: list[tuple[str, list[str]]] = []
        left = budget
        for index, point in enumerate(points):
            lines = wrap(point, self.body, width, left)
            shown.append((point, list(lines.lines)))
            left -= len(lines)
            if lines.truncated:
                break
            if left <= 0 and index < len(points) - 1:
                # More points follow than the screen holds: say so on the last line shown.
                last = shown[-1][1]
                last[-1] = end_with_ellipsis(last[-1], QFontMetricsF(self.body), width)
                break

        box = QWidget()
        box.setObjectName("audience_answer")
        column = self.column(gap)
        box.setLayout(column)
        height = 0.0
        for point, point_lines in shown:
            text = "\n".join(point_lines)
            label = self.label(text, self.body, "text", "audience_paragraph")
            height += self.body_line * len(point_lines) + gap
            if len(points) == 1:
                column.addWidget(label)
                continue
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(0)
            bullet = self.label(
                "•",
                self.body,
                "accent",
                "audience_bullet",
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            )
            bullet.setFixedWidth(bullet_width)
            if is_rtl(point):
                row.addWidget(label, 1)
                row.addWidget(bullet, 0, Qt.AlignmentFlag.AlignTop)
            else:
                row.addWidget(bullet, 0, Qt.AlignmentFlag.AlignTop)
                row.addWidget(label, 1)
            column.addLayout(row)
        return box, height - gap

    def headline_block(self, block: Headline) -> tuple[QWidget, float]:
        box = QWidget()
        box.setObjectName("audience_headline")
        layout = self.column()
        box.setLayout(layout)
        layout.addWidget(
            self.label(block.label, self.small_bold, "muted", "audience_headline_label")
        )
        font = self.headline if block.large else self.value
        value = wrap(block.value, font, self.measure, 1 if block.large else 2)
        layout.addWidget(self.label(value.text, font, "accent", "audience_headline_value"))
        height = self.small_line + QFontMetricsF(font).lineSpacing() * len(value)
        if block.note:
            note = wrap(block.note, self.body, self.measure, 2)
            layout.addWidget(self.label(note.text, self.body, "text", "audience_headline_note"))
            height += self.body_line * len(note)
        return box, height

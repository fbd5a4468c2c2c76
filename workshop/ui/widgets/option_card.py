"""Option cards for a decision: one card per option, laid out in a grid that wraps.

A card shows the option's name and its one-line trade-off; its pros and cons open on demand
("Show pros and cons"). The chosen card is outlined in the accent colour, tinted, and says
"✓ Chosen" in words — never colour alone (VISUAL.md, "Components").

Cards know nothing of the session: a click, or Enter / Space while the card has focus, emits
:attr:`OptionCard.chosen`; the chosen card's "Undecide" button emits
:attr:`OptionCard.undecide_requested`. The page turns those into edits and then tells every
card whether it is the chosen one (:meth:`OptionCard.set_chosen`).

Everything is painted and sized from the font and the palette (no style sheets, no pixel
sizes), so zoom, projecting and theme changes apply without rebuilding the cards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QEnterEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop.ui.theme import half_line, set_role
from workshop.ui.widgets.wrap_row import WrapRow

if TYPE_CHECKING:
    from workshop.framework.model import DecisionOption

CHOSEN_TEXT = "✓ Chosen"
SHOW_DETAILS = "▸ Show pros and cons"
HIDE_DETAILS = "▾ Hide pros and cons"
# A card is never narrower than about this many average characters: below that the grid
# puts fewer cards on a row (at 1024 × 768 with projecting type, often one or two).
CARD_MIN_CHARS = 30


def blend(colour: QColor, background: QColor, strength: float) -> QColor:
    """``colour`` mixed into ``background`` (1 = the colour itself), as an opaque colour."""
    return QColor(
        round(colour.red() * strength + background.red() * (1 - strength)),
        round(colour.green() * strength + background.green() * (1 - strength)),
        round(colour.blue() * strength + background.blue() * (1 - strength)),
    )


class WrapLabel(QLabel):
    """Plain text that wraps, with a minimum of one line as wide as its longest word.

    A wrapped QLabel asks for the height of a narrow guess at its width, which makes grid
    rows far taller than their cards; this one lets the layout give it the height its real
    width needs. Plain text always: an option or a rationale is never read as markup.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(w) for w in self.text().split()), default=0)
        margins = self.contentsMargins()
        return QSize(
            min(longest, metrics.averageCharWidth() * CARD_MIN_CHARS)
            + margins.left()
            + margins.right()
            + 1,
            metrics.lineSpacing() + margins.top() + margins.bottom(),
        )


class LinkButton(QPushButton):
    """A flat button whose words are in the accent colour (7:1 on every theme): it reads as
    something to click without the weight of a framed button beside every card."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._recolour()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()

    def _recolour(self) -> None:
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        if palette.color(QPalette.ColorRole.ButtonText) != accent:
            palette.setColor(QPalette.ColorRole.ButtonText, accent)
            self.setPalette(palette)


class ChosenMark(QLabel):
    """The "✓ Chosen" mark: the accent colour as a fill behind text in the colour made for it, so
    the mark reads at 7:1 on every theme and from the back of the room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(CHOSEN_TEXT, parent)
        self.setObjectName("chosen_mark")
        self.setAccessibleName("Chosen option")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._restyle()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._restyle()

    def _restyle(self) -> None:
        font = self.font()
        if not font.bold():
            font.setBold(True)
            self.setFont(font)
        unit = max(1, round(half_line(self) / 2))
        self.setContentsMargins(unit * 2, unit // 2, unit * 2, unit // 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        radius = half_line(self) / 2
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        painter.setFont(self.font())
        painter.drawText(self.contentsRect(), Qt.AlignmentFlag.AlignCenter, self.text())
        painter.end()


class OptionCard(QFrame):
    """One option of a decision topic. Focusable: Enter or Space chooses it."""

    chosen = Signal(str)  # the option id
    undecide_requested = Signal()
    expanded_changed = Signal(bool)
    step_requested = Signal(int)  # arrow keys: -1 for the previous card, +1 for the next

    def __init__(self, option: DecisionOption, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.option = option
        self._chosen = False
        self._hover = False
        self.setObjectName(f"card_{option.id}")
        self.setAccessibleName(f"Option: {option.name}")
        self.setAccessibleDescription(option.tradeoff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)

        layout = QVBoxLayout(self)
        self._layout = layout

        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        self.name_label = WrapLabel(option.name)
        self.name_label.setObjectName("option_name")
        self.name_label.setAccessibleName(option.name)
        head.addWidget(self.name_label, 1)
        self.chosen_mark = ChosenMark()
        self.chosen_mark.setVisible(False)
        head.addWidget(self.chosen_mark, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)

        self.tradeoff_label = WrapLabel(option.tradeoff)
        self.tradeoff_label.setObjectName("option_tradeoff")
        self.tradeoff_label.setAccessibleName(f"Trade-off: {option.tradeoff}")
        layout.addWidget(self.tradeoff_label)
        # Where the option and its trade-offs come from (the same words as the report).
        self.provenance_label = WrapLabel(
            f"Option: {option.provenance.label} · trade-offs: {option.tradeoffs_provenance.label}"
        )
        self.provenance_label.setObjectName("option_provenance")
        set_role(self.provenance_label, "muted")
        layout.addWidget(self.provenance_label)

        # Pros and cons: hidden until asked for, so a row of cards stays short.
        self.details = QWidget()
        self.details.setObjectName("option_details")
        details_layout = QVBoxLayout(self.details)
        self._details_layout = details_layout
        details_layout.setContentsMargins(0, 0, 0, 0)
        self.detail_labels: list[QLabel] = []
        for heading, mark, points in (("Pros", "+", option.pros), ("Cons", "–", option.cons)):
            if not points:
                continue
            title = WrapLabel(heading)
            title.setObjectName(f"option_{heading.lower()}_title")
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            details_layout.addWidget(title)
            self.detail_labels.append(title)
            for point in points:
                # The mark hangs to the left, so a wrapped point lines up under its text.
                row = QHBoxLayout()
                row.setContentsMargins(0, 0, 0, 0)
                bullet = QLabel(mark)
                bullet.setTextFormat(Qt.TextFormat.PlainText)
                bullet.setObjectName("option_point_mark")
                bullet.setAlignment(Qt.AlignmentFlag.AlignTop)
                line = WrapLabel(point)
                line.setObjectName(f"option_{heading.lower()[:-1]}")
                line.setAccessibleName(f"{heading[:-1]}: {point}")
                row.addWidget(bullet, 0, Qt.AlignmentFlag.AlignTop)
                row.addWidget(line, 1)
                details_layout.addLayout(row)
                self.detail_labels.append(line)
        self.details.setVisible(False)
        layout.addWidget(self.details)
        layout.addStretch(1)

        self.toggle_button = LinkButton(SHOW_DETAILS)
        self.toggle_button.setObjectName("pros_cons_button")
        self.toggle_button.setAccessibleName(f"Show pros and cons of {option.name}")
        self.toggle_button.setEnabled(bool(option.pros or option.cons))
        self.toggle_button.clicked.connect(lambda: self.set_expanded(not self.is_expanded))
        self.undecide_button = QPushButton("Undecide")
        self.undecide_button.setObjectName("undecide_button")
        self.undecide_button.setAccessibleName(f"Undecide: clear the choice of {option.name}")
        self.undecide_button.setToolTip("Clear the choice: the decision is open again")
        self.undecide_button.setCursor(Qt.CursorShape.ArrowCursor)
        self.undecide_button.setVisible(False)
        self.undecide_button.clicked.connect(self.undecide_requested)
        # "Undecide" goes under "Show pros and cons" when a narrow card has no room for both.
        self.buttons_row = WrapRow(self.toggle_button, [self.undecide_button], lead_chars=None)
        layout.addWidget(self.buttons_row)
        self._apply_spacing()
        self._update_tooltip()

    # --- state -----------------------------------------------------------------------------

    @property
    def is_chosen(self) -> bool:
        return self._chosen

    @property
    def is_expanded(self) -> bool:
        return self.details.isVisibleTo(self)

    def set_chosen(self, chosen: bool) -> None:
        if chosen == self._chosen:
            return
        self._chosen = chosen
        self.chosen_mark.setVisible(chosen)
        self.undecide_button.setVisible(chosen)
        self.setAccessibleName(f"{'Chosen option' if chosen else 'Option'}: {self.option.name}")
        self._update_tooltip()
        self.update()

    def set_expanded(self, expanded: bool) -> None:
        if expanded == self.is_expanded:
            return
        self.details.setVisible(expanded)
        self.toggle_button.setText(HIDE_DETAILS if expanded else SHOW_DETAILS)
        self.toggle_button.setAccessibleName(
            f"{'Hide' if expanded else 'Show'} pros and cons of {self.option.name}"
        )
        self.expanded_changed.emit(expanded)

    def _update_tooltip(self) -> None:
        self.setToolTip(
            "Chosen. “Undecide” clears the choice."
            if self._chosen
            else "Click, or press Enter or Space, to choose this option"
        )

    # --- input -----------------------------------------------------------------------------

    def choose(self) -> None:
        if not self._chosen:
            self.chosen.emit(self.option.id)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.choose()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.choose()
            event.accept()
            return
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1}
        if event.key() in steps and not event.modifiers():
            self.step_requested.emit(steps[Qt.Key(event.key())])
            event.accept()
            return
        super().keyPressEvent(event)

    def enterEvent(self, event: QEnterEvent) -> None:
        self._hover = True
        self.update()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = False
        self.update()
        super().leaveEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # --- look ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_spacing()

    def _apply_spacing(self) -> None:
        unit = max(2, round(half_line(self)))
        border = self._border_width()
        self._layout.setContentsMargins(
            # The bottom leaves room for the focus ring drawn inside the outline.
            unit * 2 + border,
            unit + border,
            unit * 2 + border,
            unit // 2 + border + 3,
        )
        self._layout.setSpacing(max(1, unit // 2))
        self._details_layout.setSpacing(max(1, unit // 3))

    def _border_width(self) -> int:
        return max(3, round(half_line(self) / 3))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.min_card_width()), hint.height())

    def min_card_width(self) -> int:
        """About CARD_MIN_CHARS characters, and never narrower than the longest word of the
        option's name beside its mark (large projecting type: "predictions" is not cut)."""
        metrics = self.name_label.fontMetrics()
        longest = max((metrics.horizontalAdvance(w) for w in self.option.name.split()), default=0)
        margins = self._layout.contentsMargins()
        beside = self.chosen_mark.sizeHint().width() + self._layout.spacing()
        word = longest + margins.left() + margins.right() + beside + 2
        return max(self.fontMetrics().averageCharWidth() * CARD_MIN_CHARS, word)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        base = palette.color(QPalette.ColorRole.Base)
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = half_line(self) / 1.5
        if self._chosen:
            # The chosen card: a thick accent outline and a faint accent tint.
            width = float(self._border_width())
            pen_colour, fill = accent, blend(accent, base, 0.08)
        elif self._hover:
            width, pen_colour, fill = 2.0, blend(text, base, 0.85), blend(text, base, 0.03)
        else:
            # Dark enough for the 3:1 a shape's outline needs on every theme.
            width, pen_colour, fill = 1.0, blend(text, base, 0.6), base
        inset = width / 2
        rect = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        painter.setPen(QPen(pen_colour, width))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, radius, radius)
        if self.hasFocus():
            # The focus ring is dashed and inside the outline, so "focused" and "chosen"
            # never look alike.
            ring = QPen(accent if not self._chosen else text, 2.0, Qt.PenStyle.DashLine)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            gap = width + 3
            painter.drawRoundedRect(
                QRectF(self.rect()).adjusted(gap, gap, -gap, -gap), radius / 2, radius / 2
            )
        painter.end()


class CardGrid(QWidget):
    """Option cards in as many equal columns as fit; fewer when the page is narrow.

    The number of columns follows the width and the font (a card needs about
    ``CARD_MIN_CHARS`` characters), so zoom and projecting type re-flow the cards.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card_grid")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.cards: list[OptionCard] = []
        self._columns = 0

    def set_cards(self, cards: list[OptionCard]) -> None:
        self.cards = list(cards)
        for card in self.cards:
            card.step_requested.connect(lambda step, card=card: self._step(card, step))
        self._columns = 0
        self._relayout(self.width() or self.sizeHint().width())

    def _step(self, card: OptionCard, step: int) -> None:
        """Arrow keys move between the visible cards of the grid (not past its ends)."""
        shown = [c for c in self.cards if c.isVisibleTo(self)]
        if card in shown:
            target = shown.index(card) + step
            if 0 <= target < len(shown):
                shown[target].setFocus(Qt.FocusReason.TabFocusReason)

    @property
    def columns(self) -> int:
        return self._columns

    def columns_for(self, width: int) -> int:
        if not self.cards:
            return 1
        spacing = self.grid.horizontalSpacing()
        card = self.cards[0].min_card_width()
        return max(1, min(len(self.cards), (width + spacing) // max(1, card + spacing)))

    def _relayout(self, width: int) -> None:
        unit = max(2, round(half_line(self)))
        self.grid.setHorizontalSpacing(unit)
        self.grid.setVerticalSpacing(unit)
        columns = self.columns_for(width)
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for index, card in enumerate(self.cards):
            self.grid.addWidget(card, index // columns, index % columns)
        for column in range(columns):
            self.grid.setColumnStretch(column, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout(event.size().width())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._columns = 0
            self._relayout(self.width())

    def minimumSizeHint(self) -> QSize:
        # One column's worth: the grid wraps rather than forcing the page wider.
        if not self.cards:
            return super().minimumSizeHint()
        card = self.cards[0].minimumSizeHint()
        return QSize(card.width(), super().minimumSizeHint().height())

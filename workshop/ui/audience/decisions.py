"""Decisions as option cards on the audience view: each decision's options side by side,
the chosen one outlined in the accent colour with a check mark and named in words
("✓ Chosen: Python" or "Not chosen yet"), so the choice never rests on an outline alone.

Laid out by the view's slide builder (fonts, spacing and measure from the screen). Heights
are counted while building: a page with six decisions shows what fits and says how many
more there are, never running off the screen or shrinking its text (VISUAL.md, "Type").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from workshop.ui.audience.shapes import Outline
from workshop.ui.audience.slides import CHECK, OptionCards
from workshop.ui.audience.text import wrap

if TYPE_CHECKING:
    from workshop.ui.audience.view import SlideBuilder


# Up to this many decisions on a page, each gets room to breathe: trade-offs in body type,
# the question being decided under its name.
ROOMY = 2


def _summary_font(b: SlideBuilder, roomy: bool) -> tuple[QFont, float]:
    return (b.body, b.body_line) if roomy else (b.small, b.small_line)


def _card_height(
    b: SlideBuilder, summary_lines: int, name_lines: int = 1, roomy: bool = False
) -> float:
    line = _summary_font(b, roomy)[1]
    return 2 * b.unit + 2 * b.border * 2 + b.body_line * name_lines + line * summary_lines


def _card_geometry(b: SlideBuilder, topics: Sequence[OptionCards]) -> tuple[int, float, int]:
    """(width of the decision's name column, card width, gap between cards)."""
    columns = max((len(t.cards) for t in topics), default=1)
    card_gap = 2 * b.unit
    if len(topics) <= ROOMY:  # the decision's name and question above its cards
        return b.measure, (b.measure - card_gap * (columns - 1)) / max(columns, 1), card_gap
    topic_width = round(b.measure * 0.22)
    cards_width = b.measure - topic_width - card_gap
    return topic_width, (cards_width - card_gap * (columns - 1)) / max(columns, 1), card_gap


def _name_lines(b: SlideBuilder, topic: OptionCards, card_width: float) -> int:
    """1, or 2 when an option's name needs a second line at this card width."""
    room = card_width - 2 * (b.unit + b.border * 2)
    return max(
        (len(wrap(f"{CHECK}\u00a0{c.name}", b.body_bold, room, 2)) for c in topic.cards), default=1
    )


def _about_height(b: SlideBuilder, topic: OptionCards, topic_width: int) -> float:
    """The decision's own column: its name (up to two lines) and the status line."""
    title = wrap(topic.topic, b.body_bold, topic_width, 2)
    return b.unit + b.body_line * len(title) + b.small_line


def _heading_height(b: SlideBuilder, topic: OptionCards) -> float:
    """Above the cards (one or two decisions): name, status and owner, the question."""
    height = b.body_line + b.small_line
    if topic.question:
        height += b.small_line * len(wrap(topic.question, b.small, b.measure, 2))
    return height + b.unit


def decisions(
    b: SlideBuilder, topics: Sequence[OptionCards], available: float
) -> tuple[QWidget, float]:
    """Every decision of the page, one per line: its name and what was chosen in words at
    the left ("✓ Chosen: Python" or "Not chosen yet"), its options as cards to the right,
    the chosen card outlined in the accent colour with a check mark. Option names take up
    to two lines, trade-offs as many as the screen allows (up to three); decisions that do
    not fit are counted."""
    roomy = len(topics) <= ROOMY
    gap = 3 * b.unit if roomy else b.unit
    more_height = b.small_line + b.unit
    topic_width, card_width, card_gap = _card_geometry(b, topics)
    names = [_name_lines(b, t, card_width) for t in topics]
    abouts = [_heading_height(b, t) if roomy else _about_height(b, t, topic_width) for t in topics]

    summary_font = _summary_font(b, roomy)[0]
    room = card_width - 2 * (b.unit + b.border * 2)

    def summary_lines(index: int, most: int) -> int:
        """The lines this decision's trade-offs need, at most ``most``."""
        return min(
            most,
            max(
                (len(wrap(c.summary, summary_font, room, most)) for c in topics[index].cards),
                default=1,
            ),
        )

    def row_height(index: int, most: int) -> float:
        card = _card_height(b, summary_lines(index, most), names[index], roomy)
        return card + abouts[index] if roomy else max(card, abouts[index])

    # The most summary lines that still show every decision; at least one line each.
    lines = 1
    for candidate in (4, 3, 2, 1) if roomy else (3, 2, 1):
        total = sum(row_height(i, candidate) for i in range(len(topics)))
        if total + gap * (len(topics) - 1) <= available:
            lines = candidate
            break
    shown: list[OptionCards] = []
    used = 0.0
    for index, topic in enumerate(topics):
        height = row_height(index, lines) + (gap if shown else 0)
        rest = len(topics) - index - 1
        if shown and used + height + (more_height if rest else 0) > available:
            break
        shown.append(topic)
        used += height

    box = QWidget()
    box.setObjectName("audience_decisions")
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(gap)
    for index, topic in enumerate(shown):
        column.addWidget(
            _topic(
                b,
                topic,
                topic_width,
                card_width,
                card_gap,
                summary_lines(index, lines),
                names[index],
                roomy,
            )
        )
    hidden = len(topics) - len(shown)
    if hidden:
        column.addWidget(
            b.label(
                f"+ {hidden} more decision{'s' if hidden > 1 else ''}",
                b.small_bold,
                "muted",
                "audience_more",
            )
        )
        used += more_height
    return box, used


def _topic(
    b: SlideBuilder,
    topic: OptionCards,
    topic_width: int,
    card_width: float,
    card_gap: int,
    lines: int,
    name_lines: int,
    roomy: bool,
) -> QWidget:
    widget = QWidget()
    widget.setObjectName("audience_decision")
    widget.setAccessibleName(f"{topic.topic}: {topic.status}")
    if roomy:
        return _roomy_topic(b, widget, topic, card_width, card_gap, lines, name_lines)
    row = QHBoxLayout(widget)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(card_gap)

    height = max(_card_height(b, lines, name_lines), _about_height(b, topic, topic_width))
    about = QVBoxLayout()
    about.setContentsMargins(0, b.unit, 0, 0)
    about.setSpacing(0)
    title = wrap(topic.topic, b.body_bold, topic_width, 2)
    about.addWidget(b.label(title.text, b.body_bold, "text", "audience_decision_topic"))
    status = wrap(topic.status, b.small_bold, topic_width, 1)
    if status.truncated and topic.chosen:
        # "✓ Chosen: The company's …" says less than "✓ Chosen": the card names it in full.
        status = wrap(topic.status.split(":", 1)[0], b.small_bold, topic_width, 1)
    about.addWidget(
        b.label(
            status.text,
            b.small_bold,
            "accent" if topic.chosen else "muted",
            "audience_decision_status",
        )
    )
    spare = height - b.unit - b.body_line * len(title) - b.small_line
    if topic.detail and spare >= b.small_line:
        detail = wrap(topic.detail, b.small, topic_width, 1)
        about.addWidget(b.label(detail.text, b.small, "muted", "audience_decision_detail"))
    about.addStretch(1)
    holder = QWidget()
    holder.setLayout(about)
    holder.setFixedSize(topic_width, math.ceil(height))
    row.addWidget(holder)
    for card in topic.cards:
        row.addWidget(
            _card(b, card.name, card.summary, card.chosen, card_width, lines, name_lines),
            0,
            Qt.AlignmentFlag.AlignTop,
        )
    row.addStretch(1)
    return widget


def _roomy_topic(
    b: SlideBuilder,
    widget: QWidget,
    topic: OptionCards,
    card_width: float,
    card_gap: int,
    lines: int,
    name_lines: int,
) -> QWidget:
    """One of one or two decisions: its name, the choice in words and the question on top,
    the cards as wide as the screen allows below, trade-offs in body type."""
    column = QVBoxLayout(widget)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    title = wrap(topic.topic, b.body_bold, b.measure, 1)
    column.addWidget(b.label(title.text, b.body_bold, "text", "audience_decision_topic"))
    status_line = QHBoxLayout()
    status_line.setSpacing(2 * b.unit)
    status_font = QFontMetricsF(b.small_bold)
    status_width = min(status_font.horizontalAdvance(topic.status) + 2, b.measure * 0.6)
    status = b.label(
        wrap(topic.status, b.small_bold, status_width, 1).text,
        b.small_bold,
        "accent" if topic.chosen else "muted",
        "audience_decision_status",
    )
    status.setFixedWidth(math.ceil(status_width))
    status_line.addWidget(status)
    if topic.detail:
        room = b.measure - status_width - 2 * b.unit
        detail = wrap(topic.detail, b.small, room, 1)
        status_line.addWidget(b.label(detail.text, b.small, "muted", "audience_decision_detail"), 1)
    else:
        status_line.addStretch(1)
    column.addLayout(status_line)
    if topic.question:
        question = wrap(topic.question, b.small, b.measure, 2)
        column.addWidget(b.label(question.text, b.small, "text", "audience_decision_question"))
    column.addSpacing(b.unit)
    cards = QHBoxLayout()
    cards.setSpacing(card_gap)
    for card in topic.cards:
        cards.addWidget(
            _card(b, card.name, card.summary, card.chosen, card_width, lines, name_lines, True),
            0,
            Qt.AlignmentFlag.AlignTop,
        )
    cards.addStretch(1)
    column.addLayout(cards)
    return widget


def _card(
    b: SlideBuilder,
    name: str,
    summary: str,
    chosen: bool,
    width: float,
    lines: int,
    name_lines: int,
    roomy: bool = False,
) -> QWidget:
    colour = b.view._colour("accent" if chosen else "muted")
    outline = b.border * 2 if chosen else b.border
    card = Outline(colour, outline)
    card.setObjectName("audience_option_chosen" if chosen else "audience_option")
    card.setProperty("chosen", chosen)
    card.setFixedSize(math.floor(width), math.ceil(_card_height(b, lines, name_lines, roomy)))
    inner = QVBoxLayout(card)
    pad = b.unit + b.border * 2
    inner.setContentsMargins(pad, b.unit, pad, b.unit)
    inner.setSpacing(0)
    room = width - 2 * pad
    shown = f"{CHECK}\u00a0{name}" if chosen else name  # the mark never on a line of its own
    font = b.body_bold  # the option's name, bold on every card; the chosen one in accent
    title = wrap(shown, font, room, name_lines)
    inner.addWidget(
        b.label(title.text, font, "accent" if chosen else "text", "audience_option_name")
    )
    summary_font = _summary_font(b, roomy)[0]
    text = wrap(summary, summary_font, room, lines)
    if summary:
        inner.addWidget(b.label(text.text, summary_font, "muted", "audience_option_summary"))
    inner.addStretch(1)
    return card

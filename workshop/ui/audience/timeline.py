"""The hiring plan on the audience view: a timeline of quarters, each with the roles that
start in it as small cards, and the roles not planned yet at the end.

Laid out by the view's slide builder (fonts, spacing and measure from the screen). Forty
roles over three years still fit: a quarter's line says "+ N more", the latest quarters fold
into one "From …" row, and the text is never shrunk (VISUAL.md, "Type").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from workshop.ui.audience.shapes import Outline, TimelineMark
from workshop.ui.audience.slides import Timeline, TimelineColumn, TimelineEntry
from workshop.ui.audience.text import wrap

if TYPE_CHECKING:
    from workshop.ui.audience.view import SlideBuilder


def timeline(b: SlideBuilder, block: Timeline, available: float) -> tuple[QWidget, float]:
    """Quarters down the left on a line with a dot each, the roles starting in each quarter
    as small cards flowing to the right. A quarter with more roles than one line holds says
    "+ N more" at the end of its line; quarters that do not fit are counted at the bottom."""
    box = QWidget()
    box.setObjectName("audience_timeline")
    if not block.columns:
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(b.label(block.empty, b.body, "muted", "audience_empty"))
        return box, b.body_line

    metrics_value = QFontMetricsF(b.value)
    card_height = math.ceil(2 * b.unit + b.body_line + b.small_line)
    row_gap = b.unit
    row_height = max(card_height, math.ceil(b.value_line)) + row_gap
    fits = max(1, int(available // row_height))
    shown = _fold(list(block.columns), fits)
    label_width = math.ceil(
        max(
            QFontMetricsF(b.value if c.planned else b.body_bold).horizontalAdvance(c.label)
            for c in shown
        )
        + 2
    )
    label_width = min(label_width, round(b.measure * 0.3))
    mark_width = b.border * 10
    gap = 2 * b.unit
    flow_width = b.measure - mark_width - label_width - 2 * gap

    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(gap)
    grid.setVerticalSpacing(0)
    used = 0.0
    planned = [c for c in shown if c.planned]
    for index, column in enumerate(shown):
        mark = TimelineMark(
            b.view._colour("text" if column.planned else "muted"),
            b.border,
            metrics_value.lineSpacing() / 2,
            first=index == 0 or not column.planned,
            last=not column.planned or column is planned[-1],
            planned=column.planned,
        )
        mark.setFixedWidth(mark_width)
        grid.addWidget(mark, index, 0)
        font = b.value if column.planned else b.body_bold
        label = b.label(
            wrap(column.label, font, label_width, 1).text,
            font,
            "text" if column.planned else "muted",
            "audience_timeline_quarter",
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignAbsolute,
        )
        label.setFixedWidth(label_width)
        holder = QWidget()
        holder.setFixedHeight(row_height)
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(label)
        holder_layout.addStretch(1)
        grid.addWidget(holder, index, 1)
        grid.addWidget(_flow(b, column.entries, flow_width, card_height), index, 2)
        used += row_height
    grid.setColumnStretch(2, 1)
    return box, used


def _fold(columns: list[TimelineColumn], rows: int) -> list[TimelineColumn]:
    """At most ``rows`` rows: the latest quarters join into one "From …" row, so the first
    quarters and the roles not planned yet always stay on the screen."""
    if len(columns) <= rows:
        return columns
    unplanned = [c for c in columns if not c.planned]
    planned = [c for c in columns if c.planned]
    keep = max(0, rows - len(unplanned) - 1)
    later = planned[keep:]
    first = later[0].label
    folded = TimelineColumn(
        first if first.startswith("From ") else f"From {first}",
        tuple(e for c in later for e in c.entries),
    )
    return [*planned[:keep], folded, *unplanned][: max(rows, 1)]


def _flow(
    b: SlideBuilder,
    entries: Sequence[TimelineEntry],
    width: float,
    height: int,
) -> QWidget:
    """One line of role cards, each as wide as its name; what does not fit is counted."""
    row = QWidget()
    row.setObjectName("audience_timeline_roles")
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    gap = b.unit
    layout.setSpacing(gap)
    body, small = QFontMetricsF(b.body), QFontMetricsF(b.small)
    pad = b.unit + b.border
    more_width = small.horizontalAdvance(f"+ {len(entries)} more") + 2 * pad
    left = width
    for index, entry in enumerate(entries):
        natural = max(body.horizontalAdvance(entry.text), small.horizontalAdvance(entry.detail))
        # A long name is cut rather than leave the quarter's other roles off the line.
        card_width = min(natural + 2 * pad + 2, width * (0.7 if len(entries) == 1 else 0.45))
        rest = len(entries) - index - 1
        if index and card_width + (more_width + gap if rest else 0) > left:
            hidden = len(entries) - index
            more = b.label(f"+ {hidden} more", b.small_bold, "muted", "audience_more")
            more.setFixedWidth(math.ceil(more_width))
            layout.addWidget(more, 0, Qt.AlignmentFlag.AlignVCenter)
            break
        card = Outline(b.view._colour("muted"), b.border)
        card.setObjectName("audience_timeline_role")
        card.setFixedSize(math.ceil(card_width), height)
        card.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(pad, b.unit, pad, b.unit)
        inner.setSpacing(0)
        room = card_width - 2 * pad
        inner.addWidget(
            b.label(wrap(entry.text, b.body, room, 1).text, b.body, "text", "audience_role_name")
        )
        if entry.detail:
            inner.addWidget(
                b.label(
                    wrap(entry.detail, b.small, room, 1).text,
                    b.small,
                    "muted",
                    "audience_role_detail",
                )
            )
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignTop)
        left -= card_width + gap
    layout.addStretch(1)
    return row

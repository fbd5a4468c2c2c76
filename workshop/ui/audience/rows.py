"""Lists on the audience view: rows of text with details, flags and a value at the right
(a score), numbered when the room refers to them by number ("statement 3"), the row the
facilitator is on outlined in the accent colour.

Heights are counted while building (line counts come from :func:`wrap`), so a list shows as
many rows as fit and says how many more there are, instead of running off the bottom of the
screen or shrinking its text; a highlighted row is always among those shown.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QWidget

from workshop.ui.audience.shapes import Outline
from workshop.ui.audience.slides import Row, RowList
from workshop.ui.audience.text import wrap

if TYPE_CHECKING:
    from workshop.ui.audience.view import SlideBuilder


def row_list(b: SlideBuilder, block: RowList, available: float) -> tuple[QWidget, float]:
    """A list of rows: as many as fit, "+ N more" for the rest. A highlighted row (the
    statement being rated) is always among those shown: earlier rows give way to it."""
    box = QWidget()
    box.setObjectName("audience_rows")
    if not block.rows:
        label = b.label(block.empty, b.body, "muted", "audience_empty")
        layout = b.column()
        box.setLayout(layout)
        layout.addWidget(label)
        return box, b.body_line

    columns = max(1, block.columns)
    column_gap = 4 * b.unit
    cell_width = (b.measure - column_gap * (columns - 1)) / columns
    value_metrics = QFontMetricsF(b.value)
    small_metrics = QFontMetricsF(b.small)
    value_width = max(
        max(
            value_metrics.horizontalAdvance(r.value),
            small_metrics.horizontalAdvance(r.value_note),
        )
        for r in block.rows
    )
    value_width = min(math.ceil(value_width) + 2, round(cell_width * 0.45))
    if value_width <= 2:
        value_width = 0
    number_width = 0
    if any(r.number for r in block.rows):
        widest = max(
            QFontMetricsF(b.body_bold).horizontalAdvance(f"▶ {r.number}") for r in block.rows
        )
        number_width = math.ceil(widest) + b.unit
    pad = row_pad(b)
    text_width = cell_width - (value_width + 2 * b.unit if value_width else 0)
    text_width -= number_width + 2 * pad
    row_gap = b.unit
    more_height = b.small_line + row_gap
    hidden_before = block.hidden

    # Rows go left to right, then down; a line of the grid is as tall as its tallest row.
    chunks = [block.rows[i : i + columns] for i in range(0, len(block.rows), columns)]
    wrapped_chunks = [
        [(row, wrap(row.text, b.body, text_width, row.lines)) for row in chunk] for chunk in chunks
    ]
    heights = [
        max(_row_height(b, row, len(lines)) for row, lines in wrapped) for wrapped in wrapped_chunks
    ]
    marked = next((i for i, chunk in enumerate(chunks) if any(r.highlighted for r in chunk)), None)

    def fit(first: int) -> list[int]:
        taken: list[int] = []
        used = more_height if first else 0.0  # "↑ N earlier" above the rows
        for index in range(first, len(chunks)):
            height = heights[index] + (row_gap if taken else 0)
            remaining = sum(len(c) for c in chunks[index + 1 :])
            if taken and used + height + (more_height if remaining else 0) > available:
                break
            taken.append(index)
            used += height
        return taken

    first = 0
    taken = fit(0)
    while marked is not None and marked not in taken and first < marked:
        first += 1
        taken = fit(first)

    grid = QGridLayout()
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(column_gap)
    grid.setVerticalSpacing(row_gap)
    box.setLayout(grid)
    used = 0.0
    line = 0
    earlier = sum(len(c) for c in chunks[:first])
    if earlier:
        label = b.label(
            wrap(
                f"↑ {earlier} earlier "
                f"{block.more if earlier > 1 else block.more_one or block.more}",
                b.small_bold,
                b.measure - pad,
                1,
            ).text,
            b.small_bold,
            "muted",
            "audience_earlier",
        )
        label.setContentsMargins(pad, 0, 0, 0)
        grid.addWidget(label, 0, 0, 1, columns)
        used += more_height
        line = 1
    shown = 0
    for r, index in enumerate(taken):
        for c, (row, lines) in enumerate(wrapped_chunks[index]):
            grid.addWidget(
                row_widget(b, row, lines.text, text_width, value_width, number_width),
                line + r,
                c,
            )
        used += heights[index] + (row_gap if r else 0)
        shown += len(chunks[index])
    for c in range(columns):
        grid.setColumnStretch(c, 1)
    hidden = len(block.rows) - shown - earlier + hidden_before
    if hidden:
        more = b.label(
            wrap(
                f"+ {hidden} more {block.more if hidden > 1 else block.more_one or block.more}",
                b.small_bold,
                b.measure - pad,
                1,
            ).text,
            b.small_bold,
            "muted",
            "audience_more",
        )
        more.setContentsMargins(pad, 0, 0, 0)  # in line with the rows' own edge
        grid.addWidget(more, line + len(taken), 0, 1, columns)
        used += more_height
    return box, used


def row_pad(b: SlideBuilder) -> int:
    """Inner padding of a row: room for the outline of the highlighted one."""
    return b.unit // 2 + b.border


def _row_height(b: SlideBuilder, row: Row, lines: int) -> float:
    left = b.body_line * lines
    if row.flags:
        left += b.flag_height() + b.border
    elif row.detail:
        left += b.small_line
    right = (b.value_line if row.value else 0) + (b.small_line if row.value_note else 0)
    return max(left, right) + (2 * row_pad(b) if row.highlighted else 0)


def row_widget(
    b: SlideBuilder, row: Row, text: str, text_width: float, value_width: int, number_width: int = 0
) -> QWidget:
    """One row: its number, its text, a line of details and flags under it, a value at
    the right; the highlighted row is outlined in the accent colour."""
    widget: QWidget = (
        Outline(b.view._colour("accent"), b.border * 2) if (row.highlighted) else QWidget()
    )
    widget.setObjectName("audience_row")
    widget.setProperty("highlighted", row.highlighted)
    line = QHBoxLayout(widget)
    pad = row_pad(b)
    vertical = pad if row.highlighted else 0
    line.setContentsMargins(pad, vertical, pad, vertical)
    line.setSpacing(2 * b.unit)
    if number_width:
        number = b.label(
            f"▶ {row.number}" if row.highlighted else row.number,
            b.body_bold,
            "accent" if row.highlighted else "muted",
            "audience_row_number",
            Qt.AlignmentFlag.AlignRight
            | Qt.AlignmentFlag.AlignTop
            | Qt.AlignmentFlag.AlignAbsolute,
        )
        number.setFixedWidth(number_width - b.unit)
        line.addWidget(number, 0, Qt.AlignmentFlag.AlignTop)
        line.setSpacing(b.unit)
    left = b.column()
    # A one-line row (a name) stays at the left edge of its column in any script, so a
    # list of names reads as a list; longer text follows its own direction.
    start = Qt.AlignmentFlag.AlignAbsolute if row.lines == 1 else Qt.AlignmentFlag(0)
    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | start
    left.addWidget(b.label(text, b.body, "text", "audience_row_text", align))
    if row.detail or row.flags:
        details = QHBoxLayout()
        details.setContentsMargins(0, b.border if row.flags else 0, 0, 0)
        details.setSpacing(b.unit)
        flags_width = sum(
            QFontMetricsF(b.small_bold).horizontalAdvance(f.text) + 3 * b.unit for f in row.flags
        )
        if row.detail:
            room = max(text_width - flags_width - b.unit, text_width * 0.3)
            detail = wrap(row.detail, b.small, room, 1)
            label = b.label(
                detail.text,
                b.small,
                "muted",
                "audience_row_detail",
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            )
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            label.setFixedSize(
                math.ceil(QFontMetricsF(b.small).horizontalAdvance(detail.text)) + 2,
                b.flag_height() if row.flags else math.ceil(b.small_line),
            )
            details.addWidget(label)
        for flag in row.flags:
            details.addWidget(b.flag(flag))
        details.addStretch(1)
        left.addLayout(details)
    left.addStretch(1)
    line.addLayout(left, 1)
    if value_width:
        right = b.column()
        top_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        if row.value:
            value = wrap(row.value, b.value, value_width, 1)
            right.addWidget(b.label(value.text, b.value, "text", "audience_row_value", top_right))
        if row.value_note:
            note = wrap(row.value_note, b.small, value_width, 1)
            right.addWidget(b.label(note.text, b.small, "muted", "audience_row_note", top_right))
        right.addStretch(1)
        holder = QWidget()
        holder.setLayout(right)
        holder.setFixedWidth(value_width)
        line.addWidget(holder)
    return widget

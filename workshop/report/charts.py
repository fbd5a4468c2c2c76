"""Vector charts drawn from plain data with ``reportlab.graphics``.

The same data the app's pages chart on screen, drawn again for print (crisp at any zoom,
no screenshots). Visual rules (VISUAL.md): Okabe-Ito fills with a dark outline,
labels in the text colour, and meaning never carried by colour alone (every category also
has a shape or a written label). Text passed in is user text and goes through
:func:`workshop.report.text.plain`; callers pass raw strings.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib.colors import Color, white
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from workshop.report.fonts import BOLD, REGULAR
from workshop.report.styles import CATEGORY, MUTED, RULE, TEXT, tint
from workshop.report.text import fit, plain

LABEL_SIZE = 8
OUTLINE = 1.2  # points: thick enough to survive a photocopier


def _drawing(width: float, height: float) -> Drawing:
    # Our font from the start: otherwise each drawing names Helvetica, an unembedded font.
    return Drawing(width, height, initialFontName=REGULAR, initialFontSize=LABEL_SIZE)


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: float = LABEL_SIZE,
    font: str = REGULAR,
    anchor: str = "start",
    colour: Color = TEXT,
    max_width: float | None = None,
) -> String:
    shown = plain(text, font)
    if max_width is not None:
        shown = fit(shown, font, size, max_width)
    return String(x, y, shown, fontName=font, fontSize=size, fillColor=colour, textAnchor=anchor)


# --- shapes: one per category, so categories differ without colour ---------------------------
SHAPES = ("circle", "square", "diamond", "triangle")


def marker(shape: str, cx: float, cy: float, r: float, fill: Color) -> Circle | Rect | Polygon:
    kwargs = {"fillColor": fill, "strokeColor": TEXT, "strokeWidth": OUTLINE * 0.8}
    if shape == "square":
        s = r * 0.9
        return Rect(cx - s, cy - s, 2 * s, 2 * s, **kwargs)
    if shape == "diamond":
        s = r * 1.2
        return Polygon([cx, cy + s, cx + s, cy, cx, cy - s, cx - s, cy], **kwargs)
    if shape == "triangle":
        s = r * 1.2
        return Polygon(
            [cx, cy + s, cx + s * 0.95, cy - s * 0.7, cx - s * 0.95, cy - s * 0.7], **kwargs
        )
    return Circle(cx, cy, r, **kwargs)


# --- per-dimension bar chart ------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    label: str
    score: float | None  # 0..4, None when not rated


def dimension_chart(bars: Sequence[Bar], *, threshold: float, width: float) -> Drawing:
    """Horizontal bars on a 0-4 scale with the "stage reached" threshold marked."""
    row = 9 * mm
    label_w = 38 * mm
    value_w = 18 * mm
    top = 8 * mm  # room for the scale numbers
    bottom = 9 * mm  # room for the threshold caption
    plot_w = width - label_w - value_w
    height = top + row * len(bars) + bottom
    d = _drawing(width, height)
    x0 = label_w
    y_top = height - top

    def x_of(score: float) -> float:
        return x0 + plot_w * score / 4

    for tick in range(5):  # scale
        x = x_of(tick)
        d.add(Line(x, bottom, x, y_top, strokeColor=RULE, strokeWidth=0.6))
        d.add(_text(x, y_top + 2.5 * mm, str(tick), anchor="middle", colour=MUTED))
    for i, bar in enumerate(bars):
        y = y_top - (i + 1) * row
        mid = y + row / 2
        d.add(_text(0, mid - 3, bar.label, size=9, max_width=label_w - 3 * mm))
        if bar.score is None:
            d.add(_text(x0 + 2 * mm, mid - 3, "not rated yet", colour=MUTED, font=REGULAR))
            continue
        met = bar.score >= threshold
        fill = tint(CATEGORY[0] if met else CATEGORY[1], 0.85)
        d.add(
            Rect(
                x0,
                y + row * 0.2,
                max(plot_w * bar.score / 4, 0.8),
                row * 0.6,
                fillColor=fill,
                strokeColor=TEXT,
                strokeWidth=OUTLINE,
            )
        )
        d.add(
            _text(
                x_of(4) + 2 * mm,
                mid - 3,
                f"{bar.score:.1f}" + ("  met" if met else ""),
                size=9,
                font=BOLD,
            )
        )
    tx = x_of(threshold)
    d.add(
        Line(
            tx,
            bottom - 1.5 * mm,
            tx,
            y_top,
            strokeColor=TEXT,
            strokeWidth=1.4,
            strokeDashArray=[3, 2],
        )
    )
    d.add(
        _text(
            tx,
            bottom - 5 * mm,
            f"stage reached at {threshold:g}",
            anchor="middle",
            colour=TEXT,
        )
    )
    return d


# --- the value/cost matrix --------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixPoint:
    value: int  # 1..5
    cost: int  # 1..5
    quadrant: int  # index into the quadrant list
    label: str  # short label drawn on the marker ("" for none), e.g. the rank


@dataclass(frozen=True)
class QuadrantLabel:
    name: str
    high_value: bool
    high_cost: bool


def matrix_chart(
    points: Sequence[MatrixPoint],
    quadrants: Sequence[QuadrantLabel],
    *,
    value_threshold: float,
    cost_threshold: float,
    width: float,
) -> Drawing:
    """Value (up) against cost (right), 1-5 each, split into the content's four quadrants.

    Points sharing a cell are laid out on a small grid inside it, so 300 opportunities
    stay countable. Each quadrant has its own fill *and* marker shape, and its name printed
    in its corner.
    """
    axis = 12 * mm
    side = min(width - axis - 2 * mm, 125 * mm)
    height = side + axis + 2 * mm
    d = _drawing(width, height)
    x0 = axis + (width - axis - side) / 2
    y0 = axis
    cell = side / 5

    def px(cost: float) -> float:  # cost 0.5 .. 5.5 across the plot
        return x0 + (cost - 0.5) * cell

    def py(value: float) -> float:
        return y0 + (value - 0.5) * cell

    d.add(Rect(x0, y0, side, side, fillColor=white, strokeColor=TEXT, strokeWidth=OUTLINE))
    for k in range(1, 5):  # faint cell grid
        d.add(Line(x0 + k * cell, y0, x0 + k * cell, y0 + side, strokeColor=RULE, strokeWidth=0.5))
        d.add(Line(x0, y0 + k * cell, x0 + side, y0 + k * cell, strokeColor=RULE, strokeWidth=0.5))
    for k in range(1, 6):
        d.add(_text(px(k), y0 - 4 * mm, str(k), anchor="middle", colour=MUTED))
        d.add(_text(x0 - 2.5 * mm, py(k) - 3, str(k), anchor="end", colour=MUTED))
    d.add(_text(x0 + side / 2, y0 - 9.5 * mm, "Cost  (1 low → 5 high)", anchor="middle", font=BOLD))
    value_axis = _text(0, 0, "Value  (1 low → 5 high)", anchor="middle", font=BOLD)
    rotated = Group(value_axis)
    rotated.rotate(90)
    rotated.translate(y0 + side / 2, -(x0 - 8 * mm))
    d.add(rotated)

    # Quadrant dividers at the threshold: "high" starts at the first whole score >= threshold.
    vx = px(math.ceil(cost_threshold) - 0.5)
    vy = py(math.ceil(value_threshold) - 0.5)
    d.add(Line(vx, y0, vx, y0 + side, strokeColor=TEXT, strokeWidth=OUTLINE * 1.5))
    d.add(Line(x0, vy, x0 + side, vy, strokeColor=TEXT, strokeWidth=OUTLINE * 1.5))

    for index, quadrant in enumerate(quadrants):
        left = not quadrant.high_cost
        top = quadrant.high_value
        x = x0 + 2 * mm if left else x0 + side - 2 * mm
        y = y0 + side - 4.8 * mm if top else y0 + 2.2 * mm
        anchor = "start" if left else "end"
        label_w = (vx - x0 if left else x0 + side - vx) - 10 * mm
        label = _text(
            x + (6 * mm if left else -6 * mm),
            y,
            quadrant.name,
            font=BOLD,
            size=9,
            anchor=anchor,
            max_width=label_w,
        )
        d.add(
            marker(
                SHAPES[index % 4],
                x + (2 * mm if left else -2 * mm),
                y + 1.1 * mm,
                1.6 * mm,
                tint(CATEGORY[index % len(CATEGORY)], 0.6),
            )
        )
        d.add(label)

    by_cell: dict[tuple[int, int], list[MatrixPoint]] = defaultdict(list)
    for point in points:
        by_cell[(min(max(point.cost, 1), 5), min(max(point.value, 1), 5))].append(point)
    band = 6.5 * mm  # the quadrant names sit in a band along the top and bottom edges
    for (cost, value), members in sorted(by_cell.items()):
        columns = math.ceil(math.sqrt(len(members)))
        rows = math.ceil(len(members) / columns)
        # The free box inside the cell: clear of the grid lines and of the name bands.
        low = py(value) - cell / 2 + 1.5 * mm + (band if value == 1 else 0)
        high = py(value) + cell / 2 - 1.5 * mm - (band if value == 5 else 0)
        pitch = min((cell - 3 * mm) / columns, (high - low) / rows, 7 * mm)
        r = pitch * 0.42
        cx0 = px(cost) - pitch * (columns - 1) / 2
        cy0 = (low + high) / 2 + pitch * (rows - 1) / 2
        for n, point in enumerate(members):
            cx = cx0 + (n % columns) * pitch
            cy = cy0 - (n // columns) * pitch
            fill = tint(CATEGORY[point.quadrant % len(CATEGORY)], 0.6)
            d.add(marker(SHAPES[point.quadrant % 4], cx, cy, r, fill))
            if point.label and r >= 2.2 * mm:
                # Never under 8 pt: the numbers must survive print (ranks are in the table too).
                size = min(8.5, max(8.0, r * 1.5))
                d.add(
                    _text(cx, cy - size * 0.36, point.label, size=size, font=BOLD, anchor="middle")
                )
    return d


# --- hiring timeline --------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineRow:
    label: str  # the role as the company names it
    quarter: int  # column index into the quarter labels
    tag: str  # written on the block, e.g. "Hire ×2" / "Internal"
    category: int  # fill colour index (also written in ``tag``)


def timeline_chart(
    rows: Sequence[TimelineRow], quarters: Sequence[str], *, width: float
) -> Drawing:
    """One line per planned hire: a labelled block in its target quarter, then a thin line
    to the right edge for "in the team from then on"."""
    # The label column fits the longest role name (within limits), so names are not cut.
    longest = max((stringWidth(plain(r.label, REGULAR), REGULAR, 8.5) for r in rows), default=0)
    label_w = min(max(longest + 3 * mm, 46 * mm), 80 * mm)
    row_h = 7 * mm
    head = 10 * mm
    height = head + row_h * len(rows) + 1 * mm
    d = _drawing(width, height)
    col_w = (width - label_w) / max(len(quarters), 1)
    y_top = height - head
    for k, quarter in enumerate(quarters):
        x = label_w + k * col_w
        if k % 2 == 0:  # alternate column shading so a block is easy to trace up to its quarter
            d.add(Rect(x, 0, col_w, y_top, fillColor=tint(RULE, 0.25), strokeColor=None))
        # "Q1 2027" in two lines ("Q1" over "2027") so narrow columns never cut it.
        first, _, rest = quarter.partition(" ")
        d.add(
            _text(
                x + col_w / 2,
                y_top + 5 * mm,
                first,
                anchor="middle",
                font=BOLD,
                max_width=col_w - 1 * mm,
            )
        )
        d.add(
            _text(
                x + col_w / 2,
                y_top + 1.5 * mm,
                rest,
                anchor="middle",
                size=7,
                colour=MUTED,
                max_width=col_w - 1 * mm,
            )
        )
    d.add(Line(label_w, y_top, width, y_top, strokeColor=TEXT, strokeWidth=0.8))
    for i, row in enumerate(rows):
        y = y_top - (i + 1) * row_h
        mid = y + row_h / 2
        d.add(Line(0, y, width, y, strokeColor=RULE, strokeWidth=0.4))
        d.add(_text(0, mid - 3, row.label, size=8.5, max_width=label_w - 2 * mm))
        x = label_w + row.quarter * col_w
        block_w = col_w - 2 * mm
        d.add(Line(x + block_w, mid, width - 1 * mm, mid, strokeColor=MUTED, strokeWidth=1))
        d.add(
            Rect(
                x + 1 * mm,
                y + row_h * 0.15,
                block_w - 1 * mm,
                row_h * 0.7,
                fillColor=tint(CATEGORY[row.category % len(CATEGORY)], 0.55),
                strokeColor=TEXT,
                strokeWidth=OUTLINE * 0.8,
            )
        )
        d.add(
            _text(
                x + col_w / 2,
                mid - 2.5,
                row.tag,
                size=8,
                anchor="middle",
                max_width=block_w - 1.5 * mm,
            )
        )
    return d


# --- progress over a series of workshops (a time-axis line chart) ----------------------------


@dataclass(frozen=True)
class ProgressLine:
    label: str
    values: tuple[float | None, ...]  # one per point, 0..4 (None: not rated then)


def progress_chart(
    days: Sequence[float],
    day_labels: Sequence[str],
    lines: Sequence[ProgressLine],
    *,
    width: float,
    height: float = 62 * mm,
) -> Drawing:
    """Scores 0-4 on a time axis: one line per dimension, each with its own marker shape.

    ``days`` are positions on the time axis (days since any fixed day), so workshops months
    apart sit months apart. The legend names every line beside its shape: colour alone
    never carries the meaning.
    """
    drawing = _drawing(width, height)
    left, right, bottom, top = 22, 120, 18, height - 8
    plot_w = width - left - right
    span = (max(days) - min(days)) or 1.0

    def x_of(day: float) -> float:
        return left + (day - min(days)) / span * plot_w if len(days) > 1 else left + plot_w / 2

    def y_of(score: float) -> float:
        return bottom + score / 4 * (top - bottom)

    for score in range(5):
        y = y_of(score)
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.5))
        drawing.add(_text(left - 4, y - 3, str(score), anchor="end", colour=MUTED))
    for day, label in zip(days, day_labels, strict=True):
        drawing.add(_text(x_of(day), bottom - 12, label, anchor="middle"))
    for index, line in enumerate(lines):
        colour = CATEGORY[index % len(CATEGORY)]
        shape = SHAPES[index % len(SHAPES)]
        known = [
            (x_of(d), y_of(v)) for d, v in zip(days, line.values, strict=True) if v is not None
        ]
        for (x1, y1), (x2, y2) in zip(known, known[1:], strict=False):
            drawing.add(Line(x1, y1, x2, y2, strokeColor=colour, strokeWidth=2.2))
        for x, y in known:
            drawing.add(marker(shape, x, y, 3.6, colour))
        legend_y = top - 6 - index * 14
        drawing.add(marker(shape, left + plot_w + 16, legend_y + 3, 3.6, colour))
        last = next((v for v in reversed(line.values) if v is not None), None)
        value = f" {last:.1f}" if last is not None else ""
        drawing.add(
            _text(left + plot_w + 26, legend_y, f"{line.label}{value}", max_width=right - 30)
        )
    return drawing

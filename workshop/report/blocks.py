"""Small building blocks every section uses: paragraphs of user text, tables, notes.

All user text enters through :func:`p` or :func:`cell`, which escape it (see ``text.py``)
and, when it holds right-to-left script, break its lines in reading order at the width it
lands in (see ``rtl.py``). Our own sentences with deliberate markup use :func:`markup`.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from workshop.report.fonts import REGULAR
from workshop.report.rtl import Direction, user_paragraph
from workshop.report.styles import (
    HEADER_FILL,
    RULE,
    SMALL_LEADING,
    SMALL_SIZE,
    TEXT,
    UNIT,
    ZEBRA,
    styles,
)
from workshop.report.text import fit, para, plain

CELL_PAD = 4  # points left and right inside a table cell

# A table row cannot be taller than a page. Rows may split (``splitInRow``), but a cell
# holding pages of text reads badly in a table, so text in a cell is cut at this length with
# "…"; long texts (answers, descriptions, rationales) are printed as paragraphs instead.
CELL_LIMIT = 1200


def p(text: str, style: ParagraphStyle | None = None, *, direction: Direction = "auto") -> Flowable:
    """A paragraph of user text, printed exactly as typed.

    Hebrew or Arabic text reads right to left and is aligned right; ``direction="ltr"``
    keeps one of our sentences built around a name reading left to right regardless.
    """
    return user_paragraph(text, style or styles().body, direction=direction)


def markup(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of our own wording; ``text`` may hold <b>/<i> and pre-escaped parts."""
    return Paragraph(text, style or styles().body)


def h2(text: str) -> Paragraph:
    return Paragraph(para(text), styles().h2)


def h2_before_table(text: str) -> list[Flowable]:
    """A heading for a table: kept with the table's first rows by reserving room, rather
    than with the whole table (which would push a medium table to the next page and leave
    half a page blank)."""
    style = ParagraphStyle("h2_loose", parent=styles().h2, keepWithNext=0)
    return [CondPageBreak(40 * mm), Paragraph(para(text), style)]


def h3(text: str) -> Paragraph:
    return Paragraph(para(text), styles().h3)


def note(text: str) -> Flowable:
    """A plain statement that something is empty or what a rule is."""
    return user_paragraph(text, styles().note)


def rule_text(text: str) -> Flowable:
    return user_paragraph(text, styles().small_muted)


def gap(lines: float = 1) -> Spacer:
    return Spacer(1, UNIT * lines)


def labelled(label: str, text: str) -> list[Flowable]:
    """A bold lead-in kept with the user text under it."""
    return [Paragraph(para(label), styles().label), p(text)]


def cell(
    text: str, *, right: bool = False, bold: bool = False, direction: Direction = "auto"
) -> Flowable:
    """Text in a table cell, wrapping at the column's width (see :func:`p` on direction)."""
    s = styles()
    if len(text) > CELL_LIMIT:
        text = text[:CELL_LIMIT].rstrip() + "…"
    style = s.cell_right if right else (s.cell_bold if bold else s.cell)
    return user_paragraph(text, style, direction=direction)


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[str | Flowable]],
    widths: Sequence[float],
    *,
    numeric: Sequence[int] = (),
    short: Sequence[int] = (),
    total_width: float,
) -> Table:
    """A table with a repeated header row, low-contrast zebra rows, numbers right-aligned.

    ``widths`` are relative; they are scaled to ``total_width``. Cells of ``numeric`` and
    ``short`` columns are drawn as single-line strings (our own short labels: numbers, dates,
    statuses), which lays out several times faster than a paragraph per cell; every other
    cell is a wrapping paragraph.
    """
    s = styles()
    scale = total_width / sum(widths)
    col_widths = [w * scale for w in widths]
    single_line = set(numeric) | set(short)
    head = [
        Paragraph(para(h), s.cell_head_right if i in numeric else s.cell_head)
        for i, h in enumerate(header)
    ]
    body = [
        [
            value
            if isinstance(value, Flowable)
            else fit(plain(value), REGULAR, SMALL_SIZE, col_widths[i] - 2 * CELL_PAD)
            if i in single_line
            else cell(value)
            for i, value in enumerate(row)
        ]
        for row in rows
    ]
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 1, TEXT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 1), (-1, -1), SMALL_SIZE),
        ("LEADING", (0, 1), (-1, -1), SMALL_LEADING),
        ("TEXTCOLOR", (0, 1), (-1, -1), TEXT),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]
    for column in numeric:
        commands.append(("ALIGN", (column, 1), (column, -1), "RIGHT"))
    for index in range(2, len(body) + 1, 2):
        commands.append(("BACKGROUND", (0, index), (-1, index), ZEBRA))
    result = Table(
        [head, *body],
        colWidths=col_widths,
        repeatRows=1,
        splitByRow=1,
        # Only a tall row may split across a page (else it would leave most of a page
        # empty); a row of a few lines moves whole to the next page, readable in one piece.
        splitInRow=1 if any(_tall(value) for row in rows for value in row) else 0,
        hAlign="LEFT",
        style=TableStyle(commands),
    )
    result.spaceAfter = UNIT * 1.5
    return result


TALL_CELL = 600  # characters: about a third of a page in a table cell


def _tall(value: str | Flowable) -> bool:
    if isinstance(value, str):
        return len(value) > TALL_CELL
    text = value.getPlainText() if hasattr(value, "getPlainText") else ""
    return len(text) > TALL_CELL


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))


def bullets(items: Sequence[str], *, style: ParagraphStyle | None = None) -> list[Flowable]:
    return [user_paragraph(item, style or styles().bullet, bullet="•") for item in items]

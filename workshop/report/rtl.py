"""Paragraphs of user text that hold right-to-left script, broken into lines in reading order.

ReportLab draws characters left to right in the order it is given them and breaks lines
from the left. Right-to-left text therefore has to be handed over in visual order, and
visual order depends on where the lines break: reorder a whole Hebrew paragraph first and
ReportLab's first line holds the *end* of the sentence. So for text with right-to-left
letters we break the lines ourselves, in the order the text was typed, at the width the
paragraph actually gets; then put each line in visual order on its own and join the lines
with ``<br/>``, each short enough that ReportLab keeps it whole. Text whose base direction is
right to left (:func:`~workshop.report.text.base_is_rtl`) is also aligned to the right.

The width is only known when the paragraph is laid out (a frame, a table column, a
landscape page), so :class:`FlowingText` builds its inner ``Paragraph`` in ``wrap``.
Text without right-to-left letters stays a plain ``Paragraph``: same layout, same bytes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from workshop.report.fonts import REGULAR
from workshop.report.text import (
    base_is_rtl,
    has_rtl,
    para,
    printable,
    shape,
    typed_lines,
    visual_line,
)

Direction = Literal["auto", "ltr"]

# The characters ReportLab breaks lines at (its ``paragraph._wsc``; the no-break space is
# deliberately absent). Splitting words exactly as ReportLab does keeps our line widths equal
# to the widths it measures.
_SPACES = re.compile(
    "[\t\n\x0b\x0c\r\x1c-\x1f \x85\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]+"
)

# Points left free on every line we break, so that rounding never makes ReportLab find a
# line a hair too long and break it again in visual order.
_SLACK = 0.01


def user_paragraph(
    text: str,
    style: ParagraphStyle,
    *,
    bullet: str | None = None,
    direction: Direction = "auto",
) -> Flowable:
    """A paragraph of user text that reads correctly at any width, in any script.

    ``direction="ltr"`` is for our own sentences built around user text: they read left to
    right whatever the name in them is.
    """
    if not has_rtl(text):
        return Paragraph(para(text), style, bulletText=bullet)
    rtl = direction == "auto" and base_is_rtl(text)
    return FlowingText(text, style, rtl=rtl, bullet=bullet)


class FlowingText(Flowable):
    """User text whose lines are broken in reading order at the width it is given.

    Draws through an inner ``Paragraph`` built for the width of the last ``wrap``. Split
    over a page break, the part that moves on is a ``FlowingText`` again (the rest of the
    typed text), so it is broken afresh wherever it lands.
    """

    def __init__(
        self, text: str, style: ParagraphStyle, *, rtl: bool, bullet: str | None = None
    ) -> None:
        super().__init__()
        self.text = text
        self.rtl = rtl
        self.bullet = bullet
        self.style = _right_aligned(style) if rtl else style
        self._lines: list[Line] = []
        self._printed: list[str] = []
        self._inner: Paragraph | None = None
        self._inner_width = -1.0

    def _paragraph(self, width: float) -> Paragraph:
        if self._inner is None or width != self._inner_width:
            widths = line_widths(self.style, width, self.bullet)
            self._lines = break_lines(self.text, self.style.fontName, self.style.fontSize, widths)
            self._printed = [
                escape(visual_line(line.text, REGULAR, rtl=self.rtl)) for line in self._lines
            ]
            self._inner = Paragraph("<br/>".join(self._printed), self.style, bulletText=self.bullet)
            self._inner_width = width
        return self._inner

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self._paragraph(availWidth).wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        inner = self._paragraph(availWidth)
        # ReportLab decides how many lines fit (leading, orphans, widows) ...
        parts = inner.split(availWidth, availHeight)
        if len(parts) == 1:
            # Every line fits: a table splitting a row still expects two parts (it has no
            # other way to hear "all of it"), so the part that moves on is empty.
            return [parts[0], Spacer(0, 0)]
        if len(parts) != 2:
            return [self if part is inner else part for part in parts]
        # ... but its second part would start the next page with an empty line (it keeps the
        # <br/> it was split at), and could not be broken again at another width.
        fit = len(parts[0].blPara.lines)
        head = Paragraph("<br/>".join(self._printed[:fit]), self.style, bulletText=self.bullet)
        rest = "".join(line.text + line.glue for line in self._lines[fit:])
        style = self.style
        if style.firstLineIndent:
            style = ParagraphStyle(f"{style.name}_cont", parent=style, firstLineIndent=0)
        return [head, FlowingText(rest, style, rtl=self.rtl)]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self._paragraph(self.width).drawOn(canvas, x, y, _sW)

    def minWidth(self) -> float:
        font, size = self.style.fontName, self.style.fontSize
        words = [shape(w) for line in typed_lines(self.text) for w in _SPACES.split(line) if w]
        return max((_width(w, font, size) for w in words), default=0.0)


def _right_aligned(style: ParagraphStyle) -> ParagraphStyle:
    if style.alignment != TA_LEFT:
        return style  # centred or already right-aligned: keep it
    return ParagraphStyle(f"{style.name}_rtl", parent=style, alignment=TA_RIGHT)


def line_widths(
    style: ParagraphStyle, width: float, bullet: str | None = None
) -> tuple[float, float]:
    """Room for text on the first line and on later lines, as ``Paragraph.wrap`` and
    ``breakLines`` compute it (indents, and a bullet wider than the indent)."""
    first = width - style.leftIndent - style.firstLineIndent - style.rightIndent
    later = width - style.leftIndent - style.rightIndent
    if bullet:
        bullet_end = (
            style.bulletIndent
            + stringWidth(bullet, style.bulletFontName, style.bulletFontSize)
            + 0.6 * style.bulletFontSize
        )
        first -= max(0.0, bullet_end - (style.leftIndent + style.firstLineIndent))
    return first, later


@dataclass(frozen=True)
class Line:
    """One printed line in logical order, and what joined it to the next in the typed text:
    a space, nothing (inside a word too long for a line) or a newline."""

    text: str
    glue: str


def break_lines(text: str, font: str, size: float, widths: tuple[float, float]) -> list[Line]:
    """``text`` (logical order, any number of typed lines) broken into lines that fit
    ``widths`` (first line, later lines). Arabic is shaped first: its joined forms are what
    gets measured and printed."""
    lines: list[Line] = []
    for typed in typed_lines(text):
        room = widths if not lines else (widths[1], widths[1])
        broken = wrap_logical(shape(typed), font, size, room) or [Line("", "")]
        lines += broken[:-1]
        lines.append(Line(broken[-1].text, "\n"))
    return [*lines[:-1], Line(lines[-1].text, "")]


def wrap_logical(line: str, font: str, size: float, widths: tuple[float, float]) -> list[Line]:
    """``line`` (logical order, one typed line) broken into lines that fit ``widths``.

    Words are kept whole where they fit; a word longer than a line fills the rest of the
    current line and continues on the next ones, as ReportLab's ``splitLongWords`` does.
    """
    space = stringWidth(" ", font, size)
    lines: list[Line] = []
    current: list[str] = []
    used = 0.0
    for word in _SPACES.split(line):
        if not word:
            continue
        limit = (widths[1] if lines else widths[0]) - _SLACK
        width = _width(word, font, size)
        before = used + space if current else 0.0
        if before + width <= limit:
            current.append(word)
            used = before + width
            continue
        if width <= widths[1] - _SLACK:  # fits on a line of its own
            if current:
                lines.append(Line(" ".join(current), " "))
            current, used = [word], width
            continue
        head, *rest = _break_word(word, font, size, limit - before, widths[1] - _SLACK)
        if head:
            current.append(head)
            used = before + _width(head, font, size)
        if rest:
            if current:
                lines.append(Line(" ".join(current), "" if head else " "))
            lines += [Line(piece, "") for piece in rest[:-1]]
            current, used = [rest[-1]], _width(rest[-1], font, size)
    if current:
        lines.append(Line(" ".join(current), ""))
    return lines


def _break_word(word: str, font: str, size: float, room: float, full: float) -> list[str]:
    """A word too long for a line, in pieces: the first fits ``room`` (it is empty if not
    even a letter fits there), the others ``full``. Combining marks (Hebrew points, Arabic
    vowels) stay with their letter."""
    pieces: list[str] = []
    current = ""
    used = 0.0
    limit = room
    for cluster in _clusters(word):
        width = _width(cluster, font, size)
        # A letter wider than a whole line still goes on a line of its own (and overflows).
        if used + width > limit and (current or not pieces):
            pieces.append(current)
            current, used, limit = "", 0.0, full
        current += cluster
        used += width
    pieces.append(current)
    return pieces


def _clusters(word: str) -> list[str]:
    clusters: list[str] = []
    for char in word:
        if clusters and unicodedata.combining(char):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def _width(text: str, font: str, size: float) -> float:
    """Printed width, after the glyph fallbacks ("🚀" prints as "[rocket]")."""
    return stringWidth(printable(text), font, size)

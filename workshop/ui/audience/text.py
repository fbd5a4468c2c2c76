"""Breaking text into the lines the room will see, and cutting it short with "…".

The audience view never shrinks text to make it fit (VISUAL.md, "Type"): a long answer is
shown as its first lines, the last one ending in "…". Lines are broken here with
:class:`QTextLayout` — the same engine a label uses — and handed to the label already
broken, so what we counted is what is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption

ELLIPSIS = "…"


@dataclass(frozen=True)
class Lines:
    lines: tuple[str, ...]
    truncated: bool

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def __len__(self) -> int:
        return len(self.lines)


def _utf16_slice(encoded: bytes, start: int, length: int) -> str:
    """Qt counts positions in UTF-16 code units; Python strings count code points (emoji)."""
    return encoded[start * 2 : (start + length) * 2].decode("utf-16-le", errors="replace")


def _break_paragraph(paragraph: str, font: QFont, width: float) -> list[str]:
    if not paragraph:
        return [""]
    layout = QTextLayout(paragraph, font)
    option = QTextOption()
    # A 200-character word still breaks (anywhere) rather than running off the screen.
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    encoded = paragraph.encode("utf-16-le")
    lines: list[str] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(_utf16_slice(encoded, line.textStart(), line.textLength()).rstrip())
    layout.endLayout()
    return lines or [""]


def end_with_ellipsis(line: str, metrics: QFontMetricsF, width: float) -> str:
    """``line`` cut (at a word if one is near) so that it ends in "…" within ``width``."""
    candidate = line.rstrip()
    while candidate and metrics.horizontalAdvance(candidate + " " + ELLIPSIS) > width:
        candidate = candidate[:-1]
    cut = candidate.rfind(" ")
    if cut > len(candidate) * 0.6 and len(candidate) < len(line.rstrip()):
        candidate = candidate[:cut]  # end on a whole word when that loses little
    return (candidate.rstrip(" ,;:-") + " " + ELLIPSIS).lstrip()


def wrap(text: str, font: QFont, width: float, max_lines: int) -> Lines:
    """The first ``max_lines`` lines of ``text`` at ``width`` pixels; "…" ends a cut text."""
    width = max(width, 1.0)
    max_lines = max(max_lines, 1)
    lines: list[str] = []
    for paragraph in text.strip().splitlines():
        lines += _break_paragraph(paragraph.strip(), font, width)
    # Blank paragraphs between points are kept as one empty line, never more.
    tidy: list[str] = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    while tidy and not tidy[-1]:
        tidy.pop()
    if len(tidy) <= max_lines:
        return Lines(tuple(tidy), False)
    shown = tidy[:max_lines]
    while len(shown) > 1 and not shown[-1]:
        shown.pop()
    shown[-1] = end_with_ellipsis(shown[-1], QFontMetricsF(font), width)
    return Lines(tuple(shown), True)

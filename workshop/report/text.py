"""Turning what people typed into text ReportLab prints exactly as typed.

Every piece of user text goes through :func:`para` (for ``Paragraph`` markup) or
:func:`plain` (for strings drawn directly on the canvas, e.g. chart labels and the footer).
In order, per line of the text:

1. **Right-to-left script in visual order.** ReportLab draws characters in logical order, so
   Hebrew and Arabic would come out backwards. Arabic letters are first joined into their
   contextual forms (``arabic_reshaper``), then the line is reordered (``python-bidi``).
   A line reordered here is printed as one line (a name, a title, a chart label). Text that
   may wrap must be broken into lines in reading order *first*, or its lines would read
   bottom-up: ``rtl.py`` does that for paragraphs and table cells, using :func:`shape`,
   :func:`base_is_rtl` and :func:`visual_line` below.
2. **Glyphs the font lacks are replaced on purpose**, never left to print as an empty box:
   an emoji or symbol becomes its Unicode name in brackets ("🚀" → "[rocket]"), a flag
   becomes "[flag FR]", and a run of other characters the font lacks (e.g. Chinese, which
   DejaVu does not cover) becomes one "[?]", so the reader sees something is missing. Emoji the font does have (a few monochrome ones such as ☺ ✓ ♥) print as themselves.
   Invisible emoji joiners, variation selectors and skin-tone modifiers are dropped.
3. **Escaping** (``para`` only): ``&``, ``<`` and ``>`` are escaped, so markup in an answer
   prints as typed and is never interpreted (an ``<img>`` is never fetched); newlines become
   ``<br/>``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from xml.sax.saxutils import escape

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.ligatures import LIGATURES
from bidi.algorithm import get_display
from reportlab.pdfbase.pdfmetrics import stringWidth

from workshop.report.fonts import REGULAR, covered

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_DROPPED = frozenset(
    [0x200D, 0xFE0E, 0xFE0F, 0x20E3] + list(range(0x1F3FB, 0x1F400)) + list(range(0xE0020, 0xE0080))
)
_ISOLATE_OPEN = frozenset("\u2066\u2067\u2068")  # LRI, RLI, FSI
_ISOLATE_CLOSE = "\u2069"  # PDI
_REGIONAL_A = 0x1F1E6
_REPLACEMENT = "\ufffd"
_UNPRINTABLE = "[?]"


@cache
def _reshaper() -> ArabicReshaper:
    """A reshaper that forms only the ligatures our font can draw (DejaVu has lam-alef but
    not, e.g., the single-glyph "Allah" ligature, which would otherwise print as a box)."""
    have = covered(REGULAR)
    config: dict[str, bool] = {}
    for name, (_match, forms) in LIGATURES:
        config[name] = all(ord(c) in have for form in forms for c in form)
    return ArabicReshaper(configuration=config)


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds any right-to-left letter (Hebrew, Arabic, ...)."""
    return _RTL.search(text) is not None


def shape(line: str) -> str:
    """Arabic letters joined into their contextual forms; still in logical (typed) order."""
    return _reshaper().reshape(line) if _ARABIC.search(line) else line


def base_is_rtl(text: str) -> bool:
    """Whether ``text`` reads right to left as a whole, so its lines start at the right.

    Its first strong letter decides, as in the Unicode bidi algorithm (rules P2/P3, text
    inside isolates skipped) — and right-to-left letters must also outnumber left-to-right
    ones. That second condition keeps our own English sentences built around a name
    ("דוד כהן is the champion of this roadmap", "דוד כהן — VP Product") reading left to
    right, as the rest of the document does.
    """
    first = ""
    rtl = ltr = depth = 0
    for char in text:
        if char in _ISOLATE_OPEN:
            depth += 1
            continue
        if char == _ISOLATE_CLOSE:
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            ltr += 1
        elif kind in ("R", "AL"):
            rtl += 1
        else:
            continue
        first = first or kind
    return first in ("R", "AL") and rtl > ltr


def visual_line(line: str, font: str, *, rtl: bool) -> str:
    """One printed line (already shaped, not escaped) in visual order, with the fallbacks.

    ``rtl`` is the base direction: it decides where neutral characters at the ends go
    (the full stop of a Hebrew sentence ends up at its left).
    """
    if _RTL.search(line):
        line = str(get_display(line, base_dir="R" if rtl else "L"))
    return _fallback(line, font)


def printable(text: str, font: str = REGULAR) -> str:
    """``text`` with the glyph fallbacks applied (no reordering): what its width is when printed."""
    return _fallback(text, font)


def _visual_order(line: str) -> str:
    if not _RTL.search(line):
        return line
    # The document reads left to right: a line mixing a Hebrew name and English keeps its
    # English order ("דוד כהן — VP Product"), with the Hebrew run itself reversed.
    return str(get_display(shape(line), base_dir="L"))


def _is_symbol(char: str) -> bool:
    code = ord(char)
    return unicodedata.category(char) in ("So", "Sk", "Sm") or 0x1F000 <= code <= 0x1FAFF


def _fallback(line: str, font: str) -> str:
    """Replace characters the font has no glyph for (see the module docstring)."""
    have = covered(font)
    if have.issuperset(map(ord, line)) and _DROPPED.isdisjoint(map(ord, line)) and "\t" not in line:
        return line  # the common case, checked at C speed
    out: list[str] = []
    chars = list(line)
    i = 0
    while i < len(chars):
        char = chars[i]
        code = ord(char)
        i += 1
        if code in _DROPPED:
            continue
        if char == "\t":
            out.append("    ")
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Cs", "Co", "Cn") and code not in have:
            continue  # control codes, lone surrogates, unassigned: nothing a reader can use
        if code in have:
            out.append(char)
            continue
        if _REGIONAL_A <= code < _REGIONAL_A + 26:
            letters = chr(ord("A") + code - _REGIONAL_A)
            if i < len(chars) and _REGIONAL_A <= ord(chars[i]) < _REGIONAL_A + 26:
                letters += chr(ord("A") + ord(chars[i]) - _REGIONAL_A)
                i += 1
            out.append(f"[flag {letters}]")
        elif _is_symbol(char):
            name = unicodedata.name(char, "")
            out.append(f"[{name.lower()}]" if name else _REPLACEMENT)
        elif not (out and out[-1] == _UNPRINTABLE):
            out.append(_UNPRINTABLE)  # one marker per run, not one per character
    return "".join(out)


def typed_lines(text: str) -> list[str]:
    """The lines the user typed (any newline convention)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _lines(text: str, font: str) -> list[str]:
    return [_fallback(_visual_order(line), font) for line in typed_lines(text)]


def para(text: str, font: str = REGULAR) -> str:
    """User text as safe ``Paragraph`` markup: printed exactly as typed."""
    return "<br/>".join(escape(line) for line in _lines(text, font))


def plain(text: str, font: str = REGULAR) -> str:
    """User text for ``drawString``: visual order and fallbacks, newlines become spaces."""
    return " ".join(_lines(text, font))


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with "…" so it is at most ``width`` points wide in one line."""
    if stringWidth(text, font, size) <= width:
        return text
    ellipsis = "…"
    low, high = 0, len(text)
    while low < high:  # longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if stringWidth(text[:mid].rstrip() + ellipsis, font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ellipsis

"""The shipped DejaVu Sans family, registered once with ReportLab.

ReportLab's built-in fonts cover Latin-1 only; a name like "Ørjan", "Σοφία" or "Дмитрий"
would print as boxes without an error. We register the TTFs shipped in ``resources/fonts``
as one family, so ``<b>`` and ``<i>`` in our own markup pick the right face.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workshop.paths import fonts_folder

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}

_lock = threading.Lock()


def fonts_dir() -> Path:
    """The folder of shipped fonts (works installed, editable and bundled)."""
    return fonts_folder()


@cache
def _register() -> None:
    folder = fonts_dir()
    for name, file_name in _FILES.items():
        path = folder / file_name
        if not path.is_file():
            # Imported here to keep this module free of a cycle with the package entry point.
            from workshop.report.errors import ReportError

            raise ReportError(f"The font file {path} is missing; reinstall the application.")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # One family: bold italic falls back to bold (we ship no bold oblique face).
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD
    )


def register_fonts() -> None:
    """Register the family with ReportLab (idempotent, thread-safe)."""
    with _lock:
        _register()


@cache
def covered(font_name: str) -> frozenset[int]:
    """Code points the face has a real glyph for (from the TTF's cmap)."""
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    # Control codes are never "covered", even where the cmap maps them: they must be dropped.
    return frozenset(
        code for code in font.face.charToGlyph if code >= 0x20 and not 0x7F <= code <= 0x9F
    )

"""The printed look: the app's light theme and category colours (../shared/VISUAL.md).

Sizes derive from one body size and its leading, so spacing stays in proportion.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from workshop.colours import CATEGORY as CATEGORY_HEX
from workshop.colours import THEMES
from workshop.report.fonts import BOLD, ITALIC, REGULAR, register_fonts

# --- colours: the app's light theme (workshop/colours.py), so screen and paper agree -----
PRINT = THEMES["light"]
TEXT = HexColor(PRINT.text)
MUTED = HexColor(PRINT.muted)
ACCENT = HexColor(PRINT.accent)
WARNING = HexColor(PRINT.warning)
DANGER = HexColor(PRINT.danger)
RULE = HexColor("#B8BEC6")  # hairlines between rows: visible in print, never loud
ZEBRA = HexColor("#F3F5F7")  # every other table row: low contrast on white
HEADER_FILL = HexColor("#E4EAF0")

# Okabe-Ito category fills. Always drawn with a dark outline and a text label on top.
BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILLION = (HexColor(c) for c in CATEGORY_HEX)
CATEGORY = (BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILLION)


def tint(colour: Color, strength: float) -> Color:
    """``colour`` mixed with white (strength 1 = the colour itself), for opaque light fills.

    Opaque rather than transparent fills keep the PDF simple and print the same everywhere.
    """
    return Color(
        1 - (1 - colour.red) * strength,
        1 - (1 - colour.green) * strength,
        1 - (1 - colour.blue) * strength,
    )


# --- page geometry ---------------------------------------------------------------------------
MARGIN = 20 * mm
FOOTER_Y = 11 * mm  # baseline of the running footer, inside the bottom margin

# --- type ------------------------------------------------------------------------------------
BODY_SIZE = 9.5
LEADING = 13.5
SMALL_SIZE = 8
SMALL_LEADING = 10.5
UNIT = LEADING / 2  # spacing comes in multiples of half a line


class Styles:
    """Named paragraph styles of the report."""

    def __init__(self) -> None:
        register_fonts()
        base = ParagraphStyle(
            "body",
            fontName=REGULAR,
            fontSize=BODY_SIZE,
            leading=LEADING,
            textColor=TEXT,
            alignment=TA_LEFT,
            spaceAfter=UNIT,
            allowWidows=0,
            allowOrphans=0,
            splitLongWords=1,
            bulletFontName=REGULAR,
            wordWrap=None,
        )
        self.body = base
        self.muted = ParagraphStyle("muted", parent=base, textColor=MUTED)
        self.note = ParagraphStyle("note", parent=base, fontName=ITALIC, textColor=MUTED)
        self.small = ParagraphStyle(
            "small", parent=base, fontSize=SMALL_SIZE, leading=SMALL_LEADING, spaceAfter=0
        )
        self.small_muted = ParagraphStyle("small_muted", parent=self.small, textColor=MUTED)
        self.cell = ParagraphStyle("cell", parent=self.small, spaceAfter=0)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=BOLD)
        self.cell_right = ParagraphStyle("cell_right", parent=self.cell, alignment=TA_RIGHT)
        self.cell_head = ParagraphStyle(
            "cell_head", parent=self.cell, fontName=BOLD, textColor=TEXT
        )
        self.cell_head_right = ParagraphStyle(
            "cell_head_right", parent=self.cell_head, alignment=TA_RIGHT
        )
        self.roadmap_item = ParagraphStyle(
            "roadmap_item", parent=self.cell, fontSize=7.5, leading=9.5, spaceAfter=2.5
        )
        self.h1 = ParagraphStyle(
            "h1",
            parent=base,
            fontName=BOLD,
            fontSize=18,
            leading=23,
            textColor=ACCENT,
            spaceBefore=0,
            spaceAfter=UNIT * 2,
            keepWithNext=1,
        )
        self.h2 = ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=12,
            leading=16,
            spaceBefore=UNIT * 2,
            spaceAfter=UNIT,
            keepWithNext=1,
        )
        self.h3 = ParagraphStyle(
            "h3",
            parent=base,
            fontName=BOLD,
            fontSize=BODY_SIZE,
            leading=LEADING,
            spaceBefore=UNIT,
            spaceAfter=UNIT / 2,
            keepWithNext=1,
        )
        self.label = ParagraphStyle(  # a bold lead-in kept with the text it introduces
            "label", parent=base, fontName=BOLD, spaceAfter=1, keepWithNext=1
        )
        self.bullet = ParagraphStyle(
            "bullet", parent=base, leftIndent=UNIT * 2, bulletIndent=UNIT / 2, spaceAfter=UNIT / 2
        )
        self.cover_org = ParagraphStyle(
            "cover_org", parent=base, fontName=BOLD, fontSize=32, leading=38, spaceAfter=UNIT * 2
        )
        self.cover_title = ParagraphStyle(
            "cover_title",
            parent=base,
            fontSize=17,
            leading=23,
            textColor=ACCENT,
            spaceAfter=UNIT * 4,
        )
        self.cover_kicker = ParagraphStyle(
            "cover_kicker",
            parent=base,
            fontName=BOLD,
            fontSize=10,
            leading=14,
            textColor=MUTED,
            spaceAfter=UNIT * 3,
        )
        self.cover_meta = ParagraphStyle("cover_meta", parent=base, fontSize=10.5, leading=15)
        self.toc = ParagraphStyle("toc", parent=base, fontSize=11, leading=15)


@cache
def styles() -> Styles:
    return Styles()

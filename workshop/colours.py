"""The colours of each theme, and which text colour is drawn on which surface, in one place.

Every text colour must reach 7:1 (WCAG relative-luminance contrast) on every surface it is
drawn on, in every theme: the room reads the screen from metres away, through a projector
that washes colours out. :func:`text_pairs` declares those pairs and
``tests/test_theme_contrast.py`` computes each one, so a colour tweak that breaks legibility
anywhere fails the suite rather than a facilitator's afternoon.

Plain data and arithmetic only (no Qt), so the numbers can be checked anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The contrast every text colour needs on its surface (WCAG 2 "AAA" for normal text).
TEXT_CONTRAST = 7.0
#: The contrast a non-text mark (the focus ring, an outline) needs on what surrounds it.
NON_TEXT_CONTRAST = 3.0
#: How much accent is mixed into the background of a chosen option card.
CHOSEN_TINT = 0.08
#: Okabe-Ito colour-blind-safe category colours (VISUAL.md), in roadmap lane order. Fills
#: and stripes only, never text: every lane and quadrant is also named in words.
CATEGORY = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
#: How much of its category colour tints a roadmap lane's name cell (text sits on it).
LANE_TINT = 0.25


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    background: str  # the window, inputs, cards
    surface: str  # panels, buttons, zebra rows, tooltips: a step away from the background
    text: str
    muted: str  # secondary text, placeholders, disabled controls
    accent: str  # links, accent tags, the selection, the focus ring
    warning: str  # the amber of the timer; the "Projecting" badge
    danger: str  # the red of the timer once a section is over its time
    success: str  # "done", "ready", "available"
    on_accent: str  # text on an accent fill (the selection, a checked button)
    on_warning: str  # text on a warning fill (the "Projecting" badge)

    def chosen(self) -> str:
        """The faint accent tint behind a chosen option card."""
        return mix(self.accent, self.background, CHOSEN_TINT)


THEMES: dict[str, Theme] = {
    "light": Theme(
        "light",
        "Light",
        background="#FFFFFF",
        surface="#F3F4F6",
        text="#1A1A1A",
        muted="#4A4A4A",
        accent="#004C78",
        warning="#6B4700",
        danger="#8C1C00",
        success="#17592A",
        on_accent="#FFFFFF",
        on_warning="#FFFFFF",
    ),
    "projector": Theme(
        # Pale cream rather than white: white dazzles on a projector.
        "projector",
        "Projector (high contrast)",
        background="#FFFBF0",
        surface="#F4EEDC",
        text="#111111",
        muted="#333333",
        accent="#004C78",
        warning="#664400",
        danger="#8C1C00",
        success="#17592A",
        on_accent="#FFFFFF",
        on_warning="#FFFFFF",
    ),
    "dark": Theme(
        "dark",
        "Dark",
        background="#16191D",
        surface="#22262C",
        text="#F2F2F2",
        muted="#C8CCD2",
        accent="#6CC0F0",
        warning="#F0B400",
        danger="#FF9C84",
        success="#7FD49B",
        on_accent="#16191D",
        on_warning="#16191D",
    ),
}
DEFAULT_THEME = "light"

#: Text colours drawn on the ordinary surfaces (window, panels, a chosen card).
TEXT_ROLES = ("text", "muted", "accent", "warning", "danger", "success")


def text_pairs(t: Theme) -> list[tuple[str, str, str, str]]:
    """Every (text role, surface name, text colour, surface colour) the app draws in ``t``.

    Tags are outlined, not filled, so their text sits on whatever surface holds them (the
    window, a panel, a card): they are covered by the ordinary surfaces. Links are the
    accent colour.
    """
    surfaces = {"background": t.background, "panel": t.surface, "chosen card": t.chosen()}
    pairs = [
        (role, name, getattr(t, role), colour)
        for name, colour in surfaces.items()
        for role in TEXT_ROLES
    ]
    # A roadmap lane's name, in the text colour, on its category tint.
    pairs += [("text", f"lane tint {c}", t.text, mix(c, t.background, LANE_TINT)) for c in CATEGORY]
    pairs.append(("on_accent", "selection", t.on_accent, t.accent))
    pairs.append(("on_warning", "warning badge", t.on_warning, t.warning))
    return pairs


def focus_pairs(t: Theme) -> list[tuple[str, str, str]]:
    """What the focus ring (accent) must stand out from: every surface a control sits on
    or is filled with."""
    return [
        ("background", t.accent, t.background),
        ("panel", t.accent, t.surface),
        ("chosen card", t.accent, t.chosen()),
    ]


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(colour: str | tuple[int, int, int]) -> float:
    """WCAG relative luminance of ``#RRGGBB`` or an (r, g, b) triple."""
    r, g, b = rgb(colour) if isinstance(colour, str) else colour
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str | tuple[int, int, int], b: str | tuple[int, int, int]) -> float:
    """WCAG contrast ratio between two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(colour: str, background: str, strength: float) -> str:
    """``colour`` laid over ``background`` at ``strength`` (0 = background, 1 = colour)."""
    top, under = rgb(colour), rgb(background)
    parts = (round(t * strength + u * (1 - strength)) for t, u in zip(top, under, strict=True))
    return "#" + "".join(f"{p:02X}" for p in parts)


def lowest_text_contrast(t: Theme) -> tuple[float, str]:
    """The weakest text pair of ``t``: (ratio, "role on surface")."""
    return min(
        (contrast(fg, bg), f"{role} on {surface}") for role, surface, fg, bg in text_pairs(t)
    )

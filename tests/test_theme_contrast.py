"""Every text colour reaches 7:1 on every surface it is drawn on, in every theme (WCAG
relative luminance), and the focus ring's accent reaches 3:1 on what surrounds it. The
pairs are declared once, in workshop/colours.py."""

from __future__ import annotations

import pytest

from workshop.colours import (
    NON_TEXT_CONTRAST,
    TEXT_CONTRAST,
    TEXT_ROLES,
    THEMES,
    contrast,
    focus_pairs,
    luminance,
    mix,
    text_pairs,
)


def test_the_contrast_formula_matches_wcag():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast("#FFFFFF", "#777777") == contrast("#777777", "#FFFFFF")
    assert luminance("#FFFFFF") == pytest.approx(1.0)
    assert mix("#000000", "#FFFFFF", 0.5) == "#808080"


@pytest.mark.parametrize("theme_id", sorted(THEMES))
def test_every_text_colour_reaches_7_to_1_on_every_surface(theme_id):
    t = THEMES[theme_id]
    pairs = text_pairs(t)
    # Every text role is declared on the window, the panels and a chosen card.
    for surface in ("background", "panel", "chosen card"):
        assert {role for role, name, _, _ in pairs if name == surface} == set(TEXT_ROLES)
    weak = [
        f"{role} {fg} on {surface} {bg}: {contrast(fg, bg):.2f}:1"
        for role, surface, fg, bg in pairs
        if contrast(fg, bg) < TEXT_CONTRAST
    ]
    assert not weak, "\n".join(weak)


@pytest.mark.parametrize("theme_id", sorted(THEMES))
def test_the_focus_ring_stands_out_from_every_surface(theme_id):
    for surface, ring, bg in focus_pairs(THEMES[theme_id]):
        assert contrast(ring, bg) >= NON_TEXT_CONTRAST, surface

"""What a widget actually looks like on screen: the colours in its area of the window's
rendering (not its palette, which a style sheet can override or leave stale)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from workshop.colours import contrast, rgb

RGB = tuple[int, int, int]


def drawn(widget: QWidget, margin: int = 0) -> QImage:
    """The pixels of ``widget``'s area (plus ``margin`` around it) as its window draws them.

    Without a margin, only the part not clipped away (by a scroll area, say) is taken."""
    window = widget.window()
    local = widget.visibleRegion().boundingRect() if margin == 0 else widget.rect()
    top_left = widget.mapTo(window, local.topLeft())
    area = QRect(top_left, local.size()).adjusted(-margin, -margin, margin, margin)
    return window.grab(area.intersected(window.rect())).toImage()


def colours(image: QImage) -> Counter[RGB]:
    counts: Counter[RGB] = Counter()
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            counts[(c.red(), c.green(), c.blue())] += 1
    return counts


def background_and_ink(image: QImage) -> tuple[RGB, RGB, float]:
    """The commonest colour (the surface), the colour farthest from it in contrast (the text
    or outline), and their contrast ratio."""
    counts = colours(image)
    surface = counts.most_common(1)[0][0]
    ink = max(counts, key=lambda c: contrast(c, surface))
    return surface, ink, contrast(ink, surface)


def near(a: RGB, b: RGB | str, tolerance: int = 6) -> bool:
    other = rgb(b) if isinstance(b, str) else b
    return all(abs(x - y) <= tolerance for x, y in zip(a, other, strict=True))


def share_of(image: QImage, colour: str, tolerance: int = 6) -> float:
    """The share of ``image``'s pixels that are ``colour``."""
    counts = colours(image)
    hits = sum(n for c, n in counts.items() if near(c, colour, tolerance))
    return hits / max(1, image.width() * image.height())

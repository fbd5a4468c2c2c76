"""Themes (light, projector, dark) and type sizes, from VISUAL.md.

Colours are applied to the whole application as a palette (no style sheets, see
:func:`apply_theme`), so a theme change is live. Every size is derived from the base font size times the zoom factor
(and a projecting factor for the workshop window): nothing is a fixed pixel count, so the
same window reads well on a laptop and on a projector.

Widgets opt in to type roles with :func:`set_role` (``page_title``, ``section_title``,
``secondary``, ``muted``, ``indicator``) and to status colours with :func:`set_level`;
:func:`restyle` re-derives them after a zoom, projecting or theme change.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    background: str
    surface: str  # panels, inputs: a step away from the background
    text: str
    muted: str
    accent: str
    warning: str
    danger: str
    on_accent: str  # text on an accent fill


THEMES: dict[str, Theme] = {
    "light": Theme(
        "light", "Light", "#FFFFFF", "#F3F4F6", "#1A1A1A", "#4A4A4A",
        "#005A8C", "#6B4700", "#A32000", "#FFFFFF",
    ),
    "projector": Theme(
        "projector", "Projector (high contrast)", "#FFFBF0", "#F4EEDC", "#111111", "#333333",
        "#005A8C", "#6B4700", "#A32000", "#FFFFFF",
    ),
    "dark": Theme(
        "dark", "Dark", "#16191D", "#22262C", "#F2F2F2", "#C8CCD2",
        "#56B4E9", "#F0B400", "#FF8A70", "#16191D",
    ),
}
DEFAULT_THEME = "light"

# Type scale relative to the body size (VISUAL.md).
SECONDARY = 0.9
SECTION_TITLE = 1.25
PAGE_TITLE = 1.6
PROJECTING_FACTOR = 1.5  # the room reads from metres away: at least this × the platform size
# ...and at least this share of the height of the screen the window is on (VISUAL.md): a
# projector mirroring the laptop is read from the back row, 27 px at 1080, 20 px at 768.
PROJECTING_SCREEN_SHARE = 1 / 40
ZOOM_STEPS = (0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)

_system_point_size: float | None = None


def system_point_size() -> float:
    """The platform's body font size, read once before we start changing fonts."""
    global _system_point_size
    if _system_point_size is None:
        size = QApplication.font().pointSizeF()
        _system_point_size = size if size > 0 else 10.0
    return _system_point_size


def projecting_pixels(screen_height: int) -> int:
    """The smallest body text (in pixels) for projecting on a screen this tall."""
    return math.ceil(max(screen_height, 240) * PROJECTING_SCREEN_SHARE)


def projecting_point_size(widget: QWidget | None, zoom: float = 1.0) -> float:
    """Body size in points for projecting ``widget``'s window: the larger of the platform
    size × :data:`PROJECTING_FACTOR` and :func:`projecting_pixels` of its screen."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    factor = system_point_size() * PROJECTING_FACTOR
    if screen is None:
        return factor * zoom
    dpi = screen.logicalDotsPerInchY() or 96.0
    # Qt rounds pixels = points × dpi / 72; a hair over keeps the rounding at or above.
    points = (projecting_pixels(screen.geometry().height()) + 0.01) * 72.0 / dpi
    return max(points, factor) * zoom


def single_screen() -> bool:
    """One screen only: whatever the laptop shows, the room sees (a mirrored projector)."""
    return len(QGuiApplication.screens()) <= 1


def window_font_for(dialog: QWidget, parent: QWidget | None) -> None:
    """Give a dialog its parent window's type size (Qt does not pass fonts on to child
    windows), so a dialog opened while projecting is as large as the window behind it."""
    if parent is None:
        return
    font = QFont(dialog.font())
    size = parent.window().font().pointSizeF()
    if size > 0 and abs(size - font.pointSizeF()) > 0.01:
        font.setPointSizeF(size)
        dialog.setFont(font)


def theme(theme_id: str) -> Theme:
    return THEMES.get(theme_id, THEMES[DEFAULT_THEME])


def next_zoom(zoom: float, direction: int) -> float:
    """The next zoom step up (direction 1) or down (-1) from ``zoom``."""
    if direction > 0:
        return next((z for z in ZOOM_STEPS if z > zoom + 1e-6), ZOOM_STEPS[-1])
    return next((z for z in reversed(ZOOM_STEPS) if z < zoom - 1e-6), ZOOM_STEPS[0])


def palette(t: Theme) -> QPalette:
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: t.background,
        QPalette.ColorRole.Base: t.background,
        QPalette.ColorRole.AlternateBase: t.surface,
        QPalette.ColorRole.Button: t.surface,
        QPalette.ColorRole.WindowText: t.text,
        QPalette.ColorRole.Text: t.text,
        QPalette.ColorRole.ButtonText: t.text,
        QPalette.ColorRole.ToolTipBase: t.surface,
        QPalette.ColorRole.ToolTipText: t.text,
        QPalette.ColorRole.PlaceholderText: t.muted,
        QPalette.ColorRole.Highlight: t.accent,
        QPalette.ColorRole.HighlightedText: t.on_accent,
        QPalette.ColorRole.Link: t.accent,
        QPalette.ColorRole.BrightText: t.danger,
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(t.muted))
    return pal


# Type roles: (size factor, bold, colour token). Widgets opt in with set_role().
ROLES: dict[str, tuple[float, bool, str]] = {
    "page_title": (PAGE_TITLE, True, "text"),
    "section_title": (SECTION_TITLE, True, "text"),
    "secondary": (SECONDARY, False, "muted"),
    "muted": (1.0, False, "muted"),
    "indicator": (1.0, True, "on_accent"),
    "indicator_off": (1.0, False, "muted"),
}
LEVELS = {"normal": "text", "warning": "warning", "danger": "danger"}


_INDICATORS = frozenset(
    {
        QStyle.PixelMetric.PM_IndicatorWidth,
        QStyle.PixelMetric.PM_IndicatorHeight,
        QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
        QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
    }
)


class FontScaledStyle(QProxyStyle):
    """The platform's own style, with check boxes and radio buttons sized from the font
    and outlined in the text colour.

    Styles size those ticks in fixed pixels, so when projecting or zoom doubles the type
    the box beside "Page done" or "Blocks the start" stays tiny and cannot be read from the
    back of the room; and their outline is derived from the background, which leaves an
    empty box invisible on the dark theme. Everything else is left to the wrapped style.
    """

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in (
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
        ):
            # A non-text shape needs 3:1 against the background (VISUAL.md): outline it.
            painter.save()
            pen = QPen(option.palette.color(QPalette.ColorRole.Text))  # type: ignore[attr-defined]
            pen.setWidthF(max(1.0, option.rect.height() / 14))  # type: ignore[attr-defined]
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inset = pen.widthF() / 2
            painter.drawRect(QRectF(option.rect).adjusted(inset, inset, -inset, -inset))  # type: ignore[attr-defined]
            painter.restore()

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        base = super().pixelMetric(metric, option, widget)
        if metric in _INDICATORS:
            font = widget.font() if widget is not None else QApplication.font()
            return max(base, round(QFontMetrics(font).height() * 0.85))
        return base


def _use_font_scaled_style(app: QApplication) -> None:
    if not isinstance(app.style(), FontScaledStyle):
        app.setStyle(FontScaledStyle(app.style().name()))


def apply_theme(app: QApplication, theme_id: str, zoom: float = 1.0) -> Theme:
    """Apply colours and the zoomed base font to the whole application, live.

    No style sheets: Qt stops propagating fonts to children under a style sheet, and the
    pages derive their title sizes from the font they inherit (zoom and projecting work by
    changing one window's font).
    """
    t = theme(theme_id)
    _use_font_scaled_style(app)
    body_pt = system_point_size() * zoom
    font = QFont(app.font())
    font.setPointSizeF(body_pt)
    app.setFont(font)
    app.setPalette(palette(t))
    app.setProperty("workshop_theme", t.id)
    for widget in app.topLevelWidgets():
        restyle(widget)
    return t


def current_theme() -> Theme:
    app = QApplication.instance()
    value = app.property("workshop_theme") if app is not None else None
    return theme(str(value) if value else DEFAULT_THEME)


def _style_one(widget: QWidget, body: QFont, t: Theme) -> None:
    role = widget.property("theme_role")
    level = widget.property("theme_level")
    factor, bold, token = ROLES.get(str(role), (1.0, False, "text"))
    if level in ("warning", "danger"):
        bold, token = True, LEVELS[str(level)]
    if role is None and level is None:
        return
    font = QFont(body)
    if body.pointSizeF() > 0:
        font.setPointSizeF(body.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)
    pal = QPalette(widget.palette())
    pal.setColor(QPalette.ColorRole.WindowText, QColor(getattr(t, token)))
    pal.setColor(QPalette.ColorRole.Window, QColor(t.accent))
    widget.setPalette(pal)
    widget.setAutoFillBackground(role == "indicator")
    if role in ("indicator", "indicator_off"):
        step = line_step(widget)
        widget.setContentsMargins(step, step // 3, step, step // 3)


def restyle(root: QWidget) -> None:
    """Re-derive role fonts and colours under ``root`` from its font and the theme.

    Call after changing ``root``'s font (zoom, projecting) or the theme.
    """
    t = current_theme()
    body = QFont(root.font())
    body.setBold(False)
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.property("theme_role") is not None or widget.property("theme_level") is not None:
            # Fonts of marked widgets derive from their parent's *unmarked* base font.
            parent = widget.parentWidget()
            base = body if parent is None else QFont(parent.font())
            if parent is not None and parent.property("theme_role") is not None:
                base = body
            base.setBold(False)
            _style_one(widget, base, t)


def set_role(widget: QWidget, role: str) -> QWidget:
    """Give ``widget`` a type role (see ROLES); sized from its parent's font."""
    widget.setProperty("theme_role", role)
    parent = widget.parentWidget()
    base = QFont(parent.font() if parent is not None else widget.font())
    base.setBold(False)
    _style_one(widget, base, current_theme())
    return widget


def set_level(widget: QWidget, level: str) -> None:
    """Set a status level (``normal``/``warning``/``danger``): colour plus bold weight."""
    if widget.property("theme_level") == level:
        return
    widget.setProperty("theme_level", level)
    parent = widget.parentWidget()
    base = QFont(parent.font() if parent is not None else widget.font())
    base.setBold(False)
    _style_one(widget, base, current_theme())


def half_line(widget: QWidget) -> float:
    """Half the font's line height: the unit of every margin and gap (VISUAL.md, "Space")."""
    return QFontMetricsF(widget.font()).lineSpacing() / 2


def line_step(widget: QWidget) -> int:
    """:func:`half_line` in whole pixels, for layout margins and spacings."""
    return max(2, int(half_line(widget)))

"""Themes (light, projector, dark), type sizes and the focus ring, from VISUAL.md.

The colours live in :mod:`workshop.colours`, with every text/surface pair they are
checked on. They reach the widgets as the application palette (:func:`apply_theme`); the
few style sheets (tags, checked buttons) refer to it, and a theme change hands the new
palette to every widget, visited pages included, so it is live. Every size is derived from
the base font size times the zoom factor (and a projecting factor for the workshop window):
nothing is a fixed pixel count, so the same window reads well on a laptop and on a projector.

Widgets opt in to type roles with :func:`set_role` (``page_title``, ``section_title``,
``secondary``, ``muted``, ``indicator``) and to status colours with :func:`set_level`;
:func:`restyle` re-derives them after a zoom, projecting or theme change. Whichever control
has the keyboard shows a :class:`FocusRing`, in every window of the application.
"""

from __future__ import annotations

import math

import shiboken6

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QProxyStyle,
    QSplitter,
    QStyle,
    QStyleOption,
    QWidget,
)

# The colours themselves, and which text is drawn on which surface, live in colours.py.
from workshop.colours import DEFAULT_THEME as DEFAULT_THEME
from workshop.colours import THEMES as THEMES
from workshop.colours import Theme as Theme

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
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(t.muted))
    return pal


# Type roles: (size factor, bold, colour token, fill token or None). Widgets opt in with
# set_role().
ROLES: dict[str, tuple[float, bool, str, str | None]] = {
    "page_title": (PAGE_TITLE, True, "text", None),
    "section_title": (SECTION_TITLE, True, "text", None),
    "secondary": (SECONDARY, False, "muted", None),
    "muted": (1.0, False, "muted", None),
    # The "Projecting" badge: the room can see this screen, so it is in the warning colours
    # (a filled badge; its text says it, the "●" marks it without colour).
    "indicator": (1.0, True, "on_warning", "warning"),
    "indicator_off": (1.0, False, "muted", None),
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


def _item_view_of(widget: QWidget | None, painter: QPainter) -> QAbstractItemView | None:
    """The list, table or tree being painted, if any. (A tree draws its current row's focus
    mark without naming itself: then the painter is on the view's viewport.)"""
    if isinstance(widget, QAbstractItemView):
        return widget
    device = painter.device()
    if widget is None and isinstance(device, QWidget):
        parent = device.parentWidget()
        if isinstance(parent, QAbstractItemView):
            return parent
    return None


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
        view = _item_view_of(widget, painter)
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect and view is not None:
            # The current row of a focused list or table: the style's dotted hairline
            # cannot be seen from the back row, so it gets the focus ring's outline.
            # The accent outline stands out from the rows around it; on a selected row it
            # joins the accent fill into one bolder bar, as visible as the outline.
            pal: QPalette = option.palette  # type: ignore[attr-defined]
            draw_ring(
                painter,
                QRectF(option.rect),
                pal.color(QPalette.ColorRole.Highlight),  # type: ignore[attr-defined]
                ring_width(view),
            )
            return
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

    def sizeFromContents(
        self,
        kind: QStyle.ContentsType,
        option: QStyleOption,
        size: QSize,
        widget: QWidget | None = None,
    ) -> QSize:
        # What QProxyStyle does too: ask the wrapped style (which accepts no widget).
        found = self.baseStyle().sizeFromContents(kind, option, size, widget)
        if kind == QStyle.ContentsType.CT_ItemViewItem and widget is not None:
            # Room above and below a row's text for the focus ring of the current row, so
            # the ring outlines the words instead of striking through them.
            found.setHeight(found.height() + 2 * ring_width(widget))
        return found

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


def ring_width(widget: QWidget) -> int:
    """The focus ring's width: 3 px at a laptop's type size, growing with the type (zoom,
    projecting), so it stays as visible as the text from the back of the room."""
    return max(3, round(QFontMetricsF(widget.font()).height() / 6))


def draw_focus_ring(
    painter: QPainter, rect: QRectF, accent: QColor, inner: QColor, width: int
) -> None:
    """The focus ring: an accent outline ``width`` thick just inside ``rect``, and inside it
    a thin line in ``inner`` (the colour of what it surrounds) that keeps it apart from a
    control or row filled with the accent."""
    draw_ring(painter, rect, accent, width)
    draw_ring(painter, rect.adjusted(width, width, -width, -width), inner, max(1, width // 3))


def draw_ring(painter: QPainter, rect: QRectF, colour: QColor, width: float) -> None:
    """An outline ``width`` thick just inside ``rect``."""
    painter.save()
    pen = QPen(colour)
    pen.setWidthF(width)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = width / 2
    painter.drawRect(rect.adjusted(inset, inset, -inset, -inset))
    painter.restore()


class FocusRing(QWidget):
    """A thick accent outline round whichever control has keyboard focus.

    One ring for the whole application, moved by :class:`_FocusFollower` onto the focused
    control: every control, from a button to the page list or a page's own statement row,
    shows focus the same way in every theme, whatever the platform style draws (Fusion's
    focus marks are a pale hairline). The ring is a sibling laid round the control (so it
    scrolls with it, and the control's own scroll bars cannot cover it). Inside it runs a
    thin line in the surrounding background colour, which keeps the ring apart from a
    control filled with the accent (a checked button). It takes no clicks or keys.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("focus_ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.control: QWidget | None = None

    @staticmethod
    def install(app: QApplication) -> None:
        """Follow keyboard focus in ``app`` from now on (once per application)."""
        if app.findChild(_FocusFollower, "focus_follower") is None:
            _FocusFollower(app)

    def width_px(self) -> int:
        control = self.control
        return ring_width(control if control is not None and shiboken6.isValid(control) else self)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        draw_focus_ring(
            painter,
            QRectF(self.rect()),
            palette.color(QPalette.ColorRole.Highlight),
            palette.color(QPalette.ColorRole.Window),
            self.width_px(),
        )
        painter.end()


def _shown_part(widget: QWidget) -> QRect:
    """The part of ``widget`` its parents show (a scroll area's viewport clips its page), in
    its own coordinates: the ring stays inside it, so it never reaches past the edge of a
    page or panel, and comes inside a control that meets that edge."""
    shown = widget.rect()
    parent = widget.parentWidget()
    while parent is not None and not widget.isWindow():
        shown = shown.intersected(QRect(widget.mapFrom(parent, QPoint(0, 0)), parent.size()))
        if parent.isWindow():
            break
        parent = parent.parentWidget()
    return shown


class _FocusFollower(QObject):
    """Moves the :class:`FocusRing` onto the focused control and keeps it fitted."""

    FOLLOWED = frozenset(
        {
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.Hide,
            QEvent.Type.FontChange,
        }
    )

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focus_follower")
        self._ring: FocusRing | None = None
        self._target: QWidget | None = None
        self._watched: list[QWidget] = []  # the control and its parents (a page scrolling)
        app.focusChanged.connect(self._focus_changed)

    def _alive_ring(self) -> FocusRing | None:
        # The panel the ring sat in may have been deleted (a page rebuilt), and the ring with it.
        if self._ring is not None and not shiboken6.isValid(self._ring):
            self._ring = None
        return self._ring

    @staticmethod
    def _outline_of(widget: QWidget) -> QWidget | None:
        """The control to outline for ``widget`` (a combo box, not its inner line edit), or
        None where no ring belongs (menus, drop-down lists, windows)."""
        if widget.isWindow() or widget.window().windowType() in (
            Qt.WindowType.Popup,
            Qt.WindowType.ToolTip,
        ):
            return None
        parent = widget.parentWidget()
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return parent
        return widget

    @staticmethod
    def _holder_for(target: QWidget) -> QWidget | None:
        """The widget the ring goes in: the control's parent, or above it where that parent
        would take the ring in as content (a splitter makes every child a pane)."""
        holder = target.parentWidget()
        while isinstance(holder, QSplitter):
            holder = holder.parentWidget()
        return holder

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for watched in self._watched:
            if shiboken6.isValid(watched):
                watched.removeEventFilter(self)
        self._watched = []
        self._target = None
        target = self._outline_of(new) if new is not None else None
        ring = self._alive_ring()
        if ring is not None:
            ring.hide()
        panel = self._holder_for(target) if target is not None else None
        if target is None or panel is None:
            return
        if ring is None:
            ring = self._ring = FocusRing(panel)
        elif ring.parentWidget() is not panel:
            ring.setParent(panel)
        ring.control = target
        self._target = target
        chain: QWidget | None = target
        while chain is not None and not chain.isWindow():
            chain.installEventFilter(self)
            self._watched.append(chain)
            chain = chain.parentWidget()
        target.destroyed.connect(ring.hide, Qt.ConnectionType.UniqueConnection)
        self._fit()

    def _fit(self) -> None:
        ring, target = self._alive_ring(), self._target
        if ring is None or target is None or not shiboken6.isValid(target):
            return
        holder = ring.parentWidget()
        if holder is None:
            return
        # Round the control, not over its words: the ring takes the gap around it, and
        # comes inside where the control meets the edge of what holds it.
        width = ring.width_px()
        outline = QRect(target.mapTo(holder, QPoint(0, 0)), target.size())
        ring.setGeometry(
            outline.adjusted(-width, -width, width, width).intersected(_shown_part(holder))
        )
        ring.setVisible(target.isVisible())
        ring.raise_()
        ring.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._target and kind in self.FOLLOWED:
            self._fit()
        elif kind in (QEvent.Type.Move, QEvent.Type.Resize) and watched is not self._ring:
            self._fit()  # a parent scrolled or was laid out again: the part shown changed
        return False


def _use_font_scaled_style(app: QApplication) -> None:
    if not isinstance(app.style(), FontScaledStyle):
        app.setStyle(FontScaledStyle(app.style().name()))


def apply_theme(app: QApplication, theme_id: str, zoom: float = 1.0) -> Theme:
    """Apply colours and the zoomed base font to the whole application, live.

    Colours come from the application palette; the few style sheets (tags, checked
    buttons) refer to it with ``palette(...)``. Fonts are not set by style sheets: Qt stops
    propagating fonts to children under one, and the pages derive their title sizes from
    the font they inherit (zoom and projecting work by changing one window's font).
    """
    t = theme(theme_id)
    _use_font_scaled_style(app)
    FocusRing.install(app)
    body_pt = system_point_size() * zoom
    font = QFont(app.font())
    font.setPointSizeF(body_pt)
    app.setFont(font)
    changed = app.property("workshop_theme") != t.id
    app.setProperty("workshop_theme", t.id)  # before the palette: its listeners read it
    app.setPalette(palette(t))
    if changed:  # a zoom step keeps the colours: no need to go through every widget
        _hand_palette_down(app)
    for widget in app.topLevelWidgets():
        restyle(widget)
    return t


def _hand_palette_down(app: QApplication) -> None:
    """Give every window and every widget under a style sheet the new palette, and its
    style sheet's ``palette(...)`` colours with it.

    Qt hands a new application palette down from each window, but skips any widget a style
    sheet applies to, and a page's style sheet applies to all of its widgets: a page not on
    screen kept the old theme's palette (dark titles on the dark window: 1.01:1). And the
    style sheet's own rules (a tag's outline in ``palette(text)``) are resolved once, when
    the widget is polished. So each such widget is re-resolved and polished again here,
    the one place a palette changes.
    """
    # Windows first: Qt does not always tell a top-level widget the application palette
    # changed (a window created under one theme kept it), and each hands it down.
    for window in app.topLevelWidgets():
        QApplication.sendEvent(window, QEvent(QEvent.Type.ApplicationPaletteChange))
    under_sheets = [
        widget
        for widget in app.allWidgets()
        if widget.testAttribute(Qt.WidgetAttribute.WA_StyleSheet)
    ]
    for widget in under_sheets:
        style = widget.style()
        style.unpolish(widget)  # gives back the palette the widget had before its sheet
        QApplication.sendEvent(widget, QEvent(QEvent.Type.ApplicationPaletteChange))
        style.polish(widget)
    # Unpolishing gave back colours a widget had set for itself (a muted label) as they were
    # under the old theme: let the owners of such colours derive them again.
    for widget in under_sheets:
        QApplication.sendEvent(widget, QEvent(QEvent.Type.PaletteChange))
        widget.update()


def current_theme() -> Theme:
    app = QApplication.instance()
    value = app.property("workshop_theme") if app is not None else None
    return theme(str(value) if value else DEFAULT_THEME)


def _style_one(widget: QWidget, body: QFont, t: Theme) -> None:
    role = widget.property("theme_role")
    level = widget.property("theme_level")
    if role is None and level is None:
        return
    factor, bold, token, fill = ROLES.get(str(role), (1.0, False, "text", None))
    if level in ("warning", "danger"):
        bold, token = True, LEVELS[str(level)]
    font = QFont(body)
    if body.pointSizeF() > 0:
        font.setPointSizeF(body.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)
    # Only the roles this sets are fixed on the widget; every other colour keeps following
    # the application palette, so a later theme change reaches the rest of the widget.
    pal = QPalette(widget.palette())
    pal.setColor(QPalette.ColorRole.WindowText, QColor(getattr(t, token)))
    if fill is not None:
        pal.setColor(QPalette.ColorRole.Window, QColor(getattr(t, fill)))
    widget.setPalette(pal)
    # Draw with exactly those roles: in a toolbar a label would otherwise inherit the
    # toolbar's button roles and show plain text colour (an overdue timer not in red).
    widget.setForegroundRole(QPalette.ColorRole.WindowText)
    widget.setBackgroundRole(QPalette.ColorRole.Window)
    widget.setAutoFillBackground(fill is not None)
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


#: The colour token of a status tag's words and outline, by kind (the words and a symbol
#: carry the meaning; the colour supports it).
TAG_COLOURS = {
    "neutral": "text",
    "accent": "accent",
    "good": "success",
    "warning": "warning",
    "danger": "danger",
}


def theme_of(widget: QWidget) -> Theme:
    """The theme ``widget`` is drawn in, read from its palette: the audience view can be in
    another theme than the window."""
    back = widget.palette().color(QPalette.ColorRole.Base).name().upper()
    return next((t for t in THEMES.values() if t.background.upper() == back), current_theme())


def tag_style_sheet(widget: QWidget, kind: str, unit: int) -> str:
    """The style sheet of a status tag of ``kind``: an outlined, rounded label whose words and
    outline are in the kind's colour (7:1 on every surface, colours.py), bold unless neutral.
    ``unit`` is half the font's em."""
    colour = getattr(theme_of(widget), TAG_COLOURS.get(kind, "text"))
    width = 2 if kind in ("warning", "danger", "accent") else 1
    weight = "normal" if kind == "neutral" else "bold"
    return (
        f"QLabel {{ color: {colour}; border: {width}px solid {colour};"
        f" border-radius: {unit * 2}px; padding: 0px {unit * 2}px; font-weight: {weight}; }}"
    )


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

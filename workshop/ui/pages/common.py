"""Building blocks shared by the page types: sizes from the font, tags, empty states, fields.

Every page type subclasses :class:`BasePage`, which adds to the :class:`PageView` contract:

* fonts scaled from the page's own font (so the window's zoom and the projecting mode, which
  change the base font, rescale every title and tag) — never fixed pixel sizes;
* a guard so that filling widgets in :meth:`refresh` never pushes edits back;
* :meth:`BasePage.push`, which sends an edit to the controller and shows a refused value
  (e.g. a quarter like "2027-Q5") in the page instead of raising into Qt's event loop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

import shiboken6

from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFrame,
    QLabel,
    QLayout,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import EditError
from workshop.domain.quarters import Quarter, is_quarter, quarter_range
from workshop.domain.validation import InvalidValue
from workshop.ui.pages.base import PageView
from workshop.ui.theme import half_line, tag_style_sheet
from workshop.ui.widgets.wrap_row import WrapRow  # noqa: F401  (a page layout helper)

if TYPE_CHECKING:
    from workshop.domain.edits import Edit
    from workshop.domain.session import Session
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController

# Relative type sizes (VISUAL.md, "Type"): body s, secondary 0.9 s, section 1.25 s, page 1.6 s.
BODY = 1.0
SECONDARY = 0.9
SECTION = 1.25
TITLE = 1.6


def named(widget: QWidget, object_name: str, accessible_name: str = "") -> Any:
    """Give a control the snake_case ``objectName`` tests and stylesheets use, and a name
    screen readers announce (defaults to the object name in words)."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name or object_name.replace("_", " ").capitalize())
    return widget


em = half_line  # the pages' short name for the spacing unit


def qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value is not None else QDate()


def pydate(value: QDate) -> date | None:
    return date(value.year(), value.month(), value.day()) if value.isValid() else None


def set_line_text(edit: QLineEdit, text: str) -> None:
    """Show ``text`` unless the user is in the middle of typing something else there."""
    if edit.text() == text:
        return
    if edit.hasFocus() and edit.isModified():
        return  # their typing wins; it is committed on Enter / focus-out
    edit.setText(text)
    edit.setModified(False)


# The page-level "add one more" key (an interview, an action...). Not Ctrl+N: that is the
# window's New workshop, and two actions on one key make Qt run neither.
ADD_KEY = "Ctrl+Shift+N"
ADD_KEY_TEXT = "Ctrl+Shift+N"

NOT_PLANNED = "Not planned"
QUARTERS_AHEAD = 8  # a target quarter is chosen from the workshop's quarter and the seven after


def quarter_label(value: str) -> str:
    """How a stored target quarter reads: "Q1 2027", or "Not planned" for none."""
    if not value:
        return NOT_PLANNED
    return Quarter.parse(value).label if is_quarter(value) else value


def quarter_choices(session: Session, current: str) -> list[tuple[str, str]]:
    """The (value, label) choices for a target quarter: "Not planned", then the workshop's
    quarter and the seven after it. A stored quarter outside that window (an older plan, or
    one far ahead) is listed after the window, so it is shown rather than lost while the
    usual choices keep their places."""
    start = Quarter.of(session.workshop_date)
    values = ["", *(str(q) for q in quarter_range(start, QUARTERS_AHEAD))]
    if current and current not in values:
        values.append(current)
    return [(value, quarter_label(value)) for value in values]


def fill_combo(combo: QComboBox, choices: list[tuple[Any, str]], value: Any) -> None:
    """Show ``choices`` (value, label) with ``value`` selected (else the first), rebuilding
    the list only when it changed so an open drop-down and the focus survive a refresh."""
    present = [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]
    if present != choices:
        combo.clear()
        for data, label in choices:
            combo.addItem(label, data)
    index = max(combo.findData(value), 0)
    if index != combo.currentIndex():
        combo.setCurrentIndex(index)


def scroll_area(object_name: str, accessible_name: str) -> QScrollArea:
    """A frameless scroll area whose content widget follows its width."""
    area = named(QScrollArea(), object_name, accessible_name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area  # type: ignore[no-any-return]


def clear_layout(layout: QLayout) -> None:
    """Empty ``layout`` for a rebuild: its widgets are deleted, nested layouts emptied too."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:  # count() said there was one; nothing to empty otherwise
            break
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
        elif (inner := item.layout()) is not None:
            clear_layout(inner)


def show_laid_out_children(container: QWidget) -> None:
    """Show the widgets placed in ``container``'s layouts (and theirs, all the way down) that
    nobody hid on purpose.

    Only widgets that sit in a layout are shown, never other children: a combo box's
    drop-down list, a completer or a menu is a hidden child *window* (a popup), and showing
    one opens an invisible popup that swallows every key and click until Esc.
    """
    for widget in _laid_out_widgets(container.layout()):
        if widget.isWindow():
            continue
        if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
            widget.show()
        if not widget.isHidden():
            show_laid_out_children(widget)


def _laid_out_widgets(layout: QLayout | None) -> Iterator[QWidget]:
    if layout is None:
        return
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if (widget := item.widget()) is not None:
            yield widget
        elif (inner := item.layout()) is not None:
            yield from _laid_out_widgets(inner)


class Tag(QLabel):
    """A small labelled status tag ("Discussed", "Disagreement"). The words carry the meaning;
    the colour, outline and weight only support it (theme.tag_style_sheet), so it reads the
    same in print and for the colour-blind."""

    KINDS = ("neutral", "accent", "good", "warning", "danger")

    def __init__(self, text: str = "", kind: str = "neutral", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._kind = kind
        self._restyle()

    def set_tag(self, text: str, kind: str = "neutral") -> None:
        if text != self.text():
            self.setText(text)
        self.setVisible(bool(text))
        if kind != self._kind:
            self._kind = kind
            self._restyle()

    @property
    def kind(self) -> str:
        return self._kind

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._restyle()  # a theme change arrives as a palette change

    def _restyle(self) -> None:
        self.setProperty("tagKind", self._kind)
        sheet = tag_style_sheet(self, self._kind, max(1, round(em(self) / 2)))
        if sheet != self.styleSheet():  # a new style sheet sends FontChange again
            self.setStyleSheet(sheet)


class EmptyState(QLabel):
    """What to do next, where there is nothing to show yet (never a blank panel)."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setProperty("role", "empty_state")
        self.setForegroundRole(self.foregroundRole())
        self.setContentsMargins(0, 0, 0, 0)


def muted_colour(widget: QWidget) -> QColor:
    """Secondary text colour: the theme's muted token (the palette's placeholder colour),
    declared with the other colours so its contrast is checked (VISUAL.md "muted text")."""
    return QColor(widget.palette().color(QPalette.ColorRole.PlaceholderText))


def plain_label(text: str = "", *, wrap: bool = True, selectable: bool = False) -> QLabel:
    """A label that never interprets user text as rich text (``<b>`` stays ``<b>``)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def hline() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Plain)
    return line


# A checked toggle (a chosen score, the rating mode) must be obvious from the back of the
# room: filled with the accent colour and outlined in the text colour. (Not bold: a bolder
# font would not fit the size the button was laid out for.)
CHECKED_STYLE = (
    "QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);"
    " border: 2px solid palette(window-text); border-radius: 0.2em; padding: 0.25em 0.7em; }"
    # Tool buttons keep their size: a fill only (the accent is 7:1 on every background).
    " QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);"
    " border: none; border-radius: 0.2em; }"
)


class BasePage(PageView):
    """A :class:`PageView` with the helpers every page type here uses."""

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        self.setStyleSheet(CHECKED_STYLE)
        self._scaled: list[tuple[QWidget, float, bool]] = []
        self._muted: list[QWidget] = []
        self._filling = 0
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(6000)
        self.message = named(plain_label(), "page_message", "Page message")
        self.message.setVisible(False)
        self._message_timer.timeout.connect(lambda: self.message.setVisible(False))

    # --- fonts ---------------------------------------------------------------------------

    def scaled(self, widget: Any, factor: float, bold: bool = False) -> Any:
        """Size ``widget``'s type as ``factor`` × this page's font, now and after zoom."""
        self._scaled.append((widget, factor, bold))
        self._apply_font(widget, factor, bold)
        return widget

    def muted(self, widget: Any) -> Any:
        """Show ``widget``'s text in the muted colour, following theme changes."""
        self._muted.append(widget)
        widget.setProperty("role", "muted")
        self._apply_muted(widget)
        return widget

    def _apply_muted(self, widget: QWidget) -> None:
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.WindowText, muted_colour(self))
        widget.setPalette(palette)

    def _apply_font(self, widget: QWidget, factor: float, bold: bool) -> None:
        base = self.font()
        font = QFont(widget.font())
        if base.pointSizeF() > 0:
            font.setPointSizeF(base.pointSizeF() * factor)
        else:
            font.setPixelSize(max(1, round(base.pixelSize() * factor)))
        font.setBold(bold)
        if font != widget.font():
            widget.setFont(font)

    def sync_fonts(self, container: QWidget | None = None) -> None:
        """Give every widget under ``container`` the page's type size.

        Qt stops passing a parent's font on to children once a style sheet is involved (the
        tags and the checked-button style have one), so after a zoom or projecting change —
        and after building new widgets — the page hands its font down itself.
        """
        base = self.font()
        self._forget_deleted()
        scaled = {id(widget): (factor, bold) for widget, factor, bold in self._scaled}
        for child in (container or self).findChildren(QWidget):
            if id(child) in scaled:
                factor, bold = scaled[id(child)]
                self._apply_font(child, factor, bold)
            else:
                font = QFont(child.font())
                if base.pointSizeF() > 0:
                    font.setPointSizeF(base.pointSizeF())
                else:
                    font.setPixelSize(base.pixelSize())
                if font != child.font():
                    child.setFont(font)

    def _forget_deleted(self) -> None:
        """Drop widgets a refresh has rebuilt: touching a deleted one crashes, and its id()
        may already belong to a new widget."""
        self._scaled = [entry for entry in self._scaled if shiboken6.isValid(entry[0])]
        self._muted = [widget for widget in self._muted if shiboken6.isValid(widget)]

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.sync_fonts()
        elif event.type() == QEvent.Type.PaletteChange:
            self._forget_deleted()
            for widget in self._muted:
                self._apply_muted(widget)

    # --- filling and pushing -------------------------------------------------------------

    @contextmanager
    def filling(self) -> Iterator[None]:
        """Inside this block, widget signals caused by refresh() push nothing."""
        self._filling += 1
        try:
            yield
        finally:
            self._filling -= 1

    @property
    def is_filling(self) -> bool:
        return self._filling > 0

    def push(self, edit: Edit | None) -> bool:
        """Send one edit to the session; a refused value is shown here and undone on screen."""
        if edit is None or self.is_filling:
            return False
        try:
            self.controller.push(edit)
        except (EditError, InvalidValue) as error:
            self.show_message(f"Not changed: {error}")
            self.refresh()
            return False
        return True

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)
        self._message_timer.start()

    def on_change(self, callback: Callable[..., Any]) -> Callable[..., None]:
        """Wrap a widget-signal handler so it does nothing while refresh() fills widgets."""

        def handler(*args: Any) -> None:
            if not self.is_filling:
                callback(*args)

        return handler

    @staticmethod
    def show_new_children(container: QWidget) -> None:
        """Show widgets just added to a visible container now, not after the next event-loop
        turn (Qt's default), so what refresh() built is on screen when it returns."""
        page: QWidget | None = container
        while page is not None and not isinstance(page, BasePage):
            page = page.parentWidget()
        if page is not None:
            page.sync_fonts(container)
        show_laid_out_children(container)

    def add_key(self, button: QAbstractButton) -> QAction:
        """Give the page's "add one more" button the page-level add key (:data:`ADD_KEY`).

        A page-scoped action rather than the button's own shortcut: it fires wherever the
        keyboard is on this page (and only there), and never competes with the window's
        Ctrl+N (New workshop).
        """
        action = QAction(button.text(), self)
        action.setObjectName(f"{button.objectName() or 'add'}_key_action")
        action.setShortcut(QKeySequence(ADD_KEY))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: button.click())
        self.addAction(action)
        button.setToolTip(f"{button.text()} ({ADD_KEY_TEXT})")
        return action

    # --- layout helpers --------------------------------------------------------------------

    def page_layout(self, widget: QWidget | None = None) -> QVBoxLayout:
        """A vertical layout with margins and gaps derived from the font."""
        target = widget or self
        layout = QVBoxLayout(target)
        unit = round(em(self))
        layout.setContentsMargins(unit * 2, unit * 2, unit * 2, unit * 2)
        layout.setSpacing(unit)
        return layout


class CommitLineEdit(QLineEdit):
    """A one-line field that commits its text once, on Enter or when focus leaves it.

    ``commit(text)`` is called only when the text differs from what was last shown, so
    tabbing through a form pushes nothing.
    """

    def __init__(self, commit: Callable[[str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._commit = commit
        self._shown = ""
        self.editingFinished.connect(self._finish)

    def show_value(self, text: str) -> None:
        if self.hasFocus() and self.isModified() and self.text() != self._shown:
            return  # the user is typing here; their text is committed on Enter / focus-out
        self._shown = text
        if self.text() != text:
            self.setText(text)
        self.setModified(False)

    def _finish(self) -> None:
        if self.text() != self._shown:
            self._shown = self.text()
            self.setModified(False)
            self._commit(self.text())

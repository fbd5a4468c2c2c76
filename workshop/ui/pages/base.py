"""The page framework: a page *type* is one module; page *instances* come from the content.

Each page type subclasses :class:`PageView`, sets ``page_type`` to the value used in the
content's ``pages`` table and ``report_sections`` to the roadmap PDF sections that print what
the page captures, and registers itself with :func:`register`. Its audience slide is built by
the function registered for the same page type in ``ui/audience/slides.py``;
``ui/page_types.py`` checks at start-up that every page type has all three parts. The workshop window
builds a view per content page on demand, calls :meth:`PageView.refresh` when it is shown
and :meth:`PageView.show_change` with the :class:`~workshop.service.Change` whenever the
session changes (an edit, an undo, a redo: the controller's ``touched`` signal), so a view
never keeps its own copy of the data:
widgets are filled from ``self.controller.session`` and every change goes out as an edit
through ``self.controller.push(...)``.

Anything private (facilitator hints, private fields) is put in a widget registered with
:meth:`PageView.mark_private`; the window hides those while projecting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from workshop.framework.model import Framework, Page
    from workshop.service.changes import Change
    from workshop.ui.controller import SessionController

_PAGE_TYPES: dict[str, type[PageView]] = {}


def register(cls: type[PageView]) -> type[PageView]:
    """Class decorator: make a page type available to the workshop window."""
    if cls.page_type in _PAGE_TYPES:
        raise ValueError(f"page type {cls.page_type!r} registered twice")
    _PAGE_TYPES[cls.page_type] = cls
    return cls


def page_class(page_type: str) -> type[PageView] | None:
    return _PAGE_TYPES.get(page_type)


def registered_page_types() -> frozenset[str]:
    return frozenset(_PAGE_TYPES)


def first_tab_stop(container: QWidget) -> QWidget | None:
    """The first widget under ``container``, in Tab order, that Tab would stop on now."""
    widget = container.nextInFocusChain()
    for _step in range(10_000):  # the chain is a ring over the whole window
        if widget is None or widget is container:
            return None
        if (
            container.isAncestorOf(widget)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(container)
            and widget.isEnabled()
            and _takes_keys(widget)
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


def _takes_keys(widget: QWidget) -> bool:
    """A bare scroll area only scrolls; lists, tables and text boxes are real controls."""
    if isinstance(widget, (QAbstractItemView, QTextEdit, QPlainTextEdit)):
        return True
    return not isinstance(widget, QAbstractScrollArea)


class PageView(QWidget):
    page_type: ClassVar[str] = ""
    #: Ids from ``workshop.report.sections.ROADMAP_SECTIONS`` that print this page's content.
    report_sections: ClassVar[tuple[str, ...]] = ()

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.page = page
        self._private: list[QWidget] = []
        self._projecting = False
        self.setObjectName(f"page_{page.id}")

    @property
    def framework(self) -> Framework:
        return self.controller.framework

    # --- for subclasses ------------------------------------------------------------------

    def refresh(self) -> None:
        """Fill every widget from the session. Must not push edits."""
        raise NotImplementedError

    def show_change(self, change: Change) -> None:
        """An edit, undo or redo changed the session; ``change`` says what it touched.
        Pages that can update only that override this (see ``pages/changes.py``); by
        default, refill all."""
        self.refresh()

    def mark_private(self, widget: QWidget) -> QWidget:
        """Hide ``widget`` while projecting (facilitator hints, private notes...)."""
        self._private.append(widget)
        widget.setProperty("private", True)
        widget.setVisible(not self._projecting)
        return widget

    def guidance(self) -> str:
        """The framework's guidance for the side panel (plain text)."""
        return self.page.guidance

    def flush(self) -> None:
        """Commit any pending typed text now (page change, close, Ctrl+S)."""

    def focus_target(self) -> QWidget | None:
        """The control that takes the keyboard when the facilitator arrives on this page, so
        the page's keys work at once (never the page list).

        The default is the first control in the page's Tab order that is shown and enabled;
        page types override it where another control is where the work starts (a maturity
        check: its first unrated statement).
        """
        return first_tab_stop(self)

    # --- called by the window ------------------------------------------------------------

    def set_projecting(self, projecting: bool) -> None:
        self._projecting = projecting
        for widget in self._private:
            widget.setVisible(not projecting)

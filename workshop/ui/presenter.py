"""Present mode (F5): a large, clean audience view, full-screen on the projector.

The facilitator keeps the workshop window — notes, timer, controls — on the laptop; the
audience view goes full-screen on the *other* screen when there is one, else on the only
screen (then the room sees only the audience view; Esc ends it). With two screens the
workshop window becomes the facilitator's console (``ui/console.py``, listening to
:attr:`Presenter.started` and :attr:`Presenter.page_shown`). Either way one key table
(``audience/keys.py``) answers the clicker. Usage by the window::

    presenter = Presenter(controller, preferences.theme, window=self)
    presenter.stopped.connect(...)            # e.g. uncheck the Present action
    presenter.start(current_page.id)          # F5
    presenter.show_page(page.id)              # on every page change (no-op when inactive)
    presenter.stop()                          # Esc in the window, or closing the workshop

Unplugging the projector mid-meeting closes (or moves) the audience view cleanly; nothing
lives in it — the work is in the controller and the store — so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from workshop.ui.audience.view import AudienceView

if TYPE_CHECKING:
    from workshop.ui.controller import SessionController

__all__ = ["AudienceView", "Presenter", "choose_screen"]


S = TypeVar("S")


def choose_screen(screens: Sequence[S], window_screen: S | None) -> tuple[S | None, bool]:
    """Where the audience view goes: ``(screen, on_a_second_screen)``.

    The first screen that is not the facilitator's; with a single screen (or none known
    besides the facilitator's), that one screen — the room then sees only the audience view.
    """
    others = [s for s in screens if s is not window_screen]
    if window_screen is not None and others:
        return others[0], True
    if window_screen is None and len(screens) > 1:
        return screens[1], True  # no window known: keep the first (primary) for the laptop
    if window_screen is not None:
        return window_screen, False
    return (screens[0] if screens else None), False


class Presenter(QObject):
    """Opens, updates and closes the audience view for a :class:`SessionController`."""

    #: Presenting ended (Esc, stop(), the view closed, or its screen went away).
    stopped = Signal()
    #: A clicker key in the audience view asked for the next (+1) or previous (-1) page.
    page_step = Signal(int)
    #: Presenting started (True: the audience view is on a second screen); emitted again
    #: with True when a projector plugged in while presenting takes the audience view.
    started = Signal(bool)
    #: The room now sees this page (after every page change while presenting).
    page_shown = Signal(str)

    def __init__(
        self,
        controller: SessionController,
        theme_name: str = "projector",
        window: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else window)
        self.controller = controller
        self.theme_name = theme_name
        self.window = window
        self.view: AudienceView | None = None
        self.page_id = ""
        self.screen: QScreen | None = None  # where the audience view is
        self.on_second_screen = False
        #: The control of the facilitator's page that keys the presenter does not use go to
        #: (0–4 to the statement being rated), and the item the facilitator is on (shown
        #: highlighted to the room). By default read from the window's current page.
        self.page_control: Callable[[], QWidget | None] = self._page_control
        self.focus_item: Callable[[], str] = self._focus_item

    @property
    def is_active(self) -> bool:
        return self.view is not None

    # --- starting and stopping -----------------------------------------------------------------

    def start(self, page_id: str) -> AudienceView:
        """Show ``page_id`` to the room, full-screen (on the second screen when there is one)."""
        self.page_id = page_id
        if self.view is None:
            view = AudienceView(self.controller, self.theme_name, self.window)
            view.escape_pressed.connect(self.stop)
            view.closed.connect(self._view_closed)
            view.page_step.connect(self.page_step)
            view.forward_to = lambda: self.page_control()
            view.focus_item = lambda: self.focus_item()
            if self.window is not None:
                # The window's shortcuts work from the audience view too (one screen: it has
                # the keyboard), so presenting never takes a key away from the facilitator.
                view.addActions(self.window.actions())
            self.view = view
            app = QGuiApplication.instance()
            if isinstance(app, QGuiApplication):
                app.screenRemoved.connect(self._screen_removed)
                app.screenAdded.connect(self._screen_added)
        self.view.show_page(page_id)
        self._place()
        self.started.emit(self.on_second_screen)
        return self.view

    def show_page(self, page_id: str) -> None:
        """Follow the facilitator to ``page_id`` (remembered, and shown when presenting)."""
        self.page_id = page_id
        if self.view is not None:
            self.view.show_page(page_id)
            self.page_shown.emit(page_id)

    # --- the facilitator's page -----------------------------------------------------------

    def _current_page_view(self) -> QWidget | None:
        page = getattr(self.window, "current_view", None)
        return page if isinstance(page, QWidget) else None

    def _page_control(self) -> QWidget | None:
        """The page's control with the keyboard (the last one it had), else its first."""
        page = self._current_page_view()
        if page is None:
            return None
        focus_target = getattr(page, "focus_target", None)
        return page.focusWidget() or (focus_target() if callable(focus_target) else None) or page

    def _focus_item(self) -> str:
        page = self._current_page_view()
        current_item = getattr(page, "current_item", None)
        return str(current_item()) if callable(current_item) else ""

    def set_theme(self, theme_name: str) -> None:
        self.theme_name = theme_name
        if self.view is not None:
            self.view.set_theme(theme_name)

    def stop(self) -> None:
        """Close the audience view. Safe to call when not presenting."""
        view = self.view
        if view is None:
            return
        self.view = None
        self.screen = None
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenRemoved.disconnect(self._screen_removed)
            app.screenAdded.disconnect(self._screen_added)
        view.closed.disconnect(self._view_closed)
        view.hide()
        view.close()
        view.deleteLater()
        if self.window is not None and self.window.isVisible():
            # Back to the facilitator's window: the keyboard goes with it.
            self.window.activateWindow()
        self.stopped.emit()

    def _view_closed(self) -> None:
        self.stop()

    # --- screens ------------------------------------------------------------------------------

    def _window_screen(self) -> QScreen | None:
        if self.window is not None:
            return self.window.screen()
        return QGuiApplication.primaryScreen()

    def _place(self, screens: Sequence[QScreen] | None = None) -> None:
        view = self.view
        if view is None:
            return
        available = list(QGuiApplication.screens() if screens is None else screens)
        screen, second = choose_screen(available, self._window_screen())
        self.screen, self.on_second_screen = screen, second
        # On the projector the view must not take the keyboard from the facilitator's window;
        # on a single screen it must, so that Esc reaches it.
        view.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, second)
        if screen is not None:
            if view.isVisible() and view.screen() is not screen:
                view.showNormal()  # leave full-screen before changing screens
            view.setScreen(screen)
            view.setGeometry(screen.geometry())
        view.showFullScreen()
        if not second:
            view.raise_()
            view.activateWindow()
            view.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.window is not None and self.window.isVisible():
            # Some window managers (and Qt's offscreen platform) activate a new window even
            # when asked not to: the keyboard stays with the facilitator's console.
            self.window.activateWindow()

    def _screen_removed(self, screen: QScreen) -> None:
        """The projector was unplugged: move to another free screen, else stop presenting.

        Never move onto the facilitator's own screen: a full-screen audience view there would
        cover the notes and controls in the middle of the meeting.
        """
        if self.view is None or screen is not self.screen:
            return
        remaining = [s for s in QGuiApplication.screens() if s is not screen]
        target, second = choose_screen(remaining, self._window_screen())
        if second and target is not None:
            self._place(remaining)
        else:
            self.stop()

    def _screen_added(self, screen: QScreen) -> None:
        """A projector was plugged in while presenting on the laptop: move the view there."""
        if self.view is not None and not self.on_second_screen:
            self._place()
            if self.on_second_screen:
                self.started.emit(True)  # the laptop becomes the facilitator's console

"""The workshop window: navigator | page | side panel, with the toolbar the facilitator
uses all day (projecting toggle, timer, theme) and the standard shortcuts.

Pages are created lazily, one per content page, from the page type registry
(``workshop.ui.pages.base.page_class``); opening a workshop checks every page type has
its view, slide and report section (``ui/page_types.py``). On every session change the visible page refreshes from the
model at once; hidden pages refresh when next shown.

Projecting hides the side panel (guidance, private notes) and every widget a page marked
private, and enlarges the type. It is on by default with a single screen.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QFont,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from workshop.domain.agenda import Clock
from workshop.framework.model import Page
from workshop.service.changes import Change
from workshop.ui import theme
from workshop.ui.app_menu import add_app_menu
from workshop.ui.controller import SessionController
from workshop.ui.navigator import OTHER_SECTION, Navigator, Stop
from workshop.ui.preferences import Preferences
from workshop.ui.side_panel import SidePanel
from workshop.ui.timer import TimerWidget

if TYPE_CHECKING:  # made on first use
    from workshop.service.changes import Change
    from workshop.ui.pages.base import PageView
    from workshop.ui.presenter import Presenter
    from workshop.ui.room.panel import RoomPanel

single_screen = theme.single_screen


class PageStack(QStackedWidget):
    """The page area: sized by the page on show, not by the widest page ever visited.

    A plain QStackedWidget asks for the largest minimum of all its pages, so one wide page
    built while projecting (large type) would keep the window wider than a 1024-pixel
    screen on every other page, cutting them all off at the right.
    """

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint().expandedTo(page.minimumSize()) if page else QSize(0, 0)

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page else QSize(0, 0)


class WorkshopWindow(QMainWindow):
    #: The facilitator closed the workshop (back to the library).
    closed = Signal(str)
    #: Ctrl+N / Ctrl+O here: close this workshop and start a new one / choose another.
    new_requested = Signal()
    open_requested = Signal()

    def __init__(
        self,
        controller: SessionController,
        preferences: Preferences | None = None,
        *,
        projecting: bool | None = None,
        clock: Clock = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        import workshop.ui.pages  # noqa: F401  (registers the page types)

        self.controller = controller
        self.preferences = preferences or Preferences()
        self.setObjectName("workshop_window")
        self.setWindowTitle(f"{controller.session.display_name} — ML team maturity workshop")
        self._views: dict[int, PageView] = {}
        self._presenter: Presenter | None = None  # made on first F5
        self._room_panel: RoomPanel | None = None  # made on first "Room vote…"
        self._stale: set[int] = set()
        self.current = -1
        self.projecting = False
        self._projecting_before_present: bool | None = None
        self._follows_screen = False

        self.navigator = Navigator(self)
        self.navigator.stop_chosen.connect(self.go_to)
        self.page_stack = PageStack(self)
        self.page_stack.currentChanged.connect(lambda _index: self.page_stack.updateGeometry())
        self.page_stack.setObjectName("page_stack")
        self.side_panel = SidePanel(controller, self)
        self.timer_widget = TimerWidget(controller, clock, self)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("workshop_splitter")
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.page_stack)
        splitter.addWidget(self.side_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 1)
        splitter.setChildrenCollapsible(False)
        chars = self.fontMetrics().averageCharWidth()
        self.navigator.setMinimumWidth(chars * 22)
        self.side_panel.setMinimumWidth(chars * 22)
        splitter.setSizes([chars * 30, chars * 90, chars * 32])
        self.setCentralWidget(splitter)

        self.save_label = QLabel("All changes saved", self)
        self.save_label.setObjectName("save_status")
        self.statusBar().addPermanentWidget(self.save_label)
        controller.saved.connect(self.save_label.setText)
        controller.save_failed.connect(self._save_failed)
        controller.refused.connect(lambda text: self.statusBar().showMessage(text, 8000))
        # The visible page gets the change with what it touched (the others refresh when
        # shown); then the page list recomputes the marks of the pages it touched.
        controller.touched.connect(self._session_changed)
        controller.touched.connect(self._marks_touched)

        self._build_actions()
        add_app_menu(self)  # Quit and Help › About, as in every window
        self.stops: list[Stop] = self.navigator.build(controller.session, controller.framework)
        self.set_projecting(single_screen() if projecting is None else projecting)
        if self.stops:
            self.go_to(0)

    # --- actions ------------------------------------------------------------------------

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[..., object],
        shortcuts: list[QKeySequence] | None = None,
        *,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setCheckable(checkable)
        if shortcuts:
            action.setShortcuts(shortcuts)
        (action.toggled if checkable else action.triggered).connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        keys = QKeySequence.keyBindings
        self.projecting_action = self._action(
            "projecting_action",
            "Projecting",
            self.set_projecting,
            [QKeySequence("F6"), QKeySequence("Ctrl+Shift+P")],
            checkable=True,
        )
        self.projecting_action.setToolTip(
            "Projecting (F6): hide private notes and hints, enlarge the type"
        )
        self.next_action = self._action(
            "next_page_action", "Next page", self.next_page, [QKeySequence("Ctrl+PgDown")]
        )
        self.previous_action = self._action(
            "previous_page_action", "Previous page", self.previous_page, [QKeySequence("Ctrl+PgUp")]
        )
        self.save_action = self._action("save_action", "Save", self.save, keys(std.Save))
        self.undo_action = self._action("undo_action", "Undo", self.controller.undo, keys(std.Undo))
        self.redo_action = self._action("redo_action", "Redo", self.controller.redo, keys(std.Redo))
        self.zoom_in_action = self._action(
            "zoom_in_action", "Zoom in", lambda: self.zoom(1), keys(std.ZoomIn)
        )
        self.zoom_out_action = self._action(
            "zoom_out_action", "Zoom out", lambda: self.zoom(-1), keys(std.ZoomOut)
        )
        self.zoom_reset_action = self._action(
            "zoom_reset_action", "Actual size", lambda: self.zoom(0), [QKeySequence("Ctrl+0")]
        )
        self.full_screen_action = self._action(
            "full_screen_action", "Full screen", self.toggle_full_screen, keys(std.FullScreen)
        )
        self.close_action = self._action(
            "close_workshop_action", "Back to library", self.close, keys(std.Close)
        )
        self.new_action = self._action(
            "new_action", "New workshop…", self._request_new, keys(std.New)
        )
        self.open_action = self._action(
            "open_action", "Open another workshop…", self._request_open, keys(std.Open)
        )
        self.find_action = self._action(
            "find_page_action", "Find a page", self._find_page, keys(std.Find)
        )
        self.timer_action = self._action(
            "timer_action",
            "Start or pause timer",
            self.timer_widget.toggle,
            [QKeySequence("Ctrl+T")],
        )
        # A window action, so it works (and shows in the toolbar) while projecting hides
        # the side panel's check box.
        self.page_done_action = self._action(
            "page_done_action",
            "Page done",
            self._set_page_done,
            [QKeySequence("Ctrl+D")],
            checkable=True,
        )
        self.page_done_action.setToolTip("Page done (Ctrl+D): mark this page done in the page list")
        # Bound methods, not lambdas: Qt disconnects them when the window goes, so a
        # controller that outlives it never touches a deleted action.
        self.controller.undo_stack.undoTextChanged.connect(self._undo_text_changed)
        self.controller.undo_stack.redoTextChanged.connect(self._redo_text_changed)
        self.page_list_action = self._action(
            "page_list_action",
            "Show page list",
            self.set_page_list_visible,
            [QKeySequence("F9")],
            checkable=True,
        )
        self.page_list_action.setChecked(True)
        self.page_list_action.setToolTip(
            "Page list (F9): hide it to give the page the whole width on a small projector; "
            "Ctrl+PgDown / Ctrl+PgUp still move page by page"
        )
        self.present_action = self._action(
            "present_action", "Present", self.start_presenting, [QKeySequence("F5")]
        )
        self.present_action.setToolTip(
            "Present (F5): a large, clean view of this page for the room — on the second "
            "screen when there is one. Esc ends it."
        )
        # Esc belongs to the window only while presenting, so dialogs keep their own Esc.
        self.end_present_action = self._action(
            "end_present_action", "End presenting", self.stop_presenting, [QKeySequence("Esc")]
        )
        self.end_present_action.setEnabled(False)
        # Clicker keys on the laptop while presenting (page by page, as on a slide deck);
        # only while presenting, so PgDown scrolls a page the rest of the time.
        self.clicker_next_action = self._action(
            "clicker_next_action", "Next slide", self.next_page, [QKeySequence("PgDown")]
        )
        self.clicker_previous_action = self._action(
            "clicker_previous_action",
            "Previous slide",
            self.previous_page,
            [QKeySequence("PgUp")],
        )
        for action in (self.clicker_next_action, self.clicker_previous_action):
            action.setEnabled(False)
        self.room_vote_action = self._action(
            "room_vote_action", "Room vote…", self.open_room_vote, [QKeySequence("Ctrl+Shift+R")]
        )
        self.room_vote_action.setToolTip(
            "Room vote (Ctrl+Shift+R): the room votes from their phones on this page, "
            "anonymously, over this room's own network"
        )

        self.theme_actions = QActionGroup(self)
        for t in theme.THEMES.values():
            action = QAction(t.name, self.theme_actions)
            action.setObjectName(f"theme_{t.id}_action")
            action.setCheckable(True)
            action.setChecked(t.id == self.preferences.theme)
            action.setData(t.id)
        self.theme_actions.triggered.connect(lambda a: self.set_theme(str(a.data())))

        menus = self.menuBar()
        file_menu = menus.addMenu("&Workshop")
        file_menu.addActions(
            [self.new_action, self.open_action, self.save_action, self.close_action]
        )
        self._build_export_actions(file_menu)
        edit_menu = menus.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        view_menu = menus.addMenu("&View")
        view_menu.addActions([self.present_action, self.end_present_action, self.room_vote_action])
        view_menu.addSeparator()
        view_menu.addAction(self.page_list_action)
        view_menu.addActions(
            [
                self.projecting_action,
                self.zoom_in_action,
                self.zoom_out_action,
                self.zoom_reset_action,
                self.full_screen_action,
            ]
        )
        theme_menu = view_menu.addMenu("&Theme")
        theme_menu.addActions(self.theme_actions.actions())
        go_menu = menus.addMenu("&Go")
        go_menu.addActions(
            [
                self.previous_action,
                self.next_action,
                self.find_action,
                self.timer_action,
                self.page_done_action,
            ]
        )

        toolbar = QToolBar("Workshop", self)
        toolbar.setObjectName("workshop_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.close_action)
        toolbar.addSeparator()
        toolbar.addAction(self.projecting_action)
        self.projecting_indicator = QLabel(self)
        self.projecting_indicator.setObjectName("projecting_indicator")
        toolbar.addWidget(self.projecting_indicator)
        toolbar.addSeparator()
        toolbar.addAction(self.present_action)
        toolbar.addSeparator()
        toolbar.addAction(self.page_done_action)
        toolbar.addSeparator()
        toolbar.addAction(self.room_vote_action)
        toolbar.addSeparator()
        self.theme_button = QToolButton(self)
        self.theme_button.setText("Theme")
        self.theme_button.setMenu(theme_menu)
        self.theme_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        toolbar.addWidget(self.theme_button)
        self.addToolBar(toolbar)
        # The timer gets a row of its own so it is never pushed into the overflow menu
        # when projecting enlarges the type.
        self.addToolBarBreak()
        timer_bar = QToolBar("Agenda timer", self)
        timer_bar.setObjectName("timer_toolbar")
        timer_bar.setMovable(False)
        timer_bar.addWidget(self.timer_widget)
        self.addToolBar(timer_bar)
        for action in toolbar.actions():
            button = toolbar.widgetForAction(action)
            if button is not None and action.objectName():
                button.setObjectName(action.objectName().removesuffix("_action") + "_button")
                button.setAccessibleName(action.text())
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.theme_button.setObjectName("theme_button")
        self.theme_button.setAccessibleName("Theme")
        self.theme_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def _build_export_actions(self, menu: QMenu) -> None:
        """Workshop menu: export the roadmap PDF (Ctrl+E) and the actions as CSV."""
        self.export_roadmap_action = self._action(
            "export_roadmap_action",
            "Export roadmap…",
            self.export_roadmap,
            [QKeySequence("Ctrl+E")],
        )
        self.export_roadmap_action.setToolTip("Save the roadmap as a PDF (Ctrl+E)")
        self.export_actions_action = self._action(
            "export_actions_action", "Export actions as CSV…", self.export_actions
        )
        before = self.close_action
        menu.insertSeparator(before)
        menu.insertActions(before, [self.export_roadmap_action, self.export_actions_action])
        menu.insertSeparator(before)

    def set_page_list_visible(self, visible: bool) -> None:
        had_focus = self.navigator.hasFocus()
        self.navigator.setVisible(visible)
        self.page_list_action.setChecked(visible)
        page = self.page_stack.currentWidget()
        if not visible and had_focus and page is not None:
            page.setFocus()  # keep the keyboard in the window, or the shortcuts stop working

    def _undo_text_changed(self, text: str) -> None:
        self.undo_action.setText(f"Undo {text}".strip())

    def _redo_text_changed(self, text: str) -> None:
        self.redo_action.setText(f"Redo {text}".strip())

    # --- presenting -----------------------------------------------------------------------

    @property
    def presenter(self) -> Presenter:
        """The audience view's controller, made on first use (F5)."""
        if self._presenter is None:
            from workshop.ui.presenter import Presenter

            self._presenter = Presenter(self.controller, self._audience_theme(), window=self)
            self._presenter.stopped.connect(self._presenting_stopped)
            self._presenter.page_step.connect(self._step)
            from workshop.ui.console import attach_console  # the laptop's console (2 screens)

            attach_console(self, self._presenter)
        return self._presenter

    def _audience_theme(self) -> str:
        # The room gets the high-contrast projector look unless the facilitator chose dark.
        return "dark" if self.preferences.theme == "dark" else "projector"

    def start_presenting(self) -> None:
        page = self.current_page
        if page is None:
            return
        self._flush_page()
        view = self.presenter.start(page.id)
        if self._room_panel is not None:
            self._room_panel.presenting_started(view)
        self.end_present_action.setEnabled(True)
        self.present_action.setEnabled(False)
        for action in (self.clicker_next_action, self.clicker_previous_action):
            action.setEnabled(True)
        self._projecting_before_present = self.projecting
        if self.presenter.on_second_screen:
            # The room sees the projector, not the laptop: the laptop shows the notes.
            self.set_projecting(False)
        self.statusBar().showMessage(
            "Presenting — PgDown/PgUp or Space move, B blacks the screen, Esc ends it", 8000
        )

    def stop_presenting(self) -> None:
        if self._presenter is not None:
            self._presenter.stop()

    def _presenting_stopped(self) -> None:
        self.end_present_action.setEnabled(False)
        self.present_action.setEnabled(True)
        for action in (self.clicker_next_action, self.clicker_previous_action):
            action.setEnabled(False)
        before = self._projecting_before_present
        if before is not None and before != self.projecting:
            self.set_projecting(before)
        self._projecting_before_present = None
        if self.isVisible() and (page := self.current_view) is not None:
            self._focus_page(page)

    def _step(self, step: int) -> None:
        self.next_page() if step > 0 else self.previous_page()

    @property
    def presenting(self) -> bool:
        return self._presenter is not None and self._presenter.is_active

    def open_room_vote(self) -> None:
        """The room-vote panel for this page (or for the round that is running)."""
        from workshop.ui.room.panel import RoomPanel

        if self._room_panel is None:
            self._room_panel = RoomPanel(self.controller, self)
            self._room_panel.live.state_changed.connect(self._update_room_action)
        self._flush_page()
        self._room_panel.open_for(self.current_page)

    def _update_room_action(self, *_args: object) -> None:
        running = self._room_panel is not None and self._room_panel.live.running
        page = self.current_page
        from workshop.room.outcome import ROUND_PAGE_TYPES

        votable = page is not None and page.page_type in ROUND_PAGE_TYPES
        self.room_vote_action.setEnabled(running or votable)

    def export_roadmap(self) -> None:
        from workshop.ui.export_dialog import RoadmapExportFlow

        self._flush_page()
        RoadmapExportFlow.for_window(self, self.controller).start()

    def export_actions(self) -> None:
        from workshop.ui.export_dialog import export_actions_interactively

        self._flush_page()
        text = export_actions_interactively(self, self.controller)
        if text:
            self.statusBar().showMessage(text, 8000)

    # --- pages --------------------------------------------------------------------------

    def _view(self, position: int) -> PageView:
        view = self._views.get(position)
        if view is None:
            from workshop.ui.pages.base import page_class

            page = self.stops[position].page
            cls = page_class(page.page_type)
            # Opening a workshop checked every page type against the registry
            # (page_types.check_page_types), so a missing view cannot reach this point.
            assert cls is not None, page.page_type
            view = cls(self.controller, page, self.page_stack)
            self._views[position] = view
            self.page_stack.addWidget(view)
            view.setFont(self.font())
            view.set_projecting(self.projecting)
            view.refresh()
            self._stale.discard(position)
        return view

    @property
    def current_view(self) -> PageView | None:
        return self._views.get(self.current)

    @property
    def current_page(self) -> Page | None:
        return self.stops[self.current].page if 0 <= self.current < len(self.stops) else None

    def go_to(self, position: int) -> None:
        if not 0 <= position < len(self.stops):
            return
        if position != self.current:
            self._flush_page()
        self.current = position
        view = self._view(position)
        if position in self._stale:
            view.refresh()
            self._stale.discard(position)
        self.page_stack.setCurrentWidget(view)
        stop = self.stops[position]
        self.side_panel.show_page(stop.page, view.guidance())
        self.timer_widget.set_section(None if stop.section_id == OTHER_SECTION else stop.section_id)
        self._update_navigator()
        self._sync_page_done()
        self._focus_page(view)
        self._update_room_action()
        if self.presenting:
            self.presenter.show_page(stop.page.id)

    def _focus_page(self, view: PageView) -> None:
        """Arriving on a page (by any route) hands the keyboard to the page's first working
        control, so its keys (0–4, Space, typing) work at once; the page list keeps its
        own keys only while the facilitator is in it."""
        target = view.focus_target()
        (target or view).setFocus(Qt.FocusReason.OtherFocusReason)

    def _sync_page_done(self) -> None:
        # "Page done" shows what the page list shows: done by hand or by what the room did.
        done = 0 <= self.current < len(self.stops) and self.navigator.mark(self.current) == "done"
        if self.page_done_action.isChecked() != done:
            self.page_done_action.blockSignals(True)
            self.page_done_action.setChecked(done)
            self.page_done_action.blockSignals(False)

    def _set_page_done(self, done: bool) -> None:
        from workshop.domain.edits import set_keyed_field

        page = self.current_page
        if page is None:
            return
        status = "done" if done else "in_progress"
        label = "Mark page done" if done else "Mark page not done"
        self.controller.push(
            set_keyed_field(self.controller.session, "pages", page.id, "status", status, label)
        )

    def next_page(self) -> None:
        self.go_to(min(self.current + 1, len(self.stops) - 1))

    def previous_page(self) -> None:
        self.go_to(max(self.current - 1, 0))

    def _flush_page(self) -> None:
        view = self.current_view
        if view is not None:
            view.flush()
        self.controller.flush()

    def _update_navigator(self) -> None:
        self.navigator.set_current(self.current)
        self.navigator.update_times(self.controller.session, self.timer_widget.section_seconds())

    def _marks_touched(self, change: Change) -> None:
        """An edit may have moved some pages on: recompute those marks only."""
        self.navigator.refresh_marks(change, self.controller.session, self.controller.framework)
        self._sync_page_done()

    def _session_changed(self, change: Change) -> None:
        for position, view in self._views.items():
            if position == self.current:
                view.show_change(change)
            else:
                self._stale.add(position)
        self.navigator.update_times(self.controller.session, self.timer_widget.section_seconds())

    # --- projecting, zoom, theme --------------------------------------------------------

    def set_projecting(self, projecting: bool) -> None:
        self.projecting = bool(projecting)
        if self.projecting_action.isChecked() != self.projecting:
            self.projecting_action.blockSignals(True)
            self.projecting_action.setChecked(self.projecting)
            self.projecting_action.blockSignals(False)
        self.side_panel.setVisible(not self.projecting)
        for view in self._views.values():
            view.set_projecting(self.projecting)
        if self.projecting:
            self.projecting_indicator.setText("\u25cf Projecting \u2014 notes hidden")
            theme.set_role(self.projecting_indicator, "indicator")
        else:
            self.projecting_indicator.setText("Private view")
            theme.set_role(self.projecting_indicator, "indicator_off")
        self._apply_scale()

    def body_point_size(self) -> float:
        if self.projecting:
            return theme.projecting_point_size(self, self.preferences.zoom)
        return theme.system_point_size() * self.preferences.zoom

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        handle = self.windowHandle()
        if handle is not None and not self._follows_screen:
            # Dragged onto the projector (or the projector became the screen): the type
            # follows the height of the screen the window is now on.
            handle.screenChanged.connect(self._screen_changed)
            self._follows_screen = True
        self._apply_scale()

    def _screen_changed(self, _screen: object) -> None:
        if self.projecting:
            self._apply_scale()

    def _apply_scale(self) -> None:
        """Base font of the whole window (pages derive their sizes from it)."""
        body = self.body_point_size()
        font = QFont(self.font())
        font.setPointSizeF(body)
        self.setFont(font)
        # Pages get the font explicitly too: a style sheet anywhere on a page stops Qt from
        # propagating the window's font into it, and pages size their titles from it.
        for view in self._views.values():
            view.setFont(font)
        theme.restyle(self)

    def zoom(self, direction: int) -> None:
        zoom = 1.0 if direction == 0 else theme.next_zoom(self.preferences.zoom, direction)
        self.preferences.zoom = zoom
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, self.preferences.theme, zoom)
        self._apply_scale()
        self.statusBar().showMessage(f"Zoom {round(zoom * 100)} %", 3000)

    def set_theme(self, theme_id: str) -> None:
        self.preferences.theme = theme_id
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, theme_id, self.preferences.zoom)
        theme.restyle(self)
        if self._presenter is not None:
            self._presenter.set_theme(self._audience_theme())

    def _request_new(self) -> None:
        self.close()
        self.new_requested.emit()

    def _request_open(self) -> None:
        self.close()
        self.open_requested.emit()

    def _find_page(self) -> None:
        """Focus the navigator: typing a page's first letters jumps to it."""
        self.set_page_list_visible(True)
        self.navigator.setFocus()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    # --- saving and closing -------------------------------------------------------------

    def save(self) -> None:
        self._flush_page()
        text = self.controller.save_now()
        self.save_label.setText(text)
        self.statusBar().showMessage(text, 3000)

    def _settle_unsaved(self) -> bool:
        """Edits are still not on disk: ask what to do. True when the window may close.

        Whatever is chosen, nothing is discarded: the recovery journal already holds every
        unsaved edit (the workshop service writes it after each failed save), and the next
        start replays it. Escape keeps the window open.
        """
        count = len(self.controller.service.pending)
        while True:
            box = QMessageBox(QMessageBox.Icon.Warning, "Changes not saved", "", parent=self)
            box.setObjectName("unsaved_changes_box")
            box.setText(
                f"{count} change{'s' if count != 1 else ''} could not be saved to the database yet."
            )
            box.setInformativeText(
                "Try again, save a copy of the workshop as a file elsewhere, or quit: the "
                "changes are kept and saved the next time the app starts."
            )
            retry = box.addButton("Try again", QMessageBox.ButtonRole.AcceptRole)
            retry.setObjectName("retry_button")
            copy = box.addButton("Save a copy…", QMessageBox.ButtonRole.ActionRole)
            copy.setObjectName("save_copy_button")
            keep = box.addButton(
                "Quit and keep them for next time", QMessageBox.ButtonRole.DestructiveRole
            )
            keep.setObjectName("keep_for_next_time_button")
            stay = box.addButton(QMessageBox.StandardButton.Cancel)
            stay.setObjectName("stay_button")
            box.setDefaultButton(retry)
            box.setEscapeButton(stay)
            self.unsaved_box = box
            box.exec()
            clicked = box.clickedButton()
            if clicked is retry:
                self.controller.flush()
                if not self.controller.has_unsaved:
                    return True
                count = len(self.controller.service.pending)
            elif clicked is copy:
                if self._save_copy():
                    return True
            else:
                return clicked is keep  # Cancel/Escape: stay in the workshop

    def _save_copy(self) -> bool:
        """Write the workshop as it is on screen to a portable session file."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from workshop.store.portable import write_session_file

        session = self.controller.session
        suggested = f"{session.organisation or 'workshop'} {session.workshop_date} (unsaved).json"
        path, _ = QFileDialog.getSaveFileName(
            self, "Save a copy of the workshop", suggested, "Workshop files (*.json)"
        )
        if not path:
            return False
        try:
            write_session_file(session, Path(path))
        except (OSError, ValueError) as error:
            QMessageBox.critical(self, "Copy not saved", f"Could not write {path}:\n{error}")
            return False
        self.statusBar().showMessage(f"Copy saved to {path}", 5000)
        return True

    def _save_failed(self, message: str) -> None:
        self.save_label.setText("Not saved")
        QMessageBox.critical(self, "Not saved", message)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_presenting()
        self._flush_page()
        self.controller.flush()
        if self.controller.has_unsaved and not self._settle_unsaved():
            event.ignore()  # the facilitator stays in the workshop; nothing is lost
            return
        if self._room_panel is not None:
            self._room_panel.shutdown()  # the server stops with the workshop
        self.timer_widget.shutdown()
        self.controller.close()
        self.preferences.sync()
        super().closeEvent(event)
        self.closed.emit(self.controller.session.id)

"""The library: the start screen listing every workshop, newest first.

One store query fills a model/view table (see ``library_model``), filtered as the user
types. Deleting is a soft delete with undo (the "Undo" button in the status bar, or Ctrl+Z
while the library has focus); renaming is undoable the same way. Opening a workshop is
signalled to the application, which shows the workshop window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from workshop.ui import theme
from workshop.ui.app_menu import add_app_menu
from workshop.ui.library_model import ID_ROLE, LibraryFilter, LibraryModel
from workshop.ui.preferences import last_folder, remember_folder
from workshop.ui.widgets.date_edit import DateEdit

if TYPE_CHECKING:  # the content loads on first use, not before the first frame
    from workshop.domain.edits import SetField
    from workshop.domain.session import Session
    from workshop.framework.model import Framework
    from workshop.service import LibraryService
    from workshop.ui.store_port import DesktopStore

log = logging.getLogger(__name__)

EMPTY_TEXT = (
    "No workshops yet.\n\nPress Ctrl+N to set up the first one, "
    'or choose "Open demo" to look around a finished example.'
)


class _DeleteCommand(QUndoCommand):
    def __init__(self, library: LibraryWindow, session_id: str, name: str) -> None:
        super().__init__(f"Delete {name}")
        self.library, self.session_id = library, session_id

    def redo(self) -> None:
        self.library.service.delete(self.session_id)
        self.library.refresh()

    def undo(self) -> None:
        self.library.service.restore(self.session_id)
        self.library.refresh(select=self.session_id)


class _RenameCommand(QUndoCommand):
    """Pushed after the rename was saved (so a refused title never reaches the stack)."""

    def __init__(self, library: LibraryWindow, session_id: str, edit: SetField) -> None:
        super().__init__("Rename workshop")
        self.library, self.session_id, self.edit = library, session_id, edit
        self._saved_already = True

    def redo(self) -> None:
        if self._saved_already:  # LibraryService.rename saved it just before the push
            self._saved_already = False
        else:
            self.library.service.redo_rename(self.session_id, self.edit)
        self.library.refresh(select=self.session_id)

    def undo(self) -> None:
        self.library.service.undo_rename(self.session_id, self.edit)
        self.library.refresh(select=self.session_id)


class LibraryWindow(QMainWindow):
    #: The user chose a workshop to open (its id).
    open_requested = Signal(str)
    #: The user asked for the preferences dialog.
    preferences_requested = Signal()

    def __init__(
        self,
        store: DesktopStore,
        framework_loader: Callable[[], Framework],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._framework_loader = framework_loader
        self._framework: Framework | None = None
        self._service: LibraryService | None = None
        self.setObjectName("library_window")
        self.setWindowTitle("ML team maturity workshops")
        self.undo_stack = QUndoStack(self)

        self.model = LibraryModel()
        self.proxy = LibraryFilter()
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setObjectName("library_search")
        self.search.setAccessibleName("Search workshops")
        self.search.setPlaceholderText("Search by organisation or title")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        # Return in the search opens the selected workshop (else the first one shown).
        self.search.returnPressed.connect(self._open_from_search)

        self.table = QTableView(self)
        self.table.setObjectName("library_table")
        self.table.setAccessibleName("Workshops")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        # Keep the store's order (newest first) until the user clicks a column header.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)

        self.empty_label = QLabel(EMPTY_TEXT, self)
        self.empty_label.setObjectName("library_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        theme.set_role(self.empty_label, "muted")

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        self.heading = QLabel("Workshops", self)
        self.heading.setObjectName("library_heading")
        theme.set_role(self.heading, "page_title")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("library_count")
        theme.set_role(self.count_label, "secondary")

        central = QWidget(self)
        layout = QVBoxLayout(central)
        step = theme.line_step(self)
        layout.setContentsMargins(2 * step, step, 2 * step, step)
        layout.setSpacing(step)
        title_row = QHBoxLayout()
        title_row.setSpacing(2 * step)
        title_row.addWidget(self.heading)
        title_row.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBaseline)
        title_row.addStretch(1)
        title_row.addWidget(self.search, 1)
        layout.addLayout(title_row)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        # Rows tall enough to read and to hit on a touchpad; follows the font and zoom.
        self.table.verticalHeader().setDefaultSectionSize(3 * step + step // 2)

        self._build_actions()
        add_app_menu(self)  # Quit and Help › About, as in every window
        self._build_status_bar()
        # With one screen, the room sees this list on the mirrored projector: the same
        # large type as a projecting workshop window (F6 switches, as there).
        self.projecting = theme.single_screen()
        self._apply_scale()

    # --- actions ------------------------------------------------------------------------

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        # triggered(bool) would hand `checked` to slots whose first parameter is optional
        # (a path, a title): call them with no arguments, as the user's click means.
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            "new_action", "New workshop…", self.new_session, QKeySequence.StandardKey.New
        )
        self.open_action = self._action(
            "open_action", "Open", self.open_selected, QKeySequence.StandardKey.Open
        )
        self.follow_up_action = self._action(
            "follow_up_action", "Duplicate as follow-up…", self.duplicate_as_follow_up
        )
        self.rename_action = self._action("rename_action", "Rename…", self.rename_selected, "F2")
        self.delete_action = self._action(
            "delete_action", "Delete", self.delete_selected, QKeySequence.StandardKey.Delete
        )
        self.import_action = self._action("import_action", "Import…", self.import_file)
        self.export_action = self._action("export_action", "Export…", self.export_selected)
        self.demo_action = self._action("demo_action", "Open demo", self.open_demo)
        self.preferences_action = self._action(
            "preferences_action",
            "Preferences…",
            self.preferences_requested.emit,
            QKeySequence.StandardKey.Preferences,
        )
        self.find_action = self._action(
            "find_action", "Find", self._focus_search, QKeySequence.StandardKey.Find
        )
        self.projecting_action = self._action(
            "library_projecting_action",
            "Projecting",
            lambda: self.set_projecting(not self.projecting),
            "F6",
        )
        self.undo_action = self.undo_stack.createUndoAction(self, "Undo")
        self.undo_action.setObjectName("library_undo_action")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.addAction(self.undo_action)
        self.redo_action = self.undo_stack.createRedoAction(self, "Redo")
        self.redo_action.setObjectName("library_redo_action")
        self.redo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
        self.addAction(self.redo_action)

        # Grouped as a facilitator thinks of them: start something, act on the selected
        # workshop; then move files in and out, preferences apart at the far end. Two bars,
        # so that with the large projecting type the second moves to a row of its own
        # instead of hiding buttons in an overflow menu.
        toolbar = self._toolbar(
            "library_toolbar",
            "Workshops",
            (
                (self.new_action, self.demo_action),
                (self.open_action, self.follow_up_action, self.rename_action, self.delete_action),
            ),
        )
        self.files_toolbar = self._toolbar(
            "library_files_toolbar", "Files", ((self.import_action, self.export_action),)
        )
        spacer = QWidget(self.files_toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.files_toolbar.addWidget(spacer)
        self._add_tool(self.files_toolbar, self.preferences_action)
        self.addToolBar(toolbar)
        self.addToolBar(self.files_toolbar)
        self._update_actions()

    def _toolbar(self, name: str, title: str, groups: tuple[tuple[QAction, ...], ...]) -> QToolBar:
        toolbar = QToolBar(title, self)
        toolbar.setObjectName(name)
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for number, group in enumerate(groups):
            if number:
                toolbar.addSeparator()
            for action in group:
                self._add_tool(toolbar, action)
        return toolbar

    @staticmethod
    def _add_tool(toolbar: QToolBar, action: QAction) -> None:
        toolbar.addAction(action)
        button = toolbar.widgetForAction(action)
        if button is not None:
            button.setObjectName(f"{action.objectName().removesuffix('_action')}_button")
            button.setAccessibleName(action.text().rstrip("…"))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def set_projecting(self, projecting: bool) -> None:
        self.projecting = bool(projecting)
        self._apply_scale()

    def _apply_scale(self) -> None:
        size = (
            theme.projecting_point_size(self)
            if self.projecting
            else QApplication.font().pointSizeF()
        )
        wrapped = self.toolBarBreak(self.files_toolbar)
        if self.projecting and not wrapped:
            self.insertToolBarBreak(self.files_toolbar)
        elif wrapped and not self.projecting:
            self.removeToolBarBreak(self.files_toolbar)
        font = QFont(self.font())
        if size > 0 and abs(font.pointSizeF() - size) > 0.01:
            font.setPointSizeF(size)
            self.setFont(font)
            self.table.verticalHeader().setDefaultSectionSize(
                round(QFontMetrics(font).lineSpacing() * 1.75)
            )
            theme.restyle(self)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.snackbar = QWidget(self)
        self.snackbar.setObjectName("library_snackbar")
        row = QHBoxLayout(self.snackbar)
        row.setContentsMargins(0, 0, 0, 0)
        self.snackbar_label = QLabel(self.snackbar)
        self.snackbar_label.setObjectName("snackbar_label")
        self.snackbar_undo = QPushButton("Undo", self.snackbar)
        self.snackbar_undo.setObjectName("snackbar_undo_button")
        self.snackbar_undo.setAccessibleName("Undo delete")
        self.snackbar_undo.clicked.connect(self._undo_from_snackbar)
        row.addWidget(self.snackbar_label)
        row.addWidget(self.snackbar_undo)
        bar.addWidget(self.snackbar, 1)
        self.snackbar.hide()
        self._snackbar_timer = QTimer(self)
        self._snackbar_timer.setSingleShot(True)
        self._snackbar_timer.setInterval(15_000)
        self._snackbar_timer.timeout.connect(self.snackbar.hide)

    def _show_snackbar(self, text: str) -> None:
        self.snackbar_label.setText(text)
        self.snackbar.show()
        self._snackbar_timer.start()

    def _undo_from_snackbar(self) -> None:
        self.undo_stack.undo()
        self.snackbar.hide()

    def _update_actions(self, *_: object) -> None:
        has = self.selected_id() is not None
        for action in (
            self.open_action,
            self.follow_up_action,
            self.rename_action,
            self.delete_action,
            self.export_action,
        ):
            action.setEnabled(has)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- data -----------------------------------------------------------------------------

    @property
    def framework(self) -> Framework:
        if self._framework is None:
            self._framework = self._framework_loader()
            self.model.stage_names = {s.id: s.name for s in self._framework.stages}
        return self._framework

    def warm_up(self) -> None:
        """Load the content after the first frame (stage names, the set-up dialog)."""
        _ = self.framework
        if self.model.rowCount() == 0:
            return
        top, bottom = self.model.index(0, 0), self.model.index(self.model.rowCount() - 1, 4)
        self.model.dataChanged.emit(top, bottom)

    def refresh(self, select: str | None = None) -> None:
        """Reload the list from the store (one query) and keep or set the selection."""
        keep = select or self.selected_id()
        self.model.set_sessions(self.store.list_sessions())
        self._update_empty_state()
        if keep is not None:
            self.select(keep)
        elif self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        self._update_actions()

    def _update_empty_state(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        count = f"{total} workshop{'' if total == 1 else 's'}"
        self.count_label.setText(count if shown == total else f"{shown} of {count}")
        if self.model.rowCount() == 0:
            self.empty_label.setText(EMPTY_TEXT)
            self.stack.setCurrentWidget(self.empty_label)
        elif self.proxy.rowCount() == 0:
            self.empty_label.setText(
                f"No workshop matches \u201c{self.search.text().strip()}\u201d.\n\n"
                "Search looks at the organisation and the title."
            )
            self.stack.setCurrentWidget(self.empty_label)
        else:
            self.stack.setCurrentWidget(self.table)

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_empty_state()
        if self.selected_id() is None and self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        self._update_actions()

    def visible_titles(self) -> list[tuple[str, str]]:
        """(organisation, title) of the rows shown, in order (what the user sees)."""
        return [
            (str(self.proxy.index(r, 0).data()), str(self.proxy.index(r, 1).data()))
            for r in range(self.proxy.rowCount())
        ]

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(ID_ROLE)
        return str(value) if value else None

    def select(self, session_id: str) -> bool:
        row = self.model.row_of(session_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    # --- commands -------------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        value = index.data(ID_ROLE)
        if value:
            self.open_requested.emit(str(value))

    def _open_from_search(self) -> None:
        if self.selected_id() is None and self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        self.open_selected()

    def open_selected(self) -> None:
        session_id = self.selected_id()
        if session_id is not None:
            self.open_requested.emit(session_id)

    def new_session(self) -> str | None:
        from workshop.ui.setup_dialog import SetupDialog

        dialog = SetupDialog(self.framework, self)
        if dialog.exec() != SetupDialog.DialogCode.Accepted:
            return None
        session = dialog.session()
        if not self._guard(lambda: self._store_new(session), "create the workshop"):
            return None
        self.refresh(select=session.id)
        self.open_requested.emit(session.id)
        return session.id

    def duplicate_as_follow_up(self) -> str | None:
        session_id = self.selected_id()
        if session_id is None:
            return None
        previous = self.store.load(session_id)
        when = self.ask_follow_up_date(previous)
        if when is None:
            return None
        made: list[Session] = []
        if not self._guard(
            lambda: made.append(self.service.duplicate_as_follow_up(session_id, when)),
            "create the follow-up",
        ):
            return None
        follow_up = made[0]
        self.refresh(select=follow_up.id)
        self.statusBar().showMessage(f"Follow-up of {previous.display_name} created", 5000)
        return follow_up.id

    @property
    def service(self) -> LibraryService:
        """The library's use cases (create, rename, delete...), shared with the CLI."""
        if self._service is None:
            from workshop.service import LibraryService

            self._service = LibraryService(self.store, self.framework)
        return self._service

    def _store_new(self, session: Session) -> None:
        """Save a new workshop with its stage known, so the list shows it at once (an
        imported or demo workshop arrives already rated)."""
        self.service.create(session)

    def ask_follow_up_date(self, previous: Session) -> date | None:
        """The date of the follow-up workshop (today by default, never before the last one)."""
        dialog = QDialog(self)
        dialog.setObjectName("follow_up_dialog")
        dialog.setWindowTitle("Duplicate as follow-up")
        layout = QVBoxLayout(dialog)
        intro = QLabel(
            f"A follow-up of “{previous.display_name}” copies the participants, "
            "opportunities, hiring plan, decisions and open actions; its maturity check "
            "starts fresh and is compared with this one.",
            dialog,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        picker = DateEdit(dialog)
        picker.setObjectName("follow_up_date")
        picker.setAccessibleName("Date of the follow-up workshop")
        picker.setCalendarPopup(True)
        picker.setDisplayFormat("d MMMM yyyy")
        earliest = previous.workshop_date
        picker.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
        today = max(date.today(), earliest)
        picker.setDate(QDate(today.year, today.month, today.day))
        form.addRow("Date of the follow-up workshop:", picker)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create follow-up")
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = picker.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def rename_selected(self) -> None:
        session_id = self.selected_id()
        if session_id is None:
            return
        session = self.store.load(session_id)
        text, ok = QInputDialog.getText(
            self, "Rename workshop", "Workshop title:", QLineEdit.EchoMode.Normal, session.title
        )
        self.rename(session_id, text) if ok else None

    def rename(self, session_id: str, title: str) -> None:
        from workshop.service import EditRefused

        try:
            edit = self.service.rename(session_id, title)
        except EditRefused as error:
            QMessageBox.warning(self, "Not renamed", f"The title was not changed:\n{error}")
            return
        except Exception as error:
            log.exception("rename failed")
            QMessageBox.critical(self, "Not saved", f"Could not rename the workshop:\n{error}")
            return
        if edit is not None:
            self.undo_stack.push(_RenameCommand(self, session_id, edit))

    def delete_selected(self) -> None:
        session_id = self.selected_id()
        if session_id is None:
            return
        row = self.model.row_of(session_id)
        summary = self.model.summary(row)
        name = " — ".join(p for p in (summary.organisation, summary.title) if p) or "workshop"
        self.undo_stack.push(_DeleteCommand(self, session_id, name))
        self._show_snackbar(f"Deleted \u201c{name}\u201d.")

    def import_file(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                "Import a workshop",
                last_folder("sessions"),
                "Workshop files (*.json);;All files (*)",
            )
            if not path:
                return None
            remember_folder("sessions", path)
        from workshop.store.portable import PortableFileError, read_session_file

        try:
            session = read_session_file(Path(path))
        except (PortableFileError, OSError) as error:
            QMessageBox.warning(self, "Import failed", f"Could not import {path}:\n{error}")
            return None
        if not self._guard(lambda: self._store_new(session), "import the workshop"):
            return None
        self.refresh(select=session.id)
        self.statusBar().showMessage(f"Imported {session.display_name}", 5000)
        return session.id

    def export_selected(self, path: str | None = None) -> bool:
        session_id = self.selected_id()
        if session_id is None:
            return False
        from workshop.store import DamagedSessionError

        left_out: list[str] = []
        try:
            session = self.store.load(session_id)
        except DamagedSessionError:  # export what can be read, and say what could not
            session, left_out = self.store.load_salvaged(session_id)
        if path is None:
            suggested = f"{session.organisation or 'workshop'} {session.workshop_date}.json"
            folder = last_folder("sessions")
            path, _ = QFileDialog.getSaveFileName(
                self,
                "Export the workshop",
                str(Path(folder, suggested)) if folder else suggested,
                "Workshop files (*.json)",
            )
            if not path:
                return False
            remember_folder("sessions", path)
        from workshop.store.portable import PortableFileError, write_session_file

        try:
            write_session_file(session, Path(path))
        except (PortableFileError, OSError) as error:
            QMessageBox.warning(self, "Export failed", f"Could not write {path}:\n{error}")
            return False
        if left_out:
            QMessageBox.warning(
                self,
                "Damaged workshop exported",
                f"This workshop is damaged: {len(left_out)} value(s) could not be read and "
                "were left out or set to their default:\n" + "\n".join(left_out[:10]),
            )
        self.statusBar().showMessage(f"Exported to {path}", 5000)
        return True

    def open_demo(self) -> str | None:
        """Create (or refresh) the demo workshop, then open it."""
        from workshop.store.demo import build_demo_series

        series = build_demo_series(self.framework)
        demo = series[-1]  # the latest workshop: it shows the progress since the first

        def replace() -> None:
            for session in series:  # fixed ids: each replaces its older copy
                self.service.refresh_demo(session)

        if not self._guard(replace, "create the demo workshop"):
            return None
        self.refresh(select=demo.id)
        self.open_requested.emit(demo.id)
        return demo.id

    def _guard(self, work: Callable[[], object], what: str) -> bool:
        try:
            work()
        except Exception as error:
            log.exception("library action failed")
            QMessageBox.critical(self, "Not saved", f"Could not {what}:\n{error}")
            return False
        return True

    # --- keys -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

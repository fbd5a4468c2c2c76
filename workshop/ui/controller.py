"""The Qt adapter of the workshop service: signals for the views, a QUndoStack for the menus.

The edit sequence itself lives in :class:`workshop.service.WorkshopService` (check → commit →
memory → history → notify). This adapter only translates: service events become Qt signals,
and each undoable edit becomes one :class:`~workshop.ui.undo.EditCommand` on the
``QUndoStack`` (which the Edit menu, the toolbar and Ctrl+Z use); the command calls the
service's ``apply``/``undo``/``redo`` plainly.

Text fields do not push per keystroke: they hold their text until typing pauses (see
``widgets/bound_text.py``). :meth:`flush` asks them to commit now (Ctrl+S, page change,
close) — that is the only "save" a user ever needs, and it is never required.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from workshop.domain.edits import Edit
from workshop.domain.session import Session
from workshop.framework.model import Framework
from workshop.service import (
    Changed,
    EditJournal,
    EditRefused,
    Event,
    Refused,
    Saved,
    SaveFailed,
    SessionStore,
    WorkshopService,
)
from workshop.ui.undo import EditCommand

log = logging.getLogger(__name__)


class SessionController(QObject):
    #: Emitted with the edit after any apply, undo (with the inverse edit) or redo.
    changed = Signal(object)
    #: Emitted with the :class:`~workshop.service.Change` (what the edit touched), right
    #: after ``changed``: views that update one row or marker listen to this.
    touched = Signal(object)
    #: Status-bar text after a successful write, e.g. "Saved 14:03:12".
    saved = Signal(str)
    #: A write failed; the message says what happened and whether the work is kept.
    save_failed = Signal(str)
    #: An edit was refused (stale or invalid); the message is for the status bar.
    refused = Signal(str)
    #: Text widgets with typing in progress commit it when this fires (see flush()).
    flush_requested = Signal()

    def __init__(
        self,
        session: Session,
        framework: Framework,
        store: SessionStore,
        parent: QObject | None = None,
        journal: EditJournal | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = WorkshopService(session, framework, store, journal)
        self.service.subscribe(self._on_event)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("session_undo_stack")

    @property
    def session(self) -> Session:
        return self.service.session

    @property
    def framework(self) -> Framework:
        return self.service.framework

    @property
    def store(self) -> SessionStore:
        return self.service.store

    @property
    def last_saved(self) -> datetime | None:
        return self.service.last_saved

    # --- service events -> signals ---------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if isinstance(event, Changed):
            self.changed.emit(event.change.edit)
            self.touched.emit(event.change)
        elif isinstance(event, Saved):
            self.saved.emit(f"Saved {event.at:%H:%M:%S}")
        elif isinstance(event, SaveFailed):
            self.save_failed.emit(event.message)
        elif isinstance(event, Refused):
            self.refused.emit(event.message)

    # --- changing the session ------------------------------------------------------------

    def push(self, edit: Edit) -> bool:
        """Apply ``edit`` as one undoable step and save it. False if it was refused."""
        command = EditCommand(self.service, edit)
        self.undo_stack.push(command)  # runs command.redo(), which applies the edit
        if not command.applied:
            return False
        if command.history_lost:
            QTimer.singleShot(0, self.undo_stack.clear)
        return True

    def record(self, edit: Edit) -> bool:
        """Apply and save ``edit`` without an undo step (e.g. time measured by the timer)."""
        try:
            return self.service.apply(edit, undoable=False) is not None
        except EditRefused:
            return False

    def undo(self) -> None:
        self.flush()  # typing in progress becomes its own step first, then is undone
        self.undo_stack.undo()
        self._sync_history()

    def redo(self) -> None:
        self.flush()
        self.undo_stack.redo()
        self._sync_history()

    def _sync_history(self) -> None:
        # A step that no longer fits made the service drop its history; the menus follow.
        if not self.service.can_undo and not self.service.can_redo and self.undo_stack.count():
            QTimer.singleShot(0, self.undo_stack.clear)

    # --- saving ----------------------------------------------------------------------------

    @property
    def has_unsaved(self) -> bool:
        return bool(self.service.pending)

    def flush(self) -> None:
        """Commit typing in progress now and retry anything not yet saved."""
        self.flush_requested.emit()
        self.service.flush()

    def save_now(self) -> str:
        """Ctrl+S: flush and return the status text to show."""
        self.flush()
        if self.service.pending:
            return "Not saved — see the message about the database"
        stamp = self.service.last_saved or datetime.now()
        text = f"Saved {stamp:%H:%M:%S}"
        self.saved.emit(text)
        return text

    def close(self) -> None:
        """Flush, and refresh the library's stage for this workshop."""
        self.flush_requested.emit()
        self.service.close()

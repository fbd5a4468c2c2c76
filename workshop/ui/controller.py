"""The session controller: the one way the UI changes a workshop.

Pages never touch the session or the store directly. They build a domain edit and call
:meth:`SessionController.push`; the controller applies it to the in-memory session, writes
that one edit to the store at once (one small transaction, ~1 ms), puts it on the undo stack
and emits :attr:`changed` so every view refreshes from the model. Undo and redo write the
inverse edit the same way, so the database always matches what is on screen.

Text fields do not push per keystroke: they hold their text until typing pauses (see
``widgets/bound_text.py``). :meth:`flush` asks them to commit now (Ctrl+S, page change,
close) — that is the only "save" a user ever needs, and it is never required.

If the store refuses a write (disk full, file gone), the session in memory is kept, the
edit is queued and retried with the next save, and :attr:`save_failed` says so once.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from workshop.domain.edits import Edit, EditError
from workshop.domain.session import Session
from workshop.domain.validation import InvalidValue
from workshop.framework.model import Framework
from workshop.ui.undo import EditCommand

log = logging.getLogger(__name__)


class SessionController(QObject):
    #: Emitted with the edit after any apply, undo (with the inverse edit) or redo.
    changed = Signal(object)
    #: Status-bar text after a successful write, e.g. "Saved 14:03:12".
    saved = Signal(str)
    #: A write failed; the message says what happened and that nothing in memory is lost.
    save_failed = Signal(str)
    #: An edit was refused (stale or invalid); the message is for the status bar.
    refused = Signal(str)
    #: Text widgets with typing in progress commit it when this fires (see flush()).
    flush_requested = Signal()

    def __init__(
        self,
        session: Session,
        framework: Framework,
        store: Any,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.framework = framework
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("session_undo_stack")
        self._unsaved: list[Edit] = []
        self._failing = False
        self.last_saved: datetime | None = None

    # --- changing the session ------------------------------------------------------------

    def push(self, edit: Edit) -> bool:
        """Apply ``edit`` as one undoable step and save it. False if it was refused."""
        if not self._apply(edit):
            return False
        self.undo_stack.push(EditCommand(self, edit))
        return True

    def record(self, edit: Edit) -> bool:
        """Apply and save ``edit`` without an undo step (e.g. time measured by the timer)."""
        return self._apply(edit)

    def apply_from_stack(self, edit: Edit) -> None:
        """Called by undo commands. A step that no longer fits clears the history."""
        if not self._apply(edit):
            # The session moved on in a way the history cannot follow (rare: a
            # non-undoable record touched the same item). Drop the history rather than
            # leave steps that would fail again; clear it after the stack finishes.
            QTimer.singleShot(0, self.undo_stack.clear)

    def undo(self) -> None:
        self.flush()  # typing in progress becomes its own step first, then is undone
        self.undo_stack.undo()

    def redo(self) -> None:
        self.flush()
        self.undo_stack.redo()

    def _apply(self, edit: Edit) -> bool:
        try:
            edit.apply(self.session)
        except (EditError, InvalidValue, KeyError) as error:
            log.warning("edit refused: %s", error)
            self.refused.emit(f"Not changed: {error}")
            return False
        self._save(edit)
        self.changed.emit(edit)
        return True

    # --- saving ----------------------------------------------------------------------------

    def _save(self, edit: Edit | None) -> None:
        if edit is not None:
            self._unsaved.append(edit)
        while self._unsaved:
            try:
                self.store.apply(self.session.id, self._unsaved[0])
            except Exception as error:  # any store failure: keep the work in memory
                log.exception("saving an edit failed")
                if not self._failing:
                    self._failing = True
                    self.save_failed.emit(
                        "The last change could not be saved to the database:\n"
                        f"{error}\n\nYour work is kept in the open window and saving "
                        "will be tried again with the next change."
                    )
                return
            self._unsaved.pop(0)
        self._failing = False
        self.last_saved = datetime.now()
        self.saved.emit(f"Saved {self.last_saved:%H:%M:%S}")

    @property
    def has_unsaved(self) -> bool:
        return bool(self._unsaved)

    def flush(self) -> None:
        """Commit typing in progress now and retry anything not yet saved."""
        self.flush_requested.emit()
        if self._unsaved:
            self._save(None)

    def save_now(self) -> str:
        """Ctrl+S: flush and return the status text to show."""
        self.flush()
        if self._unsaved:
            return "Not saved — see the message about the database"
        stamp = self.last_saved or datetime.now()
        self.last_saved = stamp
        text = f"Saved {stamp:%H:%M:%S}"
        self.saved.emit(text)
        return text

    def close(self) -> None:
        """Flush, and refresh the library's "stage reached" cache for this session."""
        self.flush()
        try:
            from workshop.domain.placement import place

            stage = place(self.framework, self.session).working_on
            self.store.set_stage_reached(self.session.id, stage)
        except Exception:  # a cache only: never block closing the workshop
            log.exception("could not update the stage reached")

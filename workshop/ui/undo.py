"""Undo commands: one per undoable edit, calling the workshop service plainly.

A command changes the *session* (through the service), never widgets: views refresh from
the adapter's signals. ``QUndoStack.push`` calls :meth:`EditCommand.redo` at once, which
applies the edit for the first time; later redos and undos walk the service's history. A
refused edit marks the command obsolete, so Qt drops it from the stack.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from workshop.domain.edits import Edit
from workshop.service import EditRefused, WorkshopService


class EditCommand(QUndoCommand):
    def __init__(self, service: WorkshopService, edit: Edit) -> None:
        super().__init__(edit.label or "Edit")
        self.service = service
        self.edit = edit
        self.applied = False
        self.history_lost = False

    def redo(self) -> None:
        if self.applied:
            self.history_lost = self.service.redo() is None
            return
        try:
            change = self.service.apply(self.edit)
        except EditRefused:
            change = None
        if change is None:
            self.setObsolete(True)  # refused: Qt removes the command from the stack
            return
        self.applied = True

    def undo(self) -> None:
        self.history_lost = self.service.undo() is None

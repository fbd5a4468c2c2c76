"""Undo commands built on the domain's edit operations.

A command changes the *session* (the model), never widgets: views refresh from the
controller's ``changed`` signal. ``QUndoStack.push`` calls ``redo()`` at once; the controller
has already applied and saved the edit by then (so a refused edit never reaches the stack),
which is why the first ``redo()`` does nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from workshop.domain.edits import Edit

if TYPE_CHECKING:
    from workshop.ui.controller import SessionController


class EditCommand(QUndoCommand):
    def __init__(self, controller: SessionController, edit: Edit) -> None:
        super().__init__(edit.label or "Edit")
        self.controller = controller
        self.edit = edit
        self._applied_already = True

    def redo(self) -> None:
        if self._applied_already:
            self._applied_already = False
            return
        self.controller.apply_from_stack(self.edit)

    def undo(self) -> None:
        self.controller.apply_from_stack(self.edit.inverted())

"""Text fields bound to one field of the session.

Typing does not push an edit per keystroke. The field keeps the value it last committed;
when typing pauses (``PAUSE_MS``), on focus-out, and when the controller asks for a flush
(page change, close, Ctrl+S, undo from the menu) it pushes ONE edit from the committed value
to the new one. So a committed text edit is one step on the session's undo stack, while
Ctrl+Z inside the field, during typing, is the field's own undo.

A refresh from the model never overwrites text typed but not yet committed (it is committed
within the pause anyway); otherwise it fills the field, e.g. after an undo.

Binding: ``collection=None`` means a scalar field of the session (``item_id`` ignored);
a keyed collection (answers, pages...) uses ``set_keyed_field`` so the item is created on
first typing; any other collection edits an existing item.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from workshop.domain.edits import Edit, set_item_field, set_keyed_field, set_session_field
from workshop.domain.session import COLLECTIONS, KEYED_COLLECTIONS
from workshop.ui.controller import SessionController

PAUSE_MS = 600


class _Binding:
    """What both widgets share: where the value lives, and the commit logic."""

    def __init__(
        self,
        widget: QWidget,
        controller: SessionController,
        collection: str | None,
        item_id: str,
        field: str,
        label: str,
    ) -> None:
        self.widget = widget
        self.controller = controller
        self.collection = collection
        self.item_id = item_id
        self.field = field
        self.label = label
        self.committed = ""
        self.pending = False
        self.timer = QTimer(widget)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)

    def model_value(self) -> str | None:
        """The field's value in the session; None if the bound item is gone."""
        session = self.controller.session
        if self.collection is None:
            return str(getattr(session, self.field) or "")
        item = session.find(self.collection, self.item_id)
        if item is None:
            if self.collection in KEYED_COLLECTIONS:
                default = COLLECTIONS[self.collection](id=self.item_id)
                return str(getattr(default, self.field) or "")
            return None
        return str(getattr(item, self.field) or "")

    def edit_to(self, text: str) -> Edit:
        session = self.controller.session
        label = self.label or f"Type in {self.field.replace('_', ' ')}"
        if self.collection is None:
            return set_session_field(session, self.field, text, label)
        if self.collection in KEYED_COLLECTIONS:
            return set_keyed_field(session, self.collection, self.item_id, self.field, text, label)
        return set_item_field(session, self.collection, self.item_id, self.field, text, label)

    def commit(self, text: str) -> bool:
        """Push the typed text as one edit if it differs from the model. True if pushed."""
        self.timer.stop()
        self.pending = False
        current = self.model_value()
        if current is None or text == current:
            self.committed = text if current is not None else self.committed
            return False
        ok = self.controller.push(self.edit_to(text))
        if ok:
            self.committed = text
        return ok


class BoundLineEdit(QLineEdit):
    """A one-line field bound to a session field (organisation, a participant's name...)."""

    def __init__(
        self,
        controller: SessionController,
        collection: str | None,
        item_id: str,
        field: str,
        parent: QWidget | None = None,
        *,
        label: str = "",
    ) -> None:
        super().__init__(parent)
        self.binding = _Binding(self, controller, collection, item_id, field, label)
        self.binding.timer.timeout.connect(self.commit)
        self.textEdited.connect(self._typed)
        self.returnPressed.connect(self.commit)
        controller.flush_requested.connect(self.commit)
        controller.changed.connect(self.refresh)
        self.refresh()

    def rebind(self, collection: str | None, item_id: str, field: str) -> None:
        """Point the field at another item (the side panel follows the current page)."""
        self.commit()
        self.binding.collection, self.binding.item_id = collection, item_id
        self.binding.field = field
        self.refresh(force=True)

    def _typed(self, _text: str) -> None:
        self.binding.pending = True
        self.binding.timer.start()

    def commit(self) -> bool:
        if not self.binding.pending:
            return False
        return self.binding.commit(self.text())

    def refresh(self, _edit: object = None, *, force: bool = False) -> None:
        if self.binding.pending and not force:  # their typing wins; committed soon
            return
        value = self.binding.model_value()
        self.setEnabled(value is not None)
        value = value or ""
        self.binding.pending = False
        self.binding.committed = value
        if self.text() != value:
            self.setText(value)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)


class BoundTextEdit(QPlainTextEdit):
    """A multi-line plain-text field bound to a session field (answers, notes...)."""

    def __init__(
        self,
        controller: SessionController,
        collection: str | None,
        item_id: str,
        field: str,
        parent: QWidget | None = None,
        *,
        label: str = "",
    ) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on, so every control stays reachable
        self.binding = _Binding(self, controller, collection, item_id, field, label)
        self.binding.timer.timeout.connect(self.commit)
        self._filling = False
        self.textChanged.connect(self._typed)
        controller.flush_requested.connect(self.commit)
        controller.changed.connect(self.refresh)
        self.refresh()

    def rebind(self, collection: str | None, item_id: str, field: str) -> None:
        self.commit()
        self.binding.collection, self.binding.item_id = collection, item_id
        self.binding.field = field
        self.refresh(force=True)

    def _typed(self) -> None:
        if self._filling:
            return
        self.binding.pending = True
        self.binding.timer.start()

    def commit(self) -> bool:
        if not self.binding.pending:
            return False
        return self.binding.commit(self.toPlainText())

    def refresh(self, _edit: object = None, *, force: bool = False) -> None:
        if self.binding.pending and not force:  # their typing wins; committed soon
            return
        value = self.binding.model_value()
        self.setEnabled(value is not None)
        value = value or ""
        self.binding.pending = False
        self.binding.committed = value
        if self.toPlainText() != value:
            self._filling = True
            try:
                self.setPlainText(value)
            finally:
                self._filling = False

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)


def bound_value(widget: Any) -> str | None:
    """The model value a bound widget shows (for tests and views)."""
    binding: _Binding = widget.binding
    return binding.model_value()

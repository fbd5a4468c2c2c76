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
first typing; any other collection edits an existing item. Anything else (say, the field of
an item found by another key, created by the first commit) is a ``TextSource`` given to
``follow()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from workshop.domain.edits import Edit, set_item_field, set_keyed_field, set_session_field
from workshop.domain.session import COLLECTIONS, KEYED_COLLECTIONS, Session
from workshop.ui.controller import SessionController
from workshop.ui.widgets.length_counter import limit_length

PAUSE_MS = 600


class TextSource(Protocol):
    """Where a bound field's text lives in the session: how to read it and how to change it."""

    @property
    def field(self) -> str: ...

    def read(self, session: Session) -> str | None:
        """The text to show; None if the bound item is gone (the field is then disabled)."""
        ...

    def edit_to(self, session: Session, text: str, label: str) -> Edit | None:
        """One edit that makes the value ``text``; None if nothing needs to change."""
        ...


@dataclass(frozen=True)
class ItemField:
    """A field of the session (``collection=None``) or of one item of a collection."""

    collection: str | None
    item_id: str
    field: str

    def read(self, session: Session) -> str | None:
        if self.collection is None:
            return str(getattr(session, self.field) or "")
        item = session.find(self.collection, self.item_id)
        if item is None:
            if self.collection in KEYED_COLLECTIONS:
                default = COLLECTIONS[self.collection](id=self.item_id)
                return str(getattr(default, self.field) or "")
            return None
        return str(getattr(item, self.field) or "")

    def edit_to(self, session: Session, text: str, label: str) -> Edit:
        if self.collection is None:
            return set_session_field(session, self.field, text, label)
        if self.collection in KEYED_COLLECTIONS:
            return set_keyed_field(session, self.collection, self.item_id, self.field, text, label)
        return set_item_field(session, self.collection, self.item_id, self.field, text, label)


class _Binding:
    """What both widgets share: where the value lives, and the commit logic."""

    def __init__(
        self, widget: QWidget, controller: SessionController, source: TextSource, label: str
    ) -> None:
        self.controller = controller
        self.source = source
        self.label = label
        self.committed = ""
        self.pending = False
        self.timer = QTimer(widget)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)

    def model_value(self) -> str | None:
        """The field's value in the session; None if the bound item is gone."""
        return self.source.read(self.controller.session)

    def commit(self, text: str) -> bool:
        """Push the typed text as one edit if it differs from the model. True if pushed."""
        self.timer.stop()
        self.pending = False
        current = self.model_value()
        if current is None or text == current:
            self.committed = text if current is not None else self.committed
            return False
        label = self.label or f"Type in {self.source.field.replace('_', ' ')}"
        edit = self.source.edit_to(self.controller.session, text, label)
        ok = edit is not None and self.controller.push(edit)
        if ok:
            self.committed = text
        return ok


# The mixin is a QWidget for the type checker (it calls QWidget methods and super()'s focus
# handler); at run time it stays a plain class, so each widget's Qt base is the only one.
if TYPE_CHECKING:
    _MixinBase = QWidget
else:
    _MixinBase = object


class _BoundText(_MixinBase):
    """The binding behaviour of both widgets; each widget only says how its text is read and
    shown (``_shown_text``, ``_show_text``) and which of its signals means "the user typed"."""

    binding: _Binding
    _filling = False  # True while a refresh fills the field: that is not typing

    def _bind(self, controller: SessionController, source: TextSource, label: str) -> None:
        self.binding = _Binding(self, controller, source, label)
        self.binding.timer.timeout.connect(self.commit)
        controller.flush_requested.connect(self.commit)
        controller.changed.connect(self.refresh)
        self.refresh()

    @property
    def source(self) -> TextSource:
        """Where the field's text lives now."""
        return self.binding.source

    def follow(self, source: TextSource) -> None:
        """Commit what was typed, then show and edit ``source`` from now on (the side panel
        follows the current page; a decision's field follows whichever decision the topic has,
        and creates it on the first commit)."""
        self.commit()
        self.binding.source = source
        self.refresh(force=True)

    def rebind(self, collection: str | None, item_id: str, field: str) -> None:
        """Point the field at another item (see ``ItemField``)."""
        self.follow(ItemField(collection, item_id, field))

    def _typed(self, *_args: object) -> None:
        if self._filling:
            return
        self.binding.pending = True
        self.binding.timer.start()

    def commit(self) -> bool:
        if not self.binding.pending:
            return False
        return self.binding.commit(self._shown_text())

    def refresh(self, _edit: object = None, *, force: bool = False) -> None:
        if self.binding.pending and not force:  # their typing wins; committed soon
            return
        value = self.binding.model_value()
        self.setEnabled(value is not None)
        value = value or ""
        self.binding.pending = False
        self.binding.committed = value
        if self._shown_text() != value:
            self._filling = True
            try:
                self._show_text(value)
            finally:
                self._filling = False

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)

    def _shown_text(self) -> str:
        raise NotImplementedError

    def _show_text(self, text: str) -> None:
        raise NotImplementedError


class BoundLineEdit(_BoundText, QLineEdit):
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
        self.textEdited.connect(self._typed)  # the user's typing only, not setText
        self.returnPressed.connect(self.commit)
        self._bind(controller, ItemField(collection, item_id, field), label)
        self.length_counter = limit_length(self, collection, field)

    def _shown_text(self) -> str:
        return self.text()

    def _show_text(self, text: str) -> None:
        self.setText(text)
        if not self.hasFocus():
            # Show a long name from its start ("Product manager…"), not its last letters.
            self.setCursorPosition(0)


class BoundTextEdit(_BoundText, QPlainTextEdit):
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
        self.textChanged.connect(self._typed)  # also emitted by a refresh: see _filling
        self._bind(controller, ItemField(collection, item_id, field), label)

    def _shown_text(self) -> str:
        return self.toPlainText()

    def _show_text(self, text: str) -> None:
        self.setPlainText(text)


def bound_value(widget: BoundLineEdit | BoundTextEdit) -> str | None:
    """The model value a bound widget shows (for tests and views)."""
    return widget.binding.model_value()

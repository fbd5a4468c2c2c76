"""Text fields bound to one field of the session, for the page types.

The one place that decides which text widgets the pages use: the shell's bound widgets,
which commit a single undoable ``SetField`` after a typing pause, on focus-out and when the
controller flushes, and refill themselves from the session after an undo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.ui.widgets.bound_text import BoundLineEdit, BoundTextEdit

if TYPE_CHECKING:
    from workshop.ui.pages.common import BasePage


def text_editor(
    page: BasePage, collection: str | None, item_id: str, field: str, label: str = ""
) -> BoundTextEdit:
    """Multi-line plain text for a session field (``collection=None``), a keyed item's field
    (created on first typing) or an existing item's field."""
    return BoundTextEdit(page.controller, collection, item_id, field, label=label)


def line_editor(
    page: BasePage, collection: str | None, item_id: str, field: str, label: str = ""
) -> BoundLineEdit:
    """One-line text bound the same way (organisation, a person's name...)."""
    return BoundLineEdit(page.controller, collection, item_id, field, label=label)

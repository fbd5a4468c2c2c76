"""A small "used / allowed" counter inside a one-line field, shown as the text nears its limit.

One-line fields have a length limit in the session's declaration (so every accepted session
prints; see :mod:`workshop.domain.fields`). :func:`limit_length` is the one helper every
line edit uses: it sets the field's maximum length from the declaration and adds a counter at
its right edge that appears only near the limit ("287 / 300"), turning to the warning level at
the limit, so nobody is surprised by a field that stops taking characters.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from workshop.domain.validation import text_limit
from workshop.ui import theme

# The counter shows once this share of the limit is used (or 20 characters from it).
NEAR_SHARE = 0.85


class LengthCounter(QLabel):
    """The counter label, a child of its line edit (see :func:`limit_length`)."""

    def __init__(self, edit: QLineEdit, limit: int) -> None:
        super().__init__(edit)
        self.edit = edit
        self.limit = limit
        self.setObjectName("length_counter")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        theme.set_role(self, "muted")
        edit.setMaxLength(limit)
        edit.setToolTip(edit.toolTip() or f"At most {limit:,} characters")
        edit.textChanged.connect(self.update_count)
        edit.installEventFilter(self)
        self.update_count(edit.text())

    def near(self, length: int) -> bool:
        return length >= min(self.limit * NEAR_SHARE, self.limit - 20)

    def update_count(self, text: str) -> None:
        length = len(text)
        if not self.near(length):
            if self.isVisible() or not self.isHidden():
                self.hide()
                self.edit.setTextMargins(0, 0, 0, 0)
            return
        self.setText(f"{length:,} / {self.limit:,}")
        self.setAccessibleName(f"{length} of at most {self.limit} characters")
        theme.set_level(self, "warning" if length >= self.limit else "normal")
        self.adjustSize()
        self.edit.setTextMargins(0, 0, self.width() + 6, 0)  # the text never runs under it
        self._place()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        # Leave the clear button (drawn at the right edge, about a line high) uncovered.
        clear = self.edit.height() if self.edit.isClearButtonEnabled() else 0
        self.move(
            self.edit.width() - self.width() - 6 - clear, (self.edit.height() - self.height()) // 2
        )


def limit_length(edit: QLineEdit, collection: str | None, field: str) -> LengthCounter | None:
    """Limit ``edit`` to the declared length of the session field it edits (``collection``
    None: the session's own field) and give it a counter near the limit."""
    limit = text_limit(collection, field)
    return LengthCounter(edit, limit) if limit else None

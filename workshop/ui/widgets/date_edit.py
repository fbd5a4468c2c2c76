"""A date box that Tab passes through in one press.

Qt's date editors use Tab to step from day to month to year, so a form with a date in
it takes two or three Tabs to leave the box, and a facilitator tabbing through the New
workshop dialog lands in the wrong field. Here Tab always moves to the next control;
the arrow keys (and typing) still move between the parts of the date.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QWidget


class DateEdit(QDateEdit):
    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's own name)
        return QWidget.focusNextPrevChild(self, next)

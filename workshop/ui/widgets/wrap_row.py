"""A row of controls that wraps its trailing controls under the lead on a narrow page."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget


class WrapRow(QWidget):
    """A row of controls that keeps its lead (a name field) readable on a narrow page.

    With room for the lead at about ``lead_chars`` characters beside the other controls,
    it is one line; narrower (a 1024-pixel projector with large type and the page list
    shown), the lead takes a line of its own and the other controls go on the line below,
    instead of every field being squeezed until its text is cut.
    """

    def __init__(
        self,
        lead: QWidget,
        others: list[QWidget],
        *,
        lead_chars: int | None = 28,
        spacing: int = 6,
        parent: QWidget | None = None,
    ) -> None:
        """``lead_chars=None``: the lead keeps its own size (a button) and does not stretch."""
        super().__init__(parent)
        self.lead = lead
        self.others = others
        self.lead_chars = lead_chars
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(spacing)
        self._top = QHBoxLayout()
        self._top.setSpacing(spacing)
        self._bottom = QHBoxLayout()
        self._bottom.setSpacing(spacing)
        self._bottom.addStretch(1)
        column.addLayout(self._top)
        column.addLayout(self._bottom)
        if lead_chars is None:
            self._top.addWidget(lead)
            self._top.addStretch(1)
        else:
            self._top.addWidget(lead, 1)
        for widget in others:
            self._top.addWidget(widget)
        self.stacked = False

    def _others_width(self) -> int:
        spacing = self._top.spacing()
        return sum(w.sizeHint().width() + spacing for w in self.others if not w.isHidden())

    def _one_line_width(self) -> int:
        if self.lead_chars is None:
            lead = self.lead.sizeHint().width() + self._top.spacing()
        else:
            lead = self.lead.fontMetrics().averageCharWidth() * self.lead_chars
        return lead + self._others_width()

    def minimumSizeHint(self) -> QSize:
        # The stacked arrangement's minimum: the row may be given less than one line needs.
        lead = self.lead.sizeHint() if self.lead_chars is None else self.lead.minimumSizeHint()
        others = self._others_width()
        height = super().minimumSizeHint().height()
        return QSize(max(lead.width(), others), height)

    def arrange(self) -> None:
        stacked = self.width() < self._one_line_width()
        if stacked == self.stacked:
            return
        self.stacked = stacked
        for widget in self.others:
            if stacked:
                self._bottom.insertWidget(self._bottom.count() - 1, widget)
            else:
                self._top.addWidget(widget)
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.arrange()

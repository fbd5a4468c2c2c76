"""A QR code as a widget: segno encodes, QPainter draws each module as a crisp square.

Always dark modules on a white square with the standard quiet zone, whatever the theme:
phone scanners read dark-on-light reliably, and an inverted code fails on some of them.
"""

from __future__ import annotations

import segno

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def qr_modules(text: str) -> list[list[bool]]:
    """The code's dark (True) and light modules, row by row, without the quiet zone."""
    code = segno.make(text, error="m", micro=False)
    return [[bool(cell) for cell in row] for row in code.matrix]


class QrCode(QWidget):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("room_qr_code")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.modules: list[list[bool]] = []
        self.text = ""
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self.text = text
        self.modules = qr_modules(text) if text else []
        self.setAccessibleName(f"QR code for {text}" if text else "QR code")
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        side = (len(self.modules) + 2 * QUIET_ZONE) * 6 if self.modules else 0
        return QSize(side, side)

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return width

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        if not self.modules:
            return
        count = len(self.modules) + 2 * QUIET_ZONE
        side = min(self.width(), self.height())
        module = max(1, side // count)  # whole pixels per module: no blurred edges
        total = module * count
        left = (self.width() - total) // 2
        top = (self.height() - total) // 2
        painter = QPainter(self)
        painter.fillRect(QRectF(left, top, total, total), QColor("#FFFFFF"))
        dark = QColor("#000000")
        for r, row in enumerate(self.modules):
            y = top + (r + QUIET_ZONE) * module
            for c, cell in enumerate(row):
                if cell:
                    painter.fillRect(left + (c + QUIET_ZONE) * module, y, module, module, dark)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.end()

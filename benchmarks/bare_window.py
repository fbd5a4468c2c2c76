"""The start-up baseline: a bare PySide6 window that exits after its first painted frame."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel


class FirstFrame(QLabel):
    def paintEvent(self, event):  # noqa: N802 - Qt naming
        super().paintEvent(event)
        QTimer.singleShot(0, QApplication.quit)


app = QApplication(sys.argv)
window = FirstFrame("Hello")
window.resize(800, 600)
window.show()
sys.exit(app.exec())

"""Help › About: the version, the app's licence, and what it is built from (third-party notices)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from workshop import APP_NAME, __version__
from workshop.third_party import COMPONENTS

LICENCE = (
    "Licensed to your organisation under the terms that came with your copy. "
    "Runs entirely on this computer: no connection ever leaves it."
)
NOTICES_INTRO = (
    "Built with these open-source components, each under its own licence. The bundle's "
    "licenses folder holds their full texts; the Qt libraries are used under the LGPL "
    "version 3 and may be replaced by your own build of them."
)


def notices_html() -> str:
    rows = []
    for component in COMPONENTS:
        version = component.version()
        name = escape(component.name + (f" {version}" if version else ""))
        rows.append(
            f"<tr><td>{name}</td><td>{escape(component.licence)}</td>"
            f"<td><a href='{escape(component.url)}'>{escape(component.url)}</a></td></tr>"
        )
    return (
        f"<p>{escape(NOTICES_INTRO)}</p>"
        "<table cellspacing='0' cellpadding='3'>"
        "<tr><th align='left'>Component</th><th align='left'>Licence</th><th align='left'>Home</th></tr>"
        + "".join(rows)
        + "</table>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(f"About {APP_NAME}")
        layout = QVBoxLayout(self)
        self.heading = QLabel(
            f"<h2>{escape(APP_NAME)}</h2><p>Version {escape(__version__)}</p>", self
        )
        self.heading.setObjectName("about_heading")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.licence = QLabel(LICENCE, self)
        self.licence.setObjectName("about_licence")
        self.licence.setWordWrap(True)
        self.notices = QTextBrowser(self)
        self.notices.setObjectName("about_notices")
        self.notices.setAccessibleName("Third-party notices")
        # The links are shown for reference only: nothing here opens a browser or the network.
        self.notices.setOpenLinks(False)
        self.notices.setHtml(notices_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        layout.addWidget(self.heading)
        layout.addWidget(self.licence)
        layout.addWidget(self.notices, 1)
        layout.addWidget(buttons)
        self.resize(
            self.fontMetrics().horizontalAdvance("M") * 60, self.fontMetrics().height() * 30
        )

    def text(self) -> str:
        """Everything the dialog says, as plain text (for tests and copying)."""
        return "\n".join((self.heading.text(), self.licence.text(), self.notices.toPlainText()))

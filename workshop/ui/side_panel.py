"""The side panel: the framework's guidance for the page and the facilitator's private notes.

The notes are bound to ``PageRecord.note`` (never projected, never printed). The whole
panel is hidden while projecting, so nothing in it can reach the room.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from workshop.domain.edits import set_keyed_field
from workshop.domain.page_progress import page_mark
from workshop.framework.model import Page
from workshop.ui import theme
from workshop.ui.controller import SessionController
from workshop.ui.widgets.bound_text import BoundTextEdit


class SidePanel(QWidget):
    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("side_panel")
        self.setProperty("private", True)
        self.controller = controller
        self.page: Page | None = None

        self.guidance_title = QLabel("Guidance", self)
        theme.set_role(self.guidance_title, "section_title")
        self.guidance = QLabel(self)
        self.guidance.setObjectName("guidance_label")
        self.guidance.setWordWrap(True)
        self.guidance.setTextFormat(Qt.TextFormat.PlainText)
        self.guidance.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea(self)
        scroll.setObjectName("guidance_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.guidance)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.done_check = QCheckBox("Page &done", self)
        self.done_check.setObjectName("page_done_check")
        self.done_check.setAccessibleName("Mark this page done")
        self.done_check.toggled.connect(self._done_toggled)

        self.notes_title = QLabel("Private notes", self)
        theme.set_role(self.notes_title, "section_title")
        self.notes_hint = QLabel(
            "Only on this laptop: hidden while projecting, never printed.", self
        )
        self.notes_hint.setWordWrap(True)
        theme.set_role(self.notes_hint, "secondary")
        self.notes = BoundTextEdit(controller, "pages", "", "note", self, label="Private note")
        self.notes.setObjectName("private_notes")
        self.notes.setAccessibleName("Private notes for this page")
        self.notes.setPlaceholderText("Notes for you only")
        self.notes_title.setBuddy(self.notes)

        layout = QVBoxLayout(self)
        layout.addWidget(self.guidance_title)
        layout.addWidget(scroll, 2)
        layout.addWidget(self.done_check)
        layout.addWidget(self.notes_title)
        layout.addWidget(self.notes_hint)
        layout.addWidget(self.notes, 3)
        controller.changed.connect(self._refresh_done)

    def show_page(self, page: Page, guidance: str) -> None:
        self.page = page
        self.guidance.setText(guidance or "No guidance for this page.")
        self.notes.rebind("pages", page.id, "note")
        self._refresh_done()

    def _refresh_done(self, _edit: object = None) -> None:
        if self.page is None:
            return
        # The same word as the page list: done by hand, or by what the room recorded.
        done = page_mark(self.page, self.controller.session, self.controller.framework) == "done"
        self.done_check.blockSignals(True)
        self.done_check.setChecked(done)
        self.done_check.blockSignals(False)

    def _done_toggled(self, checked: bool) -> None:
        if self.page is None:
            return
        status = "done" if checked else "in_progress"
        label = "Mark page done" if checked else "Mark page not done"
        self.controller.push(
            set_keyed_field(self.controller.session, "pages", self.page.id, "status", status, label)
        )

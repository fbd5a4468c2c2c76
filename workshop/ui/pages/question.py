"""A strategy question: the prompt, the facilitator's hint, and the room's answer.

``page.ref`` is the question id. The answer is plain text (never rich text: what an
executive types is shown exactly as typed); its status says whether the room discussed or
skipped it. A line of the answer (or the whole answer) can be sent to the actions list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from workshop.domain.edits import add_item, set_keyed_field
from workshop.domain.followup import last_answer
from workshop.domain.session import Action, new_id
from workshop.ui.pages.base import register
from workshop.ui.pages.common import (
    SECONDARY,
    TITLE,
    BasePage,
    EmptyState,
    Tag,
    em,
    named,
    plain_label,
)
from workshop.ui.pages.framework_notes import LastAnswer
from workshop.ui.pages.text import text_editor
from workshop.vocab import AnswerStatus

if TYPE_CHECKING:
    from workshop.framework.model import Page, StrategyQuestion
    from workshop.ui.controller import SessionController

STATUS_TAGS = {status.value: (status.marked, status.tone) for status in AnswerStatus}


@register
class QuestionPage(BasePage):
    page_type = "question"
    report_sections = ("heard",)

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        self.question_id = page.ref
        layout = self.page_layout()
        unit = round(em(self))

        self.stage_label = self.muted(named(plain_label(), "stage_label", "Stage"))
        self.scaled(self.stage_label, SECONDARY)
        layout.addWidget(self.stage_label)

        self.prompt_label = named(plain_label(selectable=True), "prompt_label", "Question")
        self.scaled(self.prompt_label, TITLE, bold=True)
        layout.addWidget(self.prompt_label)

        # The hint is for the facilitator only: hidden while projecting.
        self.hint_box = named(QFrame(), "hint_box", "Facilitator hint")
        self.hint_box.setFrameShape(QFrame.Shape.StyledPanel)
        hint_layout = QVBoxLayout(self.hint_box)
        hint_layout.setContentsMargins(unit, unit // 2, unit, unit // 2)
        hint_title = self.muted(plain_label("Facilitator hint — not shown to the room"))
        self.scaled(hint_title, SECONDARY, bold=True)
        self.hint_label = self.muted(named(plain_label(selectable=True), "hint_label", "Hint"))
        hint_layout.addWidget(hint_title)
        hint_layout.addWidget(self.hint_label)
        layout.addWidget(self.mark_private(self.hint_box))

        status_row = QHBoxLayout()
        status_row.setSpacing(unit)
        self.status_tag = named(Tag(), "status_tag", "Answer status")
        self.discussed_button = named(
            QPushButton("Mark discussed"), "discussed_button", "Mark as discussed"
        )
        self.discussed_button.setCheckable(True)
        self.skipped_button = named(QPushButton("Skip"), "skipped_button", "Mark as skipped")
        self.skipped_button.setCheckable(True)
        self.discussed_button.clicked.connect(self.on_change(lambda: self._toggle("discussed")))
        self.skipped_button.clicked.connect(self.on_change(lambda: self._toggle("skipped")))
        status_row.addWidget(self.status_tag)
        status_row.addStretch(1)
        status_row.addWidget(self.discussed_button)
        status_row.addWidget(self.skipped_button)
        layout.addLayout(status_row)

        answer_title = named(plain_label("The room's answer", wrap=False), "answer_title")
        self.scaled(answer_title, 1.1, bold=True)
        layout.addWidget(answer_title)
        self.answer_edit = text_editor(self, "answers", self.question_id, "text", "Type answer")
        named(self.answer_edit, "answer_edit", "The room's answer")
        self.answer_edit.setPlaceholderText(
            "Type what the room says, one point per line. Select a line and press "
            "“Send to actions” to make it an action."
        )
        self.scaled(self.answer_edit, 1.15)  # the room reads its own words from afar
        answer_title.setBuddy(self.answer_edit)
        layout.addWidget(self.answer_edit, 1)

        action_row = QHBoxLayout()
        self.sent_label = self.muted(named(plain_label(), "sent_label", "Sent to actions"))
        self.send_button = named(
            QPushButton("Send answer to actions"), "send_button", "Send to actions"
        )
        self.send_button.setToolTip(
            "Adds the selected text — or the whole answer when nothing is selected — "
            "to the actions list (Ctrl+Enter)"
        )
        self.send_button.setShortcut("Ctrl+Return")
        self.send_button.clicked.connect(self.send_to_actions)
        self.answer_edit.selectionChanged.connect(self._update_send_label)
        action_row.addWidget(self.sent_label, 1)
        action_row.addWidget(self.send_button)
        layout.addLayout(action_row)
        self.last_answer = LastAnswer()  # a wrap-up question at a follow-up: last time's answer
        layout.addWidget(self.last_answer)
        layout.addWidget(self.message)

        self.missing = named(
            EmptyState("This page refers to a question the content no longer has."),
            "missing_state",
        )
        self.missing.setVisible(False)
        layout.addWidget(self.missing)

        self.setTabOrder(self.answer_edit, self.send_button)
        self.setTabOrder(self.send_button, self.discussed_button)
        self.setTabOrder(self.discussed_button, self.skipped_button)
        self.refresh()

    # --- reading -------------------------------------------------------------------------

    @property
    def question(self) -> StrategyQuestion | None:
        return next((q for q in self.framework.questions if q.id == self.question_id), None)

    def refresh(self) -> None:
        with self.filling():
            question = self.question
            self.missing.setVisible(question is None)
            self.prompt_label.setText(question.prompt if question else self.page.title)
            self.hint_label.setText(question.hint if question else "")
            stage_id = question.stage if question else self.page.stage
            stage = next((s for s in self.framework.stages if s.id == stage_id), None)
            self.stage_label.setText(f"{stage.name} · strategy question" if stage else "")
            answer = self.controller.session.answer(self.question_id)
            text, kind = STATUS_TAGS.get(answer.status, (answer.status, "neutral"))
            self.status_tag.set_tag(text, kind)
            self.discussed_button.setChecked(answer.status == "discussed")
            self.skipped_button.setChecked(answer.status == "skipped")
            self._update_send_label()
            self.last_answer.show_answer(last_answer(self.controller.session, self.question_id))

    def guidance(self) -> str:
        return self.page.guidance

    def flush(self) -> None:
        self.answer_edit.commit()

    # --- changing --------------------------------------------------------------------------

    def _toggle(self, status: str) -> None:
        current = self.controller.session.answer(self.question_id).status
        new = "open" if current == status else status
        self.flush()
        self.push(
            set_keyed_field(
                self.controller.session,
                "answers",
                self.question_id,
                "status",
                new,
                label=f"Mark question {new.replace('_', ' ')}",
            )
        )

    def _selected_text(self) -> str:
        # Qt puts U+2029 between the lines of a selection.
        return self.answer_edit.textCursor().selectedText().replace("\u2029", "\n").strip()

    def _update_send_label(self) -> None:
        self.send_button.setText(
            "Send selection to actions" if self._selected_text() else "Send answer to actions"
        )

    def send_to_actions(self) -> None:
        """Add the selected text, or the whole answer, as a new open action."""
        self.flush()
        text = self._selected_text() or self.controller.session.answer(self.question_id).text
        text = text.strip()
        if not text:
            self.show_message("Type or select something in the answer first.")
            return
        action = Action(
            id=new_id(), text=text, stage=self.page.stage, source_page=self.page.id, kind="action"
        )
        if self.push(add_item(self.controller.session, "actions", action, label="Send to actions")):
            first_line = text.splitlines()[0]
            shown = first_line if len(first_line) <= 60 else first_line[:59] + "…"
            self.sent_label.setText(f"Added to actions: “{shown}”")
            self.answer_edit.setFocus(Qt.FocusReason.OtherFocusReason)

"""Discovery interviews from the pre-work: who, which function, when, and what hurts.

One card per interview. The framework's interview prompts for the card's function are shown
as facilitator hints (private: hidden while projecting). An interview marked private is
hidden from the room altogether, and never printed.

Cards are kept by interview id and updated in place on refresh, so typing in one card is
never interrupted by a change elsewhere.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import Value, add_item, remove_item, set_item_field
from workshop.domain.session import Interview, new_id
from workshop.ui.pages.base import register
from workshop.ui.pages.common import (
    ADD_KEY_TEXT,
    SECONDARY,
    TITLE,
    BasePage,
    EmptyState,
    Tag,
    WrapRow,
    em,
    named,
    plain_label,
    pydate,
    qdate,
    scroll_area,
)
from workshop.ui.pages.text import line_editor, text_editor
from workshop.ui.widgets.date_edit import DateEdit
from workshop.vocab import InterviewFunction

if TYPE_CHECKING:
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController

NO_DATE = QDate(2000, 1, 1)  # the date edit's minimum stands for "no date"
FUNCTION_NAMES = {function.value: function.label for function in InterviewFunction}


class InterviewCard(QFrame):
    def __init__(self, page: InterviewsPage, interview_id: str):
        super().__init__()
        self.page = page
        self.interview_id = interview_id
        named(self, f"interview_{interview_id}", "Interview")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        unit = round(em(page))
        grid = QGridLayout(self)
        grid.setContentsMargins(unit, unit, unit, unit)
        grid.setHorizontalSpacing(unit)
        grid.setVerticalSpacing(unit // 2)

        self.person_edit = named(
            line_editor(page, "interviews", interview_id, "person", "Edit interviewee"),
            "person_edit",
            "Who was interviewed",
        )
        self.person_edit.setPlaceholderText("Who (name and job title)")
        self.function_combo = named(QComboBox(), "function_combo", "Function")
        for function in Interview.FUNCTIONS:
            name = next(
                (p.function_name for p in page.framework.interview_prompts
                 if p.function == function),
                FUNCTION_NAMES.get(function, function),
            )
            self.function_combo.addItem(name, function)
        self.function_combo.currentIndexChanged.connect(
            page.on_change(lambda i: self._set("function", self.function_combo.itemData(i)))
        )
        self.date_edit = named(DateEdit(), "interview_date_edit", "Interview date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setSpecialValueText("No date")
        self.date_edit.setKeyboardTracking(False)
        self.date_edit.dateChanged.connect(page.on_change(self._date_changed))
        self.private_check = named(QCheckBox("Private"), "private_check", "Private interview")
        self.private_check.setToolTip("Private interviews are never shown to the room or printed")
        self.private_check.toggled.connect(page.on_change(lambda on: self._set("private", on)))
        self.private_tag = named(Tag("Private — hidden from the room", "warning"), "private_tag")
        self.remove_button = named(QPushButton("Remove"), "remove_button", "Remove interview")
        self.remove_button.clicked.connect(lambda: page.remove_interview(interview_id))

        # Who, then function, date, private and remove: on a narrow page the name keeps
        # a line of its own instead of being squeezed to "ct manager".
        self.top_row = WrapRow(
            self.person_edit,
            [self.function_combo, self.date_edit, self.private_check, self.remove_button],
            spacing=unit,
        )
        grid.addWidget(self.top_row, 0, 0)
        grid.addWidget(self.private_tag, 1, 0, Qt.AlignmentFlag.AlignLeft)

        pains_label = plain_label("What hurts, in their words", wrap=False)
        page.scaled(pains_label, SECONDARY, bold=True)
        grid.addWidget(pains_label, 2, 0)
        self.pains_edit = named(
            text_editor(page, "interviews", interview_id, "pains", "Type what hurts"),
            "pains_edit",
            "What hurts",
        )
        self.pains_edit.setPlaceholderText("One pain point per line, as they said it.")
        pains_label.setBuddy(self.pains_edit)
        self._size_pains()
        grid.addWidget(self.pains_edit, 3, 0)

        self.prompts_label = page.muted(named(plain_label(), "prompts_label", "Prompts"))
        page.scaled(self.prompts_label, SECONDARY)
        grid.addWidget(page.mark_private(self.prompts_label), 4, 0)

        QWidget.setTabOrder(self.person_edit, self.function_combo)
        QWidget.setTabOrder(self.function_combo, self.date_edit)
        QWidget.setTabOrder(self.date_edit, self.private_check)
        QWidget.setTabOrder(self.private_check, self.pains_edit)
        QWidget.setTabOrder(self.pains_edit, self.remove_button)

    def _size_pains(self) -> None:
        # About six lines: enough for the notes of one interview; the page scrolls, not the box.
        self.pains_edit.setMaximumHeight(round(self.pains_edit.fontMetrics().lineSpacing() * 6.5))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_pains()

    def show_interview(self, interview: Interview) -> None:
        self.function_combo.setCurrentIndex(max(self.function_combo.findData(interview.function), 0))
        wanted = qdate(interview.interview_date) if interview.interview_date else NO_DATE
        if self.date_edit.date() != wanted:
            self.date_edit.setDate(wanted)
        self.private_check.setChecked(interview.private)
        self.private_tag.setVisible(interview.private)
        prompts = next(
            (p for p in self.page.framework.interview_prompts
             if p.function == interview.function and not p.retired),
            None,
        )
        self.prompts_label.setText(
            "Ask (facilitator only):\n" + "\n".join(f"•  {p}" for p in prompts.prompts)
            if prompts
            else ""
        )
        self.prompts_label.setVisible(bool(prompts) and not self.page.projecting)
        self.setVisible(not (interview.private and self.page.projecting))

    def _set(self, field: str, value: Value) -> None:
        session = self.page.controller.session
        interview = session.find("interviews", self.interview_id)
        if interview is not None and getattr(interview, field) != value:
            self.page.push(set_item_field(session, "interviews", self.interview_id, field, value))

    def _date_changed(self, value: QDate) -> None:
        new: date | None = None if value == NO_DATE else pydate(value)
        self._set("interview_date", new)


@register
class InterviewsPage(BasePage):
    page_type = "interviews"
    report_sections = ("heard",)

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        layout = self.page_layout()
        unit = round(em(self))
        head = QHBoxLayout()
        title = named(plain_label(page.title or "Discovery interviews"), "title_label")
        self.scaled(title, TITLE, bold=True)
        head.addWidget(title, 1)
        self.add_button = named(QPushButton("Add interview"), "add_button", "Add an interview")
        self.add_button.clicked.connect(self.add_interview)
        self.add_key(self.add_button)
        head.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(head)
        intro = self.muted(plain_label(
            "Notes from the pre-work: talk to product, customer success, support, sales and "
            "a few clients before the workshop, and write down what hurts in their words."
        ))
        layout.addWidget(intro)
        layout.addWidget(self.message)

        self.scroll_view = scroll_area("interviews_scroll", "Interviews")
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(unit)
        self.list_layout.addStretch(1)
        self.scroll_view.setWidget(self.list_widget)
        layout.addWidget(self.scroll_view, 100)
        self.empty_state = named(
            EmptyState(f"No interviews yet — press “Add interview” ({ADD_KEY_TEXT}) for "
                       "each person you spoke to before the workshop."),
            "empty_state",
        )
        layout.addWidget(self.empty_state)
        layout.addStretch(1)  # with no cards, the heading and empty state stay on top
        self.cards: dict[str, InterviewCard] = {}
        self.refresh()

    @property
    def projecting(self) -> bool:
        return self._projecting

    def refresh(self) -> None:
        with self.filling():
            interviews = self.controller.session.interviews
            wanted = [i.id for i in interviews]
            for gone in [i for i in self.cards if i not in wanted]:
                removed = self.cards.pop(gone)
                self._private.remove(removed.prompts_label)  # about to be deleted
                removed.setParent(None)
                removed.deleteLater()
            for position, interview in enumerate(interviews):
                card = self.cards.get(interview.id)
                if card is None:
                    card = InterviewCard(self, interview.id)
                    self.cards[interview.id] = card
                if self.list_layout.indexOf(card) != position:
                    self.list_layout.insertWidget(position, card)
                card.show_interview(interview)
            shown = [c for c in self.cards.values() if not c.isHidden()]
            self.empty_state.setVisible(not shown)
            if interviews and not shown:
                self.empty_state.setText("Every interview here is private.")
            elif not interviews:
                self.empty_state.setText(
                    f"No interviews yet — press “Add interview” ({ADD_KEY_TEXT}) for "
                    "each person you spoke to before the workshop."
                )
            self.scroll_view.setVisible(bool(shown))
            self.show_new_children(self.list_widget)

    def set_projecting(self, projecting: bool) -> None:
        super().set_projecting(projecting)
        self.refresh()

    def focus_target(self) -> QWidget | None:
        """Add interview: the page's work starts there (Space or Ctrl+Shift+N)."""
        return self.add_button

    def add_interview(self) -> None:
        # What is typed in another card is committed first: the new card's refresh would
        # otherwise show that field's stored (older) text over the typing.
        self.flush()
        self.controller.flush()
        interview = Interview(id=new_id())
        session = self.controller.session
        if self.push(add_item(session, "interviews", interview, label="Add interview")):
            card = self.cards[interview.id]
            card.person_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_view.ensureWidgetVisible(card)

    def remove_interview(self, interview_id: str) -> None:
        session = self.controller.session
        if session.find("interviews", interview_id) is not None:
            self.push(remove_item(session, "interviews", interview_id, "Remove interview"))

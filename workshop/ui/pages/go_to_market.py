"""Go-to-market: the Building stage's items for selling ML products, discussed one by one.

The items come from the content (``framework.go_to_market``): revisit the roadmap, validate
the market problem, buyer personas, sales enablement, marketing along the buyer journey.
Each is a card with the room's notes (an :class:`Answer` keyed by the item id, like a
strategy question's answer), a Discussed / Skipped status, and "Send to actions". Where the
item comes from in the framework is shown to the facilitator only, so they can defend it.

Cards are built once per content item and filled in place on refresh, so typing in one card
is never interrupted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import add_item, set_keyed_field
from workshop.domain.session import Action, new_id
from workshop.framework.model import ChecklistItem, Origin
from workshop.ui.pages.base import register
from workshop.ui.pages.common import (
    SECONDARY,
    SECTION,
    TITLE,
    BasePage,
    EmptyState,
    Tag,
    em,
    named,
    plain_label,
    scroll_area,
)
from workshop.ui.pages.text import text_editor
from workshop.vocab import AnswerStatus

if TYPE_CHECKING:
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController

STATUS_TAGS = {status.value: (status.marked, status.tone) for status in AnswerStatus}


def _wrapping(text: str = "") -> QWidget:
    """Plain text that wraps and never forces the page wider than the window."""
    label = plain_label(text)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setMinimumWidth(1)
    return label


class GoToMarketCard(QFrame):
    def __init__(self, page: GoToMarketPage, item: ChecklistItem, number: int):
        super().__init__()
        self.page = page
        self.item = item
        named(self, f"gtm_{item.id}", item.text)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        unit = round(em(page))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(unit, unit, unit, unit)
        layout.setSpacing(unit // 2)

        head = QHBoxLayout()
        head.setSpacing(unit)
        self.text_label = named(_wrapping(f"{number}. {item.text}"), "item_text", "Item")
        page.scaled(self.text_label, SECTION, bold=True)
        self.status_tag = named(Tag(), "status_tag", "Status")
        self.discussed_button = named(
            QPushButton("Discussed"), "discussed_button", f"Mark “{item.text}” discussed"
        )
        self.discussed_button.setCheckable(True)
        self.discussed_button.setToolTip("Mark as discussed (click again to clear)")
        self.skipped_button = named(QPushButton("Skip"), "skipped_button", f"Skip “{item.text}”")
        self.skipped_button.setCheckable(True)
        self.skipped_button.setToolTip("Mark as skipped (click again to clear)")
        self.discussed_button.clicked.connect(page.on_change(lambda: self._toggle("discussed")))
        self.skipped_button.clicked.connect(page.on_change(lambda: self._toggle("skipped")))
        head.addWidget(self.text_label, 1)
        head.addWidget(self.status_tag, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)

        self.detail_label = page.muted(named(_wrapping(item.detail), "item_detail", "Detail"))
        layout.addWidget(self.detail_label)
        # Where the line comes from: for the facilitator, who may be asked to defend it.
        source = (
            f"From the framework: {item.provenance.source_part}"
            if item.provenance.origin == Origin.FRAMEWORK and item.provenance.source_part
            else "A facilitation aid, not from the framework text"
        )
        self.source_label = page.muted(named(_wrapping(source), "source_label", "Source"))
        page.scaled(self.source_label, SECONDARY)
        layout.addWidget(page.mark_private(self.source_label))

        self.notes_edit = named(
            text_editor(page, "answers", item.id, "text", "Type go-to-market notes"),
            "notes_edit",
            f"The room's notes on “{item.text}”",
        )
        self.notes_edit.setPlaceholderText("What the room says: who, what, by when.")
        self._size_notes()
        layout.addWidget(self.notes_edit)

        foot = QHBoxLayout()
        self.sent_label = page.muted(named(_wrapping(), "sent_label", "Sent to actions"))
        page.scaled(self.sent_label, SECONDARY)
        self.send_button = named(
            QPushButton("Send to actions"), "send_button", f"Send “{item.text}” to actions"
        )
        self.send_button.setToolTip(
            "Adds the selected notes — or all the notes, or the item itself when there are "
            "none — to the actions list"
        )
        self.send_button.clicked.connect(self.send_to_actions)
        foot.addWidget(self.sent_label, 1)
        foot.addWidget(self.discussed_button)
        foot.addWidget(self.skipped_button)
        foot.addWidget(self.send_button)
        layout.addLayout(foot)

        QWidget.setTabOrder(self.notes_edit, self.discussed_button)
        QWidget.setTabOrder(self.discussed_button, self.skipped_button)
        QWidget.setTabOrder(self.skipped_button, self.send_button)

    def _size_notes(self) -> None:
        # About four lines: the page scrolls, not each box.
        lines = self.notes_edit.fontMetrics().lineSpacing()
        self.notes_edit.setMinimumHeight(round(lines * 2.6))
        self.notes_edit.setMaximumHeight(round(lines * 4.6))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_notes()

    def show_answer(self) -> None:
        answer = self.page.controller.session.answer(self.item.id)
        text, kind = STATUS_TAGS.get(answer.status, (answer.status, "neutral"))
        self.status_tag.set_tag(text, kind)
        self.discussed_button.setChecked(answer.status == "discussed")
        self.skipped_button.setChecked(answer.status == "skipped")

    def _toggle(self, status: str) -> None:
        self.notes_edit.commit()
        session = self.page.controller.session
        new = "open" if session.answer(self.item.id).status == status else status
        self.page.push(
            set_keyed_field(
                session,
                "answers",
                self.item.id,
                "status",
                new,
                label=f"Mark go-to-market item {new}",
            )
        )

    def send_to_actions(self) -> None:
        """Add the selected notes, all the notes, or (with no notes) the item as an action."""
        self.notes_edit.commit()
        selected = self.notes_edit.textCursor().selectedText().replace("\u2029", "\n").strip()
        notes = self.page.controller.session.answer(self.item.id).text.strip()
        text = selected or notes or self.item.text
        action = Action(
            id=new_id(),
            text=text,
            stage=self.page.page.stage or self.item.stage,
            source_page=self.page.page.id,
            kind="action",
        )
        session = self.page.controller.session
        if self.page.push(add_item(session, "actions", action, label="Send to actions")):
            first_line = text.splitlines()[0]
            shown = first_line if len(first_line) <= 60 else first_line[:59] + "…"
            self.sent_label.setText(f"Added to actions: “{shown}”")


@register
class GoToMarketPage(BasePage):
    page_type = "go_to_market"
    report_sections = ("ways_of_working",)

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        layout = self.page_layout()
        unit = round(em(self))

        self.stage_label = self.muted(named(plain_label(), "stage_label", "Stage"))
        self.scaled(self.stage_label, SECONDARY)
        layout.addWidget(self.stage_label)
        head = QHBoxLayout()
        self.title_label = named(plain_label(page.title or "Go-to-market"), "title_label")
        self.scaled(self.title_label, TITLE, bold=True)
        head.addWidget(self.title_label, 1)
        self.progress_tag = named(Tag("", "accent"), "progress_tag", "Items discussed")
        head.addWidget(self.progress_tag, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(head)
        self.intro_label = named(
            plain_label(
                "Selling an ML product is still selling a product: check the problem is real, "
                "know everyone in the buying decision, and equip the people who sell it."
            ),
            "intro_label",
            "Introduction",
        )
        layout.addWidget(self.intro_label)
        layout.addWidget(self.message)

        self.scroll_area = scroll_area("gtm_scroll", "Go-to-market items")
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.list_layout = QGridLayout(body)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(unit)
        self.scroll_area.setWidget(body)
        layout.addWidget(self.scroll_area, 1)

        self.cards: dict[str, GoToMarketCard] = {}
        for number, item in enumerate(self.items(), 1):
            card = GoToMarketCard(self, item, number)
            self.cards[item.id] = card
            self.list_layout.addWidget(card, number - 1, 0)
        self.list_layout.setRowStretch(len(self.cards), 1)
        cards = list(self.cards.values())
        for first, second in zip(cards, cards[1:], strict=False):
            QWidget.setTabOrder(first.send_button, second.notes_edit)

        self.empty_state = named(
            EmptyState("The framework content has no go-to-market items for this stage."),
            "empty_state",
        )
        self.empty_state.setVisible(not self.cards)
        layout.addWidget(self.empty_state)
        self.refresh()

    def items(self) -> list[ChecklistItem]:
        stage = self.page.stage
        return [
            item
            for item in self.framework.go_to_market
            if not item.retired and (not stage or item.stage == stage)
        ]

    def card(self, item_id: str) -> GoToMarketCard:
        return self.cards[item_id]

    def refresh(self) -> None:
        with self.filling():
            stage = next((s for s in self.framework.stages if s.id == self.page.stage), None)
            self.stage_label.setText(f"{stage.name} · go-to-market" if stage else "")
            self.stage_label.setVisible(stage is not None)
            for card in self.cards.values():
                card.show_answer()
            session = self.controller.session
            statuses = [session.answer(item_id).status for item_id in self.cards]
            discussed = statuses.count("discussed")
            skipped = statuses.count("skipped")
            text = f"{discussed} of {len(statuses)} discussed"
            if skipped:
                text += f" · {skipped} skipped"
            self.progress_tag.set_tag(text if statuses else "", "accent")

    def flush(self) -> None:
        for card in self.cards.values():
            card.notes_edit.commit()

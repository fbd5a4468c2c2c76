"""Decisions: process, tech stack, org model, pods and tooling, as option cards.

``page.ref`` is one decision topic id, or a category meaning every topic of that category at
the page's stage (``framework.decisions_for_page``). For each topic the room sees the
question, the framework's guidance and the options as cards; choosing a card records the
session's :class:`Decision` for that topic (created on first use) as one undoable edit.
Under the cards: the rationale, the owner and the target quarter.

Pages with several topics (the tooling pages have five or six) stay scannable: a strip at the
top says how many are decided and which are still open, and a topic's rationale/owner/quarter
fold away until it is decided or someone opens them.

The topic widgets are built once (topics come from the content, which does not change while
a workshop is open); :meth:`DecisionPage.refresh` only updates them from the session, so a
refresh after every edit never steals focus or typing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import Batch, Edit, add_item, set_item_field
from workshop.domain.session import Action, Decision, Session, new_id
from workshop.ui.pages.base import register
from workshop.ui.pages.common import (
    SECONDARY,
    SECTION,
    TITLE,
    BasePage,
    EmptyState,
    Tag,
    em,
    fill_combo,
    hline,
    named,
    plain_label,
    quarter_choices,
    scroll_area,
)
from workshop.ui.widgets.bound_text import BoundLineEdit, BoundTextEdit
from workshop.ui.widgets.option_card import CardGrid, LinkButton, OptionCard

if TYPE_CHECKING:
    from workshop.framework.model import DecisionTopic, Page
    from workshop.ui.controller import SessionController

DECIDED_TAG = ("✓ Decided", "good")
OPEN_TAG = ("Open", "neutral")
# A topic's details are open from the start when the page has this many topics or fewer.
FEW_TOPICS = 2


# --- the session side -------------------------------------------------------------------------


def find_decision(session: Session, topic_id: str) -> Decision | None:
    """The session's decision for a topic (the first, should an old file hold two)."""
    return next((d for d in session.decisions if d.topic_id == topic_id), None)


def decision_edit(
    session: Session, topic_id: str, changes: dict[str, Any], label: str
) -> Edit | None:
    """One edit that gives the topic's decision these field values: creates the decision if
    the session has none yet, else sets the fields that differ (as one Batch, one undo)."""
    decision = find_decision(session, topic_id)
    if decision is None:
        fresh = Decision(id=new_id(), topic_id=topic_id, **changes)
        return add_item(session, "decisions", fresh, label=label)
    edits: list[Edit] = [
        set_item_field(session, "decisions", decision.id, field, value, label)
        for field, value in changes.items()
        if getattr(decision, field) != value
    ]
    if not edits:
        return None
    return edits[0] if len(edits) == 1 else Batch(tuple(edits), label)


@dataclass(frozen=True)
class DecisionField:
    """A field of a *topic's* decision rather than of a fixed item, so the rationale or owner
    can be typed before any option is chosen (the first commit creates the decision) and the
    field follows the decision through undo and redo."""

    topic_id: str
    field: str

    def read(self, session: Session) -> str | None:
        decision = find_decision(session, self.topic_id)
        return str(getattr(decision, self.field) or "") if decision is not None else ""

    def edit_to(self, session: Session, text: str, label: str) -> Edit | None:
        return decision_edit(session, self.topic_id, {self.field: text}, label)


class RationaleEdit(BoundTextEdit):
    """The rationale: multi-line plain text, about three lines tall, committed after a pause."""

    def __init__(self, controller: SessionController, topic_id: str) -> None:
        super().__init__(controller, "decisions", "", "rationale", label="Type decision rationale")
        self.follow(DecisionField(topic_id, "rationale"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        frame = 2 * self.frameWidth() + round(self.document().documentMargin() * 2)
        return QSize(super().sizeHint().width(), self.fontMetrics().lineSpacing() * 3 + frame)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


class OwnerEdit(BoundLineEdit):
    def __init__(self, controller: SessionController, topic_id: str) -> None:
        super().__init__(controller, "decisions", "", "owner", label="Type decision owner")
        self.follow(DecisionField(topic_id, "owner"))

    def refresh(self, _edit: object = None, *, force: bool = False) -> None:
        super().refresh(_edit, force=force)
        if not self.hasFocus():
            self.setCursorPosition(0)  # a long name shows its start, not its end


# --- one topic ------------------------------------------------------------------------------


class TopicView(QFrame):
    """A decision topic: heading and status, question, guidance, option cards, details."""

    def __init__(self, page: DecisionPage, topic: DecisionTopic) -> None:
        super().__init__()
        self.page = page
        self.topic = topic
        self.expanded_override: bool | None = None  # the facilitator's own open/close
        self.setObjectName(f"topic_{topic.id}")
        self.setAccessibleName(f"Decision: {topic.title}")
        unit = round(em(page))
        controller = page.controller
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, unit, 0, unit)
        layout.setSpacing(unit // 2 + 1)

        head = QHBoxLayout()
        head.setSpacing(unit)
        self.title_label = named(plain_label(topic.title), "topic_title", topic.title)
        page.scaled(self.title_label, SECTION, bold=True)
        head.addWidget(self.title_label, 1)
        self.status_tag = named(Tag(), "status_tag", f"Status of {topic.title}")
        head.addWidget(self.status_tag, 0, Qt.AlignmentFlag.AlignVCenter)
        self.sent_label = page.muted(named(plain_label(wrap=False), "sent_label", "Sent"))
        page.scaled(self.sent_label, SECONDARY)
        head.addWidget(self.sent_label, 0, Qt.AlignmentFlag.AlignVCenter)
        self.send_button = named(
            QPushButton("Send to actions"), "send_button", f"Send “{topic.title}” to actions"
        )
        self.send_button.setToolTip(
            "Still open? Add “Decide: …” to the actions list, to settle after the workshop"
        )
        self.send_button.clicked.connect(self.send_to_actions)
        head.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(head)

        self.question_label = named(
            plain_label(topic.question, selectable=True), "question_label", "Question"
        )
        page.scaled(self.question_label, 1.05)
        layout.addWidget(self.question_label)
        self.guidance_label = page.muted(
            named(plain_label(topic.guidance, selectable=True), "guidance_label", "Guidance")
        )
        page.scaled(self.guidance_label, SECONDARY)
        self.guidance_label.setVisible(bool(topic.guidance))
        layout.addWidget(self.guidance_label)

        self.cards: dict[str, OptionCard] = {}
        self.grid = CardGrid()
        self.grid.setAccessibleName(f"Options for {topic.title}")
        for option in topic.options:
            card = OptionCard(option)
            card.chosen.connect(self.choose)
            card.undecide_requested.connect(self.undecide)
            page.scaled(card.name_label, 1.1, bold=True)
            self.cards[option.id] = card
        self.grid.set_cards(list(self.cards.values()))
        layout.addSpacing(unit // 2)
        layout.addWidget(self.grid)

        # Under the cards, where the details open: a link rather than a framed button.
        self.details_button = named(
            LinkButton(), "details_button", f"Rationale, owner and quarter of {topic.title}"
        )
        self.details_button.clicked.connect(self._details_clicked)
        layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)

        # Rationale, owner and quarter: fold away on busy pages until needed.
        self.details = QWidget()
        self.details.setObjectName("details")
        form = QGridLayout(self.details)
        form.setContentsMargins(0, unit // 2, 0, 0)
        form.setHorizontalSpacing(unit)
        form.setVerticalSpacing(unit // 2)
        rationale_title = named(plain_label("Rationale", wrap=False), "rationale_title")
        self.rationale_edit = named(
            RationaleEdit(controller, topic.id), "rationale_edit", f"Rationale for {topic.title}"
        )
        self.rationale_edit.setPlaceholderText(
            "Why this option: what the room weighed, what would make us revisit it"
        )
        rationale_title.setBuddy(self.rationale_edit)
        form.addWidget(rationale_title, 0, 0, Qt.AlignmentFlag.AlignTop)
        form.addWidget(self.rationale_edit, 0, 1, 1, 3)

        owner_title = named(plain_label("Owner", wrap=False), "owner_title")
        self.owner_edit = named(
            OwnerEdit(controller, topic.id), "owner_edit", f"Owner of {topic.title}"
        )
        self.owner_edit.setPlaceholderText("Who sees it through")
        owner_title.setBuddy(self.owner_edit)
        quarter_title = named(plain_label("Target quarter", wrap=False), "quarter_title")
        self.quarter_combo = named(QComboBox(), "quarter_combo", f"Target quarter of {topic.title}")
        self.quarter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.quarter_combo.currentIndexChanged.connect(page.on_change(self._quarter_chosen))
        quarter_title.setBuddy(self.quarter_combo)
        form.addWidget(owner_title, 1, 0)
        form.addWidget(self.owner_edit, 1, 1)
        form.addWidget(quarter_title, 1, 2)
        form.addWidget(self.quarter_combo, 1, 3)
        form.setColumnStretch(1, 1)  # names get the room; the quarter needs little
        layout.addWidget(self.details)

    # --- reading ---------------------------------------------------------------------------

    @property
    def decision(self) -> Decision | None:
        return find_decision(self.page.controller.session, self.topic.id)

    @property
    def is_decided(self) -> bool:
        decision = self.decision
        return decision is not None and decision.status == "decided"

    def sent_action(self) -> Action | None:
        text = self.page.action_text(self.topic)
        return next(
            (
                a
                for a in self.page.controller.session.actions
                if a.kind == "decision" and a.text == text and a.status in ("open", "in_progress")
            ),
            None,
        )

    def refresh(self) -> None:
        decision = self.decision
        decided = self.is_decided
        chosen = decision.option_id if decision is not None else ""
        for option_id, card in self.cards.items():
            card.set_chosen(bool(chosen) and option_id == chosen)
            # A retired option stays on screen only while it is the recorded choice.
            card.setVisible(not card.option.retired or option_id == chosen)
        self.status_tag.set_tag(*(DECIDED_TAG if decided else OPEN_TAG))
        option = self.topic.option(chosen) if chosen else None
        self.setAccessibleDescription(f"Decided: {option.name}" if decided and option else "Open")

        sent = self.sent_action() is not None
        self.send_button.setVisible(not decided and not sent)
        self.sent_label.setVisible(not decided and sent)
        self.sent_label.setText("✓ In the actions list" if sent else "")

        current = decision.target_quarter if decision is not None else ""
        choices = quarter_choices(self.page.controller.session, current)
        fill_combo(self.quarter_combo, choices, current)
        self._show_details(self.details_open())

    def details_open(self) -> bool:
        if self.expanded_override is not None:
            return self.expanded_override
        decision = self.decision
        if len(self.page.topics) <= FEW_TOPICS or decision is None:
            return len(self.page.topics) <= FEW_TOPICS
        return bool(
            decision.status == "decided"
            or decision.rationale
            or decision.owner
            or decision.target_quarter
        )

    def _show_details(self, visible: bool) -> None:
        self.details.setVisible(visible)
        self.details_button.setText(f"{'▾' if visible else '▸'} Rationale, owner, quarter")

    # --- changing --------------------------------------------------------------------------

    def choose(self, option_id: str) -> None:
        session = self.page.controller.session
        option = self.topic.option(option_id)
        name = option.name if option else option_id
        edit = decision_edit(
            session,
            self.topic.id,
            {"option_id": option_id, "status": "decided"},
            label=f"Choose “{name}”",
        )
        if self.page.push(edit):
            self.expanded_override = True  # the room will say why: open the rationale
            self._show_details(True)

    def undecide(self) -> None:
        edit = decision_edit(
            self.page.controller.session,
            self.topic.id,
            {"option_id": "", "status": "open"},
            label=f"Undecide “{self.topic.title}”",
        )
        if self.page.push(edit):
            card = next(iter(self.cards.values()), None)
            if card is not None:  # the Undecide button vanished with the choice
                card.setFocus(Qt.FocusReason.OtherFocusReason)

    def _quarter_chosen(self, index: int) -> None:
        value = self.quarter_combo.itemData(index) or ""
        self.page.push(
            decision_edit(
                self.page.controller.session,
                self.topic.id,
                {"target_quarter": value},
                label="Set decision quarter",
            )
        )

    def _details_clicked(self) -> None:
        opened = not self.details.isVisibleTo(self)
        self.expanded_override = opened
        self._show_details(opened)
        if opened:
            self.rationale_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def send_to_actions(self) -> None:
        self.page.flush()
        decision = self.decision
        action = Action(
            id=new_id(),
            text=self.page.action_text(self.topic),
            owner=decision.owner if decision is not None else "",
            kind="decision",
            stage=self.page.page.stage or self.topic.stage,
            source_page=self.page.page.id,
        )
        session = self.page.controller.session
        self.page.push(add_item(session, "actions", action, label="Send decision to actions"))


# --- the page -------------------------------------------------------------------------------


@register
class DecisionPage(BasePage):
    page_type = "decision"
    report_sections = ("ways_of_working", "team")

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        self.topics = self.framework.decisions_for_page(page)
        unit = round(em(self))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        # The heading and the summary stay in view while the topics scroll.
        header = QWidget()
        header.setObjectName("decision_header")
        head = QVBoxLayout(header)
        head.setContentsMargins(unit * 2, unit * 2, unit * 2, unit)
        head.setSpacing(unit // 2)
        self.stage_label = self.muted(named(plain_label(), "stage_label", "Stage"))
        self.scaled(self.stage_label, SECONDARY)
        head.addWidget(self.stage_label)
        self.title_label = named(
            plain_label(page.title or "Decisions"), "title_label", "Page title"
        )
        self.scaled(self.title_label, TITLE, bold=True)
        head.addWidget(self.title_label)
        strip = QHBoxLayout()
        strip.setSpacing(unit)
        self.summary_tag = named(Tag(), "summary_tag", "Decisions made")
        strip.addWidget(self.summary_tag, 0, Qt.AlignmentFlag.AlignTop)
        self.open_label = self.muted(named(plain_label(), "open_label", "Still open"))
        strip.addWidget(self.open_label, 1)
        strip.addStretch(0)  # keeps the tag on the left when nothing is open
        head.addLayout(strip)
        self.hint_label = self.muted(
            named(
                plain_label(
                    "Click a card, or Tab to it and press Enter, to record the room's choice."
                ),
                "hint_label",
                "How to choose",
            )
        )
        self.scaled(self.hint_label, SECONDARY)
        head.addWidget(self.mark_private(self.hint_label))
        head.addWidget(self.message)
        outer.addWidget(header)

        self.topics_scroll = scroll_area("decision_scroll", "Decision topics")
        self.topics_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.topics_scroll, 1)
        body = QWidget()
        body.setObjectName("decision_body")
        self.topics_scroll.setWidget(body)
        layout = self.page_layout(body)
        layout.setContentsMargins(unit * 2, 0, unit * 2, unit * 2)
        layout.setSpacing(unit // 2)

        self.topic_views: dict[str, TopicView] = {}
        for index, topic in enumerate(self.topics):
            if index:
                layout.addWidget(hline())
            view = TopicView(self, topic)
            self.topic_views[topic.id] = view
            layout.addWidget(view)

        self.empty_state = named(
            EmptyState(
                "This page names decision topics the content does not have. Choose another "
                "page in the navigator; the decisions of other stages are on their own pages."
            ),
            "empty_state",
            "No decision topics",
        )
        self.empty_state.setVisible(not self.topics)
        layout.addWidget(self.empty_state)
        layout.addStretch(1)
        self.sync_fonts()
        self.refresh()

    # --- reading ---------------------------------------------------------------------------

    @staticmethod
    def action_text(topic: DecisionTopic) -> str:
        return f"Decide: {topic.title}"

    def refresh(self) -> None:
        with self.filling():
            stage = next((s for s in self.framework.stages if s.id == self.page.stage), None)
            self.stage_label.setText(f"{stage.name} · decisions" if stage else "Decisions")
            for view in self.topic_views.values():
                view.refresh()
            self._refresh_summary()

    def _refresh_summary(self) -> None:
        total = len(self.topic_views)
        decided = [v for v in self.topic_views.values() if v.is_decided]
        still_open = [v.topic.title for v in self.topic_views.values() if not v.is_decided]
        if total <= 1:
            self.summary_tag.set_tag("")  # the topic's own tag says it: no second one
        elif len(decided) == total:
            self.summary_tag.set_tag(f"✓ All {total} decided", "good")
        else:
            self.summary_tag.set_tag(f"{len(decided)} of {total} decided", "neutral")
        self.open_label.setText(
            f"Still open: {', '.join(still_open)}" if still_open and total > 1 else ""
        )
        self.open_label.setVisible(bool(self.open_label.text()))

    def chosen_option(self, topic_id: str) -> str:
        decision = find_decision(self.controller.session, topic_id)
        return decision.option_id if decision is not None else ""

    def flush(self) -> None:
        for view in self.topic_views.values():
            view.rationale_edit.commit()
            view.owner_edit.commit()

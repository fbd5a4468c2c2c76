"""The data audit: for each opportunity, the data it needs, where it is and how to get it.

Opportunities are shown in their ranked order (:func:`workshop.domain.priorities.prioritise`),
each as a group with its data readiness and the data items the room lists for it; a
"General" group holds data that serves no single opportunity. An opportunity that cannot
start until some data is in place says so in words ("⚠ Cannot start ..."), using the same
rule as the matrix and the roadmap, so every page agrees on what is blocked.

Groups and item cards are kept by id and updated in place on refresh, so typing in one card
is never interrupted by a change elsewhere (a readiness change may re-rank the groups: they
are moved, not rebuilt). Only the groups an edit changed are filled again, and a long list
of opportunities is built a screenful at a time: the first groups at once, the next ones
when the list is scrolled to its end (or "Show more" is pressed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import Edit, add_item, remove_item, set_item_field
from workshop.domain.priorities import BlockedOpportunity, Priorities, prioritise
from workshop.domain.session import DataAuditItem, Opportunity, new_id
from workshop.ui.pages.base import register
from workshop.ui.pages.changes import concerns, touched_by
from workshop.ui.pages.common import (
    SECONDARY,
    SECTION,
    TITLE,
    BasePage,
    EmptyState,
    Tag,
    em,
    fill_combo,
    named,
    plain_label,
    quarter_choices,
    scroll_area,
)
from workshop.ui.pages.text import line_editor
from workshop.vocab import AuditStatus, DataReadiness

if TYPE_CHECKING:
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController

GENERAL = ""  # the group key of data that supports no single opportunity

# Word + symbol + outline: the status reads the same in print, on a washed-out projector and
# for the colour-blind.
STATUS_TAGS: dict[str, tuple[str, str]] = {s.value: (s.marked, s.tone) for s in AuditStatus}
READINESS_NAMES: dict[str, str] = {r.value: r.marked for r in DataReadiness}
BLOCKED_TEXT = "⚠ Cannot start until this data is in place"
REMINDER = (
    "Some initiatives cannot begin until their data is in place. For each opportunity, list "
    "the data it needs, whether it exists, and how to collect what is missing; tick "
    "“Blocks the start” where the work cannot begin without it."
)
NO_OPPORTUNITIES = "Add opportunities on the value/cost page first."
GROUPS_AT_ONCE = 20  # opportunity groups built on the first show, and per "Show more"


def _title_label(text: str = "") -> QLabel:
    """A wrapping plain-text label that never forces the page wider than the window (a
    200-character word is cut at the edge instead of pushing the controls off screen)."""
    label = plain_label(text)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setMinimumWidth(1)
    return label


class ScaledCheckBox(QCheckBox):
    """A check box whose box grows with its text. Fusion draws the box at a fixed pixel size,
    too small to read a tick from the back of the room at projector type sizes."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self._size_box()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_box()

    def _size_box(self) -> None:
        side = round(self.fontMetrics().height() * 0.8)
        sheet = f"QCheckBox::indicator {{ width: {side}px; height: {side}px; }}"
        if sheet != self.styleSheet():  # a new style sheet sends FontChange again
            self.setStyleSheet(sheet)


class AuditItemCard(QFrame):
    """One data item: what is needed, from where, its status, how to get it, who, when."""

    def __init__(self, page: AuditPage, item_id: str):
        super().__init__()
        self.page = page
        self.item_id = item_id
        named(self, f"audit_item_{item_id}", "Data item")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("role", "audit_item")
        unit = round(em(page))

        self.status_tag = named(Tag(), "status_tag", "Data status")
        self.blocking_tag = named(Tag("⚠ Blocks the start", "danger"), "blocking_tag")
        self.data_edit = named(
            line_editor(page, "audit", item_id, "data_needed", "Edit data needed"),
            "data_needed_edit",
            "Data needed",
        )
        self.data_edit.setPlaceholderText("Data needed, e.g. three years of orders")
        self.remove_button = named(QPushButton("Remove"), "remove_button", "Remove data item")
        self.remove_button.setToolTip("Remove this data item (undo brings it back)")
        self.remove_button.clicked.connect(lambda: page.remove_audit_item(item_id))

        self.source_edit = named(
            line_editor(page, "audit", item_id, "source", "Edit data source"),
            "source_edit",
            "Source",
        )
        self.source_edit.setPlaceholderText("System, team or partner")
        self.status_combo = named(QComboBox(), "status_combo", "Status")
        for status in DataAuditItem.STATUSES:
            self.status_combo.addItem(STATUS_TAGS[status][0], status)
        self.status_combo.currentIndexChanged.connect(
            page.on_change(lambda i: self._set("status", self.status_combo.itemData(i)))
        )
        self.how_edit = named(
            line_editor(page, "audit", item_id, "how_to_collect", "Edit how to collect"),
            "how_to_collect_edit",
            "How to collect",
        )
        self.how_edit.setPlaceholderText("Collect it, or change a process to capture it")
        self.owner_edit = named(
            line_editor(page, "audit", item_id, "owner", "Edit data owner"),
            "owner_edit",
            "Owner",
        )
        self.owner_edit.setPlaceholderText("Who")
        self.quarter_combo = named(QComboBox(), "quarter_combo", "Target quarter")
        self.quarter_combo.currentIndexChanged.connect(
            page.on_change(
                lambda i: self._set("target_quarter", self.quarter_combo.itemData(i) or "")
            )
        )
        self.blocks_check = named(
            ScaledCheckBox("Blocks the start"), "blocks_check", "Blocks the start"
        )
        self.blocks_check.setToolTip(
            "Tick when the opportunity cannot start until this data is in place"
        )
        self.blocks_check.toggled.connect(page.on_change(lambda on: self._set("blocks_start", on)))

        self.labels: dict[QWidget, QLabel] = {}
        for text, widget in (
            ("Source", self.source_edit),
            ("Status", self.status_combo),
            ("How to collect", self.how_edit),
            ("Owner", self.owner_edit),
            ("Target quarter", self.quarter_combo),
        ):
            label = page.muted(plain_label(text, wrap=False))
            page.scaled(label, SECONDARY)
            label.setBuddy(widget)
            self.labels[widget] = label

        self.head = QHBoxLayout()
        self.head.setSpacing(unit)
        self.head.addWidget(self.status_tag)
        self.head.addWidget(self.blocking_tag)
        self.head.addWidget(self.data_edit, 1)
        self.head.addWidget(self.remove_button)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(unit, unit // 2, unit, unit // 2)
        self.grid.setHorizontalSpacing(unit)
        self.grid.setVerticalSpacing(unit // 2)
        self._shape: str | None = None
        self._arrange("wide")

        order = [
            self.data_edit,
            self.source_edit,
            self.owner_edit,
            self.status_combo,
            self.how_edit,
            self.quarter_combo,
            self.blocks_check,
            self.remove_button,
        ]
        self.tab_chain: tuple[QWidget, ...] = tuple(order)
        self.line_edits = (self.data_edit, self.source_edit, self.how_edit, self.owner_edit)

    def _arrange(self, shape: str) -> None:
        """Place the fields for a wide card (two rows), a narrow one (three rows) or a very
        narrow one (one field a row: large type on a 1024-pixel projector).

        "How to collect" holds the longest text, so it always gets the widest cell.
        """
        if shape == self._shape:
            return
        self._shape = shape
        while self.grid.count():
            self.grid.takeAt(0)  # widgets stay where they are; only their cells change
        # (widget, row, column, column span); labels sit in the column before their field.
        if shape == "single":
            fields = (self.source_edit, self.status_combo, self.owner_edit,
                      self.quarter_combo, self.how_edit)
            cells = [(widget, row, 1, 1) for row, widget in enumerate(fields, 1)]
            blocks, columns, stretch = (len(fields) + 1, 1, 1, 1), 2, {1: 1}
        elif shape == "wide":
            cells = [
                (self.source_edit, 1, 1, 1),
                (self.owner_edit, 1, 3, 1),
                (self.status_combo, 1, 5, 1),
                (self.how_edit, 2, 1, 3),
                (self.quarter_combo, 2, 5, 1),
            ]
            blocks, columns, stretch = (1, 6, 1, 1), 7, {1: 3, 3: 2, 5: 0}
        else:
            cells = [
                (self.source_edit, 1, 1, 1),
                (self.status_combo, 1, 3, 1),
                (self.owner_edit, 2, 1, 1),
                (self.quarter_combo, 2, 3, 1),
                (self.how_edit, 3, 1, 2),
            ]
            blocks, columns, stretch = (3, 3, 1, 1), 4, {1: 1}
        self.grid.addLayout(self.head, 0, 0, 1, columns)
        for widget, row, column, span in cells:
            self.grid.addWidget(self.labels[widget], row, column - 1)
            self.grid.addWidget(widget, row, column, 1, span)
        self.grid.addWidget(self.blocks_check, *blocks)
        for column in range(7):
            self.grid.setColumnStretch(column, stretch.get(column, 0))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The wide layout needs room for three fields and two combos side by side; two
        # fields side by side need about 80 characters, else one field a row.
        char = self.fontMetrics().averageCharWidth()
        width = event.size().width()
        self._arrange("wide" if width >= char * 120 else "narrow" if width >= char * 80
                      else "single")

    def show_item(self, item: DataAuditItem) -> None:
        text, kind = STATUS_TAGS.get(item.status, (item.status, "neutral"))
        self.status_tag.set_tag(text, kind)
        self.blocking_tag.setVisible(item.blocks_start and item.status != "available")
        index = self.status_combo.findData(item.status)
        if index != self.status_combo.currentIndex():
            self.status_combo.setCurrentIndex(max(index, 0))
        session = self.page.controller.session
        fill_combo(
            self.quarter_combo, quarter_choices(session, item.target_quarter), item.target_quarter
        )
        if self.blocks_check.isChecked() != item.blocks_start:
            self.blocks_check.setChecked(item.blocks_start)
        for edit in self.line_edits:
            if not edit.hasFocus():
                edit.setCursorPosition(0)  # show the start of a long text, not its end

    def _set(self, field: str, value: Any) -> None:
        session = self.page.controller.session
        item = session.find("audit", self.item_id)
        if item is not None and getattr(item, field) != value:
            name = field.replace("_", " ")
            self.page.push(
                set_item_field(session, "audit", self.item_id, field, value, f"Set data {name}")
            )


class AuditGroup(QFrame):
    """An opportunity (or the general data) with its data items."""

    def __init__(self, page: AuditPage, opportunity_id: str):
        super().__init__()
        self.page = page
        self.opportunity_id = opportunity_id
        general = opportunity_id == GENERAL
        named(
            self,
            "audit_group_general" if general else f"audit_group_{opportunity_id}",
            "General data" if general else "Opportunity",
        )
        self.setFrameShape(QFrame.Shape.StyledPanel)
        unit = round(em(page))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(unit, unit, unit, unit)
        layout.setSpacing(unit // 2)

        head = QHBoxLayout()
        head.setSpacing(unit)
        self.title_label = named(_title_label(), "group_title", "Opportunity")
        page.scaled(self.title_label, SECTION, bold=True)
        head.addWidget(self.title_label, 1)
        self.readiness_combo: QComboBox | None = None
        if not general:
            readiness_label = page.muted(plain_label("Data readiness", wrap=False))
            self.readiness_combo = named(QComboBox(), "readiness_combo", "Data readiness")
            for value in Opportunity.DATA_READINESS:
                self.readiness_combo.addItem(READINESS_NAMES.get(value, value), value)
            self.readiness_combo.setToolTip(
                "How ready the data is for this opportunity, as the room judges it"
            )
            readiness_label.setBuddy(self.readiness_combo)
            self.readiness_combo.currentIndexChanged.connect(page.on_change(self._readiness))
            head.addWidget(readiness_label, 0, Qt.AlignmentFlag.AlignVCenter)
            head.addWidget(self.readiness_combo, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(head)

        summary = QHBoxLayout()
        summary.setSpacing(unit)
        self.blocked_tag = named(Tag(BLOCKED_TEXT, "danger"), "blocked_tag", "Blocked by data")
        self.summary_label = page.muted(named(_title_label(), "summary_label", "Data summary"))
        page.scaled(self.summary_label, SECONDARY)
        summary.addWidget(self.blocked_tag)
        summary.addWidget(self.summary_label, 1)
        layout.addLayout(summary)
        self.reasons_label = named(_title_label(), "reasons_label", "Why it is blocked")
        page.scaled(self.reasons_label, SECONDARY)
        layout.addWidget(self.reasons_label)

        self.items_layout = QVBoxLayout()
        self.items_layout.setSpacing(unit // 2)
        layout.addLayout(self.items_layout)
        self.cards: dict[str, AuditItemCard] = {}
        self.filled: tuple[Any, ...] | None = None  # what show_group last showed
        self.new_cards = False  # show_group built a card (it must be shown)

        foot = QHBoxLayout()
        self.none_label = page.muted(named(plain_label(), "no_items_label", "No data items"))
        self.add_button = named(
            QPushButton("Add data item"),
            "add_item_button",
            "Add data for general use" if general else "Add data for this opportunity",
        )
        self.add_button.clicked.connect(lambda: page.add_audit_item(opportunity_id))
        foot.addWidget(self.none_label, 1)
        # Aligned, the button keeps its size when there is no text beside it.
        foot.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(foot)

    def show_group(
        self,
        opportunity: Opportunity | None,
        rank: int,
        items: list[DataAuditItem] | tuple[DataAuditItem, ...],
        blocked: BlockedOpportunity | None,
    ) -> None:
        if opportunity is None:
            self.title_label.setText("General")
            self.none_label.setText(
                "Data that serves several opportunities or the team as a whole "
                "(consent, access, a shared catalogue) goes here."
                if not items
                else ""
            )
        else:
            self.title_label.setText(f"{rank}. {opportunity.title or 'Untitled opportunity'}")
            self.none_label.setText(
                "No data listed yet — what does this opportunity need?" if not items else ""
            )
            assert self.readiness_combo is not None
            index = self.readiness_combo.findData(opportunity.data_readiness)
            if index != self.readiness_combo.currentIndex():
                self.readiness_combo.setCurrentIndex(max(index, 0))
        self.none_label.setVisible(not items)
        self.blocked_tag.setVisible(blocked is not None)
        self.reasons_label.setText(" ".join(blocked.reasons) if blocked else "")
        self.reasons_label.setVisible(blocked is not None)
        self.summary_label.setText(self._summary(items))
        self.summary_label.setVisible(bool(items) or blocked is not None)

        self.filled = (opportunity, rank, tuple(items), blocked)
        wanted = [item.id for item in items]
        for gone in [i for i in self.cards if i not in wanted]:
            card = self.cards.pop(gone)
            card.setParent(None)
            card.deleteLater()
        moved = False
        self.new_cards = False
        for position, item in enumerate(items):
            existing = self.cards.get(item.id)
            if existing is None:
                existing = self._new_card(item.id)
                self.new_cards = True
            card = existing
            if self.items_layout.indexOf(card) != position:
                self.items_layout.insertWidget(position, card)
                moved = True
            card.show_item(item)
        if moved:
            self._link_tab_order([self.cards[item.id] for item in items])

    def _link_tab_order(self, cards: list[AuditItemCard]) -> None:
        """Tab through the group top to bottom: a card added later joins the window's focus
        chain at its end, so the whole group's chain is laid again in screen order."""
        chain: list[QWidget] = [self.readiness_combo] if self.readiness_combo else []
        for card in cards:
            chain.extend(card.tab_chain)
        chain.append(self.add_button)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _new_card(self, item_id: str) -> AuditItemCard:
        card = AuditItemCard(self.page, item_id)
        self.cards[item_id] = card
        return card

    @staticmethod
    def _summary(items: list[DataAuditItem] | tuple[DataAuditItem, ...]) -> str:
        """The item counts by status, e.g. "3 data items: 1 available, 2 missing"."""
        if not items:
            return ""
        counts = [
            f"{sum(1 for i in items if i.status == s)} {s}"
            for s in DataAuditItem.STATUSES
            if any(i.status == s for i in items)
        ]
        noun = "data item" if len(items) == 1 else "data items"
        return f"{len(items)} {noun}: " + ", ".join(counts)

    def _readiness(self, index: int) -> None:
        assert self.readiness_combo is not None
        value = self.readiness_combo.itemData(index)
        session = self.page.controller.session
        opportunity = session.find("opportunities", self.opportunity_id)
        if opportunity is not None and opportunity.data_readiness != value:
            self.page.push(
                set_item_field(
                    session,
                    "opportunities",
                    self.opportunity_id,
                    "data_readiness",
                    value,
                    "Set data readiness",
                )
            )


@register
class AuditPage(BasePage):
    page_type = "audit"
    report_sections = ("opportunities",)

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        self.priorities: Priorities | None = None
        layout = self.page_layout()
        unit = round(em(self))

        self.stage_label = self.muted(named(plain_label(), "stage_label", "Stage"))
        self.scaled(self.stage_label, SECONDARY)
        layout.addWidget(self.stage_label)
        head = QHBoxLayout()
        self.title_label = named(plain_label(page.title or "Data audit"), "title_label")
        self.scaled(self.title_label, TITLE, bold=True)
        head.addWidget(self.title_label, 1)
        self.progress_tag = named(Tag("", "accent"), "progress_tag", "Opportunities blocked")
        head.addWidget(self.progress_tag, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(head)

        # The framework's point, in our words: shown to the room too.
        self.reminder_label = named(plain_label(REMINDER), "reminder_label", "Reminder")
        layout.addWidget(self.reminder_label)

        self.empty_box = QWidget()
        empty = QVBoxLayout(self.empty_box)
        empty.setContentsMargins(0, unit, 0, unit)
        empty.setSpacing(unit)
        self.empty_state = named(EmptyState(NO_OPPORTUNITIES), "empty_state", "No opportunities")
        self.scaled(self.empty_state, SECTION)
        self.go_matrix_button = named(
            QPushButton("Go to the value/cost matrix"), "go_matrix_button", "Go to the matrix"
        )
        self.go_matrix_button.clicked.connect(self.go_to_matrix)
        empty.addWidget(self.empty_state)
        empty.addWidget(self.go_matrix_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.empty_box)

        # After a removal: what went, and a one-click way back (Ctrl+Z does the same).
        self.undo_bar = named(QFrame(), "undo_bar", "Removed")
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(unit, unit // 4, unit // 2, unit // 4)
        self.undo_label = named(_title_label(), "undo_label", "Removed item")
        self.undo_button = named(QPushButton("Undo"), "undo_button", "Undo the removal")
        self.undo_button.clicked.connect(self.controller.undo)
        bar.addWidget(self.undo_label, 1)
        bar.addWidget(self.undo_button)
        self.undo_bar.setVisible(False)
        self._removal: Edit | None = None
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(12_000)
        self._undo_timer.timeout.connect(self._hide_undo)
        controller.changed.connect(self._session_changed)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.message)

        self.scroll_area = scroll_area("audit_scroll", "Data audit")
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_widget = QWidget()
        outer = QVBoxLayout(self.list_widget)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(unit)
        self.list_layout = QVBoxLayout()
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(unit)
        self.list_layout.addStretch(1)
        outer.addLayout(self.list_layout, 1)
        self.more_button = named(QPushButton(), "more_button", "Show more opportunities")
        self.more_button.clicked.connect(self.show_more)
        outer.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.scroll_area.setWidget(self.list_widget)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._scrolled)
        layout.addWidget(self.scroll_area, 1)
        self.groups: dict[str, AuditGroup] = {}
        self.shown_groups = GROUPS_AT_ONCE
        self.refresh()

    # --- reading -------------------------------------------------------------------------

    def group(self, opportunity_id: str) -> AuditGroup:
        return self.groups[opportunity_id]

    def refresh(self) -> None:
        with self.filling():
            session = self.controller.session
            priorities = prioritise(self.framework, session)
            self.priorities = priorities
            stage = next((s for s in self.framework.stages if s.id == self.page.stage), None)
            self.stage_label.setText(f"{stage.name} · data audit" if stage else "")
            self.stage_label.setVisible(stage is not None)

            opportunities = {o.id: o for o in session.opportunities}
            ranked = [r.opportunity_id for r in priorities.ranked]
            ranks = {r.opportunity_id: r.rank for r in priorities.ranked}
            order = ranked[:self.shown_groups] + [GENERAL]
            hidden = len(ranked) - len(order) + 1
            self.more_button.setVisible(hidden > 0)
            if hidden > 0:
                self.more_button.setText(
                    f"Show {min(hidden, GROUPS_AT_ONCE)} more of {hidden} opportunities")
            blocked = {b.opportunity_id: b for b in priorities.blocked}
            by_group: dict[str, list[DataAuditItem]] = {key: [] for key in [*ranked, GENERAL]}
            for item in session.audit:
                # Data of an opportunity since removed stays visible, with the general data.
                key = item.opportunity_id if item.opportunity_id in opportunities else GENERAL
                by_group[key].append(item)

            for gone in [key for key in self.groups if key not in order]:
                group = self.groups.pop(gone)
                group.setParent(None)
                group.deleteLater()
            fresh: list[AuditGroup] = []
            for position, key in enumerate(order):
                found = self.groups.get(key)
                if found is None:
                    found = self._new_group(key)
                    fresh.append(found)
                group = found
                if self.list_layout.indexOf(group) != position:
                    self.list_layout.insertWidget(position, group)
                rank = ranks.get(key, 0)
                wanted = (opportunities.get(key), rank, tuple(by_group[key]), blocked.get(key))
                if group.filled != wanted:  # only the groups that changed are filled again
                    group.show_group(*wanted)
                    if group.new_cards and group not in fresh:
                        fresh.append(group)

            has_opportunities = bool(opportunities)
            self.empty_box.setVisible(not has_opportunities)
            self.go_matrix_button.setVisible(self._matrix_position() is not None)
            count = len(priorities.blocked)
            self.progress_tag.set_tag(
                f"⚠ {count} of {len(opportunities)} blocked by data"
                if count
                else (
                    f"✓ None of {len(opportunities)} blocked by data" if has_opportunities else ""
                ),
                "danger" if count else "good",
            )
            for group in fresh:
                self.show_new_children(group)

    def show_change(self, edit: object) -> None:
        """Only edits of the opportunities or the audit change this page."""
        if concerns(touched_by(edit), ("opportunities", "audit")):
            self.refresh()

    def show_more(self) -> None:
        """Build the next screenful of opportunity groups."""
        self.shown_groups += GROUPS_AT_ONCE
        self.refresh()

    def _scrolled(self, value: int) -> None:
        bar = self.scroll_area.verticalScrollBar()
        if self.more_button.isVisible() and value >= bar.maximum() - bar.pageStep() // 2:
            QTimer.singleShot(0, self.show_more)

    def _new_group(self, opportunity_id: str) -> AuditGroup:
        group = AuditGroup(self, opportunity_id)
        self.groups[opportunity_id] = group
        return group

    def flush(self) -> None:
        for group in self.groups.values():
            for card in group.cards.values():
                for edit in card.line_edits:
                    edit.commit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The window may only be known once shown: offer the jump to the matrix if it can.
        self.go_matrix_button.setVisible(
            self.empty_box.isVisibleTo(self) and self._matrix_position() is not None
        )

    # --- going to the matrix ---------------------------------------------------------------

    def _matrix_position(self) -> int | None:
        """Where the value/cost page is in the window's page order, if the window has one."""
        window = self.window()
        stops = getattr(window, "stops", None)
        if window is self or stops is None or not callable(getattr(window, "go_to", None)):
            return None
        return next((i for i, stop in enumerate(stops) if stop.page.page_type == "matrix"), None)

    def go_to_matrix(self) -> None:
        position = self._matrix_position()
        if position is not None:
            self.window().go_to(position)  # type: ignore[attr-defined]

    # --- changing --------------------------------------------------------------------------

    def add_audit_item(self, opportunity_id: str) -> None:
        self.flush()
        item = DataAuditItem(id=new_id(), opportunity_id=opportunity_id)
        session = self.controller.session
        if self.push(add_item(session, "audit", item, label="Add data item")):
            key = opportunity_id if opportunity_id in self.groups else GENERAL
            card = self.groups[key].cards.get(item.id)
            if card is not None:
                card.data_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                QTimer.singleShot(0, lambda: self._reveal(card))

    def _reveal(self, card: QWidget) -> None:
        import shiboken6

        if shiboken6.isValid(card):
            self.scroll_area.ensureWidgetVisible(card)

    def remove_audit_item(self, item_id: str) -> None:
        self.flush()
        session = self.controller.session
        item = session.find("audit", item_id)
        if item is None:
            return
        edit = remove_item(session, "audit", item_id, "Remove data item")
        self._removal = edit  # set first: the change signal arrives during the push
        if self.push(edit):
            what = item.data_needed.strip() or "an untitled data item"
            shown = what if len(what) <= 80 else what[:79] + "…"
            self.undo_label.setText(f"Removed “{shown}”.")
            self.undo_bar.setVisible(True)
            self._undo_timer.start()
        else:
            self._removal = None

    def _session_changed(self, edit: object) -> None:
        if edit is not self._removal:
            self._hide_undo()

    def _hide_undo(self) -> None:
        self._removal = None
        self._undo_timer.stop()
        self.undo_bar.setVisible(False)

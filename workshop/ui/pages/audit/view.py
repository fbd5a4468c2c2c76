"""The data audit page: for each opportunity, the data it needs, where it is and how to get it.

Two tables over one :class:`~workshop.ui.pages.audit.state.AuditState`: the opportunities in
their ranked order with their data readiness (a drop-down in the cell) and whether data
blocks their start, using the same rule as the matrix and the roadmap, so every page agrees
on what is blocked; and the data items of the opportunity selected there (a "General" row
holds data that serves no single opportunity), each cell edited in place. An edit changes
the rows it touched and nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import Edit
from workshop.service.changes import Change
from workshop.ui.pages.audit import intents
from workshop.ui.pages.audit.model import GroupsModel, ItemsModel
from workshop.ui.pages.audit.state import (
    BLOCKED_CELL,
    BLOCKED_TEXT,
    BLOCKS_TEXT,
    CAN_START,
    EMPTY,
    FORM_FIELDS,
    GENERAL,
    GROUP_COLUMN,
    GROUP_COLUMNS,
    ITEM_COLUMN,
    ITEM_COLUMNS,
    PLACEHOLDERS,
    READINESS_NAMES,
    STATUS_NAMES,
    AuditState,
    GroupRow,
    audit_state,
)
from workshop.ui.pages.base import register
from workshop.ui.pages.cell_editors import (
    CellDelegate,
    ColumnFit,
    PageTable,
    commit_open_editor,
    longest_word,
)
from workshop.ui.pages.changes import concerns
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
    quarter_choices,
    scroll_area,
)
from workshop.ui.pages.row_model import CHOICES_ROLE
from workshop.ui.pages.text import line_editor
from workshop.ui.widgets.bound_text import BoundLineEdit

if TYPE_CHECKING:
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController

REMINDER = (
    "Some initiatives cannot begin until their data is in place. For each opportunity, list "
    "the data it needs, whether it exists, and how to collect what is missing; tick "
    "“Blocks the start” where the work cannot begin without it."
)
NO_OPPORTUNITIES = "Add opportunities on the value/cost page first."
WATCHED = ("opportunities", "audit")


def _title_label(text: str = "") -> QLabel:
    """A wrapping plain-text label that never forces the page wider than the window (a
    200-character word is cut at the edge instead of pushing the controls off screen)."""
    label = plain_label(text)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setMinimumWidth(1)
    return label


@register
class AuditPage(BasePage):
    page_type = "audit"
    report_sections = ("opportunities",)

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        self.state: AuditState = EMPTY
        self.selected_group = ""  # the opportunity whose data items are listed
        self._title_fit_cache: tuple[tuple[tuple[str, ...], str], ColumnFit] | None = None
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

        # The opportunities, ranked; the selected one's data items below.
        self.groups_model = GroupsModel(self, set_readiness=self.set_readiness)
        self.groups_table = named(PageTable(), "groups_table", "Opportunities and their data")
        self.groups_table.setModel(self.groups_model)
        self.groups_table.setItemDelegate(
            CellDelegate(self.groups_table, "opportunities", GROUP_COLUMNS)
        )
        self.groups_table.selectionModel().currentRowChanged.connect(self._group_chosen)
        self.groups_table.resized.connect(self._fit_groups)

        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, unit // 2, 0, 0)
        detail.setSpacing(unit // 2)
        self.group_title = named(_title_label(), "group_title", "Opportunity")
        self.scaled(self.group_title, SECTION, bold=True)
        detail.addWidget(self.group_title)
        summary = QHBoxLayout()
        summary.setSpacing(unit)
        self.blocked_tag = named(Tag(BLOCKED_TEXT, "danger"), "blocked_tag", "Blocked by data")
        self.summary_label = self.muted(named(_title_label(), "summary_label", "Data summary"))
        self.scaled(self.summary_label, SECONDARY)
        summary.addWidget(self.blocked_tag)
        summary.addWidget(self.summary_label, 1)
        detail.addLayout(summary)
        self.reasons_label = named(_title_label(), "reasons_label", "Why it is blocked")
        self.scaled(self.reasons_label, SECONDARY)
        detail.addWidget(self.reasons_label)

        self.items_model = ItemsModel(
            self, quarter_choices=self._quarter_choices, set_field=self.set_item_field
        )
        self.items_table = named(PageTable(), "items_table", "Data items")
        self.items_table.setModel(self.items_model)
        self.items_table.setItemDelegate(
            CellDelegate(self.items_table, "audit", ITEM_COLUMNS, PLACEHOLDERS)
        )
        self.items_table.delete_requested.connect(self.remove_selected)
        self.items_table.resized.connect(self._fit_items)
        self.items_table.selectionModel().currentRowChanged.connect(self._item_chosen)
        detail.addWidget(self.items_table, 1)
        detail.addWidget(self._item_form(unit))
        self.none_label = self.muted(named(_title_label(), "no_items_label", "No data items"))
        detail.addWidget(self.none_label)
        foot = QHBoxLayout()
        foot.addStretch(1)
        self.add_button = named(
            QPushButton("Add data item"), "add_item_button", "Add data for this opportunity"
        )
        self.add_button.clicked.connect(self.add_audit_item)
        self.add_key(self.add_button)
        self.remove_button = named(
            QPushButton("Remove"), "remove_button", "Remove the selected data item"
        )
        self.remove_button.setToolTip("Remove the selected data item (undo brings it back)")
        self.remove_button.clicked.connect(self.remove_selected)
        foot.addWidget(self.add_button)
        foot.addWidget(self.remove_button)
        detail.addLayout(foot)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("audit_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.groups_table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)  # the ranked list is where the room looks
        self.splitter.setStretchFactor(1, 2)
        # The two tables fill the page; when a short projector screen has less room than
        # they need at the room's type size, the page scrolls instead of growing the window.
        self.scroll_view = scroll_area("audit_scroll", "Data audit")
        self.scroll_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_view.setWidget(self.splitter)
        layout.addWidget(self.scroll_view, 1)
        QWidget.setTabOrder(self.groups_table, self.items_table)
        QWidget.setTabOrder(self.items_table, self.add_button)
        QWidget.setTabOrder(self.add_button, self.remove_button)
        self.refresh()

    def _item_form(self, unit: int) -> QWidget:
        """Where the selected data item is, who owns it and how to collect it: one-line
        fields that follow the selection (typing pauses, then one edit)."""
        form: QWidget = named(QWidget(), "item_form", "The selected data item")
        self.item_form = form
        grid = QGridLayout(self.item_form)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(unit)
        grid.setVerticalSpacing(unit // 2)
        self.item_edits: dict[str, BoundLineEdit] = {}
        for row, (field, heading) in enumerate(FORM_FIELDS):
            label = self.muted(plain_label(heading, wrap=False))
            self.scaled(label, SECONDARY)
            edit: BoundLineEdit = named(
                line_editor(self, "audit", "", field, f"Edit {heading.lower()}"),
                f"{field}_edit",
                heading,
            )
            edit.setPlaceholderText(PLACEHOLDERS[field])
            label.setBuddy(edit)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            self.item_edits[field] = edit
        grid.setColumnStretch(1, 1)
        self._form_item = ""  # the data item the form's fields edit
        return form

    # --- reading -------------------------------------------------------------------------

    def group(self, opportunity_id: str) -> GroupRow | None:
        """The row shown for an opportunity (GENERAL: the general data)."""
        return self.state.group(opportunity_id)

    @property
    def groups(self) -> list[str]:
        """The groups listed, top to bottom: ranked opportunities, then the general data."""
        return self.groups_model.ids

    @property
    def items(self) -> list[str]:
        """The data items listed for the selected group, top to bottom."""
        return self.items_model.ids

    def refresh(self) -> None:
        self._show(audit_state(self.framework, self.controller.session), first=self.state is EMPTY)

    def show_change(self, change: Change) -> None:
        """Only edits of the opportunities or the audit change this page."""
        if concerns(change, WATCHED):
            self._show(audit_state(self.framework, self.controller.session))

    def _show(self, state: AuditState, *, first: bool = False) -> None:
        with self.filling():
            self.state = state
            stage = next((s for s in self.framework.stages if s.id == self.page.stage), None)
            self.stage_label.setText(f"{stage.name} · data audit" if stage else "")
            self.stage_label.setVisible(stage is not None)
            how = self.groups_model.show_state(state.groups)
            if first or state.group(self.selected_group) is None:  # the first, or it went
                self.selected_group = state.groups.ids[0] if state.groups.ids else GENERAL
            if how == "reset" or self.groups_table.currentIndex().row() != self.groups_model.row_of(
                self.selected_group
            ):
                self._select_group_row(self.selected_group)
            self._show_group()
            has_opportunities = bool(state.opportunities)
            self.empty_box.setVisible(not has_opportunities)
            self.go_matrix_button.setVisible(
                not has_opportunities and self._matrix_position() is not None
            )
            self.progress_tag.set_tag(*state.progress)
            self._fit_groups()  # a title typed on the matrix may hold a longer word

    def _show_group(self) -> None:
        """The selected group's heading, its blocked state and its data items."""
        group = self.state.group(self.selected_group)
        items = self.state.items(self.selected_group)
        self.items_model.show_state(items)
        if group is None:
            return
        self.group_title.setText(group.title)
        self.blocked_tag.setVisible(group.blocked)
        self.reasons_label.setText(" ".join(group.reasons))
        self.reasons_label.setVisible(group.blocked)
        self.summary_label.setText(group.summary)
        self.summary_label.setVisible(bool(group.items) or group.blocked)
        self.none_label.setText(group.empty_text)
        self.none_label.setVisible(not group.items)
        self.add_button.setAccessibleName(
            "Add data for general use" if group.general else "Add data for this opportunity"
        )
        if not self.current_item_id() and self.items_model.ids:
            self.select_item(self.items_model.ids[0])  # its details show in the form
        self._fit_items()
        self._show_item_form()
        self._update_buttons()

    def _item_chosen(self, *_args: object) -> None:
        self._show_item_form()
        self._update_buttons()

    def _show_item_form(self) -> None:
        item_id = self.current_item_id()
        self.item_form.setVisible(bool(item_id))
        if item_id and item_id != self._form_item:
            self._form_item = item_id  # the fields commit what was typed, then follow
            for field, edit in self.item_edits.items():
                edit.rebind("audit", item_id, field)
                edit.setCursorPosition(0)  # the start of a long text, not its end

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.current_item_id()))

    def current_item_id(self) -> str:
        row = self.items_table.currentIndex().row()
        return self.items_model.ids[row] if 0 <= row < len(self.items_model.ids) else ""

    def cell_text(self, item_id: str, field: str) -> str:
        """What a data item's cell shows."""
        index = self.items_model.index(self.items_model.row_of(item_id), ITEM_COLUMN[field])
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")

    def group_text(self, group_id: str, field: str) -> str:
        """What an opportunity's cell shows in the ranked table."""
        index = self.groups_model.index(self.groups_model.row_of(group_id), GROUP_COLUMN[field])
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")

    # --- choosing --------------------------------------------------------------------------

    def select_group(self, group_id: str) -> None:
        """List the data items of ``group_id`` (an opportunity, or GENERAL)."""
        self._select_group_row(group_id)

    def _select_group_row(self, group_id: str) -> None:
        row = self.groups_model.row_of(group_id)
        if row < 0:
            return
        self.groups_table.selectionModel().setCurrentIndex(
            self.groups_model.index(row, GROUP_COLUMN["title"]),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _group_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        group = self.groups_model.group_row(current.row())
        if group is None or group.id == self.selected_group:
            return
        commit_open_editor(self.items_table)
        self.selected_group = group.id
        with self.filling():
            self._show_group()

    def select_item(self, item_id: str, field: str = "data_needed") -> None:
        row = self.items_model.row_of(item_id)
        if row >= 0:
            index = self.items_model.index(row, ITEM_COLUMN[field])
            self.items_table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.items_table.scrollTo(index)

    # --- fitting ---------------------------------------------------------------------------

    def _fit_tables(self) -> None:
        self._fit_groups()
        self._fit_items()

    def _fits(self, table: PageTable, texts: list[str], extra: int = 0) -> ColumnFit:
        """A fixed column holding one of ``texts``: their full width, at least their
        longest word (measured bold: warnings are bold in their cells)."""
        bold = QFont(table.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        pad = table.pad() + extra
        return ColumnFit(
            floor=longest_word(bold, texts, metrics.averageCharWidth() * 24) + pad,
            want=max(metrics.horizontalAdvance(t) for t in texts) + pad,
        )

    def _text_fit(self, table: PageTable, texts: list[str], chars: int = 8) -> ColumnFit:
        """A column of typed text: it takes the room left, and at least ``chars``
        characters or its longest word."""
        metrics = table.fontMetrics()
        floor = longest_word(table.font(), texts, metrics.averageCharWidth() * 24)
        return ColumnFit(
            floor=max(floor, metrics.averageCharWidth() * chars) + table.pad(), stretch=1
        )

    def _title_fit(self, table: PageTable, titles: tuple[str, ...]) -> ColumnFit:
        """The titles' column, measured again only when a title or the type size changed
        (an edit elsewhere on the page costs no measuring of 300 titles)."""
        key = (titles, table.font().toString())
        if self._title_fit_cache is None or self._title_fit_cache[0] != key:
            self._title_fit_cache = (key, self._text_fit(table, list(titles), 22))
        return self._title_fit_cache[1]

    def _fit_groups(self) -> None:
        table = self.groups_table
        table.keep_rows(4)

        def heading(field: str) -> str:
            return GROUP_COLUMNS[GROUP_COLUMN[field]][1]

        rows = [row for row in self.state.groups.rows if isinstance(row, GroupRow)]
        table.fit(
            {
                # The opportunity's name reads first: the other columns wrap before it does.
                GROUP_COLUMN["title"]: self._title_fit(table, tuple(row.title for row in rows)),
                GROUP_COLUMN["data_readiness"]: self._fits(
                    table, [*READINESS_NAMES.values(), heading("data_readiness")]
                ),
                GROUP_COLUMN["blocked"]: self._fits(
                    table, [BLOCKED_CELL, CAN_START, heading("blocked")]
                ),
                GROUP_COLUMN["summary"]: self._fits(
                    table, ["2 data items: 1 available, 1 partial", "—", heading("summary")]
                ),
            }
        )

    def _fit_items(self) -> None:
        table = self.items_table
        table.keep_rows(2)
        check = table.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + round(em(self))
        table.fit(
            {
                ITEM_COLUMN["data_needed"]: self._text_fit(
                    table,
                    [row.text("data_needed") for row in self.items_model.state.rows],
                    len("Data needed") + 2,
                ),  # its heading reads whole
                ITEM_COLUMN["status"]: self._fits(table, [*STATUS_NAMES.values(), "Status"]),
                ITEM_COLUMN["target_quarter"]: self._fits(
                    table, ["Not planned", "Q4 2028", "Target quarter"]
                ),
                ITEM_COLUMN["blocks_start"]: self._fits(
                    table, [BLOCKS_TEXT, "Blocks the start"], check
                ),
            }
        )

    def _quarter_choices(self, current: str) -> list[tuple[str, str]]:
        return quarter_choices(self.controller.session, current)

    # --- going to the matrix ---------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The window may only be known once shown: offer the jump to the matrix if it can.
        self.go_matrix_button.setVisible(
            self.empty_box.isVisibleTo(self) and self._matrix_position() is not None
        )

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

    def flush(self) -> None:
        commit_open_editor(self.items_table)
        commit_open_editor(self.groups_table)
        for edit in self.item_edits.values():
            edit.commit()

    def set_item_field(self, item_id: str, field: str, value: Any) -> bool:
        return self.push(intents.set_item(self.controller.session, item_id, field, value))

    def set_readiness(self, opportunity_id: str, value: str) -> bool:
        return self.push(intents.set_readiness(self.controller.session, opportunity_id, value))

    def add_audit_item(self) -> None:
        """A new data item for the selected group, its "Data needed" cell open for typing."""
        self.flush()
        edit, item_id = intents.add_data_item(self.controller.session, self.selected_group)
        if self.push(edit):
            self.select_item(item_id)
            self.items_table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.items_table.edit(self.items_table.currentIndex())

    def remove_selected(self) -> None:
        item_id = self.current_item_id()
        if item_id:
            self.remove_audit_item(item_id)

    def remove_audit_item(self, item_id: str) -> None:
        self.flush()
        session = self.controller.session
        item = session.find("audit", item_id)
        edit = intents.remove_data_item(session, item_id)
        if item is None or edit is None:
            return
        row = self.items_model.row_of(item_id)
        self._removal = edit  # set first: the change signal arrives during the push
        if self.push(edit):
            self.undo_label.setText(intents.removed_text(item))
            self.undo_bar.setVisible(True)
            self._undo_timer.start()
            ids = self.items_model.ids
            if ids:  # the selection stays in the list, on the row that took its place
                self.select_item(ids[min(row, len(ids) - 1)])
        else:
            self._removal = None

    def _session_changed(self, edit: object) -> None:
        if edit is not self._removal:
            self._hide_undo()

    def _hide_undo(self) -> None:
        self._removal = None
        self._undo_timer.stop()
        self.undo_bar.setVisible(False)

    def choices(self, item_id: str, field: str) -> list[tuple[Any, str]]:
        """The choices a data item's drop-down cell offers (for the keyboard and tests)."""
        index = self.items_model.index(self.items_model.row_of(item_id), ITEM_COLUMN[field])
        return list(index.data(CHOICES_ROLE) or [])

"""The hiring plan: roles from the framework's catalogue, planned by quarter and checked.

Left, the role catalogue from the content, grouped by the stage at which the framework brings
each role in: purpose and profile for the room, the framework's advice on demand for the
facilitator only (private: hidden while projecting). "Add to plan" adds one hire, one edit.

Right, the plan itself: a table with one row per hire (title, new hire or internal
assignment, seniority, headcount, target quarter, the two skills the checks look at, private
notes), the warnings where the plan contradicts the framework
(:func:`workshop.domain.hiring.check_hiring_plan`) and a timeline by quarter. The table is a
model (:mod:`.model`) over the page's view state (:mod:`.state`): an edit repaints the rows
it changed, nothing is rebuilt, and typing in one cell is never interrupted by a change
elsewhere. Edits come from :mod:`.intents`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.hiring import CHECKS, HiringWarning, headcount_by_quarter
from workshop.domain.quarters import is_quarter
from workshop.domain.session import Hire
from workshop.framework.model import Role
from workshop.service.changes import Change
from workshop.ui.pages.base import register
from workshop.ui.pages.changes import concerns
from workshop.ui.pages.common import (
    SECONDARY,
    SECTION,
    TITLE,
    BasePage,
    EmptyState,
    Tag,
    em,
    hline,
    named,
    plain_label,
    quarter_choices,
    scroll_area,
)
from workshop.ui.pages.framework_notes import advice_only_rules
from workshop.ui.pages.hiring import intents
from workshop.ui.pages.hiring.model import ID_ROLE, HireDelegate, HiresModel, PlanTable
from workshop.ui.pages.hiring.state import (
    COLUMN,
    COLUMNS,
    EMPTY,
    MODE_NAMES,
    SENIORITY_NAMES,
    HiringState,
    hiring_state,
    warning_count_text,
)
from workshop.ui.widgets.hiring_timeline import (
    HiringTimeline,
    TimelineEntry,
    TimelineQuarter,
    TimelineScroll,
)
from workshop.ui.widgets.length_counter import limit_length

if TYPE_CHECKING:
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController

__all__ = ["EMPTY_TEXT", "MODE_NAMES", "SENIORITY_NAMES", "HiringPage", "warning_count_text"]

EMPTY_TEXT = (
    "No roles planned yet — add the first hire from the catalogue (the framework starts with "
    "a product manager who has ML experience)"
)
CATALOGUE_SHOW = "Role catalogue…"
CATALOGUE_HIDE = "Back to the plan"
ADVICE = "Framework's advice"  # the arrow beside the words says whether it is open


PLAN_ROWS_SHOWN = 12  # the table grows with the plan up to this many rows, then scrolls
# What an edit must touch for this page to change.
WATCHED = ("hires",)


def _in_a_sentence(heading: str) -> str:
    """ "Data engineering" → "data engineering"; "ML experience" keeps its capitals."""
    return heading if heading[:2].isupper() else heading[:1].lower() + heading[1:]


# The role's title keeps about this many characters before other columns step aside.
TITLE_MIN_CHARS = 12
# Hidden in this order when the plan is too narrow for every column (see _fit_title).
COMPACT_HIDDEN = ("warnings", "data_engineering", "ml_experience")


class RoleCard(QFrame):
    """One role of the catalogue: what it is for, what to look for, and the way into the plan.

    The advice is coaching for the facilitator: it sits in a private box (hidden while
    projecting) and opens on demand, so it never surprises the room.
    """

    def __init__(self, page: HiringPage, role: Role) -> None:
        super().__init__()
        self.page = page
        self.role = role
        named(self, f"role_{role.id}", role.name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        unit = round(em(page))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(unit, unit, unit, unit)
        layout.setSpacing(max(2, unit // 2))

        head = QHBoxLayout()
        head.setSpacing(unit)
        self.name_label = named(plain_label(role.name), "role_name", role.name)
        page.scaled(self.name_label, 1.0, bold=True)
        head.addWidget(self.name_label, 1)
        self.planned_tag = named(Tag("", "good"), "planned_tag", "In the plan")
        self.planned_tag.setVisible(False)
        head.addWidget(self.planned_tag, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)

        self.purpose_label = named(plain_label(role.purpose), "role_purpose", "Purpose")
        layout.addWidget(self.purpose_label)
        self.profile_label = page.muted(
            named(plain_label(f"Look for: {role.profile}"), "role_profile", "Profile")
        )
        page.scaled(self.profile_label, SECONDARY)
        layout.addWidget(self.profile_label)

        # The emerging-role placeholder has no fixed name: the room names it here.
        self.title_edit: QLineEdit | None = None
        if role.emerging:
            self.title_edit = named(QLineEdit(), "emerging_title_edit", "Name the emerging role")
            self.title_edit.setPlaceholderText("Name the role (optional)")
            limit_length(self.title_edit, "hires", "title")
            self.title_edit.returnPressed.connect(self.add_to_plan)
            layout.addWidget(self.title_edit)

        buttons = QHBoxLayout()
        buttons.setSpacing(unit)
        self.add_button = named(
            QPushButton("Add to plan"), "add_role_button", f"Add {role.name} to the plan"
        )
        self.add_button.setToolTip(f"Add a {role.name} to the hiring plan")
        self.add_button.clicked.connect(self.add_to_plan)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        # Private: the toggle and the advice together, hidden while projecting.
        self.advice_box = QWidget()
        self.advice_box.setObjectName("advice_box")
        advice_layout = QVBoxLayout(self.advice_box)
        advice_layout.setContentsMargins(0, 0, 0, 0)
        advice_layout.setSpacing(max(2, unit // 2))
        self.advice_button = named(
            QToolButton(), "advice_button", f"Framework advice on the {role.name}"
        )
        self.advice_button.setText(ADVICE)
        self.advice_button.setCheckable(True)
        self.advice_button.setAutoRaise(True)
        self.advice_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advice_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advice_button.setToolTip("Coaching for you, the facilitator: never shown to the room")
        self.advice_button.toggled.connect(self._show_advice)
        advice_layout.addWidget(self.advice_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.advice_label = named(
            plain_label(f"Facilitator only — {role.advice}"), "advice_label", "Framework advice"
        )
        page.scaled(self.advice_label, SECONDARY)
        self.advice_label.setVisible(False)
        advice_layout.addWidget(self.advice_label)
        layout.addWidget(page.mark_private(self.advice_box))

    def _show_advice(self, shown: bool) -> None:
        self.advice_label.setVisible(shown)
        self.advice_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def show_planned(self, people: int) -> None:
        self.planned_tag.set_tag(f"✓ {people} in plan" if people else "", "good")

    def add_to_plan(self) -> None:
        title = self.role.name
        if self.title_edit is not None and self.title_edit.text().strip():
            title = self.title_edit.text().strip()
        if self.page.add_hire(self.role.id, title) and self.title_edit is not None:
            self.title_edit.clear()


class WarningCard(QFrame):
    """One place where the plan contradicts the framework: the rule as a labelled tag, what
    in the plan contradicts it, why the framework says so, and a way to the roles concerned."""

    def __init__(self, page: HiringPage, warning: HiringWarning, index: int) -> None:
        super().__init__()
        self.warning = warning
        named(self, f"warning_{index}", f"Warning: {warning.rule_title}")
        self.setProperty("rule_id", warning.rule_id)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        unit = round(em(page))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(unit, unit, unit, unit)
        layout.setSpacing(max(2, unit // 2))
        self.tag = named(
            Tag(f"ℹ To consider: {warning.rule_title}", "neutral")
            if warning.advisory  # the framework says "consider": advice, not a problem
            else Tag(f"⚠ {warning.rule_title}", "warning"),
            "warning_tag",
            "Rule",
        )
        layout.addWidget(self.tag)
        self.message_label = named(plain_label(warning.message), "warning_message", "What")
        # It quotes titles: a 200-character word is cut at the edge, not widening the page.
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.message_label)
        self.reason_label = page.muted(
            named(plain_label(f"Why: {warning.reason}"), "warning_reason", "Why")
        )
        page.scaled(self.reason_label, SECONDARY)
        layout.addWidget(self.reason_label)
        self.show_button: QPushButton | None = None
        if warning.hire_ids:
            count = len(warning.hire_ids)
            self.show_button = named(
                QPushButton(f"Select the role{'s' if count != 1 else ''} concerned"),
                "select_hires_button",
                f"Select the roles concerned by {warning.rule_title}",
            )
            self.show_button.clicked.connect(lambda: page.select_hires(warning.hire_ids))
            layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignLeft)


@register
class HiringPage(BasePage):
    page_type = "hiring"
    report_sections = ("team", "roadmap")

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        self.roles = {r.id: r for r in self.framework.roles}
        self.state: HiringState = EMPTY
        self.role_cards: dict[str, RoleCard] = {}
        self._warning_cards: list[WarningCard] = []
        self._fixed_widths: dict[str, int] = {}  # the plan's small columns, by field
        self._panes_sized = False  # the first split is made once the page has a width
        unit = round(em(self))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(unit * 2, unit * 2, unit * 2, unit)
        outer.setSpacing(unit)

        head = QHBoxLayout()
        self.title_label = named(plain_label(page.title or "Hiring plan"), "title_label", "Title")
        self.scaled(self.title_label, TITLE, bold=True)
        head.addWidget(self.title_label, 1)
        self.summary_tag = named(Tag(""), "summary_tag", "Plan summary")
        head.addWidget(self.summary_tag, 0, Qt.AlignmentFlag.AlignVCenter)
        # On a narrow window the catalogue and the plan take turns (see _fit_panes).
        self.catalogue_button = named(
            QPushButton(CATALOGUE_SHOW), "catalogue_button", "Switch between plan and catalogue"
        )
        self.catalogue_button.setCheckable(True)
        self.catalogue_button.setShortcut("Ctrl+R")
        self.catalogue_button.setToolTip("Switch between the plan and the role catalogue (Ctrl+R)")
        self.catalogue_button.toggled.connect(lambda _on: self._fit_panes())
        self.catalogue_button.setVisible(False)
        head.addWidget(self.catalogue_button, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(head)
        outer.addWidget(self.message)

        self.splitter = named(QSplitter(Qt.Orientation.Horizontal), "hiring_splitter", "Panes")
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter, 1)
        self.splitter.addWidget(self._build_catalogue())
        self.splitter.addWidget(self._build_plan())
        self.splitter.setStretchFactor(0, 0)  # a wider window widens the plan
        self.splitter.setStretchFactor(1, 1)
        self._show(hiring_state(self.framework, controller.session), first=True)

    # --- building ------------------------------------------------------------------------

    def _scroll(self, name: str, accessible: str) -> tuple[QScrollArea, QVBoxLayout]:
        scroll = scroll_area(name, accessible)
        body = QWidget()
        body.setObjectName(f"{name}_body")
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        unit = round(em(self))
        layout.setContentsMargins(0, 0, unit, unit)
        layout.setSpacing(unit)
        return scroll, layout

    def _section(self, text: str, name: str) -> QLabel:
        label: QLabel = named(plain_label(text), name, text)
        self.scaled(label, SECTION, bold=True)
        return label

    def _build_catalogue(self) -> QWidget:
        scroll, layout = self._scroll("catalogue_scroll", "Role catalogue")
        # Cards wrap their text to the pane's width instead of scrolling sideways.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.catalogue = scroll
        layout.addWidget(self._section("Role catalogue", "catalogue_title"))
        intro = self.muted(
            plain_label(
                "The roles the framework brings in at each stage. Add the ones this organisation "
                "needs to the plan."
            )
        )
        self.scaled(intro, SECONDARY)
        layout.addWidget(intro)
        for stage in sorted(self.framework.stages, key=lambda s: s.order):
            roles = [r for r in self.framework.roles if r.stage == stage.id and not r.retired]
            if not roles:
                continue
            heading = named(plain_label(stage.name), f"stage_{stage.id}_heading", stage.name)
            self.scaled(heading, 1.0, bold=True)
            layout.addWidget(heading)
            for role in roles:
                card = RoleCard(self, role)
                self.role_cards[role.id] = card
                layout.addWidget(card)

        layout.addWidget(hline())
        layout.addWidget(self._section("A role not in the catalogue", "custom_title"))
        custom = QHBoxLayout()
        self.custom_edit = named(QLineEdit(), "custom_role_edit", "Custom role title")
        self.custom_edit.setPlaceholderText("Title, e.g. Domain expert from finance")
        limit_length(self.custom_edit, "hires", "title")
        self.custom_edit.returnPressed.connect(self.add_custom_role)
        self.custom_button: QPushButton = named(
            QPushButton("Add a custom role"), "add_custom_button", "Add a custom role"
        )
        self.custom_edit.textChanged.connect(
            lambda text: self.custom_button.setEnabled(bool(text.strip()))
        )
        self.custom_button.setEnabled(False)
        self.custom_button.clicked.connect(self.add_custom_role)
        custom.addWidget(self.custom_edit, 1)
        custom.addWidget(self.custom_button)
        layout.addLayout(custom)
        layout.addStretch(1)
        return scroll

    def _build_plan(self) -> QWidget:
        scroll, layout = self._scroll("plan_scroll", "Hiring plan")
        self.plan_scroll = scroll
        unit = round(em(self))
        layout.setContentsMargins(unit, 0, unit, unit)
        layout.addWidget(self._section("The plan", "plan_title"))
        self.empty_state = named(EmptyState(EMPTY_TEXT), "empty_state", "No roles planned")
        layout.addWidget(self.empty_state)

        self.model = HiresModel(
            self, quarter_choices=self._quarter_choices, set_field=self.set_field
        )
        self.plan_table = named(PlanTable(), "plan_table", "Hiring plan")
        self.plan_table.move_requested.connect(self.move_current)
        self.plan_table.resized.connect(lambda: self._fit_title())
        self.plan_table.setModel(self.model)
        self.plan_table.setItemDelegate(HireDelegate(self.plan_table))
        self.plan_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan_table.setAlternatingRowColors(True)
        self.plan_table.setWordWrap(True)  # a long role title takes a second line
        self.plan_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.plan_table.verticalHeader().setVisible(False)
        self.plan_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.plan_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(round(em(self) * 4))
        self.plan_table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.plan_table)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.plan_table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_current)

        # What to do with the selected role: the keys say it too (Alt+↑, Alt+↓, Delete).
        row_bar = QHBoxLayout()
        row_bar.setSpacing(unit)
        self.up_button = named(QPushButton("▲ Move up"), "move_up_button", "Move up")
        self.up_button.setToolTip("Move the selected role up the plan (Alt+Up)")
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = named(QPushButton("▼ Move down"), "move_down_button", "Move down")
        self.down_button.setToolTip("Move the selected role down the plan (Alt+Down)")
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button = named(
            QPushButton("Remove"), "remove_hire_button", "Remove from the plan"
        )
        self.remove_button.setToolTip(
            "Remove the selected role from the plan (Delete); Ctrl+Z brings it back"
        )
        self.remove_button.clicked.connect(self.remove_current)
        for button in (self.up_button, self.down_button, self.remove_button):
            row_bar.addWidget(button)
        row_bar.addStretch(1)
        self.row_bar = QWidget()
        self.row_bar.setObjectName("plan_row_bar")
        self.row_bar.setLayout(row_bar)
        row_bar.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.row_bar)
        self.compact_note = self.muted(named(plain_label(), "compact_note", "Columns hidden"))
        self.scaled(self.compact_note, SECONDARY)
        self.compact_note.setVisible(False)
        layout.addWidget(self.compact_note)

        self.checks_title = self._section("Checks against the framework", "checks_title")
        layout.addWidget(self.checks_title)
        self.no_warnings = named(
            plain_label("✓ Nothing in this plan contradicts the framework's hiring advice."),
            "no_warnings_label",
            "No warnings",
        )
        layout.addWidget(self.no_warnings)
        self.warnings_box = QWidget()
        self.warnings_box.setObjectName("warnings_box")
        self.warnings_layout = QVBoxLayout(self.warnings_box)
        self.warnings_layout.setContentsMargins(0, 0, 0, 0)
        self.warnings_layout.setSpacing(unit)
        layout.addWidget(self.warnings_box)
        layout.addWidget(advice_only_rules(self.framework, frozenset(CHECKS)))

        self.timeline_title = self._section("Timeline", "timeline_title")
        layout.addWidget(self.timeline_title)
        self.timeline_legend = self.muted(
            named(
                plain_label(
                    "● New: a hire from outside  ·  ◆ Internal: someone assigned from inside"
                ),
                "timeline_legend",
                "Legend",
            )
        )
        self.scaled(self.timeline_legend, SECONDARY)
        layout.addWidget(self.timeline_legend)
        self.timeline = HiringTimeline()
        self.timeline_scroll = TimelineScroll(self.timeline)
        layout.addWidget(self.timeline_scroll)
        self.unscheduled_label = named(plain_label(), "unscheduled_label", "Not scheduled")
        # A 200-character word in a title must not widen the page: it is cut at the edge.
        self.unscheduled_label.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )
        layout.addWidget(self.unscheduled_label)
        layout.addStretch(1)
        return scroll

    # --- reading -------------------------------------------------------------------------

    @property
    def projecting(self) -> bool:
        return self._projecting

    def refresh(self) -> None:
        self._show(hiring_state(self.framework, self.controller.session))

    def show_change(self, change: Change) -> None:
        """Only edits of the hires change this page."""
        if concerns(change, WATCHED):
            self._show(hiring_state(self.framework, self.controller.session))

    @property
    def warnings(self) -> list[HiringWarning]:
        return list(self.state.warnings)

    @property
    def selected(self) -> frozenset[str]:
        """The hires selected in the plan (a warning's "Select the roles concerned")."""
        rows = {index.row() for index in self.plan_table.selectionModel().selectedRows()}
        return frozenset(self.model.ids[row] for row in rows if row < len(self.model.ids))

    def _show(self, state: HiringState, *, first: bool = False) -> None:
        with self.filling():
            old = self.state
            self.state = state
            how = self.model.show_state(state)
            hires = [row.hire for row in state.rows]
            if how != "same" or first:
                if first or how in ("inserted", "removed", "reset"):
                    self._fit_table()
                if first or state.people_by_role != old.people_by_role:
                    self._fill_catalogue(hires)
                self._fill_warnings()
                self._fill_timeline(hires)
            planned = bool(hires)
            self.empty_state.setVisible(not planned)
            self.plan_table.setVisible(planned)
            self.row_bar.setVisible(planned)
            for widget in (self.checks_title, self.timeline_title, self.timeline_legend):
                widget.setVisible(planned)
            self.no_warnings.setVisible(planned and not state.warnings)
            self.warnings_box.setVisible(planned and bool(state.warnings))
            self.summary_tag.set_tag(state.summary, "warning" if state.warnings else "neutral")
            self._update_row_buttons()

    def _quarter_choices(self, current: str) -> list[tuple[str, str]]:
        # The hiring plan offers the quarters first and "Not planned" after them.
        not_planned, *quarters = quarter_choices(self.controller.session, current)
        return [*quarters, not_planned]

    def _fit_table(self) -> None:
        """Every column but the role's title as wide as what it can hold (measured from the
        texts, not by laying out each row); the table as tall as its rows, up to a dozen."""
        table = self.plan_table
        metrics = table.fontMetrics()
        pad = round(em(self) * 1.2)
        header = table.horizontalHeader()
        longest = {
            "mode": list(MODE_NAMES.values()),
            "seniority": list(SENIORITY_NAMES.values()),
            "headcount": ["1000"],
            "target_quarter": ["Not planned", "Q4 2028"],
            "ml_experience": [""],
            "data_engineering": [""],
            "warnings": [warning_count_text(9)],
        }
        for field, texts in longest.items():
            column = COLUMN[field]
            heading = self._heading_width(column)
            width = max([heading, *(metrics.horizontalAdvance(t) + pad for t in texts)])
            if field in ("ml_experience", "data_engineering"):
                width = heading
            self._fixed_widths[field] = width
            if table.columnWidth(column) != width:
                table.setColumnWidth(column, width)
        row_height = metrics.lineSpacing() * 2 + round(em(self) * 1.5)
        vertical = table.verticalHeader()
        if vertical.defaultSectionSize() != row_height:
            vertical.setMinimumSectionSize(row_height)
            vertical.setDefaultSectionSize(row_height)
        rows = self.model.rowCount()
        shown = min(rows, PLAN_ROWS_SHOWN)
        height = header.sizeHint().height() + 2 * table.frameWidth() + shown * row_height
        if rows > shown:
            height += row_height // 2
        height += table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(max(height, row_height * 2))
        # What must be seen without scrolling sideways: the role (about 16 characters) and
        # the four choices after it; the checks and notes may scroll on a narrow screen.
        essential = sum(
            table.columnWidth(COLUMN[f])
            for f in ("mode", "seniority", "headcount", "target_quarter")
        )
        table.setMinimumWidth(
            essential
            + metrics.averageCharWidth() * TITLE_MIN_CHARS
            + table.verticalScrollBar().sizeHint().width()
            + 2 * table.frameWidth()
        )
        self._fit_title()

    def _heading_width(self, column: int) -> int:
        """What a column's heading needs, measured from its text: Qt's own size hint of a
        hidden section is no measure, and columns step in and out of view here."""
        header = self.plan_table.horizontalHeader()
        font = QFont(header.font())
        font.setBold(True)  # headings are bold in some styles: room for that either way
        metrics = QFontMetrics(font)
        lines = COLUMNS[column][1].split("\n")
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        return max(metrics.horizontalAdvance(line) for line in lines) + 2 * margin + round(em(self))

    def _fit_title(self) -> None:
        """The role's title and the notes share the width the other columns leave, the
        title never less than about 12 characters and the notes 12. Where that does not
        fit (a 1024-pixel projector with large type), the checks, then the two experience
        columns step aside — the checks below the table still name every problem — and a
        line under the table says so."""
        table = self.plan_table
        char = table.fontMetrics().averageCharWidth()
        for compact in COMPACT_HIDDEN:
            table.setColumnHidden(COLUMN[compact], False)
            if compact in self._fixed_widths:  # a section shown again keeps no reliable width
                table.setColumnWidth(COLUMN[compact], self._fixed_widths[compact])
        hidden: list[str] = []
        for step in (None, *COMPACT_HIDDEN):
            if step is not None:
                table.setColumnHidden(COLUMN[step], True)
                hidden.append(step)
            if self._share_title_and_notes(char):
                break
        names = [
            _in_a_sentence(heading.replace("\n", " ")) for f, heading in COLUMNS if f in hidden
        ]
        self.compact_note.setText(
            f"Narrow screen: the {', '.join(names)} column{'s' if len(names) > 1 else ''} "
            "stepped aside. Hide the page list (F9) to see "
            f"{'them' if len(names) > 1 else 'it'}."
            if names
            else ""
        )
        self.compact_note.setVisible(bool(names))

    def _share_title_and_notes(self, char: int) -> bool:
        """Size title and notes into what is left; True when they got their minimum."""
        table = self.plan_table
        flexible = (COLUMN["title"], COLUMN["notes"])
        others = sum(
            table.columnWidth(c)
            for c in range(len(COLUMNS))
            if c not in flexible and not table.isColumnHidden(c)
        )
        room = table.viewport().width() - others - 1  # a pixel of rounding, never a scroll
        notes_shown = not table.isColumnHidden(COLUMN["notes"])
        metrics = table.fontMetrics()
        pad = round(em(self))
        hires = self.controller.session.hires

        def longest_word(texts: Iterable[str]) -> int:
            words = (w for text in texts for w in text.split())
            return max((metrics.horizontalAdvance(w) for w in words), default=0) + pad

        # Titles wrap onto a second line: the title needs its longest word, and about
        # TITLE_MIN_CHARS characters when there is room for that.
        title_floor = min(
            max(longest_word(self.hire_name(h) for h in hires), char * 10), char * TITLE_MIN_CHARS
        )
        # The notes are never narrower than their longest word (up to 24 characters): a
        # word is wrapped onto the next line, not cut in the middle.
        notes_floor = max(char * 8, min(longest_word(h.notes for h in hires), char * 24))
        if notes_shown:
            title = max(min(room // 2, room - notes_floor), title_floor)
        else:
            title = max(room, title_floor)
        widths = {COLUMN["title"]: title}
        if notes_shown:
            widths[COLUMN["notes"]] = max(room - title, notes_floor)
        for column, width in widths.items():
            if table.columnWidth(column) != width:
                table.setColumnWidth(column, width)
        return sum(widths.values()) <= room

    def _selection_changed(self, *_args: object) -> None:
        self.timeline.set_selected(self.selected)
        self._update_row_buttons()

    def current_id(self) -> str:
        index = self.plan_table.currentIndex()
        return str(index.data(ID_ROLE) or "") if index.isValid() else ""

    def _update_row_buttons(self) -> None:
        row = self.model.row_of(self.current_id())
        count = self.model.rowCount()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(row >= 0)

    def select_row(self, hire_id: str, field: str = "title") -> None:
        row = self.model.row_of(hire_id)
        if row < 0:
            return
        index = self.model.index(row, COLUMN[field])
        self.plan_table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.plan_table.scrollTo(index)
        self._update_row_buttons()

    def _fill_catalogue(self, hires: list[Hire]) -> None:
        people: dict[str, int] = {}
        for hire in hires:
            people[hire.role_id] = people.get(hire.role_id, 0) + hire.headcount
        for role_id, card in self.role_cards.items():
            card.show_planned(people.get(role_id, 0))

    def _fill_warnings(self) -> None:
        shown = [(w.rule_id, w.message, w.hire_ids) for w in self.warnings]
        built = [
            (c.warning.rule_id, c.warning.message, c.warning.hire_ids) for c in self._warning_cards
        ]
        if shown == built:
            return
        doomed: set[int] = set()
        for card in self._warning_cards:
            doomed.add(id(card))
            doomed.update(id(child) for child in card.findChildren(QWidget))
        self._scaled = [entry for entry in self._scaled if id(entry[0]) not in doomed]
        self._muted = [widget for widget in self._muted if id(widget) not in doomed]
        for card in self._warning_cards:
            self.warnings_layout.removeWidget(card)
            card.hide()
            card.setParent(None)
            card.deleteLater()
        self._warning_cards = []
        for index, warning in enumerate(self.warnings):
            card = WarningCard(self, warning, index)
            self._warning_cards.append(card)
            self.warnings_layout.addWidget(card)
        self.show_new_children(self.warnings_box)

    def _fill_timeline(self, hires: list[Hire]) -> None:
        timeline = headcount_by_quarter(self.controller.session)
        columns = [TimelineQuarter(q.quarter, q.label, q.added, q.total) for q in timeline.quarters]
        entries = [
            TimelineEntry(
                hire_id=h.id,
                title=self.hire_name(h),
                quarter=h.target_quarter,
                internal=h.mode == "internal",
                headcount=h.headcount,
            )
            for h in hires
            if is_quarter(h.target_quarter)
        ]
        self.timeline.set_plan(columns, entries)
        self.timeline.set_selected(self.selected)
        self.timeline_scroll.setVisible(bool(columns))
        self.timeline_legend.setVisible(bool(columns))
        self.timeline_scroll.updateGeometry()
        unscheduled = [h for h in hires if h.id in timeline.unscheduled_hire_ids]
        if unscheduled:
            names = "; ".join(
                f"{self.hire_name(h)}{f' ×{h.headcount}' if h.headcount > 1 else ''}"
                for h in unscheduled
            )
            self.unscheduled_label.setText(f"Not scheduled yet: {names}")
        else:
            self.unscheduled_label.setText("")
        self.unscheduled_label.setVisible(bool(unscheduled))

    def hire_name(self, hire: Hire) -> str:
        role = self.roles.get(hire.role_id)
        return hire.title or (role.name if role else "") or "Unnamed role"

    # --- changing --------------------------------------------------------------------------

    def add_hire(self, role_id: str, title: str) -> bool:
        """Add one hire to the end of the plan (one edit) and select it in the plan."""
        edit, hire_id = intents.add_hire(
            self.controller.session, role_id, title, self.roles.get(role_id)
        )
        if not self.push(edit):
            return False
        self.select_row(hire_id)
        if self.plan_scroll.isVisible():
            self.plan_scroll.ensureWidgetVisible(self.plan_table)
            self.plan_table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:  # the catalogue has the window to itself: say where it went
            self.show_message(f"Added “{title}” to the plan.")
        return True

    def add_custom_role(self) -> None:
        title = self.custom_edit.text().strip()
        if title and self.add_hire("", title):
            self.custom_edit.clear()

    def set_field(self, hire_id: str, field: str, value: str | int | bool) -> bool:
        return self.push(intents.set_field(self.controller.session, hire_id, field, value))

    def move_hire(self, hire_id: str, step: int) -> None:
        if self.push(intents.move(self.controller.session, hire_id, step)):
            self.select_row(hire_id)  # the selection follows the role that moved

    def move_current(self, step: int) -> None:
        hire_id = self.current_id()
        if hire_id:
            self.move_hire(hire_id, step)

    def remove_hire(self, hire_id: str) -> None:
        row = self.state.row(hire_id)
        if row is None:
            return
        if self.push(intents.remove(self.controller.session, hire_id, row.name)):
            self.show_message(f"Removed “{row.name}” from the plan — Ctrl+Z brings it back.")

    def remove_current(self) -> None:
        hire_id = self.current_id()
        if hire_id:
            self.remove_hire(hire_id)

    def select_hires(self, hire_ids: tuple[str, ...]) -> None:
        """Select the hires a warning is about, in the plan and on the timeline."""
        selection = QItemSelection()
        last = len(COLUMNS) - 1
        rows = sorted(r for r in (self.model.row_of(i) for i in hire_ids) if r >= 0)
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        model = self.plan_table.selectionModel()
        if rows:
            model.setCurrentIndex(
                self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.plan_table.scrollTo(self.model.index(rows[0], 0))
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.timeline.set_selected(self.selected)
        self.plan_scroll.ensureWidgetVisible(self.plan_table)
        self.plan_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_projecting(self, projecting: bool) -> None:
        super().set_projecting(projecting)
        # Private notes never reach the room.
        self.plan_table.setColumnHidden(COLUMN["notes"], projecting)
        self._fit_title()
        self._fit_panes()  # the plan needs another width without the notes

    def flush(self) -> None:
        """Typing in a cell is committed now (page change, close, Ctrl+S)."""
        editor = (
            self.plan_table.focusWidget()
            if self.plan_table.state() == QAbstractItemView.State.EditingState
            else None
        )
        if editor is not None and editor is not self.plan_table:
            delegate = self.plan_table.itemDelegate()
            delegate.commitData.emit(editor)

    # --- fitting the panes -----------------------------------------------------------------

    @property
    def narrow(self) -> bool:
        """Too narrow for catalogue and plan side by side (a 1024-pixel projector, large
        type): they then take turns, switched by the catalogue button."""
        return bool(
            self.splitter.width()
            < self._plan_minimum() + self._catalogue_minimum() + self.splitter.handleWidth()
        )

    def _plan_minimum(self) -> int:
        """Narrower than this, the plan (its table, buttons and checks) would be cut off."""
        body = self.plan_scroll.widget()
        # Every column at its width and the role's title at about 18 characters: beside
        # the catalogue the plan gets that or the two take turns (the catalogue button),
        # rather than the room reading "Additional data …".
        char = self.plan_table.fontMetrics().averageCharWidth()
        columns = sum(self._fixed_widths.values()) + char * 18
        if not self.projecting:
            columns += char * 12  # the private notes
        table = (
            columns
            + self.plan_table.verticalScrollBar().sizeHint().width()
            + 2 * (self.plan_table.frameWidth())
        )
        content = max(
            body.minimumSizeHint().width() if body is not None else 0,
            self.plan_table.minimumWidth(),
            table,
        ) + round(em(self) * 2)
        return (
            content
            + self.plan_scroll.verticalScrollBar().sizeHint().width()
            + self.plan_scroll.frameWidth() * 2
        )

    def _catalogue_minimum(self) -> int:
        """Narrower than this, the role cards would be cut off (they wrap, but a button and
        a tag have to fit on a line)."""
        body = self.catalogue.widget()
        content = (
            (body.minimumSizeHint().width() if body is not None else 0)
            + self.catalogue.verticalScrollBar().sizeHint().width()
            + self.catalogue.frameWidth() * 2
        )
        return max(content, round(self.fontMetrics().averageCharWidth() * 30))

    def _fit_panes(self) -> None:
        self.catalogue.setMinimumWidth(self._catalogue_minimum())
        if not self._panes_sized and self.isVisible():
            # A first split by the type size: the catalogue about forty characters wide.
            catalogue = max(
                self._catalogue_minimum(),
                min(round(self.fontMetrics().averageCharWidth() * 42), round(self.width() * 0.35)),
            )
            self.splitter.setSizes([catalogue, max(1, self.width() - catalogue)])
            self._panes_sized = True
        narrow = self.narrow
        sizes = self.splitter.sizes()
        if not narrow and len(sizes) == 2 and sizes[1] < self._plan_minimum():
            # Side by side, the plan gets the width it needs; the catalogue the rest.
            plan = self._plan_minimum()
            self.splitter.setSizes([max(1, sum(sizes) - plan), plan])
        self.catalogue_button.setVisible(narrow)
        showing_catalogue = narrow and self.catalogue_button.isChecked()
        self.catalogue_button.setText(CATALOGUE_HIDE if showing_catalogue else CATALOGUE_SHOW)
        self.catalogue.setVisible(not narrow or showing_catalogue)
        self.plan_scroll.setVisible(not showing_catalogue)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_panes()  # the first split, now that the page has its real width

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_panes()
        self._fit_title()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "timeline"):  # built
            self.timeline.updateGeometry()
            self._fit_table()
            self._fit_panes()

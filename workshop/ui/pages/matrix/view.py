"""Opportunities: a fast brainstorm, the value/cost matrix, the ranked list, the first project.

The facilitator types ideas as the room calls them out (one line + Enter each, one edit
each), then scores them in the list or by dragging points on the matrix. The ranking, the
quadrants and what is blocked by data come from :func:`.state.matrix_state` (the domain's
:func:`~workshop.domain.priorities.prioritise`), and its rule is shown in words under the list
so the facilitator can say how the order was reached.

An edit updates only what it touched: the page computes the next state and hands it to the
list model, which signals the rows that differ (a vote repaints one row, or moves it), and to
the matrix, which re-lays out only the points that changed. Edits come from
:mod:`.intents`; the first project's checklist lives in :mod:`.checklist`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.session import Opportunity
from workshop.service.changes import Change
from workshop.ui.pages.base import register
from workshop.ui.pages.changes import concerns
from workshop.ui.pages.common import (
    SECONDARY,
    SECTION,
    TITLE,
    BasePage,
    EmptyState,
    em,
    hline,
    named,
    plain_label,
    quarter_choices,
    scroll_area,
)
from workshop.ui.pages.matrix import intents
from workshop.ui.pages.matrix.checklist import FirstProjectChecklist, tick_edit
from workshop.ui.pages.matrix.model import (
    ID_ROLE,
    ChoiceDelegate,
    OpportunitiesModel,
    OpportunitiesTable,
    ScoreCombo,
    widen_popup,
)
from workshop.ui.pages.matrix.state import (
    BLOCKED,
    COLUMN,
    COLUMNS,
    READINESS_NAMES,
    SCORE_FIELDS,
    MatrixState,
    OpportunityRow,
    matrix_state,
    quadrant_advice,
    rubric,
    rubric_text,
)
from workshop.ui.pages.text import line_editor, text_editor
from workshop.ui.widgets.bound_text import ItemField
from workshop.ui.widgets.length_counter import limit_length
from workshop.ui.widgets.matrix_chart import MatrixChart, MatrixPoint, MatrixQuadrant

if TYPE_CHECKING:
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController

EMPTY_TEXT = "No opportunities yet — press N to add the first one"
# Shown in the selected opportunity's form only, when the list is too narrow for them.
COMPACT_HIDDEN = ("confidence", "data_readiness", "target_quarter")
# Still too narrow (large type at 1024 pixels): the quadrant steps aside too — the chart
# beside or under the list shows it, and so does the selected item's form.
NARROW_HIDDEN = ("quadrant",)
# The marker shapes of the matrix (circle, square, diamond, triangle) as text, for the legend.
QUADRANT_GLYPHS = ("●", "■", "◆", "▲")
BLOCKED_SHOWN = 12  # blocked opportunities listed by name under the list; the rest counted
TABLE_ROWS_SHOWN = 14  # the list grows with the page up to this many rows, then scrolls
# What an edit must touch for this page to change: its items, the audit (blocking data) and
# the answers (the checklist's ticks).
WATCHED = ("opportunities", "audit", "answers")


@register
class MatrixPage(BasePage):
    page_type = "matrix"
    report_sections = ("opportunities", "roadmap")

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        self.state = matrix_state(self.framework, controller.session)
        self.selected_id = ""
        self._syncing_selection = False
        self._blocked_shown: tuple[Any, ...] | None = None
        unit = round(em(self))

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = scroll_area("matrix_scroll", "Opportunities")
        outer.addWidget(self.scroll_area)
        body = QWidget()
        self.scroll_area.setWidget(body)
        layout = self.page_layout(body)

        self.title_label = named(plain_label(page.title or "Opportunities"), "title_label")
        self.scaled(self.title_label, TITLE, bold=True)
        layout.addWidget(self.title_label)

        # Quick capture: one line, Enter, next idea.
        capture = QHBoxLayout()
        capture_label = plain_label("New opportunity:", wrap=False)
        self.new_field = named(QLineEdit(), "new_opportunity", "New opportunity")
        self.new_field.setPlaceholderText("Type an idea and press Enter")
        self.new_field.setClearButtonEnabled(True)
        limit_length(self.new_field, "opportunities", "title")
        self.new_field.returnPressed.connect(self.add_from_field)
        capture_label.setBuddy(self.new_field)
        self.add_button = named(QPushButton("Add"), "add_button", "Add the opportunity")
        self.add_button.clicked.connect(self.add_from_field)
        self.rubric_button = named(
            QPushButton("What the scores mean"),
            "rubric_button",
            "Show what value and cost scores mean",
        )
        self.rubric_button.setCheckable(True)
        self.rubric_button.toggled.connect(self._show_rubrics)
        capture.addWidget(capture_label)
        capture.addWidget(self.new_field, 1)
        capture.addWidget(self.add_button)
        capture.addSpacing(unit)
        capture.addWidget(self.rubric_button)
        layout.addLayout(capture)
        self.tips = self.muted(
            named(
                plain_label(
                    "N: new idea · click a row or a point to select it · drag a point to re-score it, "
                    "or type 1–5 on a Value, Cost or Confidence cell · + and − count dot votes"
                ),
                "tips_label",
                "Keyboard tips",
            )
        )
        self.scaled(self.tips, SECONDARY)
        self.mark_private(self.tips)
        layout.addWidget(self.tips)

        self.rubric_panel = QWidget()
        self.rubric_panel.setObjectName("rubric_panel")
        self.rubric_panel.setVisible(False)
        self._build_rubrics(self.rubric_panel)
        layout.addWidget(self.rubric_panel)
        layout.addWidget(self.message)

        self.empty_state = named(EmptyState(EMPTY_TEXT), "empty_state", "No opportunities yet")
        self.scaled(self.empty_state, SECTION)
        layout.addWidget(self.empty_state)

        # The list and the matrix side by side (one above the other on a narrow screen).
        self.main_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.main_row.setSpacing(unit * 2)
        list_column = QVBoxLayout()
        list_column.setSpacing(unit)
        self.model = OpportunitiesModel(
            self,
            header_tip=self.rubric_text,
            cell_tip=self.tooltip,
            choices=self.choices,
            set_field=self.set_field,
            set_first_project=self.set_first_project,
        )
        self.table = named(
            OpportunitiesTable(self.vote), "opportunities_table", "Ranked opportunities"
        )
        self.table.setModel(self.model)
        self.table.setItemDelegate(ChoiceDelegate(self.table, self.vote))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        # Every row two lines high (a title wraps once; "⚠ Blocked by data" sits under the
        # quadrant): no row is measured, so 300 opportunities lay out as fast as three.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMN["title"], QHeaderView.ResizeMode.Stretch)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        list_column.addWidget(self.table)
        self.rule_label = self.muted(named(plain_label(), "rule_label", "How the list is ranked"))
        self.scaled(self.rule_label, SECONDARY)
        list_column.addWidget(self.rule_label)
        self.blocked_box = QWidget()
        self.blocked_box.setObjectName("blocked_box")
        blocked_list = QVBoxLayout(self.blocked_box)
        blocked_list.setContentsMargins(0, 0, 0, 0)
        blocked_list.setSpacing(unit // 2)
        self.blocked_head = named(plain_label(BLOCKED), "blocked_head", "Blocked by data")
        self.scaled(self.blocked_head, 1.0, bold=True)
        self.blocked_text = named(plain_label(), "blocked_text", "Why they are blocked")
        self.blocked_rule = self.muted(plain_label())
        self.scaled(self.blocked_rule, SECONDARY)
        for widget in (self.blocked_head, self.blocked_text, self.blocked_rule):
            blocked_list.addWidget(widget)
        list_column.addWidget(self.blocked_box)
        list_column.addStretch(1)
        self.main_row.addLayout(list_column, 1)

        chart_column = QVBoxLayout()
        chart_column.setSpacing(unit // 2)
        self.chart = named(MatrixChart(), "matrix_chart", "Value and cost matrix")
        self.chart.selected.connect(self._point_chosen)
        self.chart.moved.connect(self.move_point)
        chart_column.addWidget(self.chart)
        self.chart_caption = self.muted(named(plain_label(), "chart_caption", "How to read it"))
        self.scaled(self.chart_caption, SECONDARY)
        chart_column.addWidget(self.chart_caption)
        # Each quadrant's shape, name, count and the framework's advice, in words.
        self.legend = QGridLayout()
        self.legend.setHorizontalSpacing(unit)
        self.legend.setVerticalSpacing(unit // 3)
        self.legend_labels: dict[str, QLabel] = {}
        for row, quadrant in enumerate(self.framework.matrix.quadrants):
            glyph = plain_label(QUADRANT_GLYPHS[row % len(QUADRANT_GLYPHS)], wrap=False)
            self.legend.addWidget(glyph, row, 0, Qt.AlignmentFlag.AlignTop)
            label = named(plain_label(), f"legend_{quadrant.id}", quadrant.name)
            self.legend.addWidget(label, row, 1)
            self.legend_labels[quadrant.id] = label
        self.legend.setColumnStretch(1, 1)
        chart_column.addLayout(self.legend)
        chart_column.addStretch(1)
        self.main_row.addLayout(chart_column, 0)
        layout.addLayout(self.main_row)

        # The selected opportunity in full.
        self.detail = QFrame()
        self.detail.setObjectName("detail_panel")
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        detail = QGridLayout(self.detail)
        detail.setContentsMargins(unit, unit, unit, unit)
        detail.setHorizontalSpacing(unit)
        detail.setVerticalSpacing(unit // 2)
        self.detail_title = named(plain_label(), "detail_title", "Selected opportunity")
        self.scaled(self.detail_title, SECTION, bold=True)
        self.detail_quadrant = named(plain_label(), "detail_quadrant", "Quadrant advice")
        self.remove_button = named(
            QPushButton("Remove"), "remove_button", "Remove the selected opportunity"
        )
        self.remove_button.setToolTip("Remove this opportunity (Delete); undo brings it back")
        self.remove_button.clicked.connect(self.remove_selected)
        self.title_field = named(
            line_editor(self, "opportunities", "", "title", "Rename opportunity"),
            "title_field",
            "Title",
        )
        self.description_field = named(
            text_editor(self, "opportunities", "", "description", "Describe opportunity"),
            "description_field",
            "Description",
        )
        self.description_field.setPlaceholderText("What it would do, for whom")
        self.description_field.setMaximumHeight(round(em(self) * 8))
        self.measure_field = named(
            line_editor(self, "opportunities", "", "success_measure", "Set success measure"),
            "measure_field",
            "Success measure",
        )
        self.measure_field.setPlaceholderText("How will we know it worked? e.g. a number by a date")
        # Every choice of the list again, as a form: on a narrow screen the list hides
        # some columns, and a keyboard user may prefer a form to table cells.
        self.detail_combos: dict[str, QComboBox] = {}
        choices_row = QGridLayout()
        choices_row.setHorizontalSpacing(unit)
        choices_row.setVerticalSpacing(unit // 2)
        fields = (
            ("value", "Value"),
            ("cost", "Cost"),
            ("confidence", "Confidence"),
            ("data_readiness", "Data"),
            ("target_quarter", "Quarter"),
        )
        for position, (field, heading) in enumerate(fields):
            combo = named(
                ScoreCombo() if field in SCORE_FIELDS else QComboBox(), f"detail_{field}", heading
            )
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(2 if field in SCORE_FIELDS else 9)
            combo.activated.connect(
                self.on_change(lambda _i, f=field, c=combo: self._detail_chosen(f, c))
            )
            label = plain_label(heading + ":", wrap=False)
            label.setBuddy(combo)
            # Three pairs to a row, so the form fits a 1024-pixel screen beside the notes.
            row, column = divmod(position, 3)
            choices_row.addWidget(label, row, column * 2, Qt.AlignmentFlag.AlignRight)
            choices_row.addWidget(combo, row, column * 2 + 1)
            self.detail_combos[field] = combo
        self.detail_first = named(
            QCheckBox("★ First project"), "detail_first_project", "First project"
        )
        self.detail_first.toggled.connect(
            self.on_change(lambda checked: self.set_first_project(self.selected_id, checked))
        )
        choices_row.addWidget(self.detail_first, 1, 4, 1, 2)
        choices_row.setColumnStretch(6, 1)
        detail.addWidget(self.detail_title, 0, 0, 1, 2)
        detail.addWidget(self.remove_button, 0, 2, Qt.AlignmentFlag.AlignRight)
        detail.addWidget(self.detail_quadrant, 1, 0, 1, 3)
        detail.addLayout(choices_row, 2, 0, 1, 3)
        for row, (text, field) in enumerate(
            (
                ("Title", self.title_field),
                ("Description", self.description_field),
                ("Success measure", self.measure_field),
            ),
            3,
        ):
            label = plain_label(text + ":", wrap=False)
            label.setBuddy(field)
            detail.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            detail.addWidget(field, row, 1, 1, 2)
        detail.setColumnStretch(1, 1)
        layout.addWidget(self.detail)

        # The first project: its checklist and the risks to keep in mind.
        self.first_title = named(plain_label("First project"), "first_title", "First project")
        self.scaled(self.first_title, SECTION, bold=True)
        layout.addWidget(hline())
        layout.addWidget(self.first_title)
        self.first_empty = named(
            EmptyState(
                "No first project chosen yet. Tick “First project” on one opportunity — "
                "usually a quick win: one use case, likely to succeed, finished quickly."
            ),
            "first_empty",
            "No first project yet",
        )
        self.first_empty.setAlignment(Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.first_empty)
        self.first_box = QWidget()
        self.first_box.setObjectName("first_project_box")
        first_outer = QVBoxLayout(self.first_box)
        first_outer.setContentsMargins(0, 0, 0, 0)
        first_outer.setSpacing(unit)
        self.first_name = named(plain_label(), "first_name", "The first project")
        self.scaled(self.first_name, SECTION)
        first_outer.addWidget(self.first_name)
        self.first_measure = named(plain_label(), "first_measure", "Its success measure")
        first_outer.addWidget(self.first_measure)
        self.checklist = FirstProjectChecklist(
            self.framework, self.on_change(self.tick), self.scaled, self.muted
        )
        self.criteria_boxes = self.checklist.boxes
        first_outer.addWidget(self.checklist)
        layout.addWidget(self.first_box)
        layout.addStretch(1)

        self.new_shortcut = QShortcut(QKeySequence("N"), self)
        self.new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_shortcut.activated.connect(self.focus_new_field)

        self.setTabOrder(self.new_field, self.add_button)
        self.setTabOrder(self.add_button, self.rubric_button)
        # Tab goes from the list to the matrix, then through the selected item's form.
        chain = [
            self.rubric_button,
            self.table,
            self.chart,
            self.remove_button,
            *self.detail_combos.values(),
            self.detail_first,
            self.title_field,
            self.description_field,
            self.measure_field,
        ]
        for before, after in zip(chain, chain[1:], strict=False):
            self.setTabOrder(before, after)

        matrix = self.framework.matrix
        self.chart.set_matrix(
            [MatrixQuadrant(q.name, q.advice, q.high_value, q.high_cost) for q in matrix.quadrants],
            matrix.value_threshold,
            matrix.cost_threshold,
            self.rubric("value"),
            self.rubric("cost"),
        )
        self._show(self.state, first=True)

    # --- content -------------------------------------------------------------------------

    def rubric(self, field: str) -> dict[int, str]:
        return rubric(self.framework, field)

    def rubric_text(self, field: str) -> str:
        return rubric_text(self.framework, field)

    def quadrant_advice(self, quadrant_id: str) -> str:
        return quadrant_advice(self.framework, quadrant_id)

    def choices(self, field: str, row: OpportunityRow) -> list[tuple[Any, str]] | None:
        if field in SCORE_FIELDS:
            return [
                (score, f"{score} — {meaning}")
                for score, meaning in sorted(self.rubric(field).items())
            ]
        if field == "data_readiness":
            return [(value, READINESS_NAMES[value]) for value in Opportunity.DATA_READINESS]
        if field == "target_quarter":
            return quarter_choices(self.controller.session, row.target_quarter)
        return None

    def tooltip(self, field: str, row: OpportunityRow) -> str | None:
        if field in SCORE_FIELDS:
            score = int(getattr(row, field))
            meaning = self.rubric(field).get(score, "")
            return f"{field.capitalize()} {score}: {meaning}\nType 1–5 to change it."
        if field == "title":
            return row.title + (f"\n\n{row.description}" if row.description else "")
        if field == "quadrant":
            return self.quadrant_advice(row.quadrant) + (
                "\n" + " ".join(row.blocked_reasons) if row.blocked else ""
            )
        if field == "votes":
            return "Dot votes: click + or −, or press + or − on the row."
        if field == "first_project":
            return "Only one opportunity can be the first project; ticking one clears the other."
        return None

    def _build_rubrics(self, panel: QWidget) -> None:
        grid = QGridLayout(panel)
        grid.setContentsMargins(0, 0, 0, 0)
        unit = round(em(self))
        grid.setHorizontalSpacing(unit * 2)
        grid.setVerticalSpacing(unit // 3)
        for column, field in enumerate(("value", "cost")):
            head = plain_label(f"What {field} means")
            self.scaled(head, 1.0, bold=True)
            grid.addWidget(head, 0, column * 2, 1, 2)
            for row, (score, meaning) in enumerate(sorted(self.rubric(field).items()), 1):
                number = plain_label(str(score), wrap=False)
                self.scaled(number, 1.0, bold=True)
                grid.addWidget(number, row, column * 2, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(
                    named(plain_label(meaning), f"rubric_{field}_{score}"), row, column * 2 + 1
                )
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    # --- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Bring everything up to date with the session (what changed is still all that is
        redrawn: the model and the matrix compare the new state with what they show)."""
        self._show(matrix_state(self.framework, self.controller.session))

    def show_change(self, change: Change) -> None:
        """An edit, undo or redo: nothing to do unless it touched what this page shows."""
        if concerns(change, WATCHED):
            self._show(matrix_state(self.framework, self.controller.session))

    def _show(self, state: MatrixState, *, first: bool = False, ticks: bool = True) -> None:
        with self.filling():
            self.state = state
            if self.selected_id and state.row(self.selected_id) is None:
                self.selected_id = ""
            how = self.model.show_state(state)
            has_any = bool(state.rows)
            self.empty_state.setVisible(not has_any)
            self.table.setVisible(has_any)
            self.rule_label.setVisible(has_any)
            if self.rule_label.text() != state.rule:
                self.rule_label.setText(state.rule)
            if first or how in ("inserted", "removed", "reset"):
                self._fit_table()
            self._restore_selection()
            self._fill_blocked(state)
            self._fill_chart(state)
            self._fill_detail()
            self._fill_first_project(state, ticks=ticks or first)

    def _column_widths(self) -> dict[str, int]:
        """What every column but the title needs, from the font and the longest text it can
        hold (scores are one digit, quadrant names come from the content): measured without
        visiting a single row."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        pad = round(em(self) * 1.5)
        longest = {
            "rank": [str(max(len(self.state.rows), 9))],
            "quadrant": [q.name for q in self.framework.matrix.quadrants] + [BLOCKED],
            "value": ["5"],
            "cost": ["5"],
            "confidence": ["5"],
            "data_readiness": list(READINESS_NAMES.values()),
            "target_quarter": ["Not planned", "Q4 2028"],
            "first_project": ["★"],
        }
        widths: dict[str, int] = {}
        for column, (field, _heading) in enumerate(COLUMNS):
            if field == "title":
                continue
            wanted = header.sectionSizeHint(column)
            if field == "votes":
                wanted = max(wanted, ChoiceDelegate.vote_width(self.table) + 4)
            else:
                texts = longest.get(field, [])
                wanted = max([wanted, *(metrics.horizontalAdvance(t) + pad for t in texts)])
            widths[field] = wanted
        return widths

    def _small_columns_width(self) -> int:
        """Size every column but the title to what it can hold; their total width."""
        total = 0
        for field, width in self._column_widths().items():
            column = COLUMN[field]
            if self.table.isColumnHidden(column):
                continue
            if self.table.columnWidth(column) != width:
                self.table.setColumnWidth(column, width)
            total += width
        return total

    def _title_minimum(self) -> int:
        return int(round(self.table.fontMetrics().averageCharWidth() * 26))

    def _fit_table(self) -> None:
        """Titles get the width the other columns leave; the list shows every row (the page
        scrolls, not the list) up to about 14, then scrolls itself."""
        self._small_columns_width()
        self.table.horizontalHeader().setMinimumSectionSize(round(em(self) * 2))
        line = self.table.fontMetrics().lineSpacing()
        row_height = line * 2 + round(em(self))
        vertical = self.table.verticalHeader()
        if vertical.defaultSectionSize() != row_height:
            vertical.setMinimumSectionSize(row_height)
            vertical.setDefaultSectionSize(row_height)
        rows = self.model.rowCount()
        shown = min(rows, TABLE_ROWS_SHOWN)
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += shown * row_height
        if rows > shown:
            height += row_height // 2  # a half row says "there is more"
        if self.table.horizontalScrollBar().isVisible():
            height += self.table.horizontalScrollBar().height()
        height = max(height, round(em(self) * 6))
        if self.table.height() != height:
            self.table.setFixedHeight(height)

    def _restore_selection(self) -> None:
        row = self.model.row_of(self.selected_id)
        self._syncing_selection = True
        try:
            selection = self.table.selectionModel()
            if row < 0:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            elif self.table.currentIndex().row() != row or not selection.hasSelection():
                column = max(self.table.currentIndex().column(), 0)
                selection.setCurrentIndex(
                    self.model.index(row, column),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        finally:
            self._syncing_selection = False

    def _fill_blocked(self, state: MatrixState) -> None:
        blocked = state.blocked
        shown = tuple((r.rank, r.shown_title, r.blocked_reasons) for r in blocked)
        if shown == self._blocked_shown:
            return
        self._blocked_shown = shown
        self.blocked_box.setVisible(bool(blocked))
        if not blocked:
            return
        lines = [
            f"#{rank} {title}: " + " ".join(reasons)
            for rank, title, reasons in shown[:BLOCKED_SHOWN]
        ]
        if len(shown) > BLOCKED_SHOWN:
            lines.append(
                f"… and {len(shown) - BLOCKED_SHOWN} more, each marked “{BLOCKED}” in the list."
            )
        self.blocked_head.setText(f"{BLOCKED} ({len(shown)})")
        self.blocked_text.setText("\n".join(lines))
        self.blocked_rule.setText(state.blocked_rule)

    def _fill_chart(self, state: MatrixState) -> None:
        self.chart.set_points(
            [
                MatrixPoint(
                    opportunity_id=r.id,
                    rank=r.rank,
                    title=r.title,
                    value=r.value,
                    cost=r.cost,
                    quadrant=r.quadrant_index,
                    first_project=r.first_project,
                )
                for r in state.rows
            ]
        )
        self.chart.select(self.selected_id)
        caption = (
            "Each shape is an opportunity, numbered by its rank (★ the first project). "
            "Drag one to change its value and cost; hover over it for its title."
        )
        if self.chart_caption.text() != caption:
            self.chart_caption.setText(caption)
        for entry in state.legend:
            label = self.legend_labels.get(entry.quadrant)
            if label is not None and label.text() != entry.text:
                label.setText(entry.text)

    def _fill_detail(self) -> None:
        row = self.state.row(self.selected_id)
        self.detail.setVisible(row is not None)
        target = row.id if row is not None else ""
        for field in (self.title_field, self.description_field, self.measure_field):
            wanted = ItemField("opportunities", target, field.source.field)
            if field.source != wanted:
                field.follow(wanted)
        if row is None:
            return
        self.detail_title.setText(f"#{row.rank} {row.shown_title}")
        blocked = " · " + BLOCKED if row.blocked else ""
        self.detail_quadrant.setText(self.quadrant_advice(row.quadrant) + blocked)
        for field, combo in self.detail_combos.items():
            choices = self.choices(field, row) or []
            if [combo.itemData(i) for i in range(combo.count())] != [v for v, _l in choices]:
                combo.clear()
                for value, label in choices:
                    combo.addItem(label, value)
                    combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
                widen_popup(combo)
            combo.setCurrentIndex(max(0, combo.findData(getattr(row, field))))
            combo.setToolTip(combo.currentText())
        self.detail_first.setChecked(row.first_project)

    def _detail_chosen(self, field: str, combo: QComboBox) -> None:
        self.set_field(self.selected_id, field, combo.currentData())

    def _fill_first_project(self, state: MatrixState, *, ticks: bool) -> None:
        first = state.first_project
        self.first_empty.setVisible(first is None)
        self.first_box.setVisible(first is not None)
        if first is None:
            return
        if self.first_name.text() != first.heading:
            self.first_name.setText(first.heading)
        if self.first_measure.text() != first.measure:
            self.first_measure.setText(first.measure)
        if ticks:
            self.checklist.show_ticks(state.review)

    # --- selection -------------------------------------------------------------------------

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing_selection or self.is_filling:
            return
        opportunity_id = str(current.data(ID_ROLE) or "") if current.isValid() else ""
        self.select(opportunity_id, from_table=True)

    def _point_chosen(self, opportunity_id: str) -> None:
        self.select(opportunity_id)

    def select(self, opportunity_id: str, *, from_table: bool = False) -> None:
        """Select an opportunity in the list, on the matrix and in the detail panel."""
        self.selected_id = opportunity_id
        with self.filling():
            if not from_table:
                self._restore_selection()
                row = self.model.row_of(opportunity_id)
                if row >= 0:
                    self.table.scrollTo(self.model.index(row, 0))
            self.chart.select(opportunity_id)
            self._fill_detail()

    # --- changing --------------------------------------------------------------------------

    def focus_new_field(self) -> None:
        self.scroll_area.ensureWidgetVisible(self.new_field)
        self.new_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.new_field.selectAll()

    def add_from_field(self) -> None:
        found = intents.add_opportunity(self.controller.session, self.new_field.text())
        if found is None:
            self.new_field.clear()  # stray spaces are not an idea
            self.new_field.setFocus()
            return
        edit, opportunity_id = found
        if self.push(edit):
            self.new_field.clear()
            self.new_field.setFocus()  # the next idea follows
            self.select(opportunity_id)

    def set_field(self, opportunity_id: str, field: str, value: Any) -> bool:
        return self.push(intents.set_field(self.controller.session, opportunity_id, field, value))

    def vote(self, opportunity_id: str, step: int) -> bool:
        edit = intents.vote(self.controller.session, opportunity_id, step)
        if edit is None:
            return False
        self.selected_id = opportunity_id
        return self.push(edit)

    def move_point(self, opportunity_id: str, value: int, cost: int) -> bool:
        """A point dropped on the matrix: value and cost change together, as one step."""
        edit = intents.move_point(self.controller.session, opportunity_id, value, cost)
        if edit is None:
            return False
        self.selected_id = opportunity_id
        return self.push(edit)

    def set_first_project(self, opportunity_id: str, chosen: bool) -> bool:
        return self.push(intents.set_first_project(self.controller.session, opportunity_id, chosen))

    def tick(self, criterion_id: str, checked: bool) -> bool:
        return self.push(tick_edit(self.controller.session, criterion_id, checked))

    def remove_selected(self) -> bool:
        row = self.state.row(self.selected_id)
        edit = intents.remove(self.controller.session, self.selected_id)
        if row is None or edit is None:
            return False
        following = intents.after_removal(self.model.ids, row.id)
        if self.push(edit):
            self.select(following)
            self.show_message(f"Removed “{row.shown_title}”. Undo (Ctrl+Z) brings it back.")
            return True
        return False

    # --- layout ----------------------------------------------------------------------------

    def _show_rubrics(self, shown: bool) -> None:
        self.rubric_panel.setVisible(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "table"):
            self._arrange()

    def _arrange(self) -> None:
        """The list beside the matrix when both fit (the titles keep ~22 characters and the
        matrix at least 17 lines); otherwise the matrix goes under the list. The matrix
        takes whatever the list leaves, up to 30 lines square, so it is as big as the room
        allows."""
        if not hasattr(self, "main_row"):
            return
        line = em(self) * 2
        margins = round(em(self)) * 4 + self.scroll_area.verticalScrollBar().sizeHint().width()
        width = self.width() - margins

        def list_needed() -> int:
            return int(
                self._small_columns_width()
                + self._title_minimum()
                + 2 * self.table.frameWidth()
                + self.table.verticalScrollBar().sizeHint().width()
            )

        # Too narrow for every column (a 1024-pixel screen beside the notes panel): the
        # list keeps what the room argues about; the rest is in the selected item's form.
        for field in (*COMPACT_HIDDEN, *NARROW_HIDDEN):
            self.table.setColumnHidden(COLUMN[field], False)
        needed = list_needed()
        for fields in (COMPACT_HIDDEN, NARROW_HIDDEN):
            if needed <= width:
                break
            for field in fields:
                self.table.setColumnHidden(COLUMN[field], True)
            needed = list_needed()
        list_needed_now = needed
        spare = width - list_needed_now - self.main_row.spacing()
        wide = spare >= line * 17
        side = round(min(spare if wide else width, line * 30))
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.main_row.direction() != direction:
            self.main_row.setDirection(direction)
        side = max(side, round(line * 12))
        if self.chart.size() != QSize(side, side):
            self.chart.setFixedSize(side, side)
        # Row heights follow the title column's new width once the layout has settled.
        QTimer.singleShot(0, self._fit_table)


__all__ = ["MatrixPage"]

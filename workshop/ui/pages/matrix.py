"""Opportunities: a fast brainstorm, the value/cost matrix, the ranked list, the first project.

The facilitator types ideas as the room calls them out (one line + Enter each, one edit
each), then scores them in the list or by dragging points on the matrix. The ranking, the
quadrants and what is blocked by data all come from
:func:`workshop.domain.priorities.prioritise`, recomputed on every refresh, and its rule is
shown in words under the list so the facilitator can say how the order was reached.

One opportunity can be the first project: choosing it clears the previous one in the same
undo step. For that project the page shows the framework's first-project criteria as a
checklist (each tick is stored as the :class:`~workshop.domain.session.Answer` keyed by the
criterion's id, status "discussed" when ticked) and the risks of an over-ambitious first
project as a reminder.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QPaintEvent, QPalette, QResizeEvent, QShortcut
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
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QStylePainter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import (
    Batch,
    Edit,
    SetField,
    add_item,
    remove_item,
    set_item_field,
    set_keyed_field,
)
from workshop.domain.priorities import (
    Priorities,
    criterion_tick_id,
    criterion_ticked,
    first_project_review,
    prioritise,
)
from workshop.domain.session import Opportunity, new_id
from workshop.domain.validation import MAX_COUNT
from workshop.ui.pages.base import register
from workshop.ui.pages.common import (
    SECONDARY,
    SECTION,
    TITLE,
    BasePage,
    EmptyState,
    Tag,
    clear_layout,
    em,
    hline,
    named,
    plain_label,
    quarter_choices,
    quarter_label,
    scroll_area,
)
from workshop.ui.pages.framework_notes import criterion_label
from workshop.ui.pages.text import line_editor, text_editor
from workshop.ui.widgets.bound_text import ItemField
from workshop.ui.widgets.matrix_chart import MatrixChart, MatrixPoint, MatrixQuadrant

if TYPE_CHECKING:
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController

ModelIndex = QModelIndex | QPersistentModelIndex

EMPTY_TEXT = "No opportunities yet — press N to add the first one"
BLOCKED = "⚠ Blocked by data"
FIRST_PROJECT = "★ First project"
READINESS_NAMES = {
    "unknown": "Unknown",
    "ready": "Ready",
    "partial": "Partial",
    "missing": "Missing",
}
SCORE_FIELDS = ("value", "cost", "confidence")
CONFIDENCE_MEANING = {
    1: "A guess: nobody in the room is sure.",
    2: "Some signs, mostly opinion.",
    3: "Reasonably sure of the main points.",
    4: "Backed by data or a customer's own words.",
    5: "Known: measured or already proven elsewhere.",
}

# (field, heading); the order of the list's columns.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("rank", "#"),
    ("title", "Opportunity"),
    ("quadrant", "Quadrant"),
    ("value", "Value"),
    ("cost", "Cost"),
    ("confidence", "Confidence"),
    ("votes", "Votes"),
    ("data_readiness", "Data"),
    ("target_quarter", "Quarter"),
    ("first_project", "First\nproject"),
)
COLUMN = {name: index for index, (name, _heading) in enumerate(COLUMNS)}
# Shown in the selected opportunity's form only, when the list is too narrow for them.
# The marker shapes of the matrix (circle, square, diamond, triangle) as text, for the legend.
QUADRANT_GLYPHS = ("●", "■", "◆", "▲")
COMPACT_HIDDEN = ("confidence", "data_readiness", "target_quarter")
BODY_BOLD_SIZE = 1.0  # the checklist headings: body size, bold
ID_ROLE = Qt.ItemDataRole.UserRole + 1
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 2  # (value, label) pairs for a combo editor


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class OpportunitiesModel(QAbstractTableModel):
    """The opportunities in ranked order; every cell edit becomes one domain edit."""

    def __init__(self, page: MatrixPage):
        super().__init__(page)
        self.page = page
        self._ids: list[str] = []

    def reload(self, ranked_ids: list[str]) -> bool:
        """Follow the session; True when rows came, went or changed order (a reset)."""
        if ranked_ids != self._ids:
            self.beginResetModel()
            self._ids = list(ranked_ids)
            self.endResetModel()
            return True
        if ranked_ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(ranked_ids) - 1, len(COLUMNS) - 1)
            )
        return False

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    def opportunity(self, row: int) -> Opportunity | None:
        if 0 <= row < len(self._ids):
            found: Opportunity | None = self.page.controller.session.find(
                "opportunities", self._ids[row]
            )
            return found
        return None

    def row_of(self, opportunity_id: str) -> int:
        return self._ids.index(opportunity_id) if opportunity_id in self._ids else -1

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        field = COLUMNS[section][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.page.rubric_text(field) or None
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        field = COLUMNS[index.column()][0]
        if field == "first_project":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if field in ("title", "value", "cost", "confidence", "data_readiness", "target_quarter"):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        opportunity = self.opportunity(index.row())
        priorities = self.page.priorities
        if opportunity is None or priorities is None:
            return None
        field = COLUMNS[index.column()][0]
        entry = priorities.entry(opportunity.id)
        if role == ID_ROLE:
            return opportunity.id
        if role == Qt.ItemDataRole.CheckStateRole and field == "first_project":
            return Qt.CheckState.Checked if opportunity.first_project else Qt.CheckState.Unchecked
        if role == CHOICES_ROLE:
            return self.page.choices(field, opportunity)
        if role == Qt.ItemDataRole.TextAlignmentRole and field in (
            "rank",
            "value",
            "cost",
            "confidence",
            "votes",
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(field, opportunity)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{COLUMNS[index.column()][1]}: {self.display(field, opportunity, entry)}"
        if role == Qt.ItemDataRole.EditRole:
            return getattr(opportunity, field) if field not in ("rank", "quadrant") else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(field, opportunity, entry)
        return None

    def display(self, field: str, opportunity: Opportunity, entry: Any) -> str:
        if field == "rank":
            return str(entry.rank)
        if field == "title":
            return opportunity.title or "Untitled"
        if field == "quadrant":
            return str(entry.quadrant_name) + (f"\n{BLOCKED}" if entry.blocked else "")
        if field == "votes":
            return ""  # the vote buttons sit on top and show the count
        if field == "data_readiness":
            return READINESS_NAMES.get(opportunity.data_readiness, opportunity.data_readiness)
        if field == "target_quarter":
            return quarter_label(opportunity.target_quarter)
        if field == "first_project":
            return "★" if opportunity.first_project else ""
        return str(getattr(opportunity, field))

    def tooltip(self, field: str, opportunity: Opportunity) -> str | None:
        if field in SCORE_FIELDS:
            score = int(getattr(opportunity, field))
            meaning = self.page.rubric(field).get(score, "")
            return f"{field.capitalize()} {score}: {meaning}\nType 1–5 to change it."
        if field == "title":
            return opportunity.title + (
                f"\n\n{opportunity.description}" if opportunity.description else ""
            )
        if field == "quadrant":
            priorities = self.page.priorities
            assert priorities is not None
            blocked = next(
                (b for b in priorities.blocked if b.opportunity_id == opportunity.id), None
            )
            advice = self.page.quadrant_advice(priorities.entry(opportunity.id).quadrant)
            return advice + ("\n" + " ".join(blocked.reasons) if blocked else "")
        if field == "first_project":
            return "Only one opportunity can be the first project; ticking one clears the other."
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        opportunity = self.opportunity(index.row())
        if opportunity is None:
            return False
        field = COLUMNS[index.column()][0]
        if field == "first_project" and role == Qt.ItemDataRole.CheckStateRole:
            return self.page.set_first_project(
                opportunity.id, Qt.CheckState(value) == Qt.CheckState.Checked
            )
        if role != Qt.ItemDataRole.EditRole:
            return False
        if field == "title":
            value = str(value).strip()
        if field in SCORE_FIELDS:
            value = int(value)
        return self.page.set_field(opportunity.id, field, value)


def widen_popup(combo: QComboBox) -> None:
    """Let the list that drops down show whole choices ("4 — Changes how key customers
    work…"), however narrow the box itself is."""
    view = combo.view()
    width = view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width()
    view.setMinimumWidth(min(width + round(em(combo) * 2), 16777215))


class ScoreCombo(QComboBox):
    """A 1–5 choice that shows only the number when closed and what each score means in the
    list that drops down."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = option.currentText.split(" — ")[0]
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class ChoiceDelegate(QStyledItemDelegate):
    """Combo boxes for the scores (with what each means), data readiness and the quarter."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        choices = index.data(CHOICES_ROLE)
        if choices:
            field = COLUMNS[index.column()][0]
            combo = ScoreCombo(parent) if field in SCORE_FIELDS else QComboBox(parent)
            combo.setObjectName("cell_combo")
            combo.setAccessibleName(f"Choose {COLUMNS[index.column()][1].lower()}")
            for value, label in choices:
                combo.addItem(label, value)
            widen_popup(combo)
            # Commit as soon as a choice is made: one click, one edit.
            combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
            combo.activated.connect(lambda _i, c=combo: self.closeEditor.emit(c))
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
            editor.showPopup()
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class OpportunitiesTable(QTableView):
    """The ranked list. Keys 1–5 on a value, cost or confidence cell set the score at once
    (scoring goes round the room quickly); Delete removes the selected opportunity."""

    def __init__(self, page: MatrixPage):
        super().__init__()
        self.page = page

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        text = event.text()
        if (
            index.isValid()
            and COLUMNS[index.column()][0] in SCORE_FIELDS
            and text in ("1", "2", "3", "4", "5")
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.model().setData(index, int(text), Qt.ItemDataRole.EditRole)
            event.accept()
            return
        super().keyPressEvent(event)


class VoteCell(QWidget):
    """− count + in the Votes column: dot voting, one click one vote."""

    def __init__(self, page: MatrixPage, opportunity_id: str, votes: int):
        super().__init__()
        self.opportunity_id = opportunity_id
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(2)
        self.minus = named(QToolButton(), "vote_minus", "Remove a vote")
        self.minus.setText("−")
        self.minus.setToolTip("Remove a vote")
        self.count = named(plain_label(wrap=False), "vote_count", "Votes")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("000"))
        # Its own base-coloured chip, so the count stays readable on a selected (accent) row
        # in every theme; roles, not colours, so a theme change follows.
        self.count.setAutoFillBackground(True)
        self.count.setBackgroundRole(QPalette.ColorRole.Base)
        self.count.setForegroundRole(QPalette.ColorRole.Text)
        self.plus = named(QToolButton(), "vote_plus", "Add a vote")
        self.plus.setText("+")
        self.plus.setToolTip("Add a vote")
        for button in (self.minus, self.plus):
            button.setAutoRaise(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays in the list
        layout.addWidget(self.minus)
        layout.addWidget(self.count, 1)
        layout.addWidget(self.plus)
        self.minus.clicked.connect(lambda: page.vote(opportunity_id, -1))
        self.plus.clicked.connect(lambda: page.vote(opportunity_id, +1))
        self.show_votes(votes)

    def show_votes(self, votes: int) -> None:
        self.count.setText(str(votes))
        self.count.setAccessibleName(f"{votes} votes")
        self.minus.setEnabled(votes > 0)


@register
class MatrixPage(BasePage):
    page_type = "matrix"
    report_sections = ("opportunities", "roadmap")

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        self.priorities: Priorities | None = None
        self.selected_id = ""
        self._syncing_selection = False
        self.vote_cells: dict[str, VoteCell] = {}
        self.criteria_boxes: dict[str, QCheckBox] = {}
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
        self.model = OpportunitiesModel(self)
        self.table = named(OpportunitiesTable(self), "opportunities_table", "Ranked opportunities")
        self.table.setModel(self.model)
        self.table.setItemDelegate(ChoiceDelegate(self.table))
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
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
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
        self.blocked_list = QVBoxLayout(self.blocked_box)
        self.blocked_list.setContentsMargins(0, 0, 0, 0)
        self.blocked_list.setSpacing(unit // 2)
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
        fields = (("value", "Value"), ("cost", "Cost"), ("confidence", "Confidence"),
                  ("data_readiness", "Data"), ("target_quarter", "Quarter"))
        for position, (field, heading) in enumerate(fields):
            combo = named(ScoreCombo() if field in SCORE_FIELDS else QComboBox(),
                          f"detail_{field}", heading)
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
        self.detail_first = named(QCheckBox("★ First project"), "detail_first_project",
                                  "First project")
        self.detail_first.toggled.connect(self.on_change(
            lambda checked: self.set_first_project(self.selected_id, checked)))
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
        first = QHBoxLayout()
        first.setSpacing(unit * 3)
        first_outer.addLayout(first)
        criteria_column = QVBoxLayout()
        criteria_head = plain_label("Does it meet what the framework asks of a first project?")
        self.scaled(criteria_head, BODY_BOLD_SIZE, bold=True)
        criteria_column.addWidget(criteria_head)
        self.criteria_list = QVBoxLayout()
        self.criteria_list.setSpacing(unit // 2)
        criteria_column.addLayout(self.criteria_list)
        criteria_column.addStretch(1)
        first.addLayout(criteria_column, 1)
        risks_column = QVBoxLayout()
        risks_head = plain_label("Risks of an over-ambitious first project")
        self.scaled(risks_head, BODY_BOLD_SIZE, bold=True)
        risks_column.addWidget(risks_head)
        self.risk_flag = named(plain_label(), "first_risk_flag", "This choice carries the risks")
        self.scaled(self.risk_flag, 1.0, bold=True)
        risks_column.addWidget(self.risk_flag)
        self.risks_list = QVBoxLayout()
        self.risks_list.setSpacing(unit // 2)
        risks_column.addLayout(self.risks_list)
        risks_column.addStretch(1)
        first.addLayout(risks_column, 1)
        layout.addWidget(self.first_box)
        layout.addStretch(1)
        self._build_checklist()

        self.new_shortcut = QShortcut(QKeySequence("N"), self)
        self.new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_shortcut.activated.connect(self.focus_new_field)

        self.setTabOrder(self.new_field, self.add_button)
        self.setTabOrder(self.add_button, self.rubric_button)
        self.setTabOrder(self.rubric_button, self.table)
        self.setTabOrder(self.table, self.chart)
        self.setTabOrder(self.chart, self.remove_button)
        self.setTabOrder(self.remove_button, self.title_field)
        self.setTabOrder(self.title_field, self.description_field)
        self.setTabOrder(self.description_field, self.measure_field)

        matrix = self.framework.matrix
        self.chart.set_matrix(
            [MatrixQuadrant(q.name, q.advice, q.high_value, q.high_cost) for q in matrix.quadrants],
            matrix.value_threshold,
            matrix.cost_threshold,
            self.rubric("value"),
            self.rubric("cost"),
        )
        self.refresh()

    # --- content -------------------------------------------------------------------------

    def rubric(self, field: str) -> dict[int, str]:
        matrix = self.framework.matrix
        if field == "value":
            return {level.score: level.meaning for level in matrix.value_rubric}
        if field == "cost":
            return {level.score: level.meaning for level in matrix.cost_rubric}
        if field == "confidence":
            return dict(CONFIDENCE_MEANING)
        return {}

    def rubric_text(self, field: str) -> str:
        levels = self.rubric(field)
        if not levels:
            return ""
        lines = [f"{score} — {meaning}" for score, meaning in sorted(levels.items())]
        return f"{field.capitalize()}, 1 to 5:\n" + "\n".join(lines)

    def quadrant_advice(self, quadrant_id: str) -> str:
        quadrant = next((q for q in self.framework.matrix.quadrants if q.id == quadrant_id), None)
        return f"{quadrant.name}: {quadrant.advice}" if quadrant else ""

    def choices(self, field: str, opportunity: Opportunity) -> list[tuple[Any, str]] | None:
        if field in SCORE_FIELDS:
            return [
                (score, f"{score} — {meaning}")
                for score, meaning in sorted(self.rubric(field).items())
            ]
        if field == "data_readiness":
            return [(value, READINESS_NAMES[value]) for value in Opportunity.DATA_READINESS]
        if field == "target_quarter":
            return quarter_choices(self.controller.session, opportunity.target_quarter)
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

    def _build_checklist(self) -> None:
        for criterion in self.framework.first_project_criteria:
            if criterion.retired:
                continue
            shown = criterion_label(criterion)
            box = named(QCheckBox(shown), f"criterion_{criterion.id}", criterion.text)
            box.setToolTip(criterion.detail)
            box.toggled.connect(
                self.on_change(lambda checked, cid=criterion.id: self.tick(cid, checked))
            )
            self.criteria_list.addWidget(box)
            detail = self.muted(plain_label(criterion.detail))
            self.scaled(detail, SECONDARY)
            detail.setContentsMargins(round(em(self) * 3), 0, 0, 0)
            self.criteria_list.addWidget(detail)
            self.criteria_boxes[criterion.id] = box
        for risk in self.framework.first_project_risks:
            if risk.retired:
                continue
            text = named(plain_label(f"⚠ {risk.text}"), f"risk_{risk.id}", risk.text)
            self.scaled(text, 1.0, bold=True)
            self.risks_list.addWidget(text)
            detail = self.muted(plain_label(risk.detail))
            self.scaled(detail, SECONDARY)
            self.risks_list.addWidget(detail)

    # --- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        with self.filling():
            session = self.controller.session
            priorities = prioritise(self.framework, session)
            self.priorities = priorities
            ranked_ids = [r.opportunity_id for r in priorities.ranked]
            keep = self.selected_id if self.selected_id in ranked_ids else ""
            self.selected_id = keep
            if self.model.reload(ranked_ids):
                self.vote_cells = {}
            self._fill_votes()
            self._fit_table()
            self._restore_selection()
            has_any = bool(ranked_ids)
            self.empty_state.setVisible(not has_any)
            self.table.setVisible(has_any)
            self.rule_label.setVisible(has_any)
            self.rule_label.setText(priorities.rule)
            self._fill_blocked(priorities)
            self._fill_chart(priorities)
            self._fill_detail()
            self._fill_first_project(priorities)

    def _fill_votes(self) -> None:
        session = self.controller.session
        for row, opportunity_id in enumerate(self.model.ids):
            opportunity = session.find("opportunities", opportunity_id)
            assert opportunity is not None  # the model was just reloaded from the session
            cell = self.vote_cells.get(opportunity_id)
            if cell is None:
                cell = VoteCell(self, opportunity_id, opportunity.votes)
                self.table.setIndexWidget(self.model.index(row, COLUMN["votes"]), cell)
                self.vote_cells[opportunity_id] = cell
                self.show_new_children(cell)
            cell.show_votes(opportunity.votes)

    def _small_columns_width(self) -> int:
        """Size every column but the title to its contents; their total width."""
        total = 0
        for column, (field, _heading) in enumerate(COLUMNS):
            if field == "title" or self.table.isColumnHidden(column):
                continue
            self.table.resizeColumnToContents(column)
            if field == "votes":  # index widgets are not measured by resizeColumnToContents
                cells = list(self.vote_cells.values())
                if cells:
                    width = max(c.sizeHint().width() for c in cells)
                    self.table.setColumnWidth(column, max(self.table.columnWidth(column), width))
            total += self.table.columnWidth(column)
        return total

    def _title_minimum(self) -> int:
        return int(round(self.table.fontMetrics().averageCharWidth() * 22))

    def _fit_table(self) -> None:
        """Titles get the width the other columns leave; the list shows every row (the page
        scrolls, not the list) up to about 14, then scrolls itself."""
        self._small_columns_width()
        self.table.horizontalHeader().setMinimumSectionSize(round(em(self) * 2))
        self.table.resizeRowsToContents()
        rows = self.model.rowCount()
        shown = min(rows, 14)
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(shown))
        if rows > shown:
            height += self.table.rowHeight(0) // 2  # a half row says "there is more"
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

    def _fill_blocked(self, priorities: Priorities) -> None:
        clear_layout(self.blocked_list)
        self.blocked_box.setVisible(bool(priorities.blocked))
        if not priorities.blocked:
            return
        for blocked in priorities.blocked:
            row = QHBoxLayout()
            rank = priorities.entry(blocked.opportunity_id).rank
            row.addWidget(
                named(Tag(BLOCKED, "warning"), "blocked_tag", "Blocked by data"),
                0,
                Qt.AlignmentFlag.AlignTop,
            )
            text = named(
                plain_label(f"#{rank} {blocked.title or 'Untitled'}: " + " ".join(blocked.reasons)),
                f"blocked_{blocked.opportunity_id}",
                "Why it is blocked",
            )
            row.addWidget(text, 1)
            self.blocked_list.addLayout(row)
        rule = self.muted(plain_label(priorities.blocked_rule))
        self.scaled(rule, SECONDARY)
        self.blocked_list.addWidget(rule)
        self.show_new_children(self.blocked_box)

    def _fill_chart(self, priorities: Priorities) -> None:
        quadrant_index = {q.id: i for i, q in enumerate(self.framework.matrix.quadrants)}
        self.chart.set_points(
            [
                MatrixPoint(
                    opportunity_id=r.opportunity_id,
                    rank=r.rank,
                    title=r.title,
                    value=r.value,
                    cost=r.cost,
                    quadrant=quadrant_index.get(r.quadrant, 0),
                    first_project=r.first_project,
                )
                for r in priorities.ranked
            ]
        )
        self.chart.select(self.selected_id)
        self.chart_caption.setText(
            "Each shape is an opportunity, numbered by its rank (★ the first project). "
            "Drag one to change its value and cost; hover over it for its title."
        )
        for group in priorities.quadrants:
            label = self.legend_labels.get(group.quadrant)
            if label is not None:
                label.setText(f"{group.name} ({len(group.opportunity_ids)}): {group.advice}")

    def _fill_detail(self) -> None:
        opportunity = self.controller.session.find("opportunities", self.selected_id)
        self.detail.setVisible(opportunity is not None)
        target = opportunity.id if opportunity is not None else ""
        for field in (self.title_field, self.description_field, self.measure_field):
            wanted = ItemField("opportunities", target, field.source.field)
            if field.source != wanted:
                field.follow(wanted)
        if opportunity is None or self.priorities is None:
            return
        entry = self.priorities.entry(opportunity.id)
        self.detail_title.setText(f"#{entry.rank} {opportunity.title or 'Untitled'}")
        blocked = " · " + BLOCKED if entry.blocked else ""
        self.detail_quadrant.setText(self.quadrant_advice(entry.quadrant) + blocked)
        for field, combo in self.detail_combos.items():
            choices = self.choices(field, opportunity) or []
            if [combo.itemData(i) for i in range(combo.count())] != [v for v, _l in choices]:
                combo.clear()
                for value, label in choices:
                    combo.addItem(label, value)
                    combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
                widen_popup(combo)
            combo.setCurrentIndex(max(0, combo.findData(getattr(opportunity, field))))
            combo.setToolTip(combo.currentText())
        self.detail_first.setChecked(opportunity.first_project)

    def _detail_chosen(self, field: str, combo: QComboBox) -> None:
        self.set_field(self.selected_id, field, combo.currentData())

    def _fill_first_project(self, priorities: Priorities) -> None:
        first = priorities.first_project
        self.first_empty.setVisible(first is None)
        self.first_box.setVisible(first is not None)
        if first is None:
            return
        opportunity = self.controller.session.find("opportunities", first.opportunity_id)
        self.first_name.setText(
            f"{FIRST_PROJECT}: #{first.rank} {first.title or 'Untitled'} ({first.quadrant_name})"
        )
        measure = opportunity.success_measure.strip() if opportunity is not None else ""
        self.first_measure.setText(
            f"Success measure: {measure}"
            if measure
            else "No success measure yet: agree one before the project starts "
            "(select the project above and fill in “Success measure”)."
        )
        session = self.controller.session
        review = first_project_review(self.framework, session, priorities)
        checks = {c.criterion.id: c for c in review.criteria} if review is not None else {}
        for criterion_id, box in self.criteria_boxes.items():
            check = checks.get(criterion_id)
            checked = check is not None and check.met
            if box.isChecked() != checked:
                box.setChecked(checked)
            if check is not None and check.from_audit:  # answered by the data audit
                box.setEnabled(False)
                box.setToolTip(check.why)
        self.risk_flag.setText("⚠ " + " ".join(review.risk_flags) if review else "")
        self.risk_flag.setVisible(bool(review and review.risky))

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
        title = self.new_field.text().strip()
        if not title:
            self.new_field.clear()  # stray spaces are not an idea
            self.new_field.setFocus()
            return
        opportunity = Opportunity(id=new_id(), title=title)
        session = self.controller.session
        if self.push(add_item(session, "opportunities", opportunity, label="Add opportunity")):
            self.new_field.clear()
            self.new_field.setFocus()  # the next idea follows
            self.select(opportunity.id)

    def set_field(self, opportunity_id: str, field: str, value: Any) -> bool:
        session = self.controller.session
        opportunity = session.find("opportunities", opportunity_id)
        if opportunity is None or getattr(opportunity, field) == value:
            return False
        label = f"Set {COLUMNS[COLUMN[field]][1].lower()}" if field in COLUMN else "Edit"
        return self.push(
            set_item_field(session, "opportunities", opportunity_id, field, value, label=label)
        )

    def vote(self, opportunity_id: str, step: int) -> bool:
        opportunity = self.controller.session.find("opportunities", opportunity_id)
        if opportunity is None:
            return False
        votes = min(max(opportunity.votes + step, 0), MAX_COUNT)
        if votes == opportunity.votes:
            return False
        self.select(opportunity_id)
        return self.push(
            set_item_field(
                self.controller.session,
                "opportunities",
                opportunity_id,
                "votes",
                votes,
                label="Add a vote" if step > 0 else "Remove a vote",
            )
        )

    def move_point(self, opportunity_id: str, value: int, cost: int) -> bool:
        """A point dropped on the matrix: value and cost change together, as one step."""
        session = self.controller.session
        opportunity = session.find("opportunities", opportunity_id)
        if opportunity is None:
            return False
        edits: list[Edit] = [
            set_item_field(session, "opportunities", opportunity_id, field, new)
            for field, new in (("value", value), ("cost", cost))
            if getattr(opportunity, field) != new
        ]
        if not edits:
            return False
        self.selected_id = opportunity_id
        return self.push(Batch(tuple(edits), "Move on the matrix"))

    def set_first_project(self, opportunity_id: str, chosen: bool) -> bool:
        """Only one first project: choosing one clears the other in the same step."""
        session = self.controller.session
        edits: list[SetField] = []
        if chosen:
            edits += [
                set_item_field(session, "opportunities", o.id, "first_project", False)
                for o in session.opportunities
                if o.first_project and o.id != opportunity_id
            ]
        edits.append(
            set_item_field(session, "opportunities", opportunity_id, "first_project", chosen)
        )
        if edits[-1].old == edits[-1].new:
            return False
        label = "Choose the first project" if chosen else "Clear the first project"
        return self.push(
            Batch(tuple(edits), label)
            if len(edits) > 1
            else dataclasses.replace(edits[0], label=label)
        )

    def tick(self, criterion_id: str, checked: bool) -> bool:
        """Tick a criterion for the chosen first project (ticks belong to that opportunity)."""
        session = self.controller.session
        first = next((o for o in session.opportunities if o.first_project), None)
        if first is None or criterion_ticked(session, criterion_id, first.id) == checked:
            return False
        status = "discussed" if checked else "open"
        return self.push(
            set_keyed_field(
                session,
                "answers",
                criterion_tick_id(criterion_id, first.id),
                "status",
                status,
                label="Tick first-project criterion",
            )
        )

    def remove_selected(self) -> bool:
        session = self.controller.session
        opportunity = session.find("opportunities", self.selected_id)
        if opportunity is None:
            return False
        ranked = self.model.ids
        row = ranked.index(opportunity.id)
        if self.push(
            remove_item(session, "opportunities", opportunity.id, label="Remove opportunity")
        ):
            after = [i for i in ranked if i != opportunity.id]
            self.select(after[min(row, len(after) - 1)] if after else "")
            self.show_message(
                f"Removed “{opportunity.title or 'Untitled'}”. Undo (Ctrl+Z) brings it back."
            )
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
                self._small_columns_width() + self._title_minimum()
                + 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
            )

        # Too narrow for every column (a 1024-pixel screen beside the notes panel): the
        # list keeps what the room argues about; the rest is in the selected item's form.
        for field in COMPACT_HIDDEN:
            self.table.setColumnHidden(COLUMN[field], False)
        needed = list_needed()
        if needed > width:
            for field in COMPACT_HIDDEN:
                self.table.setColumnHidden(COLUMN[field], True)
            needed = list_needed()
        list_needed_now = needed
        spare = width - list_needed_now - self.main_row.spacing()
        wide = spare >= line * 17
        side = round(min(spare if wide else width, line * 30))
        direction = (QBoxLayout.Direction.LeftToRight if wide
                     else QBoxLayout.Direction.TopToBottom)
        if self.main_row.direction() != direction:
            self.main_row.setDirection(direction)
        side = max(side, round(line * 12))
        if self.chart.size() != QSize(side, side):
            self.chart.setFixedSize(side, side)
        # Row heights follow the title column's new width once the layout has settled.
        QTimer.singleShot(0, self._fit_table)


__all__ = ["MatrixPage"]

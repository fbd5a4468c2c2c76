"""The hiring plan: roles from the framework's catalogue, planned by quarter and checked.

Left, the role catalogue from the content, grouped by the stage at which the framework brings
each role in: purpose and profile for the room, the framework's advice on demand for the
facilitator only (private: hidden while projecting). "Add to plan" adds one hire, one edit.

Right, the plan itself: one row per hire (title, new hire or internal assignment, seniority,
headcount, target quarter, the two skills the checks look at, private notes), the warnings
where the plan contradicts the framework (:func:`workshop.domain.hiring.check_hiring_plan`)
and a timeline by quarter. Rows are kept by hire id and updated in place, so typing in one
row is never interrupted by a change elsewhere; everything is re-read from the session on
every refresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import add_item, move_item, remove_item, set_item_field
from workshop.domain.hiring import (
    CHECKS,
    HiringWarning,
    check_hiring_plan,
    headcount_by_quarter,
    recommended_hire,
)
from workshop.domain.quarters import is_quarter
from workshop.domain.session import Hire, new_id
from workshop.framework.model import Role
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
from workshop.ui.pages.framework_notes import advice_only_rules
from workshop.ui.pages.text import line_editor
from workshop.ui.widgets.hiring_timeline import (
    HiringTimeline,
    TimelineEntry,
    TimelineQuarter,
    TimelineScroll,
)

if TYPE_CHECKING:
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController

MODE_NAMES = {"hire": "New hire", "internal": "Internal"}
SENIORITY_NAMES = {"junior": "Junior", "mid": "Mid-level", "senior": "Senior", "lead": "Lead"}

EMPTY_TEXT = (
    "No roles planned yet — add the first hire from the catalogue (the framework starts with "
    "a product manager who has ML experience)"
)
CATALOGUE_SHOW = "Role catalogue…"
CATALOGUE_HIDE = "Back to the plan"
ADVICE = "Framework's advice"  # the arrow beside the words says whether it is open


def warning_count_text(count: int) -> str:
    return f"⚠ {count} warning{'s' if count != 1 else ''}" if count else ""


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


class HireRow:
    """The widgets of one hire in the plan grid (two grid lines), updated in place."""

    def __init__(self, page: HiringPage, hire_id: str) -> None:
        self.page = page
        self.hire_id = hire_id
        session_title = f"hire_{hire_id}"
        self.title_edit = named(
            line_editor(page, "hires", hire_id, "title", "Rename role"),
            "title_edit",
            "Role title",
        )
        self.title_edit.setPlaceholderText("Role title")
        self.title_edit.setProperty("hire_id", hire_id)
        self.mode_combo = named(QComboBox(), "mode_combo", "New hire or internal assignment")
        for value, name in MODE_NAMES.items():
            self.mode_combo.addItem(name, value)
        self.mode_combo.currentIndexChanged.connect(
            page.on_change(lambda i: self._set("mode", self.mode_combo.itemData(i)))
        )
        self.seniority_combo = named(QComboBox(), "seniority_combo", "Seniority")
        for value, name in SENIORITY_NAMES.items():
            self.seniority_combo.addItem(name, value)
        self.seniority_combo.currentIndexChanged.connect(
            page.on_change(lambda i: self._set("seniority", self.seniority_combo.itemData(i)))
        )
        self.headcount_spin = named(QSpinBox(), "headcount_spin", "Headcount")
        self.headcount_spin.setRange(1, 1000)
        self.headcount_spin.setKeyboardTracking(False)  # one edit per value, not per digit
        self.headcount_spin.valueChanged.connect(
            page.on_change(lambda v: self._set("headcount", int(v)))
        )
        self.quarter_combo = named(QComboBox(), "quarter_combo", "Target quarter")
        self.quarter_combo.currentIndexChanged.connect(
            page.on_change(
                lambda i: self._set("target_quarter", str(self.quarter_combo.itemData(i) or ""))
            )
        )

        self.details = QWidget()
        self.details.setObjectName(f"{session_title}_details")
        self.details_grid = QGridLayout(self.details)
        unit = round(em(page))
        self.details_grid.setContentsMargins(0, 0, 0, 0)
        self.details_grid.setHorizontalSpacing(unit)
        self.details_grid.setVerticalSpacing(max(2, unit // 2))
        self.compact: bool | None = None
        self.ml_check = named(
            QCheckBox("First-hand ML experience"), "ml_experience_check", "First-hand ML experience"
        )
        self.ml_check.setToolTip("Has built or shipped ML before (checked for the first PM)")
        self.ml_check.toggled.connect(page.on_change(lambda on: self._set("ml_experience", on)))
        self.data_check = named(
            QCheckBox("Data-engineering skills"), "data_engineering_check",
            "Data-engineering skills",
        )
        self.data_check.setToolTip("Can take on data engineering until a data engineer joins")
        self.data_check.toggled.connect(
            page.on_change(lambda on: self._set("data_engineering", on))
        )
        self.warning_tag = named(Tag("", "warning"), "hire_warning_tag", "Warnings on this role")
        self.warning_tag.setVisible(False)
        self.notes_edit = named(
            line_editor(page, "hires", hire_id, "notes", "Edit hiring notes"),
            "notes_edit",
            "Private notes on this role",
        )
        self.notes_edit.setPlaceholderText("Private notes (never shown to the room)")
        page.mark_private(self.notes_edit)
        self.up_button = named(QToolButton(), "move_up_button", "Move up")
        self.up_button.setText("▲")  # text, not an arrow icon: it grows with the type
        self.up_button.setToolTip("Move this role up the plan")
        self.up_button.clicked.connect(lambda: page.move_hire(hire_id, -1))
        self.down_button = named(QToolButton(), "move_down_button", "Move down")
        self.down_button.setText("▼")
        self.down_button.setToolTip("Move this role down the plan")
        self.down_button.clicked.connect(lambda: page.move_hire(hire_id, 1))
        self.remove_button = named(QToolButton(), "remove_hire_button", "Remove from the plan")
        self.remove_button.setText("Remove")
        self.remove_button.setToolTip("Remove this role from the plan (Ctrl+Z brings it back)")
        self.remove_button.clicked.connect(lambda: page.remove_hire(hire_id))
        self.set_compact(False)

    def _details_row(self) -> list[QWidget]:
        return [self.ml_check, self.data_check, self.warning_tag, self.notes_edit,
                self.up_button, self.down_button, self.remove_button]

    def wide_width(self) -> int:
        """The width the details need on one line, with room for a few words of notes."""
        # Hidden widgets (a tag with no warning, the notes while projecting) take no room.
        widgets = [w for w in self._details_row() if not w.isHidden()]
        notes = round(self.notes_edit.fontMetrics().averageCharWidth() * 20)
        hints = sum(notes if w is self.notes_edit else w.sizeHint().width() for w in widgets)
        return hints + self.details_grid.horizontalSpacing() * (len(widgets) - 1)

    def set_compact(self, compact: bool) -> None:
        """One line for the details where there is room; on a narrow window the warning tag
        and the notes move to a line of their own rather than push the plan wider than the
        window."""
        if compact == self.compact:
            return
        self.compact = compact
        grid = self.details_grid
        for widget in self._details_row():
            grid.removeWidget(widget)
        for column in range(grid.columnCount()):
            grid.setColumnStretch(column, 0)
        buttons = (self.up_button, self.down_button, self.remove_button)
        grid.addWidget(self.ml_check, 0, 0)
        grid.addWidget(self.data_check, 0, 1)
        if compact:
            grid.setColumnStretch(3, 1)  # empty: keeps the buttons at the right
            grid.addWidget(self.warning_tag, 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(self.notes_edit, 1, 2, 1, 5)
        else:
            grid.addWidget(self.warning_tag, 0, 2)
            grid.addWidget(self.notes_edit, 0, 3)
            grid.setColumnStretch(3, 1)  # the notes take the width; hidden, the gap does
        for column, widget in enumerate(buttons, 4):
            grid.addWidget(widget, 0, column)

    @property
    def line_widgets(self) -> list[QWidget]:
        return [self.title_edit, self.mode_combo, self.seniority_combo, self.headcount_spin,
                self.quarter_combo]

    @property
    def widgets(self) -> list[QWidget]:
        return [*self.line_widgets, self.details]

    def tab_chain(self) -> list[QWidget]:
        return [*self.line_widgets, self.ml_check, self.data_check, self.notes_edit,
                self.up_button, self.down_button, self.remove_button]

    def show_hire(self, hire: Hire, position: int, count: int) -> None:
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(hire.mode)))
        self.seniority_combo.setCurrentIndex(
            max(0, self.seniority_combo.findData(hire.seniority))
        )
        if self.headcount_spin.value() != hire.headcount:
            self.headcount_spin.setValue(hire.headcount)
        # The hiring plan offers the quarters first and "Not planned" after them.
        not_planned, *quarters = quarter_choices(self.page.controller.session, hire.target_quarter)
        fill_combo(self.quarter_combo, [*quarters, not_planned], hire.target_quarter)
        for edit in (self.title_edit, self.notes_edit):
            if not edit.hasFocus():
                edit.setCursorPosition(0)  # a long title or note reads from its start
        self.ml_check.setChecked(hire.ml_experience)
        self.data_check.setChecked(hire.data_engineering)
        self.up_button.setEnabled(position > 0)
        self.down_button.setEnabled(position < count - 1)
        role = self.page.roles.get(hire.role_id)
        described = hire.title or (role.name if role else "Custom role")
        self.details.setAccessibleName(f"Details of {described}")
        self.title_edit.setToolTip(
            f"From the catalogue: {role.name}" if role else "A custom role, not in the catalogue"
        )

    def show_warnings(self, warnings: list[HiringWarning]) -> None:
        self.warning_tag.set_tag(warning_count_text(len(warnings)), "warning")
        self.warning_tag.setToolTip("\n".join(w.rule_title for w in warnings))

    def _set(self, field: str, value: str | int | bool) -> None:
        session = self.page.controller.session
        hire = session.find("hires", self.hire_id)
        if hire is not None and getattr(hire, field) != value:
            name = field.replace("_", " ")
            self.page.push(
                set_item_field(session, "hires", self.hire_id, field, value, f"Edit hire {name}")
            )

    def dispose(self) -> None:
        for widget in self.widgets:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


class PlanGrid(QWidget):
    """The plan as a table: a header line, then two grid lines per hire. Paints zebra bands
    per hire and an accent outline round the hires a warning points at."""

    def __init__(self, page: HiringPage) -> None:
        super().__init__()
        self.page = page
        self.setObjectName("plan_grid")
        self.setAccessibleName("Hiring plan")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 1)
        self.order: list[str] = []  # hire ids in the order they are laid out

    def _span(self, hire_id: str) -> QRectF | None:
        row = self.page.rows.get(hire_id)
        if row is None:
            return None
        tops = [w.geometry().top() for w in row.widgets if w.isVisibleTo(self)]
        bottoms = [w.geometry().bottom() for w in row.widgets if w.isVisibleTo(self)]
        if not tops:
            return None
        gap = self.grid.verticalSpacing() / 2
        return QRectF(0, min(tops) - gap, self.width(), max(bottoms) - min(tops) + 2 * gap)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        band = palette.color(QPalette.ColorRole.AlternateBase)
        accent = palette.color(QPalette.ColorRole.Highlight)
        text = palette.color(QPalette.ColorRole.WindowText)
        separator = QColor(text)
        separator.setAlphaF(0.35)
        width = max(2.0, em(self) / 4)
        for index, hire_id in enumerate(self.order):
            span = self._span(hire_id)
            if span is None:
                continue
            if index % 2 == 1:
                painter.fillRect(span, band)
            if index > 0:  # a hairline between hires: each one's two lines read as one row
                painter.setPen(QPen(separator, 1))
                painter.drawLine(QPointF(0, span.top()), QPointF(self.width(), span.top()))
            if hire_id in self.page.selected:
                painter.setPen(QPen(accent, width))
                painter.drawRect(span.adjusted(width / 2, width / 2, -width / 2, -width / 2))
        first = self._span(self.order[0]) if self.order else None
        if first is not None:
            painter.setPen(QPen(text, 1))
            painter.drawLine(QPointF(0, first.top()), QPointF(self.width(), first.top()))
        painter.end()


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
        self.rows: dict[str, HireRow] = {}
        self.role_cards: dict[str, RoleCard] = {}
        self.selected: frozenset[str] = frozenset()
        self.warnings: list[HiringWarning] = []
        self._warning_cards: list[WarningCard] = []
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
        self.refresh()

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
        intro = self.muted(plain_label(
            "The roles the framework brings in at each stage. Add the ones this organisation "
            "needs to the plan."
        ))
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

        self.plan_grid = PlanGrid(self)
        grid = self.plan_grid.grid
        grid.setHorizontalSpacing(unit)
        grid.setVerticalSpacing(max(2, unit // 2))
        self.headings: list[QWidget] = []
        for column, text in enumerate(
            ("Role", "Assignment", "Seniority", "People", "Target quarter")
        ):
            heading = self.muted(named(plain_label(text, wrap=False), f"heading_{column}", text))
            self.scaled(heading, SECONDARY, bold=True)
            grid.addWidget(heading, 0, column, Qt.AlignmentFlag.AlignBottom)
            self.headings.append(heading)
        layout.addWidget(self.plan_grid)

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
        self.timeline_legend = self.muted(named(plain_label(
            "● New: a hire from outside  ·  ◆ Internal: someone assigned from inside"
        ), "timeline_legend", "Legend"))
        self.scaled(self.timeline_legend, SECONDARY)
        layout.addWidget(self.timeline_legend)
        self.timeline = HiringTimeline()
        self.timeline_scroll = TimelineScroll(self.timeline)
        layout.addWidget(self.timeline_scroll)
        self.unscheduled_label = named(plain_label(), "unscheduled_label", "Not scheduled")
        layout.addWidget(self.unscheduled_label)
        layout.addStretch(1)
        return scroll

    # --- reading -------------------------------------------------------------------------

    @property
    def projecting(self) -> bool:
        return self._projecting

    def refresh(self) -> None:
        with self.filling():
            session = self.controller.session
            hires = list(session.hires)
            self.warnings = check_hiring_plan(self.framework, session)
            self.selected = frozenset(i for i in self.selected if session.find("hires", i))
            self._fill_rows(hires)
            self._fill_catalogue(hires)
            self._fill_warnings()
            self._fill_timeline(hires)
            planned = bool(hires)
            self.empty_state.setVisible(not planned)
            self.plan_grid.setVisible(planned)
            for widget in (self.checks_title, self.timeline_title, self.timeline_legend):
                widget.setVisible(planned)
            self.no_warnings.setVisible(planned and not self.warnings)
            self.warnings_box.setVisible(planned and bool(self.warnings))
            people = sum(h.headcount for h in hires)
            summary = f"{people} {'person' if people == 1 else 'people'} planned"
            if self.warnings:
                self.summary_tag.set_tag(f"{summary} · {warning_count_text(len(self.warnings))}",
                                         "warning")
            else:
                self.summary_tag.set_tag(summary if hires else "", "neutral")
            self._fit_rows()  # a warning tag or the notes came or went
            self.plan_grid.update()

    def _fill_rows(self, hires: list[Hire]) -> None:
        wanted = [h.id for h in hires]
        for gone in [i for i in self.rows if i not in wanted]:
            row = self.rows.pop(gone)
            self._private.remove(row.notes_edit)  # about to be deleted
            row.dispose()
        grid = self.plan_grid.grid
        if self.plan_grid.order != wanted:
            for row in self.rows.values():
                for widget in row.widgets:
                    grid.removeWidget(widget)
            for position, hire_id in enumerate(wanted):
                if hire_id not in self.rows:
                    self.rows[hire_id] = HireRow(self, hire_id)
                row = self.rows[hire_id]
                line = 1 + position * 2
                for column, widget in enumerate(row.line_widgets):
                    grid.addWidget(widget, line, column)
                grid.addWidget(row.details, line + 1, 0, 1, len(row.line_widgets))
            self.plan_grid.order = wanted
            chain: list[QWidget] = [w for hire_id in wanted for w in self.rows[hire_id].tab_chain()]
            for first, second in zip(chain, chain[1:], strict=False):
                QWidget.setTabOrder(first, second)
            self.show_new_children(self.plan_grid)
        by_hire: dict[str, list[HiringWarning]] = {}
        for warning in self.warnings:
            for hire_id in warning.hire_ids:
                by_hire.setdefault(hire_id, []).append(warning)
        for position, hire in enumerate(hires):
            row = self.rows[hire.id]
            row.show_hire(hire, position, len(hires))
            row.show_warnings(by_hire.get(hire.id, []))

    def _fill_catalogue(self, hires: list[Hire]) -> None:
        people: dict[str, int] = {}
        for hire in hires:
            people[hire.role_id] = people.get(hire.role_id, 0) + hire.headcount
        for role_id, card in self.role_cards.items():
            card.show_planned(people.get(role_id, 0))

    def _fill_warnings(self) -> None:
        shown = [(w.rule_id, w.message, w.hire_ids) for w in self.warnings]
        built = [(c.warning.rule_id, c.warning.message, c.warning.hire_ids)
                 for c in self._warning_cards]
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
        columns = [
            TimelineQuarter(q.quarter, q.label, q.added, q.total) for q in timeline.quarters
        ]
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
        """Add one hire to the end of the plan (one edit) and put the cursor in its title."""
        role = self.roles.get(role_id)
        hire = (
            recommended_hire(role, new_id(), title)
            if role is not None
            else Hire(id=new_id(), role_id=role_id, title=title, target_quarter="")
        )
        session = self.controller.session
        if not self.push(add_item(session, "hires", hire, label=f"Add {title} to the plan")):
            return False
        row = self.rows.get(hire.id)
        if row is not None and self.plan_scroll.isVisible():
            self.plan_scroll.ensureWidgetVisible(row.details)
            row.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif row is not None:  # the catalogue has the window to itself: say where it went
            self.show_message(f"Added “{title}” to the plan.")
        return True

    def add_custom_role(self) -> None:
        title = self.custom_edit.text().strip()
        if title and self.add_hire("", title):
            self.custom_edit.clear()

    def move_hire(self, hire_id: str, step: int) -> None:
        session = self.controller.session
        index = session.index_of("hires", hire_id)
        target = index + step
        if 0 <= target < len(session.hires):
            self.push(move_item(session, "hires", hire_id, target, "Reorder the hiring plan"))
            row = self.rows.get(hire_id)
            if row is not None:  # keep the keyboard on the row that moved
                button = row.up_button if step < 0 else row.down_button
                (button if button.isEnabled() else row.title_edit).setFocus()

    def remove_hire(self, hire_id: str) -> None:
        session = self.controller.session
        hire = session.find("hires", hire_id)
        if hire is None:
            return
        name = self.hire_name(hire)
        if self.push(remove_item(session, "hires", hire_id, f"Remove {name} from the plan")):
            self.show_message(f"Removed “{name}” from the plan — Ctrl+Z brings it back.")

    def select_hires(self, hire_ids: tuple[str, ...]) -> None:
        """Outline the hires a warning is about, in the plan and on the timeline."""
        self.selected = frozenset(hire_ids)
        self.plan_grid.update()
        self.timeline.set_selected(self.selected)
        first = next((self.rows[i] for i in self.plan_grid.order if i in self.selected), None)
        if first is not None:
            self.plan_scroll.ensureWidgetVisible(first.title_edit)
            first.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_projecting(self, projecting: bool) -> None:
        super().set_projecting(projecting)
        self.refresh()

    def flush(self) -> None:
        for row in self.rows.values():
            if shiboken6.isValid(row.title_edit):
                row.title_edit.commit()
                row.notes_edit.commit()

    # --- fitting the panes -----------------------------------------------------------------

    @property
    def narrow(self) -> bool:
        """Too narrow for catalogue and plan side by side (a 1024-pixel projector, large
        type): they then take turns, switched by the catalogue button."""
        plan = self.plan_grid.minimumSizeHint().width() + self.plan_scroll.verticalScrollBar(
        ).sizeHint().width() + round(em(self) * 3)
        return self.width() < plan + self._catalogue_minimum()

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

    def _fit_rows(self) -> None:
        # All rows alike (a table whose rows change shape reads badly).
        room = self.plan_scroll.viewport().width() - round(em(self) * 2)
        compact = any(row.wide_width() > room for row in self.rows.values())
        for row in self.rows.values():
            row.set_compact(compact)

    def _fit_panes(self) -> None:
        self._fit_rows()
        self.catalogue.setMinimumWidth(self._catalogue_minimum())
        if not self._panes_sized and self.isVisible():
            # A first split by the type size: the catalogue about forty characters wide.
            catalogue = max(self._catalogue_minimum(),
                            min(round(self.fontMetrics().averageCharWidth() * 42),
                                round(self.width() * 0.35)))
            self.splitter.setSizes([catalogue, max(1, self.width() - catalogue)])
            self._panes_sized = True
        narrow = self.narrow
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
        self._fit_rows()  # again: the plan pane's width depends on the catalogue's

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "timeline"):  # built
            self.timeline.updateGeometry()
            self._fit_panes()


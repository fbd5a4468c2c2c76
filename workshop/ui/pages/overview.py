"""The workshop overview: details, sponsor, target stage, participants and the agenda.

Everything here is editable and every change is one domain edit (so it is saved at once and
can be undone). Text fields are the shell's bound fields; tables turn a cell edit into an
edit of that one item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import (
    AddItem,
    Batch,
    Edit,
    add_item,
    remove_item,
    set_item_field,
    set_session_field,
)
from workshop.domain.session import AgendaSection, Participant, new_id
from workshop.ui.pages.base import register
from workshop.ui.pages.cell_editors import commit_open_editor
from workshop.ui.pages.common import (
    SECONDARY,
    SECTION,
    TITLE,
    BasePage,
    EmptyState,
    em,
    named,
    plain_label,
    pydate,
    qdate,
    scroll_area,
)
from workshop.ui.pages.framework_notes import principles_box, principles_text
from workshop.ui.pages.participants import (
    ParticipantsTable,
    participants_state,
    set_participant,
)
from workshop.ui.pages.text import line_editor
from workshop.ui.widgets.date_edit import DateEdit
from workshop.vocab import StatementSet

if TYPE_CHECKING:
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATEMENT_SETS = tuple(StatementSet.choices())


def minutes_in_words(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    return f"{hours} h" if hours else f"{rest} min"


@register
class OverviewPage(BasePage):
    page_type = "overview"
    report_sections = ("summary",)

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = scroll_area("overview_scroll", "Overview")
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = self.page_layout(body)
        unit = round(em(self))

        title = named(plain_label(page.title or "Workshop overview"), "title_label")
        self.scaled(title, TITLE, bold=True)
        layout.addWidget(title)
        layout.addWidget(self.message)

        # --- details ---
        details = plain_label("Workshop")
        self.scaled(details, SECTION, bold=True)
        layout.addWidget(details)
        form = QFormLayout()
        form.setHorizontalSpacing(unit * 2)
        form.setVerticalSpacing(unit)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        for field, label in (
            ("organisation", "Organisation"),
            ("title", "Workshop title"),
            ("facilitator", "Facilitator"),
            ("sponsor", "Executive sponsor"),
            ("sponsor_role", "Sponsor's role"),
        ):
            edit = named(
                line_editor(self, None, "", field, f"Edit {label.lower()}"), f"{field}_edit", label
            )
            self.fields[field] = edit
            form.addRow(f"{label}:", edit)
        self.date_edit = named(DateEdit(), "workshop_date_edit", "Workshop date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setKeyboardTracking(False)
        self.date_edit.dateChanged.connect(self.on_change(self._date_changed))
        form.insertRow(2, "Date:", self.date_edit)
        self.target_combo = named(QComboBox(), "target_stage_combo", "Target stage")
        self.target_combo.addItem("Not chosen yet", "")
        for stage in self.framework.stages:
            self.target_combo.addItem(stage.name, stage.id)
        self.target_combo.currentIndexChanged.connect(
            self.on_change(lambda i: self._set("target_stage", self.target_combo.itemData(i)))
        )
        form.addRow("Target stage:", self.target_combo)
        self.set_combo = named(QComboBox(), "statement_set_combo", "Maturity statements")
        for value, label in STATEMENT_SETS:
            self.set_combo.addItem(label, value)
        self.set_combo.currentIndexChanged.connect(
            self.on_change(lambda i: self._set("statement_set", self.set_combo.itemData(i)))
        )
        form.addRow("Maturity check:", self.set_combo)
        # Keep the form to a readable width on wide screens.
        form_box = QWidget()
        form_box.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        form_box.setMaximumWidth(round(self.fontMetrics().averageCharWidth() * 90))
        layout.addWidget(form_box)
        layout.addSpacing(unit)

        # --- participants ---
        head = QHBoxLayout()
        people = plain_label("Participants", wrap=False)
        self.scaled(people, SECTION, bold=True)
        head.addWidget(people)
        head.addStretch(1)
        self.add_participant_button = named(
            QPushButton("Add participant"), "add_participant_button", "Add a participant"
        )
        self.add_participant_button.clicked.connect(self.add_participant)
        self.remove_participant_button = named(
            QPushButton("Remove"), "remove_participant_button", "Remove the selected participant"
        )
        self.remove_participant_button.clicked.connect(self.remove_participants)
        head.addWidget(self.add_participant_button)
        head.addWidget(self.remove_participant_button)
        layout.addLayout(head)
        self.participants_table = named(
            ParticipantsTable(self._set_participant), "participants_table", "Participants"
        )
        self.participants_table.delete_requested.connect(self.remove_participants)
        layout.addWidget(self.participants_table)
        self.participants_empty = named(
            EmptyState(
                "No participants yet — press “Add participant” and type a name and "
                "role (for example “CTO”)."
            ),
            "participants_empty",
        )
        layout.addWidget(self.participants_empty)
        layout.addSpacing(unit)

        # --- agenda ---
        agenda_head = QHBoxLayout()
        agenda = plain_label("Agenda", wrap=False)
        self.scaled(agenda, SECTION, bold=True)
        agenda_head.addWidget(agenda)
        self.total_label = self.muted(named(plain_label(wrap=False), "agenda_total", "Total"))
        self.scaled(self.total_label, SECONDARY)
        agenda_head.addWidget(self.total_label)
        agenda_head.addStretch(1)
        layout.addLayout(agenda_head)
        self.agenda_table = named(QTableWidget(0, 3), "agenda_table", "Agenda")
        self.agenda_table.setHorizontalHeaderLabels(["Section", "Planned minutes", "Spent"])
        self.agenda_table.verticalHeader().setVisible(False)
        self.agenda_table.setAlternatingRowColors(True)
        header = self.agenda_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.agenda_table.itemChanged.connect(self.on_change(self._agenda_title_changed))
        layout.addWidget(self.agenda_table)
        self._agenda_ids: list[str] = []
        self.minute_boxes: dict[str, QSpinBox] = {}

        self.agenda_empty = QWidget()
        empty_layout = QHBoxLayout(self.agenda_empty)
        empty_layout.setContentsMargins(0, 0, 0, 0)
        empty_layout.addWidget(
            named(
                EmptyState("No agenda yet — start from a preset, then adjust the minutes."),
                "agenda_empty_text",
            ),
            1,
        )
        self.preset_buttons: list[QPushButton] = []
        for preset in self.framework.presets:
            button = named(
                QPushButton(f"Use {preset.name}"),
                f"preset_{preset.id}_button",
                f"Use the {preset.name} agenda",
            )
            button.clicked.connect(lambda _c=False, p=preset.id: self.apply_preset(p))
            empty_layout.addWidget(button)
            self.preset_buttons.append(button)
        layout.addWidget(self.agenda_empty)
        layout.addWidget(principles_box(self.framework))
        layout.addStretch(1)
        self.refresh()

    # --- reading -------------------------------------------------------------------------

    def guidance(self) -> str:
        """The page's guidance, then the principles that run through the framework."""
        return f"{self.page.guidance}\n\n{principles_text(self.framework)}"

    def refresh(self) -> None:
        with self.filling():
            session = self.controller.session
            self.date_edit.setDate(qdate(session.workshop_date))
            index = self.target_combo.findData(session.target_stage)
            self.target_combo.setCurrentIndex(max(index, 0))
            self.set_combo.setCurrentIndex(max(self.set_combo.findData(session.statement_set), 0))
            self.participants_table.show_state(participants_state(session))
            self.participants_empty.setVisible(not session.participants)
            self.participants_table.setVisible(bool(session.participants))
            self.remove_participant_button.setEnabled(bool(session.participants))
            self._fill_agenda(session.agenda)

    def _fill_agenda(self, sections: list[AgendaSection]) -> None:
        table = self.agenda_table
        ids = [s.id for s in sections]
        if ids != self._agenda_ids:
            table.setRowCount(len(sections))
            self.minute_boxes = {}
            for row, section in enumerate(sections):
                box = named(QSpinBox(), f"minutes_{row}", f"Planned minutes for {section.title}")
                box.setRange(0, 24 * 60)
                box.setSingleStep(5)
                box.setSuffix(" min")
                box.setKeyboardTracking(False)  # one edit per number typed
                box.valueChanged.connect(
                    self.on_change(lambda v, i=section.id: self._minutes_changed(i, v))
                )
                table.setCellWidget(row, 1, box)
                self.minute_boxes[section.id] = box
            self._agenda_ids = ids
            self.sync_fonts(table)
        for row, section in enumerate(sections):
            title = table.item(row, 0)
            if title is None:
                title = QTableWidgetItem()
                table.setItem(row, 0, title)
            if title.text() != section.title:
                title.setText(section.title)
            title.setData(ID_ROLE, section.id)
            box = self.minute_boxes[section.id]
            if box.value() != section.planned_minutes:
                box.setValue(section.planned_minutes)
            spent = QTableWidgetItem(
                minutes_in_words(round(section.actual_seconds / 60))
                if section.actual_seconds
                else "—"
            )
            spent.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            table.setItem(row, 2, spent)
        header = table.horizontalHeader().sizeHint().height()
        table.setFixedHeight(header + table.verticalHeader().length() + 2 * table.frameWidth() + 2)
        table.setVisible(bool(sections))
        self.agenda_empty.setVisible(not sections)
        planned = sum(s.planned_minutes for s in sections)
        self.total_label.setText(
            f"· {len(sections)} sections, {minutes_in_words(planned)} planned" if sections else ""
        )

    # --- changing --------------------------------------------------------------------------

    def _set(self, field: str, value: Any) -> None:
        session = self.controller.session
        if getattr(session, field) != value:
            self.push(set_session_field(session, field, value))

    def _date_changed(self, value: Any) -> None:
        new = pydate(value)
        if new is not None:
            self._set("workshop_date", new)

    def flush(self) -> None:
        """A participant's cell being typed in is committed now (page change, Ctrl+S)."""
        commit_open_editor(self.participants_table)

    def _set_participant(self, participant_id: str, name: str, value: str) -> bool:
        return self.push(set_participant(self.controller.session, participant_id, name, value))

    def add_participant(self) -> None:
        participant = Participant(id=new_id())
        session = self.controller.session
        if self.push(add_item(session, "participants", participant, label="Add participant")):
            self.participants_table.edit_first_cell(participant.id)

    def remove_participants(self) -> None:
        session = self.controller.session
        ids = self.participants_table.selected_ids()
        order = sorted(ids, key=lambda i: session.index_of("participants", i), reverse=True)
        edits: list[Edit] = [
            remove_item(session, "participants", i, "Remove participant") for i in order
        ]
        if edits:
            self.push(edits[0] if len(edits) == 1 else Batch(tuple(edits), "Remove participants"))

    def _agenda_title_changed(self, cell: QTableWidgetItem) -> None:
        section_id = cell.data(ID_ROLE)
        session = self.controller.session
        section = session.find("agenda", section_id) if section_id else None
        if section is not None and cell.column() == 0 and section.title != cell.text():
            self.push(set_item_field(session, "agenda", section_id, "title", cell.text()))

    def _minutes_changed(self, section_id: str, minutes: int) -> None:
        session = self.controller.session
        section = session.find("agenda", section_id)
        if section is not None and section.planned_minutes != minutes:
            self.push(
                set_item_field(
                    session,
                    "agenda",
                    section_id,
                    "planned_minutes",
                    minutes,
                    label="Change planned minutes",
                )
            )

    def apply_preset(self, preset_id: str) -> None:
        """Fill an empty agenda from a preset, with its statement set, as one step."""
        session = self.controller.session
        preset = self.framework.preset(preset_id)
        edits: list[Edit] = [
            AddItem(
                "agenda",
                AgendaSection(
                    id=new_id(), title=s.title, page_ids=s.pages, planned_minutes=s.minutes
                ),
                index,
            )
            for index, s in enumerate(preset.sections)
        ]
        if session.agenda_preset != preset.id:
            edits.append(set_session_field(session, "agenda_preset", preset.id))
        if session.statement_set != preset.statement_set:
            edits.append(set_session_field(session, "statement_set", preset.statement_set))
        self.push(Batch(tuple(edits), f"Use the {preset.name} agenda"))

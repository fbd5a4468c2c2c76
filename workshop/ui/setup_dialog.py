"""The set-up dialog for a new workshop: who, when, the agenda preset and the target stage.

It only builds a :class:`Session` from what was entered (the library stores it); the
agenda is copied from the chosen preset so the facilitator can then adjust it on the
Overview page.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.agenda import sections_from_preset
from workshop.domain.session import Participant, Session, new_id
from workshop.domain.validation import InvalidValue, check_session
from workshop.framework.model import Framework
from workshop.ui import theme
from workshop.ui.widgets.date_edit import DateEdit
from workshop.ui.widgets.length_counter import limit_length

# The same words as the overview page uses for a workshop with no target stage yet.
NOT_CHOSEN = "Not chosen yet"


def preset_label(name: str, total_minutes: int) -> str:
    """ "Half day (3 h 30)"; a name that already says how long it is stays as it is."""
    if "(" in name:
        return name
    hours, minutes = divmod(total_minutes, 60)
    length = f"{hours} h {minutes:02d}" if minutes else f"{hours} h"
    return f"{name} ({length})"


def _named(widget: QWidget, name: str, accessible: str) -> None:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)


class SetupDialog(QDialog):
    def __init__(self, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.framework = framework
        self.setWindowTitle("New workshop")
        self.setObjectName("setup_dialog")
        theme.window_font_for(self, parent)  # as large as the window behind it

        self.organisation = QLineEdit(self)
        _named(self.organisation, "organisation_edit", "Organisation")
        self.organisation.setPlaceholderText("Company or team")
        self.title_edit = QLineEdit(self)
        _named(self.title_edit, "title_edit", "Workshop title")
        self.title_edit.setPlaceholderText("e.g. ML leadership workshop")
        self.date_edit = DateEdit(QDate.currentDate(), self)
        _named(self.date_edit, "date_edit", "Workshop date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        self.facilitator = QLineEdit(self)
        _named(self.facilitator, "facilitator_edit", "Facilitator")
        self.sponsor = QLineEdit(self)
        _named(self.sponsor, "sponsor_edit", "Executive sponsor")
        self.sponsor.setPlaceholderText("Name")
        self.sponsor_role = QLineEdit(self)
        _named(self.sponsor_role, "sponsor_role_edit", "Executive sponsor's role")
        self.sponsor_role.setPlaceholderText("Role, e.g. CEO")
        for edit, field in (
            (self.organisation, "organisation"),
            (self.title_edit, "title"),
            (self.facilitator, "facilitator"),
            (self.sponsor, "sponsor"),
            (self.sponsor_role, "sponsor_role"),
        ):
            limit_length(edit, None, field)
        sponsor_row = QHBoxLayout()
        sponsor_row.addWidget(self.sponsor, 2)
        sponsor_row.addWidget(self.sponsor_role, 1)

        self.participants = QTableWidget(0, 2, self)
        _named(self.participants, "participants_table", "Participants")
        self.participants.setHorizontalHeaderLabels(["Name", "Role"])
        self.participants.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.participants.verticalHeader().setVisible(False)
        self.participants.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.participants.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_participant_button = QPushButton("&Add participant", self)
        _named(self.add_participant_button, "add_participant_button", "Add participant")
        self.add_participant_button.clicked.connect(self._add_participant_clicked)
        self.remove_participant_button = QPushButton("&Remove participant", self)
        _named(self.remove_participant_button, "remove_participant_button", "Remove participant")
        self.remove_participant_button.clicked.connect(self.remove_selected_participant)
        participant_buttons = QHBoxLayout()
        participant_buttons.addWidget(self.add_participant_button)
        participant_buttons.addWidget(self.remove_participant_button)
        participant_buttons.addStretch(1)

        self.preset_combo = QComboBox(self)
        _named(self.preset_combo, "preset_combo", "Agenda")
        for preset in framework.presets:
            self.preset_combo.addItem(preset_label(preset.name, preset.total_minutes), preset.id)
        self.target_combo = QComboBox(self)
        _named(self.target_combo, "target_stage_combo", "Target stage")
        self.target_combo.addItem(NOT_CHOSEN, "")
        for stage in framework.stages:
            self.target_combo.addItem(f"{stage.order}. {stage.name}", stage.id)

        self.message = QLabel(self)
        self.message.setObjectName("setup_message")
        self.message.setProperty("level", "danger")
        self.message.setWordWrap(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.create_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText("Create workshop")
        self.create_button.setObjectName("create_button")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("&Organisation", self.organisation)
        form.addRow("&Title", self.title_edit)
        form.addRow("&Date", self.date_edit)
        form.addRow("&Facilitator", self.facilitator)
        # A label with a buddy: a bare string beside a layout would show its "&" literally.
        sponsor_label = QLabel("Executive &sponsor", self)
        sponsor_label.setBuddy(self.sponsor)
        form.addRow(sponsor_label, sponsor_row)
        form.addRow("&Agenda", self.preset_combo)
        form.addRow("Target sta&ge", self.target_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Participants", self))
        layout.addWidget(self.participants, 1)
        layout.addLayout(participant_buttons)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.organisation.setFocus()

    # --- participants ---------------------------------------------------------------------

    def add_participant(self, name: str = "", role: str = "") -> int:
        row = self.participants.rowCount()
        self.participants.insertRow(row)
        self.participants.setItem(row, 0, QTableWidgetItem(name))
        self.participants.setItem(row, 1, QTableWidgetItem(role))
        return row

    def _add_participant_clicked(self) -> None:
        row = self.add_participant()
        self.participants.setCurrentCell(row, 0)
        self.participants.setFocus()
        if (cell := self.participants.item(row, 0)) is not None:
            self.participants.editItem(cell)

    def remove_selected_participant(self) -> None:
        row = self.participants.currentRow()
        if row >= 0:
            self.participants.removeRow(row)

    def _participants(self) -> list[Participant]:
        people = []
        for row in range(self.participants.rowCount()):
            cells = [self.participants.item(row, c) for c in (0, 1)]
            name, role = (c.text().strip() if c is not None else "" for c in cells)
            if name or role:
                people.append(Participant(id=new_id(), name=name, role=role))
        return people

    # --- result ---------------------------------------------------------------------------

    def accept(self) -> None:
        if not self.organisation.text().strip():
            self.message.setText("Enter the organisation: the library and the PDF use it.")
            self.organisation.setFocus()
            return
        try:  # the same rules as every edit and import (lengths, unstorable characters...)
            check_session(self.session())
        except InvalidValue as error:
            self.message.setText(f"Cannot create the workshop: {error}")
            return
        super().accept()

    def session(self) -> Session:
        """The new workshop as entered (call after the dialog was accepted)."""
        preset = self.framework.preset(str(self.preset_combo.currentData()))
        qd = self.date_edit.date()
        return Session(
            organisation=self.organisation.text().strip(),
            title=self.title_edit.text().strip() or "ML team maturity workshop",
            workshop_date=date(qd.year(), qd.month(), qd.day()),
            facilitator=self.facilitator.text().strip(),
            sponsor=self.sponsor.text().strip(),
            sponsor_role=self.sponsor_role.text().strip(),
            target_stage=str(self.target_combo.currentData() or ""),
            agenda_preset=preset.id,
            statement_set=preset.statement_set,
            content_version=self.framework.version,
            participants=self._participants(),
            agenda=sections_from_preset(preset),
        )

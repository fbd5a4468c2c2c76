"""The first project's checklist: the framework's criteria as ticks, and its risks.

Kept on its own so that how a tick is stored can change in one place: today each tick is the
:class:`~workshop.domain.session.Answer` keyed by the criterion's id, status "discussed" when
ticked. :func:`tick_edit` and :func:`ticked` are the only two functions that know it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workshop.domain.edits import Edit, set_keyed_field
from workshop.domain.session import Session
from workshop.framework.model import Framework
from workshop.ui.pages.common import SECONDARY, em, named, plain_label

BODY_BOLD_SIZE = 1.0  # the checklist headings: body size, bold


def ticked(session: Session, criterion_id: str) -> bool:
    return session.answer(criterion_id).status == "discussed"


def tick_edit(session: Session, criterion_id: str, checked: bool) -> Edit | None:
    """The edit that ticks (or unticks) one criterion; None when it is already so."""
    if ticked(session, criterion_id) == checked:
        return None
    return set_keyed_field(session, "answers", criterion_id, "status",
                           "discussed" if checked else "open",
                           label="Tick first-project criterion")


class FirstProjectChecklist(QWidget):
    """Criteria on the left (tick each once the room agrees), risks on the right."""

    def __init__(
        self,
        framework: Framework,
        on_tick: Callable[[str, bool], None],
        style: Callable[[QWidget, float, bool], object],
        mute: Callable[[QWidget], object],
    ) -> None:
        super().__init__()
        self.setObjectName("first_project_checklist")
        unit = round(em(self))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(unit * 3)
        self.boxes: dict[str, QCheckBox] = {}
        criteria = QVBoxLayout()
        criteria.setSpacing(unit // 2)
        head = plain_label("Does it meet what the framework asks of a first project?")
        style(head, BODY_BOLD_SIZE, True)
        criteria.addWidget(head)
        for criterion in framework.first_project_criteria:
            if criterion.retired:
                continue
            box = named(QCheckBox(criterion.text), f"criterion_{criterion.id}", criterion.text)
            box.setToolTip(criterion.detail)
            box.toggled.connect(lambda checked, cid=criterion.id: on_tick(cid, checked))
            criteria.addWidget(box)
            detail = plain_label(criterion.detail)
            mute(detail)
            style(detail, SECONDARY, False)
            detail.setContentsMargins(round(em(self) * 3), 0, 0, 0)
            criteria.addWidget(detail)
            self.boxes[criterion.id] = box
        criteria.addStretch(1)
        row.addLayout(criteria, 1)
        risks = QVBoxLayout()
        risks.setSpacing(unit // 2)
        head = plain_label("Risks of an over-ambitious first project")
        style(head, BODY_BOLD_SIZE, True)
        risks.addWidget(head)
        self.risk_labels: list[QLabel] = []
        for risk in framework.first_project_risks:
            if risk.retired:
                continue
            text = named(plain_label(f"⚠ {risk.text}"), f"risk_{risk.id}", risk.text)
            style(text, BODY_BOLD_SIZE, True)
            risks.addWidget(text)
            detail = plain_label(risk.detail)
            mute(detail)
            style(detail, SECONDARY, False)
            risks.addWidget(detail)
        risks.addStretch(1)
        row.addLayout(risks, 1)

    def show_ticks(self, session: Session) -> None:
        for criterion_id, box in self.boxes.items():
            checked = ticked(session, criterion_id)
            if box.isChecked() != checked:
                box.setChecked(checked)

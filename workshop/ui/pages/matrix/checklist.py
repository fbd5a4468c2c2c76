"""The first project's checklist: the framework's criteria as ticks, and its risks.

Kept on its own so that how a tick is stored lives in one place: a tick belongs to the chosen
first project (the :class:`~workshop.domain.session.Answer` keyed by
``criterion_tick_id(criterion, opportunity)``, status "discussed" when ticked). "Data in
place" is not ticked by the room: the data audit answers it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workshop.domain.edits import Edit, set_keyed_field
from workshop.domain.priorities import FirstProjectReview, criterion_tick_id, criterion_ticked
from workshop.domain.session import Session
from workshop.framework.model import Framework
from workshop.ui.pages.common import SECONDARY, em, named, plain_label
from workshop.ui.pages.framework_notes import criterion_label

BODY_BOLD_SIZE = 1.0  # the checklist headings: body size, bold


def tick_edit(session: Session, criterion_id: str, checked: bool) -> Edit | None:
    """The edit that ticks (or unticks) one criterion for the chosen first project; None
    when it is already so or no first project is chosen."""
    first = next((o for o in session.opportunities if o.first_project), None)
    if first is None or criterion_ticked(session, criterion_id, first.id) == checked:
        return None
    return set_keyed_field(
        session,
        "answers",
        criterion_tick_id(criterion_id, first.id),
        "status",
        "discussed" if checked else "open",
        label="Tick first-project criterion",
    )


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
            shown = criterion_label(criterion)
            box = named(QCheckBox(shown), f"criterion_{criterion.id}", criterion.text)
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
        self.risk_flag = named(plain_label(), "first_risk_flag", "This choice carries the risks")
        style(self.risk_flag, BODY_BOLD_SIZE, True)
        self.risk_flag.hide()
        risks.addWidget(self.risk_flag)
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

    def show_ticks(self, review: FirstProjectReview | None) -> None:
        checks = {c.criterion.id: c for c in review.criteria} if review is not None else {}
        for criterion_id, box in self.boxes.items():
            check = checks.get(criterion_id)
            checked = check is not None and check.met
            if box.isChecked() != checked:
                box.setChecked(checked)
            answered_by_audit = check is not None and check.from_audit
            box.setEnabled(not answered_by_audit)
            if answered_by_audit and check is not None:
                box.setToolTip(check.why)
        flags = " ".join(review.risk_flags) if review is not None else ""
        self.risk_flag.setText(f"⚠ {flags}" if flags else "")
        self.risk_flag.setVisible(bool(flags))

"""What the hiring plan shows, as plain data computed from the session (no Qt).

One :class:`PlanRow` per hire with every cell's text and the warnings that point at it, the
warnings themselves, the summary and the people per catalogue role. The plan's model draws
the rows; comparing two states says which rows an edit changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop.domain.hiring import HiringWarning, check_hiring_plan
from workshop.domain.quarters import Quarter, is_quarter
from workshop.domain.session import Hire, Session
from workshop.framework.model import Framework
from workshop.ui.pages.row_state import RowsState
from workshop.vocab import HireMode, Seniority

MODE_NAMES = {mode.value: mode.label for mode in HireMode}
SENIORITY_NAMES = {seniority.value: seniority.label for seniority in Seniority}
NOT_PLANNED = "Not planned"

# (field, heading); the order of the plan's columns.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("title", "Role"),
    ("mode", "Assignment"),
    ("seniority", "Seniority"),
    ("headcount", "People"),
    ("target_quarter", "Target\nquarter"),  # two lines: the column is as wide as its dates
    ("ml_experience", "ML\nexperience"),
    ("data_engineering", "Data\nengineering"),
    ("warnings", "Checks"),
    ("notes", "Private notes"),
)
COLUMN = {name: index for index, (name, _heading) in enumerate(COLUMNS)}
CHECKS = ("ml_experience", "data_engineering")
TEXTS = ("title", "notes")


def warning_count_text(count: int) -> str:
    return f"⚠ {count} warning{'s' if count != 1 else ''}" if count else ""


def quarter_label(value: str) -> str:
    if not value:
        return NOT_PLANNED
    return Quarter.parse(value).label if is_quarter(value) else value


@dataclass(frozen=True)
class PlanRow:
    """One hire as the plan shows it."""

    hire: Hire
    role_name: str  # the catalogue role's name, "" for a custom role
    warnings: tuple[str, ...]  # the titles of the rules it contradicts

    @property
    def id(self) -> str:
        return self.hire.id

    @property
    def name(self) -> str:
        return self.hire.title or self.role_name or "Unnamed role"

    def text(self, column: str) -> str:
        hire = self.hire
        if column == "title":
            return hire.title
        if column == "mode":
            return MODE_NAMES.get(hire.mode, hire.mode)
        if column == "seniority":
            return SENIORITY_NAMES.get(hire.seniority, hire.seniority)
        if column == "headcount":
            return str(hire.headcount)
        if column == "target_quarter":
            return quarter_label(hire.target_quarter)
        if column == "warnings":
            return warning_count_text(len(self.warnings))
        if column == "notes":
            return hire.notes
        return ""


@dataclass(frozen=True)
class HiringState(RowsState[PlanRow]):
    # rows: in plan order
    warnings: tuple[HiringWarning, ...]
    summary: str  # "5 people planned"
    people_by_role: dict[str, int] = field(default_factory=dict)


EMPTY = HiringState(rows=(), warnings=(), summary="")


def hiring_state(framework: Framework, session: Session) -> HiringState:
    roles = {r.id: r.name for r in framework.roles}
    warnings = tuple(check_hiring_plan(framework, session))
    by_hire: dict[str, list[str]] = {}
    for warning in warnings:
        for hire_id in warning.hire_ids:
            by_hire.setdefault(hire_id, []).append(warning.rule_title)
    rows = tuple(
        PlanRow(hire, roles.get(hire.role_id, ""), tuple(by_hire.get(hire.id, ())))
        for hire in session.hires
    )
    people = sum(h.headcount for h in session.hires)
    summary = f"{people} {'person' if people == 1 else 'people'} planned" if rows else ""
    if warnings and rows:
        summary += f" · {warning_count_text(len(warnings))}"
    by_role: dict[str, int] = {}
    for hire in session.hires:
        by_role[hire.role_id] = by_role.get(hire.role_id, 0) + hire.headcount
    return HiringState(rows=rows, warnings=warnings, summary=summary, people_by_role=by_role)

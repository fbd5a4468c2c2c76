"""The closed lists of values a session stores, each with the words a facilitator reads.

One declaration per vocabulary (interview functions, statuses, data readiness, hiring modes,
seniorities, action kinds, statement sets): the session's fields name their vocabulary
(:mod:`workshop.domain.session`), validation and the published JSON Schema derive the allowed
values from it, and the pages, the audience view and the report take their labels from it.
Stored values are the members' plain strings (``StrEnum``), so ``hire.mode == "internal"``
and ``hire.mode == HireMode.INTERNAL`` are the same test and nothing on disk changes.

Each member carries its ``label`` ("In progress"), an optional ``mark`` (a symbol such as
"✓", so a status reads the same in print, on a washed-out projector and for the
colour-blind) and a ``tone`` for the pages' tags ("neutral", "good", "warning", "danger").

This module imports only the standard library: the content loader (which may not import the
domain) reads :class:`InterviewFunction` and :class:`StatementSet` from here too.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Vocabulary(StrEnum):
    """A closed list of stored strings with their display words."""

    label: str
    mark: str
    tone: str

    def __new__(cls, value: str, label: str, mark: str = "", tone: str = "neutral") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.mark = mark
        member.tone = tone
        return member

    @property
    def marked(self) -> str:
        """The label with its symbol in front ("✓ Done"), or the label alone."""
        return f"{self.mark} {self.label}" if self.mark else self.label

    @classmethod
    def values(cls) -> tuple[str, ...]:
        """The stored strings, in the declared order (the order of every picker)."""
        return tuple(member.value for member in cls)

    @classmethod
    def label_of(cls, value: str) -> str:
        """The label for a stored value; an unknown value (a damaged row) shows as itself."""
        # A plain search, not ``cls(value)``: the members' four-part constructor is not the
        # lookup by value that the enum's call does, and type checkers cannot tell the two apart.
        return next((member.label for member in cls if member.value == value), str(value))

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """``(value, label)`` pairs for a combo box."""
        return [(member.value, member.label) for member in cls]


class InterviewFunction(Vocabulary):
    """Who a discovery interview was with (the framework's "who to talk to")."""

    PRODUCT = "product", "Product"
    CUSTOMER_SUCCESS = "customer_success", "Customer success"
    SUPPORT = "support", "Support"
    SALES = "sales", "Sales"
    CLIENT = "client", "Client"
    OTHER = "other", "Other"


class AnswerStatus(Vocabulary):
    OPEN = "open", "Not discussed yet"
    DISCUSSED = "discussed", "Discussed", "✓", "good"
    SKIPPED = "skipped", "Skipped", "", "warning"


class DataReadiness(Vocabulary):
    """Whether the data an opportunity needs is there (the matrix and audit pages)."""

    UNKNOWN = "unknown", "Unknown", "?", "neutral"
    READY = "ready", "Ready", "✓", "good"
    PARTIAL = "partial", "Partial", "◐", "warning"
    MISSING = "missing", "Missing", "✗", "danger"


class AuditStatus(Vocabulary):
    """Whether one piece of data in the data audit is available."""

    AVAILABLE = "available", "Available", "✓", "good"
    PARTIAL = "partial", "Partial", "◐", "warning"
    MISSING = "missing", "Missing", "✗", "danger"
    UNKNOWN = "unknown", "Unknown", "?", "neutral"


class HireMode(Vocabulary):
    HIRE = "hire", "New hire"
    INTERNAL = "internal", "Internal"


class Seniority(Vocabulary):
    JUNIOR = "junior", "Junior"
    MID = "mid", "Mid-level"
    SENIOR = "senior", "Senior"
    LEAD = "lead", "Lead"


class DecisionStatus(Vocabulary):
    OPEN = "open", "Open"
    DECIDED = "decided", "Decided", "✓", "good"


class ActionKind(Vocabulary):
    ACTION = "action", "Action"
    DECISION = "decision", "Decision"
    PARKING = "parking", "Parking lot"


class ActionStatus(Vocabulary):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done", "✓", "good"
    DROPPED = "dropped", "Dropped"


# Actions still to do; "done" and "dropped" ones are history.
OPEN_ACTION_STATUSES: tuple[str, ...] = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class PageStatus(Vocabulary):
    """A page's progress, as the navigator marks it."""

    NOT_STARTED = "not_started", "Not started", "○"
    IN_PROGRESS = "in_progress", "In progress", "◐"
    DONE = "done", "Done", "✓", "good"
    SKIPPED = "skipped", "Skipped", "–"


class StatementSet(Vocabulary):
    """Which maturity statements the check uses: the core set fits a half day."""

    CORE = "core", "Core statements (half day)"
    EXTENDED = "extended", "Core and extended statements (full day)"

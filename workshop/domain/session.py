"""The workshop session and its parts, as plain typed objects (no Qt, no database).

A :class:`Session` holds scalar fields and named *collections* of items. Every item is a
frozen dataclass with a string ``id`` that is unique within its collection; items are
changed only through the edit operations in :mod:`workshop.domain.edits`, which replace an
item with an updated copy. Because items are immutable, an edit (and so the undo stack) can
hold on to an item without it changing underneath.

Items of *keyed* collections (answers, ratings, page records, baseline ratings) use the
content id they refer to as their ``id``: the answer to question ``q_customers`` has
``id == "q_customers"``.

Values are restricted to ``str``, ``int``, ``bool``, ``None``, ``datetime.date`` and tuples
of ``int``/``str``, so every field round-trips through the database and the portable file.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from workshop.domain.fields import (
    COUNT,
    HEADLINE,
    REF,
    FieldSpec,
    cell,
    choice,
    flag,
    line,
    number,
    quarter,
    ref,
    spec_field,
    text,
)
from workshop.vocab import (
    ActionKind,
    ActionStatus,
    AnswerStatus,
    AuditStatus,
    DataReadiness,
    DecisionStatus,
    HireMode,
    InterviewFunction,
    PageStatus,
    Seniority,
    StatementSet,
)

SCORES = (0, 1, 2, 3, 4)
ID = FieldSpec("id", max_length=REF)
MAX_PAGES_PER_SECTION = 500


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


# --- Items --------------------------------------------------------------------------------
# Each field says what it may hold (workshop.domain.fields): one-line text, table-cell text,
# multi-line text, a content reference, a choice from a vocabulary (workshop.vocab), a number
# range, a quarter; and whether it is private. Validation, the JSON Schema, the privacy rules
# and the pages' length counters all read these declarations.


@dataclass(frozen=True)
class Participant:
    id: str = spec_field(ID)
    name: str = line()
    role: str = line()  # job title in the company, e.g. "CTO"


@dataclass(frozen=True)
class Interview:
    """A discovery interview from the pre-work (who, function, what hurts)."""

    FUNCTIONS: ClassVar[tuple[str, ...]] = InterviewFunction.values()
    id: str = spec_field(ID)
    person: str = line()
    function: str = choice(InterviewFunction, InterviewFunction.PRODUCT)
    interview_date: date | None = spec_field(FieldSpec("date"), None)
    pains: str = text()  # what hurts, in their words
    private: bool = flag(marks_private=True)  # never shown to the room or printed


@dataclass(frozen=True)
class AgendaSection:
    """One agenda section of this workshop (copied from a preset, then editable)."""

    id: str = spec_field(ID)
    title: str = line()
    page_ids: tuple[str, ...] = spec_field(
        FieldSpec("ref", max_length=REF, max_items=MAX_PAGES_PER_SECTION), ()
    )
    planned_minutes: int = number(30, 0, 24 * 60)
    actual_seconds: int = number(0, 0, 7 * 24 * 3600)  # recorded by the agenda timer


@dataclass(frozen=True)
class Answer:
    """The room's answer to a content prompt (strategy question, go-to-market item...).

    ``id`` is the content id of the prompt. The facilitator's private note for the page
    lives on the page's :class:`PageRecord`, not here.
    """

    STATUSES: ClassVar[tuple[str, ...]] = AnswerStatus.values()
    id: str = spec_field(ID)
    text: str = text()
    status: str = choice(AnswerStatus, AnswerStatus.OPEN)


@dataclass(frozen=True)
class Rating:
    """The room's rating of one maturity statement (``id`` is the statement id).

    Either a single room ``score`` (0-4), or an anonymous show of hands as ``counts``: how
    many people chose 0, 1, 2, 3 and 4. Never by name. When counts are present they win.
    """

    id: str = spec_field(ID)
    score: int | None = number(None, 0, 4)
    counts: tuple[int, int, int, int, int] = spec_field(
        FieldSpec("number", low=0, high=COUNT), (0, 0, 0, 0, 0)
    )

    @property
    def votes(self) -> int:
        return sum(self.counts)

    @property
    def is_rated(self) -> bool:
        return self.votes > 0 or self.score is not None


@dataclass(frozen=True)
class Opportunity:
    DATA_READINESS: ClassVar[tuple[str, ...]] = DataReadiness.values()
    id: str = spec_field(ID)
    title: str = line()
    description: str = text()
    value: int = number(3, 1, 5)  # 1..5, rubric in the content
    cost: int = number(3, 1, 5)
    confidence: int = number(3, 1, 5)  # how sure the room is of value and cost
    data_readiness: str = choice(DataReadiness, DataReadiness.UNKNOWN)
    votes: int = number(0, 0, COUNT)  # dot votes from the room
    target_quarter: str = quarter()  # "2027-Q1", or "" when not planned
    first_project: bool = flag()
    success_measure: str = line()


@dataclass(frozen=True)
class DataAuditItem:
    STATUSES: ClassVar[tuple[str, ...]] = AuditStatus.values()
    id: str = spec_field(ID)
    opportunity_id: str = ref()  # the opportunity this data supports ("" = general)
    data_needed: str = cell()
    source: str = cell()
    status: str = choice(AuditStatus, AuditStatus.UNKNOWN)
    how_to_collect: str = cell()
    owner: str = line()
    target_quarter: str = quarter()
    blocks_start: bool = flag()  # the opportunity cannot start until this is in place


@dataclass(frozen=True)
class Hire:
    MODES: ClassVar[tuple[str, ...]] = HireMode.values()
    SENIORITIES: ClassVar[tuple[str, ...]] = Seniority.values()
    id: str = spec_field(ID)
    role_id: str = ref()  # a role from the content catalogue, or "" for a custom role
    title: str = line()  # shown name; defaults to the role's name
    mode: str = choice(HireMode, HireMode.HIRE)
    seniority: str = choice(Seniority, Seniority.MID)
    headcount: int = number(1, 1, 1000)
    target_quarter: str = quarter()
    ml_experience: bool = flag()  # first-hand ML experience (checked for the first PM)
    data_engineering: bool = flag()  # can take on data engineering (checked for scientists)
    # "Private notes (never shown to the room)": the facilitator's notes about people.
    notes: str = cell(private=True)


@dataclass(frozen=True)
class Decision:
    STATUSES: ClassVar[tuple[str, ...]] = DecisionStatus.values()
    id: str = spec_field(ID)
    topic_id: str = ref()  # a decision topic from the content
    option_id: str = ref()  # the chosen option ("" = not decided yet)
    rationale: str = text()
    owner: str = line()
    target_quarter: str = quarter()
    status: str = choice(DecisionStatus, DecisionStatus.OPEN)


@dataclass(frozen=True)
class Action:
    KINDS: ClassVar[tuple[str, ...]] = ActionKind.values()
    STATUSES: ClassVar[tuple[str, ...]] = ActionStatus.values()
    id: str = spec_field(ID)
    text: str = cell()
    owner: str = line()
    due: date | None = spec_field(FieldSpec("date"), None)
    status: str = choice(ActionStatus, ActionStatus.OPEN)
    kind: str = choice(ActionKind, ActionKind.ACTION)
    stage: str = ref()  # stage id, or ""
    source_page: str = ref()  # page id it was sent from
    carried_from: str = ref()  # id of the action in the previous workshop it continues
    private: bool = flag(marks_private=True)  # never shown to the room or printed


@dataclass(frozen=True)
class PageRecord:
    """Per-page state: progress and the facilitator's private note (``id`` is the page id)."""

    STATUSES: ClassVar[tuple[str, ...]] = PageStatus.values()
    id: str = spec_field(ID)
    status: str = choice(PageStatus, PageStatus.NOT_STARTED)
    note: str = text(private=True)  # private: never projected, never printed


# --- The session --------------------------------------------------------------------------

# Collection name -> item class. The order is the order of the portable file and the store.
COLLECTIONS: dict[str, type[Any]] = {
    "participants": Participant,
    "interviews": Interview,
    "agenda": AgendaSection,
    "answers": Answer,
    "ratings": Rating,
    "opportunities": Opportunity,
    "audit": DataAuditItem,
    "hires": Hire,
    "decisions": Decision,
    "actions": Action,
    "pages": PageRecord,
    # The previous workshop's ratings, copied when a follow-up is created, so the change
    # since then can be shown even when the previous session is not in this database.
    "baseline_ratings": Rating,
}

# The most items a collection may hold: far above a real workshop (the large sample has 300
# opportunities, 40 hires and 60 actions), low enough that every accepted session prints.
COLLECTION_CAPS: dict[str, int] = {
    "participants": 200,
    "interviews": 200,
    "agenda": 100,
    "answers": 1_000,
    "ratings": 2_000,
    "opportunities": 500,
    "audit": 1_000,
    "hires": 200,
    "decisions": 200,
    "actions": 1_000,
    "pages": 1_000,
    "baseline_ratings": 2_000,
}

# Collections whose item ids are content ids rather than random UUIDs.
KEYED_COLLECTIONS = frozenset({"answers", "ratings", "pages", "baseline_ratings"})


@dataclass
class Session:
    id: str = spec_field(ID, default_factory=new_id)
    organisation: str = line(limit=HEADLINE)  # large on the PDF's cover: a shorter limit
    title: str = line(limit=HEADLINE)
    workshop_date: date = spec_field(FieldSpec("date"), default_factory=date.today)
    facilitator: str = line()
    sponsor: str = line()  # the executive sponsor: the champion named in the roadmap
    sponsor_role: str = line()
    target_stage: str = ref()  # stage id the company aims for
    agenda_preset: str = ref("half_day")
    statement_set: str = choice(StatementSet, StatementSet.CORE)  # half day or full day
    executive_summary: str = text()
    recommendations: str = text()
    follows_up: str = ref()  # UUID of the session this one follows up ("" = first workshop)
    baseline_date: date | None = spec_field(FieldSpec("date"), None)  # of the workshop it follows
    content_version: str = ref()
    created_at: datetime = spec_field(FieldSpec("other"), default_factory=utcnow)
    updated_at: datetime = spec_field(FieldSpec("other"), default_factory=utcnow)

    participants: list[Participant] = field(default_factory=list)
    interviews: list[Interview] = field(default_factory=list)
    agenda: list[AgendaSection] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)
    opportunities: list[Opportunity] = field(default_factory=list)
    audit: list[DataAuditItem] = field(default_factory=list)
    hires: list[Hire] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    pages: list[PageRecord] = field(default_factory=list)
    baseline_ratings: list[Rating] = field(default_factory=list)

    # --- reading -----------------------------------------------------------------------

    def collection(self, name: str) -> list[Any]:
        if name not in COLLECTIONS:
            raise KeyError(f"unknown collection {name!r}")
        items: list[Any] = getattr(self, name)
        return items

    def find(self, collection: str, item_id: str) -> Any | None:
        return next((i for i in self.collection(collection) if i.id == item_id), None)

    def index_of(self, collection: str, item_id: str) -> int:
        for index, item in enumerate(self.collection(collection)):
            if item.id == item_id:
                return index
        raise KeyError(f"no item {item_id!r} in {collection}")

    def answer(self, question_id: str) -> Answer:
        found = self.find("answers", question_id)
        return found if found is not None else Answer(id=question_id)

    def rating(self, statement_id: str) -> Rating:
        found = self.find("ratings", statement_id)
        return found if found is not None else Rating(id=statement_id)

    def page_record(self, page_id: str) -> PageRecord:
        found = self.find("pages", page_id)
        return found if found is not None else PageRecord(id=page_id)

    @property
    def display_name(self) -> str:
        return " — ".join(p for p in (self.organisation, self.title) if p) or "Untitled workshop"


SCALAR_FIELDS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(Session) if f.name not in COLLECTIONS
)
# Fields a user edits; id and timestamps are managed by the store.
EDITABLE_FIELDS: frozenset[str] = frozenset(SCALAR_FIELDS) - {"id", "created_at", "updated_at"}


def item_fields(item_class: type[Any]) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(item_class))

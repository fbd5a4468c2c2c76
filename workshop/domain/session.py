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

SCORES = (0, 1, 2, 3, 4)


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


# --- Items --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Participant:
    id: str
    name: str = ""
    role: str = ""  # job title in the company, e.g. "CTO"


@dataclass(frozen=True)
class Interview:
    """A discovery interview from the pre-work (who, function, what hurts)."""

    FUNCTIONS: ClassVar[tuple[str, ...]] = (
        "product",
        "customer_success",
        "support",
        "sales",
        "client",
        "other",
    )
    id: str
    person: str = ""
    function: str = "product"
    interview_date: date | None = None
    pains: str = ""  # what hurts, in their words
    private: bool = False  # never shown to the room or printed


@dataclass(frozen=True)
class AgendaSection:
    """One agenda section of this workshop (copied from a preset, then editable)."""

    id: str
    title: str = ""
    page_ids: tuple[str, ...] = ()
    planned_minutes: int = 30
    actual_seconds: int = 0  # recorded by the agenda timer


@dataclass(frozen=True)
class Answer:
    """The room's answer to a content prompt (strategy question, go-to-market item...).

    ``id`` is the content id of the prompt. The facilitator's private note for the page
    lives on the page's :class:`PageRecord`, not here.
    """

    STATUSES: ClassVar[tuple[str, ...]] = ("open", "discussed", "skipped")
    id: str
    text: str = ""
    status: str = "open"


@dataclass(frozen=True)
class Rating:
    """The room's rating of one maturity statement (``id`` is the statement id).

    Either a single room ``score`` (0-4), or an anonymous show of hands as ``counts``: how
    many people chose 0, 1, 2, 3 and 4. Never by name. When counts are present they win.
    """

    id: str
    score: int | None = None
    counts: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)

    @property
    def votes(self) -> int:
        return sum(self.counts)

    @property
    def is_rated(self) -> bool:
        return self.votes > 0 or self.score is not None


@dataclass(frozen=True)
class Opportunity:
    DATA_READINESS: ClassVar[tuple[str, ...]] = ("unknown", "ready", "partial", "missing")
    id: str
    title: str = ""
    description: str = ""
    value: int = 3  # 1..5, rubric in the content
    cost: int = 3  # 1..5
    confidence: int = 3  # 1..5: how sure the room is of value and cost
    data_readiness: str = "unknown"
    votes: int = 0  # dot votes from the room
    target_quarter: str = ""  # "2027-Q1", or "" when not planned
    first_project: bool = False
    success_measure: str = ""


@dataclass(frozen=True)
class DataAuditItem:
    STATUSES: ClassVar[tuple[str, ...]] = ("available", "partial", "missing", "unknown")
    id: str
    opportunity_id: str = ""  # the opportunity this data supports ("" = general)
    data_needed: str = ""
    source: str = ""
    status: str = "unknown"
    how_to_collect: str = ""
    owner: str = ""
    target_quarter: str = ""
    blocks_start: bool = False  # the opportunity cannot start until this is in place


@dataclass(frozen=True)
class Hire:
    MODES: ClassVar[tuple[str, ...]] = ("hire", "internal")
    SENIORITIES: ClassVar[tuple[str, ...]] = ("junior", "mid", "senior", "lead")
    id: str
    role_id: str = ""  # a role from the content catalogue, or "" for a custom role
    title: str = ""  # shown name; defaults to the role's name
    mode: str = "hire"
    seniority: str = "mid"
    headcount: int = 1
    target_quarter: str = ""
    ml_experience: bool = False  # first-hand ML experience (checked for the first PM)
    data_engineering: bool = False  # can take on data engineering (checked for scientists)
    notes: str = ""


@dataclass(frozen=True)
class Decision:
    STATUSES: ClassVar[tuple[str, ...]] = ("open", "decided")
    id: str
    topic_id: str = ""  # a decision topic from the content
    option_id: str = ""  # the chosen option ("" = not decided yet)
    rationale: str = ""
    owner: str = ""
    target_quarter: str = ""
    status: str = "open"


@dataclass(frozen=True)
class Action:
    KINDS: ClassVar[tuple[str, ...]] = ("action", "decision", "parking")
    STATUSES: ClassVar[tuple[str, ...]] = ("open", "in_progress", "done", "dropped")
    id: str
    text: str = ""
    owner: str = ""
    due: date | None = None
    status: str = "open"
    kind: str = "action"
    stage: str = ""  # stage id, or ""
    source_page: str = ""  # page id it was sent from
    carried_from: str = ""  # id of the action in the previous workshop it continues
    private: bool = False


@dataclass(frozen=True)
class PageRecord:
    """Per-page state: progress and the facilitator's private note (``id`` is the page id)."""

    STATUSES: ClassVar[tuple[str, ...]] = ("not_started", "in_progress", "done", "skipped")
    id: str
    status: str = "not_started"
    note: str = ""  # private: never projected, never printed


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

# Collections whose item ids are content ids rather than random UUIDs.
KEYED_COLLECTIONS = frozenset({"answers", "ratings", "pages", "baseline_ratings"})


@dataclass
class Session:
    id: str = field(default_factory=new_id)
    organisation: str = ""
    title: str = ""
    workshop_date: date = field(default_factory=date.today)
    facilitator: str = ""
    sponsor: str = ""  # the executive sponsor: the champion named in the roadmap
    sponsor_role: str = ""
    target_stage: str = ""  # stage id the company aims for
    agenda_preset: str = "half_day"
    statement_set: str = "core"  # "core" (half day) or "extended" (full day)
    executive_summary: str = ""
    recommendations: str = ""
    follows_up: str = ""  # UUID of the session this one follows up ("" = first workshop)
    baseline_date: date | None = None  # date of the workshop it follows up
    content_version: str = ""
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)

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

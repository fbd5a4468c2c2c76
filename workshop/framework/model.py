"""Typed objects for the framework content (read from ``resources/framework/*.toml``).

Every item carries a stable ``id`` (never reused or removed; a retired item stays with
``retired = True``) and a :class:`Provenance` that says whether it restates the framework
(and which part of the source text) or is a facilitation aid added by us. Code reads these
objects; code never hard-codes a question, role or option.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Origin(StrEnum):
    FRAMEWORK = "framework"  # restates the maturity framework
    FACILITATION = "facilitation"  # an aid we added to run the workshop


@dataclass(frozen=True)
class Provenance:
    origin: Origin
    # For FRAMEWORK items: the part of the source text restated, e.g. "Exploring / first hires".
    source_part: str = ""

    @property
    def is_aid(self) -> bool:
        return self.origin is Origin.FACILITATION

    @property
    def label(self) -> str:
        """How the app and the PDF mark the item: the same words on every surface."""
        if self.is_aid:
            return AID_LABEL
        return f"Framework · {self.source_part}" if self.source_part else "Framework"


# The mark on every item that is a facilitation aid rather than the framework's own advice.
AID_LABEL = "Facilitation aid"


@dataclass(frozen=True)
class Stage:
    id: str  # "getting_started", "exploring", "building", "scaling", "advanced"
    order: int  # 1..5
    name: str
    summary: str
    purpose: str
    signals: tuple[str, ...]  # you are probably here when...
    exit_signals: tuple[str, ...]  # ready to move on when...
    provenance: Provenance


@dataclass(frozen=True)
class Dimension:
    id: str  # "product", "process", "technical", "organisational"
    name: str
    description: str
    provenance: Provenance


@dataclass(frozen=True)
class StrategyQuestion:
    id: str
    stage: str  # "" for a wrap-up question, which belongs to no stage
    prompt: str
    hint: str  # facilitator hint: private, hidden when projecting
    provenance: Provenance
    retired: bool = False
    # A closing question for the organisation, asked at the end of the workshop and shown
    # again at a follow-up (the framework ends with such questions).
    wrap_up: bool = False


@dataclass(frozen=True)
class Principle:
    """A framework-level principle that runs through every stage."""

    id: str
    title: str
    text: str
    provenance: Provenance
    retired: bool = False


@dataclass(frozen=True)
class InterviewPrompt:
    id: str
    function: str  # "product", "customer_success", "support", "sales", "client"
    function_name: str
    prompts: tuple[str, ...]
    provenance: Provenance
    retired: bool = False


@dataclass(frozen=True)
class Statement:
    """A maturity-check statement, rated 0-4 by the room."""

    id: str
    stage: str
    dimension: str
    text: str
    core: bool  # core set (half-day) or extended (full day)
    anchors: tuple[str, str, str, str, str]  # what 0, 1, 2, 3, 4 mean
    next_step: str  # becomes a suggested action when the statement is not met
    provenance: Provenance
    retired: bool = False


@dataclass(frozen=True)
class Role:
    id: str
    stage: str  # the stage at which the framework brings this role in
    name: str
    purpose: str
    profile: str  # what to look for
    advice: str  # the framework's hiring advice, in our words
    emerging: bool  # a placeholder for emerging roles (Advanced)
    provenance: Provenance
    retired: bool = False
    # How the framework recommends filling the role: a new hire from the catalogue starts so.
    recommended_mode: str = "hire"
    recommended_seniority: str = "mid"
    recommended_ml_experience: bool = False
    recommended_data_engineering: bool = False


@dataclass(frozen=True)
class HiringRule:
    """A rule the hiring plan is checked against (e.g. PM with ML experience first)."""

    id: str
    stage: str
    title: str
    reason: str
    provenance: Provenance
    retired: bool = False
    # The framework says "consider" rather than "do": shown as advice, never as a problem.
    advisory: bool = False


@dataclass(frozen=True)
class DecisionOption:
    id: str
    name: str
    tradeoff: str  # one line
    pros: tuple[str, ...]
    cons: tuple[str, ...]
    retired: bool = False
    # Whether the option itself is named by the framework, and separately whether its
    # trade-off, pros and cons restate the framework or are our own summary for the room.
    provenance: Provenance = Provenance(Origin.FACILITATION)
    tradeoffs_provenance: Provenance = Provenance(Origin.FACILITATION)


@dataclass(frozen=True)
class DecisionTopic:
    id: str
    stage: str
    category: str  # "process", "tech_stack", "org_model", "pods", "tooling"
    title: str
    question: str
    guidance: str
    options: tuple[DecisionOption, ...]
    provenance: Provenance
    retired: bool = False

    def option(self, option_id: str) -> DecisionOption | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class RubricLevel:
    score: int  # 1..5
    meaning: str


@dataclass(frozen=True)
class Quadrant:
    id: str  # "quick_wins", "big_bets", "fill_ins", "money_pits" (names come from content)
    name: str
    high_value: bool
    high_cost: bool
    advice: str
    provenance: Provenance


@dataclass(frozen=True)
class Matrix:
    value_rubric: tuple[RubricLevel, ...]
    cost_rubric: tuple[RubricLevel, ...]
    quadrants: tuple[Quadrant, ...]
    # value >= threshold is "high value"; cost >= threshold is "high cost" (scale 1..5)
    value_threshold: float
    cost_threshold: float
    # The framework asks for a value/cost matrix; the scoring rubrics are our aid.
    rubric_provenance: Provenance = Provenance(Origin.FACILITATION)

    def quadrant(self, high_value: bool, high_cost: bool) -> Quadrant:
        return next(
            q for q in self.quadrants if q.high_value == high_value and q.high_cost == high_cost
        )


@dataclass(frozen=True)
class ChecklistItem:
    """First-project criteria, over-ambition risks and go-to-market items share this shape."""

    id: str
    stage: str
    text: str
    detail: str
    provenance: Provenance
    retired: bool = False


@dataclass(frozen=True)
class Page:
    id: str
    page_type: str  # "overview", "interviews", "question", "maturity", "placement", ...
    stage: str  # stage id, or "" for pages that belong to no stage
    title: str
    # For page types that show one content item (a question page shows one question).
    ref: str = ""
    guidance: str = ""  # the framework's guidance shown in the side panel
    retired: bool = False


@dataclass(frozen=True)
class AgendaSection:
    id: str
    title: str
    minutes: int
    pages: tuple[str, ...]


@dataclass(frozen=True)
class AgendaPreset:
    id: str  # "half_day", "full_day"
    name: str
    statement_set: str  # "core" or "extended"
    sections: tuple[AgendaSection, ...]

    @property
    def total_minutes(self) -> int:
        return sum(s.minutes for s in self.sections)


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    note: str  # a short note on the framework and its source, for the PDF


@dataclass(frozen=True)
class Framework:
    version: str
    source: Source
    stages: tuple[Stage, ...]
    dimensions: tuple[Dimension, ...]
    questions: tuple[StrategyQuestion, ...]
    interview_prompts: tuple[InterviewPrompt, ...]
    statements: tuple[Statement, ...]
    roles: tuple[Role, ...]
    hiring_rules: tuple[HiringRule, ...]
    decisions: tuple[DecisionTopic, ...]
    matrix: Matrix
    first_project_criteria: tuple[ChecklistItem, ...]
    first_project_risks: tuple[ChecklistItem, ...]
    go_to_market: tuple[ChecklistItem, ...]
    pages: tuple[Page, ...]
    presets: tuple[AgendaPreset, ...]
    principles: tuple[Principle, ...] = ()

    @property
    def wrap_up_questions(self) -> tuple[StrategyQuestion, ...]:
        """The live closing questions, in content order."""
        return tuple(q for q in self.questions if q.wrap_up and not q.retired)

    # Lookups by id. Ids are unique across the whole content (checked when loading).
    def stage(self, stage_id: str) -> Stage:
        return next(s for s in self.stages if s.id == stage_id)

    def dimension(self, dimension_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dimension_id)

    def question(self, question_id: str) -> StrategyQuestion:
        return next(q for q in self.questions if q.id == question_id)

    def statement(self, statement_id: str) -> Statement:
        return next(s for s in self.statements if s.id == statement_id)

    def role(self, role_id: str) -> Role:
        return next(r for r in self.roles if r.id == role_id)

    def decision(self, topic_id: str) -> DecisionTopic:
        return next(d for d in self.decisions if d.id == topic_id)

    def page(self, page_id: str) -> Page:
        return next(p for p in self.pages if p.id == page_id)

    def preset(self, preset_id: str) -> AgendaPreset:
        return next(p for p in self.presets if p.id == preset_id)

    def statements_for(
        self, stage_id: str, *, extended: bool = False, dimension: str | None = None
    ) -> tuple[Statement, ...]:
        """Live statements of a stage: the core set, or core + extended for a full day."""
        return tuple(
            s
            for s in self.statements
            if s.stage == stage_id
            and not s.retired
            and (extended or s.core)
            and (dimension is None or s.dimension == dimension)
        )

    def decisions_for_page(self, page: Page) -> tuple[DecisionTopic, ...]:
        """The live decision topics a "decision" page shows.

        A page's ``ref`` is either one topic id, or a decision category ("process",
        "tech_stack", "org_model", "pods", "tooling") meaning every topic of that category
        at the page's stage.
        """
        return tuple(
            d
            for d in self.decisions
            if not d.retired
            and (d.id == page.ref or (d.category == page.ref and d.stage == page.stage))
        )

    def next_stage(self, stage_id: str) -> Stage | None:
        order = self.stage(stage_id).order
        return next((s for s in self.stages if s.order == order + 1), None)

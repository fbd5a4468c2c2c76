"""What the opportunities page shows, as plain data computed from the session (no Qt).

:func:`matrix_state` turns the session into one :class:`MatrixState`: the ranked rows with
every cell's text, what is blocked by data and why, the quadrant counts for the legend and the
first project. The page's widgets only draw it, and comparing two states says which rows an
edit changed, so a vote repaints one row instead of rebuilding the list.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.domain.priorities import FirstProjectReview, first_project_review, prioritise
from workshop.domain.quarters import Quarter, is_quarter
from workshop.domain.session import Opportunity, Session
from workshop.framework.model import Framework
from workshop.ui.pages.row_state import RowsState
from workshop.vocab import DataReadiness

BLOCKED = "⚠ Blocked by data"
FIRST_PROJECT = "★ First project"
NOT_PLANNED = "Not planned"
READINESS_NAMES = {readiness.value: readiness.label for readiness in DataReadiness}
SCORE_FIELDS = ("value", "cost", "confidence")
CONFIDENCE_MEANING = {
    1: "A guess: nobody in the room is sure.",
    2: "Some signs, mostly opinion.",
    3: "Reasonably sure of the main points.",
    4: "Backed by data or a customer's own words.",
    5: "Known: measured or already proven elsewhere.",
}

# (field, heading); the order of the list's columns.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("rank", "#"),
    ("title", "Opportunity"),
    ("quadrant", "Quadrant"),
    ("value", "Value"),
    ("cost", "Cost"),
    ("confidence", "Confidence"),
    ("votes", "Votes"),
    ("data_readiness", "Data"),
    ("target_quarter", "Quarter"),
    ("first_project", "First\nproject"),
)
COLUMN = {name: index for index, (name, _heading) in enumerate(COLUMNS)}
EDITABLE = ("title", "value", "cost", "confidence", "data_readiness", "target_quarter")


def quarter_label(value: str) -> str:
    """How a stored target quarter reads: "Q1 2027", or "Not planned" for none."""
    if not value:
        return NOT_PLANNED
    return Quarter.parse(value).label if is_quarter(value) else value


@dataclass(frozen=True)
class OpportunityRow:
    """One opportunity as the list and the matrix show it."""

    id: str
    rank: int
    title: str
    description: str
    value: int
    cost: int
    confidence: int
    votes: int
    data_readiness: str
    target_quarter: str
    first_project: bool
    success_measure: str
    quadrant: str  # the content's quadrant id
    quadrant_index: int  # its position in the content (marker shape and fill)
    quadrant_name: str
    blocked_reasons: tuple[str, ...]

    @property
    def blocked(self) -> bool:
        return bool(self.blocked_reasons)

    @property
    def shown_title(self) -> str:
        return self.title or "Untitled"

    def text(self, field: str) -> str:
        """The text of one cell of the list."""
        if field == "rank":
            return str(self.rank)
        if field == "title":
            return self.shown_title
        if field == "quadrant":
            return self.quadrant_name + (f"\n{BLOCKED}" if self.blocked else "")
        if field == "votes":
            return str(self.votes)
        if field == "data_readiness":
            return READINESS_NAMES.get(self.data_readiness, self.data_readiness)
        if field == "target_quarter":
            return quarter_label(self.target_quarter)
        if field == "first_project":
            return "★" if self.first_project else ""
        return str(getattr(self, field))


@dataclass(frozen=True)
class LegendEntry:
    quadrant: str
    text: str  # "Quick wins (12): advice…"


@dataclass(frozen=True)
class FirstProject:
    opportunity_id: str
    heading: str  # "★ First project: #3 Title (Quick wins)"
    measure: str  # the success measure, or what to do when there is none


@dataclass(frozen=True)
class MatrixState(RowsState[OpportunityRow]):
    # rows: in rank order
    rule: str
    blocked_rule: str
    legend: tuple[LegendEntry, ...]
    first_project: FirstProject | None
    # The chosen first project checked against the framework (ticks, audit, risks).
    review: FirstProjectReview | None = None

    @property
    def blocked(self) -> tuple[OpportunityRow, ...]:
        return tuple(row for row in self.rows if row.blocked)


def matrix_state(framework: Framework, session: Session) -> MatrixState:
    priorities = prioritise(framework, session)
    by_id = {o.id: o for o in session.opportunities}
    reasons = {b.opportunity_id: b.reasons for b in priorities.blocked}
    positions = {q.id: i for i, q in enumerate(framework.matrix.quadrants)}
    rows = tuple(
        _row(
            by_id[r.opportunity_id],
            r.rank,
            r.quadrant,
            positions.get(r.quadrant, 0),
            r.quadrant_name,
            reasons.get(r.opportunity_id, ()),
        )
        for r in priorities.ranked
    )
    legend = tuple(
        LegendEntry(g.quadrant, f"{g.name} ({len(g.opportunity_ids)}): {g.advice}")
        for g in priorities.quadrants
    )
    first = next((row for row in rows if row.first_project), None)
    return MatrixState(
        rows=rows,
        rule=priorities.rule,
        blocked_rule=priorities.blocked_rule,
        legend=legend,
        first_project=_first_project(first) if first is not None else None,
        review=first_project_review(framework, session, priorities),
    )


def _row(
    o: Opportunity,
    rank: int,
    quadrant: str,
    quadrant_index: int,
    quadrant_name: str,
    blocked_reasons: tuple[str, ...],
) -> OpportunityRow:
    return OpportunityRow(
        id=o.id,
        rank=rank,
        title=o.title,
        description=o.description,
        value=o.value,
        cost=o.cost,
        confidence=o.confidence,
        votes=o.votes,
        data_readiness=o.data_readiness,
        target_quarter=o.target_quarter,
        first_project=o.first_project,
        success_measure=o.success_measure,
        quadrant=quadrant,
        quadrant_index=quadrant_index,
        quadrant_name=quadrant_name,
        blocked_reasons=blocked_reasons,
    )


def _first_project(row: OpportunityRow) -> FirstProject:
    measure = row.success_measure.strip()
    return FirstProject(
        opportunity_id=row.id,
        heading=f"{FIRST_PROJECT}: #{row.rank} {row.shown_title} ({row.quadrant_name})",
        measure=f"Success measure: {measure}"
        if measure
        else "No success measure yet: agree one before the project starts "
        "(select the project above and fill in “Success measure”).",
    )


def rubric(framework: Framework, field: str) -> dict[int, str]:
    """What each score 1–5 of ``field`` means."""
    matrix = framework.matrix
    if field == "value":
        return {level.score: level.meaning for level in matrix.value_rubric}
    if field == "cost":
        return {level.score: level.meaning for level in matrix.cost_rubric}
    if field == "confidence":
        return dict(CONFIDENCE_MEANING)
    return {}


def rubric_text(framework: Framework, field: str) -> str:
    levels = rubric(framework, field)
    if not levels:
        return ""
    lines = [f"{score} — {meaning}" for score, meaning in sorted(levels.items())]
    return f"{field.capitalize()}, 1 to 5:\n" + "\n".join(lines)


def quadrant_advice(framework: Framework, quadrant_id: str) -> str:
    quadrant = next((q for q in framework.matrix.quadrants if q.id == quadrant_id), None)
    return f"{quadrant.name}: {quadrant.advice}" if quadrant else ""

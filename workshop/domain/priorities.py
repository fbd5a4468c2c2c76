"""Which opportunities to pursue first: the value/cost matrix and a ranked list.

The ranking is meant to be argued over in the room, so it is deliberately simple and its
rule is returned as text with the result. Scores are computed with exact fractions, so two
opportunities with the same inputs always tie and the tie-breaks decide, never float noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from workshop.domain.session import DataAuditItem, Opportunity, Session
from workshop.framework.model import Framework
from workshop.vocab import DataReadiness

# Confidence 1..5 scales the value/cost ratio by 0.6 .. 1.0: an idea the room is unsure
# about drops, but a confident cheap idea never loses to an unsure one only for being unsure.
CONFIDENCE_FLOOR = Fraction(6, 10)
CONFIDENCE_STEP = Fraction(1, 10)

# Better data readiness ranks first when everything else ties.
DATA_READINESS_ORDER: dict[str, int] = {
    readiness.value: rank
    for rank, readiness in enumerate(
        (DataReadiness.READY, DataReadiness.PARTIAL, DataReadiness.UNKNOWN, DataReadiness.MISSING)
    )
}

RANKING_RULE = (
    "Priority score = value ÷ cost, scaled by the room's confidence (×0.6 at confidence 1 up "
    "to ×1.0 at confidence 5). Higher scores rank first; equal scores are ordered by more "
    "votes, then by data readiness (ready, partial, unknown, missing), then alphabetically "
    "by title, and identical titles by their fixed internal id."
)
BLOCKED_RULE = (
    "An opportunity is blocked until its data is in place when its data readiness is "
    "'missing', or when a data-audit item marked as blocking the start is not yet available."
)


@dataclass(frozen=True)
class RankedOpportunity:
    rank: int  # 1 = first
    opportunity_id: str
    title: str
    value: int
    cost: int
    confidence: int
    votes: int
    data_readiness: str
    score: float  # rounded for display; the ranking uses the exact value
    quadrant: str  # quadrant id from the content
    quadrant_name: str
    high_value: bool
    high_cost: bool
    blocked: bool
    first_project: bool
    target_quarter: str


@dataclass(frozen=True)
class BlockedOpportunity:
    opportunity_id: str
    title: str
    reasons: tuple[str, ...]  # plain sentences
    audit_item_ids: tuple[str, ...]  # the blocking data-audit items, in audit order


@dataclass(frozen=True)
class QuadrantGroup:
    quadrant: str
    name: str
    advice: str
    high_value: bool
    high_cost: bool
    opportunity_ids: tuple[str, ...]  # in rank order


@dataclass(frozen=True)
class Priorities:
    ranked: tuple[RankedOpportunity, ...]
    rule: str
    blocked: tuple[BlockedOpportunity, ...]  # in rank order
    blocked_rule: str
    quadrants: tuple[QuadrantGroup, ...]  # in content order
    value_threshold: float
    cost_threshold: float

    def entry(self, opportunity_id: str) -> RankedOpportunity:
        return next(r for r in self.ranked if r.opportunity_id == opportunity_id)

    @property
    def first_project(self) -> RankedOpportunity | None:
        return next((r for r in self.ranked if r.first_project), None)


def priority_score(opportunity: Opportunity) -> Fraction:
    """Value ÷ cost × confidence weight, exactly."""
    cost = max(opportunity.cost, 1)  # validation keeps cost in 1..5; never divide by zero
    weight = CONFIDENCE_FLOOR + CONFIDENCE_STEP * (opportunity.confidence - 1)
    return Fraction(opportunity.value, cost) * weight


def _rank_key(opportunity: Opportunity) -> tuple[Fraction, int, int, str, str]:
    return (
        -priority_score(opportunity),
        -opportunity.votes,
        DATA_READINESS_ORDER.get(opportunity.data_readiness, len(DATA_READINESS_ORDER)),
        opportunity.title.casefold(),
        opportunity.id,
    )


def blocking_audit_items(session: Session, opportunity_id: str) -> list[DataAuditItem]:
    return [
        item
        for item in session.audit
        if item.opportunity_id == opportunity_id
        and item.blocks_start
        and item.status != "available"
    ]


def prioritise(framework: Framework, session: Session) -> Priorities:
    """Place every opportunity in a quadrant, rank them, and list those blocked by data."""
    matrix = framework.matrix
    ordered = sorted(session.opportunities, key=_rank_key)
    ranked: list[RankedOpportunity] = []
    blocked: list[BlockedOpportunity] = []
    for rank, opportunity in enumerate(ordered, 1):
        high_value = opportunity.value >= matrix.value_threshold
        high_cost = opportunity.cost >= matrix.cost_threshold
        quadrant = next(
            (
                q
                for q in matrix.quadrants
                if q.high_value == high_value and q.high_cost == high_cost
            ),
            None,
        )
        reasons: list[str] = []
        if opportunity.data_readiness == "missing":
            reasons.append("The data it needs is missing.")
        blockers = blocking_audit_items(session, opportunity.id)
        for item in blockers:
            what = item.data_needed or "Data from the audit"
            reasons.append(f"{what} must be in place first ({item.status}).")
        if reasons:
            blocked.append(
                BlockedOpportunity(
                    opportunity_id=opportunity.id,
                    title=opportunity.title,
                    reasons=tuple(reasons),
                    audit_item_ids=tuple(item.id for item in blockers),
                )
            )
        ranked.append(
            RankedOpportunity(
                rank=rank,
                opportunity_id=opportunity.id,
                title=opportunity.title,
                value=opportunity.value,
                cost=opportunity.cost,
                confidence=opportunity.confidence,
                votes=opportunity.votes,
                data_readiness=opportunity.data_readiness,
                score=round(float(priority_score(opportunity)), 2),
                quadrant=quadrant.id if quadrant else "",
                quadrant_name=quadrant.name if quadrant else "",
                high_value=high_value,
                high_cost=high_cost,
                blocked=bool(reasons),
                first_project=opportunity.first_project,
                target_quarter=opportunity.target_quarter,
            )
        )
    groups = tuple(
        QuadrantGroup(
            quadrant=q.id,
            name=q.name,
            advice=q.advice,
            high_value=q.high_value,
            high_cost=q.high_cost,
            opportunity_ids=tuple(r.opportunity_id for r in ranked if r.quadrant == q.id),
        )
        for q in matrix.quadrants
    )
    return Priorities(
        ranked=tuple(ranked),
        rule=RANKING_RULE,
        blocked=tuple(blocked),
        blocked_rule=BLOCKED_RULE,
        quadrants=groups,
        value_threshold=matrix.value_threshold,
        cost_threshold=matrix.cost_threshold,
    )

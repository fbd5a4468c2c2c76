"""Which opportunities to pursue first: the value/cost matrix and a ranked list.

The ranking is meant to be argued over in the room, so it is deliberately simple and its
rule is returned as text with the result. Scores are computed with exact fractions, so two
opportunities with the same inputs always tie and the tie-breaks decide, never float noise.

The first project gets its own review (:func:`first_project_review`): the framework's
criteria ticked *for that opportunity* (a tick is an :class:`Answer` keyed by criterion and
opportunity, so choosing another first project starts from a clean checklist), "data in
place" read from the data audit rather than ticked, and the framework's risks flagged when
the choice is costly (a Big bet or a Money pit).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from workshop.domain.session import DataAuditItem, Opportunity, Session
from workshop.framework.model import ChecklistItem, Framework, Origin
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
    "to ×1.0 at confidence 5). Higher scores rank first; equal scores are ordered by higher "
    "value (so a quick win never falls below a fill-in of the same score), then by more "
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


# The score × 600 is a whole number whenever the cost divides 60 (every cost from 1 to 5,
# the range validation keeps): ranking on it is as exact as on the fraction and several
# times cheaper, which matters when every vote re-ranks 300 opportunities.
SCORE_SCALE = 600


@lru_cache(maxsize=1024)
def _scaled_score(value: int, cost: int, confidence: int) -> int | Fraction:
    cost = max(cost, 1)
    scaled = value * (5 + confidence) * (SCORE_SCALE // 10)
    return scaled // cost if scaled % cost == 0 else Fraction(scaled, cost)


@lru_cache(maxsize=1024)
def _shown_score(value: int, cost: int, confidence: int) -> float:
    return round(
        float(priority_score(Opportunity(id="", value=value, cost=cost, confidence=confidence))), 2
    )


def _rank_key(opportunity: Opportunity) -> tuple[int | Fraction, int, int, int, str, str]:
    return (
        -_scaled_score(opportunity.value, opportunity.cost, opportunity.confidence),
        -opportunity.value,
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
    blocking: dict[str, list[DataAuditItem]] = {}  # by opportunity, in audit order
    for item in session.audit:
        if item.blocks_start and item.status != "available":
            blocking.setdefault(item.opportunity_id, []).append(item)
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
        blockers = blocking.get(opportunity.id, [])
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
                score=_shown_score(opportunity.value, opportunity.cost, opportunity.confidence),
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


# --- the first project --------------------------------------------------------------------

# The first-project criterion answered by the data audit instead of a tick.
CRITERION_DATA_IN_PLACE = "fp_data_ready"
TICK_SEPARATOR = "@"


def criterion_tick_id(criterion_id: str, opportunity_id: str) -> str:
    """The answer id that holds one criterion's tick for one opportunity."""
    return f"{criterion_id}{TICK_SEPARATOR}{opportunity_id}"


def criterion_ticked(session: Session, criterion_id: str, opportunity_id: str) -> bool:
    """Whether the room ticked ``criterion_id`` for ``opportunity_id``.

    Sessions saved before ticks belonged to an opportunity keep theirs under the criterion's
    own id; such a tick counts for whichever opportunity is the first project.
    """
    keyed = session.find("answers", criterion_tick_id(criterion_id, opportunity_id))
    if keyed is not None:
        return bool(keyed.status == "discussed")
    legacy = session.find("answers", criterion_id)
    first = next((o for o in session.opportunities if o.first_project), None)
    return (
        legacy is not None
        and legacy.status == "discussed"
        and first is not None
        and first.id == opportunity_id
    )


@dataclass(frozen=True)
class CriterionCheck:
    criterion: ChecklistItem
    met: bool
    from_audit: bool  # answered by the data audit, not ticked by the room
    why: str  # for audit-answered criteria: what the audit says

    @property
    def restates_framework(self) -> bool:
        return self.criterion.provenance.origin is Origin.FRAMEWORK


@dataclass(frozen=True)
class FirstProjectReview:
    opportunity_id: str
    title: str
    rank: int
    quadrant_name: str
    success_measure: str
    criteria: tuple[CriterionCheck, ...]  # live criteria, content order
    data_blockers: tuple[str, ...]  # what must be in place first (plain sentences)
    risk_flags: tuple[str, ...]  # why this choice carries the framework's risks
    risks: tuple[ChecklistItem, ...]  # the framework's risks of an over-ambitious project

    @property
    def risky(self) -> bool:
        return bool(self.risk_flags)

    @property
    def met_count(self) -> int:
        return sum(1 for c in self.criteria if c.met)


def first_project_review(
    framework: Framework, session: Session, priorities: Priorities | None = None
) -> FirstProjectReview | None:
    """The chosen first project checked against the framework, or None when none is chosen."""
    priorities = priorities or prioritise(framework, session)
    entry = priorities.first_project
    if entry is None:
        return None
    opportunity = session.find("opportunities", entry.opportunity_id)
    blocked = next(
        (b for b in priorities.blocked if b.opportunity_id == entry.opportunity_id), None
    )
    blockers = blocked.reasons if blocked is not None else ()
    checks: list[CriterionCheck] = []
    for criterion in framework.first_project_criteria:
        if criterion.retired:
            continue
        if criterion.id == CRITERION_DATA_IN_PLACE:
            why = (
                " ".join(blockers)
                if blockers
                else "The data audit shows nothing blocking the start."
            )
            checks.append(CriterionCheck(criterion, not blockers, True, why))
        else:
            ticked = criterion_ticked(session, criterion.id, entry.opportunity_id)
            checks.append(CriterionCheck(criterion, ticked, False, ""))
    flags: list[str] = []
    if entry.high_cost:
        where = f"a {entry.quadrant_name} choice" if entry.quadrant_name else "a costly choice"
        flags.append(
            f"It is {where} with cost {entry.cost} of 5: the framework warns that an "
            "over-ambitious first project can take longer to reach the market, or fail."
        )
    live_risks = tuple(r for r in framework.first_project_risks if not r.retired)
    return FirstProjectReview(
        opportunity_id=entry.opportunity_id,
        title=entry.title,
        rank=entry.rank,
        quadrant_name=entry.quadrant_name,
        success_measure=opportunity.success_measure.strip() if opportunity is not None else "",
        criteria=tuple(checks),
        data_blockers=blockers,
        risk_flags=tuple(flags),
        risks=live_risks,
    )

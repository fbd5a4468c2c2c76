"""Small hand-made frameworks for unit tests of the domain reasoning.

The shipped content changes as it is written; tests of scoring, ranking and planning need
content whose every number is known, so they build it here from the content dataclasses.
"""

from __future__ import annotations

from workshop.framework.model import (
    ChecklistItem,
    DecisionOption,
    DecisionTopic,
    Dimension,
    Framework,
    HiringRule,
    Matrix,
    Origin,
    Provenance,
    Quadrant,
    Role,
    RubricLevel,
    Source,
    Stage,
    Statement,
)

AID = Provenance(Origin.FACILITATION)
FRAMEWORK = Provenance(Origin.FRAMEWORK, "test")

STAGE_IDS = ("getting_started", "exploring", "building", "scaling", "advanced")
STAGE_NAMES = ("Getting Started", "Exploring", "Building", "Scaling", "Advanced")
DIMENSION_IDS = ("product", "process", "technical", "organisational")


def stage(stage_id: str, order: int, name: str) -> Stage:
    return Stage(
        id=stage_id,
        order=order,
        name=name,
        summary=f"{name} summary",
        purpose="",
        signals=(),
        exit_signals=(),
        provenance=FRAMEWORK,
    )


def statement(
    statement_id: str,
    stage_id: str,
    dimension: str,
    *,
    core: bool = True,
    retired: bool = False,
    next_step: str = "",
) -> Statement:
    return Statement(
        id=statement_id,
        stage=stage_id,
        dimension=dimension,
        text=f"Statement {statement_id}",
        core=core,
        anchors=("none", "little", "some", "most", "all"),
        next_step=next_step or f"Do {statement_id}",
        provenance=AID,
        retired=retired,
    )


def one_statement_per_cell(*, stages: tuple[str, ...] = STAGE_IDS) -> tuple[Statement, ...]:
    """One core statement per stage × dimension, with ids like ``exploring.product``."""
    return tuple(
        statement(f"{stage_id}.{dimension}", stage_id, dimension)
        for stage_id in stages
        for dimension in DIMENSION_IDS
    )


def role(role_id: str, stage_id: str, name: str, *, emerging: bool = False) -> Role:
    return Role(
        id=role_id,
        stage=stage_id,
        name=name,
        purpose="",
        profile="",
        advice="",
        emerging=emerging,
        provenance=FRAMEWORK,
    )


def decision_topic(
    topic_id: str, category: str, title: str, options: tuple[str, ...] = ("a", "b")
) -> DecisionTopic:
    return DecisionTopic(
        id=topic_id,
        stage="building",
        category=category,
        title=title,
        question=f"{title}?",
        guidance="",
        options=tuple(
            DecisionOption(id=f"{topic_id}.{o}", name=o.upper(), tradeoff="", pros=(), cons=())
            for o in options
        ),
        provenance=FRAMEWORK,
    )


def hiring_rule(rule_id: str, title: str = "") -> HiringRule:
    return HiringRule(
        id=rule_id,
        stage="exploring",
        title=title or rule_id,
        reason=f"because {rule_id}",
        provenance=FRAMEWORK,
    )


def matrix(value_threshold: float = 3.0, cost_threshold: float = 3.0) -> Matrix:
    rubric = tuple(RubricLevel(score=i, meaning=str(i)) for i in range(1, 6))
    return Matrix(
        value_rubric=rubric,
        cost_rubric=rubric,
        quadrants=(
            Quadrant("quick_wins", "Quick wins", True, False, "do first", AID),
            Quadrant("big_bets", "Big bets", True, True, "plan", AID),
            Quadrant("fill_ins", "Fill-ins", False, False, "when idle", AID),
            Quadrant("money_pits", "Money pits", False, True, "avoid", AID),
        ),
        value_threshold=value_threshold,
        cost_threshold=cost_threshold,
    )


def make_framework(
    *,
    statements: tuple[Statement, ...] | None = None,
    roles: tuple[Role, ...] = (),
    hiring_rules: tuple[HiringRule, ...] = (),
    decisions: tuple[DecisionTopic, ...] = (),
    value_threshold: float = 3.0,
    cost_threshold: float = 3.0,
    first_project_criteria: tuple[ChecklistItem, ...] = (),
    first_project_risks: tuple[ChecklistItem, ...] = (),
) -> Framework:
    """Five stages, four dimensions; one core statement per cell unless told otherwise."""
    return Framework(
        version="test-1",
        source=Source(title="Test framework", publisher="Tests", note=""),
        stages=tuple(
            stage(stage_id, order, name)
            for order, (stage_id, name) in enumerate(zip(STAGE_IDS, STAGE_NAMES, strict=True), 1)
        ),
        dimensions=tuple(
            Dimension(id=d, name=d.capitalize(), description="", provenance=AID)
            for d in DIMENSION_IDS
        ),
        questions=(),
        interview_prompts=(),
        statements=one_statement_per_cell() if statements is None else statements,
        roles=roles,
        hiring_rules=hiring_rules,
        decisions=decisions,
        matrix=matrix(value_threshold, cost_threshold),
        first_project_criteria=first_project_criteria,
        first_project_risks=first_project_risks,
        go_to_market=(),
        pages=(),
        presets=(),
    )


def checklist_item(item_id: str, text: str = "", *, aid: bool = False) -> ChecklistItem:
    return ChecklistItem(
        id=item_id,
        stage="exploring",
        text=text or item_id,
        detail=f"detail of {item_id}",
        provenance=AID if aid else FRAMEWORK,
    )

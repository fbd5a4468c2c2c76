"""Where the organisation stands: scores from the maturity check and the stage it is working on.

Everything here is computed from the content (which statements exist, in which stage and
dimension) and the session's ratings; nothing is stored. The rules are plain constants and
each result carries its rule written out in words, because the facilitator shows the
placement to executives and must be able to say exactly how it was reached.

How one statement is scored:

* an anonymous show of hands (``Rating.counts``) wins when anyone voted: the score is the
  mean of the votes, and the spread of the votes says whether the room disagrees;
* otherwise the single room score (``Rating.score``);
* otherwise the statement is unrated and counts for nothing (never as a zero).

Only live statements of the session's statement set count (the core set for a half day,
core + extended for a full day); ratings of other statements are kept but ignored here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from workshop.domain.session import SCORES, Rating, Session
from workshop.framework.model import Framework, Statement

# A dimension of a stage is met when its statements average at least this (scale 0-4).
REACHED_THRESHOLD = 2.5
# A show of hands whose votes are this far apart (highest minus lowest score) is a
# disagreement worth discussing: e.g. one person says 1 while another says 3.
DISAGREEMENT_RANGE = 2
# A stage with fewer than this share of its statements rated is flagged as thinly covered.
THIN_STAGE_COVERAGE = 0.5

SOURCE_COUNTS = "counts"  # scored from an anonymous show of hands
SOURCE_ROOM = "room"  # one score for the whole room
SOURCE_UNRATED = "unrated"


def _number(value: float) -> str:
    """2.5 -> "2.5", 2.0 -> "2", for rules read out to people."""
    return f"{value:g}"


@dataclass(frozen=True)
class StatementScore:
    statement_id: str
    stage: str
    dimension: str
    text: str
    score: float | None  # 0-4; None when unrated
    source: str  # SOURCE_COUNTS, SOURCE_ROOM or SOURCE_UNRATED
    votes: int  # people in the show of hands (0 when scored for the room)
    counts: tuple[int, int, int, int, int]
    spread: int | None  # highest minus lowest score that got a vote; None without votes
    std_dev: float | None  # population standard deviation of the votes; None without votes
    disagreement: bool

    @property
    def rated(self) -> bool:
        return self.score is not None


@dataclass(frozen=True)
class CellScore:
    """One stage × dimension: the mean of its rated statements."""

    stage: str
    dimension: str
    dimension_name: str
    score: float | None  # None when no statement of the cell is rated
    rated: int
    total: int  # statements of the cell in the session's statement set

    @property
    def coverage(self) -> float:
        return self.rated / self.total if self.total else 0.0

    @property
    def met(self) -> bool:
        return self.score is not None and self.score >= REACHED_THRESHOLD


@dataclass(frozen=True)
class StageScore:
    stage: str
    name: str
    order: int
    # Mean of the dimension scores (each rated dimension weighs the same), None if unrated.
    score: float | None
    rated: int
    total: int
    reached: bool
    cells: tuple[CellScore, ...]  # one per dimension, in framework order

    @property
    def coverage(self) -> float:
        return self.rated / self.total if self.total else 0.0


@dataclass(frozen=True)
class CoverageFlag:
    """Too little was rated to trust a score: a whole stage, or one stage × dimension."""

    stage: str
    dimension: str  # "" when the flag is about the whole stage
    message: str


@dataclass(frozen=True)
class Gap:
    """A statement of the stage being worked on that is not met yet: a suggested action."""

    statement_id: str
    stage: str
    dimension: str
    dimension_name: str
    statement: str
    action: str  # the statement's next step, ready to become an action
    score: float | None  # None when not rated yet
    shortfall: float  # how far below the threshold (the full threshold when unrated)


@dataclass(frozen=True)
class DimensionScore:
    """One bar of a per-dimension chart."""

    dimension: str
    name: str
    score: float | None


@dataclass(frozen=True)
class Placement:
    working_on: str  # stage id: the first stage not yet reached (the last one if all are)
    reached: tuple[str, ...]  # stage ids reached, in framework order
    rule: str  # how a stage is reached, in plain words
    threshold: float
    statement_set: str  # "core" or "extended"
    stages: tuple[StageScore, ...]  # framework order
    statements: tuple[StatementScore, ...]  # every live statement of the set, framework order
    disagreements: tuple[StatementScore, ...]  # widest spread first
    disagreement_rule: str
    thin_coverage: tuple[CoverageFlag, ...]
    coverage_rule: str
    gaps: tuple[Gap, ...]  # furthest below the threshold first
    gaps_rule: str
    chart: tuple[DimensionScore, ...]  # per dimension, for the stage being worked on
    # Per dimension over all stages: the mean of that dimension's cell scores.
    overall_chart: tuple[DimensionScore, ...]

    @property
    def rated_any(self) -> bool:
        return any(s.rated for s in self.statements)

    @property
    def all_reached(self) -> bool:
        return len(self.reached) == len(self.stages) and bool(self.stages)

    def stage_score(self, stage_id: str) -> StageScore:
        return next(s for s in self.stages if s.stage == stage_id)

    def cell(self, stage_id: str, dimension: str) -> CellScore:
        return next(c for c in self.stage_score(stage_id).cells if c.dimension == dimension)

    def stage_chart(self, stage_id: str) -> tuple[DimensionScore, ...]:
        """Per-dimension scores of one stage, for a chart."""
        return tuple(
            DimensionScore(c.dimension, c.dimension_name, c.score)
            for c in self.stage_score(stage_id).cells
        )


# --- scoring one statement -----------------------------------------------------------------


def score_statement(statement: Statement, rating: Rating) -> StatementScore:
    """The score of one statement from its rating: counts first, then the room score."""
    counts = rating.counts
    votes = sum(counts)
    spread: int | None = None
    std_dev: float | None = None
    if votes > 0:
        mean = sum(score * n for score, n in zip(SCORES, counts, strict=True)) / votes
        voted = [score for score, n in zip(SCORES, counts, strict=True) if n > 0]
        spread = max(voted) - min(voted)
        variance = (
            sum(n * (score - mean) ** 2 for score, n in zip(SCORES, counts, strict=True)) / votes
        )
        std_dev = math.sqrt(variance)
        score: float | None = mean
        source = SOURCE_COUNTS
    elif rating.score is not None:
        score = float(rating.score)
        source = SOURCE_ROOM
    else:
        score = None
        source = SOURCE_UNRATED
    return StatementScore(
        statement_id=statement.id,
        stage=statement.stage,
        dimension=statement.dimension,
        text=statement.text,
        score=score,
        source=source,
        votes=votes,
        counts=counts,
        spread=spread,
        std_dev=std_dev,
        disagreement=spread is not None and spread >= DISAGREEMENT_RANGE,
    )


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


# --- the placement -------------------------------------------------------------------------


def place(framework: Framework, session: Session) -> Placement:
    """Score the maturity check of ``session`` and place the organisation at a stage."""
    extended = session.statement_set == "extended"
    ratings = {r.id: r for r in session.ratings}
    stages = sorted(framework.stages, key=lambda s: s.order)
    dimension_names = {d.id: d.name for d in framework.dimensions}

    statement_scores: list[StatementScore] = []
    stage_scores: list[StageScore] = []
    reached: list[str] = []
    earlier_all_reached = True
    for stage in stages:
        scores = [
            score_statement(s, ratings.get(s.id, Rating(id=s.id)))
            for s in framework.statements_for(stage.id, extended=extended)
        ]
        statement_scores.extend(scores)
        cells = tuple(
            _cell(stage.id, dimension.id, dimension.name, scores)
            for dimension in framework.dimensions
        )
        # Dimensions with no statement in this stage's set have nothing to meet.
        measured = [c for c in cells if c.total > 0]
        stage_met = bool(measured) and all(c.met for c in measured)
        is_reached = earlier_all_reached and stage_met
        if is_reached:
            reached.append(stage.id)
        earlier_all_reached = is_reached
        rated_cell_scores = [c.score for c in cells if c.score is not None]
        stage_scores.append(
            StageScore(
                stage=stage.id,
                name=stage.name,
                order=stage.order,
                score=_mean(rated_cell_scores),
                rated=sum(1 for s in scores if s.rated),
                total=len(scores),
                reached=is_reached,
                cells=cells,
            )
        )

    working_on = _working_on(stage_scores)
    working = next((s for s in stage_scores if s.stage == working_on), None)
    chart = (
        tuple(DimensionScore(c.dimension, c.dimension_name, c.score) for c in working.cells)
        if working is not None
        else ()
    )
    overall_chart = tuple(
        DimensionScore(
            d.id,
            d.name,
            _mean(
                [
                    c.score
                    for s in stage_scores
                    for c in s.cells
                    if c.dimension == d.id and c.score is not None
                ]
            ),
        )
        for d in framework.dimensions
    )
    first_stage_name = stages[0].name if stages else "the first stage"
    return Placement(
        working_on=working_on,
        reached=tuple(reached),
        rule=(
            f"A stage is reached when every readiness dimension is rated and averages at least "
            f"{_number(REACHED_THRESHOLD)} out of 4 on that stage's statements, and every "
            f"earlier stage is reached. The organisation is working on the first stage not yet "
            f"reached; everyone starts at {first_stage_name}."
        ),
        threshold=REACHED_THRESHOLD,
        statement_set="extended" if extended else "core",
        stages=tuple(stage_scores),
        statements=tuple(statement_scores),
        disagreements=tuple(
            sorted(
                (s for s in statement_scores if s.disagreement),
                key=lambda s: (-(s.spread or 0), -(s.std_dev or 0.0)),
            )
        ),
        disagreement_rule=(
            f"The room disagrees on a statement when, in the show of hands, the highest and "
            f"lowest scores given are {DISAGREEMENT_RANGE} or more points apart."
        ),
        thin_coverage=tuple(_coverage_flags(stage_scores)),
        coverage_rule=(
            f"Coverage is thin where a stage has less than {THIN_STAGE_COVERAGE:.0%} of its "
            f"statements rated, or a dimension of a stage has none rated."
        ),
        gaps=tuple(_gaps(framework, working_on, statement_scores, dimension_names)),
        gaps_rule=(
            f"What is missing for the next stage: every statement of the stage being worked "
            f"on that scores below {_number(REACHED_THRESHOLD)} or is not rated yet, "
            f"furthest below first."
        ),
        chart=chart,
        overall_chart=overall_chart,
    )


def _cell(
    stage_id: str, dimension: str, dimension_name: str, scores: list[StatementScore]
) -> CellScore:
    in_cell = [s for s in scores if s.dimension == dimension]
    rated = [s.score for s in in_cell if s.score is not None]
    return CellScore(
        stage=stage_id,
        dimension=dimension,
        dimension_name=dimension_name,
        score=_mean(rated),
        rated=len(rated),
        total=len(in_cell),
    )


def _working_on(stage_scores: list[StageScore]) -> str:
    if not stage_scores:
        return ""
    first_open = next((s for s in stage_scores if not s.reached), None)
    # Every stage reached: the organisation works on staying at the last one.
    return (first_open or stage_scores[-1]).stage


def _coverage_flags(stage_scores: list[StageScore]) -> list[CoverageFlag]:
    flags: list[CoverageFlag] = []
    for stage in stage_scores:
        if stage.total == 0:
            continue
        if stage.rated == 0:
            # One flag says it all; a flag per dimension would only repeat it.
            flags.append(CoverageFlag(stage.stage, "", f"{stage.name}: no statement rated yet."))
            continue
        if stage.coverage < THIN_STAGE_COVERAGE:
            flags.append(
                CoverageFlag(
                    stage.stage,
                    "",
                    f"{stage.name}: only {stage.rated} of {stage.total} statements rated.",
                )
            )
        for cell in stage.cells:
            if cell.total > 0 and cell.rated == 0:
                flags.append(
                    CoverageFlag(
                        stage.stage,
                        cell.dimension,
                        f"{stage.name} / {cell.dimension_name}: no statement rated.",
                    )
                )
    return flags


def _gaps(
    framework: Framework,
    working_on: str,
    scores: list[StatementScore],
    dimension_names: dict[str, str],
) -> list[Gap]:
    gaps: list[tuple[float, int, Gap]] = []
    for position, s in enumerate(scores):
        if s.stage != working_on or (s.score is not None and s.score >= REACHED_THRESHOLD):
            continue
        shortfall = REACHED_THRESHOLD - s.score if s.score is not None else REACHED_THRESHOLD
        gaps.append(
            (
                # Scored gaps first (furthest below first), then the ones not rated yet.
                shortfall if s.score is not None else -1.0,
                position,
                Gap(
                    statement_id=s.statement_id,
                    stage=s.stage,
                    dimension=s.dimension,
                    dimension_name=dimension_names.get(s.dimension, s.dimension),
                    statement=s.text,
                    action=framework.statement(s.statement_id).next_step,
                    score=s.score,
                    shortfall=shortfall,
                ),
            )
        )
    gaps.sort(key=lambda g: (-g[0], g[1]))
    return [g for _, _, g in gaps]

"""Follow-up workshops: starting one from the last, and what changed since.

A follow-up is a new session that keeps what the company planned (participants,
opportunities, data audit, hiring plan, decisions, open actions) and a copy of the last
workshop's ratings as its *baseline*. Because the baseline is copied, the change since the
last workshop can be shown even when that session is not in this database (it came from
another facilitator's laptop, or was deleted).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from workshop.domain.placement import Placement, place
from workshop.domain.session import Action, Rating, Session, new_id, utcnow
from workshop.framework.model import Framework
from workshop.vocab import OPEN_ACTION_STATUSES

# Statuses of an action that is not finished: these are carried to the follow-up.
FOLLOW_UP_SUFFIX = " — follow-up"
# Wrap-up questions (the framework's closing questions) share this id prefix in the content;
# their answers are carried to a follow-up as "<question id>@last", shown beside the new ones.
WRAP_UP_PREFIX = "q_wrap_"
LAST_ANSWER_SUFFIX = "@last"


def last_answer_id(question_id: str) -> str:
    """The answer id holding what the last workshop answered to a wrap-up question."""
    return f"{question_id}{LAST_ANSWER_SUFFIX}"


def last_answer(session: Session, question_id: str) -> str:
    """What the last workshop answered to ``question_id`` ("" when nothing was carried)."""
    found = session.find("answers", last_answer_id(question_id))
    return str(found.text) if found is not None else ""


def _difference(before: float | None, after: float | None) -> float | None:
    """After minus before; None when either side was not rated."""
    if before is None or after is None:
        return None
    return after - before


@dataclass(frozen=True)
class CellChange:
    stage: str
    dimension: str
    dimension_name: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        return _difference(self.before, self.after)


@dataclass(frozen=True)
class StageChange:
    stage: str
    name: str
    before: float | None
    after: float | None
    was_reached: bool
    now_reached: bool
    cells: tuple[CellChange, ...]  # one per dimension, framework order

    @property
    def delta(self) -> float | None:
        return _difference(self.before, self.after)


@dataclass(frozen=True)
class CarriedActions:
    """Actions carried over from the last workshop, by where they stand now."""

    open: int
    in_progress: int
    done: int
    dropped: int
    action_ids: tuple[str, ...]  # in list order

    @property
    def total(self) -> int:
        return self.open + self.in_progress + self.done + self.dropped

    @property
    def still_open(self) -> int:
        return self.open + self.in_progress


@dataclass(frozen=True)
class PlacementChange:
    has_baseline: bool  # False: nothing was rated last time, so there is nothing to compare
    baseline_date: date | None
    before: Placement  # the last workshop's ratings, scored with today's content and set
    after: Placement
    stages_moved: int  # positive: the organisation now works on a later stage
    newly_reached: tuple[str, ...]  # stage ids
    no_longer_reached: tuple[str, ...]
    stages: tuple[StageChange, ...]
    improved: tuple[CellChange, ...]  # cells that went up, biggest rise first
    declined: tuple[CellChange, ...]  # cells that went down, biggest fall first
    carried: CarriedActions
    summary: str  # one plain sentence on the stage


def compare(
    framework: Framework, baseline_ratings: list[Rating], current_session: Session
) -> PlacementChange:
    """The change since the last workshop, from its ratings (``session.baseline_ratings``).

    Both sides are scored with the current content and the current session's statement set,
    so a like-for-like comparison is made even if the last workshop used the other set.
    """
    baseline_session = dataclasses.replace(current_session, ratings=list(baseline_ratings))
    before = place(framework, baseline_session)
    after = place(framework, current_session)
    order = {s.id: s.order for s in framework.stages}
    names = {s.id: s.name for s in framework.stages}

    stages: list[StageChange] = []
    for old, new in zip(before.stages, after.stages, strict=True):
        cells = tuple(
            CellChange(
                stage=new.stage,
                dimension=n.dimension,
                dimension_name=n.dimension_name,
                before=o.score,
                after=n.score,
            )
            for o, n in zip(old.cells, new.cells, strict=True)
        )
        stages.append(
            StageChange(
                stage=new.stage,
                name=new.name,
                before=old.score,
                after=new.score,
                was_reached=old.reached,
                now_reached=new.reached,
                cells=cells,
            )
        )
    all_cells = [c for s in stages for c in s.cells]
    moved = order.get(after.working_on, 0) - order.get(before.working_on, 0)
    has_baseline = any(r.is_rated for r in baseline_ratings)
    return PlacementChange(
        has_baseline=has_baseline,
        baseline_date=current_session.baseline_date,
        before=before,
        after=after,
        stages_moved=moved,
        newly_reached=tuple(s for s in after.reached if s not in before.reached),
        no_longer_reached=tuple(s for s in before.reached if s not in after.reached),
        stages=tuple(stages),
        improved=tuple(
            sorted((c for c in all_cells if (c.delta or 0) > 0), key=lambda c: -(c.delta or 0))
        ),
        declined=tuple(
            sorted((c for c in all_cells if (c.delta or 0) < 0), key=lambda c: c.delta or 0)
        ),
        carried=_carried(current_session.actions),
        summary=_summary(has_baseline, before, after, moved, names),
    )


def _summary(
    has_baseline: bool, before: Placement, after: Placement, moved: int, names: dict[str, str]
) -> str:
    if not has_baseline:
        return "The last workshop has no ratings to compare with."
    was = names.get(before.working_on, before.working_on)
    now = names.get(after.working_on, after.working_on)
    if moved > 0:
        return f"Moved on: working on {now}, up from {was} at the last workshop."
    if moved < 0:
        return f"Moved back: working on {now}, where the last workshop placed it at {was}."
    return f"Still working on {now}, as at the last workshop."


def _carried(actions: list[Action]) -> CarriedActions:
    carried = [a for a in actions if a.carried_from]

    def count(status: str) -> int:
        return sum(1 for a in carried if a.status == status)

    return CarriedActions(
        open=count("open"),
        in_progress=count("in_progress"),
        done=count("done"),
        dropped=count("dropped"),
        action_ids=tuple(a.id for a in carried),
    )


def make_follow_up(
    previous: Session, new_date: date, *, content_version: str | None = None
) -> Session:
    """A new session that follows up ``previous`` on ``new_date``.

    Copied (with new ids): participants, opportunities, the data audit (its links to
    opportunities follow the new ids), the hiring plan, decisions, the agenda (times spent
    reset) and the actions still open (``carried_from`` names the old action). The last
    workshop's ratings become the baseline, and its answers to the wrap-up questions are
    carried as "last time" answers (see :func:`last_answer`). Not copied: other answers,
    ratings, interviews, page notes and progress, the executive summary and recommendations:
    those belong to the new workshop. ``content_version`` defaults to the previous session's; pass the content the
    new workshop runs with.
    """
    opportunity_ids = {o.id: new_id() for o in previous.opportunities}
    now = utcnow()
    return Session(
        organisation=previous.organisation,
        title=f"{previous.title}{FOLLOW_UP_SUFFIX}" if previous.title else "Follow-up",
        workshop_date=new_date,
        facilitator=previous.facilitator,
        sponsor=previous.sponsor,
        sponsor_role=previous.sponsor_role,
        target_stage=previous.target_stage,
        agenda_preset=previous.agenda_preset,
        statement_set=previous.statement_set,
        follows_up=previous.id,
        baseline_date=previous.workshop_date,
        content_version=(previous.content_version if content_version is None else content_version),
        created_at=now,
        updated_at=now,
        participants=[dataclasses.replace(p, id=new_id()) for p in previous.participants],
        agenda=[dataclasses.replace(a, id=new_id(), actual_seconds=0) for a in previous.agenda],
        opportunities=[
            dataclasses.replace(o, id=opportunity_ids[o.id]) for o in previous.opportunities
        ],
        audit=[
            dataclasses.replace(
                item,
                id=new_id(),
                # A general item ("") or one whose opportunity is gone keeps its value.
                opportunity_id=opportunity_ids.get(item.opportunity_id, item.opportunity_id),
            )
            for item in previous.audit
        ],
        hires=[dataclasses.replace(h, id=new_id()) for h in previous.hires],
        decisions=[dataclasses.replace(d, id=new_id()) for d in previous.decisions],
        actions=[
            dataclasses.replace(a, id=new_id(), carried_from=a.id)
            for a in previous.actions
            if a.status in OPEN_ACTION_STATUSES
        ],
        answers=[
            dataclasses.replace(a, id=last_answer_id(a.id))
            for a in previous.answers
            if a.id.startswith(WRAP_UP_PREFIX) and "@" not in a.id and a.text.strip()
        ],
        baseline_ratings=list(previous.ratings),
    )

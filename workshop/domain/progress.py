"""Progress across a series of workshops: the first one and its follow-ups.

A company that comes back sees its journey on a time axis: the stage it was working on and
each readiness dimension's score at every workshop, how many of the actions agreed were done
by the next one, and the maturity statements that moved most from the first workshop to the
latest. The app's progress page and the report's progress section draw the same data.

A series comes from the sessions in this database, linked by ``follows_up``
(:func:`series_of`). A follow-up also carries a copy of the last workshop's ratings, so even
alone (the first workshop is on another laptop) it knows two points: the last workshop's
ratings on its ``baseline_date`` and its own (:func:`progress_of`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from workshop.domain.placement import place
from workshop.domain.session import Session
from workshop.framework.model import Framework

DONE = "done"


@dataclass(frozen=True)
class DimensionPoint:
    dimension: str
    name: str
    score: float | None  # mean over all stages, 0-4; None when nothing was rated


@dataclass(frozen=True)
class WorkshopPoint:
    """Where the organisation stood at one workshop of the series."""

    session_id: str  # "" for a point known only from a follow-up's baseline
    title: str
    workshop_date: date
    working_on: str  # stage id
    working_on_name: str
    stage_number: int  # 1..5: the order of the stage being worked on
    stages_reached: int
    dimensions: tuple[DimensionPoint, ...]  # framework order
    actions_agreed: int  # public actions recorded at this workshop (None when unknown: 0)
    actions_done: int  # of those, done by the next workshop (or by now, for the latest)
    rated: bool  # anything rated at all: an unrated point is not drawn


@dataclass(frozen=True)
class StatementMove:
    statement_id: str
    text: str
    stage: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class Progress:
    points: tuple[WorkshopPoint, ...]  # oldest first
    dimension_names: tuple[tuple[str, str], ...]  # (id, name), framework order
    moved_most: tuple[StatementMove, ...]  # first rated workshop -> latest, largest change first

    @property
    def is_series(self) -> bool:
        """Two or more rated workshops: enough to show a journey."""
        return sum(1 for p in self.points if p.rated) >= 2


MOVED_MOST = 5  # statements listed as having moved most


def series_of(session: Session, sessions: Iterable[Session]) -> list[Session]:
    """``session`` and the workshops it follows up (found among ``sessions``), oldest first."""
    by_id = {s.id: s for s in sessions}
    by_id[session.id] = session
    chain = [session]
    seen = {session.id}
    while chain[0].follows_up and chain[0].follows_up in by_id:
        previous = by_id[chain[0].follows_up]
        if previous.id in seen:
            break  # a loop in hand-edited files: stop rather than spin
        seen.add(previous.id)
        chain.insert(0, previous)
    return chain


def progress(framework: Framework, sessions: list[Session]) -> Progress:
    """The journey over ``sessions`` (one company's series, oldest first).

    When the oldest session is itself a follow-up whose predecessor is missing, its baseline
    adds a point at the front, so a follow-up alone still shows where it started.
    """
    ordered = sorted(sessions, key=lambda s: s.workshop_date)
    points: list[WorkshopPoint] = []
    ratings_by_point: list[Session] = []
    first = ordered[0] if ordered else None
    if first is not None and first.follows_up and first.baseline_ratings:
        baseline = dataclasses.replace(
            first, ratings=list(first.baseline_ratings), actions=[], baseline_ratings=[]
        )
        carried = [a for a in first.actions if a.carried_from and not a.private]
        points.append(
            _point(
                framework,
                baseline,
                session_id="",
                title="Last workshop",
                day=first.baseline_date or first.workshop_date,
                agreed=len(carried),
                done=sum(1 for a in carried if a.status == DONE),
            )
        )
        ratings_by_point.append(baseline)
    for index, session in enumerate(ordered):
        public = [a for a in session.actions if not a.private]
        later = ordered[index + 1] if index + 1 < len(ordered) else None
        if later is not None:
            # Done by the next workshop: done then, or carried and marked done there.
            done_then = {a.id for a in public if a.status == DONE}
            done_later = {
                a.carried_from for a in later.actions if a.carried_from and a.status == DONE
            }
            done = len({a.id for a in public} & (done_then | done_later))
        else:
            done = sum(1 for a in public if a.status == DONE)
        points.append(
            _point(
                framework,
                session,
                session_id=session.id,
                title=session.title,
                day=session.workshop_date,
                agreed=len(public),
                done=done,
            )
        )
        ratings_by_point.append(session)
    rated = [s for s, p in zip(ratings_by_point, points, strict=True) if p.rated]
    moved = _moved_most(framework, rated[0], rated[-1]) if len(rated) >= 2 else ()
    return Progress(
        points=tuple(points),
        dimension_names=tuple((d.id, d.name) for d in framework.dimensions),
        moved_most=moved,
    )


def progress_of(framework: Framework, session: Session) -> Progress:
    """The journey a session knows by itself: its baseline (when a follow-up) and itself."""
    return progress(framework, [session])


def _point(
    framework: Framework,
    session: Session,
    *,
    session_id: str,
    title: str,
    day: date,
    agreed: int,
    done: int,
) -> WorkshopPoint:
    placement = place(framework, session)
    stage = framework.stage(placement.working_on)
    return WorkshopPoint(
        session_id=session_id,
        title=title,
        workshop_date=day,
        working_on=stage.id,
        working_on_name=stage.name,
        stage_number=stage.order,
        stages_reached=len(placement.reached),
        dimensions=tuple(
            DimensionPoint(d.dimension, d.name, d.score) for d in placement.overall_chart
        ),
        actions_agreed=agreed,
        actions_done=done,
        rated=placement.rated_any,
    )


def _moved_most(framework: Framework, before: Session, after: Session) -> tuple[StatementMove, ...]:
    old = {s.statement_id: s for s in place(framework, before).statements}
    moves = [
        StatementMove(
            statement_id=new.statement_id,
            text=new.text,
            stage=new.stage,
            before=previous.score,
            after=new.score,
        )
        for new in place(framework, after).statements
        if new.score is not None
        and (previous := old.get(new.statement_id)) is not None
        and previous.score is not None
        and new.score != previous.score
    ]
    moves.sort(key=lambda m: (-abs(m.delta), m.statement_id))
    return tuple(moves[:MOVED_MOST])

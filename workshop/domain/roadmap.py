"""The roadmap: everything the workshop planned, laid out by quarter in lanes.

The window starts at the quarter of the workshop date and runs for ``quarters`` quarters
(six by default: a year and a half is as far as a leadership team plans an ML team).

Lanes, in the order they are drawn, and where their items come from:

* **Hiring** — every hire of the hiring plan, in its target quarter.
* **Projects** — every opportunity, in its target quarter, in priority order; the first
  project is marked.
* **Data** — data-audit items, in their target quarter. Items whose data is already
  available and that nobody scheduled are not work to plan and are left out.
* **Process and tooling** — decisions on process, tech stack and tooling.
* **Organisation** — decisions on the org model and pods.
* **Actions** — open actions (and decisions sent to the actions list) by the quarter of
  their due date. Actions are kept in a lane of their own rather than guessed into the
  lanes above: their text is free, and a guess would put an action where nobody looks for
  it. Finished or dropped actions, the parking lot and private actions are not part of the
  plan and are left out (private ones must never be printed).
* **Target stage** — one milestone, "Reach <stage>", in the last quarter of the window:
  the session records which stage the company aims for, not when, and the end of the plan
  is the honest reading of "by the end of this roadmap".

Nothing that belongs in the plan is dropped: an item with no quarter is listed in
``unscheduled``, one before the window (e.g. an overdue action) in ``earlier``, one after
it in ``later``.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.domain.placement import place
from workshop.domain.priorities import prioritise
from workshop.domain.quarters import Quarter, is_quarter, quarter_range
from workshop.domain.session import Action, Session
from workshop.framework.model import Framework
from workshop.vocab import OPEN_ACTION_STATUSES, ActionKind

DEFAULT_QUARTERS = 6

LANE_HIRING = "hiring"
LANE_PROJECTS = "projects"
LANE_DATA = "data"
LANE_PROCESS = "process_tooling"
LANE_ORGANISATION = "organisation"
LANE_ACTIONS = "actions"
LANE_TARGET = "target_stage"

LANES: tuple[tuple[str, str], ...] = (
    (LANE_HIRING, "Hiring"),
    (LANE_PROJECTS, "Projects"),
    (LANE_DATA, "Data"),
    (LANE_PROCESS, "Process and tooling"),
    (LANE_ORGANISATION, "Organisation"),
    (LANE_ACTIONS, "Actions"),
    (LANE_TARGET, "Target stage"),
)

# Decision topic category (from the content) -> lane.
DECISION_LANES = {
    "process": LANE_PROCESS,
    "tech_stack": LANE_PROCESS,
    "tooling": LANE_PROCESS,
    "org_model": LANE_ORGANISATION,
    "pods": LANE_ORGANISATION,
}

# Actions still to do; "done" and "dropped" ones are history, not plan.
PLANNED_ACTION_STATUSES = OPEN_ACTION_STATUSES
PLANNED_ACTION_KINDS = (ActionKind.ACTION, ActionKind.DECISION)  # the parking lot is not a plan

SOURCE_SESSION = "session"  # the target-stage milestone comes from the session itself


@dataclass(frozen=True)
class RoadmapItem:
    lane: str
    quarter: str | None  # "2027-Q1"; None when not scheduled
    title: str
    detail: str
    source: str  # collection it comes from: "hires", "opportunities", "audit", ...
    source_id: str  # the item's id in that collection ("target_stage" for the milestone)
    first_project: bool = False
    milestone: bool = False

    @property
    def quarter_label(self) -> str:
        """ "Q1 2027", or "" when unscheduled."""
        return Quarter.parse(self.quarter).label if self.quarter else ""


@dataclass(frozen=True)
class RoadmapLane:
    id: str
    name: str
    items: tuple[RoadmapItem, ...]  # inside the window, in quarter order

    def in_quarter(self, quarter: str) -> tuple[RoadmapItem, ...]:
        return tuple(i for i in self.items if i.quarter == quarter)


@dataclass(frozen=True)
class Roadmap:
    quarters: tuple[str, ...]  # the window, e.g. ("2026-Q4", "2027-Q1", ...)
    quarter_labels: tuple[str, ...]  # ("Q4 2026", "Q1 2027", ...)
    lanes: tuple[RoadmapLane, ...]  # every lane, in drawing order, even when empty
    unscheduled: tuple[RoadmapItem, ...]  # no quarter given, lane order
    earlier: tuple[RoadmapItem, ...]  # quarter before the window, lane order then quarter
    later: tuple[RoadmapItem, ...]  # quarter after the window, lane order then quarter

    def lane(self, lane_id: str) -> RoadmapLane:
        return next(lane for lane in self.lanes if lane.id == lane_id)

    def cell(self, lane_id: str, quarter: str) -> tuple[RoadmapItem, ...]:
        return self.lane(lane_id).in_quarter(quarter)

    @property
    def scheduled_count(self) -> int:
        return sum(len(lane.items) for lane in self.lanes)

    @property
    def is_empty(self) -> bool:
        return not (self.scheduled_count or self.unscheduled or self.earlier or self.later)


def build_roadmap(
    framework: Framework, session: Session, quarters: int = DEFAULT_QUARTERS
) -> Roadmap:
    """Lay the session's plan out by quarter, from the quarter of the workshop date."""
    if quarters < 1:
        raise ValueError("a roadmap needs at least one quarter")
    window = quarter_range(Quarter.of(session.workshop_date), quarters)
    items = [
        *_hiring(framework, session),
        *_projects(framework, session),
        *_data(session),
        *_decisions(framework, session),
        *_actions(session),
        *_target_stage(framework, session, window[-1]),
    ]
    first, last = window[0], window[-1]
    lane_order = {lane_id: index for index, (lane_id, _) in enumerate(LANES)}

    def by_lane_then_quarter(item: RoadmapItem) -> tuple[int, Quarter]:
        # sorted() is stable, so items keep their source order inside a lane and quarter.
        return (lane_order[item.lane], Quarter.parse(item.quarter or str(first)))

    scheduled = [i for i in items if i.quarter is not None]
    inside = [i for i in scheduled if first <= Quarter.parse(str(i.quarter)) <= last]
    return Roadmap(
        quarters=tuple(str(q) for q in window),
        quarter_labels=tuple(q.label for q in window),
        lanes=tuple(
            RoadmapLane(
                id=lane_id,
                name=name,
                items=tuple(
                    sorted((i for i in inside if i.lane == lane_id), key=by_lane_then_quarter)
                ),
            )
            for lane_id, name in LANES
        ),
        unscheduled=tuple(
            sorted((i for i in items if i.quarter is None), key=lambda i: lane_order[i.lane])
        ),
        earlier=tuple(
            sorted(
                (i for i in scheduled if Quarter.parse(str(i.quarter)) < first),
                key=by_lane_then_quarter,
            )
        ),
        later=tuple(
            sorted(
                (i for i in scheduled if Quarter.parse(str(i.quarter)) > last),
                key=by_lane_then_quarter,
            )
        ),
    )


def _quarter(text: str) -> str | None:
    """A valid quarter string, normalised, or None (validation keeps bad ones out anyway)."""
    text = text.strip()
    return str(Quarter.parse(text)) if is_quarter(text) else None


def _join(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


def _hiring(framework: Framework, session: Session) -> list[RoadmapItem]:
    roles = {r.id: r for r in framework.roles}
    items = []
    for hire in session.hires:
        role = roles.get(hire.role_id)
        title = hire.title or (role.name if role else "") or "Unnamed role"
        headcount = f"{hire.headcount} × " if hire.headcount != 1 else ""
        mode = "internal assignment" if hire.mode == "internal" else "new hire"
        items.append(
            RoadmapItem(
                lane=LANE_HIRING,
                quarter=_quarter(hire.target_quarter),
                title=title,
                detail=_join(f"{headcount}{hire.seniority}", mode),
                source="hires",
                source_id=hire.id,
            )
        )
    return items


def _projects(framework: Framework, session: Session) -> list[RoadmapItem]:
    priorities = prioritise(framework, session)
    by_id = {o.id: o for o in session.opportunities}
    items = []
    for entry in priorities.ranked:
        opportunity = by_id[entry.opportunity_id]
        items.append(
            RoadmapItem(
                lane=LANE_PROJECTS,
                quarter=_quarter(opportunity.target_quarter),
                title=opportunity.title or "Untitled opportunity",
                detail=_join(
                    "First project" if opportunity.first_project else "",
                    f"priority #{entry.rank}",
                    entry.quadrant_name,
                    "blocked until its data is in place" if entry.blocked else "",
                ),
                source="opportunities",
                source_id=opportunity.id,
                first_project=opportunity.first_project,
            )
        )
    return items


def _data(session: Session) -> list[RoadmapItem]:
    titles = {o.id: o.title for o in session.opportunities}
    items = []
    for audit_item in session.audit:
        quarter = _quarter(audit_item.target_quarter)
        if audit_item.status == "available" and quarter is None:
            continue  # already in place and nothing planned: not work on the roadmap
        opportunity = titles.get(audit_item.opportunity_id, "")
        items.append(
            RoadmapItem(
                lane=LANE_DATA,
                quarter=quarter,
                title=audit_item.data_needed or "Data to collect",
                detail=_join(
                    f"for {opportunity}" if opportunity else "",
                    f"data {audit_item.status}",
                    "needed before the project can start" if audit_item.blocks_start else "",
                    f"owner: {audit_item.owner}" if audit_item.owner else "",
                ),
                source="audit",
                source_id=audit_item.id,
            )
        )
    return items


def _decisions(framework: Framework, session: Session) -> list[RoadmapItem]:
    topics = {t.id: t for t in framework.decisions}
    items = []
    for decision in session.decisions:
        topic = topics.get(decision.topic_id)
        option = topic.option(decision.option_id) if topic and decision.option_id else None
        items.append(
            RoadmapItem(
                lane=DECISION_LANES.get(topic.category, LANE_PROCESS) if topic else LANE_PROCESS,
                quarter=_quarter(decision.target_quarter),
                # The choice is what the board wants to read in the grid, not just the topic.
                title=_decision_title(
                    topic.title if topic else "Decision", option.name if option else ""
                ),
                detail=f"owner: {decision.owner}" if decision.owner else "",
                source="decisions",
                source_id=decision.id,
            )
        )
    return items


def _decision_title(topic: str, choice: str) -> str:
    return f"{topic}: {choice}" if choice else f"{topic} (to decide)"


def _is_planned(action: Action) -> bool:
    return (
        not action.private
        and action.status in PLANNED_ACTION_STATUSES
        and action.kind in PLANNED_ACTION_KINDS
    )


def _actions(session: Session) -> list[RoadmapItem]:
    planned = [a for a in session.actions if _is_planned(a)]
    # By due date inside a quarter; undated ones keep their list order at the end.
    planned.sort(key=lambda a: (a.due is None, a.due.toordinal() if a.due else 0))
    return [
        RoadmapItem(
            lane=LANE_ACTIONS,
            quarter=str(Quarter.of(action.due)) if action.due else None,
            title=action.text or "Untitled action",
            detail=_join(
                f"owner: {action.owner}" if action.owner else "",
                f"due {action.due.isoformat()}" if action.due else "",
            ),
            source="actions",
            source_id=action.id,
        )
        for action in planned
    ]


def _target_stage(framework: Framework, session: Session, last: Quarter) -> list[RoadmapItem]:
    stage = next((s for s in framework.stages if s.id == session.target_stage), None)
    if stage is None:
        return []
    placement = place(framework, session)
    if stage.id in placement.reached:
        today = "already reached today"
    else:
        working_on = next((s.name for s in framework.stages if s.id == placement.working_on), "")
        today = f"working on {working_on} today" if working_on else ""
    return [
        RoadmapItem(
            lane=LANE_TARGET,
            quarter=str(last),
            title=f"Reach {stage.name}",
            detail=_join(
                "target for the end of this roadmap",
                today,
            ),
            source=SOURCE_SESSION,
            source_id="target_stage",
            milestone=True,
        )
    ]

"""The roadmap by quarter, on hand-made sessions with known answers."""

from __future__ import annotations

from datetime import date

import pytest
from framework_factory import DIMENSION_IDS, decision_topic, make_framework, role

from workshop.domain.roadmap import (
    LANE_ACTIONS,
    LANE_DATA,
    LANE_HIRING,
    LANE_ORGANISATION,
    LANE_PROCESS,
    LANE_PROJECTS,
    LANE_TARGET,
    build_roadmap,
)
from workshop.domain.session import (
    Action,
    DataAuditItem,
    Decision,
    Hire,
    Opportunity,
    Rating,
    Session,
)

LATE_2026 = date(2026, 11, 15)  # Q4 2026: a six-quarter window runs to Q1 2028

FRAMEWORK = make_framework(
    roles=(role("role_pm", "exploring", "ML product manager"),),
    decisions=(
        decision_topic("topic_stack", "tech_stack", "ML tech stack", ("python", "r")),
        decision_topic("topic_kanban", "process", "Delivery process"),
        decision_topic("topic_org", "org_model", "Org model", ("hybrid", "central")),
        decision_topic("topic_pods", "pods", "Pods"),
    ),
)


def titles(items: object) -> list[str]:
    return [i.title for i in items]  # type: ignore[attr-defined]


def test_window_starts_at_the_workshop_quarter_and_crosses_the_year() -> None:
    roadmap = build_roadmap(FRAMEWORK, Session(workshop_date=LATE_2026))
    assert roadmap.quarters == (
        "2026-Q4",
        "2027-Q1",
        "2027-Q2",
        "2027-Q3",
        "2027-Q4",
        "2028-Q1",
    )
    assert roadmap.quarter_labels[:2] == ("Q4 2026", "Q1 2027")
    assert len(build_roadmap(FRAMEWORK, Session(workshop_date=LATE_2026), quarters=2).quarters) == 2
    with pytest.raises(ValueError):
        build_roadmap(FRAMEWORK, Session(), quarters=0)


def test_empty_session_has_every_lane_and_nothing_in_it() -> None:
    roadmap = build_roadmap(FRAMEWORK, Session(workshop_date=LATE_2026))
    assert [lane.name for lane in roadmap.lanes] == [
        "Hiring",
        "Projects",
        "Data",
        "Process and tooling",
        "Organisation",
        "Actions",
        "Target stage",
    ]
    assert roadmap.is_empty
    assert roadmap.unscheduled == roadmap.earlier == roadmap.later == ()


def test_hires_inside_before_after_and_without_a_quarter() -> None:
    session = Session(
        workshop_date=LATE_2026,
        hires=[
            Hire(id="h1", role_id="role_pm", target_quarter="2027-Q1", seniority="senior"),
            Hire(id="h2", title="Data engineer", headcount=2, mode="internal"),
            Hire(id="h3", title="Old plan", target_quarter="2026-Q3"),
            Hire(id="h4", title="Far away", target_quarter="2028-Q2"),
            Hire(id="h5", title="Now", target_quarter="2026-Q4"),
            Hire(id="h6", title="End", target_quarter="2028-Q1"),
        ],
    )
    roadmap = build_roadmap(FRAMEWORK, session)
    hiring = roadmap.lane(LANE_HIRING)
    # Quarter order; the role's name stands in for an empty title.
    assert [(i.quarter, i.title) for i in hiring.items] == [
        ("2026-Q4", "Now"),
        ("2027-Q1", "ML product manager"),
        ("2028-Q1", "End"),
    ]
    assert hiring.items[1].detail == "senior · new hire"
    assert roadmap.cell(LANE_HIRING, "2027-Q1")[0].source_id == "h1"
    assert [(i.title, i.detail, i.quarter) for i in roadmap.unscheduled] == [
        ("Data engineer", "2 × mid · internal assignment", None)
    ]
    assert [(i.source, i.source_id) for i in roadmap.earlier] == [("hires", "h3")]
    assert [(i.source, i.source_id) for i in roadmap.later] == [("hires", "h4")]
    assert roadmap.later[0].quarter_label == "Q2 2028"


def test_projects_in_priority_order_with_the_first_project_marked() -> None:
    session = Session(
        workshop_date=LATE_2026,
        opportunities=[
            Opportunity(id="o1", title="Churn alerts", value=3, cost=3, target_quarter="2027-Q2"),
            Opportunity(
                id="o2",
                title="Ticket triage",
                value=5,
                cost=1,
                target_quarter="2027-Q2",
                first_project=True,
            ),
            Opportunity(id="o3", title="Someday", value=2, cost=4),
        ],
    )
    roadmap = build_roadmap(FRAMEWORK, session)
    q2 = roadmap.cell(LANE_PROJECTS, "2027-Q2")
    assert titles(q2) == ["Ticket triage", "Churn alerts"]
    assert q2[0].first_project and not q2[1].first_project
    assert q2[0].detail == "First project · priority #1 · Quick wins"
    assert [(i.lane, i.title) for i in roadmap.unscheduled] == [(LANE_PROJECTS, "Someday")]


def test_data_audit_items_and_available_data_left_out_unless_scheduled() -> None:
    session = Session(
        workshop_date=LATE_2026,
        opportunities=[Opportunity(id="o1", title="Churn alerts")],
        audit=[
            DataAuditItem(
                id="d1",
                opportunity_id="o1",
                data_needed="Usage events",
                status="missing",
                blocks_start=True,
                owner="CTO",
                target_quarter="2027-Q1",
            ),
            DataAuditItem(id="d2", data_needed="Invoices", status="available"),
            DataAuditItem(
                id="d3", data_needed="Catalogue", status="available", target_quarter="2027-Q3"
            ),
            DataAuditItem(id="d4", data_needed="Call notes", status="partial"),
        ],
    )
    roadmap = build_roadmap(FRAMEWORK, session)
    data = roadmap.lane(LANE_DATA)
    assert [(i.quarter, i.title) for i in data.items] == [
        ("2027-Q1", "Usage events"),
        ("2027-Q3", "Catalogue"),
    ]
    assert data.items[0].detail == (
        "for Churn alerts · data missing · needed before the project can start · owner: CTO"
    )
    # The unscheduled list keeps lane order: the unplanned opportunity, then the data.
    assert [(i.lane, i.title) for i in roadmap.unscheduled] == [
        (LANE_PROJECTS, "Churn alerts"),
        (LANE_DATA, "Call notes"),
    ]


def test_decisions_go_to_process_or_organisation_by_their_topic() -> None:
    session = Session(
        workshop_date=LATE_2026,
        decisions=[
            Decision(
                id="c1",
                topic_id="topic_stack",
                option_id="topic_stack.python",
                owner="CTO",
                target_quarter="2027-Q1",
                status="decided",
            ),
            Decision(id="c2", topic_id="topic_org", target_quarter="2027-Q2"),
            Decision(id="c3", topic_id="topic_pods", target_quarter="2027-Q4"),
            Decision(id="c4", topic_id="topic_kanban"),
            Decision(id="c5", topic_id="gone_from_content", target_quarter="2027-Q1"),
        ],
    )
    roadmap = build_roadmap(FRAMEWORK, session)
    process = roadmap.lane(LANE_PROCESS)
    assert [(i.title, i.detail) for i in process.items] == [
        ("ML tech stack: PYTHON", "owner: CTO"),
        ("Decision (to decide)", ""),
    ]
    assert [(i.quarter, i.title) for i in roadmap.lane(LANE_ORGANISATION).items] == [
        ("2027-Q2", "Org model (to decide)"),
        ("2027-Q4", "Pods (to decide)"),
    ]
    assert [(i.lane, i.title) for i in roadmap.unscheduled] == [
        (LANE_PROCESS, "Delivery process (to decide)")
    ]


def test_open_actions_by_due_date_across_the_year_boundary() -> None:
    session = Session(
        workshop_date=LATE_2026,
        actions=[
            Action(id="a1", text="New year", due=date(2027, 1, 1)),
            Action(id="a2", text="Year end", due=date(2026, 12, 31), owner="CEO"),
            Action(id="a3", text="Early December", due=date(2026, 12, 1), status="in_progress"),
            Action(id="a4", text="Overdue", due=date(2026, 9, 30)),
            Action(id="a5", text="Undated"),
            Action(id="a6", text="Finished", due=date(2027, 1, 5), status="done"),
            Action(id="a7", text="Abandoned", status="dropped"),
            Action(id="a8", text="Parked idea", kind="parking", due=date(2027, 1, 5)),
            Action(id="a9", text="Private reminder", due=date(2027, 1, 5), private=True),
            Action(id="a10", text="Choose a cloud", kind="decision", due=date(2027, 2, 1)),
        ],
    )
    roadmap = build_roadmap(FRAMEWORK, session)
    actions = roadmap.lane(LANE_ACTIONS)
    assert [(i.quarter, i.title) for i in actions.items] == [
        ("2026-Q4", "Early December"),
        ("2026-Q4", "Year end"),
        ("2027-Q1", "New year"),
        ("2027-Q1", "Choose a cloud"),
    ]
    assert actions.items[1].detail == "owner: CEO · due 2026-12-31"
    assert titles(roadmap.earlier) == ["Overdue"]
    assert titles(roadmap.unscheduled) == ["Undated"]
    everything = [i.title for lane in roadmap.lanes for i in lane.items]
    everything += titles(roadmap.unscheduled) + titles(roadmap.earlier) + titles(roadmap.later)
    for left_out in ("Finished", "Abandoned", "Parked idea", "Private reminder"):
        assert left_out not in everything


def test_target_stage_is_a_milestone_in_the_last_quarter() -> None:
    ratings = [Rating(id=f"getting_started.{d}", score=3) for d in DIMENSION_IDS]
    session = Session(workshop_date=LATE_2026, target_stage="building", ratings=ratings)
    roadmap = build_roadmap(FRAMEWORK, session, quarters=4)
    (milestone,) = roadmap.lane(LANE_TARGET).items
    assert milestone.quarter == "2027-Q3"
    assert milestone.milestone
    assert milestone.title == "Reach Building"
    assert milestone.detail == "target for the end of this roadmap · working on Exploring today"
    assert not roadmap.is_empty

    reached = build_roadmap(
        FRAMEWORK, Session(workshop_date=LATE_2026, target_stage="getting_started", ratings=ratings)
    )
    assert reached.lane(LANE_TARGET).items[0].detail.endswith("already reached today")


def test_every_decision_category_in_the_content_has_a_lane() -> None:
    from workshop.domain.roadmap import DECISION_LANES
    from workshop.framework import load_framework

    categories = {topic.category for topic in load_framework().decisions}
    assert categories <= set(DECISION_LANES)


def test_every_reasoning_step_on_the_shipped_content_and_the_demo() -> None:
    """The demo workshop runs through placement, priorities, hiring, roadmap and follow-up."""
    from workshop.domain.followup import compare, make_follow_up
    from workshop.domain.hiring import check_hiring_plan, headcount_by_quarter
    from workshop.domain.placement import place
    from workshop.domain.priorities import prioritise
    from workshop.domain.validation import check_session
    from workshop.framework import load_framework
    from workshop.store.demo import build_demo

    content = load_framework()
    demo = build_demo(content)
    stage_ids = [s.id for s in sorted(content.stages, key=lambda s: s.order)]

    placement = place(content, demo)
    assert placement.rated_any
    assert placement.working_on in stage_ids
    assert list(placement.reached) == stage_ids[: len(placement.reached)]
    assert all(g.stage == placement.working_on and g.action for g in placement.gaps)

    priorities = prioritise(content, demo)
    assert sorted(r.opportunity_id for r in priorities.ranked) == sorted(
        o.id for o in demo.opportunities
    )
    assert [r.rank for r in priorities.ranked] == list(range(1, len(demo.opportunities) + 1))
    scores = [r.score for r in priorities.ranked]
    assert scores == sorted(scores, reverse=True)
    assert {r.quadrant_name for r in priorities.ranked} <= {
        q.name for q in content.matrix.quadrants
    }

    live_rules = {r.id for r in content.hiring_rules if not r.retired}
    hire_ids = {h.id for h in demo.hires}
    for warning in check_hiring_plan(content, demo):
        assert warning.rule_id in live_rules and set(warning.hire_ids) <= hire_ids
    assert headcount_by_quarter(demo).total == sum(h.headcount for h in demo.hires)

    roadmap = build_roadmap(content, demo)
    assert (
        roadmap.quarters[0]
        == f"{demo.workshop_date.year}-Q{(demo.workshop_date.month - 1) // 3 + 1}"
    )
    placed = [i for lane in roadmap.lanes for i in lane.items]
    placed += [*roadmap.unscheduled, *roadmap.earlier, *roadmap.later]
    for collection in ("hires", "opportunities", "decisions"):
        ids = sorted(i.source_id for i in placed if i.source == collection)
        assert ids == sorted(item.id for item in demo.collection(collection)), collection
    private = {a.id for a in demo.actions if a.private}
    assert not private & {i.source_id for i in placed if i.source == "actions"}

    follow_up = make_follow_up(demo, demo.workshop_date.replace(year=demo.workshop_date.year + 1))
    check_session(follow_up)
    follow_up.ratings = list(demo.ratings)
    change = compare(content, follow_up.baseline_ratings, follow_up)
    assert change.has_baseline and change.stages_moved == 0
    assert change.carried.total == sum(
        1 for a in demo.actions if a.status in ("open", "in_progress")
    )

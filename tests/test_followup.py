"""Follow-up workshops: what is carried over, and the change since the last one."""

from __future__ import annotations

from datetime import date

import pytest
from framework_factory import DIMENSION_IDS, make_framework

from workshop.domain.followup import compare, make_follow_up
from workshop.domain.session import (
    Action,
    AgendaSection,
    Answer,
    DataAuditItem,
    Decision,
    Hire,
    Interview,
    Opportunity,
    PageRecord,
    Participant,
    Rating,
    Session,
)
from workshop.domain.validation import check_session

FRAMEWORK = make_framework()


def stage_ratings(stage_id: str, score: int) -> list[Rating]:
    return [Rating(id=f"{stage_id}.{d}", score=score) for d in DIMENSION_IDS]


def previous_workshop() -> Session:
    return Session(
        organisation="Acme",
        title="ML leadership day",
        workshop_date=date(2026, 11, 15),
        facilitator="Fay",
        sponsor="Sam",
        target_stage="building",
        statement_set="extended",
        content_version="old",
        executive_summary="Summary of the first day",
        participants=[Participant(id="p1", name="Ana", role="CEO")],
        interviews=[Interview(id="i1", person="Bo", pains="slow reports")],
        agenda=[AgendaSection(id="s1", title="Strategy", actual_seconds=1800)],
        answers=[Answer(id="q1", text="Our customers", status="discussed")],
        ratings=stage_ratings("getting_started", 3),
        opportunities=[Opportunity(id="o1", title="Churn alerts", target_quarter="2027-Q2")],
        audit=[
            DataAuditItem(id="d1", opportunity_id="o1", data_needed="Usage", blocks_start=True),
            DataAuditItem(id="d2", data_needed="General"),
        ],
        hires=[Hire(id="h1", role_id="role_pm_ml", target_quarter="2027-Q1")],
        decisions=[Decision(id="c1", topic_id="topic_stack", status="decided")],
        actions=[
            Action(id="a1", text="Hire a PM", status="open", owner="CEO"),
            Action(id="a2", text="Audit data", status="in_progress"),
            Action(id="a3", text="Book workshop", status="done"),
            Action(id="a4", text="Old idea", status="dropped"),
        ],
        pages=[PageRecord(id="page1", status="done", note="private note")],
    )


def test_follow_up_keeps_the_plan_and_open_actions_with_new_ids() -> None:
    previous = previous_workshop()
    follow_up = make_follow_up(previous, date(2027, 5, 20), content_version="new")

    check_session(follow_up)  # every value is one the store and the file format accept
    assert follow_up.id != previous.id
    assert follow_up.follows_up == previous.id
    assert follow_up.title == "ML leadership day — follow-up"
    assert follow_up.workshop_date == date(2027, 5, 20)
    assert follow_up.baseline_date == date(2026, 11, 15)
    assert follow_up.content_version == "new"
    assert (follow_up.organisation, follow_up.sponsor, follow_up.statement_set) == (
        "Acme",
        "Sam",
        "extended",
    )
    assert [(p.name, p.role) for p in follow_up.participants] == [("Ana", "CEO")]
    assert [o.title for o in follow_up.opportunities] == ["Churn alerts"]
    assert [h.role_id for h in follow_up.hires] == ["role_pm_ml"]
    assert [d.status for d in follow_up.decisions] == ["decided"]
    # The audit follows the opportunity to its new id; a general item stays general.
    new_opportunity = follow_up.opportunities[0].id
    assert [(a.data_needed, a.opportunity_id) for a in follow_up.audit] == [
        ("Usage", new_opportunity),
        ("General", ""),
    ]
    # Only unfinished actions come along, each pointing at the one it continues.
    assert [(a.text, a.carried_from, a.owner) for a in follow_up.actions] == [
        ("Hire a PM", "a1", "CEO"),
        ("Audit data", "a2", ""),
    ]
    assert [(s.title, s.actual_seconds) for s in follow_up.agenda] == [("Strategy", 0)]
    old_ids = {
        i.id
        for name in ("participants", "opportunities", "audit", "hires", "decisions", "actions")
        for i in previous.collection(name)
    }
    new_ids = {
        i.id
        for name in ("participants", "opportunities", "audit", "hires", "decisions", "actions")
        for i in follow_up.collection(name)
    }
    assert not old_ids & new_ids


def test_follow_up_leaves_the_new_workshops_own_work_empty() -> None:
    previous = previous_workshop()
    follow_up = make_follow_up(previous, date(2027, 5, 20))
    assert follow_up.baseline_ratings == previous.ratings
    assert follow_up.ratings == []
    assert follow_up.answers == []
    assert follow_up.interviews == []
    assert follow_up.pages == []  # page notes are private to that day
    assert follow_up.executive_summary == ""
    assert follow_up.content_version == "old"
    # The previous session is untouched.
    assert [a.id for a in previous.actions] == ["a1", "a2", "a3", "a4"]
    assert make_follow_up(Session(), date(2027, 1, 1)).title == "Follow-up"


def test_compare_shows_the_stage_and_cells_that_moved() -> None:
    baseline = stage_ratings("getting_started", 2) + [Rating(id="exploring.product", score=3)]
    current = Session(
        ratings=stage_ratings("getting_started", 3)
        + [
            Rating(id="exploring.product", score=1),
            Rating(id="exploring.process", counts=(0, 0, 1, 1, 0)),
        ],
        baseline_date=date(2026, 11, 15),
    )
    change = compare(FRAMEWORK, baseline, current)

    assert change.has_baseline
    assert change.baseline_date == date(2026, 11, 15)
    assert (change.before.working_on, change.after.working_on) == ("getting_started", "exploring")
    assert change.stages_moved == 1
    assert change.newly_reached == ("getting_started",)
    assert change.no_longer_reached == ()
    assert (
        change.summary
        == "Moved on: working on Exploring, up from Getting Started at the last workshop."
    )
    getting_started = change.stages[0]
    assert (getting_started.before, getting_started.after) == (2.0, 3.0)
    assert getting_started.delta == 1.0
    assert (getting_started.was_reached, getting_started.now_reached) == (False, True)
    exploring = {c.dimension: c for c in change.stages[1].cells}
    assert exploring["product"].delta == -2.0
    assert exploring["process"].before is None
    assert exploring["process"].after == 2.5
    assert exploring["process"].delta is None  # not rated last time: no change to show
    assert [(c.stage, c.dimension) for c in change.declined] == [("exploring", "product")]
    assert [c.delta for c in change.improved] == [1.0, 1.0, 1.0, 1.0]


def test_compare_a_stage_lost_and_a_stage_unchanged() -> None:
    reached = stage_ratings("getting_started", 3)
    back = compare(FRAMEWORK, reached, Session(ratings=stage_ratings("getting_started", 2)))
    assert back.stages_moved == -1
    assert back.no_longer_reached == ("getting_started",)
    assert back.summary.startswith("Moved back: working on Getting Started")

    same = compare(FRAMEWORK, reached, Session(ratings=reached))
    assert same.stages_moved == 0
    assert same.improved == same.declined == ()
    assert same.summary == "Still working on Exploring, as at the last workshop."


def test_compare_without_a_baseline_and_carried_actions() -> None:
    current = Session(
        actions=[
            Action(id="n1", carried_from="a1", status="done"),
            Action(id="n2", carried_from="a2", status="open"),
            Action(id="n3", carried_from="a3", status="in_progress"),
            Action(id="n4", carried_from="a4", status="done"),
            Action(id="n5", carried_from="a5", status="dropped"),
            Action(id="n6", status="open"),  # new today, not carried
        ]
    )
    change = compare(FRAMEWORK, [], current)
    assert not change.has_baseline
    assert change.summary == "The last workshop has no ratings to compare with."
    assert change.stages_moved == 0
    carried = change.carried
    assert (carried.open, carried.in_progress, carried.done, carried.dropped) == (1, 1, 2, 1)
    assert (carried.total, carried.still_open) == (5, 2)
    assert carried.action_ids == ("n1", "n2", "n3", "n4", "n5")


@pytest.mark.parametrize("statement_set", ["core", "extended"])
def test_compare_round_trips_through_make_follow_up(statement_set: str) -> None:
    previous = Session(ratings=stage_ratings("getting_started", 4), statement_set=statement_set)
    follow_up = make_follow_up(previous, date(2027, 6, 1))
    follow_up.ratings = stage_ratings("getting_started", 4) + stage_ratings("exploring", 3)
    change = compare(FRAMEWORK, follow_up.baseline_ratings, follow_up)
    assert change.before.reached == ("getting_started",)
    assert change.after.reached == ("getting_started", "exploring")
    assert change.newly_reached == ("exploring",)

"""The demo workshop fills every part of a session, is valid, and is the same every time."""

from __future__ import annotations

import unicodedata

import pytest

from workshop.domain.demo import DEMO_DATE, build_demo
from workshop.domain.quarters import is_quarter
from workshop.domain.session import COLLECTIONS, Session
from workshop.domain.validation import check_session
from workshop.framework.model import Framework


@pytest.fixture(scope="module")
def demo(framework: Framework) -> Session:
    return build_demo(framework)


def test_demo_is_a_valid_session(demo: Session) -> None:
    check_session(demo)


def test_demo_fills_every_collection_of_a_first_workshop(demo: Session) -> None:
    # A first workshop follows up nothing, so it has no baseline ratings to compare with.
    assert demo.follows_up == "" and demo.baseline_ratings == []
    empty = [
        name for name in COLLECTIONS if name != "baseline_ratings" and not demo.collection(name)
    ]
    assert not empty


def test_demo_workshop_details(framework: Framework, demo: Session) -> None:
    assert demo.workshop_date == DEMO_DATE
    assert demo.organisation and demo.title and demo.facilitator
    assert demo.sponsor and demo.sponsor_role
    assert demo.executive_summary and demo.recommendations
    assert demo.target_stage in {s.id for s in framework.stages}
    assert demo.content_version == framework.version
    assert (demo.agenda_preset, demo.statement_set) == ("half_day", "core")


def test_participants_include_accented_and_non_latin_names(demo: Session) -> None:
    assert 6 <= len(demo.participants) <= 8
    assert all(p.name and p.role for p in demo.participants)
    names = [p.name for p in demo.participants]
    assert any(
        any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", n)) for n in names
    )
    assert any(any(ord(c) > 0x2FF and c.isalpha() for c in n) for n in names)
    assert demo.sponsor in names


def test_interviews_cover_every_function(framework: Framework, demo: Session) -> None:
    functions = {i.function for i in demo.interviews}
    assert functions >= {p.function for p in framework.interview_prompts}
    assert all(i.person and i.pains and i.interview_date for i in demo.interviews)
    assert any(i.private for i in demo.interviews)


def test_agenda_follows_the_half_day_preset(framework: Framework, demo: Session) -> None:
    preset = framework.preset("half_day")
    assert [(s.title, s.page_ids, s.planned_minutes) for s in demo.agenda] == [
        (s.title, s.pages, s.minutes) for s in preset.sections
    ]
    timed = [s for s in demo.agenda if s.actual_seconds]
    assert 0 < len(timed) < len(demo.agenda)


def test_every_strategy_question_is_answered(framework: Framework, demo: Session) -> None:
    for question in framework.questions:
        assert demo.answer(question.id).text, question.id
    assert {demo.answer(q.id).status for q in framework.questions} >= {"discussed", "open"}
    known = {q.id for q in framework.questions} | {g.id for g in framework.go_to_market}
    assert {a.id for a in demo.answers} <= known


def test_core_statements_rated_with_scores_counts_and_disagreement(
    framework: Framework, demo: Session
) -> None:
    statement_ids = {s.id for s in framework.statements}
    assert {r.id for r in demo.ratings} <= statement_ids
    for stage in ("getting_started", "exploring", "building"):
        for statement in framework.statements_for(stage):
            assert demo.rating(statement.id).is_rated, statement.id
    assert any(r.score is not None for r in demo.ratings)
    counted = [r for r in demo.ratings if r.votes]
    assert counted
    spreads = [
        max(i for i, n in enumerate(r.counts) if n) - min(i for i, n in enumerate(r.counts) if n)
        for r in counted
    ]
    assert max(spreads) >= 3, "the room should disagree somewhere"


def test_opportunities_audit_and_first_project(demo: Session) -> None:
    assert 8 <= len(demo.opportunities) <= 10
    first = [o for o in demo.opportunities if o.first_project]
    assert len(first) == 1 and first[0].success_measure
    assert any(o.target_quarter for o in demo.opportunities)
    assert any(not o.target_quarter for o in demo.opportunities)
    assert all(is_quarter(o.target_quarter) for o in demo.opportunities if o.target_quarter)
    opportunity_ids = {o.id for o in demo.opportunities}
    linked = [a for a in demo.audit if a.opportunity_id]
    assert linked and all(a.opportunity_id in opportunity_ids for a in linked)
    assert any(a.blocks_start for a in demo.audit)


def test_hiring_plan_uses_content_roles(framework: Framework, demo: Session) -> None:
    role_ids = {r.id for r in framework.roles}
    assert 6 <= len(demo.hires) <= 8
    assert all(h.role_id in role_ids for h in demo.hires)
    assert [h.mode for h in demo.hires].count("internal") == 1
    assert all(is_quarter(h.target_quarter) for h in demo.hires if h.target_quarter)


def test_decisions_choose_existing_options(framework: Framework, demo: Session) -> None:
    categories = set()
    for decision in demo.decisions:
        topic = framework.decision(decision.topic_id)
        if decision.status == "decided":
            assert topic.option(decision.option_id) is not None, decision.topic_id
            assert decision.rationale and decision.owner and decision.target_quarter
            categories.add(topic.category)
    assert categories >= {"process", "tech_stack", "org_model"}
    assert any(d.status == "open" for d in demo.decisions)


def test_actions_parking_lot_and_private_notes(framework: Framework, demo: Session) -> None:
    page_ids = {p.id for p in framework.pages}
    kinds = {a.kind for a in demo.actions}
    assert kinds == {"action", "decision", "parking"}
    assert sum(a.private for a in demo.actions) == 1
    assert all(a.source_page in page_ids for a in demo.actions)
    assert all(a.owner and a.due for a in demo.actions if a.kind == "action")
    assert {p.id for p in demo.pages} <= page_ids
    assert len([p for p in demo.pages if p.note]) >= 2


def test_demo_is_deterministic(framework: Framework, demo: Session) -> None:
    again = build_demo(framework)
    assert again == demo
    assert again is not demo

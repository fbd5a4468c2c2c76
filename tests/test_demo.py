"""The demo workshops fill every part of a session, are valid, and are the same every time.

The demo is data (``resources/demo/*.json``, portable session files): a first workshop and
its follow-up six months later, so a new user sees the progress across a series.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from workshop.domain.followup import compare, last_answer
from workshop.domain.priorities import first_project_review
from workshop.domain.quarters import is_quarter
from workshop.domain.session import COLLECTIONS, Session
from workshop.domain.validation import check_session
from workshop.framework.model import Framework
from workshop.store.demo import build_demo, build_demo_follow_up, build_demo_series


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
    assert demo.workshop_date == date(2026, 11, 12)
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
    strategy = [q for q in framework.questions if not q.wrap_up]
    for question in strategy:
        assert demo.answer(question.id).text, question.id
    assert {demo.answer(q.id).status for q in strategy} >= {"discussed", "open"}
    # The wrap-up questions of the half-day agenda are answered too.
    agenda_pages = {page for section in demo.agenda for page in section.page_ids}
    for question in framework.wrap_up_questions:
        if f"page_{question.id}" in agenda_pages:
            assert demo.answer(question.id).text, question.id
    known = (
        {q.id for q in framework.questions}
        | {g.id for g in framework.go_to_market}
        | {c.id for c in framework.first_project_criteria}
    )
    assert {a.id.split("@")[0] for a in demo.answers} <= known


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


def test_the_demo_first_project_has_ticks_and_its_data_in_place(
    framework: Framework, demo: Session
) -> None:
    review = first_project_review(framework, demo)
    assert review is not None and not review.risky
    assert 3 <= review.met_count < len(review.criteria)


def test_the_follow_up_shows_progress_since_the_first_workshop(framework: Framework) -> None:
    first, follow_up = build_demo_series(framework)
    assert build_demo_follow_up(framework) == follow_up
    check_session(follow_up)
    assert follow_up.follows_up == first.id and follow_up.baseline_date == first.workshop_date
    assert follow_up.workshop_date > first.workshop_date
    assert follow_up.baseline_ratings == first.ratings
    change = compare(framework, follow_up.baseline_ratings, follow_up)
    assert change.has_baseline and change.improved
    assert change.carried.done >= 1 and change.carried.still_open >= 1
    # What the room answered to the closing questions last time is there to be read again.
    assert last_answer(follow_up, "q_wrap_main_block") == first.answer("q_wrap_main_block").text
    assert follow_up.answer("q_wrap_main_block").text != first.answer("q_wrap_main_block").text

"""Page-list marks come from what the room recorded (no display, no database)."""

from __future__ import annotations

import dataclasses

import pytest

from workshop.domain.agenda import sections_from_preset
from workshop.domain.page_progress import (
    RULES,
    mark_depends_on,
    page_mark,
    statements_of,
)
from workshop.domain.session import (
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
from workshop.framework import load_framework
from workshop.vocab import PageStatus

FRAMEWORK = load_framework()


def page(page_id: str):  # type: ignore[no-untyped-def]
    return FRAMEWORK.page(page_id)


def fresh() -> Session:
    return Session(organisation="Acme", agenda=sections_from_preset(FRAMEWORK.preset("half_day")))


def mark(session: Session, page_id: str) -> PageStatus:
    return page_mark(page(page_id), session, FRAMEWORK)


def test_every_page_type_of_the_framework_has_a_rule_or_is_marked_by_hand() -> None:
    by_hand = {"progress", "framework_notes", "text"}
    for p in FRAMEWORK.pages:
        assert p.page_type in RULES or p.page_type in by_hand, p.page_type
        assert mark(fresh(), p.id) is PageStatus.NOT_STARTED, p.id


def test_maturity_check_is_done_when_every_statement_is_rated() -> None:
    session = fresh()
    ids = statements_of(page("page_maturity_exploring"), session, FRAMEWORK)
    assert len(ids) >= 2
    session.ratings = [Rating(id=ids[0], score=2)]
    assert mark(session, "page_maturity_exploring") is PageStatus.IN_PROGRESS
    session.ratings = [Rating(id=i, score=3) for i in ids[:-1]]
    session.ratings.append(Rating(id=ids[-1], counts=(0, 1, 4, 2, 0)))  # a show of hands
    assert mark(session, "page_maturity_exploring") is PageStatus.DONE
    assert mark(session, "page_maturity_building") is PageStatus.NOT_STARTED
    # The full day asks for the extended statements too: no longer all rated.
    session.statement_set = "extended"
    extended = statements_of(page("page_maturity_exploring"), session, FRAMEWORK)
    if len(extended) > len(ids):
        assert mark(session, "page_maturity_exploring") is PageStatus.IN_PROGRESS


def test_question_answered_is_in_progress_and_discussed_is_done() -> None:
    session = fresh()
    q = page("page_q_customers").ref
    session.answers = [Answer(id=q, text="Dispatchers")]
    assert mark(session, "page_q_customers") is PageStatus.IN_PROGRESS
    session.answers = [Answer(id=q, text="", status="discussed")]
    assert mark(session, "page_q_customers") is PageStatus.DONE
    session.answers = [Answer(id=q, status="skipped")]
    assert mark(session, "page_q_customers") is PageStatus.SKIPPED
    assert mark(session, "page_q_pain_points") is PageStatus.NOT_STARTED


def test_the_facilitators_mark_wins() -> None:
    session = fresh()
    session.pages = [PageRecord(id="page_roadmap", status="done")]
    assert mark(session, "page_roadmap") is PageStatus.DONE
    # Taken back from done (Ctrl+D again): in progress, even with everything rated.
    ids = statements_of(page("page_maturity_scaling"), session, FRAMEWORK)
    session.ratings = [Rating(id=i, score=1) for i in ids]
    session.pages = [PageRecord(id="page_maturity_scaling", status="in_progress")]
    assert mark(session, "page_maturity_scaling") is PageStatus.IN_PROGRESS
    session.pages = [PageRecord(id="page_maturity_scaling", status="skipped")]
    assert mark(session, "page_maturity_scaling") is PageStatus.SKIPPED


def test_the_other_page_types_follow_their_content() -> None:
    session = fresh()
    session.participants = [Participant(id="p", name="Kim")]
    assert mark(session, "page_overview") is PageStatus.IN_PROGRESS
    session.sponsor, session.target_stage = "Ingrid", "exploring"
    assert mark(session, "page_overview") is PageStatus.DONE

    session.interviews = [Interview(id="i1", person="Ola"), Interview(id="i2", pains="Slow quotes")]
    assert mark(session, "page_interviews") is PageStatus.IN_PROGRESS
    session.interviews[0] = dataclasses.replace(session.interviews[0], pains="Manual checks")
    assert mark(session, "page_interviews") is PageStatus.DONE

    session.opportunities = [Opportunity(id="o1", title="Route ETA")]
    assert mark(session, "page_matrix") is PageStatus.IN_PROGRESS
    session.opportunities = [Opportunity(id="o1", title="Route ETA", first_project=True)]
    assert mark(session, "page_matrix") is PageStatus.DONE

    session.audit = [DataAuditItem(id="d1"), DataAuditItem(id="d2", status="missing")]
    assert mark(session, "page_audit") is PageStatus.IN_PROGRESS
    session.audit[0] = dataclasses.replace(session.audit[0], status="available")
    assert mark(session, "page_audit") is PageStatus.DONE

    session.hires = [Hire(id="h1", title="ML engineer")]
    assert mark(session, "page_hiring") is PageStatus.IN_PROGRESS
    session.hires = [Hire(id="h1", title="ML engineer", target_quarter="2027-Q1")]
    assert mark(session, "page_hiring") is PageStatus.DONE

    session.executive_summary = "We start with route ETAs."
    assert mark(session, "page_roadmap") is PageStatus.IN_PROGRESS
    session.recommendations = "Hire a PM with ML experience."
    assert mark(session, "page_roadmap") is PageStatus.DONE


def test_a_decision_page_is_done_when_each_topic_is_decided() -> None:
    decision_page = next(p for p in FRAMEWORK.pages if p.page_type == "decision")
    topics = FRAMEWORK.decisions_for_page(decision_page)
    session = fresh()
    session.decisions = [
        Decision(id="d0", topic_id=topics[0].id, option_id=topics[0].options[0].id)
    ]
    expected = PageStatus.IN_PROGRESS
    assert page_mark(decision_page, session, FRAMEWORK) is expected
    session.decisions = [
        Decision(id=f"d{n}", topic_id=t.id, option_id=t.options[0].id, status="decided")
        for n, t in enumerate(topics)
    ]
    assert page_mark(decision_page, session, FRAMEWORK) is PageStatus.DONE


def test_placement_follows_the_maturity_checks_on_the_agenda() -> None:
    session = fresh()
    assert mark(session, "page_placement") is PageStatus.NOT_STARTED
    checks = [p for p in FRAMEWORK.pages if p.page_type == "maturity"]
    first = statements_of(checks[0], session, FRAMEWORK)
    session.ratings = [Rating(id=first[0], score=2)]
    assert mark(session, "page_placement") is PageStatus.IN_PROGRESS
    session.ratings = [
        Rating(id=i, score=2) for p in checks for i in statements_of(p, session, FRAMEWORK)
    ]
    assert mark(session, "page_placement") is PageStatus.DONE


@pytest.mark.parametrize(
    ("page_id", "touched", "expected"),
    [
        ("page_q_customers", [("answers", "q_customers")], True),
        ("page_q_customers", [("answers", "q_pain_points")], False),
        ("page_q_customers", [("pages", "page_q_customers")], True),
        ("page_q_customers", [("pages", "page_roadmap")], False),
        ("page_q_customers", [("ratings", "x")], False),
        ("page_hiring", [("hires", "h1")], True),
        ("page_roadmap", [(None, "")], True),
        ("page_audit", [(None, "")], False),
    ],
)
def test_a_mark_is_recomputed_only_for_what_it_reads(page_id, touched, expected) -> None:  # type: ignore[no-untyped-def]
    assert mark_depends_on(page(page_id), touched, fresh(), FRAMEWORK) is expected


def test_a_maturity_mark_reads_only_its_own_statements() -> None:
    session = fresh()
    own = statements_of(page("page_maturity_building"), session, FRAMEWORK)
    other = statements_of(page("page_maturity_scaling"), session, FRAMEWORK)
    building = page("page_maturity_building")
    assert mark_depends_on(building, [("ratings", own[0])], session, FRAMEWORK)
    assert not mark_depends_on(building, [("ratings", other[0])], session, FRAMEWORK)

"""Opportunity quadrants, ranking and data blockers, on hand-made sessions."""

from __future__ import annotations

from framework_factory import checklist_item, make_framework

from workshop.domain.priorities import (
    criterion_tick_id,
    first_project_review,
    prioritise,
)
from workshop.domain.session import Answer, DataAuditItem, Opportunity, Session


def opportunity(opportunity_id: str, **fields: object) -> Opportunity:
    fields.setdefault("title", opportunity_id.upper())
    return Opportunity(id=opportunity_id, **fields)  # type: ignore[arg-type]


def ranked_ids(session: Session) -> list[str]:
    return [r.opportunity_id for r in prioritise(make_framework(), session).ranked]


def test_empty_session_has_empty_priorities_and_every_quadrant() -> None:
    priorities = prioritise(make_framework(), Session())
    assert priorities.ranked == ()
    assert priorities.blocked == ()
    assert priorities.first_project is None
    assert [(q.name, q.opportunity_ids) for q in priorities.quadrants] == [
        ("Quick wins", ()),
        ("Big bets", ()),
        ("Fill-ins", ()),
        ("Money pits", ()),
    ]
    assert "value ÷ cost" in priorities.rule


def test_quadrants_follow_the_content_thresholds() -> None:
    session = Session(
        opportunities=[
            opportunity("quick", value=5, cost=1),
            opportunity("bet", value=3, cost=3),  # on both thresholds: high and high
            opportunity("fill", value=2, cost=2),
            opportunity("pit", value=1, cost=5),
        ]
    )
    priorities = prioritise(make_framework(), session)
    assert {r.opportunity_id: r.quadrant_name for r in priorities.ranked} == {
        "quick": "Quick wins",
        "bet": "Big bets",
        "fill": "Fill-ins",
        "pit": "Money pits",
    }
    # A stricter value threshold in the content moves the middle idea down.
    stricter = prioritise(make_framework(value_threshold=4), session)
    assert stricter.entry("bet").quadrant == "money_pits"
    assert stricter.value_threshold == 4


def test_ranking_by_value_over_cost_weighted_by_confidence() -> None:
    session = Session(
        opportunities=[
            opportunity("c", value=4, cost=2, confidence=1),  # 2 × 0.6 = 1.2
            opportunity("a", value=5, cost=1, confidence=5),  # 5
            opportunity("d", value=3, cost=1, confidence=1),  # 3 × 0.6 = 1.8
            opportunity("b", value=4, cost=2, confidence=5),  # 2
        ]
    )
    priorities = prioritise(make_framework(), session)
    assert [(r.rank, r.opportunity_id, r.score) for r in priorities.ranked] == [
        (1, "a", 5.0),
        (2, "b", 2.0),
        (3, "d", 1.8),
        (4, "c", 1.2),
    ]


def test_exact_ties_are_broken_by_value_then_votes_then_data_then_title_then_id() -> None:
    session = Session(
        opportunities=[
            # 4/3 × 0.6 and 2/2 × 0.8 are both exactly 0.8 (in floats they differ).
            opportunity("x1", value=4, cost=3, confidence=1, votes=1, title="Zeta"),
            opportunity("x2", value=2, cost=2, confidence=3, votes=2, title="Zeta"),
            opportunity("x3", value=2, cost=2, confidence=3, votes=1, data_readiness="ready"),
            opportunity("x4", value=2, cost=2, confidence=3, votes=1, data_readiness="missing"),
            opportunity("x6", value=2, cost=2, confidence=3, votes=1, title="alpha"),
            opportunity("x5", value=2, cost=2, confidence=3, votes=1, title="Alpha"),
        ]
    )
    # x1 has the highest value; then x2 has the most votes; x3 is ready; among unknown
    # readiness titles sort without case ("alpha" = "Alpha" → id x5 before x6); missing
    # data comes last.
    assert ranked_ids(session) == ["x1", "x2", "x3", "x5", "x6", "x4"]


def test_a_quick_win_never_ranks_below_a_fill_in_of_equal_score() -> None:
    # value 4 / cost 2 (a quick win) and value 2 / cost 1 (a fill-in) score the same; the
    # fill-in has more votes and ready data, yet the higher value comes first.
    session = Session(
        opportunities=[
            opportunity("fill", value=2, cost=1, votes=9, data_readiness="ready", title="A"),
            opportunity("quick", value=4, cost=2, title="Z"),
        ]
    )
    priorities = prioritise(make_framework(value_threshold=3.0), session)
    assert [(r.opportunity_id, r.quadrant, r.score) for r in priorities.ranked] == [
        ("quick", "quick_wins", 1.6),
        ("fill", "fill_ins", 1.6),
    ]


def test_blocked_until_the_data_is_in_place() -> None:
    session = Session(
        opportunities=[
            opportunity("ready", value=5, cost=1),
            opportunity("missing", value=4, cost=1, data_readiness="missing"),
            opportunity("audited", value=3, cost=1),
            opportunity("available", value=2, cost=1),
        ],
        audit=[
            DataAuditItem(
                id="d1",
                opportunity_id="audited",
                data_needed="Call logs",
                status="partial",
                blocks_start=True,
            ),
            DataAuditItem(
                id="d2",
                opportunity_id="audited",
                data_needed="CRM notes",
                status="missing",
                blocks_start=False,
            ),  # does not block
            DataAuditItem(
                id="d3",
                opportunity_id="available",
                data_needed="Invoices",
                status="available",
                blocks_start=True,
            ),  # already in place
            DataAuditItem(
                id="d4",
                opportunity_id="audited",
                data_needed="Tickets",
                status="unknown",
                blocks_start=True,
            ),
            DataAuditItem(id="d5", opportunity_id="", status="missing", blocks_start=True),
        ],
    )
    priorities = prioritise(make_framework(), session)
    assert [(b.opportunity_id, b.audit_item_ids) for b in priorities.blocked] == [
        ("missing", ()),
        ("audited", ("d1", "d4")),
    ]
    assert priorities.blocked[1].reasons == (
        "Call logs must be in place first (partial).",
        "Tickets must be in place first (unknown).",
    )
    assert priorities.blocked[0].reasons == ("The data it needs is missing.",)
    assert [r.blocked for r in priorities.ranked] == [False, True, True, False]
    assert "blocking the start" in priorities.blocked_rule


def test_quadrant_groups_list_opportunities_in_rank_order_and_first_project() -> None:
    session = Session(
        opportunities=[
            opportunity("slow", value=4, cost=1, confidence=1),
            opportunity("fast", value=5, cost=1, first_project=True),
        ]
    )
    priorities = prioritise(make_framework(), session)
    quick = next(q for q in priorities.quadrants if q.quadrant == "quick_wins")
    assert quick.opportunity_ids == ("fast", "slow")
    assert quick.advice == "do first"
    assert priorities.first_project is not None
    assert priorities.first_project.opportunity_id == "fast"


# --- the first project --------------------------------------------------------------------

CRITERIA = (
    checklist_item("fp_one_use_case", "One use case"),
    checklist_item("fp_short_timeframe", "Short timeframe"),
    checklist_item("fp_data_ready", "Data in place", aid=True),
)
RISKS = (checklist_item("risk_messy_data", "Messy data"),)
FIRST_FRAMEWORK = make_framework(first_project_criteria=CRITERIA, first_project_risks=RISKS)


def test_no_review_without_a_first_project() -> None:
    assert first_project_review(FIRST_FRAMEWORK, Session(opportunities=[opportunity("a")])) is None


def test_ticks_belong_to_the_chosen_opportunity() -> None:
    a = opportunity("a", value=5, cost=1, first_project=True)
    b = opportunity("b", value=4, cost=1)
    ticks = [Answer(id=criterion_tick_id("fp_one_use_case", "a"), status="discussed")]
    review = first_project_review(FIRST_FRAMEWORK, Session(opportunities=[a, b], answers=ticks))
    assert review is not None
    assert [(c.criterion.id, c.met) for c in review.criteria] == [
        ("fp_one_use_case", True),
        ("fp_short_timeframe", False),
        ("fp_data_ready", True),
    ]
    # Choosing the other opportunity starts from a clean checklist.
    switched = Session(
        opportunities=[
            Opportunity(**{**a.__dict__, "first_project": False}),
            Opportunity(**{**b.__dict__, "first_project": True}),
        ],
        answers=ticks,
    )
    review = first_project_review(FIRST_FRAMEWORK, switched)
    assert review is not None and review.opportunity_id == "b"
    assert [c.met for c in review.criteria if not c.from_audit] == [False, False]


def test_a_tick_saved_before_ticks_had_an_opportunity_counts_for_the_first_project() -> None:
    a = opportunity("a", first_project=True)
    legacy = [Answer(id="fp_short_timeframe", status="discussed")]
    review = first_project_review(FIRST_FRAMEWORK, Session(opportunities=[a], answers=legacy))
    assert review is not None
    assert [c.criterion.id for c in review.criteria if c.met and not c.from_audit] == [
        "fp_short_timeframe"
    ]


def test_data_in_place_is_read_from_the_audit_blockers() -> None:
    a = opportunity("a", first_project=True)
    blocker = DataAuditItem(
        id="d1",
        opportunity_id="a",
        data_needed="Ticket history",
        status="missing",
        blocks_start=True,
    )
    review = first_project_review(FIRST_FRAMEWORK, Session(opportunities=[a], audit=[blocker]))
    assert review is not None
    data = next(c for c in review.criteria if c.from_audit)
    assert not data.met
    assert data.why == "Ticket history must be in place first (missing)."
    assert review.data_blockers == ("Ticket history must be in place first (missing).",)
    available = DataAuditItem(**{**blocker.__dict__, "status": "available"})
    review = first_project_review(FIRST_FRAMEWORK, Session(opportunities=[a], audit=[available]))
    assert review is not None and next(c for c in review.criteria if c.from_audit).met


def test_a_costly_first_project_is_flagged_with_the_framework_risks() -> None:
    for value, quadrant in ((5, "Big bets"), (1, "Money pits")):
        costly = opportunity("a", value=value, cost=4, first_project=True)
        review = first_project_review(FIRST_FRAMEWORK, Session(opportunities=[costly]))
        assert review is not None and review.risky
        assert review.risk_flags[0].startswith(f"It is a {quadrant} choice with cost 4 of 5")
        assert "can take longer" in review.risk_flags[0]
        assert [r.id for r in review.risks] == ["risk_messy_data"]
    cheap = opportunity("a", value=5, cost=1, first_project=True)
    review = first_project_review(FIRST_FRAMEWORK, Session(opportunities=[cheap]))
    assert review is not None and not review.risky


def test_the_ranking_key_orders_exactly_as_the_score() -> None:
    """The whole-number key the ranking sorts on agrees with the exact score everywhere in
    the range validation allows, ties included."""
    from itertools import product

    from workshop.domain.priorities import _rank_key, priority_score

    cases = [
        Opportunity(id=f"{v}{c}{k}", value=v, cost=c, confidence=k)
        for v, c, k in product(range(1, 6), repeat=3)
    ]
    for a, b in product(cases, repeat=2):
        exact = (priority_score(a) > priority_score(b)) - (priority_score(a) < priority_score(b))
        fast = (_rank_key(a)[0] < _rank_key(b)[0]) - (_rank_key(a)[0] > _rank_key(b)[0])
        assert exact == fast, (a.id, b.id)

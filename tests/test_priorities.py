"""Opportunity quadrants, ranking and data blockers, on hand-made sessions."""

from __future__ import annotations

from framework_factory import make_framework

from workshop.domain.priorities import prioritise
from workshop.domain.session import DataAuditItem, Opportunity, Session


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


def test_exact_ties_are_broken_by_votes_then_data_then_title_then_id() -> None:
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
    # x2 has the most votes; x3 is ready; among unknown readiness titles sort without case
    # ("alpha" = "Alpha" → id x5 before x6, then "Zeta"); missing data comes last.
    assert ranked_ids(session) == ["x2", "x3", "x5", "x6", "x1", "x4"]


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

"""From a workshop page to a round, and from a round's tally back to one workshop edit.

A rating round votes on the statements a maturity-check page shows (same set, same order);
a dot round on the matrix's opportunities. Closing writes the tally as one :class:`Batch`,
so it is one undo step in the app and one transaction in the store, and everything
downstream (placement, spread, the PDF) reads it as it reads a show of hands.
"""

from __future__ import annotations

from workshop.domain.edits import Batch, Edit, set_item_field, set_keyed_field
from workshop.domain.session import Session
from workshop.framework.model import Framework, Page, Statement
from workshop.room.round import DEFAULT_BUDGET, DOTS, RATING, BallotItem, Round, Tally

ROUND_PAGE_TYPES = {"maturity": RATING, "matrix": DOTS}


def page_statements(framework: Framework, session: Session, page: Page) -> tuple[Statement, ...]:
    """The statements a maturity-check page shows, grouped by dimension as on screen."""
    stage_id = page.ref or page.stage
    extended = session.statement_set == "extended"
    order = {d.id: i for i, d in enumerate(framework.dimensions)}
    found = framework.statements_for(stage_id, extended=extended)
    return tuple(sorted(found, key=lambda s: order.get(s.dimension, len(order))))


def round_for_page(
    framework: Framework,
    session: Session,
    page: Page,
    *,
    budget: int = DEFAULT_BUDGET,
    ask_group: bool = False,
) -> Round:
    """A new round on ``page``; ValueError (one line) when the page has nothing to vote on."""
    kind = ROUND_PAGE_TYPES.get(page.page_type)
    if kind is None:
        raise ValueError(
            f"page {page.id!r} is a {page.page_type} page; the room votes on a maturity "
            "check or on the matrix"
        )
    if kind == RATING:
        items = [
            BallotItem(s.id, s.text, tuple(s.anchors))
            for s in page_statements(framework, session, page)
        ]
        if not items:
            raise ValueError(f"page {page.id!r} has no statements in this workshop's set")
        return Round(RATING, page.title, items, ask_group=ask_group)
    opportunities = [
        BallotItem(o.id, o.title or "Untitled opportunity") for o in session.opportunities
    ]
    if not opportunities:
        raise ValueError("the matrix has no opportunities to vote on yet")
    return Round(DOTS, page.title, opportunities, budget=budget, ask_group=False)


def tally_edit(session: Session, tally: Tally) -> Batch | None:
    """The one edit that writes ``tally`` into ``session``; None when nobody voted.

    A rating round sets the counts of every statement that got a vote (the room score stays,
    as with a show of hands: counts win). A dot round sets the votes of every opportunity of
    the round, zero included: a dot round that gave an opportunity nothing says so.
    """
    if tally.ballots == 0:
        return None
    edits: list[Edit] = []
    if tally.kind == RATING:
        label = "Room vote on the statements"
        for statement_id, counts in tally.counts.items():
            if session.rating(statement_id).counts != counts:
                edits.append(
                    set_keyed_field(session, "ratings", statement_id, "counts", counts, label)
                )
    else:
        label = "Room dot vote"
        for opportunity_id, votes in tally.votes.items():
            opportunity = session.find("opportunities", opportunity_id)
            if opportunity is not None and opportunity.votes != votes:
                edits.append(
                    set_item_field(session, "opportunities", opportunity_id, "votes", votes, label)
                )
    return Batch(tuple(edits), label) if edits else None

"""How far the workshop got on each page, from what the room actually recorded.

The page list marks every page "not started", "in progress" or "done". The mark comes from
the session, never from a separate tally: a maturity check whose statements are all rated
is done; a strategy question marked "✓ Discussed" is done, one with an answer typed is in
progress. The facilitator's own word wins over the rule: a page marked done (Ctrl+D) or
skipped is that, and a page they took back from done ("in progress" on its record) stays
in progress even when the rule would call it done.

One rule per page type, in :data:`RULES`. A rule also names the collections it reads
(``None`` for the session's own fields), so the page list recomputes a page's mark only
when an edit touched what that mark depends on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from workshop.domain.session import Session
from workshop.framework.model import Framework, Page
from workshop.vocab import PageStatus

# What a rule says about the page's content, before the facilitator's own mark is applied.
NOT_STARTED = PageStatus.NOT_STARTED
IN_PROGRESS = PageStatus.IN_PROGRESS
DONE = PageStatus.DONE
SKIPPED = PageStatus.SKIPPED


def _share(done: int, started: int, total: int) -> PageStatus:
    """Done when all ``total`` are done, in progress when any was started."""
    if total and done >= total:
        return DONE
    return IN_PROGRESS if started or done else NOT_STARTED


def _overview(page: Page, session: Session, framework: Framework) -> PageStatus:
    # The New workshop dialog fills the organisation; the page's own work is the room:
    # who is here, who sponsors it and which stage the company aims for.
    parts = (bool(session.participants), bool(session.sponsor), bool(session.target_stage))
    return _share(sum(parts), 0, len(parts))


def _interviews(page: Page, session: Session, framework: Framework) -> PageStatus:
    heard = sum(1 for i in session.interviews if i.pains.strip())
    return _share(heard, len(session.interviews), len(session.interviews))


def _question(page: Page, session: Session, framework: Framework) -> PageStatus:
    answer = session.find("answers", page.ref)
    if answer is None:
        return NOT_STARTED
    if answer.status == "discussed":
        return DONE
    if answer.status == "skipped":
        return SKIPPED
    return IN_PROGRESS if answer.text.strip() else NOT_STARTED


def statements_of(page: Page, session: Session, framework: Framework) -> tuple[str, ...]:
    """The ids of the statements a maturity page asks the room to rate (the session's set)."""
    extended = session.statement_set == "extended"
    return tuple(s.id for s in framework.statements_for(page.ref or page.stage, extended=extended))


def _maturity(page: Page, session: Session, framework: Framework) -> PageStatus:
    ids = statements_of(page, session, framework)
    rated = sum(1 for statement_id in ids if session.rating(statement_id).is_rated)
    return _share(rated, 0, len(ids))


def _placement(page: Page, session: Session, framework: Framework) -> PageStatus:
    """The placement reads the maturity checks: done when every check on the agenda is."""
    checks = [p for p in framework.pages if p.page_type == "maturity" and not p.retired]
    on_agenda = {pid for section in session.agenda for pid in section.page_ids}
    checks = [p for p in checks if p.id in on_agenda] or checks
    marks = [_maturity(p, session, framework) for p in checks]
    return _share(marks.count(DONE), marks.count(IN_PROGRESS), len(marks))


def _matrix(page: Page, session: Session, framework: Framework) -> PageStatus:
    # Ideas on the board: in progress; a first project chosen among them: done.
    chosen = any(o.first_project for o in session.opportunities)
    return _share(int(chosen), len(session.opportunities), 1)


def _audit(page: Page, session: Session, framework: Framework) -> PageStatus:
    checked = sum(1 for item in session.audit if item.status != "unknown")
    return _share(checked, len(session.audit), len(session.audit))


def _hiring(page: Page, session: Session, framework: Framework) -> PageStatus:
    planned = sum(1 for hire in session.hires if hire.target_quarter)
    return _share(planned, len(session.hires), len(session.hires))


def _decision(page: Page, session: Session, framework: Framework) -> PageStatus:
    topics = {t.id for t in framework.decisions_for_page(page)}
    mine = [d for d in session.decisions if d.topic_id in topics]
    decided = {d.topic_id for d in mine if d.status == "decided"}
    started = sum(1 for d in mine if d.option_id or d.rationale.strip())
    return _share(len(decided), started, len(topics))


def go_to_market_items(page: Page, framework: Framework) -> tuple[str, ...]:
    return tuple(
        item.id
        for item in framework.go_to_market
        if not item.retired and (not page.stage or item.stage == page.stage)
    )


def _go_to_market(page: Page, session: Session, framework: Framework) -> PageStatus:
    answers = [session.answer(item_id) for item_id in go_to_market_items(page, framework)]
    settled = sum(1 for a in answers if a.status in ("discussed", "skipped"))
    started = sum(1 for a in answers if a.text.strip())
    return _share(settled, started, len(answers))


def _actions(page: Page, session: Session, framework: Framework) -> PageStatus:
    # A list that is never "complete" by itself: done only when the facilitator says so.
    return IN_PROGRESS if session.actions else NOT_STARTED


def _roadmap(page: Page, session: Session, framework: Framework) -> PageStatus:
    texts = (session.executive_summary.strip(), session.recommendations.strip())
    return _share(sum(1 for t in texts if t), 0, len(texts))


def _by_hand(page: Page, session: Session, framework: Framework) -> PageStatus:
    """Pages that only show (notes, progress across workshops): marked by the facilitator."""
    return NOT_STARTED


RuleFunction = Callable[[Page, Session, Framework], PageStatus]


@dataclass(frozen=True)
class Rule:
    """How one page type's mark is computed, and which collections it reads."""

    compute: RuleFunction
    reads: frozenset[str | None]


def _rule(compute: RuleFunction, *reads: str | None) -> Rule:
    return Rule(compute, frozenset(reads))


RULES: dict[str, Rule] = {
    "overview": _rule(_overview, None, "participants"),
    "interviews": _rule(_interviews, "interviews"),
    "question": _rule(_question, "answers"),
    "maturity": _rule(_maturity, None, "ratings"),  # None: the statement set
    "placement": _rule(_placement, None, "ratings", "agenda"),
    "matrix": _rule(_matrix, "opportunities"),
    "audit": _rule(_audit, "audit"),
    "hiring": _rule(_hiring, "hires"),
    "decision": _rule(_decision, "decisions"),
    "go_to_market": _rule(_go_to_market, "answers"),
    "actions": _rule(_actions, "actions"),
    "roadmap": _rule(_roadmap, None),
}
BY_HAND = _rule(_by_hand)


def rule_for(page_type: str) -> Rule:
    return RULES.get(page_type, BY_HAND)


def page_mark(page: Page, session: Session, framework: Framework) -> PageStatus:
    """The page's mark in the page list: the facilitator's word, else what the room did."""
    recorded = session.page_record(page.id).status
    if recorded == DONE:
        return DONE
    if recorded == SKIPPED:
        return SKIPPED
    found = rule_for(page.page_type).compute(page, session, framework)
    if recorded == IN_PROGRESS:
        # Taken back from done (Ctrl+D again), or started by hand: never shown as done.
        return IN_PROGRESS if found in (DONE, NOT_STARTED) else found
    return found


def _items_read(page: Page, framework: Framework, session: Session) -> dict[str, frozenset[str]]:
    """For rules that read a few items of a keyed collection: which ones."""
    if page.page_type == "question":
        return {"answers": frozenset({page.ref})}
    if page.page_type == "go_to_market":
        return {"answers": frozenset(go_to_market_items(page, framework))}
    if page.page_type == "maturity":
        return {"ratings": frozenset(statements_of(page, session, framework))}
    return {}


def mark_depends_on(
    page: Page,
    touched: Iterable[tuple[str | None, str]],
    session: Session,
    framework: Framework,
) -> bool:
    """Could an edit that touched these (collection, item id) pairs change ``page``'s mark?

    Its own page record always can; a rule reads its collections, and a question or a
    maturity check only its own answer or statements.
    """
    reads = rule_for(page.page_type).reads
    items = _items_read(page, framework, session)
    for collection, item_id in touched:
        if collection == "pages":
            if item_id == page.id:
                return True
        elif collection in reads:
            wanted = items.get(collection) if collection is not None else None
            if wanted is None or item_id in wanted:
                return True
    return False

"""What the facilitator means on the opportunities page, as edits (no Qt).

Each function reads the session and returns the one edit to push, or None when the
gesture changes nothing (a vote below zero, a drop on the same cell, a title left as it was),
so no empty step ever lands on the undo stack.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from workshop.domain.edits import Batch, Edit, SetField, add_item, remove_item, set_item_field
from workshop.domain.session import Opportunity, Session, new_id
from workshop.domain.validation import MAX_COUNT
from workshop.ui.pages.matrix.state import COLUMN, COLUMNS


def add_opportunity(session: Session, title: str) -> tuple[Edit, str] | None:
    """A new idea typed in the quick-capture line, with the id it gets; None for blanks."""
    title = title.strip()
    if not title:
        return None
    opportunity = Opportunity(id=new_id(), title=title)
    return add_item(session, "opportunities", opportunity, label="Add opportunity"), opportunity.id


def set_field(session: Session, opportunity_id: str, field: str, value: Any) -> Edit | None:
    opportunity = session.find("opportunities", opportunity_id)
    if opportunity is None or getattr(opportunity, field) == value:
        return None
    label = f"Set {COLUMNS[COLUMN[field]][1].lower()}" if field in COLUMN else "Edit"
    return set_item_field(session, "opportunities", opportunity_id, field, value, label=label)


def vote(session: Session, opportunity_id: str, step: int) -> Edit | None:
    """One dot vote more (step +1) or less (−1), kept within 0..MAX_COUNT."""
    opportunity = session.find("opportunities", opportunity_id)
    if opportunity is None:
        return None
    votes = min(max(opportunity.votes + step, 0), MAX_COUNT)
    if votes == opportunity.votes:
        return None
    return set_item_field(
        session,
        "opportunities",
        opportunity_id,
        "votes",
        votes,
        label="Add a vote" if step > 0 else "Remove a vote",
    )


def move_point(session: Session, opportunity_id: str, value: int, cost: int) -> Edit | None:
    """A point dropped on the matrix: value and cost change together, as one step."""
    opportunity = session.find("opportunities", opportunity_id)
    if opportunity is None:
        return None
    edits: list[Edit] = [
        set_item_field(session, "opportunities", opportunity_id, field, new)
        for field, new in (("value", value), ("cost", cost))
        if getattr(opportunity, field) != new
    ]
    return Batch(tuple(edits), "Move on the matrix") if edits else None


def set_first_project(session: Session, opportunity_id: str, chosen: bool) -> Edit | None:
    """Only one first project: choosing one clears the other in the same step."""
    if session.find("opportunities", opportunity_id) is None:
        return None
    edits: list[SetField] = []
    if chosen:
        edits += [
            set_item_field(session, "opportunities", o.id, "first_project", False)
            for o in session.opportunities
            if o.first_project and o.id != opportunity_id
        ]
    edits.append(set_item_field(session, "opportunities", opportunity_id, "first_project", chosen))
    if edits[-1].old == edits[-1].new:
        return None
    label = "Choose the first project" if chosen else "Clear the first project"
    if len(edits) > 1:
        return Batch(tuple(edits), label)
    return dataclasses.replace(edits[0], label=label)


def remove(session: Session, opportunity_id: str) -> Edit | None:
    if session.find("opportunities", opportunity_id) is None:
        return None
    return remove_item(session, "opportunities", opportunity_id, label="Remove opportunity")


def after_removal(ranked_ids: list[str], removed_id: str) -> str:
    """The opportunity to select once ``removed_id`` is gone: the next one, else the last."""
    if removed_id not in ranked_ids:
        return ""
    row = ranked_ids.index(removed_id)
    rest = [i for i in ranked_ids if i != removed_id]
    return rest[min(row, len(rest) - 1)] if rest else ""

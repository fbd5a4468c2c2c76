"""What the facilitator means on the interviews page, as edits (no Qt). Each returns None
when the gesture changes nothing, so no empty step reaches the undo stack."""

from __future__ import annotations

from typing import Any

from workshop.domain.edits import Edit, add_item, remove_item, set_item_field
from workshop.domain.session import Interview, Session, new_id


def add_interview(session: Session) -> tuple[Edit, str]:
    interview = Interview(id=new_id())
    return add_item(session, "interviews", interview, label="Add interview"), interview.id


def set_field(session: Session, interview_id: str, field: str, value: Any) -> Edit | None:
    interview = session.find("interviews", interview_id)
    if interview is None or getattr(interview, field) == value:
        return None
    return set_item_field(session, "interviews", interview_id, field, value)


def remove(session: Session, interview_id: str) -> Edit | None:
    if session.find("interviews", interview_id) is None:
        return None
    return remove_item(session, "interviews", interview_id, "Remove interview")

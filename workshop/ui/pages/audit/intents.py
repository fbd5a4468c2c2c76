"""What the facilitator means on the data audit, as edits (no Qt). Each returns None when
the gesture changes nothing, so no empty step reaches the undo stack."""

from __future__ import annotations

from typing import Any

from workshop.domain.edits import Edit, add_item, remove_item, set_item_field
from workshop.domain.session import DataAuditItem, Session, new_id


def add_data_item(session: Session, opportunity_id: str) -> tuple[Edit, str]:
    """A new, empty data item for an opportunity (or the general data), and its id."""
    item = DataAuditItem(id=new_id(), opportunity_id=opportunity_id)
    return add_item(session, "audit", item, label="Add data item"), item.id


def set_item(session: Session, item_id: str, field: str, value: Any) -> Edit | None:
    item = session.find("audit", item_id)
    if item is None or getattr(item, field) == value:
        return None
    name = field.replace("_", " ")
    return set_item_field(session, "audit", item_id, field, value, f"Set data {name}")


def set_readiness(session: Session, opportunity_id: str, value: str) -> Edit | None:
    opportunity = session.find("opportunities", opportunity_id)
    if opportunity is None or opportunity.data_readiness == value:
        return None
    return set_item_field(
        session, "opportunities", opportunity_id, "data_readiness", value, "Set data readiness"
    )


def remove_data_item(session: Session, item_id: str) -> Edit | None:
    if session.find("audit", item_id) is None:
        return None
    return remove_item(session, "audit", item_id, "Remove data item")


def removed_text(item: DataAuditItem) -> str:
    """What the undo bar says went: "Removed “Renewal dates”."."""
    what = item.data_needed.strip() or "an untitled data item"
    shown = what if len(what) <= 80 else what[:79] + "…"
    return f"Removed “{shown}”."

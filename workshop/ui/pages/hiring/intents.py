"""What the facilitator means on the hiring plan, as edits (no Qt). Each returns None when the
gesture changes nothing, so no empty step reaches the undo stack."""

from __future__ import annotations

from workshop.domain.edits import Edit, add_item, move_item, remove_item, set_item_field
from workshop.domain.hiring import recommended_hire
from workshop.domain.session import Hire, Session, new_id
from workshop.framework.model import Role


def add_hire(
    session: Session, role_id: str, title: str, role: Role | None = None
) -> tuple[Edit, str]:
    """One hire at the end of the plan, and its id. A catalogue ``role`` is added as the
    framework recommends it, so adding exactly that raises no warning about the hire."""
    hire = (
        recommended_hire(role, new_id(), title)
        if role is not None
        else Hire(id=new_id(), role_id=role_id, title=title, target_quarter="")
    )
    return add_item(session, "hires", hire, label=f"Add {title} to the plan"), hire.id


def set_field(session: Session, hire_id: str, field: str, value: str | int | bool) -> Edit | None:
    hire = session.find("hires", hire_id)
    if hire is None or getattr(hire, field) == value:
        return None
    name = field.replace("_", " ")
    return set_item_field(session, "hires", hire_id, field, value, f"Edit hire {name}")


def move(session: Session, hire_id: str, step: int) -> Edit | None:
    """One place up (step −1) or down (+1) the plan; None at either end."""
    if session.find("hires", hire_id) is None:
        return None
    target = session.index_of("hires", hire_id) + step
    if not 0 <= target < len(session.hires):
        return None
    return move_item(session, "hires", hire_id, target, "Reorder the hiring plan")


def remove(session: Session, hire_id: str, name: str) -> Edit | None:
    if session.find("hires", hire_id) is None:
        return None
    return remove_item(session, "hires", hire_id, f"Remove {name} from the plan")

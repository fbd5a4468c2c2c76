"""What may be shown to the room or printed: the one place that decides.

The audience view, the projecting window and the PDF read a session only through
:func:`public_view`, which returns a copy with everything private taken out. A new private
field is added to :data:`PRIVATE_FIELDS` (or an item kind with a ``private`` flag to
:data:`PRIVATE_ITEMS`) and every surface follows; nothing else decides.

Private, in this product: the facilitator's page notes, the working notes on each planned
hire (labelled "never shown to the room"), interviews marked private, and actions marked
private. Content-side private text (a question's facilitator hint, the interview prompts) is
content, not session, and the surfaces never read it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from workshop.domain.session import Session
from workshop.framework.model import Framework

# (collection, field) pairs whose text is private: blanked in the public view.
PRIVATE_FIELDS: frozenset[tuple[str, str]] = frozenset(
    {
        ("pages", "note"),  # the facilitator's private note for a page
        ("hires", "notes"),  # working notes about people and offers
    }
)
# Collections whose items carry a ``private`` flag: a private item is left out entirely.
PRIVATE_ITEMS: frozenset[str] = frozenset({"interviews", "actions"})


@dataclass(frozen=True)
class PublicView:
    """A session as the room may see it, and the content it is read with."""

    session: Session  # a copy: private fields blanked, private items left out
    framework: Framework


def is_private_field(collection: str, field: str) -> bool:
    return (collection, field) in PRIVATE_FIELDS


def public_view(session: Session, framework: Framework) -> PublicView:
    """The public copy of ``session``; the original is never changed."""
    changes: dict[str, Any] = {}
    for collection in {c for c, _ in PRIVATE_FIELDS} | PRIVATE_ITEMS:
        items = session.collection(collection)
        if collection in PRIVATE_ITEMS:
            items = [item for item in items if not getattr(item, "private", False)]
        blank = {field: "" for c, field in PRIVATE_FIELDS if c == collection}
        if blank:
            items = [dataclasses.replace(item, **blank) for item in items]
        changes[collection] = list(items)
    return PublicView(session=dataclasses.replace(session, **changes), framework=framework)

"""What an edit touched, in the terms a page refreshes by: (collection, item id, fields).

Pages update only what an edit touched instead of refilling everything. They read it through
:func:`touched_by`, so when the session controller reports the workshop service's ``Change``
itself, only this function changes (to return ``change.touched``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workshop.domain.edits import AddItem, Batch, MoveItem, RemoveItem, SetField, flatten


@dataclass(frozen=True)
class Touched:
    """One thing an edit changed. ``collection`` is None for the session's own fields."""

    collection: str | None
    item_id: str
    fields: tuple[str, ...]
    kind: str  # "set" | "add" | "remove" | "move"


def touched_by(edit: object) -> tuple[Touched, ...]:
    """The primitive changes of ``edit`` (a batch gives one per inner edit, in order)."""
    if not isinstance(edit, SetField | AddItem | RemoveItem | MoveItem | Batch):
        return ()
    found: list[Touched] = []
    for primitive in flatten(edit):
        if isinstance(primitive, SetField):
            found.append(
                Touched(primitive.collection, primitive.item_id, (primitive.field,), "set")
            )
        elif isinstance(primitive, AddItem):
            found.append(Touched(primitive.collection, primitive.item.id, (), "add"))
        elif isinstance(primitive, RemoveItem):
            found.append(Touched(primitive.collection, primitive.item.id, (), "remove"))
        elif isinstance(primitive, MoveItem):
            found.append(Touched(primitive.collection, primitive.item_id, (), "move"))
    return tuple(found)


def concerns(touched: Iterable[Touched], collections: Iterable[str | None]) -> bool:
    """True when anything touched is in one of ``collections``."""
    wanted = set(collections)
    return any(t.collection in wanted for t in touched)

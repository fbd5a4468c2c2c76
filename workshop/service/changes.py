"""What an edit changed, so a view can refresh only that (a row, a marker, one label)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from workshop.domain.edits import AddItem, Edit, MoveItem, RemoveItem, SetField, flatten

TouchKind = Literal["set", "add", "remove", "move"]


@dataclass(frozen=True)
class Touch:
    """One collection item (or the session itself, ``collection is None``) an edit touched."""

    collection: str | None
    item_id: str
    fields: frozenset[str]
    kind: TouchKind


@dataclass(frozen=True)
class Change:
    """An edit as it was applied (for an undo: the inverse edit) and what it touched."""

    edit: Edit
    touched: tuple[Touch, ...]

    def collections(self) -> frozenset[str | None]:
        return frozenset(t.collection for t in self.touched)

    def touches(self, collection: str | None, field: str | None = None) -> bool:
        """Did this change touch ``collection`` (and, if given, ``field`` of it)?

        An added, removed or moved item counts as touching every field.
        """
        return any(
            t.collection == collection and (field is None or t.kind != "set" or field in t.fields)
            for t in self.touched
        )

    def item_ids(self, collection: str | None) -> frozenset[str]:
        return frozenset(t.item_id for t in self.touched if t.collection == collection)

    @property
    def structural(self) -> bool:
        """True when items were added, removed or moved (a list's rows changed, not a cell)."""
        return any(t.kind != "set" for t in self.touched)


def touched_by(edit: Edit) -> tuple[Touch, ...]:
    touched: list[Touch] = []
    for primitive in flatten(edit):
        if isinstance(primitive, SetField):
            touched.append(
                Touch(primitive.collection, primitive.item_id, frozenset({primitive.field}), "set")
            )
        elif isinstance(primitive, AddItem | RemoveItem):
            names = frozenset(f.name for f in dataclasses.fields(primitive.item))
            kind: TouchKind = "add" if isinstance(primitive, AddItem) else "remove"
            touched.append(Touch(primitive.collection, primitive.item.id, names, kind))
        elif isinstance(primitive, MoveItem):
            touched.append(Touch(primitive.collection, primitive.item_id, frozenset(), "move"))
    return tuple(touched)


def change_of(edit: Edit) -> Change:
    return Change(edit, touched_by(edit))

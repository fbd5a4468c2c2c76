"""Edit operations: every change to a session is one of these.

An edit is a plain, immutable value that can be applied to a :class:`Session` and
inverted. The app's undo stack pushes edits; the store writes exactly the rows an edit
touches. Build edits with the helper functions at the bottom (they read the current value,
so the edit knows how to undo itself), then ``edit.apply(session)``.

Applying checks that the session is in the state the edit expects (``old`` value, item
present at its index) and raises :class:`EditError` otherwise, so an edit that no longer
fits never half-applies.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from workshop.domain.session import (
    COLLECTIONS,
    EDITABLE_FIELDS,
    KEYED_COLLECTIONS,
    Session,
    item_fields,
)
from workshop.domain.validation import (
    check_collection_size,
    check_item,
    check_scalar,
    check_value,
)


class EditError(ValueError):
    """An edit does not fit the session (stale, unknown field, impossible value)."""


Value = str | int | bool | None | date | tuple[Any, ...]


@dataclass(frozen=True)
class SetField:
    """Set one field of the session (``collection is None``) or of one item."""

    collection: str | None
    item_id: str
    field: str
    old: Value
    new: Value
    label: str = ""

    def apply(self, session: Session) -> None:
        if self.collection is None:
            if self.field not in EDITABLE_FIELDS:
                raise EditError(f"the session has no editable field {self.field!r}")
            current = getattr(session, self.field)
            if current != self.old:
                raise EditError(f"{self.field} changed since this edit was made")
            check_scalar(self.field, self.new)
            setattr(session, self.field, self.new)
            return
        items = session.collection(self.collection)
        index = session.index_of(self.collection, self.item_id)
        item = items[index]
        if self.field == "id" or self.field not in item_fields(type(item)):
            raise EditError(f"{self.collection} items have no editable field {self.field!r}")
        if getattr(item, self.field) != self.old:
            raise EditError(f"{self.collection}.{self.field} changed since this edit was made")
        # Only the changed value is checked: an item saved before a limit existed stays
        # editable in its other fields.
        check_value(type(item), f"{self.collection}.{self.field}", self.field, self.new)
        updated = dataclasses.replace(item, **{self.field: self.new})
        items[index] = updated

    def inverted(self) -> SetField:
        return dataclasses.replace(self, old=self.new, new=self.old)


@dataclass(frozen=True)
class AddItem:
    collection: str
    item: Any
    index: int
    label: str = ""

    def apply(self, session: Session) -> None:
        items = session.collection(self.collection)
        if not isinstance(self.item, COLLECTIONS[self.collection]):
            raise EditError(f"{type(self.item).__name__} does not belong in {self.collection}")
        if session.find(self.collection, self.item.id) is not None:
            raise EditError(f"{self.collection} already has an item {self.item.id!r}")
        if not 0 <= self.index <= len(items):
            raise EditError(f"position {self.index} is outside {self.collection}")
        check_collection_size(self.collection, len(items) + 1)
        check_item(self.collection, self.item)
        items.insert(self.index, self.item)

    def inverted(self) -> RemoveItem:
        return RemoveItem(self.collection, self.item, self.index, self.label)


@dataclass(frozen=True)
class RemoveItem:
    collection: str
    item: Any  # the whole item, so the removal can be undone
    index: int
    label: str = ""

    def apply(self, session: Session) -> None:
        items = session.collection(self.collection)
        if not (0 <= self.index < len(items) and items[self.index] == self.item):
            raise EditError(f"{self.collection} item {self.item.id!r} changed or moved")
        del items[self.index]

    def inverted(self) -> AddItem:
        return AddItem(self.collection, self.item, self.index, self.label)


@dataclass(frozen=True)
class MoveItem:
    collection: str
    item_id: str
    old_index: int
    new_index: int
    label: str = ""

    def apply(self, session: Session) -> None:
        items = session.collection(self.collection)
        if not (0 <= self.old_index < len(items) and items[self.old_index].id == self.item_id):
            raise EditError(f"{self.collection} item {self.item_id!r} moved")
        if not 0 <= self.new_index < len(items):
            raise EditError(f"position {self.new_index} is outside {self.collection}")
        items.insert(self.new_index, items.pop(self.old_index))

    def inverted(self) -> MoveItem:
        return dataclasses.replace(self, old_index=self.new_index, new_index=self.old_index)


@dataclass(frozen=True)
class Batch:
    """Several edits as one step (one undo, one transaction)."""

    edits: tuple[Edit, ...]
    label: str = ""

    def apply(self, session: Session) -> None:
        done: list[Edit] = []
        try:
            for edit in self.edits:
                edit.apply(session)
                done.append(edit)
        except Exception:
            for edit in reversed(done):  # leave the session as it was
                edit.inverted().apply(session)
            raise

    def inverted(self) -> Batch:
        return Batch(tuple(e.inverted() for e in reversed(self.edits)), self.label)


Edit = SetField | AddItem | RemoveItem | MoveItem | Batch


def flatten(edit: Edit) -> list[SetField | AddItem | RemoveItem | MoveItem]:
    """The primitive edits of ``edit`` in the order they apply."""
    if isinstance(edit, Batch):
        return [primitive for inner in edit.edits for primitive in flatten(inner)]
    return [edit]


# --- Building edits from the current state -----------------------------------------------


def set_session_field(session: Session, field: str, value: Value, label: str = "") -> SetField:
    if field not in EDITABLE_FIELDS:
        raise EditError(f"the session has no editable field {field!r}")
    return SetField(None, "", field, getattr(session, field), value, label or f"Edit {field}")


def set_item_field(
    session: Session, collection: str, item_id: str, field: str, value: Value, label: str = ""
) -> SetField:
    item = session.find(collection, item_id)
    if item is None:
        raise EditError(f"no item {item_id!r} in {collection}")
    if field == "id" or field not in item_fields(type(item)):
        raise EditError(f"{collection} items have no field {field!r}")
    return SetField(collection, item_id, field, getattr(item, field), value, label or "Edit")


def add_item(
    session: Session, collection: str, item: Any, index: int | None = None, label: str = ""
) -> AddItem:
    items = session.collection(collection)
    return AddItem(collection, item, len(items) if index is None else index, label or "Add")


def remove_item(session: Session, collection: str, item_id: str, label: str = "") -> RemoveItem:
    index = session.index_of(collection, item_id)
    return RemoveItem(collection, session.collection(collection)[index], index, label or "Delete")


def move_item(
    session: Session, collection: str, item_id: str, new_index: int, label: str = ""
) -> MoveItem:
    return MoveItem(
        collection, item_id, session.index_of(collection, item_id), new_index, label or "Move"
    )


def set_keyed_field(
    session: Session, collection: str, key: str, field: str, value: Value, label: str = ""
) -> SetField | AddItem:
    """Set a field of the item keyed by a content id, creating the item if it is missing.

    ``set_keyed_field(s, "answers", "q_customers", "text", "...")`` is how an answer is typed.
    """
    if collection not in KEYED_COLLECTIONS:
        raise EditError(f"{collection} is not keyed by content id")
    if session.find(collection, key) is not None:
        return set_item_field(session, collection, key, field, value, label)
    item = COLLECTIONS[collection](id=key, **{field: value})
    return add_item(session, collection, item, label=label)

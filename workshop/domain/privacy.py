"""What is private in a session, read from the one declaration of its fields.

Two kinds of privacy are declared in :mod:`workshop.domain.session` (``private=True`` and
``marks_private=True`` on a field, see :mod:`workshop.domain.fields`):

- a **private field** is the facilitator's alone in every item: the page's note
  (``PageRecord.note``), the hiring plan's notes (``Hire.notes``, "Private notes (never shown
  to the room)");
- a **privacy flag** makes a whole item private when it is true: an interview or an action
  marked private (``Interview.private``, ``Action.private``).

Nothing private may be projected or printed. This module only *says* what is private; the
public view (:mod:`workshop.domain.public_view`) is the one place that leaves it out for the
audience view, projecting mode and the PDF. A new private field is one ``private=True`` in the
declaration, and every reader below follows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from workshop.domain.fields import spec_of
from workshop.domain.session import COLLECTIONS, Session


def _private_fields(cls: type[Any]) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls) if spec_of(f).private)


def _privacy_flag(cls: type[Any]) -> str | None:
    flags = [f.name for f in dataclasses.fields(cls) if spec_of(f).marks_private]
    assert len(flags) <= 1, f"{cls.__name__} declares more than one privacy flag"
    return flags[0] if flags else None


# collection -> fields private in every item of it (only collections that have some)
PRIVATE_FIELDS: Mapping[str, frozenset[str]] = {
    name: fields for name, cls in COLLECTIONS.items() if (fields := _private_fields(cls))
}
# collection -> the boolean field that makes one item private (only collections that have one)
PRIVACY_FLAGS: Mapping[str, str] = {
    name: flag for name, cls in COLLECTIONS.items() if (flag := _privacy_flag(cls)) is not None
}
# session fields (outside the collections) that are private; none today, declared the same way
PRIVATE_SESSION_FIELDS: frozenset[str] = frozenset(
    name for name in _private_fields(Session) if name not in COLLECTIONS
)


def is_private_field(collection: str | None, field: str) -> bool:
    """True when ``field`` of every item of ``collection`` is private (``None``: the session's
    own fields). A privacy flag itself (``Action.private``) is not private: the room may know
    that something was kept back, not what."""
    if collection is None:
        return field in PRIVATE_SESSION_FIELDS
    if collection not in COLLECTIONS:
        raise KeyError(f"unknown collection {collection!r}")
    return field in PRIVATE_FIELDS.get(collection, frozenset())


def is_private_item(collection: str, item: Any) -> bool:
    """True when ``item`` is marked private as a whole (its collection's privacy flag)."""
    flag = PRIVACY_FLAGS.get(collection)
    return bool(flag and getattr(item, flag))


def private_items(session: Session, collection: str) -> list[Any]:
    """The items of ``collection`` marked private as a whole, in order."""
    return [item for item in session.collection(collection) if is_private_item(collection, item)]


def public_items(session: Session, collection: str) -> list[Any]:
    """The items of ``collection`` not marked private, in order (their private fields are
    still there: see :func:`without_private_fields`)."""
    return [
        item for item in session.collection(collection) if not is_private_item(collection, item)
    ]


def without_private_fields(collection: str, item: Any) -> Any:
    """A copy of ``item`` with its private fields emptied (to their declared defaults)."""
    private = PRIVATE_FIELDS.get(collection)
    if not private:
        return item
    defaults = {
        f.name: "" if f.default is dataclasses.MISSING else f.default
        for f in dataclasses.fields(type(item))
        if f.name in private
    }
    return dataclasses.replace(item, **defaults)


def private_values(session: Session) -> list[tuple[str, str]]:
    """Every private text of the session as ``(where, text)``, non-empty ones only: the
    private fields of every item and every text field of items marked private. For checks
    that none of it reaches the room or the page."""
    found: list[tuple[str, str]] = []
    for name in PRIVATE_SESSION_FIELDS:
        value = getattr(session, name)
        if isinstance(value, str) and value:
            found.append((name, value))
    for collection in COLLECTIONS:
        private = PRIVATE_FIELDS.get(collection, frozenset())
        for index, item in enumerate(session.collection(collection)):
            whole = is_private_item(collection, item)
            for f in dataclasses.fields(item):
                value = getattr(item, f.name)
                if f.name == "id" or not isinstance(value, str) or not value:
                    continue
                if whole and spec_of(f).kind in ("line", "cell", "text") or f.name in private:
                    found.append((f"{collection}[{index}].{f.name}", value))
    return found

"""Converting between domain objects and row values, derived from the dataclass fields.

Row values are plain dicts keyed by column name (= dataclass field name), used with Core
statements; the column types in :mod:`workshop.store.models` turn dates, datetimes and
tuples into SQLite values and back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workshop.domain.session import COLLECTIONS, SCALAR_FIELDS, Session, item_fields


def session_values(session: Session) -> dict[str, Any]:
    """The ``sessions`` row of a domain session (store-only columns left to their defaults)."""
    return {name: getattr(session, name) for name in SCALAR_FIELDS}


def item_values(session_id: str, item: Any, position: int) -> dict[str, Any]:
    values = {name: getattr(item, name) for name in item_fields(type(item))}
    values["session_id"] = session_id
    values["position"] = position
    return values


def session_from_rows(
    session_row: Mapping[Any, Any], items: Mapping[str, list[Mapping[Any, Any]]]
) -> Session:
    """Build a Session from its ``sessions`` row and each collection's rows (in order)."""
    scalars: dict[str, Any] = {name: session_row[name] for name in SCALAR_FIELDS}
    collections: dict[str, Any] = {
        name: [item_from_row(name, row) for row in items.get(name, [])] for name in COLLECTIONS
    }
    return Session(**scalars, **collections)


def item_from_row(collection: str, row: Mapping[Any, Any]) -> Any:
    cls = COLLECTIONS[collection]
    return cls(**{name: row[name] for name in item_fields(cls)})

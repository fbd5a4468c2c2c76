"""Converting between domain objects and row values, derived from the dataclass fields.

Row values are plain dicts keyed by column name (= dataclass field name), used with Core
statements; the column types in :mod:`workshop.store.models` turn dates, datetimes and
tuples into SQLite values and back.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from workshop.domain.session import COLLECTIONS, SCALAR_FIELDS, Session, item_fields
from workshop.domain.validation import InvalidValue, check_value

#: One row's values by column name: a SQLAlchemy ``RowMapping`` (whose keys may also be
#: column objects, hence ``Any``) or a plain dict.
Row = Mapping[Any, Any]


def session_values(session: Session) -> dict[str, Any]:
    """The ``sessions`` row of a domain session (store-only columns left to their defaults)."""
    return {name: getattr(session, name) for name in SCALAR_FIELDS}


def item_values(session_id: str, item: Any, position: int) -> dict[str, Any]:
    values = {name: getattr(item, name) for name in item_fields(type(item))}
    values["session_id"] = session_id
    values["position"] = position
    return values


def session_from_rows(session_row: Row, items: Mapping[str, Sequence[Row]]) -> Session:
    """Build a Session from its ``sessions`` row and each collection's rows (in order)."""
    scalars: dict[str, Any] = {name: session_row[name] for name in SCALAR_FIELDS}
    collections: dict[str, Any] = {
        name: [item_from_row(name, row) for row in items.get(name, [])] for name in COLLECTIONS
    }
    return Session(**scalars, **collections)


def item_from_row(collection: str, row: Row) -> Any:
    cls = COLLECTIONS[collection]
    return cls(**{name: row[name] for name in item_fields(cls)})


# --- reading a damaged workshop as far as possible -------------------------------------------


def salvage_session(
    session_row: Row, items: Mapping[str, Sequence[Row]]
) -> tuple[Session, list[str]]:
    """Build a Session from *raw* SQLite values (no column types applied), keeping every value
    that can be read and is valid, and putting the declared default in place of any other.

    Returns the session and one short note per value left out (``"actions[2].due: '2027-13-45'
    is not a date"``). An item whose id cannot be read is left out whole. Used to export a
    damaged workshop as far as possible; a healthy one gives no notes.
    """
    problems: list[str] = []
    scalars = _salvage_fields(Session, session_row, "", problems, skip=COLLECTIONS)
    # Values typed Any, as the scalars are: each goes to a differently typed field of Session.
    collections: dict[str, Any] = {}
    for name, cls in COLLECTIONS.items():
        kept: list[Any] = []
        for index, row in enumerate(items.get(name, [])):
            where = f"{name}[{index}]"
            values = _salvage_fields(cls, row, where, problems)
            if "id" not in values:
                problems.append(f"{where}: left out (its id cannot be read)")
                continue
            kept.append(cls(**values))
        collections[name] = kept
    session = Session(**scalars, **collections)
    return session, problems


def _salvage_fields(
    cls: type[Any],
    row: Row,
    where: str,
    problems: list[str],
    skip: Mapping[str, Any] | frozenset[str] = frozenset(),
) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in skip or f.name not in row:
            continue
        name = f"{where}.{f.name}" if where else f.name
        try:
            value = _raw_value(row[f.name], hints[f.name])
            check_value(cls, name, f.name, value)
        except (ValueError, TypeError, InvalidValue) as error:
            problems.append(f"{name}: {_shown(row[f.name])} {_why(error)}")
            continue
        values[f.name] = value
    return values


def _raw_value(raw: Any, hint: Any) -> Any:
    """A raw SQLite value as the field's Python type (the column types' work, by hand)."""
    options = (
        typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, _UNION) else (hint,)
    )
    if raw is None:
        if type(None) in options:
            return None
        raise ValueError("is empty")
    kind = next(o for o in options if o is not type(None))
    if kind is datetime:
        if not isinstance(raw, str):
            raise ValueError("is not a date and time")
        parsed = datetime.fromisoformat(raw)
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    if kind is date:
        if not isinstance(raw, str) or len(raw) != 10:
            raise ValueError("is not a date")
        return date.fromisoformat(raw)
    if kind is bool:
        if raw not in (0, 1):
            raise ValueError("is not yes or no")
        return bool(raw)
    if typing.get_origin(kind) is tuple:
        if not isinstance(raw, str):
            raise ValueError("is not a list")
        return tuple(json.loads(raw))
    if isinstance(raw, bytes):
        raise ValueError("is not text")
    return raw


def _why(error: BaseException) -> str:
    text = str(error)
    # Validation messages start with the field's name, which the note already gives.
    return text.split(": ", 1)[1] if ": " in text else text or "cannot be read"


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


_UNION = type(int | None)

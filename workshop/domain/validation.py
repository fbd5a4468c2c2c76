"""What counts as a possible value for each field of a session.

Checked by every edit and by the portable-file import, so an impossible value (a rating of
7, a negative headcount, a quarter like "2027-Q5") is refused with a clear message instead
of reaching the database. Unusual but legal text (10,000 characters, markup, emoji,
right-to-left script) is accepted as it is.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from typing import Any

from workshop.domain.quarters import is_quarter
from workshop.domain.session import COLLECTIONS, Session

MAX_TEXT = 100_000  # characters in one field: far beyond any real answer, refuses garbage
MAX_COUNT = 10_000  # people in one show of hands, votes on one opportunity


class InvalidValue(ValueError):
    pass


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _check_type(where: str, value: object, hint: Any) -> None:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(hint):
            try:
                _check_type(where, value, option)
                return
            except InvalidValue:
                continue
        raise InvalidValue(f"{where}: {value!r} is not a valid value")
    if hint is type(None):
        if value is not None:
            raise InvalidValue(f"{where}: expected nothing, got {value!r}")
        return
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(value, tuple):
            raise InvalidValue(f"{where}: expected a list, got {type(value).__name__}")
        element_types = [args[0]] * len(value) if args[-1] is Ellipsis else list(args)
        if len(element_types) != len(value):
            raise InvalidValue(f"{where}: expected {len(element_types)} values, got {len(value)}")
        for element, element_type in zip(value, element_types, strict=True):
            _check_type(where, element, element_type)
        return
    if hint is int and isinstance(value, bool):
        raise InvalidValue(f"{where}: expected a whole number, got {value!r}")
    if hint is date and isinstance(value, datetime):
        raise InvalidValue(f"{where}: expected a date, got a date and time")
    if hint is Any:
        return
    if not isinstance(value, hint):
        raise InvalidValue(f"{where}: expected {hint.__name__}, got {type(value).__name__}")
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise InvalidValue(f"{where}: text longer than {MAX_TEXT:,} characters")


def _in(where: str, value: object, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise InvalidValue(f"{where}: {value!r} is not one of {', '.join(allowed)}")


def _between(where: str, value: int | None, low: int, high: int) -> None:
    if value is not None and not low <= value <= high:
        raise InvalidValue(f"{where}: {value} is outside {low}..{high}")


def _quarter(where: str, value: str) -> None:
    if value and not is_quarter(value):
        raise InvalidValue(f"{where}: {value!r} is not a quarter like 2027-Q1")


def check_scalar(field: str, value: object) -> None:
    hints = _hints(Session)
    if field not in hints:
        raise InvalidValue(f"the session has no field {field!r}")
    _check_type(field, value, hints[field])
    if field == "statement_set":
        _in(field, value, ("core", "extended"))


def check_item(collection: str, item: Any) -> None:
    """Raise :class:`InvalidValue` when ``item`` holds an impossible value."""
    cls = COLLECTIONS[collection]
    if not isinstance(item, cls):
        raise InvalidValue(f"{collection}: expected {cls.__name__}")
    hints = _hints(cls)
    for f in dataclasses.fields(cls):
        _check_type(f"{collection}.{f.name}", getattr(item, f.name), hints[f.name])
    if not item.id:
        raise InvalidValue(f"{collection}: an item has no id")
    where = collection
    match collection:
        case "interviews":
            _in(f"{where}.function", item.function, item.FUNCTIONS)
        case "agenda":
            _between(f"{where}.planned_minutes", item.planned_minutes, 0, 24 * 60)
            _between(f"{where}.actual_seconds", item.actual_seconds, 0, 7 * 24 * 3600)
        case "answers":
            _in(f"{where}.status", item.status, item.STATUSES)
        case "ratings" | "baseline_ratings":
            _between(f"{where}.score", item.score, 0, 4)
            for count in item.counts:
                _between(f"{where}.counts", count, 0, MAX_COUNT)
        case "opportunities":
            for name in ("value", "cost", "confidence"):
                _between(f"{where}.{name}", getattr(item, name), 1, 5)
            _between(f"{where}.votes", item.votes, 0, MAX_COUNT)
            _in(f"{where}.data_readiness", item.data_readiness, item.DATA_READINESS)
            _quarter(f"{where}.target_quarter", item.target_quarter)
        case "audit":
            _in(f"{where}.status", item.status, item.STATUSES)
            _quarter(f"{where}.target_quarter", item.target_quarter)
        case "hires":
            _in(f"{where}.mode", item.mode, item.MODES)
            _in(f"{where}.seniority", item.seniority, item.SENIORITIES)
            _between(f"{where}.headcount", item.headcount, 1, 1000)
            _quarter(f"{where}.target_quarter", item.target_quarter)
        case "decisions":
            _in(f"{where}.status", item.status, item.STATUSES)
            _quarter(f"{where}.target_quarter", item.target_quarter)
        case "actions":
            _in(f"{where}.kind", item.kind, item.KINDS)
            _in(f"{where}.status", item.status, item.STATUSES)
        case "pages":
            _in(f"{where}.status", item.status, item.STATUSES)


def check_session(session: Session) -> None:
    """Check every field and item of a whole session (used by import)."""
    for field in _hints(Session):
        if field in COLLECTIONS:
            items = session.collection(field)
            seen: set[str] = set()
            for item in items:
                check_item(field, item)
                if item.id in seen:
                    raise InvalidValue(f"{field}: the id {item.id!r} appears twice")
                seen.add(item.id)
        elif field not in ("created_at", "updated_at"):
            check_scalar(field, getattr(session, field))

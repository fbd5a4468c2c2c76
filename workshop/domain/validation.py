"""What counts as a possible value for each field of a session.

Checked by every edit and by the portable-file import, so an impossible value (a rating of
7, a negative headcount, a quarter like "2027-Q5", a 3,000-character organisation) is refused
with a clear message instead of reaching the database or breaking the PDF. The rules are not
written here field by field: they come from each field's declaration
(:mod:`workshop.domain.fields`) and type hint, so the JSON Schema and these checks cannot
drift apart. Unusual but legal text (markup, emoji, right-to-left script, long answers) is
accepted as it is; text that cannot be stored as UTF-8 (a lone surrogate such as
``"\\ud800"``) or that holds a NUL character is refused, naming the field.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from typing import Any

from workshop.domain.fields import COUNT, TEXT, FieldSpec, spec_of
from workshop.domain.quarters import is_quarter
from workshop.domain.session import COLLECTION_CAPS, COLLECTIONS, Session

MAX_TEXT = TEXT  # kept for callers that name the longest text
MAX_COUNT = COUNT


class InvalidValue(ValueError):
    pass


_HINTS: dict[type[Any], dict[str, Any]] = {}
_SPECS: dict[type[Any], dict[str, FieldSpec]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _specs(cls: type[Any]) -> dict[str, FieldSpec]:
    if cls not in _SPECS:
        _SPECS[cls] = {f.name: spec_of(f) for f in dataclasses.fields(cls)}
    return _SPECS[cls]


def field_spec(collection: str | None, field: str) -> FieldSpec | None:
    """The declaration of a session field (``collection=None``) or an item field."""
    cls = Session if collection is None else COLLECTIONS.get(collection)
    return None if cls is None else _specs(cls).get(field)


def text_limit(collection: str | None, field: str) -> int | None:
    """The most characters a text field may hold (for the pages' counters), or None."""
    spec = field_spec(collection, field)
    return spec.max_length if spec is not None else None


def _check_text(where: str, value: str, spec: FieldSpec) -> None:
    limit = spec.max_length if spec.max_length is not None else TEXT
    if len(value) > limit:
        raise InvalidValue(f"{where}: text longer than {limit:,} characters ({len(value):,})")
    if "\x00" in value:
        raise InvalidValue(f"{where}: holds a NUL character (position {value.index(chr(0))})")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        bad = value[error.start]
        raise InvalidValue(
            f"{where}: holds a character that cannot be stored as text "
            f"(U+{ord(bad):04X}, a lone surrogate, at position {error.start})"
        ) from None


def _check_type(where: str, value: object, hint: Any, spec: FieldSpec) -> None:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None and type(None) in options:
            return
        concrete = [o for o in options if o is not type(None)]
        if len(concrete) == 1:
            _check_type(where, value, concrete[0], spec)
            return
        for option in concrete:  # pragma: no cover - the session has no such field today
            try:
                _check_type(where, value, option, spec)
                return
            except InvalidValue:
                continue
        raise InvalidValue(f"{where}: {value!r} is not a valid value")
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(value, tuple):
            raise InvalidValue(f"{where}: expected a list, got {type(value).__name__}")
        element_types = [args[0]] * len(value) if args[-1] is Ellipsis else list(args)
        if len(element_types) != len(value):
            raise InvalidValue(f"{where}: expected {len(element_types)} values, got {len(value)}")
        if spec.max_items is not None and len(value) > spec.max_items:
            raise InvalidValue(f"{where}: more than {spec.max_items:,} values")
        for element, element_type in zip(value, element_types, strict=True):
            _check_type(where, element, element_type, spec)
        return
    if hint is int and isinstance(value, bool):
        raise InvalidValue(f"{where}: expected a whole number, got {value!r}")
    if hint is date and isinstance(value, datetime):
        raise InvalidValue(f"{where}: expected a date, got a date and time")
    if hint is Any:
        return
    if not isinstance(value, hint):
        raise InvalidValue(f"{where}: expected {hint.__name__}, got {type(value).__name__}")
    if isinstance(value, str):
        _check_text(where, value, spec)
    if isinstance(value, int) and not isinstance(value, bool):
        _check_range(where, value, spec)


def _check_range(where: str, value: int, spec: FieldSpec) -> None:
    if spec.low is not None and value < spec.low or spec.high is not None and value > spec.high:
        raise InvalidValue(f"{where}: {value} is outside {spec.low}..{spec.high}")


def _check_declared(where: str, value: object, spec: FieldSpec) -> None:
    """The rules beyond the type: a vocabulary, a quarter, an id."""
    if spec.choices is not None and value not in spec.choices.values():
        allowed = ", ".join(spec.choices.values())
        raise InvalidValue(f"{where}: {value!r} is not one of {allowed}")
    if spec.kind == "quarter" and value and not is_quarter(str(value)):
        raise InvalidValue(f"{where}: {value!r} is not a quarter like 2027-Q1")
    if spec.kind == "id" and not value:
        raise InvalidValue(f"{where}: an item has no id")


def _check_field(cls: type[Any], where: str, name: str, value: object) -> None:
    spec = _specs(cls)[name]
    _check_type(where, value, _hints(cls)[name], spec)
    _check_declared(where, value, spec)


def check_value(cls: type[Any], where: str, field: str, value: object) -> None:
    """Check one value for ``field`` of ``cls`` (the session or an item class) on its own;
    ``where`` names it in the message."""
    _check_field(cls, where, field, value)


def check_scalar(field: str, value: object) -> None:
    if field not in _specs(Session) or field in COLLECTIONS:
        raise InvalidValue(f"the session has no field {field!r}")
    _check_field(Session, field, field, value)


def check_item(collection: str, item: Any, where: str = "") -> None:
    """Raise :class:`InvalidValue` when ``item`` holds an impossible value.

    ``where`` names the item in messages (``"participants[3]"``); the collection by default.
    """
    cls = COLLECTIONS[collection]
    if not isinstance(item, cls):
        raise InvalidValue(f"{collection}: expected {cls.__name__}")
    where = where or collection
    for f in dataclasses.fields(cls):
        _check_field(cls, f"{where}.{f.name}", f.name, getattr(item, f.name))


def check_collection_size(collection: str, size: int) -> None:
    cap = COLLECTION_CAPS[collection]
    if size > cap:
        raise InvalidValue(f"{collection}: {size:,} items; a workshop holds at most {cap:,}")


def check_session(session: Session) -> None:
    """Check every field and item of a whole session (used by import)."""
    for f in dataclasses.fields(Session):
        field = f.name
        if field in COLLECTIONS:
            items = session.collection(field)
            check_collection_size(field, len(items))
            seen: set[str] = set()
            for index, item in enumerate(items):
                check_item(field, item, f"{field}[{index}]")
                if item.id in seen:
                    raise InvalidValue(f"{field}: the id {item.id!r} appears twice")
                seen.add(item.id)
        elif field not in ("created_at", "updated_at"):
            check_scalar(field, getattr(session, field))

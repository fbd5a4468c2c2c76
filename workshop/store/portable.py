"""Portable session files: one workshop as versioned JSON, with a published JSON Schema.

The file (``resources/schema/session-1.schema.json`` describes it)::

    {"format": "ml-team-maturity-workshop/session", "format_version": 1,
     "exported_at": "2027-03-15T17:02:00Z", "content_version": "2027.1",
     "session": {"id": "...", "organisation": "...", ..., "participants": [...], ...}}

Dates are ``YYYY-MM-DD``, times ISO 8601 in UTC, tuples JSON arrays. Every field of the
session is written, so export -> import -> export gives the same file apart from the
session id and ``exported_at`` ("lossless"). Reading validates the whole file (size,
encoding, JSON, schema, then the domain's own checks) before returning anything, and every
refusal is a :class:`PortableFileError` with a one-line reason. The imported session gets a
new id; ``follows_up`` keeps pointing at the session it follows, even one not in this
database.

jsonschema is imported only when a file is read, never at start-up.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import typing
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from workshop.domain.session import COLLECTIONS, SCALAR_FIELDS, Session, new_id
from workshop.domain.validation import InvalidValue, check_session
from workshop.files import UnsafeFileError, read_regular_file, write_atomically
from workshop.store.schema import FORMAT, FORMAT_VERSION, schema_path

MAX_FILE_BYTES = 20 * 1024 * 1024  # a real session is well under 1 MB
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class PortableFileError(ValueError):
    """A session file cannot be written or read; the message is one line for the user."""


# --- writing --------------------------------------------------------------------------------


def session_to_document(session: Session, exported_at: datetime | None = None) -> dict[str, Any]:
    """The whole portable document for ``session`` (JSON-ready values only)."""
    when = (exported_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    body: dict[str, Any] = {name: _to_json(getattr(session, name)) for name in SCALAR_FIELDS}
    for name in COLLECTIONS:
        body[name] = [
            {f.name: _to_json(getattr(item, f.name)) for f in dataclasses.fields(item)}
            for item in session.collection(name)
        ]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": _datetime_text(when),
        "content_version": session.content_version,
        "session": body,
    }


def write_session_file(session: Session, path: str | os.PathLike[str]) -> None:
    """Write ``session`` to ``path`` atomically (:func:`workshop.files.write_atomically`: a
    temporary file beside it, then a rename; the user's umask; regular files only)."""
    text = json.dumps(session_to_document(session), ensure_ascii=False, indent=2) + "\n"
    try:
        write_atomically(Path(path), text.encode("utf-8"), what="the session file")
    except UnsafeFileError as error:
        raise PortableFileError(str(error)) from error


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return _datetime_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _datetime_text(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


# --- reading --------------------------------------------------------------------------------


def read_session_file(path: str | os.PathLike[str]) -> Session:
    """Read and fully validate a session file; the session comes back with a new id.

    Raises :class:`PortableFileError` (one line) for anything that is not a complete,
    valid session file of a version this app reads. Nothing is written anywhere.
    """
    source = Path(path)
    name = source.name or str(source)
    try:
        data = read_regular_file(source, MAX_FILE_BYTES)
    except UnsafeFileError as error:
        raise PortableFileError(str(error)) from error
    if len(data) > MAX_FILE_BYTES:
        try:
            size = max(len(data), source.stat().st_size)
        except OSError:
            size = len(data)
        raise PortableFileError(_too_big(name, size))
    return session_from_document(_parse(name, data), name)


def session_from_document(document: Any, name: str = "session file") -> Session:
    """Validate a parsed document and build its session, with a new id."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise PortableFileError(f"{name}: not a workshop session file")
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PortableFileError(f"{name}: the session file has no valid format_version")
    if version > FORMAT_VERSION:
        raise PortableFileError(
            f"{name}: made by a newer version of the app (file format {version}; this version "
            f"reads format {FORMAT_VERSION}) — please update the app"
        )
    if version < 1:
        raise PortableFileError(f"{name}: unknown file format version {version}")
    _check_schema(name, document)
    body = document["session"]
    try:
        scalars: dict[str, Any] = {
            key: _from_json(Session, key, body[key], key) for key in SCALAR_FIELDS if key in body
        }
        collections: dict[str, Any] = {
            collection: [
                _item_from_json(collection, index, raw)
                for index, raw in enumerate(body.get(collection, []))
            ]
            for collection in COLLECTIONS
        }
        session = Session(**scalars, **collections)
        check_session(session)
    except (InvalidValue, ValueError) as error:
        raise PortableFileError(f"{name}: {_one_line(str(error))}") from error
    session.id = new_id()  # an imported workshop is a new workshop in this database
    return session


def _parse(name: str, data: bytes) -> Any:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PortableFileError(
            f"{name}: not UTF-8 text (bad byte at position {error.start}); is it a session file?"
        ) from error
    text = text.removeprefix("\ufeff")  # tolerate a byte-order mark from Windows editors
    try:
        return json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_special_numbers
        )
    except json.JSONDecodeError as error:
        raise PortableFileError(
            f"{name}: not valid JSON: {error.msg} (line {error.lineno}, column {error.colno}); "
            "the file may be truncated or damaged"
        ) from error
    except ValueError as error:
        raise PortableFileError(f"{name}: not valid JSON ({error})") from error
    except RecursionError as error:
        raise PortableFileError(f"{name}: not a session file (nested too deeply)") from error


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _no_special_numbers(token: str) -> Any:
    raise ValueError(f"{token} is not a number JSON allows")


def _too_big(name: str, size: int) -> str:
    return (
        f"{name}: too large for a session file ({size / 1024 / 1024:.1f} MB; "
        f"the limit is {MAX_FILE_BYTES // 1024 // 1024} MB)"
    )


def _check_schema(name: str, document: dict[str, Any]) -> None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    error = best_match(_validator(Draft202012Validator).iter_errors(document))
    if error is not None:
        where = _json_path(error.absolute_path)
        raise PortableFileError(f"{name}: {where + ': ' if where else ''}{_schema_reason(error)}")


# What the schema's patterns stand for, so a refusal can say it in words.
_PATTERN_MEANINGS = {
    "date": "a date like 2027-03-15",
    "datetime": "a date and time like 2027-03-15T09:00:00Z",
    "quarter": "a quarter like 2027-Q1 (or empty)",
}


def _schema_reason(error: Any) -> str:
    if error.validator == "maxLength":
        return f"text longer than {error.validator_value:,} characters"
    if error.validator == "pattern":
        definitions = _schema()["$defs"]
        meaning = next(
            (
                words
                for key, words in _PATTERN_MEANINGS.items()
                if definitions.get(key, {}).get("pattern") == error.validator_value
            ),
            "in the expected form",
        )
        return f"{_one_line(repr(error.instance), 60)} is not {meaning}"
    return _one_line(error.message)


@cache
def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_path().read_text(encoding="utf-8"))
    return schema


@cache
def _validator(validator_class: Any) -> Any:
    return validator_class(_schema())


def _json_path(parts: typing.Iterable[Any]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _one_line(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _item_from_json(collection: str, index: int, raw: dict[str, Any]) -> Any:
    cls = COLLECTIONS[collection]
    where = f"{collection}[{index}]"
    values = {key: _from_json(cls, key, value, f"{where}.{key}") for key, value in raw.items()}
    return cls(**values)


def _from_json(cls: type[Any], field: str, value: Any, where: str) -> Any:
    """Turn a JSON value into the field's Python type (the schema already checked its shape)."""
    hint = _hints(cls)[field]
    options = (
        typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, _UnionType) else (hint,)
    )
    if value is None:
        return None
    if datetime in options:
        try:
            parsed = datetime.fromisoformat(value)
        except (TypeError, ValueError) as error:
            raise ValueError(f"{where}: {value!r} is not a date and time") from error
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    if date in options:
        if not isinstance(value, str) or not _DATE.match(value):
            raise ValueError(f"{where}: {value!r} is not a date like 2027-03-15")
        try:
            return date.fromisoformat(value)
        except ValueError as error:
            raise ValueError(f"{where}: {value!r} is not a real date") from error
    if any(typing.get_origin(option) is tuple for option in options) and isinstance(value, list):
        return tuple(value)
    return value


_UnionType = type(int | None)

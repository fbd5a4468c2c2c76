"""The JSON Schema of the portable session file, generated from the session's declaration.

The published file ``resources/schema/session-<version>.schema.json`` is this module's output;
``tests/test_schema.py`` proves they are equal. After changing a field in
:mod:`workshop.domain.session`, regenerate it with::

    python -m workshop.store.schema

and decide whether the change needs a new ``FORMAT_VERSION`` (a new field with a default
does not; a removed or narrowed one does).

Everything comes from the field declarations (:mod:`workshop.domain.fields`) and type hints:
text limits, vocabularies (:mod:`workshop.vocab`), number ranges, quarters, collection caps,
and a description on each private field.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import typing
from datetime import date, datetime
from pathlib import Path
from typing import Any

from workshop.domain.fields import CELL, LINE, REF, TEXT, FieldSpec, spec_of
from workshop.domain.session import COLLECTION_CAPS, COLLECTIONS, SCALAR_FIELDS, Session

FORMAT = "ml-team-maturity-workshop/session"
FORMAT_VERSION = 1

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
QUARTER_PATTERN = r"^(\d{4}-Q[1-4])?$"
PRIVATE_NOTE = "Private: never shown to the room or printed."
PRIVATE_FLAG = "When true the whole item is private: never shown to the room or printed."
_TEXT_DEFS = {"line": LINE, "cell": CELL, "text": TEXT, "ref": REF}
_UNION = type(int | None)


def _base_schema(hint: Any, spec: FieldSpec) -> dict[str, Any]:
    if hint is datetime:
        return {"$ref": "#/$defs/datetime"}
    if hint is date:
        return {"$ref": "#/$defs/date"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        schema: dict[str, Any] = {"type": "integer"}
        if spec.low is not None:
            schema["minimum"] = spec.low
        if spec.high is not None:
            schema["maximum"] = spec.high
        return schema
    if hint is str:
        if spec.choices is not None:
            return {"enum": list(spec.choices.values())}
        if spec.kind == "quarter":
            return {"$ref": "#/$defs/quarter"}
        if spec.kind == "id":
            return {"type": "string", "minLength": 1, "maxLength": spec.max_length or REF}
        if spec.kind in _TEXT_DEFS and spec.max_length == _TEXT_DEFS[spec.kind]:
            return {"$ref": f"#/$defs/{spec.kind}"}
        return {"type": "string", "maxLength": spec.max_length or TEXT}
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        schema = {"type": "array", "items": _base_schema(args[0], spec)}
        if args[-1] is not Ellipsis:
            schema["minItems"] = schema["maxItems"] = len(args)
        elif spec.max_items is not None:
            schema["maxItems"] = spec.max_items
        return schema
    raise TypeError(f"no JSON form for {hint!r}")


def field_schema(hint: Any, spec: FieldSpec) -> dict[str, Any]:
    options = (
        list(typing.get_args(hint)) if typing.get_origin(hint) in (typing.Union, _UNION) else [hint]
    )
    nullable = type(None) in options
    concrete = [option for option in options if option is not type(None)]
    if len(concrete) != 1:
        raise TypeError(f"no JSON form for {hint!r}")
    schema = _base_schema(concrete[0], spec)
    if nullable:
        schema = {"anyOf": [schema, {"type": "null"}]}
    if spec.private:
        schema = {**schema, "description": PRIVATE_NOTE}
    elif spec.marks_private:
        schema = {**schema, "description": PRIVATE_FLAG}
    return schema


def object_schema(cls: type[Any], names: tuple[str, ...], required: list[str]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    declared = {f.name: spec_of(f) for f in dataclasses.fields(cls)}
    return {
        "type": "object",
        "properties": {name: field_schema(hints[name], declared[name]) for name in names},
        "required": required,
        "additionalProperties": False,
    }


def build_schema() -> dict[str, Any]:
    """The whole JSON Schema of the current file format."""
    defs: dict[str, Any] = {
        "text": {"type": "string", "maxLength": TEXT},
        "cell": {"type": "string", "maxLength": CELL},
        "line": {"type": "string", "maxLength": LINE},
        "ref": {"type": "string", "maxLength": REF},
        "date": {"type": "string", "pattern": DATE_PATTERN},
        "datetime": {"type": "string", "pattern": DATETIME_PATTERN},
        "quarter": {"type": "string", "pattern": QUARTER_PATTERN},
    }
    for cls in COLLECTIONS.values():
        if cls.__name__ not in defs:
            fields = tuple(f.name for f in dataclasses.fields(cls))
            defs[cls.__name__] = object_schema(cls, fields, ["id"])
    session = object_schema(
        Session, SCALAR_FIELDS, ["id", "organisation", "title", "workshop_date"]
    )
    for name, cls in COLLECTIONS.items():
        session["properties"][name] = {
            "type": "array",
            "items": {"$ref": f"#/$defs/{cls.__name__}"},
            "maxItems": COLLECTION_CAPS[name],
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:{FORMAT.replace('/', ':')}:{FORMAT_VERSION}",
        "title": "ML Team Maturity Workshop session file",
        "description": (
            "One workshop session, as exported by the ML Team Maturity Workshop app. "
            "Dates are YYYY-MM-DD, times ISO 8601 in UTC. Fields left out take their "
            "default; unknown fields are refused. A file with a higher format_version "
            "comes from a newer app. Fields described as private are the facilitator's "
            "alone: the app never shows them to the room or prints them."
        ),
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "exported_at": {"$ref": "#/$defs/datetime"},
            "content_version": {"$ref": "#/$defs/ref"},
            "session": {"$ref": "#/$defs/Session"},
        },
        "required": ["format", "format_version", "session"],
        "additionalProperties": False,
        "$defs": {**defs, "Session": session},
    }


def schema_text() -> str:
    """The published file's exact text (stable key order, two-space indent, final newline)."""
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


def schema_path() -> Path:
    """The published JSON Schema of the current file format, in the shipped resources."""
    from workshop.paths import schema_folder

    return schema_folder() / f"session-{FORMAT_VERSION}.schema.json"


def main(argv: list[str] | None = None) -> int:
    """Write the generated schema over the published file (``--check`` only compares)."""
    args = sys.argv[1:] if argv is None else argv
    target = schema_path()
    current = target.read_text(encoding="utf-8") if target.exists() else ""
    if "--check" in args:
        if current != schema_text():
            print(f"{target} is out of date: run python -m workshop.store.schema", file=sys.stderr)
            return 1
        print(f"{target} is up to date")
        return 0
    target.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Edits as JSON-safe data, losslessly: for the recovery journal and anything else that must
keep an edit outside the running process.

``edit_from_json(edit_to_json(edit)) == edit`` for every edit the app makes: dates become
ISO strings tagged as dates, tuples stay tuples, items keep their class (by collection).
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from workshop.domain.edits import AddItem, Batch, Edit, MoveItem, RemoveItem, SetField
from workshop.domain.session import COLLECTIONS


class EditCodecError(ValueError):
    """The data does not describe an edit."""


def _value_to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, tuple):
        return {"$tuple": [_value_to_json(v) for v in value]}
    if value is None or isinstance(value, str | int | bool):
        return value
    raise EditCodecError(f"cannot encode a value of type {type(value).__name__}")


def _value_from_json(data: Any) -> Any:
    if isinstance(data, dict):
        if "$date" in data:
            return date.fromisoformat(data["$date"])
        if "$datetime" in data:
            return datetime.fromisoformat(data["$datetime"])
        if "$tuple" in data:
            return tuple(_value_from_json(v) for v in data["$tuple"])
        raise EditCodecError(f"unknown value {data!r}")
    if data is None or isinstance(data, str | int | bool):
        return data
    raise EditCodecError(f"unknown value {data!r}")


def _item_to_json(item: Any) -> dict[str, Any]:
    return {f.name: _value_to_json(getattr(item, f.name)) for f in dataclasses.fields(item)}


def _item_from_json(collection: str, data: dict[str, Any]) -> Any:
    if collection not in COLLECTIONS:
        raise EditCodecError(f"unknown collection {collection!r}")
    return COLLECTIONS[collection](**{k: _value_from_json(v) for k, v in data.items()})


def edit_to_json(edit: Edit) -> dict[str, Any]:
    if isinstance(edit, SetField):
        return {
            "kind": "set",
            "collection": edit.collection,
            "item_id": edit.item_id,
            "field": edit.field,
            "old": _value_to_json(edit.old),
            "new": _value_to_json(edit.new),
            "label": edit.label,
        }
    if isinstance(edit, AddItem | RemoveItem):
        return {
            "kind": "add" if isinstance(edit, AddItem) else "remove",
            "collection": edit.collection,
            "item": _item_to_json(edit.item),
            "index": edit.index,
            "label": edit.label,
        }
    if isinstance(edit, MoveItem):
        return {
            "kind": "move",
            "collection": edit.collection,
            "item_id": edit.item_id,
            "old_index": edit.old_index,
            "new_index": edit.new_index,
            "label": edit.label,
        }
    if isinstance(edit, Batch):
        return {
            "kind": "batch",
            "edits": [edit_to_json(e) for e in edit.edits],
            "label": edit.label,
        }
    raise EditCodecError(f"cannot encode an edit of type {type(edit).__name__}")


def edit_from_json(data: Any) -> Edit:
    try:
        kind = data["kind"]
        label = data.get("label", "")
        if kind == "set":
            return SetField(
                data["collection"],
                data["item_id"],
                data["field"],
                _value_from_json(data["old"]),
                _value_from_json(data["new"]),
                label,
            )
        if kind in ("add", "remove"):
            item = _item_from_json(data["collection"], data["item"])
            cls = AddItem if kind == "add" else RemoveItem
            return cls(data["collection"], item, int(data["index"]), label)
        if kind == "move":
            return MoveItem(
                data["collection"],
                data["item_id"],
                int(data["old_index"]),
                int(data["new_index"]),
                label,
            )
        if kind == "batch":
            return Batch(tuple(edit_from_json(e) for e in data["edits"]), label)
    except (KeyError, TypeError, AttributeError) as error:
        raise EditCodecError(f"not an edit: {error}") from error
    raise EditCodecError(f"unknown edit kind {data.get('kind')!r}")

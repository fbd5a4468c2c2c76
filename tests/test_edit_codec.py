"""Edits survive the trip through JSON unchanged (the recovery journal relies on it)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from workshop.domain.edit_codec import EditCodecError, edit_from_json, edit_to_json
from workshop.domain.edits import AddItem, Batch, MoveItem, RemoveItem, SetField
from workshop.domain.session import Action, Rating


@pytest.mark.parametrize(
    "edit",
    [
        SetField(None, "", "workshop_date", date(2026, 1, 2), date(2026, 3, 4), "Date"),
        SetField("ratings", "s1", "counts", (0, 1, 2, 3, 4), (1, 1, 1, 1, 1)),
        AddItem("actions", Action(id="a1", text='<b>&"é" עברית 🚀', due=date(2027, 1, 1)), 0),
        RemoveItem("ratings", Rating(id="s1", score=3), 2, "Clear"),
        MoveItem("actions", "a1", 0, 3, "Move"),
        Batch((SetField(None, "", "title", "a", "b"), MoveItem("actions", "a", 1, 0)), "Both"),
    ],
)
def test_round_trip_through_json_text(edit):
    assert edit_from_json(json.loads(json.dumps(edit_to_json(edit)))) == edit


@pytest.mark.parametrize(
    "data",
    [{}, {"kind": "teleport"}, {"kind": "add", "collection": "nope", "item": {}, "index": 0}, 7],
)
def test_garbage_is_refused_in_one_error(data):
    with pytest.raises(EditCodecError):
        edit_from_json(data)

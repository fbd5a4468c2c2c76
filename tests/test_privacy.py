"""Privacy is declared once per field: the helpers read the declaration, and the published
schema marks the same fields."""

from __future__ import annotations

import dataclasses

import pytest
from store_samples import full_session

from workshop.domain.privacy import (
    PRIVACY_FLAGS,
    PRIVATE_FIELDS,
    is_private_field,
    is_private_item,
    private_items,
    private_values,
    public_items,
    without_private_fields,
)
from workshop.domain.session import Action, Hire, Interview, PageRecord
from workshop.store.schema import PRIVATE_FLAG, PRIVATE_NOTE, build_schema


def test_the_private_fields_are_the_facilitators_notes() -> None:
    assert dict(PRIVATE_FIELDS) == {"hires": {"notes"}, "pages": {"note"}}
    assert dict(PRIVACY_FLAGS) == {"interviews": "private", "actions": "private"}
    assert is_private_field("hires", "notes") and is_private_field("pages", "note")
    assert not is_private_field("hires", "title")
    assert not is_private_field("actions", "private")  # the flag itself may be known
    assert not is_private_field(None, "executive_summary")
    with pytest.raises(KeyError):
        is_private_field("nonsense", "note")


def test_items_marked_private_are_found_and_left_out() -> None:
    session = full_session()
    session.actions = [Action(id="a", text="public"), Action(id="b", text="secret", private=True)]
    session.interviews = [Interview(id="i", person="Kim", private=True), Interview(id="j")]
    assert [a.id for a in private_items(session, "actions")] == ["b"]
    assert [a.id for a in public_items(session, "actions")] == ["a"]
    assert [i.id for i in private_items(session, "interviews")] == ["i"]
    assert is_private_item("interviews", session.interviews[0])
    assert not is_private_item("hires", Hire(id="h", notes="x"))  # hires have no flag


def test_private_fields_are_emptied_in_a_public_copy() -> None:
    hire = Hire(id="h", title="ML PM", notes="Not Sam: salary too high")
    public = without_private_fields("hires", hire)
    assert public == dataclasses.replace(hire, notes="")
    assert without_private_fields("pages", PageRecord(id="p", status="done", note="x")).note == ""
    action = Action(id="a", text="t")
    assert without_private_fields("actions", action) is action


def test_every_private_text_is_listed_with_where_it_lives() -> None:
    session = full_session()
    session.hires = [Hire(id="h", notes="NOTE-H")]
    session.pages = [PageRecord(id="overview", note="NOTE-P")]
    session.actions = [
        Action(id="a", text="TEXT-A", owner="OWNER-A", private=True),
        Action(id="b", text="open"),
    ]
    session.interviews = [Interview(id="i", person="PERSON-I", pains="PAINS-I", private=True)]
    found = dict(private_values(session))
    assert found == {
        "interviews[0].person": "PERSON-I",
        "interviews[0].pains": "PAINS-I",
        "hires[0].notes": "NOTE-H",
        "actions[0].text": "TEXT-A",
        "actions[0].owner": "OWNER-A",
        "pages[0].note": "NOTE-P",
    }


def test_the_published_schema_marks_the_same_fields_private() -> None:
    defs = build_schema()["$defs"]
    marked = {
        (name, field)
        for name, definition in defs.items()
        for field, schema in definition.get("properties", {}).items()
        if schema.get("description") == PRIVATE_NOTE
    }
    assert marked == {("Hire", "notes"), ("PageRecord", "note")}
    flags = {
        (name, field)
        for name, definition in defs.items()
        for field, schema in definition.get("properties", {}).items()
        if schema.get("description") == PRIVATE_FLAG
    }
    assert flags == {("Interview", "private"), ("Action", "private")}

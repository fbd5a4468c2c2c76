"""Edit operations apply, invert, and refuse what does not fit."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from workshop.domain.edits import (
    AddItem,
    Batch,
    EditError,
    add_item,
    flatten,
    move_item,
    remove_item,
    set_item_field,
    set_keyed_field,
    set_session_field,
)
from workshop.domain.session import Action, Opportunity, Participant, Rating, Session
from workshop.domain.validation import InvalidValue, check_session


@pytest.fixture
def session() -> Session:
    return Session(
        organisation="Acme",
        title="Kick-off",
        workshop_date=date(2026, 11, 12),
        participants=[
            Participant(id="p1", name="Ana", role="CEO"),
            Participant(id="p2", name="Bo"),
        ],
        opportunities=[Opportunity(id="o1", title="Churn")],
    )


def roundtrip(session: Session, edit: object) -> Session:
    """Apply then invert ``edit`` and return the session as it was after applying."""
    before = copy.deepcopy(session)
    edit.apply(session)  # type: ignore[attr-defined]
    after = copy.deepcopy(session)
    edit.inverted().apply(session)  # type: ignore[attr-defined]
    assert session == before, "inverting did not restore the session"
    edit.apply(session)  # type: ignore[attr-defined]
    assert session == after, "re-applying did not give the same result"
    return after


def test_set_session_field_applies_and_inverts(session: Session) -> None:
    after = roundtrip(session, set_session_field(session, "organisation", "Acme & Co <Ltd>"))
    assert after.organisation == "Acme & Co <Ltd>"


def test_set_item_field_applies_and_inverts(session: Session) -> None:
    after = roundtrip(session, set_item_field(session, "participants", "p2", "role", "CTO"))
    assert after.participants[1] == Participant(id="p2", name="Bo", role="CTO")


def test_add_remove_and_move(session: Session) -> None:
    after = roundtrip(
        session, add_item(session, "participants", Participant(id="p3", name="Cy"), 0)
    )
    assert [p.id for p in after.participants] == ["p3", "p1", "p2"]
    after = roundtrip(session, remove_item(session, "participants", "p1"))
    assert [p.id for p in after.participants] == ["p3", "p2"]
    after = roundtrip(session, move_item(session, "participants", "p2", 0))
    assert [p.id for p in after.participants] == ["p2", "p3"]


def test_keyed_field_creates_then_updates(session: Session) -> None:
    first = set_keyed_field(session, "answers", "q_customers", "text", "Hospitals")
    assert isinstance(first, AddItem)
    roundtrip(session, first)
    second = set_keyed_field(session, "answers", "q_customers", "text", "Hospitals and clinics")
    after = roundtrip(session, second)
    assert after.answer("q_customers").text == "Hospitals and clinics"
    assert len(after.answers) == 1


def test_batch_is_one_step_and_inverts_in_reverse(session: Session) -> None:
    batch = Batch(
        (
            add_item(session, "actions", Action(id="a1", text="Hire PM")),
            set_session_field(session, "title", "Kick-off workshop"),
        ),
        "Two things",
    )
    after = roundtrip(session, batch)
    assert after.actions[0].text == "Hire PM" and after.title == "Kick-off workshop"
    assert len(flatten(batch)) == 2


def test_failing_batch_leaves_session_untouched(session: Session) -> None:
    before = copy.deepcopy(session)
    batch = Batch(
        (
            set_session_field(session, "title", "Changed"),
            set_item_field(session, "opportunities", "o1", "value", 9),  # impossible
        )
    )
    with pytest.raises(InvalidValue, match="opportunities.value: 9 is outside 1..5"):
        batch.apply(session)
    assert session == before


@pytest.mark.parametrize(
    ("collection", "item_id", "field", "value", "message"),
    [
        ("opportunities", "o1", "cost", 0, "outside 1..5"),
        ("opportunities", "o1", "target_quarter", "2027-Q5", "not a quarter"),
        ("opportunities", "o1", "votes", -1, "outside 0..10000"),
        ("opportunities", "o1", "value", True, "expected a whole number"),
        ("opportunities", "o1", "data_readiness", "soon", "not one of"),
        ("participants", "p1", "name", 3, "expected str"),
    ],
)
def test_impossible_values_are_refused(
    session: Session, collection: str, item_id: str, field: str, value: object, message: str
) -> None:
    before = copy.deepcopy(session)
    edit = set_item_field(session, collection, item_id, field, value)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message):
        edit.apply(session)
    assert session == before


def test_rating_counts_must_be_five_non_negative_numbers(session: Session) -> None:
    add_item(session, "ratings", Rating(id="st_1", score=2)).apply(session)
    with pytest.raises(InvalidValue, match="expected 5 values"):
        set_item_field(session, "ratings", "st_1", "counts", (1, 2)).apply(session)
    with pytest.raises(InvalidValue, match="outside 0..10000"):
        set_item_field(session, "ratings", "st_1", "counts", (0, -1, 0, 0, 0)).apply(session)
    set_item_field(session, "ratings", "st_1", "counts", (0, 2, 3, 0, 0)).apply(session)
    assert session.rating("st_1").votes == 5


def test_stale_edit_is_refused(session: Session) -> None:
    edit = set_session_field(session, "title", "A")
    set_session_field(session, "title", "B").apply(session)
    with pytest.raises(EditError, match="changed since"):
        edit.apply(session)


def test_duplicate_ids_and_unknown_fields_are_refused(session: Session) -> None:
    with pytest.raises(EditError, match="already has"):
        add_item(session, "participants", Participant(id="p1")).apply(session)
    with pytest.raises(EditError, match="no editable field"):
        set_session_field(session, "id", "x")
    with pytest.raises(EditError, match="no field"):
        set_item_field(session, "participants", "p1", "salary", 1)


def test_unusual_text_is_accepted(session: Session) -> None:
    text = "<b>bold?</b> & \"quotes\" 'single' 🎉 שלום مرحبا Ελλάδα Жук " + "x" * 10_000
    set_keyed_field(session, "answers", "q1", "text", text).apply(session)
    assert session.answer("q1").text == text
    check_session(session)

"""The heavy pages' view states and intents are plain functions of the session: what each
page shows and what each gesture pushes, checked without a window."""

from __future__ import annotations

from datetime import date

from workshop.domain.edits import Batch, SetField, add_item, set_item_field
from workshop.domain.session import Action, Hire, Opportunity, Session
from workshop.service.changes import Touch
from workshop.ui.pages.changes import concerns, touched_by
from workshop.ui.pages.hiring import intents as hiring_intents
from workshop.ui.pages.hiring.state import hiring_state
from workshop.ui.pages.matrix import intents
from workshop.ui.pages.matrix.state import BLOCKED, matrix_state
from workshop.ui.pages.row_model import single_move


def session_with(*opportunities: Opportunity) -> Session:
    session = Session(organisation="Acme", workshop_date=date(2027, 2, 10))
    session.opportunities = list(opportunities)
    return session


def test_matrix_state_ranks_and_words_every_cell(framework):
    session = session_with(
        Opportunity(id="a", title="Alpha", value=2, cost=2, data_readiness="missing"),
        Opportunity(id="b", title="Beta", value=5, cost=1, first_project=True, votes=3),
    )
    state = matrix_state(framework, session)
    assert state.ids == ["b", "a"]
    alpha = state.row("a")
    assert alpha is not None and alpha.rank == 2 and alpha.blocked
    assert alpha.text("quadrant").endswith(BLOCKED) and alpha.text("target_quarter") == "Not planned"
    assert state.row("b").text("votes") == "3"
    assert state.first_project is not None and state.first_project.heading.startswith(
        "★ First project: #1 Beta")
    assert [row.id for row in state.blocked] == ["a"]


def test_matrix_intents_push_one_edit_or_nothing(framework):
    session = session_with(Opportunity(id="a", title="Alpha", value=3, cost=3),
                           Opportunity(id="b", title="Beta", first_project=True))
    assert intents.vote(session, "a", -1) is None  # no votes to take away
    assert isinstance(intents.vote(session, "a", +1), SetField)
    assert intents.move_point(session, "a", 3, 3) is None  # dropped on the same cell
    move = intents.move_point(session, "a", 5, 1)
    assert isinstance(move, Batch) and len(move.edits) == 2
    choose = intents.set_first_project(session, "a", True)
    assert isinstance(choose, Batch) and [e.item_id for e in choose.edits] == ["b", "a"]
    assert intents.add_opportunity(session, "   ") is None
    assert intents.after_removal(["a", "b", "c"], "b") == "c"
    assert intents.after_removal(["a", "b"], "b") == "a"


def test_one_moved_row_is_found_as_a_move():
    # Neighbours swapped: either one moved (both are a single move).
    assert single_move(list("abcde"), list("abdce")) in {(2, 3), (3, 2)}
    assert single_move(list("abcde"), list("eabcd")) == (4, 0)
    assert single_move(list("abcde"), list("acdbe")) == (1, 3)
    assert single_move(list("abcde"), list("badce")) is None
    assert single_move(list("abc"), list("abc")) is None


def test_what_an_edit_touched():
    session = session_with(Opportunity(id="a", title="Alpha"))
    vote = set_item_field(session, "opportunities", "a", "votes", 1)
    assert touched_by(vote) == (Touch("opportunities", "a", frozenset({"votes"}), "set"),)
    added = add_item(session, "actions", Action(id="x"))
    both = touched_by(Batch((vote, added)))
    assert [(t.collection, t.item_id, t.kind) for t in both] == [
        ("opportunities", "a", "set"), ("actions", "x", "add")]
    assert "text" in both[1].fields  # an added item counts as touching every field
    assert concerns(touched_by(vote), ("opportunities",))
    assert not concerns(touched_by(vote), ("hires", "actions"))
    assert touched_by("not an edit") == ()


def test_hiring_state_and_intents(framework):
    session = session_with()
    session.hires = [Hire(id="h1", role_id="role_ml_scientist", title="ML scientist",
                          target_quarter="2027-Q2", headcount=2),
                     Hire(id="h2", role_id="role_pm_ml", title="", target_quarter="2027-Q3")]
    state = hiring_state(framework, session)
    assert state.ids == ["h1", "h2"]
    assert state.summary.startswith("3 people planned · ⚠")
    assert state.row("h2").name == framework.role("role_pm_ml").name  # no title: the role's
    assert state.row("h1").text("warnings").startswith("⚠")
    assert state.people_by_role == {"role_ml_scientist": 2, "role_pm_ml": 1}
    assert hiring_intents.move(session, "h1", -1) is None  # already first
    assert hiring_intents.move(session, "h1", +1) is not None
    assert hiring_intents.set_field(session, "h1", "headcount", 2) is None

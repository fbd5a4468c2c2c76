"""The heavy pages' view states and intents are plain functions of the session: what each
page shows and what each gesture pushes, checked without a window."""

from __future__ import annotations

from datetime import date

from workshop.domain.edits import Batch, SetField, add_item, set_item_field
from workshop.domain.session import Action, DataAuditItem, Hire, Opportunity, Session
from workshop.service.changes import Touch, change_of, touched_by
from workshop.ui.pages.audit import intents as audit_intents
from workshop.ui.pages.audit.state import GENERAL, audit_state
from workshop.ui.pages.changes import concerns
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
    assert (
        alpha.text("quadrant").endswith(BLOCKED) and alpha.text("target_quarter") == "Not planned"
    )
    assert state.row("b").text("votes") == "3"
    assert state.first_project is not None and state.first_project.heading.startswith(
        "★ First project: #1 Beta"
    )
    assert [row.id for row in state.blocked] == ["a"]


def test_matrix_intents_push_one_edit_or_nothing(framework):
    session = session_with(
        Opportunity(id="a", title="Alpha", value=3, cost=3),
        Opportunity(id="b", title="Beta", first_project=True),
    )
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
        ("opportunities", "a", "set"),
        ("actions", "x", "add"),
    ]
    assert "text" in both[1].fields  # an added item counts as touching every field
    assert concerns(change_of(vote), ("opportunities",))
    assert not concerns(change_of(vote), ("hires", "actions"))


def test_hiring_state_and_intents(framework):
    session = session_with()
    session.hires = [
        Hire(
            id="h1",
            role_id="role_ml_scientist",
            title="ML scientist",
            target_quarter="2027-Q2",
            headcount=2,
        ),
        Hire(id="h2", role_id="role_pm_ml", title="", target_quarter="2027-Q3"),
    ]
    state = hiring_state(framework, session)
    assert state.ids == ["h1", "h2"]
    assert state.summary.startswith("3 people planned · ⚠")
    assert state.row("h2").name == framework.role("role_pm_ml").name  # no title: the role's
    assert state.row("h1").text("warnings").startswith("⚠")
    assert state.people_by_role == {"role_ml_scientist": 2, "role_pm_ml": 1}
    assert hiring_intents.move(session, "h1", -1) is None  # already first
    assert hiring_intents.move(session, "h1", +1) is not None
    assert hiring_intents.set_field(session, "h1", "headcount", 2) is None


def test_audit_state_groups_items_by_ranked_opportunity(framework):
    session = session_with(
        Opportunity(id="a", title="Alpha", value=2, cost=2, data_readiness="ready"),
        Opportunity(id="b", title="Beta", value=5, cost=1, data_readiness="missing"),
    )
    session.audit = [
        DataAuditItem(
            id="d1", opportunity_id="a", data_needed="Orders", status="partial", blocks_start=True
        ),
        DataAuditItem(id="d2", opportunity_id="a", data_needed="Returns", status="available"),
        DataAuditItem(id="d3", opportunity_id="gone", data_needed="Consent"),
    ]
    state = audit_state(framework, session)
    assert state.groups.ids == ["b", "a", GENERAL]  # ranked, then the general data
    beta, alpha, general = state.groups.rows
    assert (beta.title, beta.blocked, beta.text("blocked")) == (
        "1. Beta",
        True,
        "⚠ Blocked by data",
    )
    assert beta.reasons == ("The data it needs is missing.",)
    assert beta.empty_text.startswith("No data listed yet")
    assert alpha.summary == "2 data items: 1 available, 1 partial"
    assert alpha.reasons == ("Orders must be in place first (partial).",)
    # Data of an opportunity since removed stays visible, with the general data.
    assert (general.title, [i.id for i in general.items]) == ("General", ["d3"])
    assert state.progress == ("⚠ 2 of 2 blocked by data", "danger")
    items = state.items("a")
    assert items.ids == ["d1", "d2"]
    assert items.row("d1").text("blocks_start") == "⚠ Blocks the start"
    assert items.row("d2").text("status") == "✓ Available"
    assert state.group_of_item("d3") == GENERAL

    # One status changed: one item row and its opportunity's row differ, nothing else.
    session.audit[1] = DataAuditItem(
        id="d2", opportunity_id="a", data_needed="Returns", status="missing"
    )
    after = audit_state(framework, session)
    assert [r.id for r in after.groups.rows if state.groups.row(r.id) != r] == ["a"]
    assert [r.id for r in after.items("a").rows if items.row(r.id) != r] == ["d2"]

    assert audit_intents.set_item(session, "d2", "status", "missing") is None  # no change
    assert audit_intents.set_item(session, "d2", "status", "partial") is not None
    assert audit_intents.set_readiness(session, "b", "missing") is None
    assert audit_intents.remove_data_item(session, "nope") is None
    edit, new = audit_intents.add_data_item(session, "b")
    edit.apply(session)
    assert session.find("audit", new).opportunity_id == "b"


def test_interviews_state_leaves_private_ones_out_while_projecting(framework):
    from workshop.domain.session import Interview
    from workshop.ui.pages.interviews.state import interviews_state

    session = session_with()
    session.interviews = [
        Interview(id="i1", person="Kim", function="support", pains="Tickets\nRefunds\n"),
        Interview(id="i2", person="Lee", function="sales", private=True),
    ]
    shown = interviews_state(framework, session, projecting=False)
    assert shown.ids == ["i1", "i2"]
    assert shown.row("i1").text("pains") == "Tickets  (+1 more)"
    assert shown.row("i1").text("interview_date") == "No date"
    assert shown.row("i2").text("private") == "Private"
    room = interviews_state(framework, session, projecting=True)
    assert room.ids == ["i1"] and room.total == 2
    session.interviews = session.interviews[1:]
    assert interviews_state(framework, session, projecting=True).empty_text == (
        "Every interview here is private."
    )

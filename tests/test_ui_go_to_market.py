"""The go-to-market page, driven as a facilitator would, through the real controller and a
real store: the Building stage's items from the content, the room's notes stored after a
typing pause, Discussed / Skipped, the progress count and sending an item to the actions."""

from __future__ import annotations

import pytest
from ui_helpers import make_controller, stored, type_text, visible_texts

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

import workshop.ui.pages.go_to_market  # noqa: F401  (registers the page type)
from workshop.domain.session import Session
from workshop.framework.model import Framework, Page
from workshop.store import Store
from workshop.store.demo import build_demo
from workshop.ui.controller import SessionController
from workshop.ui.pages.base import page_class
from workshop.ui.pages.go_to_market import GoToMarketPage
from workshop.ui.widgets import bound_text

TRICKY = '<b>&"emoji 🎉 and עברית'
LONG_WORD = "y" * 200


@pytest.fixture
def demo(store: Store, framework: Framework) -> SessionController:
    return make_controller(store, framework, build_demo(framework))


@pytest.fixture
def blank(store: Store, framework: Framework) -> SessionController:
    return make_controller(store, framework, Session(organisation="Acme", title="Kick-off"))


def gtm_page(framework: Framework) -> Page:
    return next(p for p in framework.pages if p.page_type == "go_to_market")


def open_gtm(qtbot, controller: SessionController) -> GoToMarketPage:
    assert page_class("go_to_market") is GoToMarketPage
    view = GoToMarketPage(controller, gtm_page(controller.framework))
    qtbot.addWidget(view)
    controller.changed.connect(lambda _edit: view.refresh())  # as the window does
    view.resize(1280, 900)
    view.show()
    with qtbot.waitActive(view):
        view.activateWindow()
    return view


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_demo_shows_every_building_item_with_the_rooms_notes(qtbot, demo) -> None:
    view = open_gtm(qtbot, demo)
    items = [i for i in demo.framework.go_to_market if not i.retired and i.stage == "building"]
    assert len(items) == 5
    assert list(view.cards) == [i.id for i in items]
    for number, item in enumerate(items, 1):
        card = view.card(item.id)
        assert card.text_label.text() == f"{number}. {item.text}"
        assert card.detail_label.text() == item.detail
        answer = demo.session.answer(item.id)
        assert card.notes_edit.toPlainText() == answer.text
    # The demo discussed two of the five.
    assert view.progress_tag.text() == "2 of 5 discussed"
    personas = view.card("gtm_buyer_personas")
    assert personas.status_tag.text() == "✓ Discussed" and personas.discussed_button.isChecked()
    assert view.card("gtm_sales_enablement").status_tag.text() == "Not discussed yet"
    assert view.stage_label.text() == "Building · go-to-market"


def test_notes_typed_are_stored_after_the_pause_and_undo_in_one_step(qtbot, blank, store):
    view = open_gtm(qtbot, blank)
    card = view.card("gtm_validate_market")
    card.notes_edit.setFocus()
    typed = f"Advisory board: six customers {TRICKY}\n{LONG_WORD}"
    type_text(card.notes_edit, typed)
    assert stored(store, blank).find("answers", "gtm_validate_market") is None  # not yet
    qtbot.waitUntil(
        lambda: stored(store, blank).answer("gtm_validate_market").text == typed,
        timeout=bound_text.PAUSE_MS * 5,
    )
    assert card.notes_edit.toPlainText() == typed
    assert card.text_label.textFormat() == Qt.TextFormat.PlainText
    assert view.minimumSizeHint().width() < 1280  # a 200-character word never widens it

    blank.undo()
    assert card.notes_edit.toPlainText() == ""
    assert stored(store, blank).answer("gtm_validate_market").text == ""


def test_status_tags_and_progress(qtbot, demo, store) -> None:
    view = open_gtm(qtbot, demo)
    card = view.card("gtm_revisit_roadmap")
    assert card.status_tag.text() == "Not discussed yet"

    click(qtbot, card.discussed_button)
    assert card.status_tag.text() == "✓ Discussed"
    assert view.progress_tag.text() == "3 of 5 discussed"
    assert stored(store, demo).answer("gtm_revisit_roadmap").status == "discussed"

    click(qtbot, card.skipped_button)
    assert card.status_tag.text() == "Skipped"
    assert not card.discussed_button.isChecked() and card.skipped_button.isChecked()
    assert view.progress_tag.text() == "2 of 5 discussed · 1 skipped"
    assert stored(store, demo).answer("gtm_revisit_roadmap").status == "skipped"

    click(qtbot, card.skipped_button)  # a second click clears it
    assert card.status_tag.text() == "Not discussed yet"
    assert view.progress_tag.text() == "2 of 5 discussed"
    assert stored(store, demo).answer("gtm_revisit_roadmap").status == "open"

    demo.undo()
    assert card.status_tag.text() == "Skipped"
    assert stored(store, demo).answer("gtm_revisit_roadmap").status == "skipped"


def test_send_to_actions_notes_selection_or_the_item(qtbot, blank, store) -> None:
    view = open_gtm(qtbot, blank)
    page_id = gtm_page(blank.framework).id

    # No notes yet: the item itself becomes the action.
    enablement = view.card("gtm_sales_enablement")
    click(qtbot, enablement.send_button)
    actions = stored(store, blank).actions
    assert [(a.text, a.stage, a.source_page, a.kind, a.status) for a in actions] == [
        ("Sales enablement", "building", page_id, "action", "open")
    ]
    assert enablement.sent_label.text() == "Added to actions: “Sales enablement”"

    # Notes typed and not yet committed are committed first, then sent whole.
    personas = view.card("gtm_buyer_personas")
    personas.notes_edit.setFocus()
    type_text(personas.notes_edit, "CFO persona\nIT security persona")
    click(qtbot, personas.send_button)
    assert stored(store, blank).answer("gtm_buyer_personas").text == (
        "CFO persona\nIT security persona"
    )
    assert stored(store, blank).actions[-1].text == "CFO persona\nIT security persona"

    # A selected line is sent on its own.
    cursor = personas.notes_edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.movePosition(QTextCursor.MoveOperation.StartOfLine, QTextCursor.MoveMode.KeepAnchor)
    personas.notes_edit.setTextCursor(cursor)
    click(qtbot, personas.send_button)
    assert stored(store, blank).actions[-1].text == "IT security persona"
    assert len(stored(store, blank).actions) == 3

    blank.undo()
    assert [a.text for a in stored(store, blank).actions] == [
        "Sales enablement",
        "CFO persona\nIT security persona",
    ]


def test_projecting_hides_where_each_item_comes_from(qtbot, demo) -> None:
    view = open_gtm(qtbot, demo)
    assert "From the framework: Building / go-to-market" in visible_texts(view)
    view.set_projecting(True)
    texts = visible_texts(view)
    assert "From the framework" not in texts
    assert "Validate the market problem" in texts  # the items themselves stay
    assert view.progress_tag.isVisibleTo(view)
    view.set_projecting(False)
    assert "From the framework: Building / go-to-market" in visible_texts(view)

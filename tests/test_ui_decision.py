"""Decision pages, driven as a facilitator would: clicking and keying option cards, typing the
rationale and owner, picking a quarter, sending an open decision to the actions list.

Every test runs on the shipped content through the real session controller and a real
SQLite store, and checks both what the page shows and what a fresh load from the store holds.
"""

from __future__ import annotations

from datetime import date

import pytest
from ui_helpers import make_controller

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

import workshop.ui.pages.decision  # noqa: F401  (registers the page type)
from workshop.domain.quarters import Quarter
from workshop.domain.session import Decision, Session
from workshop.framework.model import Framework, Page
from workshop.store import Store
from workshop.store.demo import build_demo
from workshop.ui.controller import SessionController
from workshop.ui.pages.base import page_class
from workshop.ui.pages.decision import DecisionPage, TopicView
from workshop.ui.widgets.bound_text import PAUSE_MS
from workshop.ui.widgets.option_card import OptionCard

WORKSHOP_DATE = date(2026, 11, 12)  # Q4 2026
HOSTILE = '<b>&"🎉 עברית ' + "x" * 200


@pytest.fixture
def blank(store: Store, framework: Framework) -> SessionController:
    """A workshop with no decisions recorded yet."""
    session = Session(organisation="Acme", title="Kick-off", workshop_date=WORKSHOP_DATE)
    return make_controller(store, framework, session)


@pytest.fixture
def demo(store: Store, framework: Framework) -> SessionController:
    return make_controller(store, framework, build_demo(framework))


def content_page(framework: Framework, page_id: str) -> Page:
    return next(p for p in framework.pages if p.id == page_id)


def open_page(
    qtbot, controller: SessionController, page_id: str, width: int = 1400
) -> DecisionPage:
    page = content_page(controller.framework, page_id)
    cls = page_class(page.page_type)
    assert cls is DecisionPage
    view = cls(controller, page)
    qtbot.addWidget(view)
    controller.changed.connect(lambda _edit: view.refresh())  # as the window does
    view.resize(width, 900)
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitActive(view):
        view.activateWindow()
    return view


def stored_decision(store: Store, controller: SessionController, topic_id: str) -> Decision | None:
    session = store.load(controller.session.id)
    return next((d for d in session.decisions if d.topic_id == topic_id), None)


def card(view: DecisionPage, topic_id: str, option_id: str) -> OptionCard:
    return view.topic_views[topic_id].cards[option_id]


def shown_texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def press(widget: QWidget, key: Qt.Key) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))


# --- choosing -------------------------------------------------------------------------------


def test_click_on_a_card_records_the_choice_and_undo_clears_it(qtbot, blank, store):
    view = open_page(qtbot, blank, "page_decision_tech_stack")
    topic = view.topic_views["dec_etl"]
    first, second = (o.id for o in topic.topic.options[:2])
    assert topic.status_tag.text() == "Open"
    assert view.summary_tag.text() == "0 of 5 decided"

    qtbot.mouseClick(card(view, "dec_etl", second), Qt.MouseButton.LeftButton)

    decision = stored_decision(store, blank, "dec_etl")
    assert decision is not None
    assert (decision.option_id, decision.status) == (second, "decided")
    chosen = card(view, "dec_etl", second)
    assert chosen.is_chosen and chosen.chosen_mark.isVisibleTo(chosen)
    assert "✓ Chosen" in shown_texts(chosen)
    assert "✓ Chosen" not in shown_texts(card(view, "dec_etl", first))
    assert topic.status_tag.text() == "✓ Decided"
    assert view.summary_tag.text() == "1 of 5 decided"

    blank.undo_stack.undo()
    assert stored_decision(store, blank, "dec_etl") is None
    assert not chosen.is_chosen and "✓ Chosen" not in shown_texts(chosen)
    assert topic.status_tag.text() == "Open"
    assert view.summary_tag.text() == "0 of 5 decided"


def test_enter_or_space_on_a_focused_card_chooses_it_in_one_undo_step(qtbot, demo, store):
    # The demo's ETL decision is open, with an owner and a quarter already.
    view = open_page(qtbot, demo, "page_decision_tech_stack")
    options = [o.id for o in view.topic_views["dec_etl"].topic.options]
    before = stored_decision(store, demo, "dec_etl")
    assert before is not None and before.status == "open" and before.option_id == ""

    target = card(view, "dec_etl", options[0])
    target.setFocus()
    assert target.hasFocus()
    press(target, Qt.Key.Key_Space)
    after = stored_decision(store, demo, "dec_etl")
    assert (after.option_id, after.status, after.owner) == (options[0], "decided", before.owner)
    assert after.id == before.id  # the existing decision, not a second one
    assert "✓ Chosen" in shown_texts(target)

    press(target, Qt.Key.Key_Right)  # arrow keys walk along the cards
    press(card(view, "dec_etl", options[1]), Qt.Key.Key_Right)
    other = card(view, "dec_etl", options[2])
    assert other.hasFocus()
    press(other, Qt.Key.Key_Return)
    assert stored_decision(store, demo, "dec_etl").option_id == options[2]
    assert other.is_chosen and not target.is_chosen

    demo.undo_stack.undo()
    demo.undo_stack.undo()  # option and status went together: two steps back is the start
    again = stored_decision(store, demo, "dec_etl")
    assert (again.option_id, again.status) == ("", "open")
    assert not any(c.is_chosen for c in view.topic_views["dec_etl"].cards.values())


def test_the_chosen_card_offers_undecide(qtbot, demo, store):
    view = open_page(qtbot, demo, "page_decision_tech_stack")
    python = card(view, "dec_language", "opt_language_python")
    assert python.undecide_button.isVisibleTo(python)
    assert not card(view, "dec_language", "opt_language_r").undecide_button.isVisibleTo(view)
    qtbot.mouseClick(python.undecide_button, Qt.MouseButton.LeftButton)
    decision = stored_decision(store, demo, "dec_language")
    assert (decision.option_id, decision.status) == ("", "open")
    assert decision.rationale  # the room's reasoning is kept
    assert view.topic_views["dec_language"].status_tag.text() == "Open"
    # Choosing the chosen card again by click does not silently clear it.
    qtbot.mouseClick(python, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(python, Qt.MouseButton.LeftButton)
    assert stored_decision(store, demo, "dec_language").option_id == "opt_language_python"


def test_demo_decisions_render_as_chosen(qtbot, demo):
    view = open_page(qtbot, demo, "page_decision_tech_stack")
    recorded = {d.topic_id: d for d in demo.session.decisions}
    decided = 0
    for topic_id, topic_view in view.topic_views.items():
        decision = recorded.get(topic_id)
        for option_id, option_card in topic_view.cards.items():
            expected = decision is not None and decision.option_id == option_id
            assert option_card.is_chosen == expected, (topic_id, option_id)
        if decision is not None and decision.status == "decided":
            decided += 1
            assert topic_view.status_tag.text() == "✓ Decided"
            assert topic_view.rationale_edit.toPlainText() == decision.rationale
            assert topic_view.details.isVisibleTo(view)
    assert decided == 4
    assert view.summary_tag.text() == f"{decided} of {len(view.topic_views)} decided"
    assert view.open_label.text() == "Still open: ETL"


# --- a page of several topics ---------------------------------------------------------------


def test_a_category_page_shows_every_topic_of_that_category_and_stage(qtbot, blank, framework):
    view = open_page(qtbot, blank, "page_decision_tooling_scaling")
    expected = [
        d
        for d in framework.decisions
        if d.category == "tooling" and d.stage == "scaling" and not d.retired
    ]
    assert len(expected) >= 5
    assert list(view.topic_views) == [d.id for d in expected]
    texts = shown_texts(view)
    for topic in expected:
        assert topic.title in texts and topic.question in texts
        for option in topic.options:
            assert option.name in texts and option.tradeoff in texts
    assert view.summary_tag.text() == f"0 of {len(expected)} decided"
    # Busy page: undecided topics keep their rationale/owner/quarter folded away.
    assert not any(t.details.isVisibleTo(view) for t in view.topic_views.values())
    first = view.topic_views[expected[0].id]
    qtbot.mouseClick(first.details_button, Qt.MouseButton.LeftButton)
    assert first.details.isVisibleTo(view)


def test_choosing_on_a_busy_page_opens_that_topics_rationale(qtbot, blank, store):
    view = open_page(qtbot, blank, "page_decision_tooling_scaling")
    topic = next(iter(view.topic_views.values()))
    option = topic.topic.options[0]
    qtbot.mouseClick(topic.cards[option.id], Qt.MouseButton.LeftButton)
    assert topic.details.isVisibleTo(view)
    assert view.summary_tag.text() == f"1 of {len(view.topic_views)} decided"
    assert topic.topic.title not in view.open_label.text()


def test_cards_wrap_to_fewer_columns_when_narrow(qtbot, blank):
    view = open_page(qtbot, blank, "page_decision_tooling_scaling", width=1600)
    grid = next(iter(view.topic_views.values())).grid
    assert grid.columns == 3
    card_width = grid.cards[0].min_card_width()  # from the font, not a pixel constant
    view.resize(round(card_width * 2.6), 900)
    qtbot.waitUntil(lambda: grid.columns == 2)
    view.resize(round(card_width * 1.9), 900)
    qtbot.waitUntil(lambda: grid.columns == 1)
    cards = grid.cards
    assert cards[1].geometry().top() > cards[0].geometry().bottom()  # stacked, not clipped
    assert all(c.geometry().right() <= grid.width() for c in cards)


# --- pros and cons --------------------------------------------------------------------------


def test_pros_and_cons_open_from_the_keyboard(qtbot, blank):
    view = open_page(qtbot, blank, "page_decision_compute")
    topic = view.topic_views["dec_first_project_compute"]
    cloud = topic.cards["opt_compute_cloud"]
    pro = cloud.option.pros[0]
    assert pro not in shown_texts(view)
    cloud.setFocus()
    qtbot.keyClick(cloud, Qt.Key.Key_Tab)
    assert cloud.toggle_button.hasFocus()
    qtbot.keyClick(cloud.toggle_button, Qt.Key.Key_Space)
    assert pro in shown_texts(view)
    assert cloud.option.cons[0] in shown_texts(view)
    assert cloud.toggle_button.text().endswith("Hide pros and cons")
    assert not cloud.is_chosen  # showing the pros chose nothing


# --- rationale, owner, quarter --------------------------------------------------------------


def test_rationale_is_stored_after_a_typing_pause_and_shown_literally(qtbot, blank, store):
    view = open_page(qtbot, blank, "page_decision_compute")
    topic = view.topic_views["dec_first_project_compute"]
    assert topic.details.isVisibleTo(view)  # one topic: details open from the start
    edit = topic.rationale_edit
    edit.setFocus()
    edit.insertPlainText(HOSTILE)
    assert stored_decision(store, blank, "dec_first_project_compute") is None  # not per key
    qtbot.waitUntil(
        lambda: (
            (d := stored_decision(store, blank, "dec_first_project_compute")) is not None
            and d.rationale == HOSTILE
        ),
        timeout=PAUSE_MS * 5,
    )
    decision = stored_decision(store, blank, "dec_first_project_compute")
    assert (decision.option_id, decision.status) == ("", "open")  # typing decides nothing
    assert edit.toPlainText() == HOSTILE
    labels = view.findChildren(QLabel)
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)

    # Choosing afterwards completes the same decision; undo of the choice keeps the text.
    qtbot.mouseClick(topic.cards["opt_compute_cloud"], Qt.MouseButton.LeftButton)
    decided = stored_decision(store, blank, "dec_first_project_compute")
    assert decided.id == decision.id and decided.rationale == HOSTILE
    blank.undo_stack.undo()
    assert stored_decision(store, blank, "dec_first_project_compute").rationale == HOSTILE
    blank.undo_stack.undo()
    assert stored_decision(store, blank, "dec_first_project_compute") is None
    assert edit.toPlainText() == ""


def test_owner_and_quarter_are_stored(qtbot, blank, store):
    view = open_page(qtbot, blank, "page_decision_org_model")
    topic = view.topic_views["dec_org_model"]
    combo = topic.quarter_combo
    labels = [combo.itemText(i) for i in range(combo.count())]
    start = Quarter.of(WORKSHOP_DATE)
    assert labels == ["Not planned"] + [start.plus(i).label for i in range(8)]
    assert combo.currentText() == "Not planned"

    topic.owner_edit.setFocus()
    qtbot.keyClicks(topic.owner_edit, "Ingrid")
    qtbot.keyClick(topic.owner_edit, Qt.Key.Key_Return)
    assert stored_decision(store, blank, "dec_org_model").owner == "Ingrid"

    combo.setFocus()
    combo.setCurrentIndex(3)
    decision = stored_decision(store, blank, "dec_org_model")
    assert decision.target_quarter == str(start.plus(2))
    assert decision.owner == "Ingrid"
    assert combo.currentText() == start.plus(2).label

    combo.setCurrentIndex(0)
    assert stored_decision(store, blank, "dec_org_model").target_quarter == ""
    blank.undo_stack.undo()
    assert combo.currentText() == start.plus(2).label
    assert stored_decision(store, blank, "dec_org_model").target_quarter == str(start.plus(2))


# --- send to actions, projecting ------------------------------------------------------------


def test_send_an_open_decision_to_actions(qtbot, demo, store):
    view = open_page(qtbot, demo, "page_decision_tech_stack")
    etl = view.topic_views["dec_etl"]
    language = view.topic_views["dec_language"]
    assert not language.send_button.isVisibleTo(view)  # decided: nothing to send
    assert etl.send_button.isVisibleTo(view)
    before = len(store.load(demo.session.id).actions)

    qtbot.mouseClick(etl.send_button, Qt.MouseButton.LeftButton)

    actions = store.load(demo.session.id).actions
    assert len(actions) == before + 1
    sent = actions[-1]
    assert (sent.kind, sent.text, sent.stage, sent.source_page) == (
        "decision",
        "Decide: ETL",
        "building",
        "page_decision_tech_stack",
    )
    assert sent.owner == stored_decision(store, demo, "dec_etl").owner
    assert not etl.send_button.isVisibleTo(view)
    assert etl.sent_label.text() == "✓ In the actions list"

    demo.undo_stack.undo()
    assert len(store.load(demo.session.id).actions) == before
    assert etl.send_button.isVisibleTo(view)


def test_projecting_hides_the_facilitator_hint_only(qtbot, demo):
    view = open_page(qtbot, demo, "page_decision_tech_stack")
    hint = view.hint_label.text()
    assert hint in shown_texts(view)
    view.set_projecting(True)
    texts = shown_texts(view)
    assert hint not in texts
    assert "Programming language" in texts and "✓ Chosen" in texts
    view.set_projecting(False)
    assert hint in shown_texts(view)


def test_topic_views_are_kept_across_refreshes(qtbot, demo):
    """A refresh after every edit must not rebuild the topics (focus and typing would go)."""
    view = open_page(qtbot, demo, "page_decision_tech_stack")
    before: dict[str, TopicView] = dict(view.topic_views)
    edit = before["dec_etl"].rationale_edit
    edit.setFocus()
    qtbot.mouseClick(card(view, "dec_language", "opt_language_r"), Qt.MouseButton.LeftButton)
    assert view.topic_views == before
    assert card(view, "dec_language", "opt_language_r").is_chosen


def test_summary_strip_counts_until_all_are_decided(qtbot, blank):
    view = open_page(qtbot, blank, "page_decision_process")
    views = list(view.topic_views.values())
    assert len(views) == 2
    assert view.summary_tag.text() == "0 of 2 decided"
    assert view.open_label.text() == f"Still open: {views[0].topic.title}, {views[1].topic.title}"
    for topic_view in views:
        qtbot.mouseClick(next(iter(topic_view.cards.values())), Qt.MouseButton.LeftButton)
    assert view.summary_tag.text() == "✓ All 2 decided"
    assert not view.open_label.isVisibleTo(view)

    single = open_page(qtbot, blank, "page_decision_pods")
    assert len(single.topic_views) == 1
    assert not single.summary_tag.isVisibleTo(single)  # the topic's own tag is enough

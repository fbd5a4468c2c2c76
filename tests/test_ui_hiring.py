"""The hiring plan page, driven as a facilitator would, on the shipped content through the real
controller and a real store: the catalogue adds hires, the row widgets edit them (one undo step
each), the framework's hiring rules warn where the plan contradicts them, the timeline puts each
role in its quarter, and projecting hides the notes and the facilitator's advice."""

from __future__ import annotations

from datetime import date

import pytest
from ui_helpers import make_controller, visible_texts

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

import workshop.ui.pages.hiring  # noqa: F401  (registers the page type)
from workshop.domain.edits import add_item
from workshop.domain.hiring import RULE_INTERNAL_ASSIGNMENT, RULE_PM_FIRST
from workshop.domain.quarters import Quarter
from workshop.domain.session import Hire, Session, new_id
from workshop.framework.model import Framework
from workshop.store import Store
from workshop.store.demo import build_demo
from workshop.ui.controller import SessionController
from workshop.ui.pages.base import page_class
from workshop.ui.pages.hiring import EMPTY_TEXT, HireRow, HiringPage

TRICKY = '<b>&"emoji 🎉 and עברית'
LONG_WORD = "x" * 200
WORKSHOP_DAY = date(2027, 2, 10)  # Q1 2027


@pytest.fixture
def controller(qtbot, store: Store, framework: Framework) -> SessionController:
    session = Session(organisation="Acme", title="Kick-off", workshop_date=WORKSHOP_DAY)
    return make_controller(store, framework, session)


def open_hiring(qtbot, controller: SessionController, width: int = 1600) -> HiringPage:
    page = next(p for p in controller.framework.pages if p.id == "page_hiring")
    cls = page_class(page.page_type)
    assert cls is HiringPage
    view = cls(controller, page)
    qtbot.addWidget(view)
    controller.changed.connect(lambda _edit: view.refresh())  # as the window does
    view.resize(width, 1000)
    view.show()
    with qtbot.waitActive(view):  # so keyboard focus goes where the page puts it
        view.activateWindow()
    return view


def stored_hires(store: Store, controller: SessionController) -> list[Hire]:
    return list(store.load(controller.session.id).hires)


def row_of(view: HiringPage, title: str) -> HireRow:
    return next(r for r in view.rows.values() if r.title_edit.text() == title)


def choose(combo, text: str) -> None:
    """Pick an entry by what the user reads, as a click in the drop-down does."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def rule_ids(view: HiringPage) -> list[str]:
    return [card.property("rule_id") for card in view._warning_cards if card.isVisibleTo(view)]


# --- the catalogue --------------------------------------------------------------------------


def test_empty_plan_says_what_to_do_and_the_catalogue_lists_live_roles_by_stage(
    qtbot, controller, framework
) -> None:
    view = open_hiring(qtbot, controller)
    assert view.empty_state.isVisible() and view.empty_state.text() == EMPTY_TEXT
    assert not view.plan_grid.isVisible() and not view.timeline_scroll.isVisible()
    live = [r for r in framework.roles if not r.retired]
    assert set(view.role_cards) == {r.id for r in live}
    for role in live:
        card = view.role_cards[role.id]
        assert card.name_label.text() == role.name
        assert card.purpose_label.text() == role.purpose
        assert role.profile in card.profile_label.text()
    # Grouped by stage: each stage heading comes before its roles, in stage order.
    body = view.catalogue.widget().layout()
    order = [body.itemAt(i).widget() for i in range(body.count()) if body.itemAt(i).widget()]
    pm = order.index(view.role_cards["role_pm_ml"])
    exploring = order.index(view.findChild(QLabel, "stage_exploring_heading"))
    building = order.index(view.findChild(QLabel, "stage_building_heading"))
    assert exploring < pm < building < order.index(view.role_cards["role_data_engineer"])


def test_add_to_plan_adds_one_hire_in_one_undoable_edit(qtbot, controller, store) -> None:
    view = open_hiring(qtbot, controller)
    card = view.role_cards["role_ml_scientist"]
    qtbot.mouseClick(card.add_button, Qt.MouseButton.LeftButton)
    hires = stored_hires(store, controller)
    assert len(hires) == 1
    hire = hires[0]
    assert (hire.role_id, hire.title, hire.target_quarter) == ("role_ml_scientist", "ML scientist", "")
    assert controller.undo_stack.count() == 1
    assert not view.empty_state.isVisible()
    row = view.rows[hire.id]
    assert row.title_edit.text() == "ML scientist" and row.title_edit.isVisible()
    assert row.quarter_combo.currentText() == "Not planned"
    assert card.planned_tag.text() == "✓ 1 in plan"
    assert "ML scientist" in view.unscheduled_label.text()

    controller.undo()
    assert stored_hires(store, controller) == []
    assert view.rows == {} and view.empty_state.isVisible()
    assert not card.planned_tag.isVisible()


def test_emerging_role_and_custom_role_take_a_typed_title(qtbot, controller, store) -> None:
    view = open_hiring(qtbot, controller)
    emerging = view.role_cards["role_emerging"]
    assert emerging.title_edit is not None
    emerging.title_edit.setText("Prompt engineer")
    qtbot.mouseClick(emerging.add_button, Qt.MouseButton.LeftButton)
    assert not view.custom_button.isEnabled()  # nothing typed yet
    view.custom_edit.setText("Finance domain expert")
    assert view.custom_button.isEnabled()
    qtbot.mouseClick(view.custom_button, Qt.MouseButton.LeftButton)
    hires = stored_hires(store, controller)
    assert [(h.role_id, h.title) for h in hires] == [
        ("role_emerging", "Prompt engineer"),
        ("", "Finance domain expert"),
    ]
    assert view.custom_edit.text() == "" and emerging.title_edit.text() == ""
    assert {r.title_edit.text() for r in view.rows.values()} == {
        "Prompt engineer", "Finance domain expert"
    }


# --- editing the plan -------------------------------------------------------------------------


def test_row_widgets_edit_the_hire_one_undo_step_each(qtbot, controller, store) -> None:
    view = open_hiring(qtbot, controller)
    qtbot.mouseClick(view.role_cards["role_pm_ml"].add_button, Qt.MouseButton.LeftButton)
    hire_id = controller.session.hires[0].id
    row = view.rows[hire_id]
    # Added as the framework recommends the role: a product manager with ML experience.
    assert controller.session.hires[0].ml_experience and row.ml_check.isChecked()
    offered = [row.quarter_combo.itemText(i) for i in range(row.quarter_combo.count())]
    assert offered == [Quarter(2027, 1).plus(i).label for i in range(8)] + ["Not planned"]

    row.title_edit.selectAll()
    qtbot.keyClicks(row.title_edit, "Head of ML product")
    qtbot.keyClick(row.title_edit, Qt.Key.Key_Return)
    choose(row.mode_combo, "Internal")
    choose(row.seniority_combo, "Senior")
    row.headcount_spin.setValue(2)
    choose(row.quarter_combo, "Q3 2027")
    row.ml_check.click()
    row.data_check.click()
    qtbot.keyClicks(row.notes_edit, "Ask about the notice period")
    qtbot.keyClick(row.notes_edit, Qt.Key.Key_Return)

    hire = stored_hires(store, controller)[0]
    assert (hire.title, hire.mode, hire.seniority, hire.headcount, hire.target_quarter) == (
        "Head of ML product", "internal", "senior", 2, "2027-Q3",
    )
    assert not hire.ml_experience and hire.data_engineering
    assert hire.notes == "Ask about the notice period"
    assert controller.undo_stack.count() == 1 + 8  # the add, then one step per field

    controller.undo()  # notes
    controller.undo()  # data engineering
    controller.undo()  # ML experience
    controller.undo()  # quarter
    hire = stored_hires(store, controller)[0]
    assert (hire.notes, hire.data_engineering, hire.ml_experience, hire.target_quarter) == (
        "", False, True, "",
    )
    assert row.quarter_combo.currentText() == "Not planned"
    assert row.ml_check.isChecked() and row.notes_edit.text() == ""
    for _ in range(4):
        controller.undo()
    hire = stored_hires(store, controller)[0]
    assert (hire.title, hire.mode, hire.seniority, hire.headcount) == (
        "Product manager with ML experience", "hire", "mid", 1,
    )
    assert row.title_edit.text() == "Product manager with ML experience"
    assert row.mode_combo.currentText() == "New hire" and row.headcount_spin.value() == 1


def test_reorder_and_remove_with_undo(qtbot, controller, store) -> None:
    view = open_hiring(qtbot, controller)
    for role_id in ("role_pm_ml", "role_ml_scientist", "role_ml_engineer"):
        qtbot.mouseClick(view.role_cards[role_id].add_button, Qt.MouseButton.LeftButton)
    titles = lambda: [h.title for h in stored_hires(store, controller)]  # noqa: E731
    first = row_of(view, "Product manager with ML experience")
    assert not first.up_button.isEnabled() and first.down_button.isEnabled()
    qtbot.mouseClick(first.down_button, Qt.MouseButton.LeftButton)
    assert titles() == ["ML scientist", "Product manager with ML experience", "ML engineer"]
    assert [view.rows[i].title_edit.text() for i in view.plan_grid.order] == titles()
    controller.undo()
    assert titles() == ["Product manager with ML experience", "ML scientist", "ML engineer"]

    engineer = row_of(view, "ML engineer")
    engineer_id = engineer.hire_id
    qtbot.mouseClick(engineer.remove_button, Qt.MouseButton.LeftButton)
    assert titles() == ["Product manager with ML experience", "ML scientist"]
    assert engineer_id not in view.rows
    assert "Ctrl+Z" in view.message.text() and "ML engineer" in view.message.text()
    controller.undo()
    assert titles() == ["Product manager with ML experience", "ML scientist", "ML engineer"]
    assert view.rows[engineer_id].title_edit.text() == "ML engineer"


# --- checks against the framework -------------------------------------------------------------


def test_scientist_before_any_pm_warns_until_a_pm_with_ml_experience_comes_first(
    qtbot, controller, store, framework
) -> None:
    view = open_hiring(qtbot, controller)
    assert RULE_PM_FIRST in {r.id for r in framework.hiring_rules if not r.retired}
    qtbot.mouseClick(view.role_cards["role_ml_scientist"].add_button, Qt.MouseButton.LeftButton)
    scientist = row_of(view, "ML scientist")
    choose(scientist.quarter_combo, "Q2 2027")
    # Added senior, as recommended: it may act as PM for a while. A mid-level one may not.
    assert RULE_PM_FIRST not in rule_ids(view)
    choose(scientist.seniority_combo, "Mid-level")
    assert RULE_PM_FIRST in rule_ids(view)
    card = next(c for c in view._warning_cards if c.property("rule_id") == RULE_PM_FIRST)
    assert card.tag.text() == "⚠ Start with a product manager who has ML experience"
    assert "No product manager is planned" in card.message_label.text()
    assert card.reason_label.text().startswith("Why: The product manager checks")
    assert "⚠" in view.summary_tag.text()

    # A PM planned after the scientist: still a warning, naming both and the quarters.
    qtbot.mouseClick(view.role_cards["role_pm_ml"].add_button, Qt.MouseButton.LeftButton)
    pm = row_of(view, "Product manager with ML experience")
    choose(pm.quarter_combo, "Q3 2027")
    messages = [c.message_label.text() for c in view._warning_cards
                if c.property("rule_id") == RULE_PM_FIRST]
    assert messages == [
        "The product manager is planned for Q3 2027, after ML scientist (Q2 2027)."
    ]
    assert pm.warning_tag.text() == "⚠ 1 warning" and pm.warning_tag.isVisible()
    # The warning leads to the roles it is about.
    pm_card = next(c for c in view._warning_cards if c.property("rule_id") == RULE_PM_FIRST)
    qtbot.mouseClick(pm_card.show_button, Qt.MouseButton.LeftButton)
    assert view.selected == {pm.hire_id, scientist.hire_id}
    assert scientist.title_edit.hasFocus()  # the first of them in the plan

    # The PM with ML experience comes first: the warning is gone.
    choose(pm.quarter_combo, "Q1 2027")
    assert RULE_PM_FIRST not in rule_ids(view)
    assert not pm.warning_tag.isVisible()
    stored = {h.title: h for h in stored_hires(store, controller)}
    assert stored["Product manager with ML experience"].target_quarter == "2027-Q1"
    assert stored["Product manager with ML experience"].ml_experience

    # Without ML experience, a PM hired from outside is warned about again.
    pm.ml_check.click()
    assert RULE_PM_FIRST in rule_ids(view)
    assert "without first-hand ML experience" in visible_texts(view.warnings_box)


def test_a_plan_that_follows_the_framework_says_so(qtbot, controller) -> None:
    view = open_hiring(qtbot, controller)
    plan = (("role_pm_ml", "Q1 2027"), ("role_ml_scientist", "Q2 2027"),
            ("role_ml_engineer", "Q2 2027"))
    for role_id, quarter in plan:
        qtbot.mouseClick(view.role_cards[role_id].add_button, Qt.MouseButton.LeftButton)
        row = view.rows[controller.session.hires[-1].id]
        choose(row.quarter_combo, quarter)
    # Added exactly as the framework recommends each role: nothing to warn about.
    assert rule_ids(view) == []
    assert view.no_warnings.isVisible() and not view.warnings_box.isVisible()
    assert "⚠" not in view.summary_tag.text() and view.summary_tag.text() == "3 people planned"


# --- the timeline -----------------------------------------------------------------------------


def test_timeline_puts_each_role_in_its_quarter_and_lists_the_unscheduled(
    qtbot, controller
) -> None:
    view = open_hiring(qtbot, controller)
    for role_id in ("role_pm_ml", "role_ml_scientist", "role_ml_engineer"):
        qtbot.mouseClick(view.role_cards[role_id].add_button, Qt.MouseButton.LeftButton)
    pm = row_of(view, "Product manager with ML experience")
    scientist = row_of(view, "ML scientist")
    choose(pm.quarter_combo, "Q1 2027")
    choose(pm.mode_combo, "Internal")
    choose(scientist.quarter_combo, "Q3 2027")
    scientist.headcount_spin.setValue(2)

    timeline = view.timeline
    assert view.timeline_scroll.isVisible()
    assert [q.label for q in timeline.quarters] == ["Q1 2027", "Q2 2027", "Q3 2027"]
    assert [(q.joining, q.total) for q in timeline.quarters] == [(1, 1), (0, 1), (2, 3)]
    for row, quarter, words in ((pm, "2027-Q1", "Internal"), (scientist, "2027-Q3", "New ×2")):
        marker = timeline.marker_rect(row.hire_id)
        assert not marker.isEmpty()
        assert timeline.column_rect(quarter).contains(marker.center())
        others = [q.quarter for q in timeline.quarters if q.quarter != quarter]
        assert not any(timeline.column_rect(q).contains(marker.center()) for q in others)
        entry = next(e for e in timeline.entries if e.hire_id == row.hire_id)
        assert entry.marker_text == words
    assert "Q3 2027: ML scientist (New ×2); 3 planned in total" in timeline.describe()
    assert view.unscheduled_label.text() == "Not scheduled yet: ML engineer"
    # The chart gets the height its rows need once the layout has run.
    qtbot.waitUntil(lambda: timeline.height() >= timeline.minimumSizeHint().height())
    assert view.timeline_scroll.height() >= timeline.minimumSizeHint().height()

    # Moving the scientist to another quarter moves the marker.
    choose(scientist.quarter_combo, "Q2 2027")
    assert timeline.column_rect("2027-Q2").contains(timeline.marker_rect(scientist.hire_id).center())


# --- the room sees neither notes nor advice ---------------------------------------------------


def test_projecting_hides_notes_and_advice(qtbot, store, framework) -> None:
    controller = make_controller(store, framework, build_demo(framework))
    view = open_hiring(qtbot, controller)
    card = view.role_cards["role_ml_scientist"]
    role = framework.role("role_ml_scientist")
    assert not card.advice_label.isVisible()  # on demand only
    card.advice_button.click()
    assert card.advice_label.isVisible() and role.advice in card.advice_label.text()
    noted = [h for h in controller.session.hires if h.notes]
    assert noted and all(view.rows[h.id].notes_edit.isVisible() for h in noted)

    view.set_projecting(True)
    assert not any(c.advice_box.isVisible() for c in view.role_cards.values())
    assert not card.advice_label.isVisible()
    assert not any(r.notes_edit.isVisible() for r in view.rows.values())
    shown = visible_texts(view)
    assert role.advice not in shown and all(h.notes not in shown for h in noted)
    # The plan itself is still there for the room.
    assert all(view.rows[h.id].title_edit.isVisible() for h in controller.session.hires)

    view.set_projecting(False)
    assert all(view.rows[h.id].notes_edit.isVisible() for h in noted)
    assert card.advice_box.isVisible()


# --- hostile text and the demo ----------------------------------------------------------------


def test_hostile_text_is_shown_literally(qtbot, controller, store) -> None:
    view = open_hiring(qtbot, controller)
    title = f"{TRICKY} {LONG_WORD}"
    view.custom_edit.setText(title)
    qtbot.mouseClick(view.custom_button, Qt.MouseButton.LeftButton)
    row = row_of(view, title)
    choose(row.mode_combo, "Internal")  # an internal assignment without ML experience warns
    choose(row.quarter_combo, "Q2 2027")
    assert stored_hires(store, controller)[0].title == title
    card = next(
        c for c in view._warning_cards if c.property("rule_id") == RULE_INTERNAL_ASSIGNMENT
    )
    assert card.message_label.textFormat() == Qt.TextFormat.PlainText
    assert card.message_label.text().startswith(f"{title} is an internal assignment")
    assert view.timeline.entries[0].title == title
    assert TRICKY in view.timeline.describe()
    choose(row.quarter_combo, "Not planned")
    assert view.unscheduled_label.textFormat() == Qt.TextFormat.PlainText
    assert view.unscheduled_label.text() == f"Not scheduled yet: {title}"
    # A 200-character word does not push the page wider than the window.
    assert view.plan_scroll.widget().width() <= view.plan_scroll.viewport().width() + 1


def test_demo_session_shows_every_hire(qtbot, store, framework) -> None:
    session = build_demo(framework)
    controller = make_controller(store, framework, session)
    view = open_hiring(qtbot, controller)
    hires = controller.session.hires
    assert len(hires) >= 5
    for hire in hires:
        row = view.rows[hire.id]
        assert row.title_edit.text() == hire.title and row.title_edit.isVisible()
        assert row.mode_combo.currentData() == hire.mode
        assert row.seniority_combo.currentData() == hire.seniority
        assert row.headcount_spin.value() == hire.headcount
        assert row.quarter_combo.currentData() == hire.target_quarter
        assert row.ml_check.isChecked() == hire.ml_experience
        assert row.data_check.isChecked() == hire.data_engineering
        assert row.notes_edit.text() == hire.notes
    dated = [h.id for h in hires if h.target_quarter]
    assert [e.hire_id for e in view.timeline.entries] == dated
    for hire in hires:
        if not hire.target_quarter:
            assert hire.title in view.unscheduled_label.text()
    people = sum(h.headcount for h in hires)
    assert view.summary_tag.text().startswith(f"{people} people planned")


def test_a_narrow_window_lets_plan_and_catalogue_take_turns(qtbot, controller) -> None:
    view = open_hiring(qtbot, controller, width=1600)
    assert view.catalogue.isVisible() and view.plan_scroll.isVisible()
    assert not view.catalogue_button.isVisible()
    qtbot.mouseClick(view.role_cards["role_ml_scientist"].add_button, Qt.MouseButton.LeftButton)
    view.resize(560, 700)
    qtbot.waitUntil(lambda: view.catalogue_button.isVisible())
    assert view.plan_scroll.isVisible() and not view.catalogue.isVisible()
    view.catalogue_button.click()
    assert view.catalogue.isVisible() and not view.plan_scroll.isVisible()
    qtbot.mouseClick(view.role_cards["role_pm_ml"].add_button, Qt.MouseButton.LeftButton)
    assert "Added" in view.message.text() and len(controller.session.hires) == 2
    view.catalogue_button.click()
    assert view.plan_scroll.isVisible()


def test_a_quarter_outside_the_offered_window_is_kept(qtbot, store, framework) -> None:
    session = Session(organisation="Acme", workshop_date=WORKSHOP_DAY)
    session.hires = [Hire(id=new_id(), role_id="role_lead_pm", title="Lead PM",
                          target_quarter="2030-Q2")]
    controller = make_controller(store, framework, session)
    view = open_hiring(qtbot, controller)
    row = view.rows[session.hires[0].id]
    assert row.quarter_combo.currentText() == "Q2 2030"
    assert view.timeline.column_rect("2030-Q2").contains(
        view.timeline.marker_rect(row.hire_id).center()
    )
    # A hire added elsewhere (another page, an undo) appears here on the next refresh.
    controller.push(add_item(controller.session, "hires", Hire(id=new_id(), title="Analyst")))
    assert "Analyst" in [r.title_edit.text() for r in view.rows.values()]

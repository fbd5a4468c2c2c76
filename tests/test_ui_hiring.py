"""The hiring plan page, driven as a facilitator would, on the shipped content through the real
controller and a real store: the catalogue adds hires, the row widgets edit them (one undo step
each), the framework's hiring rules warn where the plan contradicts them, the timeline puts each
role in its quarter, and projecting hides the notes and the facilitator's advice.

The plan is a table: cells are edited as a user does, by selecting the cell, opening its
editor with F2 (or a key), choosing or typing, and pressing Enter; check boxes with Space."""

from __future__ import annotations

from datetime import date

import pytest
from ui_helpers import make_controller, visible_texts

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
)

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
from workshop.ui.pages.hiring import COLUMN, EMPTY_TEXT, HiringPage

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
    controller.touched.connect(view.show_change)  # as the window does
    view.resize(width, 1000)
    view.show()
    with qtbot.waitActive(view):  # so keyboard focus goes where the page puts it
        view.activateWindow()
    return view


def stored_hires(store: Store, controller: SessionController) -> list[Hire]:
    return list(store.load(controller.session.id).hires)


def row_of(view: HiringPage, title: str) -> str:
    """The id of the hire shown with ``title``."""
    return next(r.id for r in view.state.rows if r.hire.title == title)


def shown(view: HiringPage, hire_id: str, field: str) -> str:
    """What the plan's cell shows."""
    index = view.model.index(view.model.row_of(hire_id), COLUMN[field])
    return str(index.data(Qt.ItemDataRole.DisplayRole))


def checked(view: HiringPage, hire_id: str, field: str) -> bool:
    index = view.model.index(view.model.row_of(hire_id), COLUMN[field])
    return index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def open_cell(qtbot, view: HiringPage, hire_id: str, field: str):
    """Select the cell and press F2 on the focused plan: the cell's editor."""
    table = view.plan_table
    index = view.model.index(view.model.row_of(hire_id), COLUMN[field])
    table.setFocus()
    table.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table, "no editor opened"
    return editor


def offered(qtbot, view: HiringPage, hire_id: str, field: str) -> list[str]:
    combo = open_cell(qtbot, view, hire_id, field)
    assert isinstance(combo, QComboBox)
    texts = [combo.itemText(i) for i in range(combo.count())]
    qtbot.keyClick(combo, Qt.Key.Key_Escape)
    committed(qtbot, view)
    return texts


def choose(qtbot, view: HiringPage, hire_id: str, field: str, text: str) -> None:
    """Pick an entry of a cell's drop-down by what the user reads, then Enter."""
    combo = open_cell(qtbot, view, hire_id, field)
    assert isinstance(combo, QComboBox)
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    committed(qtbot, view)


def type_in(qtbot, view: HiringPage, hire_id: str, field: str, text: str) -> None:
    """Replace a text or number cell by typing, then Enter."""
    editor = open_cell(qtbot, view, hire_id, field)
    assert isinstance(editor, QLineEdit | QSpinBox)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    committed(qtbot, view)


def committed(qtbot, view: HiringPage) -> None:
    """Enter commits the cell on the next turn of the event loop (Qt queues it)."""
    qtbot.waitUntil(lambda: view.plan_table.state() != QAbstractItemView.State.EditingState)


def toggle(qtbot, view: HiringPage, hire_id: str, field: str) -> None:
    """Space on a check-box cell of the focused plan."""
    table = view.plan_table
    table.setFocus()
    table.setCurrentIndex(view.model.index(view.model.row_of(hire_id), COLUMN[field]))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)


def rule_ids(view: HiringPage) -> list[str]:
    return [card.property("rule_id") for card in view._warning_cards if card.isVisibleTo(view)]


# --- the catalogue --------------------------------------------------------------------------


def test_empty_plan_says_what_to_do_and_the_catalogue_lists_live_roles_by_stage(
    qtbot, controller, framework
) -> None:
    view = open_hiring(qtbot, controller)
    assert view.empty_state.isVisible() and view.empty_state.text() == EMPTY_TEXT
    assert not view.plan_table.isVisible() and not view.timeline_scroll.isVisible()
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
    assert (hire.role_id, hire.title, hire.target_quarter) == (
        "role_ml_scientist",
        "ML scientist",
        "",
    )
    assert controller.undo_stack.count() == 1
    assert not view.empty_state.isVisible()
    assert view.plan_table.isVisible() and shown(view, hire.id, "title") == "ML scientist"
    assert view.current_id() == hire.id  # the new role is selected, ready to edit
    assert shown(view, hire.id, "target_quarter") == "Not planned"
    assert card.planned_tag.text() == "✓ 1 in plan"
    assert "ML scientist" in view.unscheduled_label.text()

    controller.undo()
    assert stored_hires(store, controller) == []
    assert view.model.rowCount() == 0 and view.empty_state.isVisible()
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
    assert {shown(view, i, "title") for i in view.model.ids} == {
        "Prompt engineer",
        "Finance domain expert",
    }


def test_the_first_clicks_on_add_to_plan_each_add_a_role(qtbot, controller, store) -> None:
    view = open_hiring(qtbot, controller)
    for _ in range(2):
        qtbot.mouseClick(view.role_cards["role_pm_ml"].add_button, Qt.MouseButton.LeftButton)
    assert len(stored_hires(store, controller)) == 2
    assert view.model.rowCount() == 2


# --- editing the plan -------------------------------------------------------------------------


def test_plan_cells_edit_the_hire_one_undo_step_each(qtbot, controller, store) -> None:
    view = open_hiring(qtbot, controller)
    qtbot.mouseClick(view.role_cards["role_pm_ml"].add_button, Qt.MouseButton.LeftButton)
    hire_id = controller.session.hires[0].id
    # Added as the framework recommends the role: a product manager with ML experience.
    assert controller.session.hires[0].ml_experience and checked(view, hire_id, "ml_experience")
    assert offered(qtbot, view, hire_id, "target_quarter") == [
        Quarter(2027, 1).plus(i).label for i in range(8)
    ] + ["Not planned"]

    type_in(qtbot, view, hire_id, "title", "Head of ML product")
    choose(qtbot, view, hire_id, "mode", "Internal")
    choose(qtbot, view, hire_id, "seniority", "Senior")
    type_in(qtbot, view, hire_id, "headcount", "2")
    choose(qtbot, view, hire_id, "target_quarter", "Q3 2027")
    toggle(qtbot, view, hire_id, "ml_experience")
    toggle(qtbot, view, hire_id, "data_engineering")
    type_in(qtbot, view, hire_id, "notes", "Ask about the notice period")

    hire = stored_hires(store, controller)[0]
    assert (hire.title, hire.mode, hire.seniority, hire.headcount, hire.target_quarter) == (
        "Head of ML product",
        "internal",
        "senior",
        2,
        "2027-Q3",
    )
    assert not hire.ml_experience and hire.data_engineering
    assert hire.notes == "Ask about the notice period"
    assert controller.undo_stack.count() == 1 + 8  # the add, then one step per field
    assert shown(view, hire_id, "mode") == "Internal" and shown(view, hire_id, "headcount") == "2"

    controller.undo()  # notes
    controller.undo()  # data engineering
    controller.undo()  # ML experience
    controller.undo()  # quarter
    hire = stored_hires(store, controller)[0]
    assert (hire.notes, hire.data_engineering, hire.ml_experience, hire.target_quarter) == (
        "",
        False,
        True,
        "",
    )
    assert shown(view, hire_id, "target_quarter") == "Not planned"
    assert checked(view, hire_id, "ml_experience") and shown(view, hire_id, "notes") == ""
    for _ in range(4):
        controller.undo()
    hire = stored_hires(store, controller)[0]
    assert (hire.title, hire.mode, hire.seniority, hire.headcount) == (
        "Product manager with ML experience",
        "hire",
        "mid",
        1,
    )
    assert shown(view, hire_id, "title") == "Product manager with ML experience"
    assert shown(view, hire_id, "mode") == "New hire" and shown(view, hire_id, "headcount") == "1"


def test_reorder_and_remove_with_undo(qtbot, controller, store) -> None:
    view = open_hiring(qtbot, controller)
    for role_id in ("role_pm_ml", "role_ml_scientist", "role_ml_engineer"):
        qtbot.mouseClick(view.role_cards[role_id].add_button, Qt.MouseButton.LeftButton)
    titles = lambda: [h.title for h in stored_hires(store, controller)]  # noqa: E731
    first = row_of(view, "Product manager with ML experience")
    view.select_row(first)
    assert not view.up_button.isEnabled() and view.down_button.isEnabled()
    qtbot.mouseClick(view.down_button, Qt.MouseButton.LeftButton)
    assert titles() == ["ML scientist", "Product manager with ML experience", "ML engineer"]
    assert [shown(view, i, "title") for i in view.model.ids] == titles()
    assert view.current_id() == first  # the selection followed the role that moved
    # The keyboard does the same: Alt+Up moves it back.
    view.plan_table.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert titles() == ["Product manager with ML experience", "ML scientist", "ML engineer"]
    controller.undo()
    controller.undo()
    assert titles() == ["Product manager with ML experience", "ML scientist", "ML engineer"]

    engineer_id = row_of(view, "ML engineer")
    view.select_row(engineer_id)
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert titles() == ["Product manager with ML experience", "ML scientist"]
    assert engineer_id not in view.model.ids
    assert "Ctrl+Z" in view.message.text() and "ML engineer" in view.message.text()
    controller.undo()
    assert titles() == ["Product manager with ML experience", "ML scientist", "ML engineer"]
    assert shown(view, engineer_id, "title") == "ML engineer"
    # Delete on the focused plan removes the selected role too.
    view.select_row(engineer_id)
    view.plan_table.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    assert titles() == ["Product manager with ML experience", "ML scientist"]


# --- checks against the framework -------------------------------------------------------------


def test_scientist_before_any_pm_warns_until_a_pm_with_ml_experience_comes_first(
    qtbot, controller, store, framework
) -> None:
    view = open_hiring(qtbot, controller)
    assert RULE_PM_FIRST in {r.id for r in framework.hiring_rules if not r.retired}
    qtbot.mouseClick(view.role_cards["role_ml_scientist"].add_button, Qt.MouseButton.LeftButton)
    scientist = row_of(view, "ML scientist")
    choose(qtbot, view, scientist, "target_quarter", "Q2 2027")
    # Added senior, as recommended: it may act as PM for a while. A mid-level one may not.
    assert RULE_PM_FIRST not in rule_ids(view)
    choose(qtbot, view, scientist, "seniority", "Mid-level")
    assert RULE_PM_FIRST in rule_ids(view)
    card = next(c for c in view._warning_cards if c.property("rule_id") == RULE_PM_FIRST)
    assert card.tag.text() == "⚠ Start with a product manager who has ML experience"
    assert "No product manager is planned" in card.message_label.text()
    assert card.reason_label.text().startswith("Why: The product manager checks")
    assert "⚠" in view.summary_tag.text()

    # A PM planned after the scientist: still a warning, naming both and the quarters.
    qtbot.mouseClick(view.role_cards["role_pm_ml"].add_button, Qt.MouseButton.LeftButton)
    pm = row_of(view, "Product manager with ML experience")
    choose(qtbot, view, pm, "target_quarter", "Q3 2027")
    messages = [
        c.message_label.text()
        for c in view._warning_cards
        if c.property("rule_id") == RULE_PM_FIRST
    ]
    assert messages == ["The product manager is planned for Q3 2027, after ML scientist (Q2 2027)."]
    assert shown(view, pm, "warnings") == "⚠ 1 warning"
    # The warning leads to the roles it is about.
    pm_card = next(c for c in view._warning_cards if c.property("rule_id") == RULE_PM_FIRST)
    qtbot.mouseClick(pm_card.show_button, Qt.MouseButton.LeftButton)
    assert view.selected == {pm, scientist}
    assert view.plan_table.hasFocus() and view.current_id() == scientist  # the first of them

    # The PM with ML experience comes first: the warning is gone.
    choose(qtbot, view, pm, "target_quarter", "Q1 2027")
    assert RULE_PM_FIRST not in rule_ids(view)
    assert shown(view, pm, "warnings") == ""
    stored = {h.title: h for h in stored_hires(store, controller)}
    assert stored["Product manager with ML experience"].target_quarter == "2027-Q1"
    assert stored["Product manager with ML experience"].ml_experience

    # Without ML experience, a PM hired from outside is warned about again.
    toggle(qtbot, view, pm, "ml_experience")
    assert RULE_PM_FIRST in rule_ids(view)
    assert "without first-hand ML experience" in visible_texts(view.warnings_box)


def test_a_plan_that_follows_the_framework_says_so(qtbot, controller) -> None:
    view = open_hiring(qtbot, controller)
    plan = (
        ("role_pm_ml", "Q1 2027"),
        ("role_ml_scientist", "Q2 2027"),
        ("role_ml_engineer", "Q2 2027"),
    )
    for role_id, quarter in plan:
        qtbot.mouseClick(view.role_cards[role_id].add_button, Qt.MouseButton.LeftButton)
        choose(qtbot, view, controller.session.hires[-1].id, "target_quarter", quarter)
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
    choose(qtbot, view, pm, "target_quarter", "Q1 2027")
    choose(qtbot, view, pm, "mode", "Internal")
    choose(qtbot, view, scientist, "target_quarter", "Q3 2027")
    type_in(qtbot, view, scientist, "headcount", "2")

    timeline = view.timeline
    assert view.timeline_scroll.isVisible()
    assert [q.label for q in timeline.quarters] == ["Q1 2027", "Q2 2027", "Q3 2027"]
    assert [(q.joining, q.total) for q in timeline.quarters] == [(1, 1), (0, 1), (2, 3)]
    for row, quarter, words in ((pm, "2027-Q1", "Internal"), (scientist, "2027-Q3", "New ×2")):
        marker = timeline.marker_rect(row)
        assert not marker.isEmpty()
        assert timeline.column_rect(quarter).contains(marker.center())
        others = [q.quarter for q in timeline.quarters if q.quarter != quarter]
        assert not any(timeline.column_rect(q).contains(marker.center()) for q in others)
        entry = next(e for e in timeline.entries if e.hire_id == row)
        assert entry.marker_text == words
    assert "Q3 2027: ML scientist (New ×2); 3 planned in total" in timeline.describe()
    assert view.unscheduled_label.text() == "Not scheduled yet: ML engineer"
    # The chart gets the height its rows need once the layout has run.
    qtbot.waitUntil(lambda: timeline.height() >= timeline.minimumSizeHint().height())
    assert view.timeline_scroll.height() >= timeline.minimumSizeHint().height()

    # Moving the scientist to another quarter moves the marker.
    choose(qtbot, view, scientist, "target_quarter", "Q2 2027")
    assert timeline.column_rect("2027-Q2").contains(timeline.marker_rect(scientist).center())


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
    notes = COLUMN["notes"]
    assert noted and not view.plan_table.isColumnHidden(notes)
    assert all(shown(view, h.id, "notes") == h.notes for h in noted)

    view.set_projecting(True)
    assert not any(c.advice_box.isVisible() for c in view.role_cards.values())
    assert not card.advice_label.isVisible()
    assert view.plan_table.isColumnHidden(notes)
    texts = visible_texts(view)
    assert role.advice not in texts and all(h.notes not in texts for h in noted)
    # The plan itself is still there for the room.
    assert view.plan_table.isVisible() and not view.plan_table.isColumnHidden(COLUMN["title"])

    view.set_projecting(False)
    assert not view.plan_table.isColumnHidden(notes)
    assert card.advice_box.isVisible()


# --- hostile text and the demo ----------------------------------------------------------------


def test_hostile_text_is_shown_literally(qtbot, controller, store) -> None:
    view = open_hiring(qtbot, controller)
    title = f"{TRICKY} {LONG_WORD}"
    view.custom_edit.setText(title)
    qtbot.mouseClick(view.custom_button, Qt.MouseButton.LeftButton)
    row = row_of(view, title)
    choose(qtbot, view, row, "mode", "Internal")  # an internal assignment without ML warns
    choose(qtbot, view, row, "target_quarter", "Q2 2027")
    assert stored_hires(store, controller)[0].title == title
    card = next(c for c in view._warning_cards if c.property("rule_id") == RULE_INTERNAL_ASSIGNMENT)
    assert card.message_label.textFormat() == Qt.TextFormat.PlainText
    assert card.message_label.text().startswith(f"{title} is an internal assignment")
    assert view.timeline.entries[0].title == title
    assert TRICKY in view.timeline.describe()
    assert shown(view, row, "title") == title
    choose(qtbot, view, row, "target_quarter", "Not planned")
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
    assert view.model.ids == [h.id for h in hires]
    for hire in hires:
        index = view.model.index(view.model.row_of(hire.id), 0)
        for field in ("title", "mode", "seniority", "headcount", "target_quarter", "notes"):
            edit_value = index.siblingAtColumn(COLUMN[field]).data(Qt.ItemDataRole.EditRole)
            assert edit_value == getattr(hire, field)
        assert checked(view, hire.id, "ml_experience") == hire.ml_experience
        assert checked(view, hire.id, "data_engineering") == hire.data_engineering
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
    session.hires = [
        Hire(id=new_id(), role_id="role_lead_pm", title="Lead PM", target_quarter="2030-Q2")
    ]
    controller = make_controller(store, framework, session)
    view = open_hiring(qtbot, controller)
    row = session.hires[0].id
    assert shown(view, row, "target_quarter") == "Q2 2030"
    assert "Q2 2030" in offered(qtbot, view, row, "target_quarter")
    assert view.timeline.column_rect("2030-Q2").contains(view.timeline.marker_rect(row).center())
    # A hire added elsewhere (another page, an undo) appears here on the next refresh.
    controller.push(add_item(controller.session, "hires", Hire(id=new_id(), title="Analyst")))
    assert "Analyst" in [shown(view, i, "title") for i in view.model.ids]

"""The page types, driven as a facilitator would: typing, keys 0-4, spin boxes, buttons.

Every test runs against a real SQLite store in a temp folder through the real session
controller, and checks both what the page shows and what a fresh load from the store holds.
The framework is hand-made (tests/framework_factory.py) so every statement and number is known.
"""

from __future__ import annotations

import dataclasses

import pytest
from framework_factory import DIMENSION_IDS, make_framework, statement
from ui_helpers import make_controller, stored, type_in_cell, type_text, visible_texts

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QSpinBox, QWidget

import workshop.ui.pages  # noqa: F401  (registers every page type)
from workshop.domain.session import Rating, Session
from workshop.framework.model import (
    Framework,
    InterviewPrompt,
    Origin,
    Page,
    Provenance,
    StrategyQuestion,
)
from workshop.store import Store
from workshop.ui.controller import SessionController
from workshop.ui.pages.base import PageView, page_class

AID = Provenance(Origin.FACILITATION)
TRICKY = '<b>&"emoji 🎉 and עברית'


def build_framework() -> Framework:
    """Two core statements per dimension for Getting Started, one core + one extended for
    Exploring, one per cell elsewhere; a question and interview prompts."""
    statements = []
    for stage_id in ("getting_started", "exploring", "building", "scaling", "advanced"):
        for dimension in DIMENSION_IDS:
            statements.append(statement(f"{stage_id}.{dimension}", stage_id, dimension))
            if stage_id == "getting_started":
                statements.append(statement(f"{stage_id}.{dimension}.b", stage_id, dimension))
            if stage_id == "exploring":
                statements.append(
                    statement(f"{stage_id}.{dimension}.x", stage_id, dimension, core=False)
                )
    base = make_framework(statements=tuple(statements))
    return dataclasses.replace(
        base,
        questions=(
            StrategyQuestion(
                id="q_pains",
                stage="getting_started",
                prompt="What daily pain points do your customers live with?",
                hint="Push for specifics: a named customer, a step in their week.",
                provenance=AID,
            ),
        ),
        interview_prompts=(
            InterviewPrompt(
                id="ip_support",
                function="support",
                function_name="Support",
                prompts=("Which tickets come back every week?",),
                provenance=AID,
            ),
        ),
    )


@pytest.fixture
def framework() -> Framework:
    return build_framework()


@pytest.fixture
def controller(qtbot, store: Store, framework: Framework) -> SessionController:
    session = Session(organisation="Acme", title="Kick-off", facilitator="Dana")
    return make_controller(store, framework, session)


def open_page(qtbot, controller: SessionController, page: Page) -> PageView:
    cls = page_class(page.page_type)
    assert cls is not None, f"page type {page.page_type} is not registered"
    view = cls(controller, page)
    qtbot.addWidget(view)
    # The window refreshes the visible page after every change; do the same here.
    controller.touched.connect(view.show_change)
    view.resize(1280, 900)
    view.show()
    activate(qtbot, view)
    return view


def activate(qtbot, view: QWidget) -> None:
    """Make ``view`` the active window, so keyboard focus goes where a test puts it."""
    with qtbot.waitActive(view):
        view.activateWindow()


QUESTION_PAGE = Page(
    id="p_q_pains",
    page_type="question",
    stage="getting_started",
    title="Pain points",
    ref="q_pains",
    guidance="Ask for stories.",
)
MATURITY_PAGE = Page(
    id="p_check_gs",
    page_type="maturity",
    stage="getting_started",
    title="Maturity check",
    ref="getting_started",
)
PLACEMENT_PAGE = Page(id="p_placement", page_type="placement", stage="", title="Placement")
ACTIONS_PAGE = Page(id="p_actions", page_type="actions", stage="", title="Actions")
OVERVIEW_PAGE = Page(id="p_overview", page_type="overview", stage="", title="Overview")
INTERVIEWS_PAGE = Page(
    id="p_interviews", page_type="interviews", stage="getting_started", title="Discovery interviews"
)


# --- strategy question ------------------------------------------------------------------------


def test_typed_answer_with_markup_emoji_and_hebrew_is_shown_and_stored_exactly(
    qtbot, controller, store
):
    view = open_page(qtbot, controller, QUESTION_PAGE)
    assert "What daily pain points" in visible_texts(view)
    answer = view.answer_edit
    answer.setFocus()
    type_text(answer, TRICKY)
    view.flush()

    assert answer.toPlainText() == TRICKY
    assert stored(store, controller).answer("q_pains").text == TRICKY
    # A label elsewhere showing the answer would render "<b>" as bold: none does, and the
    # prompt label is plain text.
    assert view.prompt_label.textFormat() == Qt.TextFormat.PlainText


def test_ten_thousand_character_answer_round_trips(qtbot, controller, store):
    view = open_page(qtbot, controller, QUESTION_PAGE)
    long_text = ("Line of the room's answer with ünïcödé — " * 250)[:10_000]
    view.answer_edit.setFocus()
    view.answer_edit.insertPlainText(long_text)
    view.flush()
    assert len(stored(store, controller).answer("q_pains").text) == 10_000
    assert stored(store, controller).answer("q_pains").text == long_text
    # Undo is one step for the whole typed answer.
    controller.undo()
    assert view.answer_edit.toPlainText() == ""
    assert stored(store, controller).answer("q_pains").text == ""


def test_question_status_tags_and_hint_hidden_when_projecting(qtbot, controller, store):
    view = open_page(qtbot, controller, QUESTION_PAGE)
    assert view.status_tag.text() == "Not discussed yet"
    qtbot.mouseClick(view.discussed_button, Qt.MouseButton.LeftButton)
    assert view.status_tag.text() == "✓ Discussed"
    assert stored(store, controller).answer("q_pains").status == "discussed"
    qtbot.mouseClick(view.skipped_button, Qt.MouseButton.LeftButton)
    assert view.status_tag.text() == "Skipped"
    assert not view.discussed_button.isChecked()
    assert stored(store, controller).answer("q_pains").status == "skipped"

    assert "Push for specifics" in visible_texts(view)
    view.set_projecting(True)
    assert "Push for specifics" not in visible_texts(view)
    view.set_projecting(False)
    assert "Push for specifics" in visible_texts(view)


def test_send_selected_line_or_whole_answer_to_actions(qtbot, controller, store):
    view = open_page(qtbot, controller, QUESTION_PAGE)
    view.answer_edit.setFocus()
    qtbot.keyClicks(view.answer_edit, "Invoices are late")
    qtbot.keyClick(view.answer_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(view.answer_edit, "Churn is invisible")
    # Select the second line: Home, then Shift+End.
    qtbot.keyClick(view.answer_edit, Qt.Key.Key_Home)
    qtbot.keyClick(view.answer_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert view.send_button.text() == "Send selection to actions"
    qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)

    actions = stored(store, controller).actions
    assert [a.text for a in actions] == ["Churn is invisible"]
    assert actions[0].source_page == "p_q_pains" and actions[0].stage == "getting_started"
    assert "Added to actions" in view.sent_label.text()

    cursor = view.answer_edit.textCursor()
    cursor.clearSelection()
    view.answer_edit.setTextCursor(cursor)
    assert view.send_button.text() == "Send answer to actions"
    qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
    assert [a.text for a in stored(store, controller).actions] == [
        "Churn is invisible",
        "Invoices are late\nChurn is invisible",
    ]


# --- maturity check ---------------------------------------------------------------------------


def test_rate_by_keyboard_moves_down_and_stores(qtbot, controller, store):
    view = open_page(qtbot, controller, MATURITY_PAGE)
    assert len(view.rows) == 8  # two core statements per dimension
    first = view.rows[0]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_3)
    assert first.rating_label.text() == "Room score 3"
    assert first.score_buttons[3].isChecked()
    qtbot.keyClick(first, Qt.Key.Key_Down)
    second = view.rows[1]
    assert second.hasFocus()
    qtbot.keyClick(second, Qt.Key.Key_1)
    qtbot.keyClick(second, Qt.Key.Key_Up)
    assert first.hasFocus()
    qtbot.keyClick(first, Qt.Key.Key_4)

    saved = stored(store, controller)
    assert saved.rating(first.statement.id).score == 4
    assert saved.rating(second.statement.id).score == 1
    assert "2 of 8 rated" in view.progress_tag.text()

    qtbot.keyClick(first, Qt.Key.Key_Backspace)
    assert stored(store, controller).rating(first.statement.id).score is None
    assert first.rating_label.text() == "Not rated yet"


def test_show_of_hands_counts_show_spread_and_disagreement(qtbot, controller, store, monkeypatch):
    view = open_page(qtbot, controller, MATURITY_PAGE)
    qtbot.mouseClick(view.count_mode_button, Qt.MouseButton.LeftButton)
    row = view.rows[0]
    assert row.count_panel.isVisible() and not row.score_panel.isVisible()
    for score, how_many in ((1, 2), (3, 3)):
        box: QSpinBox = row.count_boxes[score]
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, str(how_many))
        qtbot.keyClick(box, Qt.Key.Key_Enter)

    assert stored(store, controller).rating(row.statement.id).counts == (0, 2, 0, 3, 0)
    assert "2×1, 3×3" in row.rating_label.text()
    assert "average 2.2" in row.rating_label.text()
    assert row.spread_chart.isVisible()
    # 1 and 3 are two points apart: the reasoning calls that a disagreement.
    assert row.disagreement_tag.isVisible()

    # A room score replaces the show of hands once the facilitator says so, in one
    # undoable step.
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, title, *a, **k: asked.append(title) or QMessageBox.StandardButton.Yes,
    )
    qtbot.mouseClick(view.room_mode_button, Qt.MouseButton.LeftButton)
    row.setFocus()
    qtbot.keyClick(row, Qt.Key.Key_2)
    assert asked == ["Replace the show of hands?"]
    assert stored(store, controller).rating(row.statement.id) == Rating(
        id=row.statement.id, score=2, counts=(0, 0, 0, 0, 0)
    )
    assert not row.disagreement_tag.isVisible()
    controller.undo()
    assert stored(store, controller).rating(row.statement.id).counts == (0, 2, 0, 3, 0)


def test_anchors_on_demand_and_extended_set(qtbot, controller, store):
    page = dataclasses.replace(MATURITY_PAGE, id="p_check_ex", ref="exploring")
    view = open_page(qtbot, controller, page)
    assert len(view.rows) == 4  # core only
    row = view.rows[0]
    assert not row.anchors_label.isVisible()
    assert row.score_buttons[2].toolTip() == "2 — some"
    qtbot.mouseClick(view.anchors_button, Qt.MouseButton.LeftButton)
    assert row.anchors_label.isVisible() and "4 — all" in row.anchors_label.text()

    from workshop.domain.edits import set_session_field

    controller.push(set_session_field(controller.session, "statement_set", "extended"))
    assert len(view.rows) == 8
    assert "0 of 8 rated" in view.progress_tag.text()


# --- placement ------------------------------------------------------------------------------


def test_rating_by_keyboard_and_counts_changes_the_placement(qtbot, controller, store):
    maturity = open_page(qtbot, controller, MATURITY_PAGE)
    placement = open_page(qtbot, controller, PLACEMENT_PAGE)
    assert placement.empty_state.isVisible()
    assert "Working on" not in visible_texts(placement)

    # Keyboard: rate all eight Getting Started statements 3, moving down with the arrow key.
    activate(qtbot, maturity)
    maturity.rows[0].setFocus()
    for index in range(8):
        row = maturity.rows[index]
        assert row.hasFocus()
        qtbot.keyClick(row, Qt.Key.Key_3)
        qtbot.keyClick(row, Qt.Key.Key_Down)
    assert not placement.empty_state.isVisible()
    assert placement.working_label.text() == "Working on: Exploring"
    assert "✓ Getting Started reached" in visible_texts(placement)
    assert placement.findChild(QWidget, "stage_tag_getting_started").text() == "✓ Reached"
    assert controller.session.rating("getting_started.product").score == 3

    # Counts: a split room on one statement pulls Product below the threshold.
    qtbot.mouseClick(maturity.count_mode_button, Qt.MouseButton.LeftButton)
    row = maturity.row("getting_started.product")
    for score, how_many in ((0, 3), (4, 1)):
        box = row.count_boxes[score]
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, str(how_many))
        qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert stored(store, controller).rating("getting_started.product").counts == (3, 0, 0, 0, 1)
    assert placement.working_label.text() == "Working on: Getting Started"
    assert "No stage reached yet" in visible_texts(placement)
    # The chart shows Product at (1 + 3) / 2 = 2.0, as a number too.
    bars = {bar.label: bar.value for bar in placement.chart.bars}
    assert bars["Product"] == pytest.approx(2.0)
    assert "Product: 2.0 of 4" in placement.chart.describe()
    assert "hands: 3×0, 1×4, 4 points apart" in visible_texts(placement)


def test_add_a_gap_as_an_action(qtbot, controller, store):
    controller.push(
        __import__("workshop.domain.edits", fromlist=["set_keyed_field"]).set_keyed_field(
            controller.session, "ratings", "getting_started.technical", "score", 1
        )
    )
    view = open_page(qtbot, controller, PLACEMENT_PAGE)
    assert view.gaps_title.text() == "What is missing to reach Getting Started"
    button: QPushButton = view.findChild(QPushButton, "add_gap_getting_started.technical")
    assert button.text() == "Add as action" and button.isEnabled()
    # Scored gaps come first: the technical statement (1 of 4) heads the list.
    assert list(view.gap_buttons)[0] == "getting_started.technical"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    actions = stored(store, controller).actions
    assert [(a.text, a.stage, a.kind, a.status) for a in actions] == [
        ("Do getting_started.technical", "getting_started", "action", "open")
    ]
    again = view.gap_buttons["getting_started.technical"]
    assert again.text() == "✓ In actions" and not again.isEnabled()
    controller.undo()
    assert stored(store, controller).actions == []
    assert view.gap_buttons["getting_started.technical"].isEnabled()


# --- actions --------------------------------------------------------------------------------


def cell(view, row: int, field: str):
    from workshop.ui.pages.actions import COLUMN

    return view.proxy.index(row, COLUMN[field])


def test_add_edit_inline_filter_sort_and_remove_actions(qtbot, controller, store):
    view = open_page(qtbot, controller, ACTIONS_PAGE)
    assert view.empty_state.isVisible() and "No actions yet" in view.empty_state.text()

    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()  # the text cell's editor opened for typing
    type_text(editor, "Hire a data engineer — Zoë")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The cell editor commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: controller.session.actions[0].text != "")
    saved = stored(store, controller).actions
    assert [a.text for a in saved] == ["Hire a data engineer — Zoë"]
    assert cell(view, 0, "text").data() == "Hire a data engineer — Zoë"

    # Inline edits through the model, as the cell editors do.
    view.proxy.setData(cell(view, 0, "owner"), "CTO")
    view.proxy.setData(cell(view, 0, "status"), "in_progress")
    from PySide6.QtCore import QDate

    view.proxy.setData(cell(view, 0, "due"), QDate(2027, 3, 31))
    saved = stored(store, controller).actions[0]
    assert (saved.owner, saved.status, saved.due.isoformat()) == (
        "CTO",
        "in_progress",
        "2027-03-31",
    )
    assert cell(view, 0, "status").data() == "In progress"

    # A parking-lot item added while the parking lot is shown gets that kind.
    view.filter_combo.setCurrentIndex(view.filter_combo.findData("parking"))
    assert view.empty_state.isVisible() and "parking lot" in view.empty_state.text()
    assert view.add_button.text() == "Add parking-lot item"
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Agile or Kanban?")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.session.actions[1].text != "")
    assert [(a.text, a.kind) for a in stored(store, controller).actions][1] == (
        "Agile or Kanban?",
        "parking",
    )
    assert view.proxy.rowCount() == 1
    assert view.count_label.text() == "1 parking-lot item \u00b7 2 items in all"
    view.filter_combo.setCurrentIndex(view.filter_combo.findData("all"))
    assert view.count_label.text() == "2 items"

    # Sort by "What": alphabetical.
    from workshop.ui.pages.actions import COLUMN

    view.table.sortByColumn(COLUMN["text"], Qt.SortOrder.AscendingOrder)
    assert [cell(view, r, "text").data() for r in range(2)] == [
        "Agile or Kanban?",
        "Hire a data engineer — Zoë",
    ]

    # Remove the selected row with the Delete key; undo brings it back.
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert [a.text for a in stored(store, controller).actions] == ["Hire a data engineer — Zoë"]
    controller.undo()
    assert len(stored(store, controller).actions) == 2


def test_follow_up_reviews_carried_over_actions_first_and_hides_private(qtbot, controller, store):
    from workshop.domain.edits import add_item
    from workshop.domain.session import Action

    for action in (
        Action(id="new", text="New idea"),
        Action(id="old", text="Carried: pick a cloud", carried_from="prev-1"),
        Action(id="secret", text="Facilitator: CFO sceptical", private=True),
    ):
        controller.push(add_item(controller.session, "actions", action))
    view = open_page(qtbot, controller, ACTIONS_PAGE)
    assert view.carried_banner.isVisible()
    assert view.carried_banner.text().startswith("↻ 1 open item carried over")
    assert cell(view, 0, "text").data() == "Carried: pick a cloud"
    assert cell(view, 0, "carried_from").data() == "↻ Carried over"

    view.filter_combo.setCurrentIndex(view.filter_combo.findData("carried"))
    assert view.proxy.rowCount() == 1
    view.filter_combo.setCurrentIndex(0)

    texts = lambda: [cell(view, r, "text").data() for r in range(view.proxy.rowCount())]  # noqa: E731
    assert "Facilitator: CFO sceptical" in texts()
    assert view.count_label.text() == "3 items"
    view.set_projecting(True)
    assert "Facilitator: CFO sceptical" not in texts()
    assert view.count_label.text() == "2 items"  # the room is not told one is hidden
    view.set_projecting(False)
    assert "Facilitator: CFO sceptical" in texts()

    view.proxy.setData(cell(view, 0, "status"), "done")
    assert stored(store, controller).find("actions", "old").status == "done"
    assert not view.carried_banner.isVisible()


# --- overview -------------------------------------------------------------------------------


def test_overview_details_participants_and_agenda_are_edited_through_the_store(
    qtbot, controller, store, framework
):
    from workshop.framework.model import AgendaPreset
    from workshop.framework.model import AgendaSection as PresetSection

    framework = dataclasses.replace(
        framework,
        presets=(
            AgendaPreset(
                id="half_day",
                name="Half day",
                statement_set="core",
                sections=(
                    PresetSection("s_open", "Opening", 20, ("p_overview",)),
                    PresetSection("s_check", "Maturity check", 45, ("p_check_gs",)),
                ),
            ),
        ),
    )
    controller.service.framework = framework
    view = open_page(qtbot, controller, OVERVIEW_PAGE)
    organisation = view.findChild(QWidget, "organisation_edit")
    assert organisation.text() == "Acme"
    organisation.setFocus()
    organisation.selectAll()
    type_text(organisation, 'Café <Ünïon> & "Sons" עברית')
    view.findChild(QWidget, "sponsor_edit").setFocus()  # leaving the field commits it
    assert stored(store, controller).organisation == 'Café <Ünïon> & "Sons" עברית'
    type_text(view.findChild(QWidget, "sponsor_edit"), "Maya Cohen")
    controller.flush()
    assert stored(store, controller).sponsor == "Maya Cohen"

    view.target_combo.setCurrentIndex(view.target_combo.findText("Building"))
    view.set_combo.setCurrentIndex(view.set_combo.findData("extended"))
    saved = stored(store, controller)
    assert (saved.target_stage, saved.statement_set) == ("building", "extended")

    # Participants: add, type a name and a role in the cells, remove.
    assert view.participants_empty.isVisible()
    qtbot.mouseClick(view.add_participant_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Noa")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.session.participants[0].name == "Noa")
    table = view.participants_table
    type_in_cell(qtbot, table, table.model().index(0, 1), "CTO")
    assert [(p.name, p.role) for p in stored(store, controller).participants] == [("Noa", "CTO")]
    assert table.model().index(0, 1).data() == "CTO"
    assert not view.participants_empty.isVisible()
    # A second one; Delete on the selected row removes it, the button the first.
    qtbot.mouseClick(view.add_participant_button, Qt.MouseButton.LeftButton)
    type_text(QApplication.focusWidget(), "Amir")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            len(stored(store, controller).participants) == 2
            and stored(store, controller).participants[1].name == "Amir"
        )
    )
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [p.name for p in stored(store, controller).participants] == ["Noa"]
    table.selectRow(0)
    qtbot.mouseClick(view.remove_participant_button, Qt.MouseButton.LeftButton)
    assert stored(store, controller).participants == []

    # Agenda: start from the preset, then change the planned minutes.
    preset_button = view.findChild(QPushButton, "preset_half_day_button")
    qtbot.mouseClick(preset_button, Qt.MouseButton.LeftButton)
    agenda = stored(store, controller).agenda
    assert [(s.title, s.planned_minutes, s.page_ids) for s in agenda] == [
        ("Opening", 20, ("p_overview",)),
        ("Maturity check", 45, ("p_check_gs",)),
    ]
    assert stored(store, controller).statement_set == "core"  # the preset's set
    assert view.total_label.text() == "· 2 sections, 1 h 5 min planned"
    box = view.minute_boxes[agenda[1].id]
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "60")
    qtbot.keyClick(box, Qt.Key.Key_Enter)
    assert stored(store, controller).agenda[1].planned_minutes == 60
    assert view.total_label.text() == "· 2 sections, 1 h 20 min planned"
    controller.undo()
    assert stored(store, controller).agenda[1].planned_minutes == 45
    assert box.value() == 45


# --- interviews -----------------------------------------------------------------------------


def test_interviews_capture_and_private_ones_hidden_when_projecting(qtbot, controller, store):
    from workshop.ui.pages.interviews import COLUMN

    view = open_page(qtbot, controller, INTERVIEWS_PAGE)
    assert view.empty_state.isVisible()
    assert not view.form.isVisible()
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    (interview_id,) = view.interviews
    assert view.person_edit.hasFocus()
    type_text(view.person_edit, "Lior, head of support")
    view.function_combo.setCurrentIndex(view.function_combo.findData("support"))
    view.pains_edit.setFocus()
    type_text(view.pains_edit, "Tickets about late invoices\nNo view of churn 🎉")
    view.date_edit.setDate(QDate(2026, 11, 2))
    controller.flush()

    (saved,) = stored(store, controller).interviews
    assert saved.person == "Lior, head of support"
    assert saved.function == "support"
    assert saved.pains == "Tickets about late invoices\nNo view of churn 🎉"
    assert saved.interview_date.isoformat() == "2026-11-02"
    # The list shows it in one row: who, the function, the date and the first pain.
    assert view.cell_text(interview_id, "person") == "Lior, head of support"
    assert view.cell_text(interview_id, "interview_date") == "2026-11-02"
    assert view.cell_text(interview_id, "pains") == "Tickets about late invoices  (+1 more)"
    # The support prompts are shown to the facilitator, not to the room.
    assert "Which tickets come back every week?" in visible_texts(view)
    view.set_projecting(True)
    assert "Which tickets come back every week?" not in visible_texts(view)
    assert view.interviews == [interview_id] and view.form.isVisible()

    qtbot.mouseClick(view.private_check, Qt.MouseButton.LeftButton)
    assert stored(store, controller).interviews[0].private is True
    assert view.interviews == [] and not view.form.isVisible()
    assert not view.table.isVisible()
    assert view.empty_state.text() == "Every interview here is private."
    view.set_projecting(False)
    assert view.interviews == [interview_id]
    assert view.form.isVisible() and view.private_tag.isVisible()
    index = view.model.index(0, COLUMN["private"])
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    # The name is edited in its cell too, and a second interview gets its own row and form.
    type_in_cell(qtbot, view.table, view.model.index(0, COLUMN["person"]), "Lior Ben-Ami")
    assert stored(store, controller).interviews[0].person == "Lior Ben-Ami"
    assert view.person_edit.text() == "Lior Ben-Ami"
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert len(view.interviews) == 2 and view.person_edit.text() == ""
    second = view.interviews[1]
    view.select(interview_id)
    assert view.person_edit.text() == "Lior Ben-Ami"
    assert view.pains_edit.toPlainText() == "Tickets about late invoices\nNo view of churn 🎉"

    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert [i.id for i in stored(store, controller).interviews] == [second]
    assert interview_id not in view.interviews
    controller.undo()
    assert interview_id in view.interviews
    view.select(interview_id)
    assert view.pains_edit.toPlainText() == "Tickets about late invoices\nNo view of churn 🎉"


def test_follow_up_placement_shows_the_change_since_the_last_workshop(qtbot, store, framework):
    from datetime import date

    gs = [s.id for s in framework.statements_for("getting_started")]
    session = Session(
        organisation="Acme",
        follows_up="previous-session-id",
        baseline_date=date(2026, 5, 4),
        baseline_ratings=[Rating(id=i, score=1) for i in gs],
        ratings=[Rating(id=i, score=3) for i in gs],
    )
    store.create(session)
    controller = SessionController(store.load(session.id), framework, store)
    view = open_page(qtbot, controller, PLACEMENT_PAGE)
    assert view.working_label.text() == "Working on: Exploring"
    # The change in one sentence, from the follow-up reasoning.
    assert view.change_label.isVisible() and "Getting Started" in view.change_label.text()
    view.stage_combo.setCurrentIndex(view.stage_combo.findData("getting_started"))
    assert "Product: 3.0 of 4, was 1.0" in view.chart.describe()
    assert "last workshop (2026-05-04)" in view.chart_caption.text()
    assert view.findChild(QLabel, "was_getting_started").text() == "1.0"
    assert view.findChild(QLabel, "was_exploring").text() == "not rated"


# --- every page ---------------------------------------------------------------------------


ALL_PAGES = (
    OVERVIEW_PAGE,
    INTERVIEWS_PAGE,
    QUESTION_PAGE,
    MATURITY_PAGE,
    PLACEMENT_PAGE,
    ACTIONS_PAGE,
)


def inner_part(widget: QWidget, view: QWidget) -> bool:
    from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QComboBox

    parent = widget.parentWidget()
    while parent is not None and parent is not view:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QAbstractItemView)):
            return True
        parent = parent.parentWidget()
    return False


def test_every_control_has_an_object_name_and_an_accessible_name(qtbot, controller):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
    )

    from workshop.domain.edits import add_item
    from workshop.domain.session import Action, Interview, Participant

    for collection, item in (
        ("participants", Participant(id="p1", name="Noa")),
        ("interviews", Interview(id="i1", person="Lior")),
        ("actions", Action(id="a1", text="Do it")),
    ):
        controller.push(add_item(controller.session, collection, item))
    controls = (
        QAbstractButton,
        QLineEdit,
        QPlainTextEdit,
        QComboBox,
        QAbstractSpinBox,
        QAbstractItemView,
    )
    for page in ALL_PAGES:
        view = open_page(qtbot, controller, page)
        for widget in view.findChildren(QWidget):
            if not isinstance(widget, controls):
                continue
            if widget.window() is not view or inner_part(widget, view):
                continue  # popups, and the inner parts of a spin box, combo box or table
            assert widget.objectName(), f"{page.page_type}: unnamed {type(widget).__name__}"
            assert widget.accessibleName(), f"{page.page_type}: {widget.objectName()} unnamed"


def test_answer_shown_exactly_after_reopening_the_workshop(qtbot, controller, store, framework):
    view = open_page(qtbot, controller, QUESTION_PAGE)
    view.answer_edit.setFocus()
    type_text(view.answer_edit, TRICKY)
    view.flush()
    reopened = SessionController(store.load(controller.session.id), framework, store)
    again = open_page(qtbot, reopened, QUESTION_PAGE)
    assert again.answer_edit.toPlainText() == TRICKY


def test_empty_actions_page_keeps_its_text_under_the_toolbar(qtbot, controller):
    view = open_page(qtbot, controller, ACTIONS_PAGE)
    view.resize(1024, 768)
    qtbot.waitUntil(lambda: view.height() == 768)
    assert view.empty_state.isVisible()
    # The words start right under the toolbar, not half-way down an empty page.
    text_top = view.empty_state.mapTo(view, view.empty_state.contentsRect().topLeft()).y()
    assert text_top < view.add_button.mapTo(view, view.add_button.rect().bottomLeft()).y() + 120
    assert text_top < view.height() // 3


def test_action_columns_are_never_cut_mid_word_and_the_due_date_reads_whole(
    qtbot, controller, store
):
    from datetime import date

    from PySide6.QtWidgets import QDateEdit

    from workshop.domain.edits import add_item
    from workshop.domain.session import Action
    from workshop.ui.pages.actions import COLUMN

    view = open_page(qtbot, controller, ACTIONS_PAGE)
    view.resize(1024 - 300, 600)  # a 1024-pixel screen with the page list beside the page
    controller.push(
        add_item(
            controller.session,
            "actions",
            Action(
                id="a1",
                text="Agree the data-sharing contract with the logistics partner",
                owner="Ingrid Halvorsen",
                due=date(2027, 3, 31),
                kind="parking",
            ),
        )
    )
    qtbot.waitUntil(lambda: view.table.isVisible())
    metrics = view.table.fontMetrics()
    for field, word in (("owner", "Halvorsen"), ("kind", "Parking")):
        assert view.table.columnWidth(COLUMN[field]) > metrics.horizontalAdvance(word)
    # The due date's editor, opened as a user does (F2 on the cell), shows the whole date.
    view.table.setFocus()
    view.table.setCurrentIndex(cell(view, 0, "due"))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QDateEdit)
    assert editor.width() >= editor.sizeHint().width()
    assert editor.text() == "2027-03-31"

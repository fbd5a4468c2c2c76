"""The opportunities page (brainstorm, ranked list, value/cost matrix, first project), driven
as a facilitator would, through the real controller and a real SQLite store: what the page
shows, what a fresh load from the store holds, and that undo restores it in one step."""

from __future__ import annotations

from datetime import date

from ui_helpers import make_controller, stored, visible_texts

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

import workshop.ui.pages.matrix  # noqa: F401  (registers the page type)
from workshop.domain.priorities import CRITERION_DATA_IN_PLACE, criterion_tick_id, prioritise
from workshop.domain.session import DataAuditItem, Opportunity, Session
from workshop.store.demo import build_demo
from workshop.ui.controller import SessionController
from workshop.ui.pages.base import page_class
from workshop.ui.pages.matrix import BLOCKED, CHOICES_ROLE, COLUMN, EMPTY_TEXT, MatrixPage

HOSTILE = '<b>&"emoji 🎉 and עברית ' + "W" * 200


def open_matrix(
    qtbot, controller: SessionController, size: tuple[int, int] = (1400, 1000)
) -> MatrixPage:
    page = controller.framework.page("page_matrix")
    cls = page_class(page.page_type)
    assert cls is MatrixPage
    view = MatrixPage(controller, page)
    qtbot.addWidget(view)
    controller.touched.connect(view.show_change)  # as the window does
    view.resize(*size)
    view.show()
    with qtbot.waitActive(view):
        view.activateWindow()
    return view


def empty_session() -> Session:
    return Session(organisation="Acme", title="Kick-off", workshop_date=date(2027, 2, 10))


def with_opportunities(*opportunities: Opportunity) -> Session:
    session = empty_session()
    session.opportunities = list(opportunities)
    return session


def cell(view: MatrixPage, opportunity_id: str, field: str) -> str:
    row = view.model.row_of(opportunity_id)
    return str(view.model.index(row, COLUMN[field]).data(Qt.ItemDataRole.DisplayRole))


def shown_titles(view: MatrixPage) -> list[str]:
    return [cell(view, i, "title") for i in view.model.ids]


def add_by_typing(qtbot, view: MatrixPage, text: str) -> None:
    view.new_field.setFocus()
    if text.isascii():
        qtbot.keyClicks(view.new_field, text)
    else:
        view.new_field.insert(text)
    qtbot.keyClick(view.new_field, Qt.Key.Key_Return)


# --- brainstorm ---------------------------------------------------------------------------


def test_empty_state_says_what_to_do_and_n_focuses_the_new_field(qtbot, store, framework):
    controller = make_controller(store, framework, empty_session())
    view = open_matrix(qtbot, controller)
    assert view.empty_state.isVisible() and view.empty_state.text() == EMPTY_TEXT
    assert not view.table.isVisible()
    assert view.first_empty.isVisible() and not view.first_box.isVisible()
    view.chart.setFocus()
    qtbot.keyClick(view.chart, Qt.Key.Key_N)
    assert QApplication.focusWidget() is view.new_field
    assert view.new_field.text() == ""  # the key moved focus; it typed nothing


def test_n_types_into_a_text_field_instead_of_jumping(qtbot, store, framework):
    controller = make_controller(
        store, framework, with_opportunities(Opportunity(id="a", title="Alpha"))
    )
    view = open_matrix(qtbot, controller)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_N)  # the list is no text field: N jumps
    assert QApplication.focusWidget() is view.new_field
    view.select("a")
    view.description_field.setFocus()
    qtbot.keyClick(view.description_field, Qt.Key.Key_N)
    assert QApplication.focusWidget() is view.description_field
    assert view.description_field.toPlainText() == "n"


def test_typing_and_enter_adds_one_opportunity_per_line(qtbot, store, framework):
    controller = make_controller(store, framework, empty_session())
    view = open_matrix(qtbot, controller)
    add_by_typing(qtbot, view, "Churn alerts")
    add_by_typing(qtbot, view, "Invoice matching")
    add_by_typing(qtbot, view, "   ")  # blank lines add nothing
    assert controller.undo_stack.count() == 2
    assert sorted(shown_titles(view)) == ["Churn alerts", "Invoice matching"]
    assert view.new_field.text() == "" and view.new_field.hasFocus()  # ready for the next
    assert not view.empty_state.isVisible() and view.table.isVisible()
    saved = stored(store, controller)
    assert sorted(o.title for o in saved.opportunities) == ["Churn alerts", "Invoice matching"]
    assert all((o.value, o.cost) == (3, 3) for o in saved.opportunities)
    controller.undo()
    assert [o.title for o in stored(store, controller).opportunities] == ["Churn alerts"]
    assert shown_titles(view) == ["Churn alerts"]


def test_hostile_titles_are_shown_literally(qtbot, store, framework):
    controller = make_controller(store, framework, empty_session())
    view = open_matrix(qtbot, controller)
    add_by_typing(qtbot, view, HOSTILE)
    (opportunity,) = stored(store, controller).opportunities
    assert opportunity.title == HOSTILE
    assert shown_titles(view) == [HOSTILE]
    assert view.detail_title.text() == f"#1 {HOSTILE}"
    assert view.detail_title.textFormat() == Qt.TextFormat.PlainText
    assert view.title_field.text() == HOSTILE
    assert HOSTILE in view.chart.describe()
    assert view.chart.tooltip_at(view.chart.layout_points()[opportunity.id][0]).startswith(
        f"#1 {HOSTILE}"
    )
    labels = [w for w in view.findChildren(QLabel) if HOSTILE in w.text()]
    assert labels and all(w.textFormat() == Qt.TextFormat.PlainText for w in labels)


# --- scoring in the list -------------------------------------------------------------------


def test_value_typed_in_the_list_reranks_and_moves_quadrant(qtbot, store, framework):
    controller = make_controller(
        store,
        framework,
        with_opportunities(
            Opportunity(id="a", title="Alpha", value=2, cost=2),
            Opportunity(id="b", title="Beta", value=3, cost=2),
        ),
    )
    view = open_matrix(qtbot, controller)
    assert shown_titles(view) == ["Beta", "Alpha"]
    assert cell(view, "a", "quadrant") == "Fill-ins"
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(view.model.row_of("a"), COLUMN["value"]))
    qtbot.keyClick(view.table, Qt.Key.Key_5)
    assert controller.undo_stack.count() == 1
    assert shown_titles(view) == ["Alpha", "Beta"]
    assert cell(view, "a", "rank") == "1" and cell(view, "a", "value") == "5"
    assert cell(view, "a", "quadrant") == "Quick wins"
    assert stored(store, controller).find("opportunities", "a").value == 5
    assert view.chart.point("a").value == 5 and view.chart.point("a").rank == 1
    controller.undo()
    assert stored(store, controller).find("opportunities", "a").value == 2
    assert cell(view, "a", "quadrant") == "Fill-ins" and shown_titles(view) == ["Beta", "Alpha"]


def test_cost_chosen_from_the_cell_combo_is_one_edit(qtbot, store, framework):
    controller = make_controller(
        store, framework, with_opportunities(Opportunity(id="a", title="Alpha", value=5, cost=2))
    )
    view = open_matrix(qtbot, controller)
    index = view.model.index(0, COLUMN["cost"])
    assert view.model.setData(index, 4)
    assert controller.undo_stack.count() == 1
    assert cell(view, "a", "quadrant") == "Big bets"
    assert stored(store, controller).find("opportunities", "a").cost == 4
    # The rubric is there on demand: the cell's tooltip says what the score means.
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Cost 4: ") and framework.matrix.cost_rubric[3].meaning in tip


def vote_buttons(view: MatrixPage, opportunity_id: str) -> tuple[QPoint, QPoint]:
    """Where − and + are drawn in an opportunity's Votes cell (viewport coordinates)."""
    from workshop.ui.pages.matrix.model import ChoiceDelegate

    index = view.model.index(view.model.row_of(opportunity_id), COLUMN["votes"])
    view.table.scrollTo(index)
    minus, _count, plus = ChoiceDelegate.vote_rects(view.table.visualRect(index), view.table)
    return minus.center(), plus.center()


def click_vote(qtbot, view: MatrixPage, opportunity_id: str, step: int) -> None:
    minus, plus = vote_buttons(view, opportunity_id)
    qtbot.mouseClick(
        view.table.viewport(), Qt.MouseButton.LeftButton, pos=plus if step > 0 else minus
    )


def test_dot_votes_with_plus_and_minus(qtbot, store, framework):
    controller = make_controller(
        store,
        framework,
        with_opportunities(
            Opportunity(id="a", title="Alpha", value=3, cost=3),
            Opportunity(id="b", title="Beta", value=3, cost=3),
        ),
    )
    view = open_matrix(qtbot, controller)
    assert shown_titles(view) == ["Alpha", "Beta"]  # tie: alphabetical
    click_vote(qtbot, view, "b", -1)  # no votes to take away: nothing happens
    assert controller.undo_stack.count() == 0
    click_vote(qtbot, view, "b", +1)
    click_vote(qtbot, view, "b", +1)
    assert cell(view, "b", "votes") == "2"
    assert shown_titles(view) == ["Beta", "Alpha"]  # more votes break the tie
    assert stored(store, controller).find("opportunities", "b").votes == 2
    click_vote(qtbot, view, "b", -1)
    assert stored(store, controller).find("opportunities", "b").votes == 1
    assert controller.undo_stack.count() == 3
    controller.undo()
    assert cell(view, "b", "votes") == "2"


def test_plus_and_minus_keys_vote_on_the_current_row(qtbot, store, framework):
    controller = make_controller(
        store,
        framework,
        with_opportunities(
            Opportunity(id="a", title="Alpha", value=3, cost=3),
            Opportunity(id="b", title="Beta", value=3, cost=3),
        ),
    )
    view = open_matrix(qtbot, controller)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(view.model.row_of("b"), COLUMN["title"]))
    qtbot.keyClick(QApplication.focusWidget(), "+")
    assert stored(store, controller).find("opportunities", "b").votes == 1
    assert shown_titles(view) == ["Beta", "Alpha"]
    # The selection follows the opportunity to its new place.
    assert view.table.currentIndex().row() == view.model.row_of("b")
    qtbot.keyClick(QApplication.focusWidget(), "-")
    assert stored(store, controller).find("opportunities", "b").votes == 0


def test_quarter_choices_are_the_next_eight_and_not_planned(qtbot, store, framework):
    controller = make_controller(
        store, framework, with_opportunities(Opportunity(id="a", title="Alpha"))
    )
    view = open_matrix(qtbot, controller)
    index = view.model.index(0, COLUMN["target_quarter"])
    choices = index.data(CHOICES_ROLE)
    assert [label for _v, label in choices] == ["Not planned"] + [
        "Q1 2027",
        "Q2 2027",
        "Q3 2027",
        "Q4 2027",
        "Q1 2028",
        "Q2 2028",
        "Q3 2028",
        "Q4 2028",
    ]
    assert view.model.setData(index, "2027-Q3")
    assert cell(view, "a", "target_quarter") == "Q3 2027"
    assert stored(store, controller).find("opportunities", "a").target_quarter == "2027-Q3"


# --- the matrix ----------------------------------------------------------------------------


def test_drag_on_the_matrix_is_one_step_and_reranks(qtbot, store, framework):
    controller = make_controller(
        store,
        framework,
        with_opportunities(
            Opportunity(id="a", title="Alpha", value=2, cost=4),
            Opportunity(id="b", title="Beta", value=3, cost=2),
        ),
    )
    view = open_matrix(qtbot, controller)
    chart = view.chart
    assert chart.point("a").quadrant == 3  # money pits, a triangle
    start = chart.layout_points()["a"][0].toPoint()
    target = chart.to_screen(1.2, 4.8).toPoint()  # lands on cost 1, value 5
    qtbot.mousePress(chart, Qt.MouseButton.LeftButton, pos=start)
    assert view.selected_id == "a"  # grabbing a point selects it in the list too
    for step in range(1, 6):  # many mouse moves ...
        between = start + (target - start) * step / 5
        qtbot.mouseMove(chart, QPoint(round(between.x()), round(between.y())))
    assert controller.undo_stack.count() == 0  # ... and nothing pushed until the drop
    qtbot.mouseRelease(chart, Qt.MouseButton.LeftButton, pos=target)
    assert controller.undo_stack.count() == 1
    assert controller.undo_stack.undoText() == "Move on the matrix"
    saved = stored(store, controller).find("opportunities", "a")
    assert (saved.value, saved.cost) == (5, 1)
    assert cell(view, "a", "quadrant") == "Quick wins" and cell(view, "a", "rank") == "1"
    assert chart.point("a").rank == 1 and chart.point("a").quadrant == 0
    assert view.table.currentIndex().row() == view.model.row_of("a")
    controller.undo()
    saved = stored(store, controller).find("opportunities", "a")
    assert (saved.value, saved.cost) == (2, 4)
    assert cell(view, "a", "quadrant") == "Money pits"


def test_drag_snaps_and_a_drop_on_the_same_cell_changes_nothing(qtbot, store, framework):
    controller = make_controller(
        store, framework, with_opportunities(Opportunity(id="a", title="Alpha", value=3, cost=3))
    )
    view = open_matrix(qtbot, controller)
    chart = view.chart
    # A small nudge stays in the cell: no edit.
    chart.drag_to("a", chart.to_screen(3.3, 2.8))
    assert controller.undo_stack.count() == 0
    # Outside the plot snaps to the edge of the scale.
    chart.drag_to("a", QPointF(chart.width() + 50, -50))
    saved = stored(store, controller).find("opportunities", "a")
    assert (saved.value, saved.cost) == (5, 5)
    assert controller.undo_stack.count() == 1


def test_pressing_empty_space_is_ignored(qtbot, store, framework):
    controller = make_controller(
        store, framework, with_opportunities(Opportunity(id="a", title="Alpha", value=5, cost=1))
    )
    view = open_matrix(qtbot, controller)
    view.select("a")
    empty = view.chart.to_screen(5, 1).toPoint()
    assert view.chart.points_at(QPointF(empty)) == []
    qtbot.mousePress(view.chart, Qt.MouseButton.LeftButton, pos=empty)
    qtbot.mouseMove(view.chart, view.chart.to_screen(2, 2).toPoint())
    qtbot.mouseRelease(
        view.chart, Qt.MouseButton.LeftButton, pos=view.chart.to_screen(2, 2).toPoint()
    )
    assert controller.undo_stack.count() == 0
    assert view.selected_id == "a"


def test_selection_follows_between_list_and_matrix(qtbot, store, framework):
    controller = make_controller(
        store,
        framework,
        with_opportunities(
            Opportunity(id="a", title="Alpha", value=5, cost=1),
            Opportunity(id="b", title="Beta", value=2, cost=4),
        ),
    )
    view = open_matrix(qtbot, controller)
    view.table.selectRow(view.model.row_of("b"))
    assert view.chart.selected_id == "b" and view.detail_title.text() == "#2 Beta"
    qtbot.mouseClick(
        view.chart, Qt.MouseButton.LeftButton, pos=view.chart.layout_points()["a"][0].toPoint()
    )
    assert view.table.currentIndex().row() == view.model.row_of("a")
    assert view.detail_title.text() == "#1 Alpha" and view.title_field.text() == "Alpha"


def test_arrow_keys_move_the_selected_point(qtbot, store, framework):
    controller = make_controller(
        store, framework, with_opportunities(Opportunity(id="a", title="Alpha", value=3, cost=3))
    )
    view = open_matrix(qtbot, controller)
    view.select("a")
    view.chart.setFocus()
    qtbot.keyClick(view.chart, Qt.Key.Key_Up)
    qtbot.keyClick(view.chart, Qt.Key.Key_Left)
    saved = stored(store, controller).find("opportunities", "a")
    assert (saved.value, saved.cost) == (4, 2)
    assert cell(view, "a", "quadrant") == "Quick wins"


# --- first project and data ---------------------------------------------------------------


def test_first_project_is_exclusive_in_one_step(qtbot, store, framework):
    controller = make_controller(
        store,
        framework,
        with_opportunities(
            Opportunity(id="a", title="Alpha", value=5, cost=1, first_project=True),
            Opportunity(id="b", title="Beta", value=4, cost=2),
        ),
    )
    view = open_matrix(qtbot, controller)
    assert cell(view, "a", "first_project") == "★"
    index = view.model.index(view.model.row_of("b"), COLUMN["first_project"])
    assert view.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert controller.undo_stack.count() == 1
    saved = stored(store, controller)
    assert [o.id for o in saved.opportunities if o.first_project] == ["b"]
    assert cell(view, "a", "first_project") == "" and cell(view, "b", "first_project") != ""
    assert view.first_name.text().startswith("★ First project: #2 Beta")
    assert view.chart.point("b").first_project and not view.chart.point("a").first_project
    controller.undo()
    saved = stored(store, controller)
    assert [o.id for o in saved.opportunities if o.first_project] == ["a"]
    assert view.first_name.text().startswith("★ First project: #1 Alpha")


def test_first_project_checklist_ticks_belong_to_the_chosen_opportunity(qtbot, store, framework):
    controller = make_controller(
        store,
        framework,
        with_opportunities(
            Opportunity(id="a", title="Alpha", value=5, cost=1, first_project=True),
            Opportunity(id="b", title="Beta", value=4, cost=1),
        ),
    )
    view = open_matrix(qtbot, controller)
    assert view.first_box.isVisible() and not view.first_empty.isVisible()
    criterion = framework.first_project_criteria[0]
    box = view.criteria_boxes[criterion.id]
    assert box.text() == criterion.text and not box.isChecked()
    box.click()
    assert stored(store, controller).answer(criterion_tick_id(criterion.id, "a")).status == (
        "discussed"
    )
    for risk in framework.first_project_risks:
        assert f"⚠ {risk.text}" in visible_texts(view)
    assert "No success measure yet" in view.first_measure.text()
    # "Data in place" is read from the data audit: shown ticked, not clickable.
    data_box = view.criteria_boxes[CRITERION_DATA_IN_PLACE]
    assert data_box.isChecked() and not data_box.isEnabled()
    # Another first project starts from a clean checklist; going back finds the tick again.
    view.select("b")
    view.detail_first.click()
    assert not box.isChecked()
    view.select("a")
    view.detail_first.click()
    assert box.isChecked()
    controller.undo()
    controller.undo()
    controller.undo()
    assert stored(store, controller).answer(criterion_tick_id(criterion.id, "a")).status == "open"
    assert not box.isChecked()


def test_a_costly_first_project_is_flagged_with_the_risks(qtbot, store, framework):
    controller = make_controller(
        store,
        framework,
        with_opportunities(Opportunity(id="a", title="Alpha", value=5, cost=5, first_project=True)),
    )
    view = open_matrix(qtbot, controller)
    assert view.checklist.risk_flag.isVisible()
    assert "Big bets choice with cost 5 of 5" in view.checklist.risk_flag.text()


def test_blocked_by_data_is_tagged_with_its_reasons(qtbot, store, framework):
    session = with_opportunities(
        Opportunity(id="a", title="Alpha", value=5, cost=1, data_readiness="missing"),
        Opportunity(id="b", title="Beta", value=4, cost=2, data_readiness="ready"),
    )
    session.audit = [
        DataAuditItem(
            id="d",
            opportunity_id="b",
            data_needed="Ticket history",
            status="partial",
            blocks_start=True,
        )
    ]
    controller = make_controller(store, framework, session)
    view = open_matrix(qtbot, controller)
    assert BLOCKED in cell(view, "a", "quadrant") and BLOCKED in cell(view, "b", "quadrant")
    texts = visible_texts(view)
    assert "#1 Alpha: The data it needs is missing." in texts
    assert "Ticket history must be in place first (partial)." in texts
    view.model.setData(view.model.index(view.model.row_of("a"), COLUMN["data_readiness"]), "ready")
    assert BLOCKED not in cell(view, "a", "quadrant")
    assert "#1 Alpha: The data it needs is missing." not in visible_texts(view)
    assert stored(store, controller).find("opportunities", "a").data_readiness == "ready"


def test_rule_text_is_the_domain_rule(qtbot, store, framework):
    session = build_demo(framework)
    controller = make_controller(store, framework, session)
    view = open_matrix(qtbot, controller)
    priorities = prioritise(framework, controller.session)
    assert view.rule_label.text() == priorities.rule and view.rule_label.isVisible()
    assert view.model.ids == [r.opportunity_id for r in priorities.ranked]
    assert [p.rank for p in sorted(view.chart.points, key=lambda p: p.rank)] == list(
        range(1, len(priorities.ranked) + 1)
    )


# --- description, removal, projecting ------------------------------------------------------


def test_remove_with_undo(qtbot, store, framework):
    controller = make_controller(
        store,
        framework,
        with_opportunities(
            Opportunity(id="a", title="Alpha", value=5, cost=1),
            Opportunity(id="b", title="Beta", value=2, cost=4),
        ),
    )
    view = open_matrix(qtbot, controller)
    view.select("a")
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert shown_titles(view) == ["Beta"] and view.selected_id == "b"
    assert [o.id for o in stored(store, controller).opportunities] == ["b"]
    assert "Undo" in view.message.text()
    controller.undo()
    assert shown_titles(view) == ["Alpha", "Beta"]
    assert [o.id for o in stored(store, controller).opportunities] == ["a", "b"]


def test_description_is_edited_in_the_detail_panel(qtbot, store, framework):
    controller = make_controller(
        store, framework, with_opportunities(Opportunity(id="a", title="Alpha"))
    )
    view = open_matrix(qtbot, controller)
    view.select("a")
    view.description_field.setFocus()
    view.description_field.insertPlainText(HOSTILE)
    controller.flush()
    assert stored(store, controller).find("opportunities", "a").description == HOSTILE
    assert controller.undo_stack.count() == 1


def test_projecting_hides_the_facilitator_tips_only(qtbot, store, framework):
    controller = make_controller(store, framework, build_demo(framework))
    view = open_matrix(qtbot, controller)
    assert view.tips.isVisible()
    view.set_projecting(True)
    assert not view.tips.isVisible()
    assert view.table.isVisible() and view.chart.isVisible() and view.first_box.isVisible()
    view.set_projecting(False)
    assert view.tips.isVisible()


def test_narrow_window_puts_the_matrix_under_the_list(qtbot, store, framework):
    controller = make_controller(store, framework, build_demo(framework))
    view = open_matrix(qtbot, controller, size=(700, 900))
    qtbot.waitUntil(lambda: view.chart.geometry().top() > view.table.geometry().bottom())
    view.resize(1800, 1000)
    qtbot.waitUntil(lambda: view.chart.geometry().left() > view.table.geometry().right())


def test_opening_the_module_costs_no_plotting_library() -> None:
    """The window imports every page module when a workshop opens: keep it light."""
    import subprocess
    import sys

    code = (
        "import sys, workshop.ui.pages.matrix, workshop.ui.widgets.matrix_chart; "
        "print('pyqtgraph' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_fields_are_named_for_screen_readers(qtbot, store, framework):
    controller = make_controller(store, framework, build_demo(framework))
    view = open_matrix(qtbot, controller)
    for widget in (
        view.new_field,
        view.add_button,
        view.table,
        view.chart,
        view.remove_button,
        view.title_field,
        view.description_field,
        view.measure_field,
        view.rubric_button,
    ):
        assert widget.objectName() and widget.accessibleName()
    assert isinstance(view.new_field, QLineEdit)


def test_tab_leaves_the_list_for_the_matrix_and_the_form(qtbot, store, framework):
    controller = make_controller(store, framework, build_demo(framework))
    view = open_matrix(qtbot, controller)
    view.select(view.model.ids[0])
    view.table.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.chart
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.remove_button
    seen = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert view.detail_combos["value"] in seen and view.title_field in seen
    # Shift+Tab goes back from the matrix to the list.
    view.chart.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is view.table


def test_five_new_ideas_are_five_separate_markers_with_readable_titles(qtbot, store, framework):
    controller = make_controller(store, framework, empty_session())
    view = open_matrix(qtbot, controller, size=(1024 - 300, 700))
    for title in (
        "Churn alerts",
        "Invoice matching",
        "Route planning",
        "Demand forecast",
        "Ticket triage",
    ):
        add_by_typing(qtbot, view, title)
    placed = view.chart.layout_points()
    assert len(placed) == 5 and all(
        (o.value, o.cost) == (3, 3) for o in stored(store, controller).opportunities
    )
    # Each marker is clear of the others: none hides another one.
    spots = list(placed.values())
    for n, (centre, radius) in enumerate(spots):
        for other, other_radius in spots[n + 1 :]:
            distance = ((centre.x() - other.x()) ** 2 + (centre.y() - other.y()) ** 2) ** 0.5
            assert distance >= radius + other_radius
        assert radius >= view.chart.fontMetrics().height() * 0.4  # big enough to grab
    # The titles get room to be read in the list (more than 20 characters).
    title_width = view.table.columnWidth(COLUMN["title"])
    assert title_width >= view.table.fontMetrics().averageCharWidth() * 20
    assert cell(view, view.model.ids[0], "title") in {
        "Churn alerts",
        "Invoice matching",
        "Route planning",
        "Demand forecast",
        "Ticket triage",
    }


def test_the_matrix_drawn_piece_by_piece_matches_one_drawn_whole(qtbot, store, framework):
    """A drag and a vote redraw only what moved; the result must be what a fresh drawing of
    the same points shows, pixel for pixel."""
    from workshop.ui.widgets.matrix_chart import MatrixChart

    controller = make_controller(store, framework, build_demo(framework))
    view = open_matrix(qtbot, controller)
    chart = view.chart
    chart.grab()  # the scene is drawn once
    moving = view.model.ids[-1]
    start = chart.layout_points()[moving][0].toPoint()
    target = chart.to_screen(1, 5).toPoint()
    qtbot.mousePress(chart, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        between = start + (target - start) * step / 5
        qtbot.mouseMove(chart, QPoint(round(between.x()), round(between.y())))
        chart.grab()  # each step paints with the dragged point left out of the scene
    qtbot.mouseRelease(chart, Qt.MouseButton.LeftButton, pos=target)
    click_vote(qtbot, view, view.model.ids[2], +1)
    view.select("")
    fresh = MatrixChart()
    qtbot.addWidget(fresh)
    fresh.setFont(chart.font())
    fresh.setPalette(chart.palette())
    fresh.resize(chart.size())
    matrix = framework.matrix
    fresh.set_matrix(
        chart._quadrants,
        matrix.value_threshold,
        matrix.cost_threshold,
        view.rubric("value"),
        view.rubric("cost"),
    )
    fresh.set_points(chart.points)

    def pixels(widget):
        # The plot itself (outside it, each widget shows its own parent's background).
        image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        return image.copy(widget.plot_rect().toAlignedRect())

    assert pixels(chart) == pixels(fresh)

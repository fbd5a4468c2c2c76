"""The roadmap page, on the demo workshop through the real controller and a real store: what
sits in which lane and quarter, what is listed apart, and that it follows every edit."""

from __future__ import annotations

from datetime import date

import pytest
from ui_helpers import make_controller

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QWidget

import workshop.ui.pages  # noqa: F401  (registers every page type)
from workshop.domain.edits import add_item, set_item_field
from workshop.domain.quarters import Quarter, quarter_range
from workshop.domain.session import Action, Session, new_id
from workshop.framework.model import Framework
from workshop.store import Store
from workshop.store.demo import build_demo
from workshop.ui.controller import SessionController
from workshop.ui.export_dialog import RoadmapExportFlow
from workshop.ui.pages.base import page_class
from workshop.ui.pages.roadmap import RoadmapChip, RoadmapPage


@pytest.fixture
def controller(qtbot, store: Store, framework: Framework) -> SessionController:
    return make_controller(store, framework, build_demo(framework))


def open_roadmap(qtbot, controller: SessionController) -> RoadmapPage:
    page = next(p for p in controller.framework.pages if p.page_type == "roadmap")
    cls = page_class("roadmap")
    assert cls is RoadmapPage
    view = cls(controller, page)
    qtbot.addWidget(view)
    controller.touched.connect(view.show_change)  # as the window does
    view.resize(1400, 1000)
    view.show()
    qtbot.waitExposed(view)
    return view


def window_quarters(session: Session) -> list[str]:
    return [str(q) for q in quarter_range(Quarter.of(session.workshop_date), 6)]


def test_the_page_is_the_content_page_roadmap(qtbot, controller) -> None:
    view = open_roadmap(qtbot, controller)
    assert view.page.id == "page_roadmap" and view.page_type == "roadmap"
    headings = [
        view.grid.findChild(type(view.title_label), f"quarter_{q}").text()
        for q in window_quarters(controller.session)
    ]
    assert headings == [Quarter.parse(q).label for q in window_quarters(controller.session)]


def test_every_planned_hire_and_project_is_in_its_lane_and_quarter(qtbot, controller) -> None:
    view = open_roadmap(qtbot, controller)
    session = controller.session
    quarters = window_quarters(session)
    hires = [h for h in session.hires if h.target_quarter in quarters]
    projects = [o for o in session.opportunities if o.target_quarter in quarters]
    assert hires and projects
    for hire in hires:
        assert hire.title in view.cell_titles("hiring", hire.target_quarter)
        others = [q for q in quarters if q != hire.target_quarter]
        assert all(hire.title not in view.cell_titles("hiring", q) for q in others)
    for opportunity in projects:
        assert opportunity.title in view.cell_titles("projects", opportunity.target_quarter)


def test_first_project_and_milestone_are_labelled_in_words(qtbot, controller) -> None:
    view = open_roadmap(qtbot, controller)
    session = controller.session
    first = next(o for o in session.opportunities if o.first_project)
    chip = view.chips[f"opportunities_{first.id}"]
    assert chip.mark_label is not None and chip.mark_label.text() == "★ First project"
    assert chip.accessibleName() == f"First project: {first.title}"
    milestone = view.chips["session_target_stage"]
    target = next(s for s in controller.framework.stages if s.id == session.target_stage)
    assert milestone.title == f"Reach {target.name}"
    assert milestone.mark_label.text() == "◆ Milestone"
    assert milestone.title in view.cell_titles("target_stage", window_quarters(session)[-1])
    plain = [c for c in view.chips.values() if not (c.item.first_project or c.item.milestone)]
    assert plain and all(c.mark_label is None for c in plain)


def test_items_without_a_quarter_are_listed_not_dropped(qtbot, controller) -> None:
    view = open_roadmap(qtbot, controller)
    session = controller.session
    unplanned_hires = [h.title for h in session.hires if not h.target_quarter]
    unplanned_projects = [o.title for o in session.opportunities if not o.target_quarter]
    assert unplanned_hires and unplanned_projects
    shown = view.list_titles("unscheduled")
    for title in unplanned_hires + unplanned_projects:
        assert title in shown
    assert view.findChild(type(view.title_label), "unscheduled_title").text() == (
        "Not scheduled yet"
    )
    assert "not scheduled yet" in view.summary_label.text()


def test_a_changed_quarter_moves_the_hire_at_once(qtbot, controller, store) -> None:
    view = open_roadmap(qtbot, controller)
    session = controller.session
    quarters = window_quarters(session)
    hire = next(h for h in session.hires if h.target_quarter == quarters[2])
    assert hire.title in view.cell_titles("hiring", quarters[2])

    controller.push(set_item_field(session, "hires", hire.id, "target_quarter", quarters[4]))
    assert hire.title in view.cell_titles("hiring", quarters[4])
    assert hire.title not in view.cell_titles("hiring", quarters[2])
    assert store.load(session.id).find("hires", hire.id).target_quarter == quarters[4]

    # An unplanned hire given a quarter leaves the "not scheduled" list for the grid.
    unplanned = next(h for h in session.hires if not h.target_quarter)
    controller.push(set_item_field(session, "hires", unplanned.id, "target_quarter", quarters[0]))
    assert unplanned.title in view.cell_titles("hiring", quarters[0])
    assert unplanned.title not in view.list_titles("unscheduled")

    controller.undo()
    assert unplanned.title in view.list_titles("unscheduled")


def test_a_quarter_after_the_window_is_listed_as_later(qtbot, controller) -> None:
    view = open_roadmap(qtbot, controller)
    session = controller.session
    hire = session.hires[0]
    after = str(Quarter.parse(window_quarters(session)[-1]).plus(2))
    controller.push(set_item_field(session, "hires", hire.id, "target_quarter", after))
    assert hire.title in view.list_titles("later")
    assert all(hire.title not in view.cell_titles("hiring", q) for q in window_quarters(session))


def test_private_actions_never_appear(qtbot, controller) -> None:
    session = controller.session
    quarter = Quarter.parse(window_quarters(session)[1])
    due = date(quarter.year, quarter.number * 3, 1)
    public = Action(id=new_id(), text="Book the board slot", owner="Dana", due=due)
    private = Action(id=new_id(), text="Ask the CFO privately about budget", due=due, private=True)
    controller.push(add_item(session, "actions", public))
    controller.push(add_item(session, "actions", private))
    view = open_roadmap(qtbot, controller)
    cell = view.cell_titles("actions", window_quarters(session)[1])
    assert public.text in cell
    every_text = [c.title for c in view.findChildren(RoadmapChip)] + [
        view.list_titles(name) for name in ("unscheduled", "earlier", "later")
    ]
    assert private.text not in str(every_text)


def test_an_empty_workshop_says_what_to_do(qtbot, store, framework) -> None:
    controller = make_controller(store, framework, Session(organisation="Acme"))
    view = open_roadmap(qtbot, controller)
    assert view.empty_state.isVisible()
    assert "Plan hires, opportunities and decisions with a quarter" in view.empty_state.text()
    assert not view.grid.isVisible()
    assert view.export_button.isVisible()  # the PDF can still be made (cover, summary...)


def test_a_chip_shows_its_details_when_chosen(qtbot, controller) -> None:
    view = open_roadmap(qtbot, controller)
    first = next(o for o in controller.session.opportunities if o.first_project)
    chip = view.chips[f"opportunities_{first.id}"]
    assert chip.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert first.title in view.detail_label.text()
    assert "priority #1" in view.detail_label.text()
    # The choice survives a refresh from an unrelated edit.
    hire = controller.session.hires[0]
    controller.push(set_item_field(controller.session, "hires", hire.id, "title", "Lead PM"))
    assert first.title in view.detail_label.text()


def test_sizes_follow_the_page_font(qtbot, controller) -> None:
    view = open_roadmap(qtbot, controller)
    chip = next(iter(view.chips.values()))
    before = chip.title_label.font().pointSizeF()
    title_before = view.title_label.font().pointSizeF()
    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    view.setFont(font)
    chip = next(iter(view.chips.values()))
    assert chip.title_label.font().pointSizeF() == pytest.approx(before * 1.5, rel=0.02)
    assert view.title_label.font().pointSizeF() == pytest.approx(title_before * 1.5, rel=0.02)
    # Every quarter column keeps the same width (unequal ones would read as unequal time),
    # also when the page is too narrow for all six: the quarters then wrap into bands,
    # and nothing needs a sideways scroll.
    view.resize(700, 900)

    def widths() -> list[int]:
        first_lane = view.roadmap.lanes[0].id
        return [
            view.grid.findChild(QWidget, f"cell_{first_lane}_{q}").width()
            for q in window_quarters(controller.session)
        ]

    qtbot.waitUntil(lambda: view.scroll_view.horizontalScrollBar().maximum() == 0)
    qtbot.waitUntil(lambda: max(widths()) - min(widths()) <= 1)
    assert len(view.grid.bands) > 1
    assert view.chips and all(chip.isVisible() for chip in view.chips.values())
    assert view.grid.width() <= view.scroll_view.viewport().width()
    view.resize(2400, 900)  # wide again: one band of six
    qtbot.waitUntil(lambda: len(view.grid.bands) == 1)


def test_controls_are_named_for_tests_and_screen_readers(qtbot, controller) -> None:
    view = open_roadmap(qtbot, controller)
    assert view.export_button.objectName() == "export_roadmap_button"
    assert view.export_button.accessibleName() == "Export roadmap as PDF"
    for chip in view.chips.values():
        assert chip.objectName().startswith("chip_")
        assert chip.accessibleName().endswith(chip.title)


def test_the_export_button_opens_the_export_dialog(qtbot, controller) -> None:
    view = open_roadmap(qtbot, controller)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    flow = view.findChild(RoadmapExportFlow)
    assert flow is not None and flow.dialog is not None
    qtbot.waitUntil(flow.dialog.isVisible)
    assert flow.dialog.windowTitle() == "Export roadmap"
    flow.dialog.reject()


def test_the_workshop_date_sets_the_first_quarter(qtbot, store, framework) -> None:
    session = build_demo(framework)
    session.workshop_date = date(2027, 5, 2)
    controller = make_controller(store, framework, session)
    view = open_roadmap(qtbot, controller)
    assert view.window_label.text().startswith("Q2 2027 to Q3 2028")


def test_executive_summary_and_recommendations_are_written_here(qtbot, controller, store) -> None:
    from ui_helpers import stored, type_text

    from workshop.ui.widgets.bound_text import PAUSE_MS

    view = open_roadmap(qtbot, controller)
    assert view.executive_summary_edit.toPlainText() == controller.session.executive_summary
    view.executive_summary_edit.clear()
    view.executive_summary_edit.setFocus()
    summary = 'Start with <b>duplicates</b> & "invoices" — ready by Q2 🎉 שלום'
    type_text(view.executive_summary_edit, summary)
    qtbot.waitUntil(
        lambda: stored(store, controller).executive_summary == summary, timeout=PAUSE_MS + 2000
    )
    view.recommendations_edit.setFocus()  # leaving the field commits at once
    view.recommendations_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(view.recommendations_edit, "\nHire the PM first.")
    view.executive_summary_edit.setFocus()
    assert stored(store, controller).recommendations.endswith("\nHire the PM first.")
    controller.undo()
    assert not stored(store, controller).recommendations.endswith("Hire the PM first.")
    assert view.recommendations_edit.toPlainText() == stored(store, controller).recommendations


def test_only_what_the_roadmap_is_built_from_rebuilds_it(qtbot, controller) -> None:
    from workshop.domain.edits import set_session_field

    view = open_roadmap(qtbot, controller)
    chips = dict(view.chips)
    # Typing the board texts (here, a session field) leaves the grid's widgets as they are.
    view.executive_summary_edit.setFocus()
    controller.push(set_session_field(controller.session, "executive_summary", "We start"))
    assert view.chips == chips and all(
        a is b for a, b in zip(view.chips.values(), chips.values(), strict=True)
    )
    # The workshop's date moves the window of quarters: the grid follows at once.
    later = date(controller.session.workshop_date.year + 1, 1, 15)
    controller.push(set_session_field(controller.session, "workshop_date", later))
    first = view.grid.findChild(type(view.title_label), f"quarter_{Quarter.of(later)}")
    assert first is not None and first.text() == Quarter.of(later).label


def test_a_hire_moved_one_quarter_rebuilds_only_its_two_cells(qtbot, controller) -> None:
    view = open_roadmap(qtbot, controller)
    session = controller.session
    quarters = window_quarters(session)
    hire = next(h for h in session.hires if h.target_quarter == quarters[2])
    before = dict(view.chips)
    controller.push(set_item_field(session, "hires", hire.id, "target_quarter", quarters[3]))
    assert hire.title in view.cell_titles("hiring", quarters[3])
    moved = {key for key, chip in view.chips.items() if before.get(key) is not chip}
    in_cells = {
        key
        for key, chip in view.chips.items()
        if chip.item.lane == "hiring" and chip.item.quarter in (quarters[2], quarters[3])
    }
    assert f"hires_{hire.id}" in moved and moved <= in_cells
    assert view.chips[f"hires_{hire.id}"].isVisible()
    controller.undo()
    assert hire.title in view.cell_titles("hiring", quarters[2])
    assert hire.title not in view.cell_titles("hiring", quarters[3])

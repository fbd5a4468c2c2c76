"""The data audit page, driven as a facilitator would, through the real controller and a real
store: data items per ranked opportunity, their status, quarter and whether they block the
start, the blocked message, undo, and the empty state."""

from __future__ import annotations

from datetime import date

import pytest
from ui_helpers import (
    choose_in_cell,
    make_controller,
    offered_in_cell,
    stored,
    toggle_cell,
    type_in_cell,
    type_text,
    visible_texts,
)

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QWidget

import workshop.ui.pages.audit  # noqa: F401  (registers the page type)
from workshop.domain.edits import add_item
from workshop.domain.priorities import prioritise
from workshop.domain.session import DataAuditItem, Opportunity, Session, new_id
from workshop.framework.model import Framework, Page
from workshop.store import Store
from workshop.store.demo import build_demo
from workshop.ui.controller import SessionController
from workshop.ui.pages.audit import BLOCKED_TEXT, BLOCKS_TEXT, GROUP_COLUMN, ITEM_COLUMN, AuditPage
from workshop.ui.pages.base import page_class
from workshop.ui.widgets import bound_text

TRICKY = '<b>&"emoji 🎉 and עברית'
LONG_WORD = "x" * 200


@pytest.fixture
def demo(store: Store, framework: Framework) -> SessionController:
    return make_controller(store, framework, build_demo(framework))


@pytest.fixture
def blank(store: Store, framework: Framework) -> SessionController:
    session = Session(organisation="Acme", title="Kick-off", workshop_date=date(2026, 11, 5))
    return make_controller(store, framework, session)


def audit_page(framework: Framework) -> Page:
    return next(p for p in framework.pages if p.page_type == "audit")


def open_audit(qtbot, controller: SessionController, parent: QWidget | None = None) -> AuditPage:
    cls = page_class("audit")
    assert cls is AuditPage
    view = AuditPage(controller, audit_page(controller.framework), parent)
    if parent is None:
        qtbot.addWidget(view)
        view.resize(1280, 900)
        view.show()
        with qtbot.waitActive(view):  # keyboard focus goes where the page puts it
            view.activateWindow()
    controller.touched.connect(view.show_change)  # as the window does
    return view


def group_cell(view: AuditPage, group_id: str, field: str):  # type: ignore[no-untyped-def]
    return view.groups_model.index(view.groups_model.row_of(group_id), GROUP_COLUMN[field])


def item_cell(view: AuditPage, item_id: str, field: str):  # type: ignore[no-untyped-def]
    return view.items_model.index(view.items_model.row_of(item_id), ITEM_COLUMN[field])


def click_group(qtbot, view: AuditPage, group_id: str) -> None:
    """Click an opportunity's row: its data items are listed below."""
    table = view.groups_table
    rect = table.visualRect(group_cell(view, group_id, "title"))
    table.scrollTo(group_cell(view, group_id, "title"))
    rect = table.visualRect(group_cell(view, group_id, "title"))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected_group == group_id


def blocks_checked(view: AuditPage, item_id: str) -> bool:
    index = item_cell(view, item_id, "blocks_start")
    return index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


# --- the demo workshop ----------------------------------------------------------------------


def test_demo_groups_follow_the_ranking_and_say_what_is_blocked(qtbot, demo) -> None:
    view = open_audit(qtbot, demo)
    priorities = prioritise(demo.framework, demo.session)
    assert view.groups == [r.opportunity_id for r in priorities.ranked] + [""]

    blocked = {b.opportunity_id for b in priorities.blocked}
    assert blocked, "the demo has opportunities blocked by data"
    assert len(blocked) < len(priorities.ranked)
    for entry in priorities.ranked:
        assert view.group_text(entry.opportunity_id, "title") == f"{entry.rank}. {entry.title}"
        can_start = view.group_text(entry.opportunity_id, "blocked")
        assert can_start.startswith("⚠") == (entry.opportunity_id in blocked)
        click_group(qtbot, view, entry.opportunity_id)
        assert view.group_title.text() == f"{entry.rank}. {entry.title}"
        assert view.blocked_tag.isVisibleTo(view) == (entry.opportunity_id in blocked)
        assert view.blocked_tag.text() == BLOCKED_TEXT
    assert f"⚠ {len(blocked)} of {len(priorities.ranked)} blocked by data" == (
        view.progress_tag.text()
    )
    # The framework's reminder is on the page for the room too.
    assert "cannot begin until their data is in place" in visible_texts(view)
    view.set_projecting(True)
    assert "cannot begin until their data is in place" in visible_texts(view)

    # Every data item shows its status as words with a symbol; general data sits apart.
    statuses = set()
    for group_id in view.groups:
        click_group(qtbot, view, group_id)
        statuses |= {view.cell_text(i, "status") for i in view.items}
    assert {"✓ Available", "◐ Partial", "✗ Missing", "? Unknown"} <= statuses
    click_group(qtbot, view, "")
    assert view.group_title.text() == "General"
    (consent,) = view.items
    assert view.cell_text(consent, "data_needed") == (
        "Customer consent to use pooled data for models"
    )
    assert view.cell_text(consent, "status") == "? Unknown"


def test_a_blocking_item_shows_its_reason_and_tag(qtbot, demo) -> None:
    view = open_audit(qtbot, demo)
    priorities = prioritise(demo.framework, demo.session)
    entry = next(b for b in priorities.blocked if b.audit_item_ids)
    click_group(qtbot, view, entry.opportunity_id)
    assert view.reasons_label.isVisibleTo(view)
    assert view.reasons_label.text() == " ".join(entry.reasons)
    item_id = entry.audit_item_ids[0]
    assert blocks_checked(view, item_id)
    assert view.cell_text(item_id, "blocks_start") == BLOCKS_TEXT == "⚠ Blocks the start"


# --- adding and editing data items ----------------------------------------------------------


def test_add_an_item_set_status_quarter_and_blocks_with_undo(qtbot, demo, store) -> None:
    view = open_audit(qtbot, demo)
    priorities = prioritise(demo.framework, demo.session)
    blocked = {b.opportunity_id for b in priorities.blocked}
    target = next(
        r
        for r in priorities.ranked
        if r.opportunity_id not in blocked and r.data_readiness != "missing"
    )
    click_group(qtbot, view, target.opportunity_id)
    before = set(view.items)
    assert not view.blocked_tag.isVisibleTo(view)

    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    (new_id_,) = set(view.items) - before
    # Ready to type what is needed: the new row's first cell is open, with the keyboard.
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and view.items_table.isAncestorOf(editor)
    assert view.current_item_id() == new_id_
    saved = stored(store, demo).find("audit", new_id_)
    assert saved == DataAuditItem(id=new_id_, opportunity_id=target.opportunity_id)
    assert view.cell_text(new_id_, "status") == "? Unknown"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)

    # Tab leaves the table for the page's buttons, in screen order.
    view.items_table.setFocus()
    qtbot.keyClick(view.items_table, Qt.Key.Key_Tab)
    assert view.add_button.hasFocus()

    # What is needed, typed; stored when the cell is committed.
    type_in_cell(
        qtbot,
        view.items_table,
        item_cell(view, new_id_, "data_needed"),
        "Renewal dates per contract",
    )
    assert stored(store, demo).find("audit", new_id_).data_needed == "Renewal dates per contract"

    choose_in_cell(qtbot, view.items_table, item_cell(view, new_id_, "status"), "partial")
    assert view.cell_text(new_id_, "status") == "◐ Partial"
    quarters = offered_in_cell(qtbot, view.items_table, item_cell(view, new_id_, "target_quarter"))
    assert quarters[0][1] == "Not planned" and len(quarters) >= 9
    chosen_quarter = quarters[3][0]
    choose_in_cell(
        qtbot, view.items_table, item_cell(view, new_id_, "target_quarter"), chosen_quarter
    )
    assert view.cell_text(new_id_, "target_quarter") == quarters[3][1]

    # Blocks the start: the opportunity now cannot start, and says so.
    toggle_cell(qtbot, view.items_table, item_cell(view, new_id_, "blocks_start"))
    saved = stored(store, demo).find("audit", new_id_)
    assert (saved.status, saved.target_quarter, saved.blocks_start) == (
        "partial",
        chosen_quarter,
        True,
    )
    assert view.blocked_tag.isVisibleTo(view)
    assert "Renewal dates per contract must be in place first (partial)." in (
        view.reasons_label.text()
    )
    assert view.cell_text(new_id_, "blocks_start") == BLOCKS_TEXT
    assert view.group_text(target.opportunity_id, "blocked").startswith("⚠")

    # The data arrives: available, so nothing blocks any more.
    choose_in_cell(qtbot, view.items_table, item_cell(view, new_id_, "status"), "available")
    assert not view.blocked_tag.isVisibleTo(view)
    assert view.cell_text(new_id_, "blocks_start") != BLOCKS_TEXT
    assert stored(store, demo).find("audit", new_id_).status == "available"

    # Undo steps back one change at a time: blocked again, then not blocking at all.
    demo.undo()
    assert item_cell(view, new_id_, "status").data(Qt.ItemDataRole.EditRole) == "partial"
    assert view.cell_text(new_id_, "status") == "◐ Partial"
    assert view.blocked_tag.isVisibleTo(view)
    demo.undo()
    assert not blocks_checked(view, new_id_)
    assert not view.blocked_tag.isVisibleTo(view)
    assert stored(store, demo).find("audit", new_id_).blocks_start is False


def test_one_edit_redraws_one_row(qtbot, demo, store) -> None:
    """A status picked by the keyboard changes that item's row and its opportunity's row:
    the tables are told about those rows only (one dataChanged each, one row wide)."""
    view = open_audit(qtbot, demo)
    entry = next(
        e
        for e in prioritise(demo.framework, demo.session).ranked
        if len([i for i in demo.session.audit if i.opportunity_id == e.opportunity_id]) >= 2
    )
    click_group(qtbot, view, entry.opportunity_id)
    item_id = view.items[1]
    signals: dict[str, list[tuple[int, int]]] = {"items": [], "groups": []}
    for name, model in (("items", view.items_model), ("groups", view.groups_model)):
        model.dataChanged.connect(
            lambda top, bottom, _roles=(), name=name: signals[name].append(
                (top.row(), bottom.row())
            )
        )
        for kind in ("modelReset", "rowsInserted", "rowsRemoved", "rowsMoved", "layoutChanged"):
            getattr(model, kind).connect(lambda *_a, kind=kind: signals.setdefault(kind, []))
    current = demo.session.find("audit", item_id).status
    new = "missing" if current != "missing" else "available"
    choose_in_cell(qtbot, view.items_table, item_cell(view, item_id, "status"), new)
    assert stored(store, demo).find("audit", item_id).status == new
    assert signals.pop("items") == [(1, 1)]
    row = view.groups_model.row_of(entry.opportunity_id)
    assert signals.pop("groups") == [(row, row)]  # its summary ("… 1 missing") changed
    assert signals == {}, "nothing was reset, inserted, removed or moved"


def test_the_form_under_the_table_edits_the_selected_item(qtbot, demo, store) -> None:
    view = open_audit(qtbot, demo)
    entry = next(
        e
        for e in prioritise(demo.framework, demo.session).ranked
        if len([i for i in demo.session.audit if i.opportunity_id == e.opportunity_id]) >= 2
    )
    click_group(qtbot, view, entry.opportunity_id)
    first, second = view.items[:2]
    view.select_item(first)
    source = view.item_edits["source"]
    assert view.item_form.isVisibleTo(view)
    assert source.text() == demo.session.find("audit", first).source
    source.setFocus()
    source.selectAll()
    type_text(source, f"Warehouse {TRICKY}")
    qtbot.waitUntil(
        lambda: stored(store, demo).find("audit", first).source == f"Warehouse {TRICKY}",
        timeout=bound_text.PAUSE_MS * 5,
    )
    # Another row: the fields follow it; what was typed stays with the first.
    view.select_item(second)
    assert source.text() == demo.session.find("audit", second).source
    owner = view.item_edits["owner"]
    owner.setFocus()
    owner.selectAll()
    type_text(owner, "Dana")
    view.select_item(first)  # moving on commits the typing, for the item it was typed for
    assert stored(store, demo).find("audit", second).owner == "Dana"
    assert source.text() == f"Warehouse {TRICKY}"
    demo.undo()
    view.select_item(second)
    assert owner.text() == demo.session.find("audit", second).owner != "Dana"


def test_remove_an_item_then_undo_from_the_bar(qtbot, demo, store) -> None:
    view = open_audit(qtbot, demo)
    click_group(qtbot, view, "")
    (item_id,) = view.items
    assert view.summary_label.text() == "1 data item: 1 unknown"
    view.select_item(item_id)
    view.items_table.setFocus()
    qtbot.keyClick(view.items_table, Qt.Key.Key_Delete)
    assert stored(store, demo).find("audit", item_id) is None
    assert view.items == []
    assert view.undo_bar.isVisibleTo(view)
    assert "Customer consent to use pooled data" in view.undo_label.text()
    assert view.none_label.isVisibleTo(view)
    assert not view.summary_label.isVisibleTo(view)
    assert not view.remove_button.isEnabled()

    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    restored = stored(store, demo).find("audit", item_id)
    assert restored is not None and restored.data_needed.startswith("Customer consent")
    assert view.items == [item_id]
    assert not view.undo_bar.isVisibleTo(view)

    # The Remove button does the same for the selected row.
    view.select_item(item_id)
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert stored(store, demo).find("audit", item_id) is None


def test_readiness_set_here_blocks_and_reranks(qtbot, demo, store) -> None:
    view = open_audit(qtbot, demo)
    priorities = prioritise(demo.framework, demo.session)
    blocked = {b.opportunity_id for b in priorities.blocked}
    target = next(r for r in priorities.ranked if r.opportunity_id not in blocked)
    click_group(qtbot, view, target.opportunity_id)
    choose_in_cell(
        qtbot,
        view.groups_table,
        group_cell(view, target.opportunity_id, "data_readiness"),
        "missing",
    )
    assert stored(store, demo).find("opportunities", target.opportunity_id).data_readiness == (
        "missing"
    )
    assert view.selected_group == target.opportunity_id  # the selection follows its row
    assert view.blocked_tag.isVisibleTo(view)
    assert view.group_text(target.opportunity_id, "data_readiness") == "✗ Missing"
    assert "The data it needs is missing." in view.reasons_label.text()
    new_order = [r.opportunity_id for r in prioritise(demo.framework, demo.session).ranked]
    assert view.groups == [*new_order, ""]
    demo.undo()
    assert not view.blocked_tag.isVisibleTo(view)
    assert (
        group_cell(view, target.opportunity_id, "data_readiness").data(Qt.ItemDataRole.EditRole)
        == target.data_readiness
    )


def test_quarters_follow_the_workshop_date_and_keep_an_older_plan(qtbot, blank, store) -> None:
    session = blank.session
    opportunity = Opportunity(id=new_id(), title="Churn signals")
    blank.push(add_item(session, "opportunities", opportunity))
    old = DataAuditItem(id=new_id(), opportunity_id=opportunity.id, target_quarter="2025-Q2")
    blank.push(add_item(session, "audit", old))
    view = open_audit(qtbot, blank)
    click_group(qtbot, view, opportunity.id)
    items = offered_in_cell(qtbot, view.items_table, item_cell(view, old.id, "target_quarter"))
    # Workshop on 2026-11-05: Q4 2026 and the seven after it, then the older plan kept.
    assert items[:3] == [("", "Not planned"), ("2026-Q4", "Q4 2026"), ("2027-Q1", "Q1 2027")]
    assert items[8] == ("2028-Q3", "Q3 2028")
    assert items[9] == ("2025-Q2", "Q2 2025")
    assert view.cell_text(old.id, "target_quarter") == "Q2 2025"
    choose_in_cell(qtbot, view.items_table, item_cell(view, old.id, "target_quarter"), "")
    assert stored(store, blank).find("audit", old.id).target_quarter == ""


# --- through the window: undo by key ----------------------------------------------------------


def test_ctrl_z_in_the_window_reverts_the_row_on_screen(qtbot, demo, store) -> None:
    from workshop.ui.workshop_window import WorkshopWindow

    window = WorkshopWindow(demo, projecting=False)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    position = next(i for i, s in enumerate(window.stops) if s.page.page_type == "audit")
    window.go_to(position)
    view = window.current_view
    assert isinstance(view, AuditPage)
    click_group(qtbot, view, "")
    (item_id,) = view.items
    choose_in_cell(qtbot, view.items_table, item_cell(view, item_id, "status"), "available")
    assert view.cell_text(item_id, "status") == "✓ Available"
    view.items_table.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(store, demo).find("audit", item_id).status == "unknown"
    assert view.cell_text(item_id, "status") == "? Unknown"
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert view.cell_text(item_id, "status") == "✓ Available"


# --- empty state, hostile text ------------------------------------------------------------


class FakeWindow(QMainWindow):
    """A window that, like the workshop window, knows its pages and can go to one."""

    def __init__(self, pages: list[Page]) -> None:
        super().__init__()
        self.stops = [type("Stop", (), {"page": page})() for page in pages]
        self.went_to: list[int] = []

    def go_to(self, position: int) -> None:
        self.went_to.append(position)


def test_no_opportunities_says_what_to_do_and_jumps_to_the_matrix(qtbot, blank, store) -> None:
    view = open_audit(qtbot, blank)
    assert view.empty_state.isVisibleTo(view)
    assert view.empty_state.text() == "Add opportunities on the value/cost page first."
    assert not view.go_matrix_button.isVisibleTo(view)  # no window to jump in
    assert view.groups == [""]  # general data can still be listed

    framework = blank.framework
    pages = [p for p in framework.pages if p.page_type in ("overview", "matrix", "audit")]
    window = FakeWindow(pages)
    qtbot.addWidget(window)
    inside = open_audit(qtbot, blank, parent=window)
    window.setCentralWidget(inside)
    window.show()
    qtbot.waitExposed(window)
    assert inside.go_matrix_button.isVisibleTo(window)
    qtbot.mouseClick(inside.go_matrix_button, Qt.MouseButton.LeftButton)
    matrix = next(i for i, p in enumerate(pages) if p.page_type == "matrix")
    assert window.went_to == [matrix]

    # An opportunity arrives: the empty state gives way to its row.
    opportunity = Opportunity(id=new_id(), title="Churn signals")
    blank.push(add_item(blank.session, "opportunities", opportunity))
    assert not view.empty_state.isVisibleTo(view)
    assert view.group_text(opportunity.id, "title") == "1. Churn signals"


def test_hostile_text_is_shown_literally_and_never_widens_the_page(qtbot, blank, store) -> None:
    opportunity = Opportunity(id=new_id(), title=f"{TRICKY} {LONG_WORD}")
    blank.push(add_item(blank.session, "opportunities", opportunity))
    view = open_audit(qtbot, blank)
    click_group(qtbot, view, opportunity.id)
    assert view.group_title.text() == f"1. {TRICKY} {LONG_WORD}"
    assert view.group_title.textFormat() == Qt.TextFormat.PlainText
    assert view.group_text(opportunity.id, "title") == f"1. {TRICKY} {LONG_WORD}"
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    (item_id,) = view.items
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    type_in_cell(qtbot, view.items_table, item_cell(view, item_id, "data_needed"), TRICKY)
    view.flush()
    item = stored(store, blank).find("audit", item_id)
    assert item.data_needed == TRICKY
    assert view.cell_text(item_id, "data_needed") == TRICKY
    toggle_cell(qtbot, view.items_table, item_cell(view, item_id, "blocks_start"))
    assert f"{TRICKY} must be in place first (unknown)." in view.reasons_label.text()
    assert view.reasons_label.textFormat() == Qt.TextFormat.PlainText
    # A 200-character word is cut at the edge; it never pushes the controls off screen.
    assert view.minimumSizeHint().width() < 1280
    assert view.groups_table.width() <= view.width()
    assert view.add_button.geometry().right() <= view.width()

"""The data audit page, driven as a facilitator would, through the real controller and a real
store: data items per ranked opportunity, their status, quarter and whether they block the
start, the blocked message, undo, and the empty state."""

from __future__ import annotations

from datetime import date

import pytest
from ui_helpers import make_controller, stored, type_text, visible_texts

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QWidget

import workshop.ui.pages.audit  # noqa: F401  (registers the page type)
from workshop.domain.edits import add_item
from workshop.domain.priorities import prioritise
from workshop.domain.session import DataAuditItem, Opportunity, Session, new_id
from workshop.framework.model import Framework, Page
from workshop.store import Store
from workshop.store.demo import build_demo
from workshop.ui.controller import SessionController
from workshop.ui.pages.audit import BLOCKED_TEXT, AuditGroup, AuditItemCard, AuditPage
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
    controller.changed.connect(lambda _edit: view.refresh())  # as the window does
    return view


def choose(combo, value: str) -> None:
    """Pick the entry holding ``value``, as a click in the drop-down does."""
    index = combo.findData(value)
    assert index >= 0, f"{value!r} is not offered"
    combo.setCurrentIndex(index)


def only_card(group: AuditGroup) -> AuditItemCard:
    assert len(group.cards) == 1
    return next(iter(group.cards.values()))


# --- the demo workshop ----------------------------------------------------------------------


def test_demo_groups_follow_the_ranking_and_say_what_is_blocked(qtbot, demo) -> None:
    view = open_audit(qtbot, demo)
    priorities = prioritise(demo.framework, demo.session)
    shown = [
        view.list_layout.itemAt(i).widget().opportunity_id
        for i in range(view.list_layout.count() - 1)  # the last item is the stretch
    ]
    assert shown == [r.opportunity_id for r in priorities.ranked] + [""]

    blocked = {b.opportunity_id for b in priorities.blocked}
    assert blocked, "the demo has opportunities blocked by data"
    assert len(blocked) < len(priorities.ranked)
    for entry in priorities.ranked:
        group = view.group(entry.opportunity_id)
        assert group.title_label.text() == f"{entry.rank}. {entry.title}"
        assert group.blocked_tag.isVisibleTo(view) == (entry.opportunity_id in blocked)
        assert group.blocked_tag.text() == BLOCKED_TEXT
    assert f"⚠ {len(blocked)} of {len(priorities.ranked)} blocked by data" == (
        view.progress_tag.text()
    )
    # The framework's reminder is on the page for the room too.
    assert "cannot begin until their data is in place" in visible_texts(view)
    view.set_projecting(True)
    assert "cannot begin until their data is in place" in visible_texts(view)

    # Every data item shows its status as words with a symbol; general data sits apart.
    tags = {card.status_tag.text() for g in view.groups.values() for card in g.cards.values()}
    assert {"✓ Available", "◐ Partial", "✗ Missing", "? Unknown"} <= tags
    general = view.group("")
    assert general.title_label.text() == "General"
    consent = only_card(general)
    assert consent.data_edit.text() == "Customer consent to use pooled data for models"
    assert consent.status_tag.text() == "? Unknown"


def test_a_blocking_item_shows_its_reason_and_tag(qtbot, demo) -> None:
    view = open_audit(qtbot, demo)
    priorities = prioritise(demo.framework, demo.session)
    entry = next(b for b in priorities.blocked if b.audit_item_ids)
    group = view.group(entry.opportunity_id)
    assert group.reasons_label.isVisibleTo(view)
    assert group.reasons_label.text() == " ".join(entry.reasons)
    card = group.cards[entry.audit_item_ids[0]]
    assert card.blocks_check.isChecked()
    assert card.blocking_tag.isVisibleTo(view) and card.blocking_tag.text() == "⚠ Blocks the start"


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
    group = view.group(target.opportunity_id)
    before = set(group.cards)
    assert not group.blocked_tag.isVisibleTo(view)

    qtbot.mouseClick(group.add_button, Qt.MouseButton.LeftButton)
    (new_id_,) = set(group.cards) - before
    card = group.cards[new_id_]
    assert card.data_edit.hasFocus()  # ready to type what is needed
    saved = stored(store, demo).find("audit", new_id_)
    assert saved == DataAuditItem(id=new_id_, opportunity_id=target.opportunity_id)
    assert card.status_tag.text() == "? Unknown"
    # Tab goes through the new card in screen order, then on to the group's add button.
    qtbot.keyClick(card.data_edit, Qt.Key.Key_Tab)
    assert card.source_edit.hasFocus()
    card.remove_button.setFocus()
    qtbot.keyClick(card.remove_button, Qt.Key.Key_Tab)
    assert group.add_button.hasFocus()
    card.data_edit.setFocus()

    # What is needed, typed; stored after the typing pause.
    type_text(card.data_edit, "Renewal dates per contract")
    qtbot.waitUntil(
        lambda: (
            stored(store, demo).find("audit", new_id_).data_needed == "Renewal dates per contract"
        ),
        timeout=bound_text.PAUSE_MS * 5,
    )

    choose(card.status_combo, "partial")
    assert card.status_tag.text() == "◐ Partial"
    quarters = [card.quarter_combo.itemText(i) for i in range(card.quarter_combo.count())]
    assert quarters[0] == "Not planned" and len(quarters) >= 9
    choose(card.quarter_combo, card.quarter_combo.itemData(3))
    chosen_quarter = card.quarter_combo.itemData(3)

    # Blocks the start: the opportunity now cannot start, and says so.
    qtbot.mouseClick(card.blocks_check, Qt.MouseButton.LeftButton)
    saved = stored(store, demo).find("audit", new_id_)
    assert (saved.status, saved.target_quarter, saved.blocks_start) == (
        "partial",
        chosen_quarter,
        True,
    )
    assert group.blocked_tag.isVisibleTo(view)
    assert "Renewal dates per contract must be in place first (partial)." in (
        group.reasons_label.text()
    )
    assert card.blocking_tag.isVisibleTo(view)

    # The data arrives: available, so nothing blocks any more.
    choose(card.status_combo, "available")
    assert not group.blocked_tag.isVisibleTo(view)
    assert not card.blocking_tag.isVisibleTo(view)
    assert stored(store, demo).find("audit", new_id_).status == "available"

    # Undo steps back one change at a time: blocked again, then not blocking at all.
    demo.undo()
    assert card.status_combo.currentData() == "partial"
    assert card.status_tag.text() == "◐ Partial"
    assert group.blocked_tag.isVisibleTo(view)
    demo.undo()
    assert not card.blocks_check.isChecked()
    assert not group.blocked_tag.isVisibleTo(view)
    assert stored(store, demo).find("audit", new_id_).blocks_start is False


def test_remove_an_item_then_undo_from_the_bar(qtbot, demo, store) -> None:
    view = open_audit(qtbot, demo)
    general = view.group("")
    card = only_card(general)
    item_id = card.item_id
    assert general.summary_label.text() == "1 data item: 1 unknown"
    qtbot.mouseClick(card.remove_button, Qt.MouseButton.LeftButton)
    assert stored(store, demo).find("audit", item_id) is None
    assert general.cards == {}
    assert view.undo_bar.isVisibleTo(view)
    assert "Customer consent to use pooled data" in view.undo_label.text()
    assert general.none_label.isVisibleTo(view)
    assert not general.summary_label.isVisibleTo(view)

    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    restored = stored(store, demo).find("audit", item_id)
    assert restored is not None and restored.data_needed.startswith("Customer consent")
    assert list(general.cards) == [item_id]
    assert not view.undo_bar.isVisibleTo(view)


def test_readiness_set_here_blocks_and_reranks(qtbot, demo, store) -> None:
    view = open_audit(qtbot, demo)
    priorities = prioritise(demo.framework, demo.session)
    blocked = {b.opportunity_id for b in priorities.blocked}
    target = next(r for r in priorities.ranked if r.opportunity_id not in blocked)
    group = view.group(target.opportunity_id)
    assert group.readiness_combo is not None
    choose(group.readiness_combo, "missing")
    assert stored(store, demo).find("opportunities", target.opportunity_id).data_readiness == (
        "missing"
    )
    assert group.blocked_tag.isVisibleTo(view)
    assert group.readiness_combo.currentText() == "✗ Missing"
    assert "The data it needs is missing." in group.reasons_label.text()
    demo.undo()
    assert not group.blocked_tag.isVisibleTo(view)
    assert group.readiness_combo.currentData() == target.data_readiness


def test_quarters_follow_the_workshop_date_and_keep_an_older_plan(qtbot, blank, store) -> None:
    session = blank.session
    opportunity = Opportunity(id=new_id(), title="Churn signals")
    blank.push(add_item(session, "opportunities", opportunity))
    old = DataAuditItem(id=new_id(), opportunity_id=opportunity.id, target_quarter="2025-Q2")
    blank.push(add_item(session, "audit", old))
    view = open_audit(qtbot, blank)
    card = view.group(opportunity.id).cards[old.id]
    items = [
        (card.quarter_combo.itemData(i), card.quarter_combo.itemText(i))
        for i in range(card.quarter_combo.count())
    ]
    # Workshop on 2026-11-05: Q4 2026 and the seven after it, then the older plan kept.
    assert items[:3] == [("", "Not planned"), ("2026-Q4", "Q4 2026"), ("2027-Q1", "Q1 2027")]
    assert items[8] == ("2028-Q3", "Q3 2028")
    assert items[9] == ("2025-Q2", "Q2 2025")
    assert card.quarter_combo.currentText() == "Q2 2025"
    choose(card.quarter_combo, "")
    assert stored(store, blank).find("audit", old.id).target_quarter == ""


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
    assert list(view.groups) == [""]  # general data can still be listed

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

    # An opportunity arrives: the empty state gives way to its group.
    opportunity = Opportunity(id=new_id(), title="Churn signals")
    blank.push(add_item(blank.session, "opportunities", opportunity))
    assert not view.empty_state.isVisibleTo(view)
    assert view.group(opportunity.id).title_label.text() == "1. Churn signals"


def test_hostile_text_is_shown_literally_and_never_widens_the_page(qtbot, blank, store) -> None:
    opportunity = Opportunity(id=new_id(), title=f"{TRICKY} {LONG_WORD}")
    blank.push(add_item(blank.session, "opportunities", opportunity))
    view = open_audit(qtbot, blank)
    group = view.group(opportunity.id)
    assert group.title_label.text() == f"1. {TRICKY} {LONG_WORD}"
    assert group.title_label.textFormat() == Qt.TextFormat.PlainText
    qtbot.mouseClick(group.add_button, Qt.MouseButton.LeftButton)
    card = only_card(group)
    type_text(card.data_edit, TRICKY)
    view.flush()
    item = stored(store, blank).find("audit", card.item_id)
    assert item.data_needed == TRICKY
    qtbot.mouseClick(card.blocks_check, Qt.MouseButton.LeftButton)
    assert f"{TRICKY} must be in place first (unknown)." in group.reasons_label.text()
    assert group.reasons_label.textFormat() == Qt.TextFormat.PlainText
    # A 200-character word wraps or is cut; it never pushes the controls off screen.
    assert view.minimumSizeHint().width() < 1280
    assert view.list_widget.width() <= view.scroll_area.viewport().width()

"""The page list tells the truth: marks follow what the room recorded, entries can be told
apart, and paging through sections with the timer running does not fake the schedule."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from workshop.domain.agenda import sections_from_preset
from workshop.domain.session import Session
from workshop.framework import load_framework
from workshop.ui import navigator as navigator_module
from workshop.ui.controller import SessionController
from workshop.ui.preferences import Preferences
from workshop.ui.workshop_window import WorkshopWindow


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot, store, clock) -> WorkshopWindow:  # type: ignore[no-untyped-def]
    framework = load_framework()
    session = Session(
        organisation="Nordvik Ledger",
        agenda=sections_from_preset(framework.preset("half_day")),
    )
    store.create(session)
    controller = SessionController(store.load(session.id), framework, store)
    w = WorkshopWindow(controller, Preferences(), projecting=False, clock=clock)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def press(
    qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:  # type: ignore[no-untyped-def]
    focused = QApplication.focusWidget()
    assert focused is not None, "the keyboard is nowhere"
    qtbot.keyClick(focused, key, modifier)


def arrive(qtbot, window: WorkshopWindow, position: int) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+PgDown page by page to ``position``, as the facilitator would."""
    while window.current < position:
        press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current == position


def test_rating_every_statement_marks_the_check_done_in_the_page_list(
    qtbot, window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    position = next(i for i, s in enumerate(window.stops) if s.page.page_type == "maturity")
    arrive(qtbot, window, position)
    nav = window.navigator
    assert nav.item_text(position).startswith("\u25b6 \u25cb")  # current, not started
    others = {i: nav.item_text(i) for i in range(len(window.stops)) if i != position}

    # Count the marks recomputed per edit: only the pages that read the ratings.
    computed: list[str] = []
    real = navigator_module.page_mark

    def counting(page, session, framework):  # type: ignore[no-untyped-def]
        computed.append(page.id)
        return real(page, session, framework)

    monkeypatch.setattr(navigator_module, "page_mark", counting)
    view = window.current_view
    rows = view.rows  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_2)
    assert nav.item_text(position).startswith("\u25b6 \u25d0")  # in progress
    assert "in progress" in nav.item_tooltip(position)
    assert set(computed) <= {"page_placement", window.stops[position].page.id}
    for _row in rows[1:]:
        if QApplication.focusWidget() is not None and not _unrated(
            window, QApplication.focusWidget()
        ):
            press(qtbot, Qt.Key.Key_Down)  # on to the next statement
        press(qtbot, Qt.Key.Key_3)
    assert all(window.controller.session.rating(r.statement.id).is_rated for r in rows)
    assert nav.item_text(position).startswith("\u25b6 \u2713")
    assert window.page_done_action.isChecked()  # Ctrl+D's state says the same
    press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert nav.item_text(position).startswith("\u2713")
    placement = next(i for i, s in enumerate(window.stops) if s.page.page_type == "placement")
    assert nav.mark(placement) == "in_progress"  # one check of five done
    unmoved = {i for i in others if i not in (window.current, placement)}
    assert {i: nav.item_text(i) for i in unmoved} == {i: others[i] for i in unmoved}


def _unrated(window: WorkshopWindow, row: object) -> bool:
    statement = getattr(row, "statement", None)
    return statement is not None and not window.controller.session.rating(statement.id).is_rated


def test_a_question_marked_discussed_is_done_and_ctrl_d_can_take_it_back(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    position = next(i for i, s in enumerate(window.stops) if s.page.page_type == "question")
    arrive(qtbot, window, position)
    button = window.current_view.discussed_button  # type: ignore[union-attr]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.navigator.mark(position) == "done"
    assert window.navigator.item_text(position).startswith("\u25b6 \u2713")
    window.page_done_action.trigger()  # "not done after all"
    assert window.navigator.mark(position) == "in_progress"
    assert not window.page_done_action.isChecked()


def test_page_list_entries_can_be_told_apart_and_keep_the_full_title(window) -> None:  # type: ignore[no-untyped-def]
    nav = window.navigator
    texts = [nav.item_text(i)[3:].strip() for i in range(len(window.stops))]
    maturity = [i for i, s in enumerate(window.stops) if s.page.page_type == "maturity"]
    assert len(maturity) == 5
    labels = [texts[i] for i in maturity]
    assert not any(label.lower().startswith("maturity check") for label in labels)
    assert len({label[:12] for label in labels}) == 5  # differ within the first characters
    for i in range(len(window.stops)):
        title = window.stops[i].page.title
        assert title in nav.item_tooltip(i)
        item = nav._page_items[i]
        assert item.data(0, Qt.ItemDataRole.AccessibleTextRole).startswith(title)
    # No two entries start alike for as far as a narrow list shows.
    starts = [t[:14] for t in texts]
    assert len(set(starts)) == len(starts), sorted(starts)


def test_paging_through_sections_with_the_timer_running_keeps_the_schedule(
    qtbot, window, clock, store
) -> None:  # type: ignore[no-untyped-def]
    timer = window.timer_widget
    agenda = window.controller.session.agenda
    planned = agenda[0].planned_minutes * 60
    window.timer_action.trigger()
    assert timer.timer.running
    clock.now += planned + 12 * 60  # the first section ran 12 minutes over
    timer.tick()
    first_section = window.stops[window.current].section_id
    # Ctrl+PgDown through the next sections, a few seconds on each page.
    sections_seen = {first_section}
    while len(sections_seen) < 5:
        press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        clock.now += 3
        timer.tick()
        sections_seen.add(window.stops[window.current].section_id)
    assert timer.timer.running  # the timer moved on with the facilitator
    assert timer.schedule_label.text() == "12 min behind schedule"
    passed = [s for s in store.load(window.controller.session.id).agenda[1:4]]
    assert all(0 < s.actual_seconds < 60 for s in passed)  # the time is still recorded


def test_long_entries_wrap_instead_of_being_cut(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    nav = window.navigator
    window.projecting_action.trigger()  # large type in a list that stays narrow
    splitter = window.centralWidget()
    splitter.setSizes([nav.minimumWidth(), 2000, 0])
    qtbot.waitUntil(lambda: nav.width() <= nav.minimumWidth() + 2)
    metrics = nav.fontMetrics()
    position = next(i for i, s in enumerate(window.stops) if s.page.id == "page_overview")
    item = nav._page_items[position]
    qtbot.waitUntil(lambda: nav.visualItemRect(item).height() >= 2 * metrics.height())
    rect = nav.visualItemRect(item)
    needed = metrics.boundingRect(
        rect.adjusted(0, 0, 0, 10_000), int(Qt.TextFlag.TextWordWrap), nav.item_text(position)
    ).height()
    assert rect.height() >= needed  # every line of "Welcome and workshop overview" shows

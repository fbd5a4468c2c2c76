"""Every page in the room, by keyboard: arriving on a page hands it the keyboard, no
invisible popup swallows the keys, and no two actions of one window share a shortcut."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from workshop.framework import load_framework
from workshop.store import Store, open_store
from workshop.store.demo import build_demo
from workshop.ui.controller import SessionController
from workshop.ui.navigator import page_order
from workshop.ui.preferences import Preferences
from workshop.ui.workshop_window import WorkshopWindow


@pytest.fixture
def room(qtbot, tmp_path: Path) -> Iterator[tuple[WorkshopWindow, Store]]:  # type: ignore[no-untyped-def]
    framework = load_framework()
    store = open_store(tmp_path / "w.sqlite3")
    demo = build_demo(framework)
    store.create(demo)
    controller = SessionController(store.load(demo.id), framework, store)
    w = WorkshopWindow(controller, Preferences(), projecting=False)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    yield w, store
    w.close()
    store.close()


def press(
    qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:  # type: ignore[no-untyped-def]
    """Press a key where the keyboard is, as the facilitator would."""
    focused = QApplication.focusWidget()
    assert focused is not None, "the keyboard is nowhere"
    qtbot.keyClick(focused, key, modifier)


def next_page(qtbot) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)


def first_position(window: WorkshopWindow, page_type: str) -> int:
    return next(i for i, s in enumerate(window.stops) if s.page.page_type == page_type)


def open_maturity_check(window: WorkshopWindow) -> int:
    """The first maturity check with a statement not rated yet (the demo rated the first)."""
    session, framework = window.controller.session, window.controller.framework
    return next(
        i
        for i, stop in enumerate(window.stops)
        if stop.page.page_type == "maturity"
        and any(
            not session.rating(s.id).is_rated
            for s in framework.statements_for(stop.page.ref or stop.page.stage)
        )
    )


def arrive(qtbot, window: WorkshopWindow, position: int) -> QWidget:  # type: ignore[no-untyped-def]
    """Move to ``position`` the way the facilitator does: Ctrl+PgDown from the page before."""
    if position > 0:
        window.navigator.setFocus()
        window.go_to(position - 1)
        next_page(qtbot)
    assert window.current == position
    view = window.current_view
    assert view is not None
    return view


def _page_types() -> list[str]:
    framework = load_framework()
    return sorted({s.page.page_type for s in page_order(build_demo(framework), framework)})


PAGE_TYPES = _page_types()


def test_every_page_keeps_popups_closed_and_the_keyboard_in_the_page(qtbot, room) -> None:  # type: ignore[no-untyped-def]
    window, _store = room
    window.go_to(0)
    for position in range(len(window.stops)):
        if position:
            next_page(qtbot)
        assert window.current == position
        view = window.current_view
        assert QApplication.activePopupWidget() is None, window.stops[position].page.id
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        assert shown == [window], (window.stops[position].page.id, shown)
        focused = QApplication.focusWidget()
        assert focused is not None and view is not None and view.isAncestorOf(focused), (
            window.stops[position].page.id,
            focused,
        )
    assert window.current == len(window.stops) - 1  # every Ctrl+PgDown reached the window


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_arriving_on_a_page_puts_the_keyboard_on_its_first_control(qtbot, room, page_type) -> None:  # type: ignore[no-untyped-def]
    window, _store = room
    view = arrive(qtbot, window, first_position(window, page_type))
    focused = QApplication.focusWidget()
    assert focused is not None and view.isAncestorOf(focused)
    assert focused is view.focus_target()  # type: ignore[attr-defined]
    assert focused.isVisible() and focused.isEnabled()
    assert not window.navigator.hasFocus()


def test_maturity_keys_rate_the_first_unrated_statement_at_once(qtbot, room) -> None:  # type: ignore[no-untyped-def]
    window, store = room
    session = window.controller.session
    position = open_maturity_check(window)
    page = window.stops[position].page
    view = arrive(qtbot, window, position)
    unrated = [r for r in view.rows if not session.rating(r.statement.id).is_rated]  # type: ignore[attr-defined]
    target = unrated[0]
    assert QApplication.focusWidget() is target
    if view.rows.index(target) > 0:  # type: ignore[attr-defined]
        assert session.rating(view.rows[0].statement.id).is_rated  # type: ignore[attr-defined]
    assert target.property("current")  # the row the keys go to is marked on screen
    press(qtbot, Qt.Key.Key_3)
    assert target.rating_label.text() == "Room score 3"
    assert store.load(session.id).rating(target.statement.id).score == 3
    assert page.page_type == "maturity"


def test_interviews_space_on_arrival_adds_an_interview(qtbot, room) -> None:  # type: ignore[no-untyped-def]
    window, store = room
    before = len(window.controller.session.interviews)
    view = arrive(qtbot, window, first_position(window, "interviews"))
    press(qtbot, Qt.Key.Key_Space)
    assert len(store.load(window.controller.session.id).interviews) == before + 1
    focused = QApplication.focusWidget()
    assert focused is not None and focused.objectName() == "person_edit"
    assert len(view.interviews) == before + 1  # type: ignore[attr-defined]


def test_interviews_add_key_does_not_clash_with_new_workshop(qtbot, room) -> None:  # type: ignore[no-untyped-def]
    window, store = room
    before = len(window.controller.session.interviews)
    arrive(qtbot, window, first_position(window, "interviews"))
    press(
        qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert len(store.load(window.controller.session.id).interviews) == before + 1
    assert window.isVisible()  # Ctrl+Shift+N did not close the workshop for a new one


def test_typed_name_survives_add_interview(qtbot, room) -> None:  # type: ignore[no-untyped-def]
    window, store = room
    view = arrive(qtbot, window, first_position(window, "interviews"))
    press(qtbot, Qt.Key.Key_Space)
    qtbot.keyClicks(QApplication.focusWidget(), "Ingrid Halvorsen")
    first = QApplication.focusWidget()
    typed_for = view.selected_id  # type: ignore[attr-defined]
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    # The form now follows the new interview; the name typed stays with the one before.
    assert first.text() == ""  # type: ignore[attr-defined]
    assert view.cell_text(typed_for, "person") == "Ingrid Halvorsen"  # type: ignore[attr-defined]
    names = [i.person for i in store.load(window.controller.session.id).interviews]
    assert "Ingrid Halvorsen" in names
    view.select(typed_for)  # type: ignore[attr-defined]
    assert first.text() == "Ingrid Halvorsen"  # type: ignore[attr-defined]


def test_page_done_has_a_key_that_works_while_projecting(qtbot, room) -> None:  # type: ignore[no-untyped-def]
    window, store = room
    window.projecting_action.trigger()
    assert window.projecting and not window.side_panel.isVisible()
    # A question the demo has not discussed yet (a discussed one is done already).
    position = next(
        i
        for i, s in enumerate(window.stops)
        if s.page.page_type == "question" and window.navigator.mark(i) != "done"
    )
    arrive(qtbot, window, position)
    page_id = window.stops[position].page.id
    assert not window.page_done_action.isChecked()
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert store.load(window.controller.session.id).page_record(page_id).status == "done"
    assert window.page_done_action.isChecked()
    press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.navigator.item_text(position).startswith("\u2713")  # done, in the page list


def _shortcuts_in_reach(window: QWidget) -> Counter[str]:
    """Every key sequence that would fire in ``window`` as it is shown now."""
    keys: Counter[str] = Counter()

    def add(sequences: list[QKeySequence]) -> None:
        for sequence in {s.toString() for s in sequences if not s.isEmpty()}:
            keys[sequence] += 1

    for action in window.findChildren(QAction):
        if action.isEnabled() and any(
            w is window or (w.isVisible() and w.window() is window)
            for w in action.associatedObjects()
            if isinstance(w, QWidget)
        ):
            add(action.shortcuts())
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.isEnabled():
            add([button.shortcut()])
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if shortcut.isEnabled() and isinstance(parent, QWidget) and parent.isVisible():
            add(shortcut.keys())
    return keys


def test_no_two_actions_of_the_workshop_window_share_a_key_on_any_page(qtbot, room) -> None:  # type: ignore[no-untyped-def]
    window, _store = room
    for position in range(len(window.stops)):
        window.go_to(position)
        shared = {k: n for k, n in _shortcuts_in_reach(window).items() if n > 1}
        assert not shared, (window.stops[position].page.id, shared)


def test_no_two_actions_of_the_library_share_a_key(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    from workshop.ui.library import LibraryWindow

    library = LibraryWindow(store, load_framework)
    qtbot.addWidget(library)
    library.show()
    shared = {k: n for k, n in _shortcuts_in_reach(library).items() if n > 1}
    assert not shared


def test_presenting_on_one_screen_every_workshop_key_still_works(qtbot, room) -> None:  # type: ignore[no-untyped-def]
    window, store = room
    session_id = window.controller.session.id
    position = open_maturity_check(window)
    arrive(qtbot, window, position)
    statement_row = QApplication.focusWidget()
    press(qtbot, Qt.Key.Key_F5)
    assert window.presenting
    view = window.presenter.view
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)

    press(qtbot, Qt.Key.Key_4)  # rates the statement that has the keyboard on the laptop
    statement_id = statement_row.statement.id  # type: ignore[attr-defined]
    assert store.load(session_id).rating(statement_id).score == 4
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.load(session_id).rating(statement_id).score != 4

    for key, expected in (
        (Qt.Key.Key_PageDown, position + 1),
        (Qt.Key.Key_Space, position + 2),
        (Qt.Key.Key_Right, position + 3),
        (Qt.Key.Key_Left, position + 2),
        (Qt.Key.Key_PageUp, position + 1),
    ):
        press(qtbot, key)
        assert window.current == expected, key
    next_page(qtbot)
    assert window.current == position + 2
    assert view.page_id == window.stops[position + 2].page.id  # the room follows

    press(qtbot, Qt.Key.Key_B)
    assert view.blacked_out and view.blackout.isVisible()
    press(qtbot, Qt.Key.Key_B)
    assert not view.blacked_out

    running = window.timer_widget.timer.running
    press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.timer_widget.timer.running != running
    projecting = window.projecting
    press(qtbot, Qt.Key.Key_F6)
    assert window.projecting != projecting

    press(qtbot, Qt.Key.Key_Escape)
    assert not window.presenting and not view.isVisible()


@pytest.mark.parametrize("answer", ["keep", "replace"])
def test_a_score_key_asks_before_replacing_a_show_of_hands(
    qtbot, room, monkeypatch, answer
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from workshop.domain.edits import set_keyed_field

    window, store = room
    position = first_position(window, "maturity")
    view = arrive(qtbot, window, position)
    row = QApplication.focusWidget()
    statement_id = row.statement.id  # type: ignore[attr-defined]
    controller = window.controller
    controller.push(
        set_keyed_field(
            controller.session,
            "ratings",
            statement_id,
            "counts",
            (0, 2, 5, 0, 0),
            "Record show of hands",
        )
    )
    asked: list[str] = []

    def question(_parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        yes = answer == "replace"
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    row.setFocus()
    press(qtbot, Qt.Key.Key_3)
    assert len(asked) == 1 and "7 votes" in asked[0]
    rating = store.load(controller.session.id).rating(statement_id)
    if answer == "keep":
        assert rating.counts == (0, 2, 5, 0, 0)
        assert view.row(statement_id).rating_label.text().startswith("Show of hands")  # type: ignore[attr-defined]
    else:
        assert rating.score == 3 and sum(rating.counts) == 0
        assert view.row(statement_id).rating_label.text() == "Room score 3"  # type: ignore[attr-defined]

"""Room vote in the app: the action, the panel, phones voting over 127.0.0.1, reveal,
vote again, close as one undoable edit, the audience overlay, and the server's end."""

from __future__ import annotations

import socket

import pytest
from room_client import Phone

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QToolBar

from workshop.framework.model import Framework
from workshop.store import Store
from workshop.store.demo import build_demo
from workshop.ui.controller import SessionController
from workshop.ui.preferences import Preferences
from workshop.ui.workshop_window import WorkshopWindow

MATURITY_PAGE = "page_maturity_exploring"


@pytest.fixture
def controller(qtbot, store: Store, framework: Framework) -> SessionController:  # type: ignore[no-untyped-def]
    session = build_demo(framework)
    store.create(session)
    return SessionController(store.load(session.id), framework, store)


@pytest.fixture
def window(qtbot, controller: SessionController) -> WorkshopWindow:  # type: ignore[no-untyped-def]
    w = WorkshopWindow(controller, Preferences(), projecting=False)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def go_to(window: WorkshopWindow, page_id: str) -> None:
    window.go_to(next(i for i, s in enumerate(window.stops) if s.page.id == page_id))


def start_round(qtbot, window: WorkshopWindow):  # type: ignore[no-untyped-def]
    window.room_vote_action.trigger()
    panel = window._room_panel
    assert panel.isVisible()
    index = panel.address_box.findData("127.0.0.1")
    assert index >= 0, "loopback is offered (labelled as this laptop only)"
    panel.address_box.setCurrentIndex(index)
    qtbot.mouseClick(panel.start_button, qtbot_left())
    assert panel.live.running, panel.message_label.text()
    return panel


def qtbot_left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def phones(panel, n: int) -> list[Phone]:  # type: ignore[no-untyped-def]
    found = []
    for _ in range(n):
        phone = Phone("127.0.0.1", panel.live.server.port)
        assert phone.join(panel.live.round.code) == 200
        found.append(phone)
    return found


def test_the_action_is_offered_on_maturity_and_matrix_pages_only(window: WorkshopWindow) -> None:
    go_to(window, "page_q_customers")
    assert not window.room_vote_action.isEnabled()
    go_to(window, MATURITY_PAGE)
    assert window.room_vote_action.isEnabled()
    go_to(window, "page_matrix")
    assert window.room_vote_action.isEnabled()
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert any(window.room_vote_action in menu.actions() for menu in menus)
    toolbar = window.findChild(QToolBar, "workshop_toolbar")
    assert window.room_vote_action in toolbar.actions()


def test_the_shortcut_belongs_to_no_other_action(window: WorkshopWindow) -> None:
    mine = window.room_vote_action.shortcuts()
    assert mine == [QKeySequence("Ctrl+Shift+R")]
    others = [
        key
        for action in window.actions()
        if action is not window.room_vote_action
        for key in action.shortcuts()
    ]
    assert not set(mine) & set(others)


def test_a_rating_round_from_start_to_an_undoable_tally(
    qtbot,
    window: WorkshopWindow,
    store: Store,  # type: ignore[no-untyped-def]
) -> None:
    go_to(window, MATURITY_PAGE)
    panel = start_round(qtbot, window)
    statements = [item.id for item in panel.live.round.items]
    first, second = statements[0], statements[1]
    before = store.load(window.controller.session.id).rating(first).counts
    assert panel.hint_label.isVisible()  # no phone yet: the client-isolation advice shows
    room = phones(panel, 3)
    for phone, score in zip(room, (1, 3, 3), strict=True):
        assert phone.vote({first: score, second: 2}) == 200
    assert room[0].vote({first: 2, second: 2}) == 200  # changes their mind
    qtbot.waitUntil(lambda: panel.progress_label.text() == "3 of 3 have voted")
    assert not panel.hint_label.isVisible()
    assert "hidden" in panel.results_label.text()
    assert room[0].request("GET", "/api/results")[0] == 403

    qtbot.mouseClick(panel.reveal_button, qtbot_left())
    results = panel.results_label.text()
    assert "n 3 · median 3 · IQR 0.5 · consensus" in results
    assert room[0].request("GET", "/api/results")[0] == 200

    qtbot.mouseClick(panel.again_button, qtbot_left())
    qtbot.waitUntil(lambda: panel.progress_label.text() == "Round 2 · 0 of 3 have voted")
    for phone in room:
        assert phone.vote({first: 3}) == 200
    qtbot.waitUntil(lambda: "3 of 3" in panel.progress_label.text())
    qtbot.mouseClick(panel.reveal_button, qtbot_left())
    assert "since round 1: median 3 → 3, IQR 0.5 → 0" in panel.results_label.text()

    port = panel.live.server.port
    qtbot.mouseClick(panel.close_button, qtbot_left())
    assert not panel.live.running and not panel.isVisible()  # done: the page shows the tally
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0  # the server is gone
    session_id = window.controller.session.id
    assert store.load(session_id).rating(first).counts == (0, 0, 0, 3, 0)
    # The maturity page shows it, with the agreement figures beside the spread.
    page = window.current_view
    row = page.row(first)
    assert row.agreement_label.text() == "n 3 · median 3\nIQR 0 · consensus 1.00"

    window.undo_action.trigger()  # one step takes the whole room vote back
    assert store.load(session_id).rating(first).counts == before


def test_a_dot_round_on_the_matrix_sets_each_opportunity_s_votes(
    qtbot,
    window: WorkshopWindow,
    store: Store,  # type: ignore[no-untyped-def]
) -> None:
    go_to(window, "page_matrix")
    window.room_vote_action.trigger()
    panel = window._room_panel
    panel.budget_box.setValue(2)
    panel = start_round(qtbot, window)
    ids = [item.id for item in panel.live.round.items]
    a, b = phones(panel, 2)
    assert a.vote({ids[0]: 2}) == 200
    assert b.vote({ids[0]: 1, ids[1]: 1}) == 200
    assert b.vote({ids[0]: 3}) == 400  # over the budget
    qtbot.waitUntil(lambda: panel.progress_label.text() == "2 of 2 have voted")
    qtbot.mouseClick(panel.close_button, qtbot_left())
    votes = {o.id: o.votes for o in store.load(window.controller.session.id).opportunities}
    assert votes[ids[0]] == 3 and votes[ids[1]] == 1
    assert sum(votes.values()) == 4


def test_the_audience_view_shows_the_join_screen_then_the_distribution(
    qtbot,
    window: WorkshopWindow,  # type: ignore[no-untyped-def]
) -> None:
    from workshop.ui.room.audience_overlay import RoomOverlay

    go_to(window, MATURITY_PAGE)
    panel = start_round(qtbot, window)
    window.present_action.trigger()
    view = window.presenter.view
    overlay = view.findChild(RoomOverlay)
    assert overlay is not None and overlay.isVisible()
    assert overlay.geometry() == view.rect()
    assert panel.live.round.code in overlay.accessibleDescription()
    assert overlay.url == panel.live.server.join_url
    (phone,) = phones(panel, 1)
    assert phone.vote({panel.live.round.items[0].id: 4}) == 200
    qtbot.waitUntil(lambda: panel.close_button.isEnabled())
    assert overlay.accessibleDescription().endswith("1 of 1 has voted")
    qtbot.mouseClick(panel.reveal_button, qtbot_left())
    assert overlay.accessibleDescription() == "The room's vote, revealed"
    qtbot.mouseClick(panel.close_button, qtbot_left())
    qtbot.waitUntil(lambda: view.findChild(RoomOverlay) is None)
    window.end_present_action.trigger()


def test_closing_the_workshop_stops_the_server_and_keeps_the_votes(
    qtbot,
    window: WorkshopWindow,
    store: Store,  # type: ignore[no-untyped-def]
) -> None:
    go_to(window, MATURITY_PAGE)
    panel = start_round(qtbot, window)
    port = panel.live.server.port
    first = panel.live.round.items[0].id
    (phone,) = phones(panel, 1)
    assert phone.vote({first: 0}) == 200
    window.close_action.trigger()
    QApplication.processEvents()
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0
    assert store.load(window.controller.session.id).rating(first).counts == (1, 0, 0, 0, 0)


def test_a_round_that_asks_shows_the_perception_gap(
    qtbot,
    window: WorkshopWindow,  # type: ignore[no-untyped-def]
) -> None:
    go_to(window, MATURITY_PAGE)
    window.room_vote_action.trigger()
    panel = window._room_panel
    qtbot.mouseClick(panel.group_box, qtbot_left())
    assert panel.group_box.isChecked()
    panel = start_round(qtbot, window)
    first = panel.live.round.items[0].id
    room = phones(panel, 6)
    for phone, (group, score) in zip(
        room, [("leadership", 4)] * 3 + [("hands_on", 1)] * 3, strict=True
    ):
        assert phone.request("POST", "/api/group", {"group": group})[0] == 200
        assert phone.vote({first: score}) == 200
    qtbot.waitUntil(lambda: panel.progress_label.text() == "6 of 6 have voted")
    qtbot.mouseClick(panel.reveal_button, qtbot_left())
    text = panel.results_label.text()
    assert "⚠ Leadership rate it higher: leadership median 4, hands-on median 1" in text
    assert "⚠ the room disagrees" in text  # 4s and 1s: low consensus too


def test_the_server_reaches_the_ui_only_on_the_ui_thread(
    qtbot,
    window: WorkshopWindow,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtCore import QThread

    go_to(window, MATURITY_PAGE)
    panel = start_round(qtbot, window)
    threads: list[bool] = []
    panel.live.progress.connect(
        lambda *_: threads.append(QThread.currentThread() is window.thread())
    )
    (phone,) = phones(panel, 1)
    assert phone.vote({panel.live.round.items[0].id: 2}) == 200
    qtbot.waitUntil(lambda: len(threads) >= 2)
    assert all(threads)
    panel.live.stop()

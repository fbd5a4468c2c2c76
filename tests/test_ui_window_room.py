"""The workshop window in the room: Present (F5) shows the room's view, follows the
facilitator page by page, and Esc ends it; F9 hides the page list on a small projector."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from workshop.framework import load_framework
from workshop.store import open_store
from workshop.store.demo import build_demo
from workshop.ui.controller import SessionController
from workshop.ui.preferences import Preferences
from workshop.ui.workshop_window import WorkshopWindow


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[WorkshopWindow]:  # type: ignore[no-untyped-def]
    framework = load_framework()
    store = open_store(tmp_path / "w.sqlite3")
    demo = build_demo(framework)
    store.create(demo)
    controller = SessionController(demo, framework, store)
    w = WorkshopWindow(controller, Preferences(), projecting=False)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()  # shortcuts (F5, F9, Ctrl+PgDown) go to the active window
    qtbot.waitUntil(w.isActiveWindow)
    yield w
    w.close()
    store.close()


def shown_texts(widget) -> str:  # type: ignore[no-untyped-def]
    # Labels wrap long prompts with explicit line breaks: compare with whitespace folded.
    text = " ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())
    return " ".join(text.split())


def go_to_page(window: WorkshopWindow, page_id: str) -> None:
    window.go_to(next(i for i, stop in enumerate(window.stops) if stop.page.id == page_id))


def test_f5_presents_the_current_page_and_esc_ends_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    framework = window.controller.framework
    go_to_page(window, "page_q_customers")
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.presenting
    view = window.presenter.view
    qtbot.addWidget(view)
    qtbot.waitUntil(view.isVisible)
    question = framework.question(framework.page("page_q_customers").ref)
    assert question.prompt in shown_texts(view)
    assert question.hint not in shown_texts(view)  # the facilitator's hint stays private
    assert not window.present_action.isEnabled() and window.end_present_action.isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    next_page = window.current_page
    assert next_page is not None and next_page.id != "page_q_customers"
    next_question = framework.question(next_page.ref)
    qtbot.waitUntil(lambda: next_question.prompt in shown_texts(view))

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presenting
    assert not view.isVisible()
    assert window.present_action.isEnabled() and not window.end_present_action.isEnabled()


def test_closing_the_window_ends_presenting(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.start_presenting()
    view = window.presenter.view
    qtbot.addWidget(view)
    window.close()
    assert not window.presenting and not view.isVisible()


def test_f9_hides_the_page_list_and_paging_still_works(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    go_to_page(window, "page_q_customers")
    width_with_list = window.page_stack.width()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert not window.navigator.isVisible()
    qtbot.waitUntil(lambda: window.page_stack.width() > width_with_list)
    # The offscreen test platform drops window activation when a focused widget hides (a
    # real X11 window keeps it, with the page focused); activate again to send keys.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page is not None and window.current_page.id != "page_q_customers"
    window.find_action.trigger()  # finding a page brings the list back
    assert window.navigator.isVisible() and window.page_list_action.isChecked()


def test_check_boxes_grow_with_the_type_when_projecting(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QCheckBox, QStyle

    from workshop.ui import theme

    theme.apply_theme(QApplication.instance(), "light", 1.0)
    box = window.side_panel.findChild(QCheckBox)
    assert box is not None
    style = QApplication.style()
    small = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box)
    window.set_projecting(True)
    large = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box)
    assert large > small
    assert large >= box.fontMetrics().height() * 0.8

"""Present mode from the workshop window: F5 shows the room's view, it follows the
facilitator page by page, and Esc ends it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from workshop.domain.demo import build_demo
from workshop.framework import load_framework
from workshop.store import open_store
from workshop.ui.controller import SessionController
from workshop.ui.preferences import Preferences
from workshop.ui.workshop_window import WorkshopWindow


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


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

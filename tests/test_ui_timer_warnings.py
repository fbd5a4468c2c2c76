"""The overdue timer and the "Projecting" badge carry the warning colours and a symbol, as
drawn on screen, legible at 7:1, in every theme."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from drawn_colours import background_and_ink, drawn, near

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from workshop.colours import TEXT_CONTRAST, THEMES
from workshop.domain.agenda import sections_from_preset
from workshop.domain.session import Session
from workshop.framework import load_framework
from workshop.ui import theme
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
def window(qtbot, store, clock):  # type: ignore[no-untyped-def]
    framework = load_framework()
    session = Session(
        organisation="Acme Freight",
        title="ML leadership workshop",
        agenda=sections_from_preset(framework.preset("half_day")),
    )
    store.create(session)
    controller = SessionController(session, framework, store)
    w = WorkshopWindow(controller, Preferences(), projecting=False, clock=clock)
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, "light", 1.0)


def ink_of(label) -> tuple[tuple[int, int, int], tuple[int, int, int], float]:  # type: ignore[no-untyped-def]
    return background_and_ink(drawn(label))


def next_tick(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Let the timer's own once-a-second tick come round (the fake clock has moved on)."""
    with qtbot.waitSignal(window.timer_widget._ticker.timeout, timeout=3000):
        pass


@pytest.mark.parametrize("theme_id", sorted(THEMES))
def test_an_overdue_section_shows_a_symbol_in_the_danger_colour(qtbot, window, clock, theme_id):
    window.findChild(QAction, f"theme_{theme_id}_action").trigger()
    t = THEMES[theme_id]
    timer = window.timer_widget
    planned = window.controller.session.agenda[0].planned_minutes * 60
    qtbot.mouseClick(timer.start_button, Qt.MouseButton.LeftButton)

    clock.now += planned * 0.5
    next_tick(qtbot, window)
    assert timer.status_label.text().endswith("min left")
    _surface, ink, _ratio = ink_of(timer.status_label)
    assert near(ink, t.text, 12), "half-way: plain text colour"

    clock.now += planned * 0.35  # 15 % left: amber
    next_tick(qtbot, window)
    assert timer.status_label.text().startswith("\u26a0 ")
    surface, ink, ratio = ink_of(timer.status_label)
    assert near(ink, t.warning, 12), (ink, t.warning)
    assert ratio >= TEXT_CONTRAST

    clock.now += planned * 0.15 + 180  # three minutes over
    next_tick(qtbot, window)
    assert timer.status_label.text() == "\u26a0 Over by 3 min"
    for label in (timer.status_label, timer.clock_label):
        surface, ink, ratio = ink_of(label)
        assert near(ink, t.danger, 12), (label.objectName(), ink, t.danger)
        assert ratio >= TEXT_CONTRAST, (label.objectName(), ratio)
        assert label.font().bold()


@pytest.mark.parametrize("theme_id", sorted(THEMES))
def test_the_projecting_badge_is_in_the_warning_colours_with_a_symbol(qtbot, window, theme_id):
    window.findChild(QAction, f"theme_{theme_id}_action").trigger()
    t = THEMES[theme_id]
    badge = window.projecting_indicator
    window.projecting_action.trigger()
    assert window.projecting
    assert badge.text().startswith("\u25cf Projecting")
    surface, ink, ratio = ink_of(badge)
    assert near(surface, t.warning), (surface, t.warning)
    assert near(ink, t.on_warning, 12), (ink, t.on_warning)
    assert ratio >= TEXT_CONTRAST

    window.projecting_action.trigger()  # back to the private view: no warning fill
    assert badge.text() == "Private view"
    surface, ink, ratio = ink_of(badge)
    assert not near(surface, t.warning)
    assert ratio >= TEXT_CONTRAST, (surface, ink, ratio)

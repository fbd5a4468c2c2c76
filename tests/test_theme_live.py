"""Switching theme with a workshop open restyles every page already visited: what is drawn
(titles, tags, labels, tables, charts, the page list and side panel) is in the new theme's
colours, at 7:1 or more. Checked on the window's rendering, not on palettes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from drawn_colours import background_and_ink, drawn, near

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QScrollArea,
    QWidget,
)

from workshop.colours import TEXT_CONTRAST, THEMES, Theme, text_pairs
from workshop.framework import load_framework
from workshop.store import Store, open_store
from workshop.store.demo import build_demo_series
from workshop.ui import theme
from workshop.ui.controller import SessionController
from workshop.ui.pages.common import Tag
from workshop.ui.preferences import Preferences
from workshop.ui.workshop_window import WorkshopWindow


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[WorkshopWindow]:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, "light", 1.0)
    framework = load_framework()
    store: Store = open_store(tmp_path / "w.sqlite3")
    series = build_demo_series(framework)  # the follow-up, so the progress page has its chart
    for session in series:
        store.create(session)
    controller = SessionController(store.load(series[-1].id), framework, store)
    w = WorkshopWindow(controller, Preferences(), projecting=False)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    store.close()
    theme.apply_theme(app, "light", 1.0)


def first_of_each_type(window: WorkshopWindow) -> dict[str, int]:
    positions: dict[str, int] = {}
    for position, stop in enumerate(window.stops):
        positions.setdefault(stop.page.page_type, position)
    return positions


def surfaces(t: Theme) -> list[str]:
    """Every surface the theme declares text on (colours.text_pairs)."""
    return sorted({surface for _role, _name, _text, surface in text_pairs(t)})


def on_screen(widget: QWidget, page: QWidget) -> bool:
    """Visible, and not mostly scrolled away or hidden behind a scroll area's edge."""
    if (
        not widget.isVisible()
        or widget.visibleRegion().boundingRect().height() < 0.8 * widget.height()
    ):
        return False
    window = widget.window()
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return QRect(top_left, widget.size()).intersects(window.rect())


def problems_on(widget: QWidget, t: Theme, what: str) -> list[str]:
    image = drawn(widget)
    surface, ink, ratio = background_and_ink(image)
    if os.environ.get("DUMP"):
        image.save(f"out/dump/{what.replace(' ', '_').replace('/', '_')}.png")
        widget.window().grab().save("out/dump/window.png")
    found = []
    if not any(near(surface, s) for s in surfaces(t)):
        found.append(f"{what}: drawn on {surface}, not a {t.id} surface")
    if ratio < TEXT_CONTRAST:
        found.append(f"{what}: {ratio:.2f}:1 ({ink} on {surface})")
    return found


@pytest.mark.parametrize(
    "start, switch_to", [("light", "dark"), ("dark", "projector"), ("projector", "light")]
)
def test_a_theme_change_restyles_every_visited_page(qtbot, window, start, switch_to):
    window.findChild(QAction, f"theme_{start}_action").trigger()
    positions = first_of_each_type(window)
    for position in positions.values():  # every page type visited before the switch
        window.go_to(position)
        qtbot.wait(10)
    window.go_to(0)

    window.findChild(QAction, f"theme_{switch_to}_action").trigger()
    t = THEMES[switch_to]

    problems: list[str] = []
    for page_type, position in positions.items():
        window.go_to(position)
        qtbot.wait(10)
        page = window.current_view
        assert page is not None
        labels = [w for w in page.findChildren(QLabel) if w.text().strip() and on_screen(w, page)]
        assert labels, page_type
        for label in labels:
            kind = "tag" if isinstance(label, Tag) else "label"
            problems += problems_on(
                label, t, f"{page_type} {kind} {label.objectName() or label.text()[:20]!r}"
            )
        for chart in page.findChildren(QWidget):  # scrolled into view, as the facilitator would
            if type(chart).__name__.endswith("Chart") and chart.isVisible():
                for area in (
                    getattr(page, "scroll_view", None),
                    getattr(page, "scroll_area", None),
                ):
                    if isinstance(area, QScrollArea):
                        area.ensureWidgetVisible(chart)
                        qtbot.wait(10)
        charts = [
            w
            for w in page.findChildren(QWidget)
            if type(w).__name__.endswith(("Chart", "Timeline"))
            and on_screen(w.viewport() if isinstance(w, QAbstractScrollArea) else w, page)
        ]
        for chart in charts:
            chart = (
                chart.viewport() if isinstance(chart, QAbstractScrollArea) else chart
            )  # the matrix, placement and hiring charts; pyqtgraph's progress chart
            problems += problems_on(chart, t, f"{page_type} chart {type(chart).__name__}")
        if page_type in ("matrix", "progress"):
            assert charts, f"the {page_type} page shows its chart"
        for view in page.findChildren(QAbstractItemView):
            if on_screen(view, page) and view.model() is not None and view.model().rowCount() > 0:
                problems += problems_on(
                    view.viewport(), t, f"{page_type} table {view.objectName()!r}"
                )
    for name in ("navigator", "side_panel"):
        panel = window.findChild(QWidget, name)
        if panel is not None and panel.isVisible():
            problems += problems_on(panel, t, name)
    assert not problems, "\n".join(problems)


def test_choosing_a_theme_in_preferences_restyles_the_open_dialog_and_window(qtbot, window):
    from workshop.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(Preferences(), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    combo = dialog.theme_combo
    assert combo.currentData() == "light"
    combo.setFocus()
    target = next(i for i in range(combo.count()) if combo.itemData(i) == "dark")
    while combo.currentIndex() != target:  # the keyboard walks the list, as a user would
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    t = THEMES["dark"]
    problems = []
    for label in dialog.findChildren(QLabel):
        if label.text().strip() and label.isVisible():
            problems += problems_on(label, t, f"dialog label {label.text()!r}")
    page = window.current_view
    assert page is not None
    for label in page.findChildren(QLabel):
        if label.text().strip() and on_screen(label, page):
            problems += problems_on(
                label, t, f"page label {label.objectName() or label.text()[:20]!r}"
            )
    assert not problems, "\n".join(problems)

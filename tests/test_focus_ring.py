"""The focus ring the back row can see: whichever control has the keyboard shows a thick
accent outline (3 px or more, wider when projecting), in every theme; no other control
shows one. Checked on the drawn pixels."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from drawn_colours import near

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from workshop.colours import NON_TEXT_CONTRAST, THEMES, contrast
from workshop.framework import load_framework
from workshop.store import Store, open_store
from workshop.store.demo import build_demo
from workshop.ui import theme
from workshop.ui.controller import SessionController
from workshop.ui.preferences import Preferences
from workshop.ui.workshop_window import WorkshopWindow


def app() -> QApplication:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    return instance


@pytest.fixture(autouse=True)
def _light_again() -> Iterator[None]:
    yield
    theme.apply_theme(app(), "light", 1.0)


def band(image: QImage, width: int) -> list[tuple[int, int, int]]:
    """The pixels of the outermost ``width`` pixels all round ``image``."""
    pixels = []
    for y in range(image.height()):
        for x in range(image.width()):
            if min(x, y, image.width() - 1 - x, image.height() - 1 - y) < width:
                c = image.pixelColor(x, y)
                pixels.append((c.red(), c.green(), c.blue()))
    return pixels


def around(widget: QWidget, grow: int) -> QImage:
    """``widget`` and ``grow`` pixels of its surroundings, as its window draws them."""
    window = widget.window()
    area = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    return window.grab(area.adjusted(-grow, -grow, grow, grow).intersected(window.rect())).toImage()


def ring_share(widget: QWidget, colour: str) -> float:
    """How much of a 3-pixel band round ``widget`` is drawn in ``colour``: the band just
    outside it (where the ring goes) or, where it meets the edge of its panel, just inside."""
    shares = []
    for grow in (theme.ring_width(widget), 0):
        pixels = band(around(widget, grow), 3)
        shares.append(sum(near(p, colour, 8) for p in pixels) / max(1, len(pixels)))
    return max(shares)


def thickness(widget: QWidget, colour: str) -> int:
    """Pixels in ``colour`` in a row, half-way down, from where the ring starts."""
    best = 0
    for grow in (theme.ring_width(widget), 0):
        image = around(widget, grow)
        y = image.height() // 2
        count = 0
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if not near((c.red(), c.green(), c.blue()), colour, 8):
                break
            count += 1
        best = max(best, count)
    return best


def control_form(qtbot) -> tuple[QWidget, list[QWidget]]:  # type: ignore[no-untyped-def]
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    listing = QListWidget()
    listing.addItems(["Product", "Process", "Technical"])
    table = QTableWidget(2, 2)
    table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move within it)
    for row in range(2):
        for column in range(2):
            table.setItem(row, column, QTableWidgetItem(f"{row}{column}"))
    combo = QComboBox()
    combo.addItems(["Ready", "Partial"])
    editable = QComboBox()
    editable.setEditable(True)
    editable.addItems(["Q1 2027"])
    controls: list[QWidget] = [
        QPushButton("Add participant"),
        QLineEdit("Nordvik Ledger"),
        QTextEdit("Notes"),
        QPlainTextEdit("Answer"),
        combo,
        editable,
        QSpinBox(),
        listing,
        table,
        QCheckBox("Blocks the start"),
    ]
    for control in controls:
        if isinstance(control, (QTextEdit, QPlainTextEdit)):
            control.setTabChangesFocus(True)  # as the app's text fields do
        layout.addWidget(control)
    form.resize(500, 900)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form, controls


@pytest.mark.parametrize("theme_id", sorted(THEMES))
def test_tab_moves_a_thick_accent_ring_from_control_to_control(qtbot, theme_id):
    theme.apply_theme(app(), theme_id, 1.0)
    t = THEMES[theme_id]
    assert contrast(t.accent, t.background) >= NON_TEXT_CONTRAST
    form, controls = control_form(qtbot)
    controls[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is controls[0])
    for index, control in enumerate(controls):
        focused = QApplication.focusWidget()
        assert focused is not None
        assert focused is control or control.isAncestorOf(focused), (index, focused)
        assert theme.ring_width(control) >= 3
        assert ring_share(control, t.accent) > 0.9, type(control).__name__
        assert thickness(control, t.accent) >= 3, type(control).__name__
        for other in controls:
            if other is not control:
                assert ring_share(other, t.accent) < 0.3, (
                    type(control).__name__,
                    type(other).__name__,
                )
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def test_the_current_row_of_a_focused_list_is_outlined_too(qtbot):
    theme.apply_theme(app(), "light", 1.0)
    t = THEMES["light"]
    form, controls = control_form(qtbot)
    listing = next(c for c in controls if isinstance(c, QListWidget))
    listing.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(listing.hasFocus)
    listing.setCurrentRow(1, listing.selectionModel().SelectionFlag.NoUpdate)
    qtbot.keyClick(listing, Qt.Key.Key_Down)  # the keyboard moves the current row
    assert listing.currentRow() == 2
    rect = listing.visualItemRect(listing.currentItem())
    viewport = listing.viewport()
    top_left = viewport.mapTo(form, rect.topLeft())
    image = form.grab(QRect(top_left, rect.size())).toImage()
    colours = {t.accent, t.on_accent}
    pixels = band(image, 3)
    assert sum(any(near(p, c, 8) for c in colours) for p in pixels) / len(pixels) > 0.8


@pytest.fixture
def room(qtbot, tmp_path: Path) -> Iterator[WorkshopWindow]:  # type: ignore[no-untyped-def]
    framework = load_framework()
    store: Store = open_store(tmp_path / "w.sqlite3")
    demo = build_demo(framework)
    store.create(demo)
    controller = SessionController(store.load(demo.id), framework, store)
    w = WorkshopWindow(controller, Preferences(), projecting=False)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    yield w
    w.close()
    store.close()


@pytest.mark.parametrize("theme_id", sorted(THEMES))
def test_arriving_on_a_page_rings_its_first_control_and_projecting_widens_it(qtbot, room, theme_id):
    room.findChild(QAction, f"theme_{theme_id}_action").trigger()
    t = THEMES[theme_id]
    panes = [room.findChild(QSplitter, "workshop_splitter").widget(i) for i in range(3)]
    room.navigator.setFocus()
    qtbot.waitUntil(room.navigator.hasFocus)
    assert ring_share(room.navigator, t.accent) > 0.9  # the page list, while it has the keys
    splitter = room.findChild(QSplitter, "workshop_splitter")
    assert [splitter.widget(i) for i in range(splitter.count())] == panes  # the ring is no pane
    start = room.current
    qtbot.keyClick(room.navigator, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert room.current == start + 1
    focused = QApplication.focusWidget()
    assert focused is not None and focused is not room.navigator
    target = (
        focused.parentWidget()
        if isinstance(focused.parentWidget(), (QComboBox, QSpinBox))
        else focused
    )
    assert ring_share(target, t.accent) > 0.9, type(target).__name__
    assert ring_share(room.navigator, t.accent) < 0.3  # the page list gave up its ring
    normal = thickness(target, t.accent)
    assert normal >= 3

    room.projecting_action.trigger()  # F6: the room sees the screen, the type grows
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    focused = QApplication.focusWidget()
    target = (
        focused.parentWidget()
        if isinstance(focused.parentWidget(), (QComboBox, QSpinBox))
        else focused
    )
    assert thickness(target, t.accent) > normal
    assert not isinstance(target, QAbstractItemView) or ring_share(target, t.accent) > 0.9


def test_the_ring_follows_a_control_tabbed_to_below_the_fold(qtbot):
    from PySide6.QtWidgets import QScrollArea

    theme.apply_theme(app(), "projector", 1.0)
    t = THEMES["projector"]
    area = QScrollArea()
    qtbot.addWidget(area)
    content = QWidget()
    layout = QVBoxLayout(content)
    fields = [QLineEdit(f"Field {n}") for n in range(30)]
    for field in fields:
        layout.addWidget(field)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.resize(400, 300)
    area.show()
    qtbot.waitExposed(area)
    area.activateWindow()
    qtbot.waitUntil(area.isActiveWindow)
    fields[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(fields[0].hasFocus)
    for _ in range(len(fields) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert fields[-1].hasFocus()
    assert area.verticalScrollBar().value() > 0  # the page scrolled to show it
    qtbot.wait(20)
    assert ring_share(fields[-1], t.accent) > 0.9
    assert thickness(fields[-1], t.accent) >= 3

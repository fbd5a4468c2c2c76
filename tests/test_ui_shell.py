"""The workshop window, driven as a facilitator would: typing, undo/redo, moving between
pages, projecting, the agenda timer. Assertions look at what is shown and what is stored."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from workshop.domain.agenda import sections_from_preset
from workshop.domain.session import Session
from workshop.framework import load_framework
from workshop.ui.controller import SessionController
from workshop.ui.preferences import Preferences
from workshop.ui.widgets import bound_text
from workshop.ui.widgets.bound_text import BoundLineEdit, BoundTextEdit
from workshop.ui.workshop_window import WorkshopWindow


@pytest.fixture
def session(store: object) -> Session:
    framework = load_framework()
    s = Session(
        organisation="Acme Freight",
        title="ML leadership workshop",
        agenda=sections_from_preset(framework.preset("half_day")),
    )
    store.create(s)  # type: ignore[attr-defined]
    return s


@pytest.fixture
def controller(qtbot, store, session) -> SessionController:  # type: ignore[no-untyped-def]
    return SessionController(session, load_framework(), store)


@pytest.fixture
def window(qtbot, controller) -> WorkshopWindow:  # type: ignore[no-untyped-def]
    w = WorkshopWindow(controller, Preferences(), projecting=False)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def stored(store: object, session_id: str) -> Session:
    return store.load(session_id)  # type: ignore[attr-defined,no-any-return]


# --- bound text, autosave, undo ------------------------------------------------------------


def test_typing_is_saved_after_the_pause_as_one_undo_step(qtbot, controller, store, session):
    field = BoundTextEdit(controller, "answers", "q_custom", "text")
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    qtbot.keyClicks(field, "Invoices & <approvals>")
    field.insertPlainText(" — café ✓")  # what an input method delivers (QTest types ASCII)
    # Not per keystroke: nothing is stored while the user is still typing.
    assert stored(store, session.id).find("answers", "q_custom") is None
    qtbot.waitUntil(lambda: stored(store, session.id).answer("q_custom").text != "", timeout=3000)
    assert stored(store, session.id).answer("q_custom").text == "Invoices & <approvals> — café ✓"
    assert controller.undo_stack.count() == 1

    controller.undo()
    assert field.toPlainText() == ""
    assert stored(store, session.id).find("answers", "q_custom") is None
    controller.redo()
    assert field.toPlainText() == "Invoices & <approvals> — café ✓"
    assert stored(store, session.id).answer("q_custom").text == "Invoices & <approvals> — café ✓"


def test_focus_out_commits_at_once_and_refresh_keeps_typing(qtbot, controller, store, session):
    form = QWidget()
    qtbot.addWidget(form)
    line = BoundLineEdit(controller, None, "", "organisation", form)
    other = QLineEdit(form)
    other.move(0, 40)
    form.show()
    qtbot.waitExposed(form)
    assert line.text() == "Acme Freight"
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "Acme Logistics")
    controller.changed.emit(None)  # a refresh while typing must not clobber the text
    assert line.text() == "Acme Logistics"
    # Tab to the next field (sent directly: offscreen windows are not always activated).
    QApplication.sendEvent(line, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    assert stored(store, session.id).organisation == "Acme Logistics"
    assert controller.undo_stack.count() == 1


def test_typing_in_the_notes_panel_is_saved_and_undone_with_the_window_shortcut(
    qtbot, window, store, session
):
    notes = window.findChild(QPlainTextEdit, "private_notes")
    page_id = window.current_page.id
    notes.setFocus()
    qtbot.keyClicks(notes, "CFO sceptical")
    qtbot.wait(bound_text.PAUSE_MS + 200)
    assert stored(store, session.id).page_record(page_id).note == "CFO sceptical"
    window.navigator.setFocus()  # Ctrl+Z outside a text field undoes on the session
    qtbot.keyClick(window.navigator, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert notes.toPlainText() == ""
    assert stored(store, session.id).page_record(page_id).note == ""
    window.redo_action.trigger()
    assert notes.toPlainText() == "CFO sceptical"
    assert stored(store, session.id).page_record(page_id).note == "CFO sceptical"


def test_ctrl_s_flushes_pending_text_and_says_saved(qtbot, window, store, session):
    notes = window.findChild(QPlainTextEdit, "private_notes")
    notes.setFocus()
    qtbot.keyClicks(notes, "Check data owner")
    qtbot.keyClick(notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(store, session.id).page_record(window.current_page.id).note == "Check data owner"
    assert window.save_label.text().startswith("Saved ")


def test_store_failure_keeps_the_work_and_retries(qtbot, controller, store, session, monkeypatch):
    messages: list[str] = []
    controller.save_failed.connect(messages.append)
    real_apply = store.apply

    def broken(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store, "apply", broken)
    field = BoundLineEdit(controller, None, "", "title")
    qtbot.addWidget(field)
    field.setText("Kept in memory")
    field.binding.pending = True
    field.commit()
    assert controller.session.title == "Kept in memory"
    assert len(messages) == 1 and "disk full" in messages[0]
    assert controller.has_unsaved
    monkeypatch.setattr(store, "apply", real_apply)
    controller.flush()
    assert not controller.has_unsaved
    assert stored(store, session.id).title == "Kept in memory"


# --- navigation -----------------------------------------------------------------------------


def test_ctrl_page_down_and_up_move_page_by_page_across_sections(qtbot, window):
    stops = window.stops
    first_section = stops[0].section_id
    last_in_first = max(i for i, s in enumerate(stops) if s.section_id == first_section)
    for _ in range(last_in_first + 1):
        qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current == last_in_first + 1
    assert stops[window.current].section_id != first_section  # crossed into the next section
    shown = window.page_stack.currentWidget()
    assert shown.objectName().endswith(stops[window.current].page.id)
    assert window.navigator.currentItem().text(0).startswith("\u25b6")
    assert stops[window.current].page.title in window.navigator.currentItem().toolTip(0)
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current == last_in_first
    assert window.side_panel.guidance.text() == (
        stops[last_in_first].page.guidance or "No guidance for this page."
    )


def test_page_done_mark_shows_in_navigator_and_is_stored(qtbot, window, store, session):
    page_id = window.current_page.id
    check = window.side_panel.done_check
    qtbot.mouseClick(
        check,
        Qt.MouseButton.LeftButton,
        pos=check.rect().topLeft() + QPoint(4, check.height() // 2),
    )
    assert stored(store, session.id).page_record(page_id).status == "done"
    window.next_page()
    item_text = window.navigator.item_text(0)
    assert item_text.startswith("\u2713")


# --- projecting ------------------------------------------------------------------------------


def _visible_text(root: QWidget) -> str:
    parts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, (QLabel, QLineEdit)):
            parts.append(w.text())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            parts.append(w.toPlainText())
        elif isinstance(w, QAbstractButton):
            parts.append(w.text())
        elif isinstance(w, QTreeWidget):
            iterator = [w.topLevelItem(i) for i in range(w.topLevelItemCount())]
            while iterator:
                item = iterator.pop()
                parts.append(item.text(0))
                iterator.extend(item.child(i) for i in range(item.childCount()))
    return "\n".join(parts)


def test_projecting_hides_every_private_text(qtbot, window, controller):
    from workshop.domain.edits import set_keyed_field

    secret = "SECRET: CTO wants out"
    for stop in window.stops[:3]:
        controller.push(set_keyed_field(controller.session, "pages", stop.page.id, "note", secret))
    # A page widget marked private also disappears.
    view = window.current_view
    if hasattr(view, "mark_private"):
        hint = QLabel("SECRET facilitator hint", view)
        view.mark_private(hint)
        hint.show()
    assert secret in _visible_text(window)
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert window.projecting
    assert window.projecting_action.isChecked()
    assert "Projecting" in window.projecting_indicator.text()
    for position in range(3):
        window.go_to(position)
        text = _visible_text(window)
        assert "SECRET" not in text
    assert window.font().pointSizeF() > QApplication.font().pointSizeF()  # type is enlarged
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert not window.projecting and secret in _visible_text(window)


def test_projecting_defaults_on_with_one_screen(qtbot, controller):
    w = WorkshopWindow(controller, Preferences())
    qtbot.addWidget(w)
    assert len(QApplication.screens()) == 1
    assert w.projecting and not w.side_panel.isVisibleTo(w)


# --- timer ---------------------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def test_timer_warns_in_words_and_records_time(qtbot, controller, store, session):
    clock = FakeClock()
    w = WorkshopWindow(controller, Preferences(), projecting=False, clock=clock)
    qtbot.addWidget(w)
    w.show()
    timer = w.timer_widget
    section = session.agenda[0]
    planned = section.planned_minutes * 60
    assert timer.section_label.text() == section.title
    qtbot.mouseClick(timer.start_button, Qt.MouseButton.LeftButton)
    assert timer.start_button.text() == "Pause timer"

    clock.now += planned * 0.5
    timer.tick()
    assert timer.status_label.text().endswith("min left")
    assert timer.status_label.property("theme_level") == "normal"

    clock.now += planned * 0.35  # 15 % left: amber
    timer.tick()
    assert timer.status_label.property("theme_level") == "warning"
    assert "left" in timer.status_label.text() and timer.status_label.text().startswith("\u26a0")

    clock.now += planned * 0.12  # 3 % left: red
    timer.tick()
    assert timer.status_label.property("theme_level") == "danger"

    clock.now += planned * 0.03 + 120  # two minutes over
    timer.tick()
    assert "Over by 2 min" in timer.status_label.text()
    assert timer.status_label.property("theme_level") == "danger"
    assert timer.schedule_label.text() == "2 min behind schedule"

    qtbot.mouseClick(timer.start_button, Qt.MouseButton.LeftButton)  # pause records
    assert stored(store, session.id).agenda[0].actual_seconds == planned + 120
    assert controller.undo_stack.count() == 0  # timing is not an undo step
    clock.now += 600  # paused: nothing counts
    timer.tick()
    assert "Over by 2 min" in timer.status_label.text()
    assert "min\u00a0/" in w.navigator.topLevelItem(0).text(0)  # time spent / planned


def test_zoom_and_theme_apply_live_and_persist(qtbot, window):
    before = window.font().pointSizeF()
    window.zoom_in_action.trigger()
    assert window.font().pointSizeF() > before
    assert Preferences().zoom > 1.0
    window.zoom_reset_action.trigger()
    assert window.font().pointSizeF() == pytest.approx(before)
    window.set_theme("dark")
    assert QApplication.palette().color(QApplication.palette().ColorRole.Window).name() == "#16191d"
    assert Preferences().theme == "dark"
    window.set_theme("light")


def test_controls_have_names_and_are_reachable_by_tab(qtbot, window):
    for name in (
        "navigator",
        "private_notes",
        "page_done_check",
        "timer_start_button",
        "projecting_button",
        "theme_button",
    ):
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, name


def test_ctrl_n_in_a_workshop_closes_it_and_asks_for_a_new_one(qtbot, window, store, session):
    notes = window.findChild(QPlainTextEdit, "private_notes")
    qtbot.keyClicks(notes, "flushed on close")
    with qtbot.waitSignal(window.new_requested, timeout=1000):
        window.new_action.trigger()
    assert not window.isVisible()
    assert stored(store, session.id).page_record(window.stops[0].page.id).note == "flushed on close"


def test_a_long_value_is_shown_from_its_start(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    from workshop.domain.edits import set_session_field

    field = BoundLineEdit(controller, None, "", "organisation")
    qtbot.addWidget(field)
    field.resize(120, field.sizeHint().height())
    controller.push(
        set_session_field(controller.session, "organisation", "Product management " * 4)
    )
    assert field.text().startswith("Product management")
    assert field.cursorPosition() == 0  # the first words are in view, not the last letters

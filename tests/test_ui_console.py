"""Two screens: the projector shows the audience view, the laptop keeps the workshop window
as the facilitator's console (current and next page, notes, timer) and the keys work there.

Qt's offscreen platform takes its screens from a configuration file read at start-up, so
these run the real workshop window in a child process with a laptop and a projector. The
script presses keys where the keyboard is (``QApplication.focusWidget()``) and triggers the
window's actions, then reports what is on each screen; the assertions are here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from ui_helpers import two_screens_platform

CONSOLE_SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
app = QApplication([])
from workshop.framework import load_framework
from workshop.store import open_store
from workshop.store.demo import build_demo
from workshop.ui.controller import SessionController
from workshop.ui.preferences import Preferences
from workshop.ui.workshop_window import WorkshopWindow

framework = load_framework()
session = build_demo(framework)
store = open_store(Path(sys.argv[1]))
store.create(session)
controller = SessionController(store.load(session.id), framework, store)
now = [1000.0]
window = WorkshopWindow(controller, Preferences(), projecting=False, clock=lambda: now[0])
laptop, projector = app.screens()
window.setScreen(laptop)
window.setGeometry(laptop.availableGeometry())
window.show()
window.activateWindow()
app.processEvents()
report = {}

def settle():
    for _ in range(5):
        app.processEvents()

def press(key, modifier=Qt.KeyboardModifier.NoModifier):
    focused = QApplication.focusWidget()
    report.setdefault("pressed_on", []).append(focused.objectName() if focused else None)
    QTest.keyClick(focused, key, modifier)
    settle()

def texts(widget):
    return [l.text() for l in widget.findChildren(QLabel) if l.isVisibleTo(widget) and l.text()]

def console_text(name):
    label = window.findChild(QLabel, name)
    return label.text() if label is not None and label.isVisible() else None

maturity = next(i for i, s in enumerate(window.stops)
                if s.page.page_type == "maturity"
                and any(not controller.session.rating(st.id).is_rated
                        for st in framework.statements_for(s.page.ref)))
# Every page visited once first: on Qt's offscreen platform the first visit of some pages
# leaves no active window (it happens without presenting too), which is not what this tests.
for position in range(len(window.stops)):
    window.go_to(position)
settle()
window.go_to(maturity)
window.activateWindow()
settle()
window.present_action.trigger()
settle()
view = window.presenter.view
report["view_screen"] = view.screen().name()
report["window_screen"] = window.screen().name()
console = window.findChild(QWidget, "facilitator_console")
report["console_visible"] = console is not None and console.isVisible()
report["console_has_keyboard"] = QApplication.focusWidget() is console
report["side_panel_in_console"] = console is not None and console.isAncestorOf(window.side_panel)
report["now"] = console_text("console_now")
report["next"] = console_text("console_next")
report["next_summary"] = console_text("console_next_summary")
report["notes_visible"] = window.findChild(QWidget, "private_notes").isVisible()
report["now_preview"] = not window.findChild(QWidget, "console_now_preview").pixmap().isNull()
report["next_preview"] = not window.findChild(QWidget, "console_next_preview").pixmap().isNull()
report["window_fits_laptop"] = window.height() <= laptop.availableGeometry().height()
report["expected_now"] = window.stops[maturity].page.title
report["expected_next"] = window.stops[maturity + 1].page.title

# The statement being rated is highlighted and numbered on the projector.
def highlighted():
    rows = [w for w in view.findChildren(QWidget, "audience_row")
            if w.isVisible() and w.property("highlighted")]
    out = []
    for row in rows:
        number = row.findChild(QLabel, "audience_row_number")
        text = row.findChild(QLabel, "audience_row_text")
        out.append([number.text(), " ".join(text.text().split())])
    return out

page = window.current_view
report["page_statement"] = page.current_item()
report["highlighted_before"] = highlighted()
press(Qt.Key.Key_Down)          # to the next statement on the laptop's page
report["page_statement_after_down"] = page.current_item()
report["highlighted_after_down"] = highlighted()
report["keyboard_after_down"] = QApplication.focusWidget() is console
press(Qt.Key.Key_3)             # rates it
report["rated"] = store.load(session.id).rating(page.current_item()).score
value = [r.findChild(QLabel, "audience_row_value").text()
         for r in view.findChildren(QWidget, "audience_row") if r.property("highlighted")]
report["highlighted_value"] = value
press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)   # undo
report["after_undo"] = store.load(session.id).rating(report["page_statement_after_down"]).score

# Clicker keys on the console move the room page by page.
steps = []
for key in (Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_Left,
            Qt.Key.Key_PageUp):
    press(key)
    steps.append([window.current - maturity, view.page_id == window.current_page.id,
                  console_text("console_now") == window.current_page.title])
report["steps"] = steps
press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
report["ctrl_pgdown"] = window.current - maturity

press(Qt.Key.Key_B)
report["black"] = [view.blacked_out, console_text("console_where")]
press(Qt.Key.Key_B)
report["black_again"] = [view.blacked_out, console_text("console_where")]

# The timer: Ctrl+T starts it; past the section's time the console says so in its colours.
press(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
report["timer_running"] = window.timer_widget.timer.running
section = controller.session.find("agenda", window.timer_widget.timer.section_id)
now[0] += section.planned_minutes * 60 + 125
window.console_mode.console.update_timer()
report["timer_status"] = console_text("console_timer_status")
status = window.findChild(QLabel, "console_timer_status")
report["timer_level"] = status.property("theme_level")
report["timer_clock"] = console_text("console_timer_clock")

press(Qt.Key.Key_F6)
report["projecting_after_f6"] = window.projecting
report["notes_after_f6"] = window.findChild(QWidget, "private_notes").isVisible()
press(Qt.Key.Key_F6)

press(Qt.Key.Key_Escape)
report["presenting_after_esc"] = window.presenting
report["console_after_esc"] = window.findChild(QWidget, "facilitator_console") is not None and \\
    window.findChild(QWidget, "facilitator_console").isVisible()
report["side_panel_back"] = window.side_panel.parentWidget() is window.centralWidget()
report["side_panel_visible"] = window.side_panel.isVisible()
print("REPORT " + json.dumps(report))
window.close()
store.close()
"""


def run_console(tmp_path: Path) -> dict[str, Any]:
    script = tmp_path / "console.py"
    script.write_text(textwrap.dedent(CONSOLE_SCRIPT))
    env = dict(os.environ, QT_QPA_PLATFORM=two_screens_platform(tmp_path))
    result = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "console.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    line = next((x for x in result.stdout.splitlines() if x.startswith("REPORT ")), None)
    assert line, result.stdout + result.stderr
    return dict(json.loads(line.removeprefix("REPORT ")))


def test_the_laptop_becomes_the_console_and_the_keys_work_there(tmp_path: Path) -> None:
    report = run_console(tmp_path)
    # The room's view on the projector, the console on the laptop, with the keyboard.
    assert report["view_screen"] == "projector" and report["window_screen"] == "laptop"
    assert report["console_visible"] and report["console_has_keyboard"]
    assert report["now"] == report["expected_now"]
    assert report["next"] == f"Next: {report['expected_next']}"
    assert report["next_summary"]  # the next page's kind ("Exploring · maturity check…")
    assert report["now_preview"] and report["next_preview"]
    assert report["window_fits_laptop"]  # the console never makes the window taller
    # The notes stay on the laptop, inside the console.
    assert report["side_panel_in_console"] and report["notes_visible"]

    # The statement being rated is the one highlighted (and numbered) for the room.
    before = report["highlighted_before"]
    assert len(before) == 1 and before[0][0].startswith("▶ ")
    after = report["highlighted_after_down"]
    assert report["page_statement_after_down"] != report["page_statement"]
    assert len(after) == 1 and after[0][0] != before[0][0]
    assert int(after[0][0].removeprefix("▶ ").rstrip(".")) == (
        int(before[0][0].removeprefix("▶ ").rstrip(".")) + 1
    )
    assert report["keyboard_after_down"]  # ↓ moved the statement, not the keyboard
    assert report["rated"] == 3 and report["highlighted_value"] == ["3"]
    assert report["after_undo"] != 3

    # PgDown, Space, → forward; ←, PgUp back: the room and the console follow.
    assert report["steps"] == [
        [1, True, True],
        [2, True, True],
        [3, True, True],
        [2, True, True],
        [1, True, True],
    ]
    assert report["ctrl_pgdown"] == 2
    assert report["black"][0] and "blacked out" in report["black"][1]
    assert not report["black_again"][0] and report["black_again"][1] == "On the projector"

    assert report["timer_running"]
    assert report["timer_status"].startswith(("⚠", "‼")) and "Over" in report["timer_status"]
    assert report["timer_level"] in ("warning", "danger")
    assert report["timer_clock"].startswith("-")

    # F6 (projecting on the laptop) hides the notes in the console too.
    assert report["projecting_after_f6"] and not report["notes_after_f6"]
    # Esc: presenting ends, the side panel goes back where it was.
    assert not report["presenting_after_esc"] and not report["console_after_esc"]
    assert report["side_panel_back"] and report["side_panel_visible"]
    # Every key was pressed where the keyboard was: on the console.
    assert set(report["pressed_on"]) == {"facilitator_console"}

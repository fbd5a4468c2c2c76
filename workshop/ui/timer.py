"""The agenda timer in the toolbar: countdown for the current section, start/pause, and
the overall ahead/behind figure.

Time spent is written to ``AgendaSection.actual_seconds`` with ``controller.record`` — saved
at once but *not* an undo step: undoing "the clock ran" makes no sense, and one step per
pause would bury the facilitator's real edits under timer entries. It is recorded on pause,
when the section changes, when the workshop closes, and once a minute while running (so a
crash loses at most a minute of timing, never any typed work).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from workshop.domain.agenda import (
    AgendaTimer,
    Clock,
    Level,
    TimerStatus,
    schedule_label,
    schedule_offset_seconds,
)
from workshop.domain.edits import set_item_field
from workshop.ui import theme
from workshop.ui.controller import SessionController

RECORD_EVERY_S = 60
# Symbols the shipped font has (a missing glyph would show as an empty box).
ICONS = {Level.NORMAL: "", Level.WARNING: "\u26a0 ", Level.DANGER: "\u26a0 "}


class TimerWidget(QWidget):
    def __init__(
        self,
        controller: SessionController,
        clock: Clock = time.monotonic,
        parent: QWidget | None = None,
        *,
        tick_ms: int = 1000,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agenda_timer")
        self.controller = controller
        self.timer = AgendaTimer(clock)
        self._clock = clock
        self._last_record = clock()

        self.section_label = QLabel(self)
        self.section_label.setObjectName("timer_section_label")
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("timer_clock_label")
        self.clock_label.setAccessibleName("Time left in this section")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("timer_status_label")
        self.schedule_label = QLabel(self)
        self.schedule_label.setObjectName("schedule_label")
        theme.set_role(self.schedule_label, "muted")
        self.start_button = QPushButton("Start timer", self)
        self.start_button.setObjectName("timer_start_button")
        self.start_button.setAccessibleName("Start or pause the section timer")
        self.start_button.clicked.connect(self.toggle)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.section_label,
            self.clock_label,
            self.status_label,
            self.start_button,
            self.schedule_label,
        ):
            row.addWidget(widget)

        self._ticker = QTimer(self)
        self._ticker.setInterval(tick_ms)
        self._ticker.timeout.connect(self.tick)
        controller.changed.connect(lambda _edit: self.update_display())
        self.update_display()

    # --- which section ------------------------------------------------------------------

    def _section(self, section_id: str | None):  # -> AgendaSection | None
        if section_id is None:
            return None
        return self.controller.session.find("agenda", section_id)

    def set_section(self, section_id: str | None) -> None:
        """Follow the page's section; a running timer moves on with the facilitator."""
        if section_id == self.timer.section_id:
            return
        running = self.timer.running
        self.record()
        self.timer.pause()
        section = self._section(section_id)
        if section is None:
            self.timer.section_id = None
            running = False
        else:
            self.timer.select(section.id, section.actual_seconds)
            if running:
                self.timer.start()
        self.update_display()

    # --- start / pause / record ---------------------------------------------------------

    def toggle(self) -> None:
        if self.timer.running:
            self.pause()
        else:
            self.start()

    def start(self) -> None:
        if self.timer.section_id is None:
            return
        self.timer.start()
        self._last_record = self._clock()
        self._ticker.start()
        self.update_display()

    def pause(self) -> None:
        self.timer.pause()
        self._ticker.stop()
        self.record()
        self.update_display()

    def record(self) -> None:
        """Write the current section's total time into the session (no undo step)."""
        section = self._section(self.timer.section_id)
        if section is None:
            return
        total = self.timer.recorded_total()
        if total != section.actual_seconds:
            self.controller.record(
                set_item_field(
                    self.controller.session,
                    "agenda",
                    section.id,
                    "actual_seconds",
                    total,
                    "Record time spent",
                )
            )
        self._last_record = self._clock()

    def tick(self) -> None:
        if self.timer.running and self._clock() - self._last_record >= RECORD_EVERY_S:
            self.record()
        self.update_display()

    # --- display ------------------------------------------------------------------------

    def section_seconds(self) -> dict[str, float]:
        """Time spent per section, counting the running stretch (for the navigator)."""
        spent: dict[str, float] = {
            s.id: float(s.actual_seconds) for s in self.controller.session.agenda
        }
        if self.timer.section_id in spent:
            spent[self.timer.section_id] = self.timer.elapsed()
        return spent

    def status(self) -> TimerStatus | None:
        section = self._section(self.timer.section_id)
        return None if section is None else self.timer.status(section.planned_minutes)

    def update_display(self) -> None:
        section = self._section(self.timer.section_id)
        self.start_button.setText("Pause timer" if self.timer.running else "Start timer")
        self.start_button.setEnabled(section is not None)
        if section is None:
            self.section_label.setText("No agenda section")
            self.clock_label.setText("")
            self.status_label.setText("")
            theme.set_level(self.status_label, "normal")
            self.schedule_label.setText("")
            return
        status = self.timer.status(section.planned_minutes)
        # Room for the longest section title, so the toolbar never clips it.
        metrics = self.section_label.fontMetrics()
        widest = max(metrics.horizontalAdvance(s.title) for s in self.controller.session.agenda)
        self.section_label.setMinimumWidth(widest + metrics.averageCharWidth())
        self.section_label.setText(section.title)
        self.clock_label.setText(status.clock_text)
        self.status_label.setText(ICONS[status.level] + status.label)
        self.status_label.setAccessibleName(status.label)
        theme.set_level(self.status_label, status.level.value)
        theme.set_level(self.clock_label, status.level.value)
        agenda = self.controller.session.agenda
        index = next(i for i, s in enumerate(agenda) if s.id == section.id)
        offset = schedule_offset_seconds(agenda, index, self.timer.elapsed())
        self.schedule_label.setText(schedule_label(offset))

    def shutdown(self) -> None:
        """Pause and record (closing the workshop)."""
        self._ticker.stop()
        if self.timer.running:
            self.timer.pause()
        self.record()

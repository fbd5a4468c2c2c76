"""The agenda timer and schedule arithmetic, with the clock injected (no Qt, no wall time).

The facilitator starts and pauses a countdown per agenda section. A section warns when 20 %
of its planned time is left and turns to danger at 5 % (and stays there once over time); the
label always says it in words too, so nothing depends on colour. The overall figure says how
far ahead of or behind the plan the workshop is.

Time already spent on a section is kept in ``AgendaSection.actual_seconds``; the timer adds
the running stretch on top, and the caller records the total back into the session when the
timer pauses or moves to another section (see :meth:`AgendaTimer.recorded_total`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from workshop.domain.session import AgendaSection, new_id
from workshop.framework.model import AgendaPreset

Clock = Callable[[], float]  # monotonic seconds, e.g. time.monotonic

WARNING_FRACTION = 0.20  # amber when this share of the planned time (or less) is left
DANGER_FRACTION = 0.05  # red when this share (or less) is left, and when over time
# A section the timer ran on for less than this was passed through (paging to another part
# of the workshop), not worked on: the schedule does not count it as done.
PASS_THROUGH_SECONDS = 60


class Level(StrEnum):
    NORMAL = "normal"
    WARNING = "warning"
    DANGER = "danger"


@dataclass(frozen=True)
class TimerStatus:
    level: Level
    remaining_seconds: int  # negative when over time
    label: str  # "12 min left", "40 s left", "Over by 2 min"

    @property
    def clock_text(self) -> str:
        """The countdown as m:ss ("-1:05" when over time)."""
        sign = "-" if self.remaining_seconds < 0 else ""
        minutes, seconds = divmod(abs(self.remaining_seconds), 60)
        return f"{sign}{minutes}:{seconds:02d}"


def _amount(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} s"
    return f"{math.ceil(seconds / 60)} min"


def timer_status(planned_minutes: int, elapsed_seconds: float) -> TimerStatus:
    """How a section stands after ``elapsed_seconds`` of its ``planned_minutes``."""
    planned = max(0, planned_minutes) * 60
    elapsed = int(elapsed_seconds)
    remaining = planned - elapsed
    if remaining < 0:
        return TimerStatus(Level.DANGER, remaining, f"Over by {_amount(-remaining)}")
    if remaining == 0:
        return TimerStatus(Level.DANGER, 0, "Time is up")
    share_left = remaining / planned
    if share_left <= DANGER_FRACTION:
        level = Level.DANGER
    elif share_left <= WARNING_FRACTION:
        level = Level.WARNING
    else:
        level = Level.NORMAL
    return TimerStatus(level, remaining, f"{_amount(remaining)} left")


class AgendaTimer:
    """A stopwatch per section; at most one section runs at a time.

    ``base_seconds`` is what the session already records for the section, so a timer
    restarted after reopening the workshop carries on from there.
    """

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self.section_id: str | None = None
        self._base = 0.0  # seconds recorded in the session when this run started
        self._started_at: float | None = None  # clock reading of the current run

    @property
    def running(self) -> bool:
        return self._started_at is not None

    def elapsed(self) -> float:
        """Total seconds spent on the current section, including the running stretch."""
        running = 0.0 if self._started_at is None else self._clock() - self._started_at
        return self._base + running

    def select(self, section_id: str, base_seconds: int) -> None:
        """Show ``section_id`` (paused). Pause and record the previous section first."""
        if self.running:
            raise RuntimeError("pause the running section before selecting another")
        self.section_id = section_id
        self._base = float(base_seconds)

    def start(self) -> None:
        if self.section_id is None:
            raise RuntimeError("no section selected")
        if self._started_at is None:
            self._started_at = self._clock()

    def pause(self) -> None:
        if self._started_at is not None:
            self._base += self._clock() - self._started_at
            self._started_at = None

    def recorded_total(self) -> int:
        """The whole seconds to store in ``actual_seconds`` for the current section now."""
        return int(self.elapsed())

    def status(self, planned_minutes: int) -> TimerStatus:
        return timer_status(planned_minutes, self.elapsed())


def schedule_offset_seconds(
    sections: Sequence[AgendaSection], current_index: int, current_elapsed: float
) -> int:
    """Seconds behind (positive) or ahead of (negative) the plan.

    Sections before the current one that the timer measured add what they took minus what
    was planned; a section never timed counts nothing (the facilitator may simply not use
    the timer, and a guess would mislead), and neither does one timed for less than
    :data:`PASS_THROUGH_SECONDS` — paging through it on the way to another part of the
    workshop is not doing it in no time. The current section only counts once it runs
    over; sections after it have not started and count nothing.
    """
    offset = 0.0
    for index, section in enumerate(sections):
        planned = section.planned_minutes * 60
        if index < current_index and section.actual_seconds >= PASS_THROUGH_SECONDS:
            offset += section.actual_seconds - planned
        elif index == current_index:
            offset += max(0.0, current_elapsed - planned)
    return int(offset)


def schedule_label(offset_seconds: int) -> str:
    minutes = round(abs(offset_seconds) / 60)
    if minutes == 0:
        return "On schedule"
    word = "behind" if offset_seconds > 0 else "ahead of"
    return f"{minutes} min {word} schedule"


def sections_from_preset(preset: AgendaPreset) -> list[AgendaSection]:
    """The editable agenda of a new workshop, copied from a content preset."""
    return [
        AgendaSection(
            id=new_id(), title=s.title, page_ids=tuple(s.pages), planned_minutes=s.minutes
        )
        for s in preset.sections
    ]

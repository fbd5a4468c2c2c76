"""The agenda timer and schedule figure, driven by a fake clock."""

from __future__ import annotations

import pytest

from workshop.domain.agenda import (
    AgendaTimer,
    Level,
    schedule_label,
    schedule_offset_seconds,
    sections_from_preset,
    timer_status,
)
from workshop.domain.session import AgendaSection
from workshop.framework.model import AgendaPreset
from workshop.framework.model import AgendaSection as PresetSection


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("elapsed", "level", "label"),
    [
        (0, Level.NORMAL, "10 min left"),
        (7 * 60, Level.NORMAL, "3 min left"),  # 30 % left
        (8 * 60, Level.WARNING, "2 min left"),  # exactly 20 % left
        (9 * 60 + 29, Level.WARNING, "31 s left"),
        (9 * 60 + 30, Level.DANGER, "30 s left"),  # exactly 5 % left
        (10 * 60, Level.DANGER, "Time is up"),
        (12 * 60, Level.DANGER, "Over by 2 min"),
        (10 * 60 + 61, Level.DANGER, "Over by 2 min"),  # a started minute counts
    ],
)
def test_status_thresholds_and_labels(elapsed: int, level: Level, label: str) -> None:
    status = timer_status(10, elapsed)
    assert status.level is level
    assert status.label == label


def test_clock_text_counts_down_and_past_zero() -> None:
    assert timer_status(10, 65).clock_text == "8:55"
    assert timer_status(1, 125).clock_text == "-1:05"


def test_timer_runs_only_while_started_and_keeps_recorded_time() -> None:
    clock = FakeClock()
    timer = AgendaTimer(clock)
    timer.select("intro", base_seconds=90)
    clock.now += 100
    assert timer.elapsed() == 90  # not started: nothing counts
    timer.start()
    clock.now += 30
    assert timer.recorded_total() == 120
    timer.pause()
    clock.now += 500
    assert timer.recorded_total() == 120
    timer.start()
    clock.now += 15
    assert timer.status(planned_minutes=3).label == "45 s left"


def test_selecting_another_section_requires_a_pause() -> None:
    clock = FakeClock()
    timer = AgendaTimer(clock)
    timer.select("a", 0)
    timer.start()
    with pytest.raises(RuntimeError):
        timer.select("b", 0)
    timer.pause()
    timer.select("b", 40)
    assert timer.section_id == "b" and timer.elapsed() == 40


def test_schedule_offset() -> None:
    sections = [
        AgendaSection(id="a", planned_minutes=10, actual_seconds=13 * 60),  # 3 min over
        AgendaSection(id="b", planned_minutes=20, actual_seconds=5 * 60),  # 15 min back
        AgendaSection(id="x", planned_minutes=20, actual_seconds=0),  # never timed: nothing
        AgendaSection(id="c", planned_minutes=30, actual_seconds=0),
        AgendaSection(id="d", planned_minutes=30, actual_seconds=0),
    ]
    # Current section c, within its time: the finished ones decide.
    assert schedule_offset_seconds(sections, 3, 25 * 60) == -12 * 60
    assert schedule_label(-12 * 60) == "12 min ahead of schedule"
    # c runs 25 min over its plan.
    assert schedule_offset_seconds(sections, 3, 55 * 60) == 13 * 60
    assert schedule_label(13 * 60) == "13 min behind schedule"
    assert schedule_label(20) == "On schedule"


def test_sections_from_preset_copies_titles_pages_and_minutes() -> None:
    preset = AgendaPreset(
        id="half_day",
        name="Half day",
        statement_set="core",
        sections=(
            PresetSection(id="s1", title="Welcome", minutes=15, pages=("overview",)),
            PresetSection(id="s2", title="Maturity", minutes=45, pages=("m1", "m2")),
        ),
    )
    sections = sections_from_preset(preset)
    assert [(s.title, s.page_ids, s.planned_minutes) for s in sections] == [
        ("Welcome", ("overview",), 15),
        ("Maturity", ("m1", "m2"), 45),
    ]
    assert len({s.id for s in sections}) == 2


def test_paging_through_sections_with_the_timer_running_keeps_the_schedule() -> None:
    """Sections visited for under a minute were passed through, not done in no time."""
    clock = FakeClock()
    timer = AgendaTimer(clock)
    sections = [
        AgendaSection(id="welcome", planned_minutes=10),
        AgendaSection(id="check", planned_minutes=30),
        AgendaSection(id="strategy", planned_minutes=45),
        AgendaSection(id="matrix", planned_minutes=30),
        AgendaSection(id="wrap", planned_minutes=20),
    ]
    recorded = {s.id: 0 for s in sections}

    def visit(index: int, seconds: float) -> int:
        """Arrive on a section with the timer running, stay, then move on (recording)."""
        section = sections[index]
        timer.select(section.id, recorded[section.id])
        timer.start()
        clock.now += seconds
        offset = schedule_offset_seconds(current(), index, timer.elapsed())
        timer.pause()
        recorded[section.id] = timer.recorded_total()
        return offset

    def current() -> list[AgendaSection]:
        return [
            AgendaSection(id=s.id, planned_minutes=s.planned_minutes, actual_seconds=recorded[s.id])
            for s in sections
        ]

    visit(0, 22 * 60)  # the welcome ran 12 min over
    assert schedule_label(visit(1, 5)) == "12 min behind schedule"
    for index in (2, 3):
        visit(index, 8)  # Ctrl+PgDown through two sections: a few seconds each
    assert schedule_label(visit(4, 20)) == "12 min behind schedule"
    # Back to the check, worked on properly this time: it counts once the room moves on.
    visit(1, 20 * 60)
    assert schedule_label(visit(2, 30)) == "2 min behind schedule"  # 12 over, then 10 back


def test_a_section_timed_for_a_minute_or_more_counts() -> None:
    sections = [
        AgendaSection(id="a", planned_minutes=10, actual_seconds=59),  # passed through
        AgendaSection(id="b", planned_minutes=10, actual_seconds=60),  # a short section, done
        AgendaSection(id="c", planned_minutes=10),
    ]
    assert schedule_offset_seconds(sections, 2, 0) == 60 - 10 * 60

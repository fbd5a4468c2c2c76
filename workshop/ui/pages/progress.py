"""Progress across workshops: the company's journey from its first workshop to this one.

The chart (pyqtgraph, imported only when this page is built: see
:mod:`workshop.ui.widgets.progress_chart`) shows each readiness dimension per workshop on
a time axis; below it, the stage worked on and the actions agreed and done per workshop, and
the statements that moved most. The series is this workshop and the ones it follows up,
read from this database; a follow-up whose first workshop is elsewhere still shows two
points from the ratings it carried (:func:`workshop.domain.progress.progress`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from workshop.domain.progress import Progress, progress, series_of
from workshop.domain.session import Session
from workshop.ui.pages.base import register
from workshop.ui.pages.common import (
    SECTION,
    TITLE,
    BasePage,
    EmptyState,
    named,
    plain_label,
    scroll_area,
)

if TYPE_CHECKING:
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController
    from workshop.ui.widgets.progress_chart import ProgressChart


def long_date(day: object) -> str:
    return day.strftime("%d %b %Y").lstrip("0") if hasattr(day, "strftime") else ""


@register
class ProgressPage(BasePage):
    page_type = "progress"
    report_sections = ("progress",)

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        self.journey: Progress | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_view = scroll_area("progress_scroll", "Progress")
        # A page to read: the arrow keys and PgUp/PgDn scroll it, so it takes the keyboard.
        self.scroll_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        outer.addWidget(self.scroll_view)
        body = QWidget()
        self.scroll_view.setWidget(body)
        layout = self.page_layout(body)
        self.title_label = named(plain_label("Progress across workshops"), "title_label")
        self.scaled(self.title_label, TITLE, bold=True)
        layout.addWidget(self.title_label)
        self.empty_state = named(
            EmptyState(
                "This is the first rated workshop of the series. Progress shows from the "
                "first follow-up (Library: Duplicate as follow-up)."
            ),
            "empty_state",
            "No series yet",
        )
        layout.addWidget(self.empty_state)
        # The chart module pulls in pyqtgraph: imported here, when the page is built.
        from workshop.ui.widgets.progress_chart import ProgressChart

        self.chart: ProgressChart = ProgressChart()
        layout.addWidget(self.chart)
        self.stages_title = named(
            plain_label("Stage and actions, workshop by workshop"), "stages_title"
        )
        self.scaled(self.stages_title, SECTION, bold=True)
        layout.addWidget(self.stages_title)
        self.stages_label = named(plain_label(), "stages_label", "Stage and actions")
        layout.addWidget(self.stages_label)
        self.moved_title = named(plain_label("The statements that moved most"), "moved_title")
        self.scaled(self.moved_title, SECTION, bold=True)
        layout.addWidget(self.moved_title)
        self.moved_label = named(plain_label(), "moved_label", "Statements that moved most")
        layout.addWidget(self.moved_label)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def focus_target(self) -> QWidget | None:
        return self.scroll_view

    def _series(self) -> list[Session]:
        """This workshop and the earlier ones of its series that this database holds."""
        session = self.controller.session
        found: list[Session] = []
        current = session
        store = getattr(self.controller, "store", None)
        while current.follows_up and store is not None:
            try:
                current = store.load(current.follows_up)
            except Exception:  # not in this database: the carried baseline stands in
                break
            found.append(current)
        return series_of(session, found)

    def refresh(self) -> None:
        framework = self.framework
        journey = progress(framework, self._series())
        self.journey = journey
        points = [p for p in journey.points if p.rated]
        has_series = len(points) >= 2
        self.empty_state.setVisible(not has_series)
        for widget in (self.chart, self.stages_title, self.stages_label):
            widget.setVisible(has_series)
        self.moved_title.setVisible(bool(journey.moved_most))
        self.moved_label.setVisible(bool(journey.moved_most))
        if not has_series:
            return
        from workshop.ui.widgets.progress_chart import ChartLine

        self.chart.show_series(
            [p.workshop_date for p in points],
            [f"{long_date(p.workshop_date)}: {p.title}" for p in points],
            [
                ChartLine(
                    name,
                    tuple(
                        next(d.score for d in p.dimensions if d.dimension == dimension)
                        for p in points
                    ),
                )
                for dimension, name in journey.dimension_names
            ],
        )
        self.stages_label.setText(
            "\n".join(
                f"{long_date(p.workshop_date)} — working on {p.working_on_name}; "
                f"{p.actions_done} of {p.actions_agreed} actions done"
                + (" by the next workshop" if i < len(points) - 1 else " so far")
                for i, p in enumerate(points)
            )
        )
        self.moved_label.setText(
            "\n".join(f"•  {m.text}  {m.before:.1f} → {m.after:.1f}" for m in journey.moved_most)
        )

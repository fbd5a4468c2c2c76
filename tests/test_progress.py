"""Progress across a series of workshops: the demo's first workshop and its follow-up."""

from __future__ import annotations

import dataclasses

from workshop.domain.progress import progress, progress_of, series_of
from workshop.domain.session import Session
from workshop.framework.model import Framework
from workshop.store.demo import build_demo_series


def test_a_series_is_found_through_follows_up(framework: Framework) -> None:
    first, follow_up = build_demo_series(framework)
    other = Session(organisation="Someone else")
    assert series_of(follow_up, [other, first]) == [first, follow_up]
    assert series_of(first, [follow_up]) == [first]
    looped = dataclasses.replace(first, follows_up=follow_up.id)
    assert len(series_of(follow_up, [looped])) == 2  # a loop stops, never spins


def test_the_demo_journey_moves_on_with_actions_done(framework: Framework) -> None:
    first, follow_up = build_demo_series(framework)
    journey = progress(framework, [first, follow_up])
    assert journey.is_series
    before, after = journey.points
    assert (before.workshop_date, after.workshop_date) == (
        first.workshop_date,
        follow_up.workshop_date,
    )
    assert (before.working_on, after.working_on) == ("exploring", "building")
    assert after.stage_number == before.stage_number + 1
    assert len(before.dimensions) == len(framework.dimensions)
    rises = [
        (b.score, a.score)
        for b, a in zip(before.dimensions, after.dimensions, strict=True)
        if b.score is not None and a.score is not None
    ]
    assert rises and all(a >= b for b, a in rises)
    # Actions agreed at the first workshop, and how many were done by the follow-up.
    public = [a for a in first.actions if not a.private]
    assert before.actions_agreed == len(public)
    assert 1 <= before.actions_done < before.actions_agreed
    assert journey.moved_most and abs(journey.moved_most[0].delta) >= abs(
        journey.moved_most[-1].delta
    )


def test_a_follow_up_alone_knows_where_it_started(framework: Framework) -> None:
    first, follow_up = build_demo_series(framework)
    alone = progress_of(framework, follow_up)
    assert [p.workshop_date for p in alone.points] == [first.workshop_date, follow_up.workshop_date]
    assert alone.points[0].working_on == "exploring" and alone.points[0].session_id == ""
    together = progress(framework, [first, follow_up])
    assert [d.score for d in alone.points[0].dimensions] == [
        d.score for d in together.points[0].dimensions
    ]
    # Alone, only the actions carried over (those still open then) are known.
    assert 1 <= alone.points[0].actions_done <= together.points[0].actions_done
    assert alone.points[0].actions_agreed <= together.points[0].actions_agreed


def test_one_first_workshop_is_not_a_series(framework: Framework) -> None:
    first, _ = build_demo_series(framework)
    assert not progress_of(framework, first).is_series
    assert progress(framework, [Session()]).points[0].rated is False


def test_a_follow_up_pdf_has_the_progress_section(framework: Framework) -> None:
    import io

    from pypdf import PdfReader

    from workshop.report.roadmap_pdf import build_roadmap_pdf

    first, follow_up = build_demo_series(framework)
    text = "\n".join(
        page.extract_text() or ""
        for page in PdfReader(io.BytesIO(build_roadmap_pdf(framework, follow_up))).pages
    )
    assert "Readiness by dimension, workshop by workshop" in text
    assert "The statements that moved most" in text
    assert "12 November 2026" in text and "20 May 2027" in text
    first_text = "\n".join(
        page.extract_text() or ""
        for page in PdfReader(io.BytesIO(build_roadmap_pdf(framework, first))).pages
    )
    assert "Progress across workshops" not in first_text  # a first workshop has no journey


def test_the_progress_page_charts_the_demo_series_with_hover_read_outs(
    qtbot, store, framework: Framework
) -> None:  # type: ignore[no-untyped-def]
    from ui_helpers import make_controller

    from workshop.ui.pages.base import page_class

    first, follow_up = build_demo_series(framework)
    store.create(first)
    controller = make_controller(store, framework, follow_up)
    page = framework.page("page_progress")
    view_class = page_class("progress")
    assert view_class is not None
    view = view_class(controller, page)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.refresh()
    view.show()
    qtbot.waitExposed(view)
    assert view.chart.isVisible() and not view.empty_state.isVisible()
    names = [item.name() for item in view.chart.plotItem.listDataItems()]
    assert names == [d.name for d in framework.dimensions]
    assert "working on Exploring" in view.stages_label.text()
    assert "working on Building" in view.stages_label.text()
    # Hovering over the second workshop reads out its date and every dimension's score.
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from workshop.ui.widgets.progress_chart import timestamp

    chart = view.chart
    centre = chart.plotItem.vb.mapViewToScene(QPointF(timestamp(follow_up.workshop_date), 2.0))
    local = QPointF(chart.mapFromScene(centre))
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        local,
        QPointF(chart.viewport().mapToGlobal(local.toPoint())),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(chart.viewport(), move)  # the pointer moving over the chart
    qtbot.waitUntil(lambda: "20 May 2027" in chart.readout)
    assert "Product: " in chart.readout and "Organisational: " in chart.readout


def test_a_first_workshop_says_progress_comes_with_the_follow_up(
    qtbot, store, framework: Framework
) -> None:  # type: ignore[no-untyped-def]
    from ui_helpers import make_controller

    from workshop.ui.pages.base import page_class

    first, _ = build_demo_series(framework)
    controller = make_controller(store, framework, first)
    view_class = page_class("progress")
    assert view_class is not None
    view = view_class(controller, framework.page("page_progress"))
    qtbot.addWidget(view)
    view.refresh()
    view.show()
    assert view.empty_state.isVisible() and not view.chart.isVisible()


def test_opening_the_app_does_not_import_the_plotting_library() -> None:
    """pyqtgraph is imported when the progress page opens, never at start-up."""
    import subprocess
    import sys

    code = (
        "import sys, workshop.ui.app, workshop.ui.pages, workshop.ui.pages.progress; "
        "print('pyqtgraph' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"

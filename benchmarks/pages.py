"""Page speed with the large sample workshop (300 opportunities, 40 hires, 60 actions).

Measured offscreen in a 1920×1080 workshop window, the way a facilitator meets them:

- *first show*: going to a page for the first time (the page is built, filled from the
  session and painted), for every page of the content;
- *one edit*: an edit pushed through the session controller (what every click and key ends
  in) until the screen is painted again, on the heavy pages: a vote on the matrix, a status
  on the data audit, a headcount on the hiring plan, a status on the actions, a hire moved
  to another quarter on the roadmap, an interview's function;
- *matrix drag step*: one mouse move while dragging a point among 100, against painting 100
  bare markers in a plain widget of the same size, in the same run.

Each figure is printed against its goal; absolute times vary by machine, the drag step is a
ratio for that reason.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

FIRST_SHOW_GOAL_MS = 300.0
FIRST_SHOW_MOONSHOT_MS = 100.0
EDIT_GOAL_MS = 50.0
EDIT_MOONSHOT_MS = 16.0
DRAG_GOAL = 2.0
DRAG_MOONSHOT = 1.2
RUNS = int(os.environ.get("BENCH_PAGE_RUNS", "3"))
EDITS = 9


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def _verdict(value: float, goal: float, moonshot: float) -> str:
    if value <= moonshot:
        return "ok, moonshot"
    return "ok" if value <= goal else "OVER GOAL"


class Bench:
    """A store holding the large sample, and fresh workshop windows on it."""

    def __init__(self, folder: Path) -> None:
        from benchmarks.samples import large_session
        from workshop.framework import load_framework
        from workshop.store import open_store

        self.framework = load_framework()
        self.store = open_store(folder / "bench.sqlite3")
        session = large_session(self.framework)
        self.store.create(session)
        self.session_id = session.id
        self.windows: list[QWidget] = []

    def window(self) -> object:
        import workshop.ui.pages  # noqa: F401
        from workshop.ui.controller import SessionController
        from workshop.ui.workshop_window import WorkshopWindow

        controller = SessionController(self.store.load(self.session_id), self.framework, self.store)
        window = WorkshopWindow(controller, projecting=False)
        window.resize(1920, 1080)
        window.show()
        QApplication.processEvents()
        self.windows.append(window)
        return window

    def close(self) -> None:
        for window in self.windows:
            window.close()
            window.deleteLater()
        QApplication.processEvents()
        self.store.close()


def settle() -> None:
    """Deliver what is queued (layout, the paint of what changed) until nothing is left."""
    for _ in range(3):
        QApplication.processEvents()


def first_shows(bench: Bench, only: frozenset[str] = frozenset()) -> list[tuple[str, str, float]]:
    """(page type, page title, median ms) for every page (or the page types in ``only``),
    each in a window of its own run."""
    times: dict[int, list[float]] = {}
    names: dict[int, tuple[str, str]] = {}
    for _ in range(RUNS):
        window: object = bench.window()
        stops = window.stops  # type: ignore[attr-defined]
        for position, stop in enumerate(stops):
            if only and stop.page.page_type not in only:
                continue
            started = time.perf_counter()
            window.go_to(position)  # type: ignore[attr-defined]
            settle()
            times.setdefault(position, []).append(_ms(time.perf_counter() - started))
            names[position] = (stop.page.page_type, stop.page.title)
        window.close()  # type: ignore[attr-defined]
    return [(*names[p], statistics.median(t)) for p, t in sorted(times.items())]


def edit_update(bench: Bench, page_type: str, make_edit: Callable[[object, int], object]) -> float:
    """Median ms from pushing an edit to the page being painted again."""
    window: object = bench.window()
    stops = window.stops  # type: ignore[attr-defined]
    position = next(i for i, s in enumerate(stops) if s.page.page_type == page_type)
    window.go_to(position)  # type: ignore[attr-defined]
    settle()
    controller = window.controller  # type: ignore[attr-defined]
    times = []
    for n in range(EDITS):
        edit = make_edit(controller.session, n)
        started = time.perf_counter()
        controller.push(edit)
        settle()
        times.append(_ms(time.perf_counter() - started))
    window.close()  # type: ignore[attr-defined]
    return statistics.median(times)


def _vote(session: object, n: int) -> object:
    from workshop.domain.edits import set_item_field

    opportunity = session.opportunities[150]  # type: ignore[attr-defined]
    return set_item_field(
        session,
        "opportunities",
        opportunity.id,
        "votes",  # type: ignore[arg-type]
        opportunity.votes + (1 if n % 2 == 0 else -1),
        label="Add a vote",
    )


def _audit_status(session: object, n: int) -> object:
    from workshop.domain.edits import set_item_field

    item = session.audit[20]  # type: ignore[attr-defined]
    status = ("available", "partial")[n % 2]
    return set_item_field(session, "audit", item.id, "status", status)  # type: ignore[arg-type]


def _headcount(session: object, n: int) -> object:
    from workshop.domain.edits import set_item_field

    hire = session.hires[20]  # type: ignore[attr-defined]
    return set_item_field(
        session,
        "hires",
        hire.id,
        "headcount",  # type: ignore[arg-type]
        2 + n % 2,
    )


def _action_status(session: object, n: int) -> object:
    from workshop.domain.edits import set_item_field

    action = session.actions[30]  # type: ignore[attr-defined]
    status = ("in_progress", "open")[n % 2]
    return set_item_field(session, "actions", action.id, "status", status)  # type: ignore[arg-type]


def _roadmap_quarter(session: object, n: int) -> object:
    """A hire moved one quarter later and back: its chip changes cell on the roadmap."""
    from workshop.domain.edits import set_item_field
    from workshop.domain.quarters import Quarter

    hires = [h for h in session.hires if h.target_quarter]  # type: ignore[attr-defined]
    hire = hires[len(hires) // 2]
    moved = str(Quarter.parse(hire.target_quarter).plus(1 if n % 2 == 0 else -1))
    return set_item_field(session, "hires", hire.id, "target_quarter", moved)  # type: ignore[arg-type]


def _interview_function(session: object, n: int) -> object:
    from workshop.domain.edits import set_item_field

    interview = session.interviews[5]  # type: ignore[attr-defined]
    function = ("support", "sales")[n % 2]
    return set_item_field(
        session,
        "interviews",
        interview.id,  # type: ignore[arg-type]
        "function",
        function,
    )


class BareMarkers(QWidget):
    """The baseline of a drag step: 100 filled, outlined, numbered circles, nothing else."""

    def __init__(self, count: int, radius: float) -> None:
        super().__init__()
        self.count = count
        self.radius = radius

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#111111"), 2))
        painter.setBrush(QColor("#99c7e0"))
        columns = 10
        pitch = min(self.width(), self.height()) / (columns + 1)
        for n in range(self.count):
            centre = QPointF((n % columns + 1) * pitch, (n // columns + 1) * pitch)
            painter.drawEllipse(centre, self.radius, self.radius)
            painter.drawText(centre, str(n + 1))
        painter.end()


def drag_step(points: int = 100, side: int = 720, steps: int = 60) -> tuple[float, float]:
    """(ms per drag step on the matrix, ms per paint of ``points`` bare markers)."""
    from workshop.ui.widgets.matrix_chart import MatrixChart, MatrixPoint, MatrixQuadrant

    chart = MatrixChart()
    chart.resize(side, side)
    chart.set_matrix(
        [
            MatrixQuadrant("Quick wins", "", True, False),
            MatrixQuadrant("Big bets", "", True, True),
            MatrixQuadrant("Fill-ins", "", False, False),
            MatrixQuadrant("Money pits", "", False, True),
        ],
        3.5,
        3.5,
        {},
        {},
    )
    chart.set_points(
        [
            MatrixPoint(f"o{n}", n + 1, f"Opportunity {n + 1}", 1 + n % 5, 1 + (n * 3) % 5, n % 4)
            for n in range(points)
        ]
    )
    chart.show()
    settle()
    target = chart.points[points // 2]
    centre, radius = chart.layout_points()[target.opportunity_id]

    def mouse(kind: QEvent.Type, at: QPointF, buttons: Qt.MouseButton) -> None:
        event = QMouseEvent(
            kind,
            at,
            chart.mapToGlobal(at),
            Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(chart, event)

    mouse(QEvent.Type.MouseButtonPress, centre, Qt.MouseButton.LeftButton)
    settle()
    times = []
    for n in range(steps):
        at = QPointF(centre.x() + (n % 30) * side / 60, centre.y() + (n % 17) * side / 60)
        started = time.perf_counter()
        mouse(QEvent.Type.MouseMove, at, Qt.MouseButton.LeftButton)
        settle()
        times.append(_ms(time.perf_counter() - started))
    mouse(QEvent.Type.MouseButtonRelease, centre, Qt.MouseButton.NoButton)
    chart.close()

    bare = BareMarkers(points, radius)
    bare.resize(side, side)
    bare.show()
    settle()
    bare_times = []
    for _ in range(steps):
        started = time.perf_counter()
        bare.update()
        settle()
        bare_times.append(_ms(time.perf_counter() - started))
    bare.close()
    return statistics.median(times), statistics.median(bare_times)


def bench_pages(only: frozenset[str] = frozenset()) -> None:
    """Every figure, or (``python benchmarks/pages.py audit roadmap``) only those of the
    page types named: quicker while working on one page."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    del app
    with tempfile.TemporaryDirectory() as folder:
        bench = Bench(Path(folder))
        try:
            shows = first_shows(bench, only)
            print(f"pages, large sample at 1920x1080 (median of {RUNS} windows)")
            print(
                f"  first show (goal <= {FIRST_SHOW_GOAL_MS:.0f} ms,"
                f" moonshot <= {FIRST_SHOW_MOONSHOT_MS:.0f} ms)"
            )
            for page_type, title, ms in shows:
                verdict = _verdict(ms, FIRST_SHOW_GOAL_MS, FIRST_SHOW_MOONSHOT_MS)
                print(f"    {page_type:<13} {title[:34]:<34} {ms:8.1f} ms  {verdict}")
            print(
                f"  one edit, screen updated (median of {EDITS}; goal <= {EDIT_GOAL_MS:.0f} ms,"
                f" moonshot <= {EDIT_MOONSHOT_MS:.0f} ms)"
            )
            for label, page_type, make in (
                ("vote on the matrix", "matrix", _vote),
                ("status on the data audit", "audit", _audit_status),
                ("headcount on the hiring plan", "hiring", _headcount),
                ("status on the actions", "actions", _action_status),
                ("a hire's quarter, on the roadmap", "roadmap", _roadmap_quarter),
                ("function of an interview", "interviews", _interview_function),
            ):
                if only and page_type not in only:
                    continue
                ms = edit_update(bench, page_type, make)
                verdict = _verdict(ms, EDIT_GOAL_MS, EDIT_MOONSHOT_MS)
                print(f"    {label:<34} {ms:8.1f} ms  {verdict}")
        finally:
            bench.close()
    if only and "matrix" not in only:
        return
    step, bare = drag_step()
    ratio = step / bare if bare > 0 else float("inf")
    print("  matrix drag step, 100 points (median of 60 moves)")
    print(
        f"    drag step {step:6.2f} ms, 100 bare markers {bare:6.2f} ms: ratio {ratio:.2f}x"
        f"  (goal <= {DRAG_GOAL}x, moonshot <= {DRAG_MOONSHOT}x:"
        f" {_verdict(ratio, DRAG_GOAL, DRAG_MOONSHOT)})"
    )


if __name__ == "__main__":
    bench_pages(frozenset(sys.argv[1:]))

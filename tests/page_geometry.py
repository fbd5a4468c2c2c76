"""What is cut off on a page: the checks the reflow test runs over every page.

Run as a script in a process whose offscreen screen has the size under test (the projecting
type follows the screen's height, so the screen must really be that size)::

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python tests/page_geometry.py demo

It prints one JSON line per problem found and a last line ``checked N pages``. A problem is:

* a visible widget that reaches outside the width of what shows it: its scroll area's
  viewport, or the page itself (vertically too, where nothing scrolls);
* a scroll area or table that needs a horizontal scroll bar (a column or a form cut off
  at the right edge);
* a label whose text does not fit and is not wrapped (cut mid-word), a wrapped label
  with a word longer than its width, or a wrapped label shorter than its text;
* a table cell whose text is elided mid-word ("Ingrid Halv…");
* a button narrower than its text.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QScrollBar,
    QTableView,
    QWidget,
)

SLACK = 1  # pixels of rounding


def _clip_of(widget: QWidget, page: QWidget) -> tuple[QWidget, bool]:
    """What shows ``widget``: the nearest scroll viewport above it (True: it scrolls), else
    the page."""
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return parent, True
        parent = grand
    return page, False


def _inside_sideways_chart(widget: QWidget, page: QWidget) -> bool:
    """Inside a chart that scrolls sideways on purpose (the hiring timeline, with its own
    scroll bar): its content is wider than what shows it by design."""
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QAbstractScrollArea) and parent.property("scrolls_sideways"):
            return True
        parent = parent.parentWidget()
    return False


def _visible_descendants(page: QWidget) -> Iterator[QWidget]:
    for child in page.findChildren(QWidget):
        if child.isWindow() or not child.isVisible():
            continue
        if isinstance(child, QScrollBar) or _inside_sideways_chart(child, page):
            continue
        yield child


def _describe(widget: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
    return f"{name}" + (f" {text[:40]!r}" if text else "")


def _words_fit(metrics: QFontMetrics, text: str, width: int) -> bool:
    return all(metrics.horizontalAdvance(word) <= width + SLACK for word in text.split())


def label_problem(label: QLabel) -> str:
    """Why this label's text is cut, or ""."""
    text = label.text()
    if (
        not text.strip()
        or label.textFormat() == Qt.TextFormat.RichText
        or not label.pixmap().isNull()
    ):
        return ""
    if "<" in text and label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text):
        return ""
    margins = label.contentsMargins()
    indent = max(label.indent(), 0)
    width = label.contentsRect().width() - indent
    metrics = label.fontMetrics()
    if not label.wordWrap():
        needed = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        if needed > width + SLACK:
            return f"cut: needs {needed} px, has {width}"
        return ""
    if not _words_fit(metrics, text, width):
        return f"a word is wider than {width} px"
    needed = label.heightForWidth(label.width())
    if needed > label.height() + SLACK + margins.top() * 0:
        return f"wrapped text needs {needed} px high, has {label.height()}"
    return ""


def table_problems(table: QTableView) -> Iterator[str]:
    """Cells of the visible rows whose text is cut mid-word."""
    model = table.model()
    if model is None:
        return
    metrics = table.fontMetrics()
    # Qt's item views keep this margin on each side of a cell's text.
    pad = (table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 1) * 2
    viewport = table.viewport().rect()
    for row in range(model.rowCount()):
        if table.isRowHidden(row):
            continue
        top = table.rowViewportPosition(row)
        if top > viewport.bottom():
            break
        if top + table.rowHeight(row) < 0:
            continue
        for column in range(model.columnCount()):
            if table.isColumnHidden(column) or table.indexWidget(model.index(row, column)):
                continue
            text = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text.strip():
                continue
            width = table.columnWidth(column) - pad
            if not _words_fit(metrics, text, width):
                longest = max(text.split(), key=metrics.horizontalAdvance)
                yield f"cell ({row}, {column}) word {longest!r} is cut in {width} px"
                return  # one cell is enough to know the column is too narrow


def page_problems(page: QWidget) -> Iterator[str]:
    page_rect = page.rect()
    for widget in _visible_descendants(page):
        clip, scrolls = _clip_of(widget, page)
        top_left = widget.mapTo(clip, widget.rect().topLeft())
        rect = QRect(top_left, widget.size())
        bounds = clip.rect() if clip is not page else page_rect
        if rect.left() < bounds.left() - SLACK or rect.right() > bounds.right() + SLACK:
            yield f"{_describe(widget)} reaches x {rect.left()}..{rect.right()} outside 0..{bounds.right()}"
        elif not scrolls and (
            rect.top() < bounds.top() - SLACK or rect.bottom() > bounds.bottom() + SLACK
        ):
            yield f"{_describe(widget)} reaches y {rect.top()}..{rect.bottom()} outside 0..{bounds.bottom()} (nothing scrolls)"
        if isinstance(widget, QAbstractScrollArea):
            bar = widget.horizontalScrollBar()
            if bar.maximum() > 0 and not widget.property("scrolls_sideways"):
                yield f"{_describe(widget)} scrolls sideways by {bar.maximum()} px"
        if isinstance(widget, QAbstractButton) and widget.text().strip():
            needed = widget.sizeHint().width()
            if widget.width() + SLACK < needed:
                yield f"{_describe(widget)} button text cut: needs {needed} px, has {widget.width()}"
        if isinstance(widget, QLabel) and (problem := label_problem(widget)):
            yield f"{_describe(widget)} {problem}"
        if isinstance(widget, QTableView) and isinstance(widget, QAbstractItemView):
            for problem in table_problems(widget):
                yield f"{_describe(widget)} {problem}"


def main() -> int:
    which = sys.argv[1] if len(sys.argv) > 1 else "demo"
    from PySide6.QtCore import QSettings

    folder = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))

    from workshop.framework import load_framework
    from workshop.store import open_store
    from workshop.store.demo import build_demo
    from workshop.ui.controller import SessionController
    from workshop.ui.preferences import Preferences
    from workshop.ui.workshop_window import WorkshopWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    framework = load_framework()
    if which == "large":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from benchmarks.samples import large_session

        session = large_session(framework)
    else:
        session = build_demo(framework)
    store = open_store(folder / "geometry.sqlite3")
    store.create(session)
    controller = SessionController(store.load(session.id), framework, store)
    window = WorkshopWindow(controller, Preferences(), projecting=False)
    screen = app.primaryScreen().geometry()
    window.setGeometry(screen)
    window.show()
    for _ in range(5):
        app.processEvents()
    checked = 0
    only = set(sys.argv[2:])
    for projecting in (True, False):
        window.set_projecting(projecting)
        for position, stop in enumerate(window.stops):
            if only and stop.page.page_type not in only and stop.page.id not in only:
                continue
            window.go_to(position)
            for _ in range(3):
                app.processEvents()
            page = window.page_stack.currentWidget()
            where = {
                "page": stop.page.id,
                "projecting": projecting,
                "screen": f"{screen.width()}x{screen.height()}",
            }
            if window.width() > screen.width() or window.height() > screen.height():
                print(
                    json.dumps(
                        {**where, "problem": f"window grew to {window.width()}x{window.height()}"}
                    )
                )
            if (
                page.width() > window.page_stack.width()
                or page.height() > window.page_stack.height()
            ):
                print(
                    json.dumps(
                        {
                            **where,
                            "problem": f"page is {page.width()}x{page.height()} in a {window.page_stack.width()}x{window.page_stack.height()} stack",
                        }
                    )
                )
            for problem in page_problems(page):
                print(json.dumps({**where, "problem": problem}), flush=True)
            checked += 1
    print(f"checked {checked} pages", flush=True)
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The page machinery: page template, running footer, contents with page numbers.

"Page X of Y" and the page numbers in the contents both need to know where things land.
ReportLab's ``multiBuild`` gets there by laying the whole document out two or more times;
for a large session that doubles the export time. We lay out once instead:

* the canvas keeps every finished page's drawing operations in memory and only writes the
  pages out in ``save()``, when the total is known; the footer is added then;
* each section heading records the page it landed on while the document is laid out;
* the contents page is laid out with its titles and dotted leaders straight away (its
  height does not depend on the numbers) and remembers where each row is on its page;
  the numbers are drawn into those rows in ``save()``, like the footer.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.doctemplate import BaseDocTemplate

from workshop.report.fonts import BOLD, REGULAR
from workshop.report.styles import ACCENT, FOOTER_Y, MARGIN, MUTED, RULE, TEXT, styles
from workshop.report.text import fit, para, plain

PORTRAIT = "portrait"
LANDSCAPE = "landscape"

PAPER_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}


@dataclass
class PageBook:
    """What the single layout pass learns, for the canvas to use when it writes pages."""

    footer: str = ""  # "Organisation · Workshop title"; the page numbers are appended
    heading_pages: dict[str, int] = field(default_factory=dict)  # section key -> page number
    # Contents rows: (page number of the contents, key, x of the number's right edge, y).
    contents_rows: list[tuple[int, str, float, float]] = field(default_factory=list)


class SectionHeading(Paragraph):
    """A section title: starts the section, appears in the contents and PDF outline."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__(para(title), styles().h1)
        self.key = key
        self.title = title


class Contents(Flowable):
    """The contents list: titles with dotted leaders; numbers filled in at save time."""

    ROW = 9 * mm

    def __init__(self, entries: Sequence[tuple[str, str]], book: PageBook) -> None:
        super().__init__()
        self.entries = list(entries)  # (key, title)
        self.book = book

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.ROW * len(self.entries)
        return self.width, self.height

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        # Remember absolute positions: the numbers are drawn later, outside this call.
        page = canvas.getPageNumber()
        size = styles().toc.fontSize
        number_w = 12 * mm
        for index, (key, title) in enumerate(self.entries):
            baseline = y + self.height - (index + 1) * self.ROW + self.ROW * 0.35
            shown = fit(plain(title), REGULAR, size, self.width - number_w - 10 * mm)
            canvas.setFont(REGULAR, size)
            canvas.setFillColor(TEXT)
            canvas.drawString(x, baseline, shown)
            start = x + canvas.stringWidth(shown, REGULAR, size) + 2 * mm
            end = x + self.width - number_w
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.8)
            canvas.setDash(0.8, 2.5)
            canvas.line(start, baseline, end, baseline)
            canvas.setDash()
            canvas.linkRect("", key, (x, baseline - 3, x + self.width, baseline + size), relative=0)
            self.book.contents_rows.append((page, key, x + self.width, baseline))

    def draw(self) -> None:  # drawing happens in drawOn
        pass


def _stamp(made_at: datetime) -> TimeStamp:
    """ReportLab's time stamp set to ``made_at`` (UTC): the PDF's creation date."""
    stamp = TimeStamp(invariant=True)
    moment = made_at.astimezone(UTC) if made_at.tzinfo else made_at.replace(tzinfo=UTC)
    stamp.t = moment.timestamp()
    stamp.lt = time.gmtime(stamp.t)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    return stamp


def make_canvas_class(book: PageBook, made_at: datetime | None = None) -> type[Canvas]:
    """The canvas class of one export; ``made_at`` (the workshop's last edit) dates the PDF,
    so the same workshop exported twice gives the same bytes and a true creation date."""

    class NumberedCanvas(Canvas):
        """Keeps finished pages until save(), then adds the footer and contents numbers."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if made_at is not None:
                self._doc._timeStamp = _stamp(made_at)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for state in self._held_pages:
                self.__dict__.update(state)
                self._finish_page(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _finish_page(self, total: int) -> None:
            number = self._pageNumber
            width, _height = self._pagesize
            for page, key, right, baseline in book.contents_rows:
                if page == number and key in book.heading_pages:
                    self.setFont(BOLD, styles().toc.fontSize)
                    self.setFillColor(TEXT)
                    self.drawRightString(right, baseline, str(book.heading_pages[key]))
            if number == 1:
                return  # the cover carries no footer
            self.setStrokeColor(RULE)
            self.setLineWidth(0.6)
            self.line(MARGIN, FOOTER_Y + 4 * mm, width - MARGIN, FOOTER_Y + 4 * mm)
            self.setFont(REGULAR, 7.5)
            self.setFillColor(MUTED)
            numbers = f"page {number} of {total}"
            self.drawRightString(width - MARGIN, FOOTER_Y, numbers)
            room = width - 2 * MARGIN - self.stringWidth(numbers, REGULAR, 7.5) - 8 * mm
            self.drawString(MARGIN, FOOTER_Y, fit(book.footer, REGULAR, 7.5, room))

    return NumberedCanvas


class RoadmapDocument(BaseDocTemplate):
    """One frame per page, ~20 mm margins; tracks section pages for the contents."""

    def __init__(
        self,
        target: Any,
        *,
        paper: str,
        book: PageBook,
        on_flowable: Callable[[int], None] | None = None,
        **kwargs: Any,
    ) -> None:
        pagesize = PAPER_SIZES[paper]
        self.landscape_size = (pagesize[1], pagesize[0])
        super().__init__(
            target,
            pagesize=pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            invariant=1,  # fixed dates and ids: the same session gives the same bytes
            initialFontName=REGULAR,  # else every page names Helvetica, unembedded
            **kwargs,
        )
        self.book = book
        self._on_flowable = on_flowable
        self._flowables_done = 0
        self.addPageTemplates(
            [
                PageTemplate(
                    id=PORTRAIT, frames=[_frame(pagesize)], onPage=_accent_bar, pagesize=pagesize
                ),
                # Wide visuals (the roadmap grid) get a landscape page of the same paper.
                PageTemplate(
                    id=LANDSCAPE,
                    frames=[_frame(self.landscape_size)],
                    onPage=_accent_bar,
                    pagesize=self.landscape_size,
                ),
            ]
        )

    @property
    def landscape_width(self) -> float:
        return self.landscape_size[0] - 2 * MARGIN

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, SectionHeading):
            canvas = self.canv
            page = canvas.getPageNumber()
            self.book.heading_pages[flowable.key] = page
            canvas.bookmarkPage(flowable.key)
            canvas.addOutlineEntry(plain(flowable.title), flowable.key, level=0)
        if self._on_flowable is not None:
            self._flowables_done += 1
            self._on_flowable(self._flowables_done)


def _frame(pagesize: tuple[float, float]) -> Frame:
    return Frame(
        MARGIN,
        MARGIN,
        pagesize[0] - 2 * MARGIN,
        pagesize[1] - 2 * MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )


def _accent_bar(canvas: Canvas, doc: BaseDocTemplate) -> None:
    """A thin accent rule at the top of every page: a quiet, consistent frame."""
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.rect(0, height - 4 * mm, width, 4 * mm, stroke=0, fill=1)
    canvas.restoreState()

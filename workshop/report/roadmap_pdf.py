"""Build the roadmap PDF and write it safely to disk."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

from workshop.domain.public_view import public_view
from workshop.domain.session import Session
from workshop.framework.model import Framework
from workshop.report.atomic import write_atomically
from workshop.report.document import PAPER_SIZES, PageBook, RoadmapDocument, make_canvas_class
from workshop.report.errors import ReportError
from workshop.report.fonts import register_fonts
from workshop.report.sections import SECTION_IDS
from workshop.report.story import Context, build_story
from workshop.report.text import plain

# Share of the progress bar for assembling the content; the rest is layout.
_STORY_SHARE = 0.25


def build_roadmap_pdf(
    framework: Framework,
    session: Session,
    *,
    paper: str = "a4",
    sections: set[str] | None = None,
    progress: Callable[[float], None] | None = None,
) -> bytes:
    """The roadmap PDF of ``session`` as bytes; the same session always gives the same bytes.

    ``sections`` leaves sections out (ids from ``ROADMAP_SECTIONS``; None = all).
    ``progress`` is called with a fraction from 0 to 1, from the calling thread.
    """
    if paper not in PAPER_SIZES:
        raise ReportError(f"Unknown paper size {paper!r}: use 'a4' or 'letter'.")
    if sections is not None and not sections <= SECTION_IDS:
        unknown = ", ".join(sorted(sections - SECTION_IDS))
        raise ReportError(f"Unknown roadmap section(s): {unknown}.")
    register_fonts()
    # The report reads the session only through the public view: nothing private is printed.
    session = public_view(session, framework).session

    def report(fraction: float) -> None:
        if progress is not None:
            progress(min(max(fraction, 0.0), 1.0))

    report(0.0)
    book = PageBook(
        footer=" · ".join(
            plain(part) for part in (session.organisation, session.title) if part.strip()
        )
    )
    buffer = io.BytesIO()
    total = [1]
    last_step = [-1]

    def on_flowable(done: int) -> None:
        # Report in 2 % steps: a callback per flowable would flood a UI signal queue.
        step = int(50 * done / total[0])
        if step != last_step[0]:
            last_step[0] = step
            report(_STORY_SHARE + (0.97 - _STORY_SHARE) * min(done / total[0], 1.0))

    document = RoadmapDocument(
        buffer,
        paper=paper,
        book=book,
        on_flowable=on_flowable,
        title=plain(f"{session.display_name} — ML team maturity roadmap"),
        author=plain(session.facilitator),
        subject="ML team maturity roadmap",
        creator="ML Team Maturity Workshop",
    )
    ctx = Context(
        framework=framework,
        session=session,
        width=document.width,
        landscape_width=document.landscape_width,
        book=book,
    )
    story = build_story(ctx, sections, lambda f: report(_STORY_SHARE * f))
    total[0] = max(len(story), 1)
    document.build(story, canvasmaker=make_canvas_class(book, session.updated_at))
    report(1.0)
    return buffer.getvalue()


def export_roadmap(
    framework: Framework,
    session: Session,
    path: str | os.PathLike[str],
    *,
    paper: str = "a4",
    sections: set[str] | None = None,
    progress: Callable[[float], None] | None = None,
) -> None:
    """Write the roadmap PDF to ``path``, all or nothing.

    The PDF is written to a temporary file in the same folder and renamed over ``path``,
    so a crash, a full disk or a permission problem never leaves half a PDF under the
    user's chosen name. Raises :class:`ReportError` with a message for the user.
    """
    data = build_roadmap_pdf(framework, session, paper=paper, sections=sections, progress=progress)
    write_atomically(Path(path), data)

"""How long the roadmap export takes, against ReportLab's own floor.

``bench_export()`` times, in one run: the demo export, the large-session export (300
opportunities, 40 hires, 60 actions) and a *plain* document — ReportLab laying out plain
paragraphs in the same font, single pass, no footer, no contents — with the same number of
pages as the large export. The ratio large/plain is the figure to watch (target: ≤ 3).
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from benchmarks.samples import large_session
from workshop.report.fonts import REGULAR, register_fonts
from workshop.report.roadmap_pdf import build_roadmap_pdf
from workshop.report.styles import MARGIN

_PLAIN_TEXT = (
    "The room agreed that the first project should be small, measurable and finished "
    "within a quarter, with data that is already in place and a sponsor who uses it. "
) * 3


def _best_of(runs: int, work: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def plain_document(paragraphs: int) -> bytes:
    """Plain paragraphs in our font, one layout pass: ReportLab's floor for this length."""
    register_fonts()
    style = ParagraphStyle("plain", fontName=REGULAR, fontSize=9.5, leading=13.5, spaceAfter=6)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        invariant=1,
    )
    doc.build([Paragraph(_PLAIN_TEXT, style) for _ in range(paragraphs)])
    return buffer.getvalue()


def _page_count(pdf: bytes) -> int:
    from pypdf import PdfReader  # a dev dependency; only the benchmark counts pages

    return len(PdfReader(io.BytesIO(pdf)).pages)


def _paragraphs_for(pages: int, per_page: float) -> int:
    """Paragraphs giving a plain document of exactly ``pages`` pages (calibrated, untimed)."""
    paragraphs = max(1, round(pages * per_page))
    for _ in range(4):
        got = _page_count(plain_document(paragraphs))
        if got == pages:
            break
        paragraphs = max(
            1, paragraphs + round((pages - got) * per_page) - (1 if got > pages else 0)
        )
    return paragraphs


def bench_export(runs: int = 5) -> dict[str, float]:
    """Seconds for each export (best of ``runs``) and the ratios to the plain document."""
    from workshop.framework import load_framework
    from workshop.store.demo import build_demo

    framework = load_framework()
    demo = build_demo(framework)
    large = large_session(framework)
    build_roadmap_pdf(framework, demo)  # warm up: font loading and imports are not the export

    demo_s, demo_pdf = _best_of(runs, lambda: build_roadmap_pdf(framework, demo))
    large_s, large_pdf = _best_of(runs, lambda: build_roadmap_pdf(framework, large))
    large_pages = _page_count(large_pdf)
    demo_pages = _page_count(demo_pdf)

    # Calibrate paragraphs per page (untimed), then time a plain document of that length.
    per_page = 100 / _page_count(plain_document(100))
    paragraphs = _paragraphs_for(large_pages, per_page)
    plain_s, plain_pdf = _best_of(runs, lambda: plain_document(paragraphs))
    demo_paragraphs = _paragraphs_for(demo_pages, per_page)
    demo_plain_s, _ = _best_of(runs, lambda: plain_document(demo_paragraphs))
    return {
        "demo_export_s": round(demo_s, 4),
        "demo_pages": demo_pages,
        "demo_plain_s": round(demo_plain_s, 4),
        "demo_ratio": round(demo_s / demo_plain_s, 2),
        "large_export_s": round(large_s, 4),
        "large_pages": large_pages,
        "plain_s": round(plain_s, 4),
        "plain_pages": _page_count(plain_pdf),
        "large_ratio": round(large_s / plain_s, 2),
    }


if __name__ == "__main__":  # python -m benchmarks.export_bench
    for key, value in bench_export().items():
        print(f"{key}: {value}")

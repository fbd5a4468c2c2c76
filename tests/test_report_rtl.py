"""Right-to-left paragraphs that wrap read top to bottom, right to left, in the PDF.

Text extraction of right-to-left script depends on the extractor (pypdf turns each drawn
line back into reading order); the checks below accept a line either way round, so what
they test is which words land on which line, top to bottom, and where the lines sit.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from benchmarks.samples import ARABIC_PARAGRAPH, HEBREW_PARAGRAPH
from workshop.domain.session import Action, Answer, Session
from workshop.framework.model import Framework
from workshop.report import blocks, build_roadmap_pdf
from workshop.report.blocks import cell, p
from workshop.report.fonts import REGULAR
from workshop.report.rtl import FlowingText, wrap_logical
from workshop.report.styles import BODY_SIZE, MARGIN, SMALL_SIZE, styles
from workshop.report.text import base_is_rtl, para
from workshop.store.demo import build_demo

RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
PAGE_RIGHT = A4[0] - MARGIN  # where the body text column ends on a portrait page

# Three typed lines (the second left empty), the first long enough to wrap several times.
HEBREW_LINES = HEBREW_PARAGRAPH + "\n\n" + "שורה שנייה שהוקלדה בנפרד ומסתיימת בנקודה."
_SENTENCE = "המספרים של הרבעון האחרון מראים שהלקוחות עוזבים אחרי החודש השלישי. "
LONG_HEBREW = (_SENTENCE * 80)[:5000]  # as long as an answer gets
PAGES_OF_HEBREW = ("בכל פגישה שבועית נעבור על רשימת הפעולות ונחליט מי ממשיך ומה נסגר. " * 160)[
    :10_000
]  # more than a page
MIXED = (
    "Dana Levi asked that דוד כהן owns the pricing model, because he ran the last two "
    "pricing reviews and knows where the data lives; the room agreed without a vote."
)
HEBREW_ACTION = "לבדוק עם צוות המכירות אילו נתונים חסרים לפני שמתחילים לבנות את מודל התמחור"


# --- reading the PDF --------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One piece of text drawn on a page: where it starts and what it says."""

    page: int
    x: float
    y: float
    text: str


def runs(pdf: bytes) -> list[Run]:
    found: list[Run] = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):

        def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            if text.strip():
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                found.append(Run(number, x, y, text.strip()))  # noqa: B023

        page.extract_text(visitor_text=visit)
    return found


def norm(text: str) -> str:
    """Letters only, in their base forms (Arabic presentation forms → letters)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def reading_order(drawn: str, expected: str) -> str:
    """``drawn`` in reading order: as extracted, or reversed, whichever is part of the text."""
    for candidate in (drawn, drawn[::-1]):
        if norm(candidate) in norm(expected):
            return norm(candidate)
    raise AssertionError(f"a drawn line is not a piece of the text: {drawn!r}")


def lines_of(all_runs: list[Run], expected: str) -> list[Run]:
    """The drawn lines holding pieces of ``expected``, top to bottom, page by page."""
    pieces = [r for r in all_runs if RTL.search(r.text) and reading_order_or_none(r, expected)]
    return sorted(pieces, key=lambda r: (r.page, -r.y))


def reading_order_or_none(run: Run, expected: str) -> str | None:
    try:
        return reading_order(run.text, expected)
    except AssertionError:
        return None


def right_edge(run: Run, size: float) -> float:
    return run.x + stringWidth(run.text, REGULAR, size)


def assert_reads_top_to_bottom(all_runs: list[Run], expected: str, size: float) -> list[Run]:
    lines = lines_of(all_runs, expected)
    assert len(lines) >= 3, f"the paragraph should wrap: {[r.text for r in lines]}"
    joined = "".join(reading_order(r.text, expected) for r in lines)
    assert joined == norm(expected)
    # Right-aligned: every line ends at the same place; the short last line starts further in.
    ends = {round(right_edge(r, size)) for r in lines}
    assert max(ends) - min(ends) <= 1, ends
    assert lines[-1].x > lines[0].x + 20
    return lines


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rtl_session(framework: Framework) -> Session:
    session = build_demo(framework)
    questions = [q for q in framework.questions if not q.retired]
    session.executive_summary = HEBREW_LINES
    session.recommendations = PAGES_OF_HEBREW
    session.answers = [
        Answer(id=questions[0].id, text=ARABIC_PARAGRAPH, status="discussed"),
        Answer(id=questions[1].id, text=MIXED, status="discussed"),
        Answer(id=questions[2].id, text=LONG_HEBREW, status="discussed"),
    ]
    session.actions = [
        Action(id="rtl-1", text=HEBREW_ACTION + " " + HEBREW_ACTION, owner="דוד כהן"),
        *session.actions,
    ]
    return session


@pytest.fixture(scope="module")
def rtl_pdf(framework: Framework, rtl_session: Session) -> bytes:
    return build_roadmap_pdf(framework, rtl_session)


@pytest.fixture(scope="module")
def rtl_runs(rtl_pdf: bytes) -> list[Run]:
    return runs(rtl_pdf)


# --- the PDF ----------------------------------------------------------------------------------


def test_hebrew_paragraph_reads_from_its_first_words(rtl_runs: list[Run]) -> None:
    lines = assert_reads_top_to_bottom(rtl_runs, HEBREW_PARAGRAPH, BODY_SIZE)
    first = reading_order(lines[0].text, HEBREW_PARAGRAPH)
    assert first.startswith(norm("הצוות הסכים שהפרויקט הראשון"))
    assert round(right_edge(lines[0], BODY_SIZE)) == round(PAGE_RIGHT)
    # The typed second line starts a line of its own, after an empty one.
    second = lines_of(rtl_runs, "שורה שנייה שהוקלדה בנפרד ומסתיימת בנקודה.")
    assert len(second) == 1 and second[0].y < lines[-1].y - 20


def test_arabic_paragraph_reads_from_its_first_words(rtl_runs: list[Run]) -> None:
    lines = assert_reads_top_to_bottom(rtl_runs, ARABIC_PARAGRAPH, BODY_SIZE)
    assert reading_order(lines[0].text, ARABIC_PARAGRAPH).startswith(norm("اتفق الفريق"))


def test_a_5000_character_answer_reads_in_order(framework: Framework, rtl_runs: list[Run]) -> None:
    # Its lines are pieces of the longer recommendations too: look below its question only.
    prompt = [q for q in framework.questions if not q.retired][2].prompt
    label = next(r for r in rtl_runs if r.text == prompt)
    below = [r for r in rtl_runs if (r.page, -r.y) > (label.page, -label.y)]
    lines = assert_reads_top_to_bottom(below, LONG_HEBREW, BODY_SIZE)
    assert len(lines) > 40


def test_text_reads_in_order_over_a_page_break(rtl_runs: list[Run]) -> None:
    lines = assert_reads_top_to_bottom(rtl_runs, PAGES_OF_HEBREW, BODY_SIZE)
    pages = sorted({r.page for r in lines})
    assert len(pages) == 2
    # The next page goes on at its first line: no empty line left at the break.
    top_of_next = max(r.y for r in rtl_runs if r.page == pages[1])
    assert [r for r in lines if r.page == pages[1]][0].y == top_of_next


def test_split_over_a_page_break_keeps_the_line_order() -> None:
    flowable = p(LONG_HEBREW)
    _, height = flowable.wrap(480, 100_000)
    whole = flowable._paragraph(480).text.split("<br/>")
    first, rest = flowable.split(480, height / 3)
    first.wrap(480, height / 3)
    assert isinstance(rest, FlowingText)  # broken again wherever it lands
    rest.wrap(480, 100_000)
    top = first.text.split("<br/>")
    assert top == whole[: len(top)] and len(first.blPara.lines) == len(top) > 5
    # The rest starts on the next page with the next line, not an empty one.
    assert rest._paragraph(480).text.split("<br/>") == whole[len(top) :]
    assert len(rest._paragraph(480).blPara.lines) == len(whole) - len(top)
    # At another width it is broken afresh, still in reading order.
    assert rest.wrap(200, 100_000)[1] > rest.wrap(480, 100_000)[1]


def test_hebrew_in_a_table_cell_wraps_in_reading_order(rtl_runs: list[Run]) -> None:
    text = HEBREW_ACTION + " " + HEBREW_ACTION
    lines = assert_reads_top_to_bottom(rtl_runs, text, SMALL_SIZE)
    assert len({r.page for r in lines}) == 1
    assert all(right_edge(r, SMALL_SIZE) < PAGE_RIGHT - 100 for r in lines)  # its column


def test_english_sentence_with_a_hebrew_name_reads_left_to_right(rtl_runs: list[Run]) -> None:
    assert not base_is_rtl(MIXED)
    lines = [r for r in rtl_runs if "Dana Levi asked" in r.text or "pricing reviews" in r.text]
    assert lines and all(abs(r.x - MARGIN) < 0.5 for r in lines)  # left-aligned
    assert lines[0].text.startswith("Dana Levi asked that")


def test_same_session_gives_the_same_bytes(
    framework: Framework, rtl_session: Session, rtl_pdf: bytes
) -> None:
    assert build_roadmap_pdf(framework, rtl_session) == rtl_pdf


def test_text_without_hebrew_or_arabic_prints_exactly_as_before(
    framework: Framework, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = build_demo(framework)  # its one Arabic name sits in an English line
    now = build_roadmap_pdf(framework, demo)

    def before(text: str, style: object, *, bullet: str | None = None, **_: object) -> Paragraph:
        return Paragraph(para(text), style, bulletText=bullet)

    monkeypatch.setattr(blocks, "user_paragraph", before)
    assert build_roadmap_pdf(framework, demo) == now


# --- the line breaking ------------------------------------------------------------------------


@pytest.mark.parametrize("width", [480.0, 120.0, 40.0])
@pytest.mark.parametrize(
    "text",
    [HEBREW_PARAGRAPH, ARABIC_PARAGRAPH, LONG_HEBREW, "מילה" * 60 + " ארוכה מאוד", MIXED],
)
def test_reportlab_keeps_every_line_we_break(text: str, width: float) -> None:
    for flowable in (p(text), cell(text)):
        assert isinstance(flowable, FlowingText)
        flowable.wrap(width, 100_000)
        inner = flowable._paragraph(width)
        printed = [line for line in inner.blPara.lines if getattr(line, "words", None)]
        # As many lines as we made: ReportLab found nothing too long to break again.
        assert len(inner.blPara.lines) == inner.text.count("<br/>") + 1
        assert all(getattr(line, "extraSpace", 0) >= -0.01 for line in printed)


def test_a_word_longer_than_the_line_is_broken_in_reading_order() -> None:
    word = "אבגדהוזחטיכלמנסעפצקרשת" * 10
    lines = wrap_logical("שלום " + word, REGULAR, BODY_SIZE, (60.0, 60.0))
    assert len(lines) > 3
    assert "".join(line.text + line.glue for line in lines) == "שלום " + word
    assert all(stringWidth(line.text, REGULAR, BODY_SIZE) <= 60 for line in lines)


def test_short_names_keep_their_one_line_form() -> None:
    # A name in a line of ours reads left to right, as it always did.
    assert not base_is_rtl("דוד כהן — VP Product")
    assert not base_is_rtl("דוד כהן is the champion of this roadmap")
    assert base_is_rtl("«הצוות הסכים» — ML")
    assert not base_is_rtl("\u2067דוד\u2069 CTO")  # an isolated name does not count
    assert para("דוד כהן — VP Product") == "ןהכ דוד — VP Product"
    flowable = p("דוד כהן")
    flowable.wrap(400, 100)
    assert flowable.style.alignment == 2  # a Hebrew-only text is set right-aligned
    assert styles().body.alignment == 0  # ... without touching the shared style

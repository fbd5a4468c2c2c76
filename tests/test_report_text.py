"""User text on its way into the PDF: escaped, in visual order, never a silent box, never
running off the page."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from benchmarks.samples import LONG_WORD
from workshop.domain.session import Action, Session
from workshop.report import ReportError, export_actions_csv
from workshop.report.blocks import cell
from workshop.report.fonts import REGULAR, covered
from workshop.report.styles import styles
from workshop.report.text import fit, para, plain


def test_markup_is_escaped_and_newlines_kept() -> None:
    assert para('<img src="http://x/y.png"/>') == '&lt;img src="http://x/y.png"/&gt;'
    assert para("&amp;") == "&amp;amp;"
    assert para("0.1 <A <0.9") == "0.1 &lt;A &lt;0.9"
    assert para("one\r\ntwo\nthree") == "one<br/>two<br/>three"


def test_glyphs_the_font_lacks_are_replaced_on_purpose() -> None:
    have = covered(REGULAR)
    assert 0x1F680 not in have  # 🚀: not in DejaVu
    assert plain("Launch 🚀!") == "Launch [rocket]!"
    assert plain("👍🏽") == "[thumbs up sign]"  # the skin-tone modifier is dropped
    assert plain("🇫🇷 team") == "[flag FR] team"
    assert plain("❤️") == "❤"  # DejaVu has the heart; the variation selector is invisible
    assert plain("王芳 (Wang Fang)") == "[?] (Wang Fang)"  # one marker per run
    assert plain("a\x00b\x07c") == "abc"  # control codes are dropped
    for text in ("Zoë", "Σοφία", "Дмитрий", "Łukasz Żółć"):
        assert plain(text) == text


def test_right_to_left_in_visual_order_inside_left_to_right_text() -> None:
    assert plain("Owner: דוד כהן (CTO)") == "Owner: ןהכ דוד (CTO)"
    # Arabic letters are joined into their contextual forms, and only into ligatures the
    # font can draw ("الله" has a single-glyph ligature DejaVu lacks).
    shaped = plain("محمد عبد الله")
    assert all(ord(c) in covered(REGULAR) or c == " " for c in shaped)


def test_fit_shortens_with_an_ellipsis() -> None:
    assert fit("short", REGULAR, 8, 100) == "short"
    shortened = fit("a rather long organisation name " * 5, REGULAR, 8, 100)
    assert shortened.endswith("…")
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert stringWidth(shortened, REGULAR, 8) <= 100


@pytest.mark.parametrize("width", [480.0, 60.0])
def test_a_200_character_word_wraps_inside_its_column(width: float) -> None:
    paragraph = Paragraph(para(f"Before {LONG_WORD} after"), styles().body)
    _, height = paragraph.wrap(width, 10_000)
    lines = paragraph.blPara.lines
    assert len(lines) > 1
    # Every line fits: ReportLab reports the room left on a line; negative would overflow.
    assert all(getattr(line, "extraSpace", 0) >= -0.01 for line in lines)
    narrow = cell(LONG_WORD)
    narrow.wrap(width, 10_000)
    assert all(getattr(line, "extraSpace", 0) >= -0.01 for line in narrow.blPara.lines)


def test_actions_csv_round_trips(tmp_path: Path) -> None:
    session = Session(organisation="Acme")
    tricky = 'Draft the "PM" ad, with\nnewlines, commas & emoji 🚀 — Zoë, דוד'
    session.actions = [
        Action(
            id="a1",
            text=tricky,
            owner="Renée O'Brien",
            due=date(2026, 4, 30),
            status="in_progress",
            carried_from="old",
        ),
        Action(id="a2", text="SECRET never exported", owner="me", private=True),
        Action(id="a3", text="Parked idea", kind="parking"),
    ]
    target = tmp_path / "actions.csv"
    export_actions_csv(session, target)
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["Action", "Owner", "Due", "Status", "Kind", "Stage", "Carried over"]
    assert rows[1] == [tricky, "Renée O'Brien", "2026-04-30", "In progress", "Action", "", "yes"]
    assert rows[2] == ["Parked idea", "", "", "Open", "Parking lot", "", ""]
    assert len(rows) == 3
    assert "SECRET" not in target.read_text(encoding="utf-8-sig")
    assert target.read_bytes().startswith("\ufeff".encode())  # Excel reads it as UTF-8


def test_actions_csv_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="does not exist"):
        export_actions_csv(Session(), tmp_path / "nope" / "actions.csv")


def test_csv_text_is_parseable_as_is() -> None:
    from workshop.report.actions_csv import actions_csv_text

    session = Session(actions=[Action(id="a", text='x "y"\nz')])
    rows = list(csv.reader(io.StringIO(actions_csv_text(session), newline="")))
    assert rows[1][0] == 'x "y"\nz'


def test_importing_the_report_package_does_not_load_reportlab() -> None:
    # The app imports workshop.report for the export dialog; ReportLab costs start-up time.
    import subprocess
    import sys

    code = "import sys, workshop.report; print('reportlab' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"

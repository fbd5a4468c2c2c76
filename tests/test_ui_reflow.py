"""At 1024 × 768 and 1920 × 1080, projecting and not, with the page list shown: no visible
widget of any page reaches outside what shows it, no table or form scrolls sideways, and no
label or table cell is cut mid-word (``tests/page_geometry.py`` has the checks).

Each size runs in its own process whose offscreen screen really has that size, because the
projecting type follows the height of the screen the window is on. Every page of the demo
workshop and of the large sample is checked, so every page type the content uses is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from workshop.framework import load_framework

HERE = Path(__file__).resolve().parent
SIZES = ((1024, 768), (1920, 1080))
SESSIONS = ("demo", "large")


@cache
def problems(width: int, height: int, session: str, tmp: str) -> dict[str, list[str]]:
    config = Path(tmp) / f"screen-{width}x{height}.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "screen",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, str(HERE / "page_geometry.py"), session],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=HERE.parent,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "checked" in result.stdout.splitlines()[-1], result.stdout[-2000:]
    found: dict[str, list[str]] = defaultdict(list)
    for line in result.stdout.splitlines():
        if line.startswith("{"):
            entry = json.loads(line)
            mode = "projecting" if entry["projecting"] else "private view"
            found[entry["page"]].append(f"{mode}: {entry['problem']}")
    return dict(found)


def _page_types() -> list[str]:
    return sorted({p.page_type for p in load_framework().pages if not p.retired})


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("reflow"))


@pytest.mark.parametrize("page_type", _page_types())
def test_nothing_on_the_page_is_cut_off(page_type: str, scratch: str) -> None:
    framework = load_framework()
    pages = {p.id for p in framework.pages if p.page_type == page_type}
    report = []
    for width, height in SIZES:
        for session in SESSIONS:
            for page_id, found in problems(width, height, session, scratch).items():
                if page_id in pages:
                    report += [f"{width}x{height} {session} {page_id} {p}" for p in found]
    assert not report, "\n".join(report[:40])


def test_the_check_sees_a_cut_off_widget(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The checks find what they are for: a label too narrow for its text, a wrapped label
    with a word wider than itself, a form wider than its scroll area."""
    from page_geometry import page_problems

    from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

    from workshop.ui.pages.common import scroll_area

    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    cut = QLabel("Ingrid Halvorsen, Chief Financial Officer")
    cut.setFixedWidth(60)
    wrapped = QLabel("Supercalifragilisticexpialidocious")
    wrapped.setWordWrap(True)
    wrapped.setFixedWidth(60)
    area = scroll_area("form_scroll", "Form")
    form = QLineEdit()
    form.setMinimumWidth(900)
    area.setWidget(form)
    for widget in (cut, wrapped, area):
        layout.addWidget(widget)
    page.resize(400, 400)
    page.show()
    qtbot.waitExposed(page)
    found = "\n".join(page_problems(page))
    assert "cut: needs" in found
    assert "a word is wider" in found
    assert "form_scroll scrolls sideways" in found


def test_a_wrap_row_gives_its_lead_a_line_of_its_own_when_narrow(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLineEdit, QPushButton

    from workshop.ui.pages.common import WrapRow

    name = QLineEdit("Aleksander Nowak, senior product manager")
    buttons = [QPushButton("Product management"), QPushButton("Private"), QPushButton("Remove")]
    row = WrapRow(name, buttons)
    qtbot.addWidget(row)
    row.resize(1400, 80)
    row.show()
    qtbot.waitExposed(row)
    qtbot.waitUntil(lambda: not row.stacked)
    assert all(b.geometry().top() == buttons[0].geometry().top() for b in buttons)
    assert name.geometry().top() == buttons[0].geometry().top()  # one line
    row.resize(380, 80)
    qtbot.waitUntil(lambda: row.stacked)
    qtbot.waitUntil(lambda: buttons[0].geometry().top() > name.geometry().bottom())
    assert name.width() >= row.width() - 2  # the name has the whole line
    assert all(b.geometry().right() <= row.width() for b in buttons)

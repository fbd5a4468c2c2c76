"""Present mode: the audience view shows the current page's public content, large and clean,
follows every edit at once, never shows anything private, and ends with Esc or when its
screen goes away. Assertions look at what a person in the room would see."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from ui_helpers import two_screens_platform

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QTextEdit, QWidget

from workshop.domain.edits import Batch, set_keyed_field
from workshop.domain.session import Session
from workshop.framework.model import Framework
from workshop.store import Store
from workshop.store.demo import build_demo
from workshop.ui.audience.view import AudienceView
from workshop.ui.controller import SessionController
from workshop.ui.presenter import Presenter, choose_screen

QUESTION_PAGE = "page_q_customers"
MATURITY_PAGE = "page_maturity_getting_started"


@pytest.fixture
def controller(qtbot, store: Store, framework: Framework) -> SessionController:  # type: ignore[no-untyped-def]
    session = build_demo(framework)
    store.create(session)
    return SessionController(session, framework, store)


@pytest.fixture
def window(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    """Stands in for the facilitator's window; the audience view is owned by it."""
    w = QWidget()
    w.setObjectName("facilitator_window")
    qtbot.addWidget(w)
    w.resize(800, 600)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def presenter(qtbot, controller: SessionController, window: QWidget) -> Iterator[Presenter]:  # type: ignore[no-untyped-def]
    p = Presenter(controller, "projector", window=window)
    yield p
    p.stop()


def start(qtbot, presenter: Presenter, page_id: str) -> AudienceView:  # type: ignore[no-untyped-def]
    view = presenter.start(page_id)
    qtbot.waitExposed(view)
    return view


def labels(view: QWidget) -> list[QLabel]:
    return [w for w in view.findChildren(QLabel) if w.isVisible()]


def visible_text(view: QWidget) -> str:
    """Everything readable on the view, whitespace normalised (line breaks are layout)."""
    parts = [w.text() for w in labels(view)]
    parts += [w.toPlainText() for w in view.findChildren(QTextEdit) if w.isVisible()]
    return " ".join(" ".join(parts).split())


def words(text: str) -> str:
    return " ".join(text.split())


def private_texts(framework: Framework, session: Session) -> list[str]:
    """Everything the room must never see, from the content and the demo session."""
    texts = [r.note for r in session.pages if r.note]
    texts += [q.hint for q in framework.questions if q.hint]
    texts += [p for prompt in framework.interview_prompts for p in prompt.prompts]
    texts += [i.pains for i in session.interviews if i.private]
    texts += [a.text for a in session.actions if a.private]
    texts += [h.notes for h in session.hires if h.notes]
    return texts


def row_for(view: QWidget, statement_text: str) -> QWidget:
    """The audience row whose text starts like ``statement_text``."""
    for row in view.findChildren(QWidget, "audience_row"):
        text = row.findChild(QLabel, "audience_row_text")
        if (
            row.isVisible()
            and text is not None
            and statement_text.startswith(words(text.text()).removesuffix("…").strip()[:30])
        ):
            return row
    raise AssertionError(f"no row shows {statement_text!r}")


# --- what the room sees -------------------------------------------------------------------


def test_question_shows_prompt_and_answer_large_and_nothing_private(
    qtbot, presenter, controller, framework
):
    view = start(qtbot, presenter, QUESTION_PAGE)
    assert presenter.is_active and view.isFullScreen()

    question = framework.question("q_customers")
    answer = controller.session.answer("q_customers").text
    shown = visible_text(view)
    assert words(question.prompt) in shown
    for line in answer.splitlines():
        assert words(line) in shown
    assert words(question.hint)[:30] not in shown

    height = view.height()
    title = view.findChild(QLabel, "audience_title")
    assert abs(title.font().pixelSize() - height / 22) <= 1.5
    for label in labels(view):
        assert label.font().pixelSize() >= height / 40, label.objectName()
        # Text typed by people is never interpreted as markup.
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_no_page_ever_shows_private_notes_hints_or_private_items(
    qtbot, presenter, controller, framework
):
    private = private_texts(framework, controller.session)
    assert len(private) > 10  # the demo has notes, hints, prompts and private items
    view = start(qtbot, presenter, "page_overview")
    for page in framework.pages:
        presenter.show_page(page.id)
        shown = visible_text(view)
        assert words(page.title)[:20] in shown or page.page_type in ("overview", "question")
        for text in private:
            # A prefix catches a private text even when it is cut short with "…".
            assert words(text)[:30] not in shown, (page.id, text)


def test_long_answer_shows_first_lines_with_ellipsis_never_shrunk(qtbot, presenter, controller):
    view = start(qtbot, presenter, QUESTION_PAGE)
    body_size = view.findChild(QLabel, "audience_paragraph").font().pixelSize()
    long_answer = " ".join(f"point{n}" for n in range(1700))[:10_000]
    controller.push(
        set_keyed_field(controller.session, "answers", "q_customers", "text", long_answer)
    )
    paragraphs = [w for w in labels(view) if w.objectName() == "audience_paragraph"]
    shown = "\n".join(p.text() for p in paragraphs)
    assert shown.endswith("…")
    assert "point0 point1" in shown and "point1699" not in shown
    assert 1 < shown.count("\n") + 1 <= 12
    assert all(p.font().pixelSize() == body_size for p in paragraphs)
    # Nothing runs off the screen.
    assert view.findChild(QWidget, "audience_content").sizeHint().height() <= view.height()


def test_markup_emoji_and_right_to_left_text_shown_literally(qtbot, presenter, controller):
    view = start(qtbot, presenter, QUESTION_PAGE)
    typed = '<b>&"🎉 עברית'
    controller.push(set_keyed_field(controller.session, "answers", "q_customers", "text", typed))
    paragraph = view.findChild(QLabel, "audience_paragraph")
    assert paragraph.isVisible() and paragraph.text() == typed
    assert paragraph.textFormat() == Qt.TextFormat.PlainText


def test_rating_typed_on_the_laptop_appears_on_the_screen_at_once(
    qtbot, presenter, controller, framework
):
    view = start(qtbot, presenter, MATURITY_PAGE)
    statement = framework.statements_for("getting_started")[1]
    session = controller.session

    controller.push(
        Batch(
            (
                set_keyed_field(session, "ratings", statement.id, "counts", (0, 0, 0, 0, 0)),
                set_keyed_field(controller.session, "ratings", statement.id, "score", 1),
            )
        )
    )
    row = row_for(view, statement.text)
    assert row.findChild(QLabel, "audience_row_value").text() == "1"
    assert row.findChild(QLabel, "audience_row_note").text() == "room score"

    # A show of hands: the votes are shown, and disagreement has words and an icon.
    controller.push(set_keyed_field(session, "ratings", statement.id, "counts", (0, 1, 0, 2, 0)))
    row = row_for(view, statement.text)
    assert row.findChild(QLabel, "audience_row_note").text() == "3 · 3 · 1"
    assert row.findChild(QLabel, "audience_row_value").text() == "2.3"
    flags = [f.text() for f in row.findChildren(QLabel, "audience_flag") if f.isVisible()]
    assert flags == ["⚠ The room disagrees"]

    # Undo goes back on the screen too.
    controller.undo()
    row = row_for(view, statement.text)
    assert row.findChild(QLabel, "audience_row_value").text() == "1"
    assert not [f for f in row.findChildren(QLabel, "audience_flag") if f.isVisible()]


def test_every_statement_of_the_core_set_fits_at_1024_by_768(qtbot, controller, framework):
    view = AudienceView(controller, "light")
    qtbot.addWidget(view)
    view.resize(1024, 768)
    view.show_page(MATURITY_PAGE)
    view.show()
    qtbot.waitExposed(view)
    shown = visible_text(view)
    for statement in framework.statements_for("getting_started"):
        assert words(statement.text) in shown
    assert "more statement" not in shown


def test_placement_shows_stage_and_labelled_bars(qtbot, presenter, controller, framework):
    from workshop.domain.placement import place

    view = start(qtbot, presenter, "page_placement")
    placement = place(framework, controller.session)
    shown = visible_text(view)
    assert framework.stage(placement.working_on).name in shown
    bars = view.findChild(QWidget, "audience_bars")
    description = bars.accessibleDescription()
    for bar in placement.chart:
        value = "not rated" if bar.score is None else f"{bar.score:.1f}"
        assert f"{bar.name}: {value}" in description
    assert bars.height() >= view.height() / 40 * len(placement.chart)
    if placement.disagreements:
        notice = view.findChild(QLabel, "audience_notice")
        assert notice.text().startswith("⚠ The room disagrees on")


def test_matrix_hiring_decision_and_actions_show_their_public_content(
    qtbot, presenter, controller, framework
):
    from workshop.domain.priorities import prioritise

    view = start(qtbot, presenter, "page_matrix")
    ranked = prioritise(framework, controller.session).ranked
    shown = visible_text(view)
    assert ranked[0].title in shown and "1." in shown
    # The matrix itself: every opportunity placed, numbered with its rank, quadrants named.
    chart = view.findChild(QWidget, "audience_matrix")
    assert chart.isVisible() and chart.height() >= view.height() / 3
    described = chart.accessibleDescription()
    for entry in ranked:
        assert f"#{entry.rank} {entry.title}: value {entry.value}, cost {entry.cost}" in described

    presenter.show_page("page_hiring")
    shown = visible_text(view)
    assert "Q1 2027" in shown and "ML scientist" in shown
    quarters = [
        w.text() for w in view.findChildren(QLabel, "audience_timeline_quarter") if w.isVisible()
    ]
    assert (
        quarters[0] == "Q1 2027"
        and quarters
        == sorted(quarters[:-1], key=lambda q: (q.split()[1], q.split()[0])) + quarters[-1:]
    )

    presenter.show_page("page_decision_tech_stack")
    topic = framework.decision("dec_language")
    decided = next(d for d in controller.session.decisions if d.topic_id == topic.id)
    chosen = topic.option(decided.option_id).name
    decision = next(
        w
        for w in view.findChildren(QWidget, "audience_decision")
        if w.isVisible() and w.accessibleName().startswith(topic.title)
    )
    assert decision.accessibleName() == f"{topic.title}: ✓ Chosen: {chosen}"
    cards = [
        c
        for c in decision.findChildren(QWidget)
        if c.objectName().startswith("audience_option")
        and c.objectName() != "audience_option_name"
        and c.objectName() != "audience_option_summary"
    ]
    assert len(cards) == len([o for o in topic.options if not o.retired])
    marked = [c for c in cards if c.property("chosen")]
    assert len(marked) == 1
    name = marked[0].findChild(QLabel, "audience_option_name").text()
    assert words(name.replace("\u00a0", " ")).startswith(f"✓ {chosen[:4]}")

    presenter.show_page("page_actions")
    shown = visible_text(view)
    public = [a for a in controller.session.actions if not a.private and a.kind == "action"]
    assert words(public[0].text)[:30] in shown and public[0].owner in shown


# --- starting, following, stopping --------------------------------------------------------


def test_follows_the_facilitator_and_esc_stops(qtbot, presenter, window):
    view = start(qtbot, presenter, QUESTION_PAGE)
    presenter.show_page("page_overview")
    assert view.page_id == "page_overview"
    assert "Nordvik Ledger" in visible_text(view)

    with qtbot.waitSignal(presenter.stopped, timeout=1000):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not presenter.is_active
    assert not view.isVisible()
    presenter.stop()  # a second stop is harmless

    # Not presenting: page changes are remembered, nothing is shown.
    presenter.show_page(MATURITY_PAGE)
    assert presenter.view is None and presenter.page_id == MATURITY_PAGE


def test_unplugging_the_screen_ends_presenting_and_keeps_the_work(
    qtbot, presenter, controller, store, window
):
    start(qtbot, presenter, QUESTION_PAGE)
    controller.push(
        set_keyed_field(
            controller.session,
            "answers",
            "q_customers",
            "text",
            "Typed just before the cable came out",
        )
    )
    # Another screen going away changes nothing.
    presenter._screen_removed(object())  # type: ignore[arg-type]
    assert presenter.is_active
    with qtbot.waitSignal(presenter.stopped, timeout=1000):
        presenter._screen_removed(presenter.screen)  # type: ignore[arg-type]
    assert not presenter.is_active
    assert window.isVisible()
    saved = store.load(controller.session.id).answer("q_customers").text
    assert saved == "Typed just before the cable came out"


def test_theme_colours_are_from_the_tokens(qtbot, presenter):
    from workshop.ui.theme import THEMES

    view = start(qtbot, presenter, QUESTION_PAGE)
    title = view.findChild(QLabel, "audience_title")
    assert title.palette().windowText().color().name().upper() == THEMES["projector"].text
    assert view.palette().window().color().name().upper() == THEMES["projector"].background
    presenter.set_theme("dark")
    title = view.findChild(QLabel, "audience_title")
    assert title.palette().windowText().color().name().upper() == THEMES["dark"].text
    assert view.palette().window().color().name().upper() == THEMES["dark"].background


class FakeScreen:
    def __init__(self, name: str) -> None:
        self.label = name

    def __repr__(self) -> str:
        return self.label


def test_screen_choice_prefers_the_screen_the_facilitator_is_not_on():
    laptop, projector, tv = FakeScreen("laptop"), FakeScreen("projector"), FakeScreen("tv")
    assert choose_screen([laptop, projector], laptop) == (projector, True)
    assert choose_screen([projector, laptop], laptop) == (projector, True)
    assert choose_screen([laptop, projector, tv], projector) == (laptop, True)
    assert choose_screen([laptop], laptop) == (laptop, False)
    assert choose_screen([laptop, projector], None) == (projector, True)
    assert choose_screen([laptop], None) == (laptop, False)
    assert choose_screen([], None) == (None, False)


TWO_SCREENS_SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QLabel, QWidget
app = QApplication([])
from workshop.store.demo import build_demo
from workshop.framework import load_framework
from workshop.store import open_store
from workshop.ui.controller import SessionController
from workshop.ui.presenter import Presenter

framework = load_framework()
session = build_demo(framework)
store = open_store(Path(sys.argv[1]))
store.create(session)
controller = SessionController(session, framework, store)
laptop, projector = app.screens()
window = QWidget()
window.setScreen(laptop)
window.setGeometry(laptop.availableGeometry())
window.show()
presenter = Presenter(controller, "projector", window=window)
view = presenter.start("page_q_customers")
app.processEvents()
sizes = [label.font().pixelSize() for label in view.findChildren(QLabel) if label.isVisible()]
print("placed", view.screen().name(), view.geometry().height(), min(sizes),
      presenter.on_second_screen, QApplication.activeWindow() is view)
presenter._screen_removed(projector)
app.processEvents()
print("after", presenter.is_active, window.isVisible())
store.close()
"""


def test_two_screens_audience_view_goes_to_the_projector(tmp_path: Path):
    script = tmp_path / "two_screens.py"
    script.write_text(textwrap.dedent(TWO_SCREENS_SCRIPT))
    env = dict(os.environ, QT_QPA_PLATFORM=two_screens_platform(tmp_path))
    result = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "two.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    placed = re.search(r"placed (\S+) (\d+) (\d+) (\S+) (\S+)", result.stdout)
    assert placed, result.stdout
    name, height, smallest, second, active = placed.groups()
    assert (name, int(height), second) == ("projector", 768, "True")
    assert int(smallest) >= 768 / 40
    assert "after False True" in result.stdout  # unplugged: presenting ends, window stays


def test_single_screen_presents_over_the_only_screen(qtbot, presenter):
    view = start(qtbot, presenter, QUESTION_PAGE)
    only = QGuiApplication.screens()[0]
    assert presenter.screen is only and not presenter.on_second_screen
    assert view.height() == only.geometry().height()


def test_unusual_text_never_runs_off_the_new_slides(qtbot, controller, framework):
    """The longest titles a field takes, markup, emoji and right-to-left text in the matrix,
    the hiring plan and a decision: shown literally, cut with "…", and every slide stays on
    the screen."""
    from workshop.domain.edits import set_item_field
    from workshop.domain.fields import LINE

    session = controller.session
    strange = ('<b>&amp; "🎉 עברית عربي ' + "x" * 10_000)[:LINE]
    controller.push(
        set_item_field(session, "opportunities", session.opportunities[0].id, "title", strange)
    )
    controller.push(
        set_item_field(
            controller.session, "hires", controller.session.hires[0].id, "title", strange
        )
    )
    decision = next(d for d in controller.session.decisions if d.option_id)
    controller.push(set_item_field(controller.session, "decisions", decision.id, "owner", strange))
    for width, height in ((1024, 768), (1920, 1080)):
        view = AudienceView(controller, "projector")
        qtbot.addWidget(view)
        view.resize(width, height)
        view.show()
        qtbot.waitExposed(view)
        for page_id in (
            "page_matrix",
            "page_hiring",
            "page_decision_tech_stack",
            "page_decision_compute",
        ):
            view.show_page(page_id)
            content = view.findChild(QWidget, "audience_content")
            assert content.sizeHint().height() <= view.height(), page_id
            assert content.sizeHint().width() <= view.width(), page_id
            for label in labels(view):
                assert label.textFormat() == Qt.TextFormat.PlainText
                right = label.mapTo(view, label.rect().bottomRight())
                assert right.x() <= view.width() and right.y() <= view.height(), (
                    page_id,
                    label.objectName(),
                    label.text()[:40],
                )
            shown = visible_text(view)
            if page_id == "page_matrix":  # on the chart (its rank may be below the list's top)
                shown = view.findChild(QWidget, "audience_matrix").accessibleDescription()
            if page_id in ("page_matrix", "page_hiring"):
                assert "<b>&amp;" in shown, page_id
            assert "x" * LINE not in shown
        view.close()


def test_a_long_hiring_plan_folds_its_later_quarters_and_keeps_the_unplanned(
    qtbot, store, framework
):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from samples import large_session  # type: ignore[import-not-found]

    session = large_session(framework)
    store.create(session)
    controller = SessionController(session, framework, store)
    view = AudienceView(controller, "projector")
    qtbot.addWidget(view)
    view.resize(1024, 768)
    view.show_page("page_hiring")
    view.show()
    qtbot.waitExposed(view)
    quarters = [
        w.text() for w in view.findChildren(QLabel, "audience_timeline_quarter") if w.isVisible()
    ]
    assert quarters[-1] == "Not planned yet"
    assert quarters[-2].startswith("From Q") and "…" not in quarters[-2]
    assert view.findChild(QWidget, "audience_content").sizeHint().height() <= view.height()
    shown = visible_text(view)
    assert "more" in shown  # roles that do not fit a line are counted
    assert not any(h.notes[:20] in shown for h in session.hires if h.notes)


def test_one_screen_the_statement_moved_to_is_highlighted_and_rated(qtbot, store, framework):
    """One screen: the audience view has the keyboard; ↓ moves to the next statement on the
    facilitator's page, the room sees it highlighted, and 2 rates it."""
    from PySide6.QtWidgets import QApplication

    from workshop.ui.preferences import Preferences
    from workshop.ui.workshop_window import WorkshopWindow

    session = build_demo(framework)
    store.create(session)
    controller = SessionController(store.load(session.id), framework, store)
    window = WorkshopWindow(controller, Preferences(), projecting=False)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    position = next(i for i, s in enumerate(window.stops) if s.page.id == MATURITY_PAGE)
    window.go_to(position)
    window.present_action.trigger()
    view = window.presenter.view
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)

    def highlighted() -> list[str]:
        return [
            r.findChild(QLabel, "audience_row_number").text()
            for r in view.findChildren(QWidget, "audience_row")
            if r.isVisible() and r.property("highlighted")
        ]

    first = highlighted()
    assert len(first) == 1 and first[0].startswith("▶ ")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    after = highlighted()
    assert len(after) == 1 and after != first
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    statement = window.current_view.current_item()
    assert store.load(session.id).rating(statement).score == 2
    row = next(
        r
        for r in view.findChildren(QWidget, "audience_row")
        if r.isVisible() and r.property("highlighted")
    )
    assert row.findChild(QLabel, "audience_row_value").text() == "2"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not window.presenting
    window.close()


def test_the_statement_being_rated_is_shown_even_when_the_list_is_long(qtbot, store, framework):
    import dataclasses

    session = dataclasses.replace(build_demo(framework), statement_set="extended")
    store.create(session)
    controller = SessionController(session, framework, store)
    statements = framework.statements_for("building", extended=True)
    assert len(statements) > 8
    last = statements[-1]
    view = AudienceView(controller, "projector")
    qtbot.addWidget(view)
    view.focus_item = lambda: last.id
    view.resize(1024, 768)
    view.show_page("page_maturity_building")
    view.show()
    qtbot.waitExposed(view)
    marked = [
        r
        for r in view.findChildren(QWidget, "audience_row")
        if r.isVisible() and r.property("highlighted")
    ]
    assert len(marked) == 1
    assert marked[0].findChild(QLabel, "audience_row_number").text() == f"▶ {len(statements)}."
    earlier = view.findChild(QLabel, "audience_earlier")
    assert earlier is not None and earlier.isVisible() and "earlier statements" in earlier.text()
    assert view.findChild(QWidget, "audience_content").sizeHint().height() <= view.height()


@pytest.mark.parametrize("sample", ["demo", "large"])
@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_no_text_on_any_slide_is_clipped_or_off_screen(qtbot, store, framework, size, sample):
    """Every page's slide at a projector's sizes, for the demo and a large workshop: each
    label is at least 1/40 of the screen's height, has the room its text needs, and lies
    inside the screen."""
    if sample == "large":
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
        from samples import large_session  # type: ignore[import-not-found]

        session = large_session(framework)
    else:
        session = build_demo(framework)
    store.create(session)
    controller = SessionController(session, framework, store)
    view = AudienceView(controller, "projector")
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    for page in framework.pages:
        view.show_page(page.id)
        for label in labels(view):
            assert label.font().pixelSize() >= view.height() / 40, (page.id, label.objectName())
            hint = label.sizeHint()
            assert hint.height() <= label.height() + 1, (page.id, label.objectName(), label.text())
            corner = label.mapTo(view, label.rect().bottomRight())
            assert corner.x() <= view.width() and corner.y() <= view.height(), (
                page.id,
                label.objectName(),
                label.text()[:40],
            )

"""The framework's own guidance reaches the room: stage purpose and signals, principles,
the hiring advice no check can test, and the wrap-up questions (typed, stored, printed, and
shown again at a follow-up)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from ui_helpers import make_controller, stored, type_text, visible_texts

from PySide6.QtCore import Qt

from workshop.domain.followup import make_follow_up
from workshop.domain.session import Session
from workshop.framework.model import Framework
from workshop.ui.pages.base import page_class


def open_page(qtbot, controller, page_id: str):  # type: ignore[no-untyped-def]
    page = controller.framework.page(page_id)
    cls = page_class(page.page_type)
    assert cls is not None
    view = cls(controller, page)
    qtbot.addWidget(view)
    controller.changed.connect(lambda _edit: view.refresh())
    view.resize(1400, 900)
    view.refresh()
    view.show()
    with qtbot.waitActive(view):
        view.activateWindow()
    return view


def test_maturity_page_shows_the_stage_purpose_signals_and_exit_signals(
    qtbot, store, framework: Framework
) -> None:  # type: ignore[no-untyped-def]
    view = open_page(qtbot, make_controller(store, framework, Session()), "page_maturity_exploring")
    stage = framework.stage("exploring")
    shown = visible_texts(view)
    assert stage.purpose in shown
    assert all(signal in shown for signal in stage.signals + stage.exit_signals)


def test_overview_and_its_side_guidance_carry_the_principles(
    qtbot, store, framework: Framework
) -> None:  # type: ignore[no-untyped-def]
    view = open_page(qtbot, make_controller(store, framework, Session()), "page_overview")
    for principle in framework.principles:
        assert principle.title in visible_texts(view)
        assert principle.text in view.guidance()


def test_hiring_page_shows_the_advice_no_check_can_test(qtbot, store, framework: Framework) -> None:  # type: ignore[no-untyped-def]
    view = open_page(qtbot, make_controller(store, framework, Session()), "page_hiring")
    shown = visible_texts(view)
    for rule_id in ("hr_communicators", "hr_brief_cross_functional"):
        assert next(r for r in framework.hiring_rules if r.id == rule_id).title in shown


def test_wrap_up_answer_round_trip_ui_store_pdf_and_the_follow_up(
    qtbot, store, framework: Framework
) -> None:  # type: ignore[no-untyped-def]
    from workshop.report.roadmap_pdf import build_roadmap_pdf

    controller = make_controller(store, framework, Session(organisation="Acme"))
    view = open_page(qtbot, controller, "page_q_wrap_champion")
    assert "Who champions ML" in view.prompt_label.text()
    view.answer_edit.setFocus()
    type_text(view.answer_edit, "Dana, the COO")
    qtbot.keyClick(view.answer_edit, Qt.Key.Key_Tab)
    view.flush()
    session = stored(store, controller)
    assert session.answer("q_wrap_champion").text == "Dana, the COO"
    text = "\n".join(
        page.extract_text() or ""
        for page in PdfReader(io.BytesIO(build_roadmap_pdf(framework, session))).pages
    )
    assert "Wrap-up: the organisation in its own words" in text and "Dana, the COO" in text

    follow_up = make_follow_up(session, session.workshop_date)
    later = make_controller(store, framework, follow_up)
    again = open_page(qtbot, later, "page_q_wrap_champion")
    assert again.last_answer.isVisible()
    assert again.last_answer.text() == "At the last workshop: Dana, the COO"
    assert again.answer_edit.toPlainText() == ""  # this workshop answers afresh


def test_decision_cards_say_where_each_option_comes_from(
    qtbot, store, framework: Framework
) -> None:  # type: ignore[no-untyped-def]
    view = open_page(qtbot, make_controller(store, framework, Session()), "page_decision_org_model")
    shown = visible_texts(view)
    assert "Option: Framework · Scaling / org models · trade-offs: Framework" in shown
    assert "trade-offs: Facilitation aid" in shown  # the hybrid's pros and cons are ours


def test_the_room_sees_last_time_s_wrap_up_answer_at_a_follow_up(framework: Framework) -> None:
    from workshop.store.demo import build_demo_series
    from workshop.ui.audience.slides import build_slide

    first, follow_up = build_demo_series(framework)
    slide = build_slide(framework, follow_up, framework.page("page_q_wrap_main_block"))
    texts = slide.texts()
    assert follow_up.answer("q_wrap_main_block").text in texts
    assert f"At the last workshop: {first.answer('q_wrap_main_block').text}" in texts
    assert slide.caption == "Wrap-up"

"""One registry of page types: every type the content uses has its view, its audience slide
and its place in the PDF, and a type missing a part is refused at start-up by name."""

from __future__ import annotations

import dataclasses

import pytest

from PySide6.QtWidgets import QMessageBox

from workshop.domain.session import Session
from workshop.ui.page_types import PageTypeError, check_page_types, registered_page_types
from workshop.ui.pages import base


def test_every_page_type_of_the_shipped_content_is_complete(framework):
    parts = check_page_types(framework)
    used = {page.page_type for page in framework.pages}
    assert used <= set(parts)
    for name in used:
        assert parts[name].missing() == [], name


def test_every_registered_page_type_is_complete_too():
    incomplete = {name: p.missing() for name, p in registered_page_types().items() if p.missing()}
    assert incomplete == {}


@pytest.fixture
def half_built_page_type():
    """A page type with a view and a report section but no audience slide."""

    class HalfBuilt(base.PageView):
        page_type = "half_built"
        report_sections = ("summary",)

    base.register(HalfBuilt)
    yield HalfBuilt
    del base._PAGE_TYPES["half_built"]


def with_page(framework, page_type: str):
    page = dataclasses.replace(framework.pages[0], id="page_half", page_type=page_type, ref="")
    return dataclasses.replace(framework, pages=(*framework.pages, page))


def test_a_page_type_without_its_slide_is_refused_by_name(framework, half_built_page_type):
    with pytest.raises(PageTypeError, match=r"'half_built': no audience slide"):
        check_page_types(with_page(framework, "half_built"))


def test_a_page_type_nobody_registered_is_refused_naming_its_pages(framework):
    with pytest.raises(PageTypeError, match=r"'nowhere' \(pages page_half\) is not registered"):
        check_page_types(with_page(framework, "nowhere"))


def test_opening_a_workshop_with_a_half_built_page_type_says_which(
    qtbot, store, framework, half_built_page_type, monkeypatch
):
    from workshop.ui.app import App
    from workshop.ui.preferences import Preferences

    session = Session(organisation="Acme", title="Kick-off")
    store.create(session)
    monkeypatch.setattr(App, "framework", lambda self: with_page(framework, "half_built"))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    from PySide6.QtWidgets import QApplication

    shell = App(QApplication.instance(), store, Preferences())
    qtbot.addWidget(shell.library)
    assert shell.open_session(session.id) is None
    assert shown and "half_built" in shown[0] and "audience slide" in shown[0]
    assert shell.workshop is None


def test_two_modules_cannot_claim_one_page_type():
    with pytest.raises(ValueError, match="registered twice"):
        base.register(base.page_class("matrix"))  # type: ignore[arg-type]

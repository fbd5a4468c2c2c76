"""The library (start screen), driven as a facilitator would; checked on screen and in the DB."""

from __future__ import annotations

import os
from datetime import date, timedelta
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QToolButton,
)

from workshop.domain.session import Action, Participant, Session
from workshop.framework import load_framework
from workshop.ui.library import LibraryWindow
from workshop.ui.setup_dialog import SetupDialog


@pytest.fixture
def library(qtbot, store) -> LibraryWindow:  # type: ignore[no-untyped-def]
    window = LibraryWindow(store, load_framework)
    qtbot.addWidget(window)
    window.resize(1000, 600)
    window.show()
    opened: list[str] = []
    window.open_requested.connect(opened.append)
    window.opened = opened  # type: ignore[attr-defined]
    return window


_DAY = [date(2026, 1, 5)]


def add(store: Any, organisation: str, title: str, **fields: Any) -> Session:
    """Store a workshop held a day after the previous one (a clear newest-first)."""
    _DAY[0] += timedelta(days=1)
    fields.setdefault("workshop_date", _DAY[0])
    session = Session(organisation=organisation, title=title, **fields)
    store.create(session)
    return session


def test_empty_library_says_what_to_do(qtbot, library):
    library.refresh()
    assert library.stack.currentWidget() is library.empty_label
    assert "Ctrl+N" in library.empty_label.text()


def test_newest_first_and_search_as_you_type(qtbot, library, store):
    add(store, "Acme Freight", "Kick-off")
    add(store, "Borealis Bank", "Leadership day")
    add(store, "Acme Retail", "Second look")
    library.refresh()
    assert [org for org, _ in library.visible_titles()] == [
        "Acme Retail",
        "Borealis Bank",
        "Acme Freight",
    ]
    assert library.count_label.text() == "3 workshops"
    qtbot.keyClicks(library.search, "acme")
    assert [org for org, _ in library.visible_titles()] == ["Acme Retail", "Acme Freight"]
    assert library.count_label.text() == "2 of 3 workshops"
    library.search.clear()
    qtbot.keyClicks(library.search, "leadership")  # titles are searched too
    assert library.visible_titles() == [("Borealis Bank", "Leadership day")]
    qtbot.keyClicks(library.search, "zzz")
    assert library.stack.currentWidget() is library.empty_label
    assert "No workshop matches" in library.empty_label.text()


def test_a_thousand_sessions_load_with_one_query(qtbot, library, store, monkeypatch):
    for i in range(1000):
        add(store, f"Org {i:04d}", "Workshop")
    calls = {"list": 0, "load": 0}
    real_list, real_load = store.list_sessions, store.load

    def counting_list(*args: Any, **kwargs: Any) -> Any:
        calls["list"] += 1
        return real_list(*args, **kwargs)

    def counting_load(*args: Any, **kwargs: Any) -> Any:
        calls["load"] += 1
        return real_load(*args, **kwargs)

    monkeypatch.setattr(store, "list_sessions", counting_list)
    monkeypatch.setattr(store, "load", counting_load)
    library.refresh()
    qtbot.keyClicks(library.search, "Org 0999")
    assert library.visible_titles() == [("Org 0999", "Workshop")]
    assert calls == {"list": 1, "load": 0}


def test_create_a_workshop_through_the_dialog(qtbot, library, store):
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SetupDialog)
        qtbot.keyClicks(dialog.organisation, "Nordlicht Energie")
        qtbot.keyClicks(dialog.title_edit, "ML team workshop")
        qtbot.keyClicks(dialog.facilitator, "Dana Facilitator")
        qtbot.keyClicks(dialog.sponsor, "Ines Ortega")
        qtbot.keyClicks(dialog.sponsor_role, "CEO")
        qtbot.mouseClick(dialog.add_participant_button, Qt.MouseButton.LeftButton)
        dialog.participants.item(0, 0).setText("Sam Lee")
        dialog.participants.item(0, 1).setText("CTO")
        dialog.add_participant("Kim Roe", "VP Product")
        dialog.add_participant("Remove Me", "Nobody")
        dialog.participants.setCurrentCell(2, 0)
        qtbot.mouseClick(dialog.remove_participant_button, Qt.MouseButton.LeftButton)
        dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("full_day"))
        dialog.target_combo.setCurrentIndex(dialog.target_combo.findData("building"))
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    new_id = library.new_session()
    assert new_id is not None
    assert library.opened == [new_id]
    assert library.visible_titles() == [("Nordlicht Energie", "ML team workshop")]
    saved = store.load(new_id)
    assert (saved.organisation, saved.facilitator, saved.sponsor, saved.sponsor_role) == (
        "Nordlicht Energie",
        "Dana Facilitator",
        "Ines Ortega",
        "CEO",
    )
    assert [(p.name, p.role) for p in saved.participants] == [
        ("Sam Lee", "CTO"),
        ("Kim Roe", "VP Product"),
    ]
    preset = load_framework().preset("full_day")
    assert [s.title for s in saved.agenda] == [s.title for s in preset.sections]
    assert (saved.target_stage, saved.statement_set) == ("building", preset.statement_set)


def test_dialog_refuses_a_workshop_without_organisation(qtbot):
    dialog = SetupDialog(load_framework())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 0 and dialog.isVisible()
    assert "organisation" in dialog.message.text()


def test_delete_and_undo_delete(qtbot, library, store):
    keep = add(store, "Keep Co", "Stays")
    gone = add(store, "Gone Co", "Deleted then restored")
    library.refresh(select=gone.id)
    library.delete_action.trigger()
    assert library.visible_titles() == [("Keep Co", "Stays")]
    assert [s.id for s in store.list_sessions()] == [keep.id]
    assert library.snackbar.isVisibleTo(library)
    assert "Gone Co" in library.snackbar_label.text()
    qtbot.mouseClick(library.snackbar_undo, Qt.MouseButton.LeftButton)
    assert {s.id for s in store.list_sessions()} == {keep.id, gone.id}
    assert ("Gone Co", "Deleted then restored") in library.visible_titles()
    # And again, undone with Ctrl+Z while the table has focus.
    library.refresh(select=gone.id)
    library.delete_action.trigger()
    qtbot.keyClick(library.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {s.id for s in store.list_sessions()} == {keep.id, gone.id}


def test_duplicate_as_follow_up(qtbot, library, store):
    first = add(
        store,
        "Acme Freight",
        "Kick-off",
        workshop_date=date(2026, 3, 2),
        participants=[Participant(id="p1", name="Sam Lee", role="CTO")],
        actions=[
            Action(id="a1", text="Hire a PM with ML experience", status="open"),
            Action(id="a2", text="Done already", status="done"),
        ],
    )
    library.refresh(select=first.id)
    asked = []

    def choose_date(previous):
        asked.append(previous.id)
        return date(2026, 9, 14)

    library.ask_follow_up_date = choose_date
    new_id = library.duplicate_as_follow_up()
    assert asked == [first.id]
    assert new_id is not None and new_id != first.id
    follow_up = store.load(new_id)
    assert follow_up.follows_up == first.id
    assert follow_up.workshop_date == date(2026, 9, 14)
    assert follow_up.baseline_date == date(2026, 3, 2)
    assert [p.name for p in follow_up.participants] == ["Sam Lee"]
    assert [a.text for a in follow_up.actions] == ["Hire a PM with ML experience"]
    titles = [title for _, title in library.visible_titles()]
    assert any("follow-up" in t for t in titles)
    assert library.selected_id() == new_id


def test_follow_up_date_dialog_defaults_to_today_and_can_be_cancelled(qtbot, library, store):
    first = add(store, "Acme Freight", "Kick-off", workshop_date=date(2026, 3, 2))
    library.refresh(select=first.id)
    seen = {}

    def answer_dialog():
        dialog = library.findChild(QDialog, "follow_up_dialog")
        picker = dialog.findChild(QDateEdit, "follow_up_date")
        seen["default"] = picker.date().toPython()
        seen["earliest"] = picker.minimumDate().toPython()
        dialog.reject()

    QTimer.singleShot(0, answer_dialog)
    assert library.duplicate_as_follow_up() is None  # cancelled: nothing created
    assert seen == {"default": max(date.today(), date(2026, 3, 2)), "earliest": date(2026, 3, 2)}
    assert [s.id for s in store.list_sessions()] == [first.id]


def test_rename_is_stored_and_undoable(qtbot, library, store):
    s = add(store, "Acme", "Old title")
    library.refresh(select=s.id)
    library.rename(s.id, "New title")
    assert store.load(s.id).title == "New title"
    assert library.visible_titles() == [("Acme", "New title")]
    library.undo_stack.undo()
    assert store.load(s.id).title == "Old title"


def _press_toolbar(qtbot: Any, library: LibraryWindow, name: str) -> None:
    button = library.findChild(QToolButton, name)
    assert button is not None and button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_export_and_import_buttons_open_the_file_dialogs(
    qtbot, library, store, tmp_path, monkeypatch
):
    s = add(
        store, "Acme", "Round trip", participants=[Participant(id="p1", name="Zoë", role="CEO")]
    )
    library.refresh(select=s.id)
    path = tmp_path / "acme.json"
    asked: list[str] = []

    def save_name(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append("save")
        return str(path), ""

    def open_name(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append("open")
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_name)
    _press_toolbar(qtbot, library, "export_button")
    assert asked == ["save"]
    assert path.exists() and "Zoë" in path.read_text(encoding="utf-8")
    _press_toolbar(qtbot, library, "import_button")
    assert asked == ["save", "open"]
    copies = [x for x in store.list_sessions() if x.title == "Round trip"]
    assert len(copies) == 2
    new_id = next(x.id for x in copies if x.id != s.id)
    assert [p.name for p in store.load(new_id).participants] == ["Zoë"]
    assert library.visible_titles().count(("Acme", "Round trip")) == 2


def test_export_to_a_folder_that_cannot_be_written_says_so(
    qtbot, library, store, tmp_path, monkeypatch
):
    s = add(store, "Acme", "Nowhere")
    library.refresh(select=s.id)
    target = tmp_path / "missing" / "folder" / "acme.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        lambda _parent, title, text, *a, **k: warnings.append(f"{title}: {text}"),
    )
    library.export_action.trigger()
    assert len(warnings) == 1 and warnings[0].startswith("Export failed")
    assert not target.exists()


def test_return_in_the_search_opens_the_first_match(qtbot, library, store):
    add(store, "Acme Freight", "Kick-off")
    wanted = add(store, "Borealis Bank", "Leadership day")
    library.refresh()
    library.find_action.trigger()
    assert QApplication.focusWidget() is library.search
    qtbot.keyClicks(library.search, "borealis")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert library.opened == [wanted.id]


def test_open_demo_creates_it_once_and_opens_it(qtbot, library, store):
    first = library.open_demo()
    second = library.open_demo()  # refreshed, not duplicated
    assert first == second
    # The first workshop and its follow-up, once each; the follow-up (newest) is opened.
    listed = store.list_sessions()
    assert len(listed) == 2 and listed[0].id == first
    assert library.opened == [first, second]
    # The list says where the demo stands without opening it first.
    assert [s.stage_reached for s in listed] == ["building", "exploring"]
    library.refresh(select=first)
    row = library.proxy.mapFromSource(library.model.index(0, 0)).row()
    assert library.proxy.index(row, 3).data() == "Building"


def test_enter_opens_the_selected_workshop(qtbot, library, store):
    s = add(store, "Acme", "Open me")
    library.refresh(select=s.id)
    qtbot.keyClick(library.table, Qt.Key.Key_Return)
    assert library.opened == [s.id]


def test_opening_a_workshop_switches_windows_and_closing_comes_back(qtbot, store):
    from workshop.ui.app import App, make_application
    from workshop.ui.preferences import Preferences

    s = add(store, "Acme", "Switch")
    shell = App(make_application(), store, Preferences())
    qtbot.addWidget(shell.library)
    shell.library.refresh()
    shell.library.show()
    window = shell.open_session(s.id)
    qtbot.addWidget(window)
    assert window.isVisible() and not shell.library.isVisible()
    assert "Acme" in window.windowTitle()
    window.close()
    assert shell.library.isVisible() and shell.workshop is None
    assert shell.library.selected_id() == s.id


def test_new_workshop_dialog_reads_as_a_new_user_expects(qtbot):
    dialog = SetupDialog(load_framework())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    shown = [label for label in dialog.findChildren(QLabel) if label.isVisible()]
    # A mnemonic "&" is drawn as an underline, never as an ampersand.
    for label in shown:
        if "&" in label.text():
            assert label.buddy() is not None, label.text()
    assert any("sponsor" in text for text in labels)
    agenda = [dialog.preset_combo.itemText(i) for i in range(dialog.preset_combo.count())]
    assert all(text.count("(") <= 1 for text in agenda), agenda
    assert dialog.target_combo.itemText(0) == "Not chosen yet"
    # One Tab leaves the date box for the facilitator field.
    dialog.date_edit.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.facilitator

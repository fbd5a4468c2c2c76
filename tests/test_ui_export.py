"""Exporting from the app window, as a facilitator does it: Ctrl+E, tick the sections,
choose a file, wait for the progress to finish, open the PDF. Also the actions as CSV.

The file chooser and the "open" step are the two seams replaced here
(``export_dialog.choose_save_path`` and ``export_dialog.open_url``); everything else is the
real window, the real controller on a real SQLite store, and the real PDF builder.
"""

from __future__ import annotations

import copy
import csv
import io
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from ui_helpers import make_controller

from PySide6.QtCore import QLocale, Qt, QThread, QUrl
from PySide6.QtWidgets import QApplication

import workshop.report
from workshop.domain.edits import add_item
from workshop.domain.session import Action, Session, new_id
from workshop.framework.model import Framework
from workshop.report import ROADMAP_SECTIONS, ReportError, build_roadmap_pdf
from workshop.store import Store
from workshop.store.demo import build_demo
from workshop.ui import export_dialog
from workshop.ui.controller import SessionController
from workshop.ui.export_dialog import ExportDialog, RoadmapExportFlow
from workshop.ui.preferences import Preferences
from workshop.ui.workshop_window import WorkshopWindow

EXPORT_TIMEOUT_MS = 60_000


@pytest.fixture
def controller(qtbot, store: Store, framework: Framework) -> SessionController:
    return make_controller(store, framework, build_demo(framework))


@pytest.fixture
def window(qtbot, controller: SessionController) -> WorkshopWindow:
    w = WorkshopWindow(controller, Preferences(), projecting=False)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


class Chooser:
    """Stands in for the system's save dialog: answers ``path`` and records what it saw."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self.suggested: list[str] = []

    def __call__(self, parent, caption: str, suggested: str, filters: str) -> str:  # type: ignore[no-untyped-def]
        self.suggested.append(suggested)
        return self.path


def open_dialog(qtbot, window: WorkshopWindow) -> tuple[RoadmapExportFlow, ExportDialog]:
    window.export_roadmap_action.trigger()
    flow = window.findChild(RoadmapExportFlow)
    assert flow is not None
    dialog = flow.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return flow, dialog


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


# --- the roadmap PDF ------------------------------------------------------------------------


def test_export_through_the_dialog_writes_the_cli_pdf_off_the_ui_thread(
    qtbot, window, controller, framework, tmp_path, monkeypatch
):
    target = tmp_path / "out" / "board.pdf"
    target.parent.mkdir()
    chooser = Chooser(target)
    monkeypatch.setattr(export_dialog, "choose_save_path", chooser)
    opened: list[QUrl] = []
    monkeypatch.setattr(export_dialog, "open_url", lambda url: opened.append(url) or True)
    # Record which thread builds the PDF; the real export still runs.
    real_export = workshop.report.export_roadmap
    threads: list[int] = []

    def recording_export(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return real_export(*args, **kwargs)

    monkeypatch.setattr(workshop.report, "export_roadmap", recording_export)

    flow, dialog = open_dialog(qtbot, window)
    assert dialog.windowTitle() == "Export roadmap"
    # Every section is offered and ticked, except the follow-up ones: the demo is a first workshop.
    offered = {sid for sid, _ in ROADMAP_SECTIONS} - {"changes", "progress"}
    assert set(dialog.section_boxes) == offered
    assert all(box.isChecked() for box in dialog.section_boxes.values())
    dialog.set_paper("letter")
    progress: list[int] = []
    progress_threads: set[object] = set()

    def on_progress(value: int) -> None:
        progress.append(value)
        progress_threads.add(QThread.currentThread())

    flow.progressed.connect(on_progress)
    with qtbot.waitSignal(flow.finished, timeout=EXPORT_TIMEOUT_MS) as finished:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        # The window stays responsive: the export has been handed to a worker.
        assert flow.busy

    assert finished.args == [str(target)]
    # The same bytes as the command line for the same session and paper.
    assert target.read_bytes() == build_roadmap_pdf(framework, controller.session, paper="letter")
    # The suggested name is "<organisation> roadmap <date>.pdf".
    suggested = Path(chooser.suggested[0]).name
    session = controller.session
    assert suggested == f"{session.organisation} roadmap {session.workshop_date.isoformat()}.pdf"
    # It ran on another thread; progress came to the UI thread, rising to 100 %.
    assert threads and threads[0] != threading.get_ident()
    assert progress_threads == {QApplication.instance().thread()}
    assert progress[-1] == 100 and len(progress) > 3
    assert progress == sorted(progress)
    # The user is told where it is and can open it.
    box = flow.result_box
    assert box is not None and box.isVisible()
    assert box.text() == f"Roadmap saved to {target}"
    open_button = box.findChild(type(dialog.export_button), "open_pdf_button")
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(target))]
    assert not flow.busy


def test_show_in_folder_opens_the_folder(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "roadmap.pdf"
    monkeypatch.setattr(export_dialog, "choose_save_path", Chooser(target))
    opened: list[QUrl] = []
    monkeypatch.setattr(export_dialog, "open_url", lambda url: opened.append(url) or True)
    flow, dialog = open_dialog(qtbot, window)
    with qtbot.waitSignal(flow.finished, timeout=EXPORT_TIMEOUT_MS):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    button = flow.result_box.findChild(type(dialog.export_button), "show_folder_button")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]


def test_a_section_left_out_is_not_in_the_pdf(qtbot, window, controller, tmp_path, monkeypatch):
    full = tmp_path / "full.pdf"
    monkeypatch.setattr(export_dialog, "choose_save_path", Chooser(full))
    flow, dialog = open_dialog(qtbot, window)
    with qtbot.waitSignal(flow.finished, timeout=EXPORT_TIMEOUT_MS):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    flow.result_box.close()

    partial = tmp_path / "partial"  # typed without ".pdf": the suffix is added
    monkeypatch.setattr(export_dialog, "choose_save_path", Chooser(partial))
    flow, dialog = open_dialog(qtbot, window)
    dialog.section_boxes["framework"].setChecked(False)
    dialog.section_boxes["heard"].setChecked(False)
    with qtbot.waitSignal(flow.finished, timeout=EXPORT_TIMEOUT_MS):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    full_text = pdf_text(full.read_bytes())
    partial_text = pdf_text(Path(f"{partial}.pdf").read_bytes())
    interview = next(i for i in controller.session.interviews if not i.private).person
    assert "About the framework" in full_text and "What we heard" in full_text
    assert interview in full_text
    assert "About the framework" not in partial_text
    assert "What we heard" not in partial_text
    assert interview not in partial_text
    assert "Executive summary" in partial_text  # the rest is still there


def test_a_follow_up_offers_what_changed(qtbot, store, framework):
    session = Session(organisation="Acme", follows_up=new_id(), baseline_date=date(2026, 1, 5))
    store.create(session)
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    assert "changes" in dialog.section_boxes
    assert dialog.section_boxes["changes"].text() == "What changed since the last workshop"
    assert dialog.sections() is None  # all ticked: the same as the command line
    dialog.section_boxes["changes"].setChecked(False)
    assert "changes" not in dialog.sections()


def test_an_unwritable_folder_gives_a_clear_message_and_no_file(
    qtbot, window, tmp_path, monkeypatch
):
    target = tmp_path / "gone" / "roadmap.pdf"  # the folder does not exist
    monkeypatch.setattr(export_dialog, "choose_save_path", Chooser(target))
    flow, dialog = open_dialog(qtbot, window)
    with qtbot.waitSignal(flow.failed, timeout=EXPORT_TIMEOUT_MS) as failed:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "does not exist" in failed.args[0]
    box = flow.result_box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Roadmap not exported"
    assert failed.args[0] in box.text() and "Nothing was lost" in box.text()
    assert not target.parent.exists()
    assert not flow.busy


def test_a_report_error_is_shown_and_leaves_no_file(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "roadmap.pdf"
    monkeypatch.setattr(export_dialog, "choose_save_path", Chooser(target))

    def failing_export(*args, progress=None, **kwargs):  # type: ignore[no-untyped-def]
        progress(0.3)
        raise ReportError("Cannot save the PDF: the disk is full.")

    monkeypatch.setattr(workshop.report, "export_roadmap", failing_export)
    flow, dialog = open_dialog(qtbot, window)
    with qtbot.waitSignal(flow.failed, timeout=EXPORT_TIMEOUT_MS):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "the disk is full" in flow.result_box.text()
    assert list(tmp_path.glob("*.pdf")) == []
    assert flow.progress_dialog is None  # the progress is gone, the window is usable


def test_the_export_uses_a_snapshot_taken_when_it_starts(
    qtbot, window, controller, framework, tmp_path, monkeypatch
):
    """Edits made while the PDF is being built do not reach it (nor break it)."""
    target = tmp_path / "roadmap.pdf"
    monkeypatch.setattr(export_dialog, "choose_save_path", Chooser(target))
    started = threading.Event()
    release = threading.Event()
    real_export = workshop.report.export_roadmap
    seen: list[Session] = []

    def slow_export(framework, session, path, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(session)
        started.set()
        release.wait(10)
        return real_export(framework, session, path, **kwargs)

    monkeypatch.setattr(workshop.report, "export_roadmap", slow_export)
    before = copy.deepcopy(controller.session)
    flow, dialog = open_dialog(qtbot, window)
    with qtbot.waitSignal(flow.finished, timeout=EXPORT_TIMEOUT_MS):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert started.wait(10)
        controller.push(
            add_item(controller.session, "actions", Action(id=new_id(), text="Added meanwhile"))
        )
        release.set()
    assert seen[0] is not controller.session
    assert "Added meanwhile" not in [a.text for a in seen[0].actions]
    assert target.read_bytes() == build_roadmap_pdf(framework, before)


def test_default_paper_follows_the_locale() -> None:
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    canada = QLocale(QLocale.Language.French, QLocale.Country.Canada)
    uk = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    germany = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert export_dialog.default_paper(us) == "letter"
    assert export_dialog.default_paper(canada) == "letter"
    assert export_dialog.default_paper(uk) == "a4"
    assert export_dialog.default_paper(germany) == "a4"


def test_suggested_file_names_are_safe() -> None:
    session = Session(organisation='Acme/Freight: "R&D" <EU>?', workshop_date=date(2027, 3, 4))
    name = export_dialog.suggested_file_name(session, "roadmap", ".pdf")
    assert name == "Acme Freight R&D EU roadmap 2027-03-04.pdf"
    unnamed = export_dialog.suggested_file_name(
        Session(workshop_date=date(2027, 3, 4)), "actions", ".csv"
    )
    assert unnamed == "Workshop actions 2027-03-04.csv"


def test_the_export_dialog_does_not_load_reportlab() -> None:
    code = (
        "import sys, workshop.ui.export_dialog, workshop.ui.pages.roadmap; "
        "print('reportlab' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert out.stdout.strip() == "False"


# --- actions as CSV -------------------------------------------------------------------------


def test_actions_export_as_csv_without_private_ones(
    qtbot, window, controller, tmp_path, monkeypatch
):
    secret = Action(id=new_id(), text="Ask about the CFO's budget privately", private=True)
    controller.push(add_item(controller.session, "actions", secret))
    target = tmp_path / "actions.csv"
    chooser = Chooser(target)
    monkeypatch.setattr(export_dialog, "choose_save_path", chooser)

    window.export_actions_action.trigger()

    session = controller.session
    assert Path(chooser.suggested[0]).name == (
        f"{session.organisation} actions {session.workshop_date.isoformat()}.csv"
    )
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8-sig"))))
    texts = [row[0] for row in rows[1:]]
    public = [a.text for a in controller.session.actions if not a.private]
    assert texts == public and public
    assert secret.text not in texts
    assert window.statusBar().currentMessage() == f"Actions saved to {target}"


def test_cancelling_the_csv_file_chooser_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(export_dialog, "choose_save_path", Chooser(""))
    window.export_actions_action.trigger()
    assert list(tmp_path.glob("*.csv")) == []
    assert window.statusBar().currentMessage() == ""


def test_the_menu_offers_both_exports(window) -> None:
    menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in menu.actions()]
    assert "Export roadmap…" in texts and "Export actions as CSV…" in texts
    assert window.export_roadmap_action.shortcut().toString() == "Ctrl+E"

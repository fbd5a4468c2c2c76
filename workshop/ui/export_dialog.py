"""Export the roadmap PDF and the actions CSV from the app window.

The flow a facilitator sees (:class:`RoadmapExportFlow`): a small dialog (paper size, the
sections to include) → the system's save dialog → a progress dialog while the PDF is built
on a worker thread (see :mod:`workshop.ui.export_worker`) → "Roadmap saved to …" with
*Open* and *Show in folder*. The PDF is byte for byte the one ``workshop roadmap ID --out``
writes for the same session, because both call :func:`workshop.report.export_roadmap`.

Two module functions are the seams tests replace: :func:`choose_save_path` (the blocking
file chooser) and :func:`open_url` (hands a file or folder to the desktop).

Importing this module does not import ReportLab (``workshop.report`` is cheap on purpose).
"""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QStandardPaths, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from workshop.report import ROADMAP_SECTIONS, ReportError, export_actions_csv
from workshop.report.sections import FOLLOW_UP_SECTIONS
from workshop.ui import preferences, theme

if TYPE_CHECKING:
    from workshop.domain.session import Session
    from workshop.ui.controller import SessionController
    from workshop.ui.export_worker import RoadmapExportThread

PAPERS: tuple[tuple[str, str], ...] = (("a4", "A4"), ("letter", "US Letter"))
# Where US Letter is the everyday paper size (the rest of the world prints on A4).
LETTER_TERRITORIES = frozenset({QLocale.Country.UnitedStates, QLocale.Country.Canada})
FOLDER_KEY = "export/folder"


# --- seams (tests replace these) ------------------------------------------------------------


def choose_save_path(parent: QWidget | None, caption: str, suggested: str, filters: str) -> str:
    """Ask where to save; "" when the user cancels."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return path


def open_url(url: QUrl) -> bool:
    """Open a file or folder with the desktop's default application."""
    return QDesktopServices.openUrl(url)


# --- names and defaults ---------------------------------------------------------------------


def default_paper(locale: QLocale | None = None) -> str:
    """US Letter in the United States and Canada, A4 everywhere else."""
    territory = (locale or QLocale.system()).territory()
    return "letter" if territory in LETTER_TERRITORIES else "a4"


_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')


def safe_file_part(text: str) -> str:
    """``text`` made safe as part of a file name on Windows, macOS and Linux."""
    cleaned = _UNSAFE.sub(" ", text)
    cleaned = " ".join(cleaned.split()).strip(" .")
    return cleaned[:80].rstrip(" .")


def suggested_file_name(session: Session, what: str, suffix: str) -> str:
    """E.g. "Acme Freight roadmap 2026-11-12.pdf"; never contains a path separator."""
    organisation = safe_file_part(session.organisation) or "Workshop"
    when = session.workshop_date.isoformat() if session.workshop_date else date.today().isoformat()
    return f"{organisation} {what} {when}{suffix}"


def export_folder() -> Path:
    """The folder of the last export, else the user's documents folder."""
    remembered = str(preferences.settings().value(FOLDER_KEY, "") or "")
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(path: str) -> None:
    store = preferences.settings()
    store.setValue(FOLDER_KEY, str(Path(path).parent))
    store.sync()


def with_suffix(path: str, suffix: str) -> str:
    """Add ``suffix`` when the user typed a name without it (some file dialogs do not)."""
    return path if path.lower().endswith(suffix) else path + suffix


# --- the dialog -----------------------------------------------------------------------------


class ExportDialog(QDialog):
    """Paper size and the sections to include. The file is chosen after "Export…"."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        theme.window_font_for(self, parent)  # as large as the window behind it
        self.setWindowTitle("Export roadmap")
        self.setAccessibleName("Export roadmap")
        layout = QVBoxLayout(self)

        intro = QLabel(
            "The PDF opens with the cover and the contents. Choose what else goes in. "
            "Private notes are never printed.",
            self,
        )
        intro.setObjectName("export_intro")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.paper_combo = QComboBox(self)
        self.paper_combo.setObjectName("paper_combo")
        self.paper_combo.setAccessibleName("Paper size")
        for paper_id, name in PAPERS:
            self.paper_combo.addItem(name, paper_id)
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(default_paper()))
        form.addRow("&Paper:", self.paper_combo)
        layout.addLayout(form)

        box = QGroupBox("Sections", self)
        box.setObjectName("sections_box")
        box_layout = QVBoxLayout(box)
        self.section_boxes: dict[str, QCheckBox] = {}
        for section_id, title in ROADMAP_SECTIONS:
            if section_id in FOLLOW_UP_SECTIONS and not session.follows_up:
                continue  # only a follow-up has a "since the last workshop" to report
            check = QCheckBox(title, box)
            check.setObjectName(f"section_{section_id}")
            check.setAccessibleName(f"Include {title}")
            check.setChecked(True)
            box_layout.addWidget(check)
            self.section_boxes[section_id] = check
        layout.addWidget(box, 1)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            "Export…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("export_button")
        self.export_button.setAccessibleName("Choose a file and export")
        self.export_button.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancel_button")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)

    def paper(self) -> str:
        return str(self.paper_combo.currentData())

    def set_paper(self, paper: str) -> None:
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(paper))

    def sections(self) -> set[str] | None:
        """The sections to print; None when every one offered is ticked (the CLI default)."""
        chosen = {sid for sid, check in self.section_boxes.items() if check.isChecked()}
        return None if len(chosen) == len(self.section_boxes) else chosen


# --- the flow -------------------------------------------------------------------------------


class RoadmapExportFlow(QObject):
    """Dialog → file chooser → worker thread with progress → "saved" or a clear error.

    One per window (see :meth:`for_window`), so the menu and the roadmap page share it and
    only one export runs at a time.
    """

    #: The PDF is in place (emitted after the "saved" message is up).
    finished = Signal(str)
    #: Nothing was written; the message shown to the user.
    failed = Signal(str)
    #: Percent done, on the UI thread.
    progressed = Signal(int)

    def __init__(self, controller: SessionController, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("roadmap_export_flow")
        self.controller = controller
        self.host = window  # the window the dialogs belong to
        self.dialog: ExportDialog | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.result_box: QMessageBox | None = None
        self._export_thread: RoadmapExportThread | None = None
        self.path = ""

    @classmethod
    def for_window(cls, widget: QWidget, controller: SessionController) -> RoadmapExportFlow:
        window = widget.window()
        found = window.findChild(RoadmapExportFlow, "roadmap_export_flow")
        return found if found is not None else cls(controller, window)

    @property
    def busy(self) -> bool:
        return self._export_thread is not None

    # --- steps -----------------------------------------------------------------------------

    def start(self) -> None:
        """Show the export dialog (non-blocking); the export goes on when it is accepted."""
        if self.busy:
            if self.progress_dialog is not None:
                self.progress_dialog.show()
            return
        self.controller.flush()  # typing in progress belongs in the PDF
        self.dialog = ExportDialog(self.controller.session, self.host)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.accepted.connect(self._dialog_accepted)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()

    @Slot()
    def _dialog_accepted(self) -> None:
        dialog = self.dialog
        assert dialog is not None
        paper, sections = dialog.paper(), dialog.sections()
        self.dialog = None
        suggested = export_folder() / suggested_file_name(
            self.controller.session, "roadmap", ".pdf"
        )
        path = choose_save_path(
            self.host, "Save the roadmap as", str(suggested), "PDF documents (*.pdf)"
        )
        if path:
            self.export_to(with_suffix(path, ".pdf"), paper=paper, sections=sections)

    def export_to(self, path: str, *, paper: str, sections: set[str] | None) -> None:
        """Build the PDF off the UI thread from a snapshot of the session taken now."""
        from workshop.ui.export_worker import RoadmapExportThread

        if self.busy:
            return
        self.controller.flush()
        # The snapshot is taken here, on the UI thread: the worker never sees a session
        # that is being edited. Items are frozen dataclasses; the lists are copied too.
        snapshot = copy.deepcopy(self.controller.session)
        self.path = path
        thread = RoadmapExportThread(
            self.controller.framework, snapshot, path, paper=paper, sections=sections
        )
        thread.progressed.connect(self._progressed)
        thread.succeeded.connect(self._succeeded)
        thread.failed.connect(self._failed)
        self._export_thread = thread
        self._show_progress()
        thread.start()

    def _show_progress(self) -> None:
        progress = QProgressDialog(
            f"Building the roadmap PDF…\n{Path(self.path).name}", "Hide", 0, 100, self.host
        )
        progress.setObjectName("export_progress")
        progress.setWindowTitle("Exporting the roadmap")
        progress.setAccessibleName("Roadmap export progress")
        # Not modal: the export works on a copy, so the facilitator can carry on meanwhile.
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setMinimumDuration(400)  # a quick export never flashes a dialog
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(progress.fontMetrics().averageCharWidth() * 44)
        progress.setValue(0)
        self.progress_dialog = progress

    @Slot(int)
    def _progressed(self, percent: int) -> None:
        if self.progress_dialog is not None and not self.progress_dialog.wasCanceled():
            self.progress_dialog.setValue(percent)
        self.progressed.emit(percent)

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self._export_thread = None

    @Slot(str)
    def _succeeded(self, path: str) -> None:
        self._close_progress()
        remember_folder(path)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Roadmap exported",
            f"Roadmap saved to {path}",
            QMessageBox.StandardButton.NoButton,
            self.host,
        )
        box.setObjectName("export_done_box")
        box.setTextFormat(Qt.TextFormat.PlainText)
        open_button = box.addButton("Open", QMessageBox.ButtonRole.AcceptRole)
        open_button.setObjectName("open_pdf_button")
        folder_button = box.addButton("Show in folder", QMessageBox.ButtonRole.ActionRole)
        folder_button.setObjectName("show_folder_button")
        close_button = box.addButton(QMessageBox.StandardButton.Close)
        close_button.setObjectName("close_button")
        box.setDefaultButton(open_button)
        box.setEscapeButton(close_button)

        def clicked(button: QAbstractButton) -> None:
            if button is open_button:
                open_url(QUrl.fromLocalFile(path))
            elif button is folder_button:
                open_url(QUrl.fromLocalFile(str(Path(path).parent)))

        box.buttonClicked.connect(clicked)
        box.finished.connect(box.deleteLater)
        self.result_box = box
        box.open()
        self.finished.emit(path)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._close_progress()
        text = (
            f"The roadmap could not be saved.\n\n{message}\n\n"
            "Nothing was lost: the workshop itself is saved, and no file was written."
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Roadmap not exported",
            text,
            QMessageBox.StandardButton.Ok,
            self.host,
        )
        box.setObjectName("export_failed_box")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.finished.connect(box.deleteLater)
        self.result_box = box
        box.open()
        self.failed.emit(message)


# --- actions as CSV -------------------------------------------------------------------------


def export_actions_interactively(parent: QWidget, controller: SessionController) -> str:
    """Ask for a file and write the public actions as CSV (small: done right here).

    Returns the status-bar text, or "" when the user cancelled.
    """
    controller.flush()
    suggested = export_folder() / suggested_file_name(controller.session, "actions", ".csv")
    path = choose_save_path(
        parent, "Save the actions as", str(suggested), "CSV spreadsheets (*.csv)"
    )
    if not path:
        return ""
    path = with_suffix(path, ".csv")
    try:
        export_actions_csv(controller.session, path)
    except ReportError as error:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Actions not exported",
            f"The actions could not be saved.\n\n{error}\n\nNothing was lost.",
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setObjectName("actions_failed_box")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.finished.connect(box.deleteLater)
        box.open()
        return "Actions not exported"
    remember_folder(path)
    return f"Actions saved to {path}"


__all__ = [
    "ExportDialog",
    "RoadmapExportFlow",
    "choose_save_path",
    "default_paper",
    "export_actions_interactively",
    "open_url",
    "suggested_file_name",
]

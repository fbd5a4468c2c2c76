"""The roadmap PDF is built on a worker thread, from a snapshot of the session.

Laying out a large session takes long enough to freeze the window in front of the room, so
the export runs on a :class:`QThread`. The UI thread takes the snapshot (a deep copy: the
worker must never read a session that the UI is still editing) and hands it over; the worker
touches no widget and only emits signals. The signals belong to the thread object, which
lives on the UI thread, so slots of UI objects run on the UI thread (queued connections).

ReportLab is imported by the export function itself, on the worker thread, the first time a
PDF is built: the window never pays for it at start-up.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QThread, Signal

if TYPE_CHECKING:
    from workshop.domain.session import Session
    from workshop.framework.model import Framework

log = logging.getLogger(__name__)

# Threads still running, kept here rather than parented to a window: closing the window
# during an export must not destroy a running QThread (Qt aborts the process when it is).
_RUNNING: set[RoadmapExportThread] = set()


class RoadmapExportThread(QThread):
    """Builds and writes one roadmap PDF. Create on the UI thread, then ``start()``."""

    #: Percent done, 0-100 (only when it changes).
    progressed = Signal(int)
    #: The PDF is in place at this path.
    succeeded = Signal(str)
    #: Nothing was written; the message is for the facilitator.
    failed = Signal(str)

    def __init__(
        self,
        framework: Framework,
        snapshot: Session,
        path: str,
        *,
        paper: str,
        sections: set[str] | None,
    ) -> None:
        super().__init__()
        self.setObjectName("roadmap_export_thread")
        self.framework = framework
        self.snapshot = snapshot
        self.path = path
        self.paper = paper
        self.sections = sections
        self._percent = -1
        _RUNNING.add(self)
        self.finished.connect(self._forget)
        _install_exit_hook()

    def run(self) -> None:
        # Looked up at run time so the export function can be replaced in tests.
        from workshop import report

        try:
            report.export_roadmap(
                self.framework,
                self.snapshot,
                self.path,
                paper=self.paper,
                sections=self.sections,
                progress=self._report,
            )
        except report.ReportError as error:
            self.failed.emit(str(error))
        except Exception as error:  # never let a bug kill the thread silently
            log.exception("roadmap export failed")
            self.failed.emit(f"Something went wrong while building the PDF: {error}")
        else:
            self.succeeded.emit(self.path)

    def _report(self, fraction: float) -> None:
        percent = round(max(0.0, min(fraction, 1.0)) * 100)
        if percent != self._percent:
            self._percent = percent
            self.progressed.emit(percent)

    def _forget(self) -> None:
        _RUNNING.discard(self)
        self.deleteLater()


def wait_for_exports(timeout_ms: int = 30_000) -> None:
    """Let running exports finish (at application exit: never leave half a file behind)."""
    for thread in list(_RUNNING):
        thread.wait(timeout_ms)


def _install_exit_hook() -> None:
    app = QCoreApplication.instance()
    if app is not None and not app.property("workshop_export_hook"):
        app.setProperty("workshop_export_hook", True)
        app.aboutToQuit.connect(wait_for_exports)


__all__ = ["RoadmapExportThread", "wait_for_exports"]

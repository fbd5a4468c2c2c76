"""Helpers for the trust tests: answering modal dialogs as a person would, a store whose disk
"fills up", and the files beside a database."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from workshop.domain.edits import Edit
from workshop.store.errors import StoreBusy
from workshop.store.repository import Store


class ModalAnswers(QObject):
    """Click through the modal dialogs that come up, in the order given.

    Each step names the dialog (its object name or window title) and the button to click
    (its object name; None for the dialog's default/first button). ``before`` runs first, with
    the dialog, e.g. to record its text or to mend the disk before "Try again".
    """

    def __init__(self) -> None:
        super().__init__()
        self.steps: list[tuple[str, str | None, Callable[[QWidget], None] | None]] = []
        self.seen: list[str] = []  # the text of each dialog answered
        self.timer = QTimer(self)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def then(
        self,
        dialog: str,
        button: str | None = None,
        before: Callable[[QWidget], None] | None = None,
    ) -> ModalAnswers:
        self.steps.append((dialog, button, before))
        return self

    @property
    def done(self) -> bool:
        return not self.steps

    def _tick(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not self.steps:
            return
        name, button, before = self.steps[0]
        if name not in (widget.objectName(), widget.windowTitle()):
            return
        self.steps.pop(0)
        if isinstance(widget, QMessageBox):
            self.seen.append(f"{widget.text()}\n{widget.informativeText()}".strip())
        if before is not None:
            before(widget)
        target: Any
        if button is None:
            target = (
                widget.defaultButton()
                if isinstance(widget, QMessageBox) and widget.defaultButton()
                else widget.findChildren(QAbstractButton)[0]
            )
        else:
            target = widget.findChild(QAbstractButton, button)
            assert target is not None, f"no button {button} in {name}"
        target.click()


class FlakyStore(Store):
    """The real store, with a switch that makes every save fail as a full disk does."""

    failing = False

    def apply(self, session_id: str, edit: Edit) -> None:
        if self.failing:
            raise StoreBusy(f"could not save to {self.path}: database or disk is full")
        super().apply(session_id, edit)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def companions(db: Path) -> list[str]:
    return sorted(
        p.name for p in db.parent.iterdir() if p.name in (f"{db.name}-wal", f"{db.name}-shm")
    )

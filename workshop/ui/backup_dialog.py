"""*Restore from backup…*: the automatic backups, each with what it holds, and a choice.

Each row says when the copy was made, why (at start, while editing, before a delete...), how
many workshops it holds and when the newest of them was last edited; hovering a row lists the
workshops by name. Restoring replaces the database with the chosen copy; the database as it is
now is backed up first, so a restore can itself be undone from this same list.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.store.backups import Backup

REASONS = {
    "start": "At start",
    "editing": "While editing",
    "before-upgrade": "Before an upgrade",
    "before-delete": "Before a delete",
    "before-demo": "Before the demo refresh",
    "before-restore": "Before a restore",
    "manual": "By hand",
}


def when(backup: Backup) -> str:
    return backup.made_at.astimezone().strftime("%a %d %b %Y, %H:%M")


class BackupDialog(QDialog):
    def __init__(self, backups: Sequence[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_dialog")
        self.setWindowTitle("Restore from backup")
        self.backups = list(backups)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Choose a backup to put in place of the database. The database as it is now is "
            "backed up first, so this can be undone."
            if self.backups
            else "There are no backups yet: one is made each time the app starts."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.backups), 4, self)
        self.table.setObjectName("backup_table")
        self.table.setHorizontalHeaderLabels(["Made", "Why", "Workshops", "Last edit"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, backup in enumerate(self.backups):
            last = (
                backup.last_edit.astimezone().strftime("%d %b %Y, %H:%M")
                if backup.last_edit
                else "—"
            )
            holds = backup.summary if backup.readable else "Cannot be read"
            cells = (when(backup), REASONS.get(backup.reason, backup.reason), holds, last)
            names = "\n".join(backup.workshops) or "No workshops"
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(names)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self._accept_if_chosen())
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setEnabled(False)
        buttons.accepted.connect(self._accept_if_chosen)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.chosen() is not None)
        )
        if self.backups:
            self.table.selectRow(0)
        self.resize(self.sizeHint().expandedTo(self.table.sizeHint()))

    def chosen(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        backup = self.backups[rows[0].row()]
        return backup if backup.readable else None

    def _accept_if_chosen(self) -> None:
        if self.chosen() is not None:
            self.accept()


__all__ = ["BackupDialog"]

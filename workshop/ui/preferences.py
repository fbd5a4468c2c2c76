"""User preferences (theme, zoom) kept in QSettings, and the preferences dialog.

Settings are an INI file in the user's config folder, under the app's one name
(``~/.config/ml-team-maturity-workshop/settings.ini``, beside the data and log folders of the
same name). Tests point them elsewhere with
``QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

from workshop import APP_ID
from workshop.ui import theme

# The settings file is <config>/ORGANISATION/APPLICATION.ini.
ORGANISATION = APP_ID
APPLICATION = "settings"
# Where versions up to 0.1 kept them; moved over once (see _move_old_settings).
OLD_ORGANISATION = "MLTeamMaturity"
OLD_APPLICATION = "Workshop"


def _ini(organisation: str, application: str) -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, organisation, application
    )


def _move_old_settings(new: QSettings) -> None:
    """Copy settings from the old name the first time the new file is missing (cheap: one stat)."""
    target = Path(new.fileName())
    if target.exists():
        return
    old = Path(_ini(OLD_ORGANISATION, OLD_APPLICATION).fileName())
    if old.is_file():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(old, target)
        except OSError:
            return  # keep the defaults rather than fail to start
        new.sync()  # re-read the copied file


def settings() -> QSettings:
    store = _ini(ORGANISATION, APPLICATION)
    _move_old_settings(store)
    return store


def last_folder(kind: str) -> str:
    """The folder a file of ``kind`` was last opened from or saved to ("" the first time)."""
    folder = str(settings().value(f"folders/{kind}", "") or "")
    return folder if folder and Path(folder).is_dir() else ""


def remember_folder(kind: str, file_path: str) -> None:
    store = settings()
    store.setValue(f"folders/{kind}", str(Path(file_path).parent))
    store.sync()


class Preferences:
    """Typed access to the few settings we keep."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._settings = store if store is not None else settings()

    @property
    def theme(self) -> str:
        value = str(self._settings.value("appearance/theme", theme.DEFAULT_THEME))
        return value if value in theme.THEMES else theme.DEFAULT_THEME

    @theme.setter
    def theme(self, value: str) -> None:
        self._settings.setValue("appearance/theme", value)

    @property
    def zoom(self) -> float:
        raw = self._settings.value("appearance/zoom", 1.0)  # a string in an INI file
        try:
            value = float(raw) if isinstance(raw, (int, float, str)) else 1.0
        except ValueError:
            return 1.0
        return min(max(value, theme.ZOOM_STEPS[0]), theme.ZOOM_STEPS[-1])

    @zoom.setter
    def zoom(self, value: float) -> None:
        self._settings.setValue("appearance/zoom", value)

    def sync(self) -> None:
        self._settings.sync()


class PreferencesDialog(QDialog):
    """Choose the theme; the choice is applied live while the dialog is open."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferences_dialog")
        self.preferences = preferences
        self.theme_combo = QComboBox(self)
        self.theme_combo.setObjectName("theme_combo")
        self.theme_combo.setAccessibleName("Theme")
        for t in theme.THEMES.values():
            self.theme_combo.addItem(t.name, t.id)
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(preferences.theme))
        self.theme_combo.currentIndexChanged.connect(self._theme_chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        form = QFormLayout(self)
        form.addRow("&Theme", self.theme_combo)
        form.addRow(buttons)

    def _theme_chosen(self) -> None:
        from PySide6.QtWidgets import QApplication

        theme_id = str(self.theme_combo.currentData())
        self.preferences.theme = theme_id
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, theme_id, self.preferences.zoom)

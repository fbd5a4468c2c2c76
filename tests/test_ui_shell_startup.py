"""Start-up: the library shows its workshops, paints, and exits; nothing heavy is imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.domain.session import Session
from workshop.store import open_store

PROBE = """
import json, sys
from PySide6.QtCore import QSettings
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from workshop.ui import app as ui_app

shown = {}
original = ui_app.App.__init__

def spy(self, *args, **kwargs):
    original(self, *args, **kwargs)
    shown["library"] = self.library

ui_app.App.__init__ = spy
code = ui_app.run_gui(sys.argv[1], exit_after_startup=True)
library = shown["library"]
print(json.dumps({
    "code": code,
    "rows": library.visible_titles(),
    "heavy": sorted(m for m in ("pyqtgraph", "numpy", "reportlab", "alembic") if m in sys.modules),
}))
"""


@pytest.mark.slow
def test_exit_after_startup_shows_the_library_and_stays_lean(tmp_path: Path) -> None:
    db = tmp_path / "start.sqlite3"
    store = open_store(db)
    store.create(Session(organisation="Acme Freight", title="Kick-off"))
    store.close()
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(db), str(tmp_path / "settings")],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    assert report["rows"] == [["Acme Freight", "Kick-off"]]
    assert report["heavy"] == []

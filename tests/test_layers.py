"""The architecture's contracts (pyproject.toml, [tool.importlinter]) hold on the tree, and
catch breaches planted in a copy of it — so a contract that could never fail is caught too."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.slow


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(tree / "pyproject.toml")],
        cwd=tree,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_tree_keeps_its_layers() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_planted_breaches_are_caught(tmp_path: Path) -> None:
    shutil.copytree(
        ROOT / "workshop",
        tmp_path / "workshop",
        ignore=shutil.ignore_patterns("resources", "__pycache__"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "workshop" / "domain" / "leak.py").write_text(
        "def f():\n    from PySide6.QtWidgets import QWidget\n    import sqlalchemy\n"
        "    from workshop.ui import app\n"
    )
    (tmp_path / "workshop" / "store" / "leak.py").write_text("from reportlab.lib import colors\n")
    (tmp_path / "workshop" / "service" / "leak.py").write_text("import workshop.store.repository\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    broken = [line for line in result.stdout.splitlines() if line.endswith("BROKEN")]
    assert any("Qt only in workshop.ui" in line for line in broken)
    assert any("SQLAlchemy" in line for line in broken)
    assert any("ReportLab" in line for line in broken)
    assert any("The domain needs no other room" in line for line in broken)
    assert any("The service" in line for line in broken)
    assert "workshop.domain.leak -> PySide6 (l.2)" in result.stdout
    assert "workshop.store.leak -> reportlab (l.1)" in result.stdout
    assert "workshop.service.leak -> workshop.store.repository (l.1)" in result.stdout


def test_the_room_server_may_not_reach_for_qt_or_the_database(tmp_path: Path) -> None:
    shutil.copytree(
        ROOT / "workshop",
        tmp_path / "workshop",
        ignore=shutil.ignore_patterns("resources", "__pycache__"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "workshop" / "room" / "leak.py").write_text(
        "from PySide6.QtCore import QObject\nfrom workshop.store import open_store\n"
    )
    (tmp_path / "workshop" / "domain" / "leak.py").write_text("import workshop.room.server\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "workshop.room.leak -> PySide6 (l.1)" in result.stdout
    assert "workshop.room.leak -> workshop.store (l.2)" in result.stdout
    assert "workshop.domain.leak -> workshop.room.server (l.1)" in result.stdout

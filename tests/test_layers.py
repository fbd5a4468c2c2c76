"""The layer check passes on the tree and catches a breach planted in a copy of it."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("check_layers", ROOT / "tools" / "check_layers.py")
assert spec and spec.loader
check_layers = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_layers)


def test_the_tree_keeps_its_layers() -> None:
    assert check_layers.breaches() == []


def test_a_planted_breach_is_caught(tmp_path: Path) -> None:
    tree = tmp_path / "workshop"
    shutil.copytree(ROOT / "workshop", tree, ignore=shutil.ignore_patterns("resources", "__pycache__"))
    (tree / "domain" / "leak.py").write_text(
        "def f():\n    from PySide6.QtWidgets import QWidget\n    import sqlalchemy\n    from workshop.ui import app\n"
    )
    (tree / "store" / "leak.py").write_text("from reportlab.lib import colors\n")
    problems = check_layers.breaches(tree)
    assert any("domain/leak.py:2: imports PySide6.QtWidgets" in p for p in problems)
    assert any("domain/leak.py:3: imports sqlalchemy" in p for p in problems)
    assert any("domain/ must not import workshop.ui" in p for p in problems)
    assert any("store/leak.py:1: imports reportlab.lib" in p for p in problems)
    assert len(problems) == 4


def test_the_room_server_imports_no_qt_and_no_database(tmp_path: Path) -> None:
    tree = tmp_path / "workshop"
    shutil.copytree(ROOT / "workshop", tree, ignore=shutil.ignore_patterns("resources", "__pycache__"))
    (tree / "room" / "leak.py").write_text(
        "from PySide6.QtCore import QObject\nfrom workshop.store import open_store\n"
    )
    problems = check_layers.breaches(tree)
    assert any("room/leak.py:1: imports PySide6.QtCore" in p for p in problems)
    assert any("room/ must not import workshop.store" in p for p in problems)

"""Shared test set-up: headless Qt, and nothing touches the real user's files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Set before anything imports Qt, so a bare `pytest` runs headless.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolate_user_files(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the default database and Qt settings at a throw-away folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKSHOP_DB", str(home / "workshop.sqlite3"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workshop.sqlite3"

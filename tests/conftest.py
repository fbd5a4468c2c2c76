"""Shared test set-up: headless Qt, nothing touches the real user's files, and the fixtures
most tests share (the shipped framework, a store in a temp folder)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from workshop.framework.model import Framework
    from workshop.store import Store

# Set before anything imports Qt, so a bare `pytest` runs headless.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolate_user_files(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point the default database and Qt settings at a throw-away folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKSHOP_DB", str(home / "workshop.sqlite3"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # the app's log
    # Only a test module that imported Qt can read preferences: the domain tests never
    # import it, and importing it here would slow them down and blur the layer checks.
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        settings = qtcore.QSettings
        settings.setPath(
            settings.Format.IniFormat, settings.Scope.UserScope, str(home / "settings")
        )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workshop.sqlite3"


@pytest.fixture(scope="session")
def framework() -> Framework:
    """The shipped framework content (immutable, so one load serves every test)."""
    from workshop.framework import load_framework

    return load_framework()


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A fresh store in the test's temp folder, closed afterwards."""
    from workshop.store import open_store

    opened = open_store(db_path)
    yield opened
    opened.close()

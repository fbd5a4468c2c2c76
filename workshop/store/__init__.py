"""Persistence: sessions in SQLite (SQLAlchemy 2, Alembic migrations) and portable files.

Importing this package imports nothing heavy: SQLAlchemy loads when a :class:`Store` is
first asked for (``from workshop.store import open_store``), Alembic only when a migration
is actually needed, jsonschema only when a session file is imported. The library's first
frame needs only :mod:`workshop.store.catalog` (the standard library's sqlite3).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workshop.store.catalog import SessionSummary
from workshop.store.errors import (
    DamagedSessionError,
    NewerDatabaseError,
    SessionNotFound,
    StoreError,
)

if TYPE_CHECKING:
    from workshop.store.repository import Store, open_store

__all__ = [
    "DamagedSessionError",
    "NewerDatabaseError",
    "SessionNotFound",
    "SessionSummary",
    "Store",
    "StoreError",
    "open_store",
]


def __getattr__(name: str) -> Any:
    if name in ("Store", "open_store"):
        from workshop.store import repository

        return getattr(repository, name)
    raise AttributeError(f"module 'workshop.store' has no attribute {name!r}")

"""Persistence: sessions in SQLite (SQLAlchemy 2, Alembic migrations) and portable files.

Importing this package does not import Alembic or jsonschema: they are loaded only when a
migration is actually needed or a session file is imported.
"""

from workshop.store.errors import NewerDatabaseError, SessionNotFound, StoreError
from workshop.store.repository import SessionSummary, Store, open_store

__all__ = [
    "NewerDatabaseError",
    "SessionNotFound",
    "SessionSummary",
    "Store",
    "StoreError",
    "open_store",
]

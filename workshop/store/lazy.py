"""A store that lists sessions at once and opens the full database connection later.

The library's first frame needs only the list of workshops. When the database is already at
the current revision, :func:`open_store_lazily` returns a :class:`LazyStore` that answers
``list_sessions`` from :mod:`workshop.store.catalog` (standard-library sqlite3) and opens
the real :class:`~workshop.store.repository.Store` — importing SQLAlchemy — on the first
other call, or when :meth:`LazyStore.warm_up` is called after the first frame.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop.store.catalog import SessionSummary, read_catalog
from workshop.store.health import check_database
from workshop.store.location import resolve_db_path

if TYPE_CHECKING:
    from workshop.store.repository import Store


class LazyStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._store: Store | None = None

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"

    def list_sessions(
        self, search: str = "", *, include_deleted: bool = False
    ) -> list[SessionSummary]:
        return read_catalog(self.path, search, include_deleted=include_deleted)

    def warm_up(self) -> Store:
        if self._store is None:
            from workshop.store.repository import open_store

            self._store = open_store(self.path, checked=True)  # checked when listed
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None  # a later call opens it again (e.g. after a restore)

    def __getattr__(self, name: str) -> Any:
        # Everything but the list goes to the real store, opened on first use.
        return getattr(self.warm_up(), name)


def open_store_lazily(db: str | os.PathLike[str] | None = None) -> Store | LazyStore:
    """Like :func:`open_store`, but defers SQLAlchemy when no migration or creation is due."""
    path = resolve_db_path(db).absolute()
    if check_database(path).kind == "current":  # refuses newer, damaged, foreign -wal here
        return LazyStore(path)
    from workshop.store.repository import open_store

    return open_store(path)

"""What the library and workshop windows use of the store, as a protocol.

The workshop service's needs are :class:`workshop.service.ports.LibraryStore`; the windows
need a little more (where the file is, a damaged workshop read as far as it goes, closing the
file before a backup is restored). The SQLite :class:`workshop.store.repository.Store` and the
:class:`workshop.store.lazy.LazyStore` the app starts with both have it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from workshop.service.ports import LibraryStore

if TYPE_CHECKING:
    from workshop.domain.session import Session


class DesktopStore(LibraryStore, Protocol):
    @property
    def path(self) -> Path:
        """The database file."""

    def load_salvaged(self, session_id: str) -> tuple[Session, list[str]]:
        """A damaged workshop as far as its rows can be read, and a note per value left out."""

    def close(self) -> None:
        """Close every connection (the next call opens the file again)."""

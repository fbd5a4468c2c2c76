"""What the workshop service needs from the outside world, as protocols.

The service never imports the store: it is handed something that has these methods (the
SQLite :class:`workshop.store.repository.Store` in the app and the CLI, an in-memory fake in
tests). Save failures are told apart by :mod:`workshop.domain.failures`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from workshop.domain.edits import Edit
from workshop.domain.session import Session


class SessionStore(Protocol):
    """Where one open workshop's edits go."""

    def apply(self, session_id: str, edit: Edit) -> None:
        """Write exactly the rows ``edit`` touches, in one transaction, or raise."""

    def set_stage_reached(self, session_id: str, stage_id: str) -> None:
        """Remember the placed stage for the library list (a cache, not an edit)."""


class LibraryStore(SessionStore, Protocol):
    """Everything the library needs: whole sessions in and out."""

    def load(self, session_id: str) -> Session: ...

    def create(self, session: Session) -> None: ...

    def delete(self, session_id: str) -> None: ...

    def restore(self, session_id: str) -> None: ...

    def purge(self, session_id: str) -> None: ...

    def replace(self, session: Session) -> None:
        """Put ``session`` in place of any saved one with its id, in one transaction."""

    def list_sessions(self, search: str = "", *, include_deleted: bool = False) -> Sequence[Any]: ...


class EditJournal(Protocol):
    """A place outside the database for edits that could not be saved yet.

    :meth:`save` is called with *every* edit still pending after a failed save, so the
    journal always holds exactly what is in memory but not on disk; :meth:`clear` once
    everything reached the database again.
    """

    def save(self, session_id: str, edits: Sequence[Edit]) -> None: ...

    def clear(self, session_id: str) -> None: ...

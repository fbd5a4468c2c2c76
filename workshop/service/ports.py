"""What the workshop service needs from the outside world, as protocols.

The service never imports the store: it is handed something that has these methods (the
SQLite :class:`workshop.store.repository.Store` in the app and the CLI, an in-memory fake in
tests). Save failures are told apart by :mod:`workshop.domain.failures`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from workshop.domain.edits import Edit
from workshop.domain.session import Session


class SessionListing(Protocol):
    """One line of the library list: what is shown of a workshop without loading it."""

    @property
    def id(self) -> str: ...
    @property
    def organisation(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def workshop_date(self) -> date | None: ...
    @property
    def facilitator(self) -> str: ...
    @property
    def follows_up(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def updated_at(self) -> datetime: ...
    @property
    def stage_reached(self) -> str:
        """The placed stage's id; "" when not known yet."""

    @property
    def damaged(self) -> str:
        """What could not be read in this workshop's row; "" when nothing."""


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

    def list_sessions(
        self, search: str = "", *, include_deleted: bool = False
    ) -> Sequence[SessionListing]: ...


class EditJournal(Protocol):
    """A place outside the database for edits that could not be saved yet.

    :meth:`save` is called with *every* edit still pending after a failed save, so the
    journal always holds exactly what is in memory but not on disk; :meth:`clear` once
    everything reached the database again.
    """

    def save(self, session_id: str, edits: Sequence[Edit]) -> None: ...

    def clear(self, session_id: str) -> None: ...

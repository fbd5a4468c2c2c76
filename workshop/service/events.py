"""What the workshop service tells its listeners (the Qt adapter, the CLI, tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from workshop.domain.edits import Edit
from workshop.service.changes import Change


@dataclass(frozen=True)
class Changed:
    """The session in memory changed (an edit, an undo or a redo)."""

    change: Change


@dataclass(frozen=True)
class Saved:
    """Everything in memory is on disk, as of ``at``."""

    at: datetime


@dataclass(frozen=True)
class SaveFailed:
    """An edit did not reach the disk.

    ``retryable``: it is kept (in memory and in the journal) and tried again with the next
    save. Not retryable: the database refused it for good (the row is gone); it was reported
    once and the edits after it save as usual.
    """

    message: str
    retryable: bool
    edit: Edit


@dataclass(frozen=True)
class Refused:
    """An edit did not fit the session (stale or impossible value); nothing changed."""

    message: str


Event = Changed | Saved | SaveFailed | Refused

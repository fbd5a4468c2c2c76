"""Errors the store raises. Every message is one line a facilitator can act on."""

from __future__ import annotations

from workshop.domain.failures import PermanentSaveFailure, RetryableSaveFailure


class StoreError(Exception):
    """The database cannot be used (not a workshop database, unreadable, damaged...)."""


class StoreBusy(StoreError, RetryableSaveFailure):
    """A write did not happen for a reason that may pass: locked, disk full, read-only,
    an I/O error. The workshop service keeps the edit and tries again."""


class WriteRefused(StoreError, PermanentSaveFailure):
    """The saved workshop has no row where the edit expects one (deleted elsewhere), a
    constraint refuses the value, or the edit names a field the table lacks: trying again
    cannot help."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer version of the app; it is left untouched."""


class SessionNotFound(StoreError, PermanentSaveFailure, KeyError):
    """No (undeleted) session with that id in this database."""

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0]) if self.args else "session not found"


class DamagedSessionError(StoreError):
    """One workshop's rows hold values that cannot be read; the others are unaffected, and
    this one can still be exported as far as possible (:meth:`Store.load_salvaged`)."""

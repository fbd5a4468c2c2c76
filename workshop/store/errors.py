"""Errors the store raises. Every message is one line a facilitator can act on."""

from __future__ import annotations


class StoreError(Exception):
    """The database cannot be used (not a workshop database, unreadable, damaged...)."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer version of the app; it is left untouched."""


class SessionNotFound(StoreError, KeyError):
    """No (undeleted) session with that id in this database."""

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0]) if self.args else "session not found"


class DamagedSessionError(StoreError):
    """One workshop's rows hold values that cannot be read; the others are unaffected, and
    this one can still be exported as far as possible (:meth:`Store.load_salvaged`)."""

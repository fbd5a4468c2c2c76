"""The workshop service: opening a workshop, applying edits, undo/redo, closing.

The GUI (through a small Qt adapter, ``workshop/ui/controller.py``), the library and the
command line all change workshops through this room, so the sequence *check → commit →
memory → history → notify* is written once. No Qt and no SQLAlchemy here: the store is
reached through the protocols in :mod:`workshop.service.ports`.
"""

from workshop.service.changes import Change, Touch, change_of, touched_by
from workshop.service.events import Changed, Event, Refused, Saved, SaveFailed
from workshop.service.library import LibraryService
from workshop.service.ports import EditJournal, LibraryStore, SessionStore
from workshop.service.workshop import EditRefused, WorkshopService, cache_stage

__all__ = [
    "Change",
    "Changed",
    "EditJournal",
    "EditRefused",
    "Event",
    "LibraryService",
    "LibraryStore",
    "Refused",
    "SaveFailed",
    "Saved",
    "SessionStore",
    "Touch",
    "WorkshopService",
    "cache_stage",
    "change_of",
    "touched_by",
]

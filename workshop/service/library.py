"""The library's use cases: every way a whole workshop is created, renamed or removed.

The library window and the command line both go through :class:`LibraryService`, so a
workshop made by ``workshop sessions import`` has exactly the rows of one imported in the app,
and a rename from the library is validated and saved like a title typed on the overview.
Undo of library operations is the caller's (the library window keeps a Qt undo stack whose
commands call :meth:`rename`, :meth:`delete` and :meth:`restore` plainly).
"""

from __future__ import annotations

from datetime import date

from workshop.domain.edits import EditError, SetField, set_session_field
from workshop.domain.session import Session
from workshop.domain.validation import InvalidValue
from workshop.framework.model import Framework
from workshop.service.ports import EditJournal, LibraryStore
from workshop.service.workshop import EditRefused, WorkshopService, cache_stage


class LibraryService:
    def __init__(self, store: LibraryStore, framework: Framework) -> None:
        self.store = store
        self.framework = framework

    def open(self, session_id: str, journal: EditJournal | None = None) -> WorkshopService:
        """Load a workshop and return the service that edits it."""
        session = self.store.load(session_id)
        return WorkshopService(session, self.framework, self.store, journal)

    def create(self, session: Session) -> str:
        """Save a new workshop (set up, imported, duplicated or the demo) in one transaction,
        with its stage known, so the library shows it at once."""
        self.store.create(session)
        cache_stage(self.store, self.framework, session)
        return session.id

    def import_session(self, session: Session) -> str:
        """A workshop read from a session file (already validated, with a new id)."""
        return self.create(session)

    def duplicate_as_follow_up(self, session_id: str, on: date) -> Session:
        from workshop.domain.followup import make_follow_up

        previous = self.store.load(session_id)
        follow_up = make_follow_up(previous, on, content_version=self.framework.version)
        self.create(follow_up)
        return follow_up

    def rename(self, session_id: str, title: str) -> SetField | None:
        """Set the workshop's title (validated as on the overview page).

        Returns the edit that was saved (its inverse renames back), or None when the title
        did not change. Raises :class:`EditRefused` for a title the domain refuses.
        """
        session = self.store.load(session_id)
        title = title.strip()
        if not title or title == session.title:
            return None
        edit = set_session_field(session, "title", title, "Rename workshop")
        self.apply_to_saved(session, edit)
        return edit

    def apply_to_saved(self, session: Session, edit: SetField) -> None:
        """Check ``edit`` against ``session`` (as loaded) and save it."""
        try:
            edit.apply(session)
        except (EditError, InvalidValue, KeyError) as error:
            raise EditRefused(str(error).strip("'\"")) from error
        self.store.apply(session.id, edit)

    def undo_rename(self, session_id: str, edit: SetField) -> None:
        self.apply_to_saved(self.store.load(session_id), edit.inverted())

    def redo_rename(self, session_id: str, edit: SetField) -> None:
        self.apply_to_saved(self.store.load(session_id), edit)

    def delete(self, session_id: str) -> None:
        """Soft delete: the workshop leaves the library and can be restored."""
        self.store.delete(session_id)

    def restore(self, session_id: str) -> None:
        self.store.restore(session_id)

    def refresh_demo(self, demo: Session) -> str:
        """Create the demo workshop, replacing an older copy of it (it has a fixed id).

        The old copy goes and the new one arrives in one transaction (a crash between the
        two never leaves the library without a demo)."""
        self.store.replace(demo)
        cache_stage(self.store, self.framework, demo)
        return demo.id

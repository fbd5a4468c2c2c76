"""The workshop service: the one place the edit sequence lives.

Every change to an open workshop — a key press in the app, a tally from the room-voting
server, a command-line script — goes through :meth:`WorkshopService.apply`:

1. **check** the edit against the domain's rules and apply it to the session in memory
   (atomic: a refused edit changes nothing, :class:`EditRefused` says why);
2. **commit** it through the store: the rows it touches, one small transaction;
3. **record** it in the history (undo/redo);
4. **notify** the listeners of *what changed* (:class:`~workshop.service.changes.Change`), so a
   view updates the row or marker it shows, not the whole page.

When the commit fails the classification decides (:mod:`workshop.domain.failures`): a
retryable failure (busy, disk full, read-only) keeps the edit in memory and in the recovery
journal, and every later save tries it again first; a permanent failure (the row is gone)
undoes the edit in memory, is reported once, and never blocks the edits after it.

The service knows nothing of Qt or SQLAlchemy; ``import workshop.service`` loads neither.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from workshop.domain.edits import Edit, EditError
from workshop.domain.failures import is_retryable
from workshop.domain.session import Session
from workshop.domain.validation import InvalidValue
from workshop.framework.model import Framework
from workshop.service.changes import Change, change_of
from workshop.service.events import Changed, Event, Refused, Saved, SaveFailed
from workshop.service.ports import EditJournal, SessionStore

log = logging.getLogger(__name__)

Listener = Callable[[Event], None]


class EditRefused(ValueError):
    """The edit does not fit the session (stale, unknown field, impossible value)."""


class WorkshopService:
    def __init__(
        self,
        session: Session,
        framework: Framework,
        store: SessionStore,
        journal: EditJournal | None = None,
    ) -> None:
        self.session = session
        self.framework = framework
        self.store = store
        self.journal = journal
        self._listeners: list[Listener] = []
        self._pending: list[Edit] = []  # applied in memory, not yet on disk (in order)
        self._undo: list[Edit] = []
        self._redo: list[Edit] = []
        self._failing = False  # a retryable failure was reported and has not healed yet
        self.last_saved: datetime | None = None

    # --- listening -----------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every event; returns the function that stops it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _notify(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    # --- changing the session ------------------------------------------------------------

    def apply(self, edit: Edit, *, undoable: bool = True) -> Change | None:
        """Apply ``edit`` (see the module docstring for the sequence).

        Returns what changed, or None when the database refused the edit for good (it was
        undone in memory and reported). Raises :class:`EditRefused` when the edit does not
        fit the session; nothing changed then.
        """
        change = self._apply(edit)
        if change is None:
            return None
        if undoable:
            self._undo.append(edit)
            self._redo.clear()
        self._notify(Changed(change))
        return change

    def undo(self) -> Change | None:
        """Undo the last undoable edit; None when there is none (or it no longer fits)."""
        if not self._undo:
            return None
        edit = self._undo.pop()
        change = self._apply_from_history(edit.inverted())
        if change is not None:
            self._redo.append(edit)
        return change

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        edit = self._redo.pop()
        change = self._apply_from_history(edit)
        if change is not None:
            self._undo.append(edit)
        return change

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def clear_history(self) -> None:
        self._undo.clear()
        self._redo.clear()

    def _apply_from_history(self, edit: Edit) -> Change | None:
        try:
            change = self._apply(edit)
        except EditRefused:
            # The session moved on in a way the history cannot follow (a non-undoable
            # edit touched the same item): drop the history rather than keep steps that
            # would fail again.
            self.clear_history()
            return None
        if change is not None:
            self._notify(Changed(change))
        return change

    def _apply(self, edit: Edit) -> Change | None:
        try:
            edit.apply(self.session)  # checks first; a refused edit changes nothing
        except (EditError, InvalidValue, KeyError) as error:
            message = str(error).strip("'\"")
            log.warning("edit refused: %s", message)
            self._notify(Refused(f"Not changed: {message}"))
            raise EditRefused(message) from error
        if not self._commit(edit):
            return None
        return change_of(edit)

    # --- saving ----------------------------------------------------------------------------

    def _commit(self, edit: Edit) -> bool:
        """Save ``edit`` after anything still pending. False if it was refused for good."""
        self._pending.append(edit)
        return self._drain(current=edit)

    def _drain(self, current: Edit | None = None) -> bool:
        """Save pending edits in order until one fails for a reason worth retrying.

        Returns False when ``current`` (the edit being applied now) was refused for good and
        taken back out of memory.
        """
        kept = True
        while self._pending:
            head = self._pending[0]
            try:
                self.store.apply(self.session.id, head)
            except Exception as error:
                if is_retryable(error):
                    log.warning("saving an edit failed; it is kept and retried: %s", error)
                    self._journal_pending()
                    if not self._failing:
                        self._failing = True
                        self._notify(SaveFailed(_retry_message(error), True, head))
                    return kept
                log.error("the database refused an edit for good: %s", error)
                self._pending.pop(0)
                if head is current:
                    # Nothing was built on it yet: take it back out of memory, so what is
                    # on screen is what is on disk. (An older queued edit stays in memory:
                    # later edits may build on it.)
                    try:
                        head.inverted().apply(self.session)
                    except (EditError, InvalidValue, KeyError):
                        log.exception("could not take back a refused edit in memory")
                    kept = False
                self._notify(SaveFailed(_permanent_message(error), False, head))
                continue
            self._pending.pop(0)
        self._failing = False
        self.last_saved = datetime.now()
        if self.journal is not None:
            try:
                self.journal.clear(self.session.id)
            except OSError:
                log.exception("could not clear the recovery journal")
        self._notify(Saved(self.last_saved))
        return kept

    def _journal_pending(self) -> None:
        if self.journal is None:
            return
        try:
            self.journal.save(self.session.id, tuple(self._pending))
        except OSError:
            log.exception("could not write the recovery journal")

    @property
    def pending(self) -> tuple[Edit, ...]:
        """Edits applied in memory but not yet on disk, oldest first."""
        return tuple(self._pending)

    def flush(self) -> bool:
        """Try the pending edits again; True when everything is on disk."""
        if self._pending:
            self._drain()
        return not self._pending

    def close(self) -> None:
        """Flush, and refresh the library's "working on" stage for this workshop."""
        self.flush()
        cache_stage(self.store, self.framework, self.session)


def cache_stage(store: SessionStore, framework: Framework, session: Session) -> None:
    """Keep the library's stage column right (a cache: never let it block anything)."""
    from workshop.domain.placement import place

    try:
        store.set_stage_reached(session.id, place(framework, session).working_on)
    except Exception:
        log.exception("could not update the stage shown in the library")


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _retry_message(error: BaseException) -> str:
    return (
        "The last change could not be saved to the database:\n"
        f"{_first_line(error)}\n\nYour work is kept in the open window and in the recovery "
        "journal, and saving is tried again with every change."
    )


def _permanent_message(error: BaseException) -> str:
    return (
        "The database refused a change, so it was taken back:\n"
        f"{_first_line(error)}\n\nYour other changes are saved as usual."
    )

"""The recovery journal: edits that are in memory but not on disk yet, kept in a small file.

The workshop service calls :meth:`RecoveryJournal.save` with every edit still pending after a
failed save (disk full, read-only, locked), and :meth:`RecoveryJournal.clear` once everything
reached the database. The file, ``<database>.recovery.json`` beside the database, is rewritten
atomically (temporary file, fsync, rename: a crash leaves the old or the new content, never
half of one) and is 0600. At the next start :func:`replay` applies what it holds through the
workshop service, exactly as if the facilitator had made the edits again, and says what it
recovered. The file names no SQL and imports no SQLAlchemy: it holds edits in the domain's
JSON form (:mod:`workshop.domain.edit_codec`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from workshop.domain.edit_codec import EditCodecError, edit_from_json, edit_to_json
from workshop.domain.edits import Edit
from workshop.store.privacy import write_atomically

if TYPE_CHECKING:
    from workshop.domain.session import Session

log = logging.getLogger(__name__)

FORMAT = 1


def journal_file(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".recovery.json")


class RecoveryJournal:
    """Implements :class:`workshop.service.ports.EditJournal` for one database."""

    def __init__(self, db_path: Path) -> None:
        self.path = journal_file(db_path)

    # --- the service's protocol --------------------------------------------------------------

    def save(self, session_id: str, edits: Sequence[Edit]) -> None:
        entries = self._read_raw()
        entries[session_id] = {
            "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "edits": [edit_to_json(edit) for edit in edits],
        }
        self._write(entries)

    def clear(self, session_id: str) -> None:
        if not self.path.exists():
            return
        entries = self._read_raw()
        if session_id not in entries:
            return
        del entries[session_id]
        self._write(entries)

    # --- reading it back ---------------------------------------------------------------------

    def pending(self) -> dict[str, list[Edit]]:
        """Every session's journalled edits, oldest first. Unreadable entries are skipped
        (and logged): one bad entry must not hide the others."""
        result: dict[str, list[Edit]] = {}
        for session_id, entry in self._read_raw().items():
            try:
                result[session_id] = [edit_from_json(data) for data in entry["edits"]]
            except (EditCodecError, KeyError, TypeError, ValueError):
                log.exception("a recovery journal entry could not be read")
        return result

    def _read_raw(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.exception("the recovery journal could not be read; it is kept aside")
            self._keep_aside()
            return {}
        sessions = data.get("sessions") if isinstance(data, dict) else None
        return dict(sessions) if isinstance(sessions, dict) else {}

    def _keep_aside(self) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        try:
            self.path.replace(self.path.with_name(f"{self.path.name}.unreadable-{stamp}"))
        except OSError:
            log.exception("could not move the unreadable recovery journal aside")

    def _write(self, entries: dict[str, Any]) -> None:
        if not entries:
            self.path.unlink(missing_ok=True)
            return
        data = json.dumps({"format": FORMAT, "sessions": entries}, ensure_ascii=False)
        write_atomically(self.path, data.encode("utf-8"))


@dataclass
class Recovery:
    """What a replay did, for the message the user sees."""

    recovered: dict[str, int] = field(default_factory=dict)  # session name -> edits saved
    already_saved: int = 0  # edits the database already held (or that no longer fit)
    still_pending: dict[str, int] = field(default_factory=dict)  # could not be saved yet
    missing: int = 0  # edits for workshops that are no longer in the database

    @property
    def anything(self) -> bool:
        return bool(self.recovered or self.still_pending or self.missing)

    def message(self) -> str:
        lines = []
        for name, count in self.recovered.items():
            lines.append(
                f"Recovered {count} unsaved change{'s' if count != 1 else ''} to “{name}”."
            )
        for name, count in self.still_pending.items():
            lines.append(
                f"{count} unsaved change{'s' if count != 1 else ''} to “{name}” could not be saved "
                "yet; they are kept and tried again next time."
            )
        if self.missing:
            lines.append(f"{self.missing} change(s) were for a workshop no longer in the library.")
        return "\n".join(lines)


class SessionSource(Protocol):
    """Where the journal's workshops are read from (the store)."""

    def load(self, session_id: str) -> Session: ...


class ReplayService(Protocol):
    """The workshop service, as far as a replay uses it (the store cannot import it)."""

    def apply(self, edit: Edit, *, undoable: bool = True) -> object:
        """The change, or None when the database refused the edit for good."""

    def flush(self) -> bool:
        """Try the pending edits again; True when everything is on disk."""

    @property
    def pending(self) -> Sequence[Edit]: ...


def replay(
    journal: RecoveryJournal,
    store: SessionSource,
    open_service: Callable[[Session], ReplayService],
    refused: type[Exception],
) -> Recovery:
    """Apply the journal's edits through the workshop service; clear what reached the disk.

    An edit that no longer fits (already saved before the crash, e.g. killed between the
    commit and clearing the journal) is refused by the domain check and counted as already
    saved. If saving fails again, that workshop's whole entry stays for next time.
    ``open_service(session)`` gives the workshop service for a session (the store knows only
    the domain, so the caller hands it in) and ``refused`` is the error it raises for an edit
    that does not fit.
    """

    recovery = Recovery()
    for session_id, edits in journal.pending().items():
        try:
            session = store.load(session_id)
        except KeyError:
            recovery.missing += len(edits)
            journal.clear(session_id)
            continue
        service = open_service(session)
        saved = 0
        for edit in edits:
            try:
                if service.apply(edit, undoable=False) is not None:
                    saved += 1
            except refused:
                recovery.already_saved += 1
        name = session.display_name
        if service.flush():
            journal.clear(session_id)
            if saved:
                recovery.recovered[name] = saved
        else:
            recovery.still_pending[name] = len(service.pending)
    return recovery

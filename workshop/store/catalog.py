"""The library list, read with the standard library's sqlite3 alone.

The start screen needs only this list before its first frame, and importing SQLAlchemy
costs several times a bare Qt window (PITFALLS, "Start-up cost"). So the list is one plain
SQL query here, used both by the app before the full store is open and by
:meth:`workshop.store.repository.Store.list_sessions` afterwards: one query, one place.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path

from workshop.store.errors import StoreError


@dataclass(frozen=True)
class SessionSummary:
    """One line of the library list."""

    id: str
    organisation: str
    title: str
    workshop_date: date
    facilitator: str
    follows_up: str
    created_at: datetime
    updated_at: datetime
    stage_reached: str  # "" when not known yet


_COLUMNS = ", ".join(f.name for f in fields(SessionSummary))


def fold(text: str | None) -> str:
    """Text as search compares it: case and accents ignored ("Société" matches "societe")."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _like_pattern(search: str) -> str:
    needle = " ".join(fold(search).split())
    if not needle:
        return ""
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def read_catalog(path: Path, search: str = "", *, include_deleted: bool = False) -> list[SessionSummary]:
    """Sessions, newest workshop first (then most recently edited); deleted ones left out.

    ``search`` matches organisation or title, ignoring case and accents. The file must be a
    workshop database at the current revision (the caller checked it); this only reads.
    """
    conditions, parameters = [], []
    if not include_deleted:
        conditions.append("deleted_at IS NULL")
    needle = _like_pattern(search)
    if needle:
        conditions.append(
            "(workshop_fold(organisation) LIKE ? ESCAPE '\\' OR workshop_fold(title) LIKE ? ESCAPE '\\')"
        )
        parameters += [needle, needle]
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    query = (
        f"SELECT {_COLUMNS} FROM sessions {where} "
        "ORDER BY workshop_date DESC, updated_at DESC, id"
    )
    try:
        connection = sqlite3.connect(path, timeout=5)
    except sqlite3.Error as error:
        raise StoreError(f"could not read {path}: {error}") from error
    try:
        connection.create_function("workshop_fold", 1, fold, deterministic=True)
        rows = connection.execute(query, parameters).fetchall()
    except sqlite3.Error as error:
        raise StoreError(f"could not read {path}: {error}") from error
    finally:
        connection.close()
    return [
        SessionSummary(
            id=row[0],
            organisation=row[1],
            title=row[2],
            workshop_date=date.fromisoformat(row[3]),
            facilitator=row[4],
            follows_up=row[5],
            created_at=_utc(row[6]),
            updated_at=_utc(row[7]),
            stage_reached=row[8] or "",
        )
        for row in rows
    ]

"""The library list, read with the standard library's sqlite3 alone.

The start screen needs only this list before its first frame, and importing SQLAlchemy
costs several times a bare Qt window (PITFALLS, "Start-up cost"). So the list is one plain
SQL query here, used both by the app before the full store is open and by
:meth:`workshop.store.repository.Store.list_sessions` afterwards: one query, one place.

One damaged row never hides the others: a value that cannot be read (a malformed date, a
number where text belongs) is replaced by a neutral one and the summary says what is
damaged (:attr:`SessionSummary.damaged`), so the library lists every workshop it can read and
marks that one; the others open and export as usual.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from workshop.store.errors import StoreError

T = TypeVar("T")


@dataclass(frozen=True)
class SessionSummary:
    """One line of the library list."""

    id: str
    organisation: str
    title: str
    workshop_date: date | None  # None only when the stored date is damaged
    facilitator: str
    follows_up: str
    created_at: datetime
    updated_at: datetime
    stage_reached: str  # "" when not known yet
    damaged: str = ""  # what could not be read in this workshop's row ("" = nothing)


_COLUMNS = ", ".join(f.name for f in fields(SessionSummary) if f.name != "damaged")
# Shown for a damaged time: the oldest possible, so a damaged workshop sorts last.
UNKNOWN_TIME = datetime(1970, 1, 1, tzinfo=UTC)


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


def read_catalog(
    path: Path, search: str = "", *, include_deleted: bool = False
) -> list[SessionSummary]:
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
        f"SELECT {_COLUMNS} FROM sessions {where} ORDER BY workshop_date DESC, updated_at DESC, id"
    )
    try:
        connection = sqlite3.connect(path, timeout=5)
    except sqlite3.Error as error:
        raise StoreError(f"could not read {path}: {error}") from error
    try:
        connection.create_function("workshop_fold", 1, fold, deterministic=True)
        # Bytes that are not UTF-8 (a damaged row) must not stop the whole list: keep them
        # recognisable, and summary_from_row() reports them.
        connection.text_factory = lambda raw: raw.decode("utf-8", "surrogateescape")
        rows = connection.execute(query, parameters).fetchall()
    except sqlite3.Error as error:
        raise StoreError(f"could not read {path}: {error}") from error
    finally:
        connection.close()
    return [summary_from_row(row) for row in rows]


def summary_from_row(row: tuple[Any, ...]) -> SessionSummary:
    """One library line from a ``sessions`` row, whatever state its values are in."""
    problems: list[str] = []

    def text(index: int, name: str) -> str:
        value = row[index]
        if value is None:
            return ""
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                problems.append(f"{name} holds bytes that are not UTF-8 text")
                return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            return value
        problems.append(f"{name} is not text")
        return str(value) if not isinstance(value, bytes) else value.decode("utf-8", "replace")

    def read(index: int, name: str, convert: Callable[[str], T], fallback: T) -> T:
        try:
            return convert(row[index])
        except (TypeError, ValueError):
            problems.append(f"{name} {_shown(row[index])} is not readable")
            return fallback

    workshop_date: date | None = read(3, "workshop_date", date.fromisoformat, None)
    return SessionSummary(
        id=text(0, "id"),
        organisation=text(1, "organisation"),
        title=text(2, "title"),
        workshop_date=workshop_date,
        facilitator=text(4, "facilitator"),
        follows_up=text(5, "follows_up"),
        created_at=read(6, "created_at", _utc, UNKNOWN_TIME),
        updated_at=read(7, "updated_at", _utc, UNKNOWN_TIME),
        stage_reached=text(8, "stage_reached"),
        damaged="; ".join(problems),
    )


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"

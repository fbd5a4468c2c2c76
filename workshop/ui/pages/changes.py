"""What an edit touched, in the terms a page refreshes by.

The window hands the visible page the workshop service's :class:`~workshop.service.Change`
(the controller's ``touched`` signal): the edit as applied and its ``Touch`` values
(collection, item id, fields, kind). Pages read it directly; this module adds the one
question most of them ask of it.
"""

from __future__ import annotations

from collections.abc import Iterable

from workshop.service.changes import Change


def concerns(change: Change, collections: Iterable[str | None]) -> bool:
    """True when anything ``change`` touched is in one of ``collections``."""
    return not change.collections().isdisjoint(collections)

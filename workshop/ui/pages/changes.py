"""What an edit touched, in the terms a page refreshes by: (collection, item id, fields).

Pages update only what an edit touched instead of refilling everything. What an edit
touched is the workshop service's own answer (:func:`workshop.service.touched_by`, the same
``Touch`` values its ``Change`` carries); this module adds the one question pages ask of it.
"""

from __future__ import annotations

from collections.abc import Iterable

from workshop.domain.edits import AddItem, Batch, MoveItem, RemoveItem, SetField
from workshop.service.changes import Touch
from workshop.service.changes import touched_by as _service_touched_by


def touched_by(edit: object) -> tuple[Touch, ...]:
    """The primitive changes of ``edit`` (a batch gives one per inner edit, in order)."""
    if not isinstance(edit, SetField | AddItem | RemoveItem | MoveItem | Batch):
        return ()
    return _service_touched_by(edit)


def concerns(touched: Iterable[Touch], collections: Iterable[str | None]) -> bool:
    """True when anything touched is in one of ``collections``."""
    wanted = set(collections)
    return any(t.collection in wanted for t in touched)

"""The Qt-free half of a page table: an ordered tuple of rows with ids, looked up by id.

Every page state that a :class:`~workshop.ui.pages.row_model.RowStateModel` shows derives
from :class:`RowsState`, so the model can tell which rows changed, moved, came or went.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar


class HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=HasId)


@dataclass(frozen=True)
class RowsState(Generic[R]):
    rows: tuple[R, ...]
    # Filled from ``rows`` once; keyword-only so subclasses add their fields after ``rows``.
    by_id: dict[str, R] = field(default_factory=dict, compare=False, repr=False, kw_only=True)

    def __post_init__(self) -> None:
        if not self.by_id and self.rows:
            self.by_id.update((row.id, row) for row in self.rows)

    @property
    def ids(self) -> list[str]:
        return [row.id for row in self.rows]

    def row(self, row_id: str) -> R | None:
        return self.by_id.get(row_id)

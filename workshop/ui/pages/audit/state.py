"""What the data audit shows, as plain data computed from the session (no Qt).

Two lists: the opportunities in their ranked order (:func:`workshop.domain.priorities.
prioritise`) with their data readiness, whether they are blocked by data and a count of their
data items, then a "General" row for data that serves no single opportunity; and the data
items of one of them. Comparing two states says which rows an edit changed, so the tables
redraw only those (``pages/row_model.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop.domain.priorities import Priorities, prioritise
from workshop.domain.session import DataAuditItem, Session
from workshop.framework.model import Framework
from workshop.ui.pages.row_state import RowsState
from workshop.vocab import AuditStatus, DataReadiness

GENERAL = ""  # the group key of data that supports no single opportunity
GENERAL_TITLE = "General"

# Word + symbol: the status reads the same in print, on a washed-out projector and for the
# colour-blind (the cells add the outline colour of its tone).
STATUS_NAMES: dict[str, str] = {s.value: s.marked for s in AuditStatus}
STATUS_TONES: dict[str, str] = {s.value: s.tone for s in AuditStatus}
READINESS_NAMES: dict[str, str] = {r.value: r.marked for r in DataReadiness}
READINESS_TONES: dict[str, str] = {r.value: r.tone for r in DataReadiness}
BLOCKED_TEXT = "⚠ Cannot start until this data is in place"
BLOCKED_CELL = "⚠ Blocked by data"  # the same, in the ranked table's narrow column
CAN_START = "✓ Can start"
BLOCKS_TEXT = "⚠ Blocks the start"
NO_ITEMS_GENERAL = (
    "Data that serves several opportunities or the team as a whole "
    "(consent, access, a shared catalogue) goes here."
)
NO_ITEMS = "No data listed yet — what does this opportunity need?"

# (field, heading); the order of the two tables' columns.
GROUP_COLUMNS: tuple[tuple[str, str], ...] = (
    ("title", "Opportunity"),
    ("data_readiness", "Readiness"),
    ("blocked", "Can it start?"),
    ("summary", "Data listed"),
)
GROUP_COLUMN = {name: index for index, (name, _heading) in enumerate(GROUP_COLUMNS)}
# The data items' table; where the data is, who owns it and how to collect it are in the
# form under it, for the item selected (a 1024-pixel projector has no room for seven
# columns of words).
ITEM_COLUMNS: tuple[tuple[str, str], ...] = (
    ("data_needed", "Data needed"),
    ("status", "Status"),
    ("target_quarter", "Target quarter"),
    ("blocks_start", "Blocks the start"),
)
FORM_FIELDS: tuple[tuple[str, str], ...] = (
    ("source", "Source"),
    ("owner", "Owner"),
    ("how_to_collect", "How to collect"),
)
ITEM_COLUMN = {name: index for index, (name, _heading) in enumerate(ITEM_COLUMNS)}
ITEM_TEXTS = ("data_needed", "source", "owner", "how_to_collect")
PLACEHOLDERS = {
    "data_needed": "Data needed, e.g. three years of orders",
    "source": "System, team or partner",
    "owner": "Who",
    "how_to_collect": "Collect it, or change a process to capture it",
}


def summary_text(items: tuple[DataAuditItem, ...]) -> str:
    """The item counts by status, e.g. "3 data items: 1 available, 2 missing"."""
    if not items:
        return ""
    counts = [
        f"{sum(1 for i in items if i.status == s)} {s}"
        for s in DataAuditItem.STATUSES
        if any(i.status == s for i in items)
    ]
    noun = "data item" if len(items) == 1 else "data items"
    return f"{len(items)} {noun}: " + ", ".join(counts)


def blocks(item: DataAuditItem) -> bool:
    """Does this item stop its opportunity from starting (ticked, and not available)?"""
    return item.blocks_start and item.status != "available"


@dataclass(frozen=True)
class GroupRow:
    """An opportunity (or the general data) as the audit lists it."""

    id: str  # the opportunity's id; GENERAL for the general data
    rank: int  # 0 for the general data
    name: str  # the opportunity's title as typed
    data_readiness: str  # "" for the general data
    reasons: tuple[str, ...]  # why it cannot start; () when it can
    items: tuple[DataAuditItem, ...]

    @property
    def general(self) -> bool:
        return self.id == GENERAL

    @property
    def blocked(self) -> bool:
        return bool(self.reasons)

    @property
    def title(self) -> str:
        if self.general:
            return GENERAL_TITLE
        return f"{self.rank}. {self.name or 'Untitled opportunity'}"

    @property
    def summary(self) -> str:
        return summary_text(self.items)

    @property
    def empty_text(self) -> str:
        """What the items table says while the group has none."""
        return "" if self.items else (NO_ITEMS_GENERAL if self.general else NO_ITEMS)

    def text(self, column: str) -> str:
        if column == "title":
            return self.title
        if column == "data_readiness":
            return READINESS_NAMES.get(self.data_readiness, self.data_readiness)
        if column == "blocked":
            return BLOCKED_CELL if self.blocked else ("" if self.general else CAN_START)
        if column == "summary":
            return self.summary or "—"
        return ""


@dataclass(frozen=True)
class ItemRow:
    """One data item: what is needed, from where, its status, how to get it, who, when."""

    item: DataAuditItem

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def blocking(self) -> bool:
        return blocks(self.item)

    def text(self, column: str) -> str:
        item = self.item
        if column == "status":
            return STATUS_NAMES.get(item.status, item.status)
        if column == "target_quarter":
            return ""  # the model names the quarter (it knows the workshop's window)
        if column == "blocks_start":
            return (
                BLOCKS_TEXT if self.blocking else ("Blocks the start" if item.blocks_start else "")
            )
        if column in ITEM_TEXTS:
            return str(getattr(item, column))
        return ""


@dataclass(frozen=True)
class Rows(RowsState[GroupRow | ItemRow]):
    """An ordered list of rows with ids (what ``RowStateModel`` shows)."""


@dataclass(frozen=True)
class AuditState:
    groups: Rows  # GroupRow, ranked, then the general data
    opportunities: int  # how many opportunities the session has
    blocked: int  # how many of them cannot start for want of data
    priorities: Priorities | None = field(default=None, compare=False, repr=False)

    def group(self, group_id: str) -> GroupRow | None:
        found = self.groups.row(group_id)
        return found if isinstance(found, GroupRow) else None

    def items(self, group_id: str) -> Rows:
        group = self.group(group_id)
        return Rows(tuple(ItemRow(item) for item in group.items) if group else ())

    def group_of_item(self, item_id: str) -> str | None:
        for row in self.groups.rows:
            assert isinstance(row, GroupRow)
            if any(item.id == item_id for item in row.items):
                return row.id
        return None

    @property
    def progress(self) -> tuple[str, str]:
        """The page's tag: how many opportunities data blocks, and its tone."""
        if self.blocked:
            return f"⚠ {self.blocked} of {self.opportunities} blocked by data", "danger"
        if self.opportunities:
            return f"✓ None of {self.opportunities} blocked by data", "good"
        return "", "good"


EMPTY = AuditState(groups=Rows(()), opportunities=0, blocked=0)


def audit_state(framework: Framework, session: Session) -> AuditState:
    priorities = prioritise(framework, session)
    opportunities = {o.id: o for o in session.opportunities}
    by_group: dict[str, list[DataAuditItem]] = {r.opportunity_id: [] for r in priorities.ranked}
    by_group[GENERAL] = []
    for item in session.audit:
        # Data of an opportunity since removed stays visible, with the general data.
        key = item.opportunity_id if item.opportunity_id in opportunities else GENERAL
        by_group.setdefault(key, []).append(item)
    reasons = {b.opportunity_id: b.reasons for b in priorities.blocked}
    rows = [
        GroupRow(
            id=entry.opportunity_id,
            rank=entry.rank,
            name=opportunities[entry.opportunity_id].title,
            data_readiness=opportunities[entry.opportunity_id].data_readiness,
            reasons=tuple(reasons.get(entry.opportunity_id, ())),
            items=tuple(by_group[entry.opportunity_id]),
        )
        for entry in priorities.ranked
    ]
    rows.append(GroupRow(GENERAL, 0, GENERAL_TITLE, "", (), tuple(by_group[GENERAL])))
    return AuditState(
        groups=Rows(tuple(rows)),
        opportunities=len(opportunities),
        blocked=len(priorities.blocked),
        priorities=priorities,
    )

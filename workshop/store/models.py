"""The database schema: one ``sessions`` table and one table per session collection.

Columns carry the names of the domain dataclass fields, so converting between rows and
domain objects (:mod:`workshop.store.rows`) is derived from the dataclasses instead of being
written out twelve times; ``tests/test_store.py`` checks that every table has exactly the
columns its dataclass needs. Item tables share ``session_id`` (cascading foreign key), the
item ``id`` (unique within the session's collection) and ``position`` (0..n-1, the item's
place in its list).

Changing this file means writing an Alembic revision in ``migrations/versions`` and moving
``HEAD_REVISION`` in :mod:`workshop.store.versioning`.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Dialect, ForeignKey, MetaData, String, Text, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Explicit constraint names, so batch migrations on SQLite can find them again.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime, stored as ISO text without offset (always UTC)."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(sep=" ")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value).replace(tzinfo=UTC)


class JSONTuple(TypeDecorator[tuple[Any, ...]]):
    """A tuple of ints or strings (rating counts, agenda page ids), stored as a JSON array."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: tuple[Any, ...] | None, dialect: Dialect) -> str | None:
        return None if value is None else json.dumps(list(value), ensure_ascii=False)

    def process_result_value(self, value: str | None, dialect: Dialect) -> tuple[Any, ...] | None:
        return None if value is None else tuple(json.loads(value))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime, tuple[Any, ...]: JSONTuple}


class SessionRow(Base):
    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organisation: Mapped[str]
    title: Mapped[str]
    workshop_date: Mapped[date]
    facilitator: Mapped[str]
    sponsor: Mapped[str]
    sponsor_role: Mapped[str]
    target_stage: Mapped[str]
    agenda_preset: Mapped[str]
    statement_set: Mapped[str]
    executive_summary: Mapped[str] = mapped_column(Text)
    recommendations: Mapped[str] = mapped_column(Text)
    follows_up: Mapped[str]
    baseline_date: Mapped[date | None]
    content_version: Mapped[str]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # Store-only columns (not part of the domain Session):
    deleted_at: Mapped[datetime | None]  # soft delete, so "Delete" can be undone
    # The stage the placement reached, cached for the library list (revision 0002).
    stage_reached: Mapped[str] = mapped_column(default="", server_default="")


class ItemRow(Base):
    """Columns every collection table has."""

    __abstract__ = True

    session_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]


class ParticipantRow(ItemRow):
    __tablename__ = "participants"
    name: Mapped[str]
    role: Mapped[str]


class InterviewRow(ItemRow):
    __tablename__ = "interviews"
    person: Mapped[str]
    function: Mapped[str]
    interview_date: Mapped[date | None]
    pains: Mapped[str] = mapped_column(Text)
    private: Mapped[bool]


class AgendaSectionRow(ItemRow):
    __tablename__ = "agenda_sections"
    title: Mapped[str]
    page_ids: Mapped[tuple[Any, ...]]
    planned_minutes: Mapped[int]
    actual_seconds: Mapped[int]


class AnswerRow(ItemRow):
    __tablename__ = "answers"
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str]


class RatingColumns:
    score: Mapped[int | None]
    counts: Mapped[tuple[Any, ...]]  # how many people chose 0, 1, 2, 3, 4


class RatingRow(RatingColumns, ItemRow):
    __tablename__ = "ratings"


class BaselineRatingRow(RatingColumns, ItemRow):
    __tablename__ = "baseline_ratings"


class OpportunityRow(ItemRow):
    __tablename__ = "opportunities"
    title: Mapped[str]
    description: Mapped[str] = mapped_column(Text)
    value: Mapped[int]
    cost: Mapped[int]
    confidence: Mapped[int]
    data_readiness: Mapped[str]
    votes: Mapped[int]
    target_quarter: Mapped[str]
    first_project: Mapped[bool]
    success_measure: Mapped[str] = mapped_column(Text)


class DataAuditRow(ItemRow):
    __tablename__ = "audit_items"
    opportunity_id: Mapped[str]
    data_needed: Mapped[str] = mapped_column(Text)
    source: Mapped[str]
    status: Mapped[str]
    how_to_collect: Mapped[str] = mapped_column(Text)
    owner: Mapped[str]
    target_quarter: Mapped[str]
    blocks_start: Mapped[bool]


class HireRow(ItemRow):
    __tablename__ = "hires"
    role_id: Mapped[str]
    title: Mapped[str]
    mode: Mapped[str]
    seniority: Mapped[str]
    headcount: Mapped[int]
    target_quarter: Mapped[str]
    ml_experience: Mapped[bool]
    data_engineering: Mapped[bool]
    notes: Mapped[str] = mapped_column(Text)


class DecisionRow(ItemRow):
    __tablename__ = "decisions"
    topic_id: Mapped[str]
    option_id: Mapped[str]
    rationale: Mapped[str] = mapped_column(Text)
    owner: Mapped[str]
    target_quarter: Mapped[str]
    status: Mapped[str]


class ActionRow(ItemRow):
    __tablename__ = "actions"
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str]
    due: Mapped[date | None]
    status: Mapped[str]
    kind: Mapped[str]
    stage: Mapped[str]
    source_page: Mapped[str]
    carried_from: Mapped[str]
    private: Mapped[bool]


class PageRecordRow(ItemRow):
    __tablename__ = "page_records"
    status: Mapped[str]
    note: Mapped[str] = mapped_column(Text)


# Session collection name (workshop.domain.session.COLLECTIONS) -> its table.
COLLECTION_ROWS: dict[str, type[ItemRow]] = {
    "participants": ParticipantRow,
    "interviews": InterviewRow,
    "agenda": AgendaSectionRow,
    "answers": AnswerRow,
    "ratings": RatingRow,
    "opportunities": OpportunityRow,
    "audit": DataAuditRow,
    "hires": HireRow,
    "decisions": DecisionRow,
    "actions": ActionRow,
    "pages": PageRecordRow,
    "baseline_ratings": BaselineRatingRow,
}

# Columns of ``sessions`` that are not fields of the domain Session.
STORE_ONLY_SESSION_COLUMNS = ("deleted_at", "stage_reached")

"""The first schema: sessions and one table per session collection.

Revision ID: 0001_initial
Revises:
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def _item_table(name: str, *columns: sa.Column[Any]) -> None:
    op.create_table(
        name,
        *columns,
        sa.Column("session_id", sa.String(36), nullable=False),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=f"fk_{name}_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "id", name=f"pk_{name}"),
    )


def _text(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.String(), nullable=False)


def _long(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Text(), nullable=False)


def _int(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Integer(), nullable=False)


def _bool(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Boolean(), nullable=False)


def _date(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Date(), nullable=True)


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(36), nullable=False),
        _text("organisation"),
        _text("title"),
        sa.Column("workshop_date", sa.Date(), nullable=False),
        _text("facilitator"),
        _text("sponsor"),
        _text("sponsor_role"),
        _text("target_stage"),
        _text("agenda_preset"),
        _text("statement_set"),
        _long("executive_summary"),
        _long("recommendations"),
        _text("follows_up"),
        _date("baseline_date"),
        _text("content_version"),
        _text("created_at"),  # UTC, ISO text
        _text("updated_at"),
        sa.Column("deleted_at", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
    )
    _item_table("participants", _text("name"), _text("role"))
    _item_table(
        "interviews",
        _text("person"),
        _text("function"),
        _date("interview_date"),
        _long("pains"),
        _bool("private"),
    )
    _item_table(
        "agenda_sections",
        _text("title"),
        _long("page_ids"),  # JSON array
        _int("planned_minutes"),
        _int("actual_seconds"),
    )
    _item_table("answers", _long("text"), _text("status"))
    for ratings in ("ratings", "baseline_ratings"):
        _item_table(
            ratings,
            sa.Column("score", sa.Integer(), nullable=True),
            _long("counts"),  # JSON array of five counts
        )
    _item_table(
        "opportunities",
        _text("title"),
        _long("description"),
        _int("value"),
        _int("cost"),
        _int("confidence"),
        _text("data_readiness"),
        _int("votes"),
        _text("target_quarter"),
        _bool("first_project"),
        _long("success_measure"),
    )
    _item_table(
        "audit_items",
        _text("opportunity_id"),
        _long("data_needed"),
        _text("source"),
        _text("status"),
        _long("how_to_collect"),
        _text("owner"),
        _text("target_quarter"),
        _bool("blocks_start"),
    )
    _item_table(
        "hires",
        _text("role_id"),
        _text("title"),
        _text("mode"),
        _text("seniority"),
        _int("headcount"),
        _text("target_quarter"),
        _bool("ml_experience"),
        _bool("data_engineering"),
        _long("notes"),
    )
    _item_table(
        "decisions",
        _text("topic_id"),
        _text("option_id"),
        _long("rationale"),
        _text("owner"),
        _text("target_quarter"),
        _text("status"),
    )
    _item_table(
        "actions",
        _long("text"),
        _text("owner"),
        _date("due"),
        _text("status"),
        _text("kind"),
        _text("stage"),
        _text("source_page"),
        _text("carried_from"),
        _bool("private"),
    )
    _item_table("page_records", _text("status"), _long("note"))


def downgrade() -> None:
    for name in (
        "page_records", "actions", "decisions", "hires", "audit_items", "opportunities",
        "baseline_ratings", "ratings", "answers", "agenda_sections", "interviews",
        "participants", "sessions",
    ):  # fmt: skip
        op.drop_table(name)

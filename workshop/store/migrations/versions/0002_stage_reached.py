"""Cache the stage a session reached, for the library list.

Adds ``sessions.stage_reached``. The table is *recreated* (batch mode, ``recreate="always"``)
rather than altered in place: that is how SQLite applies most schema changes, and every
collection table cascades from ``sessions`` — so this revision is also the standing proof
(tests/test_migrations.py) that recreating a parent keeps every child row, which holds only
because migrations run with foreign keys OFF.

Revision ID: 0002_stage_reached
Revises: 0001_initial
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_stage_reached"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sessions", recreate="always") as batch:
        batch.add_column(
            sa.Column("stage_reached", sa.String(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("sessions", recreate="always") as batch:
        batch.drop_column("stage_reached")

"""Alembic environment for the workshop database.

Migrations are started by :func:`workshop.store.versioning.run_migrations`, which hands
over a connection that already has foreign keys OFF and an open transaction (see PITFALLS):
this file must only use that connection. Running Alembic from the command line is supported
for writing new revisions against a scratch database: ``sqlalchemy.url`` in the config.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from workshop.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_with(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: recreate tables instead
        compare_type=True,
    )
    with context.begin_transaction():  # joins the caller's transaction when there is one
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_with(connection)
else:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("run migrations through workshop.store.versioning.run_migrations")
    engine = create_engine(url)
    with engine.connect() as scratch:
        scratch.exec_driver_sql("PRAGMA foreign_keys=OFF")
        run_with(scratch)

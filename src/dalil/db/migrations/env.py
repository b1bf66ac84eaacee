"""Alembic environment: runs on the connection Dalil hands over (see Database.migrate)."""

from alembic import context

from dalil.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only via `alembic` CLI, which Dalil does not use
    raise RuntimeError("run migrations through `dalil init`")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()

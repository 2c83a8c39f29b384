"""Alembic environment. Simpul runs migrations itself (desktop.core.db.schema) and hands over
its open connection; batch mode is on because SQLite cannot ALTER most things in place."""

from __future__ import annotations

from alembic import context

from desktop.core.db import models  # noqa: F401  (fills Base.metadata for autogenerate/check)
from desktop.core.db import search_index
from desktop.core.db.base import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through desktop.core.db.schema, which passes a connection.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=search_index.include_name,  # the search index is no model: leave it alone
)
with context.begin_transaction():
    context.run_migrations()

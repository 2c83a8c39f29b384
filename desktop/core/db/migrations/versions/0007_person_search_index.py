"""the persons search index on names and addresses (FTS5 on SQLite, pg_trgm on PostgreSQL)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30

Checklist: no imports from desktop.core.db.models (declare sa.table() for data changes); batch
operations for SQLite; renames written by hand (autogenerate drops and re-adds); no downgrade.
"""
from alembic import op

from desktop.core.db import search_index

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Search as you type read the whole person table for every keystroke (0.6-1.1 s at 200,000
    # persons). The index is filled here from the rows already recorded; on SQLite, triggers keep
    # it in step from now on, on PostgreSQL the GIN index keeps itself. Its DDL lives in
    # search_index, beside the searches that must match it, and is frozen as of this revision:
    # a later change to the searched text needs a revision that rebuilds the index.
    search_index.create(op.get_bind())


def downgrade() -> None:
    raise NotImplementedError("Simpul does not downgrade; restore the backup made before the upgrade.")

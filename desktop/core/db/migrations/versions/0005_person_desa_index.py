"""drop the person desa index that ix_person_desa_rt already serves

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22

Checklist: no imports from desktop.core.db.models (declare sa.table() for data changes); batch
operations for SQLite; renames written by hand (autogenerate drops and re-adds); no downgrade.
"""
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # (desa_code, rt, rw) answers every lookup by desa_code alone; the second index only cost
    # time on each insert and update of a person.
    op.drop_index('ix_person_desa_code', table_name='person')


def downgrade() -> None:
    raise NotImplementedError("Simpul does not downgrade; restore the backup made before the upgrade.")

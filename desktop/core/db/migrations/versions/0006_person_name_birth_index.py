"""an index on the person's (name key, birth date), for likely duplicates

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30

Checklist: no imports from desktop.core.db.models (declare sa.table() for data changes); batch
operations for SQLite; renames written by hand (autogenerate drops and re-adds); no downgrade.
"""
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Likely duplicates share name key and birth date: the dashboard counts them from this index
    # alone (about 0.1 s at 200,000 persons, against 1-4 s reading the table) and the persons
    # list finds them by it. ix_person_name_key stays: it alone gives the list its name order
    # with the id as tie-break, without a sort.
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index('ix_person_name_birth', ['name_key', 'birth_date'], unique=False)


def downgrade() -> None:
    raise NotImplementedError("Simpul does not downgrade; restore the backup made before the upgrade.")

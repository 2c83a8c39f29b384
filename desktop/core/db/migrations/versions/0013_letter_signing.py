"""letters signed with Ed25519: the office's public keys (the private halves stay in key stores)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01

Checklist: no imports from desktop.core.db.models (declare sa.table() for data changes); batch
operations for SQLite; renames written by hand (autogenerate drops and re-adds); no downgrade.

office_profile.letter_key stays: it checks the QR codes of letters signed before this revision
("tanda tangan lama") and never signs again.
"""
import sqlalchemy as sa
from alembic import op


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'signing_key',
        sa.Column('id', sa.String(length=16), nullable=False),
        sa.Column('public_key', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('retired_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_signing_key')),
    )


def downgrade() -> None:
    raise NotImplementedError("Simpul does not downgrade; restore the backup made before the upgrade.")

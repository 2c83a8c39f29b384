"""import reports kept with their batch, category mappings per kind of file, unmapped PPKS values

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30

Checklist: no imports from desktop.core.db.models (declare sa.table() for data changes); batch
operations for SQLite; renames written by hand (autogenerate drops and re-adds); no downgrade.
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.add_column(sa.Column('report', sa.LargeBinary(), nullable=True))
    with op.batch_alter_table('import_mapping', schema=None) as batch_op:
        batch_op.add_column(sa.Column('categories', sa.JSON(), nullable=True))
    op.create_table('ppks_unmapped',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('import_batch_id', sa.Integer(), nullable=False),
    sa.Column('source_key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('value_key', sa.Text(), nullable=False),
    sa.Column('row_number', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_ppks_unmapped_family_id_family'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['import_batch_id'], ['import_batch.id'],
                            name=op.f('fk_ppks_unmapped_import_batch_id_import_batch'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_ppks_unmapped_person_id_person'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ppks_unmapped'))
    )
    with op.batch_alter_table('ppks_unmapped', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ppks_unmapped_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ppks_unmapped_import_batch_id'), ['import_batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ppks_unmapped_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ppks_unmapped_source_key'), ['source_key'], unique=False)


def downgrade() -> None:
    raise NotImplementedError("Simpul does not downgrade; restore the backup made before the upgrade.")

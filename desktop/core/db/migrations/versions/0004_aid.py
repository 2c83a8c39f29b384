"""aid programmes, recipient lists and distribution events

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22

Checklist: no imports from desktop.core.db.models (declare sa.table() for data changes); batch
operations for SQLite; renames written by hand (autogenerate drops and re-adds); no downgrade.
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('programme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=150), nullable=False),
    sa.Column('funding', sa.Enum('APBN', 'APBD Provinsi', 'APBD Kabupaten/Kota', 'Dana Desa', 'CSR', 'lainnya', name='funding', native_enum=False, length=20), nullable=False),
    sa.Column('form', sa.Enum('tunai', 'barang', name='aidform', native_enum=False, length=20), nullable=False),
    sa.Column('item', sa.String(length=100), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=80), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('target', sa.Enum('orang', 'keluarga', name='targetunit', native_enum=False, length=20), nullable=False),
    sa.Column('basis', sa.String(length=250), nullable=True),
    sa.Column('list_status', sa.Enum('draft', 'final', name='liststatus', native_enum=False, length=20), nullable=False),
    sa.Column('finalised_at', sa.DateTime(), nullable=True),
    sa.Column('finalised_by', sa.String(length=80), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme'))
    )
    op.create_table('recipient',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('nik', sa.String(length=16), nullable=True),
    sa.Column('no_kk', sa.String(length=16), nullable=True),
    sa.Column('name', sa.String(length=150), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('masuk', 'dikeluarkan', name='recipientstatus', native_enum=False, length=20), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('import_batch_id', sa.Integer(), nullable=True),
    sa.Column('added_by', sa.String(length=80), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_recipient_family_id_family')),
    sa.ForeignKeyConstraint(['import_batch_id'], ['import_batch.id'], name=op.f('fk_recipient_import_batch_id_import_batch')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_recipient_person_id_person')),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_recipient_programme_id_programme')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recipient'))
    )
    with op.batch_alter_table('recipient', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recipient_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recipient_nik'), ['nik'], unique=False)
        batch_op.create_index(batch_op.f('ix_recipient_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recipient_programme_id'), ['programme_id'], unique=False)

    op.create_table('recipient_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('nik ganda', 'kk ganda', 'program lain', 'meninggal', 'pindah', 'tanpa nik', name='checkkind', native_enum=False, length=20), nullable=False),
    sa.Column('detail', sa.String(length=250), nullable=False),
    sa.Column('decision', sa.Enum('tetap', 'keluarkan', name='decision', native_enum=False, length=20), nullable=True),
    sa.Column('note', sa.String(length=250), nullable=True),
    sa.Column('decided_by', sa.String(length=80), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['recipient_id'], ['recipient.id'], name=op.f('fk_recipient_check_recipient_id_recipient'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recipient_check')),
    sa.UniqueConstraint('recipient_id', 'kind', name=op.f('uq_recipient_check_recipient_id_kind'))
    )
    with op.batch_alter_table('recipient_check', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recipient_check_recipient_id'), ['recipient_id'], unique=False)

    op.create_table('distribution_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=150), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=False),
    sa.Column('time_text', sa.String(length=30), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('desa_codes', sa.JSON(), nullable=False),
    sa.Column('officers', sa.JSON(), nullable=False),
    sa.Column('receiver', sa.JSON(), nullable=True),
    sa.Column('bast_number_id', sa.Integer(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by', sa.String(length=80), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['bast_number_id'], ['letter_number.id'], name=op.f('fk_distribution_event_bast_number_id_letter_number')),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_distribution_event_programme_id_programme')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_distribution_event'))
    )
    with op.batch_alter_table('distribution_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_distribution_event_event_date'), ['event_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_distribution_event_programme_id'), ['programme_id'], unique=False)

    op.create_table('allocation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.Column('row_no', sa.Integer(), nullable=False),
    sa.Column('desa_code', sa.String(length=13), nullable=True),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('status', sa.Enum('menunggu', 'diambil', 'tidak hadir', name='collectstatus', native_enum=False, length=20), nullable=False),
    sa.Column('collected_at', sa.DateTime(), nullable=True),
    sa.Column('collected_by', sa.String(length=80), nullable=True),
    sa.Column('proxy_name', sa.String(length=150), nullable=True),
    sa.Column('proxy_relation', sa.String(length=60), nullable=True),
    sa.Column('proxy_nik', sa.String(length=16), nullable=True),
    sa.Column('absent_reason', sa.String(length=250), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['distribution_event.id'], name=op.f('fk_allocation_event_id_distribution_event')),
    sa.ForeignKeyConstraint(['recipient_id'], ['recipient.id'], name=op.f('fk_allocation_recipient_id_recipient')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_allocation')),
    sa.UniqueConstraint('code', name=op.f('uq_allocation_code')),
    sa.UniqueConstraint('event_id', 'recipient_id', name=op.f('uq_allocation_event_id_recipient_id'))
    )
    with op.batch_alter_table('allocation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_allocation_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_allocation_recipient_id'), ['recipient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_allocation_status'), ['status'], unique=False)

    op.create_table('collection_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('allocation_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=80), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('note', sa.String(length=250), nullable=True),
    sa.ForeignKeyConstraint(['allocation_id'], ['allocation.id'], name=op.f('fk_collection_log_allocation_id_allocation')),
    sa.ForeignKeyConstraint(['event_id'], ['distribution_event.id'], name=op.f('fk_collection_log_event_id_distribution_event')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_collection_log'))
    )
    with op.batch_alter_table('collection_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_collection_log_allocation_id'), ['allocation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_collection_log_event_id'), ['event_id'], unique=False)



def downgrade() -> None:
    raise NotImplementedError("Simpul does not downgrade; restore the backup made before the upgrade.")

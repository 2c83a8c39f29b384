"""complaints, verivali rounds per desa, proposals (usulan) and the musyawarah desa

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30

Checklist: no imports from desktop.core.db.models (declare sa.table() for data changes); batch
operations for SQLite; renames written by hand (autogenerate drops and re-adds); no downgrade.
"""
import sqlalchemy as sa
from alembic import op


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('verivali_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('desa_code', sa.String(length=13), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('berjalan', 'ditutup', name='roundstatus', native_enum=False, length=20), nullable=False),
    sa.Column('source', sa.String(length=255), nullable=True),
    sa.Column('import_batch_id', sa.Integer(), nullable=True),
    sa.Column('intake', sa.JSON(), nullable=True),
    sa.Column('close_batch_id', sa.Integer(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by', sa.String(length=80), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['close_batch_id'], ['import_batch.id'], name=op.f('fk_verivali_round_close_batch_id_import_batch')),
    sa.ForeignKeyConstraint(['desa_code'], ['region.code'], name=op.f('fk_verivali_round_desa_code_region')),
    sa.ForeignKeyConstraint(['import_batch_id'], ['import_batch.id'], name=op.f('fk_verivali_round_import_batch_id_import_batch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verivali_round'))
    )
    with op.batch_alter_table('verivali_round', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verivali_round_desa_code'), ['desa_code'], unique=False)

    op.create_table('musdes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('start_time', sa.String(length=20), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('number', sa.String(length=120), nullable=True),
    sa.Column('kop', sa.String(length=12), nullable=False),
    sa.Column('head_name', sa.String(length=120), nullable=True),
    sa.Column('bpd_name', sa.String(length=120), nullable=True),
    sa.Column('officer_name', sa.String(length=120), nullable=True),
    sa.Column('officer_role', sa.String(length=40), nullable=True),
    sa.Column('chair_name', sa.String(length=120), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('attendees', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['verivali_round.id'], name=op.f('fk_musdes_round_id_verivali_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_musdes')),
    sa.UniqueConstraint('round_id', name=op.f('uq_musdes_round_id'))
    )
    op.create_table('verivali_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('nik', sa.String(length=16), nullable=True),
    sa.Column('no_kk', sa.String(length=16), nullable=True),
    sa.Column('name', sa.String(length=150), nullable=False),
    sa.Column('address', sa.String(length=250), nullable=True),
    sa.Column('dusun', sa.String(length=60), nullable=True),
    sa.Column('rt', sa.String(length=3), nullable=True),
    sa.Column('rw', sa.String(length=3), nullable=True),
    sa.Column('members', sa.SmallInteger(), nullable=False),
    sa.Column('officer', sa.String(length=120), nullable=True),
    sa.Column('result', sa.Enum('tetap layak', 'tidak layak', 'meninggal', 'pindah', 'tidak ditemukan', 'ganda', 'perbaikan nik/kk', 'usulan baru', name='resultcode', native_enum=False, length=20), nullable=True),
    sa.Column('note', sa.String(length=250), nullable=True),
    sa.Column('new_nik', sa.String(length=16), nullable=True),
    sa.Column('new_kk', sa.String(length=16), nullable=True),
    sa.Column('silang', sa.String(length=250), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('entered_by', sa.String(length=80), nullable=True),
    sa.Column('entered_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_verivali_line_family_id_family')),
    sa.ForeignKeyConstraint(['parent_id'], ['verivali_line.id'], name=op.f('fk_verivali_line_parent_id_verivali_line')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_verivali_line_person_id_person')),
    sa.ForeignKeyConstraint(['round_id'], ['verivali_round.id'], name=op.f('fk_verivali_line_round_id_verivali_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verivali_line'))
    )
    with op.batch_alter_table('verivali_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verivali_line_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_verivali_line_nik'), ['nik'], unique=False)
        batch_op.create_index(batch_op.f('ix_verivali_line_no_kk'), ['no_kk'], unique=False)
        batch_op.create_index(batch_op.f('ix_verivali_line_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_verivali_line_round_id'), ['round_id'], unique=False)

    op.create_table('complaint',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.SmallInteger(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.Enum('datang', 'whatsapp', 'telepon', 'surat', 'puskesos', 'lapor', name='complaintchannel', native_enum=False, length=20), nullable=False),
    sa.Column('category', sa.Enum('belum terdaftar', 'salah sasaran', 'tidak menerima', 'data salah', 'lainnya', name='complaintcategory', native_enum=False, length=20), nullable=False),
    sa.Column('complainant', sa.String(length=150), nullable=False),
    sa.Column('complainant_nik', sa.String(length=16), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('address', sa.String(length=250), nullable=True),
    sa.Column('desa_code', sa.String(length=13), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('programme_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('baru', 'diproses', 'menunggu pihak lain', 'selesai', 'ditolak', name='complaintstatus', native_enum=False, length=20), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('resolution', sa.Text(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('referral_id', sa.Integer(), nullable=True),
    sa.Column('received_by', sa.String(length=80), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['desa_code'], ['region.code'], name=op.f('fk_complaint_desa_code_region')),
    sa.ForeignKeyConstraint(['event_id'], ['distribution_event.id'], name=op.f('fk_complaint_event_id_distribution_event')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_complaint_family_id_family')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_complaint_person_id_person')),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_complaint_programme_id_programme')),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name=op.f('fk_complaint_referral_id_referral')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint')),
    sa.UniqueConstraint('number', name=op.f('uq_complaint_number')),
    sa.UniqueConstraint('year', 'seq', name=op.f('uq_complaint_year_seq'))
    )
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_received_on'), ['received_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_status'), ['status'], unique=False)

    op.create_table('complaint_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=80), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_complaint_step_complaint_id_complaint')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_step'))
    )
    with op.batch_alter_table('complaint_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_step_complaint_id'), ['complaint_id'], unique=False)

    op.create_table('proposal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=True),
    sa.Column('line_id', sa.Integer(), nullable=True),
    sa.Column('complaint_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('desa_code', sa.String(length=13), nullable=True),
    sa.Column('nik', sa.String(length=16), nullable=True),
    sa.Column('no_kk', sa.String(length=16), nullable=True),
    sa.Column('name', sa.String(length=150), nullable=False),
    sa.Column('sex', sa.Enum('L', 'P', name='sex', native_enum=False, length=20), nullable=True),
    sa.Column('birth_place', sa.String(length=80), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('mother_name', sa.String(length=150), nullable=True),
    sa.Column('address', sa.String(length=250), nullable=True),
    sa.Column('rt', sa.String(length=3), nullable=True),
    sa.Column('rw', sa.String(length=3), nullable=True),
    sa.Column('occupation', sa.String(length=80), nullable=True),
    sa.Column('disability', sa.Enum('fisik', 'intelektual', 'mental', 'sensorik netra', 'sensorik rungu', 'sensorik wicara', 'ganda', name='disability', native_enum=False, length=20), nullable=True),
    sa.Column('members', sa.SmallInteger(), nullable=True),
    sa.Column('criteria', sa.JSON(), nullable=False),
    sa.Column('house', sa.JSON(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'dikembalikan', 'dibahas musdes', 'dikirim siks-ng', 'disetujui', 'ditolak', name='proposalstatus', native_enum=False, length=20), nullable=False),
    sa.Column('status_note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_proposal_complaint_id_complaint')),
    sa.ForeignKeyConstraint(['desa_code'], ['region.code'], name=op.f('fk_proposal_desa_code_region')),
    sa.ForeignKeyConstraint(['line_id'], ['verivali_line.id'], name=op.f('fk_proposal_line_id_verivali_line')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_proposal_person_id_person')),
    sa.ForeignKeyConstraint(['round_id'], ['verivali_round.id'], name=op.f('fk_proposal_round_id_verivali_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal'))
    )
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_desa_code'), ['desa_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_round_id'), ['round_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_status'), ['status'], unique=False)

    op.create_table('proposal_photo',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('caption', sa.String(length=80), nullable=True),
    sa.Column('content', sa.LargeBinary(), nullable=True),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('taken_at', sa.DateTime(), nullable=True),
    sa.Column('latitude', sa.Double(), nullable=True),
    sa.Column('longitude', sa.Double(), nullable=True),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposal.id'], name=op.f('fk_proposal_photo_proposal_id_proposal')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal_photo'))
    )
    with op.batch_alter_table('proposal_photo', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_photo_proposal_id'), ['proposal_id'], unique=False)

    op.create_table('proposal_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=80), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposal.id'], name=op.f('fk_proposal_step_proposal_id_proposal')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal_step'))
    )
    with op.batch_alter_table('proposal_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_step_proposal_id'), ['proposal_id'], unique=False)



def downgrade() -> None:
    raise NotImplementedError("Simpul does not downgrade; restore the backup made before the upgrade.")

"""referrals, institutions and the letter register

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22

Checklist: no imports from desktop.core.db.models (declare sa.table() for data changes); batch
operations for SQLite; renames written by hand (autogenerate drops and re-adds); no downgrade.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('institution',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.Enum('dinas sosial', 'puskesmas/rsud', 'panti/lks', 'uptd ppa', 'dukcapil', 'lainnya', name='institutionkind', native_enum=False, length=20), nullable=False),
    sa.Column('addressee', sa.String(length=200), nullable=True),
    sa.Column('address', sa.String(length=250), nullable=True),
    sa.Column('city', sa.String(length=80), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('contact_person', sa.String(length=120), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_institution'))
    )
    op.create_table('letter_counter',
    sa.Column('year', sa.SmallInteger(), autoincrement=False, nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_letter_counter'))
    )
    op.create_table('referral',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('institution_id', sa.Integer(), nullable=False),
    sa.Column('category_no', sa.SmallInteger(), nullable=True),
    sa.Column('need', sa.String(length=250), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('urgency', sa.Enum('biasa', 'segera', 'darurat', name='urgency', native_enum=False, length=20), nullable=False),
    sa.Column('documents', sa.JSON(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'ditandatangani', 'dikirim', 'diterima', 'ditindaklanjuti', 'selesai', name='referralstatus', native_enum=False, length=20), nullable=False),
    sa.Column('follow_up_due', sa.Date(), nullable=True),
    sa.Column('signer', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['category_no'], ['ppks_category.no'], name=op.f('fk_referral_category_no_ppks_category')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_referral_family_id_family')),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], name=op.f('fk_referral_institution_id_institution')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_referral_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_follow_up_due'), ['follow_up_due'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_status'), ['status'], unique=False)

    op.create_table('letter_number',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.SmallInteger(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=120), nullable=False),
    sa.Column('letter_date', sa.Date(), nullable=False),
    sa.Column('subject', sa.String(length=250), nullable=True),
    sa.Column('addressee', sa.String(length=250), nullable=True),
    sa.Column('referral_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('terbit', 'dibatalkan', name='letterstatus', native_enum=False, length=20), nullable=False),
    sa.Column('cancel_reason', sa.String(length=250), nullable=True),
    sa.Column('issued_by', sa.String(length=80), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name=op.f('fk_letter_number_referral_id_referral')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter_number')),
    sa.UniqueConstraint('number', name=op.f('uq_letter_number_number')),
    sa.UniqueConstraint('year', 'seq', name=op.f('uq_letter_number_year_seq'))
    )
    with op.batch_alter_table('letter_number', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_letter_number_referral_id'), ['referral_id'], unique=False)

    op.create_table('referral_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('referral_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=80), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name=op.f('fk_referral_event_referral_id_referral')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_event'))
    )
    with op.batch_alter_table('referral_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_event_referral_id'), ['referral_id'], unique=False)

    with op.batch_alter_table('office_profile', schema=None) as batch_op:
        batch_op.add_column(sa.Column('letter_pattern', sa.String(length=120), server_default='{klasifikasi}/{nomor}/{unit}/{bulan_romawi}/{tahun}', nullable=False))
        batch_op.add_column(sa.Column('letter_classification', sa.String(length=30), server_default='400.9', nullable=False))
        batch_op.add_column(sa.Column('letter_unit', sa.String(length=40), server_default='Kesos', nullable=False))
        batch_op.add_column(sa.Column('referral_template', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('letter_key', sa.String(length=64), nullable=True))



def downgrade() -> None:
    raise NotImplementedError("Simpul does not downgrade; restore the backup made before the upgrade.")

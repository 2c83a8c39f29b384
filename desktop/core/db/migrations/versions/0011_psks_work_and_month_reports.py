"""PSKS at work: the activity log, home visits, their photos, and the closed monthly reports

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30

Checklist: no imports from desktop.core.db.models (declare sa.table() for data changes); batch
operations for SQLite; renames written by hand (autogenerate drops and re-adds); no downgrade.

A closed monthly report may never change: besides the service, which only ever inserts, triggers
refuse an UPDATE or DELETE of month_report on both SQLite and PostgreSQL.
"""
import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def _enum(*values: str, name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=False, length=20)


def upgrade() -> None:
    op.create_table(
        'psks_activity',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('psks_id', sa.Integer(), nullable=False),
        sa.Column('activity_date', sa.Date(), nullable=False),
        sa.Column('desa_code', sa.String(length=13), nullable=True),
        sa.Column('kind', _enum('asesmen', 'pendampingan', 'penyuluhan', 'rujukan', 'penyaluran', 'verivali',
                                'tanggap bencana', 'rapat koordinasi', 'lainnya', name='activitykind'),
                  nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('place', sa.String(length=200), nullable=True),
        sa.Column('notes', sa.Text(), nullable=True),
        sa.Column('persons_served', sa.Integer(), nullable=False),
        sa.Column('families_served', sa.Integer(), nullable=False),
        sa.Column('source', sa.String(length=20), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['desa_code'], ['region.code'], name=op.f('fk_psks_activity_desa_code_region')),
        sa.ForeignKeyConstraint(['psks_id'], ['psks_entry.id'], name=op.f('fk_psks_activity_psks_id_psks_entry')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_psks_activity')),
    )
    op.create_index(op.f('ix_psks_activity_psks_id'), 'psks_activity', ['psks_id'])
    op.create_index(op.f('ix_psks_activity_activity_date'), 'psks_activity', ['activity_date'])
    op.create_table(
        'activity_served',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('activity_id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=True),
        sa.Column('family_id', sa.Integer(), nullable=True),
        sa.CheckConstraint('CASE WHEN person_id IS NULL THEN 0 ELSE 1 END + '
                           'CASE WHEN family_id IS NULL THEN 0 ELSE 1 END = 1',
                           name=op.f('ck_activity_served_one_holder')),
        sa.ForeignKeyConstraint(['activity_id'], ['psks_activity.id'], ondelete='CASCADE',
                                name=op.f('fk_activity_served_activity_id_psks_activity')),
        sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_activity_served_family_id_family')),
        sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_activity_served_person_id_person')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_served')),
    )
    for col in ('activity_id', 'person_id', 'family_id'):
        op.create_index(op.f(f'ix_activity_served_{col}'), 'activity_served', [col])
    op.create_table(
        'home_visit',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=True),
        sa.Column('family_id', sa.Integer(), nullable=True),
        sa.Column('purpose', _enum('asesmen', 'monitoring', 'tindak lanjut', 'graduasi', name='visitpurpose'),
                  nullable=False),
        sa.Column('officer_psks_id', sa.Integer(), nullable=True),
        sa.Column('officer_name', sa.String(length=150), nullable=False),
        sa.Column('due_date', sa.Date(), nullable=False),
        sa.Column('status', _enum('direncanakan', 'selesai', 'batal', name='visitstatus'), nullable=False),
        sa.Column('visited_on', sa.Date(), nullable=True),
        sa.Column('referral_id', sa.Integer(), nullable=True),
        sa.Column('verivali_row_id', sa.Integer(), nullable=True),
        sa.Column('reason', sa.String(length=250), nullable=True),
        sa.Column('result', sa.Text(), nullable=True),
        sa.Column('recommendation', sa.Text(), nullable=True),
        sa.Column('checklist', sa.JSON(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint('CASE WHEN person_id IS NULL THEN 0 ELSE 1 END + '
                           'CASE WHEN family_id IS NULL THEN 0 ELSE 1 END = 1',
                           name=op.f('ck_home_visit_one_holder')),
        sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_home_visit_family_id_family')),
        sa.ForeignKeyConstraint(['officer_psks_id'], ['psks_entry.id'],
                                name=op.f('fk_home_visit_officer_psks_id_psks_entry')),
        sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_home_visit_person_id_person')),
        sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name=op.f('fk_home_visit_referral_id_referral')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_home_visit')),
    )
    for col in ('person_id', 'family_id', 'officer_psks_id', 'due_date', 'status', 'visited_on', 'referral_id'):
        op.create_index(op.f(f'ix_home_visit_{col}'), 'home_visit', [col])
    op.create_table(
        'work_photo',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('activity_id', sa.Integer(), nullable=True),
        sa.Column('visit_id', sa.Integer(), nullable=True),
        sa.Column('caption', sa.String(length=200), nullable=True),
        sa.Column('taken_at', sa.DateTime(), nullable=True),
        sa.Column('latitude', sa.Float(), nullable=True),
        sa.Column('longitude', sa.Float(), nullable=True),
        sa.Column('width', sa.Integer(), nullable=False),
        sa.Column('height', sa.Integer(), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint('CASE WHEN activity_id IS NULL THEN 0 ELSE 1 END + '
                           'CASE WHEN visit_id IS NULL THEN 0 ELSE 1 END = 1', name=op.f('ck_work_photo_one_owner')),
        sa.ForeignKeyConstraint(['activity_id'], ['psks_activity.id'], ondelete='CASCADE',
                                name=op.f('fk_work_photo_activity_id_psks_activity')),
        sa.ForeignKeyConstraint(['visit_id'], ['home_visit.id'], ondelete='CASCADE',
                                name=op.f('fk_work_photo_visit_id_home_visit')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_work_photo')),
    )
    op.create_index(op.f('ix_work_photo_activity_id'), 'work_photo', ['activity_id'])
    op.create_index(op.f('ix_work_photo_visit_id'), 'work_photo', ['visit_id'])
    op.create_table(
        'month_report',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('year', sa.SmallInteger(), nullable=False),
        sa.Column('month', sa.SmallInteger(), nullable=False),
        sa.Column('revision', sa.SmallInteger(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=True),
        sa.Column('content', sa.JSON(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('closed_by', sa.String(length=80), nullable=False),
        sa.Column('closed_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_month_report')),
        sa.UniqueConstraint('year', 'month', 'revision', name=op.f('uq_month_report_year_month_revision')),
    )
    _immutable('month_report')


def _immutable(table: str) -> None:
    """Triggers that refuse to change or remove a row once written."""
    if op.get_context().dialect.name == 'sqlite':
        for verb in ('UPDATE', 'DELETE'):
            op.execute(f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table} is immutable'); END")
    elif op.get_context().dialect.name == 'postgresql':
        op.execute(f"CREATE FUNCTION {table}_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   f"BEGIN RAISE EXCEPTION '{table} is immutable'; END $$")
        op.execute(f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION {table}_immutable()")


def downgrade() -> None:
    raise NotImplementedError("Simpul does not downgrade; restore the backup made before the upgrade.")

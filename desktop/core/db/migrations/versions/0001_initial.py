"""initial schema and reference data

Revision ID: 0001
Revises: 
Create Date: 2026-11-22

Checklist: no imports from desktop.core.db.models (declare sa.table() for data changes); batch
operations for SQLite; renames written by hand (autogenerate drops and re-adds); no downgrade.
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=80), nullable=False),
    sa.Column('action', sa.Enum('insert', 'update', 'delete', name='auditaction', native_enum=False, length=20), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=40), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index('ix_audit_log_record', ['table_name', 'record_id'], unique=False)

    op.create_table('education',
    sa.Column('code', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_education')),
    sa.UniqueConstraint('name', name=op.f('uq_education_name'))
    )
    op.create_table('marital_status',
    sa.Column('code', sa.SmallInteger(), autoincrement=False, nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_marital_status')),
    sa.UniqueConstraint('name', name=op.f('uq_marital_status_name'))
    )
    op.create_table('ppks_category',
    sa.Column('no', sa.SmallInteger(), autoincrement=False, nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('unit', sa.Enum('orang', 'keluarga', 'komunitas', name='ppksunit', native_enum=False, length=20), nullable=False),
    sa.Column('age_min', sa.SmallInteger(), nullable=True),
    sa.Column('age_max', sa.SmallInteger(), nullable=True),
    sa.Column('sex', sa.Enum('L', 'P', name='sex', native_enum=False, length=20), nullable=True),
    sa.Column('atensi_cluster', sa.String(length=40), nullable=True),
    sa.Column('sensitive', sa.Boolean(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('no', name=op.f('pk_ppks_category')),
    sa.UniqueConstraint('code', name=op.f('uq_ppks_category_code'))
    )
    op.create_table('psks_type',
    sa.Column('no', sa.SmallInteger(), autoincrement=False, nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('form', sa.Enum('orang', 'keluarga', 'lembaga', name='psksform', native_enum=False, length=20), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('no', name=op.f('pk_psks_type')),
    sa.UniqueConstraint('code', name=op.f('uq_psks_type_code'))
    )
    op.create_table('region',
    sa.Column('code', sa.String(length=13), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('level', sa.SmallInteger(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('parent_code', sa.String(length=13), nullable=True),
    sa.Column('postal_code', sa.String(length=5), nullable=True),
    sa.ForeignKeyConstraint(['parent_code'], ['region.code'], name=op.f('fk_region_parent_code_region')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_region'))
    )
    with op.batch_alter_table('region', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_region_parent_code'), ['parent_code'], unique=False)

    op.create_table('relationship',
    sa.Column('code', sa.SmallInteger(), autoincrement=False, nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('dtsen_code', sa.SmallInteger(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_relationship')),
    sa.UniqueConstraint('name', name=op.f('uq_relationship_name'))
    )
    op.create_table('religion',
    sa.Column('code', sa.SmallInteger(), autoincrement=False, nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_religion')),
    sa.UniqueConstraint('name', name=op.f('uq_religion_name'))
    )
    op.create_table('community',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=150), nullable=False),
    sa.Column('desa_code', sa.String(length=13), nullable=True),
    sa.Column('location', sa.String(length=250), nullable=True),
    sa.Column('family_count', sa.Integer(), nullable=True),
    sa.Column('person_count', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['desa_code'], ['region.code'], name=op.f('fk_community_desa_code_region')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_community'))
    )
    op.create_table('family',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('no_kk', sa.String(length=16), nullable=True),
    sa.Column('desil', sa.SmallInteger(), nullable=True),
    sa.Column('desil_as_of', sa.Date(), nullable=True),
    sa.Column('desil_source', sa.String(length=80), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('address', sa.String(length=250), nullable=True),
    sa.Column('desa_code', sa.String(length=13), nullable=True),
    sa.Column('dusun', sa.String(length=60), nullable=True),
    sa.Column('rt', sa.String(length=3), nullable=True),
    sa.Column('rw', sa.String(length=3), nullable=True),
    sa.ForeignKeyConstraint(['desa_code'], ['region.code'], name=op.f('fk_family_desa_code_region')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_family')),
    sa.UniqueConstraint('no_kk', name=op.f('uq_family_no_kk'))
    )
    with op.batch_alter_table('family', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_family_desa_code'), ['desa_code'], unique=False)

    op.create_table('office_profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kecamatan_code', sa.String(length=13), nullable=False),
    sa.Column('office_name', sa.String(length=150), nullable=False),
    sa.Column('letterhead_government', sa.String(length=150), nullable=False),
    sa.Column('letterhead_office', sa.String(length=150), nullable=False),
    sa.Column('address', sa.String(length=250), nullable=True),
    sa.Column('place_name', sa.String(length=60), nullable=True),
    sa.Column('postal_code', sa.String(length=5), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=120), nullable=True),
    sa.Column('website', sa.String(length=120), nullable=True),
    sa.Column('logo', sa.LargeBinary(), nullable=True),
    sa.Column('logo_mime', sa.String(length=40), nullable=True),
    sa.Column('camat_name', sa.String(length=120), nullable=True),
    sa.Column('camat_nip', sa.String(length=18), nullable=True),
    sa.Column('camat_pangkat', sa.String(length=80), nullable=True),
    sa.Column('tksk_name', sa.String(length=120), nullable=True),
    sa.Column('tksk_nip', sa.String(length=18), nullable=True),
    sa.Column('tksk_pangkat', sa.String(length=80), nullable=True),
    sa.Column('tksk_phone', sa.String(length=20), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['kecamatan_code'], ['region.code'], name=op.f('fk_office_profile_kecamatan_code_region')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office_profile'))
    )
    op.create_table('ppks_alias',
    sa.Column('alias', sa.String(length=120), nullable=False),
    sa.Column('category_no', sa.SmallInteger(), nullable=False),
    sa.Column('note', sa.String(length=120), nullable=True),
    sa.ForeignKeyConstraint(['category_no'], ['ppks_category.no'], name=op.f('fk_ppks_alias_category_no_ppks_category')),
    sa.PrimaryKeyConstraint('alias', name=op.f('pk_ppks_alias'))
    )
    op.create_table('psks_alias',
    sa.Column('alias', sa.String(length=120), nullable=False),
    sa.Column('type_no', sa.SmallInteger(), nullable=False),
    sa.Column('note', sa.String(length=120), nullable=True),
    sa.ForeignKeyConstraint(['type_no'], ['psks_type.no'], name=op.f('fk_psks_alias_type_no_psks_type')),
    sa.PrimaryKeyConstraint('alias', name=op.f('pk_psks_alias'))
    )
    op.create_table('desil_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('desil', sa.SmallInteger(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=80), nullable=True),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_desil_history_family_id_family'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_desil_history'))
    )
    with op.batch_alter_table('desil_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_desil_history_family_id'), ['family_id'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nik', sa.String(length=16), nullable=True),
    sa.Column('name', sa.String(length=150), nullable=False),
    sa.Column('name_key', sa.String(length=150), nullable=False),
    sa.Column('sex', sa.Enum('L', 'P', name='sex', native_enum=False, length=20), nullable=False),
    sa.Column('birth_place', sa.String(length=80), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('relationship_code', sa.SmallInteger(), nullable=True),
    sa.Column('religion_code', sa.SmallInteger(), nullable=True),
    sa.Column('marital_status_code', sa.SmallInteger(), nullable=True),
    sa.Column('education_code', sa.Integer(), nullable=True),
    sa.Column('occupation', sa.String(length=80), nullable=True),
    sa.Column('disability', sa.Enum('fisik', 'intelektual', 'mental', 'sensorik netra', 'sensorik rungu', 'sensorik wicara', 'ganda', name='disability', native_enum=False, length=20), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('life_status', sa.Enum('hidup', 'meninggal', 'pindah', name='lifestatus', native_enum=False, length=20), nullable=False),
    sa.Column('nik_mismatch', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('address', sa.String(length=250), nullable=True),
    sa.Column('desa_code', sa.String(length=13), nullable=True),
    sa.Column('dusun', sa.String(length=60), nullable=True),
    sa.Column('rt', sa.String(length=3), nullable=True),
    sa.Column('rw', sa.String(length=3), nullable=True),
    sa.ForeignKeyConstraint(['desa_code'], ['region.code'], name=op.f('fk_person_desa_code_region')),
    sa.ForeignKeyConstraint(['education_code'], ['education.code'], name=op.f('fk_person_education_code_education')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_person_family_id_family')),
    sa.ForeignKeyConstraint(['marital_status_code'], ['marital_status.code'], name=op.f('fk_person_marital_status_code_marital_status')),
    sa.ForeignKeyConstraint(['relationship_code'], ['relationship.code'], name=op.f('fk_person_relationship_code_relationship')),
    sa.ForeignKeyConstraint(['religion_code'], ['religion.code'], name=op.f('fk_person_religion_code_religion')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('nik', name=op.f('uq_person_nik'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_birth_date'), ['birth_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_desa_code'), ['desa_code'], unique=False)
        batch_op.create_index('ix_person_desa_rt', ['desa_code', 'rt', 'rw'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_name_key'), ['name_key'], unique=False)

    op.create_table('ppks_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category_no', sa.SmallInteger(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('community_id', sa.Integer(), nullable=True),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('source', sa.Enum('tksk', 'psm', 'desa', 'import', 'lainnya', name='ppkssource', native_enum=False, length=20), nullable=False),
    sa.Column('status', sa.Enum('aktif', 'tertangani', 'meninggal', 'pindah', name='ppksstatus', native_enum=False, length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('CASE WHEN person_id IS NULL THEN 0 ELSE 1 END + CASE WHEN family_id IS NULL THEN 0 ELSE 1 END + CASE WHEN community_id IS NULL THEN 0 ELSE 1 END = 1', name=op.f('ck_ppks_record_one_holder')),
    sa.ForeignKeyConstraint(['category_no'], ['ppks_category.no'], name=op.f('fk_ppks_record_category_no_ppks_category')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_ppks_record_community_id_community')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_ppks_record_family_id_family')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_ppks_record_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ppks_record')),
    sa.UniqueConstraint('category_no', 'community_id', name=op.f('uq_ppks_record_category_no_community_id')),
    sa.UniqueConstraint('category_no', 'family_id', name=op.f('uq_ppks_record_category_no_family_id')),
    sa.UniqueConstraint('category_no', 'person_id', name=op.f('uq_ppks_record_category_no_person_id'))
    )
    with op.batch_alter_table('ppks_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ppks_record_category_no'), ['category_no'], unique=False)
        batch_op.create_index(batch_op.f('ix_ppks_record_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ppks_record_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ppks_record_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ppks_record_status'), ['status'], unique=False)

    op.create_table('psks_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type_no', sa.SmallInteger(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('org_name', sa.String(length=200), nullable=True),
    sa.Column('legal_number', sa.String(length=120), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('chair_name', sa.String(length=150), nullable=True),
    sa.Column('chair_person_id', sa.Integer(), nullable=True),
    sa.Column('sk_number', sa.String(length=120), nullable=True),
    sa.Column('sk_date', sa.Date(), nullable=True),
    sa.Column('term_start', sa.Date(), nullable=True),
    sa.Column('term_end', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('address', sa.String(length=250), nullable=True),
    sa.Column('desa_code', sa.String(length=13), nullable=True),
    sa.Column('dusun', sa.String(length=60), nullable=True),
    sa.Column('rt', sa.String(length=3), nullable=True),
    sa.Column('rw', sa.String(length=3), nullable=True),
    sa.CheckConstraint('CASE WHEN person_id IS NULL THEN 0 ELSE 1 END + CASE WHEN family_id IS NULL THEN 0 ELSE 1 END + CASE WHEN org_name IS NULL THEN 0 ELSE 1 END = 1', name=op.f('ck_psks_entry_one_holder')),
    sa.ForeignKeyConstraint(['chair_person_id'], ['person.id'], name=op.f('fk_psks_entry_chair_person_id_person')),
    sa.ForeignKeyConstraint(['desa_code'], ['region.code'], name=op.f('fk_psks_entry_desa_code_region')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_psks_entry_family_id_family')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_psks_entry_person_id_person')),
    sa.ForeignKeyConstraint(['type_no'], ['psks_type.no'], name=op.f('fk_psks_entry_type_no_psks_type')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_psks_entry'))
    )
    with op.batch_alter_table('psks_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_psks_entry_desa_code'), ['desa_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_psks_entry_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_psks_entry_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_psks_entry_type_no'), ['type_no'], unique=False)

    op.create_table('psks_coverage',
    sa.Column('psks_id', sa.Integer(), nullable=False),
    sa.Column('desa_code', sa.String(length=13), nullable=False),
    sa.ForeignKeyConstraint(['desa_code'], ['region.code'], name=op.f('fk_psks_coverage_desa_code_region')),
    sa.ForeignKeyConstraint(['psks_id'], ['psks_entry.id'], name=op.f('fk_psks_coverage_psks_id_psks_entry')),
    sa.PrimaryKeyConstraint('psks_id', 'desa_code', name=op.f('pk_psks_coverage'))
    )
    op.create_table('psks_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('psks_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=150), nullable=False),
    sa.Column('role', sa.String(length=80), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_psks_member_person_id_person')),
    sa.ForeignKeyConstraint(['psks_id'], ['psks_entry.id'], name=op.f('fk_psks_member_psks_id_psks_entry')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_psks_member'))
    )
    with op.batch_alter_table('psks_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_psks_member_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_psks_member_psks_id'), ['psks_id'], unique=False)

    _seed_reference_data()


def downgrade() -> None:
    raise NotImplementedError("Simpul does not downgrade; restore the backup made before the upgrade.")


# Reference data, frozen as of this revision (later changes get revisions of their own).
# PPKS: Permensos 8/2012, order 1-26. Age limits are inclusive completed years and only ever warn.
# (no, code, name, unit, age_min, age_max, sex, ATENSI cluster, sensitive)
PPKS = [
    (1, "ABT", "Anak Balita Telantar", "orang", None, 5, None, "Anak", False),
    (2, "AT", "Anak Telantar", "orang", 6, 17, None, "Anak", False),
    (3, "ABH", "Anak yang Berhadapan dengan Hukum", "orang", 12, 17, None, "Anak", True),
    (4, "AJ", "Anak Jalanan", "orang", 6, 17, None, "Anak", False),
    (5, "ADK", "Anak dengan Kedisabilitasan", "orang", None, 17, None, "Anak", False),
    (6, "AKTK", "Anak yang Menjadi Korban Tindak Kekerasan atau Diperlakukan Salah",
     "orang", 6, 17, None, "Anak", True),
    (7, "AMPK", "Anak yang Memerlukan Perlindungan Khusus", "orang", None, 17, None, "Anak", True),
    (8, "LUT", "Lanjut Usia Telantar", "orang", 60, None, None, "Lanjut usia", False),
    (9, "PD", "Penyandang Disabilitas", "orang", 18, None, None, "Disabilitas", False),
    (10, "TS", "Tuna Susila", "orang", 18, None, None, "Tuna sosial", True),
    (11, "GLD", "Gelandangan", "orang", None, None, None, "Tuna sosial", False),
    (12, "PGM", "Pengemis", "orang", None, None, None, "Tuna sosial", False),
    (13, "PML", "Pemulung", "orang", None, None, None, "Tuna sosial", False),
    (14, "KM", "Kelompok Minoritas", "komunitas", None, None, None, "Tuna sosial", True),
    (15, "BWBLP", "Bekas Warga Binaan Lembaga Pemasyarakatan", "orang", 18, None, None, "Tuna sosial", True),
    (16, "ODHA", "Orang dengan HIV/AIDS", "orang", None, None, None, None, True),
    (17, "NAPZA", "Korban Penyalahgunaan NAPZA", "orang", None, None, None, "NAPZA", True),
    (18, "TPPO", "Korban Perdagangan Orang (Trafficking)", "orang", None, None, None,
     "Tuna sosial dan korban perdagangan orang", True),
    (19, "KTK", "Korban Tindak Kekerasan", "orang", None, None, None, None, True),
    (20, "PMBS", "Pekerja Migran Bermasalah Sosial", "orang", 18, None, None,
     "Tuna sosial dan korban perdagangan orang", False),
    (21, "KBA", "Korban Bencana Alam", "orang", None, None, None, "Korban bencana", False),
    (22, "KBS", "Korban Bencana Sosial", "orang", None, None, None, "Korban bencana", False),
    (23, "PRSE", "Perempuan Rawan Sosial Ekonomi", "orang", 18, 59, "P", None, False),
    (24, "FM", "Fakir Miskin", "keluarga", None, None, None, None, False),
    (25, "KBSP", "Keluarga Bermasalah Sosial Psikologis", "keluarga", None, None, None, None, False),
    (26, "KAT", "Komunitas Adat Terpencil", "komunitas", None, None, None, None, False),
]

# Codes seen in older PMKS files (2007 scheme, 22 types) and in other systems.
PPKS_LEGACY = [
    ("AN", 3, "Anak Nakal (PMKS 2007)"), ("WRSE", 23, "Wanita Rawan Sosial Ekonomi (PMKS 2007)"),
    ("PACA", 9, "Penyandang Cacat (PMKS 2007); anak: ADK"), ("PDIS", 9, None), ("PENCA", 9, None),
    ("PGMS", 12, "PMKS 2007"), ("P", 12, None), ("GLDNG", 11, "PMKS 2007"), ("G", 11, None),
    ("BWBLK", 15, "PMKS 2007"), ("BWBP", 15, None), ("KFM", 24, "Keluarga Fakir Miskin (PMKS 2007)"),
    ("PM", 20, "Pekerja Migran (PMKS 2007)"), ("KPN", 17, None), ("KTR", 18, None),
    ("AKTKDS", 6, None),
]

# (no, code, name, form)
PSKS = [
    (1, "PSP", "Pekerja Sosial Profesional", "orang"),
    (2, "PSM", "Pekerja Sosial Masyarakat", "orang"),
    (3, "TAGANA", "Taruna Siaga Bencana", "orang"),
    (4, "LKS", "Lembaga Kesejahteraan Sosial", "lembaga"),
    (5, "KT", "Karang Taruna", "lembaga"),
    (6, "LK3", "Lembaga Konsultasi Kesejahteraan Keluarga", "lembaga"),
    (7, "KP", "Keluarga Pioner", "keluarga"),
    (8, "WKSBM", "Wahana Kesejahteraan Sosial Berbasis Masyarakat", "lembaga"),
    (9, "WPKS", "Wanita Pemimpin Kesejahteraan Sosial", "orang"),
    (10, "PS", "Penyuluh Sosial", "orang"),
    (11, "TKSK", "Tenaga Kesejahteraan Sosial Kecamatan", "orang"),
    (12, "DU", "Dunia Usaha", "lembaga"),
]
PSKS_LEGACY = [
    ("PEKSOS", 1, None), ("ORSOS", 4, "Organisasi Sosial (PMKS 2007)"), ("DU-UKS", 12, "PMKS 2007"),
    ("DUUKS", 12, None), ("PENSOS", 10, None), ("KARTAR", 5, None),
]

# Status hubungan dalam keluarga (Dukcapil) -> DTSEN question 409.
RELATIONSHIPS = [
    (1, "Kepala Keluarga", 1), (2, "Suami", 2), (3, "Istri", 2), (4, "Anak", 3), (5, "Menantu", 4),
    (6, "Cucu", 5), (7, "Orang Tua", 6), (8, "Mertua", 6), (9, "Famili Lain", 8), (10, "Pembantu", 7),
    (11, "Lainnya", 8),
]
RELIGIONS = [(1, "Islam"), (2, "Kristen"), (3, "Katolik"), (4, "Hindu"), (5, "Buddha"), (6, "Konghucu"),
             (7, "Kepercayaan terhadap Tuhan YME")]
MARITAL = [(1, "Belum Kawin"), (2, "Kawin"), (3, "Cerai Hidup"), (4, "Cerai Mati")]
EDUCATION = [
    (1, "Tidak/Belum Sekolah"), (2, "Belum Tamat SD/Sederajat"), (3, "Tamat SD/Sederajat"),
    (4, "SLTP/Sederajat"), (5, "SLTA/Sederajat"), (6, "Diploma I/II"),
    (7, "Akademi/Diploma III/S. Muda"), (8, "Diploma IV/Strata I"), (9, "Strata II"), (10, "Strata III"),
]


def _seed_reference_data() -> None:
    ppks_category = sa.table(
        "ppks_category", sa.column("no"), sa.column("code"), sa.column("name"), sa.column("unit"),
        sa.column("age_min"), sa.column("age_max"), sa.column("sex"), sa.column("atensi_cluster"),
        sa.column("sensitive", sa.Boolean))
    ppks_alias = sa.table("ppks_alias", sa.column("alias"), sa.column("category_no"), sa.column("note"))
    psks_type = sa.table("psks_type", sa.column("no"), sa.column("code"), sa.column("name"), sa.column("form"))
    psks_alias = sa.table("psks_alias", sa.column("alias"), sa.column("type_no"), sa.column("note"))
    keys = ("no", "code", "name", "unit", "age_min", "age_max", "sex", "atensi_cluster", "sensitive")
    op.bulk_insert(ppks_category, [dict(zip(keys, row)) for row in PPKS])

    # Every way a file may name a category: code, full name, "PPKS-07"/"PMKS-07", legacy codes.
    aliases: dict[str, tuple[int, str | None]] = {}
    for no, code, name, *_ in PPKS:
        aliases[code] = (no, None)
        aliases[name.upper()] = (no, None)
        aliases[f"PPKS-{no:02d}"] = (no, None)
        aliases[f"PMKS-{no:02d}"] = (no, None)
    for alias, no, note in PPKS_LEGACY:
        aliases.setdefault(alias, (no, note))
    op.bulk_insert(ppks_alias, [{"alias": a, "category_no": no, "note": note}
                                for a, (no, note) in sorted(aliases.items())])

    op.bulk_insert(psks_type, [dict(zip(("no", "code", "name", "form"), row)) for row in PSKS])
    p_aliases: dict[str, tuple[int, str | None]] = {}
    for no, code, name, _form in PSKS:
        p_aliases[code] = (no, None)
        p_aliases[name.upper()] = (no, None)
    for alias, no, note in PSKS_LEGACY:
        p_aliases.setdefault(alias, (no, note))
    op.bulk_insert(psks_alias, [{"alias": a, "type_no": no, "note": note}
                                for a, (no, note) in sorted(p_aliases.items())])

    op.bulk_insert(sa.table("relationship", sa.column("code"), sa.column("name"), sa.column("dtsen_code")),
                   [{"code": c, "name": n, "dtsen_code": d} for c, n, d in RELATIONSHIPS])
    for table, rows in (("religion", RELIGIONS), ("marital_status", MARITAL), ("education", EDUCATION)):
        op.bulk_insert(sa.table(table, sa.column("code"), sa.column("name")),
                       [{"code": c, "name": n} for c, n in rows])

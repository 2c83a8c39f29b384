import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text

from desktop.core.db import schema, search_index
from desktop.core.db.base import Base
from desktop.core.db.engine import open_database
from desktop.core.db.models import PpksAlias, PpksCategory, PsksAlias, PsksType, Relationship
from desktop.core.errors import StorageError
from desktop.core.services.welfare import find_category, find_psks_type


def test_empty_to_head(empty_db):
    assert schema.state(empty_db).is_empty
    result = schema.upgrade(empty_db)
    assert result.old is None and result.new == schema.head_revision() and result.backup is None
    assert schema.state(empty_db).is_current
    assert set(Base.metadata.tables) <= set(inspect(empty_db.engine).get_table_names())


def test_quick_schema_check_agrees_with_alembic(empty_db):
    """The app knows the head without importing Alembic; the constant must follow the revisions."""
    assert schema.HEAD_REVISION == schema.alembic_head()
    assert schema.current_revision(empty_db) is None
    schema.upgrade(empty_db, target="0003")
    for expected in ("0003", schema.HEAD_REVISION):
        with empty_db.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == expected
        assert schema.current_revision(empty_db) == expected
        schema.upgrade(empty_db)


def test_models_match_migrations(empty_db):
    """The models are the source of truth; a change without a revision fails here (alembic check)."""
    schema.upgrade(empty_db)
    with empty_db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": search_index.include_name})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_upgrade_twice_changes_nothing(empty_db):
    schema.upgrade(empty_db)
    again = schema.upgrade(empty_db)
    assert not again.changed and again.backup is None


def test_reference_data_is_seeded_in_the_regulations_order(empty_db):
    schema.upgrade(empty_db)
    with empty_db.read() as s:
        cats = s.scalars(select(PpksCategory).order_by(PpksCategory.no)).all()
        assert [c.no for c in cats] == list(range(1, 27))
        assert [c.code for c in cats[:3]] == ["ABT", "AT", "ABH"]
        assert cats[23].code == "FM" and cats[23].unit == "keluarga"
        assert cats[25].code == "KAT" and cats[25].unit == "komunitas"
        sensitive = {c.code for c in cats if c.sensitive}
        assert sensitive == {"ABH", "AKTK", "AMPK", "TS", "KM", "BWBLP", "ODHA", "NAPZA", "TPPO", "KTK"}
        prse = s.get(PpksCategory, 23)
        assert (prse.age_min, prse.age_max, prse.sex) == (18, 59, "P")
        types = s.scalars(select(PsksType).order_by(PsksType.no)).all()
        assert [t.code for t in types] == ["PSP", "PSM", "TAGANA", "LKS", "KT", "LK3", "KP", "WKSBM",
                                           "WPKS", "PS", "TKSK", "DU"]
        assert s.scalar(select(Relationship.name).where(Relationship.code == 1)) == "Kepala Keluarga"
        assert s.scalar(select(PpksAlias.category_no).where(PpksAlias.alias == "WRSE")) == 23
        assert s.scalar(select(PsksAlias.type_no).where(PsksAlias.alias == "ORSOS")) == 4


@pytest.mark.parametrize("legacy, code", [("WRSE", "PRSE"), ("PACA", "PD"), ("KFM", "FM"), ("AN", "ABH"),
                                          ("PGMS", "PGM"), ("GLDNG", "GLD"), ("BWBLK", "BWBLP"), ("PM", "PMBS"),
                                          ("kfm", "FM"), ("Fakir  Miskin", "FM"), ("PPKS-08", "LUT"),
                                          ("24", "FM"), (8, "LUT")])
def test_legacy_codes_map_onto_the_26(empty_db, legacy, code):
    schema.upgrade(empty_db)
    with empty_db.read() as s:
        assert find_category(s, legacy).code == code


def test_psks_legacy_codes(empty_db):
    schema.upgrade(empty_db)
    with empty_db.read() as s:
        assert find_psks_type(s, "ORSOS").code == "LKS"
        assert find_psks_type(s, "DU-UKS").code == "DU"
        assert find_psks_type(s, "karang taruna").code == "KT"
        assert find_category(s, "RTLH") is None  # a programme attribute, no longer a category


def test_newer_database_is_refused(empty_db):
    schema.upgrade(empty_db)
    with empty_db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00d'"))
    with pytest.raises(StorageError) as info:
        schema.require_current(empty_db)
    assert info.value.code == "db.newer"
    with pytest.raises(StorageError):
        schema.upgrade(empty_db)


def test_empty_database_says_how_to_set_it_up(empty_db):
    with pytest.raises(StorageError) as info:
        schema.require_current(empty_db)
    assert "simpul init --kecamatan" in info.value.message


def test_failed_upgrade_restores_the_backup(sqlite_db, monkeypatch):
    """Simulate a broken future revision: the file must come back exactly as it was."""
    with sqlite_db.engine.begin() as conn:
        conn.execute(text("INSERT INTO community (name, created_at, updated_at) "
                          "VALUES ('Komunitas Uji', '2026-01-01', '2026-01-01')"))
    monkeypatch.setattr(schema, "state", lambda db: schema.SchemaState("0001", "0002"))
    monkeypatch.setattr(schema, "_known", lambda rev: True)

    def broken_upgrade(cfg, target):
        cfg.attributes["connection"].execute(text("DROP TABLE community"))
        raise RuntimeError("kolom baru gagal dibuat")

    monkeypatch.setattr(schema.command, "upgrade", broken_upgrade)
    with pytest.raises(StorageError) as info:
        schema.upgrade(sqlite_db)
    assert info.value.code == "db.upgrade_failed"
    assert "kolom baru gagal dibuat" in info.value.message
    backups = list((sqlite_db.file.parent / "backups").iterdir())
    assert len(backups) == 1 and "sebelum-0001" in backups[0].name
    con = sqlite3.connect(sqlite_db.file)
    assert con.execute("SELECT name FROM community").fetchall() == [("Komunitas Uji",)]
    con.close()


def test_backup_is_a_consistent_copy(sqlite_db):
    path = schema.backup_sqlite(sqlite_db.file, "uji")
    copy = open_database(path)
    assert schema.state(copy).is_current
    with copy.read() as s:
        assert s.scalar(text("SELECT count(*) FROM region WHERE parent_code = '64.02.06'")) == 14
    copy.dispose()


def test_upgrade_from_the_previous_release_keeps_rows_and_backs_up(tmp_path):
    """A 0001 database with data, upgraded by a newer Simpul: rows stay, a backup is made first."""
    from desktop.core.services import demo
    from desktop.core.services.office import init_office

    db = open_database(tmp_path / "kantor.db")
    schema.upgrade(db, target="0001")
    with db.engine.begin() as conn:  # 0001's office and a family, written as 0001 knew them
        conn.execute(text("INSERT INTO region (code, name, level, kind) VALUES ('64', 'Kalimantan Timur', 1, "
                          "'provinsi')"))
        conn.execute(text("INSERT INTO family (no_kk, created_at, updated_at) VALUES "
                          "('6402061203150007', '2026-01-01', '2026-01-01')"))
    result = schema.upgrade(db)
    assert (result.old, result.new) == ("0001", schema.head_revision())
    assert result.backup is not None and result.backup.exists()
    with db.read() as s:
        assert s.scalar(text("SELECT no_kk FROM family")) == "6402061203150007"
        assert s.scalar(text("PRAGMA foreign_key_check")) is None
    init_office(db, "64.02.06")
    demo.generate(db, 5, seed=1)
    db.dispose()

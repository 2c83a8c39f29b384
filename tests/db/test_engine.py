import sqlite3

import pytest
from sqlalchemy import text

from desktop.core import paths
from desktop.core.db.engine import open_database, resolve_url
from desktop.core.errors import StorageError
from desktop.core.services.office import update_office


def test_sqlite_pragmas(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 200


def test_default_location_is_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("SIMPUL_HOME", str(tmp_path / "data"))
    assert resolve_url(None).database == str(tmp_path / "data" / "simpul.db")
    monkeypatch.setenv("SIMPUL_DB", str(tmp_path / "lain.db"))
    assert resolve_url(None).database == str(tmp_path / "lain.db")
    assert resolve_url("postgresql+psycopg://u:p@host/db").get_backend_name() == "postgresql"
    assert paths.default_db_path().parent == tmp_path / "data"


def test_windows_data_folder_is_localappdata(monkeypatch):
    """On Windows the data lives in %LOCALAPPDATA%\\Simpul (not roaming, not the install folder);
    platformdirs' Windows rule is asked directly so that this is checked on Linux too."""
    import platformdirs.windows as pw

    asked = []
    monkeypatch.setattr(pw, "get_win_folder", lambda csidl: asked.append(csidl) or "C:/Users/op/AppData/Local")
    path = pw.Windows("Simpul", appauthor=False, roaming=False).user_data_dir
    assert asked == ["CSIDL_LOCAL_APPDATA"]
    assert path.replace("\\", "/") == "C:/Users/op/AppData/Local/Simpul"


def test_locked_database_gives_advice_and_changes_nothing(sqlite_db):
    other = sqlite3.connect(sqlite_db.file, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError) as info:
            update_office(sqlite_db, {"phone": "0541-000"})
        assert info.value.code == "db.locked"
        assert "Tutup program Simpul lain" in info.value.message
    finally:
        other.rollback()
        other.close()
    with sqlite_db.read() as s:
        assert s.scalar(text("SELECT phone FROM office_profile")) is None


def test_damaged_file_is_named_with_the_backup_folder(tmp_path):
    bad = tmp_path / "rusak.db"
    bad.write_bytes(b"ini bukan basis data SQLite, hanya teks biasa " * 200)
    db = open_database(bad)
    with pytest.raises(StorageError) as info:
        with db.read() as s:
            s.execute(text("SELECT 1 FROM person")).all()
    assert info.value.code == "db.corrupt"
    assert str(bad) in info.value.message and "backups" in info.value.message


def test_unreachable_server_is_explained():
    db = open_database("postgresql+psycopg://simpul:rahasia@127.0.0.1:1/simpul?connect_timeout=2")
    with pytest.raises(StorageError) as info:
        with db.read() as s:
            s.execute(text("SELECT 1"))
    assert info.value.code == "db.unreachable"
    assert "rahasia" not in info.value.message  # never print the password
    assert "***" in info.value.message


def test_full_disk_gives_advice_and_saves_nothing(sqlite_db):
    """SQLite's page limit stands in for a full disk: the same SQLITE_FULL error."""
    from desktop.core.services.registry import PersonInput, create_person

    with pytest.raises(StorageError) as info:
        with sqlite_db.transaction() as s:
            pages = s.execute(text("PRAGMA page_count")).scalar()
            s.execute(text(f"PRAGMA max_page_count = {pages + 2}"))
            for i in range(3000):
                create_person(s, PersonInput(name=f"Orang {i} " + "x" * 100, sex="L", notes="y" * 500))
    assert info.value.code == "db.disk_full"
    assert "Disk penuh" in info.value.message
    with sqlite_db.read() as s:
        assert s.execute(text("SELECT count(*) FROM person")).scalar() == 0


def test_export_to_a_missing_folder_is_explained(capsys, sqlite_db, tmp_path):
    from desktop.cli import main

    target = tmp_path / "tidak-ada" / "sub" / "x.xlsx"
    (tmp_path / "tidak-ada").write_text("ini berkas, bukan folder")
    code = main(["--db", str(sqlite_db.file), "export", "persons", str(target), "--purpose", "uji"])
    err = capsys.readouterr().err
    assert code == 1 and f"Folder {target.parent} tidak ada" in err and "Traceback" not in err

"""Every file Simpul writes lands whole or not at all, and never on the registry or its backups."""

import os

import pytest

from desktop.core.io import outputs
from desktop.core.io.outputs import OutputRefused, atomic_output, check_target, write_bytes


@pytest.fixture
def registry(tmp_path):
    db = tmp_path / "kantor.db"
    db.write_bytes(outputs.SQLITE_MAGIC + b"\0" * 100)
    (tmp_path / "backups").mkdir()
    outputs.protect(db, tmp_path / "backups")
    return db


@pytest.mark.parametrize("name", ["kantor.db", "kantor.db-wal", "kantor.db-shm", "kantor.db-journal",
                                  "backups/harian.xlsx"])
def test_the_registry_its_journals_and_backups_are_refused(registry, name):
    with pytest.raises(OutputRefused):
        write_bytes(b"%PDF-1.4", registry.parent / name, "pdf")
    assert registry.read_bytes().startswith(outputs.SQLITE_MAGIC)


def test_another_spelling_or_a_hard_link_of_the_registry_is_refused(registry, tmp_path):
    (tmp_path / "sub").mkdir()
    with pytest.raises(OutputRefused, match="basis data"):
        check_target(tmp_path / "sub" / ".." / "kantor.db", "xlsx")
    os.link(registry, tmp_path / "tautan.xlsx")
    with pytest.raises(OutputRefused, match="basis data"):
        check_target(tmp_path / "tautan.xlsx", "xlsx")


def test_any_sqlite_file_is_refused_even_one_not_open_here(tmp_path):
    other = tmp_path / "lain.pdf"
    other.write_bytes(outputs.SQLITE_MAGIC + b"\0" * 10)
    with pytest.raises(OutputRefused):
        write_bytes(b"%PDF-1.4", other, "pdf")
    assert other.read_bytes().startswith(outputs.SQLITE_MAGIC)


def test_symlinks_folders_missing_folders_and_other_kinds_are_refused(tmp_path):
    (tmp_path / "real.pdf").write_bytes(b"%PDF-1.4 old")
    (tmp_path / "link.pdf").symlink_to(tmp_path / "real.pdf")
    (tmp_path / "book.xlsx").write_bytes(b"PK\x03\x04 a workbook")
    for target, code in ((tmp_path / "link.pdf", "output.symlink"), (tmp_path, "output.folder"),
                         (tmp_path / "missing" / "a.pdf", "output.no_folder"),
                         (tmp_path / "book.xlsx", "output.other_kind")):
        with pytest.raises(OutputRefused) as caught:
            write_bytes(b"%PDF-1.4 new", target, "pdf")
        assert caught.value.code == code
    assert (tmp_path / "real.pdf").read_bytes() == b"%PDF-1.4 old"
    assert not (tmp_path / "missing").exists()


def test_a_file_of_the_same_kind_is_replaced_whole_and_owner_only(tmp_path):
    target = tmp_path / "surat.pdf"
    target.write_bytes(b"%PDF-1.4 old")
    os.chmod(target, 0o644)
    assert write_bytes(b"%PDF-1.4 new", target, "pdf") == target
    assert target.read_bytes() == b"%PDF-1.4 new"
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["surat.pdf"]  # no temporary file left


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "rekap.xlsx"
    target.write_bytes(b"PK\x03\x04 old")
    with pytest.raises(OSError), atomic_output(target, "xlsx") as tmp:
        tmp.write_bytes(b"PK\x03\x04 half")
        raise OSError(28, "No space left on device")
    assert target.read_bytes() == b"PK\x03\x04 old"
    assert [p.name for p in tmp_path.iterdir()] == ["rekap.xlsx"]

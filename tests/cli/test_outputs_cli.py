"""`export`/`print` onto the registry is refused and the registry is unchanged (issue 14)."""

import hashlib

import pytest

from desktop.cli import main


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def kantor(tmp_path, capsys):
    db = tmp_path / "kantor.db"
    assert main(["--db", str(db), "init", "--kecamatan", "64.02.06"]) == 0
    capsys.readouterr()
    return db


@pytest.mark.parametrize("argv", [["export", "persons"], ["export", "recap"], ["print", "letter", "1"],
                                  ["print", "roster", "1"]])
def test_an_output_onto_the_database_is_refused(kantor, capsys, argv):
    before = digest(kantor)
    code = main(["--db", str(kantor), *argv, str(kantor)])
    err = capsys.readouterr().err
    assert code == 1 and "tidak akan ditimpa" in err and "Traceback" not in err
    assert digest(kantor) == before
    assert main(["--db", str(kantor), "check"]) == 0


def test_an_export_into_the_backup_folder_is_refused(kantor, capsys):
    (kantor.parent / "backups").mkdir()
    assert main(["--db", str(kantor), "export", "persons", str(kantor.parent / "backups" / "p.xlsx")]) == 1
    assert "folder cadangan" in capsys.readouterr().err
    assert list((kantor.parent / "backups").iterdir()) == []


def test_a_missing_folder_is_created_by_init_only(tmp_path, capsys):
    db = tmp_path / "baru" / "kantor.db"
    assert main(["--db", str(db), "check"]) == 1
    assert "tidak ada" in capsys.readouterr().err and not db.parent.exists()
    assert main(["--db", str(db), "init", "--kecamatan", "64.02.06"]) == 0
    assert db.exists()

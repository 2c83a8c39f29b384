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


@pytest.mark.parametrize("argv", [["export", "persons", "--purpose", "uji"], ["export", "recap"], ["print", "letter", "1"],
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
    assert main(["--db", str(kantor), "export", "persons", str(kantor.parent / "backups" / "p.xlsx"),
                 "--purpose", "uji"]) == 1
    assert "folder cadangan" in capsys.readouterr().err
    assert list((kantor.parent / "backups").iterdir()) == []


def test_a_missing_folder_is_created_by_init_only(tmp_path, capsys):
    db = tmp_path / "baru" / "kantor.db"
    assert main(["--db", str(db), "check"]) == 1
    assert "tidak ada" in capsys.readouterr().err and not db.parent.exists()
    assert main(["--db", str(db), "init", "--kecamatan", "64.02.06"]) == 0
    assert db.exists()


def test_an_unexpected_error_names_its_type_and_logs_frames_without_values(kantor, capsys, monkeypatch):
    from desktop import cli
    from desktop.core import logs

    def broken(args):
        raise ValueError("NIK 6402061234560001 SITI AMINAH")  # a driver message can quote a person

    monkeypatch.setitem(cli._COMMANDS, "check", broken)
    assert main(["--db", str(kantor), "check"]) == 1
    err = capsys.readouterr().err
    assert "ValueError" in err and "6402061234560001" not in err and "Traceback" not in err
    logged = logs.log_path().read_text(encoding="utf-8")
    assert "ValueError" in logged and "simpul check" in logged
    assert "6402061234560001" not in logged and "AMINAH" not in logged


@pytest.mark.parametrize("argv, message", [
    (["list", "referrals"], "belum disiapkan"), (["verify", "SIMPUL1|400/1|x"], "belum disiapkan"),
    (["undo-import", "3"], "belum disiapkan")])
def test_commands_on_an_uninitialised_file_say_so(tmp_path, capsys, argv, message):
    assert main(["--db", str(tmp_path / "kosong.db"), *argv]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_a_bad_url_and_an_impossible_id_are_explained(tmp_path, capsys):
    assert main(["--db", "foo://bar", "check"]) == 1
    assert "bukan berkas atau alamat basis data" in capsys.readouterr().err
    assert main(["--db", str(tmp_path / "a.db"), "print", "letter", "99999999999999999999999", "a.pdf"]) == 2
    assert "tidak sah" in capsys.readouterr().err

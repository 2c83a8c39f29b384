"""The command line acts as a user: --user with a password file, rights checked as in the window."""

import pytest

from desktop.cli import main


@pytest.fixture
def kantor(tmp_path, capsys, monkeypatch):
    (tmp_path / "admin.pw").write_text("kunci-admin-1\n")
    (tmp_path / "op.pw").write_text("kunci-operator-1\n")
    db = str(tmp_path / "kantor.db")
    assert main(["--db", db, "init", "--kecamatan", "64.02.06", "--admin", "Admin",
                 "--password-file", str(tmp_path / "admin.pw")]) == 0
    out = capsys.readouterr().out
    assert "KODE PEMULIHAN ADMIN" in out
    monkeypatch.setenv("SIMPUL_PASSWORD_FILE", str(tmp_path / "admin.pw"))
    assert main(["--db", db, "--user", "Admin", "user", "add", "op", "--role", "operator",
                 "--password-file", str(tmp_path / "op.pw")]) == 0
    capsys.readouterr()
    return db, tmp_path


def test_a_registry_with_users_asks_who_works(kantor, capsys, monkeypatch):
    db, _ = kantor
    monkeypatch.delenv("SIMPUL_PASSWORD_FILE")
    assert main(["--db", db, "list", "referrals"]) == 1
    assert "--user" in capsys.readouterr().err
    assert main(["--db", db, "check"]) == 0  # a check shows no personal data: no login


def test_each_command_checks_the_role(kantor, capsys, monkeypatch):
    db, folder = kantor
    monkeypatch.setenv("SIMPUL_PASSWORD_FILE", str(folder / "op.pw"))
    assert main(["--db", db, "--user", "op", "user", "list"]) == 1
    assert "tidak berhak mengelola pengguna" in capsys.readouterr().err
    assert main(["--db", db, "--user", "op", "export", "persons", str(folder / "p.xlsx"), "--purpose", "uji"]) == 0
    monkeypatch.setenv("SIMPUL_PASSWORD_FILE", str(folder / "admin.pw"))
    assert main(["--db", db, "--user", "Admin", "export", "persons", str(folder / "q.xlsx"), "--purpose", "uji"]) == 1
    assert "tidak berhak mengekspor data" in capsys.readouterr().err
    assert main(["--db", db, "--user", "Admin", "user", "list"]) == 0
    listed = capsys.readouterr().out
    assert "Admin" in listed and "operator" in listed


def test_a_wrong_password_is_refused_and_counted(kantor, capsys, monkeypatch):
    db, folder = kantor
    (folder / "salah.pw").write_text("bukan-ini-123\n")
    monkeypatch.setenv("SIMPUL_PASSWORD_FILE", str(folder / "salah.pw"))
    assert main(["--db", db, "--user", "op", "export", "persons", str(folder / "p.xlsx"), "--purpose", "uji"]) == 1
    assert "salah" in capsys.readouterr().err and not (folder / "p.xlsx").exists()


def test_every_command_has_its_rights_written_down():
    import argparse

    from desktop.cli import build_parser
    from desktop.core.access import COMMAND_RIGHTS

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    keys = set()
    for name, parser in sub.choices.items():
        if name == "gui":
            continue
        what = next((a for a in parser._actions if a.dest == "what"), None)
        keys |= {f"{name} {w}" for w in what.choices} if what is not None and name in ("list", "print") else {name}
    assert sorted(keys - set(COMMAND_RIGHTS)) == []

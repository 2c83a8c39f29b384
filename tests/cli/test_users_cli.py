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


def test_an_admin_changes_a_role_and_enables_a_user_again(kantor, capsys, monkeypatch):
    db, folder = kantor
    admin = ["--db", db, "--user", "Admin", "user"]
    assert main(admin + ["role", "op", "--role", "camat", "--grant", "sensitif"]) == 0
    assert "camat" in capsys.readouterr().out
    assert main(admin + ["list"]) == 0
    assert "camat" in next(line for line in capsys.readouterr().out.splitlines() if line.startswith("op "))
    assert main(admin + ["role", "Admin", "--role", "operator"]) == 1  # not one's own role
    assert "Admin lain" in capsys.readouterr().err
    assert main(admin + ["disable", "Admin"]) == 1  # nor one's own account
    assert "sendiri" in capsys.readouterr().err
    assert main(admin + ["disable", "op"]) == 0 and main(admin + ["enable", "op"]) == 0
    assert "diaktifkan kembali" in capsys.readouterr().out
    monkeypatch.setenv("SIMPUL_PASSWORD_FILE", str(folder / "op.pw"))
    assert main(["--db", db, "--user", "op", "user", "enable", "op"]) == 1  # a Camat manages no accounts
    assert "tidak berhak mengelola pengguna" in capsys.readouterr().err


def test_a_reset_user_is_told_and_changes_the_password_alone(kantor, capsys, monkeypatch):
    db, folder = kantor
    (folder / "sementara.pw").write_text("sementara-123\n")
    (folder / "baru.pw").write_text("milik-op-4567\n")
    monkeypatch.setenv("SIMPUL_PASSWORD_FILE", str(folder / "admin.pw"))
    assert main(["--db", db, "--user", "Admin", "user", "reset", "op", "--password-file",
                 str(folder / "sementara.pw")]) == 0
    assert "simpul --user op password" in capsys.readouterr().out
    monkeypatch.setenv("SIMPUL_PASSWORD_FILE", str(folder / "sementara.pw"))
    assert main(["--db", db, "--user", "op", "list", "referrals"]) == 0
    assert "diatur ulang oleh Admin" in capsys.readouterr().err
    assert main(["--db", db, "--user", "op", "password", "--password-file", str(folder / "baru.pw")]) == 0
    monkeypatch.setenv("SIMPUL_PASSWORD_FILE", str(folder / "baru.pw"))
    assert main(["--db", db, "--user", "op", "list", "referrals"]) == 0
    assert "diatur ulang" not in capsys.readouterr().err
    monkeypatch.setenv("SIMPUL_PASSWORD_FILE", str(folder / "sementara.pw"))
    assert main(["--db", db, "--user", "op", "list", "referrals"]) == 1  # the Admin's one is gone

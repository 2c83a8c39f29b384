"""The command line walks the same role matrix as the window (issue 15): each role × the commands
that show personal data, on the demo registry with its sensitive referral."""

import json

import openpyxl
import pytest

from desktop.cli import main

ROLES = ("camat", "operator", "meja", "tamu")


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    folder = tmp_path_factory.mktemp("peran")
    db = str(folder / "kantor.db")
    for name in ("Admin", *ROLES):
        (folder / f"{name}.pw").write_text(f"kunci-{name.lower()}-123\n")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SIMPUL_HOME", str(folder / "home"))
        mp.setenv("SIMPUL_KEYSTORE_DIR", str(folder / "keys"))
        assert main(["--db", db, "init", "--kecamatan", "64.02.06"]) == 0
        assert main(["--db", db, "demo", "--families", "60"]) == 0
        assert main(["--db", db, "user", "add", "Admin", "--role", "admin",
                     "--password-file", str(folder / "Admin.pw")]) == 0
        mp.setenv("SIMPUL_PASSWORD_FILE", str(folder / "Admin.pw"))
        for role in ROLES:
            assert main(["--db", db, "--user", "Admin", "user", "add", role, "--role", role,
                         "--password-file", str(folder / f"{role}.pw")]) == 0
    return db, folder


def run(office, role, *argv, capsys, monkeypatch):
    db, folder = office
    monkeypatch.setenv("SIMPUL_KEYSTORE_DIR", str(folder / "keys"))
    monkeypatch.setenv("SIMPUL_PASSWORD_FILE", str(folder / f"{role}.pw"))
    capsys.readouterr()
    code = main(["--db", db, "--user", role, *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("role, allowed", [("camat", True), ("operator", True), ("meja", False), ("tamu", False),
                                           ("Admin", False)])
def test_referrals_and_exports_by_role(office, role, allowed, capsys, monkeypatch, tmp_path):
    code, out, err = run(office, role, "list", "referrals", "--json", capsys=capsys, monkeypatch=monkeypatch)
    assert (code == 0) == allowed, err
    if not allowed:
        assert "tidak berhak" in err and "Traceback" not in err
    target = tmp_path / "penduduk.xlsx"
    code, _, err = run(office, role, "export", "persons", str(target), "--purpose", "pemadanan DTSEN",
                       capsys=capsys, monkeypatch=monkeypatch)
    assert (code == 0) == allowed and target.exists() == allowed, err


def test_the_sensitive_referral_is_the_camats_only(office, capsys, monkeypatch):
    _, camat, _ = run(office, "camat", "list", "referrals", "--json", capsys=capsys, monkeypatch=monkeypatch)
    _, operator, _ = run(office, "operator", "list", "referrals", "--json", capsys=capsys, monkeypatch=monkeypatch)
    seen = {r["id"] for r in json.loads(camat)}
    shown = {r["id"] for r in json.loads(operator)}
    assert shown < seen  # the demo refers someone for a sensitive category: the operator never meets it
    hidden = sorted(seen - shown)[0]
    code, _, err = run(office, "operator", "print", "letter", str(hidden), str(office[1] / "surat.pdf"),
                       capsys=capsys, monkeypatch=monkeypatch)
    assert code == 1 and "tidak berhak melihat data sensitif" in err
    assert not (office[1] / "surat.pdf").exists()


def test_exports_are_masked_unless_asked_by_a_role_that_may(office, capsys, monkeypatch, tmp_path):
    masked, whole = tmp_path / "samar.xlsx", tmp_path / "utuh.xlsx"
    assert run(office, "operator", "export", "persons", str(masked), "--purpose", "usulan PKH",
               capsys=capsys, monkeypatch=monkeypatch)[0] == 0
    assert run(office, "camat", "export", "persons", str(whole), "--purpose", "pemadanan DTSEN", "--full-nik",
               capsys=capsys, monkeypatch=monkeypatch)[0] == 0

    def niks(path):
        ws = openpyxl.load_workbook(path).worksheets[0]
        return [str(r[1]) for r in ws.iter_rows(values_only=True) if r[1] and str(r[1])[:4].isdigit()]
    assert niks(masked) and all("********" in n for n in niks(masked))
    assert niks(whole) and all(n.isdigit() and len(n) == 16 for n in niks(whole))
    code, _, err = run(office, "operator", "export", "persons", str(tmp_path / "x.xlsx"),
                       capsys=capsys, monkeypatch=monkeypatch)
    assert code == 1 and "tujuan" in err and not (tmp_path / "x.xlsx").exists()

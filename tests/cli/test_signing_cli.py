"""`simpul verify`, `simpul export-key` and `simpul signing-key`: the office checks a letter against
its register; the Dinsos or a hospital checks its signature offline with the exported public key."""

import shutil

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.cli import main
from desktop.core import keystore
from desktop.core.db.engine import open_database
from desktop.core.db.models import SigningKey
from desktop.core.services import signing_keys
from desktop.core.services.referrals import letter_data


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def _demo_template(tmp_path_factory):
    """A demo registry with signed letters and the keys folder that holds its private key (made
    once: the per-test folders of conftest are not there yet at module scope)."""
    folder = tmp_path_factory.mktemp("signing-demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SIMPUL_HOME", str(folder / "home"))
        mp.setenv("SIMPUL_KEYSTORE_DIR", str(folder / "keys"))
        mp.setenv("SIMPUL_USER", "penguji")
        mp.delenv("SIMPUL_DB", raising=False)
        keystore.reset()
        try:
            db = str(folder / "simpul.db")
            assert main(["--db", db, "init", "--kecamatan", "64.02.06"]) == 0
            assert main(["--db", db, "demo", "--families", "30", "--seed", "4"]) == 0
        finally:
            keystore.reset()
    return folder


@pytest.fixture
def kantor(_demo_template, tmp_path, capsys):
    """A copy of the demo registry and its keys, and the QR text of its first signed letter."""
    import os

    shutil.copyfile(_demo_template / "simpul.db", tmp_path / "kantor.db")
    shutil.copytree(_demo_template / "keys", os.environ["SIMPUL_KEYSTORE_DIR"], dirs_exist_ok=True)
    keystore.reset()
    capsys.readouterr()
    db = open_database(tmp_path / "kantor.db")
    try:
        with db.read() as s:
            from sqlalchemy import select

            from desktop.core.db.models import LetterNumber

            ref = s.scalars(select(LetterNumber.referral_id).where(LetterNumber.referral_id.is_not(None))
                            .order_by(LetterNumber.id)).first()
            code = letter_data(s, ref).qr
    finally:
        db.dispose()
    return str(tmp_path / "kantor.db"), code


def test_verify_against_the_register(kantor, capsys):
    db, code = kantor
    status, out, _ = run(capsys, "--db", db, "verify", code)
    assert status == 0 and out.startswith("ASLI")
    fields = code.split("|")
    fields[4] = "Pejabat Palsu"
    status, out, _ = run(capsys, "--db", db, "verify", "|".join(fields))
    assert status == 1 and out.startswith("TIDAK ASLI")
    status, out, _ = run(capsys, "--lang", "en", "--db", db, "verify", code)
    assert status == 0 and out.startswith("AUTHENTIC")


def test_a_forgery_made_with_a_copy_of_the_database_fails(kantor, capsys, tmp_path):
    db, code = kantor
    shutil.copyfile(db, tmp_path / "curian.db")
    copy = open_database(tmp_path / "curian.db")
    mallory = Ed25519PrivateKey.generate()
    raw = mallory.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    try:
        with copy.transaction() as s:
            s.add(SigningKey(id=signing_keys.key_id_of(raw), public_key=signing_keys.b64(raw)))
    finally:
        copy.dispose()
    _, number, date, nik, _signer, _key, _sig = code.split("|")
    body = "|".join(["SIMPUL2", number, date, nik, "Pejabat Palsu", signing_keys.key_id_of(raw)])
    forged = f"{body}|{signing_keys.b64(mallory.sign(body.encode()))}"
    status, out, _ = run(capsys, "--db", db, "verify", forged)
    assert status == 1 and "bukan dari kantor ini" in out
    # The private key is nowhere in the file the attacker took.
    private = serialization.load_pem_private_key(
        keystore.get(f"letter-signing/{code.split('|')[5]}").encode(), None)
    secret = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                   serialization.NoEncryption())
    taken = (tmp_path / "curian.db").read_bytes()
    assert secret not in taken and secret.hex().encode() not in taken


def test_export_key_and_verify_offline_without_a_database(kantor, capsys, tmp_path):
    db, code = kantor
    pub = tmp_path / "kantor.pub"
    status, out, _ = run(capsys, "--db", db, "export-key", str(pub))
    assert status == 0 and str(pub) in out
    text = pub.read_text()
    assert "BEGIN PUBLIC KEY" in text and "PRIVATE" not in text
    nowhere = tmp_path / "tidak-ada.db"
    status, out, _ = run(capsys, "--db", str(nowhere), "verify", code, "--key", str(pub))
    assert status == 0 and out.startswith("TANDA TANGAN SAH") and "tidak dapat diperiksa" in out
    assert not nowhere.exists()  # no database was opened, or made
    fields = code.split("|")
    fields[2] = "2020-01-01"
    status, out, _ = run(capsys, "verify", "|".join(fields), "--key", str(pub))
    assert status == 1 and out.startswith("TIDAK ASLI")
    status, _, err = run(capsys, "verify", code, "--key", str(tmp_path / "hilang.pub"))
    assert status == 1 and "hilang.pub" in err


def test_signing_key_new_retires_the_old_key_and_old_letters_still_verify(kantor, capsys, tmp_path):
    db, code = kantor
    old_id = code.split("|")[5]
    status, out, _ = run(capsys, "--db", db, "signing-key", "show")
    assert status == 0 and old_id in out and "berlaku" in out and "ada di komputer ini" in out
    (tmp_path / "frasa.txt").write_text("frasa-sandi-camat-1\n")
    status, out, _ = run(capsys, "--db", db, "signing-key", "new", "--passphrase-file", str(tmp_path / "frasa.txt"))
    assert status == 0 and old_id in out and "frasa sandi" in out and "frasa-sandi-camat-1" not in out
    status, out, _ = run(capsys, "--db", db, "signing-key", "show")
    assert "diganti" in out and "berfrasa sandi" in out
    status, out, _ = run(capsys, "--db", db, "verify", code)
    assert status == 0 and out.startswith("ASLI")
    pub = tmp_path / "semua.pub"
    assert run(capsys, "--db", db, "export-key", str(pub), "--all")[0] == 0
    assert pub.read_text().count("BEGIN PUBLIC KEY") == 2
    assert run(capsys, "verify", code, "--key", str(pub))[0] == 0  # the retired key is in the file
    assert b"frasa-sandi-camat-1" not in (tmp_path / "kantor.db").read_bytes()


def test_a_key_missing_on_this_computer_is_explained(kantor, capsys):
    db, code = kantor
    keystore.delete(f"letter-signing/{code.split('|')[5]}")
    status, _, err = run(capsys, "--db", db, "demo", "--families", "2", "--seed", "9")
    assert status == 1 and "simpul signing-key new" in err and "Traceback" not in err
    status, out, _ = run(capsys, "--db", db, "signing-key", "show")
    assert "tidak ada di komputer ini" in out
    status, out, _ = run(capsys, "--db", db, "verify", code)  # checking needs no private key
    assert status == 0 and out.startswith("ASLI")


def test_an_old_simpul1_code_is_tanda_tangan_lama(capsys, tmp_path):
    import base64
    import datetime as dt
    import hashlib
    import hmac

    from sqlalchemy import select

    from desktop.core.db.models import OfficeProfile
    from desktop.core.services.letters import issue_number

    db = str(tmp_path / "lama.db")
    assert main(["--db", db, "init", "--kecamatan", "64.02.06"]) == 0
    hex_key = "ef" * 32
    database = open_database(db)
    try:
        with database.transaction() as s:  # a letter from before the change, without a referral
            s.scalars(select(OfficeProfile)).one().letter_key = hex_key
            number = issue_number(s, dt.date(2026, 3, 2)).number
    finally:
        database.dispose()
    body = "|".join(["SIMPUL1", number, "2026-03-02", hashlib.sha256(b"-").hexdigest()[:16], ""])
    mac = base64.b32encode(hmac.new(bytes.fromhex(hex_key), body.encode(), hashlib.sha256).digest()[:20])
    capsys.readouterr()
    status, out, _ = run(capsys, "--db", db, "verify", f"{body}|{mac.decode().rstrip('=')}")
    assert status == 0 and out.startswith("TANDA TANGAN LAMA") and "lebih lemah" in out

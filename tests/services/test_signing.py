"""Letters signed with the office's Ed25519 key: a copy of the database cannot forge one (issue 15,
item 6). The private key lives in the key store (tests: a per-test keys folder), never in the
database, the audit trail or the log."""

import base64
import datetime as dt
import hashlib
import shutil

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, text

from desktop.core import keystore, logs
from desktop.core.db.engine import open_database
from desktop.core.db.models import AuditEntry, OfficeProfile, SigningKey
from desktop.core.errors import SimpulError
from desktop.core.services import signing, signing_keys
from desktop.core.services.letters import issue_number
from desktop.core.services.office import update_office
from desktop.core.services.referrals import ReferralInput, cancel_number, create_referral, letter_data, letter_of, move
from desktop.core.services.registry import PersonInput, create_person

D = dt.date(2026, 11, 22)
NIK = "6402064101500001"


def _signed(db, nik=NIK, when=D) -> tuple[int, str]:
    """A referral signed by the Camat; its id and the QR text printed on its letter."""
    update_office(db, {"camat_name": "Drs. Ahmad Fauzi, M.Si"})
    with db.transaction() as s:
        pid = create_person(s, PersonInput(name="Nenek Ijah", sex="P", nik=nik)).id
        ref = create_referral(s, ReferralInput(1, "alat bantu jalan", person_id=pid)).id
        move(s, ref, "ditandatangani", letter_date=when)
    with db.read() as s:
        return ref, letter_data(s, ref).qr


def _fields(code: str) -> list[str]:
    return code.split("|")


def _stored_private(db) -> Ed25519PrivateKey:
    with db.read() as s:
        key_id = signing_keys.current_key(s).id
    return serialization.load_pem_private_key(keystore.get(f"letter-signing/{key_id}").encode(), None)


def test_a_letter_carries_an_ed25519_code_that_verifies(db):
    ref, code = _signed(db)
    prefix, number, date, nik, signer, key_id, signature = _fields(code)
    assert (prefix, number, date, signer) == ("SIMPUL2", "400.9/001/Kesos/XI/2026", "2026-11-22",
                                              "Drs. Ahmad Fauzi, M.Si")
    assert len(base64.urlsafe_b64decode(signature + "==")) == 64 and len(code) < 200  # fits a QR on paper
    with db.read() as s:
        assert key_id == signing_keys.current_key(s).id
        assert letter_of(s, ref).snapshot["qr"] == code  # a reprint needs no key
    verdict = signing.verify(db, code)
    assert verdict.authentic and verdict.reason == "verify.authentic" and verdict.message.startswith("ASLI")
    assert signing.verify(db, "bukan kode surat").reason == "verify.not_simpul"


def test_a_qr_forged_with_a_copy_of_the_database_fails(sqlite_db, tmp_path):
    """The attacker copies the file, adds his own key to the copy, and signs what he likes."""
    _, code = _signed(sqlite_db)
    _, number, date, nik, _signer, office_key_id, _sig = _fields(code)
    shutil.copyfile(tmp_path / "simpul.db", tmp_path / "salinan.db")
    copy = open_database(tmp_path / "salinan.db")
    mallory = Ed25519PrivateKey.generate()
    raw = mallory.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    mallory_id = signing_keys.key_id_of(raw)
    try:
        with copy.transaction() as s:  # he has the NIK secret too: the copy holds it
            s.add(SigningKey(id=mallory_id, public_key=signing_keys.b64(raw)))
            other_nik = signing_keys.nik_digest(signing_keys.nik_secret(s), "6402060101900002")
    finally:
        copy.dispose()

    def forge(fields, key=mallory):
        body = "|".join(fields)
        return f"{body}|{signing_keys.b64(key.sign(body.encode()))}"

    forgeries = [forge(["SIMPUL2", number, date, nik, "Pejabat Palsu", mallory_id]),
                 forge(["SIMPUL2", number, "2026-01-05", nik, "Drs. Ahmad Fauzi, M.Si", mallory_id]),
                 forge(["SIMPUL2", number, date, other_nik, "Drs. Ahmad Fauzi, M.Si", mallory_id]),
                 # the office's key id with his own signature
                 forge(["SIMPUL2", number, date, nik, "Pejabat Palsu", office_key_id])]
    verdicts = [signing.verify(sqlite_db, f) for f in forgeries]
    assert not any(v.authentic for v in verdicts)
    assert [v.reason for v in verdicts] == ["verify.foreign_key"] * 3 + ["verify.altered"]
    assert "bukan dari kantor ini" in verdicts[0].message
    assert signing.verify(sqlite_db, code).authentic  # the genuine letter still is


def test_an_edited_date_signer_or_nik_digest_fails(db):
    _, code = _signed(db)
    fields = _fields(code)
    for index, value in ((2, "2020-01-01"), (4, "Pejabat Palsu"), (3, "A" * 16), (1, "400.9/009/Kesos/XI/2026")):
        edited = "|".join(fields[:index] + [value] + fields[index + 1:])
        verdict = signing.verify(db, edited)
        assert not verdict.authentic and verdict.reason == "verify.altered", value
        assert verdict.message.startswith("TIDAK ASLI")


def test_a_code_signed_with_the_office_key_must_still_match_the_register(db):
    """Defence in depth: even the office's own key cannot vouch for a date, signer or NIK that the
    register does not hold (a stolen key, a misused computer)."""
    _, code = _signed(db)
    number = _fields(code)[1]
    with db.transaction() as s:
        odd = signing.sign(s, number, dt.date(2026, 1, 5), "6402060101900002", "Pejabat Palsu")
    verdict = signing.verify(db, odd)
    assert not verdict.authentic and verdict.reason == "verify.mismatch"
    assert verdict.differs == ("tanggal", "penanda tangan", "NIK")
    assert "tanggal, penanda tangan, NIK" in verdict.message


def test_a_cancelled_number_is_reported(db):
    ref, code = _signed(db)
    with db.transaction() as s:
        cancel_number(s, letter_of(s, ref).id, "salah tulis nama")
    verdict = signing.verify(db, code)
    assert not verdict.authentic and verdict.reason == "verify.cancelled"
    assert verdict.message.startswith("DIBATALKAN")


def _legacy_code(hex_key: str, number: str, date: str, nik: str | None, signer: str) -> str:
    """A SIMPUL1 code as Simpul made them before Ed25519 (HMAC with office.letter_key)."""
    import hmac

    body = "|".join(["SIMPUL1", number, date, signing.legacy_nik_hash(nik), signer])
    digest = hmac.new(bytes.fromhex(hex_key), body.encode(), hashlib.sha256).digest()[:20]
    return f"{body}|{base64.b32encode(digest).decode().rstrip('=')}"


def test_an_old_simpul1_letter_verifies_as_tanda_tangan_lama(db):
    hex_key = "ab" * 32
    ref, _ = _signed(db)
    with db.transaction() as s:
        s.scalars(select(OfficeProfile)).one().letter_key = hex_key
        entry = letter_of(s, ref)
        number, issued = entry.number, entry.issued_at
        # As if the office moved to Ed25519 after this letter was signed.
        signing_keys.current_key(s).created_at = issued + dt.timedelta(microseconds=1)
    old = _legacy_code(hex_key, number, "2026-11-22", NIK, "Drs. Ahmad Fauzi, M.Si")
    verdict = signing.verify(db, old)
    assert verdict.authentic and verdict.legacy and verdict.reason == "verify.legacy"
    assert verdict.message.startswith("TANDA TANGAN LAMA") and "jenis lama" in verdict.message
    assert "tercatat di register" in verdict.message
    # The old key sits in the database: a forgery with it is still held against the register.
    forged = _legacy_code(hex_key, number, "2026-11-22", NIK, "Pejabat Palsu")
    assert signing.verify(db, forged).reason == "verify.mismatch"
    unknown = signing.verify(db, _legacy_code(hex_key, "400.9/077/Kesos/XI/2026", "2026-11-22", NIK, "x"))
    assert unknown.reason == "verify.legacy_unknown" and "jenis lama" in unknown.message
    assert "tidak ada di register" in unknown.message
    # A number issued after the switch never had an old-kind code.
    with db.transaction() as s:
        later = issue_number(s, D).number
    late = _legacy_code(hex_key, later, "2026-11-22", None, "")
    assert signing.verify(db, late).reason == "verify.legacy_after_switch"


def test_the_old_key_is_never_used_to_sign_again(db):
    with db.transaction() as s:
        s.scalars(select(OfficeProfile)).one().letter_key = "cd" * 32
    _, code = _signed(db)
    assert code.startswith("SIMPUL2|")


def test_offline_check_with_the_public_key_only(db):
    _, code = _signed(db)
    with db.read() as s:
        pem = signing_keys.public_pem(signing_keys.current_key(s))
    keys = signing.load_public_keys("# kantor\n" + pem)
    verdict = signing.check_offline(code, keys)
    assert verdict.authentic and verdict.offline and verdict.reason == "verify.offline_ok"
    assert "tidak dapat diperiksa" in verdict.message  # the number and cancellation were not checked
    fields = _fields(code)
    edited = "|".join(fields[:4] + ["Pejabat Palsu"] + fields[5:])
    assert signing.check_offline(edited, keys).reason == "verify.altered"
    other = Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    assert signing.check_offline(code, signing.load_public_keys(other)).reason == "verify.offline_other_key"
    with pytest.raises(SimpulError):
        signing.load_public_keys("not a key")


def test_the_private_key_is_never_in_the_database_the_trail_or_the_log(sqlite_db, tmp_path):
    logs.setup()
    _, code = _signed(sqlite_db)
    private = _stored_private(sqlite_db)
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    der = private.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    needles = [raw, der, raw.hex().encode(), base64.b64encode(der), base64.b64encode(raw),
               signing_keys.b64(raw).encode()]
    with sqlite_db.read() as s:
        trail = "\n".join(f"{r.table_name} {r.changes}" for r in s.execute(select(AuditEntry.table_name,
                                                                                  AuditEntry.changes)))
        nik_secret = signing_keys.nik_secret(s).hex()
    sqlite_db.dispose()
    files = b"".join(p.read_bytes() for p in tmp_path.glob("simpul.db*"))
    log = logs.log_path().read_bytes() if logs.log_path().exists() else b""
    for needle in needles:
        assert needle not in files and needle not in log and needle.decode("latin-1") not in trail
    assert nik_secret not in trail  # the NIK digest's secret stays out of the trail too
    assert "signing_key" in trail  # the public key's row is audited like any other


def test_the_nik_digest_is_keyed(db):
    _, code = _signed(db)
    digest = _fields(code)[3]
    assert digest != hashlib.sha256(NIK.encode()).hexdigest()[:16]  # the old, searchable kind
    assert digest != signing_keys.nik_digest(b"\0" * 32, NIK)  # another secret gives another digest
    with db.read() as s:
        assert digest == signing_keys.nik_digest(signing_keys.nik_secret(s), NIK)
    # Searching every NIK of a birth date without the secret finds nothing.
    candidates = [f"640206410150{n:04d}" for n in range(10000)]
    assert not any(hashlib.sha256(c.encode()).hexdigest()[:16] == digest for c in candidates)


def test_a_lost_key_says_what_to_do_and_a_new_key_keeps_old_letters_valid(db):
    _, first = _signed(db)
    with db.read() as s:
        old_id = signing_keys.current_key(s).id
    keystore.delete(f"letter-signing/{old_id}")  # a new computer, a lost key store
    with pytest.raises(SimpulError) as info:
        _signed(db, nik="6402064101500002")
    assert info.value.code == "signing.key_missing" and "simpul signing-key new" in info.value.message
    with db.transaction() as s:
        new_id = signing_keys.new_key(s).id
    _, second = _signed(db, nik="6402064101500003")
    assert _fields(second)[5] == new_id != old_id
    assert signing.verify(db, first).authentic and signing.verify(db, second).authentic
    with db.read() as s:
        assert s.get(SigningKey, old_id).retired_at is not None


def test_a_retired_key_cannot_vouch_for_a_later_number(db):
    _, _ = _signed(db)
    with db.read() as s:
        old = signing_keys.current_key(s)
    old_private = _stored_private(db)
    with db.transaction() as s:
        signing_keys.new_key(s)
    ref, _ = _signed(db, nik="6402064101500004")
    with db.read() as s:
        entry = letter_of(s, ref)
        secret = signing_keys.nik_secret(s)
        body = "|".join(["SIMPUL2", entry.number, "2026-11-22", signing_keys.nik_digest(secret, "6402064101500004"),
                         "Drs. Ahmad Fauzi, M.Si", old.id])
    stolen = f"{body}|{signing_keys.b64(old_private.sign(body.encode()))}"
    assert signing.verify(db, stolen).reason == "verify.retired_key"


def test_a_passphrase_protected_key(sqlite_db, tmp_path, monkeypatch):
    passphrase = "frasa-sandi-camat-1"
    with sqlite_db.transaction() as s:
        key_id = signing_keys.new_key(s, passphrase).id
    assert "ENCRYPTED PRIVATE KEY" in keystore.get(f"letter-signing/{key_id}")
    with pytest.raises(SimpulError) as info:
        _signed(sqlite_db)
    assert info.value.code == "signing.passphrase_needed" and passphrase not in info.value.message
    with sqlite_db.read() as s:
        assert signing_keys.needs_passphrase(s)
        with pytest.raises(SimpulError) as wrong:
            signing_keys.unlock(s, "bukan-frasa-ini")
        assert wrong.value.code == "signing.passphrase_wrong"
        assert signing_keys.unlock(s, passphrase) == key_id
        assert not signing_keys.needs_passphrase(s)
    try:
        _, code = _signed(sqlite_db)
        assert signing.verify(sqlite_db, code).authentic
    finally:
        signing_keys.lock()
    with sqlite_db.read() as s:
        assert signing_keys.needs_passphrase(s)
    (tmp_path / "frasa.txt").write_text(passphrase + "\n")
    monkeypatch.setenv("SIMPUL_SIGNING_PASSPHRASE_FILE", str(tmp_path / "frasa.txt"))
    try:
        _, code = _signed(sqlite_db, nik="6402064101500005")
        assert signing.verify(sqlite_db, code).authentic
    finally:
        signing_keys.lock()
    with pytest.raises(SimpulError) as short, sqlite_db.transaction() as s:
        signing_keys.new_key(s, "pendek")
    assert short.value.code == "signing.passphrase_short"


def test_the_migration_made_the_public_key_table(db):
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM signing_key")).scalar() == 0

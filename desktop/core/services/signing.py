"""The QR code on a letter: a short text with the letter's number, date, a keyed digest of the NIK,
the signer and the id of the office key that signed it, with an Ed25519 signature.

    SIMPUL2|<number>|<YYYY-MM-DD>|<NIK digest>|<signer>|<key id>|<signature, base64url>

Only the computer holding the office's private key can sign (signing_keys); anyone holding the
office's public key can check the signature offline (`simpul verify TEXT --key kantor.pub`), and
the office checks against its register: the number, date, signer and NIK digest must be those of
the register line, and a cancelled number says so. A copy of the database signs nothing: the
private key is not in it, and a key an attacker adds to his copy is unknown to the office.

Letters signed before this change carry "SIMPUL1|…|HMAC" with the office's old HMAC key
(office_profile.letter_key). They still verify, as "tanda tangan lama": the kind is weaker (that
key sits in the database), so the verdict says so and is held against the register as well.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.db.engine import Database
from desktop.core.db.models import LetterNumber, Person, Referral, SigningKey
from desktop.core.domain.enums import LetterStatus
from desktop.core.i18n import t
from desktop.core.io.dates import long_date
from desktop.core.services.office import require_office
from desktop.core.services.signing_keys import (
    b64,
    ensure_key,
    key_id_of,
    nik_digest,
    nik_secret,
    private_key,
    public_key,
    signature_valid,
    unb64,
)

PREFIX = "SIMPUL2"
LEGACY_PREFIX = "SIMPUL1"


def office_key(session: Session) -> str:
    """Make sure the office can sign: its key pair and NIK secret, made at first need (call it in
    a writing transaction). Returns the current key's id."""
    row = ensure_key(session)
    nik_secret(session, create=True)
    return row.id


def _clean(text: str) -> str:
    return text.replace("|", "/")


def sign(session: Session, number: str, letter_date: dt.date, nik: str | None, signer: str) -> str:
    """The QR text of a letter, signed with the office's current key from this computer's key store
    (SimpulError when the key is not here or is locked and no passphrase was given)."""
    row = ensure_key(session)
    secret = nik_secret(session, create=True)
    assert secret is not None
    body = "|".join([PREFIX, _clean(number), letter_date.isoformat(), nik_digest(secret, nik), _clean(signer),
                     row.id])
    signature = private_key(session, row).sign(body.encode("utf-8"))
    return f"{body}|{b64(signature)}"


@dataclass(frozen=True)
class Verdict:
    authentic: bool  # the answer for a yes/no reader (exit status, the dialog's colour)
    reason: str  # message key
    number: str | None = None
    letter_date: str | None = None
    signer: str | None = None
    nik_hash: str | None = None
    key_id: str | None = None
    differs: tuple[str, ...] = ()  # what the register says otherwise: "tanggal", "penanda tangan", "NIK"
    legacy: bool = False  # an old SIMPUL1 code: weaker, "tanda tangan lama"
    offline: bool = False  # checked against a public key file only, not the register

    @property
    def message(self) -> str:
        """The answer in the user's language, with the letter date written out."""
        try:
            date = long_date(dt.date.fromisoformat(self.letter_date or ""))
        except ValueError:
            date = self.letter_date
        return t(self.reason, number=self.number, date=date, signer=self.signer, key=self.key_id,
                 fields=", ".join(self.differs))


@dataclass(frozen=True)
class _Code:
    legacy: bool
    number: str
    letter_date: str
    nik: str
    signer: str
    key_id: str | None
    body: str
    signature: str


def _parse(text: str) -> _Code | None:
    parts = text.strip().split("|")
    if len(parts) == 7 and parts[0] == PREFIX:
        return _Code(False, parts[1], parts[2], parts[3], parts[4], parts[5], "|".join(parts[:6]), parts[6])
    if len(parts) == 6 and parts[0] == LEGACY_PREFIX:
        return _Code(True, parts[1], parts[2], parts[3], parts[4], None, "|".join(parts[:5]), parts[5])
    return None


def _verdict(code: _Code, authentic: bool, reason: str, **extra) -> Verdict:
    return Verdict(authentic, reason, code.number, code.letter_date, code.signer, code.nik, code.key_id,
                   legacy=code.legacy, **extra)


def _signed_by(public, code: _Code) -> bool:
    try:
        signature = unb64(code.signature)
    except (binascii.Error, ValueError):
        return False
    return signature_valid(public, signature, code.body.encode("utf-8"))


# ---- against the register ----------------------------------------------------------------------

def _register_nik(session: Session, entry: LetterNumber) -> str | None:
    """The NIK the letter was written for: as frozen at signing, else the referral's person (or
    the head of the family) as the registry holds it."""
    for label, value in (entry.snapshot or {}).get("identity", []):
        if label == "NIK" and value and value.isdigit():
            return value
    referral = session.get(Referral, entry.referral_id) if entry.referral_id else None
    if referral is None:
        return None
    if referral.person_id:
        person = session.get(Person, referral.person_id)
    else:
        person = session.scalars(select(Person).where(Person.family_id == referral.family_id,
                                                      Person.relationship_code == 1)).first()
    return person.nik if person else None


def _register_signer(session: Session, entry: LetterNumber) -> str:
    signer = (entry.snapshot or {}).get("signer")
    if signer is None and entry.referral_id:
        referral = session.get(Referral, entry.referral_id)
        signer = referral.signer if referral else None
    return _clean((signer or {}).get("name") or "")


def _differences(session: Session, entry: LetterNumber, code: _Code) -> tuple[str, ...]:
    differs = []
    if entry.letter_date.isoformat() != code.letter_date:
        differs.append(t("verify.field_date"))
    if _register_signer(session, entry) != code.signer:
        differs.append(t("verify.field_signer"))
    nik = _register_nik(session, entry)
    if code.legacy:
        expected = legacy_nik_hash(nik)
    else:
        secret = nik_secret(session)
        expected = nik_digest(secret, nik) if secret else None
    if expected is None or not hmac.compare_digest(expected, code.nik):
        differs.append("NIK")
    return tuple(differs)


def _legacy_signature_ok(session: Session, code: _Code) -> bool:
    stored = require_office(session).letter_key
    if stored is None:
        return False
    digest = hmac.new(bytes.fromhex(stored), code.body.encode(), hashlib.sha256).digest()[:20]
    return hmac.compare_digest(base64.b32encode(digest).decode().rstrip("="), code.signature)


def check_code(session: Session, text: str) -> Verdict:
    """Whether a letter's QR text was signed by this office for a line of its register, with the
    register's date, signer and NIK, and not cancelled."""
    code = _parse(text)
    if code is None:
        return Verdict(False, "verify.not_simpul")
    if code.legacy:
        if not _legacy_signature_ok(session, code):
            return _verdict(code, False, "verify.altered")
    else:
        key = session.get(SigningKey, code.key_id)
        if key is None:
            return _verdict(code, False, "verify.foreign_key")
        if not _signed_by(public_key(key), code):
            return _verdict(code, False, "verify.altered")
    entry = session.scalars(select(LetterNumber).where(LetterNumber.number == code.number)).first()
    if entry is None:
        return _verdict(code, False, "verify.legacy_unknown" if code.legacy else "verify.unknown_number")
    differs = _differences(session, entry, code)
    if differs:
        return _verdict(code, False, "verify.mismatch", differs=differs)
    if code.legacy:
        # The old key never signs again: an old-kind code for a letter numbered after the change
        # was made with a copy of that key.
        switched = session.scalar(select(func.min(SigningKey.created_at)))
        if switched is not None and entry.issued_at > switched:
            return _verdict(code, False, "verify.legacy_after_switch")
    else:
        if key.retired_at is not None and entry.issued_at > key.retired_at:
            return _verdict(code, False, "verify.retired_key")
    if entry.status is LetterStatus.CANCELLED:
        return _verdict(code, False, "verify.cancelled")
    return _verdict(code, True, "verify.legacy" if code.legacy else "verify.authentic")


def verify(db: Database, text: str) -> Verdict:
    """`check_code` in a read of its own (the CLI)."""
    with db.read() as s:
        return check_code(s, text)


# ---- offline, with the office's public key only ---------------------------------------------------

def load_public_keys(pem_text: str) -> dict[str, object]:
    """The public keys in an exported file (`simpul export-key`), by key id."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from desktop.core.errors import SimpulError

    keys: dict[str, object] = {}
    begin, end = "-----BEGIN PUBLIC KEY-----", "-----END PUBLIC KEY-----"
    rest = pem_text
    while begin in rest and end in rest:
        start = rest.index(begin)
        stop = rest.index(end, start) + len(end)
        try:
            key = serialization.load_pem_public_key(rest[start:stop].encode("ascii"))
        except (ValueError, UnicodeEncodeError):
            key = None
        if isinstance(key, Ed25519PublicKey):
            keys[key_id_of(key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))] = key
        rest = rest[stop:]
    if not keys:
        raise SimpulError("verify.key_file")
    return keys


def check_offline(text: str, keys: dict[str, object]) -> Verdict:
    """The signature alone, against the office's exported public key(s): for the Dinsos or a
    hospital without the register. Number, cancellation and NIK cannot be checked this way."""
    code = _parse(text)
    if code is None:
        return Verdict(False, "verify.not_simpul", offline=True)
    if code.legacy:
        return _verdict(code, False, "verify.offline_legacy", offline=True)
    key = keys.get(code.key_id or "")
    if key is None:
        return _verdict(code, False, "verify.offline_other_key", offline=True)
    if not _signed_by(key, code):
        return _verdict(code, False, "verify.altered", offline=True)
    return _verdict(code, True, "verify.offline_ok", offline=True)


# ---- the old kind ------------------------------------------------------------------------------

def legacy_nik_hash(nik: str | None) -> str:
    """The NIK digest of SIMPUL1 codes (unsalted: searchable, hence replaced); for checking only."""
    return hashlib.sha256((nik or "-").encode()).hexdigest()[:16]


nik_hash = legacy_nik_hash  # the old name, for callers that still use it

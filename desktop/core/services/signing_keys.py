"""The office's letter-signing keys (Ed25519) and the secret that keys the QR's NIK digest.

The public half of each key pair is kept in the register (`signing_key`), so every letter it ever
signed verifies, on any computer, after the key is replaced. The private half never touches the
database, the audit trail, a log or a backup: it lives in this computer's key store
(`desktop.core.keystore`: the Windows Credential Manager under DPAPI, or the keys folder), as a
PKCS8 PEM that the office may lock with the signer's passphrase. A copy of the database therefore
cannot sign. Nothing here logs a key or a passphrase or puts one in a message.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.core import keystore
from desktop.core.db.base import utcnow
from desktop.core.db.models import AppSecret, SigningKey
from desktop.core.errors import SimpulError

STORE_PREFIX = "letter-signing/"  # + key id: one registry's key never answers for another's
NIK_SECRET = "letter_nik"  # app_secret row: the HMAC key of the QR's NIK digest
MIN_PASSPHRASE = 8

# Keys unlocked with their passphrase in this process (the window asks once per session; `lock`
# forgets them when the window locks or the user logs out).
_unlocked: dict[str, Ed25519PrivateKey] = {}
# Where a passphrase comes from when a locked key is needed and was not unlocked: by default the
# file named by SIMPUL_SIGNING_PASSPHRASE_FILE (the command line's way); a command may set a prompt.
# The window sets none: it catches "signing.passphrase_needed" and asks in its own dialog.
_passphrase_source: Callable[[], str | None] | None = None


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_id_of(public_raw: bytes) -> str:
    """Eight base32 characters naming a public key; the QR carries it so the right key is used."""
    return base64.b32encode(hashlib.sha256(public_raw).digest()[:5]).decode()


def _raw(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key(row: SigningKey) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(unb64(row.public_key))


def public_pem(row: SigningKey) -> str:
    return public_key(row).public_bytes(serialization.Encoding.PEM,
                                        serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def signature_valid(public: Ed25519PublicKey, signature: bytes, body: bytes) -> bool:
    try:
        public.verify(signature, body)
    except InvalidSignature:
        return False
    return True


def current_key(session: Session) -> SigningKey | None:
    """The key new letters are signed with: the newest one not retired."""
    return session.scalars(select(SigningKey).where(SigningKey.retired_at.is_(None))
                           .order_by(SigningKey.created_at.desc())).first()


def _store_name(key_id: str) -> str:
    return STORE_PREFIX + key_id


def _check_passphrase(passphrase: str) -> bytes:
    if len(passphrase) < MIN_PASSPHRASE:
        raise SimpulError("signing.passphrase_short", n=MIN_PASSPHRASE)
    return passphrase.encode("utf-8")


def new_key(session: Session, passphrase: str | None = None) -> SigningKey:
    """A new key pair: the private half to this computer's key store (locked with `passphrase`
    when given), the public half to the register. The key it replaces is retired, not deleted:
    the letters it signed still verify."""
    encryption: serialization.KeySerializationEncryption = serialization.NoEncryption()
    if passphrase is not None:
        encryption = serialization.BestAvailableEncryption(_check_passphrase(passphrase))
    private = Ed25519PrivateKey.generate()
    raw = _raw(private.public_key())
    now = utcnow()
    for old in session.scalars(select(SigningKey).where(SigningKey.retired_at.is_(None))):
        old.retired_at = now
    row = SigningKey(id=key_id_of(raw), public_key=b64(raw), created_at=now)
    session.add(row)
    session.flush()  # a refused insert leaves nothing behind in the key store
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    keystore.put(_store_name(row.id), pem.decode("ascii"))
    nik_secret(session, create=True)
    return row


def ensure_key(session: Session) -> SigningKey:
    """The current key, made at first need: call it in a writing transaction."""
    row = current_key(session)
    return row if row is not None else new_key(session)


def _stored_pem(row: SigningKey) -> str:
    pem = keystore.get(_store_name(row.id))
    if pem is None:
        raise SimpulError("signing.key_missing", key=row.id, where=keystore.where())
    return pem


def is_protected(pem: str) -> bool:
    return "ENCRYPTED PRIVATE KEY" in pem


def _load(row: SigningKey, pem: str, passphrase: str | None) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem.encode("ascii"),
                                                 passphrase.encode("utf-8") if passphrase else None)
    except (ValueError, TypeError):
        # A wrong passphrase and a damaged entry read alike; only a locked key has a passphrase.
        if is_protected(pem):
            raise SimpulError("signing.passphrase_wrong", key=row.id) from None
        raise SimpulError("signing.key_damaged", key=row.id) from None
    if not isinstance(key, Ed25519PrivateKey) or not hmac.compare_digest(_raw(key.public_key()),
                                                                          unb64(row.public_key)):
        raise SimpulError("signing.key_damaged", key=row.id)
    return key


def private_key(session: Session, row: SigningKey | None = None) -> Ed25519PrivateKey:
    """The private half of `row` (default: the current key), from this computer's key store. A
    locked key needs its passphrase: from `unlock` earlier, or from the passphrase source."""
    row = row or ensure_key(session)
    if row.id in _unlocked:
        return _unlocked[row.id]
    pem = _stored_pem(row)
    if not is_protected(pem):
        return _load(row, pem, None)
    passphrase = (_passphrase_source or passphrase_from_env)()
    if not passphrase:
        raise SimpulError("signing.passphrase_needed", key=row.id)
    key = _unlocked[row.id] = _load(row, pem, passphrase)
    return key


def unlock(session: Session, passphrase: str) -> str:
    """Open the current key with the signer's passphrase for the rest of this session (the window
    asks for it once); returns the key id. A key kept without a passphrase needs nothing."""
    row = current_key(session)
    if row is None:
        raise SimpulError("signing.no_key")
    pem = _stored_pem(row)
    if is_protected(pem):
        _unlocked[row.id] = _load(row, pem, passphrase)
    return row.id


def needs_passphrase(session: Session) -> bool:
    """Whether signing now would ask for the passphrase (the window asks before it signs)."""
    row = current_key(session)
    if row is None or row.id in _unlocked:
        return False
    pem = keystore.get(_store_name(row.id))
    return pem is not None and is_protected(pem)


def lock() -> None:
    """Forget every unlocked key (the window locks, the user logs out)."""
    _unlocked.clear()


def set_passphrase_source(source: Callable[[], str | None] | None) -> None:
    global _passphrase_source
    _passphrase_source = source


def read_passphrase_file(path: str) -> str:
    """The first line of `path`; the message names the file, never its content."""
    try:
        with open(path, encoding="utf-8") as f:
            return f.readline().rstrip("\r\n")
    except OSError as exc:
        raise SimpulError("signing.passphrase_file", path=path, reason=exc.strerror or type(exc).__name__) from None


def passphrase_from_env() -> str | None:
    path = os.environ.get("SIMPUL_SIGNING_PASSPHRASE_FILE")
    return read_passphrase_file(path) if path else None


@dataclass(frozen=True, slots=True)
class KeyInfo:
    id: str
    created_at: dt.datetime
    retired_at: dt.datetime | None
    here: bool  # its private half is in this computer's key store
    protected: bool  # locked with a passphrase


def describe(session: Session) -> list[KeyInfo]:
    """The office's keys, newest first, and whether this computer can sign with each."""
    rows = session.scalars(select(SigningKey).order_by(SigningKey.created_at.desc())).all()
    out = []
    for row in rows:
        pem = keystore.get(_store_name(row.id))
        out.append(KeyInfo(row.id, row.created_at, row.retired_at, pem is not None,
                           pem is not None and is_protected(pem)))
    return out


# ---- the NIK digest ------------------------------------------------------------------------------

def nik_secret(session: Session, *, create: bool = False) -> bytes | None:
    """The registry's own key for NIK digests. Written with a Core statement, as the audit chain's
    key is, so that it never reaches the audit trail."""
    conn = session.connection()
    value = conn.execute(select(AppSecret.value).where(AppSecret.name == NIK_SECRET)).scalar()
    if value is None and create:
        value = secrets.token_hex(32)
        conn.execute(insert(AppSecret), [{"name": NIK_SECRET, "value": value}])
    return bytes.fromhex(value) if value else None


def nik_digest(secret: bytes, nik: str | None) -> str:
    """Enough to match a presented KTP with the register; without the registry's secret it says
    nothing, so the NIK cannot be searched from the kecamatan and a birth date."""
    digest = hmac.new(secret, (nik or "-").encode(), hashlib.sha256).digest()[:10]
    return base64.b32encode(digest).decode()

"""The QR code on a letter: a short text with the letter's number, date, a hash of the NIK and the
signer, signed with the office's key (HMAC-SHA256, kept in the office database). Checking needs no
internet: `simpul verify` or the app recompute the signature with the same key."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.db.engine import Database
from desktop.core.db.models import LetterNumber
from desktop.core.domain.enums import LetterStatus
from desktop.core.i18n import t
from desktop.core.io.dates import long_date
from desktop.core.services.office import require_office

PREFIX = "SIMPUL1"


def office_key(session: Session) -> bytes:
    """The signing key, made on first signing (in that transaction) and stored with the office profile."""
    office = require_office(session)
    if office.letter_key is None:
        office.letter_key = secrets.token_hex(32)
        session.flush()
    return bytes.fromhex(office.letter_key)


def nik_hash(nik: str | None) -> str:
    """Enough to match a presented KTP, not enough to read the NIK back from the code."""
    return hashlib.sha256((nik or "-").encode()).hexdigest()[:16]


def _signature(key: bytes, body: str) -> str:
    digest = hmac.new(key, body.encode(), hashlib.sha256).digest()[:20]
    return base64.b32encode(digest).decode().rstrip("=")


def sign(session: Session, number: str, letter_date: dt.date, nik: str | None, signer: str) -> str:
    fields = [PREFIX, number, letter_date.isoformat(), nik_hash(nik), signer.replace("|", "/")]
    body = "|".join(fields)
    return f"{body}|{_signature(office_key(session), body)}"


@dataclass(frozen=True)
class Verdict:
    authentic: bool
    reason: str  # message key
    number: str | None = None
    letter_date: str | None = None
    signer: str | None = None
    nik_hash: str | None = None

    @property
    def message(self) -> str:
        """The answer in the user's language, with the letter date written out."""
        try:
            date = long_date(dt.date.fromisoformat(self.letter_date or ""))
        except ValueError:
            date = self.letter_date
        return t(self.reason, number=self.number, date=date, signer=self.signer)


def check_code(session: Session, text: str) -> Verdict:
    """Whether a letter's QR text was signed by this office, for a number it issued and did not cancel."""
    parts = text.strip().split("|")
    if len(parts) != 6 or parts[0] != PREFIX:
        return Verdict(False, "verify.not_simpul")
    body, signature = "|".join(parts[:5]), parts[5]
    stored = require_office(session).letter_key
    if stored is None or not hmac.compare_digest(_signature(bytes.fromhex(stored), body), signature):
        return Verdict(False, "verify.altered", parts[1], parts[2], parts[4])
    entry = session.scalars(select(LetterNumber).where(LetterNumber.number == parts[1])).first()
    if entry is None:
        return Verdict(False, "verify.unknown_number", parts[1], parts[2], parts[4])
    if entry.status is LetterStatus.CANCELLED:
        return Verdict(False, "verify.cancelled", parts[1], parts[2], parts[4])
    return Verdict(True, "verify.authentic", parts[1], parts[2], parts[4], parts[3])


def verify(db: Database, text: str) -> Verdict:
    """`check_code` in a read of its own (the CLI)."""
    with db.read() as s:
        return check_code(s, text)

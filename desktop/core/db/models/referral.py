"""Referrals (rujukan) to services, the institutions that receive them, and the register of
outgoing letter numbers (agenda surat keluar)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.core.db.base import Base, enum_column, utcnow
from desktop.core.domain.enums import InstitutionKind, LetterStatus, ReferralStatus, Urgency


class Institution(Base):
    """A receiving service: Dinas Sosial, Puskesmas/RSUD, a panti or LKS, UPTD PPA, Dukcapil..."""

    __tablename__ = "institution"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[InstitutionKind] = mapped_column(enum_column(InstitutionKind))
    addressee: Mapped[str | None] = mapped_column(String(200))  # "Kepala Dinas Sosial Kabupaten ..."
    address: Mapped[str | None] = mapped_column(String(250))
    city: Mapped[str | None] = mapped_column(String(80))  # for "di –" under the addressee
    phone: Mapped[str | None] = mapped_column(String(40))
    contact_person: Mapped[str | None] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class LetterCounter(Base):
    """The last number issued in a year; bumped in the same statement that reads it."""

    __tablename__ = "letter_counter"

    year: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class LetterNumber(Base):
    """One line of the outgoing-letter register. Numbers are never reused; a cancelled number
    stays in the register as cancelled."""

    __tablename__ = "letter_number"
    __table_args__ = (UniqueConstraint("year", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(SmallInteger)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(120), unique=True)
    letter_date: Mapped[dt.date] = mapped_column(Date)
    subject: Mapped[str | None] = mapped_column(String(250))
    addressee: Mapped[str | None] = mapped_column(String(250))
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id"), index=True)
    status: Mapped[LetterStatus] = mapped_column(enum_column(LetterStatus), default=LetterStatus.ISSUED)
    cancel_reason: Mapped[str | None] = mapped_column(String(250))
    issued_by: Mapped[str] = mapped_column(String(80))
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # The letter as signed (io.pdf.letter.snapshot): a reprint draws this, not today's records,
    # so the paper a verified QR points at never changes. Empty for letters signed before 0008.
    snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class SigningKey(Base):
    """A public key the office signs letters with (Ed25519). Only the public half lives here: the
    private half stays in the key store of the computer that made it (desktop.core.keystore), so a
    copy of the database cannot sign. A retired key still verifies the letters it signed."""

    __tablename__ = "signing_key"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)  # the key id printed in each QR
    public_key: Mapped[str] = mapped_column(String(64))  # the raw 32 bytes, base64url
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[dt.datetime | None] = mapped_column()


class LetterLogo(Base):
    """A kop logo as it was when a letter was signed, kept once for all the letters that show it."""

    __tablename__ = "letter_logo"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Referral(Base):
    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id"), index=True)
    institution_id: Mapped[int] = mapped_column(ForeignKey("institution.id"), index=True)
    category_no: Mapped[int | None] = mapped_column(SmallInteger, ForeignKey("ppks_category.no"))
    need: Mapped[str] = mapped_column(String(250))  # layanan yang dibutuhkan
    summary: Mapped[str | None] = mapped_column(Text)  # permasalahan
    urgency: Mapped[Urgency] = mapped_column(enum_column(Urgency), default=Urgency.NORMAL)
    documents: Mapped[list[str]] = mapped_column(JSON, default=list)  # KTP, KK, SKTM...
    status: Mapped[ReferralStatus] = mapped_column(enum_column(ReferralStatus), default=ReferralStatus.DRAFT,
                                                   index=True)
    follow_up_due: Mapped[dt.date | None] = mapped_column(Date, index=True)
    # Frozen when signed: later changes to the office profile do not rewrite a signed letter.
    signer: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    institution: Mapped[Institution] = relationship()
    events: Mapped[list[ReferralEvent]] = relationship(order_by="ReferralEvent.id")


class ReferralEvent(Base):
    """Each step of a referral: who moved it from which status to which, when, with what note."""

    __tablename__ = "referral_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(80))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)

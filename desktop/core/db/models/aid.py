"""Aid programmes, their recipient lists, distribution events and what happened on the day.

Programme → recipient list (checked, then final) → distribution events (one per desa or place
and date) → one allocation per recipient per event, collected, absent or still due.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.core.db.base import Base, enum_column, utcnow
from desktop.core.domain.enums import (
    AidForm,
    CheckKind,
    CollectStatus,
    Decision,
    Funding,
    ListStatus,
    RecipientStatus,
    TargetUnit,
)


class Programme(Base):
    __tablename__ = "programme"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(150))  # "BLT Dana Desa 2026"
    funding: Mapped[Funding] = mapped_column(enum_column(Funding))
    form: Mapped[AidForm] = mapped_column(enum_column(AidForm))
    item: Mapped[str] = mapped_column(String(100))  # "Uang tunai", "Beras 10 kg"
    unit: Mapped[str] = mapped_column(String(20))  # "Rp" for cash; "paket", "kg" for goods
    amount: Mapped[int] = mapped_column(Integer)  # per recipient: rupiah, or a quantity of `unit`
    period: Mapped[str] = mapped_column(String(80))  # "Tahap IV (Oktober–Desember 2026)"
    # The period the aid covers: two programmes overlapping in time for one recipient get flagged.
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    target: Mapped[TargetUnit] = mapped_column(enum_column(TargetUnit))
    basis: Mapped[str | None] = mapped_column(String(250))  # SK / juknis the list rests on
    list_status: Mapped[ListStatus] = mapped_column(enum_column(ListStatus), default=ListStatus.DRAFT)
    finalised_at: Mapped[dt.datetime | None] = mapped_column()
    finalised_by: Mapped[str | None] = mapped_column(String(80))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Recipient(Base):
    """One line of a programme's list. The NIK, name and No. KK are kept as listed (a regency list
    can carry the same NIK twice, which is exactly what the checks must show); the person is the
    registry entry the line was matched to, who signs and collects."""

    __tablename__ = "recipient"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id"), index=True)
    nik: Mapped[str | None] = mapped_column(String(16), index=True)
    no_kk: Mapped[str | None] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(150))
    amount: Mapped[int] = mapped_column(Integer)
    status: Mapped[RecipientStatus] = mapped_column(enum_column(RecipientStatus), default=RecipientStatus.INCLUDED)
    source: Mapped[str] = mapped_column(String(20))  # registri, impor, manual
    source_row: Mapped[int | None] = mapped_column(Integer)  # row number in the imported file
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    added_by: Mapped[str] = mapped_column(String(80))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    checks: Mapped[list[RecipientCheck]] = relationship(order_by="RecipientCheck.id", cascade="all, delete-orphan")


class RecipientCheck(Base):
    """A cross-check finding on a list line and the decision taken on it, with who and why."""

    __tablename__ = "recipient_check"
    __table_args__ = (UniqueConstraint("recipient_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("recipient.id", ondelete="CASCADE"), index=True)
    kind: Mapped[CheckKind] = mapped_column(enum_column(CheckKind))
    detail: Mapped[str] = mapped_column(String(250))
    decision: Mapped[Decision | None] = mapped_column(enum_column(Decision))
    note: Mapped[str | None] = mapped_column(String(250))
    decided_by: Mapped[str | None] = mapped_column(String(80))
    decided_at: Mapped[dt.datetime | None] = mapped_column()


class DistributionEvent(Base):
    __tablename__ = "distribution_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    name: Mapped[str] = mapped_column(String(150))
    event_date: Mapped[dt.date] = mapped_column(Date, index=True)
    time_text: Mapped[str | None] = mapped_column(String(30))  # "08.00 WITA"
    place: Mapped[str] = mapped_column(String(200))
    desa_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    # [{"name": ..., "role": "TKSK", "nip": ...}]; the first one signs the roster as officer.
    officers: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # PIHAK KEDUA of the BAST: {"name", "jabatan", "address"}.
    receiver: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    bast_number_id: Mapped[int | None] = mapped_column(ForeignKey("letter_number.id"))
    closed_at: Mapped[dt.datetime | None] = mapped_column()
    closed_by: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    programme: Mapped[Programme] = relationship()


class Allocation(Base):
    """A recipient due at an event, and what happened: collected (in person or by a proxy),
    absent with a reason, or still waiting. The coupon code is what the QR on the coupon holds."""

    __tablename__ = "allocation"
    __table_args__ = (UniqueConstraint("event_id", "recipient_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("distribution_event.id"), index=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("recipient.id"), index=True)
    row_no: Mapped[int] = mapped_column(Integer)  # number on the roster, per desa
    desa_code: Mapped[str | None] = mapped_column(String(13))
    code: Mapped[str] = mapped_column(String(20), unique=True)
    status: Mapped[CollectStatus] = mapped_column(enum_column(CollectStatus), default=CollectStatus.DUE, index=True)
    collected_at: Mapped[dt.datetime | None] = mapped_column()
    collected_by: Mapped[str | None] = mapped_column(String(80))  # the operator at the desk
    proxy_name: Mapped[str | None] = mapped_column(String(150))
    proxy_relation: Mapped[str | None] = mapped_column(String(60))
    proxy_nik: Mapped[str | None] = mapped_column(String(16))
    absent_reason: Mapped[str | None] = mapped_column(String(250))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    recipient: Mapped[Recipient] = relationship()


class CollectionLog(Base):
    """Every step at the desk, including reversals and their reasons, in the order they happened."""

    __tablename__ = "collection_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("distribution_event.id"), index=True)
    # None for steps of the event as a whole: closed, reopened (with the reason).
    allocation_id: Mapped[int | None] = mapped_column(ForeignKey("allocation.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(20))  # diambil, tidak hadir, dibatalkan, ditutup, dibuka kembali
    note: Mapped[str | None] = mapped_column(String(250))

"""Complaints (pengaduan): a numbered ticket per year, what it is about, who it concerns, and each
step of its handling. A ticket that is done or refused is locked."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.core.db.base import Base, enum_column, utcnow
from desktop.core.domain.enums import ComplaintCategory, ComplaintChannel, ComplaintStatus


class Complaint(Base):
    __tablename__ = "complaint"
    __table_args__ = (UniqueConstraint("year", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(SmallInteger)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # ADU-2026-0001
    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    channel: Mapped[ComplaintChannel] = mapped_column(enum_column(ComplaintChannel))
    category: Mapped[ComplaintCategory] = mapped_column(enum_column(ComplaintCategory), index=True)
    # Who complained (often not in the registry yet: "saya belum terdaftar").
    complainant: Mapped[str] = mapped_column(String(150))
    complainant_nik: Mapped[str | None] = mapped_column(String(16))
    phone: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(250))
    desa_code: Mapped[str | None] = mapped_column(ForeignKey("region.code"))
    # What it concerns: any of a person, a family, a programme, a distribution event.
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id"), index=True)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programme.id"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("distribution_event.id"))
    summary: Mapped[str] = mapped_column(Text)
    status: Mapped[ComplaintStatus] = mapped_column(enum_column(ComplaintStatus), default=ComplaintStatus.NEW,
                                                    index=True)
    due_on: Mapped[dt.date | None] = mapped_column(Date, index=True)  # answer expected by
    resolution: Mapped[str | None] = mapped_column(Text)  # the note of the closing step
    closed_at: Mapped[dt.datetime | None] = mapped_column()
    # What closing it started: a referral (here), a proposal (Proposal.complaint_id points back).
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id"))
    received_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    steps: Mapped[list[ComplaintStep]] = relationship(order_by="ComplaintStep.id")


class ComplaintStep(Base):
    """Each step of a complaint: who moved it from which status to which, when, with what note."""

    __tablename__ = "complaint_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(80))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)

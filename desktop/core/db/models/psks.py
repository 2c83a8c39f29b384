"""PSKS: social-welfare resources held by a person, a family or an organisation."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.core.db.base import Base, utcnow
from desktop.core.db.models.reference import PsksType
from desktop.core.db.models.registry import AddressMixin


class PsksEntry(AddressMixin, Base):
    """A TKSK, a PSM, a Karang Taruna... with its decree (SK), term and coverage."""

    __tablename__ = "psks_entry"
    __table_args__ = (
        CheckConstraint(
            "CASE WHEN person_id IS NULL THEN 0 ELSE 1 END + "
            "CASE WHEN family_id IS NULL THEN 0 ELSE 1 END + "
            "CASE WHEN org_name IS NULL THEN 0 ELSE 1 END = 1",
            name="one_holder"),
        Index("ix_psks_entry_desa_code", "desa_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    type_no: Mapped[int] = mapped_column(SmallInteger, ForeignKey("psks_type.no"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id"), index=True)
    org_name: Mapped[str | None] = mapped_column(String(200))
    legal_number: Mapped[str | None] = mapped_column(String(120))  # akta / tanda daftar
    phone: Mapped[str | None] = mapped_column(String(20))
    chair_name: Mapped[str | None] = mapped_column(String(150))
    chair_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    sk_number: Mapped[str | None] = mapped_column(String(120))
    sk_date: Mapped[dt.date | None] = mapped_column(Date)
    term_start: Mapped[dt.date | None] = mapped_column(Date)
    term_end: Mapped[dt.date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    type: Mapped[PsksType] = relationship()
    members: Mapped[list[PsksMember]] = relationship(order_by="PsksMember.id")
    coverage: Mapped[list[PsksCoverage]] = relationship()


class PsksMember(Base):
    """A member of an organisation's board or roster; linked to a person when registered."""

    __tablename__ = "psks_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    psks_id: Mapped[int] = mapped_column(ForeignKey("psks_entry.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    name: Mapped[str] = mapped_column(String(150))
    role: Mapped[str | None] = mapped_column(String(80))  # ketua, sekretaris, anggota...


class PsksCoverage(Base):
    """The desa/kelurahan a PSKS serves."""

    __tablename__ = "psks_coverage"

    psks_id: Mapped[int] = mapped_column(ForeignKey("psks_entry.id"), primary_key=True)
    desa_code: Mapped[str] = mapped_column(ForeignKey("region.code"), primary_key=True)

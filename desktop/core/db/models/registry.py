"""Families, persons and communities (KAT): who the registry is about."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.core.db.base import Base, enum_column, utcnow
from desktop.core.domain.enums import Disability, LifeStatus, Sex


class AddressMixin:
    """Domicile inside the kecamatan: desa/kelurahan, dusun, RT/RW (3-digit text), street."""

    address: Mapped[str | None] = mapped_column(String(250))
    # Indexed by each table: persons through ix_person_desa_rt, whose first column it is (an index
    # of its own would be one more to keep in order on every write).
    desa_code: Mapped[str | None] = mapped_column(ForeignKey("region.code"))
    dusun: Mapped[str | None] = mapped_column(String(60))
    rt: Mapped[str | None] = mapped_column(String(3))
    rw: Mapped[str | None] = mapped_column(String(3))


class Family(AddressMixin, Base):
    __tablename__ = "family"
    __table_args__ = (Index("ix_family_desa_code", "desa_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    no_kk: Mapped[str | None] = mapped_column(String(16), unique=True)
    desil: Mapped[int | None] = mapped_column(SmallInteger)  # DTSEN peringkat 1..10, set by BPS
    desil_as_of: Mapped[dt.date | None] = mapped_column(Date)
    desil_source: Mapped[str | None] = mapped_column(String(80))
    notes: Mapped[str | None] = mapped_column(Text)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    members: Mapped[list[Person]] = relationship(back_populates="family", order_by="Person.id")
    desil_history: Mapped[list[DesilHistory]] = relationship(
        back_populates="family", order_by="DesilHistory.as_of", cascade="all, delete-orphan")


class DesilHistory(Base):
    """Each desil a family has had, with the extract it came from: DTSEN re-ranks every quarter."""

    __tablename__ = "desil_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"), index=True)
    desil: Mapped[int] = mapped_column(SmallInteger)
    as_of: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(80))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), index=True)

    family: Mapped[Family] = relationship(back_populates="desil_history")


class Person(AddressMixin, Base):
    __tablename__ = "person"
    __table_args__ = (Index("ix_person_desa_rt", "desa_code", "rt", "rw"),
                      Index("ix_person_name_birth", "name_key", "birth_date"))  # likely duplicates, by index

    id: Mapped[int] = mapped_column(primary_key=True)
    # NULL for people without a NIK (gelandangan, for instance); they are flagged, not refused.
    nik: Mapped[str | None] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(150))
    name_key: Mapped[str] = mapped_column(String(150), index=True)
    sex: Mapped[Sex] = mapped_column(enum_column(Sex))
    birth_place: Mapped[str | None] = mapped_column(String(80))
    birth_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id"), index=True)
    relationship_code: Mapped[int | None] = mapped_column(ForeignKey("relationship.code"))
    religion_code: Mapped[int | None] = mapped_column(ForeignKey("religion.code"))
    marital_status_code: Mapped[int | None] = mapped_column(ForeignKey("marital_status.code"))
    education_code: Mapped[int | None] = mapped_column(ForeignKey("education.code"))
    occupation: Mapped[str | None] = mapped_column(String(80))
    disability: Mapped[Disability | None] = mapped_column(enum_column(Disability))
    phone: Mapped[str | None] = mapped_column(String(20))
    life_status: Mapped[LifeStatus] = mapped_column(enum_column(LifeStatus), default=LifeStatus.ALIVE)
    # Kept current by the services so lists can filter on it without re-parsing every NIK.
    nik_mismatch: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    family: Mapped[Family | None] = relationship(back_populates="members")


class Community(Base):
    """A Komunitas Adat Terpencil (PPKS 26) or another group recorded as one unit."""

    __tablename__ = "community"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(150))
    desa_code: Mapped[str | None] = mapped_column(ForeignKey("region.code"))
    location: Mapped[str | None] = mapped_column(String(250))
    family_count: Mapped[int | None] = mapped_column()
    person_count: Mapped[int | None] = mapped_column()
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

"""Reference tables, seeded by the migrations (an office may edit labels and age limits)."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.db.base import Base, enum_column
from desktop.core.domain.enums import PpksUnit, PsksForm, Sex


class PpksCategory(Base):
    """One of the 26 PPKS categories of Permensos 8/2012, in the regulation's order."""

    __tablename__ = "ppks_category"

    no: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    unit: Mapped[PpksUnit] = mapped_column(enum_column(PpksUnit))
    age_min: Mapped[int | None] = mapped_column(SmallInteger)
    age_max: Mapped[int | None] = mapped_column(SmallInteger)
    sex: Mapped[Sex | None] = mapped_column(enum_column(Sex))
    atensi_cluster: Mapped[str | None] = mapped_column(String(40))
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str | None] = mapped_column(Text)


class PpksAlias(Base):
    """Other spellings of a category code: legacy PMKS codes (WRSE, PACA, KFM...), numbers, names."""

    __tablename__ = "ppks_alias"

    alias: Mapped[str] = mapped_column(String(120), primary_key=True)
    category_no: Mapped[int] = mapped_column(ForeignKey("ppks_category.no"))
    note: Mapped[str | None] = mapped_column(String(120))


class PsksType(Base):
    """One of the 12 PSKS types of Permensos 8/2012."""

    __tablename__ = "psks_type"

    no: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    form: Mapped[PsksForm] = mapped_column(enum_column(PsksForm))
    description: Mapped[str | None] = mapped_column(Text)


class PsksAlias(Base):
    __tablename__ = "psks_alias"

    alias: Mapped[str] = mapped_column(String(120), primary_key=True)
    type_no: Mapped[int] = mapped_column(ForeignKey("psks_type.no"))
    note: Mapped[str | None] = mapped_column(String(120))


class Relationship(Base):
    """Status hubungan dalam keluarga (SHDK, Dukcapil) with the DTSEN 409 code it maps to."""

    __tablename__ = "relationship"

    code: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    dtsen_code: Mapped[int] = mapped_column(SmallInteger)


class Religion(Base):
    __tablename__ = "religion"

    code: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(60), unique=True)


class MaritalStatus(Base):
    __tablename__ = "marital_status"

    code: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(40), unique=True)


class Education(Base):
    """Pendidikan terakhir as on the KK (Dukcapil)."""

    __tablename__ = "education"

    code: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(60), unique=True)

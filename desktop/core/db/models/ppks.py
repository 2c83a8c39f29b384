"""PPKS records: a person, family or community assessed into one of the 26 categories."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, SmallInteger, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.core.db.base import Base, enum_column, utcnow
from desktop.core.db.models.reference import PpksCategory
from desktop.core.domain.enums import PpksSource, PpksStatus


class PpksRecord(Base):
    __tablename__ = "ppks_record"
    __table_args__ = (
        CheckConstraint(
            "CASE WHEN person_id IS NULL THEN 0 ELSE 1 END + "
            "CASE WHEN family_id IS NULL THEN 0 ELSE 1 END + "
            "CASE WHEN community_id IS NULL THEN 0 ELSE 1 END = 1",
            name="one_holder"),
        # One record per holder and category; its status and notes move over time (audited).
        UniqueConstraint("category_no", "person_id"),
        UniqueConstraint("category_no", "family_id"),
        UniqueConstraint("category_no", "community_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    category_no: Mapped[int] = mapped_column(SmallInteger, ForeignKey("ppks_category.no"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id"), index=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), index=True)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[PpksSource] = mapped_column(enum_column(PpksSource))
    status: Mapped[PpksStatus] = mapped_column(enum_column(PpksStatus), default=PpksStatus.ACTIVE, index=True)
    notes: Mapped[str | None] = mapped_column(Text)  # permasalahan
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    category: Mapped[PpksCategory] = relationship()

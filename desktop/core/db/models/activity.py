"""PSKS at work: what a TKSK, PSM or Karang Taruna did in the field (the activity log), the home
visits the office plans and records, their photos, and the monthly reports the office closes.

Photos live in the database (a table of their own, the bytes deferred): the registry stays one
file that the backup already copies whole, and a photo can never lose its activity. Each is at most
1 MB (io.photos resizes), so a year of field work stays in the low hundreds of megabytes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    Float,
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
from desktop.core.domain.enums import ActivityKind, VisitPurpose, VisitStatus


class PsksActivity(Base):
    """One day's activity of one PSKS: asesmen, pendampingan, penyuluhan…, in a desa."""

    __tablename__ = "psks_activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    psks_id: Mapped[int] = mapped_column(ForeignKey("psks_entry.id"), index=True)
    activity_date: Mapped[dt.date] = mapped_column(Date, index=True)
    desa_code: Mapped[str | None] = mapped_column(ForeignKey("region.code"))
    kind: Mapped[ActivityKind] = mapped_column(enum_column(ActivityKind))
    title: Mapped[str] = mapped_column(String(200))  # "Asesmen lansia terlantar di RT 004"
    place: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)  # the narrative: what was done, what came of it
    # Counted by the PSKS; may exceed the linked rows (a penyuluhan for 40 people names none).
    persons_served: Mapped[int] = mapped_column(Integer, default=0)
    families_served: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(String(20), default="kantor")  # kantor, impor
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    served: Mapped[list[ActivityServed]] = relationship(cascade="all, delete-orphan",
                                                        order_by="ActivityServed.id")


class ActivityServed(Base):
    """A registered person or family the activity served."""

    __tablename__ = "activity_served"
    __table_args__ = (
        CheckConstraint("CASE WHEN person_id IS NULL THEN 0 ELSE 1 END + "
                        "CASE WHEN family_id IS NULL THEN 0 ELSE 1 END = 1", name="one_holder"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("psks_activity.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id"), index=True)


class HomeVisit(Base):
    """A kunjungan rumah to a PPKS person or family: planned with a due date, then done with a
    result and the house checklist (domain.house), or cancelled with a reason."""

    __tablename__ = "home_visit"
    __table_args__ = (
        CheckConstraint("CASE WHEN person_id IS NULL THEN 0 ELSE 1 END + "
                        "CASE WHEN family_id IS NULL THEN 0 ELSE 1 END = 1", name="one_holder"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id"), index=True)
    purpose: Mapped[VisitPurpose] = mapped_column(enum_column(VisitPurpose))
    officer_psks_id: Mapped[int | None] = mapped_column(ForeignKey("psks_entry.id"), index=True)
    officer_name: Mapped[str] = mapped_column(String(150))  # as printed on the form
    due_date: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[VisitStatus] = mapped_column(enum_column(VisitStatus), default=VisitStatus.PLANNED, index=True)
    visited_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id"), index=True)
    # A row of a verivali round (issue 16); no foreign key: that table comes with the next revision.
    verivali_row_id: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(String(250))  # why planned (or why cancelled)
    result: Mapped[str | None] = mapped_column(Text)  # hasil kunjungan
    recommendation: Mapped[str | None] = mapped_column(Text)  # rekomendasi / tindak lanjut
    checklist: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # {"wall": "bambu", "assets": [...]}
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class WorkPhoto(Base):
    """A photo of an activity or a visit: a JPEG of at most 1 MB whose EXIF keeps the time it was
    taken and, when the camera knew it, where (GPS); both also in columns for the papers."""

    __tablename__ = "work_photo"
    __table_args__ = (
        CheckConstraint("CASE WHEN activity_id IS NULL THEN 0 ELSE 1 END + "
                        "CASE WHEN visit_id IS NULL THEN 0 ELSE 1 END = 1", name="one_owner"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("psks_activity.id", ondelete="CASCADE"), index=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("home_visit.id", ondelete="CASCADE"), index=True)
    caption: Mapped[str | None] = mapped_column(String(200))
    taken_at: Mapped[dt.datetime | None] = mapped_column()  # camera's local time, as EXIF states it
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class MonthReport(Base):
    """A closed laporan bulanan: the month's figures frozen as JSON with the SHA-256 of their
    canonical text, who closed it and when. Never updated: a correction is a new row with the next
    revision number and a reason, and every earlier revision stays as it was."""

    __tablename__ = "month_report"
    __table_args__ = (UniqueConstraint("year", "month", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(SmallInteger)
    month: Mapped[int] = mapped_column(SmallInteger)
    revision: Mapped[int] = mapped_column(SmallInteger, default=0)  # 0: the first issue
    reason: Mapped[str | None] = mapped_column(Text)  # why revised (required from revision 1)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    sha256: Mapped[str] = mapped_column(String(64))
    closed_by: Mapped[str] = mapped_column(String(80))
    closed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

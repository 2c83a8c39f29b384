"""Verivali rounds per desa (the prelist, who checks which RT, the result per family or member),
new-recipient proposals (usulan) with their photos, and the musyawarah desa that decides."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, LargeBinary, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from desktop.core.db.base import Base, enum_column, utcnow
from desktop.core.domain.enums import Disability, ProposalStatus, ResultCode, RoundStatus, Sex


class VerivaliRound(Base):
    __tablename__ = "verivali_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    desa_code: Mapped[str] = mapped_column(ForeignKey("region.code"), index=True)
    name: Mapped[str] = mapped_column(String(80))  # "Mei 2026"
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[RoundStatus] = mapped_column(enum_column(RoundStatus), default=RoundStatus.OPEN)
    source: Mapped[str | None] = mapped_column(String(255))  # the regency's file, or "registri"
    # The ordinary import that brought the prelist in, and what became of each of its rows.
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    intake: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Closing writes the results into the registry as one batch (undone as a whole).
    close_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    closed_at: Mapped[dt.datetime | None] = mapped_column()
    closed_by: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class VerivaliLine(Base):
    """One family of the prelist (person_id: its head), or one member (parent_id: the family's
    line) where a member needs a result of their own. The result waits here until the round closes."""

    __tablename__ = "verivali_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("verivali_round.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("verivali_line.id"))
    seq: Mapped[int] = mapped_column(Integer)
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    nik: Mapped[str | None] = mapped_column(String(16), index=True)
    no_kk: Mapped[str | None] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(String(150))
    address: Mapped[str | None] = mapped_column(String(250))
    dusun: Mapped[str | None] = mapped_column(String(60))
    rt: Mapped[str | None] = mapped_column(String(3))
    rw: Mapped[str | None] = mapped_column(String(3))
    members: Mapped[int] = mapped_column(SmallInteger, default=1)
    officer: Mapped[str | None] = mapped_column(String(120))  # PSM/TKSK who checks it
    result: Mapped[ResultCode | None] = mapped_column(enum_column(ResultCode))
    note: Mapped[str | None] = mapped_column(String(250))  # remark; the reason of a removal
    new_nik: Mapped[str | None] = mapped_column(String(16))  # perbaikan NIK/KK
    new_kk: Mapped[str | None] = mapped_column(String(16))
    silang: Mapped[str | None] = mapped_column(String(250))  # same KK/NIK in another desa
    source_row: Mapped[int | None] = mapped_column(Integer)
    entered_by: Mapped[str | None] = mapped_column(String(80))
    entered_at: Mapped[dt.datetime | None] = mapped_column()


class Proposal(Base):
    """An usulan baru for SIKS-NG with what its form asks for."""

    __tablename__ = "proposal"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int | None] = mapped_column(ForeignKey("verivali_round.id"), index=True)
    line_id: Mapped[int | None] = mapped_column(ForeignKey("verivali_line.id"))
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaint.id"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    desa_code: Mapped[str | None] = mapped_column(ForeignKey("region.code"), index=True)
    nik: Mapped[str | None] = mapped_column(String(16))
    no_kk: Mapped[str | None] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(150))
    sex: Mapped[Sex | None] = mapped_column(enum_column(Sex))
    birth_place: Mapped[str | None] = mapped_column(String(80))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    mother_name: Mapped[str | None] = mapped_column(String(150))
    address: Mapped[str | None] = mapped_column(String(250))
    rt: Mapped[str | None] = mapped_column(String(3))
    rw: Mapped[str | None] = mapped_column(String(3))
    occupation: Mapped[str | None] = mapped_column(String(80))
    disability: Mapped[Disability | None] = mapped_column(enum_column(Disability))
    members: Mapped[int | None] = mapped_column(SmallInteger)
    criteria: Mapped[list[str]] = mapped_column(JSON, default=list)  # codes of domain.proposals.CRITERIA
    house: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)  # lantai, dinding, atap, air...
    status: Mapped[ProposalStatus] = mapped_column(enum_column(ProposalStatus), default=ProposalStatus.DRAFT,
                                                   index=True)
    status_note: Mapped[str | None] = mapped_column(Text)  # why it was returned or refused
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    photos: Mapped[list[ProposalPhoto]] = relationship(order_by="ProposalPhoto.id", cascade="all, delete-orphan")


class ProposalStep(Base):
    __tablename__ = "proposal_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(80))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)


class ProposalPhoto(Base):
    """A photo of the house front, inside or the KK: a JPEG of at most 1 MB with its EXIF kept.
    In the database (not beside it) so a backup, a restore and an encrypted copy carry it too;
    deferred so lists never load it."""

    __tablename__ = "proposal_photo"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"), index=True)
    caption: Mapped[str | None] = mapped_column(String(80))  # "tampak depan", "dalam rumah", "KK"
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    size: Mapped[int] = mapped_column(Integer)
    taken_at: Mapped[dt.datetime | None] = mapped_column()  # from EXIF DateTimeOriginal
    latitude: Mapped[float | None] = mapped_column()
    longitude: Mapped[float | None] = mapped_column()
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Musdes(Base):
    """The musyawarah desa of a round: when and where, who signs, who came."""

    __tablename__ = "musdes"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("verivali_round.id"), unique=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[str | None] = mapped_column(String(20))  # "09.00"
    place: Mapped[str | None] = mapped_column(String(200))
    number: Mapped[str | None] = mapped_column(String(120))  # the BA's number, from the desa
    kop: Mapped[str] = mapped_column(String(12), default="kecamatan")  # "desa" or "kecamatan"
    head_name: Mapped[str | None] = mapped_column(String(120))  # Kepala Desa / Lurah
    bpd_name: Mapped[str | None] = mapped_column(String(120))  # Ketua BPD
    officer_name: Mapped[str | None] = mapped_column(String(120))
    officer_role: Mapped[str | None] = mapped_column(String(40))  # "TKSK" / "PSM"
    chair_name: Mapped[str | None] = mapped_column(String(120))  # pimpinan musyawarah
    notes: Mapped[str | None] = mapped_column(Text)
    attendees: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)  # {name, role}

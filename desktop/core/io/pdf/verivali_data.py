"""What the verivali and complaint papers print, as plain data gathered by the services
(services.musdes, services.complaint_papers); the drawing code needs no database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.core.io.pdf.aid_data import Kop, Signer


@dataclass
class SheetLine:
    no: int
    name: str
    nik: str
    no_kk: str
    address: str
    members: int
    member: bool = False  # a member's own line, printed under its family
    silang: str = ""


@dataclass
class SheetGroup:
    rt: str  # "003" or "" (RT not recorded)
    rw: str
    lines: list[SheetLine] = field(default_factory=list)


@dataclass
class WorksheetData:
    kop: Kop
    round_name: str  # "Mei 2026"
    desa: str  # "Desa Jahab"
    kecamatan: str
    deadline: dt.date | None
    officer: str  # "" for the whole desa
    codes: list[tuple[str, str]]  # ("1", "Tetap layak") ...
    groups: list[SheetGroup]
    head: Signer  # Mengetahui, Kepala Desa
    place: str


@dataclass
class Decision:
    no: int
    name: str
    nik: str
    no_kk: str
    rt: str
    detail: str  # the reason of a removal; "NIK lama → baru" for a fix; the criteria of a proposal


@dataclass
class MusdesData:
    kop: Kop  # the desa's or the kecamatan's
    number: str
    desa: str  # "Desa Jahab" / "Kelurahan Melayu"
    desa_kind: str  # "desa" / "kelurahan"
    kecamatan: str
    regency: str
    round_name: str
    held_on: dt.date
    start_time: str
    place: str
    chair: str
    checked: int  # families on the prelist
    kept: list[Decision]
    removed: list[Decision]
    proposed: list[Decision]
    fixed: list[Decision]
    unchecked: int
    attendees: int
    notes: str
    head: Signer  # Kepala Desa / Lurah
    bpd: Signer
    officer: Signer  # TKSK / PSM
    camat: Signer  # Mengetahui, Camat
    place_signed: str
    final: bool  # False while the round is still open: SEMENTARA


@dataclass
class AttendanceData:
    kop: Kop
    desa: str
    round_name: str
    held_on: dt.date
    place: str
    attendees: list[tuple[str, str]]  # (name, role); blank rows are added for walk-ins
    blank_rows: int = 8
    head: Signer | None = None  # "Mengetahui, Kepala Desa/Lurah" under the list


@dataclass
class RecapRow:
    desa: str
    round_name: str
    checked: int
    counts: list[int]  # per result code, in RESULT_ORDER
    unchecked: int
    proposals: int


@dataclass
class RecapData:
    kop: Kop
    period: str
    kecamatan: str
    codes: list[str]
    rows: list[RecapRow]
    camat: Signer
    officer: Signer
    place: str
    made_on: dt.date


@dataclass
class ReceiptData:
    kop: Kop
    number: str
    received: str  # "12-05-2026 09.14 WITA"
    channel: str
    category: str
    complainant: str
    nik: str  # masked
    phone: str
    address: str
    concerns: str
    summary: str
    due_on: dt.date | None
    officer: str
    place: str
    received_on: dt.date
    office_phone: str = ""

"""Activities from the Excel sheet a PSKS fills in (TANGGAL, DESA/KELURAHAN, JENIS KEGIATAN,
NIK/NO KK YANG DILAYANI, URAIAN; optionally NAMA KEGIATAN, TEMPAT, JUMLAH ORANG, JUMLAH KELUARGA
and PSKS when one sheet holds several), and the blank template to hand out.

Every data row is accounted for: taken (with the activity's id) or refused with the reason in
words; all rows taken land in the caller's one transaction. A row already in the log (same PSKS,
date, kind and name) is refused as a duplicate, so importing the same file twice adds nothing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.db.models import Family, Person, PsksActivity
from desktop.core.domain.enums import ActivityKind
from desktop.core.domain.monthly import ACTIVITY_WORDS
from desktop.core.errors import SimpulError
from desktop.core.i18n import t
from desktop.core.io import normalize as norm
from desktop.core.io.fields import header_key
from desktop.core.io.tables import read_sheet
from desktop.core.services.activities import ActivityInput, find_worker, save_activity
from desktop.core.services.office import desa_list

# Column -> the headings that name it (compared by fields.header_key).
COLUMNS = {
    "date": ("TANGGAL", "TANGGAL KEGIATAN", "TGL"),
    "desa": ("DESA/KELURAHAN", "DESA", "KELURAHAN", "DESA KELURAHAN"),
    "kind": ("JENIS KEGIATAN", "JENIS"),
    "served": ("NIK/NO KK YANG DILAYANI", "NIK/NO KK", "NIK ATAU NO KK YANG DILAYANI", "NIK YANG DILAYANI",
               "YANG DILAYANI"),
    "notes": ("URAIAN", "URAIAN KEGIATAN", "KETERANGAN"),
    "title": ("NAMA KEGIATAN", "JUDUL KEGIATAN"),
    "place": ("TEMPAT", "LOKASI"),
    "persons": ("JUMLAH ORANG", "JUMLAH ORANG DILAYANI"),
    "families": ("JUMLAH KELUARGA", "JUMLAH KELUARGA DILAYANI"),
    "psks": ("PSKS", "NAMA PSKS", "NIK PSKS"),
}
REQUIRED = ("date", "desa", "kind", "served", "notes")
TEMPLATE_HEADERS = ("TANGGAL", "DESA/KELURAHAN", "JENIS KEGIATAN", "NIK/NO KK YANG DILAYANI", "URAIAN",
                    "NAMA KEGIATAN", "TEMPAT", "JUMLAH ORANG", "JUMLAH KELUARGA")
# Words a PSKS may write for a kind, besides its own value and printed word.
KIND_WORDS = {"SOSIALISASI": ActivityKind.OUTREACH, "PENDATAAN": ActivityKind.ASSESSMENT,
              "RAPAT": ActivityKind.COORDINATION, "KOORDINASI": ActivityKind.COORDINATION,
              "BENCANA": ActivityKind.DISASTER, "VERIFIKASI": ActivityKind.VERIVALI,
              "PENDAMPINGAN": ActivityKind.ACCOMPANIMENT, "PENYALURAN": ActivityKind.DISTRIBUTION}
_KINDS = {header_key(k.value): k for k in ActivityKind} | {header_key(ACTIVITY_WORDS[k.value]): k
                                                           for k in ActivityKind}


@dataclass(frozen=True, slots=True)
class RowOutcome:
    row: int  # the row's number in the sheet (1-based, as Excel shows it)
    taken: bool
    reason: str = ""  # why refused, in words
    activity_id: int | None = None


@dataclass
class ActivityImport:
    file: str
    sheet: str
    rows: list[RowOutcome] = field(default_factory=list)

    @property
    def taken(self) -> int:
        return sum(r.taken for r in self.rows)

    @property
    def refused(self) -> list[RowOutcome]:
        return [r for r in self.rows if not r.taken]

    def to_json(self) -> dict:
        return {"file": self.file, "sheet": self.sheet, "taken": self.taken, "refused": len(self.refused),
                "rows": [{"row": r.row, "taken": r.taken, "reason": r.reason, "activity_id": r.activity_id}
                         for r in self.rows]}


class _Refused(Exception):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.text = t(key, **params)


def _header(rows: list[list]) -> tuple[int, dict[str, int]]:
    """The first row (of the top 30) naming the required columns, and where each column is."""
    names = {header_key(s): key for key, spellings in COLUMNS.items() for s in spellings}
    for i, row in enumerate(rows[:30]):
        found: dict[str, int] = {}
        for c, cell in enumerate(row):
            key = names.get(header_key(cell))
            if key and key not in found:
                found[key] = c
        if all(k in found for k in REQUIRED):
            return i, found
    raise SimpulError("activity_import.no_header", columns=", ".join(TEMPLATE_HEADERS[:5]))


def _kind(value: object) -> ActivityKind:
    words = header_key(value)
    if not words:
        raise _Refused("activity_import.kind_missing")
    kind = _KINDS.get(words) or KIND_WORDS.get(words.split(" ")[0]) or _KINDS.get(words.split(" ")[0])
    if kind is None:
        raise _Refused("activity_import.kind", value=norm.text(value),
                       kinds=", ".join(ACTIVITY_WORDS[k.value] for k in ActivityKind))
    return kind


def _served(session: Session, value: object) -> tuple[list[int], list[int]]:
    """Person ids by NIK and family ids by No. KK, from "6402…, 6402…" (one per line is fine)."""
    try:
        cell = norm.identifier(value, "nik")
    except norm.ValueProblem:
        raise _Refused("activity_import.served_number") from None
    people, families, unknown = [], [], []
    for number in re.split(r"[\s,;/]+", cell or ""):
        if not number:
            continue
        pid = session.scalar(select(Person.id).where(Person.nik == number))
        fid = None if pid else session.scalar(select(Family.id).where(Family.no_kk == number))
        if pid:
            people.append(pid)
        elif fid:
            families.append(fid)
        else:
            unknown.append(number)
    if unknown:
        raise _Refused("activity_import.served_unknown", numbers=", ".join(unknown))
    return people, families


def _count(value: object) -> int:
    if value in (None, ""):
        return 0
    try:
        n = int(float(str(value).replace(".", "").replace(",", ".")) if isinstance(value, str) else value)
    except (TypeError, ValueError):
        raise _Refused("activity_import.count", value=norm.text(value)) from None
    if n < 0:
        raise _Refused("activity_import.count", value=n)
    return n


def import_activities(session: Session, path: Path | str, psks: str | None = None, *, sheet: str | None = None,
                      today: dt.date | None = None) -> ActivityImport:
    """Take the sheet's rows into the activity log (source "impor") for the PSKS named by `psks`
    (id, NIK or name), or per row from its PSKS column."""
    today = today or dt.date.today()
    data = read_sheet(Path(path), sheet)
    top, where = _header(data.rows)
    if psks is None and "psks" not in where:
        raise SimpulError("activity_import.no_psks")
    fixed = find_worker(session, psks) if psks else None
    desa = {}
    for region in desa_list(session):
        desa[norm.region_key(region.name)] = desa[region.code] = region.code
    result = ActivityImport(Path(path).name, data.name)
    seen: set[tuple] = set()
    for number, row in enumerate(data.rows[top + 1:], top + 2):
        def cell(key: str, row=row):
            c = where.get(key)
            return row[c] if c is not None and c < len(row) else None

        if all(v in (None, "") for v in row):
            continue  # a blank line between entries is no row
        try:
            worker = fixed or _worker(session, cell("psks"))
            try:
                day = norm.date(cell("date"), today=today)
            except norm.ValueProblem:
                raise _Refused("activity_import.date", value=norm.text(cell("date"))) from None
            if day is None:
                raise _Refused("activity_import.date_missing")
            desa_text = norm.text(cell("desa"))
            code = desa.get(desa_text or "") or desa.get(norm.region_key(desa_text or "-"))
            if code is None:
                raise _Refused("activity_import.desa", value=desa_text or "-")
            kind = _kind(cell("kind"))
            people, families = _served(session, cell("served"))
            notes = norm.text(cell("notes")) or ""
            title = norm.text(cell("title")) or _title(notes, kind)
            key = (worker.id, day, kind, title.upper())
            if key in seen or _exists(session, *key):
                raise _Refused("activity_import.duplicate")
            activity = save_activity(session, ActivityInput(
                worker.id, day, kind, title[:200], desa_code=code, place=norm.text(cell("place")), notes=notes,
                persons_served=_count(cell("persons")), families_served=_count(cell("families")),
                person_ids=people, family_ids=families, source="impor"))
            seen.add(key)
            result.rows.append(RowOutcome(number, True, activity_id=activity.id))
        except _Refused as refused:
            result.rows.append(RowOutcome(number, False, refused.text))
        except SimpulError as exc:  # an unknown PSKS, a check of save_activity
            result.rows.append(RowOutcome(number, False, exc.message))
    return result


def _worker(session: Session, value: object):
    text = norm.text(value)
    if not text:
        raise _Refused("activity_import.psks_missing")
    return find_worker(session, text)


def _title(notes: str, kind: ActivityKind) -> str:
    """No name column: the narrative's first sentence names the activity (or its kind)."""
    first = re.split(r"(?<=[.!?])\s", notes, maxsplit=1)[0].rstrip(".") if notes else ""
    return (first[:120] + ("…" if len(first) > 120 else "")) if first else ACTIVITY_WORDS[kind.value]


def _exists(session: Session, psks_id: int, day: dt.date, kind: ActivityKind, title: str) -> bool:
    from sqlalchemy import func

    return session.scalar(select(PsksActivity.id).where(
        PsksActivity.psks_id == psks_id, PsksActivity.activity_date == day, PsksActivity.kind == kind,
        func.upper(PsksActivity.title) == title).limit(1)) is not None


def write_template(path: Path | str, desa_names: list[str]) -> Path:
    """The blank sheet a PSKS fills in: the headings, IDs formatted as text, a drop-down of the
    kinds and of the kecamatan's desa, and a sheet of instructions."""
    from desktop.core.io.excel_export import Workbook

    book = Workbook(Path(path), constant_memory=False)
    ws = book.wb.add_worksheet("Kegiatan")
    top = book.heading(ws, ["LAPORAN KEGIATAN PSKS", "Satu baris satu kegiatan. Lihat sheet Petunjuk."])
    book.table_header(ws, top, list(TEMPLATE_HEADERS), [12, 22, 20, 40, 50, 34, 20, 10, 10])
    ws.set_column(0, 0, 12, book.date)
    ws.set_column(7, 8, 10, book.number)
    kinds = [ACTIVITY_WORDS[k.value] for k in ActivityKind]
    ws.data_validation(top + 1, 2, top + 500, 2, {"validate": "list", "source": kinds})
    if desa_names and sum(len(n) + 1 for n in desa_names) < 255:  # Excel's limit for a typed list
        ws.data_validation(top + 1, 1, top + 500, 1, {"validate": "list", "source": desa_names,
                                                      "error_type": "warning"})
    help_ws = book.wb.add_worksheet("Petunjuk")
    lines = ["Petunjuk pengisian laporan kegiatan PSKS", "",
             "TANGGAL: tanggal kegiatan, hari-bulan-tahun (mis. 03-11-2026).",
             "DESA/KELURAHAN: nama desa tempat kegiatan, sesuai daftar desa kecamatan.",
             "JENIS KEGIATAN: salah satu dari: " + ", ".join(kinds) + ".",
             "NIK/NO KK YANG DILAYANI: NIK atau nomor KK warga yang dilayani, dipisah koma; "
             "boleh kosong (mis. penyuluhan). Ketik sebagai teks, bukan angka.",
             "URAIAN: apa yang dilakukan dan hasilnya.",
             "NAMA KEGIATAN, TEMPAT, JUMLAH ORANG, JUMLAH KELUARGA: boleh diisi, boleh kosong.",
             "Baris yang tidak dapat diterima dilaporkan kembali dengan alasannya; perbaiki lalu kirim lagi."]
    for i, line in enumerate(lines):
        help_ws.write_string(i, 0, line, book.title if i == 0 else book.subtitle)
    help_ws.set_column(0, 0, 120)
    book.close()
    return book.output.target

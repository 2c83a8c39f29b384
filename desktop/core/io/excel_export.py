"""Excel files for the regency: the registry (persons, families, PSKS), the recap desa x 26 PPKS,
and blank templates for desa operators. IDs are text cells ('@'), headers are styled, frozen and
filterable, and no cell is ever written so that Excel could run it as a formula."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from desktop.core.db.engine import Database
from desktop.core.db.models import (
    Community,
    Education,
    Family,
    MaritalStatus,
    Person,
    PpksCategory,
    PpksRecord,
    PsksCoverage,
    PsksEntry,
    PsksMember,
    PsksType,
    Region,
    Relationship,
    Religion,
)
from desktop.core.domain.enums import PpksStatus
from desktop.core.errors import SimpulError
from desktop.core.progress import NULL_PROGRESS, Progress, check_cancelled
from desktop.core.services.office import get_office

FORMULA_START = ("=", "+", "-", "@")
KINDS = ("persons", "families", "psks", "recap", "template")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int


class _Book:
    """An xlsxwriter workbook with Simpul's formats and the rule that text is always text."""

    def __init__(self, path: Path, constant_memory: bool = True) -> None:
        import xlsxwriter

        path.parent.mkdir(parents=True, exist_ok=True)
        self.wb = xlsxwriter.Workbook(str(path), {
            "constant_memory": constant_memory, "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False, "default_date_format": "dd-mm-yyyy"})
        add = self.wb.add_format
        self.title = add({"bold": True, "font_size": 13})
        self.subtitle = add({"font_size": 10})
        self.head = add({"bold": True, "bg_color": "#1F6F5C", "font_color": "#FFFFFF", "border": 1,
                         "text_wrap": True, "valign": "vcenter", "align": "center"})
        self.text = add({"num_format": "@"})
        self.text_guarded = add({"num_format": "@", "quote_prefix": True})
        self.date = add({"num_format": "dd-mm-yyyy", "align": "left"})
        self.number = add({"num_format": "#,##0"})
        self.total = add({"bold": True, "num_format": "#,##0", "top": 1})
        self.total_label = add({"bold": True, "top": 1})

    def cell(self, ws, r: int, c: int, value: object) -> None:
        if value is None or value == "":
            return
        if isinstance(value, bool):
            ws.write_string(r, c, "Ya" if value else "Tidak", self.text)
        elif isinstance(value, (int, float)):
            ws.write_number(r, c, value, self.number)
        elif isinstance(value, dt.datetime):
            ws.write_datetime(r, c, value, self.date)
        elif isinstance(value, dt.date):
            ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), self.date)
        else:
            s = str(value)
            # A leading = + - @ stays text even if someone edits the cell later (quote prefix).
            ws.write_string(r, c, s, self.text_guarded if s.startswith(FORMULA_START) else self.text)

    def heading(self, ws, lines: Sequence[str]) -> int:
        for i, line in enumerate(lines):
            ws.write_string(i, 0, line, self.title if i == 0 else self.subtitle)
        return len(lines) + 1

    def table_header(self, ws, row: int, headers: Sequence[str], widths: Sequence[int]) -> None:
        for c, (h, w) in enumerate(zip(headers, widths, strict=True)):
            ws.write_string(row, c, h, self.head)
            ws.set_column(c, c, w, self.text if w else None)
        ws.set_row(row, 30)
        ws.freeze_panes(row + 1, 0)
        self.print_setup(ws, row, row)

    def print_setup(self, ws, first_header: int, last_header: int) -> None:
        """Printable as the office prints: A4 landscape, one page wide, headers on every page."""
        ws.set_landscape()
        ws.set_paper(9)
        ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(first_header, last_header)
        ws.set_footer("&L&8Simpul&R&8Halaman &P dari &N")

    def close(self) -> None:
        self.wb.close()


def _office_lines(s: Session, title: str, desa: str | None) -> list[str]:
    office = get_office(s)
    if office is None:
        raise SimpulError("db.not_initialised")
    where = f"DESA/KELURAHAN {desa.upper()} - " if desa else ""
    return [title, f"{where}{office.letterhead_office} - {office.letterhead_government.removeprefix('PEMERINTAH ')}",
            f"{office.office_name}; keadaan per {format_date(dt.date.today(), 'd MMMM y', locale='id')}"]


def _desa_filter(s: Session, desa: str | None) -> tuple[str | None, str | None]:
    """A desa given by code or name -> (code, name); None for the whole kecamatan."""
    if not desa:
        return None, None
    office = get_office(s)
    for r in s.scalars(select(Region).where(Region.parent_code == office.kecamatan_code)):
        if desa in (r.code, r.code.replace(".", "")) or desa.strip().upper() == r.name.upper():
            return r.code, r.name
    raise SimpulError("region.not_in_kecamatan", code=desa)


def _names(s: Session, model) -> dict[int, str]:
    return dict(s.execute(select(model.code, model.name)).all())


# ---- persons ----------------------------------------------------------------------------------

PERSON_HEADERS = ["NO", "NIK", "NO KK", "NAMA", "JENIS KELAMIN", "TEMPAT LAHIR", "TANGGAL LAHIR",
                  "HUBUNGAN KELUARGA", "AGAMA", "STATUS KAWIN", "PENDIDIKAN", "PEKERJAAN", "DISABILITAS", "NO HP",
                  "ALAMAT", "DUSUN", "RT", "RW", "DESA/KELURAHAN", "DESIL", "KATEGORI PPKS", "STATUS HIDUP",
                  "KETERANGAN"]
PERSON_WIDTHS = [6, 19, 19, 28, 9, 16, 12, 16, 10, 12, 18, 20, 14, 15, 30, 12, 6, 6, 18, 7, 18, 10, 24]


def export_persons(db: Database, path: Path, desa: str | None = None,
                   progress: Progress = NULL_PROGRESS) -> ExportResult:
    path = Path(path)
    with db.read() as s:
        desa_code, desa_name = _desa_filter(s, desa)
        lines = _office_lines(s, "DATA PENDUDUK DAN PPKS", desa_name)
        rel, rlg, mar, edu = (_names(s, m) for m in (Relationship, Religion, MaritalStatus, Education))
        ppks: dict[int, list[str]] = defaultdict(list)
        for pid, code in s.execute(select(PpksRecord.person_id, PpksCategory.code).join(PpksCategory)
                                   .where(PpksRecord.person_id.is_not(None)).order_by(PpksCategory.no)):
            ppks[pid].append(code)
        region = aliased(Region)
        p = Person
        # Plain columns, not ORM objects: a regency-sized export is 100,000 rows.
        stmt = (select(p.id, p.nik, Family.no_kk, p.name, p.sex, p.birth_place, p.birth_date, p.relationship_code,
                       p.religion_code, p.marital_status_code, p.education_code, p.occupation, p.disability,
                       p.phone, p.address, p.dusun, p.rt, p.rw, region.name, Family.desil, p.life_status, p.notes)
                .outerjoin(Family, Family.id == p.family_id)
                .outerjoin(region, region.code == p.desa_code)
                .order_by(p.desa_code, Family.no_kk, p.relationship_code, p.id))
        if desa_code:
            stmt = stmt.where(p.desa_code == desa_code)
        total = s.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        progress.start(total, "Menulis penduduk")
        book = _Book(path)
        ws = book.wb.add_worksheet("Penduduk")
        first = book.heading(ws, lines)
        book.table_header(ws, first, PERSON_HEADERS, PERSON_WIDTHS)
        r = first
        cell = book.cell
        for i, row in enumerate(s.execute(stmt.execution_options(yield_per=5000)), 1):
            r += 1
            (pid, nik, no_kk, name, sex, place, birth, rel_c, rlg_c, mar_c, edu_c, occupation, disability, phone,
             address, dusun, rt, rw, desa_label, desil, life, notes) = row
            values = (i, nik, no_kk, name, sex.value, place, birth, rel.get(rel_c), rlg.get(rlg_c), mar.get(mar_c),
                      edu.get(edu_c), occupation, disability.value if disability else None, phone, address, dusun,
                      rt, rw, desa_label, desil, "; ".join(ppks.get(pid, ())), life.value, notes)
            for c, v in enumerate(values):
                cell(ws, r, c, v)
            if i % 5000 == 0:
                check_cancelled(progress)
                progress.advance(5000)
        ws.autofilter(first, 0, max(r, first), len(PERSON_HEADERS) - 1)
        book.close()
    return ExportResult(path, r - first)


# ---- families ---------------------------------------------------------------------------------

FAMILY_HEADERS = ["NO", "NO KK", "NAMA KEPALA KELUARGA", "NIK KEPALA KELUARGA", "ALAMAT", "DUSUN", "RT", "RW",
                  "DESA/KELURAHAN", "JUMLAH ANGGOTA", "DESIL", "DESIL PER TANGGAL", "SUMBER DESIL",
                  "KATEGORI PPKS KELUARGA"]
FAMILY_WIDTHS = [6, 19, 28, 19, 30, 12, 6, 6, 18, 10, 7, 12, 22, 18]


def export_families(db: Database, path: Path, desa: str | None = None,
                    progress: Progress = NULL_PROGRESS) -> ExportResult:
    path = Path(path)
    with db.read() as s:
        desa_code, desa_name = _desa_filter(s, desa)
        lines = _office_lines(s, "DATA KELUARGA", desa_name)
        heads = {fid: (name, nik) for fid, name, nik in s.execute(
            select(Person.family_id, Person.name, Person.nik).where(Person.relationship_code == 1))}
        sizes = dict(s.execute(select(Person.family_id, func.count()).group_by(Person.family_id)).all())
        ppks: dict[int, list[str]] = defaultdict(list)
        for fid, code in s.execute(select(PpksRecord.family_id, PpksCategory.code).join(PpksCategory)
                                   .where(PpksRecord.family_id.is_not(None)).order_by(PpksCategory.no)):
            ppks[fid].append(code)
        region = aliased(Region)
        stmt = (select(Family, region.name).outerjoin(region, region.code == Family.desa_code)
                .order_by(Family.desa_code, Family.no_kk))
        if desa_code:
            stmt = stmt.where(Family.desa_code == desa_code)
        book = _Book(path)
        ws = book.wb.add_worksheet("Keluarga")
        first = book.heading(ws, lines)
        book.table_header(ws, first, FAMILY_HEADERS, FAMILY_WIDTHS)
        r = first
        for i, (f, desa_label) in enumerate(s.execute(stmt), 1):
            r += 1
            head = heads.get(f.id, (None, None))
            for c, v in enumerate([i, f.no_kk, head[0], head[1], f.address, f.dusun, f.rt, f.rw, desa_label,
                                   sizes.get(f.id, 0), f.desil, f.desil_as_of, f.desil_source,
                                   "; ".join(ppks.get(f.id, ()))]):
                book.cell(ws, r, c, v)
        ws.autofilter(first, 0, max(r, first), len(FAMILY_HEADERS) - 1)
        book.close()
    return ExportResult(path, r - first)


# ---- PSKS -------------------------------------------------------------------------------------

PSKS_HEADERS = ["NO", "JENIS PSKS", "NAMA", "NIK / NO KK", "KETUA", "NOMOR SK", "TANGGAL SK", "MASA BAKTI MULAI",
                "MASA BAKTI SELESAI", "ALAMAT", "DESA/KELURAHAN", "WILAYAH LAYANAN", "JUMLAH ANGGOTA", "AKTIF",
                "NO HP"]
PSKS_WIDTHS = [6, 26, 32, 19, 24, 24, 12, 12, 12, 28, 18, 30, 9, 7, 15]


def export_psks(db: Database, path: Path, desa: str | None = None,
                progress: Progress = NULL_PROGRESS) -> ExportResult:
    path = Path(path)
    with db.read() as s:
        desa_code, desa_name = _desa_filter(s, desa)
        lines = _office_lines(s, "DATA POTENSI DAN SUMBER KESEJAHTERAAN SOSIAL (PSKS)", desa_name)
        regions = dict(s.execute(select(Region.code, Region.name)).all())
        cover: dict[int, list[str]] = defaultdict(list)
        for pid, code in s.execute(select(PsksCoverage.psks_id, PsksCoverage.desa_code).order_by(PsksCoverage.desa_code)):
            cover[pid].append(code)
        members = dict(s.execute(select(PsksMember.psks_id, func.count()).group_by(PsksMember.psks_id)).all())
        person, family = aliased(Person), aliased(Family)
        stmt = (select(PsksEntry, PsksType.name, person.name, person.nik, family.no_kk)
                .join(PsksType).outerjoin(person, person.id == PsksEntry.person_id)
                .outerjoin(family, family.id == PsksEntry.family_id).order_by(PsksType.no, PsksEntry.id))
        book = _Book(path)
        ws = book.wb.add_worksheet("PSKS")
        first = book.heading(ws, lines)
        book.table_header(ws, first, PSKS_HEADERS, PSKS_WIDTHS)
        r, i = first, 0
        heads = {fid: n for fid, n in s.execute(select(Person.family_id, Person.name).where(Person.relationship_code == 1))}
        for e, type_name, pname, pnik, kk in s.execute(stmt):
            if desa_code and e.desa_code != desa_code and desa_code not in cover.get(e.id, ()):
                continue
            i += 1
            r += 1
            name = pname or e.org_name or (f"Keluarga {heads.get(e.family_id)}" if e.family_id else None)
            for c, v in enumerate([i, type_name, name, pnik or kk, e.chair_name, e.sk_number, e.sk_date, e.term_start,
                                   e.term_end, e.address, regions.get(e.desa_code or ""),
                                   ", ".join(regions.get(c, c) for c in cover.get(e.id, ())),
                                   members.get(e.id, 0), e.active, e.phone]):
                book.cell(ws, r, c, v)
        ws.autofilter(first, 0, max(r, first), len(PSKS_HEADERS) - 1)
        book.close()
    return ExportResult(path, r - first)


# ---- recap desa x 26 PPKS ---------------------------------------------------------------------

def export_recap(db: Database, path: Path, desa: str | None = None,
                 progress: Progress = NULL_PROGRESS) -> ExportResult:
    """Active PPKS per desa and category (regulation order 1-26), men and women apart; family
    categories count families by the sex of their head; communities (KAT) count as units. A second
    sheet counts PSKS per desa and type."""
    path = Path(path)
    with db.read() as s:
        desa_code, desa_name = _desa_filter(s, desa)
        office = get_office(s)
        desa_rows = [(r.code, r.name) for r in s.scalars(
            select(Region).where(Region.parent_code == office.kecamatan_code).order_by(Region.code))
            if not desa_code or r.code == desa_code]
        cats = list(s.scalars(select(PpksCategory).order_by(PpksCategory.no)))
        counts: dict[tuple[str, int, str], int] = defaultdict(int)
        active = PpksRecord.status == PpksStatus.AKTIF
        for d, no, sex, n in s.execute(select(Person.desa_code, PpksRecord.category_no, Person.sex, func.count())
                                       .join(Person, Person.id == PpksRecord.person_id).where(active)
                                       .group_by(Person.desa_code, PpksRecord.category_no, Person.sex)):
            counts[(d, no, sex.value)] += n
        head = aliased(Person)
        for d, no, sex, n in s.execute(select(Family.desa_code, PpksRecord.category_no, head.sex, func.count())
                                       .join(Family, Family.id == PpksRecord.family_id)
                                       .outerjoin(head, (head.family_id == Family.id) & (head.relationship_code == 1))
                                       .where(active).group_by(Family.desa_code, PpksRecord.category_no, head.sex)):
            counts[(d, no, sex.value if sex else "L")] += n
        for d, no, n in s.execute(select(Community.desa_code, PpksRecord.category_no, func.count())
                                  .join(Community, Community.id == PpksRecord.community_id).where(active)
                                  .group_by(Community.desa_code, PpksRecord.category_no)):
            counts[(d, no, "unit")] += n
        psks_types = list(s.scalars(select(PsksType).order_by(PsksType.no)))
        psks_counts = dict(((d, t), n) for d, t, n in s.execute(
            select(PsksEntry.desa_code, PsksEntry.type_no, func.count()).where(PsksEntry.active.is_(True))
            .group_by(PsksEntry.desa_code, PsksEntry.type_no)))
        lines = _office_lines(s, "REKAPITULASI PEMERLU PELAYANAN KESEJAHTERAAN SOSIAL (PPKS)", desa_name)

    book = _Book(path, constant_memory=False)
    ws = book.wb.add_worksheet("Rekap PPKS")
    first = book.heading(ws, lines)
    ws.merge_range(first, 0, first + 1, 0, "NO", book.head)
    ws.merge_range(first, 1, first + 1, 1, "DESA/KELURAHAN", book.head)
    col = 2
    for c in cats:
        ws.merge_range(first, col, first, col + 1, f"{c.no}. {c.code}", book.head)
        ws.write_comment(first, col, c.name)
        ws.write_string(first + 1, col, "L", book.head)
        ws.write_string(first + 1, col + 1, "P", book.head)
        col += 2
    for j, label in enumerate(("JUMLAH L", "JUMLAH P", "TOTAL")):
        ws.merge_range(first, col + j, first + 1, col + j, label, book.head)
    ws.set_column(0, 0, 5)
    ws.set_column(1, 1, 20)
    ws.set_column(2, col + 2, 5.5)
    ws.set_column(col, col + 2, 9)
    r = first + 1
    grand = defaultdict(int)
    for i, (code, name) in enumerate(desa_rows, 1):
        r += 1
        ws.write_number(r, 0, i)
        book.cell(ws, r, 1, name)
        col, tl, tp, units = 2, 0, 0, 0
        for c in cats:
            men, women = counts[(code, c.no, "L")], counts[(code, c.no, "P")]
            units += counts[(code, c.no, "unit")]
            men += counts[(code, c.no, "unit")]  # a community has no sex; shown under L, noted below
            ws.write_number(r, col, men, book.number)
            ws.write_number(r, col + 1, women, book.number)
            grand[col] += men
            grand[col + 1] += women
            tl, tp, col = tl + men, tp + women, col + 2
        for j, v in enumerate((tl, tp, tl + tp)):
            ws.write_number(r, col + j, v, book.number)
            grand[col + j] += v
    r += 1
    ws.write_string(r, 1, "JUMLAH", book.total_label)
    ws.write_string(r, 0, "", book.total_label)
    for c in range(2, col + 3):
        ws.write_number(r, c, grand[c], book.total)
    ws.freeze_panes(first + 2, 2)
    book.print_setup(ws, first, first + 1)
    ws.set_paper(14)  # F4/Folio 215 x 330 mm: 57 columns need the longer sheet
    notes = ["Catatan: hanya PPKS berstatus aktif. Kategori keluarga (FM, KBSP) dihitung per keluarga menurut "
             "jenis kelamin kepala keluarga; komunitas (KM, KAT) dihitung per komunitas di kolom L.",
             "Kategori: " + "; ".join(f"{c.no}. {c.code} = {c.name}" for c in cats)]
    wrap = book.wb.add_format({"text_wrap": True, "valign": "top", "font_size": 9})
    for k, (note, height) in enumerate(zip(notes, (28, 60), strict=True)):
        ws.merge_range(r + 2 + k, 1, r + 2 + k, col + 2, note, wrap)
        ws.set_row(r + 2 + k, height)
    ws.print_area(0, 0, r + 2 + len(notes), col + 2)

    ws2 = book.wb.add_worksheet("Rekap PSKS")
    first2 = book.heading(ws2, [lines[0].replace("PEMERLU PELAYANAN", "POTENSI DAN SUMBER").replace("(PPKS)", "(PSKS)"),
                               *lines[1:]])
    headers = ["NO", "DESA/KELURAHAN", *[f"{t.no}. {t.code}" for t in psks_types], "TOTAL"]
    book.table_header(ws2, first2, headers, [5, 20, *[8] * len(psks_types), 8])
    r2 = first2
    totals = defaultdict(int)
    for i, (code, name) in enumerate(desa_rows, 1):
        r2 += 1
        ws2.write_number(r2, 0, i)
        book.cell(ws2, r2, 1, name)
        row_total = 0
        for j, tpe in enumerate(psks_types):
            n = psks_counts.get((code, tpe.no), 0)
            ws2.write_number(r2, 2 + j, n, book.number)
            totals[j] += n
            row_total += n
        ws2.write_number(r2, 2 + len(psks_types), row_total, book.number)
        totals["all"] += row_total
    r2 += 1
    ws2.write_string(r2, 1, "JUMLAH", book.total_label)
    for j in range(len(psks_types)):
        ws2.write_number(r2, 2 + j, totals[j], book.total)
    ws2.write_number(r2, 2 + len(psks_types), totals["all"], book.total)
    book.close()
    return ExportResult(path, len(desa_rows))


# ---- blank template ---------------------------------------------------------------------------

TEMPLATE_HEADERS = ["NO", "NIK", "NO KK", "NAMA", "JENIS KELAMIN", "TEMPAT LAHIR", "TANGGAL LAHIR",
                    "HUBUNGAN KELUARGA", "ALAMAT", "DUSUN", "RT", "RW", "DESA/KELURAHAN", "KATEGORI PPKS",
                    "KETERANGAN"]


def export_template(db: Database, path: Path, desa: str | None = None, rows: int = 500,
                    progress: Progress = NULL_PROGRESS) -> ExportResult:
    """A form for desa operators: text ID columns, drop-down lists for sex, relationship, desa and
    PPKS category, a date column that only takes dates. Simpul imports it as it comes back."""
    path = Path(path)
    with db.read() as s:
        desa_code, desa_name = _desa_filter(s, desa)
        office = get_office(s)
        desa_names = [r.name for r in s.scalars(select(Region).where(Region.parent_code == office.kecamatan_code)
                                                .order_by(Region.code))]
        cats = [f"{c.code} - {c.name}" for c in s.scalars(select(PpksCategory).order_by(PpksCategory.no))]
        rels = [n for _, n in s.execute(select(Relationship.code, Relationship.name).order_by(Relationship.code))]
        lines = _office_lines(s, "FORMULIR PENDATAAN PPKS", desa_name)
    book = _Book(path, constant_memory=False)
    ws = book.wb.add_worksheet("Isian")
    lists = book.wb.add_worksheet("Daftar")
    for c, values in enumerate((desa_names, cats, rels)):
        for r, v in enumerate(values):
            lists.write_string(r, c, v)
    lists.hide()
    first = book.heading(ws, [*lines, "Isi mulai baris di bawah judul kolom. NIK dan No. KK diketik sebagai teks "
                              "(16 digit); tanggal lahir HH-BB-TTTT."])
    book.table_header(ws, first, TEMPLATE_HEADERS, [6, 19, 19, 28, 12, 16, 13, 18, 30, 12, 6, 6, 20, 34, 24])
    last = first + rows
    text_id = {"validate": "length", "criteria": "==", "value": 16, "error_title": "NIK/No. KK",
               "error_message": "Harus 16 digit, diketik sebagai teks."}
    ws.data_validation(first + 1, 1, last, 2, text_id)
    ws.data_validation(first + 1, 4, last, 4, {"validate": "list", "source": ["L", "P"]})
    ws.data_validation(first + 1, 6, last, 6, {
        "validate": "date", "criteria": "between", "minimum": dt.date(1900, 1, 1), "maximum": dt.date(2100, 12, 31),
        "error_message": "Tulis tanggal, misalnya 15-05-1985."})
    ws.data_validation(first + 1, 7, last, 7, {"validate": "list", "source": f"=Daftar!$C$1:$C${len(rels)}"})
    ws.data_validation(first + 1, 12, last, 12, {"validate": "list", "source": f"=Daftar!$A$1:$A${len(desa_names)}"})
    ws.data_validation(first + 1, 13, last, 13, {"validate": "list", "source": f"=Daftar!$B$1:$B${len(cats)}"})
    for r in range(first + 1, last + 1):
        ws.write_number(r, 0, r - first)
        ws.write_blank(r, 6, None, book.date)
    book.close()
    return ExportResult(path, rows)


EXPORTERS = {"persons": export_persons, "families": export_families, "psks": export_psks,
             "recap": export_recap, "template": export_template}


def export(db: Database, kind: str, path: Path, desa: str | None = None,
           progress: Progress = NULL_PROGRESS) -> ExportResult:
    from desktop.core.db.audit import log_disclosure
    from desktop.core.domain.enums import AuditAction

    result = EXPORTERS[kind](db, Path(path), desa, progress=progress)
    if kind in ("persons", "families", "psks"):  # recap and template hold no personal data
        log_disclosure(db, AuditAction.EXPORT, kind, desa or "kecamatan",
                       {"dokumen": kind, "berkas": result.path.name, "nik": "lengkap", "baris": result.rows})
    return result


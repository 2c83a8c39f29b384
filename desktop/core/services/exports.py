"""The Excel exports for the regency: the registry (persons, families, PSKS), the recap desa x 26
PPKS and the blank form for desa operators. Each gathers plain rows here, lets
desktop.core.io.excel_export draw the workbook, and records an export of personal data in the
audit log (the recap and the form hold none). Also: a printed paper saved straight to a file."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from desktop.core.access import Right
from desktop.core.db.audit import log_disclosure
from desktop.core.db.engine import Database
from desktop.core.db.models import (
    Community,
    Education,
    Family,
    MaritalStatus,
    OfficeProfile,
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
from desktop.core.domain.enums import AuditAction, PpksStatus
from desktop.core.errors import SimpulError
from desktop.core.io import excel_export as xl
from desktop.core.io.dates import long_date
from desktop.core.progress import NULL_PROGRESS, Progress
from desktop.core.services import privacy
from desktop.core.services.office import get_office

KINDS = ("persons", "families", "psks", "recap", "template")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int


def _office(session: Session) -> OfficeProfile:
    office = get_office(session)
    if office is None:
        raise SimpulError("db.not_initialised")
    return office


def office_lines(session: Session, title: str, desa: str | None = None) -> list[str]:
    """The heading of an exported sheet: title, the office (and desa), the office's name and date."""
    office = _office(session)
    where = f"DESA/KELURAHAN {desa.upper()} - " if desa else ""
    return [title, f"{where}{office.letterhead_office} - {office.letterhead_government.removeprefix('PEMERINTAH ')}",
            f"{office.office_name}; keadaan per {long_date(dt.date.today())}"]


def _desa_filter(s: Session, desa: str | None) -> tuple[str | None, str | None]:
    """A desa given by code or name -> (code, name); None for the whole kecamatan."""
    if not desa:
        return None, None
    office = _office(s)
    for r in s.scalars(select(Region).where(Region.parent_code == office.kecamatan_code)):
        if desa in (r.code, r.code.replace(".", "")) or desa.strip().upper() == r.name.upper():
            return r.code, r.name
    raise SimpulError("region.not_in_kecamatan", code=desa)


@dataclass(frozen=True)
class Disclosure:
    """Why personal data leaves the registry, and whether NIKs go whole (the right decides)."""

    purpose: str
    full_nik: bool = False

    def nik(self, value: str | None) -> str | None:
        return value if self.full_nik else privacy.masked(value)


def disclosure(s: Session, purpose: str | None, full_nik: bool) -> Disclosure:
    """Asked before anything is read: a purpose, and the right to full NIKs when they are wanted."""
    privacy.actor(s).require(Right.EXPORT)
    return Disclosure(privacy.clean_purpose(purpose), privacy.full_nik_allowed(s, full_nik))


def _disclosed(db: Database, kind: str, path: Path, rows: int, desa: str | None, how: Disclosure) -> ExportResult:
    """The export of personal data in the audit log: which file, how many rows, why, NIKs whole or not."""
    log_disclosure(db, AuditAction.EXPORT, kind, desa or "kecamatan",
                   {"dokumen": kind, "berkas": path.name, "nik": "lengkap" if how.full_nik else "disamarkan",
                    "baris": rows, "tujuan": how.purpose})
    return ExportResult(path, rows)


def _table(db: Database, kind: str, title: str, layout, rows_of, path: Path, desa: str | None,
           progress: Progress, purpose: str | None, full_nik: bool) -> ExportResult:
    """One registry table to a workbook: the office's heading, the rows `rows_of(session, desa_code,
    disclosure)` gives, and the disclosure in the audit log."""
    path = Path(path)
    with db.read() as s:
        how = disclosure(s, purpose, full_nik)
        desa_code, desa_name = _desa_filter(s, desa)
        rows = xl.write_table(path, layout, office_lines(s, title, desa_name), rows_of(s, desa_code, how), progress)
    return _disclosed(db, kind, path, rows, desa, how)


def _kecamatan(s: Session) -> str:
    """The kecamatan's name, on every row of a registry export: a regency merges its kecamatan files."""
    office = _office(s)
    region = s.get(Region, office.kecamatan_code)
    return region.name if region else office.kecamatan_code


def _names(s: Session, model) -> dict[int, str]:
    return dict(s.execute(select(model.code, model.name)).all())


def _codes(s: Session, owner) -> dict[int, list[str]]:
    """PPKS category codes per person or family (`owner` is the PpksRecord column), regulation order."""
    out: dict[int, list[str]] = defaultdict(list)
    for owner_id, code in s.execute(select(owner, PpksCategory.code).join(PpksCategory)
                                    .where(owner.is_not(None), privacy.shown_records(s)).order_by(PpksCategory.no)):
        out[owner_id].append(code)
    return out


# ---- persons ----------------------------------------------------------------------------------

def export_persons(db: Database, path: Path, desa: str | None = None, progress: Progress = NULL_PROGRESS, *,
                   purpose: str | None = None, full_nik: bool = False) -> ExportResult:
    path = Path(path)
    with db.read() as s:
        how = disclosure(s, purpose, full_nik)
        desa_code, desa_name = _desa_filter(s, desa)
        lines = office_lines(s, "DATA PENDUDUK DAN PPKS", desa_name)
        region, p = aliased(Region), Person
        # Plain columns, not ORM objects: a regency-sized export is 100,000 rows.
        stmt = (select(p.id, p.nik, Family.no_kk, p.name, p.sex, p.birth_place, p.birth_date, p.relationship_code,
                       p.religion_code, p.marital_status_code, p.education_code, p.occupation, p.disability,
                       p.phone, p.address, p.dusun, p.rt, p.rw, region.name, p.desa_code, Family.desil,
                       p.life_status, p.notes)
                .outerjoin(Family, Family.id == p.family_id)
                .outerjoin(region, region.code == p.desa_code)
                .order_by(p.desa_code, Family.no_kk, p.relationship_code, p.id))
        if desa_code:
            stmt = stmt.where(p.desa_code == desa_code)
        progress.start(s.scalar(select(func.count()).select_from(stmt.subquery())) or 0, "Menulis penduduk")
        rows = xl.write_table(path, xl.PERSONS, lines, _person_rows(s, stmt, how), progress)
    return _disclosed(db, "persons", path, rows, desa, how)


def _person_rows(s: Session, stmt, how: Disclosure) -> Iterator[tuple]:
    rel, rlg, mar, edu = (_names(s, m) for m in (Relationship, Religion, MaritalStatus, Education))
    ppks = _codes(s, PpksRecord.person_id)
    kecamatan = _kecamatan(s)
    for i, row in enumerate(s.execute(stmt.execution_options(yield_per=5000)), 1):
        (pid, nik, no_kk, name, sex, place, birth, rel_c, rlg_c, mar_c, edu_c, occupation, disability, phone,
         address, dusun, rt, rw, desa_label, desa_code, desil, life, notes) = row
        yield (i, how.nik(nik), how.nik(no_kk), name, sex.value, place, birth, rel.get(rel_c), rlg.get(rlg_c), mar.get(mar_c),
               edu.get(edu_c), occupation, disability.value if disability else None, phone, address, dusun,
               rt, rw, desa_label, desa_code, kecamatan, desil, "; ".join(ppks.get(pid, ())), life.value, notes)


# ---- families ---------------------------------------------------------------------------------

def export_families(db: Database, path: Path, desa: str | None = None, progress: Progress = NULL_PROGRESS, *,
                    purpose: str | None = None, full_nik: bool = False) -> ExportResult:
    return _table(db, "families", "DATA KELUARGA", xl.FAMILIES, _family_rows, path, desa, progress, purpose, full_nik)


def _family_rows(s: Session, desa_code: str | None, how: Disclosure) -> Iterator[tuple]:
    heads = {fid: (name, nik) for fid, name, nik in s.execute(
        select(Person.family_id, Person.name, Person.nik).where(Person.relationship_code == 1))}
    sizes = dict(s.execute(select(Person.family_id, func.count()).group_by(Person.family_id)).all())
    ppks = _codes(s, PpksRecord.family_id)
    kecamatan = _kecamatan(s)
    region = aliased(Region)
    stmt = (select(Family, region.name).outerjoin(region, region.code == Family.desa_code)
            .order_by(Family.desa_code, Family.no_kk))
    if desa_code:
        stmt = stmt.where(Family.desa_code == desa_code)
    for i, (f, desa_label) in enumerate(s.execute(stmt), 1):
        head = heads.get(f.id, (None, None))
        yield (i, how.nik(f.no_kk), head[0], how.nik(head[1]), f.address, f.dusun, f.rt, f.rw, desa_label, f.desa_code, kecamatan,
               sizes.get(f.id, 0), f.desil, f.desil_as_of, f.desil_source, "; ".join(ppks.get(f.id, ())))


# ---- PSKS -------------------------------------------------------------------------------------

def export_psks(db: Database, path: Path, desa: str | None = None, progress: Progress = NULL_PROGRESS, *,
                purpose: str | None = None, full_nik: bool = False) -> ExportResult:
    return _table(db, "psks", "DATA POTENSI DAN SUMBER KESEJAHTERAAN SOSIAL (PSKS)", xl.PSKS, _psks_rows, path,
                  desa, progress, purpose, full_nik)


def _psks_rows(s: Session, desa_code: str | None, how: Disclosure) -> Iterator[tuple]:
    """Every PSKS of the kecamatan, or those seated in or serving the desa. One held by a person or
    a family without a place of its own (a Keluarga Pioner) is shown at its holder's."""
    regions = _names(s, Region)
    kecamatan = _kecamatan(s)
    cover: dict[int, list[str]] = defaultdict(list)
    for pid, code in s.execute(select(PsksCoverage.psks_id, PsksCoverage.desa_code).order_by(PsksCoverage.desa_code)):
        cover[pid].append(code)
    members = dict(s.execute(select(PsksMember.psks_id, func.count()).group_by(PsksMember.psks_id)).all())
    heads = dict(s.execute(select(Person.family_id, Person.name).where(Person.relationship_code == 1)).all())
    person, family = aliased(Person), aliased(Family)
    holder = [func.coalesce(person.desa_code, family.desa_code), func.coalesce(person.address, family.address),
              func.coalesce(person.rt, family.rt), func.coalesce(person.rw, family.rw)]
    stmt = _with_holders(select(PsksEntry, PsksType.name, person.name, person.nik, family.no_kk, *holder)
                         .join(PsksType), person, family).order_by(PsksType.no, PsksEntry.id)
    i = 0
    for e, type_name, pname, pnik, kk, h_desa, h_address, h_rt, h_rw in s.execute(stmt):
        seat = e.desa_code or h_desa
        if desa_code and seat != desa_code and desa_code not in cover.get(e.id, ()):
            continue
        i += 1
        name = pname or e.org_name or (f"Keluarga {heads.get(e.family_id)}" if e.family_id else None)
        # The holder's home stands in for an address the entry lacks, unless it lies in another desa.
        at_home = not (e.address or e.rt or e.rw) and seat == h_desa
        address = _address(h_address, h_rt, h_rw) if at_home else _address(e.address, e.rt, e.rw)
        yield (i, type_name, name, how.nik(pnik or kk), e.chair_name, e.sk_number, e.sk_date, e.term_start, e.term_end,
               address, regions.get(seat or ""), seat, kecamatan,
               ", ".join(regions.get(c, c) for c in cover.get(e.id, ())), members.get(e.id, 0), e.active, e.phone)


def _with_holders(stmt, person, family):
    """A PSKS query joined to its person or family holder (both outer: an organisation has neither)."""
    return (stmt.outerjoin(person, person.id == PsksEntry.person_id)
            .outerjoin(family, family.id == PsksEntry.family_id))


def _psks_seat(person, family):
    """Where a PSKS counts: its own desa, else its holder's (a Keluarga Pioner records none of its own)."""
    return func.coalesce(PsksEntry.desa_code, person.desa_code, family.desa_code)


def _address(address: str | None, rt: str | None, rw: str | None) -> str | None:
    rt_rw = f"RT {rt or '-'}/RW {rw or '-'}" if rt or rw else None
    return ", ".join(x for x in (address, rt_rw) if x) or None


# ---- recap desa x 26 PPKS ---------------------------------------------------------------------

def export_recap(db: Database, path: Path, desa: str | None = None,
                 progress: Progress = NULL_PROGRESS) -> ExportResult:
    """Active PPKS per desa and category (regulation order 1-26), men and women apart; family
    categories count families by the sex of their head; communities (KAT) count as units, shown
    under L. A second sheet counts active PSKS per desa and type. Counts only: no audit entry."""
    path = Path(path)
    with db.read() as s:
        data = recap_data(s, desa)
    return ExportResult(path, xl.write_recap(path, data))


def recap_data(s: Session, desa: str | None = None) -> xl.RecapData:
    desa_code, desa_name = _desa_filter(s, desa)
    lines = office_lines(s, "REKAPITULASI PEMERLU PELAYANAN KESEJAHTERAAN SOSIAL (PPKS)", desa_name)
    office = _office(s)
    desa_rows = [(r.code, r.name) for r in s.scalars(
        select(Region).where(Region.parent_code == office.kecamatan_code).order_by(Region.code))
        if not desa_code or r.code == desa_code]
    hidden = privacy.hidden_nos(s)  # a role without "data sensitif": those columns left out, folded below
    all_cats = list(s.scalars(select(PpksCategory).order_by(PpksCategory.no)))
    cats = [(c.no, c.code, c.name) for c in all_cats if c.no not in hidden]
    counts: dict[tuple[str, int, str], int] = defaultdict(int)
    active = PpksRecord.status == PpksStatus.ACTIVE
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
        counts[(d, no, "L")] += n  # a community has no sex: counted under L, as the sheet's note says
    types = [(t.no, t.code) for t in s.scalars(select(PsksType).order_by(PsksType.no))]
    person, family = aliased(Person), aliased(Family)
    seat = _psks_seat(person, family)
    psks = dict(((d, t), n) for d, t, n in s.execute(
        _with_holders(select(seat, PsksEntry.type_no, func.count()), person, family)
        .where(PsksEntry.active.is_(True)).group_by(seat, PsksEntry.type_no)))
    psks_lines = ["REKAPITULASI POTENSI DAN SUMBER KESEJAHTERAAN SOSIAL (PSKS)", *lines[1:]]
    desa_list = [xl.RecapDesa(name, [(counts[(code, no, "L")], counts[(code, no, "P")]) for no, _, _ in cats],
                              [psks.get((code, no), 0) for no, _ in types])
                 for code, name in desa_rows]
    note = None
    if hidden:
        shown_desa = {code for code, _name in desa_rows}
        n = sum(v for (d, no, _sex), v in counts.items() if no in hidden and d in shown_desa)
        note = (f"Tanpa {len(hidden)} kategori sensitif ({', '.join(c.code for c in all_cats if c.no in hidden)}): "
                f"peran pembuat rekap ini tidak berhak melihatnya. Jumlah aktifnya digabung: {privacy.folded(n)}. "
                "Rekap lengkap dibuat oleh Camat/Kasi.")
    return xl.RecapData(lines, psks_lines, cats, types, desa_list, note)


# ---- blank template ---------------------------------------------------------------------------

def export_template(db: Database, path: Path, desa: str | None = None, rows: int = 500,
                    progress: Progress = NULL_PROGRESS) -> ExportResult:
    """The form for desa operators (see io.excel_export.write_template). Empty: no audit entry."""
    path = Path(path)
    with db.read() as s:
        _desa_code, desa_name = _desa_filter(s, desa)
        lines = office_lines(s, "FORMULIR PENDATAAN PPKS", desa_name)
        office = _office(s)
        desa_names = list(s.scalars(select(Region.name).where(Region.parent_code == office.kecamatan_code)
                                    .order_by(Region.code)))
        cats = [f"{code} - {name}" for code, name in s.execute(
            select(PpksCategory.code, PpksCategory.name).order_by(PpksCategory.no))]
        rels = list(s.scalars(select(Relationship.name).order_by(Relationship.code)))
    return ExportResult(path, xl.write_template(path, xl.TemplateData(lines, desa_names, cats, rels, rows)))


EXPORTERS = {"persons": export_persons, "families": export_families, "psks": export_psks,
             "recap": export_recap, "template": export_template}


PERSONAL = frozenset({"persons", "families", "psks"})  # these ask a purpose and mask NIKs by default


def export(db: Database, kind: str, path: Path, desa: str | None = None, progress: Progress = NULL_PROGRESS, *,
           purpose: str | None = None, full_nik: bool = False) -> ExportResult:
    """One of KINDS to an .xlsx file, for the whole kecamatan or one desa (code or name)."""
    extra = {"purpose": purpose, "full_nik": full_nik} if kind in PERSONAL else {}
    return EXPORTERS[kind](db, Path(path), desa, progress=progress, **extra)


def save_pdf[T](db: Database, make: Callable[[Session], T], path: Path | str) -> T:
    """A paper straight to a file (the command line). `make(session)` is the service that draws
    it and records the print (aid_documents.roster_pdf, referrals.letter_pdf…): it runs in one
    writing transaction, as the BAST takes its number on first print. It returns the PDF's bytes,
    or a result that holds them in `.content`. The target is judged before anything is drawn, and
    the file is written inside the transaction: a refused target or a full disk takes no number
    and records no print."""
    from desktop.core.io.outputs import check_target, write_bytes

    target = check_target(path, "pdf")
    with db.transaction() as s:
        made = make(s)
        write_bytes(made if isinstance(made, bytes) else made.content, target, "pdf")
    return made

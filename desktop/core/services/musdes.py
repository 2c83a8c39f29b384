"""The musyawarah desa of a round (when, where, who signs, who came) and the papers that come
out of a round: the worksheet per officer, the BA Musdes, its daftar hadir, the BNBA workbook and
the kecamatan recap. Each paper's data is gathered here and its printing recorded in the audit
log (as a disclosure of "verivali_paper", so it never blocks undoing a round's close); io draws."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.db.audit import record_disclosure
from desktop.core.db.models import Musdes, Person, Proposal, Region, VerivaliLine, VerivaliRound
from desktop.core.domain.enums import AuditAction, ResultCode, RoundStatus
from desktop.core.domain.verivali import CRITERIA_TEXT, KEY_OF, REMOVALS, RESULT_ORDER, RESULT_TEXT
from desktop.core.errors import Finding, ValidationError
from desktop.core.io.pdf.aid_data import Kop, Signer
from desktop.core.io.pdf.verivali_data import (
    AttendanceData,
    Decision,
    MusdesData,
    RecapData,
    RecapRow,
    SheetGroup,
    SheetLine,
    WorksheetData,
)
from desktop.core.services.aid_documents import _kind, _kop
from desktop.core.services.common import get_or_fail
from desktop.core.services.office import get_office

PAPER_TABLE = "verivali_paper"


@dataclass
class MusdesInput:
    held_on: dt.date
    start_time: str | None = None
    place: str | None = None
    number: str | None = None
    kop: str = "kecamatan"  # or "desa"
    head_name: str | None = None
    bpd_name: str | None = None
    officer_name: str | None = None
    officer_role: str | None = "TKSK"
    chair_name: str | None = None
    notes: str | None = None
    attendees: list[dict[str, str]] = field(default_factory=list)


def save_musdes(session: Session, round_id: int, data: MusdesInput) -> Musdes:
    get_or_fail(session, VerivaliRound, round_id, "putaran verivali")
    if data.kop not in ("desa", "kecamatan"):
        raise ValidationError([Finding("musdes.kop")])
    musdes = session.scalars(select(Musdes).where(Musdes.round_id == round_id)).first()
    if musdes is None:
        musdes = Musdes(round_id=round_id, held_on=data.held_on)
        session.add(musdes)
    for name in ("held_on", "start_time", "place", "number", "kop", "head_name", "bpd_name", "officer_name",
                 "officer_role", "chair_name", "notes"):
        value = getattr(data, name)
        setattr(musdes, name, value.strip() or None if isinstance(value, str) else value)
    musdes.kop = data.kop
    musdes.attendees = [{"name": a.get("name", "").strip(), "role": a.get("role", "").strip()}
                        for a in data.attendees if a.get("name", "").strip()]
    session.flush()
    return musdes


def musdes_of(session: Session, round_id: int) -> Musdes | None:
    return session.scalars(select(Musdes).where(Musdes.round_id == round_id)).first()


# ---- shared pieces ------------------------------------------------------------------------------

def _places(session: Session, rnd: VerivaliRound):
    office = get_office(session)
    desa = session.get(Region, rnd.desa_code)
    kec = session.get(Region, office.kecamatan_code)
    regency = session.get(Region, kec.parent_code) if kec else None
    kind = _kind(desa.kind if desa else None, rnd.desa_code)
    return office, desa, kind, kec, regency


def _desa_title(desa: Region | None, kind: str) -> str:
    return f"{'Kelurahan' if kind == 'kelurahan' else 'Desa'} {desa.name.title() if desa else '-'}"


def _desa_kop(session: Session, rnd: VerivaliRound) -> Kop:
    """The desa's own letterhead (the BA is the desa's paper): its government line is the regency."""
    office, desa, kind, kec, _regency = _places(session, rnd)
    # A kelurahan is an office of the kecamatan, a desa a government of its own.
    head = f"KELURAHAN {desa.name.upper()}" if kind == "kelurahan" else f"PEMERINTAH DESA {desa.name.upper()}"
    return Kop(f"{office.letterhead_government}", head,
               f"Kecamatan {kec.name.title() if kec else ''}", None)


def _lines(session: Session, round_id: int, officer: str | None = None) -> list[VerivaliLine]:
    query = select(VerivaliLine).where(VerivaliLine.round_id == round_id).order_by(
        VerivaliLine.rt, func.coalesce(VerivaliLine.parent_id, VerivaliLine.id), VerivaliLine.parent_id.is_not(None),
        VerivaliLine.seq)
    if officer:
        query = query.where(VerivaliLine.officer == officer)
    return list(session.scalars(query))


# ---- the worksheet --------------------------------------------------------------------------------

def worksheet_data(session: Session, round_id: int, officer: str | None = None) -> WorksheetData:
    rnd = get_or_fail(session, VerivaliRound, round_id, "putaran verivali")
    office, desa, kind, kec, _regency = _places(session, rnd)
    groups: dict[tuple[str, str], SheetGroup] = {}
    no = 0
    named: set[str | None] = set()
    for ln in _lines(session, round_id, officer):
        named.add(ln.officer)
        group = groups.setdefault((ln.rt or "", ln.rw or ""), SheetGroup(ln.rt or "", ln.rw or ""))
        if ln.parent_id is None:
            no += 1
        addr = ", ".join(x for x in (ln.address, f"Dusun {ln.dusun}" if ln.dusun else None) if x) or "-"
        group.lines.append(SheetLine(no, ln.name, ln.nik or "", ln.no_kk or "", addr, ln.members,
                                     ln.parent_id is not None, ln.silang or ""))
    title = _desa_title(desa, kind)
    if officer is None and len(named) == 1:  # the whole list is one officer's: their name goes on it
        officer = named.pop()
    head = Signer(f"Mengetahui,\n{'Lurah' if kind == 'kelurahan' else 'Kepala Desa'} {title.split(' ', 1)[1]}")
    musdes = musdes_of(session, round_id)
    if musdes and musdes.head_name:
        head.name = musdes.head_name
    return WorksheetData(_kop(session), rnd.name, title, kec.name.title() if kec else "", rnd.deadline,
                         officer or "", [(KEY_OF[c], RESULT_TEXT[c]) for c in RESULT_ORDER], list(groups.values()),
                         head, office.place_name or (kec.name.title() if kec else ""))


def worksheet_pdf(session: Session, round_id: int, officer: str | None = None, paper: str = "f4") -> bytes:
    from desktop.core.io.pdf.worksheet import worksheet_bytes

    data = worksheet_data(session, round_id, officer)
    record_disclosure(session, AuditAction.PRINT, PAPER_TABLE, round_id, {
        "dokumen": "lembar kerja verivali", "petugas": officer or "semua",
        "baris": sum(len(g.lines) for g in data.groups), "nik": "lengkap"})
    return worksheet_bytes(data, paper)


# ---- the BA Musdes and its daftar hadir ------------------------------------------------------------

def _criteria(p: Proposal | None) -> str:
    if p is None:
        return "formulir usulan belum dibuat"
    if not p.criteria:
        return "kriteria belum diisi pada formulir usulan"
    return "; ".join(CRITERIA_TEXT[c] for c in p.criteria[:3]) + (" …" if len(p.criteria) > 3 else "")


def ba_data(session: Session, round_id: int) -> MusdesData:
    rnd = get_or_fail(session, VerivaliRound, round_id, "putaran verivali")
    office, desa, kind, kec, regency = _places(session, rnd)
    musdes = musdes_of(session, round_id) or Musdes(round_id=round_id, held_on=dt.date.today(), attendees=[],
                                                     kop="kecamatan")
    lines = _lines(session, round_id)
    proposals = {p.line_id: p for p in session.scalars(select(Proposal).where(Proposal.round_id == round_id))}
    kept, removed, proposed, fixed = [], [], [], []
    for ln in lines:
        result = ln.result
        if result is None:
            continue
        who = ln.name + (" (anggota)" if ln.parent_id else "")
        if result is ResultCode.ELIGIBLE:
            kept.append(Decision(len(kept) + 1, who, ln.nik or "", ln.no_kk or "", ln.rt or "", ln.note or ""))
        elif result in REMOVALS:
            reason = RESULT_TEXT[result] + (f": {ln.note}" if ln.note else "")
            removed.append(Decision(len(removed) + 1, who, ln.nik or "", ln.no_kk or "", ln.rt or "", reason))
        elif result is ResultCode.PROPOSED:
            proposed.append(Decision(len(proposed) + 1, who, ln.nik or "", ln.no_kk or "", ln.rt or "",
                                     _criteria(proposals.get(ln.id))))
        elif result is ResultCode.FIX_ID:
            parts = [f"NIK baru {ln.new_nik}" if ln.new_nik else "", f"KK baru {ln.new_kk}" if ln.new_kk else ""]
            fixed.append(Decision(len(fixed) + 1, who, ln.nik or "", ln.no_kk or "", ln.rt or "",
                                  "\n".join(p for p in parts if p)))  # the old numbers stand in their columns
    # Proposals made outside the list (a complaint, a walk-in) for this round are decided here too.
    for p in proposals.values():
        if p.line_id is None:
            proposed.append(Decision(len(proposed) + 1, p.name, p.nik or "", p.no_kk or "", p.rt or "", _criteria(p)))
    title = _desa_title(desa, kind)
    short = title.split(" ", 1)[1]
    kec_name = kec.name.title() if kec else ""
    officer_role = musdes.officer_role or "TKSK"
    place = musdes.place or f"Kantor {title}"
    return MusdesData(
        kop=_desa_kop(session, rnd) if musdes.kop == "desa" else _kop(session), number=musdes.number or "",
        desa=title, desa_kind=kind, kecamatan=kec_name, regency=(regency.name.title() if regency else ""),
        round_name=rnd.name, held_on=musdes.held_on, start_time=musdes.start_time or "", place=place,
        chair=musdes.chair_name or musdes.head_name or "", checked=sum(1 for ln in lines if ln.parent_id is None),
        kept=kept, removed=removed, proposed=proposed, fixed=fixed,
        unchecked=sum(1 for ln in lines if ln.result is None and ln.parent_id is None),
        attendees=len(musdes.attendees or []), notes=musdes.notes or "",
        head=Signer(f"{'Lurah' if kind == 'kelurahan' else 'Kepala Desa'} {short},", musdes.head_name or ""),
        bpd=Signer(f"Ketua BPD {short}," if kind != "kelurahan" else f"Ketua LPM {short},", musdes.bpd_name or ""),
        officer=Signer(f"{officer_role} Kecamatan {kec_name},", musdes.officer_name or office.tksk_name or ""),
        camat=Signer(f"Mengetahui,\nCamat {kec_name}", office.camat_name or "", office.camat_nip or "",
                     office.camat_pangkat or ""),
        place_signed=short, final=rnd.status is RoundStatus.CLOSED)


def ba_pdf(session: Session, round_id: int, paper: str = "f4") -> bytes:
    from desktop.core.io.pdf.musdes import ba_musdes_bytes

    data = ba_data(session, round_id)
    record_disclosure(session, AuditAction.PRINT, PAPER_TABLE, round_id, {
        "dokumen": "berita acara musdes", "nik": "lengkap", "final": data.final})
    return ba_musdes_bytes(data, paper)


def attendance_data(session: Session, round_id: int) -> AttendanceData:
    rnd = get_or_fail(session, VerivaliRound, round_id, "putaran verivali")
    _office, desa, kind, _kec, _regency = _places(session, rnd)
    musdes = musdes_of(session, round_id)
    title = _desa_title(desa, kind)
    people = [(a.get("name", ""), a.get("role", "")) for a in (musdes.attendees if musdes else [])]
    kop = _desa_kop(session, rnd) if musdes and musdes.kop == "desa" else _kop(session)
    head = Signer(f"Mengetahui,\n{'Lurah' if kind == 'kelurahan' else 'Kepala Desa'} {title.split(' ', 1)[1]}",
                  (musdes.head_name if musdes else None) or "")
    return AttendanceData(kop, title, rnd.name, musdes.held_on if musdes else dt.date.today(),
                          (musdes.place if musdes else None) or f"Kantor {title}", people,
                          blank_rows=max(4, 20 - len(people)) if len(people) < 20 else 4, head=head)


def attendance_pdf(session: Session, round_id: int, paper: str = "f4") -> bytes:
    from desktop.core.io.pdf.musdes import attendance_bytes

    data = attendance_data(session, round_id)
    record_disclosure(session, AuditAction.PRINT, PAPER_TABLE, round_id, {"dokumen": "daftar hadir musdes"})
    return attendance_bytes(data, paper)


# ---- the kecamatan recap ------------------------------------------------------------------------

def recap_data(session: Session, round_ids: list[int] | None = None, period: str = "") -> RecapData:
    """One row per desa: its latest round (or the rounds given). Each row's results plus its
    unchecked lines equal its lines, so the columns add up to the JUMLAH row."""
    office = get_office(session)
    kec = session.get(Region, office.kecamatan_code)
    rounds = list(session.scalars(select(VerivaliRound).order_by(VerivaliRound.id.desc())))
    if round_ids is not None:
        rounds = [r for r in rounds if r.id in round_ids]
    else:
        latest: dict[str, VerivaliRound] = {}
        for r in rounds:
            latest.setdefault(r.desa_code, r)
        rounds = list(latest.values())
    names = dict(session.execute(select(Region.code, Region.name).where(Region.level == 4)).all())
    rows: list[tuple[str, RecapRow]] = []
    if round_ids is None:  # every desa of the kecamatan: the Camat sees which have not started
        from desktop.core.services.office import desa_list

        started = {r.desa_code for r in rounds}
        rows += [(d.code, RecapRow(d.name.title(), "belum ada", 0, [0] * len(RESULT_ORDER), 0, 0))
                 for d in desa_list(session) if d.code not in started]
    for r in sorted(rounds, key=lambda r: r.desa_code):
        counts = dict(session.execute(select(VerivaliLine.result, func.count()).where(
            VerivaliLine.round_id == r.id).group_by(VerivaliLine.result)).all())
        total = sum(counts.values())
        proposals = session.scalar(select(func.count(Proposal.id)).where(Proposal.round_id == r.id)) or 0
        rows.append((r.desa_code, RecapRow(names.get(r.desa_code, r.desa_code).title(), r.name, total,
                                           [counts.get(c, 0) for c in RESULT_ORDER], counts.get(None, 0), proposals)))
    rows.sort(key=lambda pair: pair[0])
    kec_name = kec.name.title() if kec else ""
    return RecapData(_kop(session), period or ", ".join(sorted({r.name for r in rounds})) or "-", kec_name,
                     [RESULT_TEXT[c] for c in RESULT_ORDER], [row for _code, row in rows],
                     Signer(f"Mengetahui,\nCamat {kec_name}", office.camat_name or "", office.camat_nip or "",
                            office.camat_pangkat or ""),
                     Signer(f"TKSK Kecamatan {kec_name},", office.tksk_name or "", office.tksk_nip or ""),
                     office.place_name or kec_name, dt.date.today())


def recap_pdf(session: Session, round_ids: list[int] | None = None, period: str = "") -> bytes:
    from desktop.core.io.pdf.musdes import recap_bytes

    data = recap_data(session, round_ids, period)
    record_disclosure(session, AuditAction.PRINT, PAPER_TABLE, 0, {"dokumen": "rekap verivali kecamatan",
                                                                   "desa": len(data.rows)})
    return recap_bytes(data)


def person_names(session: Session, ids: list[int]) -> dict[int, str]:
    return dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(ids))).all()) if ids else {}


def write_pdf(content: bytes, path: Path | str) -> Path:
    from desktop.core.io.outputs import write_bytes

    return write_bytes(content, path, "pdf")

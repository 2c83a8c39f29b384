"""The BNBA workbook of a round (proposals, changes, recap) and the complaint's tanda terima:
the data gathered here, the disclosure recorded here, the file drawn by desktop.core.io."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.db.audit import record_disclosure
from desktop.core.db.models import Complaint, Family, Person, Proposal, Region, VerivaliLine, VerivaliRound
from desktop.core.domain.clock import local, local_text, zone_name
from desktop.core.domain.enums import AuditAction, ResultCode
from desktop.core.domain.verivali import CRITERIA_TEXT, HOUSE_FIELDS, RESULT_ORDER, RESULT_TEXT
from desktop.core.io.bnba import BnbaData, RegionCells, write_bnba
from desktop.core.io.pdf.verivali_data import ReceiptData
from desktop.core.services.aid_documents import _kop, _zone, mask_nik
from desktop.core.services.common import get_or_fail
from desktop.core.services.exports import office_lines
from desktop.core.services.musdes import PAPER_TABLE
from desktop.core.services.office import get_office

SEX_WORDS = {"L": "LAKI-LAKI", "P": "PEREMPUAN"}


def _region(session: Session, desa_code: str) -> RegionCells:
    chain = []
    code: str | None = desa_code
    while code:
        region = session.get(Region, code)
        if region is None:
            break
        chain.append(region)
        code = region.parent_code
    chain = (chain + [None] * 4)[:4]
    desa, kec, regency, province = chain

    def c(r):
        return (r.code.replace(".", ""), r.name.upper()) if r is not None else ("", "")
    return RegionCells(*c(province), *c(regency), *c(kec), *c(desa))


def bnba_data(session: Session, round_id: int) -> BnbaData:
    rnd = get_or_fail(session, VerivaliRound, round_id, "putaran verivali")
    region = _region(session, rnd.desa_code)
    proposals = []
    for p in session.scalars(select(Proposal).where(Proposal.round_id == round_id).order_by(Proposal.id)):
        house = "; ".join(f"{label}: {p.house[key]}" for key, label in HOUSE_FIELDS if (p.house or {}).get(key))
        proposals.append((p.address or "", p.rt or "", p.rw or "", p.no_kk or "", p.nik or "", p.name.upper(),
                          p.birth_date, p.birth_place or "", SEX_WORDS.get(p.sex.value if p.sex else "", ""),
                          p.mother_name or "", p.occupation or "", p.disability.value if p.disability else "",
                          p.members, ", ".join(p.criteria), house, p.status.value.upper(), p.status_note or ""))
    changes = []
    counts = {c: 0 for c in RESULT_ORDER}
    lines = list(session.scalars(select(VerivaliLine).where(VerivaliLine.round_id == round_id)
                                 .order_by(VerivaliLine.rt, VerivaliLine.seq)))
    for ln in lines:
        if ln.result is None:
            continue
        counts[ln.result] += 1
        if ln.result in (ResultCode.ELIGIBLE, ResultCode.PROPOSED):
            continue
        changes.append((ln.address or "", ln.rt or "", ln.rw or "", ln.no_kk or "", ln.nik or "", ln.name.upper(),
                        ln.members, RESULT_TEXT[ln.result].upper(), ln.new_kk or "", ln.new_nik or "", ln.note or ""))
    recap = [(RESULT_TEXT[c], n) for c, n in counts.items()]
    recap += [("Belum diperiksa", sum(1 for ln in lines if ln.result is None)), ("JUMLAH", len(lines))]
    lines_head = office_lines(session, f"BNBA VERIVALI DTKS – PUTARAN {rnd.name.upper()}", region.desa)
    return BnbaData(lines_head, region, proposals, changes, recap)


def export_bnba(session: Session, round_id: int, path: Path | str) -> int:
    """Write the BNBA workbook; call in a writing transaction (the export is recorded)."""
    data = bnba_data(session, round_id)
    record_disclosure(session, AuditAction.EXPORT, PAPER_TABLE, round_id, {
        "dokumen": "BNBA", "berkas": Path(path).name, "nik": "lengkap",
        "baris": len(data.proposals) + len(data.changes),
        "tujuan": "usulan hasil verivali ke Dinas Sosial"})  # the BNBA's one use
    return write_bnba(Path(path), data)


def export_recap(session: Session, path: Path | str, round_ids: list[int] | None = None, period: str = "") -> int:
    """The kecamatan recap for the Camat as a workbook (the same figures as the printed recap);
    call in a writing transaction (the export is recorded). Returns the number of desa."""
    from desktop.core.io.bnba import write_recap
    from desktop.core.services.musdes import recap_data

    data = recap_data(session, round_ids, period)
    title = f"REKAPITULASI HASIL VERIVALI DTKS KECAMATAN {data.kecamatan.upper()}"
    lines = office_lines(session, title) + [f"Putaran: {data.period}"]
    record_disclosure(session, AuditAction.EXPORT, PAPER_TABLE, 0, {
        "dokumen": "rekap verivali kecamatan", "berkas": Path(path).name, "desa": len(data.rows)})
    return write_recap(Path(path), lines, data)


# ---- the complaint's tanda terima ---------------------------------------------------------------

def receipt_data(session: Session, complaint_id: int) -> ReceiptData:
    c = get_or_fail(session, Complaint, complaint_id, "pengaduan")
    office = get_office(session)
    zone = _zone(session)
    desa = session.get(Region, c.desa_code) if c.desa_code else None
    address = ", ".join(x for x in (c.address, f"Desa {desa.name.title()}" if desa else None) if x)
    concerns = ""
    if c.person_id:
        person = session.get(Person, c.person_id)
        concerns = f"{person.name} (NIK {mask_nik(person.nik)})" if person else ""
    elif c.family_id:
        family = session.get(Family, c.family_id)
        concerns = f"Keluarga KK {mask_nik(family.no_kk)}" if family else ""
    kec = session.get(Region, office.kecamatan_code)
    # The time it was taken down, when that was the day it came in; a ticket written up later
    # (a letter opened the next day) shows the day it came in only.
    if local(c.created_at, zone).date() == c.received_on:
        received = f"{local_text(c.created_at, zone=zone)} {zone_name(zone)}"
    else:
        received = f"{c.received_on:%d-%m-%Y}"
    return ReceiptData(
        kop=_kop(session), number=c.number, received=received,
        channel=c.channel.value.capitalize() if c.channel.value != "lapor" else "LAPOR!",
        category=c.category.value.capitalize(), complainant=c.complainant,
        nik=mask_nik(c.complainant_nik) if c.complainant_nik else "", phone=c.phone or "", address=address,
        concerns=concerns, summary=c.summary, due_on=c.due_on, officer=c.received_by,
        place=office.place_name or (kec.name.title() if kec else ""), received_on=c.received_on,
        office_phone=office.phone or "")


def receipt_pdf(session: Session, complaint_id: int) -> bytes:
    from desktop.core.io.pdf.complaint_receipt import receipt_bytes

    data = receipt_data(session, complaint_id)
    record_disclosure(session, AuditAction.PRINT, "complaint", complaint_id,
                      {"dokumen": "tanda terima pengaduan", "nik": "disamarkan"})
    return receipt_bytes(data)


__all__ = ["CRITERIA_TEXT", "bnba_data", "export_bnba", "export_recap", "receipt_data", "receipt_pdf"]

"""The printed kunjungan rumah form, gathered here as plain data and drawn by io.pdf.visit_form.
It names the household and its members with their NIK, so every print is recorded (UU PDP)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.db.audit import record_disclosure
from desktop.core.db.models import (
    Family,
    HomeVisit,
    LetterNumber,
    Person,
    PpksCategory,
    PpksRecord,
    PsksEntry,
    PsksType,
    Region,
    Relationship,
)
from desktop.core.domain.enums import AuditAction, LetterStatus, PpksStatus
from desktop.core.domain.monthly import PURPOSE_WORDS
from desktop.core.domain.people import age_on
from desktop.core.io.pdf.visit_form import Member, VisitForm, visit_form_pdf as draw
from desktop.core.io.pdf.work_common import Kop
from desktop.core.services import privacy
from desktop.core.services.common import get_or_fail
from desktop.core.services.monthly_report import office_today
from desktop.core.services.office import require_office


def form_number(visit: HomeVisit) -> str:
    return f"KR-{visit.created_at:%Y}-{visit.id:06d}"


def _address(holder) -> str:
    parts = [holder.address or ""]
    if holder.rt or holder.rw:
        parts.append(f"RT {holder.rt or '-'}/RW {holder.rw or '-'}")
    if holder.dusun:
        parts.append(f"Dusun {holder.dusun}")
    return ", ".join(p for p in parts if p)


def visit_form_data(session: Session, visit_id: int) -> VisitForm:
    visit = get_or_fail(session, HomeVisit, visit_id, "kunjungan")
    office = require_office(session)
    today = office_today(session)
    person = session.get(Person, visit.person_id) if visit.person_id else None
    family = session.get(Family, visit.family_id) if visit.family_id else (person.family if person else None)
    members = list(session.scalars(select(Person).where(Person.family_id == family.id)
                                   .order_by(Person.relationship_code, Person.birth_date, Person.id))) if family else []
    head = next((m for m in members if m.relationship_code == 1), None)
    visited = person or head
    holder = person or family
    relations = dict(session.execute(select(Relationship.code, Relationship.name)).all())
    names = dict(session.execute(select(Region.code, Region.name)).all())
    kec = session.get(Region, office.kecamatan_code)
    kec_name = kec.name if kec else office.letterhead_office.title().removeprefix("Kecamatan ")
    holders = [PpksRecord.family_id == family.id] if family else []
    if person:
        holders.append(PpksRecord.person_id == person.id)
    ppks = [] if not holders else list(session.scalars(
        select(PpksCategory.name).join(PpksRecord, PpksRecord.category_no == PpksCategory.no)
        .where(PpksRecord.status == PpksStatus.ACTIVE, holders[0] if len(holders) == 1 else holders[0] | holders[1],
               privacy.shown_records(session))  # the form a TKSK carries names no category hidden from them
        .distinct().order_by(PpksCategory.name)))
    referral = ""
    if visit.referral_id:
        referral = session.scalar(select(LetterNumber.number).where(
            LetterNumber.referral_id == visit.referral_id, LetterNumber.status != LetterStatus.CANCELLED)
            .order_by(LetterNumber.id.desc()).limit(1)) or f"rujukan no. {visit.referral_id} (belum bernomor)"
    role = ""
    if visit.officer_psks_id:
        role = session.scalar(select(PsksType.code).join(PsksEntry, PsksEntry.type_no == PsksType.no)
                              .where(PsksEntry.id == visit.officer_psks_id)) or ""
    contact = ", ".join(x for x in (office.address, f"Telp. {office.phone}" if office.phone else None,
                                    office.email) if x)
    return VisitForm(
        Kop(office.letterhead_government, office.letterhead_office, contact, office.logo), form_number(visit),
        PURPOSE_WORDS.get(visit.purpose.value, visit.purpose.value), visit.due_date, visit.officer_name, role,
        visit.reason or "", visited.name if visited else "-", (visited.nik if visited else "") or "",
        (family.no_kk if family else "") or "", _address(holder) if holder else "",
        names.get(holder.desa_code, "") if holder else "", kec_name, ppks, referral,
        [Member(m.name, m.nik or "", relations.get(m.relationship_code, ""), getattr(m.sex, "value", m.sex) or "",
                str(age_on(m.birth_date, today)) if m.birth_date else "") for m in members]
        or ([Member(person.name, person.nik or "", "", getattr(person.sex, "value", person.sex) or "",
                    str(age_on(person.birth_date, today)) if person.birth_date else "")] if person else []),
        visit.checklist, visit.result or "", visit.recommendation or "", visit.visited_on,
        office.place_name or kec_name)


def visit_form_pdf(session: Session, visit_id: int) -> bytes:
    """The form as PDF; the print is recorded (it names the household and its NIKs)."""
    form = visit_form_data(session, visit_id)
    content = draw(form)
    record_disclosure(session, AuditAction.PRINT, "home_visit", visit_id,
                      {"dokumen": "formulir kunjungan rumah", "nomor": form.number, "nik": "lengkap",
                       "anggota": len(form.members)})
    return content


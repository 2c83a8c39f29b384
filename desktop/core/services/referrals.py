"""Referrals and the outgoing-letter register.

Numbers come from a per-year counter that is bumped and read in one UPDATE … RETURNING: on
PostgreSQL the row lock holds a second operator's transaction until the first commits, on SQLite
the database write lock does the same, so no number is ever issued twice. A cancelled number
stays in the register as cancelled and is never reused; a new year starts again at 1.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, and_, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased

from desktop.core.db.audit import record_disclosure
from desktop.core.db.models import (
    Family,
    Institution,
    LetterCounter,
    LetterNumber,
    Person,
    PpksCategory,
    Referral,
    ReferralEvent,
    Region,
)
from desktop.core.domain.enums import AuditAction, LetterStatus, ReferralStatus, Sex, Urgency
from desktop.core.domain.identity import check_kk, check_nik
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.io.dates import long_date
from desktop.core.services.common import actor, get_or_fail
from desktop.core.services.letter_numbers import format_number, opening_text
from desktop.core.services.office import require_office
from desktop.core.services.signing import office_key, sign

if TYPE_CHECKING:
    from desktop.core.io.pdf.letter import LetterData

# The workflow: each status and where it may go next (closing is possible from anywhere).
NEXT = {
    ReferralStatus.DRAFT: (ReferralStatus.SIGNED, ReferralStatus.CLOSED),
    ReferralStatus.SIGNED: (ReferralStatus.SENT, ReferralStatus.CLOSED),
    ReferralStatus.SENT: (ReferralStatus.RECEIVED, ReferralStatus.CLOSED),
    ReferralStatus.RECEIVED: (ReferralStatus.FOLLOWED_UP, ReferralStatus.CLOSED),
    ReferralStatus.FOLLOWED_UP: (ReferralStatus.FOLLOWED_UP, ReferralStatus.CLOSED),
    ReferralStatus.CLOSED: (),
}


# ---- the outgoing-letter register ------------------------------------------------------------

def _next_seq(session: Session, year: int) -> int:
    upsert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(upsert(LetterCounter).values(year=year, last_seq=0).on_conflict_do_nothing())
    return session.execute(update(LetterCounter).where(LetterCounter.year == year)
                           .values(last_seq=LetterCounter.last_seq + 1).returning(LetterCounter.last_seq)).scalar_one()


def issue_number(session: Session, letter_date: dt.date, *, subject: str | None = None,
                 addressee: str | None = None, referral_id: int | None = None) -> LetterNumber:
    """Take the next number of the letter's year and record it in the register."""
    office = require_office(session)
    seq = _next_seq(session, letter_date.year)
    number = format_number(office.letter_pattern, seq, letter_date, office.letter_classification,
                           office.letter_unit)
    entry = LetterNumber(year=letter_date.year, seq=seq, number=number, letter_date=letter_date, subject=subject,
                         addressee=addressee, referral_id=referral_id, issued_by=actor(session))
    session.add(entry)
    session.flush()
    return entry


def cancel_number(session: Session, number_id: int, reason: str) -> None:
    entry = get_or_fail(session, LetterNumber, number_id, "nomor surat")
    if not reason.strip():
        raise ValidationError([Finding("letter.cancel_reason")])
    entry.status, entry.cancel_reason = LetterStatus.CANCELLED, reason.strip()
    session.flush()


@dataclass(frozen=True, slots=True)
class RegisterRow:
    id: int
    number: str
    letter_date: dt.date
    subject: str | None
    addressee: str | None
    status: LetterStatus
    cancel_reason: str | None
    issued_by: str


def register_rows(session: Session, year: int | None = None) -> list[RegisterRow]:
    """The outgoing-letter register (agenda surat keluar), newest number first."""
    stmt = select(LetterNumber).order_by(LetterNumber.year.desc(), LetterNumber.seq.desc())
    if year is not None:
        stmt = stmt.where(LetterNumber.year == year)
    return [RegisterRow(n.id, n.number, n.letter_date, n.subject, n.addressee, n.status, n.cancel_reason,
                        n.issued_by) for n in session.scalars(stmt)]


def letter_of(session: Session, referral_id: int) -> LetterNumber | None:
    """The referral's letter number (the issued one, not a cancelled one)."""
    return session.scalars(select(LetterNumber).where(LetterNumber.referral_id == referral_id,
                                                      LetterNumber.status == LetterStatus.ISSUED)
                           .order_by(LetterNumber.id.desc())).first()


# ---- the workflow ----------------------------------------------------------------------------

@dataclass
class ReferralInput:
    institution_id: int
    need: str
    person_id: int | None = None
    family_id: int | None = None
    category_no: int | None = None
    summary: str | None = None
    urgency: Urgency = Urgency.NORMAL
    documents: list[str] = field(default_factory=list)
    follow_up_due: dt.date | None = None


def create_referral(session: Session, data: ReferralInput, note: str | None = None) -> Referral:
    errors = []
    if (data.person_id is None) == (data.family_id is None):
        errors.append(Finding("referral.holder"))
    if not data.need.strip():
        errors.append(Finding("referral.need"))
    if session.get(Institution, data.institution_id) is None:
        errors.append(Finding("record.not_found", params={"what": "lembaga", "id": data.institution_id}))
    if errors:
        raise ValidationError(errors)
    referral = Referral(person_id=data.person_id, family_id=data.family_id, institution_id=data.institution_id,
                        category_no=data.category_no, need=data.need.strip(), summary=data.summary,
                        urgency=Urgency(data.urgency), documents=list(data.documents),
                        follow_up_due=data.follow_up_due)
    session.add(referral)
    session.flush()
    session.add(ReferralEvent(referral_id=referral.id, actor=actor(session), from_status=None,
                              to_status=ReferralStatus.DRAFT.value, note=note))
    session.flush()
    return referral


def signer_snapshot(session: Session) -> dict[str, str | None]:
    """Who signs, as the office profile says today; kept with the referral once it is signed."""
    office = require_office(session)
    return {"jabatan": f"Camat {office.letterhead_office.title().removeprefix('Kecamatan ')}",
            "name": office.camat_name, "pangkat": office.camat_pangkat, "nip": office.camat_nip,
            "place": office.place_name}


def move(session: Session, referral_id: int, to: ReferralStatus | str, *, note: str | None = None,
         follow_up_due: dt.date | None = None, letter_date: dt.date | None = None,
         on_behalf: dict[str, str | None] | None = None) -> Referral:
    """Move a referral to its next status. Signing takes a letter number and freezes the signer:
    the Camat, or with `on_behalf` (jabatan, name, pangkat, nip) an official signing "a.n. Camat"."""
    referral = get_or_fail(session, Referral, referral_id, "rujukan")
    target = ReferralStatus(to)
    if target not in NEXT[referral.status]:
        raise SimpulError("referral.transition", current=referral.status.value, target=target.value)
    if target is ReferralStatus.SIGNED:
        letter_date = letter_date or dt.date.today()
        issue_number(session, letter_date, subject=f"Rujukan: {referral.need}",
                     addressee=referral.institution.addressee or referral.institution.name, referral_id=referral.id)
        referral.signer = signer_snapshot(session)
        if on_behalf:
            if not (on_behalf.get("name") or "").strip() or not (on_behalf.get("jabatan") or "").strip():
                raise ValidationError([Finding("referral.on_behalf")])
            referral.signer = {"an": referral.signer["jabatan"], "place": referral.signer["place"],
                               **{k: (on_behalf.get(k) or "").strip() or None
                                  for k in ("jabatan", "name", "pangkat", "nip")}}
        office_key(session)  # made here, in a writing transaction, so every later print signs alike
    session.add(ReferralEvent(referral_id=referral.id, actor=actor(session),
                              from_status=referral.status.value, to_status=target.value, note=note))
    referral.status = target
    if follow_up_due is not None:
        referral.follow_up_due = follow_up_due
    session.flush()
    return referral


def next_statuses(session: Session, referral_id: int) -> list[ReferralStatus]:
    referral = session.get(Referral, referral_id)
    return list(NEXT[referral.status]) if referral else []


def _late(today: dt.date) -> ColumnElement[bool]:
    """The overdue rule, the only copy: the follow-up date has passed and the referral is not closed."""
    return and_(Referral.follow_up_due.is_not(None), Referral.follow_up_due < today,
                Referral.status != ReferralStatus.CLOSED)


def overdue(session: Session, today: dt.date | None = None) -> list[Referral]:
    """Referrals whose follow-up date has passed and that are not closed, oldest first."""
    return list(session.scalars(select(Referral).where(_late(today or dt.date.today()))
                                .order_by(Referral.follow_up_due)))


# ---- the list ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ReferralRow:
    id: int
    person: str
    institution: str
    need: str
    status: ReferralStatus
    number: str | None
    follow_up_due: dt.date | None
    overdue: bool = False


def referral_ids(session: Session) -> list[int]:
    """Every referral, newest first (the list fetches the rows it shows with `referrals_by_id`)."""
    return list(session.scalars(select(Referral.id).order_by(Referral.id.desc())))


def referral_counts(session: Session, today: dt.date | None = None) -> tuple[int, int]:
    """(referrals, of which overdue)."""
    total = session.scalar(select(func.count(Referral.id))) or 0
    late = session.scalar(select(func.count(Referral.id)).where(_late(today or dt.date.today()))) or 0
    return total, late


def referrals_by_id(session: Session, ids: list[int], today: dt.date | None = None) -> dict[int, ReferralRow]:
    return {r.id: r for r in _rows(session, Referral.id.in_(ids), today)} if ids else {}


def referral_rows(session: Session, today: dt.date | None = None) -> list[ReferralRow]:
    """All referrals, newest first, in one query (the CLI's list)."""
    return _rows(session, None, today)


def _rows(session: Session, where, today: dt.date | None) -> list[ReferralRow]:
    issued = (select(LetterNumber.referral_id, func.max(LetterNumber.id).label("id"))
              .where(LetterNumber.status == LetterStatus.ISSUED, LetterNumber.referral_id.is_not(None))
              .group_by(LetterNumber.referral_id).subquery())
    letter = aliased(LetterNumber)
    query = (select(Referral.id, Person.name, Family.no_kk, Referral.family_id, Institution.name, Referral.need,
                    Referral.status, letter.number, Referral.follow_up_due,
                    _late(today or dt.date.today()).label("late"))
             .join(Institution, Institution.id == Referral.institution_id)
             .outerjoin(Person, Person.id == Referral.person_id)
             .outerjoin(Family, Family.id == Referral.family_id)
             .outerjoin(issued, issued.c.referral_id == Referral.id)
             .outerjoin(letter, letter.id == issued.c.id)
             .order_by(Referral.id.desc()))
    if where is not None:
        query = query.where(where)
    return [ReferralRow(rid, person or f"Keluarga {no_kk or family_id}", institution, need, status, number, due,
                        bool(late))
            for rid, person, no_kk, family_id, institution, need, status, number, due, late in session.execute(query)]


@dataclass(frozen=True, slots=True)
class StepRow:
    at: dt.datetime  # stored UTC
    actor: str
    to_status: ReferralStatus
    note: str | None


def referral_steps(session: Session, referral_id: int) -> list[StepRow]:
    return [StepRow(e.at, e.actor, ReferralStatus(e.to_status), e.note) for e in session.scalars(
        select(ReferralEvent).where(ReferralEvent.referral_id == referral_id).order_by(ReferralEvent.id))]


@dataclass(frozen=True)
class Holder:
    person_id: int | None
    family_id: int | None
    label: str


def holder_problem(number: str, *, family: bool) -> Finding | None:
    """What is wrong with a NIK (or, family=True, a No. KK) typed for a referral, before any lookup."""
    checked = (check_kk if family else check_nik)(number, check_region=False)
    return None if checked.valid else checked.errors[0]


def find_holder(session: Session, number: str, *, family: bool) -> Holder | None:
    """The person with this NIK, or (family=True) the family with this No. KK, for a referral.
    Raises SimpulError when the number itself is malformed (see `holder_problem`)."""
    checked = (check_kk if family else check_nik)(number, check_region=False)
    if not checked.valid:
        raise SimpulError(checked.errors[0].code, **checked.errors[0].params)
    if family:
        fam = session.scalars(select(Family).where(Family.no_kk == checked.value)).first()
        if fam is None:
            return None
        head = session.scalars(select(Person.name).where(Person.family_id == fam.id, Person.relationship_code == 1)
                               ).first()
        return Holder(None, fam.id, f"Keluarga {head or '-'} (KK {fam.no_kk})")
    person = session.scalars(select(Person).where(Person.nik == checked.value)).first()
    return Holder(person.id, None, person.name) if person else None


# ---- the letter --------------------------------------------------------------------------------

CLOSING = ("Demikian surat rujukan ini kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan "
           "terima kasih.")
SIFAT = {Urgency.NORMAL: "Biasa", Urgency.URGENT: "Segera", Urgency.EMERGENCY: "Sangat Segera"}
SEX = {Sex.MALE: "Laki-laki", Sex.FEMALE: "Perempuan"}


def letter_data(session: Session, referral_id: int) -> LetterData:
    """Everything the letter prints, gathered once (plain data: the PDF code needs no database)."""
    # reportlab comes with the first letter, not with the list or the Beranda's overdue count
    from desktop.core.io.pdf.letter import LetterData

    referral = get_or_fail(session, Referral, referral_id, "rujukan")
    office = require_office(session)
    family = session.get(Family, referral.family_id) if referral.family_id else None
    if referral.person_id:
        person = session.get(Person, referral.person_id)
        family = family or (session.get(Family, person.family_id) if person.family_id else None)
    else:
        person = session.scalars(select(Person).where(Person.family_id == referral.family_id,
                                                      Person.relationship_code == 1)).first()
    kec = session.get(Region, office.kecamatan_code)
    regency = session.get(Region, kec.parent_code) if kec else None
    desa = session.get(Region, person.desa_code) if person and person.desa_code else None
    category = session.get(PpksCategory, referral.category_no) if referral.category_no else None
    name = person.name if person else "-"
    address = ", ".join(x for x in (person.address if person else None,
                                    f"RT {person.rt}/RW {person.rw}" if person and (person.rt or person.rw) else None,
                                    desa.name if desa else None, f"Kecamatan {kec.name}" if kec else None) if x)
    born = ", ".join(x for x in (person.birth_place if person else None,
                                 long_date(person.birth_date) if person and person.birth_date else None) if x)
    fields = {"nama": name, "nik": (person.nik if person else None) or "-", "alamat": address,
              "ppks": category.name if category else "-", "layanan": referral.need, "lembaga": referral.institution.name,
              "permasalahan": referral.summary or "-", "kecamatan": kec.name if kec else ""}
    letter = letter_of(session, referral.id)
    signer = referral.signer or signer_snapshot(session)
    letter_date = letter.letter_date if letter else dt.date.today()
    number = letter.number if letter else "(konsep – belum bernomor)"
    qr = sign(session, letter.number, letter.letter_date, person.nik if person else None, signer.get("name") or "") \
        if letter else None
    contact = " · ".join(x for x in (office.address, f"Telp. {office.phone}" if office.phone else None, office.email,
                                     office.website, f"Kode Pos {office.postal_code}" if office.postal_code else None)
                         if x)
    head = "Wali Kota" if regency and regency.kind == "kota" else "Bupati"
    regency_name = (regency.name.removeprefix("Kabupaten ").removeprefix("Kota ") if regency else "")
    tembusan = [f"Yth. {head} {regency_name} (sebagai laporan)"]
    if desa:
        tembusan.append(f"Yth. {'Lurah' if desa.kind == 'kelurahan' else 'Kepala Desa'} {desa.name}")
    tembusan.append("Arsip")
    return LetterData(
        government=office.letterhead_government, office=office.letterhead_office, office_address=contact,
        logo=office.logo, place=signer.get("place") or office.place_name or "", letter_date=letter_date,
        number=number, sifat=SIFAT[referral.urgency],
        lampiran="1 (satu) berkas" if referral.documents else "-",
        hal=f"Rujukan Pelayanan Sosial a.n. {name}",
        addressee=referral.institution.addressee or referral.institution.name, city=referral.institution.city,
        opening=opening_text(office.referral_template, fields),
        identity=[("Nama", name), ("NIK", fields["nik"]), ("Tempat/Tanggal Lahir", born),
                  ("Jenis Kelamin", SEX.get(person.sex, "") if person else ""),
                  ("Alamat", address), ("No. KK", family.no_kk if family and family.no_kk else "-"),
                  ("Desil DTSEN", str(family.desil) if family and family.desil else "-"),
                  ("Kategori PPKS", fields["ppks"])],
        problem=referral.summary, need=referral.need, documents=list(referral.documents), closing=CLOSING,
        signer=signer, tembusan=tembusan, qr=qr, person_name=name, draft=letter is None)


@dataclass(frozen=True, slots=True)
class LetterPdf:
    """A referral letter as printed: the PDF and what its window and file are called by."""

    number: str
    person_name: str
    draft: bool  # not signed yet, so not numbered
    content: bytes


def letter_pdf(session: Session, referral_id: int, paper: str = "f4") -> LetterPdf:
    """The letter drawn as PDF, its disclosure written to the audit trail in the same transaction:
    whatever shows, prints or saves the letter goes through here, once per letter."""
    from desktop.core.io.pdf.letter import letter_bytes

    data = letter_data(session, referral_id)
    content = letter_bytes(data, paper)
    record_disclosure(session, AuditAction.PRINT, "referral", referral_id,
                      {"dokumen": "surat rujukan", "nomor": data.number})
    return LetterPdf(data.number, data.person_name, data.draft, content)

"""Complaints (pengaduan): numbering per year, the workflow Baru → Diproses → Menunggu pihak lain
→ Selesai / Ditolak with a note, who and when at each step, the lock on a closed ticket, the
list, overdue tickets, monthly counts, and closing into a proposal or a referral."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, extract, func, select
from sqlalchemy.orm import Session

from desktop.core.db.base import utcnow
from desktop.core.db.models import Complaint, ComplaintStep, Family, Person, Proposal, Region
from desktop.core.domain.enums import ComplaintCategory, ComplaintChannel, ComplaintStatus
from desktop.core.domain.identity import check_nik
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.services.common import actor, get_or_fail

PREFIX = "ADU"
ANSWER_DAYS = 14  # the answer a complainant is told to expect, unless the desk sets another date
CLOSED = (ComplaintStatus.DONE, ComplaintStatus.REJECTED)
NEXT = {
    ComplaintStatus.NEW: (ComplaintStatus.IN_PROGRESS, ComplaintStatus.WAITING, ComplaintStatus.DONE,
                          ComplaintStatus.REJECTED),
    ComplaintStatus.IN_PROGRESS: (ComplaintStatus.WAITING, ComplaintStatus.DONE, ComplaintStatus.REJECTED),
    ComplaintStatus.WAITING: (ComplaintStatus.IN_PROGRESS, ComplaintStatus.DONE, ComplaintStatus.REJECTED),
    ComplaintStatus.DONE: (),
    ComplaintStatus.REJECTED: (),
}


@dataclass
class ComplaintInput:
    complainant: str
    summary: str
    category: ComplaintCategory = ComplaintCategory.OTHER
    channel: ComplaintChannel = ComplaintChannel.WALK_IN
    received_on: dt.date | None = None
    complainant_nik: str | None = None
    phone: str | None = None
    address: str | None = None
    desa_code: str | None = None
    person_id: int | None = None
    family_id: int | None = None
    programme_id: int | None = None
    event_id: int | None = None
    due_on: dt.date | None = None


def _validate(session: Session, data: ComplaintInput) -> None:
    errors = []
    if not data.complainant.strip():
        errors.append(Finding("complaint.complainant"))
    if not data.summary.strip():
        errors.append(Finding("complaint.summary"))
    if data.complainant_nik:
        checked = check_nik(data.complainant_nik, check_region=False)
        if not checked.valid:
            errors.append(checked.errors[0])
    if data.desa_code and session.get(Region, data.desa_code) is None:
        errors.append(Finding("record.not_found", params={"what": "desa", "id": data.desa_code}))
    if errors:
        raise ValidationError(errors)


def next_number(session: Session, year: int) -> tuple[int, str]:
    """The next sequence of the year and its number ("ADU-2026-0007"); numbers are never reused."""
    seq = (session.scalar(select(func.max(Complaint.seq)).where(Complaint.year == year)) or 0) + 1
    return seq, f"{PREFIX}-{year}-{seq:04d}"


def add_complaint(session: Session, data: ComplaintInput, today: dt.date | None = None) -> Complaint:
    _validate(session, data)
    received = data.received_on or today or dt.date.today()
    seq, number = next_number(session, received.year)
    if data.person_id and not data.family_id:
        data.family_id = session.scalar(select(Person.family_id).where(Person.id == data.person_id))
    complaint = Complaint(year=received.year, seq=seq, number=number, received_on=received,
                          channel=ComplaintChannel(data.channel), category=ComplaintCategory(data.category),
                          complainant=data.complainant.strip(), complainant_nik=data.complainant_nik or None,
                          phone=data.phone, address=data.address, desa_code=data.desa_code,
                          person_id=data.person_id, family_id=data.family_id, programme_id=data.programme_id,
                          event_id=data.event_id, summary=data.summary.strip(),
                          due_on=data.due_on or received + dt.timedelta(days=ANSWER_DAYS),
                          received_by=actor(session))
    session.add(complaint)
    session.flush()
    session.add(ComplaintStep(complaint_id=complaint.id, actor=actor(session), to_status=ComplaintStatus.NEW.value,
                              note="Diterima melalui " + complaint.channel.value))
    session.flush()
    return complaint


def _open(session: Session, complaint_id: int) -> Complaint:
    complaint = get_or_fail(session, Complaint, complaint_id, "pengaduan")
    if complaint.status in CLOSED:
        raise SimpulError("complaint.locked", number=complaint.number, status=complaint.status.value)
    return complaint


def update_complaint(session: Session, complaint_id: int, data: ComplaintInput) -> Complaint:
    """Correct what was taken down; refused once the ticket is closed (it is the record of an answer)."""
    complaint = _open(session, complaint_id)
    _validate(session, data)
    for name in ("complainant_nik", "phone", "address", "desa_code", "person_id", "family_id", "programme_id",
                 "event_id"):
        setattr(complaint, name, getattr(data, name))
    complaint.complainant, complaint.summary = data.complainant.strip(), data.summary.strip()
    complaint.channel, complaint.category = ComplaintChannel(data.channel), ComplaintCategory(data.category)
    if data.due_on:
        complaint.due_on = data.due_on
    session.flush()
    return complaint


def move(session: Session, complaint_id: int, to: ComplaintStatus | str, note: str | None = None) -> Complaint:
    """The next step, with its note (required when done or refused: the answer given)."""
    complaint = _open(session, complaint_id)
    target = ComplaintStatus(to)
    if target not in NEXT[complaint.status]:
        raise SimpulError("complaint.transition", current=complaint.status.value, target=target.value)
    note = (note or "").strip() or None
    if target in CLOSED and not note:
        raise ValidationError([Finding("complaint.answer")])
    session.add(ComplaintStep(complaint_id=complaint.id, actor=actor(session), from_status=complaint.status.value,
                              to_status=target.value, note=note))
    complaint.status = target
    if target in CLOSED:
        complaint.closed_at, complaint.resolution = utcnow(), note
    session.flush()
    return complaint


def add_note(session: Session, complaint_id: int, note: str) -> None:
    """A note without a change of status (a call back, a visit)."""
    complaint = _open(session, complaint_id)
    if not note.strip():
        raise ValidationError([Finding("complaint.note")])
    session.add(ComplaintStep(complaint_id=complaint.id, actor=actor(session), from_status=complaint.status.value,
                              to_status=complaint.status.value, note=note.strip()))
    session.flush()


def close_into_proposal(session: Session, complaint_id: int, note: str) -> Proposal:
    """Done, and an usulan baru started from it (a draft, filled from the registry where known)."""
    from desktop.core.services.proposals import proposal_from_complaint

    complaint = move(session, complaint_id, ComplaintStatus.DONE, note)
    return proposal_from_complaint(session, complaint)


def close_into_referral(session: Session, complaint_id: int, note: str, institution_id: int, need: str):
    """Done, and a referral drafted for the person (or family) it concerns."""
    from desktop.core.services.referrals import ReferralInput, create_referral

    complaint = get_or_fail(session, Complaint, complaint_id, "pengaduan")
    if not complaint.person_id and not complaint.family_id:
        raise ValidationError([Finding("complaint.no_holder")])
    referral = create_referral(session, ReferralInput(
        institution_id=institution_id, need=need, person_id=complaint.person_id,
        family_id=None if complaint.person_id else complaint.family_id, summary=complaint.summary),
        note=f"Dari pengaduan {complaint.number}")
    move(session, complaint_id, ComplaintStatus.DONE, note)
    complaint.referral_id = referral.id
    session.flush()
    return referral


def complaint_input(session: Session, complaint_id: int) -> tuple[ComplaintInput, str]:
    """The ticket as its form shows it, and the NIK or No. KK of whom it concerns (or "")."""
    c = get_or_fail(session, Complaint, complaint_id, "pengaduan")
    data = ComplaintInput(c.complainant, c.summary, c.category, c.channel, c.received_on, c.complainant_nik, c.phone,
                          c.address, c.desa_code, c.person_id, c.family_id, c.programme_id, c.event_id, c.due_on)
    number = ""
    if c.person_id:
        number = session.scalar(select(Person.nik).where(Person.id == c.person_id)) or ""
    elif c.family_id:
        number = session.scalar(select(Family.no_kk).where(Family.id == c.family_id)) or ""
    return data, number


def find_concerned(session: Session, number: str):
    """The registry's person with this NIK, else the family with this No. KK (a complaint is about
    either); None when neither is registered. A referrals.Holder (person_id, family_id, label)."""
    from desktop.core.services.referrals import find_holder, holder_problem

    number = number.strip()
    for family in (False, True):
        if holder_problem(number, family=family) is None and (found := find_holder(session, number, family=family)):
            return found
    return None


def link_choices(session: Session) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The programmes and distribution events a complaint can be about ("tidak menerima bantuan")."""
    from desktop.core.db.models import DistributionEvent, Programme

    programmes = [(i, name) for i, name in session.execute(select(Programme.id, Programme.name)
                                                           .order_by(Programme.id.desc()))]
    events = [(i, f"{name} ({day:%d-%m-%Y})") for i, name, day in session.execute(
        select(DistributionEvent.id, DistributionEvent.name, DistributionEvent.event_date)
        .order_by(DistributionEvent.event_date.desc()))]
    return programmes, events


# ---- lists, overdue, counts -----------------------------------------------------------------------

def _late(today: dt.date) -> ColumnElement[bool]:
    """The overdue rule, the only copy: the answer date has passed and the ticket is still open."""
    return and_(Complaint.due_on.is_not(None), Complaint.due_on < today, Complaint.status.not_in(CLOSED))


@dataclass(frozen=True, slots=True)
class ComplaintRow:
    id: int
    number: str
    received_on: dt.date
    complainant: str
    category: ComplaintCategory
    channel: ComplaintChannel
    status: ComplaintStatus
    desa: str
    concerns: str  # the person or family it is about
    due_on: dt.date | None
    overdue: bool
    summary: str


def complaint_ids(session: Session, status: ComplaintStatus | None = None, text: str = "",
                  today: dt.date | None = None, only_overdue: bool = False) -> list[int]:
    query = select(Complaint.id).order_by(Complaint.id.desc())
    if status is not None:
        query = query.where(Complaint.status == status)
    if only_overdue:
        query = query.where(_late(today or dt.date.today()))
    if text.strip():
        like = f"%{text.strip()}%"
        query = query.where(Complaint.number.ilike(like) | Complaint.complainant.ilike(like)
                            | Complaint.summary.ilike(like) | (Complaint.complainant_nik == text.strip()))
    return list(session.scalars(query))


def complaints_by_id(session: Session, ids, today: dt.date | None = None) -> dict[int, ComplaintRow]:
    if not ids:
        return {}
    return {r.id: r for r in _rows(session, Complaint.id.in_(list(ids)), today)}


def complaint_rows(session: Session, today: dt.date | None = None) -> list[ComplaintRow]:
    return _rows(session, None, today)


def _rows(session: Session, where, today: dt.date | None) -> list[ComplaintRow]:
    query = (select(Complaint, Region.name, Person.name, Family.no_kk, _late(today or dt.date.today()))
             .outerjoin(Region, Region.code == Complaint.desa_code)
             .outerjoin(Person, Person.id == Complaint.person_id)
             .outerjoin(Family, Family.id == Complaint.family_id)
             .order_by(Complaint.id.desc()))
    if where is not None:
        query = query.where(where)
    return [ComplaintRow(c.id, c.number, c.received_on, c.complainant, c.category, c.channel, c.status, desa or "",
                         person or (f"KK {kk}" if kk else ""), c.due_on, bool(late), c.summary)
            for c, desa, person, kk, late in session.execute(query)]


def overdue_count(session: Session, today: dt.date | None = None) -> int:
    """Open tickets past their answer date: the Beranda's line."""
    return session.scalar(select(func.count(Complaint.id)).where(_late(today or dt.date.today()))) or 0


def open_count(session: Session) -> int:
    return session.scalar(select(func.count(Complaint.id)).where(Complaint.status.not_in(CLOSED))) or 0


@dataclass(frozen=True, slots=True)
class StepRow:
    at: dt.datetime  # stored UTC
    actor: str
    from_status: ComplaintStatus | None
    to_status: ComplaintStatus
    note: str | None


def complaint_steps(session: Session, complaint_id: int) -> list[StepRow]:
    return [StepRow(s.at, s.actor, ComplaintStatus(s.from_status) if s.from_status else None,
                    ComplaintStatus(s.to_status), s.note)
            for s in session.scalars(select(ComplaintStep).where(ComplaintStep.complaint_id == complaint_id)
                                     .order_by(ComplaintStep.id))]


def linked_proposal(session: Session, complaint_id: int) -> int | None:
    return session.scalar(select(Proposal.id).where(Proposal.complaint_id == complaint_id).limit(1))


@dataclass(frozen=True, slots=True)
class Origin:
    """The complaint a referral or proposal came from, as its room shows it."""

    id: int
    number: str
    complainant: str
    received_on: dt.date


def complaint_of_referral(session: Session, referral_id: int) -> Origin | None:
    """The complaint whose closing started this referral (the other way: Complaint.referral_id)."""
    c = session.scalars(select(Complaint).where(Complaint.referral_id == referral_id).limit(1)).first()
    return Origin(c.id, c.number, c.complainant, c.received_on) if c else None


def complaint_of_proposal(session: Session, proposal_id: int) -> Origin | None:
    c = session.scalars(select(Complaint).join(Proposal, Proposal.complaint_id == Complaint.id)
                        .where(Proposal.id == proposal_id)).first()
    return Origin(c.id, c.number, c.complainant, c.received_on) if c else None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What closing a complaint started: a referral (id, its institution) and/or a proposal id."""

    referral_id: int | None
    institution: str
    proposal_id: int | None


def outcome(session: Session, complaint_id: int) -> Outcome:
    from desktop.core.db.models import Institution, Referral

    c = get_or_fail(session, Complaint, complaint_id, "pengaduan")
    institution = session.scalar(select(Institution.name).join(Referral, Referral.institution_id == Institution.id)
                                 .where(Referral.id == c.referral_id)) if c.referral_id else None
    return Outcome(c.referral_id, institution or "", linked_proposal(session, complaint_id))


def monthly_counts(session: Session, year: int) -> dict[str, dict[int, dict[str, int]]]:
    """{"category": {month: {category: n}}, "status": {month: {status: n}}} for tickets received
    in `year`, month 1-12; every category and status is present (zero when none)."""
    out: dict[str, dict[int, dict[str, int]]] = {
        "category": {m: {c.value: 0 for c in ComplaintCategory} for m in range(1, 13)},
        "status": {m: {s.value: 0 for s in ComplaintStatus} for m in range(1, 13)}}
    month = extract("month", Complaint.received_on)
    for key, column in (("category", Complaint.category), ("status", Complaint.status)):
        for m, value, n in session.execute(select(month, column, func.count()).where(Complaint.year == year)
                                           .group_by(month, column)):
            out[key][int(m)][value.value] = n
    return out

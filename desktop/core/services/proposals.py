"""Usulan baru: the proposal form SIKS-NG asks for, its workflow draft → dikembalikan (with a
note) → dibahas musdes → dikirim ke SIKS-NG → disetujui / ditolak, and up to three photos,
each a JPEG of at most 1 MB that keeps the time and place the camera wrote in it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, undefer

from desktop.core.db.models import Complaint, Family, Person, Proposal, ProposalPhoto, ProposalStep, Region, VerivaliLine
from desktop.core.domain.enums import Disability, ProposalStatus, ResultCode, Sex
from desktop.core.domain.identity import check_kk, check_nik
from desktop.core.domain.verivali import CRITERIA_TEXT, HOUSE_FIELDS
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.services.common import actor, get_or_fail

MAX_PHOTOS = 3
NEXT = {
    ProposalStatus.DRAFT: (ProposalStatus.IN_MUSDES, ProposalStatus.RETURNED, ProposalStatus.REJECTED),
    ProposalStatus.RETURNED: (ProposalStatus.DRAFT, ProposalStatus.IN_MUSDES, ProposalStatus.REJECTED),
    ProposalStatus.IN_MUSDES: (ProposalStatus.SENT, ProposalStatus.RETURNED, ProposalStatus.REJECTED),
    ProposalStatus.SENT: (ProposalStatus.APPROVED, ProposalStatus.REJECTED, ProposalStatus.RETURNED),
    ProposalStatus.APPROVED: (),
    ProposalStatus.REJECTED: (),
}
# A step that needs the form complete, and one that needs a note saying why.
NEEDS_COMPLETE = (ProposalStatus.IN_MUSDES, ProposalStatus.SENT)
NEEDS_NOTE = (ProposalStatus.RETURNED, ProposalStatus.REJECTED)
# The form, and its photos, change only before it goes to the musdes (or once it is returned).
EDITABLE = (ProposalStatus.DRAFT, ProposalStatus.RETURNED)


@dataclass
class ProposalInput:
    name: str
    nik: str | None = None
    no_kk: str | None = None
    mother_name: str | None = None
    sex: Sex | None = None
    birth_place: str | None = None
    birth_date: dt.date | None = None
    address: str | None = None
    rt: str | None = None
    rw: str | None = None
    desa_code: str | None = None
    occupation: str | None = None
    disability: Disability | None = None
    members: int | None = None
    criteria: list[str] = field(default_factory=list)
    house: dict[str, str] = field(default_factory=dict)


def _findings(data: ProposalInput) -> list[Finding]:
    errors = []
    if not data.name.strip():
        errors.append(Finding("proposal.name"))
    for value, check in ((data.nik, check_nik), (data.no_kk, check_kk)):
        if value and not (checked := check(value, check_region=False)).valid:
            errors.append(checked.errors[0])
    unknown = [c for c in data.criteria if c not in CRITERIA_TEXT]
    if unknown:
        errors.append(Finding("proposal.criteria_unknown", params={"codes": ", ".join(unknown)}))
    return errors


def missing(p: Proposal) -> list[str]:
    """What SIKS-NG will ask for that the form lacks (names of the fields, in Indonesian)."""
    need = [("NIK", p.nik), ("No. KK", p.no_kk), ("nama ibu kandung", p.mother_name), ("alamat", p.address),
            ("pekerjaan", p.occupation), ("kriteria kemiskinan", p.criteria)]
    out = [label for label, value in need if not value]
    if not any((p.house or {}).get(key) for key, _ in HOUSE_FIELDS):
        out.append("kondisi rumah")
    return out


def save_proposal(session: Session, data: ProposalInput, proposal_id: int | None = None, *,
                  round_id: int | None = None) -> Proposal:
    if errors := _findings(data):
        raise ValidationError(errors)
    if proposal_id is None:
        proposal = Proposal(round_id=round_id, name=data.name)
        session.add(proposal)
    else:
        proposal = get_or_fail(session, Proposal, proposal_id, "usulan")
        _editable(proposal)
    for name in ("name", "nik", "no_kk", "mother_name", "sex", "birth_place", "birth_date", "address", "rt", "rw",
                 "desa_code", "occupation", "disability", "members"):
        value = getattr(data, name)
        setattr(proposal, name, value.strip() if isinstance(value, str) else value)
    proposal.rt = proposal.rt.zfill(3) if proposal.rt else None
    proposal.rw = proposal.rw.zfill(3) if proposal.rw else None
    proposal.criteria = sorted(set(data.criteria))
    proposal.house = {k: v.strip() for k, v in data.house.items() if v and v.strip()}
    session.flush()
    if proposal_id is None:
        session.add(ProposalStep(proposal_id=proposal.id, actor=actor(session), to_status=ProposalStatus.DRAFT.value))
        session.flush()
    return proposal


def _editable(proposal: Proposal) -> None:
    if proposal.status not in EDITABLE:
        raise SimpulError("proposal.locked", status=proposal.status.value)


def move(session: Session, proposal_id: int, to: ProposalStatus | str, note: str | None = None) -> Proposal:
    proposal = get_or_fail(session, Proposal, proposal_id, "usulan")
    target = ProposalStatus(to)
    if target not in NEXT[proposal.status]:
        raise SimpulError("proposal.transition", current=proposal.status.value, target=target.value)
    note = (note or "").strip() or None
    if target in NEEDS_NOTE and not note:
        raise ValidationError([Finding("proposal.note")])
    if target in NEEDS_COMPLETE and (lacking := missing(proposal)):
        raise ValidationError([Finding("proposal.incomplete", params={"fields": ", ".join(lacking)})])
    session.add(ProposalStep(proposal_id=proposal.id, actor=actor(session), from_status=proposal.status.value,
                             to_status=target.value, note=note))
    proposal.status = target
    if note:
        proposal.status_note = note
    session.flush()
    return proposal


def _from_person(proposal: Proposal, person: Person | None, family: Family | None) -> None:
    if person is not None:
        proposal.person_id, proposal.nik, proposal.name = person.id, person.nik, person.name
        proposal.sex, proposal.birth_place, proposal.birth_date = person.sex, person.birth_place, person.birth_date
        proposal.occupation, proposal.disability = person.occupation, person.disability
    where = family or person
    if where is not None:
        proposal.address, proposal.rt, proposal.rw, proposal.desa_code = where.address, where.rt, where.rw, where.desa_code
    if family is not None:
        proposal.no_kk = family.no_kk


def proposal_from_complaint(session: Session, complaint: Complaint) -> Proposal:
    person = session.get(Person, complaint.person_id) if complaint.person_id else None
    family = session.get(Family, complaint.family_id) if complaint.family_id else None
    proposal = Proposal(complaint_id=complaint.id, name=complaint.complainant, nik=complaint.complainant_nik,
                        address=complaint.address, desa_code=complaint.desa_code, criteria=[], house={})
    _from_person(proposal, person, family)
    session.add(proposal)
    session.flush()
    session.add(ProposalStep(proposal_id=proposal.id, actor=actor(session), to_status=ProposalStatus.DRAFT.value,
                             note=f"Dari pengaduan {complaint.number}"))
    session.flush()
    return proposal


def proposals_from_round(session: Session, round_id: int) -> int:
    """A draft for each line marked usulan baru that has none yet; returns how many were made."""
    done = set(session.scalars(select(Proposal.line_id).where(Proposal.round_id == round_id,
                                                              Proposal.line_id.is_not(None))))
    made = 0
    for line in session.scalars(select(VerivaliLine).where(VerivaliLine.round_id == round_id,
                                                           VerivaliLine.result == ResultCode.PROPOSED)):
        if line.id in done:
            continue
        person = session.get(Person, line.person_id) if line.person_id else None
        family = session.get(Family, line.family_id) if line.family_id else None
        proposal = Proposal(round_id=round_id, line_id=line.id, name=line.name, nik=line.nik, no_kk=line.no_kk,
                            members=line.members, criteria=[], house={})
        _from_person(proposal, person, family)
        session.add(proposal)
        session.flush()
        session.add(ProposalStep(proposal_id=proposal.id, actor=actor(session), to_status=ProposalStatus.DRAFT.value,
                                 note="Dari hasil verivali"))
        made += 1
    session.flush()
    return made


# ---- photos -----------------------------------------------------------------------------------

def add_photo(session: Session, proposal_id: int, content: bytes, caption: str | None = None) -> ProposalPhoto:
    from desktop.core.io.photos import prepare_photo

    proposal = get_or_fail(session, Proposal, proposal_id, "usulan")
    _editable(proposal)
    count = session.scalar(select(func.count(ProposalPhoto.id)).where(ProposalPhoto.proposal_id == proposal_id))
    if count >= MAX_PHOTOS:
        raise SimpulError("proposal.photos_full", limit=MAX_PHOTOS)
    photo = prepare_photo(content)
    row = ProposalPhoto(proposal_id=proposal.id, caption=(caption or "").strip()[:80] or None, content=photo.content,
                        size=photo.size, taken_at=photo.taken_at, latitude=photo.latitude,
                        longitude=photo.longitude)
    session.add(row)
    session.flush()
    return row


def remove_photo(session: Session, photo_id: int) -> None:
    # Loaded whole: the audit entry of a delete reads every column, a deferred one too.
    photo = session.get(ProposalPhoto, photo_id, options=[undefer(ProposalPhoto.content)])
    if photo is None:
        raise SimpulError("record.not_found", what="foto", id=photo_id)
    _editable(get_or_fail(session, Proposal, photo.proposal_id, "usulan"))
    session.delete(photo)
    session.flush()


# ---- the list ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ProposalRow:
    id: int
    name: str
    nik: str
    no_kk: str
    desa: str
    status: ProposalStatus
    missing: tuple[str, ...]
    photos: int
    round_id: int | None
    complaint_id: int | None
    note: str


def proposal_ids(session: Session, round_id: int | None = None, status: ProposalStatus | None = None) -> list[int]:
    query = select(Proposal.id).order_by(Proposal.id.desc())
    if round_id is not None:
        query = query.where(Proposal.round_id == round_id)
    if status is not None:
        query = query.where(Proposal.status == status)
    return list(session.scalars(query))


def proposals_by_id(session: Session, ids) -> dict[int, ProposalRow]:
    if not ids:
        return {}
    photos = dict(session.execute(select(ProposalPhoto.proposal_id, func.count()).where(
        ProposalPhoto.proposal_id.in_(list(ids))).group_by(ProposalPhoto.proposal_id)).all())
    query = (select(Proposal, Region.name).outerjoin(Region, Region.code == Proposal.desa_code)
             .where(Proposal.id.in_(list(ids))))
    return {p.id: ProposalRow(p.id, p.name, p.nik or "", p.no_kk or "", desa or "", p.status, tuple(missing(p)),
                              photos.get(p.id, 0), p.round_id, p.complaint_id, p.status_note or "")
            for p, desa in session.execute(query)}


# ---- the form -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PhotoRow:
    id: int
    caption: str
    size: int
    taken_at: dt.datetime | None  # as the camera's clock said
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True, slots=True)
class StepRow:
    at: dt.datetime  # stored UTC
    actor: str
    to_status: ProposalStatus
    note: str


@dataclass(frozen=True)
class ProposalForm:
    """A proposal as its dialog shows it: the form, where it stands and where it came from."""

    id: int
    data: ProposalInput
    status: ProposalStatus
    status_note: str
    origin: str  # "Pengaduan ADU-2026-0003", "Verivali Mei 2026 – Jahab", or ""
    missing: tuple[str, ...]
    photos: tuple[PhotoRow, ...]
    steps: tuple[StepRow, ...]

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE


def proposal_form(session: Session, proposal_id: int) -> ProposalForm:
    from desktop.core.db.models import VerivaliRound

    p = get_or_fail(session, Proposal, proposal_id, "usulan")
    data = ProposalInput(p.name, p.nik, p.no_kk, p.mother_name, p.sex, p.birth_place, p.birth_date, p.address, p.rt,
                         p.rw, p.desa_code, p.occupation, p.disability, p.members, list(p.criteria or []),
                         dict(p.house or {}))
    origin = ""
    if p.complaint_id:
        origin = "Pengaduan " + (session.scalar(select(Complaint.number).where(Complaint.id == p.complaint_id)) or "")
    elif p.round_id:
        rnd = session.get(VerivaliRound, p.round_id)
        desa = session.get(Region, rnd.desa_code) if rnd else None
        origin = f"Verivali {rnd.name} – {desa.name.title() if desa else ''}" if rnd else ""
    photos = tuple(PhotoRow(ph.id, ph.caption or "", ph.size, ph.taken_at, ph.latitude, ph.longitude)
                   for ph in session.scalars(select(ProposalPhoto).where(ProposalPhoto.proposal_id == p.id)
                                             .order_by(ProposalPhoto.id)))
    steps = tuple(StepRow(st.at, st.actor, ProposalStatus(st.to_status), st.note or "")
                  for st in session.scalars(select(ProposalStep).where(ProposalStep.proposal_id == p.id)
                                            .order_by(ProposalStep.id)))
    return ProposalForm(p.id, data, p.status, p.status_note or "", origin, tuple(missing(p)), photos, steps)


def photo_content(session: Session, photo_id: int) -> bytes:
    """One photo's JPEG (deferred: lists never load it)."""
    return get_or_fail(session, ProposalPhoto, photo_id, "foto").content

"""Referrals: the workflow from draft to closed, the list, and finding who is referred. The
letter register and the letter itself live in `letters` (re-exported here for the callers)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session, aliased

from desktop.core.access import Right
from desktop.core.db.models import Family, Institution, LetterNumber, Person, Referral, ReferralEvent
from desktop.core.domain.enums import LetterStatus, ReferralStatus, Urgency
from desktop.core.domain.identity import check_kk, check_nik
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.services.common import actor, get_or_fail
from desktop.core.services.letters import (  # noqa: F401 (re-exported: the GUI, the CLI and tests use them)
    LetterPdf,
    RegisterRow,
    cancel_number,
    freeze_letter,
    issue_number,
    letter_data,
    letter_of,
    letter_pdf,
    register_rows,
    signer_snapshot,
)
from desktop.core.services.signing import office_key

# The workflow: each status and where it may go next (closing is possible from anywhere).
NEXT = {
    ReferralStatus.DRAFT: (ReferralStatus.SIGNED, ReferralStatus.CLOSED),
    ReferralStatus.SIGNED: (ReferralStatus.SENT, ReferralStatus.CLOSED),
    ReferralStatus.SENT: (ReferralStatus.RECEIVED, ReferralStatus.CLOSED),
    ReferralStatus.RECEIVED: (ReferralStatus.FOLLOWED_UP, ReferralStatus.CLOSED),
    ReferralStatus.FOLLOWED_UP: (ReferralStatus.FOLLOWED_UP, ReferralStatus.CLOSED),
    ReferralStatus.CLOSED: (),
}


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
    from desktop.core.services import privacy

    privacy.actor(session).require(Right.REFERRAL)
    privacy.require_category(session, data.category_no)
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
        entry = issue_number(session, letter_date, subject=f"Rujukan: {referral.need}",
                             addressee=referral.institution.addressee or referral.institution.name,
                             referral_id=referral.id)
        referral.signer = signer_snapshot(session)
        if on_behalf:
            if not (on_behalf.get("name") or "").strip() or not (on_behalf.get("jabatan") or "").strip():
                raise ValidationError([Finding("referral.on_behalf")])
            referral.signer = {"an": referral.signer["jabatan"], "place": referral.signer["place"],
                               **{k: (on_behalf.get(k) or "").strip() or None
                                  for k in ("jabatan", "name", "pangkat", "nip")}}
        office_key(session)  # made here, in a writing transaction, so every later print signs alike
        freeze_letter(session, referral, entry)  # a reprint is this letter, whatever changes later
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


def shown(session: Session) -> ColumnElement[bool]:
    """The referrals this user may see: none about a category hidden from the role."""
    from sqlalchemy import or_, true

    from desktop.core.services import privacy

    hidden = privacy.hidden_nos(session)
    return or_(Referral.category_no.is_(None), Referral.category_no.not_in(hidden)) if hidden else true()


def referral_ids(session: Session) -> list[int]:
    """Every referral, newest first (the list fetches the rows it shows with `referrals_by_id`)."""
    return list(session.scalars(select(Referral.id).where(shown(session)).order_by(Referral.id.desc())))


def referral_counts(session: Session, today: dt.date | None = None) -> tuple[int, int]:
    """(referrals, of which overdue)."""
    total = session.scalar(select(func.count(Referral.id)).where(shown(session))) or 0
    late = session.scalar(select(func.count(Referral.id)).where(_late(today or dt.date.today()), shown(session))) or 0
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
    query = query.where(shown(session))
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

"""Home visits (kunjungan rumah) to PPKS persons and families: planned with a purpose, an officer
and a due date; done with a result, a recommendation and the house checklist; or cancelled with a
reason. A visit may follow up a referral (recording it moves the referral to "ditindaklanjuti" and
clears its follow-up date) or a verivali row (issue 16 hooks in through ON_DONE)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, aliased

from desktop.core.db.models import Family, HomeVisit, Person, PsksEntry, Referral, Region
from desktop.core.domain import house
from desktop.core.domain.enums import ReferralStatus, VisitPurpose, VisitStatus
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.services.common import get_or_fail

# Called with (session, visit) when a visit is recorded as done: the verivali room registers here
# to close the row a visit settles (HomeVisit.verivali_row_id).
ON_DONE: list[Callable[[Session, HomeVisit], None]] = []


@dataclass
class VisitInput:
    purpose: VisitPurpose
    due_date: dt.date
    officer_name: str
    person_id: int | None = None
    family_id: int | None = None
    officer_psks_id: int | None = None
    reason: str | None = None
    referral_id: int | None = None
    verivali_row_id: int | None = None


def plan_visit(session: Session, data: VisitInput) -> HomeVisit:
    errors = []
    if (data.person_id is None) == (data.family_id is None):
        errors.append(Finding("visit.holder"))
    if not data.officer_name.strip():
        errors.append(Finding("visit.officer"))
    if data.referral_id is not None and session.get(Referral, data.referral_id) is None:
        errors.append(Finding("record.not_found", params={"what": "rujukan", "id": data.referral_id}))
    if errors:
        raise ValidationError(errors)
    visit = HomeVisit(person_id=data.person_id, family_id=data.family_id, purpose=VisitPurpose(data.purpose),
                      due_date=data.due_date, officer_name=data.officer_name.strip(),
                      officer_psks_id=data.officer_psks_id, reason=(data.reason or "").strip() or None,
                      referral_id=data.referral_id, verivali_row_id=data.verivali_row_id,
                      status=VisitStatus.PLANNED)
    session.add(visit)
    session.flush()
    return visit


@dataclass
class VisitResult:
    visited_on: dt.date
    result: str
    recommendation: str | None = None
    checklist: dict | None = None
    close_follow_up: bool = True  # the linked referral counts as followed up
    verivali_code: str | None = None  # the result the visit settles for its verivali row (1-8 or a ResultCode)


def record_visit(session: Session, visit_id: int, outcome: VisitResult) -> HomeVisit:
    """The visit was made: its result, the checklist, and the referral it follows up moved on."""
    visit = get_or_fail(session, HomeVisit, visit_id, "kunjungan")
    if visit.status is VisitStatus.CANCELLED:
        raise SimpulError("visit.cancelled")
    if not outcome.result.strip():
        raise ValidationError([Finding("visit.result")])
    if outcome.visited_on > dt.date.today() + dt.timedelta(days=1):
        raise ValidationError([Finding("visit.future")])
    visit.status, visit.visited_on = VisitStatus.DONE, outcome.visited_on
    visit.result = outcome.result.strip()
    visit.recommendation = (outcome.recommendation or "").strip() or None
    visit.checklist = house.clean(outcome.checklist) or None
    if visit.referral_id and outcome.close_follow_up:
        _follow_up(session, visit)
    if visit.verivali_row_id and outcome.verivali_code:  # the row's result, found at the door
        from desktop.core.services.verivali import set_result

        set_result(session, visit.verivali_row_id, outcome.verivali_code,
                   note=f"Kunjungan rumah {outcome.visited_on:%d-%m-%Y}: {visit.result}"[:200])
    session.flush()
    for hook in ON_DONE:
        hook(session, visit)
    return visit


def _follow_up(session: Session, visit: HomeVisit) -> None:
    from desktop.core.services.referrals import NEXT, move

    referral = session.get(Referral, visit.referral_id)
    note = f"Kunjungan rumah {visit.visited_on:%d-%m-%Y}: {visit.result}"[:1000]
    if ReferralStatus.FOLLOWED_UP in NEXT[referral.status]:
        move(session, referral.id, ReferralStatus.FOLLOWED_UP, note=note)
    elif referral.status is not ReferralStatus.CLOSED:
        raise SimpulError("visit.referral_not_received", status=referral.status.value)
    referral.follow_up_due = None  # followed up: no longer late


def cancel_visit(session: Session, visit_id: int, reason: str) -> HomeVisit:
    visit = get_or_fail(session, HomeVisit, visit_id, "kunjungan")
    if visit.status is not VisitStatus.PLANNED:
        raise SimpulError("visit.not_planned")
    if not reason.strip():
        raise ValidationError([Finding("visit.cancel_reason")])
    visit.status, visit.reason = VisitStatus.CANCELLED, reason.strip()[:250]
    session.flush()
    return visit


def reschedule(session: Session, visit_id: int, due_date: dt.date) -> HomeVisit:
    visit = get_or_fail(session, HomeVisit, visit_id, "kunjungan")
    if visit.status is not VisitStatus.PLANNED:
        raise SimpulError("visit.not_planned")
    visit.due_date = due_date
    session.flush()
    return visit


# ---- due, overdue (Beranda) -------------------------------------------------------------------------

def week_end(today: dt.date) -> dt.date:
    """The Sunday that ends today's week (Senin–Minggu)."""
    return today + dt.timedelta(days=6 - today.weekday())


def _late(today: dt.date):
    """The overdue rule, the only copy: planned and the due date has passed."""
    return and_(HomeVisit.status == VisitStatus.PLANNED, HomeVisit.due_date < today)


def visit_counts(session: Session, today: dt.date | None = None) -> tuple[int, int]:
    """(planned visits due from today to Sunday, planned visits overdue) — the two Beranda lines."""
    today = today or dt.date.today()
    planned = HomeVisit.status == VisitStatus.PLANNED
    due = session.scalar(select(func.count(HomeVisit.id)).where(
        planned, HomeVisit.due_date >= today, HomeVisit.due_date <= week_end(today))) or 0
    late = session.scalar(select(func.count(HomeVisit.id)).where(_late(today))) or 0
    return due, late


# ---- the list -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class VisitRow:
    id: int
    due_date: dt.date
    status: VisitStatus
    purpose: VisitPurpose
    holder: str  # "Nama (NIK)" or "Keluarga Nama (KK)"
    desa: str | None
    officer: str
    visited_on: dt.date | None
    referral_id: int | None
    overdue: bool
    due_this_week: bool


FILTERS = ("open", "late", "week", "done", "all")


def visit_ids(session: Session, which: str = "open", today: dt.date | None = None) -> list[int]:
    """open: planned, soonest first; late: planned and overdue; week: due this week; done; all."""
    today = today or dt.date.today()
    stmt = select(HomeVisit.id)
    planned = HomeVisit.status == VisitStatus.PLANNED
    if which == "open":
        stmt = stmt.where(planned)
    elif which == "late":
        stmt = stmt.where(_late(today))
    elif which == "week":
        stmt = stmt.where(planned, HomeVisit.due_date >= today, HomeVisit.due_date <= week_end(today))
    elif which == "done":
        stmt = stmt.where(HomeVisit.status == VisitStatus.DONE)
    order = (HomeVisit.due_date, HomeVisit.id) if which in ("open", "late", "week") else \
        (HomeVisit.due_date.desc(), HomeVisit.id.desc())
    return list(session.scalars(stmt.order_by(*order)))


def visits_by_id(session: Session, ids: list[int], today: dt.date | None = None) -> dict[int, VisitRow]:
    if not ids:
        return {}
    today = today or dt.date.today()
    person, head = aliased(Person), aliased(Person)
    family = aliased(Family)
    head_name = (select(head.name).where(head.family_id == HomeVisit.family_id, head.relationship_code == 1)
                 .limit(1).scalar_subquery())
    desa = func.coalesce(person.desa_code, family.desa_code)
    stmt = (select(HomeVisit.id, HomeVisit.due_date, HomeVisit.status, HomeVisit.purpose, person.name, person.nik,
                   head_name, family.no_kk, Region.name, HomeVisit.officer_name, HomeVisit.visited_on,
                   HomeVisit.referral_id, case((_late(today), True), else_=False))
            .outerjoin(person, person.id == HomeVisit.person_id)
            .outerjoin(family, family.id == HomeVisit.family_id)
            .outerjoin(Region, Region.code == desa)
            .where(HomeVisit.id.in_(ids)))
    out = {}
    for (vid, due, status, purpose, pname, nik, hname, kk, desa_name, officer, visited, ref, late) in \
            session.execute(stmt):
        holder = f"{pname} ({nik or 'tanpa NIK'})" if pname else f"Keluarga {hname or '-'} (KK {kk or '-'})"
        week = status is VisitStatus.PLANNED and today <= due <= week_end(today)
        out[vid] = VisitRow(vid, due, status, purpose, holder, desa_name, officer, visited, ref, bool(late), week)
    return out


def visit_rows(session: Session, which: str = "all", today: dt.date | None = None) -> list[VisitRow]:
    ids = visit_ids(session, which, today)
    rows = visits_by_id(session, ids, today)
    return [rows[i] for i in ids]


def officer_choices(session: Session) -> list[tuple[int, str]]:
    """Active PSKS persons who can visit (TKSK, PSM, Peksos, Penyuluh…), as (psks id, name)."""
    rows = session.execute(select(PsksEntry.id, Person.name).join(Person, Person.id == PsksEntry.person_id)
                           .where(PsksEntry.active.is_(True)).order_by(PsksEntry.type_no, Person.name))
    return [(i, n) for i, n in rows]


def visit_detail(session: Session, visit_id: int) -> list[tuple[str, str]]:
    """(what, in words) for the room's detail line: why planned or cancelled, the result, the
    recommendation and the checklist answered."""
    visit = get_or_fail(session, HomeVisit, visit_id, "kunjungan")
    rows = [("Alasan", visit.reason)] if visit.reason else []
    if visit.status is VisitStatus.DONE:
        rows += [("Hasil", visit.result or "-"), ("Rekomendasi", visit.recommendation or "-")]
        rows += [(q, a) for q, a in house.describe(visit.checklist) if a != "-"]
    return rows

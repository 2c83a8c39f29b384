"""The check-in desk on the day of a distribution event: finding a recipient, handing over, undoing.

Every step at the desk is its own short transaction, so closing the app (or a power cut) loses
nothing already recorded and the desk carries on where it stopped after a restart. A recipient is
never handed aid twice: not at the same event, and not at a second event of the same programme.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop.core.db.base import utcnow
from desktop.core.db.models import Allocation, CollectionLog, DistributionEvent, Person, Recipient, Region
from desktop.core.domain.clock import local_text
from desktop.core.domain.enums import AidForm, CollectStatus, DeskAction
from desktop.core.domain.identity import check_nik, clean_identifier
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.services.aid import CHUNK
from desktop.core.services.common import actor, get_or_fail
from desktop.core.services.distribution import CODE_RE, get_event


# ---- how far the day got -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Progress:
    due: int  # everyone scheduled
    collected: int
    by_proxy: int
    absent: int
    waiting: int
    amount_due: int
    amount_collected: int
    cash: bool
    unit: str

    @property
    def percent(self) -> int:
        return round(100 * self.collected / self.due) if self.due else 0


def progress(session: Session, event_id: int) -> Progress:
    event = get_event(session, event_id)
    collected = Allocation.status == CollectStatus.COLLECTED
    row = session.execute(
        select(func.count(), func.sum(case((collected, 1), else_=0)),
               func.sum(case((collected & Allocation.proxy_name.is_not(None), 1), else_=0)),
               func.sum(case((Allocation.status == CollectStatus.ABSENT, 1), else_=0)),
               func.coalesce(func.sum(Recipient.amount), 0),
               func.coalesce(func.sum(case((collected, Recipient.amount), else_=0)), 0))
        .select_from(Allocation).join(Recipient, Recipient.id == Allocation.recipient_id)
        .where(Allocation.event_id == event_id)).one()
    due, got, proxy, absent = (int(x or 0) for x in row[:4])
    return Progress(due, got, proxy, absent, due - got - absent, int(row[4]), int(row[5]),
                    event.programme.form == AidForm.CASH, event.programme.unit)


# ---- the desk ------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DeskRow:
    """A recipient as the desk sees them."""

    allocation_id: int
    row_no: int
    code: str
    desa: str | None
    name: str
    nik: str | None
    no_kk: str | None
    address: str
    amount: int
    status: CollectStatus
    collected_at: dt.datetime | None
    collected_by: str | None
    proxy_name: str | None
    proxy_relation: str | None
    absent_reason: str | None


def _desk_select():
    return (select(Allocation.id, Allocation.row_no, Allocation.code, Region.name, Recipient.name, Recipient.nik,
                   Recipient.no_kk, Person.address, Person.rt, Person.rw, Recipient.amount, Allocation.status,
                   Allocation.collected_at, Allocation.collected_by, Allocation.proxy_name,
                   Allocation.proxy_relation, Allocation.absent_reason)
            .join(Recipient, Recipient.id == Allocation.recipient_id)
            .join(Person, Person.id == Recipient.person_id)
            .outerjoin(Region, Region.code == Allocation.desa_code))


def _desk_row(session: Session, row) -> DeskRow:
    """A recipient at the desk: the NIK as this user may see it (a Petugas meja matches the KTP's
    first and last digits with the name and address; a search still takes the whole NIK)."""
    from desktop.core.services import privacy

    allocation_id, row_no, code, desa, name, nik, no_kk, address, rt, rw, *rest = row
    where = ", ".join(x for x in (address, f"RT {rt}/RW {rw}" if rt or rw else None) if x)
    return DeskRow(allocation_id, row_no, code, desa, name, privacy.nik(session, nik), privacy.nik(session, no_kk),
                   where, *rest)


def desk_ids(session: Session, event_id: int, status: CollectStatus | str | None = None) -> list[int]:
    """The event's allocations in roster order (desa, row number), ids only."""
    stmt = (select(Allocation.id).outerjoin(Region, Region.code == Allocation.desa_code)
            .where(Allocation.event_id == event_id).order_by(Region.name.nulls_last(), Allocation.row_no))
    if status:
        stmt = stmt.where(Allocation.status == CollectStatus(status))
    return list(session.scalars(stmt))


def desk_rows_by_id(session: Session, ids: Sequence[int]) -> dict[int, DeskRow]:
    ids = list(ids)
    rows: dict[int, DeskRow] = {}
    for i in range(0, len(ids), CHUNK):
        rows.update((r.allocation_id, r) for r in map(lambda r: _desk_row(session, r), session.execute(
            _desk_select().where(Allocation.id.in_(ids[i:i + CHUNK])))))
    return rows


def desk_row(session: Session, allocation_id: int) -> DeskRow:
    """One recipient as stored now (after a step at this desk or another)."""
    row = session.execute(_desk_select().where(Allocation.id == allocation_id)).first()
    if row is None:
        get_or_fail(session, Allocation, allocation_id, "penerima penyaluran")
    return _desk_row(session, row)


def desk_rows(session: Session, event_id: int, status: CollectStatus | str | None = None) -> list[DeskRow]:
    """Every recipient of the event in roster order (the demo and the tests; the desk reads blocks)."""
    ids = desk_ids(session, event_id, status)
    found = desk_rows_by_id(session, ids)
    return [found[i] for i in ids]


def lookup(session: Session, event_id: int, text: str, limit: int = 20) -> list[DeskRow]:
    """What the scanner or the operator typed: a coupon code, a NIK, a No. KK or part of a name.
    A coupon of another event is an error that says which event it belongs to."""
    text = text.strip()
    if not text:
        return []
    code = text.upper().replace(" ", "")
    match = CODE_RE.match(code)
    if match:
        rows = [_desk_row(session, row) for row in session.execute(_desk_select().where(Allocation.code == code))]
        if rows and int(match.group(1)) != event_id:
            other = get_event(session, int(match.group(1)))
            raise SimpulError("aid.coupon_other_event", code=code, event=other.name,
                              date=other.event_date.strftime("%d-%m-%Y"))
        if not rows:
            raise SimpulError("aid.coupon_unknown", code=code)
        return rows
    digits = clean_identifier(text)
    stmt = _desk_select().where(Allocation.event_id == event_id)
    if digits.isdigit() and len(digits) == 16:
        rows = [_desk_row(session, row) for row in session.execute(
            stmt.where((Recipient.nik == digits) | (Recipient.no_kk == digits)).order_by(Allocation.row_no))]
        if not rows:
            raise SimpulError("aid.not_due", nik=digits)
        return rows
    from desktop.core.domain.people import name_key

    words = [w for w in name_key(text).split(" ") if w]
    for w in words:
        stmt = stmt.where(func.upper(Recipient.name).like(f"%{w.upper()}%"))
    return [_desk_row(session, row) for row in session.execute(stmt.order_by(Recipient.name).limit(limit))]


@dataclass(frozen=True, slots=True)
class Found:
    """What the desk's input found: the matching recipients, or why the code or NIK is not served
    here, in the user's words (a coupon of another event, an unknown code, a NIK not due)."""

    rows: list[DeskRow]
    refusal: str | None = None


def find_at_desk(session: Session, event_id: int, text: str) -> Found:
    try:
        return Found(lookup(session, event_id, text))
    except SimpulError as exc:
        return Found([], exc.message)


def _allocation(session: Session, allocation_id: int) -> Allocation:
    return get_or_fail(session, Allocation, allocation_id, "penerima penyaluran")


def _open(session: Session, allocation: Allocation) -> DistributionEvent:
    event = get_event(session, allocation.event_id)
    if event.closed_at:
        raise SimpulError("aid.event_closed", name=event.name)
    return event


def _log(session: Session, allocation: Allocation, action: DeskAction, note: str | None) -> None:
    session.add(CollectionLog(event_id=allocation.event_id, allocation_id=allocation.id, actor=actor(session),
                              action=action, note=note))


def collect(session: Session, allocation_id: int, *, proxy_name: str | None = None,
            proxy_relation: str | None = None, proxy_nik: str | None = None, note: str | None = None) -> Allocation:
    """Hand the aid over, to the recipient or to a named proxy with their relationship."""
    allocation = _allocation(session, allocation_id)
    _open(session, allocation)
    recipient = allocation.recipient
    if allocation.status == CollectStatus.COLLECTED:
        raise SimpulError("aid.already_collected", name=recipient.name, when=local_text(allocation.collected_at),
                          by=allocation.collected_by, who=allocation.proxy_name or recipient.name)
    elsewhere = session.execute(
        select(Allocation, DistributionEvent.name).join(DistributionEvent)
        .where(Allocation.recipient_id == allocation.recipient_id, Allocation.id != allocation.id,
               Allocation.status == CollectStatus.COLLECTED)).first()
    if elsewhere is not None:
        raise SimpulError("aid.collected_elsewhere", name=recipient.name, event=elsewhere[1],
                          when=local_text(elsewhere[0].collected_at))
    proxy_name, proxy_relation = (proxy_name or "").strip() or None, (proxy_relation or "").strip() or None
    errors = []
    if bool(proxy_name) != bool(proxy_relation):
        errors.append(Finding("aid.proxy_incomplete"))
    digits = clean_identifier(proxy_nik or "")
    if digits:
        errors += check_nik(digits).errors
    if errors:
        raise ValidationError(errors)
    allocation.status, allocation.collected_at, allocation.collected_by = \
        CollectStatus.COLLECTED, utcnow(), actor(session)
    allocation.proxy_name, allocation.proxy_relation, allocation.proxy_nik = proxy_name, proxy_relation, digits or None
    allocation.absent_reason = None
    text = f"diwakilkan {proxy_name} ({proxy_relation})" if proxy_name else None
    _log(session, allocation, DeskAction.COLLECTED, "; ".join(x for x in (text, (note or "").strip()) if x) or None)
    session.flush()
    return allocation


def mark_absent(session: Session, allocation_id: int, reason: str) -> Allocation:
    allocation = _allocation(session, allocation_id)
    _open(session, allocation)
    if allocation.status == CollectStatus.COLLECTED:
        raise SimpulError("aid.absent_after_collect", name=allocation.recipient.name)
    if not reason.strip():
        raise ValidationError([Finding("aid.absent_reason")])
    allocation.status, allocation.absent_reason = CollectStatus.ABSENT, reason.strip()
    _log(session, allocation, DeskAction.ABSENT, reason.strip())
    session.flush()
    return allocation


def reverse(session: Session, allocation_id: int, reason: str) -> Allocation:
    """Take back a mistaken check-in (or absence), only with a reason; the log and the audit trail
    keep what was undone and why."""
    allocation = _allocation(session, allocation_id)
    _open(session, allocation)
    if allocation.status == CollectStatus.DUE:
        raise SimpulError("aid.nothing_to_reverse", name=allocation.recipient.name)
    if not reason.strip():
        raise ValidationError([Finding("aid.reason")])
    before = allocation.status.value
    allocation.status = CollectStatus.DUE
    allocation.collected_at = allocation.collected_by = None
    allocation.proxy_name = allocation.proxy_relation = allocation.proxy_nik = allocation.absent_reason = None
    _log(session, allocation, DeskAction.REVERSED, f"{before}: {reason.strip()}")
    session.flush()
    return allocation


@dataclass(frozen=True, slots=True)
class LogRow:
    at: dt.datetime
    actor: str
    action: DeskAction
    note: str | None
    name: str
    allocation_id: int | None = None  # the desk's "Batalkan" on a selected step


def desk_log(session: Session, event_id: int, limit: int = 50) -> list[LogRow]:
    """The newest steps at the desk first, with the event's own (closed, reopened)."""
    stmt = (select(CollectionLog, Recipient.name).outerjoin(Allocation, Allocation.id == CollectionLog.allocation_id)
            .outerjoin(Recipient, Recipient.id == Allocation.recipient_id).where(CollectionLog.event_id == event_id)
            .order_by(CollectionLog.id.desc()).limit(limit))
    return [LogRow(log.at, log.actor, DeskAction(log.action), log.note, name or "", log.allocation_id)
            for log, name in session.execute(stmt)]

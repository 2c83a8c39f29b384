"""Distribution events: who is due where, the desk on the day, and the papers before and after.

Every step at the desk is its own short transaction, so closing the app (or a power cut) loses
nothing already recorded and the desk carries on where it stopped after a restart. A recipient is
never handed aid twice: not at the same event, and not at a second event of the same programme.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop.core.db.base import utcnow
from desktop.core.db.models import (
    Allocation,
    CollectionLog,
    DistributionEvent,
    Person,
    Programme,
    Recipient,
    Region,
)
from desktop.core.domain.clock import local_text
from desktop.core.domain.enums import AidForm, CollectStatus, DeskAction, EventState, ListStatus, RecipientStatus
from desktop.core.domain.identity import check_nik, clean_identifier
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.services.aid import CHUNK, get_programme
from desktop.core.services.common import actor, get_or_fail
from desktop.core.services.office import get_office

# Coupon codes: no 0/O, 1/I/L that a person reading one aloud would mix up.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_RE = re.compile(r"^K(\d+)-([2-9A-HJKMNP-Z]{6})$")


# ---- events ------------------------------------------------------------------------------------------

@dataclass
class EventInput:
    programme_id: int
    name: str
    event_date: dt.date
    place: str
    time_text: str | None = None
    desa_codes: list[str] = field(default_factory=list)  # empty: the whole kecamatan
    officers: list[dict[str, Any]] = field(default_factory=list)  # name, role, nip
    receiver: dict[str, Any] | None = None  # PIHAK KEDUA of the BAST: name, jabatan, address


def get_event(session: Session, event_id: int) -> DistributionEvent:
    return get_or_fail(session, DistributionEvent, event_id, "penyaluran")


@dataclass(frozen=True, slots=True)
class EventInfo:
    """One event as the detail pane and the desk's header show it."""

    id: int
    name: str
    event_date: dt.date
    time_text: str | None
    place: str
    programme_id: int
    programme: str
    period: str
    item: str
    amount: int
    cash: bool
    unit: str
    officers: tuple[dict[str, Any], ...]
    receiver: dict[str, Any]
    desa_codes: tuple[str, ...]
    closed_at: dt.datetime | None
    closed_by: str | None


def event_info(session: Session, event_id: int) -> EventInfo:
    e = get_event(session, event_id)
    p = e.programme
    return EventInfo(e.id, e.name, e.event_date, e.time_text, e.place, p.id, p.name, p.period, p.item, p.amount,
                     p.form is AidForm.CASH, p.unit, tuple(e.officers or ()), dict(e.receiver or {}),
                     tuple(e.desa_codes or ()), e.closed_at, e.closed_by)


def save_event(session: Session, data: EventInput, event_id: int | None = None) -> DistributionEvent:
    errors = []
    if not data.name.strip():
        errors.append(Finding("aid.event_name"))
    if not data.place.strip():
        errors.append(Finding("aid.event_place"))
    if data.event_date is None:
        errors.append(Finding("aid.event_date"))
    office = get_office(session)
    known = set(session.scalars(select(Region.code).where(Region.parent_code == office.kecamatan_code)))
    for code in data.desa_codes:
        if code not in known:
            errors.append(Finding("region.not_in_kecamatan", params={"code": code}))
    if errors:
        raise ValidationError(errors)
    get_programme(session, data.programme_id)
    event = DistributionEvent() if event_id is None else get_event(session, event_id)
    if event_id is not None and event.programme_id != data.programme_id and _counts(session, event.id)["all"]:
        raise SimpulError("aid.event_programme_locked")
    event.programme_id, event.name, event.event_date = data.programme_id, data.name.strip(), data.event_date
    event.place, event.time_text = data.place.strip(), (data.time_text or "").strip() or None
    event.desa_codes = sorted(set(data.desa_codes))
    event.officers = [{k: (o.get(k) or "").strip() for k in ("name", "role", "nip")} for o in data.officers
                      if (o.get("name") or "").strip()]
    # The receiver's name may be left for the day (a dotted line); the position alone is kept.
    receiver = {k: ((data.receiver or {}).get(k) or "").strip() for k in ("name", "jabatan", "address")}
    event.receiver = receiver if any(receiver.values()) else None
    if event_id is None:
        session.add(event)
    session.flush()
    return event


def _new_code(event_id: int, taken: set[str]) -> str:
    while True:
        code = f"K{event_id}-" + "".join(secrets.choice(_ALPHABET) for _ in range(6))
        if code not in taken:
            taken.add(code)
            return code


def schedule(session: Session, event_id: int) -> int:
    """Make the programme's final-list recipients living in the event's desa due at this event.
    Someone already due or served at another event of the programme is left there; someone
    absent elsewhere can come to this one (a follow-up distribution). Returns how many were added."""
    event = get_event(session, event_id)
    programme = event.programme
    if programme.list_status != ListStatus.FINAL:
        raise SimpulError("aid.list_not_final", name=programme.name)
    if event.closed_at:
        raise SimpulError("aid.event_closed", name=event.name)
    busy = select(Allocation.recipient_id).join(DistributionEvent).where(
        DistributionEvent.programme_id == programme.id, Allocation.status != CollectStatus.ABSENT)
    here = select(Allocation.recipient_id).where(Allocation.event_id == event.id)
    stmt = (select(Recipient.id, Person.desa_code, Region.name, Person.rw, Person.rt, Recipient.name)
            .join(Person, Person.id == Recipient.person_id)
            .outerjoin(Region, Region.code == Person.desa_code)
            .where(Recipient.programme_id == programme.id, Recipient.status == RecipientStatus.INCLUDED,
                   Recipient.id.not_in(busy), Recipient.id.not_in(here)))
    if event.desa_codes:
        stmt = stmt.where(Person.desa_code.in_(event.desa_codes))
    rows = sorted(session.execute(stmt), key=lambda r: (r[2] or "~", r[3] or "", r[4] or "", r[5], r[0]))
    last_no = dict(session.execute(select(Allocation.desa_code, func.max(Allocation.row_no))
                                   .where(Allocation.event_id == event.id).group_by(Allocation.desa_code)).all())
    taken = set(session.scalars(select(Allocation.code).where(Allocation.event_id == event.id)))
    new = []
    for recipient_id, desa_code, *_ in rows:
        last_no[desa_code] = last_no.get(desa_code, 0) + 1
        new.append(Allocation(event_id=event.id, recipient_id=recipient_id, desa_code=desa_code,
                              row_no=last_no[desa_code], code=_new_code(event.id, taken)))
    session.add_all(new)
    session.flush()
    return len(new)


def _counts(session: Session, event_id: int) -> dict[str, int]:
    rows = dict(session.execute(select(Allocation.status, func.count()).where(Allocation.event_id == event_id)
                                .group_by(Allocation.status)).all())
    return {"all": sum(rows.values()), **{s.value: rows.get(s, 0) for s in CollectStatus}}


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


def event_state(event: DistributionEvent, counts: dict[str, int]) -> EventState:
    """Before the day, under way, or done."""
    if event.closed_at:
        return EventState.CLOSED
    if counts.get(CollectStatus.COLLECTED.value) or counts.get(CollectStatus.ABSENT.value):
        return EventState.UNDER_WAY
    return EventState.PLANNED


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    programme_id: int
    programme: str
    name: str
    event_date: dt.date
    time_text: str | None
    place: str
    desa: str  # names, comma separated; "semua desa" when the event covers the kecamatan
    state: EventState
    due: int
    collected: int
    absent: int
    whole_kecamatan: bool = False

    @property
    def waiting(self) -> int:
        return self.due - self.collected - self.absent


def _event_order(stmt):
    return stmt.order_by(DistributionEvent.event_date.desc(), DistributionEvent.id.desc())


def event_ids(session: Session, programme_id: int | None = None) -> list[int]:
    """The events, newest first (the order of the Penyaluran tab)."""
    stmt = _event_order(select(DistributionEvent.id))
    if programme_id is not None:
        stmt = stmt.where(DistributionEvent.programme_id == programme_id)
    return list(session.scalars(stmt))


def event_rows(session: Session, programme_id: int | None = None, ids: Sequence[int] | None = None) -> list[EventRow]:
    """The events (all, of one programme, or these) with their counts from one grouped query."""
    counted = select(Allocation.event_id, Allocation.status, func.count()).group_by(Allocation.event_id,
                                                                                      Allocation.status)
    stmt = _event_order(select(DistributionEvent, Programme.name).join(Programme))
    if ids is not None:
        counted = counted.where(Allocation.event_id.in_(list(ids)))
        stmt = stmt.where(DistributionEvent.id.in_(list(ids)))
    if programme_id is not None:
        stmt = stmt.where(DistributionEvent.programme_id == programme_id)
    counts: dict[int, dict[str, int]] = {}
    for event_id, status, n in session.execute(counted):
        counts.setdefault(event_id, {})[status.value] = n
    names = dict(session.execute(select(Region.code, Region.name).where(Region.level == 4)).all())
    rows = []
    for event, programme in session.execute(stmt):
        c = counts.get(event.id, {})
        desa = ", ".join(names.get(code, code) for code in event.desa_codes) or "semua desa"
        rows.append(EventRow(event.id, event.programme_id, programme, event.name, event.event_date, event.time_text,
                             event.place, desa, event_state(event, c), sum(c.values()),
                             c.get(CollectStatus.COLLECTED.value, 0), c.get(CollectStatus.ABSENT.value, 0),
                             not event.desa_codes))
    return rows


def close_event(session: Session, event_id: int) -> DistributionEvent:
    """End the day: nobody can be checked in any more; the BAST and the annotated roster are final."""
    event = get_event(session, event_id)
    event.closed_at, event.closed_by = utcnow(), actor(session)
    session.add(CollectionLog(event_id=event.id, actor=actor(session), action=DeskAction.EVENT_CLOSED))
    session.flush()
    return event


def reopen_event(session: Session, event_id: int, reason: str) -> DistributionEvent:
    if not reason.strip():
        raise ValidationError([Finding("aid.reason")])
    event = get_event(session, event_id)
    event.closed_at, event.closed_by = None, None
    session.add(CollectionLog(event_id=event.id, actor=actor(session), action=DeskAction.EVENT_REOPENED,
                              note=reason.strip()))
    session.flush()
    return event


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

"""Distribution events: who is due where and when, their coupon codes, and closing the day.

An event hands out one programme's final list in some desa (or the whole kecamatan); scheduling
makes each recipient due at exactly one event of the programme, with a coupon code and a row number
on the desa's roster. What happens at the desk on the day is in `distribution_desk`; the papers
before and after are in `aid_documents`.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
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
from desktop.core.domain.enums import AidForm, CollectStatus, DeskAction, EventState, ListStatus, RecipientStatus
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.services.aid import get_programme
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

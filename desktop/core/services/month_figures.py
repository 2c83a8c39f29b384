"""The figures of one month, computed live from the registry: what "Tutup bulan" freezes and what
the report shows before then. Every block is plain JSON (lists of numbers in a fixed order), so a
closed month can be hashed, stored and drawn again without the database.

PPKS move over the month by their status history: the audit trail keeps every status change with
its time, so the status a record had at any instant is the old value of its first change after
that instant (or its status now). For each desa, category and sex:
    awal (active at the start) + baru − tertangani − keluar = akhir (active at the end),
where "baru" is assessed within the month (or active again after being closed before it), and
"tertangani"/"keluar" count those of awal + baru that ended the month handled, or deceased/moved."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from desktop.core.db.models import (
    Allocation,
    AuditEntry,
    Community,
    DistributionEvent,
    Family,
    HomeVisit,
    Person,
    PpksCategory,
    PpksRecord,
    Programme,
    PsksActivity,
    PsksEntry,
    PsksType,
    Recipient,
    Referral,
    ReferralEvent,
    WorkPhoto,
)
from desktop.core.domain.clock import local, zone_of
from desktop.core.domain.enums import (
    ActivityKind,
    AidForm,
    AuditAction,
    CollectStatus,
    PpksStatus,
    ReferralStatus,
    VisitPurpose,
    VisitStatus,
)
from desktop.core.services.office import desa_list, require_office

CONTENT_VERSION = 2  # 2: complaints and verivali blocks under "extra"
NO_DESA = ""  # holders without a desa in the kecamatan are counted on their own line
# The ten numbers of a PPKS cell, in order.
PPKS_MEASURES = ("awal_l", "awal_p", "baru_l", "baru_p", "tertangani_l", "tertangani_p", "keluar_l", "keluar_p",
                 "akhir_l", "akhir_p")
PSKS_MEASURES = ("aktif", "laki_laki", "perempuan", "lembaga_keluarga", "baru", "sk_berakhir", "kegiatan")
AID_MEASURES = ("penyaluran", "penerima", "diambil", "diwakilkan", "tidak_hadir", "belum", "nilai")


@dataclass(frozen=True)
class Period:
    year: int
    month: int
    first: dt.date
    last: dt.date
    start: dt.datetime  # naive UTC, the office's local midnight of `first`
    end: dt.datetime  # naive UTC, the office's local midnight after `last` (exclusive)


def period_of(session: Session, year: int, month: int) -> Period:
    first = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    zone = zone_of(require_office(session).kecamatan_code)

    def utc(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(), zone).astimezone(dt.UTC).replace(tzinfo=None)

    return Period(year, month, first, following - dt.timedelta(days=1), utc(first), utc(following))


# Further blocks (complaints, verivali: issue 16) register here: fn(session, period) -> a block
# {"key", "title", "headers": [...], "rows": [[label, n, ...], ...]} whose numbers are monthly flows.
PROVIDERS: list[Callable[[Session, Period], dict]] = []


def month_figures(session: Session, year: int, month: int) -> dict:
    """Everything the laporan bulanan holds for the month, as JSON-ready data."""
    p = period_of(session, year, month)
    return {
        "v": CONTENT_VERSION, "year": year, "month": month,
        "first": p.first.isoformat(), "last": p.last.isoformat(),
        "office": _office(session),
        "ppks": _ppks(session, p),
        "psks": _psks(session, p),
        "aid": _aid(session, p),
        "referrals": _referrals(session, p),
        "visits": _visits(session, p),
        "activities": _activities(session, p),
        "extra": [provider(session, p) for provider in PROVIDERS],
    }


def _office(session: Session) -> dict:
    """Who the report is from and who signs it, frozen with the figures."""
    office = require_office(session)
    from desktop.core.db.models import Region

    kec = session.get(Region, office.kecamatan_code)
    regency = session.get(Region, kec.parent_code) if kec else None
    return {"government": office.letterhead_government, "office": office.letterhead_office,
            "address": ", ".join(x for x in (office.address, f"Telp. {office.phone}" if office.phone else None,
                                             office.email) if x),
            "kecamatan": kec.name if kec else office.letterhead_office.title().removeprefix("Kecamatan "),
            "regency": regency.name if regency else "", "place": office.place_name or (kec.name if kec else ""),
            "camat": {"name": office.camat_name or "", "nip": office.camat_nip or "",
                      "pangkat": office.camat_pangkat or ""},
            "tksk": {"name": office.tksk_name or "", "nip": office.tksk_nip or ""}}


# ---- PPKS ---------------------------------------------------------------------------------------------

def _status_changes(session: Session, since: dt.datetime) -> dict[int, list[tuple[dt.datetime, str, str]]]:
    """Status changes of PPKS records from `since` on, per record, in time order."""
    out: dict[int, list] = defaultdict(list)
    stmt = (select(AuditEntry.record_id, AuditEntry.at, AuditEntry.changes)
            .where(AuditEntry.table_name == PpksRecord.__tablename__, AuditEntry.action == AuditAction.UPDATE,
                   AuditEntry.at >= since).order_by(AuditEntry.at, AuditEntry.id))
    for record_id, at, changes in session.execute(stmt):
        change = (changes or {}).get("status")
        if change and record_id.isdigit():
            out[int(record_id)].append((at, change[0], change[1]))
    return out


def _status_at(now: str, changes: list, instant: dt.datetime) -> str:
    for at, old, _new in changes:
        if at >= instant:
            return old
    return now


def _ppks_holders(session: Session):
    """(record id, category, status now, assessed on, desa, sex) for every PPKS record."""
    head = aliased(Person)
    yield from session.execute(
        select(PpksRecord.id, PpksRecord.category_no, PpksRecord.status, PpksRecord.assessed_on, Person.desa_code,
               Person.sex).join(Person, Person.id == PpksRecord.person_id))
    yield from session.execute(
        select(PpksRecord.id, PpksRecord.category_no, PpksRecord.status, PpksRecord.assessed_on, Family.desa_code,
               head.sex).join(Family, Family.id == PpksRecord.family_id)
        .outerjoin(head, (head.family_id == Family.id) & (head.relationship_code == 1)))
    yield from session.execute(
        select(PpksRecord.id, PpksRecord.category_no, PpksRecord.status, PpksRecord.assessed_on, Community.desa_code,
               None).join(Community, Community.id == PpksRecord.community_id))


def _ppks(session: Session, p: Period) -> dict:
    categories = [[c.no, c.code, c.name] for c in session.scalars(select(PpksCategory).order_by(PpksCategory.no))]
    index = {no: i for i, (no, _, _) in enumerate(categories)}
    desa = [[r.code, r.name] for r in desa_list(session)]
    known = {code for code, _ in desa}
    changes = _status_changes(session, p.start)
    cells: dict[str, list[list[int]]] = {}
    active, handled = PpksStatus.ACTIVE.value, PpksStatus.HANDLED.value
    seen: set[int] = set()
    for rid, no, status, assessed, desa_code, sex in _ppks_holders(session):
        if rid in seen or assessed is None or assessed > p.last:
            continue
        seen.add(rid)  # a family record joined to two heads counts once
        now = status.value if hasattr(status, "value") else str(status)
        history = changes.get(rid, ())
        at_start = _status_at(now, history, p.start) if assessed < p.first else None
        at_end = _status_at(now, history, p.end)
        in_start = at_start == active
        is_new = assessed >= p.first or (at_start != active and at_end == active)
        if not (in_start or is_new or at_end == active):
            continue
        key = desa_code if desa_code in known else NO_DESA
        row = cells.setdefault(key, [[0] * len(PPKS_MEASURES) for _ in categories])[index[no]]
        w = 1 if getattr(sex, "value", sex) == "P" else 0  # communities and unknown heads count under L
        if in_start:
            row[0 + w] += 1
        if is_new:
            row[2 + w] += 1
        if in_start or is_new:
            if at_end == handled:
                row[4 + w] += 1
            elif at_end != active:
                row[6 + w] += 1
        if at_end == active:
            row[8 + w] += 1
    if NO_DESA in cells:
        desa.append([NO_DESA, "(di luar desa kecamatan)"])
    return {"categories": categories, "desa": desa, "measures": list(PPKS_MEASURES),
            "cells": {code: cells.get(code, [[0] * len(PPKS_MEASURES) for _ in categories]) for code, _ in desa}}


# ---- PSKS ---------------------------------------------------------------------------------------------

def p_zone(session: Session) -> str:
    return require_office(session).kecamatan_code


def _psks(session: Session, p: Period) -> dict:
    types = [[t.no, t.code, t.name] for t in session.scalars(select(PsksType).order_by(PsksType.no))]
    rows = {no: [0] * len(PSKS_MEASURES) for no, _, _ in types}
    soon = p.last + dt.timedelta(days=30)
    stmt = (select(PsksEntry.type_no, PsksEntry.person_id, Person.sex, PsksEntry.created_at, PsksEntry.term_end,
                   func.coalesce(PsksEntry.term_start, PsksEntry.sk_date))
            .outerjoin(Person, Person.id == PsksEntry.person_id).where(PsksEntry.active.is_(True)))
    for type_no, person_id, sex, created, term_end, since in session.execute(stmt):
        # A PSKS serves from the start of its term (or its decree); one recorded without either,
        # from the day it was recorded.
        since = since or local(created, zone_of(p_zone(session))).date()
        if since > p.last:
            continue
        row = rows[type_no]
        row[0] += 1
        if person_id is None:
            row[3] += 1
        else:
            row[2 if getattr(sex, "value", sex) == "P" else 1] += 1
        row[4] += since >= p.first
        row[5] += term_end is not None and term_end <= soon
    for type_no, n in session.execute(
            select(PsksEntry.type_no, func.count(PsksActivity.id)).join(PsksEntry, PsksEntry.id == PsksActivity.psks_id)
            .where(PsksActivity.activity_date.between(p.first, p.last)).group_by(PsksEntry.type_no)):
        rows[type_no][6] = n
    return {"types": types, "measures": list(PSKS_MEASURES), "rows": [rows[no] for no, _, _ in types]}


# ---- aid ----------------------------------------------------------------------------------------------

def _aid(session: Session, p: Period) -> list[dict]:
    """Per programme, the distribution events held in the month and what they came to."""
    out = []
    programmes = session.execute(
        select(Programme.id, Programme.name, Programme.period, Programme.form, Programme.unit,
               func.count(func.distinct(DistributionEvent.id)))
        .join(DistributionEvent, DistributionEvent.programme_id == Programme.id)
        .where(DistributionEvent.event_date.between(p.first, p.last))
        .group_by(Programme.id, Programme.name, Programme.period, Programme.form, Programme.unit)
        .order_by(Programme.name, Programme.id))
    for pid, name, period, form, unit, events in programmes:
        counts = [events, 0, 0, 0, 0, 0, 0]
        stmt = (select(Allocation.status, Allocation.proxy_name, Recipient.amount)
                .join(Recipient, Recipient.id == Allocation.recipient_id)
                .join(DistributionEvent, DistributionEvent.id == Allocation.event_id)
                .where(DistributionEvent.programme_id == pid, DistributionEvent.event_date.between(p.first, p.last)))
        for status, proxy, amount in session.execute(stmt):
            counts[1] += 1
            if status == CollectStatus.COLLECTED:
                counts[2] += 1
                counts[3] += bool(proxy)
                counts[6] += amount or 0
            elif status == CollectStatus.ABSENT:
                counts[4] += 1
            else:
                counts[5] += 1
        out.append({"programme": name, "period": period, "cash": AidForm(form) is AidForm.CASH,
                    "unit": "Rp" if AidForm(form) is AidForm.CASH else unit, "counts": counts})
    return out


# ---- referrals, visits, activities ------------------------------------------------------------------

def _referrals(session: Session, p: Period) -> dict:
    last_event = (select(ReferralEvent.referral_id, func.max(ReferralEvent.id).label("id"))
                  .where(ReferralEvent.at < p.end).group_by(ReferralEvent.referral_id).subquery())
    at_end = dict(session.execute(select(ReferralEvent.referral_id, ReferralEvent.to_status)
                                  .join(last_event, last_event.c.id == ReferralEvent.id)).all())
    statuses = {s.value: 0 for s in ReferralStatus}
    overdue = 0
    for rid, due in session.execute(select(Referral.id, Referral.follow_up_due).where(Referral.created_at < p.end)):
        status = at_end.get(rid, ReferralStatus.DRAFT.value)
        statuses[status] = statuses.get(status, 0) + 1
        overdue += due is not None and due <= p.last and status != ReferralStatus.CLOSED.value
    new = session.scalar(select(func.count(Referral.id)).where(Referral.created_at >= p.start,
                                                               Referral.created_at < p.end)) or 0
    closed = session.scalar(select(func.count(func.distinct(ReferralEvent.referral_id))).where(
        ReferralEvent.to_status == ReferralStatus.CLOSED.value, ReferralEvent.at >= p.start,
        ReferralEvent.at < p.end)) or 0
    return {"status": [[s, n] for s, n in statuses.items()], "new": new, "closed": closed, "overdue": overdue}


def _visits(session: Session, p: Period) -> dict:
    """Per purpose: visits due in the month, done in the month, cancelled; overdue at its end."""
    rows = {v.value: [0, 0, 0] for v in VisitPurpose}
    for purpose, status, due, visited in session.execute(
            select(HomeVisit.purpose, HomeVisit.status, HomeVisit.due_date, HomeVisit.visited_on)):
        row = rows[VisitPurpose(purpose).value]
        if p.first <= due <= p.last:
            row[0] += 1
            row[2] += status == VisitStatus.CANCELLED
        if status == VisitStatus.DONE and visited and p.first <= visited <= p.last:
            row[1] += 1
    late = session.scalar(select(func.count(HomeVisit.id)).where(
        HomeVisit.due_date <= p.last, (HomeVisit.status == VisitStatus.PLANNED) |
        ((HomeVisit.status == VisitStatus.DONE) & (HomeVisit.visited_on > p.last)))) or 0
    return {"purposes": [[k, *v] for k, v in rows.items()], "overdue": late}


def _activities(session: Session, p: Period) -> dict:
    rows = {k.value: [0, 0, 0] for k in ActivityKind}
    where = PsksActivity.activity_date.between(p.first, p.last)
    for kind, n, persons, families in session.execute(
            select(PsksActivity.kind, func.count(), func.sum(PsksActivity.persons_served),
                   func.sum(PsksActivity.families_served)).where(where).group_by(PsksActivity.kind)):
        rows[ActivityKind(kind).value] = [n, persons or 0, families or 0]
    reporting = session.scalar(select(func.count(func.distinct(PsksActivity.psks_id))).where(where)) or 0
    photos = session.scalar(select(func.count(WorkPhoto.id)).join(PsksActivity, PsksActivity.id ==
                                                                   WorkPhoto.activity_id).where(where)) or 0
    return {"kinds": [[k, *v] for k, v in rows.items()], "reporting": reporting, "photos": photos}


def _register() -> None:
    """Complaints and verivali (issue 16) report through the extension point like any other block."""
    from desktop.core.services.month_extra import PROVIDERS as EXTRA

    PROVIDERS.extend(p for p in EXTRA if p not in PROVIDERS)


_register()

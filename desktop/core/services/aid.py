"""Aid programmes and the state of their recipient lists.

A list is built from the registry (a filter such as "fakir miskin in desil 1–2") or from the
regency's Excel list (`aid_recipients`), then cross-checked: the same NIK or the same KK twice, a
recipient of another programme in an overlapping period, a deceased or moved person, a line without
NIK. Each finding needs a decision (keep or exclude, with who and why) before the list can be made
final (`aid_checks`); only a final list goes to distribution events (`distribution`). This module
holds the programme itself and what those modules share: whether its list may still change, how
many lines it includes, and ids in chunks small enough for one IN (...).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.db.models import DistributionEvent, Programme, Recipient, RecipientCheck
from desktop.core.domain.enums import AidForm, Funding, ListStatus, RecipientStatus, TargetUnit
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.services.common import get_or_fail

CHUNK = 900  # ids per IN (...): below SQLite's old limit of 999 bound variables


def id_chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    ids = list(ids)
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


# ---- programmes ----------------------------------------------------------------------------------

@dataclass
class ProgrammeInput:
    name: str
    funding: str
    form: str
    item: str
    unit: str
    amount: int
    period: str
    period_start: dt.date
    period_end: dt.date
    target: str
    basis: str | None = None
    notes: str | None = None


def _validate(data: ProgrammeInput) -> list[Finding]:
    errors = []
    if not data.name.strip():
        errors.append(Finding("aid.programme_name"))
    if not data.item.strip():
        errors.append(Finding("aid.programme_item"))
    if data.amount is None or data.amount <= 0:
        errors.append(Finding("aid.programme_amount"))
    if not data.period.strip():
        errors.append(Finding("aid.programme_period"))
    if data.period_start and data.period_end and data.period_end < data.period_start:
        errors.append(Finding("aid.programme_dates"))
    for value, enum_cls in ((data.funding, Funding), (data.form, AidForm), (data.target, TargetUnit)):
        try:
            enum_cls(value)
        except ValueError:
            errors.append(Finding("aid.programme_choice", params={"value": value}))
    return errors


def save_programme(session: Session, data: ProgrammeInput, programme_id: int | None = None) -> Programme:
    errors = _validate(data)
    if errors:
        raise ValidationError(errors)
    programme = Programme() if programme_id is None else get_programme(session, programme_id)
    if programme_id is not None and programme.target != TargetUnit(data.target) \
            and included_count(session, programme.id):
        raise SimpulError("aid.target_locked")
    unit = "Rp" if AidForm(data.form) == AidForm.CASH else (data.unit.strip() or "paket")
    programme.name, programme.funding, programme.form = data.name.strip(), Funding(data.funding), AidForm(data.form)
    programme.item, programme.unit, programme.amount = data.item.strip(), unit, int(data.amount)
    programme.period, programme.period_start, programme.period_end = \
        data.period.strip(), data.period_start, data.period_end
    programme.target, programme.basis = TargetUnit(data.target), (data.basis or "").strip() or None
    programme.notes = (data.notes or "").strip() or None
    if programme_id is None:
        session.add(programme)
    session.flush()
    return programme


def get_programme(session: Session, programme_id: int) -> Programme:
    return get_or_fail(session, Programme, programme_id, "program")


def included_count(session: Session, programme_id: int) -> int:
    return session.scalar(select(func.count()).select_from(Recipient).where(
        Recipient.programme_id == programme_id, Recipient.status == RecipientStatus.INCLUDED)) or 0


@dataclass(frozen=True, slots=True)
class ProgrammeRow:
    id: int
    name: str
    period: str
    funding: Funding
    form: AidForm
    item: str
    unit: str
    amount: int
    target: TargetUnit
    list_status: ListStatus
    recipients: int  # included
    excluded: int
    open_checks: int  # findings still waiting for a decision
    events: int

    @property
    def cash(self) -> bool:
        return self.form is AidForm.CASH


def programme_ids(session: Session) -> list[int]:
    """Every programme, newest period first (the order of the Program tab)."""
    return list(session.scalars(select(Programme.id).order_by(Programme.period_start.desc(), Programme.id.desc())))


def programme_rows(session: Session, ids: Sequence[int] | None = None) -> list[ProgrammeRow]:
    """The programmes (all, or these) with their counts, each counted by one grouped query."""
    def only(column, stmt):
        return stmt if ids is None else stmt.where(column.in_(list(ids)))

    counts: dict[tuple[int, RecipientStatus], int] = {
        (pid, status): n for pid, status, n in session.execute(only(Recipient.programme_id, select(
            Recipient.programme_id, Recipient.status, func.count()).group_by(Recipient.programme_id,
                                                                             Recipient.status)))}
    open_checks = dict(session.execute(only(Recipient.programme_id, select(Recipient.programme_id, func.count())
                                            .join(RecipientCheck, RecipientCheck.recipient_id == Recipient.id)
                                            .where(RecipientCheck.decision.is_(None))
                                            .group_by(Recipient.programme_id))).all())
    events = dict(session.execute(only(DistributionEvent.programme_id, select(
        DistributionEvent.programme_id, func.count()).group_by(DistributionEvent.programme_id))).all())
    stmt = only(Programme.id, select(Programme).order_by(Programme.period_start.desc(), Programme.id.desc()))
    return [ProgrammeRow(p.id, p.name, p.period, p.funding, p.form, p.item, p.unit, p.amount, p.target,
                         p.list_status, counts.get((p.id, RecipientStatus.INCLUDED), 0),
                         counts.get((p.id, RecipientStatus.EXCLUDED), 0), open_checks.get(p.id, 0),
                         events.get(p.id, 0))
            for p in session.scalars(stmt)]


# ---- the list's state ---------------------------------------------------------------------------

def require_draft(programme: Programme) -> None:
    """A final list changes only after `aid_checks.reopen`."""
    if programme.list_status == ListStatus.FINAL:
        raise SimpulError("aid.list_final", name=programme.name)

"""Cross-checking a recipient list, deciding on its findings, making it final, and reading it.

The findings are what an auditor asks about (the same NIK or KK twice, another programme in the same
period, a deceased or moved person, no NIK), so every decision records who took it and, to keep a
line, why. The list is read here too, line by line with its findings, as the screen shows it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from desktop.core.db.base import utcnow
from desktop.core.db.models import Person, Programme, Recipient, RecipientCheck, Region
from desktop.core.domain.enums import CheckKind, Decision, LifeStatus, ListStatus, RecipientStatus, TargetUnit
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.i18n import number
from desktop.core.services.aid import get_programme, id_chunks, included_count, require_draft
from desktop.core.services.common import actor, get_or_fail


# ---- cross-checks ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CheckSummary:
    lines: int  # included lines checked
    findings: int
    open: int  # findings without a decision
    by_kind: dict[CheckKind, int]


def _findings(session: Session, programme: Programme) -> dict[tuple[int, CheckKind], str]:
    """Every finding the list has now: (recipient id, kind) -> detail in words."""
    lines = list(session.execute(
        select(Recipient.id, Recipient.person_id, Recipient.family_id, Recipient.nik, Recipient.no_kk,
               Recipient.name, Person.life_status)
        .join(Person, Person.id == Recipient.person_id)
        .where(Recipient.programme_id == programme.id)))
    found: dict[tuple[int, CheckKind], str] = {}
    by_nik: dict[str, list] = defaultdict(list)
    by_kk: dict[str, list] = defaultdict(list)
    for line in lines:
        if line.nik:
            by_nik[line.nik].append(line)
        else:
            found[(line.id, CheckKind.NO_NIK)] = "Baris ini tidak memiliki NIK"
        if line.no_kk:
            by_kk[line.no_kk].append(line)
        if line.life_status == LifeStatus.DECEASED:
            found[(line.id, CheckKind.DECEASED)] = "Tercatat meninggal di registri"
        elif line.life_status == LifeStatus.MOVED:
            found[(line.id, CheckKind.MOVED)] = "Tercatat pindah di registri"
    for group, kind, label in ((by_nik, CheckKind.SAME_NIK, "NIK"), (by_kk, CheckKind.SAME_KK, "No. KK")):
        if kind == CheckKind.SAME_KK and programme.target != TargetUnit.FAMILY:
            continue  # two members of one family may each receive a per-person programme
        for same in group.values():
            if len(same) < 2:
                continue
            for line in same:
                others = ", ".join(o.name for o in same if o.id != line.id)
                found[(line.id, kind)] = f"{label} sama dengan {len(same) - 1} baris lain ({others})"[:250]
    # Another programme whose period overlaps this one, for the same person (or the same family).
    other = (select(Recipient.person_id, Recipient.family_id, Programme.name, Programme.period)
             .join(Programme, Programme.id == Recipient.programme_id)
             .where(Recipient.programme_id != programme.id, Recipient.status == RecipientStatus.INCLUDED,
                    and_(Programme.period_start <= programme.period_end,
                         Programme.period_end >= programme.period_start)))
    by_person: dict[int, list[str]] = defaultdict(list)
    by_family: dict[int, list[str]] = defaultdict(list)
    for person_id, family_id, name, period in session.execute(other):
        by_person[person_id].append(f"{name} ({period})")
        if family_id:
            by_family[family_id].append(f"{name} ({period})")
    for line in lines:
        hits = by_person.get(line.person_id, [])
        if programme.target == TargetUnit.FAMILY and line.family_id:
            hits = hits + by_family.get(line.family_id, [])
        if hits:
            found[(line.id, CheckKind.OTHER_PROGRAMME)] = \
                ("Juga penerima " + "; ".join(sorted(set(hits))) + " pada periode yang sama")[:250]
    return found


def run_checks(session: Session, programme_id: int) -> CheckSummary:
    """Bring the findings up to date: new ones wait for a decision, decided ones whose reason still
    holds keep their decision, and ones whose reason is gone are dropped."""
    programme = get_programme(session, programme_id)
    found = _findings(session, programme)
    existing = {(c.recipient_id, c.kind): c for c in session.scalars(
        select(RecipientCheck).join(Recipient).where(Recipient.programme_id == programme_id))}
    for key, check in existing.items():
        if key not in found:
            session.delete(check)
        elif check.detail != found[key]:
            check.detail = found[key]
    session.add_all([RecipientCheck(recipient_id=rid, kind=kind, detail=detail)
                     for (rid, kind), detail in found.items() if (rid, kind) not in existing])
    session.flush()
    by_kind: dict[CheckKind, int] = defaultdict(int)
    open_count = 0
    for c in session.scalars(select(RecipientCheck).join(Recipient).where(Recipient.programme_id == programme_id)):
        by_kind[c.kind] += 1
        open_count += c.decision is None
    lines = session.scalar(select(func.count()).select_from(Recipient).where(Recipient.programme_id == programme_id))
    return CheckSummary(lines or 0, sum(by_kind.values()), open_count, dict(by_kind))


def decide(session: Session, check_id: int, decision: Decision | str, note: str | None = None) -> RecipientCheck:
    """Keep or exclude a line over a finding. Excluding needs no more than the decision; keeping a
    line over a finding needs a note saying why (the auditor will ask)."""
    check = get_or_fail(session, RecipientCheck, check_id, "temuan")
    recipient = session.get(Recipient, check.recipient_id)
    require_draft(get_programme(session, recipient.programme_id))
    choice = Decision(decision)
    if choice == Decision.KEEP and not (note or "").strip():
        raise ValidationError([Finding("aid.keep_reason")])
    check.decision, check.note = choice, (note or "").strip() or None
    check.decided_by, check.decided_at = actor(session), utcnow()
    _apply_decisions(recipient)
    session.flush()
    return check


def decide_all(session: Session, programme_id: int, kind: CheckKind | str, decision: Decision | str,
               note: str | None = None) -> int:
    """The same decision for every open finding of one kind (e.g. keep everyone who also receives
    a programme of another kind), recorded per line as if taken one by one. Returns how many."""
    from sqlalchemy.orm import selectinload

    require_draft(get_programme(session, programme_id))
    choice = Decision(decision)
    if choice == Decision.KEEP and not (note or "").strip():
        raise ValidationError([Finding("aid.keep_reason")])
    # One query for the lines and all their findings, not three per finding.
    lines = session.scalars(select(Recipient).options(selectinload(Recipient.checks)).where(
        Recipient.programme_id == programme_id, Recipient.id.in_(
            select(RecipientCheck.recipient_id).where(RecipientCheck.kind == CheckKind(kind),
                                                      RecipientCheck.decision.is_(None))))).all()
    by, now, count = actor(session), utcnow(), 0
    for recipient in lines:
        for check in recipient.checks:
            if check.kind == CheckKind(kind) and check.decision is None:
                check.decision, check.note = choice, (note or "").strip() or None
                check.decided_by, check.decided_at = by, now
                count += 1
        _apply_decisions(recipient)
    session.flush()
    return count


def _apply_decisions(recipient: Recipient) -> None:
    """A line is out once any finding excluded it, and back in when every finding says keep."""
    if any(c.decision == Decision.EXCLUDE for c in recipient.checks):
        recipient.status = RecipientStatus.EXCLUDED
    elif all(c.decision == Decision.KEEP for c in recipient.checks):
        recipient.status = RecipientStatus.INCLUDED


def finalise(session: Session, programme_id: int) -> CheckSummary:
    """Make the list final after a last check; refused while a finding waits for a decision."""
    programme = get_programme(session, programme_id)
    summary = run_checks(session, programme_id)
    if summary.open:
        raise SimpulError("aid.open_checks", count=number(summary.open))
    if not included_count(session, programme_id):
        raise SimpulError("aid.empty_list")
    programme.list_status, programme.finalised_at, programme.finalised_by = ListStatus.FINAL, utcnow(), actor(session)
    session.flush()
    return summary


def reopen(session: Session, programme_id: int) -> None:
    """Back to draft to correct the list; lines already handed out stay as they are."""
    programme = get_programme(session, programme_id)
    programme.list_status, programme.finalised_at, programme.finalised_by = ListStatus.DRAFT, None, None
    session.flush()


# ---- reading the list -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CheckRow:
    id: int
    kind: CheckKind
    detail: str
    decision: Decision | None
    note: str | None
    decided_by: str | None


@dataclass(frozen=True, slots=True)
class RecipientRow:
    id: int
    person_id: int
    name: str
    nik: str | None
    no_kk: str | None
    desa: str | None
    rt: str | None
    rw: str | None
    amount: int
    status: RecipientStatus
    source: str
    source_row: int | None
    checks: tuple[CheckRow, ...]

    @property
    def open_checks(self) -> int:
        return sum(c.decision is None for c in self.checks)


def recipient_ids(session: Session, programme_id: int, *, only_open: bool = False, text: str = "") -> list[int]:
    """The list's lines in the order the screen and the papers show them (desa, name): ids only,
    so a list of 70,000 lines costs one narrow query; `text` finds part of a name, NIK or No. KK."""
    stmt = (select(Recipient.id).join(Person, Person.id == Recipient.person_id)
            .outerjoin(Region, Region.code == Person.desa_code)
            .where(Recipient.programme_id == programme_id)
            .order_by(Region.name.nulls_last(), Recipient.name, Recipient.id))
    if only_open:
        stmt = stmt.where(Recipient.id.in_(select(RecipientCheck.recipient_id)
                                           .where(RecipientCheck.decision.is_(None))))
    text = text.strip().lower()
    if text:
        stmt = stmt.where(or_(func.lower(Recipient.name).contains(text, autoescape=True),
                              Recipient.nik.contains(text, autoescape=True),
                              Recipient.no_kk.contains(text, autoescape=True)))
    return list(session.scalars(stmt))


def recipient_rows_by_id(session: Session, ids: Sequence[int]) -> dict[int, RecipientRow]:
    """These lines with their findings, as plain rows (a block of the list the screen shows)."""
    rows: dict[int, RecipientRow] = {}
    for chunk in id_chunks(ids):
        checks: dict[int, list[CheckRow]] = defaultdict(list)
        for c in session.scalars(select(RecipientCheck).where(RecipientCheck.recipient_id.in_(chunk))
                                 .order_by(RecipientCheck.id)):
            checks[c.recipient_id].append(CheckRow(c.id, c.kind, c.detail, c.decision, c.note, c.decided_by))
        stmt = (select(Recipient.id, Recipient.person_id, Recipient.name, Recipient.nik, Recipient.no_kk, Region.name,
                       Person.rt, Person.rw, Recipient.amount, Recipient.status, Recipient.source,
                       Recipient.source_row)
                .join(Person, Person.id == Recipient.person_id)
                .outerjoin(Region, Region.code == Person.desa_code)
                .where(Recipient.id.in_(chunk)))
        for row in session.execute(stmt):
            rows[row[0]] = RecipientRow(*row, tuple(checks.get(row[0], ())))
    return rows


def recipient_rows(session: Session, programme_id: int, only_open: bool = False) -> list[RecipientRow]:
    """The whole list in order (for tests and the command line; a screen reads it in blocks)."""
    ids = recipient_ids(session, programme_id, only_open=only_open)
    found = recipient_rows_by_id(session, ids)
    return [found[i] for i in ids]

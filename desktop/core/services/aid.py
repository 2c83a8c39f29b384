"""Aid programmes and their recipient lists.

A list is built from the registry (a filter such as "fakir miskin in desil 1–2") or from the
regency's Excel list, then cross-checked: the same NIK or the same KK twice, a recipient of
another programme in an overlapping period, a deceased or moved person, a line without NIK. Each
finding needs a decision (keep or exclude, with who and why) before the list can be made final;
only a final list goes to distribution events.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from desktop.core.db.base import utcnow
from desktop.core.db.models import DistributionEvent, Family, Person, Programme, Recipient, RecipientCheck, Region
from desktop.core.domain.enums import (
    AidForm,
    CheckKind,
    Decision,
    Funding,
    LifeStatus,
    ListStatus,
    RecipientStatus,
    TargetUnit,
)
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.i18n import number
from desktop.core.services import common
from desktop.core.services.common import actor, get_or_fail
from desktop.core.services.lists import PersonFilter, person_ids

CHUNK = 900  # ids per IN (...): below SQLite's old limit of 999 bound variables


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
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
    if programme_id is not None and programme.target != TargetUnit(data.target) and _count(session, programme.id):
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


def _count(session: Session, programme_id: int) -> int:
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


# ---- building the list ---------------------------------------------------------------------------

def _editable(programme: Programme) -> None:
    if programme.list_status == ListStatus.FINAL:
        raise SimpulError("aid.list_final", name=programme.name)


@dataclass(frozen=True, slots=True)
class AddResult:
    added: int
    already: int  # already on the list
    without_family: int  # family programmes: the person belongs to no family in the registry

    @property
    def message(self) -> str:
        from desktop.core.i18n import t

        return t("aid.added", added=number(self.added), already=number(self.already),
                 without_family=number(self.without_family))


def _representative(session: Session, family_ids: set[int]) -> dict[int, Person]:
    """The family member who signs and collects for a family: the head, else the oldest member."""
    reps: dict[int, Person] = {}
    if not family_ids:
        return reps
    for chunk in _chunks(sorted(family_ids)):
        for person in session.scalars(select(Person).where(Person.family_id.in_(chunk))
                                      .order_by(Person.family_id, Person.relationship_code.nulls_last(),
                                                Person.birth_date.nulls_last())):
            reps.setdefault(person.family_id, person)
    return reps


def add_from_registry(session: Session, programme_id: int, person_filter: PersonFilter,
                      limit: int | None = None, dry_run: bool = False) -> AddResult:
    """Add everyone the filter finds (alive, in the registry); for a family programme, one line per
    family with its head as the one who collects. Lines already on the list are not added twice.
    With `dry_run` only the counts: what the screen shows before the operator confirms."""
    programme = get_programme(session, programme_id)
    _editable(programme)
    if not person_filter.life_status:
        person_filter = PersonFilter(**{**person_filter.__dict__, "life_status": LifeStatus.ALIVE.value})
    ids = person_ids(session, person_filter)
    if limit is not None:
        ids = ids[:limit]
    on_list_persons = set(session.scalars(select(Recipient.person_id).where(Recipient.programme_id == programme_id)))
    on_list_families = set(session.scalars(select(Recipient.family_id).where(
        Recipient.programme_id == programme_id, Recipient.family_id.is_not(None))))
    persons: list[Person] = []
    for chunk in _chunks(ids):
        persons += session.scalars(select(Person).where(Person.id.in_(chunk)))
    order = {pid: n for n, pid in enumerate(ids)}
    persons.sort(key=lambda p: order[p.id])
    kk = dict(session.execute(select(Family.id, Family.no_kk).where(
        Family.id.in_({p.family_id for p in persons if p.family_id}))).all()) if persons else {}
    already = without_family = 0
    rows = []
    if programme.target == TargetUnit.FAMILY:
        reps = _representative(session, {p.family_id for p in persons if p.family_id})
        seen: set[int] = set()
        for p in persons:
            if not p.family_id:
                without_family += 1
                continue
            if p.family_id in seen:
                continue
            seen.add(p.family_id)
            if p.family_id in on_list_families:
                already += 1
                continue
            rep = reps[p.family_id]
            rows.append(dict(person_id=rep.id, family_id=rep.family_id, nik=rep.nik, name=rep.name,
                             no_kk=kk.get(rep.family_id)))
    else:
        for p in persons:
            if p.id in on_list_persons:
                already += 1
                continue
            rows.append(dict(person_id=p.id, family_id=p.family_id, nik=p.nik, name=p.name,
                             no_kk=kk.get(p.family_id)))
    if not dry_run:
        by = actor(session)
        session.add_all([Recipient(programme_id=programme_id, amount=programme.amount, source="registri",
                                   added_by=by, **row) for row in rows])
        session.flush()
    return AddResult(len(rows), already, without_family)


def add_person(session: Session, programme_id: int, person_id: int, source: str = "manual",
               source_row: int | None = None, import_batch_id: int | None = None) -> Recipient:
    """One line for one person (or their family). Used by hand and for each line of an imported list;
    the same person twice is allowed here, because the checks must show it."""
    programme = get_programme(session, programme_id)
    _editable(programme)
    person = get_or_fail(session, Person, person_id, "penduduk")
    if programme.target == TargetUnit.FAMILY and not person.family_id:
        raise SimpulError("aid.needs_family", name=person.name)
    no_kk = session.scalar(select(Family.no_kk).where(Family.id == person.family_id)) if person.family_id else None
    recipient = Recipient(programme_id=programme_id, person_id=person.id, family_id=person.family_id, nik=person.nik,
                          name=person.name, no_kk=no_kk, amount=programme.amount, source=source,
                          source_row=source_row, import_batch_id=import_batch_id, added_by=actor(session))
    session.add(recipient)
    session.flush()
    return recipient


def remove_recipient(session: Session, recipient_id: int) -> None:
    """Take a line off a draft list (a final list excludes with a decision instead)."""
    recipient = get_or_fail(session, Recipient, recipient_id, "penerima")
    _editable(get_programme(session, recipient.programme_id))
    session.delete(recipient)
    session.flush()


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
    _editable(get_programme(session, recipient.programme_id))
    choice = Decision(decision)
    if choice == Decision.KEEP and not (note or "").strip():
        raise ValidationError([Finding("aid.keep_reason")])
    check.decision, check.note = choice, (note or "").strip() or None
    check.decided_by, check.decided_at = actor(session), utcnow()
    _apply_decisions(recipient)
    session.flush()
    return check


def finalise(session: Session, programme_id: int) -> CheckSummary:
    """Make the list final after a last check; refused while a finding waits for a decision."""
    programme = get_programme(session, programme_id)
    summary = run_checks(session, programme_id)
    if summary.open:
        raise SimpulError("aid.open_checks", count=number(summary.open))
    if not _count(session, programme_id):
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
    for chunk in _chunks(ids):
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


def is_listed(session: Session, programme_id: int, person_id: int) -> bool:
    """Whether the person already has a line on the list (adding them again is allowed for an
    imported list, where the checks show it; the screen asks first)."""
    return session.scalar(select(Recipient.id).where(Recipient.programme_id == programme_id,
                                                     Recipient.person_id == person_id).limit(1)) is not None


def decide_all(session: Session, programme_id: int, kind: CheckKind | str, decision: Decision | str,
               note: str | None = None) -> int:
    """The same decision for every open finding of one kind (e.g. keep everyone who also receives
    a programme of another kind), recorded per line as if taken one by one. Returns how many."""
    from sqlalchemy.orm import selectinload

    _editable(get_programme(session, programme_id))
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


# ---- a list from the regency's Excel file ------------------------------------------------------------

@dataclass
class ListImport:
    """The registry import (its own batch, undoable) and the list lines made from it."""

    result: object  # ImportResult of the registry import
    listed: int = 0  # lines added to the list, one per accepted row (duplicates included, for the checks)
    not_listed: int = 0  # rejected or conflicting rows: in the import report with their reason
    checks: CheckSummary | None = None


def import_list(db, programme_id: int, path, *, sheet: str | None = None, mapping: dict[int, str] | None = None,
                dry_run: bool = False, report_path=None, actor: str | None = None, progress=None) -> ListImport:
    """Bring the regency's list in through the Excel import: every row that the import accepts
    becomes a list line as the file has it, and the checks run at once. One transaction: the
    registry changes and the list land together or not at all."""
    from desktop.core.progress import NULL_PROGRESS
    from desktop.core.services.import_plan import by_key
    from desktop.core.services.imports import run_import

    with db.read() as s:
        _editable(get_programme(s, programme_id))
    outcome = ListImport(result=None)

    def add_lines(session: Session, parsed, plan, result) -> None:
        programme = get_programme(session, programme_id)
        taken = [i for i, status in enumerate(plan.status) if status in ("inserted", "updated", "unchanged")]
        nik, name_key, birth = (parsed.columns[f] for f in ("nik", "name_key", "birth_date"))
        persons = by_key(session, Person, Person.nik, sorted({nik[i] for i in taken if nik[i]}))
        kk = dict(session.execute(select(Family.id, Family.no_kk).where(
            Family.id.in_({p.family_id for p in persons.values() if p.family_id}))).all()) if persons else {}
        lines = []
        for i in taken:
            person = persons.get(nik[i])
            if person is None:  # no NIK: found by name and birth date, as the import matched it
                person = session.scalars(select(Person).where(
                    Person.name_key == name_key[i], Person.birth_date == birth[i])).first()
            if person is None or (programme.target == TargetUnit.FAMILY and not person.family_id):
                outcome.not_listed += 1
                continue
            lines.append(Recipient(programme_id=programme_id, person_id=person.id, family_id=person.family_id,
                                   nik=person.nik, name=person.name, no_kk=kk.get(person.family_id),
                                   amount=programme.amount, source="impor", source_row=parsed.numbers[i],
                                   import_batch_id=result.batch_id,
                                   added_by=common.actor(session)))  # `actor` is a parameter here
        session.add_all(lines)
        session.flush()
        outcome.listed = len(lines)
        outcome.not_listed += len(parsed) - len(taken)
        outcome.checks = run_checks(session, programme_id)

    outcome.result = run_import(db, path, sheet=sheet, mapping=mapping, dry_run=dry_run, report_path=report_path,
                                actor=actor, progress=progress or NULL_PROGRESS, then=add_lines)
    return outcome

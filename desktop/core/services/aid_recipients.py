"""Building a programme's recipient list: from the registry, by hand, or from the regency's Excel list.

Kept apart from the checks (`aid_checks`) because adding lines is the one place that decides who
collects for a family and how an imported row becomes a line; lines are added as found, duplicates
included, so that the checks can show them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.db.models import Family, Person, Recipient
from desktop.core.domain.enums import LifeStatus, TargetUnit
from desktop.core.errors import SimpulError
from desktop.core.i18n import number
from desktop.core.services import common
from desktop.core.services.aid import get_programme, id_chunks, require_draft
from desktop.core.services.aid_checks import CheckSummary, run_checks
from desktop.core.services.common import actor, get_or_fail
from desktop.core.services.lists import PersonFilter, person_ids


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
    for chunk in id_chunks(sorted(family_ids)):
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
    require_draft(programme)
    if not person_filter.life_status:
        person_filter = PersonFilter(**{**person_filter.__dict__, "life_status": LifeStatus.ALIVE.value})
    ids = person_ids(session, person_filter)
    if limit is not None:
        ids = ids[:limit]
    on_list_persons = set(session.scalars(select(Recipient.person_id).where(Recipient.programme_id == programme_id)))
    on_list_families = set(session.scalars(select(Recipient.family_id).where(
        Recipient.programme_id == programme_id, Recipient.family_id.is_not(None))))
    persons: list[Person] = []
    for chunk in id_chunks(ids):
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
    require_draft(programme)
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
    require_draft(get_programme(session, recipient.programme_id))
    session.delete(recipient)
    session.flush()


def is_listed(session: Session, programme_id: int, person_id: int) -> bool:
    """Whether the person already has a line on the list (adding them again is allowed for an
    imported list, where the checks show it; the screen asks first)."""
    return session.scalar(select(Recipient.id).where(Recipient.programme_id == programme_id,
                                                     Recipient.person_id == person_id).limit(1)) is not None


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
        require_draft(get_programme(s, programme_id))
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

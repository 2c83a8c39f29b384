"""PPKS records and PSKS entries: assigning categories and registering welfare resources. Each
write returns what it changed (`Changes`), as the registry's services do."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes, Kind
from desktop.core.db.models import (
    Community,
    Family,
    Person,
    PpksAlias,
    PpksCategory,
    PpksRecord,
    PsksAlias,
    PsksCoverage,
    PsksEntry,
    PsksMember,
    PsksType,
)
from desktop.core.domain.categories import CategoryRule, category_warnings, ppks_category_no
from desktop.core.domain.enums import PpksSource, PpksStatus, PsksForm
from desktop.core.errors import Finding, ValidationError
from desktop.core.progress import NULL_PROGRESS, Progress, check_cancelled
from desktop.core.services import privacy
from desktop.core.services.common import get_or_fail
from desktop.core.services.registry import MANY, Outcome, family_changes, office_desa_codes


def _alias_key(text: str | int) -> str:
    return " ".join(str(text).upper().replace("_", " ").split())


def find_category(session: Session, code: str | int) -> PpksCategory | None:
    """A category by number (1-26), code, full name, "PPKS-07" or a legacy code (KFM, WRSE...)."""
    key = _alias_key(code)
    if key.isdigit():
        return session.get(PpksCategory, int(key))
    # The spellings regency files and people use (terlantar/telantar, "lansia", old PMKS names),
    # then the aliases an office added itself.
    no = ppks_category_no(str(code))
    if no is None:
        no = session.scalar(select(PpksAlias.category_no).where(PpksAlias.alias == key))
    return session.get(PpksCategory, no) if no is not None else None


def find_psks_type(session: Session, code: str | int) -> PsksType | None:
    key = _alias_key(code)
    if key.isdigit():
        return session.get(PsksType, int(key))
    no = session.scalar(select(PsksAlias.type_no).where(PsksAlias.alias == key))
    return session.get(PsksType, no) if no is not None else None


def rule_of(category: PpksCategory) -> CategoryRule:
    return CategoryRule(category.code, category.unit.value, category.age_min, category.age_max,
                        category.sex.value if category.sex else None)


@dataclass
class PpksInput:
    category: str | int
    assessed_on: dt.date
    source: str = PpksSource.TKSK.value
    status: str = PpksStatus.ACTIVE.value
    notes: str | None = None
    person_id: int | None = None
    family_id: int | None = None
    community_id: int | None = None


def add_ppks(session: Session, data: PpksInput) -> Outcome:
    """Record a category on exactly one holder. Age, sex and unit rules only warn."""
    category = find_category(session, data.category)
    if category is None or not privacy.category_shown(session, category.no):
        raise ValidationError([Finding("ppks.unknown", params={"code": data.category})])
    holders = [(k, v) for k, v in (("orang", data.person_id), ("keluarga", data.family_id),
                                   ("komunitas", data.community_id)) if v is not None]
    if len(holders) != 1:
        raise ValueError("a PPKS record has exactly one holder: a person, a family or a community")
    holder_kind, holder_id = holders[0]
    model = {"orang": Person, "keluarga": Family, "komunitas": Community}[holder_kind]
    holder = get_or_fail(session, model, holder_id, holder_kind)
    column = {"orang": PpksRecord.person_id, "keluarga": PpksRecord.family_id,
              "komunitas": PpksRecord.community_id}[holder_kind]
    if session.scalar(select(PpksRecord.id).where(PpksRecord.category_no == category.no, column == holder_id)):
        raise ValidationError([Finding("ppks.duplicate", params={"code": category.code})])
    warnings = category_warnings(
        rule_of(category), holder=holder_kind,
        birth_date=getattr(holder, "birth_date", None),
        sex=holder.sex.value if isinstance(holder, Person) else None,
        assessed_on=data.assessed_on)
    record = PpksRecord(category_no=category.no, person_id=data.person_id, family_id=data.family_id,
                        community_id=data.community_id, assessed_on=data.assessed_on,
                        source=PpksSource(data.source), status=PpksStatus(data.status),
                        notes=(data.notes or "").strip() or None)
    session.add(record)
    session.flush()
    return Outcome(record.id, warnings, ppks_changes(session, record, reshaped=True))


def ppks_changes(session: Session, record: PpksRecord, *, reshaped: bool) -> Changes:
    """The record, and the rows that show its code: its person, or its family and their members."""
    out = (Changes.reshaped if reshaped else Changes.updated)(Kind.PPKS, [record.id])
    if record.person_id is not None:
        out |= Changes.updated(Kind.PERSON, [record.person_id])
    if record.family_id is not None:
        out |= family_changes(session, [record.family_id])
    return out


def _ppks_record(session: Session, record_id: int) -> PpksRecord:
    record = get_or_fail(session, PpksRecord, record_id, "PPKS")
    privacy.require_category(session, record.category_no)
    return record


def set_ppks_status(session: Session, record_id: int, status: str, notes: str | None = None) -> Changes:
    record = _ppks_record(session, record_id)
    record.status = PpksStatus(status)
    if notes is not None:
        record.notes = notes.strip() or None
    session.flush()
    return ppks_changes(session, record, reshaped=False)


def delete_ppks(session: Session, record_id: int) -> Changes:
    record = _ppks_record(session, record_id)
    changes = ppks_changes(session, record, reshaped=True)
    session.delete(record)
    session.flush()
    return changes


@dataclass(frozen=True)
class BulkOutcome:
    """What a change to many persons' own PPKS records did."""

    done: int
    skipped: int
    changes: Changes

    @classmethod
    def of(cls, records: list[int], persons: set[int], skipped: int, *, reshaped: bool) -> BulkOutcome:
        if len(records) > MANY:
            return cls(len(records), skipped, Changes.of(Kind.PPKS, Kind.PERSON))
        if not records:
            return cls(0, skipped, Changes())
        touched = (Changes.reshaped if reshaped else Changes.updated)(Kind.PPKS, records)
        return cls(len(records), skipped, touched | Changes.updated(Kind.PERSON, persons))


def add_ppks_to_persons(session: Session, data: PpksInput, person_ids: list[int],
                        progress: Progress = NULL_PROGRESS) -> BulkOutcome:
    """Record one category on many persons; those who already have it are skipped."""
    category = find_category(session, data.category)
    if category is None:
        raise ValidationError([Finding("ppks.unknown", params={"code": data.category})])
    progress.start(len(person_ids))
    records: list[int] = []
    persons: set[int] = set()
    for person_id in person_ids:
        check_cancelled(progress)
        if not session.scalar(select(PpksRecord.id).where(PpksRecord.category_no == category.no,
                                                          PpksRecord.person_id == person_id)):
            one = PpksInput(category.no, data.assessed_on, data.source, data.status, data.notes, person_id=person_id)
            records.append(add_ppks(session, one).id)
            persons.add(person_id)
        progress.advance()
    return BulkOutcome.of(records, persons, len(person_ids) - len(records), reshaped=True)


def set_ppks_status_of_persons(session: Session, person_ids: list[int], category: int, status: str,
                               progress: Progress = NULL_PROGRESS) -> BulkOutcome:
    """Give the records of one category held by these persons themselves a new status."""
    found = [row for start in range(0, len(person_ids), MANY) for row in session.execute(
        select(PpksRecord.id, PpksRecord.person_id).where(PpksRecord.person_id.in_(person_ids[start:start + MANY]),
                                                          PpksRecord.category_no == category))]
    progress.start(len(found))
    for record_id, _ in found:
        check_cancelled(progress)
        set_ppks_status(session, record_id, status)
        progress.advance()
    return BulkOutcome.of([r for r, _ in found], {p for _, p in found}, 0, reshaped=False)


@dataclass
class PsksInput:
    type: str | int
    person_id: int | None = None
    family_id: int | None = None
    org_name: str | None = None
    legal_number: str | None = None
    phone: str | None = None
    chair_name: str | None = None
    chair_person_id: int | None = None
    sk_number: str | None = None
    sk_date: dt.date | None = None
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    active: bool = True
    address: str | None = None
    desa_code: str | None = None
    rt: str | None = None
    rw: str | None = None
    notes: str | None = None
    coverage: list[str] = field(default_factory=list)  # desa codes
    members: list[tuple[str, str | None, int | None]] = field(default_factory=list)  # name, role, person


def add_psks(session: Session, data: PsksInput) -> Outcome:
    """Register a PSKS; the holder must fit its type's form (person, family or organisation)."""
    return _save_psks(session, None, data)


def update_psks(session: Session, psks_id: int, data: PsksInput) -> Outcome:
    """Change a PSKS entry; its coverage and member roster are replaced by the ones given."""
    return _save_psks(session, psks_id, data)


def _save_psks(session: Session, psks_id: int | None, data: PsksInput) -> Outcome:
    psks_type = find_psks_type(session, data.type)
    if psks_type is None:
        raise ValidationError([Finding("psks.unknown", params={"code": data.type})])
    form = psks_type.form
    given = {PsksForm.PERSON: data.person_id, PsksForm.FAMILY: data.family_id,
             PsksForm.ORGANISATION: (data.org_name or "").strip() or None}
    if given[form] is None or sum(v is not None for v in given.values()) != 1:
        raise ValidationError([Finding("psks.holder", params={"code": psks_type.code, "form": form.value})])
    desa = office_desa_codes(session)
    bad = [c for c in [data.desa_code, *data.coverage] if c and c not in desa]
    if bad:
        raise ValidationError([Finding("region.not_in_kecamatan", params={"code": c}) for c in bad])
    values = dict(
        type_no=psks_type.no, person_id=data.person_id, family_id=data.family_id,
        org_name=given[PsksForm.ORGANISATION], legal_number=data.legal_number, phone=data.phone,
        chair_name=data.chair_name, chair_person_id=data.chair_person_id, sk_number=data.sk_number,
        sk_date=data.sk_date, term_start=data.term_start, term_end=data.term_end, active=data.active,
        address=data.address, desa_code=data.desa_code, rt=data.rt, rw=data.rw, notes=data.notes)
    if psks_id is None:
        entry = PsksEntry(**values)
        session.add(entry)
        before = Changes()
    else:
        entry = _psks(session, psks_id)
        before = psks_changes(entry, reshaped=False)  # persons who may leave its roster
        for key, value in values.items():
            if getattr(entry, key) != value:
                setattr(entry, key, value)
    session.flush()
    wanted = list(dict.fromkeys(data.coverage))
    for row in list(entry.coverage):
        if row.desa_code not in wanted:
            session.delete(row)
    have = {row.desa_code for row in entry.coverage}
    for code in wanted:
        if code not in have:
            session.add(PsksCoverage(psks_id=entry.id, desa_code=code))
    roster = [(m.name, m.role, m.person_id) for m in entry.members]
    if roster != list(data.members):
        for member in list(entry.members):
            session.delete(member)
        session.flush()
        for name, role, person_id in data.members:
            session.add(PsksMember(psks_id=entry.id, name=name, role=role, person_id=person_id))
    session.flush()
    session.expire(entry, ["coverage", "members"])
    return Outcome(entry.id, changes=before | psks_changes(entry, reshaped=psks_id is None))


def psks_changes(entry: PsksEntry, *, reshaped: bool) -> Changes:
    """The entry, and the persons whose detail names it: its holder, chair and members."""
    out = (Changes.reshaped if reshaped else Changes.updated)(Kind.PSKS, [entry.id])
    people = {entry.person_id, entry.chair_person_id, *(m.person_id for m in entry.members)} - {None}
    return out | Changes.updated(Kind.PERSON, people) if people else out


def _psks(session: Session, psks_id: int) -> PsksEntry:
    return get_or_fail(session, PsksEntry, psks_id, "PSKS")


def psks_input(session: Session, psks_id: int) -> PsksInput:
    e = _psks(session, psks_id)
    return PsksInput(
        type=e.type_no, person_id=e.person_id, family_id=e.family_id, org_name=e.org_name,
        legal_number=e.legal_number, phone=e.phone, chair_name=e.chair_name, chair_person_id=e.chair_person_id,
        sk_number=e.sk_number, sk_date=e.sk_date, term_start=e.term_start, term_end=e.term_end, active=e.active,
        address=e.address, desa_code=e.desa_code, rt=e.rt, rw=e.rw, notes=e.notes,
        coverage=[c.desa_code for c in e.coverage], members=[(m.name, m.role, m.person_id) for m in e.members])


def delete_psks(session: Session, psks_id: int) -> Changes:
    entry = _psks(session, psks_id)
    changes = psks_changes(entry, reshaped=True)
    for row in [*entry.coverage, *entry.members]:
        session.delete(row)  # one by one, so each is audited
    session.flush()
    session.expire(entry, ["coverage", "members"])
    session.delete(entry)
    session.flush()
    return changes


def create_community(session: Session, name: str, desa_code: str | None, location: str | None = None,
                     family_count: int | None = None, person_count: int | None = None) -> Outcome:
    if desa_code and desa_code not in office_desa_codes(session):
        raise ValidationError([Finding("region.not_in_kecamatan", params={"code": desa_code})])
    community = Community(name=name.strip(), desa_code=desa_code, location=location,
                          family_count=family_count, person_count=person_count)
    session.add(community)
    session.flush()
    return Outcome(community.id)

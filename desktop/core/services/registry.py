"""Persons and families: create, change, move and delete them under the registry's rules.

Every function takes the caller's session (one unit of work, see Database.transaction) and returns
the warnings that did not block it and what it changed (`Changes`, for the screens to redraw just
those rows). Errors raise ValidationError carrying all findings at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.changes import NOTHING, Changes, Kind
from desktop.core.db.models import DesilHistory, Family, Person, PpksRecord, PsksEntry, PsksMember, Region
from desktop.core.domain.enums import Disability, LifeStatus, Sex
from desktop.core.domain.identity import check_kk, check_nik, nik_mismatches
from desktop.core.domain.people import name_key, normalize_name, normalize_rt_rw
from desktop.core.errors import Finding, ValidationError
from desktop.core.access import Right
from desktop.core.services import privacy
from desktop.core.services.common import get_or_fail
from desktop.core.services.office import get_office

HEAD_OF_FAMILY = 1  # SHDK code "Kepala Keluarga"
OTHER_RELATIONSHIP = 11  # "Lainnya"


@dataclass
class PersonInput:
    name: str
    sex: str
    nik: str | None = None
    birth_place: str | None = None
    birth_date: dt.date | None = None
    family_id: int | None = None
    relationship_code: int | None = None
    religion_code: int | None = None
    marital_status_code: int | None = None
    education_code: int | None = None
    occupation: str | None = None
    disability: str | None = None
    phone: str | None = None
    address: str | None = None
    desa_code: str | None = None
    dusun: str | None = None
    rt: str | None = None
    rw: str | None = None
    life_status: str = LifeStatus.ALIVE.value
    notes: str | None = None


@dataclass
class FamilyInput:
    no_kk: str | None = None
    address: str | None = None
    desa_code: str | None = None
    dusun: str | None = None
    rt: str | None = None
    rw: str | None = None
    notes: str | None = None


@dataclass
class Outcome:
    """What a service call did, and what it wants the operator to look at."""

    id: int
    warnings: list[Finding] = field(default_factory=list)
    changes: Changes = NOTHING


# Past this many ids a change says "which ones unknown": a list re-reads itself for less than the
# bookkeeping would cost (and SQLite caps the number of bound parameters).
MANY = 500


def _touch(kind: Kind, ids, reshaped: bool) -> Changes:
    return (Changes.reshaped if reshaped else Changes.updated)(kind, ids)


def person_changes(session: Session, person_ids, *, reshaped: bool = False) -> Changes:
    """What shows these persons: their rows, their families' rows (head, size) and the PSKS they
    hold (named after them)."""
    ids = set(person_ids)
    if len(ids) > MANY:
        return Changes.of(Kind.PERSON, Kind.FAMILY, Kind.PSKS)
    out = _touch(Kind.PERSON, ids, reshaped)
    families = set(session.scalars(select(Person.family_id).where(Person.id.in_(ids), Person.family_id.is_not(None))))
    if families:
        out |= Changes.updated(Kind.FAMILY, families)
    held = set(session.scalars(select(PsksEntry.id).where(PsksEntry.person_id.in_(ids))))
    if held:
        out |= Changes.updated(Kind.PSKS, held)
    return out


def family_changes(session: Session, family_ids, *, reshaped: bool = False) -> Changes:
    """What shows these families: their rows, their members' rows (No. KK, address, family PPKS) and
    the PSKS they hold (named after the head)."""
    ids = set(family_ids)
    if len(ids) > MANY:
        return Changes.of(Kind.FAMILY, Kind.PERSON, Kind.PSKS)
    out = _touch(Kind.FAMILY, ids, reshaped)
    members = set(session.scalars(select(Person.id).where(Person.family_id.in_(ids))))
    if members:
        out |= Changes.updated(Kind.PERSON, members) if len(members) <= MANY else Changes.of(Kind.PERSON)
    held = set(session.scalars(select(PsksEntry.id).where(PsksEntry.family_id.in_(ids))))
    if held:
        out |= Changes.updated(Kind.PSKS, held)
    return out


def _blank(value: str | None) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def office_desa_codes(session: Session) -> frozenset[str]:
    cached = session.info.get("desa_codes")
    if cached is None:
        office = get_office(session)
        codes = () if office is None else session.scalars(
            select(Region.code).where(Region.parent_code == office.kecamatan_code))
        cached = session.info["desa_codes"] = frozenset(codes)
    return cached


def _address(session: Session, data: PersonInput | FamilyInput, errors: list[Finding]) -> dict:
    out = {"address": _blank(data.address), "dusun": _blank(data.dusun), "desa_code": _blank(data.desa_code)}
    if out["desa_code"] and out["desa_code"] not in office_desa_codes(session):
        errors.append(Finding("region.not_in_kecamatan", params={"code": out["desa_code"]}))
    for key in ("rt", "rw"):
        try:
            out[key] = normalize_rt_rw(getattr(data, key))
        except ValidationError as exc:
            errors.extend(exc.findings)
    return out


def _validate_person(session: Session, data: PersonInput, person_id: int | None,
                     today: dt.date | None) -> tuple[dict, list[Finding]]:
    privacy.actor(session).require(Right.REGISTRY_EDIT)
    errors: list[Finding] = []
    warnings: list[Finding] = []
    name = normalize_name(data.name or "")
    if not name:
        errors.append(Finding("person.name_required"))
    if data.sex not in (Sex.MALE, Sex.FEMALE):
        errors.append(Finding("person.sex_invalid"))
    nik = _blank(data.nik)
    mismatch = False
    if nik is not None:
        checked = check_nik(nik, today=today)
        errors += checked.errors
        warnings += checked.warnings
        nik = checked.value
        if checked.valid:
            found = nik_mismatches(checked, data.birth_date, data.sex)
            mismatch = bool(found)
            warnings += found
            other = session.execute(select(Person.id, Person.name).where(Person.nik == nik)).first()
            if other is not None and other.id != person_id:
                errors.append(Finding("nik.duplicate", params={"nik": nik, "name": other.name}))
    values = {
        "name": name, "name_key": name_key(name), "sex": data.sex, "nik": nik, "nik_mismatch": mismatch,
        "birth_place": _blank(data.birth_place), "birth_date": data.birth_date,
        "family_id": data.family_id, "relationship_code": data.relationship_code,
        "religion_code": data.religion_code, "marital_status_code": data.marital_status_code,
        "education_code": data.education_code, "occupation": _blank(data.occupation),
        "disability": Disability(data.disability) if data.disability else None,
        "phone": _blank(data.phone), "life_status": LifeStatus(data.life_status), "notes": _blank(data.notes),
    }
    values.update(_address(session, data, errors))
    if data.family_id is not None:
        family = session.get(Family, data.family_id)
        if family is None:
            errors.append(Finding("record.not_found", params={"what": "keluarga", "id": data.family_id}))
        elif not values["desa_code"]:
            values.update(_family_address(family))  # members live at the family's address
    if errors:
        raise ValidationError(errors)
    return values, warnings


def _family_address(family: Family) -> dict:
    return {k: getattr(family, k) for k in ("address", "desa_code", "dusun", "rt", "rw")}


def create_person(session: Session, data: PersonInput, *, today: dt.date | None = None) -> Outcome:
    values, warnings = _validate_person(session, data, None, today)
    person = Person(**values)
    session.add(person)
    session.flush()
    return Outcome(person.id, warnings, person_changes(session, [person.id], reshaped=True))


def update_person(session: Session, person_id: int, data: PersonInput, *,
                  today: dt.date | None = None) -> Outcome:
    person = get_person(session, person_id)
    if data.nik and person.nik and data.nik == privacy.masked(person.nik):
        data = replace(data, nik=person.nik)  # a masked form leaves the NIK as it was
    values, warnings = _validate_person(session, data, person_id, today)
    before = person_changes(session, [person_id])  # the family it may leave
    _apply(person, values)
    session.flush()
    return Outcome(person.id, warnings, before | person_changes(session, [person_id]))


def _apply(obj: object, values: dict) -> None:
    """Set only what changed, so that the audit trail lists real changes."""
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)


def get_person(session: Session, person_id: int) -> Person:
    return get_or_fail(session, Person, person_id, "penduduk")


def person_input(person: Person) -> PersonInput:
    """The editable fields of a stored person, e.g. to change one field and save."""
    values = {f.name: getattr(person, f.name) for f in fields(PersonInput)}
    values["disability"] = person.disability.value if person.disability else None
    values["life_status"] = person.life_status.value
    values["sex"] = person.sex.value
    return PersonInput(**values)


def person_form(session: Session, person_id: int) -> PersonInput:
    """The edit form's values: the NIK whole for a role that may see it (the form is work on that
    very record), masked and kept unchanged on saving for one that may not."""
    data = person_input(get_person(session, person_id))
    if not privacy.actor(session).full_nik:
        data = replace(data, nik=privacy.masked(data.nik))
    return data


def find_person_by_nik(session: Session, nik: str) -> Person | None:
    checked = check_nik(nik, check_region=False)
    return session.scalars(select(Person).where(Person.nik == checked.value)).first()


def delete_person(session: Session, person_id: int) -> Changes:
    """Delete a person with their PPKS records and PSKS memberships, each audited. A person who
    holds a PSKS role (a TKSK, a PSM) is kept: end that role first."""
    person = get_person(session, person_id)
    if session.scalar(select(func.count()).select_from(PsksEntry).where(PsksEntry.person_id == person_id)):
        raise ValidationError([Finding("person.is_psks_holder")])
    changes = person_changes(session, [person_id], reshaped=True)
    for record in session.scalars(select(PpksRecord).where(PpksRecord.person_id == person_id)):
        changes |= Changes.reshaped(Kind.PPKS, [record.id])
        session.delete(record)
    for member in session.scalars(select(PsksMember).where(PsksMember.person_id == person_id)):
        member.person_id = None  # the organisation keeps the name on its roster
    for entry in session.scalars(select(PsksEntry).where(PsksEntry.chair_person_id == person_id)):
        entry.chair_person_id = None
    session.flush()
    session.delete(person)
    session.flush()
    return changes


def delete_persons(session: Session, person_ids: list[int]) -> Changes:
    """Delete several persons in one unit of work: all of them, or (on the first refusal) none."""
    changes = Changes()
    for person_id in person_ids:
        one = delete_person(session, person_id)
        if len(person_ids) <= MANY:
            changes |= one
    return changes if len(person_ids) <= MANY else Changes.of(Kind.PERSON, Kind.FAMILY, Kind.PPKS)


# ---- families ---------------------------------------------------------------------------------

def _validate_family(session: Session, data: FamilyInput, family_id: int | None,
                     today: dt.date | None) -> tuple[dict, list[Finding]]:
    errors: list[Finding] = []
    warnings: list[Finding] = []
    no_kk = _blank(data.no_kk)
    if no_kk is not None:
        checked = check_kk(no_kk, today=today)
        errors += checked.errors
        warnings += checked.warnings
        no_kk = checked.value
        if checked.valid:
            other = session.scalar(select(Family.id).where(Family.no_kk == no_kk))
            if other is not None and other != family_id:
                errors.append(Finding("kk.duplicate", params={"kk": no_kk}))
    values = {"no_kk": no_kk, "notes": _blank(data.notes)}
    values.update(_address(session, data, errors))
    if errors:
        raise ValidationError(errors)
    return values, warnings


def create_family(session: Session, data: FamilyInput, *, today: dt.date | None = None) -> Outcome:
    values, warnings = _validate_family(session, data, None, today)
    family = Family(**values)
    session.add(family)
    session.flush()
    return Outcome(family.id, warnings, Changes.reshaped(Kind.FAMILY, [family.id]))


def get_family(session: Session, family_id: int) -> Family:
    return get_or_fail(session, Family, family_id, "keluarga")


def update_family(session: Session, family_id: int, data: FamilyInput, *,
                  today: dt.date | None = None) -> Outcome:
    """Change a family; its members move with it to the new address."""
    family = get_family(session, family_id)
    values, warnings = _validate_family(session, data, family_id, today)
    _apply(family, values)
    address = _family_address(family)
    for member in family.members:
        _apply(member, address)
    session.flush()
    return Outcome(family.id, warnings, family_changes(session, [family_id]))


def set_desil(session: Session, family_id: int, desil: int, as_of: dt.date, source: str | None) -> Changes:
    """Record a DTSEN desil for a family; older extracts never overwrite a newer one."""
    if not isinstance(desil, int) or not 1 <= desil <= 10:
        raise ValidationError([Finding("desil.range", params={"value": desil})])
    family = get_family(session, family_id)
    session.add(DesilHistory(family_id=family.id, desil=desil, as_of=as_of, source=_blank(source)))
    if family.desil_as_of is None or as_of >= family.desil_as_of:
        family.desil, family.desil_as_of, family.desil_source = desil, as_of, _blank(source)
    session.flush()
    return family_changes(session, [family_id])


def move_member(session: Session, person_id: int, family_id: int | None,
                relationship_code: int | None) -> Changes:
    """Put a person into a family (or take them out with family_id=None); they take its address."""
    person = get_person(session, person_id)
    before = person_changes(session, [person_id])  # the family they leave
    person.family_id = family_id
    person.relationship_code = relationship_code
    if family_id is not None:
        for key, value in _family_address(get_family(session, family_id)).items():
            setattr(person, key, value)
    session.flush()
    return before | person_changes(session, [person_id])


def delete_family(session: Session, family_id: int) -> Changes:
    """Delete a family record. Its members stay in the registry without a family; its family-level
    PPKS records (FM, KBSP) go with it, each audited."""
    family = get_family(session, family_id)
    if session.scalar(select(func.count()).select_from(PsksEntry).where(PsksEntry.family_id == family_id)):
        raise ValidationError([Finding("family.is_psks_holder")])
    changes = family_changes(session, [family_id], reshaped=True)
    for member in list(family.members):
        member.family_id = None
    for record in session.scalars(select(PpksRecord).where(PpksRecord.family_id == family_id)):
        changes |= Changes.reshaped(Kind.PPKS, [record.id])
        session.delete(record)
    session.flush()
    session.delete(family)
    session.flush()
    return changes


def set_head(session: Session, family_id: int, person_id: int) -> Changes:
    """Make a member the head of the family; a previous head becomes "Lainnya" (edit it after)."""
    person = get_person(session, person_id)
    changes = NOTHING
    if person.family_id != family_id:
        changes = move_member(session, person_id, family_id, HEAD_OF_FAMILY)
    for member in get_family(session, family_id).members:
        if member.id != person_id and member.relationship_code == HEAD_OF_FAMILY:
            member.relationship_code = OTHER_RELATIONSHIP
    person.relationship_code = HEAD_OF_FAMILY
    session.flush()
    return changes | family_changes(session, [family_id])


def family_input(family: Family) -> FamilyInput:
    return FamilyInput(**{f.name: getattr(family, f.name) for f in fields(FamilyInput)})
